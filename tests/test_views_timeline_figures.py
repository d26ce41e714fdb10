"""The views of notebooks 20 (timeline) and 30 (figures): what they show for the seed, counted by
hand, and for small articles written for the tests; titles that cannot disagree with their tables."""

from __future__ import annotations

import datetime as dt

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from helpers.article import parse_article  # noqa: E402
from helpers.audit.checks import table_cells  # noqa: E402
from helpers.document import Document  # noqa: E402
from helpers.views import build, figures, timeline  # noqa: E402
from helpers.views.cells import display_ready  # noqa: E402
from helpers.views.labels import label_problems  # noqa: E402


@pytest.fixture(scope="module")
def seed_views(seed):
    doc = Document(seed)
    views = {"20": build("20-chart-timeline", doc), "30": build("30-tabulate-figures", doc)}
    yield views
    for v in views.values():
        v.close()


def _view(notebook, text, date=None, **params):
    return build(notebook, Document(parse_article(text, id="t", date=date)), **params)


def _clean(v):
    """Every table of ``v`` display-ready, every chart readable."""
    assert [p for name, t in v.tables.items() for p in table_cells(name, t)] == []
    assert [p for f in v.figures.values() for p in label_problems(f)] == []


# ---------------------------------------------------------------- the seed


def test_seed_timeline(seed_views):
    v = seed_views["20"]
    # 23 expressions in the seed's gold (data/annotations/seed_timexes.csv): 20 dates, 3 durations
    assert len(v.tables["timexes"]) == 23
    assert v.tables["types"].values.tolist() == [["DATE", 20], ["DURATION", 3]]
    points = v.tables["points"]
    assert len(points) == 21 and list(points["no"]) == list(range(1, 22))
    by_day = points.groupby("date")["no"].apply(list).to_dict()
    # by hand: last week drawn on Trump's 8 August announcement (C31); nine on the 13th (Wednesday's call); Thursday
    # the 14th, and "one day to go until a US-Russia summit", drawn from the article's date to the day after; three
    # on Friday the 15th (the summit). "nearly 11 years of efforts" runs from 2014 up to the article's date.
    assert by_day[dt.date(2025, 8, 8)] == [7]
    assert by_day[dt.date(2025, 8, 13)] == list(range(8, 17))
    assert by_day[dt.date(2025, 8, 14)] == [17, 18] and by_day[dt.date(2025, 8, 15)] == [19, 20, 21]
    spans = {t: (d, u) for t, d, u in zip(points["text"], points["date"], points["until"])}
    assert spans["one day"] == (dt.date(2025, 8, 14), dt.date(2025, 8, 15))
    assert spans["nearly 11 years"] == (dt.date(2014, 8, 1), dt.date(2025, 8, 14))
    shown = dict(zip(points["no"], points["on_the_chart"]))
    assert shown[1] == "efforts to seize Ukrainian land" and shown[18] == "a US-Russia summit on ending the war"
    assert {shown[n] for n in range(8, 17)} == {"in “9 references; such as Wednesday’s meeting”"}
    assert {shown[n] for n in (19, 20, 21)} == {"in “a meeting in Alaska; Friday’s summit; his meeting”"}
    s = dict(zip(v.tables["summary"]["measure"], v.tables["summary"]["value"]))
    assert (s["dated references"], s["earliest year"], s["in the window"], s["on the focal date"]) == (21, 2014, 12, 3)
    assert v.titles["timeline"] == ("The article reaches back to 2014; 12 of its 21 dated references fall in the seven "
                                    "days before the Alaska summit (8–14 August 2025)")
    assert v.findings[2] == ("12 of 21 dated references fall in the seven days before the Alaska summit (8–14 August 2025); "
                             "3 on the Alaska summit itself (15 August 2025).")
    # every finding names what it counts over: the article, the seven days before the summit, the context's span
    assert v.findings[0] == "The article uses 23 temporal expressions: 20 DATE, 3 DURATION."
    assert v.findings[3].startswith("Of 33 context events from 22 February 2014 to the article's date (14 August 2025), "
                                    "the article refers to 7; ")
    # the panels: 1 January 2014 (the settings' start) to two days after the summit; the recent one from 1 August.
    # 34 context events: C31-C34 fall in 1-17 August, the other 30 before
    assert v.tables["panels"].values.tolist() == [
        ["overview", dt.date(2014, 1, 1), dt.date(2025, 8, 17), 4247, 6, 30],
        ["recent", dt.date(2025, 8, 1), dt.date(2025, 8, 17), 17, 15, 4],
    ]
    assert v.titles["timeline_recent"] == "1–17 August 2025: 15 references, 4 context events"
    assert v.titles["timeline_overview"] == "1 January 2014 to 17 August 2025: 6 references, 30 context events outside the panel below"
    assert {v.sources[k] for k in v.titles} == {"summary", "panels"}
    assert v.tables["accuracy"].set_index("measure").loc["value_f1", "seed"] == "1"
    assert timeline.audit(v) == []
    _clean(v)


def test_seed_figures(seed_views):
    v = seed_views["30"]
    figs = v.tables["figures"]
    # the seed's five figures (data/annotations/seed_figures.csv), in category order
    # (territorial ones by measure: advanced, claimed regions, controlled share)
    assert list(figs["text"]) == ["tens of thousands", "millions", "about 9-10km", "four", "about a fifth"]
    assert v.tables["categories"].values.tolist() == [["territorial", 3], ["casualty", 1], ["displacement", 1]]
    assert figs.set_index("text").loc["about a fifth", "value"] == "0.2"
    assert figs.set_index("text").loc["tens of thousands", "value"] == ""  # a vague magnitude has no point value
    assert v.tables["derived"].iloc[0][["text", "share", "area_km2", "low_km2", "high_km2", "whole_km2"]].tolist() == [
        "about a fifth", "20%", "120,710", "110,651", "130,769", "603,550"]  # 0.2 × 603,550; "about": the shares nearer 1/5 than 1/4 or 1/6
    iv = v.tables["intervals"]
    assert iv[["text", "low", "high", "factor"]].values.tolist() == [
        ["about 9-10km", 9.0, 10.0, "1.1"], ["about a fifth", 18.33, 21.67, "1.2"],
        ["tens of thousands", 10_000.0, 100_000.0, "10"], ["millions", 1_000_000.0, 10_000_000.0, "10"]]
    assert v.titles["intervals"] == "“tens of thousands” spans a factor of 10 between its bounds"
    assert v.findings[:3] == [
        "5 figures: 3 territorial, 1 casualty, 1 displacement.",
        "“about a fifth of Ukraine” is about 120,710 km² (110,651–130,769 km²) of 603,550 km².",
        "3 of the 5 figures are intervals rather than points (ranges or vague magnitudes).",
    ]
    assert "“tens of thousands” is below the 122,883 of “Russian military deaths identified by name”" in " ".join(v.findings)
    assert figures.audit(v) == []
    _clean(v)


# ---------------------------------------------------------------- small articles


def test_an_article_with_no_temporal_expression():
    v = _view("20-chart-timeline", "The council met and agreed a new budget.", "2024-03-05")
    assert v.tables["timexes"].empty and v.tables["points"].empty and v.figures == {}
    assert v.notes["timexes"] == "This article has no temporal expressions: there is nothing to place on a timeline."
    assert v.notes["timeline"] == "The article dates no events: there is nothing to draw."
    assert v.findings == ["The article dates nothing."]
    assert timeline.audit(v) == []


def test_a_date_with_no_event_phrase():
    """The old notebook stopped here: pandas keeps a missing event as NaN, which is truthy."""
    v = _view("20-chart-timeline", "In 2019 and 2020 the club won.", "2021-05-01")
    assert list(v.tables["events"]["event"]) == ["", ""]
    assert v.findings[1] == "The earliest dated reference is “2019” (2019): no event found."
    # nothing in the two weeks before 1 May 2021: one panel, 1 January 2019 to two days after the article's date
    # (365 + 366 + 123 days), and its title says nothing of a panel below
    assert v.tables["panels"].values.tolist() == [["overview", dt.date(2019, 1, 1), dt.date(2021, 5, 3), 854, 2, 0]]
    assert v.titles["timeline_overview"] == "1 January 2019 to 3 May 2021: 2 references"
    _clean(v)


def test_a_plain_text_without_a_date():
    v = _view("20-chart-timeline", "The club won in 2019 and again in 2020.")
    assert v.notes["date"].startswith("This text has no reference date")
    # the focal date is the latest dated reference, 1 January 2020 (the year's first day)
    assert v.findings[2] == ("0 of 2 dated references fall in the seven days before 1 January 2020 "
                             "(25–31 December 2019); 1 on that day itself.")
    _clean(v)
    w = _view("30-tabulate-figures", "Some 300 people came.")
    assert w.tables["figures"]["interval"].tolist() == ["[250, 350]"]  # 'some 300': the values that round to 300
    _clean(w)


def test_an_article_with_no_figures():
    v = _view("30-tabulate-figures", "The council met on Tuesday and agreed a new budget.", "2024-03-08")
    assert v.tables["figures"].empty and v.figures == {} and v.titles == {}
    assert v.findings == ["The article gives no figures to tabulate."]
    assert v.notes["figures"] == "This article gives no figures to tabulate."
    assert v.notes["verdicts"] == "No reference figures for this article (give a table as REFERENCE)."
    assert figures.audit(v) == []


def test_intervals_from_zero_have_no_factor():
    """'less than a third' is [0, 33.33]%: no factor between its bounds (PolNeAR dev gave it one of 33,333)."""
    v = _view("30-tabulate-figures", "Less than a third of voters came, and fewer than 40 people stayed.", "2016-09-24")
    assert v.tables["intervals"][["text", "low", "high", "factor", "widest"]].values.tolist() == [
        ["Less than a third", 0.0, 33.33, "", False], ["fewer than 40", 0.0, 40.0, "", True]]
    assert v.titles["intervals"] == "“fewer than 40” gives only an upper bound: from zero to 40"
    assert figures.audit(v) == []
    _clean(v)


def test_the_views_accept_and_ignore_article_and_date():
    v = _view("20-chart-timeline", "The vote came on Tuesday.", "2024-03-08", ARTICLE="x.txt", DATE="1999-01-01")
    assert v.tables["points"]["date"].tolist() == [dt.date(2024, 3, 5)]
    assert _view("30-tabulate-figures", "About 200 came.", ARTICLE="x.txt", DATE=None).tables["figures"]["text"].tolist() == ["About 200"]


# ---------------------------------------------------------------- titles agree with their tables


def test_a_panel_title_states_the_days_it_draws():
    """The old lower panel was titled 'The 14 days before …' over a panel that ran to the end of the year of a
    reference to 'this year'. Now the panel ends two days after the focal date, and the title says so."""
    v = _view("20-chart-timeline", "The plan was agreed this year. Talks resumed on Monday.", "2024-03-08")
    row = v.tables["panels"].set_index("panel").loc["recent"]
    assert (row["start"], row["end"]) == (dt.date(2024, 2, 23), dt.date(2024, 3, 10))
    assert v.titles["timeline_recent"] == "23 February to 10 March 2024: 1 reference"
    assert timeline.audit(v) == []
    _clean(v)


def test_the_audit_finds_a_title_or_a_panel_that_disagrees_with_its_table(seed_views):
    v = seed_views["20"]
    title, panels, summary = v.titles["timeline"], v.tables["panels"], v.tables["summary"]
    try:
        v.titles["timeline"] = title.replace("12 of", "15 of")  # the old count, which took in the summit day
        v.tables["panels"] = panels.assign(end=[dt.date(2025, 8, 17), dt.date(2025, 8, 15)])  # the title's old claim
        problems = timeline.audit(v)
        v.tables["summary"] = summary.assign(value=[14 if m == "in the window" else x
                                                    for m, x in zip(summary["measure"], summary["value"])])
        recount = timeline.audit(v)
    finally:
        v.titles["timeline"], v.tables["panels"], v.tables["summary"] = title, panels, summary
    assert ("title", f"timeline: {title.replace('12 of', '15 of')!r} is not what the summary table says") in problems
    assert ("panel span", "recent: drawn 2025-08-01 to 2025-08-17, titled 2025-08-01 to 2025-08-15") in problems
    assert ("title", "timeline_recent: '1–17 August 2025: 15 references, 4 context events' is not its row") in problems
    assert ("summary", "in the window: the summary says 14, the points table 12") in recount
    assert timeline.audit(v) == []


def test_the_figures_audit_finds_a_title_that_disagrees_with_its_table(seed_views):
    v = seed_views["30"]
    title, table = v.titles["intervals"], v.tables["intervals"]
    try:
        v.titles["intervals"] = "“millions” spans a factor of 10 between its bounds"  # a tie, but not the table's pick
        v.tables["intervals"] = table.assign(factor=["1.1", "1.2", "100", "10"])
        problems = figures.audit(v)
    finally:
        v.titles["intervals"], v.tables["intervals"] = title, table
    assert ("title", "intervals: '“millions” spans a factor of 10 between its bounds' is not what the intervals table says") in problems
    assert ("interval factor", "tens of thousands: factor 100 for [10000.0, 100000.0]") in problems
    assert figures.audit(v) == []


def test_the_audit_finds_an_event_cut_mid_phrase():
    assert timeline.cut_phrase("By running up a lead well in advance of the")
    assert timeline.cut_phrase("She worked at the firm from")
    assert not timeline.cut_phrase("By running up a lead well in advance")
    assert not timeline.cut_phrase("Trump also confirmed this")


def test_display_ready_cells():
    import pandas as pd

    df = pd.DataFrame({"a": [1.0, None], "b": ["x", None], "c": [0.18000000000000002, 2.0], "n": [1, 2]})
    ready = display_ready(df)
    assert ready.values.tolist() == [["1", "x", "0.18", 1], ["", "", "2", 2]]
    assert table_cells("t", ready) == []


@pytest.mark.parametrize("name", ["flood-2013.txt", "election-2019.txt"])
@pytest.mark.parametrize("notebook, module", [("20-chart-timeline", timeline), ("30-tabulate-figures", figures)])
def test_the_views_of_articles_of_our_own_pass_their_audits(name, notebook, module):
    from helpers import paths
    from helpers.article import load_article

    v = build(notebook, Document(load_article(paths.ROOT / "tests" / "articles" / name)))
    assert module.audit(v) == []
    _clean(v)
    v.close()


def test_interval_chart_is_linear_when_an_interval_starts_at_zero():
    """An interval from zero cannot be drawn on a log axis: that panel stays linear, and the
    title names no factor an axis produced."""
    import pandas as pd

    table = pd.DataFrame({"label": ["less than 2% (share)", "about 73% (share)"], "text": ["less than 2%", "about 73%"],
                          "axis": ["%", "%"], "low": [0.0, 72.5], "high": [2.0, 73.5], "factor": ["", "1.0"],
                          "widest": [False, True]})
    fig = figures.interval_chart(table, figures.interval_title(table), "caption")
    [ax] = fig.axes
    assert ax.get_xscale() == "linear" and ax.get_xlim()[0] <= 0
    assert figures.interval_title(table) == "“about 73%” spans a factor of 1.0 between its bounds"
    wide = table.assign(low=[0.5, 72.5])
    assert figures.interval_chart(wide, "t", "c").axes[0].get_xscale() == "log"


def test_an_article_without_the_missions_figures_says_so_plainly():
    text = ("Turnout rose\n\nTurnout rose 4 percent in 2016, and the campaign spent $5 million on ads. "
            "Clinton, 68, won 52 percent of the vote in the districts she controls.")
    v = figures.build(Document(parse_article(text, id="us", path="us", date=dt.date(2016, 11, 9))))
    assert v.findings[1] == "The article gives no casualty, displacement or territorial figure."
    assert set(v.tables["figures"]["category"]) <= {"other", "economic"}
    assert "68" not in set(v.tables["figures"]["text"])  # an age is no figure


def test_an_article_with_one_figure_says_so_in_the_singular():
    v = _view("30-tabulate-figures", "The flood forced hundreds of people from their homes, officials said.", "2024-03-05")
    assert len(v.tables["figures"]) == 1
    assert v.findings[0] == "1 figure: 1 displacement."
    assert "The figure is an interval rather than a point (a range or a vague magnitude)." in v.findings
    v = _view("30-tabulate-figures", "Officials said 12 people were killed in the flood.", "2024-03-05")
    assert v.findings[0] == "1 figure: 1 casualty."
    assert "The figure is a point, not an interval." in v.findings
