"""An article's figures beside sourced reference figures, like with like, with a verdict.

A figure is set beside a reference row only when the row measures the same thing
(``compares_with``, in the cue vocabulary of ``data/reference/measures.csv``). Then:

- **not comparable** when the units differ in kind (an advance in km beside an area in km²);
- **within** when the reference value lies in the interval the figure's wording implies;
- **below** or **above** when the whole interval lies under or over it.

Each verdict comes with one line saying what may explain it, from the row's own
description: the population it counts, whether it is a bound or an estimate, and whether it
is older or newer than the article.
"""

from __future__ import annotations

import pandas as pd

from .. import paths

VERDICT_COLUMNS = ["text", "measure", "interval", "reference", "reference_value", "unit", "as_of", "verdict", "why",
                   "source_publisher", "source_kind"]


def reference_path(article, given=None):
    """The reference figures for an article: ``given``, or the file named for it in
    ``data/reference/article_settings.csv`` (by SHA-256), or None."""
    from .. import resources

    if given:
        p = paths.resolve(given)
        return p if p.exists() else paths.REFERENCE / str(given)
    known = next((r for r in resources.rows("article_settings.csv") if r["sha256"] == article.sha256), {})
    return paths.REFERENCE / known["reference_figures"] if known.get("reference_figures") else None


def load_reference(path=None) -> pd.DataFrame:
    """A table of sourced reference figures (``data/reference/reference_figures.csv`` by default)."""
    ref = pd.read_csv(path or paths.REFERENCE / "reference_figures.csv", dtype={"as_of": str})
    for col in ("compares_with", "compare_unit", "population", "bound", "source_kind"):
        if col not in ref:
            ref[col] = ""
    return ref.fillna({"compares_with": "", "compare_unit": "", "population": "", "bound": "", "source_kind": ""})


def figure_unit(unit) -> str:
    """The unit a figure is compared in: a count of people, a percentage, or its own unit."""
    if unit is None or pd.isna(unit):
        return "people"
    return "%" if unit in ("share", "%") else str(unit)


def _scaled(value, unit):
    """Shares as percentages, so that 'a fifth' meets '19%'."""
    if value is None or pd.isna(value):
        return None
    return float(value) * 100 if unit == "share" else float(value)


def _verdict(low, high, ref_low, ref_high) -> str:
    if high is not None and ref_low is not None and high < ref_low:
        return "below"
    if low is not None and ref_high is not None and low > ref_high:
        return "above"
    return "within"


def _why(verdict: str, row, article_date, unit: str) -> str:
    """What may explain a verdict, from the reference row's own description."""
    if verdict == "not comparable":
        return f"the reference is in {row['compare_unit']}, the figure in {unit}"
    parts = [f"the reference counts {row['population']}" if row["population"] else "the reference's population is not stated"]
    if row["bound"]:
        parts.append(f"it is {'an' if row['bound'][0] in 'aeiou' else 'a'} {row['bound']}")
    as_of = str(row["as_of"])
    if article_date is not None and as_of:
        article = article_date.isoformat()
        when = ("from the article's month" if as_of[:7] == article[:7]
                else "newer than the article" if as_of > article else "older than the article")
        parts.append(f"it dates from {as_of}, {when}" if "month" not in when else f"it dates {when} ({as_of})")
    lead = {"within": "agrees", "below": "the article's figure is lower", "above": "the article's figure is higher"}[verdict]
    return f"{lead}: " + "; ".join(parts)


def compare(figs: pd.DataFrame, ref: pd.DataFrame, article_date=None) -> pd.DataFrame:
    """One row per figure and reference row that measure the same thing, with a verdict."""
    from . import format_interval

    rows = []
    for _, f in figs.iterrows():
        same = ref[(ref["compares_with"] == f["measure"]) & (ref["compares_with"] != "")] if f["measure"] else ref.iloc[0:0]
        for _, r in same.iterrows():
            unit = figure_unit(f["unit"])
            lo, hi = _scaled(f["low"], f["unit"]), _scaled(f["high"], f["unit"])
            ref_lo = r["low"] if pd.notna(r["low"]) else r["value"]
            ref_hi = r["high"] if pd.notna(r["high"]) else r["value"]
            verdict = "not comparable" if unit != r["compare_unit"] else _verdict(lo, hi, ref_lo, ref_hi)
            rows.append({
                "text": f["text"], "measure": f["measure"], "interval": format_interval(f["low"], f["high"], f["unit"]),
                "reference": r["measure"], "reference_value": r["value"], "unit": r["compare_unit"], "as_of": r["as_of"],
                "verdict": verdict, "why": _why(verdict, r, article_date, unit),
                "source_publisher": r["source_publisher"], "source_kind": r["source_kind"],
            })
    out = pd.DataFrame(rows, columns=VERDICT_COLUMNS)
    order = {"within": 0, "below": 1, "above": 1, "not comparable": 2}
    return out.sort_values(["text", "verdict"], key=lambda s: s.map(order) if s.name == "verdict" else s, kind="stable")
