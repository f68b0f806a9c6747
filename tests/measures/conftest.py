"""The tables the measures are tested on, small enough to work every answer out by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.schemas import frame
from rows import marker, quote


@pytest.fixture
def articles() -> pd.DataFrame:
    """Outlet X: two articles (2,000 + 1,000 words); outlet Y: one article of 500 words."""
    return frame("articles", [
        {"doc_id": "x1", "outlet": "X", "n_words": 2000, "n_sentences": 3, "language": "en", "text": "..."},
        {"doc_id": "x2", "outlet": "X", "n_words": 1000, "n_sentences": 2, "language": "de", "text": "..."},
        {"doc_id": "y1", "outlet": "Y", "n_words": 500, "n_sentences": 3, "language": "en", "text": "..."},
    ])


@pytest.fixture
def markers() -> pd.DataFrame:
    """X: 4 + 2 threat markers (one quoted), 1 hedge; Y: 2 war markers, 1 booster."""
    rows = ([marker("x1", "loaded", "threat")] * 4 + [marker("x2", "loaded", "threat")]
            + [marker("x2", "loaded", "threat", "quoted", 1)] + [marker("x1", "hedge", "modal", sent_id=2)]
            + [marker("y1", "loaded", "war")] * 2 + [marker("y1", "booster", "certainty", sent_id=1)]
            + [marker("elsewhere", "loaded", "threat")])  # an article not in the articles table
    return frame("markers", rows)


@pytest.fixture
def quotes() -> pd.DataFrame:
    return frame("quotes", [
        quote("x1", 1, "direct", "Putin", "named_person", "neutral", "Vladimir Putin"),
        quote("x1", 2, "direct", "he", "named_person", "assertive", "Vladimir Putin"),
        quote("x2", 1, "indirect", "an observer", "anonymous", "neutral"),
        quote("x2", 2, "scare"),
        quote("y1", 1, "according_to", "RIA Novosti", "media"),
    ])
