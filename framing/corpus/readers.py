"""Read articles from files and folders, clean web boilerplate, detect metadata.

The analysed text of an article is its headline, a blank line, then its body. For plain-text inputs
cleaning only drops whole lines (boilerplate, metadata lines such as ``Date:``, ``By …``, ``Source: …``,
a standfirst that repeats a later paragraph) and trims the ends; it never rewrites characters inside
the lines it keeps, so every offset in the output tables points at text that can be found in the file.

Supported inputs (a file, a folder searched recursively, or a list of both):

- ``.txt`` / ``.md``: one article, optional YAML front matter (``title``, ``outlet``, ``author``, …)
- ``.html`` / ``.htm``: the article text and metadata are extracted with trafilatura
- ``.csv`` / ``.jsonl``: one article per row, a text column (``text``, ``body``, ``content`` …) plus
  metadata columns
- ``manifest.csv`` in a folder (or ``manifest=``): metadata per file, matched on ``path``

Bad inputs raise or report :class:`~framing.errors.InputError` with the file and line; reading a folder
reports each bad file and goes on with the others.

>>> articles = list(iter_articles("data/corpus"))      # doctest: +SKIP
>>> articles[0].outlet, articles[0].title               # doctest: +SKIP
('Krone', '“Clear Warning” – Does Kazakhstan Face the Same Fate as Ukraine?')
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from framing.aliases import ALIASES_NAME
from framing.errors import FramingError, InputError, Problem
from framing.lexicons.words import word_list

#: File suffixes read as articles.
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".csv", ".jsonl")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + TABLE_SUFFIXES
#: File names treated as a folder's manifest, not as articles.
MANIFEST_NAMES = ("manifest.csv",)

#: Columns that may hold the article text in CSV/JSONL inputs, in order of preference.
TEXT_COLUMNS = ("text", "body", "content", "article", "full_text", "fulltext")
#: Metadata columns recognised under other names.
COLUMN_ALIASES = {
    "headline": "title",
    "source": "outlet",
    "publisher": "outlet",
    "publication": "outlet",
    "byline": "author",
    "authors": "author",
    "published": "date",
    "publish_date": "date",
    "link": "url",
    "id": "doc_id",
}
#: The metadata fields every article has (empty when unknown; never invented).
FIELDS = ("outlet", "title", "author", "date", "url", "source_line")

#: An HTML page whose extracted text has fewer words holds no article (navigation, cookie banners).
MIN_HTML_WORDS = 20
#: Longest article text accepted (characters); spaCy's default limit.
MAX_CHARS = 1_000_000
#: Largest single article file read (bytes) before reporting it as too big.
MAX_FILE_BYTES = 20_000_000


@dataclass(frozen=True)
class Article:
    """One article ready for analysis.

    ``text`` is the analysed text (headline, blank line, body); ``body_start`` is the character offset
    where the body begins (0 when the text has no headline). ``meta`` holds any further metadata
    (``event``, ``language``, columns of the user's table...). ``notes`` records what reading did that a
    user may want to know (an encoding guessed, a repeated standfirst dropped).
    """

    doc_id: str
    text: str
    body_start: int = 0
    outlet: str = ""
    title: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    source_line: str = ""
    path: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


# --------------------------------------------------------------------------------------------------
# Decoding


def decode(data: bytes, path: str | Path) -> tuple[str, str]:
    """Decode file bytes to text; return ``(text, note)`` where note names a non-UTF-8 encoding.

    Raises :class:`InputError` for empty, binary or undecodable data.
    """
    if not data.strip():
        raise InputError(path, "the file is empty", "remove it or put the article text in it")
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(path, f"the file starts with a {encoding.upper()} byte-order mark but "
                                 "does not decode as such", "save it as UTF-8") from None
            return _check_text(text, path), f"decoded from {encoding.upper()} (byte-order mark)"
    if b"\x00" in data[:8192]:
        raise InputError(path, "this is a binary file, not text", "give the article as .txt, .md, .html, "
                         ".csv or .jsonl")
    if data.startswith(codecs.BOM_UTF8):
        return _check_text(data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), path), ""
    try:
        return _check_text(data.decode("utf-8"), path), ""
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        guess = _detect_encoding(data)
        if guess is None:
            raise InputError(path, "the file is not UTF-8 and its encoding could not be detected",
                             "save it as UTF-8", line=line) from None
        return _check_text(data.decode(guess), path), f"not UTF-8: decoded as {guess} (detected)"


def _detect_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    return best.encoding


def _check_text(text: str, path: str | Path) -> str:
    if not text.strip():
        raise InputError(path, "the file holds only whitespace", "remove it or put the article text in it")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 8192):
        raise InputError(path, "this is a binary file, not text", "give the article as .txt, .md, .html, "
                         ".csv or .jsonl")
    return text


# --------------------------------------------------------------------------------------------------
# Cleaning plain text

#: Whole lines that are web boilerplate wherever they appear (compared lower-case, stripped).
BOILERPLATE = word_list("corpus", "boilerplate")
#: Short lines that are boilerplate only in the block after the article (a "Related" subhead inside
#: an article is kept).
TAIL_BOILERPLATE = word_list("corpus", "tail_boilerplate")
DATE_LINE = re.compile(r"^\s*(?:date|published|posted|updated)\s*:\s*(?P<value>.*?)\s*$", re.I)
BYLINE = re.compile(r"^\s*[Bb][Yy]\s+(?P<value>[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|de|van|von|da|and|&)){0,5})"
                    r"\s*$")
SOURCE_LINE = re.compile(r"^\s*source\s*:\s*(?P<value>\S.{0,80}?)\s*$", re.I)
URL_LINE = re.compile(r"^\s*(?P<value>https?://\S+)\s*$")
#: A repeated opening paragraph shorter than this is not dropped as a standfirst.
MIN_STANDFIRST_CHARS = 40
#: A first line longer than this, or ending like a sentence, is body text rather than a headline.
MAX_HEADLINE_CHARS = 200


@dataclass(frozen=True)
class Cleaned:
    """Result of :func:`clean_text`."""

    text: str
    body_start: int
    title: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    source_line: str = ""
    notes: tuple[str, ...] = ()


def _key(line: str) -> str:
    return " ".join(line.split()).lower()


def _metadata(line: str) -> tuple[str, str] | None:
    """``(field, value)`` when the line is a metadata line (value may be empty), else None."""
    for name, pattern in (("date", DATE_LINE), ("author", BYLINE), ("source_line", SOURCE_LINE),
                          ("url", URL_LINE)):
        match = pattern.match(line)
        if match:
            value = line.strip() if name == "source_line" else match.group("value")
            return name, value
    return None


def _is_headline(line: str) -> bool:
    stripped = line.strip()
    return (0 < len(stripped) <= MAX_HEADLINE_CHARS and stripped[-1] not in ".,;:"
            and _metadata(stripped) is None)


def clean_text(raw: str, *, title: str = "") -> Cleaned:
    """Clean one article's plain text: drop boilerplate and metadata lines, find the headline.

    ``title`` (from front matter) is used as headline when the text does not start with one.
    Returns the analysed text with the metadata found in it.
    """
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    found: dict[str, str] = {}
    notes: list[str] = []

    def take(line: str) -> bool:
        meta = _metadata(line)
        if meta is None:
            return False
        found.setdefault(meta[0], meta[1])
        return True

    keep = [not line.strip() or _key(line) not in BOILERPLATE for line in lines]
    content = [i for i, line in enumerate(lines) if keep[i] and line.strip()]
    # Trailing block: metadata and short boilerplate after the last paragraph of the article.
    while content and (_key(lines[content[-1]]) in TAIL_BOILERPLATE or take(lines[content[-1]])):
        keep[content.pop()] = False
    # Headline, then the metadata lines that stand between it and the body.
    headline = ""
    if content and title and lines[content[0]].strip() == title.strip():
        keep[content.pop(0)] = False  # the given title is already the first line
    if content and not title and _is_headline(lines[content[0]]) and len(content) > 1:
        headline = lines[content[0]].strip()
        content.pop(0)
    while content and take(lines[content[0]]):
        keep[content.pop(0)] = False
    # A standfirst that a later paragraph repeats word for word is a teaser, not more text.
    first = lines[content[0]].strip() if content else ""
    if len(first) >= MIN_STANDFIRST_CHARS and any(lines[i].strip().startswith(first) for i in content[1:]):
        keep[content.pop(0)] = False
        notes.append("dropped a standfirst that repeats a later paragraph")
    if not content:
        raise ValueError("no article text")
    body_lines = lines[content[0]: content[-1] + 1]
    body_keep = keep[content[0]: content[-1] + 1]
    body: list[str] = []
    for line, kept in zip(body_lines, body_keep):
        if not kept:
            continue
        if not line.strip() and body and not body[-1].strip():
            continue  # one blank line between paragraphs once lines were dropped
        body.append(line)
    body_text = "\n".join(body).strip()
    headline = headline or title.strip()
    text = f"{headline}\n\n{body_text}" if headline else body_text
    return Cleaned(
        text=text,
        body_start=len(headline) + 2 if headline else 0,
        title=headline,
        author=found.get("author", ""),
        date=found.get("date", ""),
        url=found.get("url", ""),
        source_line=found.get("source_line", ""),
        notes=tuple(notes),
    )


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
    return {_column(str(k)): _as_text(v) for k, v in data.items()}, "\n".join(lines[end + 1:])


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_as_text(v) for v in value)
    return str(value).strip()


def _column(name: str) -> str:
    key = name.strip().lower().replace(" ", "_").replace("-", "_")
    return COLUMN_ALIASES.get(key, key)


# --------------------------------------------------------------------------------------------------
# Readers, one per input kind. Each yields Articles or raises InputError for the whole file.


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
    if len(cleaned.text) > MAX_CHARS:
        raise InputError(where_path, f"the article has {len(cleaned.text):,} characters, more than the "
                         f"{MAX_CHARS:,} one article may have", "split it into articles", line=where_line)
    values = {name: meta.get(name, "") or getattr(cleaned, name, "") for name in FIELDS}
    if not values["title"]:
        values["title"] = cleaned.title
    extra = {k: v for k, v in meta.items() if k not in FIELDS and k not in ("doc_id", "path", "text")}
    return Article(doc_id=doc_id, text=cleaned.text, body_start=cleaned.body_start, path=path, meta=extra,
                   notes=notes + cleaned.notes, **values)


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(path, f"the file is {size / 1e6:.0f} MB, too big for one article",
                             "split it into one file per article, or use a .csv/.jsonl table")
        return path.read_bytes()
    except PermissionError:
        raise InputError(path, "the file cannot be read (permission denied)", "check its permissions") from None
    except IsADirectoryError:
        raise InputError(path, "this is a folder, not a file", "give the folder itself as input") from None
    except OSError as error:
        raise _unreadable(path, error) from None


def read_text_file(path: Path, doc_id: str, meta: dict[str, str] | None = None) -> Article:
    """Read one ``.txt``/``.md`` article (with optional YAML front matter)."""
    text, note = decode(_read_bytes(path), path)
    front, body = _split_front_matter(text, path)
    merged = {**front, **{k: v for k, v in (meta or {}).items() if v}}
    return _make_article(doc_id, body, merged, path=str(path), notes=(note,) if note else (),
                         headline=front.get("title", ""))


def read_html_file(path: Path, doc_id: str, meta: dict[str, str] | None = None) -> Article:
    """Read one HTML page: article text and metadata extracted with trafilatura."""
    import trafilatura

    html, note = decode(_read_bytes(path), path)
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
    meta = {_column(str(k)): _as_text(v) for k, v in row.items() if k != text_key and k is not None}
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


def _unreadable(path: Path, error: OSError) -> InputError:
    return InputError(path, f"the file cannot be read ({error.strerror})", "check the path")


def _read_table_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise _unreadable(path, error) from None


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
        raise _unreadable(path, error) from None
    given = 0
    if head.strip() and not head.startswith(_WIDE_BOMS) and b"\x00" not in head[:8192]:
        _check_text(head.decode("utf-8", errors="ignore"), path)
        try:
            with path.open("r", encoding="utf-8-sig", newline="") as handle:
                for line in handle:
                    yield line
                    given += 1
            return
        except UnicodeDecodeError:
            pass  # not UTF-8 after all: decode the whole file below
        except OSError as error:
            raise _unreadable(path, error) from None
    text, note = decode(_read_table_bytes(path), path)
    if note:
        on_problem(_warning(path, note))
    for number, line in enumerate(io.StringIO(text, newline="")):
        if number >= given:
            yield line


def _warning(path: Path | str, note: str) -> Problem:
    return Problem(str(path), None, note, "", skipped=False)


# --------------------------------------------------------------------------------------------------
# Manifest and folders


def read_manifest(path: str | Path) -> dict[str, dict[str, str]]:
    """Read a manifest CSV: one row per article file, keyed by its ``path`` column (relative to the
    manifest's folder). Raises :class:`InputError` for a missing ``path`` column or duplicate rows."""
    path = Path(path)
    text, _ = decode(_read_table_bytes(path), path)
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames or "path" not in [f.strip() for f in reader.fieldnames]:
        raise InputError(path, "the manifest has no 'path' column", "add a 'path' column naming each "
                         "article file relative to the manifest", line=1)
    rows: dict[str, dict[str, str]] = {}
    for row in reader:
        line = reader.line_num
        if None in row or any(v is None for v in row.values()):
            raise InputError(path, "the row does not have as many fields as the header",
                             "fix the quoting or commas of this row", line=line)
        meta = {_column(k): (v or "").strip() for k, v in row.items()}
        key = Path(meta.pop("path")).as_posix()
        if key in rows:
            raise InputError(path, f"{key!r} is listed twice", "keep one row per article", line=line)
        rows[key] = meta
    return rows


def _doc_id(path: Path, root: Path) -> str:
    relative = path.relative_to(root) if path != root else Path(path.name)
    return relative.with_suffix("").as_posix()


def _files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part.startswith((".", "_")) for part in relative.parts):
            continue
        if path.is_file() and path.name.lower() not in (*MANIFEST_NAMES, ALIASES_NAME):
            yield path


def iter_articles(inputs: str | Path | Iterable[str | Path], *, manifest: str | Path | None = None,
                  text_column: str | None = None,
                  on_problem: Callable[[Problem], None] | None = None) -> Iterator[Article]:
    """Yield the articles found in files and folders, in a stable order.

    Bad inputs are passed to ``on_problem`` (a :class:`~framing.errors.Problem`) and skipped; without
    ``on_problem`` the first one raises :class:`InputError`. A folder's ``manifest.csv`` (or
    ``manifest``) supplies metadata by path. Duplicate ``doc_id``s are reported and the later one is
    skipped.
    """
    def report(problem: Problem) -> None:
        if on_problem is not None:
            on_problem(problem)
        elif problem.skipped:
            raise InputError(problem.path, problem.problem, problem.fix, line=problem.line)

    paths = [Path(inputs)] if isinstance(inputs, str | Path) else [Path(p) for p in inputs]
    extra_manifest = read_manifest(manifest) if manifest else {}
    seen: dict[str, str] = {}
    for root in paths:
        if not root.exists():
            report(Problem(str(root), None, "no such file or folder", "check the path"))
            continue
        base = root if root.is_dir() else root.parent
        rows = dict(extra_manifest)
        if (base / "manifest.csv").is_file() and root.is_dir():
            try:
                rows = {**read_manifest(base / "manifest.csv"), **rows}
            except InputError as error:
                report(Problem.from_error(error))
        files = _files(root) if root.is_dir() else iter([root])
        listed = set()
        for path in files:
            relative = path.relative_to(base).as_posix()
            listed.add(relative)
            try:
                for article in _read_any(path, _doc_id(path, base), rows.get(relative, {}),
                                         text_column=text_column, report=report):
                    if article.doc_id in seen:
                        report(Problem(article.path, None, f"duplicate doc_id {article.doc_id!r} (already "
                                       f"used by {seen[article.doc_id]})", "rename one of them or give "
                                       "unique ids"))
                        continue
                    seen[article.doc_id] = article.path
                    for note in article.notes:
                        report(_warning(article.path, note))
                    yield article
            except InputError as error:
                report(Problem.from_error(error))
        if root.is_dir():
            for missing in sorted(set(rows) - listed - set(extra_manifest)):
                report(_warning(base / "manifest.csv", f"lists {missing!r}, which is not in the folder"))


def _read_any(path: Path, doc_id: str, meta: dict[str, str], *, text_column: str | None,
              report: Callable[[Problem], None]) -> Iterator[Article]:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        yield read_text_file(path, doc_id, meta)
    elif suffix in HTML_SUFFIXES:
        yield read_html_file(path, doc_id, meta)
    elif suffix == ".csv":
        yield from read_csv_file(path, doc_id, text_column=text_column, on_problem=report)
    elif suffix == ".jsonl":
        yield from read_jsonl_file(path, doc_id, text_column=text_column, on_problem=report)
    else:
        raise InputError(path, f"'{path.suffix or path.name}' files are not read",
                         f"give articles as {', '.join(SUPPORTED_SUFFIXES)}")


def read_corpus(inputs: str | Path | Iterable[str | Path], **options) -> tuple[list[Article], list[Problem]]:
    """Read every article into a list; return ``(articles, problems)`` (problems were skipped or noted)."""
    problems: list[Problem] = []
    articles = list(iter_articles(inputs, on_problem=problems.append, **options))
    return articles, problems


__all__ = ["Article", "Cleaned", "FramingError", "InputError", "Problem", "clean_text", "decode",
           "iter_articles", "read_corpus", "read_manifest"]
