"""Notebooks are stored clean and laid out per STYLE.md; the report build executes them all."""

from __future__ import annotations

import json
import subprocess

import pytest

from helpers import gitfilter, paths, report

NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("*.ipynb"))


def test_there_are_notebooks():
    names = [p.stem for p in NOTEBOOKS]
    assert {"00-explore-article", "10-compare-sentiment-by-speaker", "20-chart-timeline", "30-tabulate-figures"} <= set(names)
    for name in names:
        assert name[:2].isdigit() and name[2] == "-"


def _stored(path) -> str:
    """The notebook as git stores it (the index: HEAD's version, or what ``git add`` staged
    through the nbstripout filter), so a researcher's saved outputs on disk are not what is
    tested; the file itself outside a git checkout or before its first ``git add``."""
    rel = path.relative_to(paths.ROOT).as_posix()
    try:
        res = subprocess.run(["git", "-C", str(paths.ROOT), "show", f":{rel}"], capture_output=True, text=True)
    except FileNotFoundError:
        return path.read_text(encoding="utf-8")
    return res.stdout if res.returncode == 0 else path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_without_outputs_and_laid_out(path):
    nb = json.loads(_stored(path))
    cells = nb["cells"]
    for c in cells:
        if c["cell_type"] == "code":
            assert c.get("outputs") == [] and c.get("execution_count") is None, path.name
    assert cells[0]["cell_type"] == "markdown"
    title = "".join(cells[0]["source"])
    assert title.startswith(f"# {path.stem[:2]} · ")
    for word in ("**Inputs**", "**Outputs**", "**Runtime**"):
        assert word in title
    params = cells[1]
    assert params["cell_type"] == "code" and "parameters" in params["metadata"].get("tags", [])
    assert "".join(params["source"]).startswith("ARTICLE = ")
    assert nb["metadata"]["kernelspec"]["name"] == report.KERNEL_NAME
    text = json.dumps(nb)
    assert "nltk.download" not in text and "pip install" not in text
    assert "## Findings" in text and "## Caveats" in text


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_notebook_is_what_the_git_filter_stores(path):
    """Nothing in a stored notebook is what nbstripout strips with the project's options
    (outputs, counts, run metadata such as ``collapsed``, ``execution``, ``widgets``, the
    kernel's ``language_info``): the filter would change nothing (ids, tags and kernelspec kept)."""
    text = _stored(path)
    res = subprocess.run(gitfilter.strip_command(), input=text, capture_output=True, text=True, check=True)
    assert json.loads(res.stdout) == json.loads(text)


def test_kernelspec_resolves():
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec(report.KERNEL_NAME)
    assert spec.language == "python"
