"""framing.figures.base: what every figure shares: the caller's axes or new ones, the title and colour
key, grouped bars, and a figure that says there is nothing to draw."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from drawn import bars
from framing import figures as plots

KRONE = "Krone (1 article, 500 words)"


def test_a_figure_can_be_drawn_on_the_callers_axes(loaded_rates):
    fig = Figure()
    axes = fig.subplots(1, 2)
    assert plots.plot_loaded_terms(loaded_rates, ax=axes) is fig
    assert bars(axes[0])[KRONE][0] == pytest.approx(10.0)
    with pytest.raises(ValueError, match="2 panel"):
        plots.plot_loaded_terms(loaded_rates, ax=axes[0])
