"""framing.analysis: a whole run, from the corpus to the tables, in memory (analyze) or on disk
(analyze_to). Most runs here use a pipeline without a model (the tables then have no quotes or mentions);
the trained pipeline's tables are tested in tests/pipeline/test_engine.py."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from framing import analysis
from framing.analysis import Summary, Tables, analyze, analyze_to, default_corpus
from framing.errors import InputError, Problem
from framing.schemas import TABLES, frame, read_table
from seeds import CORPUS, KRONE, ONEWORLD


def test_the_seed_corpus_by_default_with_paths_relative_to_the_repository(blank_nlp):
    tables = analyze(nlp=blank_nlp, cache=False)
    assert default_corpus() == CORPUS
    articles = tables.articles
    assert articles[["doc_id", "outlet"]].values.tolist() == [[KRONE, "Krone"], [ONEWORLD, "OneWorld"]]
    assert articles["path"].tolist() == [f"data/corpus/{KRONE}.txt", f"data/corpus/{ONEWORLD}.txt"]
    assert articles["title"].tolist() == ["“Clear Warning” – Does Kazakhstan Face the Same Fate as Ukraine?",
                                          "No, Putin Didn’t Just Threaten to Take Over Kazakhstan"]
    text = articles.set_index("doc_id")["text"]
    for name in ("sentences", "markers"):
        rows = tables[name]
        assert set(rows["doc_id"]) == {KRONE, ONEWORLD}, name
        assert [text[r.doc_id][r.start_char:r.end_char] for r in rows.itertuples()] == rows["text"].tolist(), name
    assert {"clear threat", "so-called"} <= set(tables.markers["text"].str.lower())
    assert tables.quotes.empty and tables.mentions.empty  # this pipeline has no sourcing or actors component
    assert list(tables.quotes.columns) == list(frame("quotes").columns)
    # what reading noted is named relative to the repository too
    assert [(p.path, p.problem, p.skipped) for p in tables.problems] == [
        (f"data/corpus/{ONEWORLD}.txt", "dropped a standfirst that repeats a later paragraph", False)]


def test_only_the_tables_asked_for_are_computed(blank_nlp):
    tables = analyze(CORPUS, nlp=blank_nlp, cache=False, tables=["sentences"])
    assert len(tables.articles) == 2 and len(tables.sentences) > 40
    assert tables.markers.empty


def test_a_tables_object_is_read_by_name():
    tables = Tables(**{name: frame(name) for name in TABLES})
    assert tables["quotes"] is tables.quotes
    with pytest.raises(KeyError, match="no table 'speakers'; the tables are articles, sentences, markers, quotes"):
        tables["speakers"]


def test_bad_inputs_are_skipped_reported_and_listed(tmp_path, blank_nlp):
    (tmp_path / "good.txt").write_text("Bridge opens\n\nThe mayor said the bridge was clearly a success.",
                                       encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    reported = []
    tables = analyze(tmp_path, nlp=blank_nlp, cache=False, on_problem=reported.append)
    assert tables.articles["doc_id"].tolist() == ["good"]
    assert [(p.path, p.problem, p.skipped) for p in tables.problems] == [
        (str(tmp_path / "empty.txt"), "the file is empty", True)]
    assert reported == tables.problems
    assert [(m.text, m.family) for m in tables.markers.itertuples()] == [("clearly", "booster")]


def test_nothing_readable_is_an_error_naming_the_input(tmp_path, blank_nlp):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="no article could be read; check the paths and the messages above"):
        analyze(tmp_path, nlp=blank_nlp, cache=False)


def test_without_its_repository_there_is_no_default_corpus(tmp_path, monkeypatch):
    monkeypatch.setattr(analysis, "DEFAULT_CORPUS", tmp_path / "data" / "corpus")
    with pytest.raises(InputError, match="the seed corpus is not here.*; give the folder of your articles as INPUT"):
        default_corpus()


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_analyze_to_writes_the_tables_analyze_returns(tmp_path, blank_nlp, fmt):
    summary = analyze_to(tmp_path / "out", CORPUS, fmt=fmt, nlp=blank_nlp, cache=False)
    assert [p.name for p in summary.written] == [f"{name}.{fmt}" for name in TABLES]
    tables = analyze(CORPUS, nlp=blank_nlp, cache=False)
    for name in TABLES:
        pd.testing.assert_frame_equal(read_table(str(tmp_path / "out" / f"{name}.{fmt}"), name), tables[name])
    assert (summary.articles, summary.sentences, summary.words) == (
        2, int(tables.articles["n_sentences"].sum()), int(tables.articles["n_words"].sum()))
    assert summary.skipped == [] and summary.seconds > 0


def test_the_summary_line_counts_what_was_read_and_skipped():
    summary = Summary(articles=2, sentences=43, words=994, seconds=1.25)
    assert summary.line() == "2 articles, 43 sentences, 994 words in 1.2 s"
    summary.problems = [Problem("a.txt", None, "the file is empty", "remove it"),
                        Problem("b.txt", None, "not UTF-8: decoded as cp1252 (detected)", "", skipped=False)]
    assert summary.line().endswith("in 1.2 s; 1 input(s) skipped")
    summary.count({"articles": [{"n_sentences": 3, "n_words": 1200}]})
    assert (summary.articles, summary.sentences, summary.words) == (3, 46, 2194)
    assert summary.line().startswith("3 articles, 46 sentences, 2,194 words")


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
