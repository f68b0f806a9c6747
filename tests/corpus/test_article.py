"""framing.corpus.article: the Article record, and metadata columns recognised under common names."""

from __future__ import annotations

import pytest

from framing.corpus import Article, iter_articles, read_manifest
from framing.corpus.article import COLUMN_ALIASES, FIELDS, as_text, column
from seeds import CORPUS, KRONE


@pytest.mark.parametrize("name, field", [
    ("Headline", "title"), ("publisher", "outlet"), ("Publish Date", "date"), ("publish-date", "date"),
    ("Byline", "author"), ("LINK", "url"), ("id", "doc_id"), ("Event Date", "event_date"), ("topic", "topic"),
])
def test_a_column_is_named_by_the_field_it_holds(name, field):
    assert column(name) == field


def test_every_alias_names_a_field_of_an_article():
    assert set(COLUMN_ALIASES.values()) <= {*FIELDS, "doc_id"}


def test_metadata_values_become_text():
    assert as_text(["Jane Doe", " John Roe "]) == "Jane Doe; John Roe"
    assert (as_text(None), as_text(" 2022-06-17 "), as_text(2022)) == ("", "2022-06-17", "2022")


def test_the_seed_manifest_columns_are_fields_and_metadata():
    rows = read_manifest(CORPUS / "manifest.csv")
    krone = rows[f"{KRONE}.txt"]
    assert set(krone) == {"outlet", "title", "author", "date", "url", "event", "event_date", "language"}
    assert krone["outlet"] == "Krone" and krone["event_date"] == "2022-06-17"


def test_a_table_of_articles_with_other_column_names(tmp_path):
    (tmp_path / "feed.csv").write_text(
        "ID,Publisher,Byline,Headline,Published,Link,Body,Section\n"
        "17,Daily Planet,Lois Lane,Bridge opens,2021-05-03,https://example.org/17,The bridge opened today.,City\n",
        encoding="utf-8")
    [article] = iter_articles(tmp_path)
    assert article == Article(doc_id="feed/17", text="Bridge opens\n\nThe bridge opened today.",
                              body_start=len("Bridge opens\n\n"), outlet="Daily Planet", title="Bridge opens",
                              author="Lois Lane", date="2021-05-03", url="https://example.org/17",
                              path=str(tmp_path / "feed.csv"), meta={"section": "City"})


def test_articles_do_not_share_their_metadata():
    first, second = Article("a", "One."), Article("b", "Two.")
    first.meta["topic"] = "politics"
    assert second.meta == {} and (second.body_start, second.notes) == (0, ())
