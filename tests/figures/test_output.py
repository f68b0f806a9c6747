"""framing.figures.output: PNG and SVG files with the same bytes on every run."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure
from matplotlib.layout_engine import PlaceHolderLayoutEngine

from framing import figures as plots
from framing.figures.output import figure_bytes, freeze_layout


@pytest.mark.slow
def test_save_figure_writes_identical_png_and_svg_bytes_twice(tmp_path, loaded_rates):
    first = plots.save_figure(plots.plot_loaded_terms(loaded_rates), tmp_path / "a" / "fig")
    second = plots.save_figure(plots.plot_loaded_terms(loaded_rates), tmp_path / "b" / "fig")
    assert [p.name for p in first] == ["fig.png", "fig.svg"]
    for one, two in zip(first, second):
        assert one.read_bytes() == two.read_bytes(), one.name
    svg = first[1].read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg
    assert b"Software" not in first[0].read_bytes()
    assert first[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not [p for p in (tmp_path / "a").iterdir() if p.name.startswith(".framing-staging-")]


def small_figure() -> Figure:
    fig = Figure(figsize=(2, 1.5), layout="constrained")
    ax = fig.add_subplot()
    ax.barh([0, 1], [45.1, 66.1], label="loaded terms")
    ax.set_title("Loaded terms per 1,000 words", loc="left")
    return fig


@pytest.mark.slow
def test_figure_bytes_are_the_same_on_every_rendering():
    png, svg = figure_bytes(small_figure(), "png"), figure_bytes(small_figure(), "svg")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png == figure_bytes(small_figure(), "png")
    assert svg == figure_bytes(small_figure(), "svg") and b"<dc:date>" not in svg
    with pytest.raises(ValueError, match="unknown figure format 'pdf'; choose from png, svg"):
        figure_bytes(small_figure(), "pdf")


def test_the_layout_is_fixed_once_so_that_renderings_agree():
    fig = small_figure()
    freeze_layout(fig)
    position = fig.axes[0].get_position().bounds
    assert isinstance(fig.get_layout_engine(), PlaceHolderLayoutEngine)  # the layout solver no longer runs
    assert all(round(v, 9) == v for v in position)
    figure_bytes(fig, "png")
    assert fig.axes[0].get_position().bounds == position
