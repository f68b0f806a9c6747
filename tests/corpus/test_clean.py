"""framing.corpus.clean: whole lines of boilerplate and metadata dropped, the headline found, every kept
line left as it was; on the seed articles and on small passages."""

from __future__ import annotations

import pytest

from framing.corpus import clean_text
from seeds import CORPUS, KRONE, ONEWORLD


# --- the seed articles ---------------------------------------------------------------------------


def test_krone_text_boundaries_and_metadata_lines(seed_articles):
    krone = seed_articles[KRONE]
    headline = "“Clear Warning” – Does Kazakhstan Face the Same Fate as Ukraine?"
    assert krone.title == headline
    assert krone.text.startswith(headline + "\n\nIf the countries of the former Soviet Union")
    assert krone.body_start == len(headline) + 2
    assert krone.text.endswith("and what we can use to protect our sovereignty.”")
    assert krone.source_line == "Source: Krone"
    for boilerplate in ("Date:", "LEAVE A REPLY", "Please enter", "Share post", "Subscribe", "Popular",
                        "More like this", "Related", "Source: Krone"):
        assert boilerplate not in krone.text
    # subheads stay: they are part of the article
    assert "\n“It’s a clear threat”\nMaximilian Hess" in krone.text


def test_oneworld_text_boundaries_byline_and_standfirst(seed_articles):
    oneworld = seed_articles[ONEWORLD]
    assert oneworld.title == "No, Putin Didn’t Just Threaten to Take Over Kazakhstan"
    assert oneworld.text.startswith(oneworld.title + "\n\nThe Telegraph published an inflammatory piece")
    assert oneworld.text.endswith("Western perception managers want to destabilize it with fake news.")
    assert oneworld.source_line == "Source: OneWorld"
    assert oneworld.author == "Andrew Korybko"
    # the teaser repeating the second paragraph's opening is dropped, the paragraph itself is kept
    assert oneworld.text.count("There’s no factual basis whatsoever at all") == 1
    assert any("standfirst" in note for note in oneworld.notes)
    for boilerplate in ("By Andrew Korybko", "Similar Posts", "Leave a Reply", "Your email address"):
        assert boilerplate not in oneworld.text


@pytest.mark.parametrize("doc_id", [KRONE, ONEWORLD])
def test_cleaning_keeps_lines_verbatim(seed_articles, doc_id):
    """Every line of the analysed text is a line of the raw file: nothing inside is rewritten."""
    raw_lines = set((CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8").split("\n"))
    for line in seed_articles[doc_id].text.split("\n"):
        assert line == "" or line in raw_lines


# --- cleaning rules on small passages -------------------------------------------------------------


def test_clean_text_detects_title_byline_source_and_date():
    raw = ("Minister resigns over leaked memo\n\nDate: 3 May 2021\nBy Jane Doe\n\nThe minister resigned on "
           "Monday.\n\nShe denied wrongdoing.\n\nSource: Daily Planet\nShare this:\nRelated")
    cleaned = clean_text(raw)
    assert cleaned.title == "Minister resigns over leaked memo"
    assert cleaned.date == "3 May 2021"
    assert cleaned.author == "Jane Doe"
    assert cleaned.source_line == "Source: Daily Planet"
    assert cleaned.text == ("Minister resigns over leaked memo\n\nThe minister resigned on Monday.\n\n"
                            "She denied wrongdoing.")


def test_clean_text_without_headline_keeps_first_paragraph_as_body():
    raw = "The minister resigned on Monday after a memo leaked.\n\nShe denied wrongdoing."
    cleaned = clean_text(raw)
    assert cleaned.title == "" and cleaned.body_start == 0
    assert cleaned.text == raw


def test_related_inside_the_article_is_kept_but_dropped_at_the_end():
    raw = "Headline here\n\nFirst paragraph.\n\nRelated\n\nSecond paragraph.\n\nRelated\nSubscribe"
    assert clean_text(raw).text == "Headline here\n\nFirst paragraph.\n\nRelated\n\nSecond paragraph."


def test_crlf_line_endings_are_read():
    assert clean_text("Title line\r\n\r\nBody text here.\r\n").text == "Title line\n\nBody text here."


def test_given_title_is_not_repeated_when_the_text_starts_with_it():
    cleaned = clean_text("Rates up\n\nThe bank raised rates.", title="Rates up")
    assert cleaned.text == "Rates up\n\nThe bank raised rates."
