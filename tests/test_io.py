"""framing.io: files written atomically, and the tables of a run staged in parts and published together,
or not at all."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from framing.errors import OutputError
from framing.io import FILE_MODE, STAGING_PREFIX, StagedTables, prepare_dir, write_atomic
from framing.schemas import SCHEMAS, TABLES, frame, read_table

TEXT = ("Minister quits\n\nThe minister resigned on Monday. She denied wrongdoing. Critics called it a so-called "
        "apology. The party thanked her.")


def sentence_rows(doc_id: str = "wire") -> list[dict]:
    """The sentences of TEXT, as the sentences table has them."""
    rows, start = [], 0
    for sent_id, text in enumerate(["Minister quits", "The minister resigned on Monday.", "She denied wrongdoing.",
                                    "Critics called it a so-called apology.", "The party thanked her."]):
        start = TEXT.index(text, start)
        rows.append({"doc_id": doc_id, "sent_id": sent_id, "start_char": start, "end_char": start + len(text),
                     "section": "headline" if sent_id == 0 else "body", "text": text, "polarity": 0.0,
                     "subjectivity": 0.0})
    return rows


def listing(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_prepare_dir_makes_the_folder_or_says_why_it_cannot(tmp_path):
    assert prepare_dir(tmp_path / "out" / "run") == tmp_path / "out" / "run"
    assert (tmp_path / "out" / "run").is_dir() and listing(tmp_path / "out" / "run") == []  # the probe is gone
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="the output path exists and is not a folder; choose another --out"):
        prepare_dir(blocker)
    with pytest.raises(OutputError, match="the output folder cannot be written"):
        prepare_dir(blocker / "out")


def test_write_atomic_replaces_a_file_whole_or_not_at_all(tmp_path):
    path = tmp_path / "figures" / "01_loaded_terms.csv"
    write_atomic(path, b"outlet,rate\nKrone,45.1\n")
    assert path.read_bytes() == b"outlet,rate\nKrone,45.1\n"
    assert os.stat(path).st_mode & 0o777 == FILE_MODE  # what open() would have given, not a private temp file
    write_atomic(path, b"outlet,rate\nKrone,46.0\n")
    assert path.read_bytes() == b"outlet,rate\nKrone,46.0\n"
    with pytest.raises(TypeError):
        write_atomic(path, "not bytes")  # fails while writing
    assert path.read_bytes() == b"outlet,rate\nKrone,46.0\n"
    assert listing(path.parent) == ["01_loaded_terms.csv"]  # no temporary file left behind


def test_tables_added_in_chunks_are_published_together_in_order(tmp_path):
    rows = sentence_rows()
    with StagedTables(tmp_path, chunk_rows=2) as staged:
        for row in rows:  # one article's rows at a time; every two rows go to a part on disk
            staged.add({"articles": [], "sentences": [row]})
        assert len(list(staged.staging.glob("sentences-*.parquet"))) == 2
        assert [n for n in listing(tmp_path) if not n.startswith(STAGING_PREFIX)] == []  # nothing shown yet
        written = staged.commit()
    assert [p.name for p in written] == [f"{name}.csv" for name in TABLES]
    assert listing(tmp_path) == sorted(f"{name}.csv" for name in TABLES)  # the staging folder is gone
    sentences = read_table(str(tmp_path / "sentences.csv"), "sentences")
    pd.testing.assert_frame_equal(sentences, frame("sentences", rows))
    assert [TEXT[r.start_char:r.end_char] for r in sentences.itertuples()] == sentences["text"].tolist()
    for name in ("articles", "markers", "quotes", "mentions"):  # no rows: the header alone
        assert (tmp_path / f"{name}.csv").read_text(encoding="utf-8") == ",".join(SCHEMAS[name]) + "\n"


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_a_column_first_seen_in_a_later_chunk_is_in_the_whole_table(tmp_path, fmt):
    first, second = sentence_rows("a")[:2], [{**row, "topic": "politics"} for row in sentence_rows("b")[:2]]
    with StagedTables(tmp_path, fmt=fmt, names=["sentences"], chunk_rows=2) as staged:
        staged.add({"sentences": first})
        staged.add({"sentences": second})
        [path] = staged.commit()
    assert path.name == f"sentences.{fmt}"
    table = read_table(str(path), "sentences")
    assert table["topic"].tolist() == ["", "", "politics", "politics"]
    assert table["doc_id"].tolist() == ["a", "a", "b", "b"]


def test_a_failed_run_leaves_the_previous_tables_untouched(tmp_path):
    with StagedTables(tmp_path) as staged:
        staged.add({"sentences": sentence_rows()})
        staged.commit()
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(KeyboardInterrupt):
        with StagedTables(tmp_path) as staged:
            staged.add({"sentences": sentence_rows("other")})
            raise KeyboardInterrupt
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown format 'xlsx'; choose from csv, parquet"):
        StagedTables(".", fmt="xlsx")
