"""An article's text as HTML with one highlight element per table row, correctly nested.

Rows of the markers and quotes tables overlap freely: a loaded term inside a quotation nests, but a
quotation can also start inside a hedge and end after it. HTML elements must nest, so a highlight
that crosses another is cut where it crosses and goes on in a continuation element:

    text  "he said clear threat today"    spans: A = "said clear" (0), B = "clear threat" (1)
    html  he <A>said <B>clear</B></A><B cont>threat</B> today

The first element of each highlight carries its id, ``tabindex="0"`` and ``aria-describedby``; the
continuations carry ``data-of`` (the id of their highlight) and class ``hl-cont``, so that the number of
highlights on a page (``.hl:not(.hl-cont)``) is the number of rows drawn, and keyboard focus reaches
each highlight once. Spans with offsets outside the text, or empty, cannot be drawn; :func:`render`
returns them apart.

>>> html, dropped = render("a clear threat", [Span(2, 14, "h1", {"data-family": "loaded"})])
>>> html
'a <mark class="hl" id="h1" data-family="loaded" tabindex="0" aria-describedby="t-h1">clear threat</mark>'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape


@dataclass(frozen=True)
class Span:
    """One highlight: character offsets into the text (end exclusive), its element id and its
    ``data-*`` attributes (name -> value, written in sorted order)."""

    start: int
    end: int
    id: str
    attrs: Mapping[str, str] = field(default_factory=dict)


def _attributes(attrs: Mapping[str, str]) -> str:
    return "".join(f' {name}="{escape(str(value))}"' for name, value in sorted(attrs.items()))


def _open(span: Span, first: bool) -> str:
    if first:
        return (f'<mark class="hl" id="{escape(span.id)}"{_attributes(span.attrs)} tabindex="0" '
                f'aria-describedby="t-{escape(span.id)}">')
    return f'<mark class="hl hl-cont" data-of="{escape(span.id)}"{_attributes(span.attrs)}>'


def placeable(span: Span, length: int) -> bool:
    """Whether ``span`` can be drawn in a text of ``length`` characters (non-empty, inside it)."""
    return 0 <= span.start < span.end <= length


def render(text: str, spans: Iterable[Span]) -> tuple[str, list[Span]]:
    """``text`` as escaped HTML with every span as a ``<mark>`` element (cut into continuations where
    spans cross), and the spans that could not be drawn (empty, or outside the text).

    Spans that start together open longest first; ties keep the order given. Returns ``(html,
    dropped)``; the HTML holds exactly one first element per drawn span."""
    order = list(spans)
    drawn = [s for s in order if placeable(s, len(text))]
    dropped = [s for s in order if not placeable(s, len(text))]
    rank = {id(s): i for i, s in enumerate(drawn)}
    starting: dict[int, list[Span]] = defaultdict(list)
    for span in drawn:
        starting[span.start].append(span)
    bounds = sorted({0, len(text), *(s.start for s in drawn), *(s.end for s in drawn)})
    out: list[str] = []
    stack: list[Span] = []
    position = 0
    for bound in bounds:
        if bound > position:
            out.append(escape(text[position:bound], quote=False))
            position = bound
        ending = [i for i, s in enumerate(stack) if s.end == bound]
        reopen: list[Span] = []
        if ending:
            lowest = ending[0]
            out.append("</mark>" * (len(stack) - lowest))
            reopen = [s for s in stack[lowest:] if s.end != bound]
            del stack[lowest:]
        opening = [(s, False) for s in reopen] + [(s, True) for s in starting.get(bound, ())]
        opening.sort(key=lambda item: (-item[0].end, rank[id(item[0])]))
        for span, first in opening:
            out.append(_open(span, first))
            stack.append(span)
    out.append("</mark>" * len(stack))
    return "".join(out), dropped
