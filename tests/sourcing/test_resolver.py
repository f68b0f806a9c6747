"""The actor a speaker refers to: full names, pronouns, outlets."""

from __future__ import annotations

from framing.sourcing.context import Context
from framing.sourcing.lexicon import load_sourcing_lexicon
from framing.sourcing.resolver import NameResolver, speaker_of

from .helpers import only, quotes


def test_pronoun_and_short_name_resolution(nlp):
    text = ("Vladimir Putin spoke at the forum. Putin would promptly hit back, “This is historical Russia.” "
            "He then added: “They wouldn’t be our allies.”")
    first, second = quotes(nlp, text)
    assert (first.speaker, first.speaker_resolved, first.cue_class) == ("Putin", "Vladimir Putin", "emotive")
    assert (second.speaker, second.speaker_resolved) == ("He", "Vladimir Putin")


def test_a_pronoun_skips_a_person_titled_with_the_other_gender(nlp):
    q = only(nlp, "Mrs. Clinton echoed the criticism at the rally. Mr. Trump, she said, “is not in it for the "
                  "American people.”", "direct")
    assert (q.speaker, q.speaker_resolved) == ("she", "Clinton")


def test_a_title_case_headline_is_not_taken_for_a_full_name(nlp):
    # the recogniser reads "Glenn Beck Blasts Drudge" in the headline as one person
    text = "Glenn Beck Blasts Drudge for Mocking Cruz\n\nThe host was angry. “This is a disgrace,” Beck said.\n"
    assert only(nlp, text).speaker_resolved == "Beck"


def test_short_name_takes_the_credential_of_the_full_name(nlp):
    text = ("Other analysts, such as Dimash Alzhanov, a Kazakh political scientist, were skeptical. "
            "“Putin does not need to restore the borders,” Alzhanov said.")
    q = only(nlp, text)
    assert (q.speaker_resolved, q.speaker_descriptor) == ("Dimash Alzhanov", "a Kazakh political scientist")


def test_the_outlet_refers_back_to_the_newspaper(nlp):
    text = ("The Telegraph published a piece over the weekend wherein the outlet claimed that the leader "
            "threatened Kazakhstan.")
    q = only(nlp, text)
    assert (q.speaker, q.speaker_resolved, q.speaker_type, q.cue_class) == (
        "the outlet", "The Telegraph", "media", "distancing")


# --- the resolver on its own ------------------------------------------------------------------------


def test_a_short_name_resolves_to_the_full_name(nlp):
    doc = nlp("Vladimir Putin spoke at the forum on Friday. Later Putin said the talks went well.")
    names = NameResolver(doc, load_sourcing_lexicon())
    assert names.person_name("Putin") == "Vladimir Putin" and names.person_name("Putin’s") == "Vladimir Putin"
    assert names.full_names == {"vladimir": "Vladimir Putin", "putin": "Vladimir Putin"}
    assert [(i, name, subject) for i, name, subject in names.persons] == [
        (0, "Vladimir Putin", True), (10, "Vladimir Putin", True)]


def test_names_only_collects_the_full_names_and_nothing_else(nlp):
    doc = nlp("Vladimir Putin spoke at the forum on Friday. Later Putin said the talks went well.")
    names = NameResolver(doc, load_sourcing_lexicon(), names_only=True)
    assert names.person_name("Putin") == "Vladimir Putin" and names.persons == []


def test_the_alias_table_merges_spellings(nlp):
    doc = nlp("Tokaev said the areas were not recognised.")
    names = NameResolver(doc, load_sourcing_lexicon(), {"tokaev": "Kassym-Jomart Tokayev"})
    assert names.person_name("Tokaev") == "Kassym-Jomart Tokayev" and names.alias("Astana") == "Astana"


def test_a_pronoun_after_mr_and_mrs_finds_the_person_of_its_gender(nlp):
    doc = nlp("Mrs. Clinton echoed the criticism. Mr. Trump spoke later. She said it was wrong.")
    names = NameResolver(doc, load_sourcing_lexicon())
    she = next(t.i for t in doc if t.text == "She")
    assert names.genders == {"Clinton": "f", "Trump": "m"}
    assert names.last_person(she, "f")[0] == "Clinton" and names.last_person(she, "m")[0] == "Trump"


def test_the_newspaper_is_the_last_outlet_named(nlp):
    doc = nlp("The Telegraph published a report on Sunday. The newspaper said the border was closed.")
    ctx = Context.of(doc, load_sourcing_lexicon())
    names = NameResolver(doc, ctx.lexicon, {}, ctx.in_quote, ctx.ents)
    speaker = speaker_of(next(t for t in doc if t.text == "newspaper"), names, cue_family={"speech"})
    assert (speaker.text, speaker.resolved, speaker.type) == ("The newspaper", "The Telegraph", "media")
    assert doc.text[speaker.start_char:speaker.end_char] == "The newspaper"


def test_an_expletive_is_no_speaker(nlp):
    doc = nlp("There was a report that the border was closed.")
    names = NameResolver(doc, load_sourcing_lexicon())
    assert speaker_of(doc[0], names, cue_family={"speech"}) is None


def test_a_pronoun_after_a_role_noun_is_that_person(nlp):
    doc = nlp("The minister slammed the plan. “This is a betrayal,” she told reporters.")
    quote = next(q for q in doc._.framing_quotes if q.kind == "direct")
    assert (quote.speaker, quote.speaker_resolved, quote.cue) == ("she", "The minister", "told")


def test_a_pronoun_skips_a_role_noun_of_the_other_gender(nlp):
    doc = nlp("Anna Berg spoke first. The spokesman declined to comment. “We will appeal,” she said.")
    quote = next(q for q in doc._.framing_quotes if q.kind == "direct")
    assert quote.speaker_resolved == "Anna Berg"
