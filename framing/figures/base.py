"""The scaffolding every figure shares: new figures or the caller's Axes, a title with the colour key
of the groups, a note under the panels, grouped horizontal bars with intervals, and a figure that says
there is nothing to draw."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from framing.measures import by_columns
from framing.figures.style import ERROR, GRID, NOTE_COLOR, STYLE, WIDTH_COLUMN
from framing.records import VOICES

AxesArg = Axes | Sequence[Axes] | None


def group_labels(data: pd.DataFrame, by: str | Sequence[str]) -> pd.Series:
    """The group of each row as one label: the ``by`` values joined by " / "."""
    cols = by_columns(by)
    if data.empty:
        return pd.Series([], index=data.index, dtype=object)
    return data[cols].astype(str).agg(" / ".join, axis=1)


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def legend_texts(data: pd.DataFrame, labels: pd.Series) -> dict[str, str]:
    """Group label -> its legend text: ``Krone (1 article, 510 words)``."""
    out = {}
    for label in sorted(set(labels)):
        row = data[labels == label].iloc[0]
        out[label] = f"{label} ({plural(int(row['articles']), 'article')}, {plural(int(row['words']), 'word')})"
    return out


def new_figure(width: float, height: float) -> Figure:
    return Figure(figsize=(width, height), layout="constrained")


def panels(ax: AxesArg, n: int, width: float, height: float, **subplots) -> tuple[Figure, list[Axes]]:
    """The Figure and ``n`` panel Axes: new ones, or those given by the caller."""
    if ax is None:
        fig = new_figure(width, height)
        axes = fig.subplots(1, n, squeeze=False, **subplots)[0] if n else []
        return fig, list(axes)
    given = [ax] if isinstance(ax, Axes) else list(ax)
    if len(given) != n:
        raise ValueError(f"this figure has {n} panel(s); pass ax as a sequence of {n} Axes")
    return given[0].figure, given


def head(fig: Figure, axes: Sequence[Axes], title: str, handles: list, owned: bool) -> None:
    """The figure's title and its colour key above the panels (one legend whose title is the figure
    title, so that the layout makes room for both); on a caller's Axes, a panel title and legend."""
    if not owned:
        if axes and not axes[0].get_title(loc="left"):
            axes[0].set_title(title, loc="left")
        if handles:
            axes[0].legend(handles=handles, handlelength=1.2)
        return
    if not handles:
        fig.suptitle(title, x=0.02, ha="left")
        return
    longest = max(len(h.get_label()) for h in handles)
    ncols = max(1, min(len(handles), int(fig.get_figwidth() // (0.055 * longest + 0.45))))
    fig.legend(handles=handles, loc="outside upper left", ncols=ncols, title=title, alignment="left",
               title_fontproperties={"weight": STYLE["figure.titleweight"], "size": STYLE["figure.titlesize"]},
               handlelength=1.2, columnspacing=1.5)


def note(fig: Figure, text: str, owned: bool) -> None:
    """A small note under the panels: what the marks mean."""
    if owned and text:  # wrapped by hand: the layout cannot place a line wider than the figure
        text = textwrap.fill(text, width=int(fig.get_figwidth() * 18))
        fig.supxlabel(text, x=0.02, ha="left", fontsize=6.5, color=NOTE_COLOR, linespacing=1.3)


def mark_empty(ax: Axes, message: str) -> None:
    """Mark ``ax`` as having nothing to show, with ``message`` in plain words."""
    ax.tick_params(left=False, bottom=False, labelleft=False, labelbottom=False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", color=NOTE_COLOR)


def nothing_to_draw(title: str, message: str, ax: AxesArg, width: float = WIDTH_COLUMN) -> Figure:
    """A figure saying that there is nothing to draw."""
    with rc_context(STYLE):
        owned = ax is None
        if owned:
            fig = new_figure(width, 1.6)
            target = fig.add_subplot()
        else:
            target = ax if isinstance(ax, Axes) else list(ax)[0]
            fig = target.figure
        mark_empty(target, message)
        head(fig, [target], title, [], owned)
        return fig


def grouped_barh(ax: Axes, data: pd.DataFrame, labels: pd.Series, *, item: str, items: Sequence[str],
                  colors: Mapping[str, str], legend: Mapping[str, str], value: str,
                  low: str | None = None, high: str | None = None, scale: float = 1.0,
                  item_labels: Mapping[str, str] | None = None) -> None:
    """Horizontal bars: one row per item (first at the top), one bar per group (first at the top),
    error bars from ``low``/``high`` where they exist. Each group's bars form one BarContainer labelled
    with its legend text."""
    groups = sorted(set(labels))
    n = max(len(groups), 1)
    height = 0.8 / n
    positions = np.arange(len(items), dtype=float)
    for g, group in enumerate(groups):
        part = data[labels == group].drop_duplicates(item).set_index(item).reindex(list(items))
        y = positions - 0.4 + height * (g + 0.5)
        values = part[value].to_numpy(dtype=float) * scale
        ax.barh(y, np.nan_to_num(values), height=height * 0.9, color=colors[group], label=legend[group])
        if low is not None and high is not None:
            lows = part[low].to_numpy(dtype=float) * scale
            highs = part[high].to_numpy(dtype=float) * scale
            keep = ~(np.isnan(values) | np.isnan(lows) | np.isnan(highs))
            if keep.any():
                ax.errorbar(values[keep], y[keep], xerr=[values[keep] - lows[keep], highs[keep] - values[keep]],
                            **ERROR)
    ax.set_yticks(positions, [(item_labels or {}).get(i, i) for i in items])
    ax.set_ylim(len(items) - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)
    ax.xaxis.grid(True, **GRID)
    ax.set_xlim(left=0)


def group_handles(colors: Mapping[str, str], legend: Mapping[str, str]) -> list[Patch]:
    return [Patch(facecolor=colors[g], label=legend[g]) for g in sorted(legend)]


def voices_of(data: pd.DataFrame) -> list[str]:
    present = set(data["voice"].astype(str))
    return [v for v in VOICES if v in present] + sorted(present - set(VOICES))


def ordered_items(data: pd.DataFrame, item: str, value: str = "rate") -> list[str]:
    """Items by their total ``value`` over all groups, largest first (ties by name)."""
    totals = data.groupby(item)[value].sum().reset_index()
    totals = totals.sort_values([value, item], ascending=[False, True])
    return totals[item].astype(str).tolist()


def n_groups(data: pd.DataFrame, by: str | Sequence[str]) -> int:
    return max(len(set(group_labels(data, by))), 1)
