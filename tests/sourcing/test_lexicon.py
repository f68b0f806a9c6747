"""The sourcing word lists: read once from the data files, each list defined there once."""

from __future__ import annotations

import csv

import pytest
import spacy

from framing.lexicons.reader import shipped
from framing.sourcing import lexicon
from framing.sourcing.lexicon import load_sourcing_lexicon


def test_word_lists_load_with_classes_from_the_reporting_verb_lexicon():
    lexicon = load_sourcing_lexicon()
    assert "speech" in lexicon.families("say") and lexicon.cue_class("claim") == "distancing"
    assert lexicon.speaker_nouns["observer"] == "anonymous" and "telegraph" in lexicon.media_names


def test_the_plain_word_lists_come_from_the_data_files():
    assert {"remark", "statement", "tweet"} <= lexicon.SPEECH_NOUNS
    assert {"headline", "email", "billboard"} <= lexicon.READ_SUBJECTS
    assert lexicon.NEEDS_IT == {"put"} and "call" in lexicon.QUOTE_ONLY
    assert "so-called" in lexicon.SCARE_BEFORE and "the concept of" in lexicon.SCARE_BEFORE
    assert {"outlet", "newspaper"} <= lexicon.MEDIA_ANAPHORS and "crowd" in lexicon.COLLECTIVE_NOUNS
    assert {"van", "bin", "st."} <= lexicon.NAME_PARTICLES
    assert lexicon.TITLE_GENDER == {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
    assert lexicon.ARTICLES == {"the", "a", "an"}


def test_each_pronoun_set_is_named_once():
    assert lexicon.THIRD_PERSON_SUBJECTS == {"he", "she", "they"}
    assert lexicon.SPEAKING_SUBJECTS == {"he", "she", "they", "we", "i"}
    assert lexicon.RELATIVE_OPENERS == {"who", "whose"}
    assert lexicon.RELATIVE_PRONOUNS == {"who", "that", "which", "whom"}
    assert lexicon.SPEAKER_PRONOUNS >= lexicon.PERSON_PRONOUNS | lexicon.GROUP_PRONOUNS | {"it", "i", "we", "you"}
    assert lexicon.PERSON_GENDER["she"] == "f" and lexicon.PERSON_GENDER["his"] == "m"


@pytest.mark.parametrize("name", ["sourcing", "names", "pronouns"])
def test_every_row_says_why_and_where_from(name):
    with (shipped("words") / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(row["entry"] and row["family"] and row["note"] and row["source"] == "project"
                        for row in rows)


def test_the_cue_keys_match_the_token_arrays():
    doc = spacy.blank("en")("They say concerned things")
    keys = load_sourcing_lexicon().cue_keys
    assert [int(k) in keys for k in doc.to_array("LOWER")] == [False, True, True, False]
