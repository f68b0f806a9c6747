"""The sourcing component: quotation marks, cues, speakers, kinds; the seed annotations; robustness."""

from __future__ import annotations

import csv

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.errors import InputError
from framing.sourcing import SourcingExtractor, find_quotation_marks, find_quotes
from framing.aliases import read_aliases
from framing.sourcing.lexicon import load_sourcing_lexicon

from conftest import ANNOTATIONS, KRONE, ONEWORLD

FIELDS = ("kind", "text", "speaker", "speaker_resolved", "speaker_type", "speaker_descriptor", "cue",
          "cue_lemma", "cue_class")


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotation_marks(text)]


def quotes(nlp, text: str):
    return nlp(text)._.framing_quotes


def only(nlp, text: str, kind: str | None = None):
    found = [q for q in quotes(nlp, text) if kind is None or q.kind == kind]
    assert len(found) == 1, found
    return found[0]


# --- quotation marks (no model needed) ---------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("He said “curly quotes” here.", ["curly quotes"]),
    ('He said "straight quotes" here.', ["straight quotes"]),
    ("The headline: ‘You’re part of historic Russia’ ran.", ["You’re part of historic Russia"]),
    ("She said 'single straight' twice.", ["single straight"]),
    ("Er sagte «Guillemets» und »umgekehrt« dazu.", ["Guillemets", "umgekehrt"]),
    ("Er sagte „unten und oben“ dazu.", ["unten und oben"]),
    ("“Outer ‘inner’ outer,” she said.", ["Outer ‘inner’ outer,"]),
    ("''Newswire style,'' he said.", ["Newswire style,"]),
    ('He said,"glued open" and "glued close,"then more.', ["glued open", "glued close,"]),
])
def test_quotation_mark_styles(text, expected):
    assert quoted(text) == expected


def test_mixed_straight_and_curly_marks_pair_up():
    # editors that curl only some marks leave "…,” and “…," in the text
    assert quoted('"I prefer Kasich,” he said. “We lost," she said. A 12" pipe.') == [
        "I prefer Kasich,", "We lost,"]


def test_apostrophes_are_not_quotation_marks():
    text = "Putin’s ally didn’t say the players' union was O'Malley's ‘own goal’."
    assert quoted(text) == ["own goal"]


def test_a_quote_running_over_paragraphs_ends_at_its_closing_mark():
    text = "He said: “First paragraph of the speech.\n\n“Second paragraph,” he added.\n\nAfter."
    assert quoted(text) == ["First paragraph of the speech.\n\n“Second paragraph,"]


def test_a_stray_opening_mark_never_swallows_the_next_paragraph():
    text = "A stray “mark opens here and never closes.\n\nThe next paragraph has “a quote” in it."
    assert quoted(text) == ["mark opens here and never closes.", "a quote"]


def test_stray_closing_marks_and_markup_are_ignored():
    text = 'Twelve” of rain, a 12"x8" frame and <tweet author="realDonaldTrump">text</tweet>.'
    assert quoted(text) == []


def test_an_opening_glyph_used_to_close_still_closes():
    assert quoted("to conduct an “expedited review“ of Flint’s water and “a second” one") == [
        "expedited review", "a second"]


# --- direct quotations ------------------------------------------------------------------------------


@pytest.mark.parametrize("text, speaker, cue, quote", [
    ("The minister said,“Look at the facts.”Then he left.", "The minister", "said", "Look at the facts."),
    ("Smith added:“We will not yield.”", "Smith", "added", "We will not yield."),
    ('Jones said,"Nobody asked us."', "Jones", "said", "Nobody asked us."),
])
def test_quotation_marks_glued_to_the_lead_in_still_make_a_direct_quote(nlp, text, speaker, cue, quote):
    found = only(nlp, text, "direct")
    assert (found.text, found.speaker, found.cue) == (quote, speaker, cue)


def test_split_quote_shares_speaker_and_cue(nlp):
    found = quotes(nlp, "“We are ready,” Smith said, “and we will win.”")
    assert [q.text for q in found] == ["We are ready,", "and we will win."]
    assert all(q.speaker == "Smith" and q.cue == "said" for q in found)


def test_split_quote_across_sentences_shares_the_cue(nlp):
    found = quotes(nlp, "“We are ready,” Maria Lopez said. “We will win the vote next week.”")
    assert [q.speaker_resolved for q in found] == ["Maria Lopez", "Maria Lopez"]
    assert [q.cue for q in found] == ["said", "said"]
    assert not found[1].speaker_inherited


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
    # a long apposition between the closing mark and the verb
    ("“Very good reporter, this guy,” Trump, the 2016 GOP frontrunner and current polling leader in South "
     "Carolina by a wide margin after winning the New Hampshire primaries, said when Boyle asked him.",
     "Trump", "said"),
    # the parse leaves the verb without a subject: the name before the parenthetical speaks
    ("The issue came up after Mr. Trump, asked about the deaths of journalists under Mr. Putin, had said, "
     "“I think our country does plenty of killing also.”", "Mr. Trump", "said"),
    # a name the tagger takes for an adverb, after an inverted cue
    ("“Having access to the file is valuable,” said Skelly, explaining he worked with Chrabaszcz.",
     "Skelly", "said"),
    # ... and before the verb
    ("Informed of the district’s anti-Trump lean, Early described it as “news to me.”", "Early", "described"),
    # a modifier opening an inverted subject
    ('"I am not going to say it is a mistake," said retired neurosurgeon Ben Carson, asked about his claims.',
     "retired neurosurgeon Ben Carson", "said"),
    # a participle after a quote takes an object, not an inverted subject
    ("She brandished a few retail touches, describing her christening “at the Methodist church on Court "
     "Street,” recalling summer visits to Lake Winola.", "She", "describing"),
    # a colon ending the clause that introduces the quote on the same line: its subject speaks
    ("A footnote in the report makes that clear: “These assessments do not apply to the system.”",
     "A footnote in the report", "makes"),
    # verbs of saying beyond "say": a reply, a label, a manner of speaking
    ("“France will always be France,” an angry Hollande retaliated.", "an angry Hollande", "retaliated"),
    ("A friend referred to him as “the most beautiful soul I have ever met.”", "A friend", "referred to"),
    ("He held up the sign and waved it around, mouthing “thank you” toward the audience.", "He", "mouthing"),
    ("“There are invertebrates that have shown more spine than Sen. Charles Grassley,” reads a Wednesday "
     "editorial in The Des Moines Register.", "a Wednesday editorial in The Des Moines Register", "reads"),
    ("“An awful lot of analysts said no, and she took it upon herself to prove them wrong,” remembered Roy "
     "Verley, the former chief spokesman.", "Roy Verley", "remembered"),
    # a name the parse folds into a noun phrase with the verb ("Conway notes")
    ('"Look at the statement he put out after the shootings," Conway notes.', "Conway", "notes"),
    # a name in apposition set off by commas, which the parse hangs on the wrong noun
    ("In a statement to the Observer, her senior policy adviser, Jake Sullivan, said: “Hillary Clinton "
     "believes that transatlantic cooperation is essential.”", "Jake Sullivan", "said"),
    ("He called it shameful and called on leaders “not to feed that dark impulse inside of us.”", "He",
     "called on"),
    # the verb of saying hangs on an adverb ("so far as to say")
    ("The Slate columnist David Auerbach went so far as to say: “Twitter as we know it is over.”",
     "David Auerbach", "say"),
    # a colon after the object of the verb that introduces the quote
    ("Senate Majority Leader Mitch McConnell, R-Ky., delivered a blunt message to Trump: \"It's time to quit "
     "attacking various people and get on message.\"", "Senate Majority Leader Mitch McConnell", "delivered"),
    ("“They’re all here because he’s promising them free stuff,” Bennett shot back with a laugh.",
     "Bennett", "shot back"),
    # a relative clause between the speaker and the verb, which the parse leaves without a subject
    ("Although there is no overlap with Sanders's team, a White House official who spoke anonymously to "
     "discuss internal strategy said Wednesday, \"Certainly there are discussions.\"",
     "a White House official", "said"),
    # verbs of the manner of speaking
    ("“This is fantastic!” beamed Mary Susan, a delegate from Minnesota.", "Mary Susan", "beamed"),
])
def test_speaker_and_cue_across_parenthetical_words(nlp, text, speaker, cue):
    q = only(nlp, text, "direct")
    assert (q.speaker, q.cue) == (speaker, cue)


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


def test_headline_quote_has_no_invented_speaker(nlp):
    q = quotes(nlp, "“Clear Warning” – Does Kazakhstan Face the Same Fate?\n\nThe body of the article.")[0]
    assert (q.kind, q.text, q.speaker, q.speaker_type) == ("direct", "Clear Warning", "", "unknown")


def test_headline_name_colon_quote(nlp):
    q = quotes(nlp, "Marco Rubio: ‘You Don’t Win By How Many States You Win’\n\nThe senator spoke on "
                    "Tuesday.")[0]
    assert (q.kind, q.speaker_resolved, q.cue) == ("direct", "Marco Rubio", ":")


def test_subheading_quote_takes_the_speaker_of_its_section(nlp):
    text = ("The threat was discussed at length in the capital on Friday.\n\n“It’s a clear threat”\n"
            "Maximilian Hess, an associate of the Foreign Policy Research Institute, also said, "
            "“This is a clear threat.”")
    heading, body = quotes(nlp, text)
    assert heading.text == "It’s a clear threat" and heading.speaker_resolved == "Maximilian Hess"
    assert heading.speaker_inherited and heading.cue == ""
    assert body.speaker_descriptor == "an associate of the Foreign Policy Research Institute"


def test_quote_without_cue_inherits_the_previous_speaker(nlp):
    text = ("“The plan is dead,” Senator Jane Miller told reporters on Monday.\n\n"
            "“Nobody in this building wants to vote for it, and everybody knows that.”")
    first, second = quotes(nlp, text)
    assert first.speaker_resolved == "Jane Miller" and not first.speaker_inherited
    assert (second.speaker_resolved, second.speaker_inherited, second.cue) == ("Jane Miller", True, "")


def test_a_verb_coordinated_with_a_quoted_word_keeps_the_subject(nlp):
    found = quotes(nlp, 'He called it "shameful" and called on leaders "not to feed that dark impulse inside of us."')
    assert [(q.speaker, q.cue) for q in found] == [("He", "called"), ("He", "called on")]


def test_quote_after_reported_speech_takes_its_cue(nlp):
    text = ("The senator says people should be free to choose. “It is their life, and nobody should decide.”\n\n"
            "“It was a long night,” she said, referring to the vote. “We won.”")
    found = [(q.kind, q.speaker, q.cue, q.speaker_inherited) for q in quotes(nlp, text)]
    assert found[:2] == [("indirect", "The senator", "says", False), ("direct", "The senator", "says", False)]
    # a participle after a quote ("referring to") does not introduce the next part of that quote
    last = quotes(nlp, text)[-1]
    assert (last.text, last.speaker, last.cue) == ("We won.", "she", "")


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


# --- scare quotes -----------------------------------------------------------------------------------


def test_so_called_quote_is_scare(nlp):
    q = only(nlp, "They don’t function as a so-called “fifth column” in the region.")
    assert (q.kind, q.text, q.speaker, q.cue) == ("scare", "fifth column", "", "")


def test_short_quoted_phrase_without_speaker_is_scare(nlp):
    q = only(nlp, "The respect shown to them makes for a “politically inconvenient” contrast with Ukraine.")
    assert (q.kind, q.speaker_type) == ("scare", "unknown")


# --- indirect speech ----------------------------------------------------------------------------------


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


def test_according_to_opening_the_sentence_credits_a_quote_inside_it(nlp):
    found = [q for q in quotes(nlp, "According to Trump, he was once part of the establishment, but is now “the "
                                    "worst thing that ever happened to the establishment.”") if q.kind == "direct"]
    assert [(q.speaker, q.cue) for q in found] == [("Trump", "According to")]


def test_accused_x_of_y(nlp):
    q = only(nlp, "Russian Foreign Minister Sergei Lavrov accused Kazakhstan of hosting biological labs.")
    assert (q.kind, q.text) == ("indirect", "Kazakhstan of hosting biological labs")
    assert (q.speaker_resolved, q.speaker_descriptor, q.cue_class) == (
        "Sergei Lavrov", "Russian Foreign Minister", "assertive")


def test_emphasizes_that(nlp):
    q = only(nlp, "Russia repeatedly emphasizes that it has no right of first attack.")
    assert (q.text, q.speaker, q.speaker_type, q.cue_class) == (
        "it has no right of first attack", "Russia", "organization", "assertive")


def test_indirect_overlapping_a_quote_leaves_the_quote(nlp):
    found = quotes(nlp, "Morris says the campaign will “compete vigorously for the nomination.”")
    assert [(q.kind, q.text, q.speaker) for q in found] == [
        ("direct", "compete vigorously for the nomination.", "Morris")]


# --- speakers ---------------------------------------------------------------------------------------


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


def test_an_age_is_not_a_credential(nlp):
    q = only(nlp, "“We are tired,” said Jane Doe, 34, a teacher in Ohio.")
    assert (q.speaker, q.speaker_descriptor) == ("Jane Doe", "a teacher in Ohio")


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


def test_cue_classes(nlp):
    classes = {q.cue_lemma: q.cue_class for q in quotes(nlp, (
        "Lopez insisted that the vote was fair. Brown claimed that it was rigged. "
        "Green noted that turnout was high. Smith said that it was over. "
        "President Putin spoke the truth when saying that the union was historic Russia."))}
    assert classes == {"insist": "assertive", "claim": "distancing", "note": "endorsing", "say": "neutral",
                       "speak the truth": "endorsing"}


# --- aliases ----------------------------------------------------------------------------------------


def test_alias_table_merges_spellings(nlp, tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("alias,canonical\nTokaev,Kassym-Jomart Tokayev\nTokayev,Kassym-Jomart Tokayev\n",
                    encoding="utf-8")
    doc = nlp("Tokaev said the areas were not recognised. Later Tokayev said the talks went well.")
    plain = [q.speaker_resolved for q in SourcingExtractor().find(doc)]
    merged = [q.speaker_resolved for q in find_quotes(doc, aliases=path)]
    assert plain == ["Tokaev", "Tokayev"]
    assert merged == ["Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev"]


def test_pipeline_takes_the_alias_file_from_its_config(tmp_path):
    from framing.pipeline.model import load_pipeline

    path = tmp_path / "aliases.csv"
    path.write_text("alias,canonical\nTokaev,Kassym-Jomart Tokayev\n", encoding="utf-8")
    nlp = load_pipeline(extractors=["sourcing"], aliases=path)
    q = only(nlp, "Tokaev said the areas were not recognised.")
    assert q.speaker_resolved == "Kassym-Jomart Tokayev"


@pytest.mark.parametrize("content, problem, line", [
    ("name,other\nA,B\n", "header alias,canonical", 1),
    ("alias,canonical\nA,B\n,C\n", "empty alias or canonical", 3),
    ("alias,canonical\nA,B\nA,C\n", "two canonical names", 3),
    ("alias,canonical\nA\n", "cell(s) where 2 are needed", 2),
])
def test_bad_alias_file_names_file_and_line(tmp_path, content, problem, line):
    path = tmp_path / "aliases.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_aliases(path)
    assert problem in str(error.value) and error.value.line == line and str(path) in str(error.value)


def test_missing_alias_file(tmp_path):
    with pytest.raises(InputError, match="alias file not found"):
        read_aliases(tmp_path / "nope.csv")


# --- the component ----------------------------------------------------------------------------------


def test_component_is_in_the_pipeline_and_leaves_the_doc_alone(nlp):
    assert "framing_sourcing" in nlp.pipe_names
    text = "“We are ready,” Smith said. Officials claimed that the vote was rigged."
    doc = nlp(text)
    before = [(t.text, t.dep_, t.head.i, t.ent_type_) for t in doc]
    again = nlp.get_pipe("framing_sourcing")(doc)
    assert [(t.text, t.dep_, t.head.i, t.ent_type_) for t in again] == before
    found = again._.framing_quotes
    assert [q.quote_id for q in found] == [1, 2]
    assert [q.start_char for q in found] == sorted(q.start_char for q in found)


def test_blank_pipeline_still_finds_quotations():
    nlp = spacy.blank("en")
    nlp.add_pipe("framing_sourcing")
    found = nlp("He said: “This is a complete sentence from the speaker.” It was a “label” then.")._.framing_quotes
    assert [(q.kind, q.text) for q in found] == [
        ("direct", "This is a complete sentence from the speaker."), ("scare", "label")]


def test_word_lists_load_with_classes_from_the_reporting_verb_lexicon():
    lexicon = load_sourcing_lexicon()
    assert "speech" in lexicon.families("say") and lexicon.cue_class("claim") == "distancing"
    assert lexicon.speaker_nouns["observer"] == "anonymous" and "telegraph" in lexicon.media_names


# --- the seed articles ------------------------------------------------------------------------------


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


# --- robustness -------------------------------------------------------------------------------------

MARKS = "\"'“”‘’«»„‚‹›`"
PIECES = list(MARKS) + list("abc XYZ.,:;!?-—\n") + ["said", " he ", "Smith ", "that ", "according to "]
TEXT = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_quotation_marks_never_raise_and_never_overlap(text):
    marks = find_quotation_marks(text)
    last = -1
    for q in marks:
        assert 0 <= q.open < q.start < q.end <= len(text)
        assert q.close == -1 or q.end <= q.close < len(text)
        assert q.open > last
        last = q.close if q.close >= 0 else q.end


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT)
def test_component_never_raises_and_spans_stay_inside_the_text(nlp, text):
    found = nlp(text)._.framing_quotes
    assert [q.quote_id for q in found] == list(range(1, len(found) + 1))
    end = -1
    for q in found:
        assert 0 <= q.start_char < q.end_char <= len(text)
        assert text[q.start_char:q.end_char] == q.text
        assert q.start_char >= end  # sorted and never overlapping
        end = q.end_char
        for start, stop in ((q.speaker_start_char, q.speaker_end_char), (q.cue_start_char, q.cue_end_char)):
            assert (start, stop) == (-1, -1) or 0 <= start < stop <= len(text)
