"""Held-out evaluation: the extractors on short news texts they were never tuned on.

Each task has a JSON-lines file under ``data/annotations/heldout/``: one record per text,
``{"id", "date", "text", "gold": [...]}``, the gold written by hand before the extractor was
first run on it. A gold item names its content by its exact text (which must occur once in
the record's text), so the files stay readable and offsets are located, not typed.

The files are evaluation data: code changes made after reading a held-out error are tuning,
so the closing notes report the first measurement as well as any later one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from . import paths
from .article import parse_article

HELDOUT = paths.ANNOTATIONS / "heldout"


def load(task: str, path: Path | None = None) -> list[dict]:
    """The records of one task (``quotes``, ``figures``, ``timexes``)."""
    path = HELDOUT / f"{task}.jsonl" if path is None else path
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            rec = json.loads(line)
            for item in rec["gold"]:
                first = rec["text"].find(item["text"])
                if first < 0 or rec["text"].find(item["text"], first + 1) >= 0:
                    problem = "not found" if first < 0 else "not unique"
                    raise ValueError(f"{path}: line {n}: gold text {problem}: {item['text'][:40]!r}")
                item["start"], item["end"] = first, first + len(item["text"])
            records.append(rec)
    return records


def _speaker_key(name) -> str:
    """Speakers compared without case, a leading ``the`` or the apostrophe's shape."""
    s = str(name or "").replace("’", "'").lower().strip()
    return re.sub(r"^the ", "", s)


def evaluate_quotes(records: list[dict] | None = None) -> tuple[dict, pd.DataFrame]:
    """Statement P/R/F1 (overlapping spans), exact-span F1, speaker and kind accuracy."""
    from .quotes import quotes, score

    records = load("quotes") if records is None else records
    pred, gold = _concat(records, quotes)
    for df in (pred, gold):
        df["speaker"] = df["speaker"].map(_speaker_key)
    metrics, errors = score(pred, gold)
    metrics["documents"] = len(records)
    return metrics, errors


def _concat(records: list[dict], extract) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Predictions and gold of every record as one long document (offsets shifted)."""
    preds, golds, offset = [], [], 0
    for rec in records:
        article = parse_article(rec["text"], id=rec["id"], date=rec.get("date"))
        p = extract(article)
        g = pd.DataFrame(rec["gold"], columns=sorted({k for item in rec["gold"] for k in item} | {"text", "start", "end"}))
        for df in (p, g):
            df["start"] = df["start"].astype(int) + offset
            df["end"] = df["end"].astype(int) + offset
            df["doc"] = rec["id"]
        preds.append(p)
        golds.append(g)
        offset += len(rec["text"]) + 1
    return pd.concat(preds, ignore_index=True), pd.concat(golds, ignore_index=True)


def evaluate_figures(records: list[dict] | None = None) -> tuple[dict, pd.DataFrame]:
    """Span P/R/F1 and value F1 of the figures extractor (``quantities.score``)."""
    from .quantities import figures, score

    records = load("figures") if records is None else records
    pred, gold = _concat(records, figures)
    for col in ("value", "low", "high"):
        if col not in gold:
            gold[col] = float("nan")
        gold[col] = gold[col].astype(float)
    metrics, errors = score(pred, gold)
    metrics["documents"] = len(records)
    return metrics, errors


def evaluate_timexes(records: list[dict] | None = None) -> tuple[dict, pd.DataFrame]:
    """TempEval-style span F1 (strict, relaxed), type and value accuracy, value F1."""
    from .timeline import score, timexes

    records = load("timexes") if records is None else records
    pred, gold = _concat(records, timexes)
    if "mod" not in gold:
        gold["mod"] = None
    gold["mod"] = gold["mod"].where(gold["mod"].notna(), None)
    metrics, errors = score(pred, gold)
    metrics["documents"] = len(records)
    return metrics, errors
