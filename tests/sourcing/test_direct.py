"""The cue and speaker of a direct quotation, from the words around its marks."""

from __future__ import annotations

import pytest

from framing.sourcing.context import Context
from framing.sourcing.direct import find_cue
from framing.sourcing.lexicon import load_sourcing_lexicon

from .helpers import only, quotes


@pytest.mark.parametrize("text, speaker, cue, quote", [
    ("The minister said,“Look at the facts.”Then he left.", "The minister", "said", "Look at the facts."),
    ("Smith added:“We will not yield.”", "Smith", "added", "We will not yield."),
    ('Jones said,"Nobody asked us."', "Jones", "said", "Nobody asked us."),
])
def test_quotation_marks_glued_to_the_lead_in_still_make_a_direct_quote(nlp, text, speaker, cue, quote):
    found = only(nlp, text, "direct")
    assert (found.text, found.speaker, found.cue) == (quote, speaker, cue)


def test_colon_lead_in(nlp):
    q = only(nlp, "The danger is foreseeable, but Putin points out: “Everyone should know what we have”.")
    assert (q.text, q.speaker, q.cue, q.cue_lemma, q.cue_class) == (
        "Everyone should know what we have", "Putin", "points out", "point out", "endorsing")


def test_trailing_cue_after_a_multi_sentence_quote(nlp):
    q = only(nlp, "“Kazakhstan is already in the Russian sphere. Putin does not need to control it,” "
                  "Alzhanov said.")
    assert q.text.startswith("Kazakhstan is already") and q.text.endswith("control it,")
    assert (q.speaker, q.cue, q.kind) == ("Alzhanov", "said", "direct")


def test_quotes_credited_after_a_dash(nlp):
    text = ("Readers wrote in.\n\n"
            "“The most unqualified child to ever run for president.” ― Francisco Herrero\n"
            "“Maybe we can build a wall around Donald Trump.”― Steve Quinlan.\n"
            "“He does not speak for us.” — Maria Lopez, a nurse in Tucson\n")
    found = [q for q in quotes(nlp, text) if q.kind == "direct"]
    assert [(q.speaker, q.speaker_type, q.cue, q.cue_class) for q in found] == [
        ("Francisco Herrero", "named_person", "\u2015", "neutral"),
        ("Steve Quinlan", "named_person", "\u2015", "neutral"),
        ("Maria Lopez", "named_person", "\u2014", "neutral")]
    assert all(text[q.cue_start_char:q.cue_end_char] == q.cue for q in found)
    assert not any(q.speaker_inherited for q in found)


def test_a_dash_inside_a_sentence_is_not_a_credit(nlp):
    q = only(nlp, "The mayor called the plan “a disgrace” \u2014 Maria Lopez, his rival, left early.", "direct")
    assert q.speaker != "Maria Lopez" and q.cue_lemma != "\u2014"


def test_inverted_trailing_cue(nlp):
    q = only(nlp, "“Nothing we could do now would make a difference,” said Robert Reich, a former "
                  "labor secretary.")
    assert (q.speaker, q.speaker_descriptor, q.cue) == ("Robert Reich", "a former labor secretary", "said")


def test_mixed_marks_leave_the_trailing_cue_outside_the_quote(nlp):
    q = only(nlp, 'Daniel Traynor backed Cruz. "I prefer Kasich,” he said, noting he had backed Rubio.', "direct")
    assert (q.text, q.speaker, q.speaker_resolved, q.cue) == ("I prefer Kasich,", "he", "Daniel Traynor", "said")


@pytest.mark.parametrize("text, speaker, cue", [
    ("“The evidence cannot prove all required elements of the crime,” according to a court document.",
     "a court document", "according to"),
    ("The visit became “the high-water mark in their relationship,” according to Mr. Rhodes.",
     "Mr. Rhodes", "according to"),
    ("“Our political revolution has already forced her to change her mind,” read the email.",
     "the email", "read"),
])
def test_cue_after_the_quote(nlp, text, speaker, cue):
    q = only(nlp, text, "direct")
    assert (q.speaker, q.cue) == (speaker, cue)


def test_a_cue_introducing_the_next_quote_is_not_taken_for_a_trailing_one(nlp):
    found = quotes(nlp, "Clinton responds to Mills with, “Why now? That was on my way to Libya?” Mills then "
                        "writes back, “You look cute.”")
    assert [(q.speaker, q.cue) for q in found] == [("Clinton", "responds"), ("Mills", "writes")]


def test_headline_name_colon_quote(nlp):
    q = quotes(nlp, "Marco Rubio: ‘You Don’t Win By How Many States You Win’\n\nThe senator spoke on "
                    "Tuesday.")[0]
    assert (q.kind, q.speaker_resolved, q.cue) == ("direct", "Marco Rubio", ":")


def test_the_cue_of_a_quote_is_a_named_attribution(nlp):
    text = "“We will rebuild,” the mayor said.\n“He does not speak for us.” — Maria Lopez\n"
    ctx = Context.of(nlp(text), load_sourcing_lexicon())
    trailing, credit = (find_cue(ctx, quote) for quote in ctx.marks)
    assert (trailing.cue.lemma, ctx.doc[trailing.speaker].text, trailing.cue_span) == ("say", "mayor", None)
    assert (credit.cue.lemma, ctx.doc[credit.speaker].text) == ("\u2014", "Lopez")
    assert text[slice(*credit.cue_span)] == "\u2014"


def test_a_name_the_tagger_read_as_a_verb_still_speaks(nlp):
    doc = nlp("Headline\n\nThe U.S. Department of Justice is investigating the shooting.\n“I will just make this "
              "promise to you: We will achieve justice in this case,” Tulsa police Chief Chuck Jordan said Monday. "
              "“I want to assure our community.”")
    assert [(q.speaker_resolved.split()[-1], q.cue, q.cue_inherited) for q in doc._.framing_quotes] == [
        ("Jordan", "said", False), ("Jordan", "said", True)]


def test_a_quoted_nickname_is_part_of_the_name_not_a_quotation(nlp):
    doc = nlp('Headline\n\n"This is a big year for our senator!" his niece, state Del. Marcia "Cia" Price, shouted '
              'to the crowd. "The nation is watching Virginia."')
    quotes = doc._.framing_quotes
    assert [q.text for q in quotes] == ["This is a big year for our senator!", "The nation is watching Virginia."]
    assert [(q.cue, q.cue_inherited) for q in quotes] == [("shouted", False), ("shouted", True)]


def test_a_transcript_label_opening_a_quotation_is_its_speaker(nlp):
    doc = nlp('Headline\n\nTwo questions: Why would he do that?\n\n"PENCE: Well, look, this is serious business."')
    assert [(q.speaker, q.cue, q.text) for q in doc._.framing_quotes] == [
        ("PENCE", ":", "Well, look, this is serious business.")]  # the label is the speaker, not the words
    doc = nlp("Headline\n\n“BREAKING: The senate passed the bill,” the network wrote.")
    assert [(q.speaker, q.cue) for q in doc._.framing_quotes] == [("the network", "wrote")]


def test_a_transcript_quoted_paragraph_by_paragraph_gives_each_speaker_their_words(nlp):
    # each paragraph opens a quotation that is never closed: one speaker's words end where the next
    # label starts, a quote inside a paragraph stays inside it
    doc = nlp('Partial transcript as follows:\n\n"WALLACE: Why would Trump do that? Will she be there?\n\n'
              '"PENCE: Well, look, she thinks this is an episode of “Shark Tank.” But this is serious.\n\n'
              '"WALLACE: But, Governor, I have to ask you.')
    assert [(q.speaker, q.cue, q.text) for q in doc._.framing_quotes] == [
        ("WALLACE", ":", "Why would Trump do that? Will she be there?"),
        ("PENCE", ":", "Well, look, she thinks this is an episode of “Shark Tank.” But this is serious."),
        ("WALLACE", ":", "But, Governor, I have to ask you.")]
    # without labels, a quotation going on over paragraphs is still one
    doc = nlp('Headline\n\nShe said: "We will win this.\n\n"And we will win the next one."')
    assert [q.text for q in doc._.framing_quotes] == ["We will win this.\n\n\"And we will win the next one."]


def test_a_verb_further_on_in_the_sentence_credits_no_one(nlp):
    # the speaker named before the quote is its speaker; "(think Brexit)" is no inverted credit
    text = ("Given the efforts of the European Union -- which Apple's chief executive, Tim Cook, called ''total "
            "political crap'' -- one question is whether companies will risk shifting tax rules in Europe "
            "(think Brexit, for example).")
    quote = only(nlp, "Headline\n\n" + text, "direct")
    assert (quote.text, quote.speaker, quote.cue) == ("total political crap", "Tim Cook", "called")
    # an inverted speaker right after the quote and its cue still speaks
    quote = only(nlp, "Headline\n\n“We are ready,” said Senator Jane Smith on Tuesday.", "direct")
    assert (quote.speaker_resolved, quote.cue) == ("Jane Smith", "said")
