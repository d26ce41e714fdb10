"""Repository-relative locations, so notebooks run the same from JupyterLab and the report build."""

from __future__ import annotations

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
