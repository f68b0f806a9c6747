"""The fast attribute ruler and lemmatizer give exactly the annotations of spaCy's own components."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from seeds import CORPUS, KRONE, ONEWORLD
from framing.pipeline.fastrules import FastAttributeRuler, FastEnglishLemmatizer, speed_up
from framing.pipeline.model import resolve_model

ATTRS = [POS, TAG, DEP, HEAD, MORPH, LEMMA]
#: Words the ruler's patterns of several tokens, its regular expressions and its sets are about, and
#: forms the lemmatizer's exceptions and rules are about.
PASSAGE = ("Y'all ain't gonna believe it. Let's go, there's nothin' left! We were gotta-be fools; "
           "the mice ran faster and the geese flew. She's been better; they'd've known. \n\n"
           "  “Is it?” he asked -- and there are, there were, 3.5 % fewer of them.\t")


def annotations(doc) -> tuple:
    return (doc.to_array(ATTRS).tolist(), [str(t.morph) for t in doc], [t.lemma_ for t in doc],
            [t.pos_ for t in doc])


@pytest.mark.parametrize("limit", [200_000, 3])
def test_blank_ruler_with_every_kind_of_pattern_gives_the_stock_annotations(limit, monkeypatch):
    # with a small limit the stand-in's memory starts afresh many times: same annotations, bounded memory
    monkeypatch.setattr("framing.pipeline.fastrules.MEMO_LIMIT", limit)
    texts = ["Y'all ain't gonna say nothin', let's see.", "There is a cat and there are dogs",
             "  spaces  \n\n here", "It is what it is", ""]

    def ruler(fast: bool):
        nlp = spacy.blank("en")
        rules = nlp.add_pipe("attribute_ruler")
        rules.add([[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], {"LEMMA": "you"})
        rules.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=1)
        rules.add([[{"LOWER": "let"}, {"LOWER": "'s"}]], {"LEMMA": "us", "POS": "PRON"}, index=-1)
        rules.add([[{"LOWER": {"IN": ["is", "are"]}}]], {"POS": "AUX", "LEMMA": "be"})
        rules.add([[{"LOWER": "is"}]], {"POS": "VERB"})                   # a later rule wins
        rules.add([[{"LOWER": {"NOT_IN": ["is", "are", "a"]}}]], {"MORPH": "Foo=Bar"})
        rules.add([[{"IS_SPACE": True}]], {"POS": "SPACE", "MORPH": ""})
        rules.add([[{"LOWER": {"REGEX": "^n[ou]thin'?$"}}]], {"LEMMA": "nothing"})
        rules.add([[{"LOWER": "there"}, {"LOWER": {"IN": ["is", "are"]}}]], {"POS": "PRON"}, index=0)
        if fast:
            assert speed_up(nlp) == ["attribute_ruler"]
            assert type(nlp.get_pipe("attribute_ruler")) is FastAttributeRuler
        return nlp

    stock, fast = ruler(False), ruler(True)
    for text in texts * 2:  # the second time from the fast ruler's memory
        assert annotations(fast(text)) == annotations(stock(text))
    assert fast("let's")[1].lemma_ == "us" and fast("it is")[1].pos_ == "VERB"
    assert len(fast.get_pipe("attribute_ruler")._framing_plan.memo) <= limit


def test_rulers_and_lemmatizers_the_stand_ins_do_not_handle_are_left_alone():
    nlp = spacy.blank("en")
    rules = nlp.add_pipe("attribute_ruler")
    rules.add([[{"LOWER": "x"}]], {"NORM": "ex"})  # assigns an attribute not handled here
    assert speed_up(nlp) == []
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"


@pytest.fixture(scope="module")
def stock_and_fast():
    stock = spacy.load(resolve_model())
    fast = spacy.load(resolve_model())
    assert speed_up(fast) == ["attribute_ruler", "lemmatizer"]
    assert type(fast.get_pipe("lemmatizer")) is FastEnglishLemmatizer
    return stock, fast


@pytest.mark.slow
def test_the_english_model_annotates_the_seed_articles_and_a_passage_as_spacy_does(stock_and_fast):
    stock, fast = stock_and_fast
    texts = [(CORPUS / f"{name}.txt").read_text(encoding="utf-8") for name in (KRONE, ONEWORLD)] + [PASSAGE]
    fast_docs = list(fast.pipe(texts * 2))  # twice: from the stand-ins' memory too
    stock_docs = list(stock.pipe(texts * 2))
    for mine, theirs in zip(fast_docs, stock_docs):
        assert annotations(mine) == annotations(theirs)
    lemmas = {t.text: t.lemma_ for t in fast_docs[2]}  # the rules, the exceptions and the ruler's own
    assert (lemmas["mice"], lemmas["ran"], lemmas["flew"], lemmas["known"]) == ("mouse", "run", "fly", "know")
    assert (lemmas["na"], lemmas["nothin'"], lemmas["ai"]) == ("to", "nothing", "be")
