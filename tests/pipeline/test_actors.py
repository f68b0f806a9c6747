"""The actors component: entity mentions, their canonical actor and their grammatical role."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from framing.pipeline.actors import _demonym_of, role
from seeds import CORPUS, KRONE, ONEWORLD


def mentions(nlp, text: str):
    return [(m.text, m.label, m.actor, m.role) for m in nlp(text)._.framing_mentions]


def test_short_names_point_to_the_full_name_and_roles_follow_the_parse(nlp):
    found = mentions(nlp, "Vladimir Putin met Kassym-Jomart Tokayev in Moscow. Later, Putin warned Tokayev.")
    actors = {(text, actor, role) for text, _, actor, role in found}
    assert ("Putin", "Vladimir Putin", "subject") in actors
    assert any(actor == "Kassym-Jomart Tokayev" and role == "object" for _, actor, role in actors)


@pytest.mark.parametrize("word, expected", [
    ("Kazakh", "Kazakhstan"), ("Syrian", "Syria"), ("Ukrainian", "Ukraine"), ("Chinese", "China"),
    ("Iraqi", "Iraq"), ("Russians", "Russia"), ("Jordan", None), ("Francesca", None), ("Georgia", None),
])
def test_nationality_words_of_places_in_the_text(word, expected):
    places = {"Kazakhstan", "Syria", "Ukraine", "China", "Iraq", "Russia", "Jordan", "France"}
    assert _demonym_of(word, places) == expected


def test_a_nationality_word_is_a_mention_of_its_place_when_the_place_is_named(nlp):
    doc = nlp("Russia massed troops. Russian officials denied it. The French minister called Kazakhstan. "
              "Ethnic Russians live in the north.")
    actors = {m.text: (m.actor, m.label) for m in doc._.framing_mentions}
    assert actors["Russian"] == ("Russia", "NORP")
    assert actors["Russians"][0] == "Russians"  # people, not the state
    assert actors["French"][0] == "French"  # France is not named: the word stays its own actor


@pytest.mark.parametrize("doc_id", [KRONE, ONEWORLD])
def test_a_nationality_word_is_never_an_organisation_or_a_person_in_the_seeds(seed_docs, doc_id):
    kazakh = [m for m in seed_docs[doc_id]._.framing_mentions if m.text == "Kazakh"]
    assert kazakh and all(m.label == "NORP" for m in kazakh)


def parsed(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    """A Doc with the dependency parse written in by hand."""
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)


def test_roles_follow_the_dependency_labels():
    passive = parsed(["Tokayev", "was", "warned", "by", "Vladimir", "Putin", "in", "Moscow", "."],
                     [2, 2, 2, 2, 5, 3, 2, 6, 2],
                     ["nsubjpass", "auxpass", "ROOT", "agent", "compound", "pobj", "prep", "pobj", "punct"])
    # the subject of a passive clause is its object, the "by" agent its subject; a name's first word
    # takes the role of its head
    assert [role(passive[i]) for i in (0, 4, 5, 7)] == ["object", "subject", "subject", "object"]
    active = parsed(["Putin", "’s", "aides", "praised", "Kazakhstan", "."], [2, 0, 3, 3, 3, 3],
                    ["poss", "case", "nsubj", "ROOT", "dobj", "punct"])
    assert [role(active[i]) for i in (0, 2, 4)] == ["other", "subject", "object"]


def test_the_component_reads_its_alias_table_and_sets_only_the_mentions():
    nlp = spacy.blank("en")
    finder = nlp.add_pipe("framing_actors", config={"aliases": str(CORPUS / "aliases.csv")})
    assert finder.aliases["tokaev"] == "Kassym-Jomart Tokayev"
    assert nlp.get_pipe_meta("framing_actors").assigns == ["doc._.framing_mentions"]
    doc = nlp("Tokaev met Putin.")  # no entity recogniser: no mentions
    assert doc._.framing_mentions == [] and doc._.framing_markers is None and doc._.framing_quotes is None
