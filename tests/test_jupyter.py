"""JupyterLab's side: a real Jupyter server on 127.0.0.1 with a token serves every notebook,
knows the project's kernel, and exports HTML through the offline report template."""

from __future__ import annotations

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
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"

    def get(path: str, raw: bool = False):
        req = urllib.request.Request(base + path, headers={"Authorization": f"token {token}"})
        with urllib.request.urlopen(req, timeout=60) as res:
            body = res.read().decode("utf-8")
            return body if raw else json.loads(body)

    deadline = time.time() + 60
    while True:
        try:
            get("/api/status")
            break
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None or time.time() > deadline:
                proc.kill()
                pytest.fail(f"Jupyter server did not start: {proc.stderr.read()[-2000:]}")
            time.sleep(0.3)
    yield get, base
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
