"""What each notebook shows, computed from a ``Document``: its tables, findings, titles and charts.

A notebook calls its view and displays the result, with prose around it; nothing it shows is
computed in a cell. The same functions run over whole corpora in ``helpers.audit``, which
checks what a reader would call broken (``None`` in a cell, a title whose numbers are not in
its table, overlapping labels)::

    from helpers.views import build
    v = build("10-compare-sentiment-by-speaker", doc, CAMP_SCHEME=None)
    v.tables["statements"]   # display-ready DataFrames
    v.findings               # plain-text sentences, derived from v.tables
    v.titles["by_camp"]      # a chart's title, derived from v.tables[v.sources["by_camp"]]
    v.figures["by_camp"]     # the matplotlib figure, drawn from that same table
    v.notes["statements"]    # what to say instead when a section has nothing to show

Rules every view keeps (and the audit checks): a title or finding is computed from the table
it describes, never recomputed another way; table cells are display values (no ``None`` or
``nan``: an empty string, or a word); figures are built from the returned tables only.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

import pandas as pd


@dataclass
class View:
    """Everything one notebook shows for one article."""

    name: str
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    #: the table each table's caption belongs to is the table itself; captions by table name
    captions: dict[str, str] = field(default_factory=dict)
    findings: list[str] = field(default_factory=list)
    #: chart name -> its title, and the table that title (and the chart) is computed from
    titles: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    figures: dict = field(default_factory=dict)
    #: section name -> a sentence shown instead of (or beside) its table or chart
    notes: dict[str, str] = field(default_factory=dict)
    #: file name -> the table the notebook writes as CSV for other tools (raw values, not display text)
    exports: dict[str, pd.DataFrame] = field(default_factory=dict)

    def close(self) -> None:
        """Let go of every figure (the audit draws thousands)."""
        import matplotlib.pyplot as plt

        for fig in self.figures.values():
            plt.close(fig)  # a no-op for figures made by plots.figure, which pyplot never held
        self.figures.clear()


#: notebook -> "module:function" of its view; each function takes (doc, **parameters) -> View
VIEWS: dict[str, str] = {
    "00-explore-article": "helpers.views.explore:build",
    "10-compare-sentiment-by-speaker": "helpers.views.speakers:build",
    "20-chart-timeline": "helpers.views.timeline:build",
    "30-tabulate-figures": "helpers.views.figures:build",
}
#: Views that show the project rather than an article (built once, not per article by the audit).
PROJECT_VIEWS: dict[str, str] = {
    "90-measure-accuracy": "helpers.views.accuracy:build",
}


def source_line(article) -> str:
    """A chart's caption naming its source: ``Source: Reuters, 2025-08-14``."""
    return f"Source: {article.byline or article.headline or 'article'}, {article.date or 'undated'}"


def build(notebook: str, doc, **parameters) -> View:
    """The view of ``notebook`` for ``doc`` (a ``Document``), with the notebook's parameters."""
    module, name = (VIEWS | PROJECT_VIEWS)[notebook].split(":")
    return getattr(importlib.import_module(module), name)(doc, **parameters)
