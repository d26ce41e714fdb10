"""A corpus through one process: ``--jsonl IN`` records in, one JSON line per record out.

Records stream: each input line is read, processed and printed in input order, so memory
stays flat as the corpus grows and a run that is stopped keeps what it printed. A line that
is not a record (malformed JSON, not an object, no string ``id`` or ``text``) and a record
whose text cannot be read get their own ``{"id", "error"}`` line (with ``"line"`` when there
is no id) and the others go on; the exit status is then 2.

Three ways to run the same per-record work:

- in this process (``jobs=1``, the default);
- on ``jobs`` processes of this machine (``multiprocessing``, results kept in input order);
- on an existing Dask cluster (``dask=ADDRESS``): a ``dask.bag`` over the file's line
  partitions, each partition processed on a worker, the partitions written in order.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from functools import partial

from .article import ArticleError, file_kind, max_bytes, parse_article, too_large
from .jsonout import dump

#: Lines handed to a worker process at a time (larger: less overhead, more latency).
CHUNK = 8


class BatchError(Exception):
    """The batch input as a whole cannot be read (no such file, no records)."""


def layer_records(command: str, doc) -> list[dict] | dict[str, list[dict]]:
    """What a command prints for one document: a layer's records, or every layer."""
    if command == "analyze":
        return {name: layer_records(name, doc) for name in ANALYZE_LAYERS}
    from .document import LAYERS
    from .records import Statement, as_dict

    name = COMMAND_LAYERS[command]
    columns = Statement.COLUMNS + Statement.SCORES if name == "statements" else LAYERS[name].record.COLUMNS
    found = doc.layer(name)
    if command == "figures":  # the figures a reader tabulates: the quantities but durations and ages
        from .quantities import figure_records

        found = figure_records(found)
    return [as_dict(r, columns) for r in found]


#: command -> the document layer it prints; ``analyze`` prints all of them under these keys.
COMMAND_LAYERS = {"sentences": "sentences", "quotes": "statements", "timexes": "timexes", "figures": "quantities",
                  "quantities": "quantities"}
ANALYZE_LAYERS = ("sentences", "quotes", "timexes", "figures", "quantities")


def process_line(command: str, default_date: str | None, numbered: tuple[int, str | None, str | None]) -> tuple[str, str | None]:
    """One input line to one output line: (the line, the error message or None).

    ``numbered`` is (line number, text, problem): the text is None when the line could not
    be read (not UTF-8, over the size limit), and the problem says why."""
    from .document import Document

    lineno, line, unreadable = numbered
    if line is None:
        return _error_record(None, lineno, unreadable)
    rec, problem = parse_record(line)
    if problem:
        return _error_record(rec, lineno, problem)
    try:
        article = parse_article(rec["text"], id=str(rec["id"]), path=f"record {rec['id']}", date=rec.get("date") or default_date)
        found = layer_records(command, Document(article))
        return dump({"id": rec["id"], **(found if command == "analyze" else {command: found})}), None
    except ArticleError as err:
        return _error_record(rec, lineno, err.problem)
    except RecursionError:
        return _error_record(rec, lineno, "the text is nested too deeply to be processed")
    except Exception as err:  # one record's failure must not end the batch (nor, with --jobs, print nothing)
        return _error_record(rec, lineno, f"could not be processed ({type(err).__name__}: {_first_line(err)})")


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else "no message"


def numbered_line(lineno: int, raw: bytes, limit: int, size: int | None = None) -> tuple[int, str | None, str | None] | None:
    """A raw line (bytes, its ``\\n`` removed) as (number, text, problem), or None when it is
    blank. ``size``: its length when only a part of it was read (over the limit). The same in
    every mode, so the three print the same bytes."""
    if size is not None or len(raw) > limit:
        return lineno, None, too_large(size or len(raw), limit, "the line")
    try:
        line = raw.decode("utf-8").rstrip("\r")
    except UnicodeDecodeError as err:
        return lineno, None, f"not UTF-8 text: invalid byte 0x{raw[err.start]:02x} at byte offset {err.start} of the line"
    return (lineno, line, None) if line.strip() else None


def _error_record(rec, lineno: int, problem: str) -> tuple[str, str]:
    if isinstance(rec, dict) and _valid_id(rec.get("id")):
        return dump({"id": rec["id"], "error": problem}), f"record {rec['id']}: {problem}"
    return dump({"id": None, "line": lineno, "error": problem}), f"line {lineno}: {problem}"


def _valid_id(value) -> bool:
    return isinstance(value, (str, int)) and not isinstance(value, bool)


def parse_record(line: str) -> tuple[dict | None, str | None]:
    """A JSON line as a record, or the problem with it."""
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as err:
        return None, f"invalid JSON ({err.msg})"
    except RecursionError:  # "[[[[…": more nesting than the parser's stack holds
        return None, "invalid JSON (nested too deeply)"
    except ValueError:  # an integer of more digits than Python converts (5,000 digits)
        return None, f"invalid JSON (an integer of more than {sys.get_int_max_str_digits()} digits)"
    if not isinstance(rec, dict):
        return None, "expected a JSON object"
    if not _valid_id(rec.get("id")):
        return rec, 'expected an object with "id" and a string "text"'
    if not isinstance(rec.get("text"), str):
        return rec, 'expected an object with "id" and a string "text"'
    if rec.get("date") is not None and not isinstance(rec["date"], str):
        return rec, '"date" must be a YYYY-MM-DD string'
    bad_id = isinstance(rec["id"], str) and _SURROGATE.search(rec["id"])
    if bad_id or _SURROGATE.search(rec["text"]):  # an id that cannot be printed is no id
        return ({} if bad_id else rec), "the record holds a lone surrogate (\\ud800-\\udfff), which is not a character"
    return rec, None


#: A UTF-16 half on its own: valid JSON (``"\ud800"``), but no Unicode text can hold it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _unique_outputs(results: Iterable[tuple[str, str | None]]) -> Iterator[tuple[str, str | None]]:
    """The output lines in order, a record whose id an earlier record used replaced by its
    error line (two outputs with one id could not be told apart). Checked on the outputs, so
    it holds however the records were spread (processes, Dask partitions)."""
    seen: set = set()
    decoder = json.JSONDecoder()
    for line, problem in results:
        key = decoder.raw_decode(line, len('{"id": '))[0]
        if _valid_id(key):
            if (type(key), key) in seen:
                yield _error_record({"id": key}, 0, "duplicate id (already used by an earlier record)")
                continue
            seen.add((type(key), key))
        yield line, problem


def open_input(source: str, *, regular: bool = False):
    """The binary stream of a file, or of stdin (``-``); one-line ``BatchError``s for a path
    that is missing, a directory, unreadable, or a device or socket (which never end). A FIFO
    (``<(zcat corpus.gz)``) is a stream of records too, unless ``regular`` (a Dask cluster
    reads the file by its path)."""
    if source == "-":
        return sys.stdin.buffer
    try:
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO does not wait here
    except FileNotFoundError:
        raise BatchError(f"{source}: no such file") from None
    except OSError as err:
        raise BatchError(f"{source}: cannot be read ({err.strerror or err})") from None
    mode = os.fstat(fd).st_mode
    problem = ("is a directory" if stat.S_ISDIR(mode) else None if stat.S_ISREG(mode)
               or (stat.S_ISFIFO(mode) and not regular) else f"not a regular file ({file_kind(mode)})")
    if problem or stat.S_ISFIFO(mode):
        os.close(fd)
    if problem:
        raise BatchError(f"{source}: {problem}")
    return open(source, "rb") if stat.S_ISFIFO(mode) else os.fdopen(fd, "rb")  # a FIFO waits for its writer


def read_lines(source: str, limit: int | None = None) -> Iterator[tuple[int, str | None, str | None]]:
    """Numbered non-blank lines of a file or stdin (``-``), split on ``\\n`` only, as
    :func:`numbered_line` gives them; a line over ``limit`` bytes is skipped without being
    held in memory."""
    return _numbered(open_input(source), max_bytes(limit))


def _numbered(stream, limit: int) -> Iterator[tuple[int, str | None, str | None]]:
    with stream:
        n = 0
        while raw := stream.readline(limit + 1):
            n += 1
            size = None
            if len(raw) > limit and not raw.endswith(b"\n"):
                size = len(raw)
                while (more := stream.readline(1 << 20)) and not more.endswith(b"\n"):
                    size += len(more)  # the rest of the line, read in pieces and dropped
                size += len(more.removesuffix(b"\n"))
            found = numbered_line(n, raw.removesuffix(b"\n"), limit, size)
            if found is not None:
                yield found


def run(command: str, source: str, default_date: dt.date | None, out, *, jobs: int = 1,
        dask: str | None = None, progress: bool | None = None, limit: int | None = None) -> int:
    """Process every record of ``source``; returns the exit status (2 if any record failed).
    ``limit``: the longest line read, in bytes (default :func:`helpers.article.max_bytes`)."""
    date = default_date.isoformat() if default_date else None
    if dask:
        results = _on_dask(command, source, date, dask, max_bytes(limit))
    else:
        results = _locally(command, read_lines(source, limit), date, jobs)
    results = _unique_outputs(results)
    failures = written = 0
    name = "<stdin>" if source == "-" else source
    for line, problem in _progress(results, progress):
        out.write(line + "\n")
        out.flush()  # a run that is stopped keeps every record it printed
        written += 1
        if problem:
            failures += 1
            print(f"helpers: error: {problem if problem.startswith('record ') else name + ': ' + problem}", file=sys.stderr)
    if not written:
        raise BatchError(f"{'<stdin>' if source == '-' else source}: no records")
    return 2 if failures else 0


def _locally(command: str, lines: Iterable[tuple[int, str]], date, jobs: int) -> Iterator[tuple[str, str | None]]:
    work = partial(process_line, command, date)
    if jobs <= 1:
        yield from map(work, lines)
        return
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        yield from pool.imap(work, lines, chunksize=CHUNK)


def _process_partition(command: str, date, limit: int, first_line: int, lines: list[str]) -> list[tuple[str, str | None]]:
    """A partition's lines, read as bytes (``surrogateescape`` gives back every byte), through
    :func:`numbered_line` as in one process."""
    out = []
    for k, line in enumerate(lines):
        raw = line.removesuffix("\n").encode("utf-8", "surrogateescape")
        if (found := numbered_line(first_line + k, raw, limit)) is not None:
            out.append(process_line(command, date, found))
    return out


#: Seconds to wait for the Dask scheduler before giving up with a one-line error.
DASK_TIMEOUT = 10


def _on_dask(command: str, source: str, date, address: str, limit: int) -> Iterator[tuple[str, str | None]]:
    """The records on a Dask cluster: partitions of lines, written back in input order."""
    import dask.bag as db
    from dask import delayed
    from distributed import Client

    if source == "-":
        raise BatchError("--dask reads a file that the cluster can reach, not stdin")
    open_input(source, regular=True).close()  # missing, unreadable or not a file: one line, here
    bag = db.read_text(source, linedelimiter="\n", blocksize="8MiB", errors="surrogateescape")
    try:
        client = Client(address, timeout=DASK_TIMEOUT)
    except (OSError, ValueError, TypeError) as err:  # refused, timed out, not an address
        raise BatchError(f"{address}: no Dask scheduler reachable ({_first_line(err)})") from None
    with client:
        try:
            counts = bag.map_partitions(lambda part: [len(list(part))]).compute()
        except OSError as err:  # the workers cannot read the file
            raise BatchError(f"{source}: the Dask workers cannot read it ({_first_line(err)})") from None
        firsts = [1 + sum(counts[:k]) for k in range(len(counts))]
        parts = [delayed(_process_partition)(command, date, limit, first, part)
                 for first, part in zip(firsts, bag.to_delayed())]
        for future in client.compute(parts):
            yield from future.result()


def _progress(results, enabled: bool | None):
    """A tqdm bar on stderr when it is a terminal (or when asked)."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return results
    from tqdm import tqdm

    return tqdm(results, unit=" articles", file=sys.stderr)
