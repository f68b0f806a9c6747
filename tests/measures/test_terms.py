"""framing.measures.terms: word tokens, and the weighted log-odds of Monroe, Colaresi & Quinn (2008)
worked out by hand."""

from __future__ import annotations

import math

import pytest

from framing import measures
from rows import row, sentences_table


def test_tokenize_keeps_words_with_inner_apostrophes_and_hyphens():
    assert measures.tokenize("So-called \u201cfifth column\u201d didn\u2019t win in 2022.") == [
        "so-called", "fifth", "column", "didn't", "win", "in"]


def test_log_odds_z_score_worked_out_by_hand(articles):
    """X says "war war peace", Y says "peace peace talk" (Monroe et al. 2008, eqs. 16, 20, 22)."""
    arts = articles.query("doc_id in ['x1', 'y1']")
    sents = sentences_table({"x1": ["War, war.", "Peace!"], "y1": ["Peace peace talk"]})
    terms = measures.distinctive_terms(sents, arts)
    # pooled counts: war 2, peace 3, talk 1 (6 words); prior a_w = pooled counts (a0 = 6)
    a, a0, y_i, y_j, n_i, n_j = 2, 6, 2, 0, 3, 3
    delta = math.log((y_i + a) / (n_i + a0 - y_i - a)) - math.log((y_j + a) / (n_j + a0 - y_j - a))
    var = 1 / (y_i + a) + 1 / (y_j + a)
    war = row(terms, outlet="X", term="war")
    assert delta == pytest.approx(math.log(4 / 5) - math.log(2 / 7))
    assert (war["delta"], war["var"], war["z"]) == pytest.approx((delta, var, delta / math.sqrt(var)))
    assert war["z"] == pytest.approx(1.18890, abs=1e-5)
    assert (war["count"], war["count_rest"], war["articles"], war["words"]) == (2, 0, 1, 3)
    # two groups: Y against X is the mirror image
    assert row(terms, outlet="Y", term="war")["z"] == pytest.approx(-war["z"])
    # within a group, terms come by descending z (peace: -0.665, talk: -0.675)
    assert terms.query("outlet == 'X'")["term"].tolist() == ["war", "peace", "talk"]


def test_log_odds_prior_size_scales_the_prior(articles):
    arts = articles.query("doc_id in ['x1', 'y1']")
    sents = sentences_table({"x1": ["war war peace"], "y1": ["peace peace talk"]})
    terms = measures.distinctive_terms(sents, arts, prior_size=60)  # a_w = 10 x pooled counts
    a, a0 = 20, 60
    delta = math.log((2 + a) / (3 + a0 - 2 - a)) - math.log((0 + a) / (3 + a0 - 0 - a))
    z = delta / math.sqrt(1 / (2 + a) + 1 / (0 + a))
    assert row(terms, outlet="X", term="war")["z"] == pytest.approx(z)
    without = measures.distinctive_terms(sents, arts, stop_words={"peace"})
    assert "peace" not in set(without["term"])


def test_one_group_has_nothing_to_be_compared_with(articles):
    arts = articles.query("doc_id == 'y1'")
    assert measures.distinctive_terms(sentences_table({"y1": ["peace"]}), arts).empty
