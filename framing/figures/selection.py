"""Figure 9: selection. The articles of one event side by side, sentence by sentence, the passages two
outlets both report joined by lines and those only one reports drawn light; under them, what each outlet
puts in its headline and lead against the rest. From :func:`framing.measures.selection_figure`."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from framing.figures.base import AxesArg, mark_empty, note, nothing_to_draw, panels
from framing.figures.style import (ALIGN_COLORS, ALIGN_LABELS, FAMILY_COLORS, FAMILY_LABELS, GRID, NOTE_COLOR, STYLE,
                                   WIDTH_PAGE, outlet_colors, tint)
from framing.measures.groups import by_columns

#: Inches per sentence row, and for each item of the headline panel.
ROW, ITEM = 0.15, 0.2
#: Width of a sentence box and of the gap between two columns, in axis units (a column is 1 wide).
BOX, GAP = 0.22, 1.2
#: Characters of sentence text shown beside the boxes when two articles are drawn.
SNIPPET = 62
#: A sentence without markers (drawn light, like every sentence only one outlet reports).
SHARED_NONE = "#9A9A9A"
#: How much of its colour a sentence only one outlet reports keeps (the rest is white).
UNIQUE_TINT = 0.3
KIND_ORDER = ("same_quote", "quote_paraphrase", "same_fact", "related")


def _labels(data: pd.DataFrame, by: Sequence[str]) -> pd.Series:
    return data[list(by)].astype(str).agg(" / ".join, axis=1)


def _columns(view: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    """The articles in column order (by group label, then doc_id) with their header text."""
    docs = view.assign(_label=_labels(view, by)).drop_duplicates("doc_id")[["doc_id", "_label"]]
    docs = docs.sort_values(["_label", "doc_id"]).reset_index(drop=True)
    per_label = docs.groupby("_label")["doc_id"].transform("size")
    docs["name"] = np.where(per_label > 1, docs["_label"] + "\n" + docs["doc_id"].astype(str), docs["_label"])
    return docs


def _draw_columns(panel: Axes, view: pd.DataFrame, by: Sequence[str]) -> None:
    docs = _columns(view, by)
    sentences = view.drop_duplicates(["doc_id", "sent_id"])
    colors = outlet_colors(docs["_label"])
    x_of = {doc: i * (BOX + GAP) for i, doc in enumerate(docs["doc_id"])}
    rows: dict[tuple[str, int], int] = {}
    snippets = len(docs) == 2
    for doc, label, name in docs[["doc_id", "_label", "name"]].itertuples(index=False):
        part = sentences[sentences["doc_id"] == doc].sort_values("sent_id")
        x = x_of[doc]
        unique = int(part["unique"].sum())
        side = ("right", x + BOX) if snippets and x == 0 else ("left", x) if snippets else ("center", x + BOX / 2)
        panel.text(side[1], -2.0, name, ha=side[0], va="bottom", fontsize=7.5, fontweight="bold", color=colors[label])
        panel.text(side[1], -1.9, f"{len(part)} sentences,\n{unique} only here", ha=side[0], va="top", fontsize=6,
                   color=NOTE_COLOR, linespacing=1.1)
        for y, r in enumerate(part.itertuples(index=False)):
            rows[(doc, int(r.sent_id))] = y
            color = FAMILY_COLORS.get(r.family, SHARED_NONE) if r.family else SHARED_NONE
            opening = r.section in ("headline", "lead")
            panel.add_patch(Rectangle((x, y - 0.42), BOX, 0.84, facecolor=tint(color, UNIQUE_TINT) if r.unique else color,
                                      edgecolor="#222222" if opening else "white", linewidth=0.9 if opening else 0.3,
                                      zorder=3))
            panel.text(x + BOX / 2, y, str(int(r.sent_id) + 1), ha="center", va="center", fontsize=4.6, zorder=4,
                       color="#555555" if r.unique else "#000000", fontweight="normal" if r.unique else "bold")
            if snippets:
                text = str(getattr(r, "text", "") or "")
                text = text if len(text) <= SNIPPET else text[:SNIPPET - 1].rstrip() + "\u2026"
                left = x == 0
                panel.text(x - 0.06 if left else x + BOX + 0.06, y, text, ha="right" if left else "left", va="center",
                           fontsize=5.2, color="#333333" if not r.unique else "#777777", zorder=4)
    links = view[(view["kind"] != "") & view["partner_doc"].isin(list(x_of))]
    if len(docs) > 2:  # with more articles, related passages would hide the reports they share
        links = links[links["kind"] != "related"]
    for r in links.sort_values("kind", key=lambda k: k.map({k: -i for i, k in enumerate(KIND_ORDER)})).itertuples(
            index=False):
        a, b = (r.doc_id, int(r.sent_id)), (r.partner_doc, int(r.partner_sent))
        if x_of[a[0]] > x_of[b[0]] or a not in rows or b not in rows:
            continue
        related = r.kind == "related"
        panel.plot([x_of[a[0]] + BOX, x_of[b[0]]], [rows[a], rows[b]], color=ALIGN_COLORS[r.kind],
                   linewidth=0.7 if related else 1.3, linestyle=(0, (2, 1.5)) if related else "-",
                   alpha=0.9, zorder=2 if related else 2.5, solid_capstyle="butt")
    longest = max((sum(1 for k in rows if k[0] == d) for d in x_of), default=1)
    reach = 2.6 if snippets else 0.4
    panel.set_xlim(-reach, (len(docs) - 1) * (BOX + GAP) + BOX + reach)
    panel.set_ylim(longest - 0.4, -4.2 if "\n" in "".join(docs["name"]) else -3.2)
    panel.axis("off")


def _draw_matrix(panel: Axes, matrix: pd.DataFrame) -> None:
    names = sorted(set(matrix["group"]))
    grid = matrix.pivot(index="group", columns="partner", values="share").reindex(index=names, columns=names)
    values = grid.to_numpy(dtype=float, copy=True)
    np.fill_diagonal(values, np.nan)
    panel.imshow(values, cmap="Blues", vmin=0, vmax=max(0.05, float(np.nanmax(values)) if np.isfinite(values).any()
                                                        else 0.05), aspect="auto")
    for i in range(len(names)):
        for j in range(len(names)):
            if i != j and np.isfinite(values[i, j]):
                panel.text(j, i, f"{values[i, j]:.0%}", ha="center", va="center", fontsize=6.5)
    panel.set_xticks(range(len(names)), names, rotation=45, ha="right")
    panel.set_yticks(range(len(names)), names)
    panel.set_xlabel("\u2026 that an article of this outlet reports too")
    panel.set_ylabel("Share of this outlet\u2019s sentences \u2026")
    panel.tick_params(length=0)


def _outlet_handles(contrast: pd.DataFrame, by: Sequence[str]) -> list[Line2D]:
    """The headline panel's key: each outlet's colour with the sentences its shares rest on."""
    labels = _labels(contrast, by)
    colors = outlet_colors(labels)
    sizes = contrast.assign(_g=labels).drop_duplicates("_g").sort_values("_g")
    return [Line2D([], [], color=colors[g], marker="o", markersize=4, linewidth=0.9,
                   label=f"{g} ({int(o)} opening, {int(r)} other sentences)")
            for g, o, r in zip(sizes["_g"], sizes["opening_sentences"], sizes["rest_sentences"])]


def _draw_headline(panel: Axes, contrast: pd.DataFrame, by: Sequence[str]) -> None:
    labels = _labels(contrast, by)
    colors = outlet_colors(labels)
    items = contrast[["dimension", "value"]].drop_duplicates()
    groups = sorted(set(labels))
    height = 0.7 / max(len(groups), 1)
    names = []
    for i, (dimension, value) in enumerate(items.itertuples(index=False)):
        prefix = {"marker": "", "frame": "Frame: ", "actor": ""}.get(dimension, "")
        names.append(prefix + (FAMILY_LABELS.get(value, value) if dimension == "marker" else str(value)))
        for g, group in enumerate(groups):
            row = contrast[(labels == group) & (contrast["dimension"] == dimension) & (contrast["value"] == value)]
            if row.empty:
                continue
            y = i - 0.35 + height * (g + 0.5)
            opening, rest = float(row["opening_share"].iloc[0]), float(row["rest_share"].iloc[0])
            panel.plot([rest, opening], [y, y], color=colors[group], linewidth=0.9, alpha=0.7)
            panel.plot([opening], [y], marker="o", markersize=4, color=colors[group], linestyle="none")
            panel.plot([rest], [y], marker="o", markersize=4, markerfacecolor="white", markeredgecolor=colors[group],
                       linestyle="none")
    panel.set_yticks(range(len(names)), names)
    panel.set_ylim(len(names) - 0.5, -0.5)
    panel.set_xlim(-0.03, 1.03)
    panel.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    panel.xaxis.grid(True, **GRID)
    panel.tick_params(axis="y", length=0)
    panel.set_xlabel("Share of sentences that carry it")
    panel.set_title("Headline and lead against the rest of the article", loc="left")


def plot_selection(table: pd.DataFrame, *, by: str | Sequence[str] = "outlet", ax: AxesArg = None) -> Figure:
    """Figure 9: selection. Top: the articles of one event as columns of sentences in reading order
    (boxes numbered from 1, the headline first), coloured by the first marker family they carry
    (loaded, distancing, hedge, booster; grey: none), outlined when in the headline or lead, light when
    no other outlet reports them; lines join the passages two outlets both report, coloured by kind.
    With more articles than the figure can show side by side, an outlet-by-outlet matrix of shared
    sentences instead. Bottom: for each outlet, the share of headline-and-lead sentences (filled dot)
    and of the other sentences (open dot) that carry each marker family, frame and main actor.

    ``table``: :func:`framing.measures.selection_figure` (``panel`` selection or matrix, and headline).
    ``ax``: two Axes (selection, headline).
    """
    title = "Selection: what each outlet reports of the same event"
    if table.empty or not (table["panel"] != "headline").any():
        return nothing_to_draw(title, "No articles to compare.", ax, WIDTH_PAGE)
    cols = by_columns(by)
    with rc_context(STYLE):
        top = table[table["panel"] != "headline"]
        contrast = table[table["panel"] == "headline"]
        columns = top["panel"].iloc[0] == "selection"
        n_items = max(len(contrast[["dimension", "value"]].drop_duplicates()), 1)
        if columns:
            longest = int(top.drop_duplicates(["doc_id", "sent_id"]).groupby("doc_id").size().max())
            upper = 0.6 + ROW * (longest + 3.5)
        else:
            upper = 1.2 + 0.3 * len(set(top["group"]))
        lower = 0.7 + ITEM * n_items * max(1, len(set(_labels(contrast, cols)))) / 1.6
        if ax is None:
            fig = Figure(figsize=(WIDTH_PAGE, upper + lower + 1.1), layout="constrained")
            axes = fig.subplots(2, 1, gridspec_kw={"height_ratios": [upper, lower]})
        else:
            fig, axes = panels(ax, 2, WIDTH_PAGE, upper + lower)
        if columns:
            event = str(top["event"].iloc[0])
            _draw_columns(axes[0], top, cols)
            axes[0].set_title(f"Event: {textwrap.shorten(event, 95)}", loc="left", fontsize=7.5,
                              fontweight="normal", color=NOTE_COLOR)
        else:
            _draw_matrix(axes[0], top)
            axes[0].set_title("Shared sentences, outlet by outlet (too many articles to show side by side)",
                              loc="left")
        if contrast.empty:
            mark_empty(axes[1], "No sentences to compare.")
        else:
            _draw_headline(axes[1], contrast, cols)
        owned = ax is None
        kinds = [k for k in KIND_ORDER if (top.get("kind", pd.Series(dtype=str)) == k).any()] if columns else []
        if columns and top["doc_id"].nunique() > 2:
            kinds = [k for k in kinds if k != "related"]
        handles = [Line2D([], [], color=ALIGN_COLORS[k], linewidth=1.3 if k != "related" else 0.8,
                          linestyle="-" if k != "related" else (0, (2, 1.5)), label=ALIGN_LABELS[k]) for k in kinds]
        if columns:
            handles += [Patch(facecolor=FAMILY_COLORS[f], label=FAMILY_LABELS[f]) for f in
                        ("loaded", "distancing", "hedge", "booster")]
            handles += [Patch(facecolor=SHARED_NONE, label="No marker"),
                        Patch(facecolor=tint(SHARED_NONE, UNIQUE_TINT), label="Light: only this outlet reports it"),
                        Patch(facecolor="white", edgecolor="#222222", linewidth=0.9, label="Headline or lead")]
        handles += [Line2D([], [], marker="o", color="#555555", linestyle="none", label="Headline and lead"),
                    Line2D([], [], marker="o", markerfacecolor="white", markeredgecolor="#555555", linestyle="none",
                           label="Rest of the article")]
        if not contrast.empty:
            handles += _outlet_handles(contrast, cols)
        if owned:
            longest = max(len(h.get_label()) for h in handles)
            ncols = max(1, min(4, int(WIDTH_PAGE // (0.05 * longest + 0.45))))
            fig.legend(handles=handles, loc="outside upper left", ncols=ncols, title=title, alignment="left",
                       title_fontproperties={"weight": STYLE["figure.titleweight"], "size": STYLE["figure.titlesize"]},
                       handlelength=1.6, columnspacing=1.2, fontsize=6.5)
        else:
            axes[0].legend(handles=handles, fontsize=6)
        note(fig, "Sentences are numbered from 1 (the headline). Lines join passages that two outlets both report: "
             "the same quotation (one speaker, overlapping words), a quotation and its paraphrase, the same fact, or "
             "a related passage (dashed, drawn for two articles only; it shares a topic, not a report, and does not "
             "count as reported by both). "
             "Light boxes and grey text: no other outlet of the event reports it.", owned)
        return fig
