"""The timeline view's chart helpers: settings from parameters or the article, the computed
match between the article and context events, numbered points with nothing cut off."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from helpers import paths
from helpers.article import load_article
from helpers.document import Document
from helpers.views import timeline_chart as chart
from helpers.views.timeline import headline, summary

ARTICLES = paths.ROOT / "tests" / "articles"


def _events(article):
    return Document(article).frame("events")


def test_seed_settings_come_from_the_settings_table(seed):
    focus = chart.settings(seed, _events(seed))
    assert (focus.date, focus.label, focus.start) == (dt.date(2025, 8, 15), "the Alaska summit", dt.date(2014, 1, 1))
    assert focus.context == paths.REFERENCE / "context_events.csv"


def test_another_article_takes_its_own_date_and_earliest_reference():
    flood = load_article(ARTICLES / "flood-2013.txt")
    focus = chart.settings(flood, _events(flood))
    assert (focus.date, focus.label, focus.start, focus.context) == (dt.date(2013, 6, 7), "the article's date", dt.date(2002, 1, 1), None)
    given = chart.settings(flood, _events(flood), "2013-06-09", "the Elbe's crest at Magdeburg", "2013-05-01", "context_events.csv")
    assert (given.date, given.label, given.start) == (dt.date(2013, 6, 9), "the Elbe's crest at Magdeburg", dt.date(2013, 5, 1))
    assert given.context == paths.REFERENCE / "context_events.csv"


def test_computed_matches_agree_with_the_hand_made_reading_of_the_seed(seed):
    """Every context event the article names outright ('yes' in the hand-made column) is
    matched, and nothing else; allusions are not claimed."""
    ev = _events(seed)
    context = chart.load_context()
    matches = chart.match_context(ev, context)
    matched = set(matches.loc[matches["timex_ids"] != "", "ref"])
    assert matched == set(context.loc[context["in_article"] == "yes", "ref"])
    summit = matches.set_index("ref").loc[context.loc[context["date"] == dt.date(2025, 8, 15), "ref"].iloc[0]]
    assert "Friday" in summit["why"] and "meet" in summit["why"]


def test_points_are_numbered_in_date_order_and_labels_are_short(seed):
    ev = _events(seed)
    context = chart.load_context()
    points = chart.article_points(ev, chart.match_context(ev, context), context)
    assert list(points["no"]) == list(range(1, len(points) + 1))
    assert list(points["date"]) == sorted(points["date"])
    last_week = points[points["text"] == "last week"].iloc[0]
    assert last_week["date"] == dt.date(2025, 8, 8) and last_week["context_ref"]  # the day the context names
    items = chart.chart_items(points, context, dt.date(2014, 1, 1), dt.date(2025, 8, 17))
    assert not items["label"].str.contains("…|more").any()
    numbered = set()
    for label in items.loc[items["kind"] == "article", "label"]:
        for part in label.split(", "):
            first, _, last = part.partition("–")
            numbered |= set(range(int(first), int(last or first) + 1))
    assert numbered == set(points["no"])  # every reference is on the chart, by its number


def test_number_labels_shorten_runs():
    assert chart.number_label([8, 9, 10, 11, 12, 13, 14, 15, 16]) == "8–16"
    assert chart.number_label([3, 5]) == "3, 5"
    assert chart.number_label([1, 2, 3, 7, 8]) == "1–3, 7, 8"
    assert chart.number_label([4]) == "4"


def test_headline_names_the_focal_event_of_any_article():
    flood = load_article(ARTICLES / "flood-2013.txt")
    ev = _events(flood)
    focus = chart.settings(flood, ev)
    points = chart.article_points(ev, chart.match_context(ev, pd.DataFrame(columns=["ref"] + chart.CONTEXT_COLUMNS)),
                                  pd.DataFrame(columns=["ref"] + chart.CONTEXT_COLUMNS))
    # the flood article's dated references, by hand: August 2002, last week (from 27 May), 30 May, Sunday 2 June,
    # Tuesday 4 June, Thursday 6 June, next Monday 10 June. The seven days before its date (7 June) are 31 May to
    # 6 June: three of them (the old count, 7 June included, was the same here by chance)
    assert [str(d) for d in points["date"]] == ["2002-08-01", "2013-05-27", "2013-05-30", "2013-06-02", "2013-06-04",
                                                "2013-06-06", "2013-06-10"]
    table = summary(points, focus)
    assert dict(zip(table["measure"], table["value"]))["on the focal date"] == 0
    assert headline(table) == (
        "The article reaches back to 2002; 3 of its 7 dated references fall in the seven days before the article's date "
        "(31 May to 6 June 2013)")
    # the lower panel: 14 days before 7 June to two days after next Monday; the overview holds the rest (2002)
    panels = chart.panels(points, pd.DataFrame(columns=["ref"] + chart.CONTEXT_COLUMNS), focus)
    assert panels.values.tolist() == [
        ["overview", dt.date(2002, 1, 1), dt.date(2013, 6, 12), 4181, 1, 0],
        ["recent", dt.date(2013, 5, 24), dt.date(2013, 6, 12), 20, 6, 0],
    ]


def test_the_seven_days_before_exclude_the_day_itself():
    focus = chart.Focus(dt.date(2025, 8, 15), "the summit", dt.date(2025, 1, 1), None)
    days = [dt.date(2025, 8, 7), dt.date(2025, 8, 8), dt.date(2025, 8, 14), dt.date(2025, 8, 15)]
    points = pd.DataFrame({"no": [1, 2, 3, 4], "date": days, "until": days})
    s = dict(zip(*summary(points, focus).to_dict("list").values()))
    # 7 August is eight days before: out; 8 and 14 August in; the summit day is counted apart
    assert (s["in the window"], s["on the focal date"]) == (2, 1)
    assert s["window"] == "the seven days before the summit (8–14 August 2025)"
def test_dates_with_no_event_match_nothing_and_break_nothing():
    """A dated reference with no event found (``1984``, ``One year later``) has a missing
    event and no participants, which pandas holds as NaN: it shares nothing, so it matches
    no context event, and the other references still match (a Wikinews article of the corpus)."""
    jobs = load_article(paths.DATA / "corpus" / "18355_apple-inc-co-founder-steve-jobs-dies.txt")
    ev = _events(jobs)
    bare = ev[ev["event"].isna() & ev["date"].notna()]
    assert list(bare["text"][:3]) == ["1984", "One year later", "1986"]
    context = pd.DataFrame(
        [{"ref": "mac", "date": dt.date(1984, 1, 24), "event": "Apple launches the Macintosh", "actors": "Apple"},
         {"ref": "death", "date": dt.date(2011, 10, 5), "event": "Steve Jobs dies", "actors": float("nan")}],
        columns=["ref", "date", "event", "actors"],
    )
    matches = chart.match_context(ev, context).set_index("ref")
    assert matches.loc["mac", "timex_ids"] == ""  # "1984" alone names no event of the Macintosh
    assert matches.loc["death", "timex_ids"] != ""
    assert "die" in matches.loc["death", "why"]
