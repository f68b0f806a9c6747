"""framing.alignment.similarity: features, TF-IDF and cosine, without a parse."""

from __future__ import annotations

import pytest

from framing.alignment.similarity import (MEASURES, Space, actor_key, content_words, cosine, features, masked,
                                          similarity, stems)


def test_content_words_leave_out_function_words_and_numbers():
    assert content_words("He does not recognise the two breakaway republics.") == ["recognise", "breakaway",
                                                                                   "republics"]
    assert stems("He recognizes the historic republic") == frozenset({"recog", "histo", "repub"})


def test_spelling_variants_meet_in_character_ngrams_but_not_as_words():
    chars, words = MEASURES["chars"], MEASURES["words"]
    a, b = ["Kazakhstan does not recognise the republics."], ["They will not recognize those republics."]
    assert similarity(a, b, measure=chars)[0, 0] > similarity(a, b, measure=words)[0, 0]


def test_actors_and_numbers_are_weighted_features():
    found = features("At least 40 people died in two floods.", ["Kazakhstan", "The Kremlin"])
    assert found["@kazakhstan"] == 1 and found["@kremlin"] == 1
    assert found["#40"] == 1 and found["#two"] == 1
    assert not any(f.startswith(("@", "#")) for f in features("40 died", ["Kazakhstan"], MEASURES["chars"]))


def test_masked_blanks_names_and_cues_by_article_offsets():
    text = "Putin said it was historic Russia."
    assert masked(text, 100, [(100, 105), (106, 110), (127, 133)]) == "      " + "     it was historic       ."


def test_cosine_is_one_for_the_same_passage_and_zero_for_nothing_shared():
    docs = [features(t) for t in ("The floods killed forty people.", "The floods killed forty people.",
                                  "Tariffs on steel rose.")]
    vectors = Space.fit(docs).vectors(docs)
    scores = cosine(vectors, vectors)
    assert scores[0, 1] == pytest.approx(1.0)
    assert scores[0, 2] == 0.0


def test_actor_key_drops_case_and_a_leading_the():
    assert actor_key("The Soviet Union") == actor_key("the  soviet union") == "soviet union"
