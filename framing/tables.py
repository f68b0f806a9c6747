"""Parsed documents -> the rows of the tables defined in :mod:`framing.schemas`.

:func:`doc_rows` gives the rows of one parsed article by table name; each ``*_rows`` function reads the
records the framing components left on the Doc (``doc._.framing_markers`` ...) and adds the sentence
each thing lies in. A marker's ``voice`` is ``quoted`` when it lies inside a direct quotation or scare
quote (``quote_id`` then says which), ``author`` otherwise. The frames tables join the model's
reading (``doc._.framing_frames``) with the frame cues among the markers.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import fields
from functools import cache

from spacy.tokens import Doc, Span

from framing.corpus import Article
from framing.arrays import sentences, word_count
from framing.pipeline.sentiment import sentence_scores
from framing.lexicons.definitions import frame_names
from framing.records import FRAME_FAMILY, QUOTED_KINDS, ArticleFrames, Marker, Mention, Quote
from framing.schemas import MARKERS, QUOTES, SCHEMAS, TABLES

#: Sentences named as a frame's evidence in the ``frames`` table.
EVIDENCE_SENTENCES = 3


def article_row(article: Article, doc: Doc, sents: Sequence[Span] | None = None) -> dict[str, object]:
    """The ``articles`` row of one article (fixed columns, then its extra metadata, then text)."""
    row: dict[str, object] = {
        "doc_id": article.doc_id, "outlet": article.outlet, "title": article.title,
        "author": article.author, "date": article.date, "url": article.url,
        "source_line": article.source_line, "path": article.path, "n_words": word_count(doc),
        "n_sentences": len(sentences(doc) if sents is None else sents),
    }
    for key in sorted(article.meta):
        if key not in SCHEMAS["articles"]:
            row[key] = article.meta[key]
    row["text"] = article.text
    return row


def lead_end(text: str, body_start: int) -> int:
    """Where the lead ends: the first line break after the body begins (the end of its first
    paragraph), or the text's end when the body is one paragraph."""
    body = text[body_start:]
    start = body_start + len(body) - len(body.lstrip())
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def section(start: int, body_start: int, lead: int, first_body: bool) -> str:
    """``headline`` before the body, ``lead`` in the body's first paragraph (only its first sentence
    when the body is one paragraph), ``body`` after it."""
    if start < body_start:
        return "headline"
    return "lead" if start < lead and first_body else "body"


def sentence_rows(article: Article, doc: Doc, sents: Sequence[Span] | None = None) -> list[dict[str, object]]:
    """One row per sentence; whitespace-only sentences are skipped but keep their number. ``section``
    is ``headline``, ``lead`` (the body's first paragraph) or ``body`` (see :func:`section`)."""
    rows = []
    sents = sentences(doc) if sents is None else sents
    lead = lead_end(article.text, article.body_start)
    one_paragraph = lead == len(article.text)
    body_seen = 0
    scores = sentence_scores(doc, sents)  # from the parse cache, when it has them
    for sent_id, sent in enumerate(sents):
        text = sent.text.strip()
        if not text:
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        polarity, subjectivity = scores[sent_id]
        body_seen += start >= article.body_start
        rows.append({"doc_id": article.doc_id, "sent_id": sent_id, "start_char": start,
                     "end_char": start + len(text),
                     "section": section(start, article.body_start, lead, not one_paragraph or body_seen == 1),
                     "text": text,
                     "polarity": polarity, "subjectivity": subjectivity})
    return rows


def _sentence_index(doc: Doc) -> list[int]:
    return [sent.start_char for sent in sentences(doc)]


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


def _values(record: object) -> dict[str, object]:
    """A record's fields as a dict (a shallow ``dataclasses.asdict``: the fields are plain values)."""
    return {name: getattr(record, name) for name in _field_names(type(record))}


def marker_rows(doc_id: str, doc: Doc, sent_starts: Sequence[int] | None = None) -> list[dict[str, object]]:
    """One row per marker in ``doc._.framing_markers``, with its voice from ``doc._.framing_quotes``."""
    markers: list[Marker] = doc._.framing_markers or []
    quotes: list[Quote] | None = doc._.framing_quotes
    starts = list(sent_starts) if sent_starts is not None else _sentence_index(doc)
    spans = [(q.start_char, q.end_char, q.quote_id) for q in (quotes or []) if q.kind in QUOTED_KINDS]
    rows = []
    for marker in markers:
        quote_id = next((qid for start, end, qid in spans
                         if start <= marker.start_char and marker.end_char <= end), None)
        voice = "" if quotes is None else ("quoted" if quote_id is not None else "author")
        row = {"doc_id": doc_id, "sent_id": bisect_right(starts, marker.start_char) - 1, **_values(marker),
               "voice": voice, "quote_id": quote_id}
        rows.append({column: row[column] for column in MARKERS})
    return rows


def quote_rows(doc_id: str, doc: Doc, sent_starts: Sequence[int] | None = None) -> list[dict[str, object]]:
    """One row per quotation or attribution in ``doc._.framing_quotes``."""
    starts = list(sent_starts) if sent_starts is not None else _sentence_index(doc)
    rows = []
    for quote in doc._.framing_quotes or []:
        row = {"doc_id": doc_id, "sent_id": bisect_right(starts, quote.start_char) - 1, **_values(quote)}
        rows.append({column: row[column] for column in QUOTES})
    return rows


def mention_rows(doc_id: str, doc: Doc, sent_starts: Sequence[int] | None = None) -> list[dict[str, object]]:
    """One row per entity mention in ``doc._.framing_mentions``."""
    starts = list(sent_starts) if sent_starts is not None else _sentence_index(doc)
    mentions: list[Mention] = doc._.framing_mentions or []
    return [{"doc_id": doc_id, "sent_id": bisect_right(starts, m.start_char) - 1, **_values(m)} for m in mentions]


def _cues_by_sentence(doc: Doc, starts: Sequence[int]) -> dict[tuple[int, str], list[str]]:
    """The frame cues of ``doc._.framing_markers`` by (sent_id, frame), as written, in text order."""
    cues: dict[tuple[int, str], list[str]] = {}
    for marker in doc._.framing_markers or []:
        if marker.family == FRAME_FAMILY:
            cues.setdefault((bisect_right(starts, marker.start_char) - 1, marker.category), []).append(marker.text)
    return cues


def frame_rows(doc_id: str, doc: Doc, sent_starts: Sequence[int] | None = None) -> list[dict[str, object]]:
    """One row per frame of ``doc._.framing_frames`` (none when the frames model did not run): score,
    decision, the sentences that evoke the frame, and the evidence sentences (largest positive parts)."""
    found: ArticleFrames | None = doc._.framing_frames
    if found is None:
        return []
    starts = list(sent_starts) if sent_starts is not None else _sentence_index(doc)
    evoking: dict[str, int] = {}
    for _, frame_name in _cues_by_sentence(doc, starts):
        evoking[frame_name] = evoking.get(frame_name, 0) + 1
    rows = []
    for j, frame_name in enumerate(found.frames):
        parts = sorted(((row[j], sent_id) for sent_id, row in enumerate(found.contributions) if row[j] > 0),
                       key=lambda p: (-p[0], p[1]))
        rows.append({"doc_id": doc_id, "frame": frame_name, "score": found.scores[j], "present": found.present[j],
                     "n_sentences": evoking.get(frame_name, 0),
                     "evidence": ";".join(str(s) for _, s in parts[:EVIDENCE_SENTENCES]), "source": found.source})
    return rows


def sentence_frame_rows(doc_id: str, doc: Doc, sent_starts: Sequence[int] | None = None) -> list[dict[str, object]]:
    """One row per sentence and frame it evokes (holds a cue of), with the sentence's part in the
    frame's score (None when the frames model did not run)."""
    starts = list(sent_starts) if sent_starts is not None else _sentence_index(doc)
    found: ArticleFrames | None = doc._.framing_frames
    column = {} if found is None else {name: j for j, name in enumerate(found.frames)}
    cues = _cues_by_sentence(doc, starts)
    order = {name: i for i, name in enumerate(frame_names())}
    rows = []
    for (sent_id, frame_name), words in sorted(cues.items(), key=lambda kv: (kv[0][0], order.get(kv[0][1], 99),
                                                                              kv[0][1])):
        j = column.get(frame_name)
        score = None if j is None or sent_id >= len(found.contributions) else found.contributions[sent_id][j]
        rows.append({"doc_id": doc_id, "sent_id": sent_id, "frame": frame_name, "score": score,
                     "n_cues": len(words), "cues": ";".join(words)})
    return rows


def doc_rows(article: Article, doc: Doc, *, tables: Iterable[str] = TABLES) -> dict[str, list[dict[str, object]]]:
    """The table rows of one parsed article, by table name (tables not asked for are empty)."""
    wanted = set(tables)
    sents = sentences(doc)
    starts = [sent.start_char for sent in sents]
    return {
        "articles": [article_row(article, doc, sents)],
        "sentences": sentence_rows(article, doc, sents) if "sentences" in wanted else [],
        "markers": marker_rows(article.doc_id, doc, starts) if "markers" in wanted else [],
        "quotes": quote_rows(article.doc_id, doc, starts) if "quotes" in wanted else [],
        "mentions": mention_rows(article.doc_id, doc, starts) if "mentions" in wanted else [],
        "frames": frame_rows(article.doc_id, doc, starts) if "frames" in wanted else [],
        "sentence_frames": sentence_frame_rows(article.doc_id, doc, starts) if "sentence_frames" in wanted else [],
    }
