"""The view of notebook 20 (chart the timeline): the article's temporal expressions, the events
they date, the numbered points of the timeline and its panels, the context events it does and
does not refer to, the findings, and the chart.

Every title and finding is computed from a returned table: the chart's title from
``summary`` (itself counted from ``points``), each panel's title from its row of ``panels``
(the days the panel draws, which are also its x-axis limits), the findings from ``types``,
``points``, ``summary`` and ``context``. ``audit(view)`` checks that they still agree.
"""

from __future__ import annotations

import re

import pandas as pd

from .. import paths
from . import View
from . import timeline_chart as tc
from .cells import display_ready

NAME = "20-chart-timeline"
#: The days before the focal date a finding counts: "in the seven days before X" (X excluded).
WINDOW_DAYS = 7


def build(doc, FOCAL_DATE=None, FOCAL_LABEL=None, START=None, CONTEXT=None, ARTICLE=None, DATE=None) -> View:  # noqa: N803
    """Everything notebook 20 shows for ``doc`` (a ``Document``), with its parameters.
    ``ARTICLE`` and ``DATE`` are accepted and ignored: the document already holds the article."""
    article = doc.article
    events = doc.frame("events")
    focus = tc.settings(article, events, FOCAL_DATE, FOCAL_LABEL, START, CONTEXT)
    context = tc.load_context(focus.context) if focus.context else pd.DataFrame(columns=["ref"] + tc.CONTEXT_COLUMNS)
    matches = tc.match_context(events, context)
    points = tc.article_points(events, matches, context, doc.frame("timexes"), doc.text)
    v = View(NAME)
    v.tables["timexes"] = timex_table(doc)
    v.tables["types"] = type_table(v.tables["timexes"])
    v.tables["events"] = display_ready(events[["timex_id", "text", "value", "date", "precision", "event", "participants"]])
    v.tables["summary"] = summary(points, focus)
    v.tables["panels"] = tc.panels(points, context, focus)
    items = tc.layout(points, context, v.tables["panels"], focus)
    points = points.assign(on_the_chart=tc.on_chart(points, items))
    v.tables["points"] = display_ready(points[["no", "date", "until", "stamp", "text", "event", "on_the_chart", "context_ref"]])
    v.tables["context"] = context_table(matches, context, article.date)
    v.captions.update(CAPTIONS)
    _accuracy(v, article)
    _notes(v, article, focus, context)
    v.findings = findings(v.tables, focus, article.date)
    _chart(v, items, points, focus, article)
    return v


CAPTIONS = {
    "timexes": "Temporal expressions (TIMEX3 type and value; in text: the expression in the annotated article of report 00)",
    "events": "Events dated by the article",
    "points": "Every dated reference of the article, and how the chart shows it (its label, or the group it is counted in)",
    "context": "Context events and the article's references to them (computed)",
    "errors": "Errors on the seed",
}


def timex_table(doc) -> pd.DataFrame:
    """The temporal expressions with their sentence; ``timex_id`` links each to report 00."""
    timexes = doc.frame("timexes")
    sents = {s.sentence_id: s.text for s in doc.sentences}
    shown = timexes.assign(sentence=timexes["sentence_id"].map(sents))
    return display_ready(shown[["timex_id", "text", "type", "value", "mod", "anchor", "sentence"]])


def type_table(timexes: pd.DataFrame) -> pd.DataFrame:
    """How many expressions of each TIMEX3 type, most first."""
    counts = timexes["type"].value_counts()
    return pd.DataFrame({"type": list(counts.index), "expressions": [int(n) for n in counts]})


def summary(points: pd.DataFrame, focus: tc.Focus) -> pd.DataFrame:
    """What the chart's title says, counted from ``points``: how many dated references, the
    earliest year, and how many fall in the ``WINDOW_DAYS`` days before the focal date (the
    window named with its first and last day; the focal date itself is counted apart)."""
    first, last = tc.shift(focus.date, -WINDOW_DAYS), tc.shift(focus.date, -1)
    dates = points["date"] if len(points) else pd.Series([], dtype=object)
    rows = [
        ("dated references", len(points)),
        ("earliest year", int(min(dates).year) if len(dates) else ""),
        ("focal event", focus.label),
        ("focal date", focus.date),
        ("window's first day", first),
        ("window's last day", last),
        ("window", f"the {_count_word(WINDOW_DAYS)} days before {focus.label} ({tc.span(first, last)})"),
        ("in the window", int(((dates >= first) & (dates <= last)).sum())),
        ("on the focal date", int((dates == focus.date).sum())),
    ]
    return pd.DataFrame(rows, columns=["measure", "value"])


def _count_word(n: int) -> str:
    return {7: "seven", 14: "fourteen"}.get(n, str(n))


def headline(table: pd.DataFrame) -> str:
    """The chart's title, from the ``summary`` table."""
    s = dict(zip(table["measure"], table["value"]))
    if not s["dated references"]:
        return "The article dates no events"
    if s["dated references"] == 1:
        return (f"The article dates one reference, in {s['earliest year']}; "
                f"{'it falls' if s['in the window'] else 'it does not fall'} in {s['window']}")
    return (f"The article reaches back to {s['earliest year']}; {s['in the window']} of its {s['dated references']} "
            f"dated references {'falls' if s['in the window'] == 1 else 'fall'} in {s['window']}")


def panel_title(row, panels: pd.DataFrame) -> str:
    """A panel's title, from its row of ``panels``: the days it draws, exactly, and what it draws."""
    what = f"{_n(row['references'], 'reference')}" + (
        f", {_n(row['context_events'], 'context event')}" if row["context_events"] else "")
    shaded = " outside the panel below" if row["panel"] == "overview" and (panels["panel"] == "recent").any() else ""
    return f"{tc.span(row['start'], row['end'])}: {what}{shaded}"


def _n(k: int, noun: str) -> str:
    return f"{k} {noun}{'' if k == 1 else 's'}"


def context_table(matches: pd.DataFrame, context: pd.DataFrame, article_date) -> pd.DataFrame:
    """Each context event, the article's references to it, and whether it came after the
    article's date (the article could not have reported it)."""
    if context.empty:
        return pd.DataFrame(columns=["ref", "date", "when", "event", "timex_ids", "article_wording", "why", "category",
                                     "source_publisher", "source_kind", "source_url"])
    shown = matches.merge(context[["ref", "category", "source_publisher", "source_kind", "source_url"]], on="ref")
    shown.insert(2, "when", ["after publication" if article_date and d > article_date else "" for d in shown["date"]])
    return display_ready(shown)


def findings(tables: dict, focus: tc.Focus, article_date) -> list[str]:
    """The findings, plain text, each computed from the tables it cites."""
    items = []
    types, points, s = tables["types"], tables["points"], dict(zip(tables["summary"]["measure"], tables["summary"]["value"]))
    if len(types):
        items.append(f"The article uses {_n(int(types['expressions'].sum()), 'temporal expression')}: "
                     + ", ".join(f"{n} {t}" for t, n in zip(types["type"], types["expressions"])) + ".")
    if len(points):
        first = points.iloc[0]
        items.append(f"The earliest dated reference is “{first['text']}” ({first['stamp']}): {first['event'] or 'no event found'}.")
        day = f"{focus.date.day} {focus.date:%B %Y}"
        on = f"{focus.label} itself ({day})" if focus.label != day else "that day itself"
        one = s["in the window"] == 1 or s["dated references"] == 1
        items.append(f"{s['in the window']} of {_n(s['dated references'], 'dated reference')} "
                     f"{'falls' if one else 'fall'} in {s['window']}; {s['on the focal date']} on {on}.")
    ctx = tables["context"]
    if len(ctx):
        before = ctx[ctx["when"] == ""]
        referred = before[before["timex_ids"] != ""]
        missing = before[before["timex_ids"] == ""]
        last = article_date or focus.date
        first = min(before["date"]) if len(before) else last
        upto = (f"from {first.day} {first:%B %Y} to the article's date ({last.day} {last:%B %Y})" if article_date
                else f"from {first.day} {first:%B %Y} to {focus.label}")
        left = "; ".join(f"{e} ({d.year})" for d, e in zip(missing["date"][:3], missing["event"][:3]))
        items.append(f"Of {len(before)} context events {upto}, the article refers to {len(referred)}"
                     + (f"; among those it leaves out: {left}" if left else "") + ".")
    return items or ["The article dates nothing."]


def _accuracy(v: View, article) -> None:
    """The seed's scores against its hand-made gold; a note for any other article."""
    if article.sha256 != paths.SEED_SHA256:
        v.notes["accuracy"] = "No gold annotation for this article: the tagger's accuracy on annotated news is in notebook 90."
        return
    from .. import evaluate

    scores, errors = evaluate.seed("timexes")
    v.tables["accuracy"] = pd.DataFrame({"measure": list(scores), "seed": [_score(x) for x in scores.values()]})
    v.tables["errors"] = display_ready(errors)
    if errors.empty:
        v.notes["errors"] = "No errors on the seed: every expression found, with the right extent, type and value."


def _score(x) -> str:
    return f"{x:.3g}" if isinstance(x, float) else str(x)


def _notes(v: View, article, focus: tc.Focus, context: pd.DataFrame) -> None:
    if article.date is None:
        v.notes["date"] = ("This text has no reference date (plain text without a header): expressions such as “on Friday” "
                           "or “last week” keep only what the text says (XXXX-WXX-5, as TIMEX3 writes it), and only the dates "
                           "the text gives in full can be placed on a timeline. Run the CLI with --date, or give the article "
                           "its header.")
    if v.tables["timexes"].empty:
        v.notes["timexes"] = "This article has no temporal expressions: there is nothing to place on a timeline."
    if v.tables["events"].empty:
        v.notes["events"] = "No events to date."
    points, panels = v.tables["points"], v.tables["panels"]
    if points.empty:
        v.notes["timeline"] = "The article dates no events: there is nothing to draw."
    elif panels.empty:
        v.notes["timeline"] = f"Every dated reference falls before the chart's start ({focus.start}): they are in the table only."
    else:
        drawn = int(panels["references"].sum())
        off = f" {len(points) - drawn} of its dated references fall before the chart's start and are in the table only." \
            if drawn < len(points) else ""
        beside = (f", beside {len(context)} context events from {paths.shown(focus.context)}." if focus.context
                  else "; no context file was given.")
        v.notes["timeline"] = (f"The timeline runs from {tc.span(panels['start'].min(), panels['end'].max())}, through "
                               f"{focus.label} ({focus.date.day} {focus.date:%B %Y}){beside}{off}")
    if context.empty:
        v.notes["context"] = "No context file for this article (give one as CONTEXT)."


def _chart(v: View, items: list, points: pd.DataFrame, focus: tc.Focus, article) -> None:
    v.titles["timeline"], v.sources["timeline"] = headline(v.tables["summary"]), "summary"
    heads = []
    for _, row in v.tables["panels"].iterrows():
        name = f"timeline_{row['panel']}"
        v.titles[name], v.sources[name] = panel_title(row, v.tables["panels"]), "panels"
        heads.append(v.titles[name])
    if v.tables["panels"].empty:
        return
    caption = (f"Source: {article.byline or 'article'}, {article.date or 'undated'}"
               + (f"; context: {paths.shown(focus.context)} (sources per row)" if focus.context else ""))
    v.figures["timeline"] = tc.draw(items, v.tables["panels"], focus, points, title=v.titles["timeline"],
                                    panel_titles=heads, caption=caption)


def exports(doc) -> dict[str, pd.DataFrame]:
    """The tables notebook 20 writes as CSV for other tools (file name -> frame), as the layers hold them."""
    return {"20-timexes.csv": doc.frame("timexes"), "20-events.csv": doc.frame("events").drop(columns=["sentence"])}


# ---------------------------------------------------------------- audit

cut_phrase = tc.cut_phrase


def audit(view: View) -> list[tuple[str, str]]:
    """The timeline's own checks: every event the chart numbers is a whole phrase; each
    title's numbers are its source table's; each panel's title and x-axis span its row of
    ``panels``."""
    problems = [("event phrase", f"{row['no']}: {row['event']!r} is cut mid-phrase")
                for _, row in view.tables["points"].iterrows() if cut_phrase(str(row["event"]))]
    for _, row in view.tables["points"].iterrows():
        shown = str(row["on_the_chart"])
        if shown.startswith(("in “", "not drawn")):
            parts = [p.removeprefix("such as ").rsplit(" ×", 1)[0] for p in shown.removeprefix("in “").rstrip("”").split("; ")]
            whole = not any(cut_phrase(p) for p in parts)
        else:  # its own label: the event phrase whole or cut where a phrase of its own begins, or the expression
            whole = shown.startswith("“") or tc.whole_beginning(shown, row["event"])
        if not whole:
            problems.append(("chart label", f"{row['no']}: {shown!r} is not a whole phrase of {row['event']!r}"))
    problems += _recount(view)
    for name, title in view.titles.items():
        cells = " ".join(str(x) for x in view.tables[view.sources[name]].to_numpy().ravel())
        known = {int(n) for n in re.findall(r"\d+", cells)}
        for number in re.findall(r"\d+", title):
            if int(number) not in known:
                problems.append(("title number", f"{name}: {number} in {title!r} is not in table {view.sources[name]!r}"))
    problems += _panel_spans(view)
    return problems


def _recount(view: View) -> list[tuple[str, str]]:
    """The summary counted again from the points table, and every title written again from its table."""
    points, s = view.tables["points"], dict(zip(view.tables["summary"]["measure"], view.tables["summary"]["value"]))
    dates = points["date"]
    counts = {"dated references": len(points), "in the window": int(((dates >= s["window's first day"])
                                                                     & (dates <= s["window's last day"])).sum()),
              "on the focal date": int((dates == s["focal date"]).sum())}
    out = [("summary", f"{k}: the summary says {s[k]}, the points table {n}") for k, n in counts.items() if s[k] != n]
    if view.titles.get("timeline") != headline(view.tables["summary"]):
        out.append(("title", f"timeline: {view.titles.get('timeline')!r} is not what the summary table says"))
    for _, row in view.tables["panels"].iterrows():
        if view.titles.get(f"timeline_{row['panel']}") != panel_title(row, view.tables["panels"]):
            out.append(("title", f"timeline_{row['panel']}: {view.titles.get('timeline_' + row['panel'])!r} is not its row"))
    return out


def _panel_spans(view: View) -> list[tuple[str, str]]:
    """Each panel drawn over the days its row of ``panels`` (and so its title) states."""
    import matplotlib.dates as mdates

    fig = view.figures.get("timeline")
    if fig is None:
        return []
    out = []
    axes = [ax for ax in fig.axes if ax.get_title(loc="left")]
    if len(axes) != len(view.tables["panels"]):
        out.append(("panel span", f"{len(axes)} panels drawn for {len(view.tables['panels'])} rows of 'panels'"))
    for ax, (_, row) in zip(axes, view.tables["panels"].iterrows()):
        lo, hi = (mdates.num2date(x).date() for x in ax.get_xlim())
        if (lo, hi) != (row["start"], row["end"]):
            out.append(("panel span", f"{row['panel']}: drawn {lo} to {hi}, titled {row['start']} to {row['end']}"))
        if ax.get_title(loc="left") != view.titles[f"timeline_{row['panel']}"]:
            out.append(("panel title", f"{row['panel']}: drawn as {ax.get_title(loc='left')!r}"))
    return out
