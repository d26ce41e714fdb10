"""A build that odd input cannot break (issue 14): where an article's outputs go, an output
folder that cannot be used, a killed build, a full disk, and names the shell must not read.

The builds here run one notebook (``--only 00-explore-article``) to stay quick."""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import PYTHON, ROOT
from helpers import paths, report
from helpers.article import load_article

ONLY = ("--only", "00-explore-article")
FLOOD = ROOT / "tests" / "articles" / "flood-2013.txt"


def cli(*args, **kw):
    return subprocess.run([PYTHON, "-m", "helpers", "report", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, timeout=300, **kw)


def tracked_outputs() -> dict[str, float]:
    """The tracked figures and tables with their modification times."""
    files = [*paths.FIGURES.glob("*.*"), *paths.PROCESSED.glob("*.*")]
    return {str(f): f.stat().st_mtime_ns for f in files}


# ------------------------------------------------------------------ ids and folders

def test_output_ids_are_safe_and_unique(tmp_path):
    for name in ("..txt", "article.txt", "a/article.txt", "b/article.txt", "seed-copy.txt", ".hidden.txt", "x y$`z'.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(paths.SEED_ARTICLE, tmp_path / name)
    ids = {name: paths.output_id(load_article(tmp_path / name))
           for name in ("..txt", "article.txt", "a/article.txt", "b/article.txt", "seed-copy.txt", ".hidden.txt", "x y$`z'.txt")}
    assert len(set(ids.values())) == len(ids)  # one folder per file, whatever its name
    for name, key in ids.items():
        assert key[0].isalnum() and all(c.isalnum() or c in "-_" for c in key), (name, key)
    assert ids["..txt"].startswith("article-") and ids["seed-copy.txt"].startswith("seed-copy-")
    assert ids["x y$`z'.txt"].startswith("x-y-z-")


def test_only_the_seeds_own_file_writes_tracked_outputs(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.OUTPUT_ENV, raising=False)
    monkeypatch.delenv(paths.ARTICLE_OUTPUT_ENV, raising=False)
    seed = load_article(paths.SEED_ARTICLE)
    assert paths.is_seed(seed) and report.output_dir(seed, None) == paths.REPORTS
    assert paths.figure_dir(seed) == paths.FIGURES and report.is_default_build(seed, None)
    assert not report.is_default_build(seed, tmp_path / "out")  # the seed built elsewhere keeps its outputs there
    shutil.copy(paths.SEED_ARTICLE, tmp_path / "..txt")
    copy = load_article(tmp_path / "..txt")
    assert copy.sha256 == seed.sha256 and not paths.is_seed(copy)
    assert report.output_dir(copy, None) == paths.REPORTS / paths.output_id(copy)
    assert paths.figure_dir(copy) == paths.FIGURES / paths.output_id(copy) != paths.FIGURES
    monkeypatch.setenv(paths.ARTICLE_OUTPUT_ENV, str(tmp_path / "build"))
    assert paths.figure_dir(seed) == tmp_path / "build" / "figures"
    assert paths.processed_dir(seed) == tmp_path / "build" / "tables"


def test_a_renamed_copy_of_the_seed_builds_into_its_own_folder(tmp_path):
    art = tmp_path / "..txt"
    shutil.copy(paths.SEED_ARTICLE, art)
    before = tracked_outputs()
    out = tmp_path / "out"
    res = cli("--article", art, "--out", out, *ONLY)
    assert res.returncode == 0, res.stderr
    assert tracked_outputs() == before  # not one tracked figure or table rewritten
    assert sorted(p.name for p in (out / "figures").iterdir()) == [
        "00-content-words.png", "00-content-words.svg", "00-sentence-lengths.png", "00-sentence-lengths.svg"]
    assert not list(out.glob(".build-*"))
    html = (out / "00-explore-article.html").read_text(encoding="utf-8")
    assert str(art.resolve()) in html and str(ROOT) not in html


def test_the_parameters_cell_shows_the_article_relative_to_the_notebooks():
    assert report.notebook_path(paths.SEED_ARTICLE) == "../data/raw/000_87517c3568669267.txt"
    assert report.notebook_path(FLOOD) == "../tests/articles/flood-2013.txt"
    assert report.notebook_path(Path("/tmp/x.txt")) == "/tmp/x.txt"


# ------------------------------------------------------------------ output folders that cannot be used

def test_out_that_is_a_file_is_one_line(tmp_path):
    target = tmp_path / "taken"
    target.write_text("not a folder", encoding="utf-8")
    res = cli("--article", FLOOD, "--out", target, *ONLY)
    assert res.returncode == 2
    assert res.stderr == f"helpers: error: {target}: --out is a file, not a folder\n"
    assert target.read_text(encoding="utf-8") == "not a folder"


def test_out_under_a_file_is_one_line(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    res = cli("--article", FLOOD, "--out", tmp_path / "file" / "reports", *ONLY)
    assert res.returncode == 2
    assert res.stderr.startswith(f"helpers: error: {tmp_path / 'file' / 'reports'}: cannot create the output folder: ")
    assert len(res.stderr.splitlines()) == 1


def test_read_only_out_is_one_line(tmp_path):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o555)
    try:
        if os.access(out, os.W_OK):  # root writes anywhere: a read-only file system instead
            out = Path("/sys/helpers-reports")
            try:
                out.mkdir()
            except OSError:
                pass
            else:  # pragma: no cover
                out.rmdir()
                pytest.skip("no read-only place to try as this user")
        res = cli("--article", FLOOD, "--out", out, *ONLY)
        assert res.returncode == 2
        assert res.stderr.startswith(f"helpers: error: {out}: ") and len(res.stderr.splitlines()) == 1
        assert "Traceback" not in res.stderr
    finally:
        (tmp_path / "ro").chmod(0o755)


def test_stale_staging_folders_of_dead_builds_are_removed(tmp_path):
    out = tmp_path / "out"
    dead = out / ".build-999999999-abc" / "runtime"
    dead.mkdir(parents=True)
    (dead / "kernel-1.json").write_text('{"key": "secret"}', encoding="utf-8")
    mine = out / f".build-{os.getpid()}-live"
    mine.mkdir()
    report._prepare_out(out)
    assert not (out / ".build-999999999-abc").exists()
    assert mine.exists()  # a build still running keeps its own


# ------------------------------------------------------------------ killed and failed builds

def _previous_build(out: Path) -> dict[str, str]:
    out.mkdir(parents=True, exist_ok=True)
    files = {"index.html": "previous index", "00-explore-article.html": "previous page"}
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    return files


def _leftovers(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if p.name.startswith(".build-") or p.suffix == ".json"
            or p.suffix == ".ipynb" and p.stat().st_size == 0]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_killed_build_leaves_the_previous_reports_and_nothing_else(tmp_path, sig):
    out = tmp_path / "out"
    previous = _previous_build(out)
    proc = subprocess.Popen([PYTHON, "-m", "helpers", "report", "--article", str(FLOOD), "--out", str(out), *ONLY],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not list(out.glob(".build-*/runtime/*.json")):  # wait for a kernel's connection file
        assert proc.poll() is None and time.monotonic() < deadline, "the build ended before it could be stopped"
        time.sleep(0.1)
    kernels = _kernel_pids(proc.pid)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err.splitlines()[-1].startswith("helpers: error: report build interrupted")
    assert "Traceback" not in err
    assert {n: (out / n).read_text(encoding="utf-8") for n in previous} == previous
    assert _leftovers(out) == []
    assert not any(_running(pid) for pid in kernels)


def _kernel_pids(parent: int) -> list[int]:
    psutil = pytest.importorskip("psutil")
    return [p.pid for p in psutil.Process(parent).children(recursive=True)]


def _running(pid: int) -> bool:
    psutil = pytest.importorskip("psutil")
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _file_size_limit(limit: int):
    def apply():  # in the child: writes past `limit` bytes fail (EFBIG), as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE stands in for a full disk on Linux")
def test_a_build_that_cannot_write_says_so_in_one_line_and_keeps_the_previous_reports(tmp_path):
    out = tmp_path / "out"
    previous = _previous_build(out)
    res = subprocess.run([PYTHON, "-m", "helpers", "report", "--article", str(FLOOD), "--out", str(out), *ONLY],
                         cwd=ROOT, capture_output=True, text=True, timeout=300, preexec_fn=_file_size_limit(60_000))
    assert res.returncode in (1, 2)
    first = res.stderr.splitlines()[0]
    assert first.startswith("helpers: error: ") and ("File too large" in first or "could not be executed" in first), res.stderr
    assert "Traceback" not in res.stderr
    assert {n: (out / n).read_text(encoding="utf-8") for n in previous} == previous
    assert _leftovers(out) == []


# ------------------------------------------------------------------ make passes names as they are

@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.parametrize("name", [
    "no such `touch PWNED`.txt", "no such $(touch PWNED).txt", "no such $(shell touch PWNED).txt",
    "no such $HOME \"q\" 's'.txt", "no such; touch PWNED.txt",
])
def test_make_report_passes_the_article_name_without_a_shell(tmp_path, name):
    res = subprocess.run(["make", "-s", "report", f"ARTICLE={tmp_path / name}", f"OUT={tmp_path / 'o $(x) `y`'}"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert res.returncode == 2
    assert f"helpers: error: {tmp_path / name}: no such file" in res.stderr
    assert not (ROOT / "PWNED").exists() and not (tmp_path / "PWNED").exists()
    assert not (tmp_path / "o $(x) `y`").exists()  # nothing built for a missing article


# ------------------------------------------------------------------ the CLI contract: report FILE [--date]

def test_report_takes_the_file_as_an_argument_and_a_plain_texts_date(tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("Officials said on Monday that the bridge would reopen next week.\n", encoding="utf-8")
    res = cli(plain, "--date", "2024-03-04", "--out", tmp_path / "o", "--only", "20-chart-timeline")
    assert res.returncode == 0, res.stderr
    page = (tmp_path / "o" / "20-chart-timeline.html").read_text(encoding="utf-8")
    assert "2024-W11" in page  # "next week" from the date given, which the notebook received


@pytest.mark.parametrize("args, message", [
    (("--date", "2024-13-04"), "invalid date '2024-13-04'"),
    (("--article", "other.txt"), "two articles given"),
])
def test_report_with_a_bad_date_or_two_articles_is_one_line(tmp_path, args, message):
    plain = tmp_path / "plain.txt"
    plain.write_text("Officials said the bridge would reopen.\n", encoding="utf-8")
    res = cli(plain, *args, "--out", tmp_path / "o")
    assert res.returncode == 2 and len(res.stderr.splitlines()) == 1 and message in res.stderr
    assert not (tmp_path / "o").exists()


# ------------------------------------------------------------------ issue 26: where --out points, make's values and signals

def test_a_relative_out_is_relative_to_where_the_build_was_started(tmp_path):
    res = subprocess.run([PYTHON, "-m", "helpers", "report", str(FLOOD), "--out", "relout", *ONLY], cwd=tmp_path,
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "relout" / "00-explore-article.html").is_file()
    assert res.stdout.splitlines()[-1] == f"helpers report: index {tmp_path / 'relout' / 'index.html'}"
    assert not (paths.NOTEBOOKS / "relout").exists()  # the kernels run in notebooks/: nothing went there


@pytest.mark.parametrize("article, out", [(FLOOD, "."), (FLOOD, "figures/.."), (None, str(ROOT))])
def test_a_build_at_the_repository_root_changes_no_tracked_file(article, out):
    """Only the seed's own build (no --out) writes the tracked figures; any other build into
    a folder where it would replace tracked files is refused before it starts."""
    before, entries = tracked_outputs(), set(ROOT.iterdir())
    res = cli(*([article] if article else []), "--out", out, *ONLY)
    tracked = subprocess.run(["git", "ls-files", "figures"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert res.returncode == 2
    assert res.stderr == (f"helpers: error: {ROOT / out if out != str(ROOT) else ROOT}: a build there would "
                          f"replace files tracked in the repository: figures/ ({len(tracked)} tracked files); "
                          "give --out a folder of its own\n")
    assert tracked_outputs() == before and set(ROOT.iterdir()) == entries  # nothing written, not even a log


def test_tracked_entries_name_what_a_build_would_replace(tmp_path):
    from helpers.report_staging import tracked_entries

    assert tracked_entries(tmp_path, ["00-explore-article.html"]) == {}  # outside the repository
    assert tracked_entries(paths.REPORTS / "x", ["00-explore-article.html"]) == {}  # gitignored
    n = len(subprocess.run(["git", "ls-files", "figures"], cwd=ROOT, capture_output=True, text=True).stdout.split())
    assert tracked_entries(ROOT, ["00-explore-article.html"]) == {"figures": n}
    # a page named like a tracked file is a tracked file too
    assert tracked_entries(ROOT / "notebooks", ["00-explore-article.ipynb"]) == {"00-explore-article.ipynb": 1}


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.parametrize("var, value, message", [
    ("OUT", "-o", "{article}: no such file"),
    ("ARTICLE", "-no-such.txt", "-no-such.txt: no such file"),
    ("DATE", "-1", "{plain}: invalid date '-1'"),
])
def test_make_report_takes_a_value_that_starts_with_a_dash(tmp_path, var, value, message):
    plain = tmp_path / "plain.txt"
    plain.write_text("Officials said the bridge would reopen.\n", encoding="utf-8")
    values = {"ARTICLE": str(tmp_path / "missing.txt" if var == "OUT" else plain), "OUT": str(tmp_path / "o"), var: value}
    res = subprocess.run(["make", "-s", "report", *(f"{k}={v}" for k, v in values.items())], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 2
    assert "usage:" not in res.stderr and "expected one argument" not in res.stderr
    assert f"helpers: error: {message.format(article=tmp_path / 'missing.txt', plain=plain)}" in res.stderr
    assert not (ROOT / "-o").exists() and not (tmp_path / "o").exists()


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_sigterm_to_make_report_stops_the_build_with_it(tmp_path):
    """make passes SIGTERM to its recipe; the recipe execs the build, so the build gets it
    (before, the recipe's shell died and the build went on as an orphan, then replaced the
    reports)."""
    psutil = pytest.importorskip("psutil")
    out = tmp_path / "out"
    previous = _previous_build(out)
    proc = subprocess.Popen(["make", "-s", "report", f"ARTICLE={FLOOD}", f"OUT={out}"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    family: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while not list(out.glob(".build-*/runtime/*.json")):  # a kernel has started
            assert proc.poll() is None and time.monotonic() < deadline, "the build ended before it could be stopped"
            time.sleep(0.1)
        family = [p.pid for p in psutil.Process(proc.pid).children(recursive=True)]
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
        deadline = time.monotonic() + 30
        while any(_running(pid) for pid in family) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_running(pid) for pid in family), "the build goes on without make"
        assert "helpers: error: report build interrupted (SIGTERM); the previous reports are as they were" in err
        assert {n: (out / n).read_text(encoding="utf-8") for n in previous} == previous
        assert _leftovers(out) == []
    finally:
        for pid in family:
            with contextlib.suppress(psutil.Error):
                psutil.Process(pid).kill()
