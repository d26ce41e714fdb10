"""``python -m helpers <command> FILE [--date YYYY-MM-DD]`` and ``--jsonl IN`` batch mode.

Every command prints one JSON object per line (strict JSON). Offsets are Python string
indices into the file's decoded text. The layer commands (``sentences``, ``quotes``,
``timexes``, ``figures``, ``quantities``) print one record per line; ``analyze`` prints every layer of an
article as one object. ``evaluate`` scores an extractor against annotated data; ``report``
builds the HTML reports.

User errors print ``helpers: error: <file>: <problem>`` on stderr and exit with status 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from . import batch
from .article import DEFAULT_MAX_BYTES, MAX_BYTES_ENV, ArticleError, load_article
from .jsonout import dump

EXIT_USAGE = 2

COMMANDS = {
    "sentences": "sentence units (caption, headline, standfirst, body) with exact offsets",
    "quotes": "attributed statements: speaker, camp, kind, cue, content offsets, TextBlob and VADER scores",
    "timexes": "temporal expressions with TIMEX3 type, value, mod and the date they were resolved against",
    "figures": "numeric figures with value, interval, unit, measure, category and subject",
    "quantities": "every quantity of the layer (durations, ages and bare counts too), with the fields of figures",
    "analyze": "every layer in one pass: one object per article with sentences, quotes, timexes, figures and quantities",
}


class UserError(Exception):
    """A one-line problem with the user's input; printed without a traceback, exit 2."""


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UserError(f"--date: invalid date {value!r} (expected YYYY-MM-DD)") from None


def _add_layer_command(sub, name: str, help: str) -> None:
    p = sub.add_parser(name, help=help, description=help)
    p.add_argument("file", nargs="?", metavar="FILE", help="an article or plain-text file")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="reference date for plain text")
    p.add_argument(
        "--jsonl", metavar="IN",
        help='batch mode: read {"id", "text", "date"?} records from IN (a path, or - for '
        'stdin) and print {"id": ..., "%s": ...} per record, in input order' % name,
    )
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="with --jsonl: spread records over N processes (default 1)")
    p.add_argument("--dask", metavar="ADDRESS", help="with --jsonl FILE: run on the Dask cluster at ADDRESS")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="a progress bar on stderr (default: when stderr is a terminal)")
    p.add_argument("--max-bytes", type=int, metavar="N",
                   help=f"the largest file (with --jsonl: the longest line) read, in bytes (default: "
                   f"${MAX_BYTES_ENV}, else {DEFAULT_MAX_BYTES:,})")


def _add_evaluate(sub) -> None:
    from .evaluate.readers import READERS

    p = sub.add_parser(
        "evaluate", help="score an extractor against annotated data",
        description="Run the extractor of LAYER on the texts at PATH and score it against their "
        "annotations. Prints the metrics; with --json the last line is one JSON object.",
    )
    p.add_argument("layer", choices=["timexes", "quotes", "quantities", "figures", "affiliations"], help="the layer to score")
    p.add_argument("path", metavar="PATH", help="a gold file or a folder of them")
    p.add_argument("--format", required=True, choices=sorted(READERS), help="the annotation format")
    p.add_argument("--json", action="store_true", help="print the metrics as one JSON object (the last line)")
    p.add_argument("--errors", action="store_true", help="print every miss, spurious item and wrong value first")
    p.add_argument("--record", nargs=3, metavar=("DATASET", "COMPARTMENT", "SOURCE"),
                   help="append the measurement to data/evaluation/results.json (SOURCE: repository@commit)")
    p.add_argument("--untouched", action="store_true",
                   help="with --record: a first measurement, made before any change prompted by this data")
    p.add_argument("--note", default="", metavar="TEXT", help="with --record: a note kept with the measurement")


def _add_report(sub) -> None:
    """The report command's options (``helpers.report`` itself is imported only to run it)."""
    p = sub.add_parser(
        "report",
        help="execute every notebook and export the HTML reports (offline, code hidden)",
        description="Execute every notebook with papermill for one article and export each "
        "to HTML, plus reports/index.html. The seed article's reports go to reports/, any "
        "other article's to reports/<article-id>/.",
    )
    p.add_argument("file", nargs="?", metavar="FILE", help="the article (default, or empty: the seed article)")
    p.add_argument("--article", metavar="FILE", help="the article, as FILE (kept for make and scripts)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="reference date of a plain-text file (an article header gives its own)")
    p.add_argument("--out", metavar="DIR", help="output folder (default, or empty: reports/ for the seed, "
                   "reports/<output id>/ for another article); figures and tables go under it too")
    p.add_argument("--with-code", action="store_true", help="keep code cells in the reports")
    p.add_argument("--only", action="append", metavar="NOTEBOOK",
                   help="build only this notebook's report (its name without .ipynb, e.g. "
                   "00-explore-article); repeat for more")
    p.add_argument("--verbose", action="store_true",
                   help="show the kernels' and papermill's output instead of writing it to <out>/build.log")
    p.add_argument(
        "--install-config", action="store_true",
        help="write the Jupyter config that makes JupyterLab's HTML export use the offline "
        "report template, into this environment's etc/jupyter (run by make's set-up), and exit",
    )


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
    for name, help in COMMANDS.items():
        _add_layer_command(sub, name, help)
    _add_evaluate(sub)
    _add_report(sub)
    from .audit import run as audit_run

    audit_run.add_parser(sub)
    return parser


def _evaluate(args, out) -> int:
    from .evaluate import evaluate
    from .evaluate.readers import GoldFormatError

    try:
        metrics, errors = evaluate(args.layer, args.path, args.format)
    except (GoldFormatError, OSError) as err:
        raise UserError(str(err)) from None
    if args.record:
        from .evaluate import record

        dataset, compartment, source = args.record
        record(metrics, layer=args.layer, dataset=dataset, compartment=compartment, source=source, untouched=args.untouched,
               note=args.note)
    if args.errors:
        for row in errors.to_dict("records"):
            out.write(dump(row) + "\n")
    if args.json:
        out.write(dump({"layer": args.layer, "format": args.format, "path": args.path, **metrics}) + "\n")
    else:
        for key, value in metrics.items():
            out.write(f"{key:<22} {value:.4f}\n" if isinstance(value, float) else f"{key:<22} {value}\n")
    return 0


def _single(args, out) -> int:
    from .document import Document

    if args.jobs != 1 or args.dask:
        raise UserError("--jobs and --dask go with --jsonl")
    article = load_article(args.file, date=_parse_date(args.date), limit=args.max_bytes)
    records = batch.layer_records(args.command, Document(article))
    if args.command == "analyze":
        out.write(dump({"id": article.id, **records}) + "\n")
    else:
        for record in records:
            out.write(dump(record) + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    out = sys.stdout
    try:
        if args.command == "report":
            from . import report

            return report.main(args)
        if args.command == "evaluate":
            return _evaluate(args, out)
        if args.command == "audit":
            from .audit import run as audit_run

            return audit_run.main(args, out)
        date = _parse_date(args.date)
        if args.max_bytes is not None and args.max_bytes < 1:
            raise UserError("--max-bytes: give a whole number of bytes of at least 1")
        if args.jsonl is not None:
            if args.file:
                raise UserError("give either FILE or --jsonl IN, not both")
            if args.jobs < 1:
                raise UserError("--jobs: give a whole number of at least 1")
            return batch.run(args.command, args.jsonl, date, out, jobs=args.jobs, dask=args.dask,
                             progress=args.progress, limit=args.max_bytes)
        if not args.file:
            raise UserError(f"{args.command}: a FILE (or --jsonl IN) is required")
        return _single(args, out)
    except (ArticleError, UserError, batch.BatchError) as err:
        print(f"helpers: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `| head`
        return 0
