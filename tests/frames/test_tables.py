"""The frames and sentence_frames tables of the seed corpus: their columns, how they point at sentences
and cue markers, the model switched off, and the CLI options that choose them."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import KRONE, ONEWORLD
from framing import cli
from framing.analysis import analyze
from framing.lexicons.definitions import frame_names
from framing.schemas import FRAMES, SENTENCE_FRAMES, TABLES, read_table


@pytest.fixture(scope="module")
def tables(nlp):
    return analyze(nlp=nlp)


def test_frames_has_one_row_per_article_and_frame_with_evidence_sentences(tables):
    frames = tables.frames
    assert tuple(frames.columns) == FRAMES
    assert len(frames) == 28 and frames.groupby("doc_id")["frame"].apply(tuple).tolist() == [frame_names()] * 2
    assert frames["score"].between(0, 1).all() and frames["present"].dtype == bool
    krone = frames[frames["doc_id"] == KRONE].set_index("frame")
    assert krone.at["Security_and_defense", "present"] and not krone.at["Health_and_safety", "present"]
    sentences = tables.sentences
    for row in frames[frames["present"]].itertuples():
        ids = [int(s) for s in row.evidence.split(";")]
        assert 1 <= len(ids) <= 3
        assert set(ids) <= set(sentences.loc[sentences["doc_id"] == row.doc_id, "sent_id"])
    assert frames["source"].str.match(r"frames-semeval23 [0-9a-f]{12}$").all()


def test_sentence_frames_are_the_sentences_with_cues_and_their_parts(tables):
    evoked = tables.sentence_frames
    assert tuple(evoked.columns) == SENTENCE_FRAMES
    cues = tables.markers[tables.markers["family"] == "frame"]
    counted = cues.groupby(["doc_id", "sent_id", "category"]).size()
    n_cues = evoked.set_index(["doc_id", "sent_id", "frame"])["n_cues"].sort_index()
    assert n_cues.tolist() == counted.sort_index().tolist()
    headline = evoked[(evoked["doc_id"] == ONEWORLD) & (evoked["sent_id"] == 0)].set_index("frame")
    assert headline.at["Security_and_defense", "cues"] == "Threaten"  # "Didn't Just Threaten ..."
    assert evoked["score"].notna().all()
    # n_sentences in frames counts these rows
    per_frame = evoked.groupby(["doc_id", "frame"]).size()
    frames = tables.frames.set_index(["doc_id", "frame"])
    assert all(frames.at[key, "n_sentences"] == n for key, n in per_frame.items())


def test_with_the_model_off_frames_is_empty_and_sentence_parts_are_missing(tmp_path):
    out = tmp_path / "off"
    assert cli.main(["analyze", "--out", str(out), "--frames-model", "off", "--tables", "frames,sentence_frames",
                     "-q"]) == cli.EXIT_OK
    assert read_table(out / "markers.csv", "markers").empty  # not asked for
    assert read_table(out / "frames.csv", "frames").empty
    evoked = read_table(out / "sentence_frames.csv", "sentence_frames")
    assert len(evoked) > 10 and evoked["score"].isna().all()


def test_a_model_folder_that_is_not_there_is_a_one_line_error(tmp_path, capsys):
    code = cli.main(["analyze", "--out", str(tmp_path / "x"), "--frames-model", str(tmp_path / "nope"), "-q"])
    assert code == cli.EXIT_ERROR
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "nope: no frames model here (expected frames.npz)" in err


def test_frames_tables_round_trip_through_csv(tmp_path, quick):
    assert "frames" in TABLES and "sentence_frames" in TABLES
    assert cli.main(["analyze", "--out", str(tmp_path), "--tables", "frames,sentence_frames", "-q"]) == cli.EXIT_OK
    frames = read_table(tmp_path / "frames.csv", "frames")
    assert frames["present"].dtype == bool and frames["score"].dtype == "float64" and len(frames) == 28
    pd.testing.assert_series_equal(frames["n_sentences"], frames["n_sentences"].astype("int64"))


def test_a_text_in_pieces_gets_per_frame_the_row_of_its_best_piece():
    from framing.pipeline.pieces import merge_frames, shift

    first = [{"doc_id": "d", "frame": "Economic", "score": 0.7, "present": True, "n_sentences": 2, "evidence": "1;0",
              "source": "m"},
             {"doc_id": "d", "frame": "Political", "score": 0.2, "present": False, "n_sentences": 1, "evidence": "3",
              "source": "m"}]
    second = shift({"articles": [], "frames": [
        {"doc_id": "d", "frame": "Economic", "score": 0.4, "present": False, "n_sentences": 1, "evidence": "2",
         "source": "m"},
        {"doc_id": "d", "frame": "Political", "score": 0.9, "present": True, "n_sentences": 3, "evidence": "0;4",
         "source": "m"}]}, chars=100, sentences=5, quotes=0)["frames"]
    assert [r["evidence"] for r in second] == ["7", "5;9"]  # sent_ids counted on from the first piece's 5
    merged = {r["frame"]: r for r in merge_frames(first + second)}
    assert (merged["Economic"]["score"], merged["Economic"]["present"], merged["Economic"]["n_sentences"],
            merged["Economic"]["evidence"]) == (0.7, True, 3, "1;0")
    assert (merged["Political"]["score"], merged["Political"]["present"], merged["Political"]["n_sentences"],
            merged["Political"]["evidence"]) == (0.9, True, 4, "5;9")
