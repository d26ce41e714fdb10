"""``analyze``: every layer in one pass, streaming records in input order, per-record
errors, ``--jobs`` and a Dask cluster giving the same bytes as one process."""

from __future__ import annotations

import io
import json
import subprocess

import pytest

from conftest import PYTHON, ROOT
from helpers import batch

SEED = "data/raw/000_87517c3568669267.txt"
RECORDS = [
    {"id": "a", "text": "Officials said on Monday that 2,000 people had left the city.", "date": "2024-05-08"},
    {"id": "b", "text": "   "},
    "not json",
    {"id": "c", "text": "“We will rebuild,” Mayor Ana Ruiz told reporters last week.", "date": "2023-01-10"},
    {"id": "d", "text": "Prices rose 4 percent in 2022.", "date": "2023-02-01"},
]


def run(*args, stdin=None):
    return subprocess.run([PYTHON, "-m", "helpers", *args], input=stdin, capture_output=True, text=True, cwd=ROOT)


def jsonl(records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def test_analyze_file_is_the_single_commands_in_one_object():
    res = run("analyze", SEED)
    assert res.returncode == 0, res.stderr
    [record] = [json.loads(x) for x in res.stdout.splitlines()]
    assert list(record) == ["id", "sentences", "quotes", "timexes", "figures", "quantities"]
    for layer in ("sentences", "quotes", "timexes", "figures", "quantities"):
        single = [json.loads(x) for x in run(layer, SEED).stdout.splitlines()]
        assert record[layer] == single, layer
    assert (len(record["quotes"]), len(record["timexes"]), len(record["figures"])) == (27, 23, 5)
    # the layer: the five figures and the seed's two durations, in text order
    assert [(q["text"], q["kind"]) for q in record["quantities"] if q["kind"] == "duration"] == [("one day", "duration"), ("nearly 11 years", "duration")]
    assert [q for q in record["quantities"] if q["kind"] not in ("duration", "age", "multiplier")] == record["figures"]
    assert list(record["quantities"][0]) == list(record["figures"][0])  # the same fields


def test_analyze_jsonl_keeps_order_and_reports_bad_records_on_their_own_lines():
    res = run("analyze", "--jsonl", "-", stdin=jsonl(RECORDS))
    assert res.returncode == 2
    out = [json.loads(x) for x in res.stdout.splitlines()]
    assert [o.get("id") for o in out] == ["a", "b", None, "c", "d"]
    assert out[1] == {"id": "b", "error": "file contains only whitespace"}
    assert out[2] == {"id": None, "line": 3, "error": "invalid JSON (Expecting value)"}
    a = out[0]
    assert [t["value"] for t in a["timexes"]] == ["2024-05-06"]  # the Monday before Wednesday 8 May
    assert [(f["text"], f["value"]) for f in a["figures"]] == [("2,000", 2000.0)]
    assert [(q["speaker"], q["kind"]) for q in a["quotes"]] == [("Officials", "indirect")]
    assert [(q["speaker"], q["kind"]) for q in out[3]["quotes"]] == [("Ana Ruiz", "direct")]
    assert len(res.stderr.strip().splitlines()) == 2


def test_jobs_give_the_same_bytes_as_one_process(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl(RECORDS * 6), encoding="utf-8")
    one = run("analyze", "--jsonl", str(path))
    two = run("analyze", "--jsonl", str(path), "--jobs", "2")
    assert one.returncode == two.returncode == 2
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) == 30


def test_dask_local_cluster_gives_the_same_bytes_as_one_process(tmp_path):
    distributed = pytest.importorskip("distributed")
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl(RECORDS * 4), encoding="utf-8")
    single = io.StringIO()
    batch.run("analyze", str(path), None, single)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        on_dask = io.StringIO()
        status = batch.run("analyze", str(path), None, on_dask, dask=cluster.scheduler_address)
    assert status == 2
    assert on_dask.getvalue() == single.getvalue()
    assert len(single.getvalue().splitlines()) == 20


def test_records_stream_before_the_input_ends():
    proc = subprocess.Popen([PYTHON, "-m", "helpers", "analyze", "--jsonl", "-"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, cwd=ROOT)
    proc.stdin.write(jsonl(RECORDS[:1]))
    proc.stdin.flush()
    first = json.loads(proc.stdout.readline())  # printed while stdin is still open
    proc.stdin.close()
    proc.wait(timeout=60)
    assert first["id"] == "a"


def test_jobs_and_dask_need_jsonl():
    res = run("analyze", SEED, "--jobs", "2")
    assert res.returncode == 2 and "--jobs and --dask go with --jsonl" in res.stderr


def test_quantities_command_keeps_ages_and_durations_that_figures_leaves_out():
    records = [{"id": "x", "text": "Mary Barra, 51, said 300 workers left after 20 minutes in 2014-15.", "date": "2024-05-08"}]
    quantities = [json.loads(x) for x in run("quantities", "--jsonl", "-", stdin=jsonl(records)).stdout.splitlines()]
    figures = [json.loads(x) for x in run("figures", "--jsonl", "-", stdin=jsonl(records)).stdout.splitlines()]
    assert [(q["text"], q["kind"]) for q in quantities[0]["quantities"]] == [("51", "age"), ("300", "count"), ("20 minutes", "duration")]
    assert [(q["text"], q["kind"]) for q in figures[0]["figures"]] == [("300", "count")]


def test_quantities_command_bad_input_is_one_line_and_exit_2(tmp_path):
    res = run("quantities", str(tmp_path / "missing.txt"))
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and res.stderr.startswith("helpers: error:")
