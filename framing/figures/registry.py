"""The figure registry: every figure of a corpus in one call: compute the measures, draw the figures, write the files.

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

from framing import measures
from framing.measures import By, by_columns
from framing.aliases import Aliases, apply
from framing.schemas import frame
from framing.figures.actors import plot_actors
from framing.figures.frames import plot_frames
from framing.figures.markers import plot_epistemic_stance, plot_loaded_terms, plot_reporting_verbs
from framing.figures.output import FORMATS, figure_bytes
from framing.figures.sourcing import plot_sourcing
from framing.figures.strip import plot_framing_strip
from framing.figures.terms import plot_distinctive_terms
from framing.figures.selection import plot_selection
from framing.io import prepare_dir, write_files
from framing.records import CUE_CLASSES

if TYPE_CHECKING:
    from framing.analysis import Tables

    #: What the figures are drawn from: a run's Tables, or table name -> DataFrame.
    TableSet = Tables | Mapping[str, pd.DataFrame]

#: Significant digits of the floats in the CSV files.
FLOAT_FORMAT = "%.6g"
#: Tables passed on to the figures when the run has them (alignments: figure 9; sentence_frames: its
#: frames rows).
OPTIONAL_TABLES = ("alignments", "selection", "sentence_frames")
#: Terms per outlet in the distinctive-terms figure (and its table).
TOP_TERMS = 12


@dataclass(frozen=True)
class FigureSpec:
    """One figure: its file name (without extension), its title in a sentence, the measure (tables and
    grouping -> the figure's table) and the plot (that table and grouping -> Figure)."""

    name: str
    caption: str
    measure: Callable[[Mapping[str, pd.DataFrame], By], pd.DataFrame]
    plot: Callable[[pd.DataFrame, By], Figure]


def _family(markers: pd.DataFrame, *families: str) -> pd.DataFrame:
    return markers[markers["family"].isin(families)]


#: The ``source`` of a marker row a learned model found starts with this (see :mod:`framing.loaded`).
MODEL_SOURCE = "model:"


def _loaded_evidence(markers: pd.DataFrame) -> pd.DataFrame:
    """The ``loaded`` markers, the categories of the rows a model found marked ``(model)``, so that the
    figure shows lexicon and model evidence apart."""
    loaded = _family(markers, "loaded")
    learned = loaded["source"].astype(str).str.startswith(MODEL_SOURCE)
    if not learned.any():
        return loaded
    return loaded.assign(category=loaded["category"].astype(str).where(~learned, loaded["category"].astype(str)
                                                                       + " (model)"))


def _stop_words() -> frozenset[str]:
    """Common English function words, left out of the distinctive-terms figure (spaCy's list)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w.replace("\u2019", "'") for w in STOP_WORDS)


def _distinctive(t: Mapping[str, pd.DataFrame], by: By) -> pd.DataFrame:
    terms = measures.distinctive_terms(t["sentences"], t["articles"], by=by, stop_words=_stop_words())
    if terms.empty:
        return terms
    return terms.groupby(by_columns(by), sort=True).head(TOP_TERMS).reset_index(drop=True)


def _selection(t: Mapping[str, pd.DataFrame], by: By) -> pd.DataFrame:
    """Figure 9's table, from the run's alignments (computed here when the tables have none)."""
    from framing.alignment import align, events_of
    from framing.measures.selection import selection_figure

    alignments = t.get("alignments")
    if alignments is None:
        alignments = align(t).alignments
    events = events_of(t["articles"], t["mentions"])
    return selection_figure(t["sentences"], t["markers"], t["quotes"], t["mentions"], alignments, t["articles"],
                            events, by=by, sentence_frames=t.get("sentence_frames"))


FIGURES: tuple[FigureSpec, ...] = (
    FigureSpec("01_loaded_terms", "Loaded terms per 1,000 words by category, in the outlet's own words and "
               "in quotations",
               lambda t, by: measures.rates(_loaded_evidence(t["markers"]), t["articles"], by=by,
                                            keys=("category", "voice")),
               lambda d, by: plot_loaded_terms(d, by=by)),
    FigureSpec("02_epistemic_stance", "Hedges and boosters per 1,000 words, own words and quoted",
               lambda t, by: measures.rates(_family(t["markers"], "hedge", "booster"), t["articles"], by=by,
                                            keys=("family", "voice"), levels={"family": ("hedge", "booster")}),
               lambda d, by: plot_epistemic_stance(d, by=by)),
    FigureSpec("03_sourcing", "Direct, indirect and scare quotes; named, anonymous and media sources; cue "
               "classes", lambda t, by: measures.sourcing_profile(t["quotes"], t["articles"], by=by),
               lambda d, by: plot_sourcing(d, by=by)),
    FigureSpec("04_reporting_verbs", "The verbs that introduce speech, by class, per 1,000 words",
               lambda t, by: measures.rates(_family(t["markers"], "reporting_verb"), t["articles"], by=by,
                                            keys=("category",), levels={"category": CUE_CLASSES}),
               lambda d, by: plot_reporting_verbs(d, by=by)),
    FigureSpec("05_framing_strip", "Each article sentence by sentence: where its markers and quotes fall",
               lambda t, by: measures.sentence_features(t["sentences"], t["markers"], t["quotes"], t["articles"],
                                                        by=by),
               lambda d, by: plot_framing_strip(d, by=by)),
    FigureSpec("06_distinctive_terms", "The words that set one outlet apart (weighted log-odds, z-scores)",
               _distinctive, lambda d, by: plot_distinctive_terms(
                   d, by=by, top=TOP_TERMS,
                   extra_note="Common English function words (spaCy's stop list) are left out.")),
    FigureSpec("07_actors", "The main people and places: how often each outlet names them and the tone of "
               "those sentences",
               lambda t, by: measures.actor_profile(t["mentions"], t["sentences"], t["articles"], by=by),
               lambda d, by: plot_actors(d, by=by)),
    FigureSpec("08_frames", "The frames each outlet uses: share of articles (frames model, 95% intervals) and of "
               "sentences that evoke each frame",
               lambda t, by: measures.frame_shares(t["frames"], t["sentence_frames"], t["sentences"], t["articles"],
                                                   by=by),
               lambda d, by: plot_frames(d, by=by)),
    FigureSpec("09_selection", "Selection: the articles of one event side by side, the passages two outlets both "
               "report and those only one reports; headline and lead against the rest",
               _selection, lambda d, by: plot_selection(d, by=by)),
)


NAMES = tuple(spec.name for spec in FIGURES)
#: The figures by name.
BY_NAME = {spec.name: spec for spec in FIGURES}


def _tables(tables: TableSet, aliases: Aliases) -> dict[str, pd.DataFrame]:
    """The tables by name (``mentions``, ``frames`` and ``sentence_frames`` empty when the run has
    none), actors merged by ``aliases``."""
    get = tables.__getitem__ if isinstance(tables, Mapping) else (lambda name: getattr(tables, name))
    out = {name: get(name) for name in ("articles", "sentences", "markers", "quotes")}
    for name in ("mentions", "frames", "sentence_frames"):  # empty when a run has none
        try:
            out[name] = get(name)
        except (KeyError, AttributeError):
            out[name] = frame(name)
    for name in OPTIONAL_TABLES:  # the tables some figures use when a run has them
        try:
            out[name] = get(name)
        except (KeyError, AttributeError):
            pass
    return apply(out, aliases)


def table_bytes(table: pd.DataFrame) -> bytes:
    """``table`` as CSV bytes: UTF-8, ``\\n`` line ends, floats with :data:`FLOAT_FORMAT`, no index."""
    return table.to_csv(index=False, lineterminator="\n", float_format=FLOAT_FORMAT).encode("utf-8")


def draw(name: str, tables: TableSet, *, by: By = "outlet", aliases: Aliases = None) -> tuple[pd.DataFrame, Figure]:
    """One figure of :data:`NAMES`: its table and its Figure, as ``make figures`` draws it.
    Raises KeyError for an unknown name."""
    if name not in BY_NAME:
        raise KeyError(f"no figure {name!r}; the figures are {', '.join(NAMES)}")
    spec = BY_NAME[name]
    table = spec.measure(_tables(tables, aliases), by)
    return table, spec.plot(table, by)


def render(tables: TableSet, *, by: By = "outlet", aliases: Aliases = None) -> dict[str, dict[str, bytes]]:
    """Every figure's files as bytes, by figure name and extension (``csv``, ``png``, ``svg``)."""
    data = _tables(tables, aliases)
    out = {}
    for spec in FIGURES:
        table = spec.measure(data, by)
        fig = spec.plot(table, by)
        images = {fmt: figure_bytes(fig, fmt) for fmt in FORMATS}
        out[spec.name] = {"csv": table_bytes(table), **images}
    return out


def _write(out: Path, name: str, files: Mapping[str, bytes]) -> list[Path]:
    return write_files(out, {f"{name}.{ext}": files[ext] for ext in ("png", "svg", "csv")})


def write_figure(name: str, tables: TableSet, out_dir: str | Path, *, by: By = "outlet",
                 aliases: Aliases = None) -> tuple[pd.DataFrame, list[Path]]:
    """Draw one figure of :data:`NAMES` and write its ``.png``, ``.svg`` and ``.csv`` to ``out_dir``, the
    same bytes as :func:`build_figures` writes; return its table and the written paths. Raises KeyError
    for an unknown name, OutputError when ``out_dir`` cannot be written."""
    out = prepare_dir(out_dir)
    table, fig = draw(name, tables, by=by, aliases=aliases)
    files = {"csv": table_bytes(table), **{fmt: figure_bytes(fig, fmt) for fmt in FORMATS}}
    return table, _write(out, name, files)


def build_figures(tables: TableSet, out_dir: str | Path, *, by: By = "outlet", aliases: Aliases = None) -> list[Path]:
    """Compute every measure, draw every figure and write ``NAME.png``, ``NAME.svg`` and ``NAME.csv``
    to ``out_dir`` for each name in :data:`NAMES`; return the written paths in that order.

    ``tables``: a :class:`framing.analysis.Tables` or a mapping of table name -> DataFrame with
    ``articles``, ``sentences``, ``markers``, ``quotes`` and, if there are, ``mentions``, ``frames`` and
    ``sentence_frames``.
    ``by``: the articles column(s) whose groups are compared. ``aliases``: alias -> canonical name (a
    mapping or a CSV ``alias,canonical``) applied to actors and resolved speakers. Raises OutputError
    when ``out_dir`` cannot be written.
    """
    out = prepare_dir(out_dir)
    rendered = render(tables, by=by, aliases=aliases)
    return [path for name, files in rendered.items() for path in _write(out, name, files)]
