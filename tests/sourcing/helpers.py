"""Small helpers shared by the sourcing tests."""

from __future__ import annotations

from hypothesis import strategies as st

from framing.sourcing import find_quotation_marks

#: Random text made of quotation marks, punctuation and words that cues and speakers are made of.
MARKS = "\"'“”‘’«»„‚‹›`"
PIECES = list(MARKS) + list("abc XYZ.,:;!?-—\n") + ["said", " he ", "Smith ", "that ", "according to "]
TEXT = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


def quoted(text: str) -> list[str]:
    """The words of each quotation in ``text``."""
    return [text[q.start:q.end] for q in find_quotation_marks(text)]


def quotes(nlp, text: str):
    """The quotes the full pipeline finds in ``text``."""
    return nlp(text)._.framing_quotes


def only(nlp, text: str, kind: str | None = None):
    """The one quote (of ``kind``) found in ``text``; fails when there are more or none."""
    found = [q for q in quotes(nlp, text) if kind is None or q.kind == kind]
    assert len(found) == 1, found
    return found[0]
