"""House style for figures and a deterministic ``savefig``.

``use_style()`` sets one readable, colour-blind-safe style (Okabe–Ito palette) and turns off
mathtext, so a ``$`` in article text is drawn as a dollar sign rather than parsed.
``savefig(fig, name)`` writes ``<name>.png`` and ``<name>.svg`` with no timestamps or
software versions in their metadata and a fixed SVG hash salt: rebuilding gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt

from . import paths

#: Okabe & Ito (2008), distinguishable with the common colour-vision deficiencies.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#767676",
    "black": "#000000",
}

#: One colour per camp, the same in every figure.
CAMP_COLORS = {
    "US": OKABE_ITO["blue"],
    "Europe": OKABE_ITO["sky"],
    "Ukraine": OKABE_ITO["orange"],
    "Russia": OKABE_ITO["vermillion"],
    "other": OKABE_ITO["purple"],
    "unknown": OKABE_ITO["grey"],
}

#: Colours for the two sentiment lexicons, the same in every figure.
LEXICON_COLORS = {"TextBlob": OKABE_ITO["green"], "VADER": OKABE_ITO["purple"]}

#: Every chart's width in inches: with ``savefig`` keeping the full width, every chart of every
#: report shows at the same scale, so its text at the same size.
WIDTH = 10.0

STYLE = {
    "figure.figsize": (10, 5),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "font.family": "DejaVu Sans",
    "font.size": 10.5,
    "axes.titlesize": 13,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.prop_cycle": matplotlib.cycler(color=list(OKABE_ITO.values())),
    "legend.frameon": False,
    "svg.hashsalt": "helpers",
    "svg.fonttype": "none",
    "text.parse_math": False,
}


def use_style() -> None:
    """Apply the house style: matplotlib's global settings, and pandas' tables for reading
    (whole cells, numbers without trailing zeros; ``display.setup_tables``)."""
    from .display import setup_tables

    plt.rcParams.update(STYLE)
    setup_tables()


def figure(figsize=None, **subplots):
    """A new figure and its axes, drawn by Agg and kept out of pyplot: a view can build its
    charts before the notebook shows them (pyplot's inline backend would show, then close,
    every figure it knows at the end of the cell that made it), and the audit can draw
    thousands without pyplot holding on to them. The layout is constrained, so long tick
    labels, titles and legends are laid out inside the figure rather than past its edge.
    ``subplots`` go to ``Figure.subplots``."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=figsize or plt.rcParams["figure.figsize"], dpi=plt.rcParams["figure.dpi"], layout="constrained")
    FigureCanvasAgg(fig)
    return fig, fig.subplots(**subplots)


def title(ax, text: str, **_kw) -> None:
    """A chart's title, stating its finding: left-aligned at the figure's left edge above
    everything else (a legend above the axes included), and wrapped at the words to the
    figure's width, so a long finding never runs off the chart. Figures made by ``figure``
    lay it out with the rest (constrained layout)."""
    import textwrap

    fig = ax.get_figure()
    size = plt.rcParams["axes.titlesize"]
    size = size if isinstance(size, (int, float)) else 13
    chars = max(20, int((fig.get_figwidth() - 0.3) * 72 / (size * 0.62)))  # DejaVu Sans Bold: about 0.62 em a character
    fig.suptitle(textwrap.fill(text, chars), x=0.01, ha="left", fontsize=size, fontweight="bold")


def caption(fig, text: str) -> None:
    """A source line under the figure, e.g. ``Source: Reuters, 2025-08-14``. ``savefig`` moves
    it below everything else the figure draws (an axis label can reach below the figure's
    edge), so it never overlaps the x-axis label."""
    fig._helpers_caption = fig.text(0.01, -0.02, text, ha="left", va="top", fontsize=8.5, color="#555555")


def _place_caption(fig) -> None:
    """The caption 0.12 in below the lowest other artist of the figure."""
    cap = getattr(fig, "_helpers_caption", None)
    if cap is None:
        return
    cap.set_visible(False)
    lowest = fig.get_tightbbox(fig.canvas.get_renderer()).y0  # inches, without the caption
    cap.set_visible(True)
    cap.set_y(min(-0.02, (lowest - 0.12) / fig.get_figheight()))


def savefig(fig, name: str, directory: str | Path | None = None, show: bool = True) -> list[Path]:
    """Write ``name.png`` and ``name.svg`` deterministically; returns the two paths.

    In a notebook (``show``), the saved PNG is what the cell displays, and the figure is
    closed: the report shows the very file that was written, at the full ``WIDTH`` every
    chart shares (the inline backend would crop each chart to its own width)."""
    directory = Path(directory) if directory is not None else paths.FIGURES
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    fig.canvas.draw()  # lay the figure out (constrained layout) before measuring it
    _place_caption(fig)
    box = _full_width_box(fig)
    with plt.rc_context({"svg.hashsalt": "helpers"}):
        for ext, metadata in (("png", {"Software": None}), ("svg", {"Date": None, "Creator": None})):
            path = directory / f"{name}.{ext}"
            fig.savefig(path, format=ext, metadata=metadata, bbox_inches=box)
            written.append(path)
    if show and _in_notebook():
        from IPython.display import Image, display

        display(Image(filename=str(written[0])))
        plt.close(fig)
    return written


def _in_notebook() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return False
    shell = get_ipython()
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


def _full_width_box(fig):
    """The figure's tight box in height but its whole width (wider only when a label spills
    over an edge): every chart made ``WIDTH`` wide is saved exactly that wide."""
    from matplotlib.transforms import Bbox

    tight = fig.get_tightbbox(fig.canvas.get_renderer())
    width = fig.get_figwidth()
    pad = 0.1
    return Bbox.from_extents(min(0.0, tight.x0 - pad), tight.y0 - pad, max(width, tight.x1 + pad), tight.y1 + pad)


def blank_figure(**kwargs):
    """A figure with no axes yet, as ``figure`` makes them (``kwargs`` go to ``Figure``: ``layout`` …)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(**kwargs)
    FigureCanvasAgg(fig)
    return fig


def figure_dir(article) -> Path:
    """Where an article's figures go (see ``paths.figure_dir``)."""
    return paths.figure_dir(article)


def short_label(text: str, chars: int) -> str:
    """A label cut to ``chars`` characters at most, with an ellipsis (the table shows it whole)."""
    return text if len(text) <= chars else text[:chars - 1].rstrip() + "…"


def short_number(x, _pos=None) -> str:
    """A tick label as a short plain number: ``1k``, ``18bn``, ``2.5M``, ``0.2``."""
    for size, suffix in ((1e12, "T"), (1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if abs(x) >= size:
            return f"{x / size:g}{suffix}"
    return f"{x:g}"


def plain_log_axis(axis) -> None:
    """Log-scale tick labels as short plain numbers (``1k``, ``10M``; mathtext is off)."""
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    axis.set_major_locator(LogLocator(base=10))
    axis.set_major_formatter(FuncFormatter(short_number))
    axis.set_minor_formatter(NullFormatter())


def plain_axis(axis) -> None:
    """Linear tick labels as short plain numbers (``18bn``, not ``1.8`` under a ``1e10``)."""
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(short_number))


def lexicon_color(lexicon: str) -> str:
    """Colour of a lexicon by its label (``TextBlob polarity`` -> the TextBlob colour)."""
    return next((c for name, c in LEXICON_COLORS.items() if lexicon.startswith(name)), OKABE_ITO["grey"])


def group_intervals(ax, agg, by: str, *, label_n: bool = True) -> None:
    """Mean sentiment per group for each lexicon, side by side, with bootstrap 95% intervals.

    ``agg`` is ``sentiment.aggregate(...)``: one row per group and lexicon. Groups run top
    to bottom in ``agg``'s order; a group with fewer than 3 statements has no interval.
    """
    groups = list(dict.fromkeys(agg[by]))
    lexicons = list(dict.fromkeys(agg["lexicon"]))
    step = 0.32 / max(1, len(lexicons) - 1) if len(lexicons) > 1 else 0
    for k, lex in enumerate(lexicons):
        sub = agg[agg["lexicon"] == lex].set_index(by).reindex(groups)
        ys = [g - 0.16 + k * step for g in range(len(groups))]
        color = lexicon_color(lex)
        has_ci = sub["ci_low"].notna()
        ax.hlines([y for y, h in zip(ys, has_ci) if h], sub["ci_low"][has_ci], sub["ci_high"][has_ci], color=color, lw=2, alpha=0.7)
        ax.plot(sub["mean"], ys, "o", color=color, label=lex, ms=7)
    n = agg.drop_duplicates(by).set_index(by)["n"].reindex(groups)
    ax.set_yticks(range(len(groups)), [short_label(f"{g}", 40) + (f" (n={c})" if label_n else "") for g, c in zip(groups, n)])
    ax.invert_yaxis()
    ax.axvline(0, color="#333333", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("Mean sentiment (−1 negative … +1 positive)\nlines: bootstrap 95% interval (n ≥ 3)")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=len(lexicons), borderaxespad=0.2)


def label_points(ax, xs, ys, labels, *, max_chars: int = 32, **text_kw) -> list:
    """Label scatter points without overlaps: adjustText moves the labels (with leader lines);
    a label it could not free from another label or from the axes' own text is left out, the
    first labels given (put the most important first) kept. Labels are cut to ``max_chars``.

    The layout runs a fixed number of iterations so it is deterministic. Returns the labels drawn."""
    from adjustText import adjust_text

    xs, ys = list(xs), list(ys)
    short = [str(t) if len(str(t)) <= max_chars else str(t)[:max_chars - 1].rstrip() + "…" for t in labels]
    texts = [ax.text(x, y, t, fontsize=8.5, **text_kw) for x, y, t in zip(xs, ys, short)]
    if texts:
        # a fixed number of iterations, not adjustText's default time limit, so the layout
        # (and the saved figure) is the same on a fast or a slow machine
        adjust_text(texts, x=xs, y=ys, ax=ax, iter_lim=500, time_lim=None,
                    arrowprops={"arrowstyle": "-", "color": "#999999", "lw": 0.6})
    return _drop_overlapping(ax, texts)


def _drop_overlapping(ax, texts: list) -> list:
    """Hide each label that overlaps one kept before it, or the axes' labels, or leaves the axes."""
    fig = ax.get_figure()
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    fixed = [t.get_window_extent(renderer) for t in (ax.xaxis.label, ax.yaxis.label) if t.get_text()]
    inside = ax.get_window_extent(renderer)
    kept, boxes = [], []
    for t in texts:
        box = t.get_window_extent(renderer).padded(1)
        out = box.x0 < inside.x0 or box.x1 > inside.x1 or box.y0 < inside.y0 or box.y1 > inside.y1
        if out or any(box.overlaps(b) for b in boxes + fixed):
            t.set_visible(False)
            continue
        kept.append(t)
        boxes.append(box)
    for patch in ax.patches:  # adjustText's leader lines (FancyArrowPatch from its label) of labels left out
        label = getattr(patch, "patchA", None)
        if label is not None and not label.get_visible():
            patch.set_visible(False)
    return kept


def _levels(extents: list[tuple[float, float, int]], pad: float) -> list[int]:
    """Greedy stacking: each (x0, x1, lines) gets the lowest level where it overlaps nothing."""
    return [lv for lv, _ in place_levels([[e] for e in extents], pad)]


def place_levels(options: list[list[tuple[float, float, int]]], pad: float) -> list[tuple[int, int]]:
    """Greedy stacking with a choice: each item, in order, takes whichever of its ``options``
    (x0, x1, lines) sits at the lowest level where it overlaps nothing placed before it (the
    first option on a tie). Returns (level, option index) per item."""
    occupied: list[tuple[float, float, int, int]] = []  # x0, x1, level, lines
    out = []
    for opts in options:
        best = None
        for k, (x0, x1, lines) in enumerate(opts):
            level = 0
            while any(x0 < b + pad and a < x1 + pad and level < lv + ln and lv < level + lines for a, b, lv, ln in occupied):
                level += 1
            if best is None or level < best[0]:
                best = (level, k)
        x0, x1, lines = opts[best[1]]
        occupied.append((x0, x1, best[0], lines))
        out.append(best)
    return out


#: The timeline chart's margins (inches): the left one holds the context lanes' names.
TIMELINE_LEFT, TIMELINE_RIGHT = 1.3, 0.3
#: The width of a timeline panel's axes (inches), which the view's label layout estimates with.
AXES_WIDTH = WIDTH - TIMELINE_LEFT - TIMELINE_RIGHT
LINE_PT = 12.5  # an 8.5 pt label line with its leading and room for a period's bar
HEADROOM = 1.4  # label lines kept free at a panel's top for the focal date's label
#: A label's ground: the focal date's dashed line and the stems of other references pass
#: behind a label, not through its words.
LABEL_GROUND = {"boxstyle": "square,pad=0", "fc": "white", "ec": "none", "alpha": 0.85}
_TIMELINE_STYLES = {
    "article": {"color": OKABE_ITO["blue"], "marker": "o", "side": 1, "mfc": OKABE_ITO["blue"]},
    "context": {"color": OKABE_ITO["vermillion"], "marker": "D", "side": -1, "mfc": "white"},
}


def timeline_panel(ax, items, start, end, *, marker_end=None, end_label: str = "", band=None) -> dict:
    """Article references above the axis (filled circles on the day, a bar under the label over
    the days a period covers), context events below in lanes by category (open diamonds
    beside their labels); each label at the lowest free level of its lane, kept inside the
    panel, so that no two labels overlap; a dashed line and a label mark ``marker_end``."""
    import matplotlib.dates as mdates

    ax.set_xlim(start, end)
    if band is not None:  # the window a zoomed panel shows
        ax.axvspan(mdates.date2num(band[0]), mdates.date2num(band[1]), color="#999999", alpha=0.15, lw=0)
    renderer = ax.figure.canvas.get_renderer()
    used = {1: 0.0, -1: 0.0}
    article = items[items["kind"] == "article"]
    used[1] = _draw_lane(ax, article, _TIMELINE_STYLES["article"], start, end, renderer, 0.0)
    base = 0.0
    context = items[items["kind"] == "context"]
    for lane in sorted(set(context["lane"])):
        top = _draw_lane(ax, context[context["lane"] == lane], _TIMELINE_STYLES["context"], start, end, renderer, base)
        if lane:  # the lane's name in the left margin, beside its first row
            ax.annotate(lane, (0, -(1.0 + base)), xycoords=("axes fraction", "data"), xytext=(-6, 0),
                        textcoords="offset points", fontsize=8, style="italic", color="#767676", ha="right", va="top")
            if base:
                ax.axhline(-(0.85 + base), color="#dddddd", lw=0.6)
        base = top + 0.3
    used[-1] = base
    head = HEADROOM if marker_end is not None and end_label else 0.0  # a line above the labels for ``end_label``
    ax.set_ylim(-(used[-1] + 1.0), used[1] + 1.6 + head)
    ax.axhline(0, color="#333333", lw=1)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.grid(axis="y", visible=False)
    if marker_end is not None:
        x = mdates.date2num(marker_end)
        ax.axvline(x, color="#333333", ls="--", lw=1, zorder=2)
        if end_label:  # inside the frame, in a line of its own above every label: it meets no label or title
            right = (x - mdates.date2num(start)) / (mdates.date2num(end) - mdates.date2num(start) or 1) > 0.5
            ax.annotate(end_label, (x, 1.0), xycoords=("data", "axes fraction"), xytext=(-4 if right else 4, -2),
                        textcoords="offset points", ha="right" if right else "left", va="top", fontsize=9,
                        fontweight="bold")
    used["head"] = head
    return used


def _draw_lane(ax, sub, style, start, end, renderer, base: float) -> float:
    """Draw one lane of labels from level ``base`` outwards, each at the lowest free level and
    inside the axes (anchored at its date, on its left when it would pass the right edge);
    returns the first level beyond the lane."""
    import matplotlib.dates as mdates

    if sub.empty:
        return base
    ax_box = ax.get_window_extent(renderer)
    to_px = ax.transData.transform
    side = style["side"]
    gap = 6 if side < 0 else 2  # a context label stands beside its diamond, a reference's over its stem
    k = ax.figure.dpi / 72  # pixels a point
    placed, options = [], []
    for _, it in sub.sort_values("date", kind="stable").iterrows():
        x, xu = mdates.date2num(it["date"]), mdates.date2num(it["until"])
        t = ax.annotate(it["label"], (x, 0), textcoords="offset points", xytext=(gap, 0), fontsize=8.5,
                        va="top" if side < 0 else "bottom", ha="left", color="#1d1d1d", linespacing=1.0,
                        multialignment="left", zorder=4, bbox=LABEL_GROUND)
        w = t.get_window_extent(renderer).width
        px, pu = to_px((x, 0))[0], to_px((xu, 0))[0]
        lines = it["label"].count("\n") + 1
        opts = []  # (x0, x1, lines), with how to anchor the text: right of its date, left of it (or of a period's end)
        start_at = px if side > 0 else pu  # a context group's label begins after its last diamond
        if start_at + gap * k + w <= ax_box.x1:
            opts.append(((px - 3, max(start_at + gap * k + w, pu) + 3, lines), ("left", gap, start_at)))
        end = pu if pu > px and side > 0 else px  # a period's label may end where the period ends, over its bar
        if end - gap * k - w >= ax_box.x0:
            opts.append(((min(px, end - gap * k - w) - 3, max(end, pu) + 3, lines), ("right", -gap, end)))
        if not opts:  # wider than either side: kept inside the axes, at its right edge
            opts.append(((min(px, ax_box.x1 - w - 1) - 3, max(px, pu, ax_box.x1) + 3, lines), ("edge", 0)))
        placed.append((t, x, it, w, px, lines, [o[1] for o in opts]))
        options.append([o[0] for o in opts])
    top = base
    for (t, x, it, w, px, lines, anchors), (level, choice) in zip(placed, place_levels(options, pad=4)):
        how = anchors[choice]
        if how[0] == "left" and how[2] != px:
            t.xyann = ((how[2] - px) / k + gap, 0)
        elif how[0] == "right":
            t.set_ha("right")
            t.xyann = ((how[2] - px) / k - gap, 0)
        elif how[0] == "edge":
            t.xyann = ((ax_box.x1 - w - 1 - px) / k, 0)
        y = side * (1.0 + base + level)
        t.xy = (x, y + 0.22 if side > 0 else y)
        if side > 0:  # the reference: a stem from its day on the axis up to its label, a bar under it over a period
            px_day = max(to_px((1, 0))[0] - to_px((0, 0))[0], 1e-9)
            for d0, d1 in it["spans"]:
                a, b = mdates.date2num(d0), mdates.date2num(d1)
                ax.plot([a], [0], style["marker"], color=style["color"], mfc=style["mfc"], ms=5, zorder=3)
                if b > a:  # inset by a pixel and a half each end, so that adjacent years stay two bars
                    ax.hlines(y + 0.11, a + 1.5 / px_day, b - 1.5 / px_day, color=style["color"], lw=2.5, alpha=0.75)
            ax.vlines(x, 0, y + 0.11, color=style["color"], lw=0.6, alpha=0.4)
        else:  # the context event: its diamond beside its label, in its lane (a group's: one for each, on a line)
            days = sorted({mdates.date2num(d0) for d0, _ in it["spans"]}) or [x]
            if len(days) > 1:
                ax.hlines(y - 0.35, days[0], days[-1], color=style["color"], lw=0.8, alpha=0.6)
            ax.plot(days, [y - 0.35] * len(days), style["marker"], color=style["color"], mfc=style["mfc"], ms=5, zorder=3, ls="")
            ax.vlines(days, 0, y - 0.35, color=style["color"], lw=0.4, alpha=0.25)
        top = max(top, base + level + lines)
    return top


def timeline_chart(panels: list[dict], *, title: str = "", width: float = WIDTH, marker_end=None, end_label: str = ""):
    """A figure of stacked timeline panels, each as tall as its stacked labels need.

    ``panels``: dicts with ``items`` (``timeline_chart.chart_items``), ``start``, ``end``,
    ``title``, ``band``. The figure gets its final width before any label is placed, and each
    panel's height is then set so that one level is one text line, which is what keeps
    labels from overlapping vertically.
    """
    import textwrap

    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D

    fig = blank_figure(figsize=(width, 10))
    left, right = TIMELINE_LEFT, TIMELINE_RIGHT
    axes, units = [], []
    line_in = LINE_PT / 72
    for p in panels:
        # each panel laid out alone at its final width and at one line a level, then moved
        ax = fig.add_axes([left / width, 0.0, 1 - (left + right) / width, 0.1])
        axes.append(ax)
        used = timeline_panel(ax, p["items"], p["start"], p["end"], marker_end=marker_end, end_label=end_label,
                              band=p.get("band"))
        locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # no crowded full dates
        units.append(used[1] + used[-1] + 2.6 + used["head"])
        ax.set_title(p["title"], fontsize=11, loc="left")
    heads, foot = 0.55, 0.45  # title above, tick labels below each panel (inches)
    heights = [u * line_in for u in units]
    title = "\n".join(textwrap.wrap(title, 90))  # a long finding in two lines, not past the edge
    legend_rows = 2
    top = (0.6 + 0.25 * title.count("\n") + 0.22 * legend_rows) if title else 0.5
    total = sum(heights) + len(panels) * (heads + foot) + top + 0.1
    fig.set_size_inches(width, total)
    if title:
        fig.text(0.01, 1 - 0.15 / total, title, ha="left", va="top", fontsize=13, fontweight="bold")
    has_context = any((p["items"]["kind"] == "context").any() for p in panels)
    handles = [
        Line2D([], [], marker="o", color=OKABE_ITO["blue"], ls="", label="dated in the article (above)"),
        Line2D([], [], marker="D", color=OKABE_ITO["vermillion"], mfc="white", ls="",
               label="context event, in lanes by category (below)" if has_context else ""),
        Line2D([], [], color=OKABE_ITO["blue"], lw=3, alpha=0.75, label="the days a period covers"),
        Line2D([], [], color="#333333", ls="--", lw=1, label=end_label if marker_end is not None else ""),
    ]
    legend_top = 0.15 + 0.25 * (title.count("\n") + 1) + 0.1 if title else 0.05
    fig.legend(handles=[h for h in handles if h.get_label()], loc="upper left", ncols=legend_rows, fontsize=9,
               bbox_to_anchor=(0.005, 1 - legend_top / total))
    y = total - top
    for ax, h in zip(axes, heights):
        y -= heads + h
        ax.set_position([left / width, y / total, 1 - (left + right) / width, h / total])
        y -= foot
    return fig, axes


VOICE_COLORS = {"quoted": "#1b6ca8", "mixed": "#7fb3d5", "paraphrase": "#bdbdbd"}
VOICE_LABELS = {"quoted": "direct quote", "mixed": "mixed (quoted words in a paraphrase)", "paraphrase": "reported (paraphrase)"}


def voice_bars(ax, groups, by: str) -> None:
    """Horizontal bars, one per group (most statements on top), split by voice: how many
    statements each group has in its own words, in part, or only as the reporter's
    paraphrase. ``groups`` is a :func:`helpers.sourcing.by_group` table."""
    rows = groups.iloc[::-1]
    left = None
    labels = [f"{g} ({n})" for g, n in zip(rows[by], rows["statements"])]
    for voice, color in VOICE_COLORS.items():
        values = rows[voice].to_numpy()
        ax.barh(labels, values, left=left, color=color, label=VOICE_LABELS[voice], edgecolor="white")
        left = values if left is None else left + values
    ax.set_xlabel("Statements")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="lower right", frameon=False, fontsize="small")
