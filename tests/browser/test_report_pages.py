"""The report in a real browser: pages load cleanly, highlights match the tables, switches, notes and
filters work, keyboard focus reaches every highlight, and pages read at phone width."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import KRONE, ONEWORLD
from framing.views.report import build_report
from framing.views.report.pages import article_file

PHONE = 375


@pytest.fixture(scope="module")
def site(seed_tables, tmp_path_factory):
    out = tmp_path_factory.mktemp("browser") / "report"
    build_report(seed_tables, out)
    return out


def _url(site, relative: str) -> str:
    return (site / relative).as_uri()


def _pages(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def _rows(tables, doc_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    return (tables.markers[tables.markers["doc_id"] == doc_id], tables.quotes[tables.quotes["doc_id"] == doc_id])


def test_every_page_loads_with_no_console_error_and_no_failed_request(site, browse, screenshot):
    pages = _pages(site)
    assert len(pages) == 5
    for relative in pages:
        watched = browse()
        watched.page.goto(_url(site, relative))
        watched.page.wait_for_load_state("load")
        broken = watched.page.evaluate("Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0)"
                                       ".map(i => i.src)")
        assert broken == [], relative
        assert watched.problems == [], relative
        screenshot(watched.page, relative.replace("/", "-"), full_page=True)


@pytest.mark.parametrize("doc_id", [KRONE, ONEWORLD])
def test_highlights_on_an_article_page_equal_its_rows_in_the_tables(site, browse, seed_tables, doc_id):
    watched = browse()
    watched.page.goto(_url(site, f"articles/{article_file(doc_id)}"))
    markers, quotes = _rows(seed_tables, doc_id)
    counts = watched.page.evaluate("""() => {
        const out = {};
        for (const m of document.querySelectorAll('#text .hl:not(.hl-cont)')) {
            const key = m.dataset.family === 'quotation' ? 'quote ' + m.dataset.kind : m.dataset.family;
            out[key] = (out[key] || 0) + 1;
        }
        return out;
    }""")
    expected = {**markers["family"].value_counts().to_dict(),
                **{f"quote {k}": n for k, n in quotes["kind"].value_counts().items()}}
    assert counts == expected
    assert sum(counts.values()) == len(markers) + len(quotes)
    shown = watched.page.locator("#text").inner_text()
    assert shown == seed_tables.articles.set_index("doc_id").at[doc_id, "text"]
    assert watched.problems == []


def test_keyboard_focus_reaches_every_highlight(site, browse, seed_tables, screenshot):
    watched = browse()
    page = watched.page
    page.goto(_url(site, f"articles/{article_file(KRONE)}"))
    ids = page.evaluate("Array.from(document.querySelectorAll('#text .hl:not(.hl-cont)')).map(m => m.id)")
    markers, quotes = _rows(seed_tables, KRONE)
    assert len(ids) == len(markers) + len(quotes)
    reached = []
    for _ in range(len(ids) + 60):  # the links and switches before the text, then every highlight
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.closest('#text .hl') ? document.activeElement.id : null")
        if focused:
            reached.append(focused)
            if len(reached) == 5:
                screenshot(page, "focus")
                outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
                assert outline != "none", "a highlight with focus must show it"
                assert page.locator("#tip").is_visible()
        elif reached:
            break
    assert reached == ids  # every highlight once, in the order of the text


def test_focus_and_hover_show_category_source_and_attribution(site, browse, seed_tables, screenshot):
    watched = browse()
    page = watched.page
    page.goto(_url(site, f"articles/{article_file(KRONE)}"))
    markers, quotes = _rows(seed_tables, KRONE)
    assert page.locator("#tip").is_hidden()
    marker_id = page.evaluate("document.querySelector('#text .hl[data-family=\"loaded\"]').id")
    page.focus(f"#{marker_id}")
    tip = page.locator("#tip")
    first = markers[markers["family"] == "loaded"].sort_values(["start_char", "end_char"]).iloc[0]
    assert tip.is_visible()
    assert f"Loaded term: {first['category']}" in tip.inner_text()
    assert f"Source: {first['source']}" in tip.inner_text()
    quote = quotes[(quotes["speaker"] != "") & (quotes["cue"] != "")].iloc[0]
    page.hover(f"#q{quote['quote_id']}", position={"x": 2, "y": 2})
    text = tip.inner_text()
    assert f"Cue: {quote['cue']}" in text and quote["speaker"] in text
    screenshot(page, "hover")
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    assert watched.problems == []


def test_a_family_switch_hides_its_highlights_and_takes_them_out_of_the_tab_order(site, browse, seed_tables):
    watched = browse()
    page = watched.page
    page.goto(_url(site, f"articles/{article_file(ONEWORLD)}"))
    loaded = page.locator("#text .hl[data-family='loaded']:not(.hl-cont)")
    assert loaded.count() == int(((seed_tables.markers["doc_id"] == ONEWORLD)
                                  & (seed_tables.markers["family"] == "loaded")).sum())
    before = loaded.first.evaluate("m => getComputedStyle(m).backgroundColor")
    page.uncheck("input[data-switch='loaded']")
    assert loaded.first.evaluate("m => getComputedStyle(m).backgroundColor") == "rgba(0, 0, 0, 0)" != before
    assert set(loaded.evaluate_all("ms => ms.map(m => m.tabIndex)")) == {-1}
    hedges = page.locator("#text .hl[data-family='hedge']:not(.hl-cont)")
    assert set(hedges.evaluate_all("ms => ms.map(m => m.tabIndex)")) == {0}
    page.check("input[data-switch='loaded']")
    assert set(loaded.evaluate_all("ms => ms.map(m => m.tabIndex)")) == {0}
    assert watched.problems == []


def test_filters_change_the_visible_rows(site, browse, seed_tables, screenshot):
    watched = browse()
    page = watched.page
    page.goto(_url(site, "search.html"))
    markers, quotes = seed_tables.markers, seed_tables.quotes
    total = len(markers) + len(quotes)
    status = page.locator("#status")
    rows = page.locator("#kwic-rows tr")
    assert rows.count() == min(50, total) and f"of {total:,} ({total:,} in all)" in status.inner_text()
    page.select_option("#f-outlet", "Krone")
    krone = int((markers["doc_id"] == KRONE).sum() + (quotes["doc_id"] == KRONE).sum())
    assert f"of {krone:,} ({total:,} in all)" in status.inner_text()
    page.select_option("#f-family", "loaded")
    loaded = markers[(markers["doc_id"] == KRONE) & (markers["family"] == "loaded")]
    assert rows.count() == len(loaded)
    assert set(rows.locator("td:nth-child(1)").all_inner_texts()) == {"Krone"}
    assert set(rows.locator("td:nth-child(2)").all_inner_texts()) == {"Loaded term"}
    category = loaded["category"].value_counts().index[0]
    options = page.locator("#f-category option").all_inner_texts()
    assert options == ["All", *sorted(markers.loc[markers["family"] == "loaded", "category"].unique())]
    page.select_option("#f-category", category)
    assert rows.count() == int((loaded["category"] == category).sum())
    assert set(rows.locator("td:nth-child(3)").all_inner_texts()) == {category}
    screenshot(page, "filtered")
    page.fill("#f-text", "no such words anywhere")
    assert rows.count() == 0 and status.inner_text() == "No row matches."
    page.fill("#f-text", "")
    page.select_option("#f-outlet", "")
    page.select_option("#f-family", "")
    assert rows.count() == int(((markers["category"] == category)).sum())  # the category filter stays
    page.select_option("#f-category", "")
    assert rows.count() == min(50, total)
    page.click("#next")
    assert rows.count() == min(50, total - 50) and status.inner_text().startswith("Rows 51 to ")
    link = rows.first.locator("a")
    href = link.get_attribute("href")
    link.click()
    page.wait_for_load_state("load")
    focused = page.evaluate("document.activeElement.id")
    assert href.endswith("#" + focused)  # following a row focuses its highlight
    assert watched.problems == []


@pytest.mark.parametrize("relative", ["index.html", "search.html", "articles/index.html",
                                      f"articles/{article_file(KRONE)}"])
def test_pages_read_at_phone_width(site, browse, screenshot, relative):
    watched = browse(width=PHONE, height=800)
    page = watched.page
    page.goto(_url(site, relative))
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    font = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert font >= 14
    screenshot(page, "phone")
    assert watched.problems == []


def test_the_paged_index_leads_to_every_article(seed_tables, tmp_path, browse):
    tables = {name: seed_tables[name] for name in ("articles", "sentences", "markers", "quotes", "mentions")}
    tables = {name: pd.concat([t.assign(doc_id=t["doc_id"] + f"/{i:03d}") for i in range(61)], ignore_index=True)
              for name, t in tables.items()}
    out = tmp_path / "big"
    build_report(tables, out)
    watched = browse()
    page = watched.page
    page.goto(_url(out, "articles/index.html"))
    seen = []
    while True:
        links = page.locator("table.articles tbody a")
        seen += links.evaluate_all("as => as.map(a => a.getAttribute('href'))")
        following = page.locator(".pager a[rel='next']").first
        if not following.count():
            break
        following.click()
        page.wait_for_load_state("load")
    assert len(seen) == len(set(seen)) == 122
    assert page.url.endswith("articles/page-3.html")
    page.click(f"text={page.locator('table.articles tbody a').last.inner_text()}")
    page.wait_for_load_state("load")
    assert page.locator("#text .hl:not(.hl-cont)").count() > 0
    assert watched.problems == []
