"""framing.lexicons.patterns: the entry syntax, inflections and manner adverbs, and the match patterns
an entry becomes."""

from __future__ import annotations

import pytest
import spacy

from framing.lexicons.entries import Entry
from framing.lexicons.patterns import (MAX_GAP, build_patterns, inflections, manner_adverbs, parse_json_pattern,
                                       parse_phrase)


@pytest.fixture(scope="module")
def tokenizer():
    """The English tokenizer: entries are split into words as the text is."""
    return spacy.blank("en").tokenizer


def test_inflections_cover_regular_forms():
    assert {"backstabbing", "backstabbed", "backstabs", "backstabber"} <= inflections("backstab")
    assert {"fearmongering", "fearmongers"} <= inflections("fearmonger")
    assert {"manufacturing", "manufactured"} <= inflections("manufacture")
    assert {"denies", "denied"} <= inflections("deny")
    assert {"quipped", "quips"} <= inflections("quip")
    assert inflections("the") == {"the"}  # function words stay as written


def test_phrase_syntax_gaps_alternatives_and_exact_words():
    slots = parse_phrase("what *{1,3} call|dub =it")
    assert [s.gap for s in slots] == [None, (1, 3), None, None]
    assert slots[2].words == ("call", "dub") and slots[3].exact
    with pytest.raises(ValueError):
        parse_phrase("threat *")


def test_plain_phrases_become_phrase_patterns_split_like_the_text(tokenizer):
    patterns = build_patterns(Entry("so-called", "distancing", "x", "", ""), tokenizer)
    assert ("so", "-", "called") in patterns.lower and not patterns.slots
    patterns = build_patterns(Entry("hit back", "reporting_verb", "emotive", "", ""), tokenizer)
    assert ("hitting", "back") in patterns.lower and patterns.lemma == (("hit", "back"),)
    gapped = build_patterns(Entry("what *{1,3} call", "distancing", "x", "", ""), tokenizer)
    assert gapped.slots[1].gap == (1, 3) and "calls" in gapped.slots[2].forms


def test_phrases_of_several_words_also_match_hyphenated(tokenizer):
    patterns = build_patterns(Entry("over the top", "loaded", "x", "", ""), tokenizer)
    assert ("over", "-", "the", "-", "top") in patterns.lower and ("over", "the", "top") in patterns.lower
    exact = build_patterns(Entry("=could", "hedge", "x", "", ""), tokenizer)
    assert exact.lower == (("could",),)


def test_manner_adverbs_follow_the_spelling_rules():
    assert manner_adverbs("cruel") == {"cruelly"}
    assert manner_adverbs("terrible") == {"terribly"}
    assert manner_adverbs("shoddy") == {"shoddily"}
    assert manner_adverbs("idiotic") == {"idiotically"}
    assert manner_adverbs("futile") == {"futilely"}
    assert manner_adverbs("cowardly") == set() and manner_adverbs("far-fetched") == set()


def test_an_evaluative_modifier_matches_the_adjective_and_its_adverb_only(tokenizer):
    patterns = build_patterns(Entry("foolish", "loaded", "evaluative modifier", "", ""), tokenizer)
    assert patterns.lower == (("foolish",), ("foolishly",)) and patterns.lemma == (("foolish",),)
    other = build_patterns(Entry("foolish", "loaded", "evaluative label", "", ""), tokenizer)
    assert ("foolishly",) not in other.lower


def test_more_regular_inflections():
    assert {"lying", "lies"} <= inflections("lie")
    assert "theses" in inflections("thesis")
    assert {"panicked", "panicking"} <= inflections("panic")
    assert inflections("objectively") == {"objectively"}  # an adverb in -ly is not inflected


def test_gaps_are_bounded_and_words_are_not_mixed_with_wildcards():
    assert parse_phrase(f"what *{{0,{MAX_GAP}}} call")[1].gap == (0, MAX_GAP)
    for bad in (f"what *{{1,{MAX_GAP + 1}}} call", "what *{0,0} call", "so-call*", "hit||back", "*"):
        with pytest.raises(ValueError):
            parse_phrase(bad)


def test_a_json_entry_is_a_matcher_pattern_used_as_written(tokenizer):
    text = '[{"LOWER": "at"}, {"LOWER": "all"}]'
    assert parse_json_pattern(text) == [{"LOWER": "at"}, {"LOWER": "all"}]
    patterns = build_patterns(Entry(text, "booster", "absolute", "", ""), tokenizer)
    assert patterns.json == ({"LOWER": "at"}, {"LOWER": "all"}) and not patterns.lower and not patterns.slots
    for bad, problem in (("[]", "non-empty list"), ('{"LOWER": "at"}', "non-empty list"),
                         ('[{"LOWER": "at"', "not valid JSON"), ('[{"COLOUR": "red"}]', "COLOUR")):
        with pytest.raises(ValueError, match=problem):
            parse_json_pattern(bad)


def test_alternatives_in_one_slot_are_checked_token_by_token(tokenizer):
    patterns = build_patterns(Entry("objectively|frankly speaking", "booster", "objectivity claim", "", ""), tokenizer)
    first, second = patterns.slots
    assert first.forms == {"objectively", "frankly"} and first.lemmas == {"objectively", "frankly"}
    assert "speaking" in second.forms and second.lemmas == {"speaking"}
    with pytest.raises(ValueError, match="alternatives must each be one token"):
        build_patterns(Entry("so-called|dubbed label", "distancing", "x", "", ""), tokenizer)
