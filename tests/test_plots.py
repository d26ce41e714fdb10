from __future__ import annotations

import matplotlib.pyplot as plt

from helpers import plots


def _fig(label):
    plots.use_style()
    fig, ax = plt.subplots()
    ax.bar(["a", label], [1, 2])
    ax.set_title("Cost was $5 <script>alert(1)</script>")
    return fig


def test_savefig_is_byte_deterministic(tmp_path):
    a = plots.savefig(_fig("b"), "x", tmp_path / "one")
    b = plots.savefig(_fig("b"), "x", tmp_path / "two")
    for p, q in zip(a, b):
        assert p.read_bytes() == q.read_bytes()
    svg = a[1].read_text()
    assert "<dc:date>" not in svg and "Cost was $5 &lt;script&gt;" in svg
    plt.close("all")
