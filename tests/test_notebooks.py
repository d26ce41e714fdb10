"""Notebooks are stored clean and laid out per STYLE.md; the report build executes them all."""

from __future__ import annotations

import json

import pytest

from helpers import paths, report

NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("*.ipynb"))


def test_there_are_notebooks():
    names = [p.stem for p in NOTEBOOKS]
    assert {"00-explore-article", "10-compare-sentiment-by-speaker", "20-chart-timeline", "30-tabulate-figures"} <= set(names)
    for name in names:
        assert name[:2].isdigit() and name[2] == "-"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_without_outputs_and_laid_out(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
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


def test_kernelspec_resolves():
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec(report.KERNEL_NAME)
    assert spec.language == "python"
