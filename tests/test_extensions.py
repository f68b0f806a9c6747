"""framing.extensions: the Doc attributes of the framing components, registered once, empty until a
component runs, and never taken over from another package."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from framing import extensions
from framing.extensions import DOC_EXTENSIONS


def test_every_attribute_is_registered_and_empty_until_its_component_runs():
    doc = spacy.blank("en")("Putin said it was a clear threat.")
    assert DOC_EXTENSIONS == ("framing_markers", "framing_quotes", "framing_mentions", "framing_frames")
    assert [getattr(doc._, name) for name in DOC_EXTENSIONS] == [None, None, None, None]
    extensions.register()  # again: nothing changes
    assert all(Doc.get_extension(name) == (None, None, None, None) for name in DOC_EXTENSIONS)


def test_an_attribute_of_another_package_is_not_overwritten():
    def count(doc):
        return len(doc)

    Doc.set_extension("framing_mentions", getter=count, force=True)
    try:
        with pytest.raises(RuntimeError, match="Doc._.framing_mentions is already registered by another package"):
            extensions.register()
        assert Doc.get_extension("framing_mentions")[2] is count
    finally:
        Doc.set_extension("framing_mentions", default=None, force=True)
