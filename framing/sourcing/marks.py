"""Quotation marks in plain text: where each quotation opens, what it holds and where it closes. No
parse is needed; nothing here imports spaCy.

Marks: curly and straight double quotes, single quotes (‘…’, '…'), «guillemets» and »reversed«,
„low-high“. A quote nested in another stays part of the outer one. A quote left open at the end of a
paragraph continues when the next paragraph opens with a quotation mark (the usual way of quoting
several paragraphs); otherwise it ends with its paragraph, so a stray mark never swallows the rest of
the article. An apostrophe (you’re, players') is never taken for a closing mark; two apostrophes
(``''``) count as a double mark, as in some newswire text.

>>> [(q.start, q.end) for q in find_quotation_marks('He said “no”.')]
[(9, 11)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Opening double marks and the family each opens.
DOUBLE_OPEN = {"\u201c": "curly", "\u201e": "low", "\u00ab": "guill", "\u201f": "curly"}
#: Closing double marks.
DOUBLE_CLOSE = {"\u201d", "\u00bb"}
SINGLE_MARKS = {"\u2018", "\u2019", "'", "\u201a", "\u2039", "\u203a"}
ALL_MARKS = set(DOUBLE_OPEN) | DOUBLE_CLOSE | SINGLE_MARKS | {'"'}
_MARK_RE = re.compile("''|``|[\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a\u2039\u203a\n]")
#: Characters after which a straight quote opens / before which it closes.
_OPEN_BEFORE = set(" \t\r\n([{\u2014\u2013-/:") | set(DOUBLE_OPEN) | {"\u2018"}
_CLOSE_AFTER = set(" \t\r\n.,;:!?)]}\u2014\u2013-/\u2026") | DOUBLE_CLOSE | {"\u2019", "'"}
#: A single-quoted span longer than this many characters is not taken for a quotation: single marks are
#: mostly apostrophes, and a pair that far apart (five or six lines of text) rarely belongs together.
MAX_SINGLE = 400
#: Quotation marks opened inside one another and still tracked: a quote within a quote within a quote is
#: as deep as articles go; a run of stray opening marks never grows the stack further.
MAX_DEPTH = 4
#: Lines looked at, after a paragraph that leaves a quote open, for the next paragraph: the next line
#: and the two after it, so that up to two blank lines may separate the paragraphs.
FOLLOWING_LINES = 3
#: A subheading has at most this many words; a longer line without a full stop is a sentence.
HEADING_WORDS = 12
#: A transcript's speaker label opening a paragraph or a quotation: ``PENCE: ``, ``MR. TRUMP: ``.
SPEAKER_LABEL = re.compile(r"((?:MR\.|MRS\.|MS\.|DR\.)?\s?[A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+){0,2}):\s")


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    """A pair of quotation marks: the opening mark at ``open``, the content ``start:end`` (stripped of
    white space), the closing mark at ``close`` (-1 when the quote ends with its paragraph)."""

    open: int
    start: int
    end: int
    close: int
    single: bool = False
    close_size: int = 1


def _closes(family: str, char: str) -> bool:
    if family == "low":
        return char in {"\u201c", "\u201d"}
    if family == "rguill":
        return char == "\u00ab"
    if family == "straight":
        return char == '"'
    return char in DOUBLE_CLOSE


def find_quotation_marks(text: str) -> list[QuoteMarks]:
    """The outermost quotations in ``text``, in order, never overlapping. Never raises.

    Two apostrophes (``''``) count as a straight double mark and two backticks (````) as an opening
    one, as in some newswire text; a straight mark right after ``=`` (markup attributes) is ignored; a
    nickname quoted inside a name (``Marcia "Cia" Price``) is part of the name, not a quotation.

    >>> text = 'He said: “It’s ‘fine’.” Then “no”'
    >>> [text[q.start:q.end] for q in find_quotation_marks(text)]
    ['It’s ‘fine’.', 'no']
    """
    pairs: list[QuoteMarks] = []
    paragraphs = lines(text)
    carried: tuple[int, str, int] | None = None  # an outer quote continuing from the previous paragraph
    for number, (line_start, line_end) in enumerate(paragraphs):
        stack: list[tuple[int, str, int]] = []
        skip = -1
        if carried is not None:
            stack.append(carried)
            skip = _first_mark(text, line_start, line_end)
            carried = None
        inner: list[tuple[int, int, int, int]] = []
        single_open = -1
        singles: list[tuple[int, int]] = []
        for match in _MARK_RE.finditer(text, line_start, line_end):
            i = match.start()
            mark = match.group()
            size = len(mark)
            if i == skip or mark == "\n":
                continue
            char = '"' if mark in {"''", "``"} else mark
            prev = text[i - 1] if i > 0 else "\n"
            nxt = text[i + size] if i + size < len(text) else "\n"
            if char in SINGLE_MARKS:
                if stack:
                    continue
                single_open = _single(text, i, prev, nxt, single_open, singles)
                continue
            top = stack[-1][1] if stack else ""
            if mark == "``":
                role, family = "open", "straight"
            elif char == '"':
                if prev == "=":
                    continue
                opens = prev in _OPEN_BEFORE or i == line_start or (  # said,"Look (glued after a comma)
                    prev in ",;" and nxt.isalnum() and not (stack and top == "straight"))
                closes = nxt in _CLOSE_AFTER
                if stack and top == "straight" and (closes or not opens):
                    role = "close"
                elif opens and not closes:
                    role = "open"
                elif closes and not opens:
                    role = "close"
                elif not opens and not closes:  # 12"x, markup: only closes an open straight quote
                    role = "close" if top == "straight" else "none"
                else:
                    role = "none"
                family = "straight"
            elif stack and _closes(top, char):
                role, family = "close", top
            elif char == "\u201d" and top == "straight" and not prev.isspace() and nxt in _CLOSE_AFTER:
                role, family = "close", top  # "mixed marks,” as left by an editor that curls only some
            elif char == "\u201c" and top == "curly" and not prev.isspace() and nxt in _CLOSE_AFTER:
                role, family = "close", top  # “expedited review“: an opening glyph used to close
            elif char in DOUBLE_OPEN:
                role, family = "open", DOUBLE_OPEN[char]
            elif char == "\u00bb" and nxt not in " \t\r\n" and not stack:
                role, family = "open", "rguill"
            elif char == "\u201d" and not stack and prev in _OPEN_BEFORE and nxt not in _CLOSE_AFTER:
                role, family = "open", "curly"
            else:
                role, family = "none", ""
            if role == "open":
                if len(stack) < MAX_DEPTH:
                    stack.append((i, family, size))
            elif role == "close" and stack:
                if not _closes(stack[-1][1], char) and not (family == "straight" and stack[-1][1] == "straight") \
                        and not (char in {"\u201c", '"'} and stack[-1][1] == "curly"):  # “mixed marks,"
                    continue
                opened, _, opened_size = stack.pop()
                if stack:
                    if len(stack) == 1:
                        inner.append((opened, opened_size, i, size))
                    continue
                _add(pairs, text, opened, opened + opened_size, i, i, close_size=size)
        if stack:
            bottom, family, bottom_size = stack[0]
            follower = _next_line(paragraphs, number)
            first = _first_mark(text, *follower) if follower else -1
            doubled = first >= 0 and (text.startswith("''", first) or text.startswith("``", first))
            # a quotation going on in the next paragraph opens it with a mark, and no new speaker's
            # label follows the mark (a transcript quoted paragraph by paragraph: "WALLACE: … / "PENCE: …)
            opens_next = first >= 0 and (text[first] in DOUBLE_OPEN or text[first] == '"' or doubled)
            labelled = opens_next and SPEAKER_LABEL.match(text, first + (2 if doubled else 1)) is not None
            if opens_next and not labelled:
                carried = (bottom, family, bottom_size)
                continue
            if labelled and len(stack) == 1:  # this speaker's words end with the paragraph
                _add(pairs, text, bottom, bottom + bottom_size, line_end, -1)
            elif inner:  # the outer mark was stray: keep the complete quotes inside it
                for opened, opened_size, closed, closed_size in inner:
                    _add(pairs, text, opened, opened + opened_size, closed, closed, close_size=closed_size)
            elif len(stack) == 1:
                _add(pairs, text, bottom, bottom + bottom_size, line_end, -1)
        for opened, closed in singles:
            _add(pairs, text, opened, opened + 1, closed, closed, single=True)
    if carried is not None:
        _add(pairs, text, carried[0], carried[0] + carried[2], len(text), -1)
    # Marcia "Cia" Price: a nickname is part of a name, neither a quotation nor a scare quote
    return [quote for quote in _outermost(pairs) if not is_nickname(text, quote)]


def _single(text: str, i: int, prev: str, nxt: str, single_open: int,
            singles: list[tuple[int, int]]) -> int:
    """Track single quotation marks on one line (top level only); returns the open mark or -1."""
    char = text[i]
    if prev.isalnum() and nxt.isalnum():
        return single_open  # an apostrophe: you’re, O'Malley
    if char in {"\u2018", "\u201a", "\u2039"} or (char == "'" and single_open < 0):
        if char == "'" and (prev.isalnum() or not nxt.isalpha()):
            return single_open  # players' / '90s
        if prev.isalnum():
            return single_open
        return i
    if single_open >= 0 and not prev.isspace() and not nxt.isalnum():
        if i - single_open <= MAX_SINGLE and i > single_open + 1:
            singles.append((single_open, i))
        return -1
    return single_open


def _add(pairs: list[QuoteMarks], text: str, opened: int, start: int, end: int, close: int,
         single: bool = False, close_size: int = 1) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(ch.isalpha() for ch in text[start:end]):
        pairs.append(QuoteMarks(opened, start, end, close, single, close_size))


def _outermost(pairs: list[QuoteMarks]) -> list[QuoteMarks]:
    """Keep outer quotations; a single-quoted span that crosses another quotation is dropped."""
    pairs.sort(key=lambda q: (q.open, -(q.close if q.close >= 0 else q.end)))
    kept: list[QuoteMarks] = []
    for quote in pairs:
        last = kept[-1] if kept else None
        if last is not None and quote.open <= last_char(last):
            if last_char(quote) <= last_char(last):
                continue  # nested
            if quote.single:
                continue
            if last.single:
                kept.pop()
            else:
                continue
        kept.append(quote)
    return kept


def last_char(quote: QuoteMarks) -> int:
    """The last character of ``quote``: its closing mark, or the end of its words when it has none."""
    return quote.close if quote.close >= 0 else quote.end


def lines(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each line of ``text`` (without its line break), blank lines included."""
    out, start = [], 0
    for match in re.finditer("\n", text):
        out.append((start, match.start()))
        start = match.end()
    out.append((start, len(text)))
    return out


def _next_line(paragraphs: list[tuple[int, int]], number: int) -> tuple[int, int] | None:
    """The next non-blank line after line ``number`` (skipping blank lines between paragraphs)."""
    for start, end in paragraphs[number + 1:number + 1 + FOLLOWING_LINES]:
        if end > start:
            return start, end
    return None


def _first_mark(text: str, start: int, end: int) -> int:
    """Index of the quotation mark opening the line ``start:end`` (-1 when it opens otherwise)."""
    i = start
    while i < end and text[i] in " \t\r":
        i += 1
    if i < end and (text[i] in ALL_MARKS or text.startswith("``", i)):
        return i
    return -1


def is_heading(line: str, first: bool) -> bool:
    """A headline (the first line) or a subheading: a short line with no full stop at its end."""
    if not line:
        return False
    if first:
        return True
    bare = line.rstrip("\u201d\u201c\"'\u2019\u00bb ")
    return len(line.split()) <= HEADING_WORDS and bare[-1:] not in {".", ":", ";", ",", "?", "!"} or \
        (len(line.split()) <= HEADING_WORDS and line[:1] in ALL_MARKS and line.rstrip()[-1:] in ALL_MARKS
         and bare[-1:] not in {",", ":", ".", "!"})


def line_around(text: str, char: int) -> tuple[int, int]:
    """The ``(start, end)`` of the line of ``text`` that holds character ``char``."""
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    return start, len(text) if end < 0 else end


def after_close(quote: QuoteMarks) -> int:
    """The character after the closing mark of ``quote`` (the end of its words when it has none)."""
    return quote.close + quote.close_size if quote.close >= 0 else quote.end


#: One or two capitalised words between quotation marks, between two capitalised words of a name.
NICKNAME = re.compile(r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*)?")


def is_nickname(text: str, quote: QuoteMarks) -> bool:
    """True for a nickname quoted inside a name: ``Robert C. "Bobby" Scott``, ``Marcia "Cia" Price``."""
    if quote.close < 0 or quote.single:
        return False
    after = quote.close + quote.close_size
    before = text[max(0, quote.open - 30):quote.open]
    words_before = before.split()
    return (NICKNAME.fullmatch(text[quote.start:quote.end]) is not None and before.endswith(" ")
            and bool(words_before) and words_before[-1][:1].isupper()
            and text[after:after + 1] == " " and text[after + 1:after + 2].isupper())
