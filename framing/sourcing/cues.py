"""Cue words: the reporting verb, "according to", the colon or dash that introduces what someone said.

A cue is read from a token and the word lists (:class:`~framing.sourcing.lexicon.SourcingLexicon`):
a verb of saying, thinking or finding ("said", "believes", "found"), a verb with its particle ("hit
back", "point out"), an adjective of feeling from such a verb ("concerned"), or "according to". Some
cues need a frame: "put" only with "it" ("as he put it"), "read" only with a subject that can be
read ("the headline reads"); "continue", "go", "call" and "add" are no cues with an open complement
("continued to fight"). The cue class ("neutral", "distancing"...) is that of the widest classified
phrase around the cue ("rightly said", "spoke the truth when saying").

>>> cue_at(nlp("Putin points out that ...")[1], load_sourcing_lexicon())      # doctest: +SKIP
Cue(start=1, end=3, lemma='point out', families=frozenset({'speech'}), verb=1)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy
from spacy.tokens import Doc, Token

from framing.sourcing.lexicon import NEEDS_IT, NOT_CUE_WITH_COMPLEMENT, READ_SUBJECTS, SourcingLexicon

#: Tokens that end the window searched for a cue.
STOPS = frozenset({".", "!", "?", ";", "\n"})
#: The lemma of "according to" cues.
ACCORDING_TO = "according to"
#: The lemma of the cue of a headline ``Name: “…”`` (the colon itself).
COLON = ":"
#: The lemma of the cue of a quote credited after a dash (``“…” ― Jane Doe``), whatever the dash.
DASH = "\u2014"
#: Tokens between a verb and its particle or adverb that still make one cue: "hit back", "point it out".
PARTICLE_REACH = 2
#: Tokens after an inverted "read" within which its object is the thing read (“…,” read the email).
READ_OBJECT_REACH = 3


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue found in the Doc: tokens ``start:end``, its lemma (phrase), families, and the token whose
    subject is the speaker."""

    start: int
    end: int
    lemma: str
    families: frozenset[str]
    verb: int


class Attribution(NamedTuple):
    """Who said a quotation or a reported clause, and with which cue: the cue, the token heading the
    speaker's noun phrase (-1 when the cue has none), and the characters of the cue when they are not
    whole tokens (a dash glued to a name), else None."""

    cue: Cue
    speaker: int
    cue_span: tuple[int, int] | None = None


def cue_at(token: Token, lexicon: SourcingLexicon) -> Cue | None:
    """The cue starting or carried by ``token`` (a reporting verb, "according to", a verb with its
    particle: "hit back", "point out"), or None."""
    doc = token.doc
    lower = token.lower_
    if lower == "according":
        if token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            return Cue(token.i, token.i + 2, ACCORDING_TO, lexicon.families(ACCORDING_TO), token.i)
        return None
    pos = token.pos_
    if pos not in {"VERB", "ADJ"} and not (pos == "AUX" and token.tag_.startswith("VB") and
                                            token.dep_ not in {"aux", "auxpass"}):
        return None
    lemma = token.lemma_.lower() or lower
    if lemma in lexicon.phrase_heads:
        for child in token.children:
            if child.i > token.i and child.i - token.i <= PARTICLE_REACH and child.dep_ in {"prt", "advmod", "prep"}:
                phrase = f"{lemma} {child.lower_}"
                if phrase in lexicon.cue_families:  # "call on" is still a verb of saying, like "call"
                    return Cue(token.i, child.i + 1, phrase, lexicon.families(phrase) | lexicon.families(lemma),
                               token.i)
    families = lexicon.families(lemma)
    if not families and pos == "ADJ" and lower.endswith("ed"):  # "concerned" -> concern
        for verb in (lower[:-1], lower[:-2], lower[:-3] + "y"):
            if "thought" in lexicon.families(verb):
                lemma, families = verb, lexicon.families(verb)
                break
    elif not families and pos == "ADJ":
        families = lexicon.families(lower)
        lemma = lower if families else lemma
    if not families:
        return None
    if pos == "ADJ" and "thought" not in families:
        return None
    if pos == "ADJ":
        families = frozenset({"thought"})
    if lemma in NEEDS_IT and not any(c.lower_ == "it" and c.dep_ == "dobj" for c in token.children):
        return None
    if lemma == "read":
        inverted = token.i > 0 and doc[token.i - 1].is_quote  # “…,” read the email
        subject = next((c for c in token.children if c.dep_ == "nsubj" or
                        (inverted and c.dep_ == "dobj" and c.i <= token.i + READ_OBJECT_REACH)), None)
        if subject is None or subject.lemma_.lower() not in READ_SUBJECTS:
            return None
    if any(c.dep_ == "xcomp" for c in token.children) and lemma in NOT_CUE_WITH_COMPLEMENT:
        return None
    return Cue(token.i, token.i + 1, lemma, families, token.i)


def candidates(doc: Doc, lexicon: SourcingLexicon) -> list[int]:
    """Indexes of the tokens whose lemma or form can start a cue (read from arrays, so that Token
    objects are made only for these)."""
    keys = lexicon.cue_keys
    lemmas = doc.to_array("LEMMA") if doc.has_annotation("LEMMA") else doc.to_array("LOWER")
    lowers = doc.to_array("LOWER")
    wanted = numpy.fromiter(keys, dtype="uint64", count=len(keys))
    return numpy.flatnonzero(numpy.isin(lemmas, wanted) | numpy.isin(lowers, wanted)).tolist()


def cue_phrase(doc: Doc, cue: Cue, lexicon: SourcingLexicon) -> tuple[int, int, str]:
    """Widen a cue to a classified phrase around it: "rightly said", "spoke the truth when saying".
    Returns the tokens ``start:end`` of the phrase and its lemma."""
    if cue.lemma in {COLON, DASH, ACCORDING_TO}:
        return cue.start, cue.end, cue.lemma
    classes = lexicon.cue_classes
    verb = doc[cue.verb]
    for child in verb.children:
        if child.dep_ == "advmod" and child.i == cue.start - 1:
            phrase = f"{child.lower_} {cue.lemma}"
            if phrase in classes:
                return child.i, cue.end, phrase
    head = verb.head
    if verb.dep_ == "advcl" and head.i < verb.i and head.pos_ == "VERB":
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        if obj is not None:
            for phrase in (f"{head.lemma_.lower()} the {obj.lemma_.lower()}",
                           f"{head.lemma_.lower()} {obj.lemma_.lower()}"):
                if phrase in classes:
                    return head.i, cue.end, phrase
    return cue.start, cue.end, cue.lemma
