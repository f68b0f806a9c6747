"""The Article record and the metadata every article has.

The analysed text of an article is its headline, a blank line, then its body; ``body_start`` is where
the body begins. Metadata columns of the user's files are recognised under common names
(:data:`COLUMN_ALIASES`: ``headline`` is the title, ``publisher`` the outlet...).
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Metadata columns recognised under other names.
COLUMN_ALIASES = {
    "headline": "title",
    "source": "outlet",
    "publisher": "outlet",
    "publication": "outlet",
    "byline": "author",
    "authors": "author",
    "published": "date",
    "publish_date": "date",
    "link": "url",
    "id": "doc_id",
}
#: The metadata fields every article has (empty when unknown; never invented).
FIELDS = ("outlet", "title", "author", "date", "url", "source_line")


@dataclass(frozen=True)
class Article:
    """One article ready for analysis.

    ``text`` is the analysed text (headline, blank line, body); ``body_start`` is the character offset
    where the body begins (0 when the text has no headline). ``meta`` holds any further metadata
    (``event``, ``language``, columns of the user's table...). ``notes`` records what reading did that a
    user may want to know (an encoding guessed, a repeated standfirst dropped).
    """

    doc_id: str
    text: str
    body_start: int = 0
    outlet: str = ""
    title: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    source_line: str = ""
    path: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


def as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(as_text(v) for v in value)
    return str(value).strip()


def column(name: str) -> str:
    key = name.strip().lower().replace(" ", "_").replace("-", "_")
    return COLUMN_ALIASES.get(key, key)
