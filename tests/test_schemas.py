"""framing.schemas: the five tables' columns and types, defined once, given to any DataFrame, and kept
when a table is written and read back."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.schemas import CROSS_TABLES, ARTICLES, MARKERS, SCHEMAS, TABLES, conform, frame, read_table

TEXT = "Minister quits\n\nThe minister said it was a so-called apology."


def article_rows() -> list[dict]:
    return [{"doc_id": "wire/1", "outlet": "Wire", "n_words": 10, "n_sentences": 2, "text": TEXT, "topic": "politics",
             "language": "en"}]


def marker_rows() -> list[dict]:
    start = TEXT.index("so-called")
    return [{"doc_id": "wire/1", "sent_id": 1, "start_char": start, "end_char": start + 9, "text": "so-called",
             "lemma": "so - called", "family": "distancing", "category": "distancing label", "entry": "so-called",
             "source": "project", "voice": "author", "quote_id": None, "negated": False},
            {"doc_id": "wire/1", "sent_id": 1, "start_char": TEXT.index("said"), "end_char": TEXT.index("said") + 4,
             "text": "said", "lemma": "say", "family": "reporting_verb", "category": "neutral", "entry": "say",
             "source": "project", "voice": "quoted", "quote_id": 1}]


def test_the_tables_and_their_columns():
    assert TABLES == ("articles", "sentences", "markers", "quotes", "mentions", "frames", "sentence_frames",
                      "alignments", "selection")
    for name, columns in SCHEMAS.items():  # every row names its article (or, across articles, its event)
        assert columns[0] == ("event" if name in CROSS_TABLES else "doc_id") and len(set(columns)) == len(columns), name
    assert {"doc_a", "doc_b"} <= set(SCHEMAS["alignments"]) and "doc_id" in SCHEMAS["selection"]
    assert ARTICLES[-1] == "text"  # the long text comes last


def test_an_articles_table_has_its_fixed_columns_then_the_metadata_then_the_text():
    articles = frame("articles", article_rows())
    assert list(articles.columns) == [*ARTICLES[:-1], "language", "topic", "text"]
    row = articles.iloc[0]
    assert (row["title"], row["author"], row["n_words"], row["text"]) == ("", "", 10, TEXT)  # unknown: empty
    assert str(articles["title"].dtype) == "string" and articles["n_words"].dtype == "int64"


def test_a_markers_table_has_its_types_and_defaults():
    markers = frame("markers", marker_rows())
    assert list(markers.columns) == list(MARKERS)
    assert markers["quote_id"].dtype == "Int64" and markers["quote_id"].isna().tolist() == [True, False]
    assert markers["negated"].tolist() == [False, False]  # a missing flag is False
    assert markers["negated"].dtype == bool and markers["start_char"].dtype == "int64"
    assert [TEXT[r.start_char:r.end_char] for r in markers.itertuples()] == ["so-called", "said"]


def test_an_empty_table_has_every_column():
    empty = frame("quotes")
    assert empty.empty and list(empty.columns) == list(SCHEMAS["quotes"])
    assert conform("mentions", pd.DataFrame({"doc_id": ["a"]}))["start_char"].tolist() == [-1]  # no offset


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_a_written_table_reads_back_with_its_types(tmp_path, suffix):
    for name, rows in (("articles", article_rows()), ("markers", marker_rows())):
        table = frame(name, rows)
        path = tmp_path / f"{name}.{suffix}"
        if suffix == "csv":
            table.to_csv(path, index=False)
        else:
            table.to_parquet(path, index=False)
        pd.testing.assert_frame_equal(read_table(str(path), name), table)


def test_a_missing_cell_reads_as_empty_text_whatever_marks_it_missing():
    from framing.schemas import cell_text

    table = pd.DataFrame({"a": ["x", None], "b": [1.5, float("nan")]}).astype({"a": "string"})
    assert [cell_text(v) for v in table.iloc[0]] == ["x", "1.5"]
    assert [cell_text(v) for v in table.iloc[1]] == ["", ""]  # pandas' NA and NaN
    assert cell_text(None) == "" and cell_text(0) == "0" and cell_text(False) == "False"
