"""framing.figures.output: PNG and SVG files with the same bytes on every run."""

from __future__ import annotations

from framing import figures as plots


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
