"""Cue words: which token is a cue, with which lemma and families, and the class of its phrase."""

from __future__ import annotations

import pytest

from framing.sourcing.cues import candidates, cue_at, cue_phrase
from framing.sourcing.lexicon import load_sourcing_lexicon

from .helpers import quotes


def cues(nlp, text: str) -> list[tuple[str, str]]:
    """(token, cue lemma) of every token that is a cue."""
    lexicon = load_sourcing_lexicon()
    doc = nlp(text)
    return [(t.text, cue.lemma) for t in doc if (cue := cue_at(t, lexicon)) is not None]


@pytest.mark.parametrize("text, expected", [
    ("Putin points out that the union is historic.", [("points", "point out")]),
    ("Many are concerned that the war could spread.", [("concerned", "concern")]),
    ("The treaty is dead, as he put it on Monday.", [("put", "put")]),
    ("He put the book on the table.", []),
    ("The headline reads: Nothing changes.", [("reads", "read")]),
    ("The army continued to advance on the city.", []),
])
def test_cue_words_and_their_frames(nlp, text, expected):
    assert cues(nlp, text) == expected


def test_a_verb_with_its_particle_is_one_cue(nlp):
    doc = nlp("Putin points out that the union is historic.")
    cue = cue_at(doc[1], load_sourcing_lexicon())
    assert (cue.start, cue.end, cue.lemma, cue.families, cue.verb) == (1, 3, "point out", frozenset({"speech"}), 1)


def test_candidates_are_the_tokens_that_can_start_a_cue(nlp):
    doc = nlp("Smith said, according to the paper, that the table was new.")
    assert [doc[i].text for i in candidates(doc, load_sourcing_lexicon())] == ["said", "according"]


def test_a_cue_widens_to_a_classified_phrase(nlp):
    lexicon = load_sourcing_lexicon()
    doc = nlp("President Putin rightly said that the union was historic Russia.")
    cue = cue_at(doc[3], lexicon)
    assert cue_phrase(doc, cue, lexicon) == (2, 4, "rightly say")


def test_cue_classes(nlp):
    classes = {q.cue_lemma: q.cue_class for q in quotes(nlp, (
        "Lopez insisted that the vote was fair. Brown claimed that it was rigged. "
        "Green noted that turnout was high. Smith said that it was over. "
        "President Putin spoke the truth when saying that the union was historic Russia."))}
    assert classes == {"insist": "assertive", "claim": "distancing", "note": "endorsing", "say": "neutral",
                       "speak the truth": "endorsing"}
