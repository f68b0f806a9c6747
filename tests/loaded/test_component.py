"""The shipped loaded-language model in the pipeline, on the seed articles and small passages: its rows
say where they come from, nothing is counted twice, no name is a loaded term, and it can be switched
off by option and by config file."""

from __future__ import annotations

import pytest

from conftest import KRONE, ONEWORLD
from framing.loaded.model import load_loaded_model
from framing.options import load_options
from framing.pipeline.markers import NAME_ENTITIES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def shipped():
    return load_loaded_model("default")


def loaded_rows(doc):
    return [m for m in doc._.framing_markers if m.family == "loaded"]


@pytest.fixture(scope="module")
def lexicon_only():
    from framing.pipeline.model import load_pipeline

    return load_pipeline(loaded_model="off")


def test_the_shipped_model_is_small_and_carries_its_card(shipped):
    from framing.loaded.model import DEFAULT_MODEL

    assert (DEFAULT_MODEL / "loaded.json").stat().st_size < 20_000_000
    card = (DEFAULT_MODEL / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert shipped.name == "loaded-semeval23" and f"version `{shipped.version}`" in card
    assert "SemEval-2023 Task 3" in card and "licence" in card.lower() and "held out" in card
    assert shipped.meta["held_out"]["merged"]["f1"] > shipped.meta["held_out"]["lexicon"]["f1"]


@pytest.mark.parametrize("doc_id", [KRONE, ONEWORLD])
def test_seed_rows_say_whether_a_lexicon_or_the_model_found_them(seed_docs, shipped, doc_id):
    rows = loaded_rows(seed_docs[doc_id])
    learned = [m for m in rows if m.source.startswith("model:")]
    listed = [m for m in rows if not m.source.startswith("model:")]
    assert listed and all(m.entry and m.score is None for m in listed)
    for m in learned:
        assert m.source == shipped.source and m.entry == ""
        assert m.category in ("loaded language", "name calling") and 0 < m.score <= 1


@pytest.mark.parametrize("doc_id", [KRONE, ONEWORLD])
def test_seed_loaded_rows_never_overlap_and_none_is_a_plain_name(seed_docs, doc_id):
    doc = seed_docs[doc_id]
    rows = sorted(loaded_rows(doc), key=lambda m: m.start_char)
    assert all(a.end_char <= b.start_char for a, b in zip(rows, rows[1:]))
    for m in rows:
        span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
        assert not all(t.ent_type_ in NAME_ENTITIES for t in span), m.text


def test_every_lexicon_match_stays_and_model_spans_fill_in(seed_docs, seed_articles, lexicon_only, shipped):
    assert shipped.rule == "lexicon"
    added = 0
    for doc_id in (KRONE, ONEWORLD):
        plain = {(m.start_char, m.end_char, m.category) for m in loaded_rows(lexicon_only(seed_articles[doc_id].text))}
        with_model = loaded_rows(seed_docs[doc_id])
        kept = {(m.start_char, m.end_char, m.category) for m in with_model if not m.source.startswith("model:")}
        assert kept == plain  # the seed annotation tests read the same lexicon rows
        learned = [m for m in with_model if m.source.startswith("model:")]
        assert not any(m.start_char < e and s < m.end_char for m in learned for s, e, _ in plain)
        added += len(learned)
    assert added >= 1


def test_a_passage_of_name_calling_is_found(nlp):
    doc = nlp("Critics said the senator was a spineless coward and a pathetic liar who betrayed "
              "his voters with a disgraceful, shameless scheme.")
    found = [m for m in loaded_rows(doc)]
    assert found, "nothing found in an openly loaded sentence"
    covered = "".join(doc.text[m.start_char:m.end_char] for m in found)
    assert any(w in covered for w in ("coward", "liar", "disgraceful", "shameless"))


def test_off_by_option_and_by_config_file(tmp_path, lexicon_only):
    doc = lexicon_only("Critics said the senator was a spineless coward and a pathetic liar.")
    assert not [m for m in doc._.framing_markers if m.source.startswith("model:")]
    config = tmp_path / "framing.toml"
    config.write_text('loaded-model = "off"\n', encoding="utf-8")
    options = load_options(config)
    assert options.loaded_model == "off" and "loaded_spans" not in options.extractors
    assert "loaded_spans" in load_options(None).extractors


@pytest.mark.parametrize("text", ["So far, nobody has left.", "The council met on Monday to discuss the budget.",
                                  "Road works\n\nOfficials said the road would reopen in May. The report was "
                                  "published after the vote."])
def test_plain_sentences_get_no_model_span(nlp, text):
    assert [m.text for m in nlp(text)._.framing_markers if m.source.startswith("model:")] == []
