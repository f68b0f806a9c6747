"""framing.views.report and `framing report`: the pages and files a report holds, its highlights against
the tables, byte-identical rebuilds, atomic output, results folders, large corpora and bad input."""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from conftest import KRONE, ONEWORLD  # noqa: E402
from framing import cli  # noqa: E402
from framing.errors import InputError, OutputError  # noqa: E402
from framing.figures import NAMES  # noqa: E402
from framing.schemas import SCHEMAS  # noqa: E402
from framing.views.report import MARKER, build_report, read_results  # noqa: E402
from framing.views.report.pages import article_file  # noqa: E402
from framing.figures.style import tint  # noqa: E402
from framing.views.report.rows import (FALLBACK_COLOR, FAMILY_TINT, highlight_colors, marker_rows,  # noqa: E402
                                       quote_rows)

FIRST = re.compile(r'<mark class="hl" id="([mq]\d+)"([^>]*)>')


@pytest.fixture(scope="module")
def report(seed_tables, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "report"
    summary = build_report(seed_tables, out)
    return out, summary


def _tables(seed_tables) -> dict[str, pd.DataFrame]:
    return {name: seed_tables[name].copy() for name in ("articles", "sentences", "markers", "quotes", "mentions")}


def test_the_report_holds_every_page_figure_and_table(report):
    out, summary = report
    assert summary.articles == 2 and summary.pages == 5
    html = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    assert html == sorted(["index.html", "search.html", "articles/index.html", f"articles/{article_file(KRONE)}",
                           f"articles/{article_file(ONEWORLD)}"])
    assert sorted(p.name for p in (out / "figures").iterdir()) == sorted(f"{n}.svg" for n in NAMES)
    tables = sorted(p.name for p in (out / "tables").iterdir())
    assert tables == sorted([*(f"{n}.csv" for n in NAMES), *(f"{n}.csv" for n in SCHEMAS), "kwic.csv"])
    overview = (out / "index.html").read_text(encoding="utf-8")
    for name in NAMES:
        assert f'src="figures/{name}.svg"' in overview
        assert f'href="tables/{name}.csv"' in overview
    assert (out / MARKER).is_file()


def test_every_figure_has_a_text_alternative_with_its_numbers(report, seed_tables):
    overview = (report[0] / "index.html").read_text(encoding="utf-8")
    alts = re.findall(r'<img src="figures/([^"]+)\.svg" alt="([^"]*)"', overview)
    assert [name for name, _ in alts] == list(NAMES)
    loaded = seed_tables.markers[seed_tables.markers["family"] == "loaded"]
    krone = int((loaded["doc_id"] == KRONE).sum())
    first = dict(alts)["01_loaded_terms"]
    assert first.startswith("Loaded terms per 1,000 words") and f"Krone: {krone} loaded terms" in first
    assert all(len(alt) > 60 for _, alt in alts)


def test_key_numbers_give_each_outlets_rate_with_its_interval(report, seed_tables):
    overview = (report[0] / "index.html").read_text(encoding="utf-8")
    row = re.search(r'<th scope="row">Krone</th>(.*?)</tr>', overview.split('class="numbers"')[1]).group(1)
    cells = re.findall(r'<td class="num">([^<]*)(?:<span class="ci">([^<]*)</span>)?</td>', row)
    articles = seed_tables.articles.set_index("doc_id")
    words = int(articles.at[KRONE, "n_words"])
    loaded = int(((seed_tables.markers["doc_id"] == KRONE) & (seed_tables.markers["family"] == "loaded")).sum())
    assert cells[0] == ("1", "") and cells[1] == (f"{words:,}", "")
    value, interval = cells[2]
    assert float(value) == pytest.approx(loaded / words * 1000, abs=0.05)
    low, high = map(float, interval.split("\u2013"))
    assert low < float(value) < high


@pytest.mark.parametrize("doc_id", [KRONE, ONEWORLD])
def test_each_article_page_has_one_highlight_per_row(report, seed_tables, doc_id):
    page = (report[0] / "articles" / article_file(doc_id)).read_text(encoding="utf-8")
    firsts = FIRST.findall(page)
    markers = seed_tables.markers[seed_tables.markers["doc_id"] == doc_id]
    quotes = seed_tables.quotes[seed_tables.quotes["doc_id"] == doc_id]
    assert len(firsts) == len(markers) + len(quotes)
    families = pd.Series([re.search(r'data-family="([^"]+)"', attrs).group(1) for _, attrs in firsts])
    assert families.value_counts().to_dict() == {**markers["family"].value_counts().to_dict(),
                                                 "quotation": len(quotes)}
    assert all('tabindex="0"' in attrs for _, attrs in firsts)
    notes = set(re.findall(r'<li id="t-([mq]\d+)">', page))
    assert notes == {i for i, _ in firsts}
    text = seed_tables.articles.set_index("doc_id").at[doc_id, "text"]
    plain = re.sub(r"<[^>]+>", "", page.split('id="text"')[1].split(">", 1)[1].split("</div>")[0])
    assert plain.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">") == text


def test_notes_name_category_source_voice_speaker_and_cue(seed_tables):
    markers = seed_tables.markers[seed_tables.markers["doc_id"] == KRONE]
    row = next(r for r in marker_rows(markers) if r.text == "clear threat")
    assert row.notes[0] == "Loaded term: threat and fear"
    assert "Voice: inside a quotation" in " ".join(row.notes) and any(n.startswith("Source: ") for n in row.notes)
    quotes = seed_tables.quotes[seed_tables.quotes["doc_id"] == KRONE]
    source = quotes[(quotes["kind"] == "direct") & (quotes["speaker"] != "") & (quotes["cue"] != "")].iloc[0]
    row = next(r for r in quote_rows(quotes) if r.id == f"q{source['quote_id']}")
    assert row.notes[0] == "Direct quote"
    assert any(n.startswith("Speaker: ") and source["speaker"] in n for n in row.notes)
    assert f"Cue: {source['cue']}" in " ".join(row.notes)


def test_a_family_the_report_does_not_know_and_a_model_score_are_shown(seed_tables, tmp_path):
    tables = _tables(seed_tables)
    markers = tables["markers"]
    extra = markers[markers["doc_id"] == KRONE].head(2).assign(family="stance", category="against",
                                                               source="", score="")
    learned = markers[markers["doc_id"] == KRONE].head(1).assign(family="loaded", source="loaded-spans 0.1",
                                                                 score="0.875")
    tables["markers"] = pd.concat([markers.assign(score=""), extra, learned], ignore_index=True)
    build_report(tables, tmp_path / "r")
    page = (tmp_path / "r" / "articles" / article_file(KRONE)).read_text(encoding="utf-8")
    assert page.count('data-family="stance"') == 2 and 'Stance <span class="count">(2)</span>' in page
    assert 'data-origin="model"' in page and "Model: loaded-spans 0.1" in page and "Score: 0.875" in page
    css = (tmp_path / "r" / "assets" / "palette.css").read_text(encoding="utf-8")
    assert f'.hl[data-family="stance"] {{ background: {highlight_colors(["stance"])["stance"]}; }}' in css
    assert highlight_colors(["no such family"]) == {"no such family": tint(FALLBACK_COLOR, FAMILY_TINT)}


def test_the_same_tables_give_the_same_bytes(seed_tables, report, tmp_path):
    build_report(seed_tables, tmp_path / "again")
    first = {p.relative_to(report[0]): p.read_bytes() for p in report[0].rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path / "again"): p.read_bytes() for p in (tmp_path / "again").rglob("*")
              if p.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_nothing_is_loaded_from_outside_the_folder(report):
    for page in report[0].rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'(src|href)="(https?:)?//', html.replace('<a href="http', "")), page
        for target in re.findall(r'(?:src|href)="(?![a-z]+:)([^"#]+)', html):
            assert (page.parent / target).exists(), (page, target)


def test_a_large_corpus_gets_a_paged_index(seed_tables, tmp_path):
    tables = _tables(seed_tables)
    copies = 61  # 122 articles: three index pages of 50
    for name, table in tables.items():
        tables[name] = pd.concat([table.assign(doc_id=table["doc_id"] + f"/{i:03d}") for i in range(copies)],
                                 ignore_index=True)
    summary = build_report(tables, tmp_path / "big")
    out = tmp_path / "big" / "articles"
    assert summary.articles == 122 and sorted(p.name for p in out.glob("*.html") if not p.name[0].isdigit()) == [
        "index.html", "page-2.html", "page-3.html"]
    rows = [len(re.findall(r'<tr id="a\d+">|<tr>', (out / f).read_text(encoding="utf-8").split("<tbody>")[1]))
            for f in ("index.html", "page-2.html", "page-3.html")]
    assert rows == [50, 50, 22]
    assert len(list(out.glob("0*.html"))) == 122


def test_a_failed_build_leaves_the_previous_report(seed_tables, report, tmp_path, monkeypatch):
    out = tmp_path / "report"
    build_report(seed_tables, out)
    before = (out / "index.html").read_bytes()
    monkeypatch.setattr("framing.views.report.builder._write_figures",
                        lambda *a, **k: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    with pytest.raises(OutputError, match="could not be written"):
        build_report(seed_tables, out, title="Another title")
    assert (out / "index.html").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["report"]


def test_a_folder_that_is_not_a_report_is_never_replaced(seed_tables, tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match="not a report written by framing"):
        build_report(seed_tables, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_report_command_reads_a_results_folder(tmp_path, quick, capsys):
    assert cli.main(["analyze", "--out", str(tmp_path / "results"), "-q"]) == cli.EXIT_OK
    assert cli.main(["report", str(tmp_path / "results"), "--out", str(tmp_path / "report"), "-q"]) == cli.EXIT_OK
    assert capsys.readouterr().err.strip().splitlines()[-1].startswith("framing: report: 2 articles, 5 pages")
    tables = read_results(tmp_path / "results")
    kwic = pd.read_csv(tmp_path / "report" / "tables" / "kwic.csv", dtype=str, keep_default_na=False)
    assert len(kwic) == len(tables["markers"]) + len(tables["quotes"])
    assert (tmp_path / "report" / "articles" / article_file(KRONE)).is_file()


def test_report_command_analyses_articles(tmp_path, quick):
    assert cli.main(["report", f"data/corpus/{KRONE}.txt", "--out", str(tmp_path / "r"), "-q",
                     "--title", "Krone alone"]) == cli.EXIT_OK
    overview = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Krone alone</h1>" in overview and "<strong>1</strong> articles" in overview


def test_a_broken_results_table_is_one_line_naming_the_file(tmp_path, quick, capsys):
    assert cli.main(["analyze", "--out", str(tmp_path / "results"), "-q"]) == cli.EXIT_OK
    good = (tmp_path / "results" / "markers.csv").read_bytes()
    (tmp_path / "results" / "markers.csv").write_text("doc_id,start_char\nx,\"unclosed\n", encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["report", str(tmp_path / "results"), "--out", str(tmp_path / "r"), "-q"]) == cli.EXIT_ERROR
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "markers.csv" in error[0] and "framing analyze" in error[0]
    (tmp_path / "results" / "markers.csv").write_bytes(good)
    (tmp_path / "results" / "quotes.csv").write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(InputError, match="quotes.csv"):
        read_results(tmp_path / "results")
    assert not (tmp_path / "r").exists()


def test_a_parquet_results_folder_gives_the_same_report_as_csv(tmp_path, quick):
    for fmt in ("csv", "parquet"):
        assert cli.main(["analyze", "--out", str(tmp_path / fmt), "--format", fmt, "-q"]) == cli.EXIT_OK
        assert cli.main(["report", str(tmp_path / fmt), "--out", str(tmp_path / f"report-{fmt}"), "-q"]) == 0
    for page in (tmp_path / "report-csv").rglob("*.html"):
        relative = page.relative_to(tmp_path / "report-csv")
        assert page.read_bytes() == (tmp_path / "report-parquet" / relative).read_bytes(), relative
