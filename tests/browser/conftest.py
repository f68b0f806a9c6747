"""Real-browser tests: Playwright drives Debian's Chromium (never a browser of Playwright's own, which
cannot be downloaded here). Screenshots go to test-output/screenshots/ (or $FRAMING_TEST_OUTPUT).

Without Chromium these tests fail, saying how to install it; set FRAMING_BROWSER_OPTIONAL=1 to skip them
instead on a machine that has no browser (never in `make test` or CI, where they must run).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import ROOT

CHROMIUM = Path(os.environ.get("FRAMING_CHROMIUM", "/usr/bin/chromium"))
#: Headless Chromium on a machine without a network: no background connections (they would be refused
#: and show up as console errors), no GPU, no sandbox (tests may run as root).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = Path(os.environ.get("FRAMING_TEST_OUTPUT", ROOT / "test-output")) / "screenshots"


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def chromium():
    """A headless Chromium (Playwright Browser) for the session; each launch has a fresh profile."""
    if not CHROMIUM.exists():
        reason = (f"no Chromium at {CHROMIUM}: install it (apt-get install chromium), or point FRAMING_CHROMIUM "
                  "at one")
        if os.environ.get("FRAMING_BROWSER_OPTIONAL") == "1":
            pytest.skip(reason + "; skipped because FRAMING_BROWSER_OPTIONAL=1")
        pytest.fail(reason + "; set FRAMING_BROWSER_OPTIONAL=1 to skip the browser tests", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class Watched:
    """A page with every console error, page error and failed request it met."""

    def __init__(self, page):
        self.page = page
        self.problems: list[str] = []
        page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed request: {r.url} ({r.failure})"))
        page.on("response", lambda r: self.problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)


@pytest.fixture
def browse(chromium, request):
    """Open pages at a given viewport width; returns Watched pages. Closes the context after the test."""
    contexts = []

    def open_page(width: int = 1200, height: int = 900) -> Watched:
        context = chromium.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        return Watched(context.new_page())

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot(request):
    """Save a screenshot of a page under test-output/screenshots/, named after the test and a label."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def save(page, label: str, *, full_page: bool = False) -> Path:
        name = re.sub(r"[^A-Za-z0-9_.-]+", "-", f"{request.node.name}-{label}").strip("-")
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return save
