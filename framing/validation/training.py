"""A coded sample back into the tool: training data for ``framing train``, and lexicon suggestions.

:func:`write_training_data` writes, from one coder's codes (an adjudicated file is best):

- ``frames.csv`` (``doc_id, text, frames``; frames comma-separated frame ids): one row per coded unit
  with its frames, what ``framing train frames DATA`` reads. An article unit is its article; a
  sentence unit is a short document of its own (``doc_id`` = its unit id).
- ``loaded/``: the loaded-language spans in the format of the SemEval-2023 Task 3 data that
  ``framing train loaded DATA`` reads: ``text/ID.txt`` (the unit's text) and ``spans.tsv`` (``id,
  technique, start, end``; every ``loaded`` span as ``Loaded_Language``), with ``ids.csv`` linking each
  ``ID`` to its unit and article.

:func:`lexicon_suggestions`: the words coders marked that the lexicons did not find (no lexicon marker
of that family overlaps them), with counts, as rows of a user lexicon (``entry, family, category, note,
source``): check each, put it in its dictionary form, and pass the file with ``--lexicon``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from framing.errors import InputError
from framing.validation.codes import SPAN_UNITS, CodedUnit
from framing.validation.coding import Coding

#: The SemEval technique every coded ``loaded`` span becomes.
TECHNIQUE = "Loaded_Language"
FRAMES_COLUMNS = ("doc_id", "text", "frames")
SPANS_COLUMNS = ("id", "technique", "start", "end")
SUGGESTION_COLUMNS = ("entry", "family", "category", "note", "source", "count", "coders", "example")


def _units(coding: Coding, coder: str | None) -> list[CodedUnit]:
    if coder is None:
        if len(coding.coders) > 1:
            raise InputError(", ".join(coding.files), f"several coders ({', '.join(coding.coders)})",
                             "choose one with --coder (an adjudicated file is best)")
        coder = coding.coders[0]
    if coder not in coding.coders:
        raise InputError(None, f"no coder {coder!r}", f"choose from {', '.join(coding.coders)}")
    return sorted(coding.by_coder(coder).values(), key=lambda u: (u.doc_id, u.start_char, u.end_char))


def _doc_id(unit: CodedUnit) -> str:
    return unit.doc_id if unit.unit == "article" else unit.unit_id


def training_frames(coding: Coding, *, coder: str | None = None) -> pd.DataFrame:
    """``doc_id, text, frames`` for every unit whose frames the coder coded (frames comma-separated,
    in the order of the frame list; empty when the unit has none)."""
    from framing.validation.codes import vocabulary

    order = {f: i for i, f in enumerate(vocabulary().frames)}
    rows = [{"doc_id": _doc_id(u), "text": u.text,
             "frames": ",".join(sorted(u.codes["frame"], key=lambda f: (order.get(f, len(order)), f)))}
            for u in _units(coding, coder) if u.unit in SPAN_UNITS and "frame" in u.codes]
    return pd.DataFrame(rows, columns=list(FRAMES_COLUMNS))


def file_id(unit: CodedUnit) -> str:
    """A file-name-safe id for a unit (its unit id with other characters as ``_``)."""
    return re.sub(r"[^A-Za-z0-9_-]+", "_", unit.unit_id)


def training_spans(coding: Coding, *, coder: str | None = None, family: str = "loaded"
                   ) -> tuple[dict[str, str], pd.DataFrame, pd.DataFrame]:
    """``(texts, spans, ids)``: the text of each coded span unit by file id, the ``family`` spans
    (``id, technique, start, end``) and ``id, unit_id, doc_id``."""
    texts, spans, ids = {}, [], []
    for unit in _units(coding, coder):
        if unit.unit not in SPAN_UNITS:
            continue
        name = file_id(unit)
        texts[name] = unit.text
        ids.append({"id": name, "unit_id": unit.unit_id, "doc_id": unit.doc_id})
        spans += [{"id": name, "technique": TECHNIQUE, "start": s.start, "end": s.end}
                  for s in unit.spans if s.family == family]
    return texts, pd.DataFrame(spans, columns=list(SPANS_COLUMNS)), pd.DataFrame(ids, columns=["id", "unit_id", "doc_id"])


def _csv(table: pd.DataFrame, sep: str = ",") -> bytes:
    return table.to_csv(index=False, sep=sep, lineterminator="\n").encode("utf-8")


def render_training_data(coding: Coding, *, coder: str | None = None) -> dict[str, bytes]:
    """The files of the training data (see the module docstring) as bytes, by path relative to the
    output folder. Raises InputError when there are several coders and none is chosen, or nothing to
    train on."""
    files: dict[str, bytes] = {}
    frames = training_frames(coding, coder=coder)
    if len(frames):
        files["frames.csv"] = _csv(frames)
    texts, spans, ids = training_spans(coding, coder=coder)
    if texts:
        files.update({f"loaded/text/{name}.txt": text.encode("utf-8") for name, text in texts.items()})
        files["loaded/spans.tsv"] = _csv(spans, sep="\t")
        files["loaded/ids.csv"] = _csv(ids)
    if not files:
        raise InputError(", ".join(coding.files), "no frames or spans to train on (marker and quote units judge "
                         "the tool, they do not give training data)", "code a sample of sentences or articles")
    return files


def write_training_data(coding: Coding, out_dir: str | Path, *, coder: str | None = None) -> list[Path]:
    """Write ``frames.csv`` and ``loaded/`` (see the module docstring) to ``out_dir``, all rendered
    first and each file atomically; return the paths. Raises InputError when there are several coders
    and none is chosen, OutputError when the folder cannot be written."""
    from framing.io import prepare_dir, write_atomic

    files = render_training_data(coding, coder=coder)
    out = prepare_dir(out_dir)
    written = []
    for name, data in files.items():
        write_atomic(out / name, data)
        written.append(out / name)
    return written


def lexicon_suggestions(coding: Coding, tables: Mapping[str, pd.DataFrame], *, coders: Sequence[str] | None = None
                        ) -> pd.DataFrame:
    """The phrases coders marked (in span units) that no lexicon marker of the same family overlaps, one
    row per phrase (lower case) and family: the most frequent category, how often it was marked, by how
    many coders, and an example unit. Rows from a learned model do not count as found by a lexicon."""
    from framing.validation.toolcodes import model_rows

    markers = tables["markers"]
    markers = markers[~model_rows(markers)]
    by_doc = {str(d): g for d, g in markers.groupby("doc_id")}
    found: dict[tuple[str, str], dict] = {}
    for unit in coding.units:
        if unit.unit not in SPAN_UNITS or (coders is not None and unit.coder not in coders):
            continue
        rows = by_doc.get(unit.doc_id)
        for span in unit.spans:
            start, end = unit.start_char + span.start, unit.start_char + span.end
            if rows is not None and ((rows["family"] == span.family) & (rows["start_char"] < end)
                                     & (rows["end_char"] > start)).any():
                continue
            entry = " ".join(unit.text[span.start:span.end].lower().split())
            row = found.setdefault((entry, span.family), {"count": 0, "coders": set(), "categories": {},
                                                          "example": unit.unit_id})
            row["count"] += 1
            row["coders"].add(unit.coder)
            if span.category:
                category = span.category.split("/", 1)[1]
                row["categories"][category] = row["categories"].get(category, 0) + 1
    out = []
    for (entry, family), row in found.items():
        ranked = sorted(row["categories"].items(), key=lambda kv: (-kv[1], kv[0]))
        out.append({"entry": entry, "family": family, "category": ranked[0][0] if ranked else "",
                    "note": f"marked by coders in sample {coding.sample_id}; check the dictionary form",
                    "source": f"coded sample {coding.sample_id}", "count": row["count"],
                    "coders": len(row["coders"]), "example": row["example"]})
    table = pd.DataFrame(out, columns=list(SUGGESTION_COLUMNS))
    return table.sort_values(["count", "family", "entry"], ascending=[False, True, True]).reset_index(drop=True)

