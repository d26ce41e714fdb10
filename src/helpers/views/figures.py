"""The view of notebook 30 (tabulate the figures): the article's figures, the areas derived
from shares of a known territory, the intervals vague figures stand for (and their chart), and
the figures beside sourced reference figures for the same measures, with a verdict.

A figure is set beside a reference row only when the row measures the same thing
(``compares_with``, in the cue vocabulary of ``data/reference/measures.csv``). Then:

- **not comparable** when the units differ in kind (an advance in km beside an area in km²);
- **within** when the reference value lies in the interval the figure's wording implies;
- **below** or **above** when the whole interval lies under or over it.

Each verdict comes with one line saying what may explain it, from the row's own
description: the population it counts, whether it is a bound or an estimate, and whether it
is older or newer than the article. The chart's title is computed from ``intervals``, the
findings from ``categories``, ``figures``, ``derived`` and ``verdicts``.
"""

from __future__ import annotations

import textwrap
from functools import lru_cache

import pandas as pd

from .. import paths, quantities, resources
from ..display import number
from . import View
from .cells import display_ready, missing

NAME = "30-tabulate-figures"
#: The mission's categories (issue 24): what the notebook's question asks for.
MISSION = ("territorial", "casualty", "displacement")


def build(doc, REFERENCE=None, ARTICLE=None, DATE=None) -> View:  # noqa: N803
    """Everything notebook 30 shows for ``doc`` (a ``Document``), with its parameter
    ``REFERENCE``; ``ARTICLE`` and ``DATE`` are accepted and ignored."""
    article = doc.article
    figs = figure_frame(doc)
    ref_path = reference_path(article, REFERENCE)
    ref = load_reference(ref_path) if ref_path else load_reference().iloc[0:0]
    v = View(NAME)
    sents = {s.sentence_id: s.text for s in doc.sentences}
    shown = figs.assign(sentence=figs["sentence_id"].map(sents))
    shown = shown[["start", "category", "measure", "evidence", "text", "value", "interval", "unit", "approx", "subject", "sentence"]]
    v.tables["figures"] = display_ready(shown.sort_values(["category", "measure"], kind="stable"), precision=4)
    counts = figs["category"].value_counts()
    v.tables["categories"] = pd.DataFrame({"category": list(counts.index), "figures": [int(n) for n in counts]})
    v.tables["derived"] = derived_table(derived(figs))
    v.tables["intervals"] = intervals(figs)
    verdicts = compare(figs, ref, article.date)
    verdicts["reference_value"] = [number(x) for x in verdicts["reference_value"]]  # 122,883, as the findings say it
    v.tables["verdicts"] = display_ready(verdicts)
    v.tables["references"] = display_ready(ref[["measure", "value", "compare_unit", "population", "bound", "as_of",
                                                "source_publisher", "source_kind"]])
    v.captions.update({
        "figures": "Figures by category (sortable, searchable; in text: the figure in the annotated article of report 00)",
        "derived": "Areas derived from shares of a known territory (marked derived)",
        "verdicts": "The article's figures beside sourced figures for the same measures",
        "references": f"Reference figures ({paths.shown(ref_path) if ref_path else 'none'}): as-of dates, definitions and "
                      "publishers vary; never add them up",
        "errors": "Errors on the seed",
    })
    _notes(v, ref)
    _accuracy(v, article)
    v.findings = findings(v.tables)
    if len(v.tables["intervals"]):
        v.titles["intervals"], v.sources["intervals"] = interval_title(v.tables["intervals"]), "intervals"
        v.figures["intervals"] = interval_chart(v.tables["intervals"], v.titles["intervals"],
                                                f"Source: {article.byline or 'article'}, {article.date or 'undated'}; "
                                                "intervals per helpers.vocab")
    return v


def figure_frame(doc) -> pd.DataFrame:
    """The figures table (the quantity layer without durations and ages) with each figure's
    interval as text."""
    figs = quantities.figures(doc)
    figs["interval"] = [format_interval(lo, hi, u) for lo, hi, u in zip(figs["low"], figs["high"], figs["unit"])]
    return figs


def exports(doc) -> dict[str, pd.DataFrame]:
    """The tables notebook 30 writes as CSV for other tools (file name -> frame), values as numbers."""
    figs = figure_frame(doc)
    return {"30-figures.csv": figs, "30-derived-areas.csv": derived(figs)}


def format_interval(low, high, unit=None) -> str:
    """``[10,000, 100,000]``-style text for an interval; an open end is ``0`` or ``∞``."""

    def fmt(x):  # at most two decimals, none trailing: 220, not 220.00 for 220.00000000000003
        return number(float(x), 2)

    lo = fmt(low) if not missing(low) else "0"
    hi = fmt(high) if not missing(high) else "∞"
    u = f" {unit}" if not missing(unit) else ""
    return f"[{lo}, {hi}]{u}"


# ---------------------------------------------------------------- derived areas


@lru_cache(maxsize=1)
def areas() -> pd.DataFrame:
    """Internationally recognised areas (``data/reference/areas.csv``), with sources."""
    return resources.frame("areas.csv")


DERIVED_COLUMNS = ["text", "subject", "share", "area_km2", "low_km2", "high_km2", "whole_km2", "derived",
                   "source", "source_url", "as_of"]


def derived(figs: pd.DataFrame) -> pd.DataFrame:
    """Shares of a territory turned into areas when the whole is known (marked derived)."""
    table = areas().set_index("name")
    rows = []
    for _, f in figs[figs["unit"].isin(["share", "%"])].iterrows():
        if f["subject"] not in table.index:
            continue
        whole = table.loc[f["subject"]]
        factor = 0.01 if f["unit"] == "%" else 1.0

        def conv(x, factor=factor, whole_km2=whole["area_km2"]):
            return None if missing(x) else round(x * factor * whole_km2)

        rows.append({
            "text": f["text"], "subject": f["subject"], "share": f["value"] * factor if not missing(f["value"]) else None,
            "area_km2": conv(f["value"]), "low_km2": conv(f["low"]), "high_km2": conv(f["high"]),
            "whole_km2": whole["area_km2"], "derived": True,
            "source": whole["source_title"], "source_url": whole["source_url"], "as_of": whole["as_of"],
        })
    return pd.DataFrame(rows, columns=DERIVED_COLUMNS)


def derived_table(der: pd.DataFrame) -> pd.DataFrame:
    """The derived areas for reading: the share as a percentage, areas in whole km²."""
    out = der.copy()
    out["share"] = ["" if missing(x) else f"{x:.0%}" for x in der["share"]]
    for col in ("area_km2", "low_km2", "high_km2", "whole_km2"):
        out[col] = ["" if missing(x) else f"{x:,.0f}" for x in der[col]]
    return display_ready(out)


# ---------------------------------------------------------------- the intervals chart


def intervals(figs: pd.DataFrame) -> pd.DataFrame:
    """The figures that stand for a closed interval wider than a point, as the chart draws
    them (shares in %, bounds at display precision), narrowest upper bound first; ``factor``
    is high / low as the title writes it (blank for an interval from zero, which has none),
    ``widest`` marks the row the title names."""
    vague = figs[figs["low"].notna() & figs["high"].notna() & (figs["low"] != figs["high"])]
    rows = []
    for _, f in vague.iterrows():
        scale = 100 if f["unit"] == "share" else 1
        low, high = _round(float(f["low"]) * scale), _round(float(f["high"]) * scale)
        rows.append({"label": f"{f['text']} ({f['measure'] if not missing(f['measure']) else 'no measure cue'})",
                     "text": f["text"], "axis": figure_unit(f["unit"]), "low": low, "high": high,
                     "factor": factor(low, high)})
    out = pd.DataFrame(rows, columns=["label", "text", "axis", "low", "high", "factor"])
    out = out.sort_values("high", kind="stable").reset_index(drop=True)
    ratios = [high / low if low > 0 else None for low, high in zip(out["low"], out["high"])]
    known = [k for k, r in enumerate(ratios) if r is not None]
    widest = max(known, key=lambda k: (ratios[k], -k)) if known else (len(out) - 1 if len(out) else None)
    out["widest"] = [k == widest for k in range(len(out))]
    return out


def factor(low: float, high: float) -> str:
    """How many times the upper bound is the lower: ``10``, ``1.2``; blank when the lower is zero."""
    if low <= 0:
        return ""
    ratio = high / low
    return f"{ratio:,.0f}" if ratio >= 10 else f"{ratio:.1f}"


def _round(x: float) -> float:
    """A bound at display precision (four significant digits: 18, not 18.000000000000004)."""
    return float(f"{x:.4g}")


def interval_title(table: pd.DataFrame) -> str:
    """The chart's title, from ``intervals``: the widest interval and its factor (or, when every
    interval starts at zero, the one with the highest bound)."""
    w = table[table["widest"]].iloc[0]
    if w["factor"]:
        return f"“{w['text']}” spans a factor of {w['factor']} between its bounds"
    unit = {"%": "%", "people": ""}.get(w["axis"], f" {w['axis']}")
    return f"“{w['text']}” gives only an upper bound: from zero to {number(w['high'])}{unit}"


def interval_chart(table: pd.DataFrame, title: str, caption: str):
    """One panel per unit (no axis mixes people, kilometres and shares), one bar per interval,
    on a log scale where the bounds span orders of magnitude and no interval starts at zero (a
    scale every interval of the panel can be drawn on); drawn from ``intervals`` only."""
    from .. import plots

    groups = list(table.groupby("axis", sort=False))
    fig = plots.blank_figure(figsize=(plots.WIDTH, 0.6 + sum(1.3 + 0.45 * len(g) for _, g in groups)), layout="constrained")
    axes = fig.subplots(len(groups), 1, squeeze=False, gridspec_kw={"height_ratios": [1.2 + len(g) for _, g in groups]})
    for ax, (unit, g) in zip(axes[:, 0], groups):
        _interval_panel(ax, unit, g)
    fig.suptitle("\n".join(textwrap.wrap(title, 80)), x=0.01, ha="left", fontweight="bold")
    plots.caption(fig, caption)
    return fig


def _interval_panel(ax, unit: str, g: pd.DataFrame) -> None:
    from .. import plots

    ys = list(range(len(g)))
    # a log scale only where the bounds span orders of magnitude and every interval can be drawn on it: an
    # interval from zero ("less than 2%") cannot, so its panel stays linear (a log axis would cut the bar
    # at an arbitrary edge, and the eye would read a factor the text never gave)
    wide = bool((g["low"] > 0).all()) and g["high"].max() / g["low"].min() >= 20
    lows = g["low"]
    positive = g["low"][g["low"] > 0]
    ax.hlines(ys, lows, g["high"], lw=8, color=plots.OKABE_ITO["blue"], alpha=0.8)
    ax.set_yticks(ys, ["\n".join(textwrap.wrap(label, 40)) for label in g["label"]])
    ax.set_ylim(-0.7, len(g) - 0.3)
    if wide:
        ax.set_xscale("log")
        ax.set_xlim(positive.min() / 1.6, g["high"].max() * 1.6)
        plots.plain_log_axis(ax.xaxis)
    else:
        pad = (g["high"].max() - lows.min()) * 0.5 or 1
        ax.set_xlim(max(0, lows.min() - pad), g["high"].max() + pad)
        plots.plain_axis(ax.xaxis)
    ax.set_title({"people": "Counts", "%": "Shares"}.get(unit, f"Measures in {unit}"), fontsize=11, loc="left")
    what = {"people": "Count", "%": "Percent"}.get(unit, unit)
    ax.set_xlabel(f"{what} implied by the wording" + (" (log scale)" if wide else ""))
    ax.set_ylabel("Figure")
    ax.grid(axis="y", visible=False)


# ---------------------------------------------------------------- beside their sources

VERDICT_COLUMNS = ["text", "measure", "interval", "reference", "reference_value", "unit", "as_of", "verdict", "why",
                   "source_publisher", "source_kind"]


def reference_path(article, given=None):
    """The reference figures for an article: ``given``, or the file named for it in
    ``data/reference/article_settings.csv`` (by SHA-256), or None."""
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
    if missing(unit):
        return "people"
    return "%" if unit in ("share", "%") else str(unit)


def _scaled(value, unit):
    """Shares as percentages, so that 'a fifth' meets '19%'."""
    if missing(value):
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
    as_of = "" if missing(row["as_of"]) else str(row["as_of"])
    if article_date is not None and as_of:
        article = article_date.isoformat()
        when = ("from the article's month" if as_of[:7] == article[:7]
                else "newer than the article" if as_of > article else "older than the article")
        parts.append(f"it dates from {as_of}, {when}" if "month" not in when else f"it dates {when} ({as_of})")
    lead = {"within": "agrees", "below": "the article's figure is lower", "above": "the article's figure is higher"}[verdict]
    return f"{lead}: " + "; ".join(parts)


def compare(figs: pd.DataFrame, ref: pd.DataFrame, article_date=None) -> pd.DataFrame:
    """One row per figure and reference row that measure the same thing, with a verdict."""
    rows = []
    for _, f in figs.iterrows():
        same = ref[(ref["compares_with"] == f["measure"]) & (ref["compares_with"] != "")] if not missing(f["measure"]) \
            else ref.iloc[0:0]
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


# ---------------------------------------------------------------- findings, notes, accuracy


def findings(tables: dict) -> list[str]:
    """The findings, plain text, each computed from the tables it cites."""
    cats, figs = tables["categories"], tables["figures"]
    if figs.empty:
        return ["The article gives no figures to tabulate."]
    total = int(cats["figures"].sum())
    items = [f"{total} figure{'s' if total != 1 else ''}: " + ", ".join(f"{n} {c}" for c, n in zip(cats["category"], cats["figures"])) + "."]
    if not set(cats["category"]) & set(MISSION):
        items.append("The article gives no casualty, displacement or territorial figure.")
    for _, d in tables["derived"].iterrows():
        bounds = f" ({d['low_km2']}–{d['high_km2']} km²)" if d["low_km2"] and d["high_km2"] else ""
        if d["area_km2"]:
            items.append(f"“{d['text']} of {d['subject']}” is about {d['area_km2']} km²{bounds} of {d['whole_km2']} km².")
    points = int((figs["value"] == "").sum())
    if len(figs) == 1:
        items.append("The figure is an interval rather than a point (a range or a vague magnitude)." if points
                     else "The figure is a point, not an interval.")
    else:
        items.append(f"{points} of the {len(figs)} figures are intervals rather than points (ranges or vague magnitudes).")
    verdicts = tables["verdicts"]
    for _, r in verdicts[verdicts["verdict"].isin(["below", "above"])].iterrows():
        items.append(f"“{r['text']}” is {r['verdict']} the {r['reference_value']} of “{r['reference']}”: {r['why']}.")
    agree = verdicts[verdicts["verdict"] == "within"]
    if len(agree):
        k = agree["text"].nunique()
        items.append(f"{k} figure{'' if k == 1 else 's'} agree{'s' if k == 1 else ''} with at least one sourced figure for the same measure.")
    return items


def _notes(v: View, ref: pd.DataFrame) -> None:
    if v.tables["figures"].empty:
        v.notes["figures"] = "This article gives no figures to tabulate."
    if v.tables["derived"].empty:
        v.notes["derived"] = "No share of a known territory in this article."
    if v.tables["intervals"].empty:
        v.notes["intervals"] = "No interval-valued figures in this article."
    if ref.empty:
        v.notes["verdicts"] = "No reference figures for this article (give a table as REFERENCE)."
    elif v.tables["verdicts"].empty:
        v.notes["verdicts"] = "No reference figure measures the same thing as a figure of the article."


def _accuracy(v: View, article) -> None:
    if article.sha256 != paths.SEED_SHA256:
        v.notes["accuracy"] = "No gold annotation for this article: the extractor's accuracy on annotated text is in notebook 90."
        return
    from .. import evaluate

    scores, errors = evaluate.seed("figures")
    v.tables["accuracy"] = pd.DataFrame({"measure": list(scores),
                                         "score": [f"{x:.3g}" if isinstance(x, float) else str(x) for x in scores.values()]})
    v.tables["errors"] = display_ready(errors)
    if errors.empty:
        v.notes["errors"] = "No errors: every gold figure found with the right value, nothing spurious."


def audit(view: View) -> list[tuple[str, str]]:
    """The figures view's own checks: the chart's title is what its table says (written again
    from ``intervals``, whose ``factor`` is high / low), and the chart draws one bar per row."""
    problems = []
    table = view.tables["intervals"]
    for _, row in table.iterrows():
        if row["factor"] != factor(row["low"], row["high"]):
            problems.append(("interval factor", f"{row['text']}: factor {row['factor']} for [{row['low']}, {row['high']}]"))
    if "intervals" in view.titles and view.titles["intervals"] != interval_title(table):
        problems.append(("title", f"intervals: {view.titles['intervals']!r} is not what the intervals table says"))
    fig = view.figures.get("intervals")
    if fig is not None:
        bars = sum(len(ax.get_yticks()) for ax in fig.axes)
        if bars != len(table):
            problems.append(("chart rows", f"{bars} bars drawn for {len(table)} rows of 'intervals'"))
    return problems
