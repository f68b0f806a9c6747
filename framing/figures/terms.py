"""Figure 6: the words that set each outlet apart, from :func:`framing.measures.distinctive_terms`."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib import rc_context
from matplotlib.figure import Figure

from framing.figures.base import (AxesArg, group_labels, head, mark_empty, new_figure, note,
                                  nothing_to_draw, panels, plural)
from framing.figures.style import (GRID, STYLE, WIDTH_PAGE, outlet_colors)


Z_95 = 1.959963984540054


def plot_distinctive_terms(terms: pd.DataFrame, *, by: str | Sequence[str] = "outlet", top: int = 12,
                           extra_note: str = "", ax: AxesArg = None) -> Figure:
    """Figure 6: the words that set each outlet apart, one panel per outlet: the ``top`` terms with
    the largest positive z-scores of the weighted log-odds against the rest (Monroe et al. 2008),
    with the 95% line at z = 1.96. Tick labels give the counts (outlet / rest).

    ``terms``: :func:`framing.measures.distinctive_terms`; ``extra_note`` is added to the note under
    the panels (e.g. which words were left out).
    """
    title = "Words that set each outlet apart"
    if terms.empty:
        return nothing_to_draw(title, "Distinctive words need at least two outlets with text.", ax)
    with rc_context(STYLE):
        labels = group_labels(terms, by)
        groups = sorted(set(labels))
        colors = outlet_colors(groups)
        ncols = min(len(groups), 2)  # term labels need the room of half a page
        nrows = -(-len(groups) // ncols)
        owned = ax is None
        if owned:
            fig = new_figure(WIDTH_PAGE, 1.0 + nrows * (0.5 + 0.15 * top))
            grid = fig.subplots(nrows, ncols, squeeze=False)
            axes = list(grid.ravel())
            for extra in axes[len(groups):]:
                extra.set_visible(False)
            axes = axes[:len(groups)]
        else:
            fig, axes = panels(ax, len(groups), WIDTH_PAGE, 4)
        reach = max(float(terms["z"].max()), Z_95) * 1.08
        for panel, group in zip(axes, groups):
            part = terms[(labels == group) & (terms["z"] > 0)]
            part = part.sort_values(["z", "term"], ascending=[False, True]).head(top)
            # two outlets: one against the other; more: each against all the others (said in the note)
            panel.set_title(f"{group} vs. {groups[1 - groups.index(group)]}" if len(groups) == 2 else group,
                            loc="left")
            if part.empty:
                mark_empty(panel, "No word stands out.")
                continue
            y = np.arange(len(part), dtype=float)
            panel.barh(y, part["z"].to_numpy(dtype=float), height=0.7, color=colors[group], label=group)
            names = [f"{t} ({c}/{r})" for t, c, r in zip(part["term"], part["count"], part["count_rest"])]
            panel.set_yticks(y, names)
            panel.set_ylim(len(part) - 0.5, -0.5)
            panel.tick_params(axis="y", length=0)
            panel.axvline(Z_95, color="#555555", linewidth=0.8, linestyle=(0, (3, 2)))
            panel.set_xlim(0, reach)
            panel.xaxis.grid(True, **GRID)
            size = part.iloc[0]
            panel.set_xlabel(f"z-score of the log-odds\n({plural(int(size['articles']), 'article')}, "
                             f"{plural(int(size['words']), 'word')} counted)")
        head(fig, axes, title, [], owned)
        against = "" if len(groups) == 2 else "Each outlet against all the others. "
        note(fig, f"{against}Weighted log-odds with an informative Dirichlet prior from the pooled corpus "
              "(Monroe, Colaresi & Quinn 2008). Dashed line: z = 1.96 (95%). In brackets: uses here / in the "
              f"rest. {extra_note}", owned)
        return fig
