"""Repository-relative locations, so notebooks run the same from JupyterLab and the report build."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
RAW = DATA / "raw"
REFERENCE = DATA / "reference"
ANNOTATIONS = DATA / "annotations"
PROCESSED = DATA / "processed"
NOTEBOOKS = ROOT / "notebooks"
FIGURES = ROOT / "figures"
REPORTS = ROOT / "reports"

#: The seed article, kept byte-for-byte as received (see data/README.md).
SEED_ARTICLE = RAW / "000_87517c3568669267.txt"
#: Its SHA-256, checked whenever the embedded default is loaded.
SEED_SHA256 = "89ee426df462f45c0181aa7616573ec6a86ee112eefe350177ab3261c800e9a0"


def resolve(path: str | Path) -> Path:
    """Resolve a user path: absolute as given, relative to the cwd if it exists there, else to ROOT.

    Notebooks run with cwd ``notebooks/`` and pass ``../data/raw/...``; the CLI runs from anywhere.
    """
    p = Path(path).expanduser()
    if p.is_absolute() or p.exists():
        return p
    candidate = ROOT / p
    return candidate if candidate.exists() else p


#: Environment variable that redirects the figures and tables written for an article other
#: than the seed (tests use it so a throwaway article never writes into the repository).
OUTPUT_ENV = "HELPERS_OUTPUT_DIR"


def _is_seed(article) -> bool:
    return getattr(article, "sha256", None) == SEED_SHA256


def figure_dir(article) -> Path:
    """``figures/`` for the seed article; ``figures/<article id>/`` for any other (or
    ``$HELPERS_OUTPUT_DIR/figures/<id>/`` when that variable is set)."""
    if _is_seed(article):
        return FIGURES
    base = Path(os.environ[OUTPUT_ENV]) / "figures" if os.environ.get(OUTPUT_ENV) else FIGURES
    return base / article.id


def processed_dir(article) -> Path:
    """``data/processed/`` for the seed article; ``data/processed/<article id>/`` for any
    other (or ``$HELPERS_OUTPUT_DIR/processed/<id>/``), created if missing."""
    if _is_seed(article):
        out = PROCESSED
    else:
        base = Path(os.environ[OUTPUT_ENV]) / "processed" if os.environ.get(OUTPUT_ENV) else PROCESSED
        out = base / article.id
    out.mkdir(parents=True, exist_ok=True)
    return out


def shown(path: Path) -> str:
    """A path for messages: relative to the repository when inside it."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
