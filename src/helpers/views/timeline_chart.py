"""What the timeline view draws: its settings, the context events it sets beside the
article, which of them the article refers to, the numbered points and the panels.

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
    label = focal_label or known.get("focal_label") or ("the article's date" if date == article.date else f"{date.day} {date:%B %Y}")
    first = min(dated) if len(dated) else shift(date, -ZOOM_DAYS)
    begin = _date(start) or _date(known.get("start")) or dt.date(first.year, 1, 1)
    ctx = context or known.get("context") or None
    return Focus(date, label, min(begin, shift(date, -1)), _context_path(ctx) if ctx else None)


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


def text_of(value) -> str:
    """A cell as text: ``""`` for a missing value (``None``, and the ``NaN`` pandas puts in an
    object column, which is truthy, so ``value or ""`` would keep it)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value)


def _stems(text) -> set[str]:
    """Content words of a text, stemmed (NLTK's Porter stemmer: ``meeting`` and ``meet`` agree)."""
    from nltk.stem import PorterStemmer

    stop, stem = resources.stopwords(), PorterStemmer().stem
    words = (w.lower().removesuffix("’s").removesuffix("'s") for w in _WORD.findall(text_of(text)))
    return {stem(w) for w in words if w not in stop and len(w) > 2}


def _candidates(e, context: pd.DataFrame) -> list[tuple[int, dt.date, str, str]]:
    """Context events in the period of reference ``e`` that share a participant or a word
    with its event: (how much they share, date, ref, why), best first."""
    until = period_end(e["date"], e["precision"])
    people = {p.strip().lower() for p in text_of(e["participants"]).split(";") if p.strip()}
    words = _stems(e["event"])
    out = []
    for _, c in context[(context["date"] >= e["date"]) & (context["date"] <= until)].iterrows():
        actors = {a.strip().lower() for a in text_of(c.get("actors", "")).split(";") if a.strip()}
        shared = sorted(people & actors) + sorted(words & (_stems(c["event"]) | {w for a in actors for w in _stems(a)}))
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
            "article_wording": "; ".join(text_of(e["event"]) or text_of(e["text"]) for e, _ in hits),
            "why": "; ".join(why for _, why in hits),
        })
    return pd.DataFrame(rows, columns=["ref", "date", "event", "timex_ids", "article_wording", "why"])


# ---------------------------------------------------------------- the points of a panel


def shift(date: dt.date, days: int) -> dt.date:
    """``date`` moved by ``days``, held inside the calendar (years 1 to 9999)."""
    try:
        return date + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def period_end(date: dt.date, precision: str) -> dt.date:
    """The last day of the day, week, month, year or decade that starts on ``date``."""
    return shift(date, PRECISION_DAYS.get(precision, 1) - 1)


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
        rows.append({
            "date": date, "until": date if ref else period_end(e["date"], e["precision"]),
            "stamp": _stamp(e["date"], e["precision"]),
            "text": e["text"], "event": text_of(e["event"]), "context_ref": ref, "type": e["type"],
        })
    out = pd.DataFrame(rows, columns=["date", "until", "stamp", "text", "event", "context_ref", "type"])
    out = out.sort_values("date", kind="stable").reset_index(drop=True)
    out.insert(0, "no", range(1, len(out) + 1))
    return out


def number_label(numbers) -> str:
    """Reference numbers as a chart label, runs shortened: ``8–16``, ``3, 5``, ``1–3, 7``."""
    runs: list[list[int]] = []
    for n in sorted(int(x) for x in numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}, {r[1]}" if len(r) == 2 else f"{r[0]}–{r[-1]}" for r in runs)


def chart_items(points: pd.DataFrame, context: pd.DataFrame, start: dt.date, end: dt.date) -> pd.DataFrame:
    """What a panel draws between ``start`` and ``end``: one label per point, the article's
    numbered (``3``) and the context's by reference (``C5``); every label is short, and the
    table beside the chart gives each in full. Columns: ``date``, ``until``, ``label``,
    ``kind`` (article / context), ``lane`` (a context event's category)."""
    rows = []
    inside = points[(points["date"] >= start) & (points["date"] <= end)]
    for date, g in inside.groupby("date", sort=True):
        rows.append({"date": date, "until": max(g["until"]), "label": number_label(g["no"]), "kind": "article", "lane": ""})
    ctx = context[(context["date"] >= start) & (context["date"] <= end)]
    for _, c in ctx.iterrows():
        rows.append({"date": c["date"], "until": c["date"], "label": c["ref"], "kind": "context", "lane": c["category"]})
    return pd.DataFrame(rows, columns=["date", "until", "label", "kind", "lane"]).sort_values(["kind", "date"], kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------- the panels


PANEL_COLUMNS = ["panel", "start", "end", "days", "references", "context_events"]


def span(start: dt.date, end: dt.date) -> str:
    """A span of days as a title says it: ``1–17 August 2025``, ``28 July to 3 August 2025``,
    ``1 January 2014 to 17 August 2025``."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%B %Y}" if start != end else f"{end.day} {end:%B %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%B} to {end.day} {end:%B %Y}"
    return f"{start.day} {start:%B %Y} to {end.day} {end:%B %Y}"


def zoom_window(focus: Focus, points: pd.DataFrame) -> tuple[dt.date, dt.date]:
    """The days the lower panel draws: the ``ZOOM_DAYS`` before the focal date, the focal
    date, and two days after it or after the last reference of the ``ZOOM_DAYS`` after it."""
    after = [d for d in points["date"] if focus.date < d <= shift(focus.date, ZOOM_DAYS)] if len(points) else []
    return shift(focus.date, -ZOOM_DAYS), shift(max([focus.date, *after]), 2)


def panels(points: pd.DataFrame, context: pd.DataFrame, focus: Focus) -> pd.DataFrame:
    """The chart's panels, as drawn: ``recent`` (the zoom window) when anything falls in it,
    and ``overview`` (from the chart's start to the last day anything covers) when some
    reference falls outside it. ``references`` and ``context_events`` count what each panel
    draws; a reference before the chart's start is in the table, not on the chart."""
    if points.empty:
        return pd.DataFrame(columns=PANEL_COLUMNS)
    zs, ze = zoom_window(focus, points)
    in_zoom = (points["date"] >= zs) & (points["date"] <= ze)
    ctx_zoom = (context["date"] >= zs) & (context["date"] <= ze) if len(context) else pd.Series([], dtype=bool)
    rows = []
    outside = points[~in_zoom & (points["date"] >= focus.start)]
    if len(outside):
        last = max([ze, *outside["until"], *outside["date"]])
        start = min(focus.start, zs)
        ctx_out = context[~ctx_zoom & (context["date"] >= start) & (context["date"] <= last)] if len(context) else context
        rows.append(["overview", start, last, (last - start).days + 1, len(outside), len(ctx_out)])
    if in_zoom.any() or (len(context) and ctx_zoom.any() and rows):
        rows.append(["recent", zs, ze, (ze - zs).days + 1, int(in_zoom.sum()), int(ctx_zoom.sum()) if len(context) else 0])
    return pd.DataFrame(rows, columns=PANEL_COLUMNS)


def panel_items(points: pd.DataFrame, context: pd.DataFrame, panel, zoom=None) -> pd.DataFrame:
    """What one row of ``panels`` draws; in the overview (``zoom``: the recent panel's first
    and last day), only what lies outside the days the recent panel draws."""
    items = chart_items(points, context, panel["start"], panel["end"])
    if zoom is None:
        return items
    return items[(items["date"] < zoom[0]) | (items["date"] > zoom[1])].reset_index(drop=True)


def draw(points: pd.DataFrame, context: pd.DataFrame, table: pd.DataFrame, focus: Focus, *,
         title: str, panel_titles: list[str], caption: str):
    """The timeline figure: one panel per row of ``table`` (``panels``), drawn from the points
    and context tables only."""
    from .. import plots

    zoom = zoom_window(focus, points) if (table["panel"] == "recent").any() else None
    specs = []
    for (_, p), head in zip(table.iterrows(), panel_titles):
        overview = p["panel"] == "overview"
        specs.append({"items": panel_items(points, context, p, zoom if overview else None), "start": p["start"],
                      "end": p["end"], "band": zoom if overview else None, "title": head})
    fig, axes = plots.timeline_chart(specs, title=title, marker_end=focus.date,
                                     end_label=f"{focus.label}, {focus.date.day} {focus.date:%b %Y}")
    axes[-1].set_xlabel("Date")
    plots.caption(fig, caption)
    return fig
