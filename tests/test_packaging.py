"""The conventions of research software: the lock covers the requirements, one version
everywhere, a licence and a citation, and nothing in the README points outside the repository."""

from __future__ import annotations

import re

import helpers
from helpers import paths

ROOT = paths.ROOT


def _pins(text: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        m = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", line)
        if m:
            out[re.sub(r"[-_.]+", "-", m.group(1)).lower()] = m.group(2)
    return out


def test_lock_covers_every_requirement_with_hashes():
    wanted = _pins((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    lock_text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    locked = _pins(lock_text)
    assert wanted and len(locked) > len(wanted)
    missing = {name: version for name, version in wanted.items() if locked.get(name) != version}
    assert not missing, f"requirements.txt lines not in requirements.lock (run make lock): {missing}"
    # every pinned package carries at least one sha256 hash
    blocks = re.split(r"\n(?=[A-Za-z0-9])", lock_text.split("\n", 3)[-1])
    assert all("--hash=sha256:" in b for b in blocks if "==" in b)


def test_one_version_everywhere():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    citation = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    version = re.search(r'^version = "([^"]+)"', pyproject, re.M).group(1)
    assert re.search(rf"^version: {re.escape(version)}$", citation, re.M)
    assert helpers.__version__ == version
    assert f"## {version} " in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_licence_citation_and_contributing_are_there():
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    citation = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    for key in ("cff-version:", "title:", "authors:", "version:", "date-released:", "license: MIT"):
        assert key in citation
    assert "## How to add" in (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_readme_links_stay_inside_the_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "../" not in readme
    for target in re.findall(r"\]\(([^)#]+)\)", readme):
        if not target.startswith(("http://", "https://")):
            assert (ROOT / target).exists(), target
