"""A build that one notebook cannot sink (issue 22), and a full disk that leaves no empty
notebook (issue 26, 9a). The builds here run tiny notebooks of their own (``paths.NOTEBOOKS``
monkeypatched), so each takes seconds."""

from __future__ import annotations

import errno
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from helpers import cli, paths, report
from helpers.article import load_article
from helpers.report_pages import article_title

# the failing cell is the 4th run: parameters (1), papermill's injected parameters (2), `y = 2` (3)
BROKEN = ["y = 2", 'start = 2024\nraise ValueError(f"no dated reference before {start}\\nand a second line")']


def _notebook(folder: Path, stem: str, body: list[str], finding: str) -> None:
    number = stem.split("-")[0]
    cells = [new_markdown_cell(f"# {number} · {stem[3:].title()}\nWhat does {stem} find?"),
             new_code_cell('ARTICLE = ""\nDATE = None', metadata={"tags": ["parameters"]}),
             *map(new_code_cell, body),
             new_markdown_cell("## Findings"),
             new_code_cell(f'from IPython.display import Markdown, display\ndisplay(Markdown("- {finding}"))')]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": report.KERNEL_NAME, "display_name": "x", "language": "python"}
    nbformat.write(nb, folder / f"{stem}.ipynb")


@pytest.fixture
def tiny(tmp_path, monkeypatch):
    """Three notebooks, the middle one raising in its 4th cell."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    _notebook(folder, "00-count", ["x = 1"], "The text has 3 words.")
    _notebook(folder, "20-broken", BROKEN, "Never shown.")
    _notebook(folder, "30-tally", ["z = 3"], "The text gives 2 figures.")
    monkeypatch.setattr(paths, "NOTEBOOKS", folder)
    return folder


def _previous(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in ("index.html", "00-count.html", "20-broken.html", "30-tally.html"):
        (out / name).write_text(f"previous {name}", encoding="utf-8")


def _run(capfd, *args) -> tuple[int, list[str], list[str]]:
    rc = report.main(cli.build_parser().parse_args(["report", *map(str, args)]))
    captured = capfd.readouterr()
    return rc, captured.out.splitlines(), captured.err.splitlines()


def test_a_failed_notebook_gets_its_page_and_the_others_their_reports(tiny, tmp_path, capfd):
    out = tmp_path / "reports"
    _previous(out)
    rc, stdout, stderr = _run(capfd, "--out", out)
    assert rc == 1
    # one line per notebook, the failed one saying what failed, then the index; last, the count
    assert re.fullmatch(rf"helpers report: 00-count +\d+\.\d s  {re.escape(str(out / '00-count.html'))}", stdout[0])
    assert stdout[1].endswith("20-broken.html  (failed: cell 4 (`start = 2024`): ValueError: no dated reference before 2024)")
    assert stdout[3] == f"helpers report: index {out / 'index.html'}" and len(stdout) == 4
    assert stderr == [f"helpers: error: 1 of 3 notebooks failed (20-broken); the other reports are written, "
                      f"index {out / 'index.html'}"]
    pages = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.html")}
    assert set(pages) == {"index.html", "00-count.html", "20-broken.html", "30-tally.html"}
    assert "The text has 3 words." in pages["00-count.html"] and "jp-Notebook" in pages["30-tally.html"]
    failed = pages["20-broken.html"]
    assert "<th>notebook</th><td><code>20-broken.ipynb</code></td>" in failed
    assert "<th>cell</th><td>4</td>" in failed and "<code>start = 2024</code>" in failed
    assert "<code>ValueError</code>: no dated reference before 2024</td>" in failed and "second line" not in failed
    seed = load_article(paths.SEED_ARTICLE)
    assert "New hope as Trump offers security guarantees" in failed and seed.sha256 in failed
    assert '<a href="00-count.html">00 · Count</a>: The text has 3 words.' in failed
    assert '<a href="30-tally.html">30 · Tally</a>: The text gives 2 figures.' in failed
    assert not re.search(r"<(script|link|img)\b", failed)  # offline: nothing to load
    index = pages["index.html"]
    assert index.count('<div class="card failed">') == 1 and index.count('<div class="card">') == 2
    assert re.search(r'<div class="card failed"><h2><a href="20-broken.html">20 · Broken</a><span class="badge">failed</span>'
                     r".*?This notebook failed: cell 4 \(`start = 2024`\): ValueError: no dated reference before 2024</p>", index)
    assert "1 of 3 reports failed to build" in index
    kept = nbformat.read(out / "failed" / "20-broken.ipynb", as_version=4)  # a whole notebook, kept for inspection
    assert kept.cells[-3].outputs[0]["ename"] == "ValueError"
    assert not list(out.glob(".build-*"))


def test_the_kernels_own_messages_stay_in_the_build_log(tiny, tmp_path, capfd):
    out = tmp_path / "reports"
    _, stdout, stderr = _run(capfd, "--out", out)
    shown = "\n".join(stdout + stderr)
    for noise in ("KeyboardInterrupt", "Kernel is running over TCP", "[IPKernelApp]", "Traceback", "jupyter_client"):
        assert noise not in shown, noise
    assert "Kernel is running over TCP" in (out / report.LOG_NAME).read_text(encoding="utf-8")  # they were there


def test_a_build_where_every_notebook_fails_keeps_the_previous_reports(tiny, tmp_path, capfd):
    out = tmp_path / "reports"
    _previous(out)
    rc, stdout, stderr = _run(capfd, "--out", out, "--only", "20-broken")
    assert rc == 1 and stdout == []
    assert stderr == [f"helpers: error: 20-broken.ipynb: cell 4 (`start = 2024`): ValueError: no dated reference before "
                      f"2024; the previous reports are as they were (executed copy kept at {out / 'failed' / '20-broken.ipynb'})"]
    assert (out / "20-broken.html").read_text(encoding="utf-8") == "previous 20-broken.html"
    assert (out / "index.html").read_text(encoding="utf-8") == "previous index.html"


def test_a_later_build_without_the_failure_removes_its_page_and_copy(tiny, tmp_path, capfd):
    out = tmp_path / "reports"
    _run(capfd, "--out", out)
    _notebook(tiny, "20-broken", ["y = 2"], "Now it works.")
    rc, _, stderr = _run(capfd, "--out", out)
    assert rc == 0 and stderr == []
    assert "Now it works." in (out / "20-broken.html").read_text(encoding="utf-8")
    assert not (out / "failed").exists()
    assert 'class="card failed"' not in (out / "index.html").read_text(encoding="utf-8")


# ------------------------------------------------------------------ titles of plain text


def test_a_plain_texts_title_is_its_first_line(tiny, tmp_path, capfd, monkeypatch):
    monkeypatch.setenv(paths.OUTPUT_ENV, str(tmp_path / "outputs"))
    art = tmp_path / "river-notes.txt"
    art.write_text("\n  Floods close the river road  \nThe river rose two metres on Monday, officials said.\n", encoding="utf-8")
    assert article_title(load_article(art)) == "Floods close the river road"
    assert article_title(load_article(paths.SEED_ARTICLE)).startswith("New hope as Trump offers security guarantees")
    rc, _, _ = _run(capfd, art, "--out", tmp_path / "o", "--only", "00-count")
    assert rc == 0
    index = (tmp_path / "o" / "index.html").read_text(encoding="utf-8")
    assert "<title>Reports · Floods close the river road</title>" in index
    assert "<h1>Floods close the river road</h1>" in index
    page = (tmp_path / "o" / "00-count.html").read_text(encoding="utf-8")
    assert "<title>00 · Count · Floods close the river road</title>" in page
    assert "river-notes" not in re.search(r"<title>.*?</title>", index)[0]


# ------------------------------------------------------------------ a full disk (issue 26, 9a)


def _disk_full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def _copy_onto_a_full_disk(src, dst, *args, **kwargs):
    Path(dst).write_bytes(b"")  # the file is created, then no byte fits
    _disk_full()


def _write_onto_a_full_disk(self, buf, path):
    open(path, "w").close()
    _disk_full()


@pytest.mark.parametrize("where", ["copying the failed notebook", "writing an executed notebook", "writing the pages"])
def test_a_full_disk_leaves_no_empty_notebook(tiny, tmp_path, capfd, monkeypatch, where):
    import papermill.iorw

    out = tmp_path / "reports"
    _previous(out)
    if where == "copying the failed notebook":
        monkeypatch.setattr(shutil, "copyfile", _copy_onto_a_full_disk)
        monkeypatch.setattr(shutil, "copy2", _copy_onto_a_full_disk)
    elif where == "writing an executed notebook":
        monkeypatch.setattr(papermill.iorw.LocalHandler, "write", _write_onto_a_full_disk)
    else:
        real = Path.write_text
        monkeypatch.setattr(Path, "write_text", lambda self, *a, **k: _disk_full() if self.suffix == ".html" else real(self, *a, **k))
    rc, _, stderr = _run(capfd, "--out", out, "--only", "20-broken", "--only", "00-count")
    assert rc in (0, 1) and len(stderr) <= 1 and "Traceback" not in "\n".join(stderr)
    notebooks = list(out.rglob("*.ipynb"))
    assert all(p.stat().st_size > 0 for p in notebooks), notebooks  # never an empty notebook
    for p in notebooks:
        nbformat.read(p, as_version=4)  # nor a cut-off one
    assert not list(out.glob(".build-*"))
    if where != "copying the failed notebook":  # the build itself could not write: nothing replaced
        assert rc == 1 and "No space left on device; the previous reports are as they were" in stderr[0]
        assert {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.html")} == {
            n: f"previous {n}" for n in ("index.html", "00-count.html", "20-broken.html", "30-tally.html")}


def test_a_failure_page_and_its_index_open_offline_in_chromium(tiny, tmp_path, capfd):
    from test_report import _open_all

    out = tmp_path / "reports"
    assert _run(capfd, "--out", out)[0] == 1
    seen = _open_all(out, "failure")
    assert {"index.html", "20-broken.html"} <= set(seen)
    for name, rec in seen.items():
        assert rec["console"] == [] and rec["failed"] == [] and rec["remote"] == [], (name, rec)
    assert seen["20-broken.html"]["title"] == "20 · Broken (failed) · " + article_title(load_article(paths.SEED_ARTICLE))


def test_a_signal_while_the_set_is_moved_waits_until_it_is_in_place(tmp_path):
    import os
    import signal

    from helpers import report_staging

    staged, out = tmp_path / "staged", tmp_path / "out"
    staged.mkdir()
    out.mkdir()
    for name in ("00-a.html", "index.html"):
        (staged / name).write_text(f"new {name}", encoding="utf-8")
        (out / name).write_text(f"old {name}", encoding="utf-8")
    real_replace, moved, before = os.replace, [], signal.getsignal(signal.SIGTERM)

    def replace(src, dst):  # SIGTERM arrives after the first page is moved
        real_replace(src, dst)
        moved.append(Path(dst).name)
        if len(moved) == 1:
            os.kill(os.getpid(), signal.SIGTERM)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(report_staging.os, "replace", replace)
        with pytest.raises(report_staging.BuildInterrupted) as info:
            report_staging.commit(staged, out, ["00-a.html", "index.html"], [], own_outputs=False)
    assert info.value.replaced and str(info.value) == "SIGTERM"
    assert moved == ["00-a.html", "index.html"]  # the index too: the set is whole
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == {"00-a.html": "new 00-a.html",
                                                                            "index.html": "new index.html"}
    assert signal.getsignal(signal.SIGTERM) is before  # the handler is given back
