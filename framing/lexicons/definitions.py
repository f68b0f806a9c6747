"""The 14 generic frames as data: their names, short labels and definitions (``frames/frames.csv``).

The frames are the dimensions of the Policy Frames Codebook (Boydstun, Card, Gross, Resnik & Smith 2014)
under the names SemEval-2023 Task 3 gives them (``Security_and_defense``,
``External_regulation_and_reputation``...). Each row of the file is ``entry`` (the name), ``family``
(``frame``), ``category`` (a short label for figures and views), ``note`` (a one-sentence definition,
paraphrased from the codebook) and ``source``. The frame-cue lexicon (``markers/frames.csv``, family
``frame``) names one of these frames as the category of each cue.

>>> frame_names()[:2]                                         # doctest: +SKIP
('Economic', 'Capacity_and_resources')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from framing.errors import LexiconError
from framing.lexicons.reader import read_rows, shipped

#: The file of the frames, in the codebook's order.
FRAMES_FILE = shipped("frames") / "frames.csv"


@dataclass(frozen=True, slots=True)
class FrameDefinition:
    """One frame: its ``name`` (the SemEval label), display ``label``, ``definition`` and ``source``."""

    name: str
    label: str
    definition: str
    source: str


@cache
def frame_definitions() -> tuple[FrameDefinition, ...]:
    """The 14 frames in the codebook's order. Raises LexiconError when the shipped file is damaged."""
    out = []
    for row in read_rows(FRAMES_FILE):
        if row.family != "frame" or not row.category or not row.note:
            raise LexiconError(FRAMES_FILE, f"frame {row.entry!r} needs family 'frame', a label and a definition",
                               "restore the file from the package", line=row.line)
        out.append(FrameDefinition(row.entry, row.category, row.note, row.source))
    return tuple(out)


def frame_names() -> tuple[str, ...]:
    """The frame names (``Economic`` ... ``External_regulation_and_reputation``), in the codebook's order."""
    return tuple(f.name for f in frame_definitions())


def frame_labels() -> dict[str, str]:
    """Frame name -> short display label ("Security_and_defense" -> "Security and defense")."""
    return {f.name: f.label for f in frame_definitions()}
