"""Keep notebooks' outputs out of git: nbstripout's filter, installed by ``make``'s set-up.

``.gitattributes`` (committed) sends every ``*.ipynb`` through the ``nbstripout`` filter; a
filter is defined in the repository's git config, which a clone does not carry, so the
set-up writes it (``python -m helpers.gitfilter``, after ``nbstripout --install``). Git then
stores a notebook saved in JupyterLab without outputs, execution counts or the metadata a
run leaves, and ``git diff`` shows notebooks the same way; the file on disk keeps its outputs.

What the filter keeps and strips, on top of nbstripout's defaults (outputs, execution counts,
``metadata.widgets``, ``metadata.signature`` and cells' ``collapsed``, ``scrolled``,
``execution`` …):

- cell ids are kept (``--keep-id``): nbstripout would otherwise renumber ``c00`` as ``0``;
- tags (``parameters``), ``kernelspec``, ``metadata.helpers`` and ``language_info.name``
  are kept, as nbstripout does;
- the rest of ``language_info`` (the kernel's Python version and lexers, written on every
  run) and papermill's run metadata are stripped (``EXTRA_KEYS``).

Stripping a clean committed notebook changes nothing (``tests/test_gitfilter.py``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from . import paths

#: The Python that runs the filter, relative to the top of the work tree (where git runs
#: filters), so a clone, a worktree or a moved checkout each use their own ``.venv``.
PYTHON = ".venv/bin/python"
OPTIONS = ("--keep-id",)
EXTRA_KEYS = (
    "metadata.language_info.codemirror_mode",
    "metadata.language_info.file_extension",
    "metadata.language_info.mimetype",
    "metadata.language_info.nbconvert_exporter",
    "metadata.language_info.pygments_lexer",
    "metadata.language_info.version",
    "metadata.papermill",
    "cell.metadata.papermill",
)


def settings(python: str = PYTHON) -> dict[str, str]:
    """The git config entries of the filter: ``key → value``."""
    command = f"{python} -m nbstripout {' '.join(OPTIONS)}"
    return {
        "filter.nbstripout.clean": command,
        "filter.nbstripout.smudge": "cat",
        "filter.nbstripout.required": "true",
        "filter.nbstripout.extrakeys": " ".join(EXTRA_KEYS),
        "diff.ipynb.textconv": f"{command} -t",
    }


def strip_command(python: str = sys.executable) -> list[str]:
    """The clean filter as an argument list (for running it by hand on a notebook)."""
    return [python, "-m", "nbstripout", *OPTIONS, "--extra-keys", " ".join(EXTRA_KEYS)]


def install(repo: Path = paths.ROOT, python: str = PYTHON) -> bool:
    """Install the filter in ``repo``'s git config; ``False`` when ``repo`` is no git work tree."""
    git = ["git", "-C", str(repo)]
    try:
        inside = subprocess.run([*git, "rev-parse", "--is-inside-work-tree"], capture_output=True, text=True)
    except FileNotFoundError:  # no git on this machine: nothing to protect
        return False
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        return False
    # nbstripout's own set-up first (the attributes are already in the committed .gitattributes),
    # then this project's options
    subprocess.run([sys.executable, "-m", "nbstripout", "--install", "--attributes", ".gitattributes"],
                   cwd=repo, check=True, capture_output=True)
    for key, value in settings(python).items():
        subprocess.run([*git, "config", key, value], check=True)
    return True


def main() -> int:
    if install():
        print("helpers.gitfilter: notebooks go into git without their outputs (nbstripout filter installed)")
    else:
        print(f"helpers.gitfilter: {paths.ROOT} is not a git work tree; no filter installed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
