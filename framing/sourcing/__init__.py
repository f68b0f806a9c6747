"""Who is quoted, directly or not, named or anonymous, with which reporting verb and credential: the
``framing_sourcing`` component and its parts."""

from framing.sourcing.extractor import SourcingExtractor, find_quotation_marks, find_quotes, make_sourcing

__all__ = ["SourcingExtractor", "find_quotation_marks", "find_quotes", "make_sourcing"]
