"""framing.views.report.spans: every row one highlight, nested correctly where rows overlap or cross."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given, settings, strategies as st

from framing.views.report.spans import Span, render


class _Marks(HTMLParser):
    """The text of rendered HTML and, per highlight id, the characters its elements cover."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.stack: list[str] = []
        self.covered: dict[str, set[int]] = {}
        self.firsts: list[str] = []
        self.focusable: list[str] = []

    def handle_starttag(self, tag, attrs):
        assert tag == "mark"
        attrs = dict(attrs)
        owner = attrs.get("id") or attrs["data-of"]
        if "id" in attrs:
            self.firsts.append(owner)
            assert attrs["aria-describedby"] == f"t-{owner}"
            if attrs.get("tabindex") == "0":
                self.focusable.append(owner)
        else:
            assert "hl-cont" in attrs["class"] and "tabindex" not in attrs
        self.stack.append(owner)
        self.covered.setdefault(owner, set())

    def handle_endtag(self, tag):
        assert tag == "mark" and self.stack, "an end tag without its start"
        self.stack.pop()

    def handle_data(self, data):
        for owner in self.stack:
            self.covered[owner].update(range(len(self.text), len(self.text) + len(data)))
        self.text += data


def parse(html: str) -> _Marks:
    marks = _Marks()
    marks.feed(html)
    marks.close()
    assert not marks.stack, "unclosed elements"
    return marks


def test_a_term_inside_a_quotation_nests():
    text = 'He said "a clear threat to us" today.'
    html, dropped = render(text, [Span(9, 29, "q1", {"data-family": "quotation"}),
                                  Span(11, 23, "m1", {"data-family": "loaded"})])
    assert dropped == []
    assert html == ('He said "<mark class="hl" id="q1" data-family="quotation" tabindex="0" aria-describedby="t-q1">'
                    'a <mark class="hl" id="m1" data-family="loaded" tabindex="0" aria-describedby="t-m1">clear threat'
                    '</mark> to us</mark>" today.')


def test_crossing_spans_are_cut_and_continued():
    text = "he said clear threat today"
    html, _ = render(text, [Span(3, 13, "a"), Span(8, 20, "b")])
    assert html == ('he <mark class="hl" id="a" tabindex="0" aria-describedby="t-a">said '
                    '<mark class="hl" id="b" tabindex="0" aria-describedby="t-b">clear</mark></mark>'
                    '<mark class="hl hl-cont" data-of="b"> threat</mark> today')
    marks = parse(html)
    assert marks.covered == {"a": set(range(3, 13)), "b": set(range(8, 20))}


def test_text_is_escaped_and_empty_or_outside_spans_are_returned_apart():
    html, dropped = render("a <b> & c", [Span(2, 5, "m1"), Span(4, 4, "m2"), Span(3, 40, "m3")])
    assert html.startswith("a <mark") and "&lt;b&gt;</mark> &amp; c" in html
    assert [s.id for s in dropped] == ["m2", "m3"]


spans = st.lists(st.tuples(st.integers(-2, 42), st.integers(-2, 42)), max_size=12)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab <&\n\u201c", min_size=0, max_size=40), offsets=spans)
def test_every_span_is_one_focusable_highlight_covering_exactly_its_characters(text, offsets):
    given_spans = [Span(s, e, f"h{i}") for i, (s, e) in enumerate(offsets)]
    html, dropped = render(text, given_spans)
    marks = parse(html)
    assert marks.text == text
    drawn = [s for s in given_spans if s not in dropped]
    assert all(not (0 <= s.start < s.end <= len(text)) for s in dropped)
    assert sorted(marks.firsts) == sorted(s.id for s in drawn) == sorted(marks.focusable)
    for span in drawn:
        assert marks.covered[span.id] == set(range(span.start, span.end)), span
