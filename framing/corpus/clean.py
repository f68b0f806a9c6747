"""Cleaning plain text: drop whole lines of web boilerplate and metadata, find the headline.

Cleaning only drops whole lines (boilerplate such as "Share post:" or "Related", metadata lines such as
``Date:``, ``By …``, ``Source: …``, a standfirst that a later paragraph repeats) and trims the ends; it
never rewrites characters inside the lines it keeps, so every offset in the output tables points at text
that can be found in the file. The boilerplate lines are data (``framing/lexicons/words/corpus.csv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from framing.lexicons.words import word_list

#: Whole lines that are web boilerplate wherever they appear (compared lower-case, stripped).
BOILERPLATE = word_list("corpus", "boilerplate")
#: Short lines that are boilerplate only in the block after the article (a "Related" subhead inside
#: an article is kept).
TAIL_BOILERPLATE = word_list("corpus", "tail_boilerplate")
DATE_LINE = re.compile(r"^\s*(?:date|published|posted|updated)\s*:\s*(?P<value>.*?)\s*$", re.I)
BYLINE = re.compile(r"^\s*[Bb][Yy]\s+(?P<value>[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|de|van|von|da|and|&)){0,5})"
                    r"\s*$")
SOURCE_LINE = re.compile(r"^\s*source\s*:\s*(?P<value>\S.{0,80}?)\s*$", re.I)
URL_LINE = re.compile(r"^\s*(?P<value>https?://\S+)\s*$")
#: A repeated opening paragraph shorter than this is not dropped as a standfirst.
MIN_STANDFIRST_CHARS = 40
#: A first line longer than this, or ending like a sentence, is body text rather than a headline.
MAX_HEADLINE_CHARS = 200


@dataclass(frozen=True)
class Cleaned:
    """Result of :func:`clean_text`."""

    text: str
    body_start: int
    title: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    source_line: str = ""
    notes: tuple[str, ...] = ()


def _key(line: str) -> str:
    return " ".join(line.split()).lower()


def _metadata(line: str) -> tuple[str, str] | None:
    """``(field, value)`` when the line is a metadata line (value may be empty), else None."""
    for name, pattern in (("date", DATE_LINE), ("author", BYLINE), ("source_line", SOURCE_LINE),
                          ("url", URL_LINE)):
        match = pattern.match(line)
        if match:
            value = line.strip() if name == "source_line" else match.group("value")
            return name, value
    return None


def _is_headline(line: str) -> bool:
    stripped = line.strip()
    return (0 < len(stripped) <= MAX_HEADLINE_CHARS and stripped[-1] not in ".,;:"
            and _metadata(stripped) is None)


def clean_text(raw: str, *, title: str = "") -> Cleaned:
    """Clean one article's plain text: drop boilerplate and metadata lines, find the headline.

    ``title`` (from front matter) is used as headline when the text does not start with one.
    Returns the analysed text with the metadata found in it.
    """
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    found: dict[str, str] = {}
    notes: list[str] = []

    def take(line: str) -> bool:
        meta = _metadata(line)
        if meta is None:
            return False
        found.setdefault(meta[0], meta[1])
        return True

    keep = [not line.strip() or _key(line) not in BOILERPLATE for line in lines]
    content = [i for i, line in enumerate(lines) if keep[i] and line.strip()]
    # Trailing block: metadata and short boilerplate after the last paragraph of the article.
    while content and (_key(lines[content[-1]]) in TAIL_BOILERPLATE or take(lines[content[-1]])):
        keep[content.pop()] = False
    # Headline, then the metadata lines that stand between it and the body.
    headline = ""
    if content and title and lines[content[0]].strip() == title.strip():
        keep[content.pop(0)] = False  # the given title is already the first line
    if content and not title and _is_headline(lines[content[0]]) and len(content) > 1:
        headline = lines[content[0]].strip()
        content.pop(0)
    while content and take(lines[content[0]]):
        keep[content.pop(0)] = False
    # A standfirst that a later paragraph repeats word for word is a teaser, not more text.
    first = lines[content[0]].strip() if content else ""
    if len(first) >= MIN_STANDFIRST_CHARS and any(lines[i].strip().startswith(first) for i in content[1:]):
        keep[content.pop(0)] = False
        notes.append("dropped a standfirst that repeats a later paragraph")
    if not content:
        raise ValueError("no article text")
    body_lines = lines[content[0]: content[-1] + 1]
    body_keep = keep[content[0]: content[-1] + 1]
    body: list[str] = []
    for line, kept in zip(body_lines, body_keep):
        if not kept:
            continue
        if not line.strip() and body and not body[-1].strip():
            continue  # one blank line between paragraphs once lines were dropped
        body.append(line)
    body_text = "\n".join(body).strip()
    headline = headline or title.strip()
    text = f"{headline}\n\n{body_text}" if headline else body_text
    return Cleaned(
        text=text,
        body_start=len(headline) + 2 if headline else 0,
        title=headline,
        author=found.get("author", ""),
        date=found.get("date", ""),
        url=found.get("url", ""),
        source_line=found.get("source_line", ""),
        notes=tuple(notes),
    )
