"""What the timeline notebook draws: its settings, the context events it sets beside the
article, which of them the article refers to, and the numbered points of each panel.

Nothing here knows an article: the focal event, the span and the context file are
parameters; an article listed in ``data/reference/article_settings.csv`` (by SHA-256) gets
its defaults from there, any other takes its own date as the focal point, its earliest
reference as the start, and no context.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import paths, resources

PRECISION_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366, "decade": 3653}
ZOOM_DAYS = 14
CONTEXT_COLUMNS = ["date", "event", "actors", "category", "source_title", "source_url", "source_publisher", "source_kind"]


@dataclass(frozen=True)
class Focus:
    """The timeline's settings: what it runs to, from when, and beside which context."""

    date: dt.date
    label: str
    start: dt.date
    context: Path | None


def _date(value) -> dt.date | None:
    if value in (None, "") or (isinstance(value, float) and pd.isna(value)):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def settings(article, events: pd.DataFrame, focal_date=None, focal_label=None, start=None, context=None) -> Focus:
    """The notebook's parameters with their defaults filled in (see the module's docstring)."""
    known = next((r for r in resources.rows("article_settings.csv") if r["sha256"] == article.sha256), {})
    dated = events[events["date"].notna()]["date"] if len(events) else pd.Series([], dtype=object)
    date = _date(focal_date) or _date(known.get("focal_date")) or article.date or (max(dated) if len(dated) else None)
    if date is None:  # no date anywhere: nothing will be drawn, and nothing may depend on today
        return Focus(dt.date(2000, 1, 1), "no reference date", dt.date(1999, 12, 31), None)
    label = focal_label or known.get("focal_label") or ("the article's date" if date == article.date else f"{date:%d %b %Y}")
    first = min(dated) if len(dated) else date - dt.timedelta(days=ZOOM_DAYS)
    begin = _date(start) or _date(known.get("start")) or dt.date(first.year, 1, 1)
    ctx = context or known.get("context") or None
    return Focus(date, label, min(begin, date - dt.timedelta(days=1)), _context_path(ctx) if ctx else None)


def _context_path(name) -> Path:
    """A context file: a path as given, or a file name under ``data/reference/``."""
    p = paths.resolve(name)
    return p if p.exists() else paths.REFERENCE / str(name)


def load_context(path=None) -> pd.DataFrame:
    """A context-events table (``data/reference/context_events.csv`` by default), ``date`` parsed
    and each row numbered ``C1``, ``C2`` … in date order."""
    ctx = pd.read_csv(path or paths.REFERENCE / "context_events.csv", dtype=str, keep_default_na=False)
    for col in CONTEXT_COLUMNS:
        if col not in ctx:
            ctx[col] = ""
    ctx["date"] = pd.to_datetime(ctx["date"]).dt.date
    ctx = ctx.sort_values("date", kind="stable").reset_index(drop=True)
    ctx.insert(0, "ref", [f"C{k + 1}" for k in range(len(ctx))])
    return ctx


# ---------------------------------------------------------------- which context the article refers to

_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]+")


def _stems(text: str) -> set[str]:
    """Content words of a text, stemmed (NLTK's Porter stemmer: ``meeting`` and ``meet`` agree)."""
    from nltk.stem import PorterStemmer

    stop, stem = resources.stopwords(), PorterStemmer().stem
    words = (w.lower().removesuffix("’s").removesuffix("'s") for w in _WORD.findall(text or ""))
    return {stem(w) for w in words if w not in stop and len(w) > 2}


def _text(value) -> str:
    """A cell's text, ``""`` when it is missing (pandas' string columns hold a missing value as NaN)."""
    return "" if value is None or pd.isna(value) else str(value)


def _candidates(e, context: pd.DataFrame) -> list[tuple[int, dt.date, str, str]]:
    """Context events in the period of reference ``e`` that share a participant or a word
    with its event: (how much they share, date, ref, why), best first."""
    until = e["date"] + dt.timedelta(days=PRECISION_DAYS[e["precision"]] - 1)
    people = {p.strip().lower() for p in _text(e["participants"]).split(";") if p.strip()}
    words = _stems(_text(e["event"]))
    out = []
    for _, c in context[(context["date"] >= e["date"]) & (context["date"] <= until)].iterrows():
        actors = {a.strip().lower() for a in _text(c.get("actors", "")).split(";") if a.strip()}
        shared = sorted(people & actors) + sorted(words & (_stems(_text(c["event"])) | {w for a in actors for w in _stems(a)}))
        if shared:
            why = f"{e['text']} ({e['precision']}): shares {', '.join(dict.fromkeys(shared))}"
            out.append((len(set(shared)), c["date"], c["ref"], why))
    return sorted(out, key=lambda t: (-t[0], t[1]))


def match_context(events: pd.DataFrame, context: pd.DataFrame) -> pd.DataFrame:
    """For each context event, the article's references to it. A dated reference refers to the
    context event in its period (a day-precise one: that day) that shares the most with its
    event, participants or content words (stemmed); ties go to the earliest. Columns: ``ref``,
    ``date``, ``event``, ``timex_ids``, ``article_wording``, ``why``."""
    found: dict[str, list] = {}
    for _, e in events[events["date"].notna()].iterrows():
        best = _candidates(e, context)
        if best:
            found.setdefault(best[0][2], []).append((e, best[0][3]))
    rows = []
    for _, c in context.iterrows():
        hits = found.get(c["ref"], [])
        rows.append({
            "ref": c["ref"], "date": c["date"], "event": c["event"],
            "timex_ids": ", ".join(str(e["timex_id"]) for e, _ in hits),
            "article_wording": "; ".join(str(e["event"] or e["text"]) for e, _ in hits),
            "why": "; ".join(why for _, why in hits),
        })
    return pd.DataFrame(rows, columns=["ref", "date", "event", "timex_ids", "article_wording", "why"])


# ---------------------------------------------------------------- the points of a panel


def _stamp(date: dt.date, precision: str) -> str:
    return {"day": f"{date.day} {date:%b %Y}", "week": f"week of {date.day} {date:%b %Y}", "month": f"{date:%b %Y}",
            "year": str(date.year), "decade": f"{date.year}s"}[precision]


def article_points(events: pd.DataFrame, matches: pd.DataFrame, context: pd.DataFrame) -> pd.DataFrame:
    """The article's dated references, numbered in date order, one row per reference: drawn
    at the day of the context event it refers to when one identifies the day, otherwise from
    the start of the period it covers. Columns: ``no``, ``date``, ``until``, ``stamp``,
    ``text``, ``event``, ``context_ref``."""
    day_of = {}
    for _, m in matches[matches["timex_ids"] != ""].iterrows():
        for tid in m["timex_ids"].split(", "):
            day_of.setdefault(int(tid), (m["date"], m["ref"]))
    rows = []
    dated = events[events["date"].notna()].sort_values(["date", "timex_id"], kind="stable")
    for _, e in dated.iterrows():
        date, ref = day_of.get(int(e["timex_id"]), (e["date"], ""))
        period_end = e["date"] + dt.timedelta(days=PRECISION_DAYS[e["precision"]] - 1)
        rows.append({
            "date": date, "until": date if ref else period_end, "stamp": _stamp(e["date"], e["precision"]),
            "text": e["text"], "event": e["event"] or "", "context_ref": ref, "type": e["type"],
        })
    out = pd.DataFrame(rows, columns=["date", "until", "stamp", "text", "event", "context_ref", "type"])
    out = out.sort_values("date", kind="stable").reset_index(drop=True)
    out.insert(0, "no", range(1, len(out) + 1))
    return out


def chart_items(points: pd.DataFrame, context: pd.DataFrame, start: dt.date, end: dt.date) -> pd.DataFrame:
    """What a panel draws between ``start`` and ``end``: one label per point, the article's
    numbered (``3``) and the context's by reference (``C5``); every label is short, and the
    table beside the chart gives each in full. Columns: ``date``, ``until``, ``label``,
    ``kind`` (article / context), ``lane`` (a context event's category)."""
    rows = []
    inside = points[(points["date"] >= start) & (points["date"] <= end)]
    for date, g in inside.groupby("date", sort=True):
        rows.append({"date": date, "until": max(g["until"]), "label": ", ".join(map(str, g["no"])), "kind": "article", "lane": ""})
    ctx = context[(context["date"] >= start) & (context["date"] <= end)]
    for _, c in ctx.iterrows():
        rows.append({"date": c["date"], "until": c["date"], "label": c["ref"], "kind": "context", "lane": c["category"]})
    return pd.DataFrame(rows, columns=["date", "until", "label", "kind", "lane"]).sort_values(["kind", "date"], kind="stable").reset_index(drop=True)


def headline(points: pd.DataFrame, focus: Focus) -> str:
    """The chart's title: how far back the article reaches and how much sits in the last week
    before the focal event."""
    if points.empty:
        return "The article dates no events"
    first = min(points["date"])
    near = int(((points["date"] >= focus.date - dt.timedelta(days=7)) & (points["date"] <= focus.date)).sum())
    return (f"The article reaches back to {first.year}; {near} of its {len(points)} dated references "
            f"fall in the week before {focus.label}")
