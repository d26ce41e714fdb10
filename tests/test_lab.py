"""JupyterLab itself, in headless Chromium: a notebook opened and run in the lab shows its
interactive tables, and nothing (ITables included) writes an error to the browser's console."""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sys

import pytest

from conftest import ROOT
from helpers import paths
from test_jupyter import _free_port, running
from test_report import CHROMIUM_FLAGS, _chromium

NOTEBOOK = "10-compare-sentiment-by-speaker.ipynb"  # the statements as interactive tables


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """``jupyter lab`` on notebooks/ (127.0.0.1, a token), with its workspace and user settings
    in a temporary folder (autosave off, so the run saves nothing into the repository) and
    the notebooks' figures and tables sent there too."""
    tmp = tmp_path_factory.mktemp("lab")
    settings = tmp / "settings" / "@jupyterlab" / "docmanager-extension"
    settings.mkdir(parents=True)
    (settings / "plugin.jupyterlab-settings").write_text(json.dumps({"autosave": False}), encoding="utf-8")
    port, token = _free_port(), secrets.token_hex(16)
    cmd = [
        sys.executable, "-m", "jupyterlab", "--no-browser", f"--ServerApp.port={port}",
        "--ServerApp.ip=127.0.0.1", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={paths.NOTEBOOKS}", f"--ServerApp.runtime_dir={tmp / 'runtime'}",
        f"--LabApp.workspaces_dir={tmp / 'workspaces'}", f"--LabApp.user_settings_dir={tmp / 'settings'}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    env = {**os.environ, paths.ARTICLE_OUTPUT_ENV: str(tmp / "output"), "IPYTHONDIR": str(tmp / "ipython")}
    base = f"http://127.0.0.1:{port}"
    with running(cmd, base, token, "JupyterLab", deadline=90, cwd=ROOT, env=env):
        yield base, token


_ALL_RUN = """() => {
  const prompts = Array.from(document.querySelectorAll('.jp-CodeCell .jp-InputPrompt'));
  return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
}"""


def _accept_dialog(page) -> None:
    dialog = page.locator(".jp-Dialog .jp-Dialog-button.jp-mod-accept")
    if dialog.count():
        dialog.first.click()


def test_a_notebook_runs_in_jupyterlab_with_no_console_error(lab):
    from playwright.sync_api import sync_playwright

    base, token = lab
    stored = paths.NOTEBOOKS / NOTEBOOK
    before = hashlib.sha256(stored.read_bytes()).hexdigest()
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=_chromium(), args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
            page.goto(f"{base}/lab/tree/{NOTEBOOK}?token={token}")
            page.wait_for_selector(".jp-NotebookPanel .jp-CodeCell", timeout=90_000)
            page.wait_for_timeout(5000)  # the session and its kernel start
            _accept_dialog(page)  # "Select Kernel", if the lab asks: the notebook's own is preselected
            page.get_by_role("menuitem", name="Run", exact=True).click()
            page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
            page.wait_for_timeout(2000)
            _accept_dialog(page)
            page.wait_for_function(_ALL_RUN, timeout=240_000, polling=1000)
            page.wait_for_timeout(2000)  # the tables' scripts run after their outputs arrive
            tables = page.evaluate("Array.from(document.querySelectorAll('table[id^=helpers_table_]'))"
                                   ".map(t => t.classList.contains('dataTable'))")
            selectors = page.evaluate("document.querySelectorAll('.dt-container .dt-length select').length")
            failed = page.evaluate("Array.from(document.querySelectorAll('.jp-OutputArea-output[data-mime-type*=error]'))"
                                   ".map(e => e.innerText.slice(0, 300))")
        finally:
            browser.close()
    assert not failed, failed  # every cell ran without an exception
    assert tables and all(tables), tables  # every interactive table initialised by ITables
    assert selectors == len(tables)
    assert not errors, errors
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == before  # nothing was saved


def test_itables_loader_is_shown_before_the_script_that_awaits_it(monkeypatch):
    """What the browser test needs, without a browser: of ITables' set-up outputs, the one that
    defines ``window._itables_<version>`` comes before the module that awaits it."""
    import pandas as pd
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    from helpers import display

    created = not InteractiveShell.initialized()
    InteractiveShell.instance()  # a shell, so that capture_output sees the displays
    monkeypatch.setattr(display, "_itables_ready", False)
    try:
        with capture_output() as captured:
            display.table(pd.DataFrame({"speaker": ["Zelensky"], "n": [2]}), caption="Speakers")
    finally:
        if created:
            InteractiveShell.clear_instance()
    html = [o.data.get("text/html", "") for o in captured.outputs]
    defines = next(i for i, h in enumerate(html) if "injectModule" in h)
    awaits = next(i for i, h in enumerate(html) if "set_or_remove_dark_class" in h)
    table = next(i for i, h in enumerate(html) if 'id="helpers_table_' in h)
    assert defines < awaits < table
    assert "await window._itables_" in html[awaits]
