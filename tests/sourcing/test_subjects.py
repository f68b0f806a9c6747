"""The speaker of a cue: subjects, agents, inverted subjects and the words before a cue."""

from __future__ import annotations

import pytest

from framing.sourcing.context import Context
from framing.sourcing.cues import cue_at
from framing.sourcing.lexicon import load_sourcing_lexicon
from framing.sourcing.subjects import speaker_head

from .helpers import only, quotes


def speakers(nlp, text: str) -> list[tuple[str, str]]:
    """(cue lemma, speaker head) of every cue in ``text`` ("" when it has no speaker)."""
    lexicon = load_sourcing_lexicon()
    ctx = Context.of(nlp(text), lexicon)
    found = []
    for token in ctx.doc:
        cue = cue_at(token, lexicon)
        if cue is not None:
            head = speaker_head(ctx, cue)
            found.append((cue.lemma, ctx.doc[head].text if head >= 0 else ""))
    return found


@pytest.mark.parametrize("text, expected", [
    ("The ministry said the border was closed.", [("say", "ministry")]),
    ("The statement is interpreted by experts as a threat.", [("interpret", "experts")]),
    ("The countries risk the fate of Ukraine, according to Vladimir Putin.", [("according to", "Putin")]),
    ("The president met Tokayev, who told a forum that he was ready.", [("tell", "Tokayev")]),
    ("“We are tired,” said Jane Doe.", [("say", "Doe")]),
    ("There was said to be a plan.", [("say", "")]),
])
def test_the_head_of_the_speaker_of_a_cue(nlp, text, expected):
    assert speakers(nlp, text) == expected


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


def test_a_verb_coordinated_with_a_quoted_word_keeps_the_subject(nlp):
    found = quotes(nlp, 'He called it "shameful" and called on leaders "not to feed that dark impulse inside of us."')
    assert [(q.speaker, q.cue) for q in found] == [("He", "called"), ("He", "called on")]
