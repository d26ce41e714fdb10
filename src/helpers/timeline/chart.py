"""What the timeline notebook draws: the context events and the labels of a panel."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .. import paths

PRECISION_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366, "decade": 3653}


def load_context(path=None) -> pd.DataFrame:
    """``data/reference/context_events.csv`` with ``date`` parsed."""
    ctx = pd.read_csv(path or paths.REFERENCE / "context_events.csv", dtype=str, keep_default_na=False)
    ctx["date"] = pd.to_datetime(ctx["date"]).dt.date
    return ctx


def _clip(text: str, n: int = 48) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _day_label(d: dt.date) -> str:
    return f"{d.day} {d:%b %Y}"


def chart_items(ev: pd.DataFrame, context: pd.DataFrame, start: dt.date, end: dt.date, per_label: int = 3) -> pd.DataFrame:
    """What a timeline panel draws between ``start`` and ``end``: one row per label.

    Article events (DATE expressions, and the start of a duration that runs to the article's
    date) are grouped by date and precision, up to ``per_label`` events per label with ``+k
    more``; context events are one label each. Columns: ``date``, ``until`` (end of the
    period a week/month/year covers), ``label``, ``kind`` (article / context), ``n``.
    """
    rows = []
    dated = ev[ev["date"].notna()].copy()
    dated = dated[(dated["date"] >= start) & (dated["date"] <= end)]
    for (date, precision), g in dated.groupby(["date", "precision"], sort=True):
        names = list(dict.fromkeys(_clip(e if isinstance(e, str) and e else t, 42) for e, t in zip(g["event"], g["text"])))
        shown = names[:per_label] + ([f"+{len(names) - per_label} more"] if len(names) > per_label else [])
        stamp = {
            "day": _day_label(date), "week": "week of " + _day_label(date), "month": date.strftime("%b %Y"),
            "year": str(date.year), "decade": f"{date.year}s",
        }[precision]
        if g["type"].eq("DURATION").any():
            stamp = "about " + stamp
        rows.append({
            "date": date, "until": date + dt.timedelta(days=PRECISION_DAYS[precision] - 1),
            "label": stamp + "\n" + "\n".join(shown), "kind": "article", "n": len(g),
        })
    ctx = context[(context["date"] >= start) & (context["date"] <= end)]
    for _, c in ctx.iterrows():
        rows.append({
            "date": c["date"], "until": c["date"], "label": _day_label(c["date"]) + "\n" + _clip(c["event"], 46),
            "kind": "context", "n": 1,
        })
    return pd.DataFrame(rows, columns=["date", "until", "label", "kind", "n"]).sort_values(["kind", "date"], kind="stable").reset_index(drop=True)


def headline(ev: pd.DataFrame, summit: dt.date) -> str:
    """The chart's title: how far back the article reaches and how much sits in the last week."""
    dated = ev[ev["date"].notna()]
    if dated.empty:
        return "The article dates no events"
    first = min(dated["date"])
    last_week = int((dated["date"] >= summit - dt.timedelta(days=7)).sum())
    return (
        f"The article reaches back to {first.year}, but {last_week} of its {len(dated)} dated "
        f"references fall in the week before the summit"
    )
