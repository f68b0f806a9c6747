"""The framing_frames component with the shipped model: short passages written here, and the seed
articles against the frames a careful reader marked in data/annotations/frames.csv (written before the
model existed)."""

from __future__ import annotations

import csv

import numpy as np
import pytest

from conftest import ANNOTATIONS
from framing.frames.component import FramesComponent
from framing.frames.model import load_frames_model
from framing.records import ArticleFrames

PASSAGES = {
    "Security_and_defense": "Troops mass on the border\n\nThousands of troops and tanks massed on the border on "
    "Monday. The army said the missiles were ready and warned of an invasion. Officials at the Defense Ministry "
    "called it the gravest threat to national security in decades.",
    "Economic": "Parliament passes budget\n\nLawmakers approved the budget on Tuesday after a long vote. The plan "
    "raises taxes on fuel and cuts spending on roads. Economists said the deficit would still grow, and prices "
    "could rise.",
    "Legality_Constitutionality_and_jurisprudence": "Court strikes down law\n\nThe Supreme Court ruled on Friday "
    "that the law was unconstitutional. Judges said the statute violated the constitution. Lawyers for the state "
    "said they would appeal the ruling.",
}


@pytest.mark.parametrize("expected", sorted(PASSAGES))
def test_the_frame_a_passage_is_about_scores_highest_and_is_present(nlp, expected):
    found: ArticleFrames = nlp(PASSAGES[expected])._.framing_frames
    ranked = sorted(zip(found.scores, found.frames), reverse=True)
    assert ranked[0][1] == expected
    assert found.present[found.frames.index(expected)]
    assert found.source.startswith("frames-semeval23 ")


def test_parts_follow_the_sentences_and_add_up_to_the_score(nlp):
    doc = nlp(PASSAGES["Economic"])
    found = doc._.framing_frames
    parts = np.array(found.contributions)
    assert parts.shape == (4, 14)  # headline + three sentences, 14 frames
    model = load_frames_model()
    j = found.frames.index("Economic")
    z = float(model.bias[j]) + parts[:, j].sum()
    assert 1 / (1 + np.exp(-z)) == pytest.approx(found.scores[j], abs=1e-6)
    # the sentence with taxes, fuel and spending and the one with economists, deficit and prices carry
    # the economic frame more than the headline
    assert parts[2, j] > parts[0, j] and parts[3, j] > parts[0, j]


def test_the_model_reads_its_own_cues_not_the_runs_lexicon(nlp):
    doc = nlp(PASSAGES["Security_and_defense"])
    first = doc._.framing_frames
    doc._.framing_markers = []  # as with --no-family frame: no frame cues among the markers
    again = FramesComponent(nlp, load_frames_model())(doc)._.framing_frames
    assert again.scores == pytest.approx(first.scores)


def test_model_off_sets_nothing(nlp):
    doc = nlp.make_doc("Troops on the border.")
    assert FramesComponent(nlp, None)(doc)._.framing_frames is None


def _reading() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    with (ANNOTATIONS / "frames.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            out.setdefault(row["doc_id"], {})[row["frame"]] = row["reading"]
    return out


def _predicted(doc) -> set[str]:
    found = doc._.framing_frames
    return {f for f, p in zip(found.frames, found.present) if p}


def test_core_frames_of_the_seed_articles_are_found_and_absent_ones_are_not(seed_docs):
    reading = _reading()
    assert set(reading) == set(seed_docs)
    for doc_id, frames in reading.items():
        predicted = _predicted(seed_docs[doc_id])
        core = {f for f, r in frames.items() if r == "core"}
        absent = {f for f, r in frames.items() if r == "absent"}
        assert core <= predicted, (doc_id, core - predicted)
        assert not predicted & absent, (doc_id, predicted & absent)


def test_frames_the_reader_sees_present_are_found_by_the_model_or_evoked_by_cues(seed_docs):
    """The model misses one frame the reader sees present: OneWorld's cultural identity ("historic
    Russia", ethnic Russians). The cue words find it in several sentences; the model's decision does not."""
    reading = _reading()
    missed = []
    for doc_id, frames in reading.items():
        doc = seed_docs[doc_id]
        predicted = _predicted(doc)
        cued: dict[str, int] = {}
        for m in doc._.framing_markers:
            if m.family == "frame":
                cued[m.category] = cued.get(m.category, 0) + 1
        for frame, r in frames.items():
            if r == "present" and frame not in predicted:
                missed.append((doc_id, frame))
                assert cued.get(frame, 0) >= 3, (doc_id, frame)
    assert missed == [("004_0dd5b71927f9dee2", "Cultural_identity")]
