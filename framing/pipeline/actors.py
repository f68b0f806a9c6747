"""The ``framing_actors`` component: who and what an article talks about, and in which role.

Each named entity of a useful kind (:data:`LABELS`: people, organisations, places, nationalities) is a
:class:`~framing.records.Mention` with its ``actor``: the canonical name, merged the same way the
sourcing component resolves speakers (:class:`framing.sourcing.resolver.NameResolver`): a short name
points to the fullest form of the name in the article ("Putin" -> "Vladimir Putin"), the user's alias
table merges spellings ("Tokaev" -> "Kassym-Jomart Tokayev"), possessive endings go ("Russia’s" ->
"Russia").

``role`` is the grammatical role of the mention's head: ``subject`` (the subject of an active clause,
or the "by" agent of a passive one), ``object`` (a direct or indirect object, the subject of a passive
clause, or the object of a preposition) or ``other`` (modifiers, appositions, possessives, headlines
without a verb...).

A one-word organisation or person that is the nationality word of a place named in the same article
("Kazakh" next to "Kazakhstan") is labelled ``NORP``, like "Russian": the recogniser often mistakes
such words for organisations. A nationality word whose place is named in the same article counts as a
mention of that place: its ``actor`` is the place ("the Kazakh president" and "Russian troops" name
Kazakhstan and Russia), while ``text`` and ``label`` stay those of the word. A plural ("ethnic
Russians") names people, not the state, and stays its own actor.

>>> nlp.add_pipe("framing_actors")                            # doctest: +SKIP
>>> [(m.text, m.actor, m.role) for m in nlp("Putin threatened Kazakhstan.")._.framing_mentions]  # doctest: +SKIP
[('Putin', 'Putin', 'subject'), ('Kazakhstan', 'Kazakhstan', 'object')]
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from framing import extensions  # noqa: F401  (registers the Doc extensions)
from framing.aliases import read_aliases
from framing.arrays import entities
from framing.records import Mention
from framing.sourcing.lexicon import load_sourcing_lexicon
from framing.sourcing.resolver import NameResolver
from framing.sourcing.speakers import clean_name

#: Entity labels kept as actors.
LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")
SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
OBJECT_DEPS = frozenset({"dobj", "iobj", "dative", "nsubjpass", "csubjpass", "pobj", "attr", "oprd"})


def role(head: Token) -> str:
    """``subject``, ``object`` or ``other`` for the head token of a mention (see the module docs)."""
    token = head
    while token.dep_ in ("compound", "flat", "conj", "appos") and token.head is not token:
        token = token.head
    if token.dep_ in SUBJECT_DEPS:
        return "subject"
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return "subject"
    if token.dep_ in OBJECT_DEPS:
        return "object"
    return "other"


def find_mentions(doc: Doc, *, aliases: dict[str, str] | None = None) -> list[Mention]:
    """The entity mentions of ``doc`` with their actor and role, in text order."""
    ents = entities(doc)
    names = NameResolver(doc, load_sourcing_lexicon(), aliases or {}, ents=ents, names_only=True)
    places = {clean_name(ent.text) for ent in ents if ent.label_ == "GPE"}
    mentions = []
    for ent in ents:
        if ent.label_ not in LABELS:
            continue
        name = clean_name(ent.text).rstrip("-\u2010\u2013")
        if not name:
            continue
        label = ent.label_
        one_word_name = label in {"ORG", "PERSON"} and len(ent) == 1
        place = _demonym_of(name, places) if label == "NORP" or one_word_name else None
        if one_word_name and place:
            label = "NORP"
        if label == "NORP" and place and not ent.root.tag_.endswith("S"):  # "the Russians" are people
            actor = names.alias(place)
        else:
            actor = names.person_name(name) if label == "PERSON" else names.alias(name)
        mentions.append(Mention(start_char=ent.start_char, end_char=ent.end_char, text=ent.text,
                                label=label, actor=actor or name, role=role(ent.root)))
    return mentions


#: Endings that make a nationality word from a place name (Syri-an, Ukrain-ian, Chin-ese, Iraq-i).
DEMONYM_ENDINGS = ("", "n", "an", "ian", "ese", "i", "ish", "ic")


def _demonym_of(word: str, places: set[str]) -> str | None:
    """The place named in the same text whose nationality word ``word`` is ("Kazakh" and "Kazakhstan",
    "Syrians" and "Syria"), else None. The recogniser sometimes takes such words for an organisation or
    a person. The places are tried in sorted order, so the answer never depends on set order."""
    for place in sorted(places):
        if place == word:
            continue
        if len(word) >= 4 and place.startswith(word) and place[len(word):] in {"stan", "istan"}:  # Kazakh(stan)
            return place
        stem = place[:-1] if place[-1:] in {"a", "e", "i", "o", "u", "y"} else place
        if len(stem) >= 4 and word.startswith(stem) and word[len(stem):].rstrip("s") in DEMONYM_ENDINGS:
            return place
    return None


class ActorFinder:
    """The component: sets ``doc._.framing_mentions`` and changes nothing else."""

    def __init__(self, aliases: dict[str, str]):
        self.aliases = aliases

    def __call__(self, doc: Doc) -> Doc:
        doc._.framing_mentions = find_mentions(doc, aliases=self.aliases)
        return doc


@Language.factory("framing_actors", default_config={"aliases": None},
                  requires=["doc.ents", "token.dep"], assigns=["doc._.framing_mentions"])
def make_actors(nlp: Language, name: str, aliases: str | None) -> ActorFinder:
    """Build the component; ``aliases`` is the path of an alias CSV (``alias,canonical``) or None.
    Raises InputError for a bad alias file."""
    return ActorFinder(read_aliases(Path(aliases)) if aliases else {})
