"""Alignment of the seed pair: Krone and OneWorld report the same exchange, and select differently."""

from __future__ import annotations

from conftest import KRONE, ONEWORLD
from framing.alignment import SAME_KINDS, unique_passages


def quote(tables, doc: str, quote_id: int):
    return tables.quotes.set_index(["doc_id", "quote_id"]).loc[(doc, quote_id)]


def sentence(tables, doc: str, sent_id: int) -> str:
    return tables.sentences.set_index(["doc_id", "sent_id"]).loc[(doc, sent_id), "text"]


def test_both_report_tokayevs_refusal_to_recognise_the_donbass_republics(seed_tables):
    rows = seed_tables.alignments
    found = rows[(rows["kind"] == "same_fact") & rows["quote_a"].notna()]
    assert len(found) == 1
    row = found.iloc[0]
    assert (row["doc_a"], row["doc_b"]) == (KRONE, ONEWORLD)
    krone, oneworld = quote(seed_tables, KRONE, int(row["quote_a"])), quote(seed_tables, ONEWORLD, int(row["quote_b"]))
    assert krone["speaker_resolved"] == oneworld["speaker_resolved"] == "Kassym-Jomart Tokayev"
    assert "does not recognize two pro-Russian rebel areas in the Donbass" in krone["text"]
    assert "doesn’t recognize the independence of the Donbass Republics" in oneworld["text"]


def test_putins_historical_russia_remark_is_quoted_in_krone_and_paraphrased_in_oneworld(seed_tables):
    rows = seed_tables.alignments
    found = rows[rows["kind"] == "quote_paraphrase"]
    assert len(found) == 2
    for row in found.itertuples():
        krone = quote(seed_tables, KRONE, int(row.quote_a))
        assert krone["kind"] == "direct" and krone["speaker_resolved"] == "Vladimir Putin"
        assert krone["text"] == "What is the Soviet Union? This is historical Russia."
    paraphrases = {quote(seed_tables, ONEWORLD, int(q))["text"] for q in found["quote_b"]}
    assert paraphrases == {
        "the Soviet Union corresponded with Russia’s historical territory that it obtained over the centuries",
        "President Putin’s quip about the Soviet Union being historic Russia as a threat to Kazakhstan"}
    # OneWorld's paraphrase is Putin's own (indirect speech); the other lies inside what the observers said
    speakers = {quote(seed_tables, ONEWORLD, int(q))["speaker_resolved"] for q in found["quote_b"]}
    assert speakers == {"Vladimir Putin", "unnamed observers in Nur-Sultan"}


def test_no_pair_of_unrelated_passages_reports_the_same_thing(seed_tables):
    same = seed_tables.alignments[seed_tables.alignments["kind"].isin(SAME_KINDS)]
    texts = [(sentence(seed_tables, r.doc_a, r.sent_a), sentence(seed_tables, r.doc_b, r.sent_b))
             for r in same.itertuples()]
    assert len(texts) == 3
    for krone, oneworld in texts:
        assert "Tokayev" in krone + oneworld or "Soviet Union" in krone + oneworld


def test_each_outlet_selects_most_of_what_it_says_alone(seed_tables):
    selection = seed_tables.selection.set_index("outlet")
    assert list(selection.index) == ["Krone", "OneWorld"]
    assert (selection["compared"] == 1).all()
    assert selection.loc["Krone", "n_sentences"] == 27 and selection.loc["OneWorld", "n_sentences"] == 16
    # three Krone sentences (Tokayev's refusal, the two sentences of Putin's remark) and two OneWorld
    # sentences are reported by the other outlet
    assert selection.loc["Krone", "unique_sentences"] == 24
    assert selection.loc["OneWorld", "unique_sentences"] == 14
    assert selection.loc["Krone", "unique_share"] == 24 / 27
    # the headline and lead: Krone's are its own; OneWorld's lead carries the remark and the refusal
    assert selection.loc["Krone", "unique_lead_share"] == 1.0
    assert selection.loc["OneWorld", "unique_lead_sentences"] == 3


def test_unique_passages_list_what_only_one_outlet_reports(seed_tables):
    unique = unique_passages(seed_tables)
    krone = unique[(unique["doc_id"] == KRONE) & (unique["unit"] == "quote")]
    speakers = set(krone["speaker"])
    # Krone alone quotes the analysts and Lavrov; OneWorld alone reports the Telegraph
    assert {"Maximilian Hess", "Dimash Alzhanov", "Sergei Lavrov"} <= speakers
    oneworld = unique[(unique["doc_id"] == ONEWORLD) & (unique["unit"] == "quote")]
    assert "The Telegraph" in set(oneworld["speaker"])
    sentences = unique[unique["unit"] == "sentence"]
    assert len(sentences) == 24 + 14
