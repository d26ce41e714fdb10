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


def number(value, precision: int = 3) -> str:
    """A number for reading: thousands separated, no trailing zeros (``27``, ``2,000,000,000``,
    ``440,000``, ``0.18``); a value that rounds to zero but is not zero keeps its zeros
    (``-0.000``), so it does not read as exactly zero; blank for a missing value."""
    import math

    if value is None or isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return ""
    v = float(value)
    if v.is_integer():
        return f"{int(v):,}"
    text = f"{v:,.{precision}f}".rstrip("0").rstrip(".")
    return text if text not in ("0", "-0") else f"{v:.{precision}f}"  # a tiny value: 0.000, not 0


#: The report that shows the article with its layers marked (see ``helpers.annotate``).
ANNOTATED_PAGE = "00-explore-article.html"


def table(df, caption: str = "", precision: int = 3, max_rows: int = INTERACTIVE_MAX_ROWS, anchors=None):
    """Show a DataFrame as an interactive table (sort, search, pages), offline and escaped.

    ITables embeds its JavaScript in the notebook on first use (``connected=False``), so the
    table works in JupyterLab and in the exported HTML with no network. Every cell's text is
    HTML-escaped here; floats are written for reading (``number``: ``27``, ``2,000,000,000``,
    ``0.18``), missing values blank. ``anchors`` (one fragment id per row, such as
    ``st-3``) adds a first column linking each row to its place in the annotated article of
    report 00. The page-length selector and search box show on every table; a wide table
    scrolls inside the page. A table longer than ``max_rows`` falls back to a static table of
    its first ``max_rows`` rows, with a note.
    """
    global _itables_ready, _tables_shown
    import itables
    import pandas as pd
    from IPython.display import HTML, display

    view = df.reset_index(drop=True).copy()
    text_cols = []
    for k, col in enumerate(view.columns):
        if pd.api.types.is_float_dtype(view[col]):
            view[col] = [number(v, precision) for v in view[col]]
        elif pd.api.types.is_bool_dtype(view[col]):
            view[col] = view[col].map({True: "true", False: "false"})
        elif not pd.api.types.is_numeric_dtype(view[col]):
            view[col] = [html.escape(str(v)) if not _missing(v) else "" for v in view[col]]
            text_cols.append(k)
    long_cols = [k for k in text_cols if view.iloc[:, k].astype(str).str.len().median() > 40]
    if anchors is not None:
        view.insert(0, "in text", [f'<a href="{ANNOTATED_PAGE}#{html.escape(str(a))}">{html.escape(str(a))}</a>'
                                   if not _missing(a) else "" for a in list(anchors)])
        text_cols = [0] + [k + 1 for k in text_cols]
        long_cols = [k + 1 for k in long_cols]
    if len(view) > max_rows:
        display(HTML(f"<p><em>{html.escape(caption)}: {len(view):,} rows; the first {max_rows:,} are shown as a static table.</em></p>"))
        _tables_shown += 1
        styler = view.head(max_rows).style.set_uuid(f"helpers_static_{_tables_shown}")
        display(styler.hide(axis="index"))  # the cells are escaped above
        return SHOWN
    if not _itables_ready:
        _init_itables()
        display(HTML(f"<style>{TABLE_CSS}</style>"))
        _itables_ready = True
    _tables_shown += 1  # a stable id per table, so a rebuilt report is the same HTML
    # a column of sentences (long_cols) gets room to read; a wide table then scrolls inside the page
    defs = [{"className": "dt-left", "targets": [k for k in text_cols if k not in long_cols]},
            {"className": "dt-left dt-long", "targets": long_cols}]
    options = {"columnDefs": [d for d in defs if d["targets"]]} if text_cols else {}
    itables.show(
        view, table_id=f"helpers_table_{_tables_shown}", **options,
        allow_html=True,  # every cell was escaped above; only the links are HTML
        showIndex=False, lengthMenu=[10, 25, 50, 100], pageLength=10, scrollX=True,
        layout=LAYOUT, classes="display compact", display_logo_when_loading=False,
    )
    if caption:  # below the table, at the page's width: a caption inside a wide table would scroll out of sight
        display(HTML(f'<p class="table-caption">{html.escape(caption)}</p>'))
    return SHOWN


def _init_itables() -> None:
    """ITables' offline set-up (its JavaScript embedded), with its loader shown first.

    ``itables.init_notebook_mode(connected=False)`` (2.9.1) displays a module script that
    awaits ``window._itables_<version>`` to set the dark-theme class, and only then the script
    that defines it. A report runs module scripts after the page is parsed, so the order does
    not matter there, but JupyterLab runs each output's scripts as it inserts them: the first
    found nothing to await and threw "Cannot destructure property 'set_or_remove_dark_class'
    of '(intermediate value)' as it is undefined" in the console. The two outputs are captured
    and shown the other way round.
    """
    import itables
    from IPython.utils.capture import capture_output

    with capture_output(stdout=False, stderr=False, display=True) as captured:
        itables.init_notebook_mode(all_interactive=False, connected=False)
    for output in reversed(captured.outputs):
        output.display()


TABLE_CSS = ".dt-long{min-width:22rem} .table-caption{font-size:0.9em;color:#444;margin:0.2em 0 1.2em}"

#: Every control on every table (ITables hides them on a table that fits one page, which
#: left short tables without a page-length selector; a layout of our own keeps them).
LAYOUT = {"topStart": "pageLength", "topEnd": "search", "bottomStart": "info", "bottomEnd": "paging", "bottom2Start": None}


def _missing(value) -> bool:
    import pandas as pd

    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def setup_tables() -> None:
    """pandas' own tables for reading: whole cells (no ``…``), numbers as ``number`` writes
    them, and a missing value blank rather than ``NaN`` (in a notebook, a DataFrame shown
    as the value of a cell is written by ``frame_html``)."""
    import pandas as pd

    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.float_format", number)
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return
    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.formatters["text/html"].for_type(pd.DataFrame, frame_html)


def frame_html(df) -> str:
    """A DataFrame as escaped HTML for reading: blanks for missing values, numbers by ``number``."""
    import pandas as pd

    return df.to_html(na_rep="", float_format=number, escape=True, max_rows=pd.get_option("display.max_rows"),
                      classes="dataframe")


def show_table(view, name: str, precision: int = 3, anchors=None):
    """Show one table of a view (``helpers.views.View``) with its caption, or the view's note
    for it when the table is empty (or nothing, when there is no note either)."""
    from IPython.display import Markdown, display

    df = view.tables.get(name)
    if df is None or df.empty:
        if name in view.notes:
            display(Markdown(md_escape(view.notes[name])))
        return SHOWN
    return table(df, caption=view.captions.get(name, ""), precision=precision, anchors=anchors)


def show_note(view, name: str):
    """Show a view's note for a section, if it has one."""
    from IPython.display import Markdown, display

    if name in view.notes:
        display(Markdown(md_escape(view.notes[name])))
    return SHOWN


def show_figure(view, name: str, file_name: str, directory):
    """Save one chart of a view as ``file_name`` (PNG + SVG, through ``plots.savefig``) and
    show it, or show the view's note for it when the article has nothing to draw."""
    from . import plots

    if name in view.figures:
        plots.savefig(view.figures[name], file_name, directory)
    else:
        show_note(view, name)
    return SHOWN


def show_findings(view):
    """A view's findings as a Markdown bullet list (each escaped)."""
    from IPython.display import Markdown, display

    display(Markdown(bullets([md_escape(s) for s in view.findings])))
    return SHOWN
