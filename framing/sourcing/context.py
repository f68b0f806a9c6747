"""What every sourcing rule looks up in one document, computed once: the token of a character, whether
a token lies inside a quotation, the paragraph of a character, the subheadings, the word lists.

>>> ctx = Context.of(doc, load_sourcing_lexicon())                                  # doctest: +SKIP
>>> ctx.in_quote(ctx.token_at(doc.text.index("“") + 1))                              # doctest: +SKIP
True
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from framing.arrays import entities
from framing.sourcing.lexicon import SourcingLexicon
from framing.sourcing.marks import QuoteMarks, find_quotation_marks, is_heading, lines


@dataclass(frozen=True, slots=True)
class Context:
    """One parsed document as the sourcing rules read it. Build it with :meth:`Context.of`."""

    doc: Doc
    text: str
    lexicon: SourcingLexicon
    #: The quotations of the text, in order (see :func:`~framing.sourcing.marks.find_quotation_marks`).
    marks: list[QuoteMarks]
    #: The entities of the Doc (read once: ``doc.ents`` builds new spans on every access).
    ents: tuple[Span, ...]
    #: The first character of each token.
    starts: list[int]
    #: 1 for each token inside a quotation (marks included), else 0.
    inside: bytearray
    #: The character offsets where a paragraph break starts.
    breaks: list[int]
    #: The first character of each subheading (the headline, line 1, is left out).
    headings: list[int]

    @classmethod
    def of(cls, doc: Doc, lexicon: SourcingLexicon) -> Context:
        """The context of ``doc``, its quotation marks found."""
        text = doc.text  # joined from the tokens on every access: read once
        marks = find_quotation_marks(text)
        starts = doc.to_array("IDX").tolist()
        inside = bytearray(len(doc))
        for quote in marks:
            first = _token_at(starts, quote.open)
            last = _token_at(starts, quote.close if quote.close >= 0 else max(quote.end - 1, 0))
            for i in range(first, last + 1):
                inside[i] = 1
        breaks = [m.start() for m in re.finditer(r"\n\s*", text)]
        headings = [start for start, end in lines(text) if start > 0 and is_heading(text[start:end].strip(), False)]
        return cls(doc, text, lexicon, marks, entities(doc), starts, inside, breaks, headings)

    def token_at(self, char: int) -> int:
        """The index of the token that holds character ``char``."""
        return max(0, bisect_right(self.starts, char) - 1)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """The tokens ``first:last + 1`` that hold the characters ``start:end``."""
        return self.token_at(start), self.token_at(max(start, end - 1)) + 1

    def in_quote(self, i: int) -> bool:
        """True when token ``i`` lies inside a quotation (its marks included)."""
        return bool(self.inside[i])

    def paragraph_of(self, char: int) -> int:
        """The number of the paragraph that holds character ``char`` (0 for the first)."""
        return bisect_right(self.breaks, char)

    def heading_between(self, start: int, end: int) -> bool:
        """True when a subheading starts between the characters ``start`` and ``end``."""
        k = bisect_right(self.headings, start)
        return k < len(self.headings) and self.headings[k] < end

    def starts_sentence(self, char: int) -> bool:
        """True when the token at character ``char`` starts a sentence."""
        token = self.doc[self.token_at(char)]
        return token.is_sent_start or token.i == 0


def _token_at(starts: list[int], char: int) -> int:
    return max(0, bisect_right(starts, char) - 1)

