"""Exploration views: the highlighted article and keyword-in-context, on hand-built tables."""

from __future__ import annotations

import pytest

from framing.display import COLORS, highlight_html, kwic, legend_html
from framing.tables import frame

TEXT = "Critics slam plan\n\nThe so-called reform is a clear threat, he said. “It is a disaster,” she said."


def _at(phrase: str, start: int = 0) -> tuple[int, int]:
    begin = TEXT.index(phrase, start)
    return begin, begin + len(phrase)


def _marker(phrase, family, category, voice="author", quote_id=None, sent_id=1):
    start, end = _at(phrase)
    return {"doc_id": "a", "sent_id": sent_id, "start_char": start, "end_char": end, "text": phrase,
            "lemma": phrase.lower(), "family": family, "category": category, "entry": phrase.lower(),
            "source": "project", "voice": voice, "quote_id": quote_id, "negated": False}


@pytest.fixture
def tables():
    quote_start, quote_end = _at("It is a disaster,")
    return {
        "articles": frame("articles", [{"doc_id": "a", "outlet": "Daily", "text": TEXT, "n_words": 20,
                                        "n_sentences": 3}]),
        "sentences": frame("sentences", [
            {"doc_id": "a", "sent_id": 0, "start_char": 0, "end_char": 17, "section": "headline",
             "text": "Critics slam plan"},
            {"doc_id": "a", "sent_id": 1, "start_char": 19, "end_char": 67, "section": "body",
             "text": "The so-called reform is a clear threat, he said."},
            {"doc_id": "a", "sent_id": 2, "start_char": 68, "end_char": len(TEXT), "section": "body",
             "text": "“It is a disaster,” she said."}]),
        "markers": frame("markers", [
            _marker("slam", "reporting_verb", "emotive", sent_id=0),
            _marker("so-called", "distancing", "distancing_label"),
            _marker("clear threat", "loaded", "threat_fear"),
            _marker("disaster", "loaded", "evaluative", voice="quoted", quote_id=1, sent_id=2)]),
        "quotes": frame("quotes", [{"doc_id": "a", "quote_id": 1, "sent_id": 2, "kind": "direct",
                                    "start_char": quote_start, "end_char": quote_end,
                                    "text": "It is a disaster,", "speaker": "she", "cue": "said"}]),
    }


def test_highlight_marks_every_marker_and_quote_with_its_colour(tables):
    html = highlight_html(tables, "a", legend=False)
    for family in ("reporting_verb", "distancing", "loaded", "direct"):
        assert COLORS[family] in html
    assert COLORS["hedge"] not in html  # no hedge in this article
    for phrase in ("slam", "called", "clear", "threat", "disaster"):
        assert phrase in html


def test_highlight_can_leave_families_out(tables):
    html = highlight_html(tables, "a", families=("loaded",), kinds=(), legend=False)
    assert COLORS["loaded"] in html and COLORS["distancing"] not in html and COLORS["direct"] not in html


def test_legend_names_every_label_in_its_colour():
    html = legend_html()
    for label in ("loaded", "hedge", "booster", "distancing", "reporting verb", "direct quote", "scare quote"):
        assert label in html
    assert all(colour in html for colour in COLORS.values())


def test_unknown_article_is_a_clear_error(tables):
    with pytest.raises(KeyError, match="no article 'zzz'"):
        highlight_html(tables, "zzz")


def test_kwic_by_category_gives_context_and_sentence(tables):
    found = kwic(tables, category="threat_fear", width=12)
    assert list(found["match"]) == ["clear threat"]
    row = found.iloc[0]
    assert row.left == "reform is a" and row.right == ", he said. “"
    assert row.sentence == "The so-called reform is a clear threat, he said."
    assert row.outlet == "Daily" and row.voice == "author"


def test_kwic_by_term_and_family(tables):
    assert list(kwic(tables, "DISASTER")["voice"]) == ["quoted"]
    assert list(kwic(tables, family="loaded")["match"]) == ["clear threat", "disaster"]
    assert kwic(tables, "nothing").empty
