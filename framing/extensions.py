"""Every custom ``._`` attribute the toolkit sets, registered once, here.

- ``Doc._.framing_markers``: list of :class:`framing.records.Marker`, set by ``framing_markers``
- ``Doc._.framing_quotes``: list of :class:`framing.records.Quote`, set by ``framing_sourcing``
- ``Doc._.framing_mentions``: list of :class:`framing.records.Mention`, set by ``framing_actors``
- ``Doc._.framing_frames``: a :class:`framing.records.ArticleFrames`, set by ``framing_frames``

All default to ``None`` (component not run). An attribute of the same name registered by another
package in another shape is never overwritten: registering raises instead.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: The Doc extensions, all plain values defaulting to None.
DOC_EXTENSIONS = ("framing_markers", "framing_quotes", "framing_mentions", "framing_frames")


def register() -> None:
    """Register the Doc extensions (idempotent). Raises RuntimeError if another package owns a name."""
    for name in DOC_EXTENSIONS:
        if Doc.has_extension(name):
            if Doc.get_extension(name) != (None, None, None, None):
                raise RuntimeError(f"Doc._.{name} is already registered by another package in another "
                                   "shape; framing cannot share this name")
            continue
        Doc.set_extension(name, default=None)


register()
