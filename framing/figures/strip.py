"""Figure 5: the framing strip, each article as a band of sentences marked by what they contain,
from :func:`framing.measures.sentence_features`."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from framing.figures.base import (AxesArg, group_labels, head, note, nothing_to_draw, panels,
                                  plural)
from framing.figures.style import (FAMILY_COLORS, FAMILY_LABELS, STYLE, WIDTH_PAGE, tint)
from framing.measures import STRIP_FAMILIES


LANES = (*STRIP_FAMILIES, "quotation")


def _lane_state(features: pd.DataFrame, lane: str) -> tuple[np.ndarray, np.ndarray]:
    """(in the author's words, only inside quotations) flags of each sentence for one lane."""
    if lane == "quotation":
        return features["quotations"].to_numpy() > 0, np.zeros(len(features), dtype=bool)
    own = features[f"{lane}_author"].to_numpy() > 0
    if lane == "distancing":
        own = own | (features["scare_quotes"].to_numpy() > 0)
    quoted = (features[f"{lane}_quoted"].to_numpy() > 0) & ~own
    return own, quoted


def plot_framing_strip(features: pd.DataFrame, *, by: str | Sequence[str] = "outlet", max_articles: int = 30,
                       ax: AxesArg = None) -> Figure:
    """Figure 5: each article as a band of sentences in reading order, one lane per kind of marker
    (loaded term, hedge, booster, distancing, quotation); a sentence's cell is coloured when it holds
    one (light when only inside a quotation), grey otherwise.

    ``features``: :func:`framing.measures.sentence_features`. At most ``max_articles`` articles are drawn
    (the first by group and doc_id); the note says how many were left out. Each lane of each article
    is one BarContainer labelled ``"ARTICLE | LANE"``.
    """
    title = "Where the framing is: sentence by sentence"
    if features.empty:
        return nothing_to_draw(title, "No sentences to show.", ax, WIDTH_PAGE)
    with rc_context(STYLE):
        labels = group_labels(features, by)
        docs = features.assign(_label=labels)[["_label", "doc_id"]].drop_duplicates()
        per_group = docs.groupby("_label")["doc_id"].transform("size")
        docs = docs.assign(_name=np.where(per_group > 1, docs["_label"] + ": " + docs["doc_id"].astype(str),
                                          docs["_label"]))
        shown = docs.head(max_articles)
        n_lanes = len(LANES)
        block = n_lanes + 1.6
        longest = int(features.groupby("doc_id").size().max())
        fig, axes = panels(ax, 1, WIDTH_PAGE, 1.3 + 0.11 * block * len(shown))
        panel = axes[0]
        ticks, tick_labels = [], []
        for b, (doc_id, name) in enumerate(zip(shown["doc_id"], shown["_name"])):
            sents = features[features["doc_id"] == doc_id].sort_values("sent_id")
            x = np.arange(1, len(sents) + 1, dtype=float)
            top = b * block
            panel.text(0.4, top + 0.35, f"{name} ({plural(len(sents), 'sentence')})", ha="left", va="bottom",
                       fontsize=7.5, fontweight="bold")
            for l, lane in enumerate(LANES):
                y = top + 1 + l
                own, quoted = _lane_state(sents, lane)
                color = FAMILY_COLORS[lane]
                cells = np.where(own, color, np.where(quoted, tint(color), "#EEEEEE"))
                panel.barh(np.full(len(x), y), np.full(len(x), 0.86), left=x - 0.43, height=0.8,
                           color=list(cells), label=f"{name} | {lane}")
                ticks.append(y)
                tick_labels.append(FAMILY_LABELS[lane])
        panel.set_yticks(ticks, tick_labels, fontsize=6.5)
        panel.tick_params(axis="y", length=0)
        panel.set_ylim(len(shown) * block - 0.3, -0.3)
        panel.set_xlim(0.4, longest + 0.6)
        panel.xaxis.get_major_locator().set_params(integer=True)
        panel.spines["left"].set_visible(False)
        panel.set_xlabel("Sentence, in reading order (1 = headline)")
        owned = ax is None
        handles = [Patch(facecolor=FAMILY_COLORS[lane], label=FAMILY_LABELS[lane]) for lane in LANES]
        handles.append(Patch(facecolor=tint("#777777"), label="Light: only inside a quotation"))
        head(fig, axes, title, handles, owned)
        text = "Distancing includes scare quotes. Quotation: direct, indirect or \u201caccording to\u201d."
        if len(shown) < len(docs):
            text += f" Showing {len(shown)} of {len(docs):,} articles."
        note(fig, text, owned)
        return fig
