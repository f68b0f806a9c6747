"""What a drawn matplotlib Figure shows, read back from its artists: the bars of each series, the tick
labels, the title and colour key, the texts."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure


def bars(ax: Axes) -> dict[str, list[float]]:
    """Legend label -> widths of that series' bars."""
    return {c.get_label(): [p.get_width() for p in c] for c in ax.containers if isinstance(c, BarContainer)}


def ticks(ax: Axes, axis: str = "y") -> list[str]:
    return [t.get_text() for t in (ax.get_yticklabels() if axis == "y" else ax.get_xticklabels())]


def head(fig: Figure) -> tuple[str, list[str]]:
    """The figure's title and colour key (the legend above the panels)."""
    legend = fig.legends[0]
    return legend.get_title().get_text(), [t.get_text() for t in legend.get_texts()]


def texts(fig: Figure) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]
