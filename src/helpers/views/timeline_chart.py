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
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import paths, resources

ZOOM_DAYS = 14
CONTEXT_COLUMNS = ["date", "event", "label", "actors", "category", "source_title", "source_url", "source_publisher", "source_kind"]


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
    ctx["label"] = [lab.strip() or short_phrase(ev) or ev for lab, ev in zip(ctx["label"], ctx["event"])]
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
    """The last day of the day, week, month, year or decade that starts on ``date`` (a
    calendar's: 31 December of a year, not the first day of the next, so that the bars of
    adjacent years do not meet)."""
    import calendar

    try:
        if precision == "month":
            return date.replace(day=calendar.monthrange(date.year, date.month)[1])
        if precision == "year":
            return dt.date(date.year, 12, 31)
        if precision == "decade":
            return dt.date(min(date.year + 9, 9999), 12, 31)
    except ValueError:
        pass
    return shift(date, {"week": 6}.get(precision, 0))


def _stamp(date: dt.date, precision: str) -> str:
    return {"day": f"{date.day} {date:%b %Y}", "week": f"week of {date.day} {date:%b %Y}", "month": f"{date:%b %Y}",
            "year": str(date.year), "decade": f"{date.year}s"}[precision]


#: Words after a duration that make it point forward from its anchor (``two weeks of campaigning
#: left``, ``five days to go``): ``data/reference/timeline_forward_words.txt``.
FORWARD_WORDS = resources.words("timeline_forward_words.txt")
_DURATION = re.compile(r"P(\d+)([YMWD])")


def _add_duration(date: dt.date, value: str, sign: int) -> dt.date | None:
    """``date`` moved by a duration value (``P2W``, ``P11Y``) forward (``sign`` 1) or back (-1)."""
    from ..timeline.calendar import shift_months

    m = _DURATION.fullmatch(str(value))
    if not m:
        return None
    n, unit = int(m[1]) * sign, m[2]
    if unit in "YM":
        try:
            return shift_months(date, n * (12 if unit == "Y" else 1))
        except ValueError:
            return None
    return shift(date, n * (7 if unit == "W" else 1))


def forward_phrase(after: str) -> str:
    """The words after a duration that make it point forward from its anchor, up to the word
    that does (``of campaigning left``, ``to go``), or ``""``: a word of ``FORWARD_WORDS``
    among the three words after the expression, before any punctuation, or ``to go`` right
    after it."""
    near = re.findall(r"[A-Za-z]+", re.split(r"[,.;:!?—]", after, maxsplit=1)[0])[:3]
    if " ".join(near[:2]).lower() == "to go":
        return "to go"
    hit = next((k for k, w in enumerate(near) if w.lower() in FORWARD_WORDS), None)
    return " ".join(near[:hit + 1]) if hit is not None else ""


def forward(after: str) -> bool:
    """A duration pointing forward from its anchor (``two weeks left``, ``five days to go``; see ``forward_phrase``)."""
    return bool(forward_phrase(after))


def duration_span(e, anchor, after: str = "") -> tuple[dt.date, dt.date] | None:
    """The days a duration covers, in the direction it points: from its anchor forward when
    ``forward``, otherwise back from the anchor (``nearly 11 years of efforts``: 2014 to the
    article's date); None for a duration that is not measured from an anchor."""
    if e.get("type") != "DURATION" or anchor is None or (isinstance(anchor, float) and pd.isna(anchor)):
        return None
    anchor = anchor if isinstance(anchor, dt.date) else dt.date.fromisoformat(str(anchor)[:10])
    if forward(after):
        end = _add_duration(anchor, e["value"], 1)
        return (anchor, end) if end else None
    if e.get("date") is None or (isinstance(e.get("date"), float) and pd.isna(e.get("date"))):
        return None  # a duration the event finder does not date ("for three weeks") is no period of the timeline
    return e["date"], anchor


def article_points(events: pd.DataFrame, matches: pd.DataFrame, context: pd.DataFrame, timexes=None, text: str = "") -> pd.DataFrame:
    """The article's dated references in date order, one row per reference: drawn at the day
    of the context event it refers to when one identifies the day, otherwise over the period
    it covers; a duration measured from its anchor over the days it covers, in the direction
    it points (``timexes``, the timex layer's frame, gives the anchors; ``text`` the words
    after each expression). Columns: ``no``, ``date``, ``until``, ``stamp``, ``text``,
    ``event``, ``label`` (the chart's short phrase), ``context_ref``, ``type``."""
    day_of = {}
    for _, m in matches[matches["timex_ids"] != ""].iterrows():
        for tid in m["timex_ids"].split(", "):
            day_of.setdefault(int(tid), (m["date"], m["ref"]))
    anchors, ends = {}, {}
    if timexes is not None and len(timexes):
        anchors = dict(zip(timexes["timex_id"], timexes["anchor"]))
        ends = dict(zip(timexes["timex_id"], timexes["end"]))
    rows = []
    for _, e in events.iterrows():
        tid = int(e["timex_id"])
        period = duration_span(e, anchors.get(tid), text[ends[tid]:ends[tid] + 40] if tid in ends else "")
        # a forward duration's label keeps the words that make it point forward ("two months to go")
        if period is None and (e["date"] is None or (isinstance(e["date"], float) and pd.isna(e["date"]))):
            continue
        if period is not None:
            date, until, ref = period[0], period[1], ""
            stamp = span(*period) if period[0] != period[1] else _stamp(period[0], "day")
        else:
            date, ref = day_of.get(tid, (e["date"], ""))
            until = date if ref else period_end(e["date"], e["precision"])
            stamp = _stamp(e["date"], e["precision"])
        after = text[ends[tid]:ends[tid] + 40] if tid in ends else ""
        said = f"{e['text']} {forward_phrase(after)}" if period is not None and period[0] != e["date"] else e["text"]
        rows.append({
            "date": date, "until": until, "stamp": stamp, "text": e["text"], "event": text_of(e["event"]),
            "label": point_label(e["event"], said), "context_ref": ref, "type": e["type"], "timex_id": tid,
        })
    out = pd.DataFrame(rows, columns=["date", "until", "stamp", "text", "event", "label", "context_ref", "type", "timex_id"])
    out = out.sort_values(["date", "timex_id"], kind="stable").drop(columns="timex_id").reset_index(drop=True)
    out.insert(0, "no", range(1, len(out) + 1))
    return out


# ---------------------------------------------------------------- labels: short, whole phrases

#: Words a whole phrase does not end on (determiners, prepositions, conjunctions, modals).
OPEN_ENDS = frozenset("""a an the its their his our your my of in on at to for from by with
about as into onto than and or but nor if while because since until before after over under between among through
during against without within will would can could should may might must""".split())
#: Words a long phrase may be cut before: what follows them is a phrase of its own (a
#: prepositional phrase, a clause, a second conjunct), so what comes before reads whole.
_CUT_BEFORE = OPEN_ENDS | {"that", "which", "who", "whom", "whose", "where", "when", "as"}
#: A label line's characters, and a label's lines (a group's header and phrases are one line each).
LABEL_CHARS = 28
LABEL_LINES = 2


#: Conjunctions a clause taken as an event may begin with, which its label leaves out
#: (``even though they exposed his foreign bank accounts``: ``they exposed his foreign bank accounts``).
_LEAD = re.compile(r"^(?:(?:and|but|or|so|even though|though|although|because|since|while|when|if|as|after|before|until)\s+)+",
                   re.IGNORECASE)


def cut_phrase(text: str) -> bool:
    """A phrase cut before its end: it ends on a function word (``in advance of the``)."""
    words = re.findall(r"[\w’'-]+", text)
    return bool(words) and words[-1].lower() in OPEN_ENDS


#: A label does not end on an auxiliary either (``RT America is``): the clause's verb is missing.
_LABEL_OPEN_ENDS = OPEN_ENDS | {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did"}


def _open_label(text: str) -> bool:
    words = re.findall(r"[\w’'-]+", text)
    return bool(words) and words[-1].lower() in _LABEL_OPEN_ENDS


def _balanced(text: str) -> bool:
    return text.count("“") == text.count("”") and text.count("(") == text.count(")") and text.count('"') % 2 == 0


def _wrap(text: str, chars: int) -> list[str]:
    return textwrap.wrap(text, chars, break_long_words=False, break_on_hyphens=False)


def short_phrase(text, chars: int = LABEL_CHARS, lines: int = LABEL_LINES) -> str:
    """A phrase as a chart label of at most ``lines`` lines of ``chars`` characters (joined by
    newlines): the whole phrase when it fits, otherwise its longest beginning that ends where
    a phrase of its own begins (before a preposition, a conjunction, a relative word or after
    a comma: ``a last ditch virtual meeting`` of ``a last ditch virtual meeting with European
    leaders and …``), never on a function word nor inside quotation marks; ``""`` when no
    such beginning fits (the caller then labels with the expression itself)."""
    text = " ".join(text_of(text).split())
    text = _LEAD.sub("", text) or text
    if not text:
        return ""

    def fits(t):
        return len(_wrap(t, chars)) <= lines and all(len(w) <= chars for w in t.split())

    if fits(text) and not _open_label(text):
        return "\n".join(_wrap(text, chars))
    words = text.split()
    for k in range(len(words) - 1, 0, -1):
        nxt, last = words[k].lower().strip("“”\"'(‘"), words[k - 1]
        if not (nxt in _CUT_BEFORE or last.endswith((",", ";", ":")) or words[k] in {"—", "–", "-"}):
            continue
        head = " ".join(words[:k]).rstrip(",;:")
        if head and not _open_label(head) and _balanced(head) and fits(head):
            return "\n".join(_wrap(head, chars))
    return ""


def whole_beginning(label: str, event) -> bool:
    """``label`` (newlines as spaces) is ``event`` whole, or a beginning of it that ends where
    a phrase of its own begins (as ``short_phrase`` cuts), leading conjunctions aside."""
    flat = " ".join(label.split())
    text = " ".join(text_of(event).split())
    text = _LEAD.sub("", text) or text
    if flat == text:
        return True
    if not text.startswith(flat):
        return False
    rest = text[len(flat):]
    nxt = rest.split()[0].lower().strip("“”\"'(‘") if rest.split() else ""
    return rest[:1] in {",", ";", ":"} or (rest[:1] == " " and (nxt in _CUT_BEFORE or nxt in {"—", "–", "-"}))


def point_label(event, text) -> str:
    """A reference's label on the chart: its event phrase, shortened whole; the expression
    itself, quoted, when there is no event or no whole phrase short enough."""
    return short_phrase(event) or f"“{' '.join(text_of(text).split())}”"


def _one_line(label: str) -> str:
    """A label in one line, shortened whole (``""`` when no whole beginning fits one line)."""
    return short_phrase(" ".join(label.split()), LABEL_CHARS, 1)


# ---------------------------------------------------------------- what a panel draws: labels, grouped when crowded

#: Label lines a panel stacks above its axis, and each context lane below it, before
#: neighbouring labels are grouped by period with a count.
MAX_LINES = 10
LANE_LINES = 4
#: How a label's width is estimated before drawing (DejaVu Sans at 8.5 pt: about 0.55 em a
#: character) and the width of a panel's axes (the chart's width less its margins), in points.
CHAR_PT = 4.8
PERIODS = ("week", "month", "year", "decade")


def _bucket(date: dt.date, period: str):
    """The week (Monday), month, year or decade ``date`` falls in: (key, stamp)."""
    if period == "week":
        monday = date - dt.timedelta(days=date.weekday())
        return ("week", monday), f"week of {monday.day} {monday:%b %Y}"
    if period == "month":
        return ("month", date.year, date.month), f"{date:%b %Y}"
    if period == "year":
        return ("year", date.year), str(date.year)
    return ("decade", date.year // 10), f"{date.year // 10 * 10}s"


def group_label(members: list[str], noun: str, stamp: str = "") -> str:
    """The label of references (``members``, their labels) drawn as one: the label itself for
    one; three or fewer different phrases one a line, bulleted (``• Wednesday’s meeting ×2``); more, or a
    period's group, a count (``9 references``, ``3 references, Aug 2025``) over the most
    frequent phrase."""
    counts: dict[str, int] = {}
    for m in members:
        counts[m] = counts.get(m, 0) + 1
    if len(members) == 1 and not stamp:
        return members[0]
    ordered = sorted(counts, key=lambda m: (m.startswith("“"), -counts[m]))  # an event's phrase before a bare expression
    ones = {m: _one_line(m) for m in ordered}
    if not stamp and len(counts) <= 3 and all(ones.values()):
        lines = [ones[m] + (f" ×{counts[m]}" if counts[m] > 1 else "") for m in ordered]
        return "\n".join(f"• {line}" for line in lines) if len(lines) > 1 else lines[0]
    head = f"{len(members)} {noun}{'' if len(members) == 1 else 's'}" + (f", {stamp}" if stamp else "")
    first = next((ones[m] for m in ordered if ones[m]), "")
    return head + (f"\nsuch as {first}" if first and len(counts) > 1 else f"\n{first}" if first else "")


def _estimate(items: list[dict], start: dt.date, end: dt.date, axes_pt: float) -> int:
    """Label lines the items would stack to, widths estimated from their characters, each
    label right of its date or left of it (of a period's end), as ``plots`` places them."""
    from ..plots import place_levels

    days = max((end - start).days, 1)
    options = []
    for it in items:
        x = (it["date"] - start).days / days * axes_pt
        xu = (min(it["until"], end) - start).days / days * axes_pt
        w = max(len(line) for line in it["label"].split("\n")) * CHAR_PT + 10
        lines = it["label"].count("\n") + 1
        opts = [(x, max(x + w, xu), lines)] if x + w <= axes_pt else []
        if max(x, xu) - w >= 0:
            opts.append((min(x, xu - w), max(x, xu), lines))
        options.append(opts or [(max(0.0, axes_pt - w), axes_pt, lines)])
    placed = place_levels(options, pad=6)
    return max((lv + options[i][k][2] for i, (lv, k) in enumerate(placed)), default=0)


def _grouped(items: list[dict], start, end, limit: int, noun: str, axes_pt: float) -> list[dict]:
    """``items`` with the crowded ones grouped: while the labels stack higher than ``limit``
    lines, the week (then month, year, decade) holding the most labels is drawn as one."""
    items = sorted(items, key=lambda it: (it["date"], it["until"]))
    for period in PERIODS:
        while _estimate(items, start, end, axes_pt) > limit:
            keys: dict = {}
            for it in items:
                keys.setdefault(_bucket(it["date"], period), []).append(it)
            crowded = max(keys.items(), key=lambda kv: len(kv[1]))
            if len(crowded[1]) < 2:
                break
            (_, stamp), members = crowded
            merged = {"date": min(m["date"] for m in members), "until": max(m["until"] for m in members),
                      "members": [x for m in members for x in m["members"]], "lane": members[0]["lane"],
                      "kind": members[0]["kind"], "stamp": stamp}
            merged["label"] = group_label([x[1] for x in merged["members"]], noun, stamp)
            items = sorted([it for it in items if it not in members] + [merged], key=lambda it: (it["date"], it["until"]))
        else:
            return items
    return items


ITEM_COLUMNS = ["date", "until", "label", "kind", "lane", "members", "spans"]


def chart_items(points: pd.DataFrame, context: pd.DataFrame, start: dt.date, end: dt.date,
                axes_pt: float | None = None, skip=None) -> pd.DataFrame:
    """What a panel draws between ``start`` and ``end``: the article's references labelled with
    their phrases (those of one day and period as one label), the context events with theirs,
    in lanes by category; where labels would stack higher than ``MAX_LINES`` (a lane:
    ``LANE_LINES``), neighbours are grouped by period with a count. Columns: ``date``,
    ``until``, ``label``, ``kind`` (article / context), ``lane`` (a context event's
    category), ``members`` (the point numbers or context refs drawn in the label, with their
    labels), ``spans`` (each member's first and last day)."""
    from .. import plots

    axes_pt = axes_pt or plots.AXES_WIDTH * 72
    rows: list[dict] = []
    def outside(dates):
        return (dates < skip[0]) | (dates > skip[1]) if skip is not None else dates == dates

    if len(points):
        inside = points[within(points, start, end) & ~(within(points, *skip) if skip is not None else False)]
    else:
        inside = points
    first: list[dict] = []
    for (date, until), g in inside.groupby(["date", "until"], sort=True):
        members = list(zip(g["no"], g["label"]))
        first.append({"date": date, "until": until, "members": members, "lane": "", "kind": "article",
                      "label": group_label([m[1] for m in members], "reference"), "stamp": ""})
    rows += _grouped(first, start, end, MAX_LINES, "reference", axes_pt)
    ctx = context[(context["date"] >= start) & (context["date"] <= end) & outside(context["date"])] if len(context) else context
    for lane in sorted(set(ctx["category"])) if len(ctx) else []:
        lane_items = [{"date": c["date"], "until": c["date"], "members": [(c["ref"], c["label"])], "lane": lane,
                       "kind": "context", "label": c["label"], "stamp": ""} for _, c in ctx[ctx["category"] == lane].iterrows()]
        rows += _grouped(lane_items, start, end, LANE_LINES, "event", axes_pt)
    spans = dict(zip(points["no"], zip(points["date"], points["until"]))) if len(points) else {}
    ctx_days = dict(zip(context["ref"], context["date"])) if len(context) else {}
    for r in rows:
        r["spans"] = [spans.get(m[0], (r["date"], r["date"])) if r["kind"] == "article" else (ctx_days[m[0]],) * 2
                      for m in r["members"]]
        r["members"] = [m[0] for m in r["members"]]
    return pd.DataFrame(rows, columns=ITEM_COLUMNS).reset_index(drop=True)


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
    date, and two days after it or after the last day a reference covers in the ``ZOOM_DAYS``
    after it."""
    days = [*points["date"], *points["until"]] if len(points) else []
    after = [d for d in days if focus.date < d <= shift(focus.date, ZOOM_DAYS)]
    return shift(focus.date, -ZOOM_DAYS), shift(max([focus.date, *after]), 2)


def within(points: pd.DataFrame, start: dt.date, end: dt.date) -> pd.Series:
    """The references a panel from ``start`` to ``end`` draws whole: those that begin and end in it
    (a period running past its end, ``two months to go``, is drawn where it fits)."""
    return (points["date"] >= start) & (points["date"] <= end) & (points["until"] <= end)


def panels(points: pd.DataFrame, context: pd.DataFrame, focus: Focus) -> pd.DataFrame:
    """The chart's panels, as drawn: ``recent`` (the zoom window) when anything falls in it,
    and ``overview`` (from the chart's start to the last day anything covers) when some
    reference falls outside it. ``references`` and ``context_events`` count what each panel
    draws; a reference before the chart's start is in the table, not on the chart."""
    if points.empty:
        return pd.DataFrame(columns=PANEL_COLUMNS)
    zs, ze = zoom_window(focus, points)
    in_zoom = within(points, zs, ze)
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
    return chart_items(points, context, panel["start"], panel["end"], skip=zoom)


def layout(points: pd.DataFrame, context: pd.DataFrame, table: pd.DataFrame, focus: Focus) -> list[pd.DataFrame]:
    """What each row of ``table`` (``panels``) draws (``panel_items``), in its order."""
    zoom = zoom_window(focus, points) if (table["panel"] == "recent").any() else None
    return [panel_items(points, context, p, zoom if p["panel"] == "overview" else None) for _, p in table.iterrows()]


def on_chart(points: pd.DataFrame, items: list[pd.DataFrame]) -> list[str]:
    """For each point, how the chart shows it: its own label, in a group's label (``in “9
    references”``), or not at all (before the chart's start)."""
    shown = {}
    for frame in items:
        for _, it in frame[frame["kind"] == "article"].iterrows():
            flat = "; ".join(" ".join(line.removeprefix("• ").split()) for line in it["label"].split("\n") if line.strip()) \
                if len(it["members"]) > 1 else " ".join(it["label"].split())
            for no in it["members"]:
                shown[no] = flat if len(it["members"]) == 1 else f"in “{flat}”"
    return [shown.get(no, "not drawn (before the chart's start)") for no in points["no"]]


def draw(items: list[pd.DataFrame], table: pd.DataFrame, focus: Focus, points: pd.DataFrame, *,
         title: str, panel_titles: list[str], caption: str):
    """The timeline figure: one panel per row of ``table`` (``panels``), drawing ``items``
    (``layout``)."""
    from .. import plots

    zoom = zoom_window(focus, points) if (table["panel"] == "recent").any() else None
    specs = []
    for (_, p), its, head in zip(table.iterrows(), items, panel_titles):
        specs.append({"items": its, "start": p["start"], "end": p["end"],
                      "band": zoom if p["panel"] == "overview" else None, "title": head})
    fig, axes = plots.timeline_chart(specs, title=title, marker_end=focus.date,
                                     end_label=f"{focus.label}, {focus.date.day} {focus.date:%b %Y}")
    axes[-1].set_xlabel("Date")
    plots.caption(fig, caption)
    return fig
