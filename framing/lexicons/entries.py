"""Lexicon files -> validated entries -> spaCy match patterns.

A lexicon file is a table with one row per entry and the columns ``entry, family, category, note,
source`` (CSV with a header row, or YAML: a list of mappings with these keys). The shipped files live in
``framing/lexicons/``; users add their own with ``lexicon_paths=[...]`` / ``--lexicon PATH``. Blank rows
and rows whose entry starts with ``#`` are skipped.

How an ``entry`` is written is described in :mod:`framing.lexicons.patterns`.

Families are those in :data:`framing.records.FAMILIES`. For ``reporting_verb`` the category is the class
of the verb (:data:`framing.records.CUE_CLASSES`). A ``hedge`` or ``booster`` in the category
``epistemic modal`` counts only in its epistemic use (see :mod:`framing.pipeline.markers`). An entry in the
category ``evaluative modifier`` is one adjective ("feckless"): it also matches its manner adverb
("fecklessly", see :func:`manner_adverbs`), and with a tagged pipeline it counts only as an adjective or
an adverb ("a mean remark", not "it means"). An entry in the category ``degree modifier`` ("very",
"too") counts only when it modifies the adjective or adverb right after it, and that word is not one of
quantity, size, time or likelihood ("too generous", not "too much", "very recent", "so far"); it needs a
tagged and parsed pipeline.

Frame cues (family ``frame``) name one of the 14 frames of :mod:`framing.lexicons.definitions` as their
category. They form a layer of their own: a word may be a frame cue and a loaded term at once
("threat"), and one cue may evoke several frames, one row per frame ("terrorism": security, crime).

>>> entries = load_lexicon(families=["hedge"])              # doctest: +SKIP
>>> reporting_verb_classes()["hit back"]                    # doctest: +SKIP
'emotive'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from framing.errors import LexiconError
from framing.lexicons.definitions import frame_names
from framing.lexicons.reader import COLUMNS, Row, files, read_rows, shipped
from framing.lexicons.patterns import parse_json_pattern, parse_phrase
from framing.records import CUE_CLASSES, FAMILIES, FRAME_FAMILY

PathLike = str | Path

@dataclass(frozen=True, slots=True)
class Entry:
    """One validated lexicon row; ``path``/``line`` say where it was read."""

    entry: str
    family: str
    category: str
    note: str
    source: str
    path: str = ""
    line: int = 0

    @property
    def key(self) -> str:
        """The entry normalised for comparison (lower case, single spaces)."""
        return normalise(self.entry)

    @property
    def slot(self) -> tuple[str, ...]:
        """What an entry must be unique by: its key, and for a frame cue also its frame (frame cues are
        a layer apart from the other families, and one cue may evoke several frames)."""
        return (FRAME_FAMILY, self.key, self.category) if self.family == FRAME_FAMILY else (self.key,)

    @property
    def is_json(self) -> bool:
        """True when the entry is a JSON Matcher pattern."""
        return self.entry.lstrip().startswith("[")


def normalise(text: str) -> str:
    """Lower-case ``text`` with runs of white space collapsed to one space."""
    return " ".join(text.lower().split())


def default_paths() -> list[Path]:
    """The marker lexicons shipped with the package, in name order."""
    return files(shipped("markers"))


def load_lexicon(paths: Sequence[PathLike] = (), *, families: Sequence[str] | None = None,
                 include_default: bool = True) -> list[Entry]:
    """Read, validate and merge lexicon files: the shipped ones (unless ``include_default`` is False),
    then ``paths`` in order; keep only ``families`` (None: all).

    A later file may repeat an entry of the same family (its category, note and source win); the same
    entry under another family is an error. Raises :class:`~framing.errors.LexiconError` naming the file
    and line for a missing file or column, an empty entry, an unknown family or class, a duplicate in
    conflict, or a pattern that cannot be parsed; and for an unknown name in ``families``.
    """
    if families is not None:
        unknown = sorted(set(families) - set(FAMILIES))
        if unknown:
            raise LexiconError(None, f"unknown marker family {', '.join(map(repr, unknown))}",
                               f"choose from {', '.join(FAMILIES)}")
    defaults = default_paths() if include_default else []
    merged: dict[tuple[str, ...], Entry] = {}
    for path in [*defaults, *(Path(p) for p in paths)]:
        rows = _read_default(str(path)) if path in defaults else read_file(path)
        for entry in rows:
            previous = merged.get(entry.slot)
            if previous is not None and previous.family != entry.family:
                raise LexiconError(entry.path, f"entry {entry.entry!r} is in family {entry.family!r} here "
                                   f"but in {previous.family!r} at {previous.path}:{previous.line}",
                                   "keep one family per entry (switch a family off instead of moving "
                                   "its entries)", line=entry.line)
            merged[entry.slot] = entry
    wanted = set(FAMILIES if families is None else families)
    return [e for e in merged.values() if e.family in wanted]


def reporting_verb_classes(paths: Sequence[PathLike] = ()) -> dict[str, str]:
    """Map each reporting-verb lemma or lemma phrase ("say", "hit back") to its class
    (``neutral | assertive | distancing | emotive | endorsing``), from the shipped lexicons and
    ``paths``. Pattern entries (wildcards, JSON) are left out. Raises LexiconError for a bad file.
    """
    classes: dict[str, str] = {}
    for entry in load_lexicon(paths, families=["reporting_verb"]):
        if entry.is_json or any(ch in entry.entry for ch in "*|="):
            continue
        classes[entry.key] = entry.category
    return classes


@lru_cache(maxsize=None)
def _read_default(path: str) -> tuple[Entry, ...]:
    return tuple(read_file(Path(path)))


def read_file(path: PathLike) -> list[Entry]:
    """The validated entries of one lexicon file (CSV, or YAML by suffix). Raises LexiconError."""
    path = Path(path)
    entries: list[Entry] = []
    seen: dict[tuple[str, ...], Entry] = {}
    for row in read_rows(path):
        entry = _validate(path, row)
        line = row.line
        previous = seen.get(entry.slot)
        if previous is not None:
            if previous.family != entry.family or previous.category != entry.category:
                raise LexiconError(path, f"duplicate entry {entry.entry!r} as {entry.family}/"
                                   f"{entry.category}, already {previous.family}/{previous.category} on "
                                   f"line {previous.line}", "keep one row per entry", line=line)
            continue
        seen[entry.slot] = entry
        entries.append(entry)
    return entries


def _validate(path: Path, row: Row) -> Entry:
    text, family, category, note, source, line = row.entry, row.family, row.category, row.note, row.source, row.line
    if family not in FAMILIES:
        raise LexiconError(path, f"unknown family {family!r} for entry {text!r}",
                           f"use one of {', '.join(FAMILIES)}", line=line)
    if not category:
        raise LexiconError(path, f"empty category for entry {text!r}", "name a category", line=line)
    if family == "reporting_verb" and category not in CUE_CLASSES:
        raise LexiconError(path, f"unknown reporting-verb class {category!r} for entry {text!r}",
                           f"use one of {', '.join(CUE_CLASSES)}", line=line)
    if family == FRAME_FAMILY and category not in frame_names():
        raise LexiconError(path, f"unknown frame {category!r} for entry {text!r}",
                           f"use one of {', '.join(frame_names())}", line=line)
    entry = Entry(text, family, category, note, source or f"user ({path.name})", str(path), line)
    try:
        if entry.is_json:
            parse_json_pattern(text)
        else:
            parse_phrase(text)
    except ValueError as error:
        raise LexiconError(path, f"unparsable pattern {text!r}: {error}", "see the entry syntax in "
                           "framing/lexicons/patterns.py", line=line) from None
    return entry
