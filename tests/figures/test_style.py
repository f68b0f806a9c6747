"""framing.figures.style: one colour per outlet, one per marker family, and the tints the views use."""

from __future__ import annotations

from matplotlib.colors import to_rgb

from framing import figures as plots
from framing.figures.style import FAMILY_LABELS, span_colors, tint
from framing.records import FAMILIES, QUOTE_KINDS


def test_outlet_colors_are_fixed_by_sorted_outlet_and_colour_blind_safe():
    colors = plots.outlet_colors(["OneWorld", "Krone", "Krone"])
    assert colors == {"Krone": "#0072B2", "OneWorld": "#D55E00"}  # Okabe-Ito blue, vermillion
    assert plots.outlet_colors(["Krone", "OneWorld", "RT"])["OneWorld"] == "#D55E00"
    many = plots.outlet_colors([f"outlet {i:02d}" for i in range(20)])
    assert len(set(many.values())) == len(plots.PALETTE)


def test_every_family_and_quotation_has_one_colour_and_label():
    assert set(plots.FAMILY_COLORS) == set(FAMILY_LABELS) == {*FAMILIES, "quotation"}
    assert len(set(plots.FAMILY_COLORS.values())) == len(plots.FAMILY_COLORS)


def test_tint_mixes_a_colour_with_white():
    assert tint("#0077BB", 1.0) == "#0077bb" and tint("#0077BB", 0.0) == "#ffffff"
    assert tint("#000000", 0.25) == "#bfbfbf"


def test_highlights_are_light_tints_of_the_figures_colours():
    colours = span_colors()
    assert set(colours) == {*FAMILIES, *QUOTE_KINDS}
    for family in FAMILIES:  # the family's figure colour, lightened so that text on it stays readable
        assert colours[family] == tint(plots.FAMILY_COLORS[family], 0.45)
    assert colours["direct"] == tint(plots.FAMILY_COLORS["quotation"], 0.35)
    assert len(set(colours.values())) == len(colours)
    for colour in colours.values():  # every channel at least half way to white
        assert min(to_rgb(colour)) >= 0.5, colour
