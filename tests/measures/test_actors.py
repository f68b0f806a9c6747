"""framing.measures.actors: the main actors, their roles, and the tone of the sentences that name them."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from framing import measures
from framing.schemas import frame
from rows import mention, row, sentences_table


def test_actor_profile_counts_roles_and_scores_the_sentences_that_name_them(articles):
    sents = sentences_table({"x1": ["a", "b", "c"], "y1": ["d", "e", "f"]})
    sents["polarity"] = [0.0, 0.2, 0.4, -0.5, 0.0, 0.0]
    sents["subjectivity"] = [0.1, 0.3, 0.5, 0.9, 0.0, 0.0]
    mentions = pd.DataFrame([
        mention("x1", 0, "Putin", "Vladimir Putin"), mention("x1", 0, "he", "Vladimir Putin", role="object"),
        mention("x1", 1, "Putin", "Vladimir Putin", role="object"), mention("x1", 2, "Putin", "Vladimir Putin"),
        mention("y1", 0, "Kazakhstan", "Kazakhstan", "GPE", "other"),
        mention("y1", 1, "Tokayev", "", role="subject"),  # no canonical name: the text stands in
        mention("y1", 2, "Monday", "Monday", "DATE"),  # not an actor label
    ])
    profile = measures.actor_profile(mentions, sents, articles)
    assert profile["actor"].drop_duplicates().tolist() == ["Vladimir Putin", "Kazakhstan", "Tokayev"]
    putin = row(profile, outlet="X", actor="Vladimir Putin")
    counts = putin[["mentions", "subject", "object", "other", "sentences"]].tolist()
    assert counts == [4, 2, 2, 0, 3]  # "Putin" and "he" in sentence 0: one sentence
    assert putin["rate"] == pytest.approx(4 / 3000 * 1000)
    # sentences 0, 1, 2 of x1 (sentence 0 counted once): polarity 0.0, 0.2, 0.4
    half = 4.302653 * 0.2 / math.sqrt(3)
    assert (putin["polarity"], putin["polarity_low"], putin["polarity_high"]) == pytest.approx(
        (0.2, 0.2 - half, 0.2 + half), abs=1e-6)
    assert putin["subjectivity"] == pytest.approx(0.3)
    assert putin["subjectivity_low"] == 0.0  # the t-interval is clipped to the scale
    absent = row(profile, outlet="Y", actor="Vladimir Putin")
    assert (absent["mentions"], absent["rate"], absent["sentences"]) == (0, 0.0, 0)
    assert np.isnan(absent["polarity"]) and absent["rate_high"] > 0
    kz = row(profile, outlet="Y", actor="Kazakhstan")
    assert (kz["label"], kz["other"], kz["polarity"]) == ("GPE", 1, -0.5) and np.isnan(kz["polarity_low"])
    assert len(measures.actor_profile(mentions, sents, articles, top=1)) == 2
    assert measures.actor_profile(frame("mentions"), sents, articles).empty


def test_actor_profile_of_single_articles(articles):
    mentions = pd.DataFrame([mention("x1", 0, "Putin", "Vladimir Putin"), mention("y1", 0, "Putin", "Vladimir Putin")])
    profile = measures.actor_profile(mentions, sentences_table({"x1": ["a"], "y1": ["b"]}), articles, by="doc_id")
    assert profile[["doc_id", "mentions"]].values.tolist() == [["x1", 1], ["x2", 0], ["y1", 1]]
