"""framing.tables: the rows of the five tables, read from the records the components leave on a Doc."""

from __future__ import annotations

import pytest
from textblob import TextBlob

from framing import cli
from framing.schemas import read_table
from seeds import KRONE


def test_sentences_have_sections_and_textblob_sentiment(tmp_path, quick):
    cli.main(["analyze", "--out", str(tmp_path), "-q"])
    sentences = read_table(tmp_path / "sentences.csv", "sentences")
    krone = sentences[sentences.doc_id == KRONE]
    first = krone.iloc[0]
    assert first.section == "headline"
    assert first.text == "“Clear Warning” – Does Kazakhstan Face the Same Fate as Ukraine?"
    assert set(krone.section.iloc[1:]) == {"body"}
    articles = read_table(tmp_path / "articles.csv", "articles").set_index("doc_id")
    for row in sentences.itertuples():
        text = articles.loc[row.doc_id, "text"]
        assert text[row.start_char:row.end_char] == row.text
        blob = TextBlob(row.text).sentiment
        assert (row.polarity, row.subjectivity) == pytest.approx((blob.polarity, blob.subjectivity))
