"""The CLI contract: JSON lines, exact offsets, batch mode, one-line errors with exit 2."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import PYTHON, ROOT
from helpers import paths


def run(*args, stdin=None):
    return subprocess.run(
        [PYTHON, "-m", "helpers", *map(str, args)], input=stdin, capture_output=True,
        text=True, cwd=ROOT, timeout=120,
    )


def lines(stdout):
    return [json.loads(ln) for ln in stdout.splitlines()]


def test_sentences_seed_offsets_exact():
    res = run("sentences", paths.SEED_ARTICLE)
    assert res.returncode == 0, res.stderr
    recs = lines(res.stdout)
    text = paths.SEED_ARTICLE.read_bytes().decode("utf-8")
    assert len(recs) == 37  # caption, headline, standfirst + 34 body sentences
    assert sum(r["unit"] == "body" for r in recs) == 34
    for r in recs:
        assert text[r["start"] : r["end"]] == r["text"]
    assert recs[3]["text"].startswith("Ukraine’s allies said")
    assert recs[3]["section"] == "(lead)" and recs[3]["paragraph"] == 0


def test_plain_text_file_with_date(write):
    p = write("Mr. Smith left at 3 p.m. on Monday. He returned.\nSecond paragraph.\n", "plain.txt")
    recs = lines(run("sentences", p, "--date", "2025-01-06").stdout)
    assert [r["text"] for r in recs] == ["Mr. Smith left at 3 p.m. on Monday.", "He returned.", "Second paragraph."]
    assert [r["paragraph"] for r in recs] == [0, 0, 1]
    assert recs[1]["start"] == 36


def test_jsonl_batch_from_stdin_and_file(write):
    records = [
        {"id": "a", "text": "One. Two here."},
        {"id": 7, "text": " date 2025-01-01 cap\nHead\nOslo — Body one. Body two.\n", "date": "2024-12-31"},
    ]
    data = "\n".join(json.dumps(r) for r in records) + "\n"
    for source, stdin in (("-", data), (write(data, "in.jsonl"), None)):
        res = run("sentences", "--jsonl", source, stdin=stdin)
        assert res.returncode == 0, res.stderr
        out = lines(res.stdout)
        assert [o["id"] for o in out] == ["a", 7]
        assert [s["text"] for s in out[0]["sentences"]] == ["One.", "Two here."]
        body = [s for s in out[1]["sentences"] if s["unit"] == "body"]
        assert [s["text"] for s in body] == ["Body one.", "Body two."]
        for rec, o in zip(records, out):
            for s in o["sentences"]:
                assert rec["text"][s["start"] : s["end"]] == s["text"]


def test_jsonl_record_errors_are_reported_per_record():
    data = '{"id": "ok", "text": "Fine."}\n{"id": "bad", "text": "   "}\n'
    res = run("sentences", "--jsonl", "-", stdin=data)
    assert res.returncode == 2
    out = lines(res.stdout)
    assert out[0]["sentences"][0]["text"] == "Fine."
    assert out[1] == {"id": "bad", "error": "file contains only whitespace"}
    assert res.stderr.strip().splitlines() == ["helpers: error: record bad: file contains only whitespace"]


@pytest.mark.parametrize(
    "bad, record, message",
    [
        ("not json", {"id": None, "line": 1, "error": "invalid JSON (Expecting value)"}, "<stdin>: line 1: invalid JSON"),
        ('{"text": "no id"}', {"id": None, "line": 1, "error": 'expected an object with "id" and a string "text"'},
         '<stdin>: line 1: expected an object with "id"'),
        ('{"id": 1, "text": "x", "date": 5}', {"id": 1, "error": '"date" must be a YYYY-MM-DD string'},
         'record 1: "date" must be a YYYY-MM-DD string'),
    ],
)
def test_jsonl_malformed_line_gets_its_own_error_and_the_others_go_on(bad, record, message):
    data = bad + "\n" + '{"id": "ok", "text": "Fine."}\n'
    res = run("sentences", "--jsonl", "-", stdin=data)
    assert res.returncode == 2
    out = lines(res.stdout)
    assert out[0] == record
    assert out[1]["id"] == "ok" and out[1]["sentences"][0]["text"] == "Fine."
    assert len(res.stderr.strip().splitlines()) == 1 and message in res.stderr


def test_jsonl_without_records_is_an_error():
    res = run("sentences", "--jsonl", "-", stdin="\n\n")
    assert res.returncode == 2 and res.stdout == ""
    assert res.stderr.strip() == "helpers: error: <stdin>: no records"


@pytest.mark.parametrize(
    "content, problem",
    [
        (None, "no such file"),
        (b"", "empty file"),
        (b"\xff\xfe bad", "not UTF-8 text: invalid byte 0xff at byte offset 0"),
        (b"a\x00b", "NUL byte at byte offset 1"),
        (b" date 2025-02-30 c\nH\nBody.\n", "impossible date"),
    ],
)
def test_bad_files_exit_2_with_one_line(tmp_path, content, problem):
    p = tmp_path / "bad.txt"
    if content is not None:
        p.write_bytes(content)
    res = run("sentences", p)
    assert res.returncode == 2
    assert res.stdout == ""
    err = res.stderr.strip().splitlines()
    assert len(err) == 1 and "Traceback" not in res.stderr
    assert err[0].startswith(f"helpers: error: {p}: ")
    assert problem in err[0]


def test_directory_and_bad_date(tmp_path):
    res = run("sentences", tmp_path)
    assert res.returncode == 2 and "is a directory" in res.stderr
    res = run("sentences", paths.SEED_ARTICLE, "--date", "yesterday")
    assert res.returncode == 2 and "invalid date 'yesterday'" in res.stderr


def test_help_documents_every_command():
    res = run("--help")
    assert res.returncode == 0
    for cmd in ("sentences", "quotes", "timexes", "figures", "report"):
        assert cmd in res.stdout
    sub = run("sentences", "--help")
    assert "--jsonl" in sub.stdout and "--date" in sub.stdout


def test_figures_command_offsets_and_batch():
    res = run("figures", paths.SEED_ARTICLE)
    assert res.returncode == 0, res.stderr
    recs = lines(res.stdout)
    text = paths.SEED_ARTICLE.read_bytes().decode("utf-8")
    assert [r["text"] for r in recs] == ["tens of thousands", "millions", "about 9-10km", "about a fifth", "four"]
    for r in recs:
        assert text[r["start"] : r["end"]] == r["text"]
    assert recs[2]["low"] == 9 and recs[2]["high"] == 10 and recs[2]["value"] is None
    batch = run("figures", "--jsonl", "-", stdin='{"id": "x", "text": "Up to 120,000 troops massed in 2021."}\n')
    out = lines(batch.stdout)
    assert out == [{"id": "x", "figures": [dict(out[0]["figures"][0])]}]
    f = out[0]["figures"][0]
    assert (f["text"], f["low"], f["high"], f["qualifier"], f["category"]) == ("Up to 120,000", 0.0, 120000.0, "up to", "military")


def test_quotes_command_offsets_scores_and_batch():
    res = run("quotes", paths.SEED_ARTICLE)
    assert res.returncode == 0, res.stderr
    recs = lines(res.stdout)
    text = paths.SEED_ARTICLE.read_bytes().decode("utf-8")
    assert len(recs) == 27
    for r in recs:
        assert text[r["start"] : r["end"]] == r["text"]
        assert text[r["speaker_start"] : r["speaker_end"]] == r["speaker_mention"]
        assert -1 <= r["tb_polarity"] <= 1 and -1 <= r["vader_compound"] <= 1
    first = recs[0]
    assert (first["speaker"], first["kind"], first["text"], first["camp"]) == (
        "Kyiv", "mixed", "talks with Trump on Wednesday were ‘pivotal’", "Ukraine",
    )
    assert [text[a:b] for a, b in first["quoted"]] == ["pivotal"] and first["voice"] == "mixed"
    assert first["tb_polarity"] == 0.5  # scored on Kyiv's own word, not the reporter's clause
    batch = run(
        "quotes", "--jsonl", "-", "--date", "2025-01-06",
        stdin='{"id": 1, "text": "“We are ready,” Novak said."}\n{"id": 2, "text": "No quotes here."}\n',
    )
    assert batch.returncode == 0, batch.stderr
    out = lines(batch.stdout)
    assert [o["id"] for o in out] == [1, 2]
    assert out[1]["quotes"] == []
    q = out[0]["quotes"][0]
    assert (q["speaker"], q["text"], q["start"], q["end"]) == ("Novak", "We are ready", 1, 13)
    assert q["vader_compound"] == pytest.approx(0.3612)


def test_timexes_command_offsets_dates_and_batch(write):
    res = run("timexes", paths.SEED_ARTICLE)
    assert res.returncode == 0, res.stderr
    recs = lines(res.stdout)
    text = paths.SEED_ARTICLE.read_bytes().decode("utf-8")
    assert len(recs) == 23  # the seed gold: 22, and "now" (PRESENT_REF)
    for r in recs:
        assert text[r["start"] : r["end"]] == r["text"]
    assert (recs[0]["text"], recs[0]["value"], recs[0]["anchor"]) == ("2019", "2019", "2025-08-14")
    plain = write("He left on Friday and returns next week.\n", "plain.txt")
    out = lines(run("timexes", plain, "--date", "2024-02-29").stdout)
    assert [(r["text"], r["value"]) for r in out] == [("Friday", "2024-02-23"), ("next week", "2024-W10")]
    undated = run("timexes", plain)  # no reference date: values keep what the text gives
    assert undated.returncode == 0, undated.stderr
    assert [(r["text"], r["value"], r["anchor"]) for r in lines(undated.stdout)] == [
        ("Friday", "XXXX-WXX-5", None), ("next week", "XXXX-WXX", None)]
    batch = run("timexes", "--jsonl", "-", stdin='{"id": "a", "text": "It ended in 2021.", "date": "2025-01-01"}\n')
    assert lines(batch.stdout)[0]["timexes"][0]["value"] == "2021"
