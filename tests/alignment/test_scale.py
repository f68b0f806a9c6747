"""Alignment work grows with the pairs inside events, never with the corpus squared; staged tables give
the rows that tables in memory give."""

from __future__ import annotations

import random

import pandas as pd

from framing.alignment import align
from framing.schemas import frame

WORDS = ("border troops minister forum treaty election grain pipeline sanctions summit protest parliament "
         "budget reactor harvest refinery tariff ceasefire envoy referendum").split()


def corpus(events: int, sentences: int = 6, outlets: int = 2, seed: int = 1) -> dict[str, pd.DataFrame]:
    """``events`` events with one article per outlet each; every sentence six random words."""
    rng = random.Random(seed)
    articles, rows = [], []
    for e in range(events):
        for o in range(outlets):
            doc = f"e{e:03d}/o{o}"
            articles.append({"doc_id": doc, "outlet": f"outlet{o}", "event": f"event{e:03d}", "n_words": 36,
                             "n_sentences": sentences, "text": "."})
            for s in range(sentences):
                text = " ".join(rng.choice(WORDS) for _ in range(6)) + "."
                rows.append({"doc_id": doc, "sent_id": s, "start_char": 40 * s, "end_char": 40 * s + len(text),
                             "section": "body", "text": text, "polarity": 0.0, "subjectivity": 0.0})
    return {"articles": frame("articles", articles), "sentences": frame("sentences", rows), "quotes": frame("quotes"),
            "mentions": frame("mentions")}


def test_comparisons_grow_with_the_pairs_inside_events():
    small, large = align(corpus(5)), align(corpus(20))
    assert small.events == 5 and large.events == 20
    assert small.work.article_pairs == 5 and large.work.article_pairs == 20
    assert small.work.comparisons == 5 * 6 * 6
    assert large.work.comparisons == 4 * small.work.comparisons  # 4x the events: 4x the work, not 16x
    three = align(corpus(5, outlets=3))
    assert three.work.article_pairs == 5 * 3 and three.work.comparisons == 5 * 3 * 6 * 6


def test_articles_of_one_outlet_are_not_compared():
    tables = corpus(3)
    tables["articles"] = tables["articles"].assign(outlet="same")
    result = align(tables)
    assert result.work.comparisons == 0 and result.alignments.empty
    assert result.selection["unique_share"].isna().all()  # nothing to share with


def test_staged_alignment_gives_the_rows_of_alignment_in_memory(tmp_path, monkeypatch):
    from framing.alignment import corpus as module
    from framing.alignment.events import key_actors
    from framing.io import StagedTables

    tables = corpus(12, sentences=5)
    for doc in ("e000/o1", "e003/o1"):  # two events with a shared sentence
        first = tables["sentences"]["doc_id"] == doc.replace("o1", "o0")
        same = tables["sentences"]["doc_id"] == doc
        tables["sentences"].loc[same & (tables["sentences"]["sent_id"] == 0), "text"] = \
            tables["sentences"].loc[first & (tables["sentences"]["sent_id"] == 0), "text"].iloc[0]
    expected = align(tables)
    assert (expected.alignments["kind"] == "same_fact").sum() >= 2
    monkeypatch.setattr(module, "BUCKET_ARTICLES", 5)  # several buckets of whole events
    emitted = {"alignments": [], "selection": []}
    with StagedTables(tmp_path, chunk_rows=7) as staged:
        staged.add({name: table.to_dict("records") for name, table in tables.items()})
        module.align_staged(tables["articles"], staged.chunks, tmp_path / "scratch",
                            actors=key_actors(tables["mentions"]),
                            emit=lambda rows: [emitted[n].extend(r) for n, r in rows.items()])
    got = frame("alignments", emitted["alignments"]).sort_values(["event", "doc_a", "sent_a", "doc_b", "sent_b"])
    want = expected.alignments.sort_values(["event", "doc_a", "sent_a", "doc_b", "sent_b"])
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True))
    pd.testing.assert_frame_equal(frame("selection", emitted["selection"]), expected.selection)
    assert not list((tmp_path / "scratch").iterdir())  # the buckets are removed as they are done
