"""The one evaluator: alignment, P/R/F1 and each layer's metrics on small gold/prediction
pairs computed by hand; the readers on small files written for the tests; the command."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import PYTHON, ROOT
from helpers import evaluate, paths
from helpers.evaluate import Item, align, prf, score_quantities, score_quotes, score_timexes
from helpers.evaluate.readers import GoldFormatError, read_brat, read_cqe, read_project, read_quantulum, read_timeml


def it(start, end, text="", doc="d", **attrs):
    return Item(doc, start, end, text, attrs)


# ------------------------------------------------------------------ alignment


def test_exact_spans_are_paired_before_larger_overlaps():
    gold = [it(0, 10)]
    pred = [it(0, 12), it(0, 10)]
    assert align(gold, pred) == [(0, 1)]


def test_pairs_go_by_decreasing_overlap_one_to_one():
    gold = [it(0, 10), it(8, 20)]  # the prediction shares 5 of 10 with the first, 7 of 12 with the second
    pred = [it(5, 15)]
    assert align(gold, pred) == [(1, 0)]
    assert align(gold, pred, min_ratio=0.6) == []  # 7/12 = 0.58 is under the bar


def test_items_of_other_documents_never_pair():
    assert align([it(0, 5, doc="a")], [it(0, 5, doc="b")]) == []


def test_prf():
    assert prf(2, 4, 5) == pytest.approx((0.5, 0.4, 0.4444444))
    assert prf(0, 0, 3) == (0.0, 0.0, 0.0)


# ------------------------------------------------------------------ the layers' metrics


def test_timex_metrics_follow_tempeval3():
    gold = [it(0, 6, type="DATE", value="2025-08-15"), it(10, 20, type="DURATION", value="P1D"), it(30, 35, type="DATE", value="2024")]
    pred = [it(0, 6, type="DATE", value="2025-08-15"), it(12, 20, type="DURATION", value="P2D"), it(40, 45, type="DATE", value="2023")]
    m, errors = score_timexes(gold, pred)
    assert (m["precision"], m["recall"], m["f1"]) == pytest.approx((2 / 3, 2 / 3, 2 / 3))  # relaxed: two overlap
    assert m["strict_f1"] == pytest.approx(1 / 3)  # one identical span
    assert m["value_accuracy"] == 0.5 and m["type_accuracy"] == 1.0
    assert m["value_f1"] == pytest.approx(1 / 3)  # relaxed F1 x value accuracy
    kinds = sorted(e.split(" ")[0] for e in errors["error"])
    assert kinds == ["missed", "spurious", "wrong"]


def test_quote_metrics_need_half_overlap_and_check_the_source():
    gold = [it(0, 20, speaker="Anna Berg", source_start=30, source_end=39), it(50, 70, speaker="Ben Ode", kind="direct")]
    pred = [it(0, 12, speaker="Anna", source_start=30, source_end=34),  # 12/20 overlap, same source span
            it(50, 59, speaker="ben ode", kind="indirect")]  # 9/20 < 0.5: no match
    m, _ = score_quotes(gold, pred)
    assert (m["matched"], m["precision"], m["recall"]) == (1, 0.5, 0.5)
    assert m["attribution_accuracy"] == 1.0 and m["attribution_f1"] == 0.5
    assert m["exact_f1"] == 0.0


def test_quote_speakers_by_name_when_gold_has_no_source_span():
    gold = [it(0, 10, speaker="The ministry"), it(20, 30, speaker="Ana Ruiz")]
    pred = [it(0, 10, speaker="ministry"), it(20, 30, speaker="Ruiz")]
    m, errors = score_quotes(gold, pred)
    assert m["attribution_accuracy"] == 0.5  # case and a leading "the" ignored; a surname is not the full name
    assert "speaker 'Ruiz', gold 'Ana Ruiz'" in errors["error"].iloc[0]


def test_quantity_value_or_interval_must_be_right():
    gold = [it(0, 5, value=35.0), it(10, 20, low=9.0, high=10.0), it(30, 35, value=4.0)]
    pred = [it(0, 5, value=35.0, low=35.0, high=35.0), it(10, 20, value=None, low=9.0, high=11.0), it(30, 35, value=4.0)]
    m, errors = score_quantities(gold, pred)
    assert m["f1"] == 1.0 and m["value_accuracy"] == pytest.approx(2 / 3) and m["value_f1"] == pytest.approx(2 / 3)
    assert len(errors) == 1 and errors["error"].iloc[0].startswith("wrong value")


def test_quantities_without_spans_are_paired_by_value():
    gold = [Item("d", None, None, "6.2 %", {"value": 6.2}), Item("d", None, None, "1.45e9", {"value": 1.45e9})]
    pred = [it(0, 5, value=6.2), it(10, 20, value=1.45e9), it(30, 32, value=3.0)]
    m, _ = score_quantities(gold, pred)
    assert (m["matched"], m["precision"], m["recall"]) == (2, pytest.approx(2 / 3), 1.0)


@pytest.mark.parametrize("layer", ["quotes", "timexes", "figures"])
def test_gold_against_itself_scores_one(layer):
    docs = read_project(paths.ANNOTATIONS / evaluate.SEED_GOLD[layer])
    items = [i for d in docs for i in d.items]
    m, errors = evaluate.SCORERS[layer](items, items)
    assert m["f1"] == 1.0 and errors.empty
    for key in ("value_f1", "attribution_accuracy", "strict_f1"):
        if key in m:
            assert m[key] == 1.0


# ------------------------------------------------------------------ readers

TML = """<?xml version="1.0" ?>
<TimeML><DOCID>wsj_test</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">01/08/1998</TIMEX3></DCT>
<TEXT>
The talks <EVENT eid="e1" class="OCCURRENCE">ended</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_timeml_reader_and_scoring(tmp_path):
    (tmp_path / "a.tml").write_text(TML, encoding="utf-8")
    [doc] = read_timeml(tmp_path)
    assert doc.date == "1998-01-08" and doc.text == "\nThe talks ended yesterday after three days.\n"
    assert [(i.text, doc.text[i.start : i.end], i.get("value")) for i in doc.items] == [
        ("yesterday", "yesterday", "1998-01-07"), ("three days", "three days", "P3D")]
    m, errors = evaluate.evaluate("timexes", tmp_path, "timeml")
    assert m["f1"] == 1.0 and m["value_f1"] == 1.0 and errors.empty


def test_brat_reader_polnear_layout_and_scoring(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "news_2016-09-30_bridge.txt").write_text("Officials said the bridge would reopen.\n", encoding="utf-8")
    (tmp_path / "attributions" / "news_2016-09-30_bridge_4e07.ann").write_text(
        "T1\tSource 0 9\tOfficials\nT2\tCue 10 14\tsaid\nT3\tContent 15 38\tthe bridge would reopen\n"
        "T4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\nA1\tNote T3\n", encoding="utf-8")
    [doc] = read_brat(tmp_path / "attributions")
    [item] = doc.items
    assert (item.text, item.get("speaker"), item.get("cue"), doc.date) == ("the bridge would reopen", "Officials", "said", "2016-09-30")
    m, _ = evaluate.evaluate("quotes", tmp_path / "attributions", "brat")
    assert m["f1"] == 1.0 and m["attribution_accuracy"] == 1.0


def test_quantulum_and_cqe_readers(tmp_path):
    q = tmp_path / "quantities.json"
    q.write_text(json.dumps([{"req": "It rose 35% to $2 billion in 8- to 16-meter steps", "res": [
        {"value": 35, "unit": "percentage", "surface": "35%"}, {"value": 2e9, "unit": "dollar", "surface": "$2 billion"},
        {"value": 12, "unit": "metre", "surface": "8- to 16-meter", "uncertainty": 4}]}]), encoding="utf-8")
    [doc] = read_quantulum(q)
    assert [(i.text, i.get("value"), i.get("low"), i.get("high")) for i in doc.items] == [
        ("35%", 35.0, 35.0, 35.0), ("$2 billion", 2e9, 2e9, 2e9), ("8- to 16-meter", None, 8.0, 16.0)]
    c = tmp_path / "currency-model.json"
    c.write_text(json.dumps([{"text": "sales rose 6.2 % to $ 1.45 billion.", "quantities": [
        {"value": "1450000000", "normalized_unit": "dollar"}, {"value": "6.2", "normalized_unit": "percentage"}]}]), encoding="utf-8")
    [doc] = read_cqe(c)
    assert [(i.start, i.get("value")) for i in doc.items] == [(None, 1.45e9), (None, 6.2)]
    m, _ = evaluate.evaluate("quantities", c, "cqe")
    assert m["f1"] == 1.0 and m["value_f1"] == 1.0


def test_readers_fail_with_one_line_naming_the_file(tmp_path):
    with pytest.raises(GoldFormatError, match="no such file"):
        read_timeml(tmp_path / "missing")
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="bad.tml: not well-formed TimeML"):
        read_timeml(bad)
    with pytest.raises(GoldFormatError, match="no .ann files"):
        read_brat(tmp_path)


# ------------------------------------------------------------------ the command


def test_evaluate_command_prints_metrics_last_as_json(tmp_path):
    (tmp_path / "a.tml").write_text(TML.replace('value="P3D"', 'value="P4D"'), encoding="utf-8")
    res = subprocess.run([PYTHON, "-m", "helpers", "evaluate", "timexes", str(tmp_path), "--format", "timeml", "--json", "--errors"],
                         capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert lines[0]["error"].startswith("wrong value") and lines[0]["gold"] == "three days"
    metrics = lines[-1]
    assert (metrics["precision"], metrics["recall"], metrics["f1"], metrics["value_f1"]) == (1.0, 1.0, 1.0, 0.5)


def test_evaluate_command_on_project_gold_and_bad_path():
    res = subprocess.run([PYTHON, "-m", "helpers", "evaluate", "quotes", "data/annotations/seed_quotes.csv", "--format", "project", "--json"],
                         capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    m = json.loads(res.stdout.splitlines()[-1])
    assert (m["f1"], m["attribution_accuracy"], m["gold"]) == (1.0, 1.0, 27)
    bad = subprocess.run([PYTHON, "-m", "helpers", "evaluate", "timexes", "nowhere", "--format", "timeml"], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and bad.stderr.strip() == "helpers: error: nowhere: no such file or directory"


def test_speech_recall_counts_only_gold_with_a_speech_cue():
    from helpers.evaluate import Item, score_quotes

    gold = [
        Item("d", 0, 10, "x" * 10, {"cue": "has said", "speaker": "A"}),
        Item("d", 20, 30, "y" * 10, {"cue": "believes", "speaker": "B"}),
        Item("d", 40, 50, "z" * 10, {"cue": "according to", "speaker": "C"}),
    ]
    pred = [Item("d", 0, 10, "x" * 10, {"speaker": "A"}), Item("d", 20, 30, "y" * 10, {"speaker": "B"})]
    metrics, _ = score_quotes(gold, pred)
    assert metrics["speech_gold"] == 2 and metrics["speech_recall"] == 0.5


def test_quantulum_numerals_in_names_are_not_of_a_listed_kind():
    from helpers.evaluate.readers import _name_numeral

    def named(text, surface, unit="dimensionless", value=None):
        start = text.index(surface)
        return _name_numeral(text, start, unit, float(value if value is not None else surface))

    assert named("since the passage of Voyager 2 in 1979", "2")
    assert named('The class is "English 101". On a second thought', "101")
    assert named("Intel Core i7 860 Processor", "860")
    assert named("Cannington—South 32 Ltd", "32")
    assert not named("42 is the answer", "42")  # the sentence's first word, no name before it
    assert not named("He will be 30 by the end of the year", "30")
    assert not named("After two proton beams", "two", value=2)
    assert not named("In this pit, 50 cars are parked", "50")
    assert not named("Voyager 2 flew 20 km", "20", unit="kilometre")  # a measure, not a bare numeral


def test_the_listed_kinds_are_a_fixed_list_never_the_extractor_s_units_table(monkeypatch):
    """Adding a unit to data/reference/units.csv cannot move the ``listed_*`` denominator."""
    from helpers import resources
    from helpers.evaluate.readers import _listed_kind

    def no(*_a, **_k):
        raise AssertionError("the evaluator read the extractor's units table")

    monkeypatch.setattr(resources, "units", no)
    assert _listed_kind("kilometre", 20) and _listed_kind("square mile", 3) and _listed_kind("degree Celsius", 21)
    assert _listed_kind("dimensionless", 42) and not _listed_kind("dimensionless", 1979)  # a year is no count
    assert _listed_kind("percentage", 5) and _listed_kind("US dollar", 5)
    assert not _listed_kind("dollar per hour", 15) and not _listed_kind("gigabyte", 4) and not _listed_kind("joule", 1)
