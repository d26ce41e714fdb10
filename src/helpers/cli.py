"""``python -m helpers <command> FILE [--date YYYY-MM-DD]`` and ``--jsonl IN`` batch mode.

Every command prints one JSON object per line. Offsets are Python string indices into the
file's decoded text. A command is one entry in ``COMMANDS``: a function from an ``Article``
to a list of JSON-ready records, so adding one is a small change.

User errors print ``helpers: error: <file>: <problem>`` on stderr and exit with status 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .article import Article, ArticleError, load_article, parse_article

EXIT_USAGE = 2


@dataclass(frozen=True)
class Command:
    help: str
    run: Callable[[Article], list[dict]]


def _sentences(article: Article) -> list[dict]:
    from .tokenize import sentences

    return sentences(article).to_dict("records")


def _quotes(article: Article) -> list[dict]:
    from .quotes import quotes
    from .sentiment import score

    return score(quotes(article)).to_dict("records")


def _timexes(article: Article) -> list[dict]:
    from .timeline import timexes

    return timexes(article).to_dict("records")


def _figures(article: Article) -> list[dict]:
    from .quantities import figures

    return figures(article).to_dict("records")


COMMANDS: dict[str, Command] = {
    "sentences": Command(
        "sentence units (caption, headline, standfirst, body) with exact offsets", _sentences
    ),
    "quotes": Command(
        "attributed statements: speaker, camp, kind, cue, content offsets, TextBlob and VADER scores",
        _quotes,
    ),
    "timexes": Command(
        "temporal expressions with TIMEX3 type, value, mod and the date they were resolved against",
        _timexes,
    ),
    "figures": Command(
        "numeric figures with value, interval, unit, measure, category and subject", _figures
    ),
}


def _plain(value):
    """Make a record JSON-ready: NA/NaN to null, numpy scalars to Python, dates to ISO."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
    except ImportError:  # pragma: no cover
        pass
    return value


def _dump(obj) -> str:
    return json.dumps(_plain(obj), ensure_ascii=False)


class UserError(Exception):
    """A one-line problem with the user's input; printed without a traceback, exit 2."""


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UserError(f"--date: invalid date {value!r} (expected YYYY-MM-DD)") from None


def _read_jsonl(source: str) -> list[dict]:
    """Read and validate every batch record before anything is printed."""
    name = "<stdin>" if source == "-" else source
    if source == "-":
        raw = sys.stdin.buffer.read()
    else:
        p = Path(source)
        if not p.is_file():
            raise UserError(f"{name}: {'is a directory' if p.is_dir() else 'no such file'}")
        raw = p.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise UserError(f"{name}: not UTF-8 text: invalid byte at byte offset {err.start}") from None
    records = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as err:
            raise UserError(f"{name}: line {n}: invalid JSON ({err.msg})") from None
        if not isinstance(rec, dict) or "id" not in rec or not isinstance(rec.get("text"), str):
            raise UserError(f'{name}: line {n}: expected an object with "id" and a string "text"')
        if rec.get("date") is not None and not isinstance(rec["date"], str):
            raise UserError(f'{name}: line {n}: "date" must be a YYYY-MM-DD string')
        records.append(rec)
    if not records:
        raise UserError(f"{name}: no records")
    return records


def run_batch(command: str, source: str, default_date: dt.date | None, out) -> int:
    records = _read_jsonl(source)
    run = COMMANDS[command].run
    failures = 0
    for n, rec in enumerate(records, 1):
        try:
            article = parse_article(
                rec["text"], id=str(rec["id"]), path=f"record {rec['id']}",
                date=rec.get("date") or default_date,
            )
            out.write(_dump({"id": rec["id"], command: run(article)}) + "\n")
        except ArticleError as err:
            failures += 1
            out.write(_dump({"id": rec["id"], "error": err.problem}) + "\n")
            print(f"helpers: error: {err}", file=sys.stderr)
    return EXIT_USAGE if failures else 0


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="helpers",
        description=(
            "Take a news article apart. Each command prints one JSON object per line; offsets "
            "are Python string indices into the file's decoded text. A file that opens with the "
            "article header (' date YYYY-MM-DD ...') is parsed as an article; any other file is "
            "plain text whose reference date comes from --date."
        ),
        epilog="Errors print 'helpers: error: <file>: <problem>' and exit with status 2.",
    )
    parser.add_argument("--version", action="version", version=f"helpers {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, cmd in COMMANDS.items():
        if name == "report":
            continue
        p = sub.add_parser(name, help=cmd.help, description=cmd.help)
        p.add_argument("file", nargs="?", metavar="FILE", help="an article or plain-text file")
        p.add_argument("--date", metavar="YYYY-MM-DD", help="reference date for plain text")
        p.add_argument(
            "--jsonl", metavar="IN",
            help='batch mode: read {"id", "text", "date"?} records from IN (a path, or - for '
            'stdin) and print {"id": ..., "%s": [...]} per record' % name,
        )
    from . import report

    report.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    out = sys.stdout
    try:
        if args.command == "report":
            from . import report

            return report.main(args)
        date = _parse_date(args.date)
        if args.jsonl is not None:
            if args.file:
                raise UserError("give either FILE or --jsonl IN, not both")
            return run_batch(args.command, args.jsonl, date, out)
        if not args.file:
            raise UserError(f"{args.command}: a FILE (or --jsonl IN) is required")
        article = load_article(args.file, date=date)
        for record in COMMANDS[args.command].run(article):
            out.write(_dump(record) + "\n")
        return 0
    except (ArticleError, UserError) as err:
        print(f"helpers: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `| head`
        return 0
