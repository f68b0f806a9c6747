"""Reported speech and according-to phrases: their content, cue and speaker."""

from __future__ import annotations

from framing.sourcing.content import reported_speech, trim
from framing.sourcing.context import Context
from framing.sourcing.lexicon import load_sourcing_lexicon

from .helpers import only


def test_indirect_speech_with_relative_clause_speaker(nlp):
    q = only(nlp, "The president responded to Kassym-Jomart Tokayev, the leader of Kazakhstan, who told a "
                  "forum on Friday that he does not recognize the two rebel areas.", "indirect")
    assert q.text == "he does not recognize the two rebel areas"
    assert (q.speaker, q.speaker_descriptor, q.cue_lemma) == (
        "Kassym-Jomart Tokayev", "the leader of Kazakhstan", "tell")


def test_according_to(nlp):
    q = only(nlp, "The countries risk the fate of Ukraine, according to Vladimir Putin.")
    assert (q.kind, q.text, q.speaker, q.cue) == (
        "according_to", "The countries risk the fate of Ukraine", "Vladimir Putin", "according to")


def test_accused_x_of_y(nlp):
    q = only(nlp, "Russian Foreign Minister Sergei Lavrov accused Kazakhstan of hosting biological labs.")
    assert (q.kind, q.text) == ("indirect", "Kazakhstan of hosting biological labs")
    assert (q.speaker_resolved, q.speaker_descriptor, q.cue_class) == (
        "Sergei Lavrov", "Russian Foreign Minister", "assertive")


def test_emphasizes_that(nlp):
    q = only(nlp, "Russia repeatedly emphasizes that it has no right of first attack.")
    assert (q.text, q.speaker, q.speaker_type, q.cue_class) == (
        "it has no right of first attack", "Russia", "organization", "assertive")


def test_a_headline_name_colon_reports_the_rest_of_the_line(nlp):
    q = only(nlp, "Marco Rubio: I’m Not Interested In Being Vice President\n\nThe senator spoke.", "indirect")
    assert (q.text, q.speaker_resolved, q.speaker_type, q.cue) == (
        "I’m Not Interested In Being Vice President", "Marco Rubio", "named_person", ":")


def test_reported_speech_is_a_named_record_with_its_attribution(nlp):
    doc = nlp("The president responded to Kassym-Jomart Tokayev, the leader of Kazakhstan, who told a forum on "
              "Friday that he does not recognize the two rebel areas.")
    (reported,) = reported_speech(Context.of(doc, load_sourcing_lexicon()))
    assert (reported.kind, doc.text[reported.start:reported.end]) == (
        "indirect", "he does not recognize the two rebel areas")
    assert (reported.attribution.cue.lemma, doc[reported.attribution.speaker].text) == ("tell", "Tokayev")
    assert reported.attribution.cue_span is None


def test_content_is_trimmed_of_punctuation_and_a_leading_that(nlp):
    doc = nlp("He said that it was over, .")
    start, end = trim(doc, 2, len(doc))
    assert doc[start:end].text == "it was over"
    assert trim(doc, len(doc) - 2, len(doc)) is None  # nothing but punctuation
