"""Codes from annotations made elsewhere, and coders whose disagreements are known.

An existing annotation (such as the careful reading of the seed articles in ``data/annotations/``,
which marks each phrase by its text and a few words of context) becomes a coder's sheet:

- :func:`locate`: the characters of a phrase, found through a context that occurs once in the text;
- :func:`annotated_spans`: such annotation rows as spans with offsets;
- :func:`fill_sheet`: a coding sheet (from ``sheet.csv``) filled with spans and frames, every row done;
- :func:`recode`: a copy of a filled sheet with stated changes (a span dropped, relabelled or added, a
  frame added or removed): a second coder whose disagreements with the first are known.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from framing.errors import InputError
from framing.validation.sheets import format_spans

SPAN_COLUMNS = ("doc_id", "start_char", "end_char", "text", "family", "category")


def locate(text: str, phrase: str, context: str, *, path: str | None = None, line: int | None = None
           ) -> tuple[int, int]:
    """``(start, end)`` of ``phrase`` inside ``context`` inside ``text``. Raises InputError when the
    context does not occur exactly once or does not contain the phrase."""
    if text.count(context) != 1 or phrase not in context:
        raise InputError(path, f"the context {context!r} occurs {text.count(context)} times (or lacks "
                         f"{phrase!r})", "give a context that occurs once and contains the phrase", line=line)
    start = text.index(context) + context.index(phrase)
    return start, start + len(phrase)


def annotated_spans(text: str, doc_id: str, path: str | Path) -> pd.DataFrame:
    """The rows of an annotation file (columns ``text, context, family, category``) located in
    ``text``: ``doc_id, start_char, end_char, text, family, category``."""
    rows = []
    with Path(path).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            start, end = locate(text, row["text"], row["context"], path=str(path), line=reader.line_num)
            rows.append({"doc_id": doc_id, "start_char": start, "end_char": end, "text": row["text"],
                         "family": row["family"], "category": row["category"]})
    return pd.DataFrame(rows, columns=list(SPAN_COLUMNS))


def fill_sheet(sheet: pd.DataFrame, spans: pd.DataFrame | None = None, frames: pd.DataFrame | None = None
               ) -> pd.DataFrame:
    """A copy of ``sheet`` (sentence or article units) with ``spans`` (``doc_id, start_char, end_char,
    family, category``; each goes to the unit that contains it, labelled ``family/category``) and
    ``frames`` (``doc_id, frame``; for article units) written in, and every row marked done. Raises
    InputError for a span that no unit of the sheet contains wholly while one overlaps it."""
    out = sheet.copy()
    for column in ("spans", "frames", "done"):
        out[column] = ""
    for i, unit in out.iterrows():
        doc_id, start, end = unit["doc_id"], int(unit["start_char"]), int(unit["end_char"])
        inside = []
        if spans is not None:
            mine = spans[spans["doc_id"] == doc_id]
            for row in mine.itertuples(index=False):
                if start <= row.start_char and row.end_char <= end:
                    label = f"{row.family}/{row.category}" if row.category else row.family
                    inside.append((row.start_char - start, row.end_char - start, label))
                elif row.start_char < end and start < row.end_char:
                    raise InputError(None, f"the span {row.text!r} crosses the edge of unit {unit['unit_id']}",
                                     "code it in one unit")
        out.at[i, "spans"] = format_spans(str(unit["text"]), inside)
        if frames is not None:
            out.at[i, "frames"] = "; ".join(frames.loc[frames["doc_id"] == doc_id, "frame"].astype(str))
        out.at[i, "done"] = "yes"
    return out


@dataclass(frozen=True)
class Change:
    """One stated difference of a second coder: in unit ``unit_id``, ``column`` (``spans`` or
    ``frames``) loses the item ``remove`` and gains ``add`` (either may be None)."""

    unit_id: str
    remove: str | None = None
    add: str | None = None
    column: str = "spans"


def _items(cell: str) -> list[str]:
    return [item.strip() for item in str(cell).split(";") if item.strip()]


def recode(sheet: pd.DataFrame, changes: Iterable[Change]) -> pd.DataFrame:
    """A copy of a filled ``sheet`` with ``changes`` made. Raises KeyError for a unit that is not in
    the sheet and ValueError for an item to remove that the cell does not have."""
    out = sheet.copy()
    rows: Mapping[str, int] = {u: i for i, u in zip(out.index, out["unit_id"])}
    for change in changes:
        i = rows[change.unit_id]
        items = _items(out.at[i, change.column])
        if change.remove is not None:
            if change.remove not in items:
                raise ValueError(f"{change.unit_id}: {change.column} has no {change.remove!r}")
            items.remove(change.remove)
        if change.add is not None:
            items.append(change.add)
        out.at[i, change.column] = "; ".join(items)
    return out
