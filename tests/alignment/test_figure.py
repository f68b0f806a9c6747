"""Figure 9 draws what its table holds: the articles side by side, or the outlet matrix."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from framing.alignment import events_of  # noqa: E402
from framing.figures.selection import plot_selection  # noqa: E402
from framing.figures.style import ALIGN_COLORS  # noqa: E402
from framing.measures.selection import selection_figure  # noqa: E402


def _table(t, **options):
    return selection_figure(t.sentences, t.markers, t.quotes, t.mentions, t.alignments, t.articles,
                            events_of(t.articles), **options)


def test_the_seed_pair_side_by_side(seed_tables):
    fig = plot_selection(_table(seed_tables))
    top, headline = fig.axes
    texts = [t.get_text() for t in top.texts]
    assert "Krone" in texts and "OneWorld" in texts
    assert "27 sentences,\n24 only here" in texts
    colors = [line.get_color() for line in top.lines]
    assert colors.count(ALIGN_COLORS["quote_paraphrase"]) == 4  # Krone's two sentences of the remark x two paraphrases
    assert colors.count(ALIGN_COLORS["same_fact"]) == 1
    assert headline.get_title(loc="left") == "Headline and lead against the rest of the article"


def test_beyond_the_columns_it_can_show_the_outlet_matrix(seed_tables):
    fig = plot_selection(_table(seed_tables, max_columns=1))
    top = fig.axes[0]
    assert top.images and [t.get_text() for t in top.get_yticklabels()] == ["Krone", "OneWorld"]
    assert sorted(t.get_text() for t in top.texts) == ["11%", "12%"]  # 3 of 27 and 2 of 16 sentences shared
