"""Odd but valid input (issue 14): impossible calendar dates, anchors at the calendar's edges,
numbers beyond float range, JSON lines that break a naive reader, invisible characters."""

from __future__ import annotations

import json

import pytest

from helpers.article import parse_article
from helpers.document import Document
from helpers.timeline import impossible_day
from test_cli import lines, run


@pytest.mark.parametrize("text", [
    "The talks ended on February 30 after a long night.",
    "The talks ended on 31 April, officials said.",
    "The ceasefire of 2023-02-29 did not hold.",
    "The deal was signed on February 30, 2024 in Geneva.",
])
def test_impossible_calendar_dates_are_not_dates(text):
    doc = Document(parse_article(text, date="2025-03-01"))
    assert [t.text for t in doc.timexes if t.type == "DATE"] == []


def test_possible_leap_days_stay_dates():
    doc = Document(parse_article("On February 29 the talks ended; the 2024-02-29 deal held.", date="2025-03-01"))
    assert [(t.text, t.value) for t in doc.timexes] == [("February 29", "2024-02-29"), ("2024-02-29", "2024-02-29")]


@pytest.mark.parametrize("value, impossible", [
    ("2025-02-30", True), ("2024-02-29", False), ("2023-02-29", True), ("XXXX-02-29", False),
    ("XXXX-04-31", True), ("2025-13-01", True), ("2025-W33", False), ("PRESENT_REF", False), (None, False),
])
def test_impossible_day(value, impossible):
    assert impossible_day(value) is impossible


EDGE_TEXT = ("Yesterday, next week, last year, next year, the next decade, two years ago and this "
             "winter he said on Monday.")


EDGE_TEXT_2 = ("The following year it closed; the previous month it opened. On Christmas Eve 2019 they met. "
               "In Easter week, on Election Day, over the weekend and that same day, at 5 p.m. EST, Dec. 30, "
               "in June last year and at noon Friday, for 2 1/2 years.")


EDGE_TEXT_3 = ("Talks will resume in the spring. Sales slowed over the summer. The index rose since year-end "
               "and will fall by the end of the year.")


@pytest.mark.parametrize("text, anchor, expected", [
    (EDGE_TEXT, "9999-12-31", {"Yesterday": "9999-12-30", "next week": "XXXX-WXX", "last year": "9998",
                               "next year": "XXXX", "the next decade": "XXX", "Monday": "9999-12-27"}),
    (EDGE_TEXT, "0001-01-01", {"Yesterday": "XXXX-XX-XX", "next week": "0001-W02", "last year": "XXXX",
                               "next year": "0002", "two years ago": "XXXX", "Monday": "0001-01-01"}),
    # dates counted from the one under discussion, holidays and combined times
    (EDGE_TEXT_2, "9999-12-31", {"The following year": "XXXX", "the previous month": "9999-11",
                                 "June last year": "9998-06", "2 1/2 years": "P2Y6M"}),
    (EDGE_TEXT_2, "0001-01-01", {"The following year": "0002", "the previous month": "XXXX-XX",
                                 "June last year": "XXXX-06", "noon Friday": "0001-01-05T12:00"}),
    # seasons and a year's bounds
    (EDGE_TEXT_3, "9999-12-31", {"the spring": "XXXX-SP", "the summer": "9999-SU", "year-end": "9998",
                                 "the end of the year": "9999"}),
    (EDGE_TEXT_3, "0001-01-01", {"the spring": "0001-SP", "the summer": "XXXX-SU", "year-end": "XXXX",
                                 "the end of the year": "0001"}),
])
def test_anchor_dates_at_the_calendars_edges_give_values(tmp_path, text, anchor, expected):
    path = tmp_path / "edge.txt"
    path.write_text(text, encoding="utf-8")
    res = run("analyze", path, "--date", anchor)
    assert res.returncode == 0, res.stderr
    values = {t["text"]: t["value"] for t in lines(res.stdout)[0]["timexes"]}
    assert {k: values[k] for k in expected} == expected


EDGE_TEXT_4 = ("Next month, last month, a month ago, this quarter, the last century and March he said "
               "on Monday. Sales rose in the quarter. The year-earlier quarter was bad.")


@pytest.mark.parametrize("anchor, expected", [
    # every year in four digits (strftime wrote year 1 as "1-02"); a value before year 1 is unspecified
    ("0001-01-01", {"Next month": "0001-02", "last month": "XXXX-XX", "last century": "XX",
                    "March": "0001-03", "the quarter": "XXXX-QX", "The year-earlier quarter": "XXXX-QX"}),
    ("0001-12-31", {"Next month": "0002-01", "last month": "0001-11", "a month ago": "0001-11",
                    "March": "0001-03", "the quarter": "0001-Q3", "The year-earlier quarter": "XXXX-QX"}),
])
def test_values_counted_from_year_one_write_the_year_in_four_digits(anchor, expected):
    doc = Document(parse_article(EDGE_TEXT_4, date=anchor))
    values = {t.text: t.value for t in doc.timexes}
    assert {k: values.get(k) for k in expected} == expected


def test_numbers_beyond_float_range_have_no_value_and_output_is_strict_json(tmp_path):
    huge = "1" + "9" * 400
    path = tmp_path / "huge.txt"
    path.write_text(f"The army has {huge} soldiers and lost 1e999 tanks, {huge} km of front.", encoding="utf-8")
    res = run("analyze", path, "--date", "2025-03-01")
    assert res.returncode == 0, res.stderr
    for line in res.stdout.splitlines():
        json.loads(line, parse_constant=lambda c: pytest.fail(f"non-strict JSON constant {c}"))
    figures = lines(res.stdout)[0]["figures"]
    by_text = {f["text"]: f for f in figures}
    assert by_text[huge]["value"] is None and by_text[huge]["low"] is None and by_text[huge]["high"] is None


def test_jsonl_splits_on_newline_only():
    text = "He left.\u2028Smith said the vote was close.\u2029\x85End."
    data = json.dumps({"id": "sep", "text": text}, ensure_ascii=False)
    res = run("analyze", "--jsonl", "-", stdin=data + "\n" + '{"id": "ok", "text": "Fine."}\n')
    assert res.returncode == 0, res.stderr
    assert len(res.stdout.splitlines()) == 2  # the line breaks inside the text are escaped
    out = lines(res.stdout)
    assert [o["id"] for o in out] == ["sep", "ok"]
    assert [q["speaker"] for q in out[0]["quotes"]] == ["Smith"]
    for s in out[0]["sentences"]:
        assert text[s["start"]:s["end"]] == s["text"]


def test_jsonl_bad_records_each_get_an_error_and_the_others_go_on_in_order():
    data = "\n".join([
        '{"id": 1, "text": "Smith said the vote was close."}',
        '{"id": "1", "text": "A string id is another id."}',
        '{"id": 1, "text": "Same id again."}',
        "[1, 2]",
        '{"id": "s", "text": "lone \\ud800 half"}',
        '{"id": "\\udc00", "text": "x"}',
        '{"id": true, "text": "x"}',
        '{"text": "no id"}',
        '{"id": "n", "text": 5}',
        "{broken",
        '{"id": "last", "text": "Jones said it was over."}',
    ]) + "\n"
    res = run("quotes", "--jsonl", "-", "--jobs", "2", stdin=data)
    assert res.returncode == 2
    out = lines(res.stdout)
    assert [(o["id"], o.get("line"), "error" in o) for o in out] == [
        (1, None, False), ("1", None, False), (1, None, True), (None, 4, True), ("s", None, True),
        (None, 6, True), (None, 7, True), (None, 8, True), ("n", None, True), (None, 10, True),
        ("last", None, False),
    ]
    assert out[2]["error"].startswith("duplicate id")
    assert "lone surrogate" in out[4]["error"] and "lone surrogate" in out[5]["error"]
    assert out[0]["quotes"][0]["speaker"] == "Smith" and out[-1]["quotes"][0]["speaker"] == "Jones"
    assert len(res.stderr.strip().splitlines()) == 8


INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202c", "\u2066", "\u2069"]


@pytest.mark.parametrize("mark", INVISIBLE)
def test_invisible_characters_do_not_change_what_is_found(mark):
    clean = ('"The deal is dead," Prime Minister Anna Berg said on Tuesday, adding that '
             "about 8,000 troops would leave by March 2026.")
    dirty = clean.replace("deal", f"de{mark}al").replace("Berg", f"{mark}Berg").replace(
        "Tuesday", f"Tues{mark}day").replace("8,000", f"8,{mark}000").replace("said", f"sa{mark}id")
    a = Document(parse_article(clean, date="2025-03-05"))
    b = Document(parse_article(dirty, date="2025-03-05"))

    def seen(doc):
        return ([(s.speaker, s.cue, s.kind) for s in doc.statements],
                [(t.value, t.type) for t in doc.timexes],
                [(q.value, q.noun) for q in doc.quantities])

    assert seen(b) == seen(a) and seen(a)[0] and seen(a)[1] and seen(a)[2]
    for layer in ("statements", "timexes", "quantities", "sentences"):
        for r in b.layer(layer):
            assert dirty[r.start:r.end] == r.text  # offsets index the text as given
    speaker = b.statements[0]
    assert dirty[speaker.speaker_start:speaker.speaker_end] == f"Prime Minister Anna {mark}Berg"
    assert speaker.speaker_mention == f"Prime Minister Anna {mark}Berg"
