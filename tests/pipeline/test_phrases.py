"""Loaded terms reported with the phrase they evaluate (framing.pipeline.phrases), on short passages."""

from __future__ import annotations

import pytest

from framing.pipeline.markers import find_markers


def lexicon_rows(doc, family: str | None = None) -> list:
    return [m for m in doc._.framing_markers if m.family != "frame" and not m.source.startswith("model:")
            and (family is None or m.family == family)]


def loaded(doc) -> list[str]:
    return [m.text for m in lexicon_rows(doc, "loaded")]


@pytest.mark.parametrize("text, expected", [
    ("The minister called it an appalling decision.", ["appalling decision"]),    # adjective -> its noun
    ("Critics denounced the murderous regime in the capital.", ["murderous regime"]),  # noun <- its modifier
    ("Everyone knows he is a habitual liar.", ["habitual liar"]),
    ("The report was a bogus smear.", ["bogus", "smear"]),          # two loaded words: each counted once
    ("He condemned the brutal Putin government.", ["brutal"]),       # a name is never taken in
    ("They backed an aggressive, expansionist policy.", ["aggressive", "expansionist policy"]),  # no comma
])
def test_a_loaded_word_takes_in_the_words_the_parse_ties_it_to(nlp, text, expected):
    assert loaded(nlp(text)) == expected


def test_the_phrase_keeps_the_entry_and_its_offsets_cover_the_phrase(nlp):
    text = "The minister called it an appalling decision."
    (marker,) = [m for m in find_markers(nlp(text)) if m.family == "loaded"]
    assert (marker.text, marker.entry, marker.category) == ("appalling decision", "appalling", "evaluative modifier")
    assert text[marker.start_char:marker.end_char] == "appalling decision"
    assert marker.lemma == "appalling decision"


def test_words_of_other_markers_stay_theirs(nlp):
    doc = nlp("She is a very talented singer.")
    assert [(m.text, m.family) for m in lexicon_rows(doc)] == [("very", "booster"), ("talented singer", "loaded")]


def test_negations_and_focus_words_stay_out(nlp):
    assert loaded(nlp("It was not just shameless.")) == ["shameless"]


def test_without_a_parse_the_matched_words_are_the_marker(blank_nlp):
    assert loaded(blank_nlp("The minister called it an appalling decision.")) == ["appalling"]
