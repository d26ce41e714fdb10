"""The audit's checks, each with a case that fails it and one that passes, and the command."""

from __future__ import annotations

import subprocess
import sys
from types import SimpleNamespace

import pandas as pd
import pytest

from helpers.audit import audit_layers, checks, summary
from helpers.document import Document


def test_table_cells_flag_missing_values_and_raw_floats():
    df = pd.DataFrame({
        "speaker": ["Jane Doe", None, "nan"],
        "event": ["the vote", float("nan"), "[None, 'x']"],
        "score": [0.5, 0.25, 0.125],
        "kept": ["0.123456", "0.12", "2"],
    })
    found = dict(checks.table_cells("t", df))
    # None and NaN cells are shown blank by display.table, so only the *text* 'nan' and a
    # list written with None inside it are what a reader would see
    assert found == {
        "t[2].speaker": "cell shows 'nan'",
        "t[2].event": "cell shows \"[None, 'x']\"",
        "t[0].kept": "raw float '0.123456'",
    }
    assert checks.table_cells("t", pd.DataFrame({"a": ["Jane Doe", ""], "b": [1.5, 2.0]})) == []


def test_a_sentence_that_says_none_is_prose_not_a_missing_value():
    df = pd.DataFrame({"text": ["None of the ministers who spoke on Tuesday agreed with him."]})
    assert checks.table_cells("t", df) == []


def test_text_values_flag_nan_in_a_finding():
    assert checks.text_values("finding 3", "Spearman's rho = nan.") == [("finding 3", "shows 'nan': \"Spearman's rho = nan.\"")]
    assert checks.text_values("finding 3", "Spearman's rho = 0.16.") == []


BY_CAMP = pd.DataFrame({
    "camp": ["US", "US", "unknown", "unknown"],
    "lexicon": ["TextBlob polarity", "VADER compound"] * 2,
    "n": [4, 4, 9, 9],
    "mean": [0.25, 0.10, 0.06, 0.02],
})


def test_a_title_whose_numbers_are_not_in_its_table_fails():
    # the title notebook 10 printed over a table whose means differ by 0.19
    bad = checks.title_matches_table("t", "Camp means differ by up to 0.00; all intervals overlap", BY_CAMP)
    assert [d for _, d in bad] == ["title says 0.00 but its table has no such value: "
                                   "'Camp means differ by up to 0.00; all intervals overlap'"]
    good = "TextBlob: US highest (+0.25), unknown lowest (+0.06); VADER: US highest (+0.10), unknown lowest (+0.02)"
    assert checks.title_matches_table("t", good, BY_CAMP) == []


def test_title_numbers_count_rows_totals_and_percentages_but_not_dates():
    camps = pd.DataFrame({"camp": ["Europe", "US"], "statements": [11, 16], "share": [0.407, 0.593]})
    assert checks.title_matches_table("t", "US is quoted most: 16 of 27 statements (59%)", camps) == []
    assert checks.title_matches_table("t", "US is quoted most: 17 of 27 statements", camps)[0][1].startswith("title says 17")
    panel = pd.DataFrame({"panel": ["recent"], "days": [90]})
    assert checks.title_matches_table("t", "The 90 days before 14 August 2025", panel) == []
    assert checks.title_matches_table("t", "The 14 days before 14 August 2025", panel)[0][1].startswith("title says 14 ")
    assert checks.title_matches_table("t", "No table", None) == [("t", "title names no table it is computed from")]


@pytest.mark.parametrize("speaker, why", [
    ("Of Clinton", "starts with 'Of'"),
    ("urging black voters in North Carolina to vote early and punish Republican officeholders for", "ends with 'for'"),
    ("where she #1", "starts with 'where'"),
    ("latest US newspaper to", "ends with 'to'"),
    ("Hillary Clinton in a new video where she", "holds a relative clause ('where')"),
    ("a spokesman for the ministry of foreign affairs of the republic and its many regions", "15 words"),
    ("Donald Trump", None),
    ("two people familiar with the talks", None),
    ("an unnamed official #2", None),
    ("Sen. Jack Reed (D-R.I.)", None),
])
def test_speaker_phrase(speaker, why):
    assert checks.speaker_phrase(speaker) == why


def _statement(qid, start, end, text="x", speaker="Jane Doe", cue_start=None):
    return SimpleNamespace(quote_id=qid, start=start, end=end, text=text, speaker=speaker, cue_start=cue_start)


def test_duplicate_and_nested_statements():
    sts = [_statement(1, 0, 40, "a long content", cue_start=45), _statement(2, 10, 30, "inside", cue_start=42),
           _statement(3, 50, 60, "apart", cue_start=62), _statement(4, 50, 60, "apart", cue_start=64)]
    assert checks.duplicate_statements(sts) == [
        ("statements 1 and 2", "one content inside the other: 'inside'"),
        ("statements 3 and 4", "the same content: 'apart'"),
    ]
    assert checks.duplicate_statements([_statement(1, 0, 10), _statement(2, 5, 20)]) == []  # overlap is not nesting
    # a nested attribution: the inner statement's cue is inside the outer content (X said that Y believes Z)
    nested = [_statement(1, 0, 40, "that Y believes Z", cue_start=45), _statement(2, 20, 40, "Z", cue_start=12)]
    assert checks.duplicate_statements(nested) == []


@pytest.mark.parametrize("text, before, after, kind", [
    ("2009-2010", "during the ", " flu season", "year"),
    ("from 2010 to 2014", "served ", " as", "year"),
    ("1990s", "in the ", ".", "year"),
    ("51", "said Mary Barra, ", ", the chief", "age"),
    ("44", "a man aged ", ", from", "age"),
    ("49", "a ", "-year-old nurse", "age"),
    ("30 to 50", "women ", " years old", "age"),
    ("3:30 p.m.", "at ", " on", "clock time"),
    ("21st", "the ", " century", "ordinal"),
    ("3-1", "won ", " on Sunday", "score"),
    ("52-48", "passed by a ", " vote", "score"),
    ("4-4", "the court's ", " split", "score"),
    ("200-250", "flight at ", " seats.", None),
    ("250 to 290", "the 787-9 holds ", ".", None),
    ("737-800", "The Boeing ", " has", "identifier"),
    ("4", "the new iPhone ", " will", "identifier"),
    ("519", "voters in precinct ", " said", "identifier"),
    ("370", "Malaysia Airlines Flight ", " vanished", "identifier"),
    ("66", "along Route ", ".", "identifier"),
    ("10", "at No. ", " Downing Street", "identifier"),
    ("16", "two F-", " fighters", "identifier"),
    ("$25 million", "raised at least ", " in", None),
    ("52 percent", "won ", " of the vote", None),
    ("1,351", "", " soldiers had been killed", None),
    ("20 million", "a city of ", ".", None),
    ("1,237", "we think about the big number: ", ". That", None),  # a colon between: the number is given, not named
    ("152", "commercial center, and building ", " single-family homes", None),  # 'building' the verb
])
def test_figure_kind(text, before, after, kind):
    assert checks.figure_kind(text, before, after) == kind


def test_offsets_flag_a_record_that_does_not_index_its_text():
    text = "The vote was close."
    good = SimpleNamespace(start=4, end=8, text="vote")
    bad = SimpleNamespace(start=4, end=9, text="vote")
    assert checks.offsets(text, {"x": (good,)}) == []
    assert checks.offsets(text, {"x": (bad,)}) == [("x at 4", "text[4:9] is not the record's text 'vote'")]


def test_figures_check_reads_the_words_around_each_figure():
    text = "Malaysia Airlines Flight 370 vanished with 239 people on board."
    found = checks.figures(text, [SimpleNamespace(start=25, end=28, text="370"), SimpleNamespace(start=43, end=46, text="239")])
    assert found == [("figure at 25", "'370' is an identifier, not a figure")]


def test_the_seed_layers_pass_every_check():
    from helpers.article import load_article

    assert audit_layers(Document(load_article())) == []


def test_summary_counts_problems_and_articles():
    from helpers.audit import Problem

    s = summary([("a", [Problem("offsets", "w", "d"), Problem("offsets", "w2", "d")]), ("b", []),
                 ("c", [Problem("speaker phrase", "w", "d")])])
    assert s["articles"] == 3 and s["articles_with_problems"] == 2
    assert s["checks"]["offsets"] == {"problems": 2, "articles": 1}
    assert s["checks"]["speaker phrase"] == {"problems": 1, "articles": 1}
    assert s["checks"]["raises"] == {"problems": 0, "articles": 0}


def _cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "helpers", "audit", *args], capture_output=True, text=True, input=stdin)


def _fake_audit(doc, parameters=None):
    """One problem for an article that says BROKEN, none otherwise (the command's output is tested, not the checks)."""
    from helpers.audit import Problem

    return [Problem("not a figure", "figure at 0", "'370' is an identifier, not a figure")] if "BROKEN" in doc.text else []


def test_audit_command_prints_a_line_per_article_with_problems_and_a_summary(tmp_path, monkeypatch, capsys):
    from helpers import cli

    monkeypatch.setattr("helpers.audit.run.audit_document", _fake_audit)
    (tmp_path / "a.txt").write_text("BROKEN: Flight 370 vanished.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The council met on Tuesday.\n", encoding="utf-8")
    assert cli.main(["audit", str(tmp_path), "--date", "2014-03-20", "--details"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("a.txt: 1 problem: not a figure (1)")
    assert lines[1] == "    not a figure: figure at 0: '370' is an identifier, not a figure"
    assert lines[-1] == "1 of 2 articles with problems"
    assert any(ln.split() == ["not", "a", "figure", "1", "1"] for ln in lines)
    (tmp_path / "a.txt").unlink()
    assert cli.main(["audit", str(tmp_path), "--date", "2014-03-20"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "0 of 1 articles with problems"


def test_audit_command_jsonl_and_bad_input(tmp_path, monkeypatch, capsys):
    import io
    import json

    from helpers import cli

    monkeypatch.setattr("helpers.audit.run.audit_document", _fake_audit)
    records = '{"id": "ok", "text": "The council met on Tuesday.", "date": "2020-01-08"}\n{"id": 3}\n'
    monkeypatch.setattr("sys.stdin", SimpleNamespace(buffer=io.BytesIO(records.encode())))
    assert cli.main(["audit", "--jsonl", "-", "--json"]) == 1
    out = [json.loads(ln) for ln in capsys.readouterr().out.splitlines()]
    assert out[0] == {"id": "3", "problems": [{"check": "raises", "where": "record",
                                                "detail": 'expected an object with "id" and a string "text"'}]}
    assert out[-1]["summary"]["articles"] == 2 and out[-1]["summary"]["articles_with_problems"] == 1
    missing = _cli(str(tmp_path / "nope"))
    assert missing.returncode == 2 and missing.stderr.strip() == f"helpers: error: {tmp_path / 'nope'}: no such file or folder"
    both = _cli(str(tmp_path), "--jsonl", "-")
    assert both.returncode == 2 and "give either PATH or --jsonl IN" in both.stderr


def test_article_text_that_opens_with_none_is_not_a_missing_value():
    finding = "The earliest dated reference is “2003” (2003): None of the major candidates is popular."
    assert checks.text_values("finding 2", finding) == []
    assert checks.table_cells("t", pd.DataFrame({"event": ["None of them"]})) == []


def test_a_tiny_mean_reads_as_rounded_zeros_not_as_a_raw_float():
    from helpers.display import number

    assert number(-0.000267, 2) == "-0.00" and number(0.000417, 3) == "0.000" and number(0.0, 2) == "0"
    assert checks.table_cells("by_camp", pd.DataFrame({"mean": [-0.000267]}), precision=2) == []
