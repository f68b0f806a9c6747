"""Long texts in pieces: a transcript, a hearing or a report is analysed piece by piece, and its rows are
put back together as one article's.

A text longer than :data:`MAX_PIECE_CHARS` is cut at paragraph boundaries (a line break), else at
sentence boundaries (". ", "? ", "! "), else at white space, so that no piece is longer than the limit.
Each piece is parsed and analysed on its own, exactly as an article with that text would be; its rows
are then shifted (:func:`shift`) so that offsets refer to the whole text, ``sent_id`` counts on from
the sentences of the pieces before it and ``quote_id`` from their quotations. Only the pieces of one
chunk are parsed at a time, so memory does not grow with the length of the text.

The frames model reads each piece as a text of its own; the whole text gets, for each frame, the row
of the piece with the highest score (its evidence shifted into the whole text), present when any piece
has it, and the sentences that evoke it counted over all pieces (:func:`merge_frames`).

>>> [text[s:e] for text in ["one\\n\\ntwo three"] for s, e in split_text(text, limit=8)]
['one\\n\\n', 'two three']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from framing.corpus import Article
from framing.schemas import Rows

#: Longest text parsed as one Doc (characters). spaCy refuses texts over 1,000,000 characters, and the
#: parser's memory grows with the length of a Doc; 100,000 characters (a long report chapter) keeps
#: the memory of one Doc near that of an ordinary batch of articles.
MAX_PIECE_CHARS = 100_000
#: Where a long text may be cut, best first: after a line break, after the end of a sentence, after a space.
BOUNDARIES = (re.compile(r"\n+"), re.compile(r"[.!?][\"'\u201d\u2019)]*\s+"), re.compile(r"\s+"))
#: Key under which a piece's rows carry the number of its quotations (taken out when pieces are joined).
QUOTE_COUNT = "_quote_count"
#: Columns holding character offsets, by table (-1 means "none" and stays -1).
CHAR_COLUMNS = {"sentences": ("start_char", "end_char"), "markers": ("start_char", "end_char"),
                "quotes": ("start_char", "end_char", "speaker_start_char", "speaker_end_char", "cue_start_char",
                           "cue_end_char"),
                "mentions": ("start_char", "end_char")}


@dataclass(frozen=True)
class Piece:
    """A part of an article's text, analysed as an article of its own: ``article`` holds the piece's
    text (its ``body_start`` moved to the piece), ``start`` is where the piece begins in the whole text,
    ``whole`` the article it is part of, ``last`` whether it ends it."""

    article: Article
    start: int
    whole: Article
    last: bool


def split_text(text: str, *, limit: int = MAX_PIECE_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive pieces covering ``text``, each at most ``limit`` characters, cut at
    the best boundary of :data:`BOUNDARIES` found in the piece's second half (else anywhere in it, else
    at ``limit``). A text within the limit is one piece."""
    spans = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = 0
        for boundary in BOUNDARIES:
            ends = [m.end() for m in boundary.finditer(window) if m.end() < len(window)]
            late = [end for end in ends if end >= limit // 2]
            if late or ends:
                cut = (late or ends)[-1]
                break
        cut = cut or limit
        spans.append((start, start + cut))
        start += cut
    spans.append((start, len(text)))
    return spans


def pieces(articles: Iterable[Article], *, limit: int = MAX_PIECE_CHARS) -> Iterator[Article | Piece]:
    """Each article as it is, or, when its text is longer than ``limit``, its pieces in order."""
    for article in articles:
        if len(article.text) <= limit:
            yield article
            continue
        spans = split_text(article.text, limit=limit)
        for k, (start, end) in enumerate(spans):
            part = replace(article, text=article.text[start:end], body_start=max(0, article.body_start - start))
            yield Piece(part, start, article, k == len(spans) - 1)


def shift(rows: Rows, *, chars: int, sentences: int, quotes: int) -> dict[str, list[dict[str, object]]]:
    """The rows of a piece with offsets into the whole text: character offsets moved by ``chars``,
    ``sent_id`` by ``sentences`` and ``quote_id`` by ``quotes`` (the pieces before it)."""
    out: dict[str, list[dict[str, object]]] = {"articles": list(rows["articles"])}
    for name, table in rows.items():
        if name in ("articles", QUOTE_COUNT):
            continue
        columns = CHAR_COLUMNS.get(name, ())
        moved = []
        for row in table:
            row = dict(row)
            for column in columns:
                if row.get(column, -1) >= 0:
                    row[column] += chars
            if "sent_id" in row:
                row["sent_id"] += sentences
            if row.get("quote_id") is not None:
                row["quote_id"] += quotes
            if row.get("evidence"):
                row["evidence"] = ";".join(str(int(s) + sentences) for s in str(row["evidence"]).split(";"))
            moved.append(row)
        out[name] = moved
    return out


def join(units: Iterable[tuple[Article | Piece, Rows]]) -> Iterator[Rows]:
    """The rows of each article, in order, from the rows of its units (an article, or its pieces in
    order): the pieces' rows shifted into the whole text, one ``articles`` row for the whole article
    (its words and sentences summed, its whole text)."""
    parts: list[Rows] = []
    sentences = quotes = 0
    for unit, rows in units:
        if not isinstance(unit, Piece):
            yield rows
            continue
        parts.append(shift(rows, chars=unit.start, sentences=sentences, quotes=quotes))
        if unit.start:  # only the first piece holds the article's lead
            for row in parts[-1].get("sentences", ()):
                if row.get("section") == "lead":
                    row["section"] = "body"
        [row] = rows["articles"]
        sentences += int(row["n_sentences"])
        quotes += int(rows[QUOTE_COUNT])
        if unit.last:
            yield _whole(unit.whole, parts, sentences)
            parts, sentences, quotes = [], 0, 0


def _whole(article: Article, parts: list[Rows], sentences: int) -> dict[str, list[dict[str, object]]]:
    first = dict(parts[0]["articles"][0])
    first.update(n_words=sum(int(p["articles"][0]["n_words"]) for p in parts), n_sentences=sentences,
                 text=article.text)
    out = {"articles": [first]}
    for name in parts[0]:
        if name != "articles":
            out[name] = [row for part in parts for row in part[name]]
    if "frames" in out:
        out["frames"] = merge_frames(out["frames"])
    return out


def merge_frames(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """One ``frames`` row per frame from the rows of the pieces of one text (in order): the row of the
    highest-scoring piece (the first of equals), present when any piece has the frame, ``n_sentences``
    summed."""
    merged: dict[object, dict[str, object]] = {}
    for row in rows:
        best = merged.get(row["frame"])
        if best is None:
            merged[row["frame"]] = dict(row)
            continue
        present = bool(best["present"]) or bool(row["present"])
        total = int(best["n_sentences"]) + int(row["n_sentences"])
        if float(row["score"]) > float(best["score"]):
            best = merged[row["frame"]] = dict(row)
        best.update(present=present, n_sentences=total)
    return list(merged.values())
