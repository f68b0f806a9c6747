"""The speaker as written: its noun phrase, credential and type."""

from __future__ import annotations

import pytest

from framing.sourcing.lexicon import load_sourcing_lexicon
from framing.sourcing.speakers import (clean_name, descriptor_of, is_media_name, looks_like_name,
                                       name_span, speaker_type, strip_determiner)

from .helpers import only


def test_an_age_is_not_a_credential(nlp):
    q = only(nlp, "“We are tired,” said Jane Doe, 34, a teacher in Ohio.")
    assert (q.speaker, q.speaker_descriptor) == ("Jane Doe", "a teacher in Ohio")


@pytest.mark.parametrize("sentence, speaker, kind", [
    ("An observer in Nur-Sultan said the threat was real.", "An observer in Nur-Sultan", "anonymous"),
    ("Unnamed officials said the talks had failed.", "Unnamed officials", "anonymous"),
    ("Many are concerned that the war could spread.", "many", "anonymous"),
    ("Moscow has always rejected this intention.", "Moscow", "organization"),
    ("The ministry said the border was closed.", "The ministry", "organization"),
    ("Reuters reported that the border was closed.", "Reuters", "media"),
    ("Voters said they wanted a change.", "Voters", "group"),
    ("Senator Jane Miller said the plan was dead.", "Senator Jane Miller", "named_person"),
])
def test_speaker_types(nlp, sentence, speaker, kind):
    q = only(nlp, sentence)
    assert (q.speaker.lower(), q.speaker_type) == (speaker.lower(), kind)


# --- the noun phrase, its credential and type, read from the parse ------------------------------------


def head_of(doc, word: str):
    return next(t for t in doc if t.text == word)


def test_a_name_loses_its_possessive_ending_and_punctuation():
    assert [clean_name(n) for n in ("Putin’s", "“Tokayev,”", "players'")] == ["Putin", "Tokayev", "players"]


@pytest.mark.parametrize("text, expected", [
    ("Ludwig van Beethoven", True),
    ("Kassym-Jomart Tokayev", True),
    ("Glenn Beck Blasts Drudge for Mocking Cruz", False),
    ("Perfect Enough: Carly Fiorina", False),
])
def test_a_personal_name_is_short_and_capitalised(text, expected):
    assert looks_like_name(text) is expected


def test_the_name_leaves_out_the_apposition_which_is_the_credential(nlp):
    doc = nlp("Maximilian Hess, an associate of the Foreign Policy Research Institute, said the threat was clear.")
    hess = head_of(doc, "Hess")
    assert name_span(hess).text == "Maximilian Hess"
    assert descriptor_of(hess, name_span(hess)) == "an associate of the Foreign Policy Research Institute"


def test_the_title_before_a_name_is_the_credential(nlp):
    doc = nlp("Russian Foreign Minister Sergei Lavrov said the labs were dangerous.")
    lavrov = head_of(doc, "Lavrov")
    assert descriptor_of(lavrov, name_span(lavrov)) == "Russian Foreign Minister"


@pytest.mark.parametrize("sentence, head, kind", [
    ("A member of the party said the vote was rigged.", "member", "anonymous"),
    ("The crowd chanted that the vote was rigged.", "crowd", "group"),
    ("The ministry said the border was closed.", "ministry", "organization"),
])
def test_a_singular_group_noun_is_one_anonymous_person_unless_it_is_collective(nlp, sentence, head, kind):
    token = head_of(nlp(sentence), head)
    assert speaker_type(token, name_span(token), load_sourcing_lexicon(), {}) == kind


def test_outlet_names_and_articles():
    lexicon = load_sourcing_lexicon()
    assert is_media_name("The Telegraph", lexicon) and not is_media_name("Vladimir Putin", lexicon)
    assert strip_determiner("the ministry") == "ministry" and strip_determiner("The") == "The"
