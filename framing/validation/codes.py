"""What coders code: the kinds of unit, the variables of each, and the codes each variable may take.

A sample has one kind of unit (:data:`UNITS`):

- ``sentence`` and ``article``: the coder marks spans of text with a marker family, optionally with a
  category (``loaded`` or ``loaded/threat and fear``), and lists the frames the unit carries. Such units
  let coders mark what the tool missed. Their variables are ``family`` and ``category`` (the families and
  categories of the marked spans, per unit and token by token) and ``frame``.
- ``marker``: one marker the tool found; the coder says which family and category it really is
  (``none``: not a marker at all). Variables ``family`` and ``category``.
- ``quote``: one quotation the tool found; the coder gives its ``kind`` (``none``: not a quotation), its
  ``speaker_type`` and the class of its reporting verb (``cue_class``; ``none`` when it has no cue).

Marker and quote units judge what the tool found: recall on them counts only what it found.

The codes come from the lexicons (families and their categories, ``framing/lexicons/``), from the frame
definitions (``framing/lexicons/frames/frames.csv`` when it exists, else the fourteen dimensions of the
Policy Frames Codebook, Boydstun et al. 2014) and from :mod:`framing.records` (quote kinds, speaker
types, cue classes). Codes are matched without regard to case or extra white space.

>>> vocabulary().span_label("Loaded / Threat and fear")          # doctest: +SKIP
('loaded', 'loaded/threat and fear')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from framing.lexicons.reader import read_rows, shipped
from framing.records import CUE_CLASSES, QUOTE_KINDS, SPEAKER_TYPES

#: Kinds of unit a sample can be drawn in.
UNITS = ("sentence", "marker", "quote", "article")
#: Units in which coders mark spans and frames (and so can mark what the tool missed).
SPAN_UNITS = ("sentence", "article")
#: The code of "nothing of the kind": not a marker, not a quotation, no reporting verb.
NONE = "none"
#: The variables of each kind of unit, in order.
VARIABLES: dict[str, tuple[str, ...]] = {"sentence": ("family", "category", "frame"),
                                         "article": ("family", "category", "frame"),
                                         "marker": ("family", "category"),
                                         "quote": ("kind", "speaker_type", "cue_class")}
#: Variables that hold one code per unit (the others hold a set: the families of a sentence's spans).
SINGLE = {"marker": ("family", "category"), "quote": ("kind", "speaker_type", "cue_class")}
#: The code columns of the coding sheet, by kind of unit (``spans`` gives ``family`` and ``category``).
SHEET_CODES: dict[str, tuple[str, ...]] = {"sentence": ("spans", "frames"), "article": ("spans", "frames"),
                                           "marker": ("family", "category"),
                                           "quote": ("kind", "speaker_type", "cue_class")}
#: The variable a code column of the sheet (or a Label Studio control of that name) fills.
COLUMN_VARIABLE = {"frames": "frame", "frame": "frame", "family": "family", "category": "category",
                   "kind": "kind", "speaker_type": "speaker_type", "cue_class": "cue_class"}
#: The fourteen frame dimensions of the Policy Frames Codebook (Boydstun, Card, Gross, Resnik & Smith
#: 2014), used when the package has no frame definitions file.
FRAME_IDS = ("Economic", "Capacity_and_resources", "Morality", "Fairness_and_equality",
             "Legality_Constitutionality_and_jurisprudence", "Policy_prescription_and_evaluation",
             "Crime_and_punishment", "Security_and_defense", "Health_and_safety", "Quality_of_life",
             "Cultural_identity", "Public_opinion", "Political", "External_regulation_and_reputation")
#: Marker families that are not coded as spans: frame-cue words are evidence for frames, coded per unit.
UNCODED_FAMILIES = ("frame",)
#: Where the frame definitions live (written by the frames lexicon, when the package has it).
FRAMES_FILE = shipped("frames") / "frames.csv"
#: Definitions of families, categories, quote kinds and speaker types for the codebook.
DEFINITIONS_FILE = shipped("codebook") / "definitions.csv"


def key(label: str) -> str:
    """A code as compared: lower case, single spaces, no space around ``/``."""
    return "/".join(" ".join(part.lower().split()) for part in str(label).split("/"))


@dataclass(frozen=True)
class Span:
    """A coded span: character offsets into the unit's text (end exclusive), family and category
    (``family/category``, or "" when the coder gave only the family)."""

    start: int
    end: int
    family: str
    category: str = ""


@dataclass(frozen=True)
class Vocabulary:
    """The codes coders may use: marker families and their categories (``family/category``), frames,
    quote kinds, speaker types and cue classes; with definitions for the codebook."""

    families: tuple[str, ...]
    categories: tuple[str, ...]
    frames: tuple[str, ...]
    definitions: Mapping[tuple[str, str], str] = field(default_factory=dict)
    sources: Mapping[tuple[str, str], str] = field(default_factory=dict)
    frames_defined: bool = False

    def values(self, variable: str) -> tuple[str, ...]:
        """The codes of ``variable`` (single-code variables include :data:`NONE`)."""
        codes = {"family": self.families, "category": self.categories, "frame": self.frames,
                 "kind": QUOTE_KINDS, "speaker_type": SPEAKER_TYPES, "cue_class": CUE_CLASSES}[variable]
        return (*codes, NONE) if variable in ("family", "category", "kind", "cue_class") else codes

    @property
    def _index(self) -> dict[str, dict[str, str]]:
        index = self.__dict__.get("_index_cache")
        if index is None:
            index = {v: {key(c): c for c in self.values(v)}
                     for v in ("family", "category", "frame", "kind", "speaker_type", "cue_class")}
            object.__setattr__(self, "_index_cache", index)
        return index

    def code(self, variable: str, label: str) -> str | None:
        """``label`` as a code of ``variable`` (its canonical spelling), or None when it is not one.
        A bare category is accepted when only one family has it."""
        index = self._index[variable]
        found = index.get(key(label))
        if found is None and variable == "category" and "/" not in label:
            matches = [c for k, c in index.items() if k.split("/", 1)[-1] == key(label)]
            found = matches[0] if len(matches) == 1 else None
        return found

    def span_label(self, label: str) -> tuple[str, str] | None:
        """A span label (``family`` or ``family/category``) as ``(family, "family/category" or "")``,
        or None when the family or the category is unknown."""
        family_part, _, category_part = str(label).partition("/")
        family = self.code("family", family_part)
        if family is None or family == NONE:
            return None
        if not category_part.strip():
            return family, ""
        category = self.code("category", f"{family}/{category_part}")
        return None if category is None else (family, category)

    def unit_label(self, label: str, variables: Sequence[str]) -> tuple[str, str] | None:
        """A unit-level label as ``(variable, code)``: ``variable:code`` (``frame:Economic``,
        ``family:loaded``) or a bare code that only one of ``variables`` has. None when unknown."""
        name, sep, value = str(label).partition(":")
        if sep and COLUMN_VARIABLE.get(key(name)) in variables:
            variable = COLUMN_VARIABLE[key(name)]
            found = self.code(variable, value)
            return None if found is None else (variable, found)
        matches = [(v, self.code(v, label)) for v in variables if self.code(v, label) is not None]
        return matches[0] if len(matches) == 1 else None

    def describe(self, kind: str, name: str) -> str:
        """The definition of a code (``kind``: family, category, frame, kind, speaker_type)."""
        return self.definitions.get((kind, name), "")


def _definitions() -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    notes, sources = {}, {}
    for row in read_rows(DEFINITIONS_FILE):
        name = f"{row.category}/{row.entry}" if row.family == "category" else row.entry
        notes[(row.family, name)] = row.note
        sources[(row.family, name)] = row.source
    return notes, sources


def frame_rows() -> list:
    """The rows of the frame definitions file (``entry`` is the frame id, ``note`` its definition), or
    an empty list when the package has none."""
    return read_rows(FRAMES_FILE) if Path(FRAMES_FILE).is_file() else []


@lru_cache(maxsize=8)
def _vocabulary(lexicon_paths: tuple[str, ...]) -> Vocabulary:
    from framing.lexicons.entries import load_lexicon

    entries = load_lexicon(lexicon_paths)
    families = sorted({e.family for e in entries} - set(UNCODED_FAMILIES))
    categories = sorted({f"{e.family}/{e.category}" for e in entries if e.family in families})
    notes, sources = _definitions()
    frames = frame_rows()
    for row in frames:
        notes[("frame", row.entry)] = row.note
        sources[("frame", row.entry)] = row.source
    frame_ids = tuple(row.entry for row in frames) or FRAME_IDS
    return Vocabulary(tuple(families), tuple(categories), frame_ids, notes, sources, bool(frames))


def vocabulary(lexicon_paths: Sequence[str | Path] = ()) -> Vocabulary:
    """The codes of the shipped lexicons plus ``lexicon_paths`` (user lexicons add categories).
    Raises LexiconError for a bad lexicon file."""
    return _vocabulary(tuple(str(p) for p in lexicon_paths))


@dataclass(frozen=True)
class Place:
    """Where a unit is: its kind (sentence, marker, quote, article), its id, its article, its character
    offsets and its text."""

    unit: str
    unit_id: str
    doc_id: str
    start_char: int
    end_char: int
    text: str


@dataclass(frozen=True)
class CodedUnit(Place):
    """One unit as one coder coded it: which sample, where it was read (``path``, ``line``), the spans
    marked (offsets into ``text``) and the codes of each variable. A variable the coder left uncoded is
    absent from ``codes`` (a missing value, not an empty set)."""

    sample_id: str = ""
    corpus_id: str = ""
    coder: str = ""
    path: str = ""
    line: int = 0
    spans: tuple[Span, ...] = ()
    codes: Mapping[str, frozenset[str]] = field(default_factory=dict)
