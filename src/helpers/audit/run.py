"""``python -m helpers audit PATH|--jsonl IN [--date D] [--jobs N] [--json]``: the audit over a corpus.

PATH is one article file or a folder (every ``*.txt`` under it, in name order); ``--jsonl IN``
reads ``{"id", "text", "date"?}`` records as the other commands do. Each article with
problems prints one line (``id: n problems: check (k), …``, then its problems indented with
``--details``); a summary table closes the run. With ``--json``: one object per article with
problems, ``{"id", "problems": [{"check", "where", "detail"}]}``, then ``{"summary": …}``.
The exit status is 1 when any article has a problem, 0 when none has, 2 for bad input.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from functools import partial
from pathlib import Path

from ..article import ArticleError, load_article, parse_article
from ..jsonout import dump
from . import CHECKS, Problem, audit_document, summary


def add_parser(sub) -> None:
    p = sub.add_parser("audit", help="every layer and view of each article, checked for what a reader would call broken",
                       description=__doc__.split("\n\n")[1])
    p.add_argument("path", nargs="?", metavar="PATH", help="an article file, or a folder of them (*.txt)")
    p.add_argument("--jsonl", metavar="IN", help='records {"id", "text", "date"?}, one per line (a path, or - for stdin)')
    p.add_argument("--date", help="reference date (YYYY-MM-DD) of plain-text files and records without one")
    p.add_argument("--format", choices=["article", "timeml", "brat"], default="article",
                   help="PATH holds article or plain-text files (default), TimeML files (their text and DCT) or brat "
                        "annotations (their texts, dated by the file name's YYYY-MM-DD, each text once)")
    p.add_argument("--jobs", type=int, default=1, help="articles audited in parallel on this machine (default 1)")
    p.add_argument("--json", action="store_true", help="JSON lines instead of text")
    p.add_argument("--details", action="store_true", help="list each problem under its article")
    p.add_argument("--record", nargs=3, metavar=("DATASET", "COMPARTMENT", "SOURCE"),
                   help="append the summary to data/evaluation/results.json (SOURCE: repository@commit, or 'project')")
    p.add_argument("--note", default="", help="a note recorded with --record")


def _files(path: str) -> list[Path]:
    p = Path(path)
    if p.is_dir():
        return sorted(q for q in p.rglob("*.txt") if q.is_file())
    if p.exists():
        return [p]
    raise ArticleError(path, "no such file or folder")


def _audit_file(date, path: Path) -> tuple[str, list[Problem]]:
    import matplotlib

    matplotlib.use("Agg")
    from ..document import Document

    try:
        article = load_article(path, date=date)
    except ArticleError as err:
        return str(path), [Problem("raises", "load", err.problem)]
    return _name(path), audit_document(Document(article))


def _audit_record(date, numbered: tuple) -> tuple[str, list[Problem]]:
    import matplotlib

    matplotlib.use("Agg")
    from ..batch import parse_record
    from ..document import Document

    lineno, line, unread = (*numbered, None)[:3]  # batch.read_lines: (line number, text, why it was not read)
    rec, problem = parse_record(line) if line is not None else (None, unread or "not UTF-8 text")
    key = str(rec.get("id")) if isinstance(rec, dict) and rec.get("id") is not None else f"line {lineno}"
    if problem:
        return key, [Problem("raises", "record", problem)]
    try:
        rec_date = dt.date.fromisoformat(rec["date"]) if rec.get("date") else date
        article = parse_article(rec["text"], id=key, path=f"record {key}", date=rec_date)
    except (ArticleError, ValueError) as err:
        return key, [Problem("raises", "record", getattr(err, "problem", str(err)))]
    return key, audit_document(Document(article))


def _audit_text(date, item: tuple[str, str, str | None]) -> tuple[str, list[Problem]]:
    import matplotlib

    matplotlib.use("Agg")
    from ..document import Document

    key, text, text_date = item
    try:
        article = parse_article(text, id=key, path=key, date=dt.date.fromisoformat(text_date) if text_date else date)
    except (ArticleError, ValueError) as err:
        return key, [Problem("raises", "load", getattr(err, "problem", str(err)))]
    return key, audit_document(Document(article))


def _annotated(path: str, fmt: str) -> list[tuple[str, str, str | None]]:
    """(id, text, date) of each text of an annotated corpus, each text once."""
    import re

    from ..evaluate.readers import READERS, GoldFormatError

    try:
        docs = READERS[fmt](path)
    except GoldFormatError as err:
        raise ArticleError(path, str(err).split(": ", 1)[-1]) from None
    seen, out = set(), []
    for d in docs:
        key = re.sub(r"_[0-9a-f]{4}$", "", d.id) if fmt == "brat" else d.id  # PolNeAR: one .ann per annotator of a text
        if key not in seen:
            seen.add(key)
            out.append((key, d.text, d.date))
    return out


def _name(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def results(path: str | None, jsonl: str | None, date: dt.date | None, jobs: int = 1,
            fmt: str = "article") -> Iterator[tuple[str, list[Problem]]]:
    """(article id, problems) for every article, in input order."""
    if jsonl is not None:
        from ..batch import read_lines

        work, items = partial(_audit_record, date), read_lines(jsonl)
    elif fmt != "article":
        work, items = partial(_audit_text, date), _annotated(path, fmt)
    else:
        work, items = partial(_audit_file, date), _files(path)
    if jobs <= 1:
        yield from map(work, items)
        return
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        yield from pool.imap(work, items, chunksize=2)


def line(article_id: str, problems: list[Problem]) -> str:
    counts = {}
    for p in problems:
        counts[p.check] = counts.get(p.check, 0) + 1
    return f"{article_id}: {len(problems)} problem{'s' if len(problems) != 1 else ''}: " + ", ".join(
        f"{c} ({n})" for c, n in counts.items())


def table(s: dict) -> str:
    rows = [f"{'check':<22} {'problems':>9} {'articles':>9}"]
    for check in CHECKS:
        c = s["checks"].get(check, {"problems": 0, "articles": 0})
        rows.append(f"{check:<22} {c['problems']:>9} {c['articles']:>9}")
    rows.append(f"{s['articles_with_problems']} of {s['articles']} articles with problems")
    return "\n".join(rows)


def main(args, out) -> int:
    from ..cli import UserError

    if (args.path is None) == (args.jsonl is None):
        raise UserError("audit: give either PATH or --jsonl IN")
    if args.jobs < 1:
        raise UserError("--jobs: give a whole number of at least 1")
    date = dt.date.fromisoformat(args.date) if args.date else None
    os.environ.setdefault("MPLBACKEND", "Agg")
    done = []
    for article_id, problems in results(args.path, args.jsonl, date, args.jobs, args.format):
        done.append((article_id, problems))
        if problems:
            if args.json:
                out.write(dump({"id": article_id, "problems": [p.as_dict() for p in problems]}) + "\n")
            else:
                out.write(line(article_id, problems) + "\n")
                if args.details:
                    out.writelines(f"    {p.check}: {p.where}: {p.detail}\n" for p in problems)
            out.flush()
    s = summary(done)
    if args.record:
        from ..evaluate import record_audit

        dataset, compartment, source = args.record
        record_audit(s, dataset=dataset, compartment=compartment, source=source, note=args.note)
    out.write((dump({"summary": s}) if args.json else table(s)) + "\n")
    return 1 if s["articles_with_problems"] else 0
