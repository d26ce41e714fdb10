"""The benchmark's floor and its record (``helpers.bench``); no test here asserts a time."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from helpers import bench, evaluate


def test_the_floor_process_scores_every_naive_sentence_with_nothing_of_helpers(tmp_path):
    records = [{"id": "a", "text": "Prices rose. Did they fall? No!\nThey rose again."}, {"id": "b", "text": "One more."}]
    data = tmp_path / "c.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", bench.FLOOR_SCRIPT, str(data)], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["5"]  # "Prices rose." "Did they fall?" "No!" "They rose again." "One more."


def test_the_floor_process_fails_when_it_imports_helpers(tmp_path):
    data = tmp_path / "c.jsonl"
    data.write_text(json.dumps({"id": "a", "text": "Prices rose."}) + "\n", encoding="utf-8")
    script = "import helpers.vocab\n" + bench.FLOOR_SCRIPT
    done = subprocess.run([sys.executable, "-c", script, str(data)], capture_output=True, text=True)
    assert done.returncode == 1 and "the floor imported helpers" in done.stderr


def test_the_floor_in_process_is_the_same_function():
    floor = bench._floor_function()
    assert floor(["Prices rose. Did they fall? No!", "They rose again."]) == 4


def test_the_corpus_deals_every_paragraph_once_before_reusing_one():
    records = bench.corpus(20)
    paragraphs = [p for r in records for p in r["text"].split("\n")]
    assert len(records) == 20 and len(set(paragraphs)) == len(paragraphs)
    assert all(re.fullmatch(r"2025-\d\d-\d\d", r["date"]) for r in records)
    assert bench.corpus(20) == records  # deterministic


def test_a_benchmark_is_recorded_beside_the_measurements_and_audits(tmp_path, monkeypatch):
    path = tmp_path / "results.json"
    body = {"about": "x", "measurements": [{"layer": "quotes"}], "audits": [{"dataset": "C"}]}
    path.write_text(json.dumps(body), encoding="utf-8")
    monkeypatch.setattr(evaluate, "results_path", lambda: path)
    entry = bench.record({"rounds": [{"whole-process ratio": 1.4}]}, note="n")
    assert entry["rounds"] == [{"whole-process ratio": 1.4}] and "CPUs" in entry["machine"] and entry["date"]
    evaluate.record_audit({"articles": 1}, dataset="D", compartment="all", source="project")
    after = json.loads(path.read_text(encoding="utf-8"))
    assert after["measurements"] == [{"layer": "quotes"}] and len(after["audits"]) == 2
    assert after["benchmarks"][0]["note"] == "n"  # kept when an audit is recorded after it


def test_a_baseline_runs_another_checkouts_helpers(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", "/elsewhere")
    env = bench._baseline_env(tmp_path / "src")
    assert env["PYTHONPATH"].split(":") == [str(tmp_path / "src"), "/elsewhere"]
