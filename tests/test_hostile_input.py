"""Hostile input (issue 26): files that never end, files over the size limit, JSON lines that
break the parser, unreadable inputs and unreachable clusters. Each is one line naming the file
and the problem (exit status 2), or, in ``--jsonl`` mode, an error record of its own while the
others go on, the same bytes with ``--jobs 1``, ``--jobs 2`` and ``--dask``."""

from __future__ import annotations

import io
import json
import os
import subprocess

import pytest

from conftest import PYTHON, ROOT
from helpers import batch, cli
from helpers.article import DEFAULT_MAX_BYTES, InputTooLargeError, NotRegularFileError, load_article
from test_cli import lines


def run(*args, env=None):
    return subprocess.run([PYTHON, "-m", "helpers", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, env=env)

GOOD = [json.dumps({"id": "a", "text": "Smith said the vote was close."}).encode(),
        json.dumps({"id": "z", "text": "Jones said it was over."}).encode()]
HOSTILE = [
    GOOD[0],
    b'{"id": "big", "n": ' + b"7" * 5000 + b', "text": "x"}',  # ValueError: Exceeds the limit (4300 digits)
    b"[" * 100_000 + b"]" * 100_000,  # RecursionError
    b'{"id": "nu", "text": "caf\xe9"}',  # Latin-1, not UTF-8
    json.dumps({"id": "long", "text": "word " * 400}).encode(),  # 2,026 bytes: over a limit of 1,500
    GOOD[1],
]
HOSTILE_OUT = [
    ("a", None, None),
    (None, 2, "invalid JSON (an integer of more than 4300 digits)"),
    (None, 3, "invalid JSON (nested too deeply)"),
    (None, 4, "not UTF-8 text: invalid byte 0xe9 at byte offset 25 of the line"),
    ("long", None, None),
    ("z", None, None),
]
OVER = ("the line is 2,026 bytes, over the input limit of 1,500 bytes "
        "(raise it with --max-bytes or HELPERS_MAX_BYTES)")


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "hostile.jsonl"
    path.write_bytes(b"\n".join(HOSTILE) + b"\n")
    return path


def _seen(stdout: str):
    return [(o["id"], o.get("line"), o.get("error")) for o in lines(stdout)]


def _on_dask(path, **kwargs) -> tuple[int, str]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        out = io.StringIO()
        status = batch.run("quotes", str(path), None, out, dask=cluster.scheduler_address, **kwargs)
    return status, out.getvalue()


def test_jsonl_lines_that_break_the_parser_are_error_records_the_same_in_every_mode(hostile):
    one, two = (run("quotes", "--jsonl", hostile, "--jobs", n) for n in ("1", "2"))
    assert one.returncode == two.returncode == 2
    assert _seen(one.stdout) == HOSTILE_OUT
    assert [q["speaker"] for o in lines(one.stdout) if "quotes" in o for q in o["quotes"]] == ["Smith", "Jones"]
    assert "Traceback" not in one.stderr + two.stderr and len(one.stderr.splitlines()) == 3
    status, on_dask = _on_dask(hostile)
    assert status == 2
    assert one.stdout == two.stdout == on_dask


def test_a_jsonl_line_over_the_limit_is_an_error_record_the_same_in_every_mode(hostile):
    one, two = (run("quotes", "--jsonl", hostile, "--jobs", n, "--max-bytes", "1500") for n in ("1", "2"))
    expected = [("a", None, None)] + [(None, n, OVER.replace("2,026", size)) for n, size in
                                      ((2, "5,033"), (3, "200,000"))] + [HOSTILE_OUT[3], (None, 5, OVER), ("z", None, None)]
    assert _seen(one.stdout) == expected
    assert one.returncode == two.returncode == 2 and one.stdout == two.stdout
    status, on_dask = _on_dask(hostile, limit=1500)
    assert (status, on_dask) == (2, one.stdout)


def test_an_unreadable_jsonl_file_is_one_line(hostile, monkeypatch, capsys):
    real_open = os.open

    def refuse(path, *args, **kwargs):
        if str(path) == str(hostile):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)  # as root, chmod 000 would not stop a read
    assert cli.main(["quotes", "--jsonl", str(hostile)]) == 2
    assert capsys.readouterr().err == f"helpers: error: {hostile}: cannot be read (Permission denied)\n"


def test_dask_with_a_missing_file_or_an_unreachable_scheduler_is_one_line(hostile, tmp_path, monkeypatch, capsys):
    pytest.importorskip("distributed")
    missing = tmp_path / "missing.jsonl"
    assert cli.main(["quotes", "--jsonl", str(missing), "--dask", "tcp://127.0.0.1:1"]) == 2
    assert capsys.readouterr().err == f"helpers: error: {missing}: no such file\n"
    monkeypatch.setattr(batch, "DASK_TIMEOUT", 1)
    assert cli.main(["quotes", "--jsonl", str(hostile), "--dask", "tcp://127.0.0.1:1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("helpers: error: tcp://127.0.0.1:1: no Dask scheduler reachable (") and err.count("\n") == 1


@pytest.mark.parametrize("command", ["sentences", "analyze"])
def test_devices_and_fifos_are_refused_at_once(tmp_path, command):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for path, kind in (("/dev/zero", "a character device"), (fifo, "a FIFO")):
        res = run(command, path)  # a read of /dev/zero never ends; of a FIFO, waits for a writer
        assert res.returncode == 2 and res.stdout == ""
        assert res.stderr == f"helpers: error: {path}: not a regular file ({kind}); only regular files are read\n"
        with pytest.raises(NotRegularFileError):
            load_article(path)
    res = run(command, "--jsonl", "/dev/zero")
    assert (res.returncode, res.stderr) == (2, "helpers: error: /dev/zero: not a regular file (a character device)\n")


def test_a_file_over_the_limit_is_refused_and_the_limit_can_be_raised(write):
    path = write("Smith said the vote was close. " * 100)  # 3,100 bytes
    env = {**os.environ, "HELPERS_MAX_BYTES": "3000"}
    res = run("sentences", path, "--date", "2025-01-01", env=env)
    assert res.returncode == 2 and res.stdout == ""
    assert res.stderr == (f"helpers: error: {path}: the file is 3,100 bytes, over the input limit of 3,000 bytes "
                          "(raise it with --max-bytes or HELPERS_MAX_BYTES)\n")
    raised = run("sentences", path, "--date", "2025-01-01", "--max-bytes", "3100", env=env)  # the option wins
    assert raised.returncode == 0 and len(lines(raised.stdout)) == 100
    with pytest.raises(InputTooLargeError):
        load_article(path, limit=3099)
    assert load_article(path).text.count("Smith") == 100  # the default limit is far above
    assert DEFAULT_MAX_BYTES == 50_000_000


@pytest.mark.parametrize("args, env, problem", [
    (["--max-bytes", "0"], {}, "--max-bytes: give a whole number of bytes of at least 1"),
    ([], {"HELPERS_MAX_BYTES": "50MB"}, "HELPERS_MAX_BYTES: expected a whole number of bytes, got '50MB'"),
])
def test_a_bad_limit_is_one_line(write, args, env, problem):
    res = run("sentences", write("Fine."), "--date", "2025-01-01", *args, env={**os.environ, **env})
    assert (res.returncode, res.stderr) == (2, f"helpers: error: {problem}\n")
