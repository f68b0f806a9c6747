"""framing.analysis: a whole run, from the corpus to the tables, in memory (analyze) or on disk
(analyze_to)."""

from __future__ import annotations

import os

from framing.analysis import analyze


def test_problems_in_the_seed_corpus_are_named_relative_to_the_repository(tmp_path, monkeypatch, quick):
    corpus = tmp_path / "data" / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "good.txt").write_text("A headline\n\nThe mayor opened the bridge.", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    monkeypatch.setattr("framing.analysis.REPOSITORY", tmp_path)
    monkeypatch.setattr("framing.analysis.DEFAULT_CORPUS", corpus)
    tables = analyze(cache=False)
    assert list(tables.articles.path) == [os.path.join("data", "corpus", "good.txt")]
    assert [p.path for p in tables.problems] == [os.path.join("data", "corpus", "empty.txt")]
