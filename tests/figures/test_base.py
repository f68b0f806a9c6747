"""framing.figures.base: what every figure shares: the caller's axes or new ones, the title and colour
key, grouped bars, and a figure that says there is nothing to draw."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure

from drawn import bars
from framing import figures as plots
from framing.figures import base

KRONE = "Krone (1 article, 500 words)"


def test_a_figure_can_be_drawn_on_the_callers_axes(loaded_rates):
    fig = Figure()
    axes = fig.subplots(1, 2)
    assert plots.plot_loaded_terms(loaded_rates, ax=axes) is fig
    assert bars(axes[0])[KRONE][0] == pytest.approx(10.0)
    with pytest.raises(ValueError, match="2 panel"):
        plots.plot_loaded_terms(loaded_rates, ax=axes[0])


def test_group_labels_join_the_grouping_columns(articles):
    by_two = articles.assign(language=["en", "de", "en"])
    assert base.group_labels(by_two, ["outlet", "language"]).tolist() == ["Krone / en", "OneWorld / de",
                                                                         "OneWorld / en"]
    assert base.group_labels(articles.iloc[:0], "outlet").empty


def test_a_legend_says_how_many_articles_and_words_a_group_rests_on():
    table = pd.DataFrame({"outlet": ["Krone", "OneWorld", "RT"], "articles": [1, 2, 1], "words": [1, 1000, 1234]})
    assert base.legend_texts(table, table["outlet"]) == {
        "Krone": "Krone (1 article, 1 word)", "OneWorld": "OneWorld (2 articles, 1,000 words)",
        "RT": "RT (1 article, 1,234 words)"}


def test_items_are_ordered_by_their_total_largest_first_then_by_name():
    rates = pd.DataFrame({"category": ["war", "threat", "war", "threat", "betrayal"],
                          "rate": [1.0, 2.0, 1.0, 1.5, 2.0]})
    assert base.ordered_items(rates, "category") == ["threat", "betrayal", "war"]  # 3.5, then 2.0 and 2.0


def test_nothing_to_draw_says_so_on_a_new_figure_or_the_callers_axes():
    fig = base.nothing_to_draw("Loaded terms by category", "No loaded terms were found.", None)
    [ax] = fig.axes
    assert [t.get_text() for t in ax.texts] == ["No loaded terms were found."]
    assert fig.get_suptitle() == "Loaded terms by category"
    given = Figure().add_subplot()
    assert base.nothing_to_draw("Loaded terms", "Nothing here.", given) is given.figure
    assert [t.get_text() for t in given.texts] == ["Nothing here."] and given.get_title(loc="left") == "Loaded terms"
