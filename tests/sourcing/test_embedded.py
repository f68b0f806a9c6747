"""A quotation inside a clause: the verb its words depend on, an utterance noun, a like/as clause, the
outer verb of saying."""

from __future__ import annotations

from .helpers import only, quotes


def test_quote_inside_reported_speech_is_attributed(nlp):
    q = only(nlp, "The statement is interpreted by experts as a “clear threat”.")
    assert (q.kind, q.speaker, q.speaker_type, q.cue_lemma, q.cue_class) == (
        "direct", "experts", "anonymous", "interpret", "distancing")


def test_quote_in_a_reported_clause_is_credited_to_the_outer_speaker(nlp):
    found = quotes(nlp, "Senator Jane Doe said she opposes “accounting gimmicks that hide the cost” in the "
                        "bill.\n\nCritics say the governor had proposed to “shut the whole thing down by Friday.”")
    assert [(q.kind, q.speaker, q.cue, q.cue_class) for q in found] == [
        ("direct", "Senator Jane Doe", "said", "neutral"), ("direct", "Critics", "say", "neutral")]


def test_a_noun_naming_an_utterance_is_the_cue_and_its_possessor_the_speaker(nlp):
    text = ("Madeleine Albright campaigned in New Hampshire. She fanned controversy over her remark that "
            "“there is a special place in hell for women who do not help each other.”\n\n"
            "The senator was challenged over Mr. Trump's statement on Wednesday that “Islam hates us.”")
    found = [(q.speaker, q.speaker_resolved, q.cue, q.cue_class) for q in quotes(nlp, text) if q.kind == "direct"]
    assert found == [("her", "Madeleine Albright", "remark", "neutral"),
                     ("Mr. Trump", "Trump", "statement", "neutral")]


def test_like_x_claims_attributes_the_quoted_words(nlp):
    found = quotes(nlp, "This minority isn’t innately “problematic” or “treasonous” like Kiev claims.")
    assert [(q.text, q.kind, q.speaker, q.speaker_type, q.cue_class) for q in found] == [
        ("problematic", "direct", "Kiev", "organization", "distancing"),
        ("treasonous", "direct", "Kiev", "organization", "distancing")]


def test_according_to_opening_the_sentence_credits_a_quote_inside_it(nlp):
    found = [q for q in quotes(nlp, "According to Trump, he was once part of the establishment, but is now “the "
                                    "worst thing that ever happened to the establishment.”") if q.kind == "direct"]
    assert [(q.speaker, q.cue) for q in found] == [("Trump", "According to")]
