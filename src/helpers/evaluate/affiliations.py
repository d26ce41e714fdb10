"""Speakers' affiliations (``helpers.affiliation``) against hand labels.

The labels (``data/annotations/polnear_dev_affiliations.csv``, format ``affiliations``) give
a file, the offsets of a mention of the speaker's surname, the affiliation (``party``,
``campaign``, ``country``, ``organisation`` or ``none``), its value (the party, the ISO code)
and the offsets of the words that say it. The texts are read from the folder beside the labels'
data set (``data/external/polnear/<compartment>/text/<file>.txt``), never committed.

For each label the affiliation module is asked about the speaker by name: the full name the
text writes most often with that surname (the evaluator's own count,
``evaluate.speakers.full_names``), else the surname. A prediction is right when its kind is
the label's and its value is the label's party or country; for a campaign or an organisation,
when its evidence overlaps the labelled evidence or its name's words are among the labelled
evidence's words. A prediction for a speaker labelled ``none`` is wrong.

- ``precision``: right predictions over predictions;
- ``coverage``: predictions over labelled speakers;
- ``recall``: right predictions over the speakers whose label is not ``none``.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from . import ERROR_COLUMNS, GoldDoc, Item
from . import speakers as _speakers


def _texts_dir(labels: Path) -> list[Path]:
    from .. import paths

    return sorted((paths.DATA / "external" / "polnear").glob("*/text"))


def read_affiliations(path) -> list[GoldDoc]:
    """The label file as gold documents (one item per labelled speaker)."""
    from .readers import GoldFormatError

    path = Path(path)
    if not path.is_file():
        raise GoldFormatError(path, "no such file")
    folders = _texts_dir(path)
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    if not rows or "affiliation" not in rows[0]:
        raise GoldFormatError(path, "not an affiliation label file (file, mention_start, mention_end, affiliation, ...)")
    docs: dict[str, GoldDoc] = {}
    for n, row in enumerate(rows, 2):
        name = row["file"]
        if name not in docs:
            found = [f / f"{name}.txt" for f in folders if (f / f"{name}.txt").exists()]
            if not found:
                raise GoldFormatError(path, f"row {n}: no text {name}.txt under data/external/polnear/*/text")
            docs[name] = GoldDoc(name, found[0].read_text(encoding="utf-8"), None, [])
        text = docs[name].text
        a, b = int(row["mention_start"]), int(row["mention_end"])
        attrs = {"affiliation": row["affiliation"], "value": row["value"] or None}
        if row["evidence_start"]:
            attrs.update(evidence_start=int(row["evidence_start"]), evidence_end=int(row["evidence_end"]))
        docs[name].items.append(Item(name, a, b, text[a:b], attrs))
    return list(docs.values())


def _name_for(text: str, surname: str) -> str:
    people = _speakers.full_names(text, surname)
    if not people:
        return surname
    (first, _), _ = people.most_common(1)[0]
    m = re.search(rf"\b({re.escape(first)})\s+(?:[A-Z]\.\s+)?{re.escape(surname)}\b", text, flags=re.IGNORECASE)
    return f"{m.group(1)} {surname}" if m else surname


def _words(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in ("the", "of", "a", "an", "s")}


def right(pred, gold: Item, text: str) -> bool:
    """A predicted affiliation agrees with a label (see the module)."""
    kind = gold.get("affiliation")
    if pred is None or kind == "none" or pred.kind != kind:
        return False
    if kind in ("party", "country"):
        return pred.value == gold.get("value")
    a, b = gold.get("evidence_start"), gold.get("evidence_end")
    if a is None:
        return False
    if max(0, min(b, pred.end) - max(a, pred.start)) > 0:
        return True
    return bool(_words(pred.value)) and _words(pred.value) <= _words(text[a:b])


def score_affiliations(docs: list[GoldDoc]) -> tuple[dict, pd.DataFrame]:
    from .. import affiliation

    n = predicted = correct = labelled = 0
    errors = []
    for d in docs:
        people = affiliation.people_in(d.text)
        for g in d.items:
            n += 1
            labelled += g.get("affiliation") != "none"
            pred = affiliation.of_name(d.text, _name_for(d.text, g.text), people)
            ok = right(pred, g, d.text)
            predicted += pred is not None
            correct += ok
            if not ok and (pred is not None or g.get("affiliation") != "none"):
                ev = d.text[g.get("evidence_start"):g.get("evidence_end")] if g.get("evidence_start") is not None else ""
                what = f"{pred.kind}:{pred.value} ({pred.evidence!r})" if pred else "none"
                errors.append({"doc": d.id, "error": f"predicted {what}, label {g.get('affiliation')}:{g.get('value') or ''}",
                               "gold": ev, "predicted": pred.evidence if pred else None, "context": g.text})
    metrics = {
        "labelled_speakers": n, "labelled_affiliations": labelled, "predicted": predicted, "correct": correct,
        "precision": correct / predicted if predicted else 0.0, "coverage": predicted / n if n else 0.0,
        "recall": correct / labelled if labelled else 0.0, "documents": len(docs),
    }
    return metrics, pd.DataFrame(errors, columns=ERROR_COLUMNS)
