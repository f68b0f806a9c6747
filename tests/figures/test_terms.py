"""framing.figures.terms: figure 6, the words that set each outlet apart."""

from __future__ import annotations

import pytest

from drawn import bars, texts, ticks
from framing import figures as plots, measures


def test_distinctive_terms_panels_show_positive_z_scores_with_counts(articles, sentences):
    sentences = sentences.assign(text=["threat threat war", "threat", "peace", "historic peace", "historic",
                                       "talks", "peace"])
    terms = measures.distinctive_terms(sentences, articles)
    fig = plots.plot_distinctive_terms(terms, top=2)
    krone, oneworld = fig.axes
    assert krone.get_title(loc="left") == "Krone vs. OneWorld"
    assert ticks(krone) == ["threat (3/0)", "war (1/0)"]
    expected = terms[(terms.outlet == "Krone") & terms.term.isin(["threat", "war"])]["z"].tolist()
    assert bars(krone)["Krone"] == pytest.approx(expected)
    assert ticks(oneworld)[0] == "historic (2/0)"
    assert krone.get_xlabel() == "z-score of the log-odds\n(1 article, 5 words counted)"
    assert [line.get_xdata()[0] for line in krone.lines] == [pytest.approx(1.959964)]


def test_distinctive_terms_with_one_outlet_says_so(articles, sentences):
    fig = plots.plot_distinctive_terms(measures.distinctive_terms(sentences, articles[articles.outlet == "Krone"]))
    assert texts(fig) == ["Distinctive words need at least two outlets with text."]
