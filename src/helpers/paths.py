"""Repository-relative locations, so notebooks run the same from JupyterLab and the report build."""

from __future__ import annotations

import hashlib
import os
import re
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
#: than the seed to ``$HELPERS_OUTPUT_DIR/{figures,processed}/<output id>/`` (tests use it so
#: a throwaway article never writes into the repository).
OUTPUT_ENV = "HELPERS_OUTPUT_DIR"
#: Set by the report build: the one folder that receives this article's figures
#: (``figures/``) and tables (``tables/``), whatever the article.
ARTICLE_OUTPUT_ENV = "HELPERS_ARTICLE_OUTPUT"


def is_seed(article) -> bool:
    """The seed article read from its own file in ``data/raw/`` (a copy elsewhere, or a
    renamed one, is another article as far as outputs go: it never writes tracked files)."""
    if getattr(article, "sha256", None) != SEED_SHA256 or not getattr(article, "path", None):
        return False
    try:
        return Path(article.path).resolve() == SEED_ARTICLE.resolve()
    except OSError:
        return False


_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def output_id(article) -> str:
    """A folder name for an article's outputs: safe (letters, digits, ``-``, ``_``; never a
    dot, a separator or empty) and unique per file: the file's name, then eight hex digits
    of its resolved path (of its text when it has no path). ``..txt`` gives
    ``article-1a2b3c4d``; two ``article.txt`` in different folders get different ids."""
    path = getattr(article, "path", None)
    name = Path(path).stem if path else str(getattr(article, "id", "") or "")
    slug = _UNSAFE.sub("-", name).strip("-_")[:60] or "article"
    basis = str(Path(path).resolve()) if path else article.sha256
    return f"{slug}-{hashlib.sha256(basis.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


def _article_output(sub: str) -> Path | None:
    folder = os.environ.get(ARTICLE_OUTPUT_ENV)
    return Path(folder) / sub if folder else None


def figure_dir(article) -> Path:
    """Where an article's figures go: ``$HELPERS_ARTICLE_OUTPUT/figures`` in a report build;
    else ``figures/`` for the seed, ``figures/<output id>/`` for any other article (or
    ``$HELPERS_OUTPUT_DIR/figures/<output id>/``)."""
    if (out := _article_output("figures")) is not None:
        return out
    if is_seed(article):
        return FIGURES
    base = Path(os.environ[OUTPUT_ENV]) / "figures" if os.environ.get(OUTPUT_ENV) else FIGURES
    return base / output_id(article)


def processed_dir(article) -> Path:
    """Where an article's tables go, created if missing: ``$HELPERS_ARTICLE_OUTPUT/tables``
    in a report build; else ``data/processed/`` for the seed, ``data/processed/<output id>/``
    for any other article (or ``$HELPERS_OUTPUT_DIR/processed/<output id>/``)."""
    if (out := _article_output("tables")) is None:
        if is_seed(article):
            out = PROCESSED
        else:
            base = Path(os.environ[OUTPUT_ENV]) / "processed" if os.environ.get(OUTPUT_ENV) else PROCESSED
            out = base / output_id(article)
    out.mkdir(parents=True, exist_ok=True)
    return out


def shown(path: Path) -> str:
    """A path for messages: in a report build, relative to the report's own folder (where its
    ``figures/`` and ``tables/`` end up); else relative to the repository when inside it."""
    if (build := os.environ.get(ARTICLE_OUTPUT_ENV)) and Path(path).resolve().is_relative_to(Path(build).resolve()):
        return f"{Path(path).resolve().relative_to(Path(build).resolve())}/ (next to this report)"
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
