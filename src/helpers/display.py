"""Small display helpers for notebooks: article text is always escaped before it is shown."""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~$])")


def md_escape(text: object) -> str:
    """Escape text for a Markdown cell: HTML's ``&``, ``<`` and ``>`` first (quotes need no
    escaping in text, and an entity such as ``&#x27;`` would be broken by the next step),
    then Markdown's punctuation."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))


def bullets(items: list[str]) -> str:
    """A Markdown bullet list (items must already be escaped)."""
    return "\n".join(f"- {item}" for item in items)


class _Shown:
    """What ``table`` returns: already displayed, so it displays as nothing (not ``None``)."""

    def _ipython_display_(self):
        pass


SHOWN = _Shown()

#: Tables longer than this are shown as a plain (escaped, static) table of their first rows.
INTERACTIVE_MAX_ROWS = 5000
_itables_ready = False
_tables_shown = 0


def table(df, caption: str = "", precision: int = 3, max_rows: int = INTERACTIVE_MAX_ROWS):
    """Show a DataFrame as an interactive table (sort, search, pages), offline and escaped.

    ITables embeds its JavaScript in the notebook on first use (``connected=False``), so the
    table works in JupyterLab and in the exported HTML with no network. Cell text is HTML-
    escaped (ITables' default since 2.4; asserted here with ``allow_html=False``). A table
    longer than ``max_rows`` falls back to a static pandas Styler (also escaped) showing the
    first ``max_rows`` rows, with a note.
    """
    global _itables_ready, _tables_shown
    import itables
    import pandas as pd
    from IPython.display import HTML, display

    view = df.reset_index(drop=True).copy()
    text_cols = []
    for k, col in enumerate(view.columns):
        if pd.api.types.is_float_dtype(view[col]):
            rounded = view[col].round(precision)
            view[col] = rounded.astype(object).where(rounded.notna(), "")  # a blank, not "NaN"
        elif not pd.api.types.is_numeric_dtype(view[col]) and not pd.api.types.is_bool_dtype(view[col]):
            view[col] = view[col].astype(object).where(view[col].notna(), "")  # no "NaN" in text columns
            text_cols.append(k)
    if len(view) > max_rows:
        display(HTML(f"<p><em>{html.escape(caption)}: {len(view):,} rows; the first {max_rows:,} are shown as a static table.</em></p>"))
        _tables_shown += 1
        styler = view.head(max_rows).style.set_uuid(f"helpers_static_{_tables_shown}")
        display(styler.format(precision=precision, na_rep="", escape="html").hide(axis="index"))
        return SHOWN
    if not _itables_ready:
        itables.init_notebook_mode(all_interactive=False, connected=False)
        _itables_ready = True
    _tables_shown += 1  # a stable id per table, so a rebuilt report is the same HTML
    options = {"columnDefs": [{"className": "dt-left", "targets": text_cols}]} if text_cols else {}
    itables.show(
        view, caption=caption or None, table_id=f"helpers_table_{_tables_shown}", **options, allow_html=False, showIndex=False, lengthMenu=[10, 25, 50, 100],
        pageLength=10 if len(view) > 15 else max(len(view), 1), classes="display compact",
        display_logo_when_loading=False,
    )
    return SHOWN
