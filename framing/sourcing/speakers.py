"""The speaker as written: the noun phrase next to a cue, its name, credential and type.

``name_span`` keeps the noun phrase without appositions and relative clauses ("Maximilian Hess, an
associate of the Foreign Policy Research Institute, who ..." -> "Maximilian Hess"); ``descriptor_of``
gives the credential, an apposition or the title before a name ("Russian Foreign Minister" Sergei
Lavrov); ``speaker_type`` tells a named person from an anonymous source, an organisation, an outlet or a
group. Resolving the name to an actor (short names, pronouns, aliases) is the job of
:mod:`framing.sourcing.resolver`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Span, Token

from framing.sourcing.lexicon import (ARTICLES, COLLECTIVE_NOUNS, INDEFINITE_DETERMINERS, NAME_PARTICLES,
                                      NOT_IN_NAME_PREPOSITIONS, RELATIVE_PRONOUNS, SourcingLexicon)

#: Dependency labels whose subtrees are not part of the speaker's name ("Maximilian Hess, an associate
#: of ..., who ...").
NOT_IN_NAME = frozenset({"appos", "relcl", "acl", "advcl", "parataxis", "punct", "prep_title"})
#: A personal name has at most this many words (first names, particles, family names: "Ludwig van
#: Beethoven", "Kassym-Jomart Tokayev"); a longer run of capitalised words is a headline.
NAME_WORDS = 5


@dataclass
class Speaker:
    """A resolved speaker: the mention, the actor, its type and credential."""

    text: str
    start_char: int
    end_char: int
    resolved: str
    type: str
    descriptor: str


def clean_name(text: str) -> str:
    """A name without a possessive ending and surrounding punctuation ("Putin’s" -> "Putin")."""
    text = " ".join(text.split()).strip(" ,;:.\"“”‘’'()[]")
    for ending in ("’s", "'s", "’", "'"):
        if text.endswith(ending):
            text = text[: -len(ending)]
            break
    return text


_NAME_PARTS = re.compile("[-'\u2019]")


def looks_like_name(text: str) -> bool:
    """True for a personal name, not a title-case headline the recogniser took for one ("Glenn Beck
    Blasts Drudge for Mocking ...", "Perfect Enough: Carly Fiorina")."""
    words = text.split()
    return 0 < len(words) <= NAME_WORDS and not any(c in text for c in ":;!?|\n") and \
        all(w.lower() in NAME_PARTICLES or any(part[:1].isupper() for part in _NAME_PARTS.split(w))
            for w in words)


def name_span(head: Token) -> Span:
    """The speaker's name as written around ``head``: its noun phrase without appositions, relative
    clauses and what follows a comma ("Maximilian Hess, an associate of ..." -> "Maximilian Hess")."""
    doc = head.doc
    kept = set()
    stack = [head]
    while stack:
        token = stack.pop()
        kept.add(token.i)
        for child in token.children:
            if child.dep_ in NOT_IN_NAME and not is_inner_punct(child):
                continue
            if child.dep_ == "prep" and child.lower_ in NOT_IN_NAME_PREPOSITIONS:
                continue
            stack.append(child)
    start = end = head.i
    while start - 1 in kept and doc[start - 1].text not in {",", ";", "(", "—", "–"}:
        start -= 1
    while end + 1 in kept and doc[end + 1].text not in {",", ";", ")", "—", "–"}:
        end += 1
    while end > start and (doc[end].is_punct or doc[end].is_space or doc[end].dep_ == "case"):
        end -= 1  # "Clinton's remark": the name without its possessive ending
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "cc"):
        start += 1
    return doc[start:end + 1]


def is_inner_punct(token: Token) -> bool:
    """Hyphens and apostrophes inside a name ("Kassym-Jomart", "O’Malley")."""
    return token.text in {"-", "’", "'", "."} and not token.whitespace_ and token.i > 0 and \
        not token.doc[token.i - 1].whitespace_


def phrase_text(span: Span) -> str:
    """The text of a phrase with outer punctuation trimmed."""
    return span.text.strip(" ,;:\u2014\u2013-")


def descriptor_of(head: Token, span: Span) -> str:
    """The credential written with the speaker: an apposition ("an associate of the Foreign Policy
    Research Institute") or the title before a name ("Russian Foreign Minister" Sergei Lavrov)."""
    for child in head.children:
        if child.dep_ == "appos":
            appos = appos_span(child)
            if appos is not None and child.ent_type_ != "PERSON" and \
                    not all(t.like_num or t.is_punct for t in appos):  # an age ("Jane Doe, 34,") is no credential
                return phrase_text(appos)
    if head.dep_ == "appos" and head.head.ent_type_ != "PERSON":
        return ""
    person = person_in(span)
    if person is not None and person.start > span.start:
        title = span.doc[span.start:person.start]
        words = [t for t in title if not (t.lower_ in ARTICLES or t.tag_ in {"POS", "PRP$"})]
        if words and not any(t.ent_type_ in {"PERSON"} for t in words) and \
                not any(t.tag_ == "POS" or t.lower_ in {"’s", "'s"} for t in title):
            return phrase_text(span.doc[words[0].i:person.start])
    return ""


def appos_span(token: Token) -> Span | None:
    """The apposition headed by ``token`` without its relative clause and punctuation ("the leader of
    Kazakhstan, who ..." -> "the leader of Kazakhstan"), or None when nothing is left."""
    doc = token.doc
    tokens = [t for t in token.subtree if t.dep_ not in {"relcl"} or t.i == token.i]
    relcl_start = min((c.left_edge.i for c in token.children if c.dep_ in {"relcl", "acl"}), default=None)
    start, end = token.left_edge.i, token.right_edge.i
    if relcl_start is not None and relcl_start > token.i:
        end = relcl_start - 1
    while end > start and (doc[end].is_punct or doc[end].lower_ in RELATIVE_PRONOUNS):
        end -= 1
    while start < end and doc[start].is_punct:
        start += 1
    if not tokens or end < start:
        return None
    return doc[start:end + 1]


def person_in(span: Span) -> Span | None:
    """The first person entity inside ``span`` (clipped to it), or None."""
    doc = span.doc
    for token in span:
        if token.ent_type_ == "PERSON":
            end = token.i + 1
            while end < span.end and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "PERSON":
                end += 1
            return doc[token.i:end]
    return None


def proper_name(head: Token) -> str:
    """The run of proper nouns ending at ``head`` ("Kassym-Jomart Tokayev")."""
    doc = head.doc
    start = head.i
    while start > 0 and (doc[start - 1].pos_ == "PROPN" or is_inner_punct(doc[start - 1])) and \
            doc[start - 1].head.i in range(start - 1, head.i + 1):
        start -= 1
    return clean_name(doc[start:head.i + 1].text)


def strip_determiner(text: str) -> str:
    """``text`` without a leading article ("the ministry" -> "ministry"), unless it is a single word."""
    words = text.split()
    if len(words) > 1 and words[0].lower() in ARTICLES:
        return " ".join(words[1:])
    return text


def is_media_name(text: str, lexicon: SourcingLexicon) -> bool:
    """True when a proper name looks like an outlet's ("The Telegraph", "Reuters")."""
    words = [w.lower() for w in clean_name(text).split()]
    if words and words[0] == "the":
        words = words[1:]
    if not words:
        return False
    joined = " ".join(words)
    return joined in lexicon.media_names or words[-1] in lexicon.media_names


def speaker_type(head: Token, span: Span, lexicon: SourcingLexicon, full_names: Mapping[str, str]) -> str:
    """``named_person | anonymous | organization | media | group | unknown`` for the speaker ``span`` with
    head ``head``; ``full_names`` maps the lower-case words of the document's person names to the names
    (see :class:`~framing.sourcing.resolver.NameResolver`)."""
    lemma = head.lemma_.lower()
    if any(t.lower_ in lexicon.anonymous_modifiers for t in span):
        return "anonymous"
    if " ".join(clean_name(span.text).lower().split()) in lexicon.state_names or \
            (head.pos_ == "PROPN" and head.lower_ in lexicon.state_names and not head.ent_type_ == "PERSON"):
        return "organization"
    entity = head.ent_type_
    if head.pos_ == "PROPN" and entity in {"ORG", "GPE", "NORP", ""} and head.lower_ in full_names \
            and not is_media_name(span.text, lexicon):
        return "named_person"
    if entity == "PERSON" or person_in(span) is not None and head.pos_ == "PROPN":
        return "named_person"
    if entity in {"ORG", "GPE", "WORK_OF_ART", "NORP", "FAC", "LOC"} or head.pos_ == "PROPN":
        name = span.text
        if entity in {"ORG", "WORK_OF_ART", "PERSON", ""} and is_media_name(name, lexicon):
            return "media"
        if entity == "NORP":
            return "group"
        if entity in {"ORG", "GPE", "FAC", "LOC"}:
            return "organization"
        if head.pos_ == "PROPN" and not entity:
            if full_names.get(head.lower_):
                return "named_person"
            noun_type = lexicon.speaker_nouns.get(lemma)
            return noun_type or "unknown"
    noun_type = lexicon.speaker_nouns.get(lemma) or lexicon.speaker_nouns.get(head.lower_)
    if noun_type:
        if noun_type == "group" and head.tag_ in {"NN", "NNP"} and lemma not in COLLECTIVE_NOUNS:
            return "anonymous" if any(c.lower_ in INDEFINITE_DETERMINERS for c in head.children) else "unknown"
        return noun_type
    if entity in {"ORG", "GPE"}:
        return "organization"
    return "unknown"
