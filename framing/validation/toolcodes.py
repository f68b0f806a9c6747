"""What the tool says about each coded unit, in the coders' terms, read from the results tables.

- sentence and article units: the markers that overlap the unit, as spans (families and
  ``family/category``), and the frames: for a sentence the ``sentence_frames`` rows of that sentence
  (with a cue, when the table counts them), for an article the ``frames`` rows marked ``present``. Without
  these tables the tool has no frame codes and frames are not scored.
- marker units: the family and category of the markers at exactly the unit's characters (``none``
  when the results no longer have one there).
- quote units: the kind, speaker type and cue class of the quotation at those characters.

``evidence`` chooses the markers: ``all``, ``lexicon`` (rows without a model score) or ``model``
(rows a learned model found: they carry a ``score``), so that lexicon and model evidence can be scored
apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from framing.errors import InputError
from framing.validation.codes import NONE, SPAN_UNITS, UNCODED_FAMILIES, Span
from framing.validation.coding import Coding
from framing.validation.units import corpus_id

#: Which markers are the tool's evidence.
EVIDENCE = ("all", "lexicon", "model")


@dataclass(frozen=True)
class ToolUnit:
    """The tool's spans (offsets into the unit's text) and codes for one unit."""

    spans: tuple[Span, ...] = ()
    codes: Mapping[str, frozenset[str]] = field(default_factory=dict)


def model_rows(markers: pd.DataFrame) -> pd.Series:
    """True for the marker rows a learned model found (a ``score`` column with a value)."""
    if "score" not in markers:
        return pd.Series(False, index=markers.index)
    score = markers["score"]
    return score.notna() & (score.astype(str).str.strip() != "")


def tool_markers(markers: pd.DataFrame, evidence: str = "all") -> pd.DataFrame:
    """The markers that count as the tool's spans (frame cues left out), for ``evidence``."""
    if evidence not in EVIDENCE:
        raise InputError(None, f"unknown evidence {evidence!r}", f"choose from {', '.join(EVIDENCE)}")
    kept = markers[~markers["family"].isin(UNCODED_FAMILIES)]
    if evidence != "all":
        is_model = model_rows(kept)
        kept = kept[is_model if evidence == "model" else ~is_model]
    return kept


def check_texts(tables: Mapping[str, pd.DataFrame], coding: Coding) -> dict[str, str]:
    """The article texts by doc_id, after checking that ``coding`` was sampled from these texts. Raises
    InputError naming the coded file and line when the corpus id differs or a unit's text is not at its
    characters in the results."""
    articles = tables["articles"]
    texts = dict(zip(articles["doc_id"].astype(str), articles["text"].astype(str)))
    corpus = corpus_id(articles)
    first = coding.units[0]
    if coding.corpus_id != corpus:
        raise InputError(first.path, f"the coded file is from a sample of another corpus ({coding.corpus_id}; "
                         f"these results are {corpus})", "give the RESULTS folder the sample was drawn from",
                         line=first.line)
    for unit in coding.units:
        text = texts.get(unit.doc_id)
        if text is None or text[unit.start_char:unit.end_char] != unit.text:
            raise InputError(unit.path, f"unit {unit.unit_id}: its text is not at these characters of the "
                             "results", "give the RESULTS folder the sample was drawn from", line=unit.line)
    return texts


def _frames(tables: Mapping[str, pd.DataFrame], unit: str) -> dict[tuple, frozenset[str]] | None:
    if unit == "sentence" and "sentence_frames" in tables:
        table = tables["sentence_frames"]
        if "n_cues" in table:
            table = table[pd.to_numeric(table["n_cues"], errors="coerce").fillna(0) > 0]
        return {(str(d), int(s)): frozenset(g["frame"].astype(str))
                for (d, s), g in table.groupby(["doc_id", "sent_id"])}
    if unit == "article" and "frames" in tables:
        table = tables["frames"]
        if "present" in table:
            table = table[table["present"].astype(bool)]
        return {(str(d),): frozenset(g["frame"].astype(str)) for d, g in table.groupby("doc_id")}
    return None


def _values(rows: pd.DataFrame, column: str) -> frozenset[str]:
    values = {str(v) if str(v) else NONE for v in rows[column]}
    return frozenset(values) if values else frozenset({NONE})


def tool_units(tables: Mapping[str, pd.DataFrame], coding: Coding, *, evidence: str = "all"
               ) -> tuple[dict[str, ToolUnit], bool]:
    """The tool's view of every unit of ``coding`` by unit id, and whether it has frame codes."""
    unit_kind = coding.unit
    ids = {u.unit_id: u for u in coding.units}
    out: dict[str, ToolUnit] = {}
    if unit_kind in SPAN_UNITS or unit_kind == "marker":
        markers = tool_markers(tables["markers"], evidence)
        by_doc = {str(d): g for d, g in markers.groupby("doc_id")}
    frames = _frames(tables, unit_kind) if unit_kind in SPAN_UNITS else None
    sentence_ids = {(str(d), int(s)): int(i) for d, s, i in
                    tables["sentences"][["doc_id", "start_char", "sent_id"]].itertuples(index=False)}
    for unit_id, unit in ids.items():
        start, end = unit.start_char, unit.end_char
        if unit_kind in SPAN_UNITS:
            rows = by_doc.get(unit.doc_id, markers.iloc[0:0])
            rows = rows[(rows["start_char"] < end) & (rows["end_char"] > start)]
            spans = tuple(sorted({Span(max(int(s), start) - start, min(int(e), end) - start, str(f), f"{f}/{c}")
                                  for s, e, f, c in rows[["start_char", "end_char", "family", "category"]]
                                  .itertuples(index=False)}, key=lambda s: (s.start, s.end, s.family, s.category)))
            codes = {"family": frozenset(s.family for s in spans), "category": frozenset(s.category for s in spans)}
            if frames is not None:
                key = (unit.doc_id,) if unit_kind == "article" else (unit.doc_id, sentence_ids.get((unit.doc_id, start), -1))
                codes["frame"] = frames.get(key, frozenset())
            out[unit_id] = ToolUnit(spans, codes)
        elif unit_kind == "marker":
            rows = by_doc.get(unit.doc_id, markers.iloc[0:0])
            rows = rows[(rows["start_char"] == start) & (rows["end_char"] == end)]
            out[unit_id] = ToolUnit((), {"family": _values(rows, "family"),
                                         "category": frozenset(rows["family"] + "/" + rows["category"]) or
                                         frozenset({NONE})})
        else:
            quotes = tables["quotes"]
            rows = quotes[(quotes["doc_id"] == unit.doc_id) & (quotes["start_char"] == start) & (quotes["end_char"] == end)]
            codes = {"kind": _values(rows, "kind"), "cue_class": _values(rows, "cue_class")}
            if len(rows):
                codes["speaker_type"] = _values(rows, "speaker_type")
            out[unit_id] = ToolUnit((), codes)
    return out, frames is not None
