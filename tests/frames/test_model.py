"""framing.frames.model and framing.frames.fit: a model fitted on a small labelled set written here
decides that set's frames, splits its scores exactly into sentence parts, and survives the .npz round
trip byte for byte."""

from __future__ import annotations

import numpy as np
import pytest

from framing.errors import ModelError
from framing.frames.fit import f1_scores, fit, iterative_folds
from framing.frames.model import FramesModel, load_frames_model, model_bytes, model_path, select

from .synthetic import CUES, FRAMES, document, labelled

GRID = ({"C": 1.0, "w": 0.1, "min_k": 0},)


@pytest.fixture(scope="module")
def model() -> FramesModel:
    docs, Y = labelled()
    return fit(docs, Y, FRAMES, CUES, seed=0, grid=GRID, inner_folds=3)


def test_the_fitted_model_decides_new_documents_of_the_set(model):
    decided = {labels: tuple(f for f, p in zip(FRAMES, model.score(document(labels, 40))[1]) if p)
               for labels in [("Economic",), ("Security_and_defense", "Political")]}
    assert decided == {("Economic",): ("Economic",), ("Security_and_defense", "Political"):
                       ("Security_and_defense", "Political")}


def test_sentence_parts_and_bias_add_up_to_the_decision_value(model):
    features = document(("Economic", "Political"), 5)
    parts = model.contributions(features)
    assert parts.shape == (3, 3)
    assert model.bias.astype(float) + parts.sum(axis=0) == pytest.approx(model.decision(features), abs=1e-9)
    # the Economic words stand in sentence (0 + 5) % 3 = 2: that sentence carries the frame most
    assert int(np.argmax(parts[:, FRAMES.index("Economic")])) == 2


def test_npz_round_trip_gives_the_same_model_and_bytes(model, tmp_path):
    path = model.save(tmp_path / "m")
    assert path.name == "frames.npz"
    with np.load(path, allow_pickle=False) as archive:  # plain arrays, no pickles
        assert sorted(archive.files) == ["W", "Wcue", "bias", "idf", "meta", "vocab"]
    loaded = load_frames_model(tmp_path / "m")
    assert loaded.cues == CUES and loaded.frames == FRAMES and loaded.min_k == model.min_k
    assert loaded.version == model.version and len(loaded.version) == 12
    features = document(("Political",), 7)
    assert loaded.score(features)[0] == pytest.approx(model.score(features)[0], abs=1e-7)
    docs, Y = labelled()
    again = fit(docs, Y, FRAMES, CUES, seed=0, grid=GRID, inner_folds=3)
    assert model_bytes(again) == path.read_bytes()


def test_bad_model_folders_are_one_line_errors(tmp_path):
    with pytest.raises(ModelError, match="no frames model here"):
        model_path(tmp_path)
    (tmp_path / "frames.npz").write_bytes(b"not a zip")
    with pytest.raises(ModelError, match=r"frames.npz: not a readable frames model"):
        load_frames_model(tmp_path)
    assert model_path("off") is None and load_frames_model("off") is None
    assert model_path("default").name == "frames.npz"


def test_select_keeps_the_threshold_and_the_top_k():
    scores = np.array([[0.9, 0.2, 0.4, 0.1], [0.1, 0.2, 0.3, 0.05]])
    assert select(scores, 0.5, 0).tolist() == [[True, False, False, False], [False, False, False, False]]
    assert select(scores, 0.5, 2).tolist() == [[True, False, True, False], [False, True, True, False]]


def test_f1_and_folds_on_small_cases():
    Y = np.array([[1, 0], [1, 1], [0, 1], [0, 0]])
    D = np.array([[1, 0], [0, 1], [0, 0], [1, 0]])
    micro, macro, per = f1_scores(Y, D)
    assert micro == pytest.approx(2 * 2 / (2 * 2 + 1 + 2))  # tp 2, fp 1, fn 2
    assert per.tolist() == pytest.approx([0.5, 2 / 3])
    _, Yl = labelled(30)
    folds = iterative_folds(Yl, 5, 0)
    assert sorted(np.bincount(folds).tolist()) == [6, 6, 6, 6, 6]
    for f in range(5):  # every frame in every fold
        assert Yl[folds == f].sum(0).min() > 0
    assert (iterative_folds(Yl, 5, 0) == folds).all()
