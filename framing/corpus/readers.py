"""The readers, one per input kind: each yields Articles, reports a bad row with its line and goes on,
or raises :class:`~framing.errors.InputError` for the whole file.

- ``.txt`` / ``.md``: one article, optional YAML front matter (``title``, ``outlet``, ``author``, …)
- ``.html`` / ``.htm``: the article text and metadata are extracted with trafilatura
- ``.csv`` / ``.jsonl``: one article per row, a text column (``text``, ``body``, ``content`` …) plus
  metadata columns; read line by line, so one file can hold millions of articles
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from framing.corpus.article import FIELDS, Article, as_text, column
from framing.corpus.clean import clean_text
from framing.corpus.decoding import check_text, decode, read_bytes, read_whole, unreadable
from framing.errors import InputError, Problem

#: File suffixes read as articles.
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".csv", ".jsonl")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + TABLE_SUFFIXES
#: Columns that may hold the article text in CSV/JSONL inputs, in order of preference.
TEXT_COLUMNS = ("text", "body", "content", "article", "full_text", "fulltext")
#: An HTML page whose extracted text has fewer words holds no article (navigation, cookie banners).
MIN_HTML_WORDS = 20


def _split_front_matter(text: str, path: str | Path) -> tuple[dict[str, str], str]:
    """Split optional YAML front matter (``---`` … ``---``) from the text."""
    if not text.lstrip("\ufeff").startswith("---"):
        return {}, text
    lines = text.lstrip("\ufeff").split("\n")
    if lines[0].strip() != "---":
        return {}, text
    for end in range(1, min(len(lines), 200)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise InputError(path, "the YAML front matter has no closing '---' line",
                         "close it with a line of three dashes", line=1)
    import yaml

    try:
        data = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise InputError(path, f"the YAML front matter is invalid ({problem})", "fix the front matter",
                         line=line) from None
    if not isinstance(data, dict):
        raise InputError(path, "the YAML front matter is not a set of 'key: value' lines",
                         "write it as key: value lines", line=2)
    return {column(str(k)): as_text(v) for k, v in data.items()}, "\n".join(lines[end + 1:])


def _make_article(doc_id: str, raw: str, meta: dict[str, str], *, path: str, notes: tuple[str, ...] = (),
                  headline: str = "", where: tuple[str, int | None] | None = None) -> Article:
    """Clean ``raw`` into an Article; ``meta`` values win over metadata found in the text; ``headline``
    is a title that belongs to the article but is not in ``raw`` (front matter, HTML title)."""
    where_path, where_line = where or (path, None)
    try:
        cleaned = clean_text(raw, title=headline)
    except ValueError:
        raise InputError(where_path, "no article text left after removing boilerplate",
                         "check that this is an article", line=where_line) from None
    values = {name: meta.get(name, "") or getattr(cleaned, name, "") for name in FIELDS}
    if not values["title"]:
        values["title"] = cleaned.title
    extra = {k: v for k, v in meta.items() if k not in FIELDS and k not in ("doc_id", "path", "text")}
    return Article(doc_id=doc_id, text=cleaned.text, body_start=cleaned.body_start, path=path, meta=extra,
                   notes=notes + cleaned.notes, **values)


def read_text_file(path: Path, doc_id: str, meta: dict[str, str] | None = None) -> Article:
    """Read one ``.txt``/``.md`` article (with optional YAML front matter)."""
    text, note = decode(read_bytes(path), path)
    front, body = _split_front_matter(text, path)
    merged = {**front, **{k: v for k, v in (meta or {}).items() if v}}
    return _make_article(doc_id, body, merged, path=str(path), notes=(note,) if note else (),
                         headline=front.get("title", ""))


def read_html_file(path: Path, doc_id: str, meta: dict[str, str] | None = None) -> Article:
    """Read one HTML page: article text and metadata extracted with trafilatura."""
    import trafilatura

    html, note = decode(read_bytes(path), path)
    try:
        result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                             include_tables=False)
    except Exception as error:  # trafilatura raises many kinds on broken markup
        raise InputError(path, f"the HTML page could not be parsed ({type(error).__name__})",
                         "save the article text as .txt instead") from None
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if len(text.split()) < MIN_HTML_WORDS:
        raise InputError(path, "no article text found in this HTML page",
                         "save the article text as .txt, or check that the page holds an article")
    found = {
        "title": getattr(result, "title", None) or "",
        "author": getattr(result, "author", None) or "",
        "date": getattr(result, "date", None) or "",
        "url": getattr(result, "url", None) or "",
        "outlet": getattr(result, "sitename", None) or "",
    }
    merged = {**found, **{k: v for k, v in (meta or {}).items() if v}}
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    title = found["title"]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    return _make_article(doc_id, "\n\n".join(paragraphs), merged, path=str(path),
                         notes=(note,) if note else (), headline=found["title"])


def _text_column(columns: Iterable[str], path: Path, text_column: str | None) -> str:
    names = list(columns)
    if text_column:
        if text_column not in names:
            raise InputError(path, f"there is no column {text_column!r} (columns: {', '.join(names)})",
                             "pass the name of the column that holds the article text", line=1)
        return text_column
    lowered = {name.strip().lower(): name for name in names}
    for candidate in TEXT_COLUMNS:
        if candidate in lowered:
            return lowered[candidate]
    raise InputError(path, f"no text column (columns: {', '.join(names) or 'none'})",
                     f"name the article text column one of {', '.join(TEXT_COLUMNS)} or pass "
                     "--text-column", line=1)


def _row_article(row: dict[str, object], text_key: str, path: Path, stem: str, number: int,
                 line: int) -> Article:
    meta = {column(str(k)): as_text(v) for k, v in row.items() if k != text_key and k is not None}
    raw = row.get(text_key)
    if not isinstance(raw, str) or not raw.strip():
        raise InputError(path, "the text is empty", "fill in the text or remove the row", line=line)
    row_id = meta.pop("doc_id", "") or str(number)
    return _make_article(f"{stem}/{row_id}", raw, meta, path=str(path), where=(str(path), line),
                         headline=meta.get("title", ""))


def read_csv_file(path: Path, stem: str, *, text_column: str | None = None,
                  on_problem: Callable[[Problem], None]) -> Iterator[Article]:
    """Yield one article per CSV row; a malformed row is reported (with its line) and skipped."""
    csv.field_size_limit(sys.maxsize)
    reader = csv.reader(_table_lines(path, on_problem))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise InputError(path, "the CSV file has no header row", "put column names on the first line",
                         line=1) from None
    key = _text_column(header, path, text_column)
    number = 0
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            on_problem(Problem(str(path), reader.line_num, f"malformed CSV row ({error})",
                               "fix the quoting of this row"))
            continue
        if not any(v.strip() for v in values):
            continue
        number += 1
        if len(values) != len(header):
            on_problem(Problem(str(path), reader.line_num, f"the row has {len(values)} fields where the "
                               f"header has {len(header)}", "fix the quoting or commas of this row"))
            continue
        try:
            yield _row_article(dict(zip(header, values)), key, path, stem, number, reader.line_num)
        except InputError as error:
            on_problem(Problem.from_error(error))


def read_jsonl_file(path: Path, stem: str, *, text_column: str | None = None,
                    on_problem: Callable[[Problem], None]) -> Iterator[Article]:
    """Yield one article per JSON line; a broken line is reported (with its number) and skipped."""
    key: str | None = None
    number = 0
    for line_number, line in enumerate(_table_lines(path, on_problem), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            on_problem(Problem(str(path), line_number, f"broken JSON ({error.msg}, column {error.colno})",
                               "fix or remove this line"))
            continue
        if not isinstance(record, dict):
            on_problem(Problem(str(path), line_number, "the line is not a JSON object",
                               'write one {"text": ...} object per line'))
            continue
        number += 1
        try:
            if key is None or key not in record:
                key = _text_column(record.keys(), path, text_column)
            yield _row_article(record, key, path, stem, number, line_number)
        except InputError as error:
            if error.line is None:  # a missing text column concerns this line
                error = InputError(path, error.problem, error.fix, line=line_number)
            on_problem(Problem.from_error(error))


#: Bytes of a table file looked at before it is streamed (byte-order marks, binary data, emptiness).
SNIFF_BYTES = 1 << 16
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _table_lines(path: Path, on_problem: Callable[[Problem], None]) -> Iterator[str]:
    """The lines of a .csv/.jsonl file, line ends kept, split as ``open(newline="")`` splits them.

    A UTF-8 file (the usual case) is decoded as it is read, so memory holds one line, whatever the
    size of the file. A UTF-16/32 file, or one that turns out not to be UTF-8, is decoded whole by
    :func:`decode` (with a note naming the encoding); the lines already given are not given again.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as error:
        raise unreadable(path, error) from None
    given = 0
    if head.strip() and not head.startswith(_WIDE_BOMS) and b"\x00" not in head[:8192]:
        check_text(head.decode("utf-8", errors="ignore"), path)
        try:
            with path.open("r", encoding="utf-8-sig", newline="") as handle:
                for line in handle:
                    yield line
                    given += 1
            return
        except UnicodeDecodeError:
            pass  # not UTF-8 after all: decode the whole file below
        except OSError as error:
            raise unreadable(path, error) from None
    text, note = decode(read_whole(path), path)
    if note:
        on_problem(warning(path, note))
    for number, line in enumerate(io.StringIO(text, newline="")):
        if number >= given:
            yield line


def warning(path: Path | str, note: str) -> Problem:
    """A notice about ``path`` that skips nothing (an encoding that had to be guessed)."""
    return Problem(str(path), None, note, "", skipped=False)
