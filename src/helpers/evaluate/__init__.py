"""One evaluator for every layer: a span aligner, P/R/F1, metrics per layer, the errors.

Gold and predictions are :class:`Item` s (document id, offsets, text, attributes). One
aligner pairs them one-to-one within a document, exact spans first, then by decreasing
overlap (overlap / the longer span), down to a layer's minimum:

- **timexes**, as TempEval-3 Task A: relaxed match = any overlap, strict = same span;
  ``precision``/``recall``/``f1`` are the relaxed ones; ``value_f1`` = relaxed F1 × value
  accuracy; ``type_accuracy`` over relaxed matches.
- **quotes** (statements): content span F1 with at least 50 % overlap; ``exact_f1``;
  ``attribution_accuracy`` over matched statements (the source span overlaps the gold
  source, or the canonical speaker names agree) and ``attribution_f1`` (matches with the
  right source); ``strict_attribution_accuracy`` (and ``strict_attribution_f1``) over the
  same pairs, judging the speaker a reader is shown: its words equal the gold source's, or
  it is a clean name of the entity the gold source refers to (``evaluate.speakers``);
  ``kind_accuracy`` where the gold gives a kind; ``speech_recall`` over the gold statements
  whose gold cue holds a verb of saying from the fixed list ``speakers.SPEECH_VERBS``.
- **affiliations**: speakers' affiliations (``helpers.affiliation``) against hand labels
  (``evaluate.affiliations``): precision, coverage and recall.
- **quantities**: detection F1 (any overlap) and ``value_f1``, where a found quantity
  counts when its value, or its interval, is right. Gold without spans (CQE's test sets)
  is aligned by value within each text.

``run(layer, docs)`` runs the extractor on gold documents (``readers``) and scores it;
``python -m helpers evaluate`` is its command line.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import pandas as pd

from . import speakers

ERROR_COLUMNS = ["doc", "error", "gold", "predicted", "context"]


@dataclass(frozen=True)
class Item:
    """One annotation: where it is and what it says (``attrs``: type, value, speaker …)."""

    doc: str
    start: int | None
    end: int | None
    text: str
    attrs: dict = field(default_factory=dict, hash=False, compare=False)

    def get(self, key, default=None):
        return self.attrs.get(key, default)


@dataclass
class GoldDoc:
    """A text and its gold items, as a reader gives them."""

    id: str
    text: str
    date: str | None
    items: list[Item]


# ---------------------------------------------------------------- alignment and P/R/F1


def overlap(a: Item, b: Item) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def overlap_ratio(a: Item, b: Item) -> float:
    """Shared characters over the longer span's length (1.0 for identical spans)."""
    longest = max(a.end - a.start, b.end - b.start)
    return overlap(a, b) / longest if longest > 0 else float(a.start == b.start)


def align(gold: list[Item], pred: list[Item], min_ratio: float = 0.0) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs in the same document: exact spans
    first, then by decreasing overlap ratio; a pair needs some overlap and a ratio of at
    least ``min_ratio``."""
    by_doc: dict[str, list[int]] = {}
    for k, p in enumerate(pred):
        by_doc.setdefault(p.doc, []).append(k)
    candidates = []
    for gi, g in enumerate(gold):
        for pi in by_doc.get(g.doc, ()):
            p = pred[pi]
            if overlap(g, p) > 0 or (g.start, g.end) == (p.start, p.end):
                ratio = overlap_ratio(g, p)
                if ratio >= min_ratio:
                    exact = (g.start, g.end) == (p.start, p.end)
                    candidates.append((not exact, -ratio, -overlap(g, p), g.start, p.start, gi, pi))
    candidates.sort()
    used_g, used_p, pairs = set(), set(), []
    for *_, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0.0 where undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _counts(gold, pred, pairs) -> dict:
    p, r, f = prf(len(pairs), len(pred), len(gold))
    return {"gold": len(gold), "predicted": len(pred), "matched": len(pairs), "precision": p, "recall": r, "f1": f}


def _unmatched(gold, pred, pairs, docs) -> list[dict]:
    gm, pm = {g for g, _ in pairs}, {p for _, p in pairs}
    rows = [_error(docs, g, None, f"missed ({_describe(g)})") for k, g in enumerate(gold) if k not in gm]
    rows += [_error(docs, None, p, f"spurious ({_describe(p)})") for k, p in enumerate(pred) if k not in pm]
    return rows


def _describe(item: Item) -> str:
    keys = ("type", "value", "mod", "speaker", "kind", "low", "high", "unit")
    return " ".join(str(item.get(k)) for k in keys if item.get(k) not in (None, ""))


def _error(docs, g: Item | None, p: Item | None, what: str) -> dict:
    item = g or p
    text = docs.get(item.doc, "") if docs else ""
    context = ""
    if text and item.start is not None:
        a, b = max(0, item.start - 60), min(len(text), item.end + 60)
        context = " ".join(text[a:b].split())
    return {"doc": item.doc, "error": what, "gold": g.text if g else None, "predicted": p.text if p else None, "context": context}


# ---------------------------------------------------------------- per layer


def timex_value(value) -> str:
    """A TIMEX3 value in one spelling: ISO weeks with two digits (``2000-W7`` is ``2000-W07``)."""
    return re.sub(r"-W(\d)(?!\d)", r"-W0\1", str(value)).upper()


def score_timexes(gold: list[Item], pred: list[Item], docs=None) -> tuple[dict, pd.DataFrame]:
    """TempEval-3 Task A: strict and relaxed span P/R/F1, type and value accuracy, value F1.
    Values are compared in one spelling (``timex_value``)."""
    gold = [Item(g.doc, g.start, g.end, g.text, {**g.attrs, "value": timex_value(g.get("value"))}) for g in gold]
    pred = [Item(p.doc, p.start, p.end, p.text, {**p.attrs, "value": timex_value(p.get("value"))}) for p in pred]
    pairs = align(gold, pred)
    metrics = _counts(gold, pred, pairs)
    strict = sum((gold[g].start, gold[g].end) == (pred[p].start, pred[p].end) for g, p in pairs)
    sp, sr, sf = prf(strict, len(pred), len(gold))
    type_ok = sum(gold[g].get("type") == pred[p].get("type") for g, p in pairs)
    value_ok = sum(str(gold[g].get("value")) == str(pred[p].get("value")) for g, p in pairs)
    n = len(pairs)
    metrics.update({
        "relaxed_f1": metrics["f1"], "strict_precision": sp, "strict_recall": sr, "strict_f1": sf,
        "type_accuracy": type_ok / n if n else 0.0, "value_accuracy": value_ok / n if n else 0.0,
    })
    metrics["value_f1"] = metrics["f1"] * metrics["value_accuracy"]
    errors = _unmatched(gold, pred, pairs, docs)
    for g, p in pairs:
        gi, pi = gold[g], pred[p]
        problems = [name for name, ok in (
            ("extent", (gi.start, gi.end) == (pi.start, pi.end)), ("type", gi.get("type") == pi.get("type")),
            ("value", str(gi.get("value")) == str(pi.get("value"))), ("mod", (gi.get("mod") or None) == (pi.get("mod") or None)),
        ) if not ok]
        if problems:
            errors.append(_error(docs, gi, pi, f"wrong {', '.join(problems)}: {_describe(pi)}, gold {_describe(gi)}"))
    return metrics, pd.DataFrame(errors, columns=ERROR_COLUMNS)


def speaker_key(name) -> str:
    """Speakers compared without case, a leading ``the``, a ``#n`` or the apostrophe's shape."""
    s = str(name or "").replace("’", "'").lower().strip()
    return re.sub(r"^the ", "", s)


def _same_source(g: Item, p: Item) -> bool:
    gs, ps = g.get("source_start"), p.get("source_start")
    if gs is not None and ps is not None:
        return max(0, min(g.get("source_end"), p.get("source_end")) - max(gs, ps)) > 0
    return speaker_key(g.get("speaker")) == speaker_key(p.get("speaker"))


def score_quotes(gold: list[Item], pred: list[Item], docs=None, min_ratio: float = 0.5) -> tuple[dict, pd.DataFrame]:
    """Statements: content span F1 at ``min_ratio`` overlap, exact-span F1, attribution
    accuracy and F1, kind accuracy."""
    pairs = align(gold, pred, min_ratio)
    metrics = _counts(gold, pred, pairs)
    exact = sum((gold[g].start, gold[g].end) == (pred[p].start, pred[p].end) for g, p in pairs)
    source_ok = [_same_source(gold[g], pred[p]) for g, p in pairs]
    kinds = [(gold[g].get("kind"), pred[p].get("kind")) for g, p in pairs if gold[g].get("kind")]
    n = len(pairs)
    texts = docs or {}
    entities = speakers.gold_entities(gold, texts)
    strict_ok = [speakers.shown_speaker_right(pred[p].get("speaker"), gold[g].get("speaker"), entities[g], texts.get(gold[g].doc, ""))
                 for g, p in pairs]
    speech = [k for k, g in enumerate(gold) if speakers.speech_cue(g.get("cue"))]
    matched_gold = {g for g, _ in pairs}
    metrics.update({
        "speech_gold": len(speech),
        "speech_recall": sum(k in matched_gold for k in speech) / len(speech) if speech else float("nan"),
        "exact_f1": prf(exact, len(pred), len(gold))[2],
        "attribution_accuracy": sum(source_ok) / n if n else 0.0,
        "attribution_f1": prf(sum(source_ok), len(pred), len(gold))[2],
        "strict_attribution_accuracy": sum(strict_ok) / n if n else 0.0,
        "strict_attribution_f1": prf(sum(strict_ok), len(pred), len(gold))[2],
        "kind_accuracy": sum(a == b for a, b in kinds) / len(kinds) if kinds else float("nan"),
    })
    errors = _unmatched(gold, pred, pairs, docs)
    for (g, p), ok, strict in zip(pairs, source_ok, strict_ok):
        gi, pi = gold[g], pred[p]
        problems = []
        if not ok:
            problems.append(f"speaker {pi.get('speaker')!r}, gold {gi.get('speaker')!r}")
        elif not strict:
            refers = f" (refers to {entities[g][0]!r})" if entities[g][0] else ""
            problems.append(f"shown speaker {pi.get('speaker')!r}, gold {gi.get('speaker')!r}{refers}")
        if gi.get("kind") and gi.get("kind") != pi.get("kind"):
            problems.append(f"kind {pi.get('kind')}, gold {gi.get('kind')}")
        if (gi.start, gi.end) != (pi.start, pi.end):
            problems.append("span differs")
        if problems:
            errors.append(_error(docs, gi, pi, "; ".join(problems)))
    return metrics, pd.DataFrame(errors, columns=ERROR_COLUMNS)


def _num(x) -> float | None:
    if x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA:
        return None
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def same_number(a, b) -> bool:
    """Two values equal within a relative 1e-6 (both missing counts as equal)."""
    a, b = _num(a), _num(b)
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def value_right(g: Item, p: Item) -> bool:
    """A found quantity's value is right: the gold point value, or the gold interval."""
    if _num(g.get("value")) is not None:
        return same_number(p.get("value"), g.get("value"))
    return same_number(p.get("low"), g.get("low")) and same_number(p.get("high"), g.get("high"))


def _align_by_value(gold: list[Item], pred: list[Item]) -> list[tuple[int, int]]:
    """Pairs for gold without spans: the same document and a right value, in order."""
    used, pairs = set(), []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and p.doc == g.doc and value_right(g, p):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def score_quantities(gold: list[Item], pred: list[Item], docs=None) -> tuple[dict, pd.DataFrame]:
    """Detection P/R/F1 and value F1 (detection F1 × value accuracy). When the gold marks
    which items are of the kinds the project covers (``listed``), the same metrics on those
    alone are added as ``listed_*``: the other gold items, and the predictions on them, are
    left out."""
    metrics, errors = _score_quantities(gold, pred, docs)
    if any("listed" in g.attrs for g in gold):
        off = [g for g in gold if g.get("listed") is False]
        kept = [p for p in pred if not any(p.doc == g.doc and overlap(p, g) > 0 for g in off)]
        listed, _ = _score_quantities([g for g in gold if g.get("listed") is not False], kept, docs)
        metrics.update({f"listed_{k}": v for k, v in listed.items() if k in ("gold", "precision", "recall", "f1", "value_f1")})
    return metrics, errors


def _score_quantities(gold: list[Item], pred: list[Item], docs=None) -> tuple[dict, pd.DataFrame]:
    spanless = any(g.start is None for g in gold)
    pairs = _align_by_value(gold, pred) if spanless else align(gold, pred)
    metrics = _counts(gold, pred, pairs)
    ok = [value_right(gold[g], pred[p]) for g, p in pairs]
    n = len(pairs)
    metrics["value_accuracy"] = sum(ok) / n if n else 0.0
    metrics["value_f1"] = metrics["f1"] * metrics["value_accuracy"]
    metrics["detection_f1"] = metrics["f1"]
    errors = _unmatched(gold, pred, pairs, docs)
    for (g, p), right in zip(pairs, ok):
        if not right:
            errors.append(_error(docs, gold[g], pred[p], f"wrong value: {_describe(pred[p])}, gold {_describe(gold[g])}"))
    return metrics, pd.DataFrame(errors, columns=ERROR_COLUMNS)


SCORERS = {"timexes": score_timexes, "quotes": score_quotes, "quantities": score_quantities, "figures": score_quantities}


# ---------------------------------------------------------------- running the extractors

#: ``quantities`` is every quantity of the text; ``figures`` the ones a reader tabulates (no
#: durations or ages), which the project's figure gold annotates.
LAYER_ALIASES = {"statements": "quotes", "attributions": "quotes"}


def predictions(layer: str, doc) -> list[Item]:
    """A document's layer as items to score."""
    if layer == "timexes":
        return [Item(doc.article.id, t.start, t.end, t.text, {"type": t.type, "value": t.value, "mod": t.mod}) for t in doc.timexes]
    if layer == "quotes":
        return [
            Item(doc.article.id, s.start, s.end, s.text, {
                "speaker": s.speaker, "kind": s.kind, "source_start": s.speaker_start, "source_end": s.speaker_end,
            })
            for s in doc.attributions
        ]
    found = doc.quantities
    if layer == "figures":
        from ..quantities import figure_records

        found = figure_records(found)
    return [
        Item(doc.article.id, q.start, q.end, q.text, {"value": q.value, "low": q.low, "high": q.high, "unit": q.unit})
        for q in found
    ]


def run(layer: str, docs: list[GoldDoc]) -> tuple[dict, pd.DataFrame]:
    """Run the extractor of ``layer`` on each gold document and score it; a document the
    extractor cannot read is an error row and its gold counts as missed."""
    from ..article import ArticleError, parse_article
    from ..document import Document

    layer = LAYER_ALIASES.get(layer, layer)
    gold, pred, failed = [], [], []
    for d in docs:
        gold.extend(d.items)
        try:
            doc = Document(parse_article(d.text, id=d.id, path=f"document {d.id}", date=d.date))
            pred.extend(predictions(layer, doc))
        except ArticleError as err:
            failed.append({"doc": d.id, "error": f"not read: {err.problem}", "gold": None, "predicted": None, "context": ""})
    metrics, errors = SCORERS[layer](gold, pred, {d.id: d.text for d in docs})
    metrics["documents"] = len(docs)
    if failed:
        errors = pd.concat([pd.DataFrame(failed, columns=ERROR_COLUMNS), errors], ignore_index=True)
    metrics["failed_documents"] = len(failed)
    return metrics, errors


def evaluate(layer: str, path, fmt: str) -> tuple[dict, pd.DataFrame]:
    """Read the gold at ``path`` in format ``fmt`` and score the extractor of ``layer``."""
    from .readers import READERS

    if layer == "affiliations":
        from .affiliations import score_affiliations

        return score_affiliations(READERS[fmt](path))
    return run(layer, READERS[fmt](path))


# ---------------------------------------------------------------- the project's own gold


def _annotations():
    from .. import paths

    return paths.ANNOTATIONS


#: The hand-made gold of the seed article, per layer.
SEED_GOLD = {"quotes": "seed_quotes.csv", "timexes": "seed_timexes.csv", "figures": "seed_figures.csv"}
#: The hand-written held-out sets per layer, and which were measured untouched (written
#: after the first set had been used to fix errors, measured once).
HELDOUT = {
    "quotes": {"quotes": "development (used for fixes)", "quotes_2": "untouched"},
    "timexes": {"timexes": "development (used for fixes)", "timexes_2": "untouched"},
    "figures": {"figures": "development since the currency fix"},
}


def seed(layer: str) -> tuple[dict, pd.DataFrame]:
    """The extractor of ``layer`` against the seed's hand-made gold."""
    layer = LAYER_ALIASES.get(layer, layer)
    return evaluate(layer, _annotations() / SEED_GOLD[layer], "project")


def heldout(name: str) -> tuple[dict, pd.DataFrame]:
    """The extractor against one held-out set (``quotes_2``, ``timexes``, ``figures`` …)."""
    layer = next(layer for layer, sets in HELDOUT.items() if name in sets)
    return evaluate(layer, _annotations() / "heldout" / f"{name}.jsonl", "project")


def gold_frame(path) -> pd.DataFrame:
    """Project gold as a table: ``doc``, ``start``, ``end``, ``text`` and its attributes."""
    from .readers import read_project

    rows = [{"doc": i.doc, "start": i.start, "end": i.end, "text": i.text, **i.attrs} for d in read_project(path) for i in d.items]
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- the results file

#: Measurements on public data sets, which CI cannot fetch: one entry per measurement.
RESULTS_FILE = "evaluation/results.json"
METRIC_KEYS = ("gold", "predicted", "matched", "precision", "recall", "f1", "strict_f1", "exact_f1", "value_f1",
               "type_accuracy", "value_accuracy", "attribution_accuracy", "attribution_f1", "strict_attribution_accuracy",
               "strict_attribution_f1", "documents",
               "listed_gold", "listed_precision", "listed_recall", "listed_f1", "listed_value_f1",
               "speech_gold", "speech_recall", "labelled_speakers", "labelled_affiliations", "correct", "coverage")


def results_path():
    from .. import paths

    return paths.DATA / RESULTS_FILE


def _results_body() -> dict:
    import json

    p = results_path()
    return json.loads(p.read_text(encoding="utf-8")) if p.exists() else {}


def load_results() -> list[dict]:
    """Every recorded measurement (``data/evaluation/results.json``), oldest first."""
    return _results_body().get("measurements", [])


def load_audits() -> list[dict]:
    """Every recorded audit of a whole corpus (``python -m helpers audit … --record``), oldest first."""
    return _results_body().get("audits", [])


ABOUT = ("Accuracy of the extractors on public annotated data (not in the repository; see data/README.md). "
         "'untouched' marks a first measurement, before any change made after reading that data's errors. "
         "'audits': the audit (python -m helpers audit) over whole corpora, problems and articles per check. "
         "'benchmarks': the figures of make bench (python -m helpers.bench --record), with date, commit and machine.")


def load_benchmarks() -> list[dict]:
    """Every recorded run of ``make bench`` (``python -m helpers.bench --record``), oldest first."""
    return _results_body().get("benchmarks", [])


def _write_results(measurements: list[dict], audits: list[dict], benchmarks: list[dict] | None = None) -> None:
    import json

    p = results_path()
    p.parent.mkdir(parents=True, exist_ok=True)
    benchmarks = load_benchmarks() if benchmarks is None else benchmarks
    body = {"about": ABOUT, "measurements": measurements, **({"audits": audits} if audits else {}),
            **({"benchmarks": benchmarks} if benchmarks else {})}
    p.write_text(json.dumps(body, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _provenance() -> dict:
    import datetime as dt
    import subprocess

    from .. import paths

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=paths.ROOT).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], capture_output=True, text=True, cwd=paths.ROOT).stdout.strip()
    return {"date": dt.date.today().isoformat(), "commit": commit + ("+changes" if dirty else "")}


def record(metrics: dict, *, layer: str, dataset: str, compartment: str, source: str, untouched: bool, note: str = "") -> dict:
    """Append a measurement (with today's date and the project's git commit) to the results file."""
    entry = {
        "layer": LAYER_ALIASES.get(layer, layer), "dataset": dataset, "compartment": compartment, "source": source,
        **_provenance(), "untouched": untouched, "note": note,
        "metrics": {k: (round(v, 4) if isinstance(v, float) else v) for k, v in metrics.items() if k in METRIC_KEYS},
    }
    _write_results(load_results() + [entry], load_audits())
    return entry


def record_audit(summary: dict, *, dataset: str, compartment: str, source: str, note: str = "") -> dict:
    """Append an audit's summary (articles, and problems and articles per check) to the results file."""
    entry = {"dataset": dataset, "compartment": compartment, "source": source, **_provenance(), "note": note, **summary}
    _write_results(load_results(), load_audits() + [entry])
    return entry


def record_benchmark(figures: dict) -> dict:
    """Append one run of the benchmarks (its figures, the machine) to the results file."""
    entry = {**_provenance(), **figures}
    _write_results(load_results(), load_audits(), load_benchmarks() + [entry])
    return entry
