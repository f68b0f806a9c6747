"""framing.alignment.pairing on passages written for the tests: what must align, with which kind, and
what must not."""

from __future__ import annotations

import pandas as pd

from framing.alignment import SAME_KINDS
from framing.alignment.pairing import same_speaker, shares_content, speaker_key


def rows(tables, pair: str) -> pd.DataFrame:
    return tables.alignments[tables.alignments["event"] == pair]


def kinds(tables, pair: str) -> set[str]:
    return set(rows(tables, pair)["kind"])


def test_a_paraphrase_of_one_fact_is_the_same_fact(passage_tables):
    found = rows(passage_tables, "paraphrase")
    assert list(found["kind"]) == ["same_fact"]
    assert found["doc_a"].iloc[0].endswith("paraphrase-a") and found["doc_b"].iloc[0].endswith("paraphrase-b")
    assert found["quote_a"].isna().all()  # a sentence pair, not a quotation pair


def test_two_translations_of_one_quotation_are_the_same_quotation(passage_tables):
    for pair in ("translation", "translation-soviet"):
        found = rows(passage_tables, pair)
        same = found[found["kind"] == "same_quote"]
        assert len(same) == 1, pair
        quotes = passage_tables.quotes.set_index(["doc_id", "quote_id"])
        a = quotes.loc[(same["doc_a"].iloc[0], int(same["quote_a"].iloc[0]))]
        b = quotes.loc[(same["doc_b"].iloc[0], int(same["quote_b"].iloc[0]))]
        assert a["speaker_resolved"] == b["speaker_resolved"] == "Putin"
        assert a["kind"] == b["kind"] == "direct"


def test_a_quotation_and_its_paraphrase(passage_tables):
    found = rows(passage_tables, "paraphrased-quote")
    assert "quote_paraphrase" in set(found["kind"])
    pair = found[found["kind"] == "quote_paraphrase"].iloc[0]
    quotes = passage_tables.quotes.set_index(["doc_id", "quote_id"])
    assert quotes.loc[(pair["doc_a"], int(pair["quote_a"])), "kind"] == "direct"
    assert quotes.loc[(pair["doc_b"], int(pair["quote_b"])), "kind"] == "indirect"


def test_passages_that_share_names_but_not_content_do_not_align(passage_tables):
    for pair in ("names", "names-lavrov"):
        assert not kinds(passage_tables, pair) & set(SAME_KINDS), pair


def test_the_same_words_from_two_speakers_are_never_the_same_quotation(passage_tables):
    for pair in ("speakers", "speakers-sanctions"):
        found = kinds(passage_tables, pair)
        assert "same_quote" not in found and "quote_paraphrase" not in found, pair
        assert found <= {"related"}, pair


def test_speakers_match_by_full_name_or_surname_only():
    assert same_speaker("putin", "vladimir putin")
    assert same_speaker("kassym-jomart tokayev", "tokayev")
    assert not same_speaker("putin", "lavrov")
    assert not same_speaker("vladimir putin", "vladimir zelensky")
    assert not same_speaker("", "")
    assert speaker_key({"speaker_resolved": "The Kremlin", "speaker": "it"}) == "kremlin"
    assert speaker_key({"speaker_resolved": "", "speaker": "an observer"}) == "an observer"


def test_names_alone_never_share_content():
    no_words = frozenset()
    assert not shares_content(no_words, no_words, frozenset({"putin", "tokayev"}), frozenset({"putin", "tokayev"}))
    assert not shares_content(frozenset({"threa"}), frozenset({"threa"}), frozenset(), frozenset({"putin"}))
    assert shares_content(frozenset({"threa"}), frozenset({"threa"}), frozenset({"kazakhstan"}),
                          frozenset({"kazakhstan"}))
    # the speaker whose words are compared does not count as shared content
    assert not shares_content(frozenset({"threa"}), frozenset({"threa"}), frozenset({"putin"}), frozenset({"putin"}),
                              "vladimir putin")
