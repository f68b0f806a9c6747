"""framing.figures.sourcing: figure 3, who speaks."""

from __future__ import annotations

import pytest

from drawn import bars, head, texts, ticks
from framing import figures as plots, measures
from framing.schemas import frame


def test_sourcing_shows_kinds_speaker_types_and_most_quoted_speakers(articles, quotes):
    fig = plots.plot_sourcing(measures.sourcing_profile(quotes, articles))
    kinds, types, speakers = fig.axes
    assert head(fig)[1] == ["Krone (1 article, 3 quotes)", "OneWorld (2 articles, 1 quote)"]
    assert ticks(kinds)[:2] == ["Direct quote", "Indirect (reported) speech"]
    assert bars(kinds)["Krone (1 article, 3 quotes)"] == pytest.approx([200 / 3, 100 / 3, 0, 0])
    assert bars(kinds)["OneWorld (2 articles, 1 quote)"] == pytest.approx([0, 0, 0, 100])
    assert "%" in kinds.get_xlabel() and "%" in types.get_xlabel()
    assert bars(types)["Krone (1 article, 3 quotes)"][:2] == pytest.approx([200 / 3, 100 / 3])
    assert ticks(speakers) == ["Vladimir Putin", "an observer"]
    assert bars(speakers)["Krone (1 article, 3 quotes)"] == [2, 1]


def test_sourcing_without_quotes_says_so(articles):
    fig = plots.plot_sourcing(measures.sourcing_profile(frame("quotes"), articles))
    assert texts(fig) == ["No quotations were found in these articles."]
