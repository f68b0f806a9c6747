"""framing.measures.frames: the share of articles that use each frame (exact intervals) and the share of
sentences that evoke it, per group of articles."""

from __future__ import annotations

import pandas as pd
import pytest

from framing import measures
from framing.schemas import frame
from rows import row


def frames_tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """X: security found in x1 only, economic in both; Y: nothing found. Sentence cues: x1 has 3
    sentences, two evoking security (one of them twice); y1 one sentence evoking economic."""
    found = {("x1", "Security_and_defense"), ("x1", "Economic"), ("x2", "Economic")}
    frames = frame("frames", [{"doc_id": d, "frame": f, "score": 0.9 if (d, f) in found else 0.1,
                               "present": (d, f) in found, "n_sentences": 0, "evidence": "", "source": "m"}
                              for d in ("x1", "x2", "y1") for f in ("Economic", "Security_and_defense")])
    evoked = frame("sentence_frames", [
        {"doc_id": "x1", "sent_id": 0, "frame": "Security_and_defense", "score": 1.0, "n_cues": 2, "cues": "a;b"},
        {"doc_id": "x1", "sent_id": 2, "frame": "Security_and_defense", "score": 0.5, "n_cues": 1, "cues": "c"},
        {"doc_id": "y1", "sent_id": 1, "frame": "Economic", "score": 0.2, "n_cues": 1, "cues": "d"}])
    sentences = frame("sentences", [{"doc_id": d, "sent_id": i, "start_char": 0, "end_char": 1, "section": "body",
                                     "text": "w", "polarity": 0.0, "subjectivity": 0.0}
                                    for d, n in (("x1", 3), ("x2", 2), ("y1", 3)) for i in range(n)])
    return frames, evoked, sentences


def test_frame_shares_are_article_and_sentence_shares_with_exact_intervals(articles):
    frames, evoked, sentences = frames_tables()
    shares = measures.frame_shares(frames, evoked, sentences, articles)
    assert len(shares) == 2 * 14  # every frame for every outlet, in the codebook's order
    assert shares["frame"].head(2).tolist() == ["Economic", "Capacity_and_resources"]
    security = row(shares, outlet="X", frame="Security_and_defense")
    assert (security["scored"], security["present"], security["article_share"]) == (2, 1, 0.5)
    low, high = measures.proportion_interval(1, 2)
    assert (security["article_low"], security["article_high"]) == pytest.approx((float(low), float(high)))
    assert (security["sentences"], security["evoking"]) == (5, 2) and security["sentence_share"] == 0.4
    assert security["label"] == "Security and defense"
    economic_y = row(shares, outlet="Y", frame="Economic")
    assert (economic_y["present"], economic_y["article_share"], economic_y["sentence_share"]) == (0, 0.0, 1 / 3)


def test_frame_shares_without_a_model_have_no_article_share(articles):
    _, evoked, sentences = frames_tables()
    shares = measures.frame_shares(frame("frames"), evoked, sentences, articles)
    assert shares["scored"].eq(0).all() and shares["article_share"].isna().all()
    assert row(shares, outlet="X", frame="Security_and_defense")["evoking"] == 2
