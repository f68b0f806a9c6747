"""Who speaks: the sourcing word lists, the speaker noun phrase, its type, descriptor and the actor it
refers to. Helpers of :mod:`framing.sourcing`.

Word lists are data (``framing/lexicons/sourcing/``), read once by :func:`load_sourcing_lexicon`:

- ``speech_verbs.csv``: the words that introduce speech, one row per entry and family. ``entry`` is a
  lemma or lemma phrase (``say``, ``point out``, ``according to``); ``family`` says what the word can
  introduce: ``speech`` (direct quotes and reported clauses), ``thought`` (reported beliefs and feelings:
  clauses and quoted fragments), ``evidence`` (findings of a poll, study or document: clauses, with a
  noun as subject), ``object`` (the object noun phrase is the reported content: "rejected this
  intention"), ``of_object`` / ``as_object`` (the object with its "of/for" or "as" complement is the
  content: "accused Kazakhstan of hosting ...", "interpreted the quip as a threat"), ``infinitive`` (the
  infinitive complement is the content: "urged Congress to act", "declined to comment"), ``according`` (a
  prepositional attribution); ``category`` is the cue class used when the
  reporting-verb lexicon (:func:`framing.lexicons.entries.reporting_verb_classes`) does not classify the word.
- ``speakers.csv``: ``speaker_noun`` rows map the head noun of a speaker to its type (``observer`` ->
  anonymous, ``newspaper`` -> media, ``ministry`` -> organization, ``voters`` -> group);
  ``media_name`` rows are words of outlet names (``telegraph``, ``reuters``); ``speaker_modifier`` rows
  mark a source as unidentified (``unnamed``); ``state_name`` rows are states and their seats of power
  (``Russia``, ``Kiev``, ``the Kremlin``), which speak as organizations whatever the entity recogniser
  says.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from framing.sourcing.lexicon import (ARTICLES, COLLECTIVE_NOUNS, GROUP_PRONOUNS, INDEFINITE_DETERMINERS,
                                      MEDIA_ANAPHORS, NAME_PARTICLES, NOT_IN_NAME_PREPOSITIONS, PERSON_GENDER,
                                      PERSON_PRONOUNS, POINTING_DETERMINERS, RELATIVE_PRONOUNS, SPEAKER_PRONOUNS,
                                      THING_PRONOUNS, TITLE_GENDER, SourcingLexicon, load_sourcing_lexicon)

#: Dependency labels whose subtrees are not part of the speaker's name ("Maximilian Hess, an associate
#: of ..., who ...").
NOT_IN_NAME = frozenset({"appos", "relcl", "acl", "advcl", "parataxis", "punct", "prep_title"})


# ---------------------------------------------------------------------------------------------------
# The speaker noun phrase


def clean_name(text: str) -> str:
    """A name without a possessive ending and surrounding punctuation ("Putin’s" -> "Putin")."""
    text = " ".join(text.split()).strip(" ,;:.\"“”‘’'()[]")
    for ending in ("’s", "'s", "’", "'"):
        if text.endswith(ending):
            text = text[: -len(ending)]
            break
    return text


_NAME_PARTS = re.compile("[-'\u2019]")


def _looks_like_name(text: str) -> bool:
    """True for a personal name, not a title-case headline the recogniser took for one ("Glenn Beck
    Blasts Drudge for Mocking ...", "Perfect Enough: Carly Fiorina")."""
    words = text.split()
    return 0 < len(words) <= 5 and not any(c in text for c in ":;!?|\n") and \
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
            if child.dep_ in NOT_IN_NAME and not _is_inner_punct(child):
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


def _is_inner_punct(token: Token) -> bool:
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
            appos = _appos_span(child)
            if appos is not None and child.ent_type_ != "PERSON" and \
                    not all(t.like_num or t.is_punct for t in appos):  # an age ("Jane Doe, 34,") is no credential
                return phrase_text(appos)
    if head.dep_ == "appos" and head.head.ent_type_ != "PERSON":
        return ""
    person = _person_in(span)
    if person is not None and person.start > span.start:
        title = span.doc[span.start:person.start]
        words = [t for t in title if not (t.lower_ in ARTICLES or t.tag_ in {"POS", "PRP$"})]
        if words and not any(t.ent_type_ in {"PERSON"} for t in words) and \
                not any(t.tag_ == "POS" or t.lower_ in {"’s", "'s"} for t in title):
            return phrase_text(span.doc[words[0].i:person.start])
    return ""


def _appos_span(token: Token) -> Span | None:
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


def _has_name(span: Span) -> bool:
    return any(t.ent_type_ == "PERSON" for t in span)


def _person_in(span: Span) -> Span | None:
    """The first person entity inside ``span`` (clipped to it), or None."""
    doc = span.doc
    for token in span:
        if token.ent_type_ == "PERSON":
            end = token.i + 1
            while end < span.end and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "PERSON":
                end += 1
            return doc[token.i:end]
    return None


# ---------------------------------------------------------------------------------------------------
# Actors: names, pronouns, aliases


@dataclass
class Speaker:
    """A resolved speaker: the mention, the actor, its type and credential."""

    text: str
    start_char: int
    end_char: int
    resolved: str
    type: str
    descriptor: str


class Actors:
    """The actors of one document: full person names, their credentials, and who was last seen, so
    that short names and pronouns can be resolved. Built once per Doc."""

    def __init__(self, doc: Doc, lexicon: SourcingLexicon, aliases: dict[str, str] | None = None,
                 inside_quote=None, ents: Sequence[Span] | None = None, *, names_only: bool = False):
        self.doc = doc
        self.ents = tuple(doc.ents) if ents is None else tuple(ents)
        self.lexicon = lexicon
        self.aliases = aliases or {}
        self.inside_quote = inside_quote or (lambda i: False)
        self.full_names: dict[str, str] = {}      # lower-case name word -> longest full name
        self.descriptors: dict[str, str] = {}     # full name -> first credential seen
        self.persons: list[tuple[int, str, bool]] = []  # (token index, full name, is a subject)
        self.person_positions: list[int] = []
        self.recent: list[tuple[int, Speaker]] = []     # speakers in text order
        self.genders: dict[str, str] = {}         # full name -> "m" / "f", from titles (Mr., Ms.)
        self._collect(names_only)

    def _collect(self, names_only: bool = False) -> None:
        """Full names (always); with ``names_only`` False also credentials and person positions."""
        names: list[tuple[int, str]] = []
        text = self.doc.text
        headline_end = text.find("\n")
        for ent in self.ents:
            if ent.label_ != "PERSON":
                continue
            name = clean_name(ent.text)
            if not _looks_like_name(name):
                continue
            if ent.start_char < headline_end and text.find(name, headline_end) < 0:
                continue  # "Glenn Beck Blasts Drudge": a title-case headline read as one name
            names.append((ent.start, name))
        person_words = {w.lower() for _, name in names for w in name.split()}
        for ent in self.ents:  # "Kassym-Jomart Tokayev" tagged ORG, "Tokayev" a person elsewhere
            if ent.label_ != "PERSON" and len(ent) > 1 and ent[-1].pos_ == "PROPN" and \
                    ent[-1].lower_ in person_words and not self.is_media_name(ent.text):
                names.append((ent.start, clean_name(ent.text)))
        for order, (_, name) in enumerate(names):
            words = name.split()
            for word in words:
                key = word.lower()
                best = self.full_names.get(key)
                if best is None or len(words) > len(best.split()):
                    self.full_names[key] = name
        if names_only:
            return
        for ent in self.ents:
            if ent.label_ != "PERSON":
                continue
            full = self.person_name(clean_name(ent.text))
            if not full:
                continue
            head = ent.root
            subject = head.dep_ in {"nsubj", "nsubjpass"} or (head.dep_ in {"appos", "compound"} and
                                                             head.head.dep_ in {"nsubj", "nsubjpass"})
            if not self.inside_quote(ent.start):
                self.persons.append((ent.start, full, subject))
            titles = (ent[0], self.doc[ent.start - 1]) if ent.start > 0 else (ent[0],)  # "Mr. Trump", "Mr." + "Trump"
            gender = next(filter(None, (TITLE_GENDER.get(t.lower_.rstrip(".")) for t in titles)), None)
            if gender is not None:
                self.genders[full] = gender if self.genders.get(full, gender) == gender else "?"
            if full not in self.descriptors:
                descriptor = descriptor_of(head, name_span(head))
                if descriptor:
                    self.descriptors[full] = descriptor
        # names of persons the entity recogniser missed here ("Trump" tagged ORG or nothing)
        seen = {p[0] for p in self.persons}
        covered = {i for ent in self.ents if ent.label_ == "PERSON" for i in range(ent.start, ent.end)}
        strings = self.doc.vocab.strings
        name_keys = {strings.add(word) for word in self.full_names}
        lowers = self.doc.to_array("LOWER")
        for i in [k for k in range(len(self.doc)) if lowers[k] in name_keys]:
            token = self.doc[i]
            if token.pos_ == "PROPN" and token.i not in covered and \
                    token.i not in seen and not self.inside_quote(token.i) and \
                    (token.i + 1 >= len(self.doc) or self.doc[token.i + 1].pos_ != "PROPN"):
                subject = token.dep_ in {"nsubj", "nsubjpass"}
                self.persons.append((token.i, self.person_name(token.text), subject))
        self.persons.sort()
        self.person_positions = [p[0] for p in self.persons]

    def alias(self, name: str) -> str:
        """The canonical name for ``name`` in the alias table (``name`` itself when not listed)."""
        return self.aliases.get(name.lower(), name)

    def person_name(self, name: str) -> str:
        """The fullest form of a person's name in this document ("Putin" -> "Vladimir Putin"),
        through the alias table."""
        name = self.alias(clean_name(name))
        words = name.split()
        if not words:
            return ""
        candidates = [self.full_names.get(w.lower(), "") for w in (words[-1], words[0])]
        best = max(candidates, key=lambda c: len(c.split()))
        if len(best.split()) > len(words) and all(w.lower() in best.lower() for w in words):
            name = best
        return self.alias(name)

    def last_person(self, before: int, gender: str | None = None) -> tuple[str, str]:
        """The person a pronoun at token ``before`` most likely refers to: the last speaker, or the last
        person named as a subject (else named at all) outside quotations, within the last 200 tokens.
        With ``gender`` ("m" for he, "f" for she), persons titled otherwise (Mr. / Mrs., Ms.) are skipped."""
        def fits(name: str) -> bool:
            known = self.genders.get(name)
            return gender is None or known is None or known == gender or known == "?"

        speaker_at, speaker = next(((i, s) for i, s in reversed(self.recent)
                                    if i < before and s.type == "named_person" and fits(s.resolved)), (-1, None))
        k = bisect_right(self.person_positions, before - 1)
        subject_at, subject = -1, ""
        any_at, any_name = -1, ""
        for i in range(k - 1, -1, -1):
            position, name, is_subject = self.persons[i]
            if before - position > 200:
                break
            if not fits(name):
                continue
            if any_at < 0:
                any_at, any_name = position, name
            if is_subject:
                subject_at, subject = position, name
                break
        if speaker is not None and speaker_at >= subject_at and before - speaker_at <= 200:
            return speaker.resolved, speaker.descriptor
        if subject:
            return subject, self.descriptors.get(subject, "")
        if speaker is not None and before - speaker_at <= 200:
            return speaker.resolved, speaker.descriptor
        if any_name:
            return any_name, self.descriptors.get(any_name, "")
        return "", ""

    def last_of(self, before: int, types: Iterable[str]) -> Speaker | None:
        """The last speaker of one of ``types`` before token ``before`` (within 300 tokens)."""
        wanted = set(types)
        for i, speaker in reversed(self.recent):
            if i < before and speaker.type in wanted and before - i <= 300:
                return speaker
        return None

    def last_media(self, before: int) -> str:
        """The last outlet named before token ``before``: a media speaker, or an outlet's name."""
        speaker = self.last_of(before, ["media"])
        for ent in reversed(self.ents):
            if ent.start >= before or (speaker is not None and ent.start <= self._token_of(speaker)):
                continue
            if ent.label_ in {"ORG", "WORK_OF_ART", "GPE"} and self.is_media_name(ent.text):
                name = clean_name(ent.text)
                if ent.start > 0 and self.doc[ent.start - 1].text == "The":
                    name = "The " + name
                return name
        return speaker.resolved if speaker is not None else ""

    def _token_of(self, speaker: Speaker) -> int:
        return next((i for i, s in self.recent if s is speaker), 0)

    def is_media_name(self, text: str) -> bool:
        """True when a proper name looks like an outlet's ("The Telegraph", "Reuters")."""
        words = [w.lower() for w in clean_name(text).split()]
        if words and words[0] == "the":
            words = words[1:]
        if not words:
            return False
        joined = " ".join(words)
        return joined in self.lexicon.media_names or words[-1] in self.lexicon.media_names

    def remember(self, token_index: int, speaker: Speaker) -> None:
        """Note a speaker met at ``token_index`` (for later pronouns)."""
        self.recent.append((token_index, speaker))

    # --- the speaker of a cue -----------------------------------------------------------------------

    def speaker(self, head: Token, *, cue_family: Iterable[str] = ()) -> Speaker | None:
        """The speaker whose noun phrase has ``head``, with its type, actor and credential; None when the
        word cannot be a speaker (an expletive "it", "there")."""
        doc = head.doc
        descriptor = ""
        if head.dep_ == "appos" and (head.head.pos_ == "PROPN" or head.head.pos_ == "NOUN" and
                                     head.head.ent_type_) and (head.head.ent_type_ or head.ent_type_ != "PERSON"):
            # "Kassym-Jomart Tokayev, the leader of Kazakhstan, who ...": the name is the head
            descriptor = phrase_text(_appos_span(head) or head.doc[head.i:head.i + 1])
            head = head.head
        if head.ent_type_ != "PERSON":
            named = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
            if named is not None:  # "the leader of Kazakhstan, Kassym-Jomart Tokayev"
                descriptor = phrase_text(name_span(head))
                head = named
        lower = head.lower_
        if lower in THING_PRONOUNS and lower != "it":
            return None
        if head.dep_ == "expl" or (lower == "it" and "speech" not in set(cue_family)):
            return None
        span = name_span(head)
        text = phrase_text(span) or head.text
        start, end = span.start_char, span.end_char
        if text != span.text:
            start = span.start_char + span.text.find(text)
            end = start + len(text)
        if head.pos_ == "PRON" or lower in SPEAKER_PRONOUNS:
            return self._pronoun(head, text, start, end)
        kind = self.speaker_type(head, span)
        resolved = text
        if kind == "named_person":
            person = _person_in(span)
            name = clean_name(person.text) if person is not None else _proper_name(head)
            resolved = self.person_name(name)
            descriptor = descriptor or descriptor_of(head, span) or self.descriptors.get(resolved, "")
        else:
            descriptor = descriptor or descriptor_of(head, span)
            if kind == "media" and head.pos_ == "NOUN" and head.lemma_.lower() in MEDIA_ANAPHORS and \
                    any(c.lower_ in POINTING_DETERMINERS for c in head.children):
                resolved = self.last_media(head.i) or text
            else:
                resolved = self.alias(_strip_determiner(text) if kind in {"organization", "media"}
                                      and text[:1].islower() else text)
        return Speaker(text, start, end, resolved, kind, descriptor)

    def _pronoun(self, head: Token, text: str, start: int, end: int) -> Speaker:
        lower = head.lower_
        if lower in PERSON_PRONOUNS:
            name, descriptor = self.last_person(head.i, PERSON_GENDER[lower])
            if name:
                return Speaker(text, start, end, name, "named_person", descriptor)
            return Speaker(text, start, end, text, "unknown", "")
        if lower in GROUP_PRONOUNS or lower == "it":
            types = ["organization", "media"] if lower == "it" else ["group", "anonymous", "organization",
                                                                      "media"]
            previous = self.last_of(head.i, types)
            if previous is not None:
                return Speaker(text, start, end, previous.resolved, previous.type, previous.descriptor)
        return Speaker(text, start, end, text, "unknown", "")

    def speaker_type(self, head: Token, span: Span) -> str:
        """``named_person | anonymous | organization | media | group | unknown`` for a speaker."""
        lexicon = self.lexicon
        lemma = head.lemma_.lower()
        if any(t.lower_ in lexicon.anonymous_modifiers for t in span):
            return "anonymous"
        if " ".join(clean_name(span.text).lower().split()) in lexicon.state_names or \
                (head.pos_ == "PROPN" and head.lower_ in lexicon.state_names and not head.ent_type_ == "PERSON"):
            return "organization"
        entity = head.ent_type_
        if head.pos_ == "PROPN" and entity in {"ORG", "GPE", "NORP", ""} and head.lower_ in self.full_names \
                and not self.is_media_name(span.text):
            return "named_person"
        if entity == "PERSON" or _person_in(span) is not None and head.pos_ == "PROPN":
            return "named_person"
        if entity in {"ORG", "GPE", "WORK_OF_ART", "NORP", "FAC", "LOC"} or head.pos_ == "PROPN":
            name = span.text
            if entity in {"ORG", "WORK_OF_ART", "PERSON", ""} and self.is_media_name(name):
                return "media"
            if entity == "NORP":
                return "group"
            if entity in {"ORG", "GPE", "FAC", "LOC"}:
                return "organization"
            if head.pos_ == "PROPN" and not entity:
                if self.full_names.get(head.lower_):
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


def _proper_name(head: Token) -> str:
    """The run of proper nouns ending at ``head`` ("Kassym-Jomart Tokayev")."""
    doc = head.doc
    start = head.i
    while start > 0 and (doc[start - 1].pos_ == "PROPN" or _is_inner_punct(doc[start - 1])) and \
            doc[start - 1].head.i in range(start - 1, head.i + 1):
        start -= 1
    return clean_name(doc[start:head.i + 1].text)


def _strip_determiner(text: str) -> str:
    words = text.split()
    if len(words) > 1 and words[0].lower() in ARTICLES:
        return " ".join(words[1:])
    return text
