"""framing.frames.features: the terms, cue hits and sentences the model reads from a parsed Doc."""

from __future__ import annotations

import numpy as np

from framing.frames.features import cue_features, cue_finder, doc_features, join_features
from framing.lexicons.entries import Entry

FRAMES = ("Economic", "Security_and_defense")
CUES = [Entry("troop", "frame", "Security_and_defense", "", "test"),
        Entry("tax", "frame", "Economic", "", "test"),
        Entry("tax cut", "frame", "Economic", "", "test"),
        Entry("threat", "loaded", "threat and fear", "", "test")]  # not a frame cue: left out


def test_terms_are_lower_cased_lemmas_of_words_with_their_sentence(nlp):
    doc = nlp("Troops Gather\n\nThe troops were moved, 5,000 of them. A tax rose.")
    features = doc_features(doc, cue_finder(nlp.vocab, CUES), FRAMES)
    assert features.terms == ("troop", "gather", "the", "troop", "be", "move", "of", "they", "a", "tax", "rose")
    assert features.term_sents.tolist() == [0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2]
    assert features.n_sents == 3
    assert features.n_words == 12  # "5,000" is a word, not a term; punctuation and the line break are neither
    assert features.hits.tolist() == [1, 1, 0] and features.hit_sents.tolist() == [0, 1, 2]


def test_a_longer_cue_wins_over_its_first_word_and_other_families_are_ignored(nlp):
    doc = nlp("The tax cut was a threat, critics said.")
    finder = cue_finder(nlp.vocab, CUES)
    assert [m.text for m in finder.find(doc)] == ["tax cut"]
    assert doc_features(doc, finder, FRAMES).cue_counts(2).tolist() == [1.0, 0.0]


def test_cue_features_are_density_and_log_counts():
    values = cue_features(np.array([2.0, 0.0]), 500)
    assert values.tolist() == [4.0, 0.0, np.log(3.0), 0.0]


def test_features_of_pieces_join_as_one_document(nlp):
    finder = cue_finder(nlp.vocab, CUES)
    one = doc_features(nlp("Troops came. Taxes rose."), finder, FRAMES)
    two = doc_features(nlp("Taxes fell."), finder, FRAMES)
    joined = join_features([one, two])
    assert joined.terms == one.terms + two.terms
    assert joined.term_sents.tolist() == [0, 0, 1, 1, 2, 2]
    assert joined.hit_sents.tolist() == [0, 1, 2] and joined.n_words == one.n_words + two.n_words
