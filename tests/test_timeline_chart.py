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


def test_points_are_in_date_order_and_every_one_is_on_the_chart_under_a_whole_phrase(seed):
    doc = Document(seed)
    ev = doc.frame("events")
    context = chart.load_context()
    points = chart.article_points(ev, chart.match_context(ev, context), context, doc.frame("timexes"), doc.text)
    assert list(points["no"]) == list(range(1, len(points) + 1))
    assert list(points["date"]) == sorted(points["date"])
    last_week = points[points["text"] == "last week"].iloc[0]
    assert last_week["date"] == dt.date(2025, 8, 8) and last_week["context_ref"]  # the day the context names
    items = chart.chart_items(points, context, dt.date(2014, 1, 1), dt.date(2025, 8, 17))
    drawn = [no for members in items.loc[items["kind"] == "article", "members"] for no in members]
    assert sorted(drawn) == list(points["no"])  # every reference on the chart, once
    assert sorted(r for members in items.loc[items["kind"] == "context", "members"] for r in members) == sorted(context["ref"])
    for label, members in zip(items["label"], items["members"]):
        lines = label.split("\n")
        assert len(lines) <= 3 and all(len(line) <= chart.LABEL_CHARS + 4 for line in lines), label
        phrases = [" ".join(lines)] if len(members) == 1 else [line.removeprefix("• ").removesuffix(" ×2") for line in lines]
        assert not any(chart.cut_phrase(p) for p in phrases), label  # one phrase wrapped, or a group's phrase a line
    assert "…" not in "".join(items["label"])


def test_a_long_phrase_is_shortened_where_a_phrase_of_its_own_begins():
    long = "a last ditch virtual meeting with European leaders and Ukrainian President Volodymyr Zelensky"
    assert chart.short_phrase(long) == "a last ditch virtual meeting\nwith European leaders"
    assert chart.short_phrase(long, lines=1) == "a last ditch virtual meeting"
    assert chart.short_phrase("Putin met Joe Biden") == "Putin met Joe Biden"
    # never on a function word, never inside quotation marks
    assert chart.short_phrase("By running up a lead well in advance of the", lines=1) == "By running up a lead well"
    assert chart.short_phrase("Trump threatened “severe consequences for Russia if it does not agree”", lines=1) == ""
    assert chart.point_label("", "last week") == "“last week”"
    assert chart.whole_beginning("a last ditch virtual meeting\nwith European leaders", long)
    assert not chart.whole_beginning("RT America is the United", "RT America is the United States version of Russia")
    assert chart.whole_beginning("they exposed his accounts", "even though they exposed his accounts")
    assert chart.point_label("RT America is", "Monday") == "“Monday”"  # a clause without its verb is no label
    assert chart.point_label("Trump threatened “severe consequences for Russia if it does not agree” by Friday",
                             "Wednesday") == "“Wednesday”"  # no whole beginning fits in two lines


def test_crowded_references_are_grouped_by_period_with_a_count():
    assert chart.group_label(["talks with Trump"], "reference") == "talks with Trump"
    assert chart.group_label(["Wednesday’s meeting", "Wednesday’s meeting", "talks with Trump"], "reference") == \
        "• Wednesday’s meeting ×2\n• talks with Trump"
    assert chart.group_label(["talks with Trump", "talks with Trump"], "reference") == "talks with Trump ×2"
    # a phrase with no whole beginning of one line is not cut to one: the group is counted instead
    assert chart.group_label(["RT America is the United States\nversion of Russia", "owns Mr. King's Russia"], "reference") == \
        "2 references\nsuch as owns Mr. King's Russia"
    many = ["a", "b", "b", "c", "d"]
    assert chart.group_label(many, "reference") == "5 references\nsuch as b"
    assert chart.group_label(["x", "y"], "event", "Aug 2025") == "2 events, Aug 2025\nsuch as x"
    day = dt.date(2025, 8, 13)
    points = pd.DataFrame({"no": range(1, 31), "date": [day + dt.timedelta(days=k % 3) for k in range(30)],
                           "until": [day + dt.timedelta(days=k % 3) for k in range(30)],
                           "label": [f"event number {k}" for k in range(30)]})
    items = chart.chart_items(points, points.iloc[:0].assign(ref=[], category=[]), dt.date(2025, 8, 1), dt.date(2025, 8, 17))
    assert sorted(n for m in items["members"] for n in m) == list(range(1, 31))
    assert chart._estimate(items.to_dict("records"), dt.date(2025, 8, 1), dt.date(2025, 8, 17), 619) <= chart.MAX_LINES
    assert items["label"].str.startswith("10 references").all() and len(items) == 3


def test_a_duration_is_drawn_over_the_days_it_covers_in_the_direction_it_points():
    article_date = dt.date(2016, 10, 25)
    back = {"type": "DURATION", "value": "P11Y", "date": dt.date(2005, 10, 1), "event": "efforts to seize land"}
    assert chart.duration_span(back, article_date, " of efforts to seize land") == (dt.date(2005, 10, 1), article_date)
    ahead = {"type": "DURATION", "value": "P2W", "date": dt.date(2016, 10, 11), "event": "campaigning left"}
    assert chart.duration_span(ahead, article_date, " of campaigning left, Trump said") == (article_date, dt.date(2016, 11, 8))
    assert chart.duration_span({**ahead, "date": None}, article_date, " to go until the vote") == (article_date, dt.date(2016, 11, 8))
    assert chart.duration_span({**ahead, "date": None}, article_date, " in office") is None  # not measured from the anchor
    assert chart.forward(" left before the election") and chart.forward(" to go") and not chart.forward(", he left")
    assert not chart.forward(" ago")
    assert chart.forward_phrase(" of campaigning left, Trump said") == "of campaigning left"
    assert chart.forward_phrase(" to go, Trump still trails") == "to go" and chart.forward_phrase(" in office") == ""


def test_a_forward_duration_without_an_event_is_labelled_with_the_words_that_point_forward():
    ev = pd.DataFrame([{"timex_id": 1, "text": "two months", "type": "DURATION", "value": "P2M", "date": None,
                        "precision": None, "event": None}])
    tx = pd.DataFrame([{"timex_id": 1, "anchor": "2016-09-08", "end": 15}])
    text = "With two months to go, Trump still trails."
    points = chart.article_points(ev, pd.DataFrame(columns=["ref", "timex_ids", "date"]), pd.DataFrame(), tx, text)
    assert points[["date", "until", "label"]].values.tolist() == [[dt.date(2016, 9, 8), dt.date(2016, 11, 8), "“two months to go”"]]


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
