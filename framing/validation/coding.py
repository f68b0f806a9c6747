"""Coded files of one sample, read together: coding sheets (CSV), Label Studio and doccano exports.

:func:`read_coding` reads each file by its kind (``.csv``: a coding sheet; ``.json`` / ``.jsonl``:
Label Studio or doccano, told apart by their fields), checks that all come from one sample, and
returns a :class:`Coding`: every unit as every coder coded it.

A coder who never gave a category (only families, ``loaded: ...``) has no category codes: their
categories are missing values, not "no category".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from framing.errors import InputError
from framing.validation.codes import SPAN_UNITS, VARIABLES, CodedUnit, Vocabulary, vocabulary
from framing.validation.sheets import read_sheet
from framing.validation.tools import read_tool_file

#: File suffixes read as coding sheets and as Label Studio / doccano exports.
SHEET_SUFFIXES, TOOL_SUFFIXES = (".csv",), (".json", ".jsonl")


@dataclass(frozen=True)
class Coding:
    """The coded units of one sample, from one or more files."""

    sample_id: str
    corpus_id: str
    unit: str
    units: tuple[CodedUnit, ...]
    files: tuple[str, ...]

    @property
    def coders(self) -> tuple[str, ...]:
        return tuple(sorted({u.coder for u in self.units}))

    @property
    def variables(self) -> tuple[str, ...]:
        return VARIABLES[self.unit]

    def by_coder(self, coder: str) -> dict[str, CodedUnit]:
        """The units ``coder`` coded, by unit id."""
        return {u.unit_id: u for u in self.units if u.coder == coder}

    def files_of(self, coder: str) -> list[str]:
        return sorted({u.path for u in self.units if u.coder == coder})


def read_file(path: str | Path, codes: Vocabulary) -> list[CodedUnit]:
    """The coded units of one file (see :func:`read_coding`)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such file", "check the path")
    suffix = path.suffix.lower()
    if suffix in SHEET_SUFFIXES:
        return read_sheet(path, codes)
    if suffix in TOOL_SUFFIXES:
        return read_tool_file(path, codes)
    raise InputError(path, f"unknown kind of coded file ({suffix or 'no suffix'})",
                     "give a coding sheet (.csv) or a Label Studio / doccano export (.json, .jsonl)")


def _without_unused_categories(units: list[CodedUnit]) -> list[CodedUnit]:
    uses = {u.coder for u in units if any(s.category for s in u.spans)}
    out = []
    for unit in units:
        if unit.unit in SPAN_UNITS and unit.coder not in uses and "category" in unit.codes:
            unit = replace(unit, codes={k: v for k, v in unit.codes.items() if k != "category"})
        out.append(unit)
    return out


def read_coding(paths: Sequence[str | Path], *, codes: Vocabulary | None = None,
                lexicon_paths: Sequence[str | Path] = ()) -> Coding:
    """Read coded files of one sample. Raises InputError naming the file and line for a file that cannot
    be read, a file from another sample, a coder who appears in two files, and what the readers raise
    (missing columns, unknown codes...)."""
    if not paths:
        raise InputError(None, "no coded file given", "give the coded files of one sample")
    codes = codes or vocabulary(lexicon_paths)
    units: list[CodedUnit] = []
    first: CodedUnit | None = None
    coder_files: dict[str, str] = {}
    for path in paths:
        found = read_file(path, codes)
        if not found:
            raise InputError(path, "no coded unit in this file", "code some units (and mark them done) first")
        for unit in found:
            first = first or unit
            if (unit.sample_id, unit.unit) != (first.sample_id, first.unit):
                raise InputError(unit.path, f"this file is from another sample ({unit.sample_id}, {unit.unit} units) "
                                 f"than {first.path} ({first.sample_id}, {first.unit} units)",
                                 "give the coded files of one sample", line=unit.line)
            if unit.corpus_id != first.corpus_id:
                raise InputError(unit.path, f"corpus id {unit.corpus_id} differs from {first.corpus_id} of "
                                 f"{first.path}", "give the coded files of one sample", line=unit.line)
            owner = coder_files.setdefault(unit.coder, unit.path)
            if owner != unit.path:
                raise InputError(unit.path, f"coder {unit.coder!r} is also the coder of {owner}",
                                 "give each coder's file a name of its own (the name is the coder)",
                                 line=unit.line)
        units.extend(found)
    units = _without_unused_categories(units)
    return Coding(first.sample_id, first.corpus_id, first.unit, tuple(units), tuple(str(p) for p in paths))
