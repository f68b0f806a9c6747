"""The validation figure: the tool's precision, recall and F1 against each coder, per code, with Wilson
95% intervals, from :func:`framing.validation.validate` (its ``scores`` table).

It is drawn by ``framing validate`` into its output folder rather than by ``make figures``: it needs a
coded sample, not only the tables of a run, so it is not in the registry.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from framing.figures.base import AxesArg, head, new_figure, note, nothing_to_draw, panels
from framing.figures.style import ERROR, GRID, PALETTE, STYLE, WIDTH_PAGE

#: The three scores, their colours (the first of the palette) and their vertical offsets in a row.
MEASURES = (("precision", "Precision", PALETTE[0], -0.25), ("recall", "Recall", PALETTE[1], 0.0),
            ("f1", "F1", PALETTE[2], 0.25))
#: One marker shape per coder (they repeat beyond five coders).
CODER_MARKERS = ("o", "s", "D", "^", "v")
PANEL_TITLES = {("unit", "family"): "Marker families (per unit)", ("token", "family"): "Marker families (token by token)",
                ("unit", "frame"): "Frames (per unit)", ("unit", "category"): "Categories (per unit)",
                ("unit", "kind"): "Kind of quotation", ("unit", "speaker_type"): "Type of speaker",
                ("unit", "cue_class"): "Class of reporting verb"}
#: Panels drawn, in order; categories are left to the table (too many for one figure).
PANELS = (("unit", "family"), ("token", "family"), ("unit", "frame"), ("unit", "kind"), ("unit", "speaker_type"),
          ("unit", "cue_class"))
ROW_HEIGHT = 0.28  # inches per code


def plot_validation(scores: pd.DataFrame, *, ax: AxesArg = None) -> Figure:
    """Precision, recall and F1 per code (``(all)``: all codes of the panel together), one panel per
    variable, one marker shape per coder, with Wilson 95% intervals.

    ``scores``: the ``scores`` table of a validation (columns ``coder, level, variable, code,
    precision, precision_low, ..., f1_high``)."""
    title = "The tool against human coders: precision, recall, F1"
    present = set(zip(scores["level"], scores["variable"])) if not scores.empty else set()
    shown = [p for p in PANELS if p in present]
    if not shown:
        return nothing_to_draw(title, "Nothing was scored.", ax, WIDTH_PAGE)
    with rc_context(STYLE):
        coders = sorted(set(scores["coder"].astype(str)))
        codes = {p: _codes(scores, *p) for p in shown}
        owned = ax is None
        if owned:
            fig = new_figure(WIDTH_PAGE, 1.2 + ROW_HEIGHT * sum(len(c) + 1.5 for c in codes.values()))
            axes = list(fig.subplots(len(shown), 1, squeeze=False,
                                     height_ratios=[len(codes[p]) + 0.5 for p in shown])[:, 0])
        else:
            fig, axes = panels(ax, len(shown), WIDTH_PAGE, 4)
        for panel, key in zip(axes, shown):
            _panel(panel, scores, key, codes[key], coders)
        handles = [Line2D([], [], color=color, marker="o", linestyle="none", label=label)
                   for _, label, color, _ in MEASURES]
        if len(coders) > 1:
            handles += [Line2D([], [], color="#444444", marker=CODER_MARKERS[i % len(CODER_MARKERS)], linestyle="none",
                               label=f"coder {c}") for i, c in enumerate(coders)]
        head(fig, axes, title, handles, owned)
        note(fig, "Lines: Wilson 95% intervals (for F1, that of J = TP / (TP + FP + FN), mapped to F1 = 2J / (1 + J)). "
             "(all): every code of the panel together. Token-level intervals treat tokens as independent and so are too "
             "narrow.", owned)
        return fig


def _codes(scores: pd.DataFrame, level: str, variable: str) -> list[str]:
    part = scores[(scores["level"] == level) & (scores["variable"] == variable)]
    names = sorted(set(part["code"].astype(str)) - {"(all)"})
    return ["(all)", *names] if "(all)" in set(part["code"]) else names


def _panel(ax, scores: pd.DataFrame, key: tuple[str, str], codes: list[str], coders: list[str]) -> None:
    level, variable = key
    part = scores[(scores["level"] == level) & (scores["variable"] == variable)]
    spread = 0.08 * (len(coders) - 1)
    for c, coder in enumerate(coders):
        rows = part[part["coder"] == coder].set_index("code").reindex(codes)
        shift = -spread / 2 + (spread / max(len(coders) - 1, 1)) * c if len(coders) > 1 else 0.0
        for column, _, color, offset in MEASURES:
            values = rows[column].to_numpy(dtype=float)
            lows, highs = rows[f"{column}_low"].to_numpy(dtype=float), rows[f"{column}_high"].to_numpy(dtype=float)
            y = np.arange(len(codes)) + offset + shift
            keep = ~(np.isnan(values) | np.isnan(lows) | np.isnan(highs))
            if keep.any():
                ax.errorbar(values[keep], y[keep], xerr=np.clip([values[keep] - lows[keep], highs[keep] - values[keep]], 0, None),
                            **{**ERROR, "ecolor": color})
            ax.plot(values, y, linestyle="none", marker=CODER_MARKERS[c % len(CODER_MARKERS)], markersize=3.5,
                    color=color)
    ax.set_yticks(np.arange(len(codes)), codes)
    ax.set_ylim(len(codes) - 0.5, -0.5)
    ax.set_xlim(0, 1.02)
    ax.tick_params(axis="y", length=0)
    ax.xaxis.grid(True, **GRID)
    ax.set_title(PANEL_TITLES.get(key, f"{variable} ({level})"), loc="left")
