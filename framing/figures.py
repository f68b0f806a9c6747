"""Every figure of a corpus in one call: compute the measures, draw the figures, write the files.

:func:`build_figures` writes, for each figure, ``NAME.png``, ``NAME.svg`` and ``NAME.csv`` (the table
the figure is drawn from) into one folder. The same tables give byte-identical files: rows are in a
fixed order, floats are written with a fixed number of significant digits, and the images carry no
dates or version strings. All files are rendered first and then written, each atomically, so a
failure while drawing leaves the previous figures in place.

>>> build_figures(framing.analyze(), "figures")                               # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from matplotlib.figure import Figure

from framing import measures, plots
from framing.aliases import Aliases, apply
from framing.schemas import frame
from framing.io import prepare_dir, write_atomic
from framing.records import CUE_CLASSES

if TYPE_CHECKING:
    from framing.analysis import Tables

    #: What the figures are drawn from: a run's Tables, or table name -> DataFrame.
    TableSet = Tables | Mapping[str, pd.DataFrame]

#: Significant digits of the floats in the CSV files.
FLOAT_FORMAT = "%.6g"
#: Terms per outlet in the distinctive-terms figure (and its table).
TOP_TERMS = 12


@dataclass(frozen=True)
class FigureSpec:
    """One figure: its file name (without extension), the measure and the plot."""

    name: str
    measure: Callable[[Mapping[str, pd.DataFrame]], pd.DataFrame]
    plot: Callable[[pd.DataFrame], Figure]


def _family(markers: pd.DataFrame, *families: str) -> pd.DataFrame:
    return markers[markers["family"].isin(families)]


def _stop_words() -> frozenset[str]:
    """Common English function words, left out of the distinctive-terms figure (spaCy's list)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w.replace("\u2019", "'") for w in STOP_WORDS)


def _distinctive(t: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    terms = measures.distinctive_terms(t["sentences"], t["articles"], stop_words=_stop_words())
    return terms.groupby("outlet", sort=True).head(TOP_TERMS).reset_index(drop=True) if not terms.empty else terms


FIGURES: tuple[FigureSpec, ...] = (
    FigureSpec("01_loaded_terms",
               lambda t: measures.rates(_family(t["markers"], "loaded"), t["articles"],
                                        keys=("category", "voice")),
               plots.plot_loaded_terms),
    FigureSpec("02_epistemic_stance",
               lambda t: measures.rates(_family(t["markers"], "hedge", "booster"), t["articles"],
                                        keys=("family", "voice"), levels={"family": ("hedge", "booster")}),
               plots.plot_epistemic_stance),
    FigureSpec("03_sourcing", lambda t: measures.sourcing_profile(t["quotes"], t["articles"]),
               plots.plot_sourcing),
    FigureSpec("04_reporting_verbs",
               lambda t: measures.rates(_family(t["markers"], "reporting_verb"), t["articles"], keys=("category",),
                                        levels={"category": CUE_CLASSES}),
               plots.plot_reporting_verbs),
    FigureSpec("05_framing_strip",
               lambda t: measures.sentence_features(t["sentences"], t["markers"], t["quotes"], t["articles"]),
               plots.plot_framing_strip),
    FigureSpec("06_distinctive_terms", _distinctive, lambda d: plots.plot_distinctive_terms(
        d, top=TOP_TERMS, extra_note="Common English function words (spaCy's stop list) are left out.")),
    FigureSpec("07_actors", lambda t: measures.actor_profile(t["mentions"], t["sentences"], t["articles"]),
               plots.plot_actors),
)
NAMES = tuple(spec.name for spec in FIGURES)


def _tables(tables: TableSet, aliases: Aliases) -> dict[str, pd.DataFrame]:
    """The five tables by name (``mentions`` empty when the run has none), actors merged by ``aliases``."""
    get = tables.__getitem__ if isinstance(tables, Mapping) else (lambda name: getattr(tables, name))
    out = {name: get(name) for name in ("articles", "sentences", "markers", "quotes")}
    try:
        out["mentions"] = get("mentions")
    except (KeyError, AttributeError):
        out["mentions"] = frame("mentions")
    return apply(out, aliases)


def table_bytes(table: pd.DataFrame) -> bytes:
    """``table`` as CSV bytes: UTF-8, ``\\n`` line ends, floats with :data:`FLOAT_FORMAT`, no index."""
    return table.to_csv(index=False, lineterminator="\n", float_format=FLOAT_FORMAT).encode("utf-8")


def render(tables: TableSet, *, aliases: Aliases = None) -> dict[str, dict[str, bytes]]:
    """Every figure's files as bytes, by figure name and extension (``csv``, ``png``, ``svg``)."""
    data = _tables(tables, aliases)
    out = {}
    for spec in FIGURES:
        table = spec.measure(data)
        fig = spec.plot(table)
        images = {fmt: plots.figure_bytes(fig, fmt) for fmt in plots.FORMATS}
        out[spec.name] = {"csv": table_bytes(table), **images}
    return out


def build_figures(tables: TableSet, out_dir: str | Path, *, aliases: Aliases = None) -> list[Path]:
    """Compute every measure, draw every figure and write ``NAME.png``, ``NAME.svg`` and ``NAME.csv``
    to ``out_dir`` for each name in :data:`NAMES`; return the written paths in that order.

    ``tables``: a :class:`framing.analysis.Tables` or a mapping of table name -> DataFrame with
    ``articles``, ``sentences``, ``markers``, ``quotes`` and, if there is one, ``mentions``.
    ``aliases``: alias -> canonical name (a mapping or a CSV ``alias,canonical``) applied to actors
    and resolved speakers. Raises OutputError when ``out_dir`` cannot be written.
    """
    out = prepare_dir(out_dir)
    rendered = render(tables, aliases=aliases)
    written = []
    for name, files in rendered.items():
        for ext in ("png", "svg", "csv"):
            path = out / f"{name}.{ext}"
            write_atomic(path, files[ext])
            written.append(path)
    return written
