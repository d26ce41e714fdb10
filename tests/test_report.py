"""The report build: every notebook executes headless, HTML opens offline, text is escaped."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

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
def seed_cli_build(tmp_path_factory):
    """The seed's reports built as a user builds them, through the command line."""
    out = tmp_path_factory.mktemp("reports")
    res = subprocess.run([PYTHON, "-m", "helpers", "report", "--out", str(out)], capture_output=True, text=True,
                         cwd=ROOT, timeout=900)
    assert res.returncode == 0, res.stderr
    return out, res


@pytest.fixture(scope="module")
def seed_build(seed_cli_build):
    return seed_cli_build[0]


def test_build_prints_a_line_per_notebook_and_nothing_else(seed_cli_build):
    out, res = seed_cli_build
    assert res.stderr == ""  # kernel warnings and papermill's lines went to the build log
    lines = res.stdout.splitlines()
    stems = [i.stem for i in report.notebooks()]
    assert len(lines) == len(stems) + 1
    for line, stem in zip(lines, stems):
        assert re.fullmatch(rf"helpers report: {stem} +\d+\.\d s  {re.escape(str(out / stem))}\.html", line), line
    assert lines[-1] == f"helpers report: index {out / 'index.html'}"
    assert "Kernel is running over TCP" in (out / report.LOG_NAME).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile")
    art = d / "hostile.txt"
    art.write_text(HOSTILE, encoding="utf-8")
    out = d / "reports"
    with pytest.MonkeyPatch.context() as mp:  # figures and tables of a throwaway article stay out of the repo
        mp.setenv(paths.OUTPUT_ENV, str(d / "outputs"))
        report.build(art, out)
    assert (out / "figures").is_dir() and (out / "tables").is_dir()  # a build keeps its outputs with its reports
    assert not (d / "outputs").exists() and not list(paths.FIGURES.glob("hostile*"))
    return out


# anything a browser would fetch: scripts, images, frames, media, stylesheets, CSS urls
# (plain <a href> links to documentation are not loads)
NETWORK = re.compile(
    r"""<(?:script|img|iframe|source|video|audio|embed|input)\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//"""
    r"""|<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import\s+["']?(?:https?:)?//""",
    re.I,
)


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
    assert msg.endswith(f"(executed copy kept at {out / 'failed' / '90-broken.ipynb'})")
    assert (out / "index.html").read_text(encoding="utf-8") == "previous build"
    assert (out / "failed" / "90-broken.ipynb").exists()
    assert not list(out.glob(".build-*")) and not (out / "90-broken.html").exists()


# ------------------------------------------------------------------ in a real browser

ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def _chromium() -> str:
    import os
    import shutil

    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        if os.environ.get("HELPERS_REQUIRE_BROWSER"):
            pytest.fail("headless Chromium is required (HELPERS_REQUIRE_BROWSER is set) but not installed")
        pytest.skip("Chromium is not installed here (.ci/run installs Debian's chromium)")
    return exe


def _open_all(build: Path, tag: str) -> dict[str, dict]:
    """Open every page of a build in headless Chromium; what each page did."""
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for stale in ARTIFACTS.glob(f"{tag}-*.png"):  # an earlier run's screenshots prove nothing now
        stale.unlink()
    seen = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=_chromium(), args=CHROMIUM_FLAGS)
        try:
            for page_path in sorted(build.glob("*.html")):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                rec = {"console": [], "failed": [], "remote": [], "dialogs": []}
                page.on("console", lambda m, rec=rec: rec["console"].append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
                page.on("pageerror", lambda e, rec=rec: rec["console"].append(f"pageerror: {e}"))
                page.on("requestfailed", lambda r, rec=rec: rec["failed"].append(r.url))
                page.on("request", lambda r, rec=rec: rec["remote"].append(r.url) if not r.url.startswith(("file:", "data:", "blob:", "about:")) else None)
                page.on("dialog", lambda d, rec=rec: (rec["dialogs"].append(d.message), d.dismiss()))
                page.goto(page_path.as_uri(), wait_until="load")
                page.wait_for_timeout(300)  # let the tables' scripts finish
                rec["images"] = page.evaluate("Array.from(document.images).map(i => [i.complete, i.naturalWidth])")
                rec["tables"] = page.evaluate("document.querySelectorAll('table.dataTable').length")
                # every interactive table shows its page-length selector, and stays inside the page
                rec["selectors"] = page.evaluate(
                    "Array.from(document.querySelectorAll('.dt-container')).map(c => {"
                    " const s = c.querySelector('.dt-length select');"
                    " return !!s && s.getBoundingClientRect().width > 0 })")
                rec["overflow"] = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 2")
                rec["image_widths"] = page.evaluate(
                    "Array.from(document.querySelectorAll('.jp-OutputArea-output img')).map(i => Math.round(i.getBoundingClientRect().width))")
                rec["title"] = page.title()
                page.screenshot(path=str(ARTIFACTS / f"{tag}-{page_path.stem}.png"), full_page=True)
                seen[page_path.name] = rec
                page.close()
        finally:
            browser.close()
    return seen


def test_reports_render_in_chromium(seed_build):
    seen = _open_all(seed_build, "seed")
    assert set(seen) == {p.name for p in seed_build.glob("*.html")}
    for name, rec in seen.items():
        assert rec["console"] == [], (name, rec["console"])
        assert rec["failed"] == [] and rec["remote"] == [], (name, rec["failed"], rec["remote"])
        assert rec["images"], name  # every page shows at least one figure
        assert all(ok and width > 0 for ok, width in rec["images"]), (name, rec["images"])
        assert (ARTIFACTS / f"seed-{Path(name).stem}.png").stat().st_size > 10_000
        assert all(rec["selectors"]), (name, rec["selectors"])  # every table has its page-length selector
        assert not rec["overflow"], name  # nothing runs off the page sideways
        assert len(set(rec["image_widths"])) <= 1, (name, rec["image_widths"])  # every chart one width
    # the statements, timexes and figures tables are interactive (DataTables ran) offline
    for name in ("10-compare-sentiment-by-speaker.html", "20-chart-timeline.html", "30-tabulate-figures.html"):
        assert seen[name]["tables"] >= 1, name


def test_hostile_article_runs_no_script_in_chromium(hostile_build):
    seen = _open_all(hostile_build, "hostile")
    for name, rec in seen.items():
        assert rec["dialogs"] == [], (name, rec["dialogs"])  # no alert() ever fired
        assert rec["remote"] == [] and rec["failed"] == [], (name, rec["remote"], rec["failed"])
        assert not [c for c in rec["console"] if "pageerror" in c], (name, rec["console"])


# ------------------------------------------------------------------ determinism


def test_rebuild_gives_identical_figures_and_tables(seed_build, tmp_path):
    import hashlib

    def digest(folder: Path, pattern: str) -> dict[str, str]:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob(pattern))}

    tracked = digest(paths.FIGURES, "*.*"), digest(paths.PROCESSED, "*.csv")
    out = report.build(paths.SEED_ARTICLE, tmp_path / "again")
    first = (digest(seed_build / "figures", "*.*"), digest(seed_build / "tables", "*.csv"))
    second = (digest(out / "figures", "*.*"), digest(out / "tables", "*.csv"))
    assert first == second and first[0] and first[1]
    # the tracked figures and tables are the ones this code makes (`make report` updates them)
    assert tracked == first
    stamp = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC")  # the build time: the one allowed difference
    for page in seed_build.glob("*.html"):
        first = stamp.sub("", page.read_text(encoding="utf-8"))
        second = stamp.sub("", (out / page.name).read_text(encoding="utf-8"))
        assert first == second, page.name


def test_article_with_nothing_to_show_says_so(tmp_path, monkeypatch):
    """Plain text, no date, no quotes, no figures: every notebook runs and says so plainly."""
    art = tmp_path / "quiet.txt"
    art.write_text("The weather was mild.\nThe streets were quiet and the shops were open.\n", encoding="utf-8")
    monkeypatch.setenv(paths.OUTPUT_ENV, str(tmp_path / "outputs"))
    out = report.build(art, tmp_path / "reports")
    pages = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.html")}
    assert len(pages) == len(report.notebooks()) + 1
    assert "This article has no attributed statements" in pages["10-compare-sentiment-by-speaker.html"]
    assert "This text has no reference date" in pages["20-chart-timeline.html"]
    assert "This article gives no figures to tabulate" in pages["30-tabulate-figures.html"]
    assert not (out / "failed").exists()


def _one_report(tmp_path, monkeypatch, article: str, notebook: str) -> str:
    """The HTML of one notebook's report on one of the test articles of our own."""
    monkeypatch.setenv(paths.OUTPUT_ENV, str(tmp_path / "outputs"))
    out = report.build(ROOT / "tests" / "articles" / article, tmp_path / "reports", only=[notebook])
    return (out / f"{notebook}.html").read_text(encoding="utf-8")


def test_timeline_report_reads_right_on_an_article_about_something_else(tmp_path, monkeypatch):
    """The timeline report on a flood story of 2013 names nothing of the seed's."""
    page = _one_report(tmp_path, monkeypatch, "flood-2013.txt", "20-chart-timeline")
    for word in ("Alaska", "summit", "Ukraine", "Putin", "Trump", "Kyiv"):
        assert word not in page, word
    assert "3 of 7 dated references fall in the seven days before the article's date (31 May to 6 June 2013)" in page  # by hand
    assert (tmp_path / "reports" / "figures" / "20-timeline.png").exists()


def test_figures_report_reads_right_on_an_article_about_something_else(tmp_path, monkeypatch):
    """The figures report on an election story names nothing of the seed's, and says there is
    no reference table rather than comparing with the seed's."""
    page = _one_report(tmp_path, monkeypatch, "election-2019.txt", "30-tabulate-figures")
    for word in ("Ukraine", "Russia", "Kyiv", "Putin", "Donbas", "UN-verified"):
        assert word not in page, word
    assert "No reference figures for this article" in page


def test_sentiment_report_reads_right_on_an_article_about_something_else(tmp_path, monkeypatch):
    """The sentiment report on an election story names nothing of the seed's, counts its
    three statements under ``unknown`` (no camp in the seed's scheme), and says the data
    cannot compare camps."""
    page = _one_report(tmp_path, monkeypatch, "election-2019.txt", "10-compare-sentiment-by-speaker")
    for word in ("Ukraine", "Russia", "Kyiv", "Putin", "Macron", "Alaska"):
        assert word not in page, word
    assert "3 statements from 3 speakers; the group quoted most is unknown (3 statements, 100%" in page
    assert "The data cannot tell whether the groups differ in tone" in page


# ------------------------------------------------------------------ reports a researcher can cite


@pytest.fixture(scope="module")
def other_builds(tmp_path_factory):
    """Full builds for two articles of our own on other topics (a flood, an election)."""
    d = tmp_path_factory.mktemp("others")
    return {name: report.build(ROOT / "tests" / "articles" / f"{name}.txt", d / name) for name in ("flood-2013", "election-2019")}


def _pages(build: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in build.glob("*.html")}


def test_every_table_row_links_to_its_place_in_the_annotated_article(seed_build):
    pages = _pages(seed_build)
    annotated = pages["00-explore-article.html"]
    ids = set(re.findall(r'id="((?:st|tx|qt)-\d+)"', annotated))
    for name, prefix in (("10-compare-sentiment-by-speaker.html", "st"), ("20-chart-timeline.html", "tx"),
                         ("30-tabulate-figures.html", "qt")):
        links = re.findall(rf'00-explore-article\.html#({prefix}-\d+)', pages[name].replace("\\\\", ""))
        assert links, name
        assert set(links) <= ids, (name, set(links) - ids)
    # the seed's 27 statements, 23 expressions and its quantities are all marked
    assert len({i for i in ids if i.startswith("st-")}) == 27


def test_reports_read_as_finished_work(seed_build, other_builds):
    stray_decimals = re.compile(r"<td[^>]*>\s*-?\d[\d,]*\.(?:0{2,}|\d*0{3,})\s*</td>|\b\d{4,}\.0\b(?![\d%])")
    for build in (seed_build, *other_builds.values()):
        for name, page in _pages(build).items():
            text = re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.S)  # what a reader sees
            text = re.sub(r"data:image/[^\"']+", "", text)
            assert "NaN" not in text, (build.name, name)
            assert not stray_decimals.search(text), (build.name, name, stray_decimals.search(text)[0])
            assert str(ROOT) not in text, (build.name, name)  # paths relative to the repository
            assert ".build-" not in text and "/tmp/" not in text, (build.name, name)  # no staging path
            assert "…</td>" not in text, (build.name, name)  # no cell cut off
    index = _pages(other_builds["flood-2013"])["index.html"]
    assert index.count('class="finding"') == len(report.notebooks())  # a computed finding per card
    for word in ("Alaska", "Ukraine", "Putin", "Trump", "summit"):
        assert word not in index, word


def test_other_articles_render_in_chromium(other_builds):
    for name, build in other_builds.items():
        seen = _open_all(build, name)
        assert set(seen) == {p.name for p in build.glob("*.html")}
        for page, rec in seen.items():
            assert rec["console"] == [] and rec["failed"] == [] and rec["remote"] == [], (name, page, rec)
            assert all(ok and width > 0 for ok, width in rec["images"]), (name, page)
            assert all(rec["selectors"]), (name, page, rec["selectors"])
            assert not rec["overflow"], (name, page)
            assert len(set(rec["image_widths"])) <= 1, (name, page, rec["image_widths"])  # one chart width
