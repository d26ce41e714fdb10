"""The conflict development set (issue 24): the mission's categories scored on hand-made gold.

``data/annotations/conflict_figures.csv`` holds every casualty, displacement and territorial
figure of 50 paragraphs of war reporting (``conflict_paragraphs.csv``: URL, date, outlet),
annotated before the extractor was run on them; the texts themselves stay out of the
repository, in ``data/external/conflict/paragraphs.jsonl``. A figure the extractor files in one
of these categories is right when it overlaps a gold figure of the same category; every other
one (no gold there, or another category) is wrong; a gold figure with no right one is missed.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd

from .. import paths

MISSION = ("casualty", "displacement", "territorial")
GOLD = paths.ROOT / "data" / "annotations" / "conflict_figures.csv"
PARAGRAPHS = paths.ROOT / "data" / "annotations" / "conflict_paragraphs.csv"
TEXTS = paths.ROOT / "data" / "external" / "conflict" / "paragraphs.jsonl"


class MissingTexts(FileNotFoundError):
    """The paragraphs' texts are not on this machine (data/README.md says how they were gathered)."""


def load_texts(path: Path | str = TEXTS) -> dict[str, dict]:
    p = Path(path)
    if not p.is_file():
        raise MissingTexts(f"{p}: the conflict paragraphs' texts are not here (gitignored; see data/README.md)")
    return {r["id"]: r for r in map(json.loads, p.read_text(encoding="utf-8").splitlines()) if r}


def predicted(text: str, date: str | None = None) -> list:
    """The figures of one paragraph (its offsets are the paragraph's)."""
    from ..article import parse_article
    from ..document import Document
    from . import figure_records

    doc = Document(parse_article(text, id="p", path="paragraph", date=dt.date.fromisoformat(date) if date else None))
    if doc.text != text:
        raise ValueError("the article's text is not the paragraph's: offsets would differ")
    return figure_records(doc.quantities)


def score(texts: dict[str, dict] | None = None, gold_path: Path | str = GOLD) -> tuple[dict, pd.DataFrame]:
    """Category precision and recall over the mission's categories, and one row per error."""
    texts = load_texts() if texts is None else texts
    gold = pd.read_csv(gold_path, comment="#")
    listed = pd.read_csv(PARAGRAPHS, comment="#")["paragraph"]
    right = wrong = 0
    found: set[int] = set()
    errors = []
    for pid in listed:
        rec = texts[pid]
        g = gold[gold["paragraph"] == pid]
        for q in predicted(rec["text"], rec.get("date")):
            if q.category not in MISSION:
                continue
            hit = g[(g["start"] < q.end) & (q.start < g["end"])]
            same = hit[hit["category"] == q.category]
            if len(same):
                right += 1
                found.update(same.index)
            else:
                wrong += 1
                errors.append({"paragraph": pid, "text": q.text, "predicted": q.category, "gold": ", ".join(hit["category"]) or "none",
                               "measure": q.measure, "evidence": getattr(q, "evidence", None)})
    for k, g in gold.iterrows():
        if k not in found:
            errors.append({"paragraph": g["paragraph"], "text": g["text"], "predicted": "missed", "gold": g["category"],
                           "measure": None, "evidence": None})
    n_pred, n_gold = right + wrong, len(gold)
    metrics = {"documents": len(listed), "gold": n_gold, "predicted": n_pred, "matched": len(found),
               "precision": right / n_pred if n_pred else 0.0, "recall": len(found) / n_gold if n_gold else 0.0}
    p, r = metrics["precision"], metrics["recall"]
    metrics["f1"] = 2 * p * r / (p + r) if p + r else 0.0
    return metrics, pd.DataFrame(errors)
