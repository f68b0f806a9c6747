"""The linear-chain CRF: it learns labels from features and transitions, its marginals are probabilities,
and a model reads back to the same numbers and bytes."""

from __future__ import annotations

import numpy as np
import pytest

from framing.loaded.crf import CRF, fit

# "vile" is loaded on its own; "so" before an adjective starts a loaded phrase only with it.
SENTENCES = [
    (["the", "vile", "plan", "failed"], ["O", "LL", "O", "O"]),
    (["a", "vile", "lie"], ["O", "LL", "LL"]),
    (["the", "plan", "failed"], ["O", "O", "O"]),
    (["a", "good", "plan"], ["O", "O", "O"]),
    (["that", "crook", "spoke"], ["O", "NC", "O"]),
    (["the", "crook", "lied"], ["O", "NC", "O"]),
    (["the", "minister", "spoke"], ["O", "O", "O"]),
] * 3


def features(words):
    return [[f"w={w}", *([f"-1w={words[i - 1]}"] if i else ["bos"])] for i, w in enumerate(words)]


@pytest.fixture(scope="module")
def crf():
    return fit([features(w) for w, _ in SENTENCES], [t for _, t in SENTENCES], c1=0.0, c2=0.01,
               label_names=("O", "LL", "NC"))


def test_the_labels_are_learnt_from_the_words(crf):
    p = crf.marginals(features(["the", "vile", "crook", "spoke"]))
    assert p.shape == (4, 3)
    assert np.allclose(p.sum(axis=1), 1.0)
    assert p[:, 0].argmax() in (0, 3)  # an ordinary word is most surely outside
    assert p[1, 1] > 0.5 and p[2, 2] > 0.5  # "vile": loaded language; "crook": name calling
    assert p[0, 0] > 0.8 and p[3, 0] > 0.8


def test_sentences_are_independent_sequences(crf):
    words = ["a", "vile", "lie", "the", "plan", "failed"]
    both = crf.marginals(features(words[:3]) + features(words[3:]), starts=[0, 3])
    assert np.allclose(both[:3], crf.marginals(features(words[:3])))
    assert np.allclose(both[3:], crf.marginals(features(words[3:])))


def test_unknown_features_give_the_prior_and_an_empty_sequence_nothing(crf):
    p = crf.marginals([["w=zzz", "bos"]])
    assert p[0].argmax() == 0
    assert crf.marginals([]).shape == (0, 3)


def test_a_model_reads_back_to_the_same_numbers_and_bytes(crf):
    again = CRF.from_json(crf.to_json())
    sequence = features(["that", "vile", "crook"])
    assert np.allclose(again.marginals(sequence), crf.marginals(sequence), atol=1e-5)
    assert again.to_json() == crf.to_json()


def test_the_same_data_gives_the_same_model(crf):
    second = fit([features(w) for w, _ in SENTENCES], [t for _, t in SENTENCES], c1=0.0, c2=0.01,
                 label_names=("O", "LL", "NC"))
    assert second.to_json() == crf.to_json()


def test_l1_drops_weights():
    xs, ys = [features(w) for w, _ in SENTENCES], [t for _, t in SENTENCES]
    dense = fit(xs, ys, c1=0.0, c2=0.01, label_names=("O", "LL", "NC"))
    sparse = fit(xs, ys, c1=1.0, c2=0.01, label_names=("O", "LL", "NC"))
    assert 0 < sparse.size() < dense.size()
