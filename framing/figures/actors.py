"""Figure 7: the main actors, how often each outlet names them and the tone of those sentences,
from :func:`framing.measures.actor_profile`."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib import rc_context
from matplotlib.figure import Figure

from framing.figures.base import (AxesArg, group_handles, group_labels, grouped_barh, head, legend_texts,
                                  n_groups, note, nothing_to_draw, panels)
from framing.figures.style import (GRID, PER_1000, STYLE, WIDTH_PAGE, outlet_colors)


def plot_actors(profile: pd.DataFrame, *, by: str | Sequence[str] = "outlet", ax: AxesArg = None) -> Figure:
    """Figure 7: the main actors. Panels: mentions per 1,000 words (bars, Poisson intervals), and the
    mean polarity and mean subjectivity of the sentences that name each actor (points, 95% t-intervals).

    ``profile``: :func:`framing.measures.actor_profile`. The point series of each outlet are
    ``Line2D`` objects labelled with its legend text.
    """
    title = "The main actors and the tone of the sentences that name them"
    if profile.empty or int(profile["mentions"].sum()) == 0:
        return nothing_to_draw(title, "No actor mentions in these tables.", ax, WIDTH_PAGE)
    with rc_context(STYLE):
        actors = list(dict.fromkeys(profile["actor"].astype(str)))
        n = n_groups(profile, by)
        fig, axes = panels(ax, 3, WIDTH_PAGE, 1.6 + len(actors) * (0.12 + 0.1 * n), sharey=True,
                            gridspec_kw={"width_ratios": [1.2, 1, 1]})
        labels = group_labels(profile, by)
        colors, legend = outlet_colors(labels), legend_texts(profile, labels)
        grouped_barh(axes[0], profile, labels, item="actor", items=actors, colors=colors, legend=legend,
                      value="rate", low="rate_low", high="rate_high")
        axes[0].set_xlabel(f"Mentions {PER_1000}")
        axes[0].set_title("How often", loc="left")
        groups = sorted(set(labels))
        height = 0.8 / max(len(groups), 1)
        for panel, measure, heading, xlabel in (
                (axes[1], "polarity", "Tone", "Mean polarity\n(\u22121 negative, +1 positive)"),
                (axes[2], "subjectivity", "Opinion", "Mean subjectivity\n(0 factual, 1 opinion)")):
            for g, group in enumerate(groups):
                part = profile[labels == group].set_index("actor").reindex(actors)
                y = np.arange(len(actors)) - 0.4 + height * (g + 0.5)
                values = part[measure].to_numpy(dtype=float)
                lows = part[f"{measure}_low"].to_numpy(dtype=float)
                highs = part[f"{measure}_high"].to_numpy(dtype=float)
                panel.plot(values, y, linestyle="none", marker="o", markersize=3.5, color=colors[group],
                           label=legend[group])
                keep = ~(np.isnan(values) | np.isnan(lows))
                if keep.any():
                    panel.errorbar(values[keep], y[keep],
                                   xerr=[values[keep] - lows[keep], highs[keep] - values[keep]],
                                   fmt="none", ecolor=colors[group], elinewidth=0.8, capsize=0)
            panel.set_xlabel(xlabel)
            panel.set_title(heading, loc="left")
            panel.xaxis.grid(True, **GRID)
            panel.tick_params(axis="y", length=0)
        bounds = profile[["polarity", "polarity_low", "polarity_high"]].abs().max().max()
        reach = min(1.0, max(0.25, float(0 if np.isnan(bounds) else bounds) * 1.1))
        axes[1].set_xlim(-reach, reach)
        axes[1].axvline(0, color="#999999", linewidth=0.6)
        axes[2].set_xlim(0, 1)
        axes[0].set_ylim(len(actors) - 0.5, -0.5)
        owned = ax is None
        head(fig, axes, title, group_handles(colors, legend), owned)
        note(fig, "Polarity and subjectivity: TextBlob, per sentence. Lines: 95% intervals (Poisson for "
              "mentions, t for means); no line under two sentences.", owned)
        return fig
