"""The notebooks in JupyterLab, run through its interface in a real browser: JupyterLab on localhost with
a token, Run All Cells, then every figure shows as an image, no cell shows an error, and the displaCy
highlights of the articles are visible. The server is shut down whatever happens.

The notebooks are copied into a temporary folder (``notebooks/`` beside an empty ``figures/``, as in the
repository), so that a run writes nothing into the working tree.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from conftest import ROOT

#: Seconds a notebook may take to run all its cells in the browser (the seed corpus takes well under one).
RUN_TIMEOUT = 300
#: Seconds JupyterLab may take to start.
START_TIMEOUT = 90


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _settings(folder: Path) -> None:
    """Lab settings for the test: every cell rendered (no windowing, so that all outputs are in the page),
    no news or update checks (the machine has no network)."""
    notebook = folder / "@jupyterlab" / "notebook-extension"
    notebook.mkdir(parents=True)
    (notebook / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    news = folder / "@jupyterlab" / "apputils-extension"
    news.mkdir(parents=True)
    (news / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false",
                                                                       "checkForUpdates": False}))


def _copy_without_outputs(source: Path, target: Path) -> None:
    """The notebooks with their saved outputs removed: what the browser shows comes from the run (a saved
    image link shown before its file exists would stay broken in the browser's cache)."""
    target.mkdir()
    for path in sorted(source.glob("*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                cell["outputs"], cell["execution_count"] = [], None
        (target / path.name).write_text(json.dumps(notebook, indent=1), encoding="utf-8")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on localhost serving a copy of the notebooks: ``(base_url, token, root)``."""
    root = tmp_path_factory.mktemp("lab")
    _copy_without_outputs(ROOT / "notebooks", root / "notebooks")
    (root / "figures").mkdir()
    _settings(root / "settings")
    token, port = secrets.token_hex(16), _free_port()
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(root / "settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(root / "workspaces"), "JUPYTER_RUNTIME_DIR": str(root / "runtime"),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
               "--allow-root", "--LabApp.extension_manager=readonly",
               "--LabApp.news_url=", "--ServerApp.open_browser=False"]
    log = open(root / "lab.log", "wb")
    server = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not start: {(root / 'lab.log').read_text(errors='replace')[-2000:]}")
            time.sleep(0.5)
        yield base, token, root
    finally:
        try:
            request = urllib.request.Request(f"{base}/api/shutdown?token={token}", method="POST")
            urllib.request.urlopen(request, timeout=10).close()
        except OSError:
            pass
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        log.close()
        assert server.returncode is not None


#: The notebook on show (JupyterLab keeps the other open notebooks as hidden panels).
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def _run_all(page, base: str, token: str, name: str) -> None:
    """Open notebook ``name`` in JupyterLab once its kernel is idle, clear its saved outputs, run all its
    cells from the Run menu and wait until every cell has run (or one shows an error)."""
    workspace = name.split(".")[0]  # a fresh workspace per notebook: it is the only one open
    page.goto(f"{base}/lab/workspaces/{workspace}/tree/notebooks/{name}?reset&token={token}")
    page.wait_for_selector(f"{PANEL} .jp-Notebook .jp-Cell", timeout=60_000)
    page.wait_for_selector(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
    assert page.locator(".jp-NotebookPanel").count() == 1
    page.locator(f"{PANEL} .jp-Cell .jp-InputPrompt").first.click()  # the notebook has focus, in command mode
    page.locator(".lm-MenuBar-item", has_text="Edit").first.click()
    page.locator(".lm-Menu-item", has_text="Clear Outputs of All Cells").first.click()
    page.wait_for_function(f"""() => Array.from(document.querySelectorAll('{PANEL} .jp-CodeCell .jp-InputPrompt'))
        .every(p => !/\\d/.test(p.textContent))""", timeout=30_000)  # the saved run's numbers are gone
    started = f"""() => Array.from(document.querySelectorAll('{PANEL} .jp-CodeCell .jp-InputPrompt'))
        .some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))"""
    for attempt in range(3):  # on a busy machine a menu click can land before the menu is ready: try again
        page.locator(".lm-MenuBar-item", has_text="Run").first.click()
        page.locator(".lm-Menu-item", has_text="Run All Cells").first.click()
        try:
            page.wait_for_function(started, timeout=30_000, polling=250)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            if attempt == 2:
                raise
    page.wait_for_function(f"""() => {{
        const panel = '{PANEL}';
        if (document.querySelector(panel + ' .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'))
            return true;
        const prompts = Array.from(document.querySelectorAll(panel + ' .jp-CodeCell .jp-InputPrompt'));
        return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
    }}""", timeout=RUN_TIMEOUT * 1000, polling=500)
    page.wait_for_selector(f"{PANEL} .jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)


def _run_all_or_show(page, base: str, token: str, name: str, screenshot) -> None:
    """:func:`_run_all`, with a screenshot of the page when it fails."""
    try:
        _run_all(page, base, token, name)
    except Exception:
        screenshot(page, "failed")
        raise


def _errors(page) -> list[str]:
    return page.evaluate("""() => Array.from(document.querySelectorAll(
        '""" + PANEL + """ .jp-OutputArea-output'))
        .filter(o => o.dataset.mimeType === 'application/vnd.jupyter.stderr' || /Traceback|Error\\b/.test(
            o.classList.contains('jp-RenderedText') ? o.textContent : ''))
        .map(o => o.textContent.slice(0, 300))""")


def test_comparison_notebook_runs_in_jupyterlab_with_every_figure_shown(chromium, lab, screenshot):
    base, token, root = lab
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        _run_all_or_show(page, base, token, "05-comparison.ipynb", screenshot)
        images = page.evaluate("""() => Array.from(document.querySelectorAll(
            '""" + PANEL + """ .jp-OutputArea-output img'))
            .map(i => ({src: i.getAttribute('src'), alt: i.alt, width: i.naturalWidth, done: i.complete}))""")
        assert len(images) == 7, images  # one figure per piece of evidence E1-E8 except E3
        assert all(i["done"] and i["width"] > 0 for i in images), images
        drawn = sorted(p.name for p in (root / "figures").glob("*.png"))  # the notebook's seven, as make figures
        assert len(drawn) == 7 and set(drawn) <= {p.name for p in (ROOT / "figures").glob("*.png")}, drawn
        assert _errors(page) == []
        cells = page.locator(f"{PANEL} .jp-CodeCell").count()
        assert cells == sum(c["cell_type"] == "code" for c in json.loads(
            (ROOT / "notebooks" / "05-comparison.ipynb").read_text(encoding="utf-8"))["cells"])
        page.locator(f"{PANEL} .jp-OutputArea-output img").first.scroll_into_view_if_needed()
        screenshot(page, "05-comparison")
    finally:
        context.close()


def test_loaded_language_notebook_shows_the_displacy_highlights(chromium, lab, screenshot):
    base, token, _ = lab
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        _run_all_or_show(page, base, token, "02-loaded-language.ipynb", screenshot)
        assert _errors(page) == []
        panels = page.locator(f"{PANEL} .jp-OutputArea-output div.spans")
        assert panels.count() == 4  # per outlet: the legend, then the highlighted article
        shown = panels.evaluate_all("""ds => ds.map(d => Array.from(d.querySelectorAll('span[style*="background"]'))
            .filter(s => { const r = s.getBoundingClientRect(); const c = getComputedStyle(s).backgroundColor;
                           return r.width > 0 && r.height > 0 && c !== 'rgba(0, 0, 0, 0)'; }).length)""")
        assert all(n > 0 for n in shown) and sum(n > 20 for n in shown[1::2]) == 2, shown
        panels.first.scroll_into_view_if_needed()
        screenshot(page, "02-displacy")
    finally:
        context.close()
