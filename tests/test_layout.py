"""The package stays readable: no module over 600 lines, no function over 80."""

from __future__ import annotations

import ast

import pytest

from helpers import paths

SOURCES = sorted((paths.ROOT / "src" / "helpers").rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(paths.ROOT)) for p in SOURCES])
def test_module_and_function_lengths(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 600
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(text))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > 80
    ]
    assert not long
