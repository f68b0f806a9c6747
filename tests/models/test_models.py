"""framing.models: what a model computed from a parse is kept with the parse, by model version."""

from __future__ import annotations

from framing.models import keep, kept


def test_a_kept_reading_is_read_back_for_its_version_only(blank_nlp):
    doc = blank_nlp("A clear threat.")
    assert kept(doc, "reading", "v1") is None
    keep(doc, "reading", "v1", [1.0, 2.0])
    assert kept(doc, "reading", "v1") == [1.0, 2.0]
    assert kept(doc, "reading", "v2") is None and kept(doc, "reading", "") is None
    keep(doc, "reading", "v2", [3.0])  # another version replaces the first
    assert kept(doc, "reading", "v1") is None and kept(doc, "reading", "v2") == [3.0]
    keep(doc, "other", "v1", "x")  # another name is left alone
    assert kept(doc, "reading", "v2") == [3.0] and kept(doc, "other", "v1") == "x"
