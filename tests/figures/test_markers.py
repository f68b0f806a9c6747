"""framing.figures.markers: figures 1, 2 and 4 (loaded terms, hedges and boosters, reporting verbs) draw
the rates, labels and intervals they should."""

from __future__ import annotations

import pytest
from matplotlib.container import ErrorbarContainer
from matplotlib.figure import Figure

from drawn import bars, head, texts, ticks
from framing import figures as plots, measures
from framing.schemas import frame

KRONE = "Krone (1 article, 500 words)"
ONEWORLD = "OneWorld (2 articles, 1,000 words)"


def test_loaded_terms_bars_are_rates_per_1000_words_split_by_voice(loaded_rates):
    rates = loaded_rates
    fig = plots.plot_loaded_terms(rates)
    assert isinstance(fig, Figure)
    own, quoted = fig.axes
    assert (own.get_title(loc="left"), quoted.get_title(loc="left")) == ("In the outlet\u2019s own words",
                                                                         "Inside quotations")
    assert head(fig) == ("Loaded terms by category", [KRONE, ONEWORLD])
    assert "per 1,000 words" in own.get_xlabel()
    # categories by total rate: threat (10 + 1), delegitimising (2), war (2, quoted only)
    assert ticks(own) == ["Threat and fear", "Delegitimising", "War and aggression"]
    widths = bars(own)
    assert widths[KRONE] == pytest.approx([10.0, 0.0, 0.0])  # 5 in 500 words
    assert widths[ONEWORLD] == pytest.approx([1.0, 2.0, 0.0])  # 1 and 2 in 1,000 words
    assert bars(quoted)[KRONE] == pytest.approx([0.0, 0.0, 2.0])
    errors = [c for c in own.containers if isinstance(c, ErrorbarContainer)]
    assert len(errors) == 2  # one interval series per outlet
    segments = errors[0].lines[2][0].get_segments()
    low, high = measures.poisson_interval(5)
    assert segments[0][:, 0] == pytest.approx([low * 2, high * 2])  # Krone threat: 5 per 500 words


def test_loaded_terms_with_nothing_found_says_so(articles):
    fig = plots.plot_loaded_terms(measures.rates(frame("markers"), articles, keys=("category", "voice")))
    assert isinstance(fig, Figure)
    assert texts(fig) == ["No loaded terms were found in these articles."]


def test_epistemic_stance_shows_hedges_and_boosters_per_1000_words(articles, markers):
    rates = measures.rates(markers[markers.family.isin(["hedge", "booster"])], articles, keys=("family", "voice"),
                           levels={"family": ("hedge", "booster")})
    fig = plots.plot_epistemic_stance(rates)
    own = fig.axes[0]
    assert ticks(own) == ["Hedges", "Boosters"]
    assert bars(own) == {KRONE: pytest.approx([2.0, 0.0]), ONEWORLD: pytest.approx([0.0, 3.0])}
    assert own.get_xlabel() == "Markers per 1,000 words"
    assert head(fig)[0].startswith("How sure the articles sound")


def test_reporting_verbs_by_class_with_every_class_shown(articles, markers):
    from framing.records import CUE_CLASSES

    rates = measures.rates(markers[markers.family == "reporting_verb"], articles, keys=("category",),
                           levels={"category": CUE_CLASSES})
    fig = plots.plot_reporting_verbs(rates)
    ax = fig.axes[0]
    assert [t.split("\n")[0] for t in ticks(ax)] == ["Neutral", "Assertive", "Distancing", "Emotive", "Endorsing"]
    assert bars(ax)[KRONE] == pytest.approx([2.0, 0, 0, 0, 0])
    assert bars(ax)[ONEWORLD] == pytest.approx([0, 0, 2.0, 0, 0])
    assert ax.get_xlabel() == "Reporting verbs per 1,000 words"
