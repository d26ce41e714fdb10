"""What report 90 (and its card on the index) quotes as the current accuracy: the newest
measurement of each public data set, never an older one it replaced (issue 22)."""

from __future__ import annotations

import json
import re

import pytest

from helpers import paths, report
from helpers.evaluate import summary


def _m(dataset, compartment, commit, f1, layer="quantities", value_f1=None):
    metrics = {"f1": f1} | ({"value_f1": value_f1} if value_f1 is not None else {})
    return {"layer": layer, "dataset": dataset, "compartment": compartment, "date": "2026-11-27", "commit": commit,
            "untouched": commit == "a0", "source": "x", "metrics": metrics}


def test_newest_per_data_set_drops_a_compartment_another_replaced(monkeypatch):
    records = [
        _m("suite", "all kinds", "a0", 0.65, value_f1=0.53),
        _m("PolNeAR", "train", "a0", 0.39, layer="quotes"),
        _m("PolNeAR", "dev", "a0", 0.40, layer="quotes"),
        _m("suite", "all kinds", "b1", 0.71, value_f1=0.60),       # the last score under the old name
        _m("suite", "all kinds (listed)", "c2", 0.79, value_f1=0.70),  # the same suite, renamed compartment
        _m("PolNeAR", "train", "d3", 0.62, layer="quotes"),        # dev not measured again: it stays current
        _m("suite", "all kinds (listed)", "e4", 0.88, value_f1=0.83),
    ]
    monkeypatch.setattr(summary, "load_results", lambda: records)
    rows = summary.public_results()[["dataset", "compartment", "commit", "f1", "value_f1"]].fillna(-1)
    assert rows.values.tolist() == [
        ["PolNeAR", "dev", "a0", 0.40, -1],
        ["PolNeAR", "train", "d3", 0.62, -1],
        ["suite", "all kinds (listed)", "e4", 0.88, 0.83],
    ]
    assert len(summary.public_results(latest=False)) == len(records)


def _newest_recorded() -> dict[str, dict]:
    """From results.json itself: the last measurement recorded for each data set."""
    measurements = json.loads((paths.DATA / "evaluation" / "results.json").read_text(encoding="utf-8"))["measurements"]
    return {m["dataset"]: m for m in measurements}


def test_the_recorded_results_give_the_newest_quantulum3_measurement():
    newest = _newest_recorded()["quantulum3 test suite"]
    rows = summary.public_results()
    suite = rows[rows["dataset"] == "quantulum3 test suite"]
    assert len(suite) == 1  # the superseded 'all kinds' compartment (value F1 0.60) is gone
    assert suite.iloc[0]["commit"] == newest["commit"]
    assert suite.iloc[0]["value_f1"] == newest["metrics"]["value_f1"]


@pytest.fixture(scope="module")
def accuracy_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("accuracy")
    return report.build(paths.SEED_ARTICLE, out, only=["90-measure-accuracy"])


def test_the_accuracy_card_quotes_a_data_sets_newest_measurement(accuracy_build):
    index = (accuracy_build / "index.html").read_text(encoding="utf-8")
    found = re.findall(r'<p class="finding">(.*?)</p>', index)
    assert len(found) == 1
    card = found[0]
    newest = _newest_recorded()
    named = [name for name in newest if f" on {name} (" in card]
    assert len(named) == 1, card  # the card names one data set ...
    compartment = re.search(rf" on {re.escape(named[0])} \(([^,]+),", card).group(1)
    measurements = json.loads((paths.DATA / "evaluation" / "results.json").read_text(encoding="utf-8"))["measurements"]
    metrics = [m for m in measurements if m["dataset"] == named[0] and m["compartment"] == compartment][-1]["metrics"]
    assert f"F1 {metrics['f1']:.2f}" in card  # ... with its newest numbers
    if "value_f1" in metrics:
        assert f"value F1 {metrics['value_f1']:.2f}" in card
    page = (accuracy_build / "90-measure-accuracy.html").read_text(encoding="utf-8")
    assert "quantulum3 test suite (all kinds): F1 0.71, value F1 0.60" not in page  # the old measurement
