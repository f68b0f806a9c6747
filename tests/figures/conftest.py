"""Three articles of two outlets (Krone: one of 500 words; OneWorld: two, 1,000 words) with markers,
quotes and sentences, whose figures the tests work out by hand. Figures are drawn without a screen."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

from framing import measures
from framing.schemas import frame
from rows import marker, quote

matplotlib.use("Agg")


@pytest.fixture
def articles() -> pd.DataFrame:
    return frame("articles", [
        {"doc_id": "k1", "outlet": "Krone", "n_words": 500, "n_sentences": 3, "text": "..."},
        {"doc_id": "o1", "outlet": "OneWorld", "n_words": 400, "n_sentences": 2, "text": "..."},
        {"doc_id": "o2", "outlet": "OneWorld", "n_words": 600, "n_sentences": 2, "text": "..."},
    ])


@pytest.fixture
def markers() -> pd.DataFrame:
    return frame("markers", [
        *[marker("k1", "loaded", "threat and fear")] * 5, marker("k1", "loaded", "war and aggression", "quoted"),
        *[marker("o1", "loaded", "delegitimising", sent_id=1)] * 2, marker("o2", "loaded", "threat and fear"),
        marker("k1", "hedge", "epistemic modal", sent_id=2), *[marker("o1", "booster", "certainty")] * 3,
        marker("k1", "reporting_verb", "neutral"), *[marker("o2", "reporting_verb", "distancing")] * 2,
        marker("o1", "distancing", "distancing label", "quoted", 1),
    ])


@pytest.fixture
def quotes() -> pd.DataFrame:
    return frame("quotes", [
        quote("k1", 1, "direct", "Vladimir Putin", "named_person", "neutral"),
        quote("k1", 2, "indirect", "Vladimir Putin", "named_person", "assertive"),
        quote("k1", 3, "direct", "an observer", "anonymous", "neutral"),
        quote("o1", 1, "scare"),
    ])


@pytest.fixture
def sentences() -> pd.DataFrame:
    return frame("sentences", [
        {"doc_id": d, "sent_id": i, "start_char": 10 * i, "end_char": 10 * i + 9, "section": "body", "text": "w",
         "polarity": p, "subjectivity": s}
        for d, i, p, s in [("k1", 0, -0.2, 0.4), ("k1", 1, 0.0, 0.2), ("k1", 2, 0.1, 0.6), ("o1", 0, 0.5, 0.5),
                           ("o1", 1, 0.3, 0.9), ("o2", 0, 0.0, 0.0), ("o2", 1, 0.1, 0.1)]
    ])


@pytest.fixture
def loaded_rates(articles, markers) -> pd.DataFrame:
    """The table of figure 1: loaded markers per 1,000 words by category and voice."""
    return measures.rates(markers[markers.family == "loaded"], articles, keys=("category", "voice"))
