"""The coding sheet: a CSV file with one row per unit, its context and empty code columns.

Columns: ``sample_id, corpus_id, unit, unit_id, doc_id``, the group column when the sample was
stratified (``outlet``), ``start_char, end_char``, for marker and quote units what the tool found
(``tool_family``, ``tool_category``, ``tool_source`` / ``tool_kind``, ``tool_speaker``, ...), the text
(``before``, ``text``, ``after``), the code columns and ``done, note``.

How coders fill the code columns:

- ``spans`` (sentence and article units): the phrases they mark, ``LABEL: PHRASE`` separated by ``;``.
  ``LABEL`` is a family or ``family/category``; ``PHRASE`` is copied from ``text``; add ``#2`` for its
  second occurrence in the text. ``loaded/threat and fear: clear threat; hedge: could``
- ``frames``: the frames the unit carries, separated by ``;``. ``Security_and_defense; Political``
- ``family``, ``category`` (marker units), ``kind``, ``speaker_type``, ``cue_class`` (quote units): one
  code each; ``none`` when the tool found nothing of the kind. A category may be given without its
  family (``threat and fear``).
- ``done``: ``yes`` when the row is coded. A row with ``done`` empty and no code is a unit the coder did
  not code (a missing value); a coded row with empty ``spans`` and ``frames`` says there is nothing.

An optional ``coder`` column names the coder; otherwise the file name (without extension) does.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from framing.errors import InputError
from framing.validation.codes import NONE, SHEET_CODES, SPAN_UNITS, CodedUnit, Span, Vocabulary, key

#: The columns that say which unit a row is.
ID_COLUMNS = ("sample_id", "corpus_id", "unit", "unit_id", "doc_id")
TEXT_COLUMNS = ("before", "text", "after")
#: What coders write in ``done``.
DONE, NOT_DONE = ("yes", "y", "x", "1", "true", "done"), ("no", "n", "0", "false")
#: ``PHRASE#2``: the second occurrence of the phrase in the unit's text.
OCCURRENCE = re.compile(r"^(?P<phrase>.*?)#(?P<n>[0-9]+)$", re.S)


def columns(sample) -> list[str]:
    """The sheet's columns for ``sample``."""
    tool = list(sample.units[0].tool) if sample.units else []
    group = [sample.by] if sample.by else []
    return [*ID_COLUMNS, *group, "start_char", "end_char", *tool, *TEXT_COLUMNS, *SHEET_CODES[sample.unit],
            "done", "note"]


def sheet_bytes(sample) -> bytes:
    """The coding sheet of ``sample`` as CSV bytes (UTF-8, ``\\n`` line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = columns(sample)
    writer.writerow(header)
    for unit in sample.units:
        row = {"sample_id": sample.sample_id, "corpus_id": sample.corpus_id, "unit": unit.unit,
               "unit_id": unit.unit_id, "doc_id": unit.doc_id, "start_char": unit.start_char,
               "end_char": unit.end_char, "before": unit.before, "text": unit.text, "after": unit.after,
               **unit.tool}
        if sample.by:
            row[sample.by] = unit.group
        writer.writerow([row.get(c, "") for c in header])
    return buffer.getvalue().encode("utf-8")


def format_spans(text: str, spans: list[tuple[int, int, str]]) -> str:
    """The ``spans`` cell for spans ``(start, end, label)`` of ``text``: ``LABEL: PHRASE`` items, with
    ``#N`` for a phrase's N-th occurrence."""
    items = []
    for start, end, label in sorted(spans):
        phrase = text[start:end]
        occurrence, position = 1, text.find(phrase)
        while position != start:
            occurrence += 1
            position = text.find(phrase, position + 1)
        items.append(f"{label}: {phrase}" + (f"#{occurrence}" if occurrence > 1 else ""))
    return "; ".join(items)


def _find(text: str, phrase: str, occurrence: int) -> int:
    position = -1
    for _ in range(occurrence):
        position = text.find(phrase, position + 1)
        if position < 0:
            return -1
    return position


def parse_spans(cell: str, text: str, codes: Vocabulary, *, path: str, line: int) -> tuple[Span, ...]:
    """The spans of a ``spans`` cell, located in ``text``. Raises InputError (file and line) for an item
    without a label, an unknown label or a phrase that is not in the text."""
    spans = []
    for item in (part.strip() for part in cell.split(";")):
        if not item:
            continue
        label, sep, phrase = item.partition(":")
        if not sep or not phrase.strip():
            raise InputError(path, f"span {item!r} has no label", "write LABEL: PHRASE, e.g. loaded: clear threat",
                             line=line)
        parsed = codes.span_label(label.strip())
        if parsed is None:
            raise InputError(path, f"unknown code {label.strip()!r}", "use a family or family/category of "
                             "codebook.md", line=line)
        phrase = phrase.strip()
        match, occurrence = OCCURRENCE.match(phrase), 1
        start = -1
        if match and match["phrase"]:
            occurrence = int(match["n"])
            start = _find(text, match["phrase"], occurrence)
            if start >= 0:
                phrase = match["phrase"]
        if start < 0:
            start = _find(text, phrase, 1)
        if start < 0:
            raise InputError(path, f"the phrase {phrase!r} is not in the unit's text" +
                             (f" {occurrence} times" if occurrence > 1 else ""),
                             "copy the phrase from the text column", line=line)
        spans.append(Span(start, start + len(phrase), *parsed))
    return tuple(sorted(set(spans), key=lambda s: (s.start, s.end, s.family, s.category)))


def span_codes(spans: tuple[Span, ...], frames: frozenset[str] | None = None) -> dict[str, frozenset[str]]:
    """The codes of a span unit: the families and categories of its spans (``category`` only when
    every span has one) and its frames (absent when not coded)."""
    codes = {"family": frozenset(s.family for s in spans)}
    if all(s.category for s in spans):
        codes["category"] = frozenset(s.category for s in spans)
    if frames is not None:
        codes["frame"] = frames
    return codes


def _single(variable: str, cell: str, codes: Vocabulary, family: str | None, path: str, line: int) -> str:
    if variable == "category" and "/" not in cell and family and family != NONE and key(cell) != NONE:
        found = codes.code("category", f"{family}/{cell}")
    else:
        found = codes.code(variable, cell)
    if found is None:
        raise InputError(path, f"unknown code {cell!r} in column {variable}",
                         f"use a {variable.replace('_', ' ')} of codebook.md (or none)", line=line)
    return found


def unit_codes(unit: str, cells: dict[str, str], text: str, codes: Vocabulary, *, path: str, line: int
               ) -> tuple[tuple[Span, ...], dict[str, frozenset[str]]]:
    """Spans and codes from the code cells of one row (see the module docstring)."""
    if unit in SPAN_UNITS:
        spans = parse_spans(cells.get("spans", ""), text, codes, path=path, line=line)
        frames = set()
        for item in re.split(r"[;,]", cells.get("frames", "")):
            if item.strip():
                found = codes.code("frame", item.strip())
                if found is None:
                    raise InputError(path, f"unknown code {item.strip()!r} in column frames",
                                     "use a frame id of codebook.md", line=line)
                frames.add(found)
        return spans, span_codes(spans, frozenset(frames))
    out: dict[str, frozenset[str]] = {}
    family = None
    for variable in SHEET_CODES[unit]:
        cell = cells.get(variable, "").strip()
        if not cell:
            if variable == "category" and family == NONE:
                out["category"] = frozenset({NONE})
            continue
        value = _single(variable, cell, codes, family, path, line)
        if variable == "family":
            family = value
        out[variable] = frozenset({value})
    return (), out


def read_sheet(path: str | Path, codes: Vocabulary) -> list[CodedUnit]:
    """The coded rows of a coding sheet (rows not coded are left out). Raises InputError naming the
    file and line for unreadable text, missing columns, a row from another sample, a repeated unit, a
    bad offset, an unknown code or a phrase that is not in the text."""
    path = Path(path)
    name = str(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = [h.strip().lower() for h in (reader.fieldnames or [])]
            reader.fieldnames = header
            rows = [(reader.line_num, row) for row in reader]
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text", "save the sheet as CSV UTF-8") from None
    except csv.Error as error:
        raise InputError(path, f"not a readable CSV file ({error})", "check the quoting") from None
    if not header:
        raise InputError(path, "empty file", "give the coding sheet `framing sample` wrote", line=1)
    missing = [c for c in (*ID_COLUMNS, "start_char", "end_char", "text") if c not in header]
    if missing:
        raise InputError(path, f"missing column(s) {', '.join(missing)}",
                         "code the sheet.csv that `framing sample` wrote, keeping its columns", line=1)
    coded, seen, first = [], {}, None
    for line, row in rows:
        row = {k: ((v if k in TEXT_COLUMNS else v.strip()) if isinstance(v, str) else "")
               for k, v in row.items() if k is not None}
        unit = row["unit"]
        if unit not in SHEET_CODES:
            raise InputError(path, f"unknown unit {unit!r}", "keep the unit column as written", line=line)
        wanted = [c for c in SHEET_CODES[unit] if c not in header]
        if wanted:
            raise InputError(path, f"missing column(s) {', '.join(wanted)} for {unit} units",
                             "keep the code columns of the sheet", line=1)
        first = first or (row["sample_id"], unit)
        if (row["sample_id"], unit) != first:
            raise InputError(path, f"row from another sample ({row['sample_id']}, {unit} units; the file "
                             f"began with {first[0]})", "keep one sample per file", line=line)
        filled = any(row.get(c) for c in SHEET_CODES[unit])
        done = key(row.get("done", ""))
        if done in NOT_DONE or not (filled or done in DONE):
            continue
        if row["unit_id"] in seen:
            raise InputError(path, f"unit {row['unit_id']} is coded twice (also on line {seen[row['unit_id']]})",
                             "keep one row per unit", line=line)
        seen[row["unit_id"]] = line
        try:
            start, end = int(row["start_char"]), int(row["end_char"])
        except ValueError:
            raise InputError(path, "start_char and end_char must be whole numbers", "keep them as written",
                             line=line) from None
        spans, unit_codes_ = unit_codes(unit, row, row["text"], codes, path=name, line=line)
        coded.append(CodedUnit(unit, row["unit_id"], row["doc_id"], start, end, row["text"],
                               sample_id=row["sample_id"], corpus_id=row["corpus_id"],
                               coder=row.get("coder") or path.stem, path=name, line=line, spans=spans,
                               codes=unit_codes_))
    return coded
