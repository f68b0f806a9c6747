"""Who a speaker is: the actor a name, a short name or a pronoun refers to.

One :class:`NameResolver` is built per document. It collects the full names of the persons the
article names, their credentials and genders (from titles: Mr., Mrs., Ms.), and the speakers met so
far, so that

- a short name resolves to the fullest form in the document ("Putin" -> "Vladimir Putin") and takes its
  credential;
- a pronoun resolves to the last person speaking or named as a subject ("he" -> "Vladimir Putin"), a
  person named by role included ("The minister slammed the plan. “…,” she told reporters" -> "The
  minister"), skipping persons of the other gender (titled "Mrs." or "Mr.", or a "spokeswoman");
- "the outlet", "the newspaper" resolve to the last outlet named;
- every name goes through the user's alias table ("Tokaev" -> "Kassym-Jomart Tokayev").

The ``framing_actors`` component (:mod:`framing.pipeline.actors`) uses the same resolver for names.

>>> names = NameResolver(doc, load_sourcing_lexicon())          # doctest: +SKIP
>>> names.person_name("Putin")                                  # doctest: +SKIP
'Vladimir Putin'
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence

import numpy
from spacy.tokens import Doc, Span, Token

from framing.arrays import entities
from framing.sourcing.lexicon import (GROUP_PRONOUNS, MEDIA_ANAPHORS, PERSON_GENDER, PERSON_PRONOUNS,
                                      POINTING_DETERMINERS, ROLE_NOUNS, SPEAKER_PRONOUNS, THING_PRONOUNS,
                                      TITLE_GENDER, SourcingLexicon)
from framing.sourcing.speakers import (Speaker, appos_span, clean_name, descriptor_of, is_media_name,
                                       looks_like_name, name_span, person_in, phrase_text, proper_name,
                                       speaker_type, strip_determiner)

#: Tokens back from a pronoun within which the person it refers to was last named or heard (about two
#: paragraphs of news text): further back, a "he" more likely means someone the parse did not catch.
PRONOUN_REACH = 200
#: Tokens back from "they" or "it" within which the group or organisation it refers to last spoke
#: (about three paragraphs): groups are named less often than persons and referred to for longer.
GROUP_REACH = 300


class NameResolver:
    """The actors of one document: full person names, their credentials, and who was last seen, so
    that short names and pronouns can be resolved. Built once per Doc."""

    def __init__(self, doc: Doc, lexicon: SourcingLexicon, aliases: dict[str, str] | None = None,
                 inside_quote: Callable[[int], bool] | None = None, ents: Sequence[Span] | None = None, *,
                 names_only: bool = False, text: str | None = None):
        self.doc = doc
        self.text = doc.text if text is None else text
        self.ents = entities(doc) if ents is None else tuple(ents)
        self.lexicon = lexicon
        self.aliases = aliases or {}
        self.inside_quote = inside_quote or (lambda i: False)
        self.full_names: dict[str, str] = {}      # lower-case name word -> longest full name
        self.descriptors: dict[str, str] = {}     # full name -> first credential seen
        self.persons: list[tuple[int, str, bool]] = []  # (token index, full name, is a subject)
        self.person_positions: list[int] = []
        self.recent: list[tuple[int, Speaker]] = []     # speakers in text order
        self.genders: dict[str, str] = {}         # full name -> "m" / "f", from titles (Mr., Ms.)
        self.kinds: dict[str, str] = {}           # a person named by role -> its speaker type
        self.person_speakers: set[int] = set()    # ids of the remembered speakers that are one person
        self._collect_names()
        if not names_only:
            self._collect_persons()

    def _collect_names(self) -> None:
        """The full names of the persons the document names, by each of their words."""
        names: list[tuple[int, str]] = []
        text = self.text
        headline_end = text.find("\n")
        for ent in self.ents:
            if ent.label_ != "PERSON":
                continue
            name = clean_name(ent.text)
            if not looks_like_name(name):
                continue
            if ent.start_char < headline_end and text.find(name, headline_end) < 0:
                continue  # "Glenn Beck Blasts Drudge": a title-case headline read as one name
            names.append((ent.start, name))
        person_words = {w.lower() for _, name in names for w in name.split()}
        for ent in self.ents:  # "Kassym-Jomart Tokayev" tagged ORG, "Tokayev" a person elsewhere
            if ent.label_ != "PERSON" and len(ent) > 1 and ent[-1].pos_ == "PROPN" and \
                    ent[-1].lower_ in person_words and not is_media_name(ent.text, self.lexicon):
                names.append((ent.start, clean_name(ent.text)))
        for _, name in names:
            words = name.split()
            for word in words:
                key = word.lower()
                best = self.full_names.get(key)
                if best is None or len(words) > len(best.split()):
                    self.full_names[key] = name

    def _collect_persons(self) -> None:
        """Where each person is named (outside quotations, as a subject or not), their credentials and
        the genders their titles tell."""
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
        for i in _indexes(lowers, name_keys):
            token = self.doc[i]
            if token.pos_ == "PROPN" and token.i not in covered and \
                    token.i not in seen and not self.inside_quote(token.i) and \
                    (token.i + 1 >= len(self.doc) or self.doc[token.i + 1].pos_ != "PROPN"):
                subject = token.dep_ in {"nsubj", "nsubjpass"}
                self.persons.append((token.i, self.person_name(token.text), subject))
        self._collect_roles(seen | covered)
        self.persons.sort()
        self.person_positions = [p[0] for p in self.persons]

    def _collect_roles(self, named: set[int]) -> None:
        """Persons named by role outside quotations ("the minister", "an official"): the noun phrase as
        written, its speaker type, and the gender the noun tells ("spokeswoman"). A role that is part of
        a name or stands beside one ("Foreign Minister Lavrov", "the minister, Sergei Lavrov") is not
        a person of its own."""
        doc = self.doc
        strings = doc.vocab.strings
        keys = {strings.add(noun) for noun in ROLE_NOUNS}
        lemmas = doc.to_array("LEMMA")
        for i in _indexes(lemmas, keys):
            token = doc[i]
            if token.pos_ != "NOUN" or token.tag_ != "NN" or token.ent_type_ or i in named or \
                    self.inside_quote(i) or token.dep_ in {"compound", "amod", "appos"} or \
                    any(c.dep_ in {"appos", "compound"} and c.ent_type_ == "PERSON" for c in token.children):
                continue
            span = name_span(token)
            name = phrase_text(span) or token.text
            self.kinds[name] = speaker_type(token, span, self.lexicon, self.full_names)
            gender = ROLE_NOUNS.get(token.lemma_.lower(), "")
            if gender:
                self.genders[name] = gender if self.genders.get(name, gender) == gender else "?"
            self.persons.append((i, name, token.dep_ in {"nsubj", "nsubjpass"}))

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

    def last_person(self, before: int, gender: str | None = None) -> tuple[str, str, str]:
        """The person a pronoun at token ``before`` most likely refers to: the last speaker who is one
        person, or the last person named (by name or by role) as a subject, else named at all, outside
        quotations, within the last :data:`PRONOUN_REACH` tokens. With ``gender`` ("m" for he, "f" for
        she), persons of the other gender (titled Mr. / Mrs., Ms., or a "spokeswoman") are skipped.
        Returns ``(name, credential, speaker type)``, empty strings when there is none."""
        def fits(name: str) -> bool:
            known = self.genders.get(name)
            return gender is None or known is None or known == gender or known == "?"

        speaker_at, speaker = next(((i, s) for i, s in reversed(self.recent)
                                    if i < before and id(s) in self.person_speakers and fits(s.resolved)),
                                   (-1, None))
        k = bisect_right(self.person_positions, before - 1)
        subject_at, subject = -1, ""
        any_at, any_name = -1, ""
        for i in range(k - 1, -1, -1):
            position, name, is_subject = self.persons[i]
            if before - position > PRONOUN_REACH:
                break
            if not fits(name):
                continue
            if any_at < 0:
                any_at, any_name = position, name
            if is_subject:
                subject_at, subject = position, name
                break
        if speaker is not None and speaker_at >= subject_at and before - speaker_at <= PRONOUN_REACH:
            return speaker.resolved, speaker.descriptor, speaker.type
        if subject:
            return subject, self.descriptors.get(subject, ""), self.kinds.get(subject, "named_person")
        if speaker is not None and before - speaker_at <= PRONOUN_REACH:
            return speaker.resolved, speaker.descriptor, speaker.type
        if any_name:
            return any_name, self.descriptors.get(any_name, ""), self.kinds.get(any_name, "named_person")
        return "", "", ""

    def last_of(self, before: int, types: Iterable[str]) -> Speaker | None:
        """The last speaker of one of ``types`` before token ``before`` (within :data:`GROUP_REACH`
        tokens), or None."""
        wanted = set(types)
        for i, speaker in reversed(self.recent):
            if i < before and speaker.type in wanted and before - i <= GROUP_REACH:
                return speaker
        return None

    def last_media(self, before: int) -> str:
        """The last outlet named before token ``before``: a media speaker, or an outlet's name."""
        speaker = self.last_of(before, ["media"])
        for ent in reversed(self.ents):
            if ent.start >= before or (speaker is not None and ent.start <= self._token_of(speaker)):
                continue
            if ent.label_ in {"ORG", "WORK_OF_ART", "GPE"} and is_media_name(ent.text, self.lexicon):
                name = clean_name(ent.text)
                if ent.start > 0 and self.doc[ent.start - 1].text == "The":
                    name = "The " + name
                return name
        return speaker.resolved if speaker is not None else ""

    def _token_of(self, speaker: Speaker) -> int:
        return next((i for i, s in self.recent if s is speaker), 0)

    def remember(self, token_index: int, speaker: Speaker) -> None:
        """Note a speaker met at ``token_index`` (for later pronouns): a named person, or one person
        named by role ("an official said")."""
        self.recent.append((token_index, speaker))
        head = self.doc[token_index]
        one = speaker.type == "named_person" or (head.tag_ == "NN" and head.lemma_.lower() in ROLE_NOUNS) or \
            (head.lower_ in PERSON_PRONOUNS and speaker.resolved != speaker.text)  # "she", resolved
        if one:
            self.person_speakers.add(id(speaker))


def _indexes(values: numpy.ndarray, keys: set[int]) -> list[int]:
    """Positions of the ``values`` (an array of string hashes) that are among ``keys``."""
    if not keys:
        return []
    return numpy.flatnonzero(numpy.isin(values, numpy.fromiter(keys, dtype="uint64", count=len(keys)))).tolist()


def speaker_of(head: Token, names: NameResolver, *, cue_family: Iterable[str] = ()) -> Speaker | None:
    """The speaker whose noun phrase has ``head``, with its type, actor and credential; None when the
    word cannot be a speaker (an expletive "it", "there"). ``names`` resolves the name or pronoun to an
    actor."""
    descriptor = ""
    if head.dep_ == "appos" and (head.head.pos_ == "PROPN" or head.head.pos_ == "NOUN" and
                                 head.head.ent_type_) and (head.head.ent_type_ or head.ent_type_ != "PERSON"):
        # "Kassym-Jomart Tokayev, the leader of Kazakhstan, who ...": the name is the head
        descriptor = phrase_text(appos_span(head) or head.doc[head.i:head.i + 1])
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
        return _pronoun(head, text, start, end, names)
    kind = speaker_type(head, span, names.lexicon, names.full_names)
    resolved = text
    if kind == "named_person":
        person = person_in(span)
        name = clean_name(person.text) if person is not None else proper_name(head)
        resolved = names.person_name(name)
        descriptor = descriptor or descriptor_of(head, span) or names.descriptors.get(resolved, "")
    else:
        descriptor = descriptor or descriptor_of(head, span)
        if kind == "media" and head.pos_ == "NOUN" and head.lemma_.lower() in MEDIA_ANAPHORS and \
                any(c.lower_ in POINTING_DETERMINERS for c in head.children):
            resolved = names.last_media(head.i) or text
        else:
            resolved = names.alias(strip_determiner(text) if kind in {"organization", "media"}
                                  and text[:1].islower() else text)
    return Speaker(text, start, end, resolved, kind, descriptor)


def _pronoun(head: Token, text: str, start: int, end: int, names: NameResolver) -> Speaker:
    """The speaker a pronoun stands for: the last person (he, she), group or organisation (they, it)."""
    lower = head.lower_
    if lower in PERSON_PRONOUNS:
        name, descriptor, kind = names.last_person(head.i, PERSON_GENDER[lower])
        if name:
            return Speaker(text, start, end, name, kind, descriptor)
        return Speaker(text, start, end, text, "unknown", "")
    if lower in GROUP_PRONOUNS or lower == "it":
        types = ["organization", "media"] if lower == "it" else ["group", "anonymous", "organization",
                                                                  "media"]
        previous = names.last_of(head.i, types)
        if previous is not None:
            return Speaker(text, start, end, previous.resolved, previous.type, previous.descriptor)
    return Speaker(text, start, end, text, "unknown", "")
