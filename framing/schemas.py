"""The tables every part of the toolkit agrees on: their names, columns and types, defined once, here.

- ``articles``: one row per article: metadata, ``n_words`` (tokens that are neither punctuation nor
  whitespace), ``n_sentences``, the analysed ``text``. Metadata beyond the fixed columns (``event``,
  ``language``, columns of the user's CSV, front-matter keys) follow as extra columns, before ``text``.
- ``sentences``: one row per sentence, with its ``section`` (``headline``, ``lead``: the body's first
  paragraph, or ``body``) and TextBlob ``polarity``/``subjectivity``.
- ``markers``: one row per lexicon match; ``voice`` is ``quoted`` when the match lies inside a direct
  quotation or scare quote (``quote_id`` then says which) and ``author`` otherwise. Rows of family
  ``loaded`` may also come from the learned span model: their ``source`` is ``model: NAME VERSION``
  and their ``score`` the model's probability (empty for lexicon rows).
- ``quotes``: one row per quotation or attribution (direct, indirect, according_to, scare).
- ``mentions``: one row per named person, organisation or place, with the ``actor`` it refers to
  (short names and aliases merged) and its ``role`` (subject, object, other).
- ``frames``: one row per article and frame (the 14 frames, when the frames model runs): the model's
  ``score`` (a probability), its decision ``present``, ``n_sentences`` (sentences that evoke the frame:
  hold one of its cues), ``evidence`` (the sent_ids of the sentences whose part in the frame's
  score is largest, at most three, largest first, ``;``-joined) and ``source`` (the model's name and
  version). Empty when the model is off.
- ``sentence_frames``: one row per sentence and frame it evokes, that is, for which it holds at least
  one cue (a ``frame`` marker, negated or not): ``score`` (the sentence's part in the frame's article
  score, in log-odds; empty when the model is off), ``n_cues`` and ``cues`` (the cue words as written,
  ``;``-joined; their offsets are in the ``markers`` rows of family ``frame``).
- ``alignments`` and ``selection`` (defined at the end of this module) are computed across the articles of
  one event, after every article's rows (see :mod:`framing.alignment`).

Offsets are character offsets into the article's ``text``; ``sent_id`` numbers sentences from 0 and
``quote_id`` numbers quotes from 1 within an article. :func:`frame` and :func:`conform` give a
DataFrame the columns and types of its table; :func:`read_table` reads a written table back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

ARTICLES = ("doc_id", "outlet", "title", "author", "date", "url", "source_line", "path", "n_words",
            "n_sentences", "text")
SENTENCES = ("doc_id", "sent_id", "start_char", "end_char", "section", "text", "polarity", "subjectivity")
MARKERS = ("doc_id", "sent_id", "start_char", "end_char", "text", "lemma", "family", "category", "entry",
           "source", "voice", "quote_id", "negated", "score")
QUOTES = ("doc_id", "quote_id", "sent_id", "kind", "start_char", "end_char", "text", "speaker",
          "speaker_start_char", "speaker_end_char", "speaker_resolved", "speaker_type", "speaker_descriptor",
          "cue", "cue_lemma", "cue_start_char", "cue_end_char", "cue_class", "speaker_inherited", "cue_inherited")
MENTIONS = ("doc_id", "sent_id", "start_char", "end_char", "text", "label", "actor", "role")
FRAMES = ("doc_id", "frame", "score", "present", "n_sentences", "evidence", "source")
SENTENCE_FRAMES = ("doc_id", "sent_id", "frame", "score", "n_cues", "cues")
#: ``alignments``: one row per pair of passages of two outlets' articles on one event that report the
#: same thing (``kind``: same_quote, quote_paraphrase, same_fact, related; ``score``: cosine similarity);
#: ``quote_a``/``quote_b`` are the quotations of a quotation pair (empty for sentence pairs).
ALIGNMENTS = ("event", "doc_a", "sent_a", "doc_b", "sent_b", "kind", "score", "quote_a", "quote_b")
#: ``selection``: one row per article: what no other outlet of its event reports (its unique selection).
SELECTION = ("event", "doc_id", "outlet", "compared", "n_sentences", "unique_sentences", "unique_share",
             "unique_word_share", "n_quotes", "unique_quotes", "unique_quote_share", "n_lead_sentences",
             "unique_lead_sentences", "unique_lead_share")
#: Table name -> its fixed columns, in order: the tables of each article, then those across articles.
SCHEMAS: dict[str, tuple[str, ...]] = {"articles": ARTICLES, "sentences": SENTENCES, "markers": MARKERS,
                                       "quotes": QUOTES, "mentions": MENTIONS, "frames": FRAMES,
                                       "sentence_frames": SENTENCE_FRAMES, "alignments": ALIGNMENTS,
                                       "selection": SELECTION}
TABLES = tuple(SCHEMAS)
#: The tables computed across articles, and the per-article tables they are computed from.
CROSS_TABLES: dict[str, tuple[str, ...]] = {"alignments": ("sentences", "quotes", "mentions"),
                                            "selection": ("sentences", "quotes", "mentions")}
#: The tables of one article (the rest are computed across the articles of an event).
ARTICLE_TABLES = tuple(name for name in TABLES if name not in CROSS_TABLES)

_INT = ("sent_id", "start_char", "end_char", "n_words", "n_sentences", "speaker_start_char",
        "speaker_end_char", "cue_start_char", "cue_end_char", "n_cues")
#: Column -> pandas dtype; every other column is a string.
DTYPES: dict[str, str] = {**{c: "int64" for c in _INT}, "quote_id": "Int64", "polarity": "float64",
                          "subjectivity": "float64", "negated": "bool", "speaker_inherited": "bool",
                          "cue_inherited": "bool", "score": "float64", "present": "bool"}
#: The rows of one article (or chunk), by table name: what the pipeline gives and the writers take.
Rows = Mapping[str, list[dict[str, object]]]
#: Column types of the tables across articles, by table (their names may be a user's metadata column
#: elsewhere, so they are not global like :data:`DTYPES`).
TABLE_DTYPES: dict[str, dict[str, str]] = {
    "alignments": {"sent_a": "int64", "sent_b": "int64", "score": "float64", "quote_a": "Int64", "quote_b": "Int64"},
    "selection": {"compared": "int64", "n_sentences": "int64", "unique_sentences": "int64",
                  "unique_share": "float64", "unique_word_share": "float64", "n_quotes": "int64",
                  "unique_quotes": "int64", "unique_quote_share": "float64", "n_lead_sentences": "int64",
                  "unique_lead_sentences": "int64", "unique_lead_share": "float64"},
}


def _dtype(name: str, column: str) -> str | None:
    """The type of ``column`` in table ``name`` (None: a string)."""
    return TABLE_DTYPES.get(name, {}).get(column) or DTYPES.get(column)


def frame(name: str, rows: Iterable[Mapping[str, object]] = ()) -> pd.DataFrame:
    """A DataFrame of table ``name`` with its columns in order and their types (extra columns kept)."""
    import pandas as pd

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
        dtype = _dtype(name, column) or "string"
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
    import pandas as pd

    if str(path).endswith(".parquet"):
        data = pd.read_parquet(path)
    else:
        data = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in data.columns:
            dtype = _dtype(name, column)
            if dtype == "Int64":
                data[column] = pd.to_numeric(data[column].replace("", None)).astype("Int64")
            elif dtype == "bool":
                data[column] = data[column].map({"True": True, "False": False}).astype(bool)
            elif dtype == "float64":  # an empty cell is a missing value (a score with the model off)
                data[column] = pd.to_numeric(data[column].replace("", None)).astype(dtype)
            elif dtype == "int64":
                data[column] = pd.to_numeric(data[column]).astype(dtype)
    return conform(name, data)


def cell_text(value: object) -> str:
    """A table cell as text: "" for a missing value (None, NaN, pandas' NA), else ``str(value)``."""
    try:
        missing = value is None or bool(value != value)
    except TypeError:  # pandas' NA is neither equal nor unequal to itself
        missing = True
    return "" if missing else str(value)
