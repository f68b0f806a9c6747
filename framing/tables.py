"""Parsed documents -> the five tidy tables every part of the toolkit agrees on.

The columns (and their types) are defined once, here:

- ``articles``: one row per article: metadata, ``n_words`` (tokens that are neither punctuation nor
  whitespace), ``n_sentences``, the analysed ``text``. Metadata beyond the fixed columns (``event``,
  ``language``, columns of the user's CSV, front-matter keys) follow as extra columns, before ``text``.
- ``sentences``: one row per sentence, with its ``section`` (``headline`` or ``body``) and TextBlob
  ``polarity``/``subjectivity``.
- ``markers``: one row per lexicon match; ``voice`` is ``quoted`` when the match lies inside a direct
  quotation or scare quote (``quote_id`` then says which) and ``author`` otherwise.
- ``quotes``: one row per quotation or attribution (direct, indirect, according_to, scare).
- ``mentions``: one row per named person, organisation or place, with the ``actor`` it refers to
  (short names and aliases merged) and its ``role`` (subject, object, other).

Offsets are character offsets into the article's ``text``; ``sent_id`` numbers sentences from 0 and
``quote_id`` numbers quotes from 1 within an article.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import fields
from functools import cache

import pandas as pd
from spacy.tokens import Doc, Span

from framing.corpus import Article
from framing.pipeline.model import sentences, word_count
from framing.records import Marker, Mention, Quote
from framing.pipeline.sentiment import sentence_scores, sentiment

ARTICLES = ("doc_id", "outlet", "title", "author", "date", "url", "source_line", "path", "n_words",
            "n_sentences", "text")
SENTENCES = ("doc_id", "sent_id", "start_char", "end_char", "section", "text", "polarity", "subjectivity")
MARKERS = ("doc_id", "sent_id", "start_char", "end_char", "text", "lemma", "family", "category", "entry",
           "source", "voice", "quote_id", "negated")
QUOTES = ("doc_id", "quote_id", "sent_id", "kind", "start_char", "end_char", "text", "speaker",
          "speaker_start_char", "speaker_end_char", "speaker_resolved", "speaker_type", "speaker_descriptor",
          "cue", "cue_lemma", "cue_start_char", "cue_end_char", "cue_class", "speaker_inherited")
MENTIONS = ("doc_id", "sent_id", "start_char", "end_char", "text", "label", "actor", "role")
#: Table name -> its fixed columns, in order.
SCHEMAS: dict[str, tuple[str, ...]] = {"articles": ARTICLES, "sentences": SENTENCES, "markers": MARKERS,
                                       "quotes": QUOTES, "mentions": MENTIONS}
TABLES = tuple(SCHEMAS)

_INT = ("sent_id", "start_char", "end_char", "n_words", "n_sentences", "speaker_start_char",
        "speaker_end_char", "cue_start_char", "cue_end_char")
#: Column -> pandas dtype; every other column is a string.
DTYPES: dict[str, str] = {**{c: "int64" for c in _INT}, "quote_id": "Int64", "polarity": "float64",
                          "subjectivity": "float64", "negated": "bool", "speaker_inherited": "bool"}
#: Quote kinds whose words are someone else's (markers inside them get voice "quoted").
QUOTED_KINDS = ("direct", "scare")


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


def sentence_rows(article: Article, doc: Doc, sents: Sequence[Span] | None = None) -> list[dict[str, object]]:
    """One row per sentence; whitespace-only sentences are skipped but keep their number."""
    rows = []
    sents = sentences(doc) if sents is None else sents
    stored = sentence_scores(doc)  # from the parse cache, when it has them
    if stored is not None and len(stored) != len(sents):
        stored = None
    for sent_id, sent in enumerate(sents):
        text = sent.text.strip()
        if not text:
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        scores = stored[sent_id] if stored is not None else None
        polarity, subjectivity = scores if scores is not None else sentiment(text)
        rows.append({"doc_id": article.doc_id, "sent_id": sent_id, "start_char": start,
                     "end_char": start + len(text),
                     "section": "headline" if start < article.body_start else "body", "text": text,
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
    }


def frame(name: str, rows: Iterable[Mapping[str, object]] = ()) -> pd.DataFrame:
    """A DataFrame of table ``name`` with its columns in order and their types (extra columns kept)."""
    data = pd.DataFrame(list(rows))
    return conform(name, data)


def conform(name: str, data: pd.DataFrame) -> pd.DataFrame:
    """Give ``data`` the columns and dtypes of table ``name`` (missing fixed columns are added empty)."""
    fixed = list(SCHEMAS[name])
    extra = [c for c in data.columns if c not in fixed]
    if name == "articles":  # extra metadata goes before the (long) text column
        columns = fixed[:-1] + sorted(extra) + fixed[-1:]
    else:
        columns = fixed + sorted(extra)
    data = data.reindex(columns=columns)
    for column in data.columns:
        dtype = DTYPES.get(column, "string")
        if dtype == "bool":
            data[column] = data[column].astype("boolean").fillna(False).astype(bool)
        elif dtype == "int64":
            data[column] = data[column].fillna(-1).astype("int64")
        else:
            data[column] = data[column].astype(dtype)
        if dtype == "string":
            data[column] = data[column].fillna("")
    return data.reset_index(drop=True)


def read_table(path: str, name: str) -> pd.DataFrame:
    """Read a table written by ``framing analyze`` (CSV or Parquet) back with its dtypes."""
    if str(path).endswith(".parquet"):
        data = pd.read_parquet(path)
    else:
        data = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in data.columns:
            dtype = DTYPES.get(column)
            if dtype == "Int64":
                data[column] = pd.to_numeric(data[column].replace("", None)).astype("Int64")
            elif dtype == "bool":
                data[column] = data[column].map({"True": True, "False": False}).astype(bool)
            elif dtype in ("int64", "float64"):
                data[column] = pd.to_numeric(data[column]).astype(dtype)
    return conform(name, data)
