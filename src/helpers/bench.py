"""Benchmarks: ``make bench`` (``python -m helpers.bench``).

Prints, for the seed article and for a corpus of article-sized texts:

- the time per layer of a ``Document`` (sentences and tagged tokens, attributions,
  sentiment, timexes, quantities), median of runs, each on a new document;
- the floor: the lexicons alone, with nothing of this project. The same texts are split
  naively into sentences (at ``.``, ``!``, ``?``) and every sentence is scored by
  ``textblob.TextBlob(s).sentiment`` and ``vaderSentiment``'s
  ``SentimentIntensityAnalyzer().polarity_scores(s)`` (:data:`FLOOR_SCRIPT`, a script that
  imports nothing from ``helpers`` and checks that it did not);
- side by side, three times, each with the machine's load: the floor run as a process of its
  own (before and after) and ``analyze --jsonl`` with ``--jobs 1`` between them (and
  ``--jobs 2``) over the corpus, start-up included (target: at most 1.5x); the in-process
  pipeline (every layer) and the floor's function in the same process, taking turns article
  by article (target: at most 1.5x); the audit of the shipped corpus (``python -m helpers
  audit data/corpus``, target: under 30 s);
- the cost on one long text: 4x the text in one document, the time it takes (target: at
  most 4.5x);
- with ``--memory``: peak memory of ``analyze --jsonl`` for 1,000 and 4,000 records;
- with ``--report``: a full report build against the bare start-up of as many kernels, each
  running the notebooks' imports (target: under 1.5);
- with ``--baseline SRC``: another checkout's ``analyze`` in each round too (``SRC`` its
  ``src`` folder), against a floor run just before and just after it;
- with ``--record``: every figure appended to ``data/evaluation/results.json``
  (``benchmarks``), with the date, commit and machine.

The corpus is built deterministically from the project's own texts (the seed's paragraphs,
the held-out paragraphs and the shipped corpus ``data/corpus``): the paragraphs are dealt
out in a shuffled order, each used once before any is used again, into articles of the
seed's size, so that a cache of earlier sentences does not stand in for the work.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
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
    for path in sorted((paths.DATA / "corpus").glob("*.txt")):
        pool.extend(p.text for p in load_article(path).paragraphs)
    pool = list(dict.fromkeys(pool))
    size = len("\n".join(p.text for p in article.paragraphs))
    rng = random.Random(seed)
    deck: list[str] = []
    records = []
    for k in range(n):
        paras, length = [], 0
        while length < size:
            if not deck:  # every paragraph once, then the pool again in another order
                deck = rng.sample(pool, len(pool))
            p = deck.pop()
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
    floor = _floor_function()
    _pipeline([art])  # warm the lexicons and models
    out = {name: _layer_time(art, name, repeat) for name in LAYERS}
    out["pipeline"] = _time(lambda: _pipeline([art]), repeat)
    out["floor"] = _time(lambda: floor([art.text]), repeat)
    return out


#: The floor, the lexicons alone: run as ``python -c FLOOR_SCRIPT CORPUS.jsonl`` it imports
#: nothing from ``helpers`` (and fails if anything did); :func:`_floor_function` runs the
#: same ``floor`` in this process.
FLOOR_SCRIPT = r"""
import json, re, sys
from textblob import TextBlob
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

NAIVE = re.compile(r"(?<=[.!?])\s+")


def floor(texts, analyzer=None):
    analyzer = analyzer or SentimentIntensityAnalyzer()
    n = 0
    for text in texts:
        for sentence in NAIVE.split(text):
            if sentence.strip():
                TextBlob(sentence).sentiment
                analyzer.polarity_scores(sentence)
                n += 1
    return n


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as fh:
        n = floor(json.loads(line)["text"] for line in fh)
    if any(m == "helpers" or m.startswith("helpers.") for m in sys.modules):
        sys.exit("the floor imported helpers")
    print(n)
"""


def _floor_function():
    """The floor script's ``floor``, in this process, with its analyser built once (start-up
    is what the floor process measures)."""
    space: dict = {"__name__": "helpers_bench_floor"}
    exec(compile(FLOOR_SCRIPT, "<floor>", "exec"), space)  # noqa: S102 (our own script, above)
    analyzer = space["SentimentIntensityAnalyzer"]()
    return lambda texts: space["floor"](texts, analyzer)


def _pipeline(articles) -> None:
    from .tokenize import _pos_tags

    for art in articles:
        _pos_tags.cache_clear()  # every article is new text: no tags carried over
        doc = Document(art)
        for name in ("sentences", "statements", "timexes", "quantities"):
            doc.layer(name)


def _articles(records):
    return [parse_article(r["text"], id=r["id"], date=r["date"]) for r in records]


def _seconds(cmd: list[str], env: dict | None = None) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=paths.ROOT, env=env)
    return time.perf_counter() - t0


def _baseline_env(src: Path) -> dict:
    """The environment that runs another checkout's ``helpers`` (its ``src`` folder first on the path)."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), *filter(None, [os.environ.get("PYTHONPATH")])])}


def _audit_seconds() -> float:
    """``python -m helpers audit data/corpus``: its exit status is 1 when an article has problems."""
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "helpers", "audit", str(paths.DATA / "corpus")],
                          stdout=subprocess.DEVNULL, cwd=paths.ROOT)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"the audit of data/corpus exited {done.returncode}")
    return time.perf_counter() - t0


def load() -> str:
    """The machine's load averages over 1, 5 and 15 minutes (as ``uptime`` prints them)."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def side_by_side(records: list[dict], workdir: Path, *, audit: bool = True, baseline: Path | None = None) -> dict:
    """One round, side by side: the floor process, ``analyze --jsonl`` on one process, the
    floor process again, ``analyze --jobs 2`` (start-up included each time; the whole-process
    ratio is against the mean of the two floor runs around it, so a load that changes during
    the round weighs on both); then the in-process pipeline and the floor's function taking
    turns article by article; then the audit of the shipped corpus."""
    data = workdir / "corpus.jsonl"
    if not data.exists():
        data.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    analyze = [sys.executable, "-m", "helpers", "analyze", "--jsonl", str(data), "--no-progress"]
    floor_cmd = [sys.executable, "-c", FLOOR_SCRIPT, str(data)]
    out = {"load before": load()}
    first = _seconds(floor_cmd)
    out["analyze --jobs 1"] = _seconds(analyze)
    second = _seconds(floor_cmd)
    out["floor process"] = (first + second) / 2
    out["floor process runs"] = [round(first, 2), round(second, 2)]
    if baseline is not None:  # another checkout's analyze, after the second floor run, then a third
        out["baseline analyze --jobs 1"] = _seconds(analyze, env=_baseline_env(baseline))
        third = _seconds(floor_cmd)
        out["floor process runs"].append(round(third, 2))
        out["baseline whole-process ratio"] = out["baseline analyze --jobs 1"] / ((second + third) / 2)
    out["analyze --jobs 2"] = _seconds(analyze + ["--jobs", "2"])
    articles = _articles(records)
    floor = _floor_function()
    pipe = low = 0.0
    for art in articles:  # in turns, so both see the same load
        t0 = time.perf_counter()
        _pipeline([art])
        t1 = time.perf_counter()
        floor([art.text])
        t2 = time.perf_counter()
        pipe, low = pipe + (t1 - t0), low + (t2 - t1)
    out["pipeline in process"], out["floor in process"] = pipe, low
    if audit:
        out["audit of data/corpus"] = _audit_seconds()
    out["load after"] = load()
    out["whole-process ratio"] = out["analyze --jobs 1"] / out["floor process"]
    out["in-process ratio"] = out["pipeline in process"] / out["floor in process"]
    return out


def scaling(records: list[dict], n: int = 10) -> dict[str, float]:
    """Seconds for every layer of one document made of ``n`` corpus texts, and of ``4 n``:
    cost linear in the text means a ratio near 4 (target at most 4.5). Best of two runs each."""
    import gc

    from .tokenize import _pos_tags

    def cost(k: int) -> float:
        text = "\n\n".join(records[i % len(records)]["text"] for i in range(k))
        best = float("inf")
        for _ in range(2):
            _pos_tags.cache_clear()
            art = parse_article(text, id="long", date="2025-08-14")
            gc.collect()
            gc.disable()
            try:
                t0 = time.perf_counter()
                _pipeline([art])
                best = min(best, time.perf_counter() - t0)
            finally:
                gc.enable()
        return best

    small, large = cost(n), cost(4 * n)
    return {"texts": n, "small": small, "large": large, "ratio": large / small}


def memory(workdir: Path, sizes=(1_000, 4_000)) -> dict[int, float]:
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


def machine() -> str:
    mem = ""
    try:
        kib = next(int(ln.split()[1]) for ln in open("/proc/meminfo") if ln.startswith("MemTotal:"))
        mem = f", {kib / 2**20:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs{mem}, Python {platform.python_version()}"


def record(figures: dict, note: str = "") -> dict:
    """Append one run's figures to ``data/evaluation/results.json`` under ``benchmarks``."""
    from .evaluate import record_benchmark

    return record_benchmark({"machine": machine(), "note": note, **figures})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="helpers.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="corpus size (default 300)")
    parser.add_argument("--rounds", type=int, default=3, help="side-by-side rounds (default 3)")
    parser.add_argument("--no-audit", action="store_true", help="leave out the audit of data/corpus")
    parser.add_argument("--report", action="store_true", help="also time a full report build against bare kernels")
    parser.add_argument("--memory", action="store_true", help="also measure peak memory for 1,000 and 4,000 records")
    parser.add_argument("--record", action="store_true", help="append every figure to data/evaluation/results.json")
    parser.add_argument("--note", default="", help="a note recorded with --record")
    parser.add_argument("--baseline", type=Path, metavar="SRC",
                        help="also time another checkout's analyze in each round (its src folder, e.g. of main)")
    args = parser.parse_args(argv)

    figures: dict = {}
    print(f"helpers bench · {machine()} · load {load()}")
    st = stages()
    figures["seed, ms per layer"] = {name: round(st[name] * 1000, 1) for name in LAYERS}
    print("\nSeed article, milliseconds per layer (median of 5, each on a new document):")
    for name in LAYERS:
        print(f"  {name:<14} {st[name] * 1000:8.1f} ms")
    print(f"  {'pipeline':<14} {st['pipeline'] * 1000:8.1f} ms   (every layer, each computed once)")
    print(f"  {'floor':<14} {st['floor'] * 1000:8.1f} ms   (naive split, TextBlob + vaderSentiment on every sentence)")
    print(f"  ratio pipeline / floor: {st['pipeline'] / st['floor']:.2f}")
    figures["seed"] = {"pipeline ms": round(st["pipeline"] * 1000, 1), "floor ms": round(st["floor"] * 1000, 1),
                       "ratio": round(st["pipeline"] / st["floor"], 2)}

    records = corpus(args.articles)
    sentences = [s for r in records for s in re.split(r"(?<=[.!?])\s+", r["text"]) if s.strip()]
    figures["corpus"] = {"texts": len(records), "mean characters": round(statistics.mean(len(r["text"]) for r in records)),
                         "naive sentences": len(sentences), "distinct": len(set(sentences))}
    print(f"\nCorpus: {len(records)} texts of ~{figures['corpus']['mean characters']:,} characters, "
          f"{len(sentences):,} naive sentences ({len(set(sentences)):,} distinct)")
    rounds = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.rounds):
            r = side_by_side(records, Path(tmp), audit=not args.no_audit, baseline=args.baseline)
            rounds.append(r)
            print(f"\n  round {k + 1} (load {r['load before']} before, {r['load after']} after):")
            print(f"    floor process {r['floor process']:.1f} s · analyze --jobs 1 {r['analyze --jobs 1']:.1f} s "
                  f"({len(records) / r['analyze --jobs 1']:.1f} articles/s) · --jobs 2 {r['analyze --jobs 2']:.1f} s"
                  f" · whole-process ratio {r['whole-process ratio']:.2f}   (target at most 1.5)")
            print(f"    in process: pipeline {r['pipeline in process']:.1f} s, floor {r['floor in process']:.1f} s, "
                  f"ratio {r['in-process ratio']:.2f}   (target at most 1.5)")
            if "baseline analyze --jobs 1" in r:
                print(f"    baseline ({args.baseline}): analyze --jobs 1 {r['baseline analyze --jobs 1']:.1f} s, "
                      f"whole-process ratio {r['baseline whole-process ratio']:.2f}")
            if "audit of data/corpus" in r:
                print(f"    audit of data/corpus: {r['audit of data/corpus']:.1f} s   (target under 30 s)")
        figures["rounds"] = [{k: (round(v, 2) if isinstance(v, float) else v) for k, v in r.items()} for r in rounds]
        print("\n  median of the rounds: " + "; ".join(
            f"{name} {statistics.median(r[name] for r in rounds):.2f}"
            for name in ("whole-process ratio", "in-process ratio", "baseline whole-process ratio") if name in rounds[0]))
        if args.baseline:
            figures["baseline"] = str(args.baseline)
        sc = scaling(records)
        figures["scaling"] = {k: round(v, 2) if isinstance(v, float) else v for k, v in sc.items()}
        print(f"\nOne long text: {sc['texts']} corpus texts in one document {sc['small']:.2f} s, "
              f"{4 * sc['texts']} texts {sc['large']:.2f} s; ratio {sc['ratio']:.2f}   (target at most 4.5)")
        if args.memory:
            mem = memory(Path(tmp))
            figures["peak memory MiB"] = {str(n): round(mib) for n, mib in mem.items()}
            for n, mib in mem.items():
                print(f"  peak memory of analyze --jsonl, {n:,} records: {mib:.0f} MiB")
        if args.report:
            rc = report_cost(Path(tmp))
            figures["report"] = {k: round(v, 2) if isinstance(v, float) else v for k, v in rc.items()}
            print(f"\nReport build: {rc['full report']:.1f} s for {rc['kernels']} notebooks; bare start-up of "
                  f"{rc['kernels']} kernels with the same imports: {rc['bare start-up']:.1f} s; ratio {rc['ratio']:.2f}   (target < 1.5)")
    if args.record:
        entry = record(figures, args.note)
        print(f"\nrecorded in data/evaluation/results.json ({entry['date']}, {entry['commit']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
