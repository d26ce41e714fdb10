"""The audit: every layer and every view of each article, checked for what a reader would call broken.

::

    python -m helpers audit data/corpus            # a folder of articles (or one file)
    python -m helpers audit --jsonl corpus.jsonl --date 2016-10-01 --jobs 2 --json

For each article it computes every layer and builds every notebook's view (charts drawn off
screen) and runs the checks of ``audit.checks``: nothing raises; offsets are exact; no table
cell, title or finding shows ``None`` or ``nan``, nor a float past the display precision;
every number of a chart's title is in the table it is computed from; no two labels of a chart
overlap and none is cut at its edge; every shown speaker is a noun phrase; no two statements
share or nest their content; no figure is a year, an age, a clock time, an ordinal, a score or
an identifier; and each view's own checks (``audit(view)`` in its module). An article with
problems prints one line; a summary table closes the run.
"""

from __future__ import annotations

import importlib
import traceback
from collections import Counter
from dataclasses import dataclass

from . import checks

#: Every check, in the order the summary lists them.
CHECKS = (
    "raises", "offsets", "table cells", "title and table", "chart labels", "speaker phrase",
    "duplicate statements", "not a figure", "view",
)
#: The layers audited (statements and quantities include what the CLI prints).
LAYERS = ("sentences", "tokens", "names", "statements", "timexes", "events", "quantities")


@dataclass(frozen=True)
class Problem:
    check: str
    where: str
    detail: str

    def as_dict(self) -> dict:
        return {"check": self.check, "where": self.where, "detail": self.detail}


def _raised(where: str, err: BaseException) -> Problem:
    frame = traceback.extract_tb(err.__traceback__)[-1] if err.__traceback__ else None
    at = f" at {frame.filename.split('/helpers/')[-1]}:{frame.lineno}" if frame else ""
    return Problem("raises", where, f"{type(err).__name__}: {str(err)[:120]}{at}")


def audit_layers(doc) -> list[Problem]:
    """The checks on the layers themselves."""
    problems, layers = [], {}
    for name in LAYERS:
        try:
            layers[name] = doc.layer(name)
        except Exception as err:  # noqa: BLE001 (the audit reports what raises, and goes on)
            problems.append(_raised(f"layer {name}", err))
    problems += [Problem("offsets", w, d) for w, d in checks.offsets(doc.text, layers)]
    statements = layers.get("statements", ())
    problems += [Problem("speaker phrase", w, d) for w, d in checks.speakers(statements)]
    problems += [Problem("duplicate statements", w, d) for w, d in checks.duplicate_statements(statements)]
    if "quantities" in layers:
        from ..quantities import figure_records

        problems += [Problem("not a figure", w, d) for w, d in checks.figures(doc.text, figure_records(layers["quantities"]))]
    return problems


def audit_view(view, module=None) -> list[Problem]:
    """The checks on one built view: its tables, titles, findings and charts."""
    from ..views import labels

    out = []
    for name, df in view.tables.items():
        out += [Problem("table cells", f"{view.name}: {w}", d) for w, d in checks.table_cells(name, df)]
    for chart, title in view.titles.items():
        where = f"{view.name}: title of {chart}"
        out += [Problem("table cells", where, d) for _, d in checks.text_values(where, title)]
        source = view.tables.get(view.sources.get(chart, ""))
        out += [Problem("title and table", w, d) for w, d in checks.title_matches_table(where, title, source)]
    for k, finding in enumerate(view.findings):
        out += [Problem("table cells", w, d) for w, d in checks.text_values(f"{view.name}: finding {k + 1}", finding)]
    for chart, fig in view.figures.items():
        out += [Problem("chart labels", f"{view.name}: {chart}", d) for d in labels.label_problems(fig)]
    if module is not None and hasattr(module, "audit"):
        out += [Problem("view", f"{view.name}: {w}", d) for w, d in module.audit(view)]
    return out


def audit_document(doc, parameters: dict | None = None) -> list[Problem]:
    """Every check on one document: its layers, then every notebook's view."""
    from .. import views

    problems = audit_layers(doc)
    for notebook, spec in views.VIEWS.items():
        try:
            module = importlib.import_module(spec.split(":")[0])
            view = views.build(notebook, doc, **(parameters or {}).get(notebook, {}))
        except Exception as err:  # noqa: BLE001
            problems.append(_raised(f"view {notebook}", err))
            continue
        try:
            problems += audit_view(view, module)
        except Exception as err:  # noqa: BLE001 (a check that raises is a problem of the view)
            problems.append(_raised(f"audit of {notebook}", err))
        finally:
            view.close()
    return problems


def summary(results: list[tuple[str, list[Problem]]]) -> dict:
    """Articles audited, articles with problems, and per check the problems and articles."""
    per_check = {c: Counter() for c in CHECKS}
    for article_id, problems in results:
        for p in problems:
            per_check.setdefault(p.check, Counter())[article_id] += 1
    return {
        "articles": len(results),
        "articles_with_problems": sum(1 for _, p in results if p),
        "checks": {c: {"problems": sum(n.values()), "articles": len(n)} for c, n in per_check.items()},
    }
