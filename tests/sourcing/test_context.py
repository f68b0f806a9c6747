"""The per-document context: tokens of characters, quotation membership, paragraphs, subheadings."""

from __future__ import annotations

import spacy

from framing.sourcing.context import Context
from framing.sourcing.lexicon import load_sourcing_lexicon


def context(text: str) -> Context:
    return Context.of(spacy.blank("en")(text), load_sourcing_lexicon())


def test_tokens_of_characters_and_quotation_membership():
    text = "He said “we won” today."
    ctx = context(text)
    we = ctx.token_at(text.index("we"))
    assert ctx.doc[we].text == "we" and ctx.token_at(text.index("we") + 1) == we
    assert ctx.in_quote(we) and ctx.in_quote(ctx.token_at(text.index("“")))
    assert not ctx.in_quote(ctx.token_at(text.index("today")))
    assert [ctx.doc[i].text for i in range(*ctx.token_range(text.index("we"), text.index("”")))] == ["we", "won"]
    assert [(q.start, q.end) for q in ctx.marks] == [(text.index("we"), text.index("”"))]


def test_paragraphs_and_subheadings():
    text = "Headline\n\nFirst paragraph.\n\nA subheading\nSecond paragraph."
    ctx = context(text)
    assert [ctx.paragraph_of(text.index(word)) for word in ("Headline", "First", "subheading", "Second")] == [
        0, 1, 2, 3]
    assert ctx.heading_between(text.index("First"), text.index("Second"))
    assert not ctx.heading_between(0, text.index("First"))  # the headline is no subheading


def test_the_first_token_starts_a_sentence():
    ctx = context("“Yes,” he said.")
    assert ctx.starts_sentence(0)
