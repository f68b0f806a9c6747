"""The word lists of sourcing, read once from the data in ``framing/lexicons/``.

Two kinds of list:

- the cue words and speaker nouns in ``framing/lexicons/sourcing/``, with families and classes, read by
  :func:`load_sourcing_lexicon` into a :class:`SourcingLexicon`:

  - ``speech_verbs.csv``: the words that introduce speech, one row per entry and family. ``entry`` is a
    lemma or lemma phrase (``say``, ``point out``, ``according to``); ``family`` says what the word can
    introduce: ``speech`` (direct quotes and reported clauses), ``thought`` (reported beliefs and
    feelings: clauses and quoted fragments), ``evidence`` (findings of a poll, study or document:
    clauses, with a noun as subject), ``object`` (the object noun phrase is the reported content:
    "rejected this intention"), ``of_object`` / ``as_object`` (the object with its "of/for" or "as"
    complement is the content: "accused Kazakhstan of hosting ...", "interpreted the quip as a threat"),
    ``infinitive`` (the infinitive complement is the content: "urged Congress to act", "declined to
    comment"), ``according`` (a prepositional attribution); ``category`` is the cue class used when the
    reporting-verb lexicon (:func:`framing.lexicons.entries.reporting_verb_classes`) does not classify
    the word.
  - ``speakers.csv``: ``speaker_noun`` rows map the head noun of a speaker to its type (``observer`` ->
    anonymous, ``newspaper`` -> media, ``ministry`` -> organization, ``voters`` -> group);
    ``media_name`` rows are words of outlet names (``telegraph``, ``reuters``); ``speaker_modifier``
    rows mark a source as unidentified (``unnamed``); ``state_name`` rows are states and their seats of
    power (``Russia``, ``Kiev``, ``the Kremlin``), which speak as organizations whatever the entity
    recogniser says.

- plain word lists in ``framing/lexicons/words/`` (``sourcing.csv``, ``names.csv``, ``pronouns.csv``),
  read through :mod:`framing.lexicons.words` into the constants below, each named once here and
  imported by the modules that use it.

Sets of dependency labels, parts of speech and entity labels are grammar, not word lists: they stay
constants in the modules that use them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from spacy.strings import get_string_id

from framing.errors import LexiconError
from framing.lexicons.entries import reporting_verb_classes
from framing.lexicons.reader import COLUMNS, read_rows, shipped
from framing.lexicons.words import categories, word_list
from framing.records import CUE_CLASSES, SPEAKER_TYPES

# ---------------------------------------------------------------------------------------------------
# Plain word lists (framing/lexicons/words/)

# Pronouns (pronouns.csv)
#: He, him, his, she, her: a pronoun for one person, with its gender ("m" / "f").
PERSON_GENDER = categories("pronouns", "person")
PERSON_PRONOUNS = word_list("pronouns", "person")
#: They, them, their: a pronoun for a group or an organisation.
GROUP_PRONOUNS = word_list("pronouns", "group")
#: It, this, that, which...: a pronoun that does not refer to a person.
THING_PRONOUNS = word_list("pronouns", "thing")
#: Who, that, which, whom: the noun before it is meant.
RELATIVE_PRONOUNS = word_list("pronouns", "relative")
#: He, she, they: a subject that refers back to a person or group named before.
THIRD_PERSON_SUBJECTS = word_list("pronouns", "third_person_subject")
#: He, she, they, we, I: a subject pronoun that can be the speaker of a cue.
SPEAKING_SUBJECTS = word_list("pronouns", "speaking_subject")
#: Every pronoun that is a speaker mention: the person and group pronouns, and it, I, we, you.
SPEAKER_PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | word_list("pronouns", "other_speaker")
#: Who, whose: opens a relative clause set off by commas after a speaker's name.
RELATIVE_OPENERS = word_list("pronouns", "relative_opener")

# Names (names.csv)
#: Lower-case words inside personal names ("Ludwig van Beethoven", "Osama bin Laden").
NAME_PARTICLES = word_list("names", "name_particle")
#: Titles that tell a person's gender, for pronouns ("Mrs. Clinton ... she"): title -> "m" / "f".
TITLE_GENDER = categories("names", "title_gender")
#: Nouns naming one person by role ("the minister", "an official"): a he or she after one of them can
#: mean that person. Noun -> "m" / "f" where the noun tells the gender ("spokeswoman"), else "".
ROLE_NOUNS = categories("names", "role_noun")
#: Prepositions whose phrase is not part of a speaker's name ("Trump with his aides").
NOT_IN_NAME_PREPOSITIONS = word_list("names", "not_in_name")

# Cues and speakers (sourcing.csv)
#: Nouns that name an utterance: a quote in their "that" clause or after them and a colon is what was
#: said ("her remark that “…”"), and their possessor said it.
SPEECH_NOUNS = word_list("sourcing", "speech_noun")
#: Subjects that make "read" a cue ("the headline reads: ...").
READ_SUBJECTS = word_list("sourcing", "read_subject")
#: Cues of quotations only, never of indirect speech ("called the plan “a disaster”").
QUOTE_ONLY = word_list("sourcing", "quote_only")
#: Verbs of saying that need "it" as their object to count as cues ("as he put it").
NEEDS_IT = word_list("sourcing", "needs_it")
#: Words before a quotation that mark it as a label, not anyone's words ("so-called", "the term").
SCARE_BEFORE = tuple(sorted(word_list("sourcing", "scare_before")))
#: Verbs that are no cue when they have an open complement ("continued to", "went on to").
NOT_CUE_WITH_COMPLEMENT = word_list("sourcing", "not_cue_with_complement")
#: Head nouns of definite noun phrases that refer back to an outlet ("the outlet", "the paper").
MEDIA_ANAPHORS = word_list("sourcing", "media_anaphor")
#: Singular group nouns that speak as a group ("the crowd"); other singular group nouns name one person.
COLLECTIVE_NOUNS = word_list("sourcing", "collective_noun")
#: The, a, an: left out of a credential and of an organisation's name.
ARTICLES = word_list("sourcing", "article")
#: The, this, that: a media noun with one of these points back to the last outlet.
POINTING_DETERMINERS = word_list("sourcing", "pointing_determiner")
#: A, an, one: a singular group noun with one of these is one anonymous person.
INDEFINITE_DETERMINERS = word_list("sourcing", "indefinite_determiner")
#: The, of: lower-case words inside a name before a headline colon.
HEADLINE_NAME_WORDS = word_list("sourcing", "headline_name_word")
#: Like, as: open a clause that credits the words next to it ("like Kiev claims").
COMPARISONS = word_list("sourcing", "comparison")
#: Or, and: join quoted words before a like/as clause.
COORDINATORS = word_list("sourcing", "coordinator")
#: Of, for: the preposition of the complement of an ``of_object`` cue ("accused X of Y").
OF_COMPLEMENTS = word_list("sourcing", "of_complement")

# ---------------------------------------------------------------------------------------------------
# Cue words and speaker nouns (framing/lexicons/sourcing/)

#: Families of ``speech_verbs.csv``.
CUE_FAMILIES = ("speech", "thought", "evidence", "object", "of_object", "as_object", "infinitive", "according")
#: Families of ``speakers.csv``.
SPEAKER_FAMILIES = ("speaker_noun", "media_name", "speaker_modifier", "state_name")


@dataclass(frozen=True)
class SourcingLexicon:
    """The sourcing word lists: cue words by lemma (phrase), their classes, speaker nouns and names."""

    cue_families: dict[str, frozenset[str]]
    cue_classes: dict[str, str]
    speaker_nouns: dict[str, str]
    media_names: frozenset[str]
    anonymous_modifiers: frozenset[str]
    state_names: frozenset[str] = field(default=frozenset())
    phrase_heads: frozenset[str] = field(default=frozenset())

    def families(self, lemma: str) -> frozenset[str]:
        """The families of a cue lemma or phrase (empty when it is not a cue)."""
        return self.cue_families.get(lemma, frozenset())

    def cue_class(self, lemma: str) -> str:
        """The class of a cue (``neutral`` when nothing classifies it)."""
        return self.cue_classes.get(lemma, "neutral")

    @cached_property
    def cue_keys(self) -> frozenset[int]:
        """The string ids (as in ``doc.to_array("LEMMA")``) of the words that can start a cue: the
        first word of each entry, "according", and their "-ed" / "-d" forms ("concerned" as an
        adjective)."""
        words = {entry.split()[0] for entry in self.cue_families} | {"according"}
        words |= {w + suffix for w in words for suffix in ("ed", "d")}
        return frozenset(get_string_id(w) for w in words)


def _read_rows(path: Path, families: Sequence[str], categories: Sequence[str]) -> list[tuple[str, str, str]]:
    """``(entry, family, category)`` of each row of a sourcing word list, the entry lower-cased.
    Raises LexiconError naming the file and line for an unknown family or category."""
    rows = []
    for row in read_rows(path, required=COLUMNS[:3]):
        entry = " ".join(row.entry.lower().split())
        if row.family not in families:
            raise LexiconError(path, f"unknown family {row.family!r} for {entry!r}",
                               f"use one of {', '.join(families)}", line=row.line)
        if row.category not in categories:
            raise LexiconError(path, f"unknown category {row.category!r} for {entry!r}",
                               f"use one of {', '.join(categories)}", line=row.line)
        rows.append((entry, row.family, row.category))
    return rows


@lru_cache(maxsize=None)
def load_sourcing_lexicon() -> SourcingLexicon:
    """The shipped sourcing word lists, with cue classes from the reporting-verb lexicon (which wins
    over the fallback class in ``speech_verbs.csv``). Raises InputError / LexiconError for a bad file."""
    folder = shipped("sourcing")
    families: dict[str, set[str]] = {}
    fallback: dict[str, str] = {}
    for entry, family, category in _read_rows(folder / "speech_verbs.csv", CUE_FAMILIES, CUE_CLASSES):
        families.setdefault(entry, set()).add(family)
        fallback.setdefault(entry, category)
    classes = dict(fallback)
    classes.update(reporting_verb_classes())
    nouns: dict[str, str] = {}
    media: set[str] = set()
    modifiers: set[str] = set()
    states: set[str] = set()
    for entry, family, category in _read_rows(folder / "speakers.csv", SPEAKER_FAMILIES, SPEAKER_TYPES):
        if family == "speaker_noun":
            nouns.setdefault(entry, category)
        elif family == "media_name":
            media.add(entry)
        elif family == "state_name":
            states.add(entry)
        else:
            modifiers.add(entry)
    heads = frozenset(e.split()[0] for e in families if " " in e)
    return SourcingLexicon({k: frozenset(v) for k, v in families.items()}, classes, nouns,
                           frozenset(media), frozenset(modifiers), frozenset(states), heads)
