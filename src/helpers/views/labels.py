"""Text a reader cannot read on a chart: labels drawn over each other, or cut at the edge.

``label_problems(fig)`` draws the figure off-screen (Agg), takes the window extent of every
visible, non-empty text artist (figure texts and legends, the suptitle, each axes' titles,
axis labels, the tick labels drawn inside the view, the offset text, annotations and texts,
legend texts) and reports

- **overlap**: two texts whose boxes intersect by more than ``TOLERANCE`` pixels both ways.
  Tick labels of the same axis are compared like any other pair: two that touch are a
  crowded axis, which is a problem too; a multi-line text is one box;
- **cut**: a text reaching more than ``TOLERANCE`` pixels past the figure's edge. ``savefig``
  keeps every chart the report's width, so a label past the right or left edge makes a wider
  image or is lost; the caption that ``plots.caption`` places below everything on purpose is
  exempt at the bottom edge only.
"""

from __future__ import annotations

from itertools import combinations

#: Pixels two boxes may share (antialiasing, a descender touching the next line) before they overlap.
TOLERANCE = 2.0


def label_problems(fig) -> list[str]:
    """Overlapping and cut text labels of ``fig``, one sentence each (empty: none)."""
    renderer = _draw(fig)
    texts = [(t, t.get_window_extent(renderer)) for t in _texts(fig)]
    problems = []
    for (a, box_a), (b, box_b) in combinations(texts, 2):
        dx = min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0)
        dy = min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0)
        if dx > TOLERANCE and dy > TOLERANCE:
            problems.append(f"overlap: {_name(a)} and {_name(b)} share {dx:.0f}×{dy:.0f} px")
    edge = fig.bbox
    caption = getattr(fig, "_helpers_caption", None)
    for t, box in texts:
        for side, past in (("left", edge.x0 - box.x0), ("right", box.x1 - edge.x1), ("top", box.y1 - edge.y1),
                           ("bottom", edge.y0 - box.y0)):
            if past > TOLERANCE and not (t is caption and side == "bottom"):
                problems.append(f"cut: {_name(t)} reaches {past:.0f} px past the {side} edge")
    return problems


def _draw(fig):
    """Draw ``fig`` with the Agg renderer (attached when the figure has another canvas)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    fig.canvas.draw()
    return fig.canvas.get_renderer()


def _texts(fig) -> list:
    """Every text artist of ``fig`` that is drawn: visible, with text, a tick label only for a
    tick inside its axis' view."""
    found = list(fig.texts) + [t for leg in fig.legends for t in leg.get_texts()]
    if getattr(fig, "_suptitle", None) is not None:
        found.append(fig._suptitle)
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        found += [ax.title, ax._left_title, ax._right_title]
        for axis in (ax.xaxis, ax.yaxis):
            found += [axis.label, axis.get_offset_text()] + _tick_labels(axis)
        found += list(ax.texts)
        if ax.get_legend() is not None and ax.get_legend().get_visible():
            found += list(ax.get_legend().get_texts())
    seen, out = set(), []
    for t in found:
        if id(t) not in seen and t.get_visible() and t.get_text().strip():
            seen.add(id(t))
            out.append(t)
    return out


def _tick_labels(axis) -> list:
    """The tick labels an axis draws: those of ticks inside its view interval."""
    lo, hi = sorted(axis.get_view_interval())
    out = []
    for tick in axis.get_major_ticks() + axis.get_minor_ticks():
        loc = tick.get_loc()
        if loc is None or not (lo - 1e-9 * abs(hi - lo) <= loc <= hi + 1e-9 * abs(hi - lo)):
            continue
        out += [label for label in (tick.label1, tick.label2) if label.get_visible()]
    return out


def _name(t) -> str:
    text = " ".join(t.get_text().split())
    return repr(text if len(text) <= 60 else text[:57] + "…")
