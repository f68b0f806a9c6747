"""The whole-document pass: scare quotes, overlaps, inheritance, split quotes; the seed annotations."""

from __future__ import annotations

import csv

import pytest

from conftest import ANNOTATIONS, KRONE, ONEWORLD

from .helpers import only, quotes

FIELDS = ("kind", "text", "speaker", "speaker_resolved", "speaker_type", "speaker_descriptor", "cue",
          "cue_lemma", "cue_class")


def test_so_called_quote_is_scare(nlp):
    q = only(nlp, "They don’t function as a so-called “fifth column” in the region.")
    assert (q.kind, q.text, q.speaker, q.cue) == ("scare", "fifth column", "", "")


def test_short_quoted_phrase_without_speaker_is_scare(nlp):
    q = only(nlp, "The respect shown to them makes for a “politically inconvenient” contrast with Ukraine.")
    assert (q.kind, q.speaker_type) == ("scare", "unknown")


def test_indirect_overlapping_a_quote_leaves_the_quote(nlp):
    found = quotes(nlp, "Morris says the campaign will “compete vigorously for the nomination.”")
    assert [(q.kind, q.text, q.speaker) for q in found] == [
        ("direct", "compete vigorously for the nomination.", "Morris")]


def test_split_quote_shares_speaker_and_cue(nlp):
    found = quotes(nlp, "“We are ready,” Smith said, “and we will win.”")
    assert [q.text for q in found] == ["We are ready,", "and we will win."]
    assert all(q.speaker == "Smith" and q.cue == "said" for q in found)


def test_split_quote_across_sentences_shares_the_cue(nlp):
    found = quotes(nlp, "“We are ready,” Maria Lopez said. “We will win the vote next week.”")
    assert [q.speaker_resolved for q in found] == ["Maria Lopez", "Maria Lopez"]
    assert [q.cue for q in found] == ["said", "said"]
    assert not found[1].speaker_inherited


def test_headline_quote_has_no_invented_speaker(nlp):
    q = quotes(nlp, "“Clear Warning” – Does Kazakhstan Face the Same Fate?\n\nThe body of the article.")[0]
    assert (q.kind, q.text, q.speaker, q.speaker_type) == ("direct", "Clear Warning", "", "unknown")


def test_subheading_quote_takes_the_speaker_of_its_section(nlp):
    text = ("The threat was discussed at length in the capital on Friday.\n\n“It’s a clear threat”\n"
            "Maximilian Hess, an associate of the Foreign Policy Research Institute, also said, "
            "“This is a clear threat.”")
    heading, body = quotes(nlp, text)
    assert heading.text == "It’s a clear threat" and heading.speaker_resolved == "Maximilian Hess"
    assert heading.speaker_inherited and heading.cue_inherited and heading.cue == "said"
    assert body.speaker_descriptor == "an associate of the Foreign Policy Research Institute"


def test_quote_without_cue_inherits_the_previous_speaker(nlp):
    text = ("“The plan is dead,” Senator Jane Miller told reporters on Monday.\n\n"
            "“Nobody in this building wants to vote for it, and everybody knows that.”")
    first, second = quotes(nlp, text)
    assert first.speaker_resolved == "Jane Miller" and not first.speaker_inherited
    assert (second.speaker_resolved, second.speaker_inherited, second.cue) == ("Jane Miller", True, "told")
    assert second.cue_inherited and not first.cue_inherited


def test_quote_after_reported_speech_takes_its_cue(nlp):
    text = ("The senator says people should be free to choose. “It is their life, and nobody should decide.”\n\n"
            "“It was a long night,” she said, referring to the vote. “We won.”")
    found = [(q.kind, q.speaker, q.cue, q.speaker_inherited) for q in quotes(nlp, text)]
    assert found[:2] == [("indirect", "The senator", "says", False), ("direct", "The senator", "says", False)]
    # a participle after a quote ("referring to") does not introduce the next part of that quote: the
    # quote goes on from the one before, with its speaker and cue
    last = quotes(nlp, text)[-1]
    assert (last.text, last.speaker, last.cue, last.speaker_inherited, last.cue_inherited) == \
        ("We won.", "she", "said", True, True)


def _annotations(name: str) -> list[dict[str, str]]:
    with (ANNOTATIONS / f"quotes_{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("name, doc_id", [("krone", KRONE), ("oneworld", ONEWORLD)])
def test_seed_quotes_match_the_annotations(seed_docs, name, doc_id):
    expected = _annotations(name)
    found = seed_docs[doc_id]._.framing_quotes
    assert [q.text for q in found] == [row["text"] for row in expected]
    for row, quote in zip(expected, found):
        for field in FIELDS:
            assert getattr(quote, field) == row[field], (row["text"], field)
        assert quote.speaker_inherited == (row["speaker_inherited"] == "yes"), row["text"]
        assert quote.cue_inherited == (row["cue_inherited"] == "yes"), row["text"]


@pytest.mark.parametrize("doc_id", [KRONE, ONEWORLD])
def test_seed_spans_point_into_the_text(seed_docs, doc_id):
    doc = seed_docs[doc_id]
    for q in doc._.framing_quotes:
        assert doc.text[q.start_char:q.end_char] == q.text
        if q.speaker_start_char >= 0:
            assert doc.text[q.speaker_start_char:q.speaker_end_char] == q.speaker
        if q.cue_start_char >= 0:
            assert doc.text[q.cue_start_char:q.cue_end_char] == q.cue


def test_seed_sourcing_contrast(seed_docs):
    """Krone lets a named analyst speak; OneWorld has the Telegraph 'claim' and quotes unnamed observers."""
    krone = seed_docs[KRONE]._.framing_quotes
    oneworld = seed_docs[ONEWORLD]._.framing_quotes
    assert any(q.speaker_resolved == "Maximilian Hess" and q.text == "This is a clear threat." for q in krone)
    assert any(q.speaker_resolved == "The Telegraph" and q.cue_class == "distancing" for q in oneworld)
    assert any(q.speaker == "unnamed observers in Nur-Sultan" and q.speaker_type == "anonymous"
               for q in oneworld)


def test_every_quote_with_a_speaker_has_the_cue_that_credits_it(nlp):
    text = "“We will not sign,” the minister said. “Not this year.”\n\n“Nor the next,” she added. “Never.”"
    found = [(q.text, q.speaker_resolved, q.cue, q.speaker_inherited, q.cue_inherited) for q in quotes(nlp, text)]
    assert found == [("We will not sign,", "the minister", "said", False, False),
                     ("Not this year.", "the minister", "said", False, True),
                     ("Nor the next,", "the minister", "added", False, False),
                     ("Never.", "the minister", "added", False, True)]
