"""Benchmarks: ``make bench`` (``python -m helpers.bench``).

Prints, for the seed article and for a corpus of article-sized texts run through the CLI's
``--jsonl`` batch mode:

- the time per stage (load, sentences, quotes, sentiment, timexes, figures), median of runs;
- throughput in articles per second, on one process and on two processes (the corpus split
  in halves, each half through the four commands in its own process);
- the ratio of the whole pipeline to its floor: splitting the same texts into sentences and
  scoring every sentence with TextBlob and VADER alone (target: under 2), and the same ratio
  for quotes + sentiment alone (issue 3's target);
- with ``--report``: a full report build against the bare start-up of as many kernels, each
  running the notebooks' imports (target: under 1.5).

The corpus is built deterministically from the project's own texts (the seed's paragraphs
and the held-out paragraphs), shuffled with a fixed seed into articles of the seed's size.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import heldout, paths
from .article import load_article, parse_article

COMMANDS = ("sentences", "quotes", "timexes", "figures")


def corpus(n: int = 500, seed: int = 20250814) -> list[dict]:
    """``n`` article-sized plain texts (records ``{"id", "text", "date"}``)."""
    article = load_article()
    pool = [p.text for p in article.paragraphs]
    for task in ("quotes", "quotes_2", "figures", "timexes", "timexes_2"):
        pool.extend(rec["text"] for rec in heldout.load(task))
    size = len("\n".join(p.text for p in article.paragraphs))
    rng = random.Random(seed)
    records = []
    for k in range(n):
        paras, length = [], 0
        while length < size:
            p = rng.choice(pool)
            paras.append(p)
            length += len(p) + 1
        day = 1 + rng.randrange(28)
        records.append({"id": f"bench-{k:04d}", "text": "\n".join(paras), "date": f"2025-{1 + rng.randrange(12):02d}-{day:02d}"})
    return records


def _time(fn, repeat: int = 5) -> float:
    """Median seconds of ``fn``, each run with a cold part-of-speech cache (as for a new article)."""
    from .tokenize import _pos_tags

    times = []
    for _ in range(repeat):
        _pos_tags.cache_clear()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def stages(text_path: Path | None = None, repeat: int = 5) -> dict[str, float]:
    """Seconds per stage on one article (median of ``repeat`` runs, warm caches)."""
    from . import quantities, quotes, sentiment, timeline, tokenize

    path = text_path or paths.SEED_ARTICLE
    art = load_article(path)
    sents = tokenize.sentences(art)
    toks = tokenize.tokens(art, sents)
    q = quotes.quotes(art, sents, toks)
    sentiment.score(q)  # warm the lexicons
    out = {
        "load": _time(lambda: load_article(path), repeat),
        "sentences": _time(lambda: tokenize.tokens(art, tokenize.sentences(art)), repeat),
        "quotes": _time(lambda: quotes.quotes(art, sents, toks), repeat),
        "sentiment": _time(lambda: sentiment.score(q), repeat),
        "timexes": _time(lambda: timeline.timexes(art, sents, toks), repeat),
        "figures": _time(lambda: quantities.figures(art, sents), repeat),
    }
    out["stages total"] = sum(out.values())
    out["pipeline"] = _time(lambda: _pipeline_corpus([{"id": art.id, "text": art.text, "date": art.date, "path": path}]), repeat)
    out["floor"] = _time(lambda: _floor(path), repeat)
    out["quotes+sentiment"] = out["quotes"] + out["sentiment"]
    out["floor scoring only"] = _time(lambda: _score_sentences(sents), repeat)
    return out


def _score_sentences(sents) -> None:
    from .sentiment import score_text

    for text in sents["text"]:
        score_text(text)


def _floor(path: Path) -> None:
    """Load, split into sentences and score every sentence with TextBlob and VADER."""
    from .tokenize import sentences

    _score_sentences(sentences(load_article(path)))


def _floor_corpus(records: list[dict]) -> None:
    from .tokenize import sentences

    for rec in records:
        _score_sentences(sentences(parse_article(rec["text"], id=rec["id"], date=rec["date"])))


def _pipeline_corpus(records: list[dict]) -> None:
    from . import quantities, quotes, sentiment, timeline, tokenize

    for rec in records:
        tokenize._pos_tags.cache_clear()  # every article is new text: no tags carried over
        art = load_article(rec["path"]) if rec.get("path") else parse_article(rec["text"], id=rec["id"], date=rec["date"])
        sents = tokenize.sentences(art)
        toks = tokenize.tokens(art, sents)
        statements = quotes.quotes(art, sents, toks)
        sentiment.score(statements)
        timeline.timexes(art, sents, toks, statements=statements)
        quantities.figures(art, sents)


def _run_cli(jsonl: Path) -> None:
    for cmd in COMMANDS:
        subprocess.run([sys.executable, "-m", "helpers", cmd, "--jsonl", str(jsonl)], check=True,
                       stdout=subprocess.DEVNULL, cwd=paths.ROOT)


def throughput(records: list[dict], workdir: Path) -> dict[str, float]:
    """Articles per second through the CLI batch mode, on one and on two processes."""
    whole = workdir / "corpus.jsonl"
    whole.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    halves = []
    for k, part in enumerate((records[::2], records[1::2])):
        p = workdir / f"half-{k}.jsonl"
        p.write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
        halves.append(p)
    t0 = time.perf_counter()
    _run_cli(whole)
    one = time.perf_counter() - t0
    t0 = time.perf_counter()
    procs = []
    for half in halves:
        script = (
            "import subprocess, sys\n"
            f"for cmd in {COMMANDS!r}:\n"
            f"    subprocess.run([sys.executable, '-m', 'helpers', cmd, '--jsonl', {str(half)!r}], check=True, stdout=subprocess.DEVNULL)\n"
        )
        procs.append(subprocess.Popen([sys.executable, "-c", script], cwd=paths.ROOT))
    for p in procs:
        if p.wait() != 0:
            raise RuntimeError("a benchmark worker failed")
    two = time.perf_counter() - t0
    return {"one process": len(records) / one, "two processes": len(records) / two, "seconds one": one, "seconds two": two}


def report_cost(workdir: Path) -> dict[str, float]:
    """A full report build against the bare start-up of as many kernels with the same imports."""
    import nbformat
    from nbclient import NotebookClient
    from nbformat.v4 import new_code_cell, new_notebook

    from . import report

    infos = report.notebooks()
    imports = []
    for info in infos:
        nb = nbformat.read(info.path, as_version=4)
        code = [c.source for c in nb.cells if c.cell_type == "code" and "parameters" not in c.metadata.get("tags", [])]
        imports.append("\n".join(ln for ln in code[0].splitlines() if ln.startswith(("import ", "from "))))
    t0 = time.perf_counter()
    for src in imports:
        nb = new_notebook(cells=[new_code_cell(src)])
        NotebookClient(nb, kernel_name=report.KERNEL_NAME, timeout=600, resources={"metadata": {"path": str(paths.NOTEBOOKS)}}).execute()
    bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    report.build(paths.SEED_ARTICLE, workdir / "reports")
    full = time.perf_counter() - t0
    return {"kernels": len(imports), "bare start-up": bare, "full report": full, "ratio": full / bare}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="helpers.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500, help="corpus size (default 500)")
    parser.add_argument("--report", action="store_true", help="also time a full report build against bare kernels")
    args = parser.parse_args(argv)

    print(f"helpers bench · Python {sys.version.split()[0]} · {os.cpu_count()} CPUs")
    st = stages()
    print("\nSeed article, seconds per stage (median of 5, warm):")
    for name in ("load", "sentences", "quotes", "sentiment", "timexes", "figures"):
        print(f"  {name:<12} {st[name] * 1000:8.1f} ms")
    print(f"  {'pipeline':<12} {st['pipeline'] * 1000:8.1f} ms   (stages run together, sharing sentences, tokens and tags)")
    print(f"  {'floor':<12} {st['floor'] * 1000:8.1f} ms   (load, split, TextBlob + VADER on every sentence)")
    print(f"  ratio pipeline / floor: {st['pipeline'] / st['floor']:.2f}   (target < 2)")
    print(f"  ratio quotes+sentiment / scoring the same sentences: {st['quotes+sentiment'] / st['floor scoring only']:.2f}   (target < 2)")

    records = corpus(args.articles)
    t0 = time.perf_counter()
    _pipeline_corpus(records)
    pipe = time.perf_counter() - t0
    t0 = time.perf_counter()
    _floor_corpus(records)
    floor = time.perf_counter() - t0
    print(f"\nCorpus: {len(records)} texts of ~{statistics.mean(len(r['text']) for r in records):,.0f} characters")
    print(f"  in process: pipeline {pipe:.1f} s, floor {floor:.1f} s, ratio {pipe / floor:.2f}   (target < 2)")
    with tempfile.TemporaryDirectory() as tmp:
        tp = throughput(records, Path(tmp))
        print(f"  CLI --jsonl, {', '.join(COMMANDS)}: {tp['one process']:.1f} articles/s on one process "
              f"({tp['seconds one']:.1f} s), {tp['two processes']:.1f} articles/s on two ({tp['seconds two']:.1f} s)")
        if args.report:
            rc = report_cost(Path(tmp))
            print(f"\nReport build: {rc['full report']:.1f} s for {rc['kernels']} notebooks; bare start-up of "
                  f"{rc['kernels']} kernels with the same imports: {rc['bare start-up']:.1f} s; ratio {rc['ratio']:.2f}   (target < 1.5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
