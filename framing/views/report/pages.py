"""The contents of the report's pages, as plain values for the templates: one article page, the pages of
the article index, and the rows of the keyword-in-context table.

Nothing here writes files or renders templates (:mod:`framing.views.report.builder` does); everything is
ordered, so that the same tables give the same pages.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd
from markupsafe import Markup

from framing.schemas import ARTICLES, cell_text
from framing.views.report.rows import (QUOTATION, Row, family_label, highlight_colors, kind_label, kind_order,
                                       kwic_line, strong_color)
from framing.views.report.spans import render

#: Article pages listed on one page of the index.
ARTICLES_PER_PAGE = 50
#: Page numbers shown on each side of the current one in the index's pager.
PAGER_WINDOW = 2
#: Longest part of a doc_id kept in an article page's file name (a hash of the whole id follows).
SLUG_LENGTH = 60
#: Characters of a row's text shown in an article's table of rows.
SHORT_TEXT = 80
#: Rows of another table shown on an article page (the rest are in its CSV).
EXTRA_ROWS = 200
META_LABELS = {"outlet": "Outlet", "author": "Author", "date": "Date", "url": "URL", "source_line": "Source line",
               "path": "File", "doc_id": "Id", "n_words": "Words", "n_sentences": "Sentences"}


def article_file(doc_id: str) -> str:
    """The file name of an article's page: a readable part of its id and a hash of the whole id (ids
    hold slashes and any character; two ids never share a file)."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", doc_id).strip("-").lower()[:SLUG_LENGTH].strip("-") or "article"
    return f"{slug}-{hashlib.sha1(doc_id.encode('utf-8')).hexdigest()[:10]}.html"


def index_file(number: int) -> str:
    """The file of page ``number`` (from 1) of the article index."""
    return "index.html" if number == 1 else f"page-{number}.html"


def title_of(article: Mapping[str, object]) -> str:
    """The article's title, else its first line, else its id."""
    title = cell_text(article.get("title")).strip()
    if title:
        return title
    first = cell_text(article.get("text")).strip().split("\n", 1)[0].strip()
    return first[:SHORT_TEXT * 2] or cell_text(article["doc_id"])


@dataclass(frozen=True)
class Pager:
    number: int
    total: int
    first: int
    last: int
    window: list[tuple[int, str | None]]
    previous: str = ""
    next: str = ""


def pager(number: int, total: int, articles: int, per_page: int = ARTICLES_PER_PAGE) -> Pager:
    """The pager of index page ``number`` of ``total``: the first and last page, the pages near this one,
    ``(n, None)`` where pages are left out."""
    shown = sorted({1, total, *range(max(1, number - PAGER_WINDOW), min(total, number + PAGER_WINDOW) + 1)})
    window: list[tuple[int, str | None]] = []
    for n in shown:
        if window and n - window[-1][0] > 1:
            window.append((n - 1, None))
        window.append((n, index_file(n)))
    return Pager(number, total, (number - 1) * per_page + 1, min(number * per_page, articles), window,
                 index_file(number - 1) if number > 1 else "", index_file(number + 1) if number < total else "")


@dataclass
class FamilySwitch:
    name: str
    label: str
    color: str
    strong: str
    count: int
    kinds: list[dict[str, object]] = field(default_factory=list)


def switches(rows: Sequence[Row], families: Sequence[str], kinds: Sequence[str]) -> list[FamilySwitch]:
    """The legend of an article page: one switch per family of the corpus (quotations with their kinds),
    each with its colour and the number of this article's rows."""
    colors = highlight_colors([*families, *kinds])
    out = []
    for family in families:
        count = sum(1 for r in rows if r.family == family)
        if family == QUOTATION:
            listed = [{"label": kind_label(k), "color": colors[k], "count": sum(1 for r in rows if r.key == k)}
                      for k in kinds]
            out.append(FamilySwitch(family, "Quotation", colors.get(kinds[0], "") if kinds else "",
                                    strong_color(QUOTATION), count, listed))
        else:
            out.append(FamilySwitch(family, family_label(family), colors[family], strong_color(family), count))
    return out


def meta(article: Mapping[str, object]) -> list[tuple[str, str]]:
    """The metadata lines of an article page: the known fields, then any other metadata column."""
    extra = sorted(k for k in article if k not in ARTICLES)
    keys = ["outlet", "author", "date", "url", "source_line", *extra, "n_words", "n_sentences", "path", "doc_id"]
    lines = []
    for key in keys:
        value = cell_text(article.get(key)).strip()
        if value and value != "-1":
            label = META_LABELS.get(key) or key.replace("_", " ").capitalize()
            lines.append((label, f"{int(value):,}" if key.startswith("n_") and value.isdigit() else value))
    return lines


def extra_tables(doc_id: str, extra: Mapping[str, Mapping[str, pd.DataFrame]]) -> list[dict[str, object]]:
    """The rows of this article in the other tables of the run (frames, ...), each as a small table."""
    out = []
    for name, by_doc in sorted(extra.items()):
        part = by_doc.get(doc_id)
        if part is None or part.empty:
            continue
        columns = [c for c in part.columns if c != "doc_id" and c != "text"]
        rows = [[cell_text(v) for v in values] for values in part[columns].head(EXTRA_ROWS).itertuples(index=False)]
        caption = f"{len(part):,} rows of the {name} table"
        if len(part) > EXTRA_ROWS:
            caption += f" (the first {EXTRA_ROWS}; all are in {name}.csv)"
        out.append({"title": name.replace("_", " ").capitalize(), "caption": caption, "columns": columns,
                    "rows": rows})
    return out


@dataclass
class ArticlePage:
    """One article page's values, and its keyword-in-context rows."""

    context: dict[str, object]
    kwic: list[tuple[str, str, str, str, str, str, str]]  # family, category, left, match, right, id, detail
    highlights: int


def _short(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= SHORT_TEXT else value[:SHORT_TEXT - 1].rstrip() + "\u2026"


def article_page(article: Mapping[str, object], rows: Sequence[Row], *, families: Sequence[str],
                 kinds: Sequence[str], neighbours: tuple[str, str], index: str,
                 extra: list[dict[str, object]]) -> ArticlePage:
    """The values of one article page: its text with every row highlighted, the legend, the notes and
    the table of its rows; rows whose offsets lie outside the text are listed apart."""
    body = cell_text(article.get("text"))
    html, dropped = render(body, [row.span() for row in rows])
    dropped_ids = {span.id for span in dropped}
    placed = [row for row in rows if row.id not in dropped_ids]
    listed = sorted(placed, key=lambda r: (r.start, r.end, r.id))
    context = {
        "title": title_of(article), "meta": meta(article), "html": Markup(html),
        "families": switches(placed, families, kinds), "highlights": len(placed),
        "rows": [{"id": r.id, "notes": r.notes, "family_label": family_label(r.family) if r.family != QUOTATION
                  else kind_label(r.key), "category": r.category if r.family != QUOTATION else "",
                  "short": _short(r.text)} for r in listed],
        "dropped": sorted(dropped_ids), "previous": neighbours[0], "next": neighbours[1], "index": index,
        "model_rows": any(r.model for r in placed), "extra": extra,
    }
    kwic = [(r.family, r.category, *kwic_line(body, r), r.id, r.detail) for r in listed]
    return ArticlePage(context, kwic, len(placed))


def kinds_of(quotes: pd.DataFrame) -> list[str]:
    return kind_order(quotes["kind"].astype(str).unique()) if not quotes.empty else []
