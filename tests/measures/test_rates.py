"""framing.measures.rates: markers per 1,000 words by group and marker columns, zero counts included,
with Poisson or bootstrap intervals worked out by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from framing import measures
from framing.errors import FramingError
from framing.schemas import frame
from rows import row


def test_rate_per_1000_words_with_a_poisson_interval_per_outlet(articles, markers):
    table = measures.rates(markers, articles, keys=("family",))
    x = row(table, outlet="X", family="loaded")
    # 6 loaded markers in 2,000 + 1,000 words: 6 / 3000 * 1000 = 2.0 per 1,000 words
    assert (x["articles"], x["words"], x["count"]) == (2, 3000, 6)
    assert x["rate"] == pytest.approx(2.0)
    assert (x["rate_low"], x["rate_high"]) == pytest.approx((2.20189 / 3, 13.05947 / 3), abs=1e-4)
    assert list(table.columns) == ["outlet", "family", "articles", "words", "count", "rate", "rate_low",
                                   "rate_high"]


def test_a_category_an_outlet_never_uses_is_rate_zero_with_an_interval(articles, markers):
    table = measures.rates(markers, articles, keys=("family", "category"))
    y = row(table, outlet="Y", family="loaded", category="threat")
    assert (y["count"], y["rate"], y["rate_low"]) == (0, 0.0, 0.0)
    assert y["rate_high"] == pytest.approx(-math.log(0.025) / 500 * 1000)  # 3.689 per 500 words
    # every outlet has a row for every (family, category) found anywhere, in a stable order
    assert len(table) == 2 * 4
    assert table[["family", "category"]].drop_duplicates().values.tolist() == [
        ["booster", "certainty"], ["hedge", "modal"], ["loaded", "threat"], ["loaded", "war"]]


def test_split_by_voice_lists_both_voices(articles, markers):
    table = measures.rates(markers, articles, keys=("family", "voice"))
    assert row(table, outlet="X", family="loaded", voice="author")["count"] == 5
    assert row(table, outlet="X", family="loaded", voice="quoted")["count"] == 1
    assert row(table, outlet="Y", family="loaded", voice="quoted")["count"] == 0


def test_levels_make_families_appear_that_nobody_uses(articles, markers):
    hedges = markers.query("family in ['hedge', 'booster']")
    table = measures.rates(hedges, articles, keys=("family",),
                           levels={"family": ("hedge", "booster", "distancing")})
    assert table["family"].tolist() == ["hedge", "booster", "distancing"] * 2
    assert row(table, outlet="Y", family="distancing")["count"] == 0


def test_rates_per_article_and_by_any_metadata_column(articles, markers):
    per_article = measures.rates(markers, articles, by="doc_id", keys=())
    assert per_article.set_index("doc_id")["count"].to_dict() == {"x1": 5, "x2": 2, "y1": 3}
    assert row(per_article, doc_id="x2")["rate"] == pytest.approx(2.0)  # 2 in 1,000 words
    by_language = measures.rates(markers, articles, by="language", keys=())
    assert row(by_language, language="en")["rate"] == pytest.approx(8 / 2500 * 1000)
    both = measures.rates(markers, articles, by=["outlet", "language"], keys=())
    assert len(both) == 3


def test_markers_of_articles_left_out_are_ignored_and_empty_markers_give_an_empty_table(articles, markers):
    only_y = articles.query("outlet == 'Y'")
    table = measures.rates(markers, only_y, keys=())
    assert table["count"].tolist() == [3]
    empty = measures.rates(frame("markers"), articles, keys=("family",))
    assert empty.empty and "rate_high" in empty.columns
    total = measures.rates(frame("markers"), articles, keys=())
    assert total["count"].tolist() == [0, 0] and total["rate_high"].gt(0).all()


def test_an_unknown_column_is_an_error_that_names_the_columns(articles, markers):
    with pytest.raises(FramingError, match="no column 'country' in the articles table.*outlet"):
        measures.rates(markers, articles, by="country")
    with pytest.raises(FramingError, match="'colour'"):
        measures.rates(markers, articles, keys=("colour",))


def test_bootstrap_intervals_resample_articles_and_are_reproducible(articles, markers):
    first = measures.rates(markers, articles, keys=("family",), method="bootstrap", seed=1)
    again = measures.rates(markers, articles, keys=("family",), method="bootstrap", seed=1)
    pd.testing.assert_frame_equal(first, again)
    x = row(first, outlet="X", family="loaded")
    # resampling X's two articles: rates of x1 alone (2.0), x2 alone (2.0) or both (2.0) -> all 2.0
    assert (x["rate_low"], x["rate_high"]) == pytest.approx((2.0, 2.0))
    hedge = row(first, outlet="X", family="hedge")  # x1 alone 0.5, x2 alone 0, both 1/3
    assert hedge["rate_low"] == pytest.approx(0.0) and hedge["rate_high"] == pytest.approx(0.5)
    poisson = measures.rates(markers, articles, keys=("family",))
    y_boot, y_poisson = row(first, outlet="Y", family="loaded"), row(poisson, outlet="Y", family="loaded")
    assert y_boot["rate_high"] == y_poisson["rate_high"]  # one article: nothing to resample
