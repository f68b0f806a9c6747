"""Figure 3: who speaks (kinds of quotation, types of source, the most-quoted speakers), from
:func:`framing.measures.sourcing_profile`."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib import rc_context
from matplotlib.figure import Figure

from framing.figures.base import (AxesArg, group_handles, group_labels, grouped_barh, head, mark_empty,
                                  n_groups, new_figure, note, nothing_to_draw, panels, plural)
from framing.figures.style import (KIND_LABELS, STYLE, TYPE_LABELS, WIDTH_PAGE, outlet_colors)
from framing.records import QUOTE_KINDS, SPEAKER_TYPES


def plot_sourcing(profile: pd.DataFrame, *, by: str | Sequence[str] = "outlet", ax: AxesArg = None) -> Figure:
    """Figure 3: who speaks. Panels: kinds of quotation (share of all quotes), types of source (share
    of attributed quotes), and the most-quoted speakers (number of quotes).

    ``profile``: :func:`framing.measures.sourcing_profile`. Shares carry 95% Clopper-Pearson intervals.
    """
    title = "Who speaks: quotations and their sources"
    kinds = profile[profile["dimension"] == "kind"] if not profile.empty else profile
    if profile.empty or int(kinds["count"].sum()) == 0:
        return nothing_to_draw(title, "No quotations were found in these articles.", ax, WIDTH_PAGE)
    with rc_context(STYLE):
        speakers = profile[profile["dimension"] == "speaker"]
        names = list(dict.fromkeys(speakers["value"].astype(str)))
        n = n_groups(profile, by)
        owned = ax is None
        if owned:
            fig = new_figure(WIDTH_PAGE, 2.2 + (6 + max(len(names), 1)) * 0.1 * (1 + n))
            mosaic = fig.subplot_mosaic([["kind", "speaker_type"], ["speaker", "speaker"]],
                                        height_ratios=[6, max(len(names), 2)])
            axes = [mosaic["kind"], mosaic["speaker_type"], mosaic["speaker"]]
        else:
            fig, axes = panels(ax, 3, WIDTH_PAGE, 4)
        total = profile[profile["dimension"] == "kind"]
        labels_all = group_labels(total, by)
        colors = outlet_colors(labels_all)
        legend = {}
        for label in sorted(set(labels_all)):
            row = total[labels_all == label].iloc[0]
            legend[label] = (f"{label} ({plural(int(row['articles']), 'article')}, "
                             f"{plural(int(row['total']), 'quote')})")
        dimensions = [("kind", list(QUOTE_KINDS), KIND_LABELS, "Share of all quotations (%)",
                   "How words are reported"),
                  ("speaker_type", list(SPEAKER_TYPES), TYPE_LABELS, "Share of attributed quotations (%)",
                   "Who is quoted")]
        for panel, (dimension, fixed, names_of, xlabel, heading) in zip(axes, dimensions):
            part = profile[profile["dimension"] == dimension]
            items = [v for v in fixed if v in set(part["value"])] + sorted(set(part["value"]) - set(fixed))
            grouped_barh(panel, part, group_labels(part, by), item="value", items=items, colors=colors,
                          legend=legend, value="share", low="share_low", high="share_high", scale=100,
                          item_labels=names_of)
            panel.set_xlim(0, 100)
            panel.set_xlabel(xlabel)
            panel.set_title(heading, loc="left")
        panel = axes[2]
        if names:
            grouped_barh(panel, speakers, group_labels(speakers, by), item="value", items=names, colors=colors,
                          legend=legend, value="count")
            panel.xaxis.get_major_locator().set_params(integer=True)
        else:
            mark_empty(panel, "No quotation has a named speaker.")
        panel.set_xlabel("Quotations attributed to the speaker (number)")
        panel.set_title("Most-quoted speakers", loc="left")
        head(fig, axes, title, group_handles(colors, legend), owned)
        note(fig, "Lines: 95% exact (Clopper-Pearson) interval of the share. Attributed quotations: "
              "direct, indirect and \u201caccording to\u201d (not scare quotes).", owned)
        return fig
