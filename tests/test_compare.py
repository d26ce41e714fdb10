"""Figures beside their sources (the figures view): like with like, with a verdict and what may explain it."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from helpers import quantities
from helpers.article import parse_article
from helpers.views import figures as compare


def test_seed_verdicts(seed):
    figs = quantities.figures(seed)
    v = compare.compare(figs, compare.load_reference(), seed.date)
    got = {(r.text, r.reference): r.verdict for r in v.itertuples()}
    assert got[("tens of thousands", "Civilians killed (UN-verified)")] == "within"  # 13,580 in [10,000, 100,000)
    assert got[("tens of thousands", "Russian military deaths identified by name")] == "below"  # 122,883 over it
    assert got[("about a fifth", "Share of Ukraine held by Russia")] == "within"  # 19% in [18%, 22%]
    assert got[("millions", "Internally displaced people in Ukraine")] == "within"
    assert got[("about 9-10km", "Net Russian territorial gain in July 2025")] == "not comparable"  # km beside km²
    # nothing is set beside a reference that measures something else
    assert not any(text == "tens of thousands" and "refugees" in ref.lower() for text, ref in got)
    below = v[v["verdict"] == "below"].iloc[0]
    assert below["why"] == ("the article's figure is lower: the reference counts Russian soldiers; it is a lower bound; "
                            "it dates from the article's month (2025-08-08)")


def test_verdicts_on_an_article_of_our_own(tmp_path):
    ref = tmp_path / "storm.csv"
    pd.DataFrame([
        {"measure": "Deaths counted by the coroner", "value": 38, "compares_with": "killed", "compare_unit": "people",
         "population": "deaths in the county", "bound": "", "as_of": "2024-11-20", "source_publisher": "County coroner",
         "source_kind": "publisher of record", "low": None, "high": None},
        {"measure": "Deaths in the state", "value": 120, "compares_with": "killed", "compare_unit": "people",
         "population": "deaths in the whole state", "bound": "estimate", "as_of": "2024-12-01", "source_publisher": "State",
         "source_kind": "publisher of record", "low": None, "high": None},
    ]).to_csv(ref, index=False)
    article = parse_article("The storm killed about 40 people in the county, officials said.", id="storm", date="2024-11-22")
    v = compare.compare(quantities.figures(article), compare.load_reference(ref), dt.date(2024, 11, 22))
    assert list(zip(v["reference"], v["verdict"])) == [("Deaths counted by the coroner", "within"), ("Deaths in the state", "below")]
    assert v.iloc[1]["why"].endswith("it dates from 2024-12-01, newer than the article")
