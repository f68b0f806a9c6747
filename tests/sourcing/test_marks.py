"""Quotation marks in plain text (no model needed)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from framing.sourcing import find_quotation_marks
from framing.sourcing.marks import after_close, is_heading, line_around, lines

from .helpers import TEXT, quoted


@pytest.mark.parametrize("text, expected", [
    ("He said “curly quotes” here.", ["curly quotes"]),
    ('He said "straight quotes" here.', ["straight quotes"]),
    ("The headline: ‘You’re part of historic Russia’ ran.", ["You’re part of historic Russia"]),
    ("She said 'single straight' twice.", ["single straight"]),
    ("Er sagte «Guillemets» und »umgekehrt« dazu.", ["Guillemets", "umgekehrt"]),
    ("Er sagte „unten und oben“ dazu.", ["unten und oben"]),
    ("“Outer ‘inner’ outer,” she said.", ["Outer ‘inner’ outer,"]),
    ("''Newswire style,'' he said.", ["Newswire style,"]),
    ('He said,"glued open" and "glued close,"then more.', ["glued open", "glued close,"]),
])
def test_quotation_mark_styles(text, expected):
    assert quoted(text) == expected


def test_mixed_straight_and_curly_marks_pair_up():
    # editors that curl only some marks leave "…,” and “…," in the text
    assert quoted('"I prefer Kasich,” he said. “We lost," she said. A 12" pipe.') == [
        "I prefer Kasich,", "We lost,"]


def test_apostrophes_are_not_quotation_marks():
    text = "Putin’s ally didn’t say the players' union was O'Malley's ‘own goal’."
    assert quoted(text) == ["own goal"]


def test_a_quote_running_over_paragraphs_ends_at_its_closing_mark():
    text = "He said: “First paragraph of the speech.\n\n“Second paragraph,” he added.\n\nAfter."
    assert quoted(text) == ["First paragraph of the speech.\n\n“Second paragraph,"]


def test_a_stray_opening_mark_never_swallows_the_next_paragraph():
    text = "A stray “mark opens here and never closes.\n\nThe next paragraph has “a quote” in it."
    assert quoted(text) == ["mark opens here and never closes.", "a quote"]


def test_stray_closing_marks_and_markup_are_ignored():
    text = 'Twelve” of rain, a 12"x8" frame and <tweet author="realDonaldTrump">text</tweet>.'
    assert quoted(text) == []


def test_an_opening_glyph_used_to_close_still_closes():
    assert quoted("to conduct an “expedited review“ of Flint’s water and “a second” one") == [
        "expedited review", "a second"]


def test_a_quote_open_at_the_end_of_its_paragraph_ends_there():
    text = "He said: “We stay here.\n\nThe next paragraph."
    (quote,) = find_quotation_marks(text)
    assert (text[quote.start:quote.end], quote.close) == ("We stay here.", -1)
    assert after_close(quote) == quote.end


def test_the_marks_and_the_characters_after_the_closing_mark():
    text = "She said “yes” twice."
    (quote,) = find_quotation_marks(text)
    assert (text[quote.open], text[quote.close]) == ("“", "”")
    assert text[after_close(quote):] == " twice."


def test_lines_and_the_line_around_a_character():
    text = "Headline\n\nFirst line.\nSecond line."
    assert [text[a:b] for a, b in lines(text)] == ["Headline", "", "First line.", "Second line."]
    start, end = line_around(text, text.index("line."))
    assert text[start:end] == "First line."


@pytest.mark.parametrize("line, first, expected", [
    ("Any first line is the headline.", True, True),
    ("“It’s a clear threat”", False, True),
    ("A short subheading", False, True),
    ("A sentence that ends with a full stop.", False, False),
    ("A line without a full stop that runs on and on for far more words than any heading has", False, False),
    ("", True, False),
])
def test_headings_are_short_lines_without_a_full_stop(line, first, expected):
    assert is_heading(line, first) is expected


# --- robustness -------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_quotation_marks_never_raise_and_never_overlap(text):
    marks = find_quotation_marks(text)
    last = -1
    for q in marks:
        assert 0 <= q.open < q.start < q.end <= len(text)
        assert q.close == -1 or q.end <= q.close < len(text)
        assert q.open > last
        last = q.close if q.close >= 0 else q.end
