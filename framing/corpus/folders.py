"""Files and folders -> articles: folders searched recursively in a stable order, a folder's
``manifest.csv`` (metadata per file, matched on ``path``), stable ``doc_id``s, and every bad file
reported and skipped while the others are read.

>>> articles = list(iter_articles("data/corpus"))      # doctest: +SKIP
>>> articles[0].outlet, articles[0].title               # doctest: +SKIP
('Krone', '“Clear Warning” – Does Kazakhstan Face the Same Fate as Ukraine?')
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from framing.aliases import ALIASES_NAME
from framing.corpus.article import Article, column
from framing.corpus.decoding import decode, read_whole
from framing.corpus.readers import (HTML_SUFFIXES, SUPPORTED_SUFFIXES, TEXT_SUFFIXES, read_csv_file, read_html_file,
                                    read_jsonl_file, read_text_file, warning)
from framing.errors import InputError, Problem

#: File names treated as a folder's manifest, not as articles.
MANIFEST_NAMES = ("manifest.csv",)


def read_manifest(path: str | Path) -> dict[str, dict[str, str]]:
    """Read a manifest CSV: one row per article file, keyed by its ``path`` column (relative to the
    manifest's folder). Raises :class:`InputError` for a missing ``path`` column or duplicate rows."""
    path = Path(path)
    text, _ = decode(read_whole(path), path)
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
        meta = {column(k): (v or "").strip() for k, v in row.items()}
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
                        report(warning(article.path, note))
                    yield article
            except InputError as error:
                report(Problem.from_error(error))
        if root.is_dir():
            for missing in sorted(set(rows) - listed - set(extra_manifest)):
                report(warning(base / "manifest.csv", f"lists {missing!r}, which is not in the folder"))


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
