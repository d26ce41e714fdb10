"""Small display helpers for notebooks: article text is always escaped before it is shown."""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~$])")


def md_escape(text: object) -> str:
    """Escape text for a Markdown cell: HTML first, then Markdown's punctuation."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=True))


def bullets(items: list[str]) -> str:
    """A Markdown bullet list (items must already be escaped)."""
    return "\n".join(f"- {item}" for item in items)
