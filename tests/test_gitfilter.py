"""Notebooks go into git without their outputs: the nbstripout filter that ``make`` installs."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import nbformat
import pytest

from conftest import ROOT
from helpers import gitfilter, report


def _git(repo, *args) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def checkout(tmp_path):
    """A new git work tree with the project's .gitattributes and a .venv whose Python is this
    one, set up as ``make`` does (``python -m helpers.gitfilter``)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "clone"
    repo.mkdir()
    _git(repo, "init", "-q")
    shutil.copy(ROOT / ".gitattributes", repo / ".gitattributes")
    python = repo / ".venv" / "bin" / "python"  # runs this environment's Python, as a clone's own .venv would
    python.parent.mkdir(parents=True)
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    assert gitfilter.install(repo) is True
    return repo


def _run_notebook():
    """A notebook as JupyterLab saves it after a run: outputs, counts, the kernel's
    language_info, a collapsed cell, papermill's metadata."""
    v4 = nbformat.v4
    nb = v4.new_notebook(metadata={
        "kernelspec": {"name": report.KERNEL_NAME, "display_name": "Python (news helpers)", "language": "python"},
        "language_info": {"name": "python", "version": "3.11.7", "pygments_lexer": "ipython3",
                          "codemirror_mode": {"name": "ipython", "version": 3}},
        "helpers": {"main_figure": "00-content-words"},
        "papermill": {"duration": 3.2},
    })
    nb.cells = [
        v4.new_markdown_cell("# 00 · Title", id="c00"),
        v4.new_code_cell('ARTICLE = "x"', id="c01", execution_count=1, metadata={"tags": ["parameters"]},
                         outputs=[v4.new_output("stream", name="stdout", text="x\n")]),
        v4.new_code_cell("1 + 1", id="c02", execution_count=2, metadata={"collapsed": True, "scrolled": True},
                         outputs=[v4.new_output("execute_result", data={"text/plain": "2"}, execution_count=2)]),
    ]
    return nb


def test_setup_configures_the_filter(checkout):
    assert _git(checkout, "config", "filter.nbstripout.clean").strip() == ".venv/bin/python -m nbstripout --keep-id"
    assert _git(checkout, "config", "filter.nbstripout.required").strip() == "true"
    assert _git(checkout, "config", "filter.nbstripout.extrakeys").split() == list(gitfilter.EXTRA_KEYS)
    assert _git(checkout, "check-attr", "filter", "--", "notebooks/00-explore-article.ipynb").strip().endswith(
        "filter: nbstripout")
    installed = subprocess.run([sys.executable, "-m", "nbstripout", "--is-installed"], cwd=checkout)
    assert installed.returncode == 0
    assert (checkout / ".gitattributes").read_bytes() == (ROOT / ".gitattributes").read_bytes()  # nothing added


def test_git_stores_a_saved_notebook_without_its_outputs(checkout):
    (checkout / "notebooks").mkdir()
    path = checkout / "notebooks" / "00-explore-article.ipynb"
    nbformat.write(_run_notebook(), path)
    _git(checkout / "notebooks", "add", "00-explore-article.ipynb")  # git run from a subfolder
    stored = json.loads(_git(checkout, "show", ":notebooks/00-explore-article.ipynb"))
    code = [c for c in stored["cells"] if c["cell_type"] == "code"]
    assert [c["outputs"] for c in code] == [[], []]
    assert [c["execution_count"] for c in code] == [None, None]
    assert [c["id"] for c in stored["cells"]] == ["c00", "c01", "c02"]
    assert code[0]["metadata"] == {"tags": ["parameters"]} and code[1]["metadata"] == {}
    assert stored["metadata"] == {
        "kernelspec": {"name": report.KERNEL_NAME, "display_name": "Python (news helpers)", "language": "python"},
        "language_info": {"name": "python"},
        "helpers": {"main_figure": "00-content-words"},
    }
    assert nbformat.read(path, 4).cells[1].outputs  # the file on disk keeps its outputs
    # and git sees no change between the saved file (with outputs) and what it stores
    assert _git(checkout, "status", "--porcelain", "notebooks").strip() == "A  notebooks/00-explore-article.ipynb"


def test_install_outside_a_git_work_tree_does_nothing(tmp_path):
    assert gitfilter.install(tmp_path) is False
    assert not (tmp_path / ".git").exists()


def test_make_setup_installs_the_filter():
    """``make``'s set-up (the recipe every target depends on) runs the install."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("$(STAMP): requirements.lock pyproject.toml\n", 1)[1].split("\n\n", 1)[0]
    assert "\t@$(BIN)/python -m helpers.gitfilter\n" in recipe + "\n"
    assert recipe.rstrip().endswith("@touch $(STAMP)")
    assert "nbstripout==" in (ROOT / "requirements.txt").read_text(encoding="utf-8")
