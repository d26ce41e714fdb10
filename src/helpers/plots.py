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

STYLE = {
    "figure.figsize": (9, 5),
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
    """Apply the house style to matplotlib's global settings."""
    plt.rcParams.update(STYLE)


def caption(fig, text: str) -> None:
    """A source line under the figure, e.g. ``Source: Reuters, 2025-08-14``."""
    fig.text(0.01, -0.02, text, ha="left", va="top", fontsize=8.5, color="#555555")


def savefig(fig, name: str, directory: str | Path | None = None) -> list[Path]:
    """Write ``name.png`` and ``name.svg`` deterministically; returns the two paths."""
    directory = Path(directory) if directory is not None else paths.FIGURES
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    with plt.rc_context({"svg.hashsalt": "helpers"}):
        for ext, metadata in (("png", {"Software": None}), ("svg", {"Date": None, "Creator": None})):
            path = directory / f"{name}.{ext}"
            fig.savefig(path, format=ext, metadata=metadata)
            written.append(path)
    return written


def figure_dir(article) -> Path:
    """``figures/`` for the seed article, ``figures/<article id>/`` for any other one."""
    if getattr(article, "sha256", None) == paths.SEED_SHA256:
        return paths.FIGURES
    return paths.FIGURES / article.id


def plain_log_axis(axis) -> None:
    """Log-scale tick labels as short plain numbers (``1k``, ``10M``; mathtext is off)."""
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    axis.set_major_locator(LogLocator(base=10))
    def short(x, _):
        for size, suffix in ((1e12, "T"), (1e9, "bn"), (1e6, "M"), (1e3, "k")):
            if x >= size:
                return f"{x / size:g}{suffix}"
        return f"{x:g}"

    axis.set_major_formatter(FuncFormatter(short))
    axis.set_minor_formatter(NullFormatter())


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
    ax.set_yticks(range(len(groups)), [f"{g} (n={c})" if label_n else str(g) for g, c in zip(groups, n)])
    ax.invert_yaxis()
    ax.axvline(0, color="#333333", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("Mean sentiment (−1 negative · 0 neutral · +1 positive); lines: bootstrap 95% interval, n ≥ 3")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncols=len(lexicons), borderaxespad=0.2)


def label_points(ax, xs, ys, labels, **text_kw) -> list:
    """Label scatter points without overlaps (adjustText moves labels, with leader lines)."""
    from adjustText import adjust_text

    xs, ys = list(xs), list(ys)
    texts = [ax.text(x, y, str(t), fontsize=8.5, **text_kw) for x, y, t in zip(xs, ys, labels)]
    if texts:
        adjust_text(texts, x=xs, y=ys, ax=ax, arrowprops={"arrowstyle": "-", "color": "#999999", "lw": 0.6})
    return texts
