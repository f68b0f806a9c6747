"""framing.records: the plain records the components produce, and the names (families, kinds, classes)
every other part of the toolkit uses."""

from __future__ import annotations

import dataclasses

import pytest

from framing.lexicons.entries import load_lexicon, reporting_verb_classes
from framing.records import (ATTRIBUTED_KINDS, CUE_CLASSES, DEGREE_MODIFIER, EPISTEMIC_MODAL, EVALUATIVE_MODIFIER,
                             FAMILIES, QUOTE_KINDS, QUOTED_KINDS, Marker, Mention, Quote)
from framing.schemas import MARKERS, MENTIONS, QUOTES


def test_the_names_agree_with_the_lexicons():
    entries = load_lexicon()
    assert {e.family for e in entries} == set(FAMILIES)
    assert set(reporting_verb_classes().values()) == set(CUE_CLASSES)
    categories = {e.category for e in entries}
    assert {EPISTEMIC_MODAL, EVALUATIVE_MODIFIER, DEGREE_MODIFIER} <= categories  # the rules have entries


def test_quoted_and_attributed_kinds_split_the_quote_kinds():
    assert set(QUOTED_KINDS) < set(QUOTE_KINDS) and set(ATTRIBUTED_KINDS) < set(QUOTE_KINDS)
    assert set(QUOTED_KINDS) | set(ATTRIBUTED_KINDS) == set(QUOTE_KINDS)
    assert set(QUOTED_KINDS) & set(ATTRIBUTED_KINDS) == {"direct"}  # a scare quote has no speaker


@pytest.mark.parametrize("record, columns", [(Marker, MARKERS), (Quote, QUOTES), (Mention, MENTIONS)])
def test_every_field_of_a_record_is_a_column_of_its_table(record, columns):
    assert set(f.name for f in dataclasses.fields(record)) <= set(columns)


def test_a_marker_is_a_frozen_record_of_the_words_it_covers(blank_nlp):
    text = "Critics slammed the so-called reform."
    [verb, label] = blank_nlp(text)._.framing_markers
    assert label == Marker(start_char=20, end_char=29, text="so-called", lemma="so - called", family="distancing",
                           category="distancing label", entry="so-called", source=label.source)
    assert text[verb.start_char:verb.end_char] == verb.text == "slammed" and not verb.negated
    with pytest.raises(dataclasses.FrozenInstanceError):
        verb.negated = True


def test_a_quote_without_a_speaker_says_so_with_empty_fields():
    text = "He called it a “special operation”."
    scare = Quote(quote_id=1, kind="scare", start_char=16, end_char=33, text="special operation")
    assert text[scare.start_char:scare.end_char] == scare.text
    assert (scare.speaker, scare.speaker_type, scare.cue, scare.cue_class) == ("", "unknown", "", "")
    assert (scare.speaker_start_char, scare.cue_start_char, scare.speaker_inherited) == (-1, -1, False)
