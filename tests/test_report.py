"""The report build: every notebook executes headless, HTML opens offline, text is escaped."""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import PYTHON, ROOT
from helpers import paths, report

HOSTILE = """ date 2025-01-02 <img src=x onerror=alert(1)> Picture: <script>alert('credit')</script>
<script>alert("headline")</script> and **bold** [link](javascript:alert(1))
A standfirst with <b>tags</b> & ampersands
Kyiv — Officials said <script>alert(2)</script> was found, and “<img src=x onerror=alert(3)>” was quoted.
Trump <b>said</b> the [plan](javascript:alert(4)) would cost $5 and # not a heading.
<h1>Section</h1>
Moscow <iframe src="javascript:alert(5)"></iframe> replied on Friday.
Reuters
"""


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    report.build(paths.SEED_ARTICLE, out)
    return out


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile")
    art = d / "hostile.txt"
    art.write_text(HOSTILE, encoding="utf-8")
    out = d / "reports"
    report.build(art, out)
    return out


NETWORK = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)


def test_every_report_built_offline(seed_build):
    names = {p.name for p in seed_build.glob("*.html")}
    expected = {f"{nb.stem}.html" for nb in report.notebooks()} | {"index.html"}
    assert names == expected
    for page in seed_build.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not NETWORK.search(html), page.name
        assert "require.js" not in html and "mathjax" not in html.lower()
    assert not list(seed_build.glob(".build-*")) and not (seed_build / "failed").exists()


def test_figures_embedded_and_code_hidden(seed_build):
    html = (seed_build / "00-explore-article.html").read_text(encoding="utf-8")
    assert html.count('src="data:image/png;base64,') >= 2
    # code hidden: the injected-parameters cell is the only input shown
    assert html.count('jp-InputArea-editor" data-type="inline"') == 1
    assert "injected-parameters" in html and "ARTICLE" in html
    assert "Explore the article" in html
    index = (seed_build / "index.html").read_text(encoding="utf-8")
    assert "New hope as Trump offers security guarantees" in index
    assert paths.SEED_SHA256 in index
    assert 'src="data:image/png;base64,' in index
    assert 'href="00-explore-article.html"' in index


def test_with_code_variant(tmp_path):
    out = report.build(paths.SEED_ARTICLE, tmp_path, with_code=True, only=["00-explore-article"])
    html = (out / "00-explore-article.html").read_text(encoding="utf-8")
    assert html.count('jp-InputArea-editor" data-type="inline"') > 5


def test_hostile_article_is_escaped_everywhere(hostile_build):
    pages = {p.name: p.read_text(encoding="utf-8") for p in hostile_build.glob("*.html")}
    assert "index.html" in pages and "00-explore-article.html" in pages
    for name, html in pages.items():
        for bad in ("<script>alert", "<img src=x onerror", "<iframe", "<b>tags</b>",
                    'href="javascript:', "<h1>Section</h1>"):
            assert bad not in html, (name, bad)
    assert "&lt;script&gt;alert(&quot;headline&quot;)&lt;/script&gt;" in pages["index.html"] or \
        "&lt;script&gt;alert(\"headline\")&lt;/script&gt;" in pages["index.html"]


def test_bad_article_path_gives_one_line_error(tmp_path):
    before = set(tmp_path.iterdir())
    res = subprocess.run([PYTHON, "-m", "helpers", "report", "--article", str(tmp_path / "missing.txt"),
                          "--out", str(tmp_path / "out")], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert res.returncode == 2
    assert res.stderr.strip().splitlines()[-1] == f"helpers: error: {tmp_path / 'missing.txt'}: no such file"
    assert set(tmp_path.iterdir()) == before


def test_failed_notebook_keeps_previous_reports(tmp_path, monkeypatch):
    out = tmp_path / "reports"
    out.mkdir()
    (out / "index.html").write_text("previous build", encoding="utf-8")
    nbdir = tmp_path / "notebooks"
    nbdir.mkdir()
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    nb = new_notebook(cells=[new_markdown_cell("# 90 · Broken\nA question."),
                             new_code_cell('ARTICLE = ""', metadata={"tags": ["parameters"]}),
                             new_code_cell("1 / 0")])
    nb.metadata["kernelspec"] = {"name": report.KERNEL_NAME, "display_name": "x", "language": "python"}
    nbformat.write(nb, nbdir / "90-broken.ipynb")
    monkeypatch.setattr(paths, "NOTEBOOKS", nbdir)
    with pytest.raises(report.ReportError) as info:
        report.build(paths.SEED_ARTICLE, out)
    msg = str(info.value)
    assert msg.startswith("90-broken.ipynb: cell") and "ZeroDivisionError" in msg and "\n" not in msg
    assert (out / "index.html").read_text(encoding="utf-8") == "previous build"
    assert (out / "failed" / "90-broken.ipynb").exists()
    assert not list(out.glob(".build-*")) and not (out / "90-broken.html").exists()
