"""Figures 1, 2 and 4: loaded terms, hedges and boosters, and reporting verbs per 1,000 words by
outlet, from :func:`framing.measures.rates`."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib import rc_context
from matplotlib.figure import Figure

from framing.figures.base import (AxesArg, group_handles, group_labels, grouped_barh, head, legend_texts,
                                  n_groups, note, nothing_to_draw, ordered_items, panels, voices_of)
from framing.figures.style import (PER_1000, STYLE, VOICE_TITLES, WIDTH_COLUMN, WIDTH_PAGE, ZERO, outlet_colors)
from framing.records import CUE_CLASSES


def _by_voice(rates: pd.DataFrame, by: str | Sequence[str], ax: AxesArg, *, title: str, item: str,
              items: list[str], item_labels: dict[str, str], xlabel: str, text: str,
              row: tuple[float, float]) -> Figure:
    """Rates of ``items`` by group, one panel per voice (own words, inside quotations); each item's
    row is ``row[0] + row[1] * groups`` inches high."""
    with rc_context(STYLE):
        voices = voices_of(rates)
        fig, axes = panels(ax, len(voices), WIDTH_PAGE, 1.5 + len(items) * (row[0] + row[1] * n_groups(rates, by)),
                           sharex=True, sharey=True)
        labels = group_labels(rates, by)
        colors, legend = outlet_colors(labels), legend_texts(rates, labels)
        for panel, voice in zip(axes, voices):
            part = rates[rates["voice"].astype(str) == voice]
            grouped_barh(panel, part, labels[part.index], item=item, items=items, colors=colors,
                         legend=legend, value="rate", low="rate_low", high="rate_high", item_labels=item_labels)
            panel.set_title(VOICE_TITLES.get(voice, voice), loc="left")
            panel.set_xlabel(xlabel)
        owned = ax is None
        head(fig, axes, title, group_handles(colors, legend), owned)
        note(fig, text, owned)
        return fig


def plot_loaded_terms(rates: pd.DataFrame, *, by: str | Sequence[str] = "outlet", ax: AxesArg = None) -> Figure:
    """Figure 1: loaded terms per 1,000 words by category and outlet, one panel per voice.

    ``rates``: :func:`framing.measures.rates` of the loaded markers with ``keys=("category", "voice")``.
    Categories are ordered by their total rate; bars are rates, lines 95% intervals.
    """
    title = "Loaded terms by category"
    if rates.empty or int(rates["count"].sum()) == 0:
        return nothing_to_draw(title, "No loaded terms were found in these articles.", ax)
    items = ordered_items(rates, "category")
    return _by_voice(rates, by, ax, title=title, item="category", items=items,
                     item_labels={c: c[:1].upper() + c[1:] for c in items}, xlabel=f"Loaded terms {PER_1000}",
                     text="Bars: rate per 1,000 words of the whole article; lines: 95% exact Poisson interval. "
                     + ("Categories marked (model): spans the loaded-language model found beyond the lexicons. "
                        if any(str(c).endswith("(model)") for c in items) else "")
                     + ZERO, row=(0.1, 0.11))


STANCE = {"hedge": "Hedges", "booster": "Boosters"}


def plot_epistemic_stance(rates: pd.DataFrame, *, by: str | Sequence[str] = "outlet",
                          ax: AxesArg = None) -> Figure:
    """Figure 2: hedges and boosters per 1,000 words by outlet, one panel per voice.

    ``rates``: :func:`framing.measures.rates` of the hedge and booster markers with
    ``keys=("family", "voice")`` (and ``levels={"family": ("hedge", "booster")}`` so both appear).
    """
    title = "How sure the articles sound: hedges and boosters"
    if rates.empty:
        return nothing_to_draw(title, "No articles to compare.", ax)
    items = [f for f in STANCE if f in set(rates["family"])] + sorted(set(rates["family"]) - set(STANCE))
    return _by_voice(rates, by, ax, title=title, item="family", items=items, item_labels=STANCE,
                     xlabel=f"Markers {PER_1000}",
                     text="Hedges soften a claim (may, reportedly); boosters harden it (clearly, undoubtedly). "
                     f"Lines: 95% exact Poisson interval. {ZERO}", row=(0.15, 0.16))


def plot_reporting_verbs(rates: pd.DataFrame, *, by: str | Sequence[str] = "outlet", ax: AxesArg = None) -> Figure:
    """Figure 4: reporting verbs per 1,000 words by class (neutral, assertive, distancing, emotive,
    endorsing) and outlet.

    ``rates``: :func:`framing.measures.rates` of the reporting-verb markers with ``keys=("category",)``
    (and ``levels={"category": CUE_CLASSES}`` so every class appears).
    """
    title = "Reporting verbs by class"
    if rates.empty:
        return nothing_to_draw(title, "No articles to compare.", ax)
    with rc_context(STYLE):
        present = set(rates["category"].astype(str))
        items = [c for c in CUE_CLASSES if c in present] + sorted(present - set(CUE_CLASSES))
        n = n_groups(rates, by)
        fig, axes = panels(ax, 1, WIDTH_COLUMN, 1.6 + len(items) * (0.1 + 0.11 * n))
        labels = group_labels(rates, by)
        colors, legend = outlet_colors(labels), legend_texts(rates, labels)
        examples = {"neutral": "said", "assertive": "insisted", "distancing": "claimed", "emotive": "hit back",
                    "endorsing": "pointed out"}
        grouped_barh(axes[0], rates, labels, item="category", items=items, colors=colors, legend=legend,
                      value="rate", low="rate_low", high="rate_high",
                      item_labels={c: f"{c.capitalize()}\n({examples[c]})" if c in examples else c for c in items})
        axes[0].set_xlabel(f"Reporting verbs {PER_1000}")
        owned = ax is None
        head(fig, axes, title, group_handles(colors, legend), owned)
        note(fig, f"Lines: 95% exact Poisson interval. {ZERO}", owned)
        return fig
