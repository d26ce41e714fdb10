"""Benchmarks: ``make bench`` (``python -m helpers.bench``).

Prints, for the seed article and for a corpus of article-sized texts:

- the time per layer of a ``Document`` (sentences and tagged tokens, attributions,
  sentiment, timexes, quantities), median of runs, each on a new document;
- the in-process pipeline (every layer) against its floor: the same texts split naively
  into sentences (at ``.``, ``!``, ``?``) and every sentence scored by TextBlob and VADER
  alone (target: at most 2×);
- ``analyze --jsonl`` with ``--jobs 1`` (and ``--jobs 2``) over the corpus against the floor
  run as a process of its own, start-up included (target: at most 2×);
- peak memory of ``analyze --jsonl`` for 1,000 and 10,000 records (``--memory``);
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
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import paths
from .article import load_article, parse_article
from .document import Document

LAYERS = ("sentences", "tokens", "attributions", "statements", "timexes", "quantities")
_NAIVE = re.compile(r"(?<=[.!?])\s+")


def corpus(n: int = 300, seed: int = 20250814) -> list[dict]:
    """``n`` article-sized plain texts (records ``{"id", "text", "date"}``)."""
    from .evaluate.readers import read_project

    article = load_article()
    pool = [p.text for p in article.paragraphs]
    for task in ("quotes", "quotes_2", "figures", "timexes", "timexes_2"):
        pool.extend(d.text for d in read_project(paths.ANNOTATIONS / "heldout" / f"{task}.jsonl"))
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


def _layer_time(article, name: str, repeat: int) -> float:
    """Seconds to compute one layer on a new document whose needs are already computed."""
    from .document import LAYERS as SPECS
    from .tokenize import _pos_tags

    times = []
    for _ in range(repeat):
        _pos_tags.cache_clear()
        doc = Document(article)
        for need in SPECS[name].needs:
            doc.layer(need)
        t0 = time.perf_counter()
        doc.layer(name)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def stages(repeat: int = 5) -> dict[str, float]:
    """Seconds per layer on the seed article, and the pipeline against its floor."""
    art = load_article()
    _pipeline([art])  # warm the lexicons and models
    out = {name: _layer_time(art, name, repeat) for name in LAYERS}
    out["pipeline"] = _time(lambda: _pipeline([art]), repeat)
    out["floor"] = _time(lambda: _floor([art.text]), repeat)
    return out


def _floor(texts) -> None:
    """Split naively and score every sentence with TextBlob and VADER: the least any
    sentiment-by-sentence tool must do."""
    from .sentiment import score_text

    for text in texts:
        for sentence in _NAIVE.split(text):
            if sentence.strip():
                score_text(sentence)


def _pipeline(articles) -> None:
    from .tokenize import _pos_tags

    for art in articles:
        _pos_tags.cache_clear()  # every article is new text: no tags carried over
        doc = Document(art)
        for name in ("sentences", "statements", "timexes", "quantities"):
            doc.layer(name)


def _articles(records):
    return [parse_article(r["text"], id=r["id"], date=r["date"]) for r in records]


FLOOR_SCRIPT = (
    "import json, sys\n"
    "from helpers.bench import _floor\n"
    "_floor(json.loads(line)['text'] for line in open(sys.argv[1], encoding='utf-8'))\n"
)


def _seconds(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=paths.ROOT)
    return time.perf_counter() - t0


def processes(records: list[dict], workdir: Path) -> dict[str, float]:
    """``analyze --jsonl`` on one and two processes against the floor process, start-up included."""
    data = workdir / "corpus.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    analyze = [sys.executable, "-m", "helpers", "analyze", "--jsonl", str(data), "--no-progress"]
    out = {
        "floor": _seconds([sys.executable, "-c", FLOOR_SCRIPT, str(data)]),
        "jobs 1": _seconds(analyze),
        "jobs 2": _seconds(analyze + ["--jobs", "2"]),
    }
    out["ratio"] = out["jobs 1"] / out["floor"]
    return out


def memory(workdir: Path, sizes=(1_000, 10_000)) -> dict[int, float]:
    """Peak resident memory (MiB) of ``analyze --jsonl`` for corpora of ``sizes`` records."""
    base = corpus(50)
    out = {}
    for n in sizes:
        data = workdir / f"memory-{n}.jsonl"
        with open(data, "w", encoding="utf-8") as fh:
            for k in range(n):
                rec = dict(base[k % len(base)], id=f"m-{k}")
                fh.write(json.dumps(rec) + "\n")
        script = (
            "import resource, subprocess, sys\n"
            "subprocess.run([sys.executable, '-m', 'helpers', 'analyze', '--jsonl', sys.argv[1], '--no-progress'],"
            " check=True, stdout=subprocess.DEVNULL)\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        )
        res = subprocess.run([sys.executable, "-c", script, str(data)], check=True, capture_output=True, text=True, cwd=paths.ROOT)
        out[n] = int(res.stdout.split()[-1]) / 1024
    return out


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
    parser.add_argument("--articles", type=int, default=300, help="corpus size (default 300)")
    parser.add_argument("--report", action="store_true", help="also time a full report build against bare kernels")
    parser.add_argument("--memory", action="store_true", help="also measure peak memory for 1,000 and 10,000 records")
    args = parser.parse_args(argv)

    print(f"helpers bench · Python {sys.version.split()[0]} · {os.cpu_count()} CPUs")
    st = stages()
    print("\nSeed article, milliseconds per layer (median of 5, each on a new document):")
    for name in LAYERS:
        print(f"  {name:<14} {st[name] * 1000:8.1f} ms")
    print(f"  {'pipeline':<14} {st['pipeline'] * 1000:8.1f} ms   (every layer, each computed once)")
    print(f"  {'floor':<14} {st['floor'] * 1000:8.1f} ms   (naive split, TextBlob + VADER on every sentence)")
    print(f"  ratio pipeline / floor: {st['pipeline'] / st['floor']:.2f}   (target at most 2)")

    records = corpus(args.articles)
    articles = _articles(records)
    t0 = time.perf_counter()
    _pipeline(articles)
    pipe = time.perf_counter() - t0
    t0 = time.perf_counter()
    _floor(a.text for a in articles)
    floor = time.perf_counter() - t0
    print(f"\nCorpus: {len(records)} texts of ~{statistics.mean(len(r['text']) for r in records):,.0f} characters")
    print(f"  in process: pipeline {pipe:.1f} s, floor {floor:.1f} s, ratio {pipe / floor:.2f}   (target at most 2)")
    with tempfile.TemporaryDirectory() as tmp:
        pr = processes(records, Path(tmp))
        print(f"  analyze --jsonl, start-up included: {pr['jobs 1']:.1f} s on one process "
              f"({len(records) / pr['jobs 1']:.1f} articles/s), {pr['jobs 2']:.1f} s with --jobs 2; "
              f"floor process {pr['floor']:.1f} s; ratio {pr['ratio']:.2f}   (target at most 2)")
        if args.memory:
            for n, mib in memory(Path(tmp)).items():
                print(f"  peak memory of analyze --jsonl, {n:,} records: {mib:.0f} MiB")
        if args.report:
            rc = report_cost(Path(tmp))
            print(f"\nReport build: {rc['full report']:.1f} s for {rc['kernels']} notebooks; bare start-up of "
                  f"{rc['kernels']} kernels with the same imports: {rc['bare start-up']:.1f} s; ratio {rc['ratio']:.2f}   (target < 1.5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
