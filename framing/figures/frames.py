"""Figure 8: the frames each outlet uses: the share of its articles in which the frames model finds
each frame (95% exact binomial intervals), and the share of its sentences that evoke the frame, from
:func:`framing.measures.frame_shares`."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib import rc_context
from matplotlib.figure import Figure

from framing.figures.base import (AxesArg, group_handles, group_labels, grouped_barh, head, legend_texts,
                                  n_groups, note, nothing_to_draw, panels)
from framing.figures.style import STYLE, WIDTH_PAGE, outlet_colors


def frame_order(shares: pd.DataFrame) -> list[str]:
    """Frames by their article share summed over groups, then their sentence share, largest first
    (ties in the table's order)."""
    totals = shares.groupby("frame", sort=False)[["article_share", "sentence_share"]].sum(min_count=1)
    totals = totals.fillna(0.0).assign(_order=np.arange(len(totals)))
    totals = totals.sort_values(["article_share", "sentence_share", "_order"], ascending=[False, False, True])
    return totals.index.astype(str).tolist()


def plot_frames(shares: pd.DataFrame, *, by: str | Sequence[str] = "outlet", ax: AxesArg = None) -> Figure:
    """Figure 8: per group, the share of articles that use each frame (the frames model's decision;
    lines: 95% Clopper-Pearson interval) and the share of sentences that evoke it (hold one of its cue
    words), side by side; frames ordered by use.

    ``shares``: :func:`framing.measures.frame_shares`. With the frames model off, the article panel
    says so and the sentence panel is drawn alone. Each group's bars in a panel form one BarContainer
    labelled with its legend text.
    """
    title = "Frames: which frames each outlet uses"
    if shares.empty:
        return nothing_to_draw(title, "No articles to show.", ax, WIDTH_PAGE)
    with rc_context(STYLE):
        items = frame_order(shares)
        labels_of = dict(zip(shares["frame"].astype(str), shares["label"].astype(str)))
        fig, axes = panels(ax, 2, WIDTH_PAGE, 1.6 + len(items) * (0.1 + 0.1 * n_groups(shares, by)), sharey=True)
        labels = group_labels(shares, by)
        colors, legend = outlet_colors(labels), legend_texts(shares, labels)
        scored = int(shares["scored"].max()) > 0
        left, right = axes
        if scored:
            grouped_barh(left, shares, labels, item="frame", items=items, colors=colors, legend=legend,
                         value="article_share", low="article_low", high="article_high", item_labels=labels_of,
                         scale=100.0)
            left.set_xlim(0, 100)
        else:
            grouped_barh(left, shares.assign(article_share=0.0), labels, item="frame", items=items, colors=colors,
                         legend=legend, value="article_share", item_labels=labels_of)
            left.text(0.5, 0.5, "Frames model off:\nno article decisions", transform=left.transAxes, ha="center",
                      va="center", fontsize=7.5, color="#555555")
        left.set_title("Articles that use the frame", loc="left")
        left.set_xlabel("% of articles (frames model)")
        grouped_barh(right, shares, labels, item="frame", items=items, colors=colors, legend=legend,
                     value="sentence_share", item_labels=labels_of, scale=100.0)
        right.set_title("Sentences that evoke it", loc="left")
        right.set_xlabel("% of sentences with a cue word")
        owned = ax is None
        head(fig, axes, title, group_handles(colors, legend), owned)
        note(fig, "Left: the share of articles in which the frames model "
             "finds the frame; lines: 95% exact binomial interval, wide for a few articles. Right: the share "
             "of sentences holding a cue word of the frame (frame-cue lexicon), no interval: the sentences of "
             "one article are not independent.", owned)
        return fig
