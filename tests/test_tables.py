"""framing.tables: the rows of the five tables, read from the records the components leave on a Doc:
on a passage parsed without a model, with the quotes and mentions written in by hand, and on the seed
corpus through `framing analyze`."""

from __future__ import annotations

import pytest
from textblob import TextBlob

from framing import cli
from framing.corpus import Article
from framing.pipeline.sentiment import sentiment
from framing.records import Mention, Quote
from framing.schemas import ARTICLES, MARKERS, QUOTES, read_table
from framing.tables import article_row, doc_rows, marker_rows, mention_rows, quote_rows, sentence_rows
from seeds import KRONE

HEADLINE = "Minister quits"
TEXT = (f"{HEADLINE}\n\nThe minister said: “It is a clear threat.” Critics called it a so-called apology.\n\n\n"
        "Putin thanked her.")
ARTICLE = Article(doc_id="wire/1", text=TEXT, body_start=len(HEADLINE) + 2, outlet="Wire", title=HEADLINE,
                  path="corpus/wire.txt", meta={"topic": "politics", "event": "resignation"})


def span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


@pytest.fixture
def doc(blank_nlp):
    """TEXT parsed without a model (its markers: "clear threat", "so-called"), with a direct quote, an
    indirect one and a mention as the sourcing and actors components would leave them."""
    doc = blank_nlp(TEXT)
    direct, indirect, putin = span("It is a clear threat."), span("it a so-called apology"), span("Putin")
    doc._.framing_quotes = [
        Quote(1, "direct", *direct, TEXT[slice(*direct)], speaker="The minister", cue="said", cue_class="neutral"),
        Quote(2, "indirect", *indirect, TEXT[slice(*indirect)], speaker="Critics", cue="called",
              cue_class="neutral")]
    doc._.framing_mentions = [Mention(*putin, "Putin", "PERSON", "Vladimir Putin", "subject")]
    return doc


def test_an_article_row_has_its_metadata_its_counts_and_then_its_text(doc):
    row = article_row(ARTICLE, doc)
    assert list(row) == [*ARTICLES[:-1], "event", "topic", "text"]
    assert (row["outlet"], row["title"], row["author"], row["event"], row["text"]) == (
        "Wire", HEADLINE, "", "resignation", TEXT)
    # Minister quits / The minister said It is a clear threat / Critics called it a so called apology / Putin
    # thanked her: 20 words ("-" and the quotation marks are not); five sentences, one of them blank lines
    assert (row["n_words"], row["n_sentences"]) == (20, 5)


def test_sentence_rows_give_section_offsets_and_scores_and_skip_blank_sentences(doc):
    rows = sentence_rows(ARTICLE, doc)
    assert [(r["sent_id"], r["section"], r["text"]) for r in rows] == [
        (0, "headline", HEADLINE), (1, "lead", "The minister said: “It is a clear threat.”"),
        (2, "lead", "Critics called it a so-called apology."), (4, "body", "Putin thanked her.")]  # 3: blank lines
    assert all(TEXT[r["start_char"]:r["end_char"]] == r["text"] for r in rows)
    assert [(r["polarity"], r["subjectivity"]) for r in rows] == [sentiment(r["text"]) for r in rows]


def test_a_marker_inside_a_direct_quote_is_quoted_and_one_in_reported_speech_is_the_authors(doc):
    rows = marker_rows(ARTICLE.doc_id, doc)
    assert all(list(row) == list(MARKERS) for row in rows)
    assert [(r["text"], r["family"], r["sent_id"], r["voice"], r["quote_id"]) for r in rows] == [
        ("clear threat", "loaded", 1, "quoted", 1), ("so-called", "distancing", 2, "author", None)]
    assert [TEXT[r["start_char"]:r["end_char"]] for r in rows] == ["clear threat", "so-called"]
    doc._.framing_quotes = None  # the sourcing component did not run: whose words they are is not known
    assert [r["voice"] for r in marker_rows(ARTICLE.doc_id, doc)] == ["", ""]


def test_quote_and_mention_rows_carry_the_records_and_their_sentence(doc):
    quotes = quote_rows(ARTICLE.doc_id, doc)
    assert all(list(row) == list(QUOTES) for row in quotes)
    assert [(q["quote_id"], q["sent_id"], q["kind"], q["text"], q["speaker"], q["speaker_type"]) for q in quotes] == [
        (1, 1, "direct", "It is a clear threat.", "The minister", "unknown"),
        (2, 2, "indirect", "it a so-called apology", "Critics", "unknown")]
    assert mention_rows(ARTICLE.doc_id, doc) == [
        {"doc_id": "wire/1", "sent_id": 4, "start_char": TEXT.index("Putin"), "end_char": TEXT.index("Putin") + 5,
         "text": "Putin", "label": "PERSON", "actor": "Vladimir Putin", "role": "subject"}]


def test_doc_rows_gives_the_tables_asked_for_and_leaves_the_others_empty(doc):
    rows = doc_rows(ARTICLE, doc)
    assert rows == {"articles": [article_row(ARTICLE, doc)], "sentences": sentence_rows(ARTICLE, doc),
                    "markers": marker_rows("wire/1", doc), "quotes": quote_rows("wire/1", doc),
                    "mentions": mention_rows("wire/1", doc), "frames": [], "sentence_frames": []}  # no frames component
    some = doc_rows(ARTICLE, doc, tables=("articles", "quotes"))
    assert (len(some["articles"]), len(some["quotes"])) == (1, 2)
    assert some["sentences"] == some["markers"] == some["mentions"] == []


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
