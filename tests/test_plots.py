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


def test_every_chart_is_saved_at_one_width_with_its_source_line_clear_of_the_axis_label(tmp_path):
    from PIL import Image

    plots.use_style()
    widths = []
    for k, height in enumerate((1.6, 3.0, 7.0)):  # short charts put the axis label below the figure's edge
        fig, ax = plt.subplots(figsize=(plots.WIDTH, height))
        ax.plot([0, 1], [0, 1])
        ax.set_xlabel("Mean sentiment (−1 negative · 0 neutral · +1 positive)")
        plots.caption(fig, "Source: a test")
        png, _ = plots.savefig(fig, f"chart-{k}", tmp_path, show=False)
        renderer = fig.canvas.get_renderer()
        label = ax.xaxis.label.get_window_extent(renderer)
        source = fig._helpers_caption.get_window_extent(renderer)
        assert source.y1 <= label.y0, (height, source, label)  # the source line sits below the label
        widths.append(Image.open(png).size[0])
        plt.close(fig)
    assert widths == [round(plots.WIDTH * plots.STYLE["savefig.dpi"])] * 3  # the whole width, every time
