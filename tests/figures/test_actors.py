"""framing.figures.actors: figure 7, the main actors and the tone of the sentences naming them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.lines import Line2D

from drawn import bars, texts, ticks
from framing import figures as plots, measures
from framing.schemas import frame

KRONE = "Krone (1 article, 500 words)"
ONEWORLD = "OneWorld (2 articles, 1,000 words)"


def test_actors_show_mentions_polarity_and_subjectivity_per_outlet(articles, sentences):
    mentions = pd.DataFrame([
        {"doc_id": d, "sent_id": s, "start_char": 0, "end_char": 5, "text": t, "label": lab, "actor": a, "role": r}
        for d, s, t, lab, a, r in [("k1", 0, "Putin", "PERSON", "Vladimir Putin", "subject"),
                                   ("k1", 1, "he", "PERSON", "Vladimir Putin", "object"),
                                   ("o1", 0, "Putin", "PERSON", "Vladimir Putin", "subject"),
                                   ("o1", 1, "Kazakhstan", "GPE", "Kazakhstan", "other")]])
    profile = measures.actor_profile(mentions, sentences, articles)
    fig = plots.plot_actors(profile)
    often, tone, opinion = fig.axes
    assert ticks(often) == ["Vladimir Putin", "Kazakhstan"]
    assert bars(often)[KRONE] == pytest.approx([4.0, 0.0])  # 2 mentions in 500 words
    assert "per 1,000 words" in often.get_xlabel()
    points = {line.get_label(): line.get_xdata() for line in tone.lines if isinstance(line, Line2D)
              and line.get_label() in (KRONE, ONEWORLD)}
    assert points[KRONE] == pytest.approx([-0.1, np.nan], nan_ok=True)  # mean of -0.2 and 0.0
    assert points[ONEWORLD] == pytest.approx([0.5, 0.3])
    assert "polarity" in tone.get_xlabel() and "subjectivity" in opinion.get_xlabel()
    assert opinion.get_xlim() == (0, 1)


def test_actors_without_mentions_say_so(articles, sentences):
    fig = plots.plot_actors(measures.actor_profile(frame("mentions"), sentences, articles))
    assert texts(fig) == ["No actor mentions in these tables."]
