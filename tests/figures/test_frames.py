"""framing.figures.frames: figure 8 draws, per outlet, the share of articles that use each frame with
its interval and the share of sentences that evoke it."""

from __future__ import annotations

import pytest
from matplotlib.container import ErrorbarContainer

from drawn import bars, head, texts, ticks
from framing import figures as plots, measures
from framing.schemas import frame

KRONE = "Krone (1 article, 500 words)"
ONEWORLD = "OneWorld (2 articles, 1,000 words)"


@pytest.fixture
def shares(articles, sentences):
    def make(model: bool = True):
        found = {("k1", "Security_and_defense"), ("o1", "Morality"), ("o2", "Security_and_defense")}
        frames = frame("frames", [{"doc_id": d, "frame": f, "score": 0.5, "present": (d, f) in found,
                                   "n_sentences": 0, "evidence": "", "source": "m"}
                                  for d in ("k1", "o1", "o2") for f in ("Morality", "Security_and_defense")])
        evoked = frame("sentence_frames", [
            {"doc_id": "k1", "sent_id": 0, "frame": "Security_and_defense", "score": 1.0, "n_cues": 1, "cues": "war"},
            {"doc_id": "o1", "sent_id": 1, "frame": "Morality", "score": 1.0, "n_cues": 1, "cues": "evil"}])
        return measures.frame_shares(frames if model else frame("frames"), evoked, sentences, articles)
    return make


def test_frames_shows_article_shares_with_intervals_and_sentence_shares(shares):
    fig = plots.plot_frames(shares())
    articles, sentences = fig.axes
    assert head(fig) == ("Frames: which frames each outlet uses", [KRONE, ONEWORLD])
    assert articles.get_title(loc="left") == "Articles that use the frame"
    # ordered by use: security (100 % + 50 %), morality (0 + 50 %), then the frames nobody uses
    assert ticks(articles)[:2] == ["Security and defense", "Morality"] and len(ticks(articles)) == 14
    assert bars(articles)[KRONE][:2] == pytest.approx([100.0, 0.0])
    assert bars(articles)[ONEWORLD][:2] == pytest.approx([50.0, 50.0])
    assert bars(sentences)[KRONE][:2] == pytest.approx([100 / 3, 0.0])  # 1 of Krone's 3 sentences
    assert bars(sentences)[ONEWORLD][:2] == pytest.approx([0.0, 25.0])  # 1 of OneWorld's 4
    errors = [c for c in articles.containers if isinstance(c, ErrorbarContainer)]
    assert len(errors) == 2 and not [c for c in sentences.containers if isinstance(c, ErrorbarContainer)]


def test_frames_with_the_model_off_says_so_and_keeps_the_sentences(shares):
    fig = plots.plot_frames(shares(model=False))
    assert "Frames model off:\nno article decisions" in texts(fig)
    assert bars(fig.axes[1])[KRONE][ticks(fig.axes[0]).index("Security and defense")] == pytest.approx(100 / 3)
