"""The results a sample is drawn from, and the units of each kind, with the context coders read.

``RESULTS`` is the folder ``framing analyze --out`` wrote (``NAME.csv`` or ``NAME.parquet``), a
:class:`framing.analysis.Tables`, or a mapping of table name -> DataFrame. ``frames`` and
``sentence_frames`` are used when the results have them.

A unit is identified by its article and character offsets: ``unit_id`` is ``DOC_ID:START-END``. So a
coded sample still fits the results of a later run on the same texts (after a lexicon edit or a
retrained model): the texts are checked by the corpus id (a hash of every ``doc_id`` and ``text``) and
by the unit's own text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from framing.errors import InputError
from framing.schemas import SCHEMAS, read_table
from framing.validation.codes import NONE, UNCODED_FAMILIES, UNITS, Place

#: Tables every kind of unit needs, and the one more each needs.
BASE_TABLES = ("articles", "sentences")
UNIT_TABLES = {"sentence": ("markers",), "article": ("markers",), "marker": ("markers",), "quote": ("quotes",)}
#: Tables used when they are there (written by the frames component).
OPTIONAL_TABLES = ("frames", "sentence_frames")
#: Digits of the hex digests that identify a corpus and a sample.
ID_DIGITS = 12

Results = str | Path | Mapping[str, pd.DataFrame] | object


@dataclass(frozen=True)
class Unit(Place):
    """One unit to code: where it is (see :class:`~framing.validation.codes.Place`), the text around it,
    its group (the ``by`` column) and, for marker and quote units, what the tool found (shown to coders
    as ``tool_*`` columns)."""

    before: str = ""
    after: str = ""
    group: str = ""
    tool: Mapping[str, str] = field(default_factory=dict)


def unit_id(doc_id: str, start: int, end: int) -> str:
    """``DOC_ID:START-END``, the id of a unit."""
    return f"{doc_id}:{start}-{end}"


def _read_optional(path: Path, name: str) -> pd.DataFrame:
    if name in SCHEMAS:
        return read_table(str(path), name)
    data = pd.read_parquet(path) if path.suffix == ".parquet" else pd.read_csv(path, dtype=str,
                                                                                keep_default_na=False)
    for column in ("sent_id", "n_cues", "n_sentences"):
        if column in data:
            data[column] = pd.to_numeric(data[column], errors="coerce").fillna(0).astype("int64")
    if "present" in data:
        data["present"] = data["present"].astype(str).str.lower().isin(("true", "1", "yes"))
    return data


def load_results(results: Results, *, need: tuple[str, ...] = ("markers", "quotes")) -> dict[str, pd.DataFrame]:
    """The tables of ``results`` by name: ``articles``, ``sentences`` and those in ``need`` (an error
    when missing), and ``frames`` / ``sentence_frames`` when present. Raises InputError naming the
    folder when a needed table is not there."""
    wanted = (*BASE_TABLES, *need)
    if isinstance(results, str | Path):
        folder = Path(results)
        if not folder.is_dir():
            raise InputError(folder, "no such results folder", "give the folder `framing analyze --out` wrote")
        out = {}
        for name in (*wanted, *OPTIONAL_TABLES):
            found = [folder / f"{name}.{ext}" for ext in ("csv", "parquet") if (folder / f"{name}.{ext}").is_file()]
            if not found:
                if name in wanted:
                    raise InputError(folder, f"no {name} table ({name}.csv or {name}.parquet)",
                                     "give the folder `framing analyze --out` wrote, with all its tables")
                continue
            try:
                out[name] = read_table(str(found[0]), name) if name in wanted else _read_optional(found[0], name)
            except (ValueError, KeyError, OSError) as error:
                raise InputError(found[0], f"not a readable {name} table ({type(error).__name__})",
                                 "run `framing analyze` again to rewrite it") from None
        return out
    get = results.__getitem__ if isinstance(results, Mapping) else (lambda name: getattr(results, name))
    out = {}
    for name in (*wanted, *OPTIONAL_TABLES):
        try:
            out[name] = get(name)
        except (KeyError, AttributeError):
            if name in wanted:
                raise InputError(None, f"the results have no {name} table", "analyse with all tables") from None
    return out


def corpus_id(articles: pd.DataFrame) -> str:
    """A hash of every article's ``doc_id`` and ``text``: the same texts give the same id."""
    digest = hashlib.sha256()
    for doc_id, text in sorted(zip(articles["doc_id"].astype(str), articles["text"].astype(str))):
        digest.update(doc_id.encode("utf-8") + b"\0" + text.encode("utf-8") + b"\0")
    return digest.hexdigest()[:ID_DIGITS]


def _sentences_by_doc(sentences: pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {}
    for doc_id, start, end in sentences[["doc_id", "start_char", "end_char"]].itertuples(index=False):
        out.setdefault(str(doc_id), []).append((int(start), int(end)))
    return {doc: sorted(spans) for doc, spans in out.items()}


def _around(spans: list[tuple[int, int]], start: int, end: int, length: int) -> tuple[int, int]:
    """The start of the first and the end of the last sentence that ``start``-``end`` touches."""
    touched = [(s, e) for s, e in spans if s < end and start < e] or [(start, end)]
    return min(s for s, _ in touched + [(start, end)]), min(length, max(e for _, e in touched + [(start, end)]))


def _joined(values: pd.Series) -> str:
    return ";".join(sorted({str(v) if str(v) else NONE for v in values}))


def candidates(tables: Mapping[str, pd.DataFrame], unit: str, *, by: str | None = None) -> list[Unit]:
    """Every unit of kind ``unit`` in the results, in document order (doc_id, then offsets).

    ``by``: a column of ``articles`` whose value becomes each unit's group. Raises InputError for an
    unknown kind of unit or column."""
    if unit not in UNITS:
        raise InputError(None, f"unknown unit {unit!r}", f"choose from {', '.join(UNITS)}")
    articles = tables["articles"]
    if by is not None and by not in articles.columns:
        raise InputError(None, f"the articles table has no column {by!r} to stratify by",
                         f"choose from {', '.join(c for c in articles.columns if c != 'text')}")
    texts = dict(zip(articles["doc_id"].astype(str), articles["text"].astype(str)))
    groups = dict(zip(articles["doc_id"].astype(str), articles[by].astype(str))) if by else {}
    sentences = _sentences_by_doc(tables["sentences"])
    units: list[Unit] = []
    if unit == "article":
        for doc_id, text in texts.items():
            units.append(Unit(unit, unit_id(doc_id, 0, len(text)), doc_id, 0, len(text), text,
                              group=groups.get(doc_id, "")))
    elif unit == "sentence":
        for doc_id, spans in sentences.items():
            text = texts.get(doc_id, "")
            for i, (start, end) in enumerate(spans):
                before = text[spans[i - 1][0]:spans[i - 1][1]] if i > 0 else ""
                after = text[spans[i + 1][0]:spans[i + 1][1]] if i + 1 < len(spans) else ""
                units.append(Unit(unit, unit_id(doc_id, start, end), doc_id, start, end, text[start:end], before,
                                  after, groups.get(doc_id, "")))
    else:
        found = tables["markers" if unit == "marker" else "quotes"]
        if unit == "marker":
            found = found[~found["family"].isin(UNCODED_FAMILIES)]
        shown = (("family", "category", "source") if unit == "marker"
                 else ("kind", "speaker", "speaker_type", "cue", "cue_class"))
        for (doc_id, start, end), rows in found.groupby(["doc_id", "start_char", "end_char"], sort=True):
            text = texts.get(str(doc_id), "")
            low, high = _around(sentences.get(str(doc_id), []), int(start), int(end), len(text))
            tool = {f"tool_{c}": _joined(rows[c]) for c in shown}
            if unit == "marker":
                tool["tool_category"] = ";".join(sorted(set(rows["family"] + "/" + rows["category"])))
            units.append(Unit(unit, unit_id(str(doc_id), int(start), int(end)), str(doc_id), int(start), int(end),
                              text[int(start):int(end)], text[low:int(start)], text[int(end):high],
                              groups.get(str(doc_id), ""), tool))
    return sorted(units, key=lambda u: (u.doc_id, u.start_char, u.end_char))
