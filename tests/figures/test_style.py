"""framing.figures.style: one colour per outlet, one per marker family, and the tints the views use."""

from __future__ import annotations

from framing import figures as plots


def test_outlet_colors_are_fixed_by_sorted_outlet_and_colour_blind_safe():
    colors = plots.outlet_colors(["OneWorld", "Krone", "Krone"])
    assert colors == {"Krone": "#0072B2", "OneWorld": "#D55E00"}  # Okabe-Ito blue, vermillion
    assert plots.outlet_colors(["Krone", "OneWorld", "RT"])["OneWorld"] == "#D55E00"
    many = plots.outlet_colors([f"outlet {i:02d}" for i in range(20)])
    assert len(set(many.values())) == len(plots.PALETTE)
