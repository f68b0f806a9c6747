"""The alignments and selection tables in a run: analyze, analyze_to (streamed, event by event), the CLI."""

from __future__ import annotations

import pandas as pd

import framing
from framing import cli
from framing.options import Options
from framing.schemas import read_table


def test_analyze_to_writes_the_alignments_that_analyze_returns(tmp_path, passages_csv, passage_tables, quick):
    summary = framing.analyze_to(tmp_path, passages_csv)
    assert summary.alignment_seconds > 0
    for name in ("alignments", "selection"):
        written = read_table(tmp_path / f"{name}.csv", name)
        pd.testing.assert_frame_equal(written, passage_tables[name], check_dtype=True)


def test_the_cross_tables_bring_the_tables_they_are_computed_from():
    assert Options(tables=["alignments"]).tables == ("articles", "sentences", "quotes", "mentions", "alignments")
    assert Options(tables=["alignments"]).extractors == ("sourcing", "actors")
    assert "markers" not in Options(tables=["selection"]).extractors


def test_cli_tables_alignments(tmp_path, quick):
    assert cli.main(["analyze", "--out", str(tmp_path), "--tables", "alignments", "-q"]) == cli.EXIT_OK
    alignments = read_table(tmp_path / "alignments.csv", "alignments")
    assert set(alignments["kind"]) >= {"same_fact", "quote_paraphrase"}
    assert read_table(tmp_path / "selection.csv", "selection").empty  # not asked for
    assert read_table(tmp_path / "markers.csv", "markers").empty


def test_a_large_corpus_without_events_gets_a_notice(tmp_path, monkeypatch, quick, capsys):
    from framing.alignment import events

    monkeypatch.setattr(events, "SINGLE_EVENT_MAX", 2)
    corpus = tmp_path / "corpus.csv"
    corpus.write_text("id,date,text\n"
                      "a,2022-06-17,Putin said that the Soviet Union was historic Russia.\n"
                      "b,2022-06-17,Tokayev refused to recognise the Donbass republics.\n"
                      "c,2022-06-18,Scholz announced that Germany would send tanks to Ukraine.\n", encoding="utf-8")
    assert cli.main(["analyze", str(corpus), "--out", str(tmp_path / "out"), "-q"]) == cli.EXIT_OK
    err = capsys.readouterr().err
    assert "framing: note: 3 articles and no 'event' column: passages are aligned within events grouped by date" in err
    selection = read_table(tmp_path / "out" / "selection.csv", "selection")
    assert selection["event"].str.match(r"^2022-06-1[78]/\d$").all()
    tables = framing.analyze(corpus)
    assert any("no 'event' column" in p.problem and not p.skipped for p in tables.problems)


def test_selection_shares_round_trip_when_empty(tmp_path, quick):
    corpus = tmp_path / "one.md"
    corpus.write_text("---\noutlet: A\n---\nA headline\n\nPutin said it was a clear threat.\n", encoding="utf-8")
    framing.analyze_to(tmp_path / "out", corpus)
    selection = read_table(tmp_path / "out" / "selection.csv", "selection")
    assert selection["compared"].tolist() == [0]
    assert selection["unique_share"].isna().all()
