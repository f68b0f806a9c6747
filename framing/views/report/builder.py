"""Build the static report: a folder of HTML pages that opens from the file system, offline, with every
asset inside it (no server, no CDN, no external font or script).

    report/
      index.html              overview: the corpus, key numbers per outlet, the figures, the downloads
      articles/index.html     the article index, 50 articles a page (page-2.html, ...)
      articles/NAME.html      one page per article: its text with every marker and quotation highlighted
      search.html             every marker and quotation in context, filtered and paged in the browser
      data/kwic.js            the rows of that table (a script, since pages opened from files cannot fetch)
      figures/NAME.svg        the figures of ``make figures``
      tables/NAME.csv         every table of the run, the figures' tables and kwic.csv
      assets/                 the stylesheets and scripts

The same tables give the same bytes (no dates; everything sorted). The folder is written in a staging
folder beside it and moved into place at the end: a failed build leaves the previous report untouched.
An existing folder is replaced only when it is empty or is a report (it holds :data:`MARKER`).

>>> build_report(framing.analyze(), "report")                                  # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from framing import __version__
from framing.aliases import Aliases, apply
from framing.errors import OutputError
from framing.figures import FIGURES, draw, figure_bytes, outlet_colors, table_bytes
from framing.io import STAGING_PREFIX, prepare_dir
from framing.measures import By, by_columns
from framing.schemas import SCHEMAS, cell_text, frame
from framing.views.report import pages
from framing.views.report.numbers import alt_text, key_numbers
from framing.views.report.rows import article_rows, family_label, family_order, highlight_colors

if TYPE_CHECKING:
    from framing.analysis import Tables

#: The file that marks a folder as a report, so that a rebuild may replace it.
MARKER = ".framing-report"
#: Rows a page of the keyword-in-context table shows.
KWIC_PAGE_SIZE = 50
STATIC = ("report.css", "article.js", "search.js")
CORE = ("articles", "sentences", "markers", "quotes", "mentions")
ABOUT = {"articles": "article (with its text)", "sentences": "sentence, with its polarity and subjectivity",
         "markers": "loaded term, hedge, booster, distancing device or reporting verb",
         "quotes": "quotation or attribution", "mentions": "named person, organisation or place",
         "kwic": "marker or quotation, with its context (the table of the search page)"}


@dataclass(frozen=True)
class ReportSummary:
    """What a build wrote: the folder, the number of articles, pages and files, and the seconds it took."""

    out: Path
    articles: int
    pages: int
    files: int
    seconds: float

    def line(self) -> str:
        return (f"{self.articles:,} articles, {self.pages:,} pages, {self.files:,} files in "
                f"{self.seconds:.1f} s -> {self.out}")


def _collect(tables: Tables | Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Every table of the run by name (the five core tables always, empty when missing)."""
    get = tables.get if isinstance(tables, Mapping) else (lambda name: getattr(tables, name, None))
    out = {}
    for name in [*CORE, *sorted(n for n in SCHEMAS if n not in CORE)]:
        table = get(name)
        if table is not None:
            out[name] = table
        elif name in CORE:
            out[name] = frame(name)
    return out


def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(loader=PackageLoader("framing.views.report", "templates"),
                       autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True, undefined=StrictUndefined)


def _csv(table: pd.DataFrame) -> bytes:
    """A table as ``framing analyze`` writes it (UTF-8, ``\\n``, no index)."""
    return table.to_csv(index=False, lineterminator="\n").encode("utf-8")


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _check_target(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise OutputError(out, "the output path exists and is not a folder", "choose another --out")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise OutputError(out, "the folder is not empty and is not a report written by framing",
                          "choose a new or empty folder for --out")


def _publish(staging: Path, out: Path) -> None:
    """Move the finished report into place (replacing an earlier report as a whole)."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(dir=out.parent, prefix=STAGING_PREFIX)) / "old"
        os.replace(out, old)
    os.replace(staging, out)
    if old is not None:
        shutil.rmtree(old.parent, ignore_errors=True)


class _Site:
    """The files of a report being written into its staging folder."""

    def __init__(self, root: Path):
        self.root = root
        self.files = 0
        self.pages = 0

    def write(self, relative: str, data: bytes | str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        self.files += 1
        self.pages += relative.endswith(".html")


def _svg_size(svg: bytes) -> tuple[int, int]:
    """Width and height of an SVG in CSS pixels (matplotlib writes points)."""
    head = svg[:2000].decode("utf-8", "replace")
    found = [re.search(rf'{name}="([\d.]+)pt"', head) for name in ("width", "height")]
    return tuple(round(float(m.group(1)) * 4 / 3) if m else 0 for m in found)  # type: ignore[return-value]


def _palette_css(families: list[str], kinds: list[str]) -> str:
    """Highlight colours as CSS rules: one per family and quotation kind of the corpus."""
    colors = highlight_colors([*families, *kinds])
    lines = ["/* Highlight colours: the figures' palette (framing.figures.style), lightened. */",
             f".hl {{ background: {highlight_colors(['(none)'])['(none)']}; }}"]
    lines += [f'.hl[data-family="{f}"] {{ background: {colors[f]}; }}' for f in families if f in colors]
    lines += [f'.hl[data-kind="{k}"] {{ background: {colors[k]}; }}' for k in kinds]
    return "\n".join(lines) + "\n"


#: The group label of articles whose grouping column is empty (a folder of plain texts has no outlet).
NO_GROUP = "(not given)"


def _groups(articles: pd.DataFrame, cols: list[str]) -> pd.Series:
    labels = articles[cols].astype(str).agg(" / ".join, axis=1) if cols else pd.Series("", index=articles.index)
    return labels.mask(labels.str.strip(" /") == "", NO_GROUP)


def build_report(tables: Tables | Mapping[str, pd.DataFrame], out_dir: str | Path, *, by: By = "outlet",
                 aliases: Aliases = None, title: str | None = None, progress: bool = False) -> ReportSummary:
    """Write the report of ``tables`` to ``out_dir`` and return what was written.

    ``tables``: a :class:`framing.analysis.Tables` or table name -> DataFrame (``articles``, ``sentences``,
    ``markers``, ``quotes``; ``mentions`` and any other table of :data:`framing.schemas.SCHEMAS` if
    there). ``by``: the articles column whose groups are compared. ``aliases``: merges speakers and
    actors as in the figures. Raises OutputError when ``out_dir`` cannot be written, or exists, is not
    empty and is not a report.
    """
    started = time.perf_counter()
    out = Path(out_dir)
    _check_target(out)
    prepare_dir(out.parent if str(out.parent) else Path("."))
    data = apply(_collect(tables), aliases)
    try:
        staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=STAGING_PREFIX))
    except OSError as error:
        raise OutputError(out.parent, f"cannot be written ({error.strerror})", "check permissions") from None
    try:
        site = _Site(staging)
        count = _write_site(site, data, by=by, title=title or "Framing report", progress=progress)
        site.write(MARKER, "A report written by framing report; the folder is replaced when it is built again.\n")
        _publish(staging, out)
    except OSError as error:
        raise OutputError(out, f"the report could not be written ({error.strerror})",
                          "check free space and permissions, then run again") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return ReportSummary(out, count, site.pages, site.files, time.perf_counter() - started)


def _write_site(site: _Site, data: dict[str, pd.DataFrame], *, by: By, title: str, progress: bool) -> int:
    """Write every file of the report; return the number of articles."""
    env = _environment()
    cols = by_columns(by)
    articles, markers, quotes = data["articles"], data["markers"], data["quotes"]
    articles = articles.assign(_group=_groups(articles, cols), _title=[pages.title_of(a) for a in
                                                                     articles.to_dict("records")])
    order = articles.sort_values(["_group", "date", "_title", "doc_id"], kind="stable") \
        if "date" in articles.columns else articles.sort_values(["_group", "_title", "doc_id"], kind="stable")
    order = order.reset_index(drop=True)
    files = [pages.article_file(str(d)) for d in order["doc_id"]]
    families = family_order(markers["family"].astype(str).unique()) if not markers.empty else family_order([])
    kinds = pages.kinds_of(quotes)
    by_label = " / ".join(c.replace("_", " ") for c in cols)
    corpus = {"outlets_n": f"{order['_group'].nunique():,}", "articles_n": f"{len(order):,}",
              "words_n": f"{int(pd.to_numeric(order['n_words']).clip(lower=0).sum()):,}",
              "markers_n": f"{len(markers):,}", "quotes_n": f"{len(quotes):,}"}
    corpus["articles_text"] = f"{corpus['articles_n']} articles, {corpus['words_n']} words"
    common = {"report_title": title, "version": __version__, "corpus": corpus, "by_label": by_label,
              "by_label_plural": by_label + "s"}

    for name in STATIC:
        site.write(f"assets/{name}", resources.files("framing.views.report").joinpath("static", name).read_bytes())
    site.write("assets/palette.css", _palette_css(families, kinds))

    # article pages, and the keyword-in-context rows they give
    marker_groups, quote_groups = _by_doc(markers), _by_doc(quotes)
    extra = {name: dict(tuple(table.groupby("doc_id", sort=False))) for name, table in data.items()
             if name not in CORE and "doc_id" in table.columns and not table.empty}
    per_page = pages.ARTICLES_PER_PAGE
    page_of = [i // per_page + 1 for i in range(len(order))]
    kwic_rows, index_rows, doc_entries = [], [], []
    group_first: dict[str, int] = {}
    records = order.drop(columns=["_group", "_title"]).to_dict("records")
    template = env.get_template("article.html")
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(records), unit=" articles", desc="report", disable=None, leave=False)
    for i, article in enumerate(records):
        doc_id = str(article["doc_id"])
        rows = article_rows(marker_groups.get(doc_id, []), quote_groups.get(doc_id, []))
        neighbours = (files[i - 1] if i > 0 else "", files[i + 1] if i + 1 < len(files) else "")
        page = pages.article_page(article, rows, families=families, kinds=kinds, neighbours=neighbours,
                                  index=f"{pages.index_file(page_of[i])}#a{i + 1}",
                                  extra=pages.extra_tables(doc_id, extra))
        site.write(f"articles/{files[i]}", template.render(**common, root="../", page="article",
                                                           article=page.context))
        group = order.at[i, "_group"]
        group_first.setdefault(group, i)
        n_markers = sum(1 for r in rows if r.family != "quotation")
        index_rows.append({"number": i + 1, "group": group, "title": order.at[i, "_title"], "file": files[i],
                           "date": cell_text(article.get("date")), "words": f"{int(article['n_words']):,}"
                           if int(article["n_words"]) >= 0 else "", "markers": n_markers,
                           "quotes": len(rows) - n_markers, "anchor": f"a{i + 1}"})
        doc_entries.append((files[i], order.at[i, "_title"], group, doc_id))
        kwic_rows.extend((i, *line) for line in page.kwic)
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()

    colors = outlet_colors(order["_group"])
    group_rows = []
    for group, first in group_first.items():
        members = order[order["_group"] == group]
        group_rows.append({"label": group, "color": colors[group], "articles": f"{len(members):,}",
                           "words": f"{int(pd.to_numeric(members['n_words']).clip(lower=0).sum()):,}",
                           "page": pages.index_file(page_of[first]), "anchor": f"a{first + 1}",
                           "first_title": order.at[first, "_title"]})
    _write_index(site, env, common, index_rows, group_rows, per_page)
    kwic = _write_kwic(site, env, common, kwic_rows, doc_entries, families)
    figures = _write_figures(site, data, by)
    downloads = _write_tables(site, data, kwic, figures)
    overview_groups = [{**g, "page": g["page"] + "#" + g["anchor"]} for g in group_rows]
    site.write("index.html", env.get_template("overview.html").render(
        **common, root="", page="overview", groups=overview_groups, numbers=key_numbers(data, by),
        figures=figures, downloads=downloads))
    return len(order)


def _by_doc(table: pd.DataFrame) -> dict[str, list[dict[str, object]]]:
    """The rows of ``table`` as records, by doc_id (one pass, not one filter per article)."""
    out: dict[str, list[dict[str, object]]] = {}
    for record in table.to_dict("records"):
        out.setdefault(str(record["doc_id"]), []).append(record)
    return out


def _write_index(site: _Site, env, common: dict, rows: list[dict], groups: list[dict], per_page: int) -> None:
    template = env.get_template("index.html")
    total = max(1, -(-len(rows) // per_page))
    for number in range(1, total + 1):
        chunk = rows[(number - 1) * per_page:number * per_page]
        site.write(f"articles/{pages.index_file(number)}", template.render(
            **common, root="../", page="articles", articles=chunk, groups=groups, per_page=per_page,
            pager=pages.pager(number, total, len(rows), per_page)))


def _write_kwic(site: _Site, env, common: dict, rows: list[tuple], docs: list[tuple[str, str, str, str]],
                families: list[str]) -> pd.DataFrame:
    """The search page, its data file, and the table behind it (returned for kwic.csv)."""
    outlets = sorted({d[2] for d in docs})
    categories = sorted({r[2] for r in rows})
    used = [f for f in families if any(r[1] == f for r in rows)]
    by_family = {f: sorted({r[2] for r in rows if r[1] == f}) for f in used}
    out_index, family_index, category_index = ({v: i for i, v in enumerate(values)}
                                                for values in (outlets, used, categories))
    payload = {"outlets": outlets, "families": used, "family_labels": [family_label(f) for f in used],
               "categories": categories, "categories_by_family": by_family,
               "docs": [[file, doc_title, out_index[group]] for file, doc_title, group, _ in docs],
               "rows": [[r[0], family_index[r[1]], category_index[r[2]], *r[3:]] for r in rows]}
    site.write("data/kwic.js", f"window.FRAMING_KWIC = {_json(payload)};\n")
    filters = {"outlets": outlets, "families": [(f, family_label(f)) for f in used], "categories": categories}
    common["corpus"]["kwic_n"] = f"{len(rows):,}"
    site.write("search.html", env.get_template("search.html").render(
        **common, root="", page="search", filters=filters, page_size=KWIC_PAGE_SIZE))
    columns = ["doc_id", "outlet", "family", "category", "left", "match", "right", "id", "detail"]
    return pd.DataFrame([[docs[r[0]][3], docs[r[0]][2], *r[1:]] for r in rows], columns=columns)


def _write_figures(site: _Site, data: Mapping[str, pd.DataFrame], by: By) -> list[dict[str, object]]:
    figures = []
    for spec in FIGURES:
        table, fig = draw(spec.name, data, by=by)
        svg = figure_bytes(fig, "svg")
        width, height = _svg_size(svg)
        site.write(f"figures/{spec.name}.svg", svg)
        site.write(f"tables/{spec.name}.csv", table_bytes(table))
        figures.append({"name": spec.name, "caption": spec.caption, "alt": alt_text(spec.name, spec.caption, table, by),
                        "width": width, "height": height, "table": f"{spec.name}.csv", "rows": len(table)})
    return figures


def _write_tables(site: _Site, data: Mapping[str, pd.DataFrame], kwic: pd.DataFrame,
                  figures: list[dict[str, object]]) -> list[dict[str, str]]:
    listed = []
    for name, table in [*data.items(), ("kwic", kwic)]:
        site.write(f"tables/{name}.csv", _csv(table))
        listed.append({"file": f"{name}.csv", "rows": f"{len(table):,}",
                       "about": ABOUT.get(name, f"row of the {name.replace('_', ' ')} table")})
    listed += [{"file": f["table"], "rows": f"{f['rows']:,}", "about": f"row of figure {i}: {f['caption']}"}
               for i, f in enumerate(figures, start=1)]
    return listed


__all__ = ["KWIC_PAGE_SIZE", "MARKER", "ReportSummary", "build_report"]
