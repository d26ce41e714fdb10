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
