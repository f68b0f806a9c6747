"""The figures: one function each, drawn from the tables of :mod:`framing.measures`, and the registry
that ``make figures``, the notebooks and the report use (:func:`build_figures`, :func:`draw`).

Every function takes the measure's DataFrame (never text), keyword-only options and an optional
``ax`` (one Axes, or a sequence with one Axes per panel for figures with panels), and returns the
matplotlib Figure. Each outlet (or group of articles) has one colour in every figure
(:func:`outlet_colors`), every legend says how many articles and words a group rests on, and
intervals are drawn where the measure has them. :func:`save_figure` writes PNG and SVG that are
byte-identical from run to run.

1. :func:`plot_loaded_terms`      loaded terms per 1,000 words by category, own words vs quotations
2. :func:`plot_epistemic_stance`  hedges and boosters per 1,000 words
3. :func:`plot_sourcing`          who speaks: kinds of quotation, types of source, most-quoted speakers
4. :func:`plot_reporting_verbs`   reporting verbs per 1,000 words by class
5. :func:`plot_framing_strip`     each article as a row of sentences, marked by what they contain
6. :func:`plot_distinctive_terms` words that set each outlet apart (log-odds z-scores)
7. :func:`plot_actors`            mentions of the main actors and the tone of the sentences naming them
9. :func:`plot_selection`         the articles of one event side by side: shared and unique passages;
                                  headline and lead against the rest

>>> fig = plot_loaded_terms(rates(markers[markers.family == "loaded"], articles,
...                               keys=("category", "voice")))                 # doctest: +SKIP
>>> save_figure(fig, "figures/01_loaded_terms")                                # doctest: +SKIP
"""

from framing.figures.actors import plot_actors
from framing.figures.frames import plot_frames
from framing.figures.markers import plot_epistemic_stance, plot_loaded_terms, plot_reporting_verbs
from framing.figures.output import FORMATS, figure_bytes, freeze_layout, save_figure
from framing.figures.registry import (BY_NAME, FIGURES, NAMES, FigureSpec, build_figures, draw, render,
                                     table_bytes, write_figure)
from framing.figures.selection import plot_selection
from framing.figures.sourcing import plot_sourcing
from framing.figures.strip import plot_framing_strip
from framing.figures.style import FAMILY_COLORS, PALETTE, STYLE, outlet_colors
from framing.figures.terms import plot_distinctive_terms

__all__ = ["BY_NAME", "FAMILY_COLORS", "FIGURES", "FORMATS", "FigureSpec", "NAMES", "PALETTE", "STYLE",
           "build_figures", "draw", "figure_bytes", "freeze_layout", "outlet_colors", "plot_actors",
           "plot_distinctive_terms", "plot_epistemic_stance", "plot_frames", "plot_framing_strip",
           "plot_loaded_terms", "plot_reporting_verbs", "plot_selection", "plot_sourcing", "render",
           "save_figure", "table_bytes", "write_figure"]
