"""Figures as files: PNG and SVG rendered with a fixed layout, font, resolution and ids, so that the same
figure gives the same bytes on every run."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from matplotlib import rc_context
from matplotlib.figure import Figure

from framing.figures.style import STYLE
from framing.io import write_atomic


FORMATS = ("png", "svg")
_METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None}}


def freeze_layout(fig: Figure) -> None:
    """Run the figure's layout once and fix the panel positions, rounded, so that every rendering of
    ``fig`` uses the same layout (the layout solver's last digits can vary from call to call, and SVG
    clip-path ids are hashes of the exact panel positions)."""
    if fig.get_layout_engine() is None:
        return
    fig.set_dpi(STYLE["savefig.dpi"])  # text is measured as the PNG draws it
    with rc_context(STYLE):
        fig.draw_without_rendering()
    for ax in fig.axes:
        ax.set_position([round(float(v), 9) for v in ax.get_position().bounds])
    fig.set_layout_engine("none")


def figure_bytes(fig: Figure, fmt: str) -> bytes:
    """``fig`` rendered as PNG or SVG, the same bytes for the same figure on every run (its layout is
    fixed first, see :func:`freeze_layout`)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown figure format {fmt!r}; choose from {', '.join(FORMATS)}")
    freeze_layout(fig)
    buffer = io.BytesIO()
    with rc_context(STYLE):
        fig.savefig(buffer, format=fmt, metadata=_METADATA[fmt], dpi=STYLE["savefig.dpi"])
    return buffer.getvalue()


def save_figure(fig: Figure, path_stem: str | Path, *, formats: Sequence[str] = FORMATS) -> list[Path]:
    """Write ``fig`` as ``PATH_STEM.png`` and ``PATH_STEM.svg``, each atomically and byte-reproducibly
    (fixed font, resolution, SVG ids, no dates); return the paths. Raises OutputError when the folder
    cannot be written."""
    stem = Path(path_stem)
    written = []
    rendered = [(stem.with_name(f"{stem.name}.{fmt}"), figure_bytes(fig, fmt)) for fmt in formats]
    for path, data in rendered:
        write_atomic(path, data)
        written.append(path)
    return written
