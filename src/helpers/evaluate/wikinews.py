"""The hand-made TIMEX3 gold of 25 articles of the shipped Wikinews corpus (``data/corpus/``).

The 25 articles were chosen before the tagger was run on any of them, by :func:`choose`, a
seeded draw that spreads them over the corpus's four subsets and its years: within each
subset the articles are ordered by date and cut into as many equal bands as articles are
to be drawn from it (7 from ``trial``, 6 from each of ``corpus_1``-``corpus_3``), and one
article is drawn from each band with ``random.Random(SEED)``. Ten of the 25 were drawn at
the same time, with the same generator, as the held-out check (3, 3, 2, 2 by subset); the
other 15 are development data. The choice is ``data/annotations/wikinews_timexes/selection.tsv``.

The gold is ``development.csv`` and ``heldout.csv`` beside it: one row per TIMEX3 with the
corpus file it is in (a name in ``data/corpus/``), its ``start``/``end`` (Python string
indices into the file's text), the text, ``type``, ``value`` and ``mod``. An article with no
temporal expression would be listed by one row with no offsets. The reader is ``corpus``
(``python -m helpers evaluate timexes data/annotations/wikinews_timexes --format corpus``).
"""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

from .. import paths

SEED = 25
PER_SUBSET = {"trial": 7, "corpus_1": 6, "corpus_2": 6, "corpus_3": 6}
HELDOUT_PER_SUBSET = {"trial": 3, "corpus_1": 3, "corpus_2": 2, "corpus_3": 2}
GOLD_DIR = paths.ANNOTATIONS / "wikinews_timexes"
CORPUS = paths.DATA / "corpus"


def manifest(corpus: Path = CORPUS) -> list[dict]:
    with open(corpus / "MANIFEST.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def choose(rows: list[dict], seed: int = SEED) -> list[dict]:
    """The 25 articles and their compartment (``heldout`` or ``development``), in subset
    and date order: one per date band of each subset, the held-out ones drawn among them."""
    rng = random.Random(seed)
    chosen = []
    for subset, n in PER_SUBSET.items():
        members = sorted((r for r in rows if r["subset"] == subset), key=lambda r: (r["date"], int(r["doc_id"])))
        bands = [members[len(members) * k // n: len(members) * (k + 1) // n] for k in range(n)]
        picked = [rng.choice(band) for band in bands]
        held = set(rng.sample(range(n), HELDOUT_PER_SUBSET[subset]))
        chosen += [{"file": r["file"], "doc_id": r["doc_id"], "subset": subset, "date": r["date"],
                    "compartment": "heldout" if k in held else "development"} for k, r in enumerate(picked)]
    return chosen


def write_selection(out: Path = GOLD_DIR / "selection.tsv") -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    chosen = choose(manifest())
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(chosen[0]), delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(chosen)
    return out


def read_selection(path: Path = GOLD_DIR / "selection.tsv") -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


GOLD_COLUMNS = ["file", "start", "end", "text", "type", "value", "mod", "note"]


def locate(draft: list[dict], corpus: Path = CORPUS) -> list[dict]:
    """Gold rows with offsets from hand-written rows in document order (``doc_id``, ``text``
    with ``\\n`` for a line break, ``type``, ``value``, ``mod``, ``note``): each text is
    found as a whole word at or after the end of the previous one in the same article
    (and after the header line)."""
    files = {r["doc_id"]: r["file"] for r in manifest(corpus)}
    rows, pos = [], {}
    for d in draft:
        file = files[d["doc_id"]]
        text = (corpus / file).read_text(encoding="utf-8")
        want = d["text"].replace("\\n", "\n")
        header = text.find("\n") + 1 if text.startswith(" date ") else 0  # the header line is no text
        m = re.compile(rf"(?<!\w){re.escape(want)}(?!\w)").search(text, pos.get(file, header))
        if m is None:
            raise ValueError(f"{file}: {want!r} not found after offset {pos.get(file, 0)}")
        pos[file] = m.end()
        rows.append({"file": file, "start": m.start(), "end": m.end(), "text": want, "type": d["type"],
                     "value": d["value"], "mod": d.get("mod") or "", "note": d.get("note") or ""})
    return rows


def write_gold(draft_path: Path, out: Path = GOLD_DIR) -> list[Path]:
    """``development.csv`` and ``heldout.csv`` from the hand-written draft, by the selection."""
    with open(draft_path, encoding="utf-8", newline="") as fh:
        draft = list(csv.DictReader(fh, delimiter="\t"))
    rows = locate(draft)
    written = []
    for compartment in ("development", "heldout"):
        files = [s["file"] for s in read_selection() if s["compartment"] == compartment]
        part = [r for f in files for r in rows if r["file"] == f] + [
            {"file": f} for f in files if not any(r["file"] == f for r in rows)]
        path = out / f"{compartment}.csv"
        with open(path, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=GOLD_COLUMNS, lineterminator="\n")
            w.writeheader()
            w.writerows(part)
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover
    import sys

    print(*(write_gold(Path(sys.argv[1])) if len(sys.argv) > 1 else [write_selection()]), sep="\n")
