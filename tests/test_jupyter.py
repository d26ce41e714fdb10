"""JupyterLab's side: a real Jupyter server on 127.0.0.1 with a token serves every notebook,
knows the project's kernel, and exports HTML through the offline report template."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT
from helpers import paths, report


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port, token = _free_port(), secrets.token_hex(16)
    runtime = tmp_path_factory.mktemp("jupyter-runtime")
    cmd = [
        sys.executable, "-m", "jupyter_server", "--no-browser", f"--ServerApp.port={port}",
        "--ServerApp.ip=127.0.0.1", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={ROOT}", f"--ServerApp.runtime_dir={runtime}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # CI containers run as root
    base = f"http://127.0.0.1:{port}"

    def get(path: str, raw: bool = False):
        req = urllib.request.Request(base + path, headers={"Authorization": f"token {token}"})
        with urllib.request.urlopen(req, timeout=60) as res:
            body = res.read().decode("utf-8")
            return body if raw else json.loads(body)

    get.token = token
    with running(cmd, base, token, "Jupyter server", deadline=60):
        yield get, base


@contextlib.contextmanager
def running(cmd: list[str], base: str, token: str, what: str, deadline: float = 60, **popen):
    """Run a Jupyter server (``cmd``) until the block ends: wait until ``/api/status``
    answers with the token (fail the test with the server's last words if it dies or takes
    longer than ``deadline`` seconds), then stop it."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, **popen)
    until = time.time() + deadline
    while True:
        try:
            req = urllib.request.Request(base + "/api/status", headers={"Authorization": f"token {token}"})
            urllib.request.urlopen(req, timeout=10).close()
            break
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None or time.time() > until:
                proc.kill()
                pytest.fail(f"{what} did not start: {proc.stderr.read()[-2000:]}")
            time.sleep(0.3)
    try:
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_status_and_token_required(server):
    get, base = server
    status = get("/api/status")
    assert "started" in status and status["kernels"] == 0
    with pytest.raises(urllib.error.HTTPError) as info:  # no token: refused
        urllib.request.urlopen(base + "/api/contents/notebooks", timeout=30)
    assert info.value.code == 403


def test_every_notebook_opens_through_contents_api(server):
    get, _ = server
    listing = get("/api/contents/notebooks")
    names = {item["name"] for item in listing["content"] if item["type"] == "notebook"}
    assert names == {p.name for p in paths.NOTEBOOKS.glob("*.ipynb")}
    for name in sorted(names):
        model = get(f"/api/contents/notebooks/{name}?content=1")
        nb = model["content"]
        assert model["type"] == "notebook" and nb["cells"], name
        assert nb["metadata"]["kernelspec"]["name"] == report.KERNEL_NAME, name


def test_project_kernel_is_registered(server):
    get, _ = server
    specs = get("/api/kernelspecs")["kernelspecs"]
    assert report.KERNEL_NAME in specs
    argv = specs[report.KERNEL_NAME]["spec"]["argv"]
    assert Path(argv[0]).resolve() == Path(sys.executable).resolve()  # the venv's Python


def test_lab_html_export_is_the_offline_report(server):
    """File → Save and Export Notebook As → HTML goes through /nbconvert/html/…"""
    get, _ = server
    html = get("/nbconvert/html/notebooks/00-explore-article.ipynb?download=false", raw=True)
    assert "require.min.js" not in html and "mathjax" not in html.lower()
    assert "max-width: 1100px" in html  # the project template's reading width
    # code hidden except the parameters cell, as in the report
    assert html.count('jp-InputArea-editor" data-type="inline"') == 1
    assert "ARTICLE" in html


def test_lab_asks_nothing_about_news_and_checks_no_updates(server):
    """The collection runs offline: the environment's lab settings turn the news prompt and the
    update check off (``report.LAB_SETTINGS``), and the server never looks for a new version."""
    get, _ = server
    notification = get("/lab/api/settings/@jupyterlab/apputils-extension:notification")
    defaults = {k: v.get("default") for k, v in notification["schema"]["properties"].items()}
    assert defaults["fetchNews"] == "false" and defaults["checkForUpdates"] is False
    assert get("/lab/api/update") == {"notification": None}


@pytest.fixture
def notebook_with_outputs(monkeypatch):
    """A notebook as JupyterLab saves one after a run: a heading, the parameters cell, an
    interactive table (the outputs of ``display.table``, ITables' scripts included) and an SVG
    figure; written under test-artifacts/ (gitignored), inside the server's root."""
    import nbformat
    import pandas as pd
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    from helpers import display

    monkeypatch.setattr(display, "_itables_ready", False)  # a first table: ITables' set-up too
    monkeypatch.setattr(display, "_tables_shown", 0)
    created = not InteractiveShell.initialized()
    InteractiveShell.instance()
    try:
        with capture_output() as captured:
            display.table(pd.DataFrame({"speaker": ["Zelensky", "Trump"], "statements": [2, 5]}), caption="Speakers")
    finally:
        if created:
            InteractiveShell.clear_instance()
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><circle cx="10" cy="10" r="8"/></svg>'
    v4 = nbformat.v4
    nb = v4.new_notebook(metadata={"kernelspec": {"name": report.KERNEL_NAME, "display_name": "Python (news helpers)", "language": "python"}})
    nb.cells = [
        v4.new_markdown_cell("# 00 · Exported heading\n\nWhat is this article made of?"),
        v4.new_code_cell('ARTICLE = "../data/raw/000_87517c3568669267.txt"', metadata={"tags": ["parameters"]}, execution_count=1),
        v4.new_code_cell("table(speakers)", execution_count=2,
                         outputs=[v4.new_output("display_data", data=o.data) for o in captured.outputs]),
        v4.new_code_cell("fig", execution_count=3,
                         outputs=[v4.new_output("display_data", data={"image/svg+xml": svg, "text/plain": "<Figure>"})]),
    ]
    folder = ROOT / "test-artifacts" / "jupyter"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"export-{os.getpid()}.ipynb"
    nbformat.write(nb, path)
    yield path.relative_to(ROOT).as_posix()
    path.unlink()


def _open(server, path: str):
    """What JupyterLab's export does: GET the URL it opens (with the token); the response."""
    get, base = server
    req = urllib.request.Request(base + path, headers={"Authorization": f"token {get.token}"})
    return urllib.request.urlopen(req, timeout=120)


def test_lab_lists_the_report_export_format(server):
    """File → Save and Export Notebook As lists the server's exporters: ``report`` is one."""
    get, _ = server
    formats = get("/api/nbconvert")
    assert formats["report"]["output_mimetype"] == "text/html"
    assert "html" in formats


def test_export_as_report_is_the_unescaped_offline_report(server, notebook_with_outputs):
    """File → Save and Export Notebook As → Report: JupyterLab asks nothing and opens
    ``/nbconvert/report/<path>?download=true``; the download is the report, markup intact."""
    res = _open(server, f"/nbconvert/report/{notebook_with_outputs}?download=true")
    html = res.read().decode("utf-8")
    name = Path(notebook_with_outputs).stem
    assert res.headers["Content-Disposition"].startswith("attachment") and f"{name}.html" in res.headers["Content-Disposition"]
    assert "<h1" in html and "Exported heading" in html and "&lt;h1" not in html
    assert 'id="helpers_table_1"' in html and '<script type="module">' in html and "&lt;script" not in html
    assert "window._itables_" in html  # ITables' JavaScript embedded: the table works offline
    assert "data:image/svg+xml;base64," in html and "&lt;svg" not in html
    assert "require.min.js" not in html and "max-width: 1100px" in html  # the offline template
    assert html.count('jp-InputArea-editor" data-type="inline"') == 1  # only the parameters cell


def test_export_as_html_follows_the_sanitize_choice(server, notebook_with_outputs):
    """File → Save and Export Notebook As → HTML asks "Sanitize HTML output", ticked by default
    (JupyterLab 4.6 has no setting for it), and sends ``sanitize_html=true``: nbconvert then
    escapes the markup, as the README warns. Unticked, it is the report."""
    ticked = _open(server, f"/nbconvert/html/{notebook_with_outputs}?download=true&sanitize_html=true").read().decode("utf-8")
    assert "&lt;h1" in ticked and '<script type="module">' not in ticked
    unticked = _open(server, f"/nbconvert/html/{notebook_with_outputs}?download=true").read().decode("utf-8")
    report_html = _open(server, f"/nbconvert/report/{notebook_with_outputs}?download=true").read().decode("utf-8")
    assert "&lt;h1" not in unticked and '<script type="module">' in unticked
    assert _without_ids(unticked) == _without_ids(report_html)


def _without_ids(html: str) -> str:
    """The page without what differs between two exports of one notebook (random element ids)."""
    import re

    return re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID", html)
