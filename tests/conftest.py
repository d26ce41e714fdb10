from __future__ import annotations

import sys
from pathlib import Path

import pytest

from helpers import paths
from helpers.article import load_article


@pytest.fixture(scope="session")
def seed():
    return load_article(paths.SEED_ARTICLE)


@pytest.fixture
def write(tmp_path):
    """Write text (or bytes) to a file in tmp_path and return its path."""

    def _write(content, name="article.txt"):
        p = tmp_path / name
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
        return p

    return _write


PYTHON = sys.executable
ROOT = Path(paths.ROOT)
