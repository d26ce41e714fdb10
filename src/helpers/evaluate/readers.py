"""Readers for the formats researchers annotate in, all giving ``GoldDoc`` s.

- ``timeml``: TimeML ``.tml`` files (TempEval, TimeBank, AQUAINT): the ``TEXT`` element's
  text with its tags removed, each ``TIMEX3`` in it as an item (type, value, mod), the
  document creation time (``DCT``) as the reference date.
- ``brat``: brat standoff attribution annotations (PARC 3.0 / PolNeAR style): ``Source``,
  ``Cue`` and ``Content`` text-bound annotations tied by ``Attribution`` events; the text is
  the ``.txt`` beside the ``.ann`` or, for PolNeAR's layout, ``../text/<name>.txt`` with the
  annotator suffix removed. An item is a content span with its source and cue spans.
- ``quantulum``: quantulum3's ``quantities.json`` (``req`` and ``res`` with ``value``,
  ``unit``, ``surface``, ``uncertainty``); a range is the interval value ± uncertainty.
- ``cqe``: CQE's formatted test sets (``text`` and ``quantities`` with ``value`` and
  ``normalized_unit``), which give no spans: scored by value.
- ``corpus``: stand-off gold on the shipped corpus (``data/corpus/``): CSV rows ``file``,
  ``start``, ``end``, ``text``, ``type``, ``value``, ``mod`` (the Wikinews TIMEX3 gold,
  ``data/annotations/wikinews_timexes/``); the text is the corpus file, its date its header's.
- ``project``: the project's own gold, the held-out JSON-lines sets (``{"id", "date",
  "text", "gold"}``, each gold item naming its exact text) and the seed's CSV files.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd

from .. import paths
from ..article import read_text
from . import GoldDoc, Item
from .listed_units import LISTED_UNITS

_DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")


class GoldFormatError(ValueError):
    """A gold file that cannot be read; ``str(err)`` is one line naming the file."""

    def __init__(self, path, problem: str):
        super().__init__(f"{path}: {problem}")


def _files(path: Path, suffix: str) -> list[Path]:
    if not path.exists():
        raise GoldFormatError(path, "no such file or directory")
    files = sorted(path.rglob(f"*{suffix}")) if path.is_dir() else [path]
    if not files:
        raise GoldFormatError(path, f"no {suffix} files")
    return files


# ---------------------------------------------------------------- TimeML


def read_timeml(path) -> list[GoldDoc]:
    return [_timeml_doc(f) for f in _files(Path(path), ".tml")]


def _timeml_doc(f: Path) -> GoldDoc:
    try:
        root = ET.fromstring(f.read_bytes())
    except ET.ParseError as err:
        raise GoldFormatError(f, f"not well-formed TimeML ({err})") from None
    text_el = root.find(".//TEXT")
    if text_el is None:
        raise GoldFormatError(f, "no TEXT element")
    parts: list[str] = []
    items: list[Item] = []
    _walk(text_el, parts, items, f.stem)
    dct = root.find(".//DCT/TIMEX3")
    date = dct.get("value", "")[:10] if dct is not None else None
    if date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        date = None
    return GoldDoc(f.stem, "".join(parts), date, items)


def _walk(el, parts: list[str], items: list[Item], doc: str) -> None:
    """Text of ``el`` with tags removed, recording each TIMEX3's offsets."""
    if el.text:
        parts.append(el.text)
    for child in el:
        start = sum(map(len, parts))
        _walk(child, parts, items, doc)
        if child.tag == "TIMEX3":
            end = sum(map(len, parts))
            text = "".join(parts)[start:end]
            items.append(Item(doc, start, end, text, {
                "type": child.get("type"), "value": child.get("value"), "mod": child.get("mod"),
            }))
        if child.tail:
            parts.append(child.tail)


# ---------------------------------------------------------------- brat


def read_brat(path) -> list[GoldDoc]:
    return [_brat_doc(f) for f in _files(Path(path), ".ann")]


def _brat_text(ann: Path) -> Path:
    stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
    for cand in (ann.with_suffix(".txt"), ann.parent / f"{stem}.txt", ann.parent.parent / "text" / f"{stem}.txt"):
        if cand.exists():
            return cand
    raise GoldFormatError(ann, "no text file beside it (.txt, or ../text/<name>.txt)")


def _brat_doc(ann: Path) -> GoldDoc:
    with open(_brat_text(ann), encoding="utf-8", newline="") as fh:
        text = fh.read()
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for n, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), 1):
        fields = line.split("\t")
        if not re.match(r"[TE]\d+\t", line):
            continue  # attributes, relations, notes, or the rest of a text field that held a line break
        try:
            if line.startswith("T"):
                kind, *offsets = re.split(r"[ ;]", fields[1])
                pairs = [(int(offsets[k]), int(offsets[k + 1])) for k in range(0, len(offsets), 2)]
                spans[fields[0]] = (kind, pairs)
            elif line.startswith("E"):
                events.append(dict(arg.split(":", 1) for arg in fields[1].split()))
        except (IndexError, ValueError):
            raise GoldFormatError(ann, f"line {n}: not brat standoff") from None
    items = [item for e in events if (item := _attribution(ann.stem, text, spans, e))]
    m = _DATE_IN_NAME.search(ann.stem)
    return GoldDoc(ann.stem, text, m.group(1) if m else None, items)


def _attribution(doc: str, text: str, spans, event: dict[str, str]) -> Item | None:
    role = {r.rstrip("0123456789"): t for r, t in event.items()}
    if "Content" not in role or role["Content"] not in spans:
        return None
    fragments = spans[role["Content"]][1]
    start, end = min(a for a, _ in fragments), max(b for _, b in fragments)
    attrs: dict = {"fragments": fragments}
    for name in ("Source", "Cue"):
        if role.get(name) in spans:
            pairs = spans[role[name]][1]
            a, b = min(x for x, _ in pairs), max(y for _, y in pairs)
            attrs[f"{name.lower()}_start"], attrs[f"{name.lower()}_end"] = a, b
            attrs["speaker" if name == "Source" else "cue"] = text[a:b]
    return Item(doc, start, end, text[start:end], attrs)


# ---------------------------------------------------------------- quantity test sets


def _json_list(path: Path) -> list:
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as err:
        raise GoldFormatError(path, f"invalid JSON ({err.msg}, line {err.lineno})") from None
    if not isinstance(data, list):
        raise GoldFormatError(path, "expected a JSON list of test cases")
    return data


def read_quantulum(path) -> list[GoldDoc]:
    docs = []
    for f in _files(Path(path), ".json"):
        for n, case in enumerate(_json_list(f), 1):
            doc, text = f"{f.stem}:{n}", case["req"]
            items, pos = [], 0
            for res in case.get("res", []):
                start = text.find(res["surface"], pos)
                start = text.find(res["surface"]) if start < 0 else start
                if start < 0:
                    continue
                pos = start + len(res["surface"])
                value, unc = float(res["value"]), float(res.get("uncertainty") or 0)
                listed = _listed_kind(res.get("unit", ""), value) and not _name_numeral(text, start, res.get("unit", ""), value)
                attrs = {"unit": res.get("unit"), "value": None if unc else value,
                         "low": value - unc, "high": value + unc, "listed": listed}
                items.append(Item(doc, start, pos, res["surface"], attrs))
            docs.append(GoldDoc(doc, text, None, items))
    return docs


_TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
_MONEY_WORDS = {"penny", "cent", "dollar", "euro", "pound sterling", "yen", "rupee", "franc", "yuan", "rouble", "ruble"}


def _name_numeral(text: str, start: int, unit: str, value: float) -> bool:
    """A bare integer that is part of a name (``Voyager 2``, ``English 101``, ``South 32``,
    ``Core i7 860``): after a capitalised word that does not open the sentence, or after a
    code of letters and digits. The issue excludes numerals in names from the quantities, so
    they are not of a listed kind; read from the gold text alone, whatever the extractor does."""
    if unit.lower().strip() != "dimensionless" or not float(value).is_integer():
        return False
    m = re.search(r"(?:^|[\s\W])([\w’']+)[\s\"“]*\Z", text[:start])
    if m is None:
        return False
    word = m.group(1)
    opens = not re.search(r"[^\W\d]", text[: m.start(1)]) or re.search(r"[.!?]\W*\Z", text[: m.start(1)])
    return bool((word[:1].isupper() and not opens) or re.fullmatch(r"[A-Za-z]+\d+", word))


def _listed_kind(unit: str, value: float) -> bool:
    """Whether a quantulum3 test item is of a kind the project's quantity layer covers: counts,
    number words and fractions (``dimensionless``, but not a year), money, percentages,
    durations and ages, and lengths, areas, volumes, masses, speeds and temperatures in the
    fixed list ``LISTED_UNITS``; not rates (``dollar per hour``), data sizes, energies or other science units."""
    name = unit.lower().strip()
    if name in ("dimensionless", "dozen", "gross", "baker's dozen"):
        return not (float(value).is_integer() and 1800 <= value <= 2100)
    if name == "percentage" or name in _TIME_UNITS or name in _MONEY_WORDS or any(w in name for w in ("dollar", "euro")):
        return " per " not in name
    return name in LISTED_UNITS or name + "s" in LISTED_UNITS or name.replace("-mass", "") in ("pound", "ounce")


def read_cqe(path) -> list[GoldDoc]:
    docs = []
    for f in _files(Path(path), ".json"):
        for n, case in enumerate(_json_list(f), 1):
            doc = f"{f.stem}:{n}"
            items = [
                Item(doc, None, None, f"{q['value']} {q.get('normalized_unit', '')}".strip(),
                     {"value": float(q["value"]), "unit": q.get("normalized_unit")})
                for q in case.get("quantities", []) if _is_number(q.get("value"))
            ]
            docs.append(GoldDoc(doc, case["text"], None, items))
    return docs


def _is_number(x) -> bool:
    try:
        float(x)
        return True
    except (TypeError, ValueError):
        return False


# ---------------------------------------------------------------- the project's own gold

def read_project(path) -> list[GoldDoc]:
    """The held-out JSON-lines sets, or a seed gold CSV (located in the seed article)."""
    path = Path(path)
    if path.suffix == ".csv":
        return [_seed_csv(path)]
    docs = []
    for f in _files(path, ".jsonl"):
        for n, line in enumerate(read_text(f).splitlines(), 1):
            if line.strip():
                rec = json.loads(line)
                items = [_located(rec["id"], rec["text"], g, f, n) for g in rec["gold"]]
                docs.append(GoldDoc(rec["id"], rec["text"], rec.get("date"), items))
    return docs


def _located(doc: str, text: str, g: dict, f: Path, n: int, begin: int = 0, unique: bool = True) -> Item:
    first = text.find(g["text"], begin)
    if first < 0 or (unique and text.find(g["text"], first + 1) >= 0):
        problem = "not found" if first < 0 else "not unique"
        raise GoldFormatError(f, f"line {n}: gold text {problem}: {g['text'][:40]!r}")
    attrs = {k: v for k, v in g.items() if k != "text" and v not in ("", None)}
    return Item(doc, first, first + len(g["text"]), g["text"], attrs)


def _seed_csv(path: Path) -> GoldDoc:
    text = read_text(paths.SEED_ARTICLE)
    body = "\n".join(ln for ln in read_text(path).splitlines() if not ln.startswith("#"))
    gold = pd.read_csv(io.StringIO(body), dtype=str, keep_default_na=False)
    items = []
    for n, g in enumerate(gold.to_dict("records"), 2):
        begin = text.find(g["sentence_begins"]) if g.get("sentence_begins") else 0
        if begin < 0:
            raise GoldFormatError(path, f"row {n}: sentence not found: {g['sentence_begins'][:40]!r}")
        items.append(_located(paths.SEED_ARTICLE.stem, text, g, path, n, begin, unique="sentence_begins" not in g))
    date = re.match(r"\s*date\s+(\d{4}-\d{2}-\d{2})", text)
    return GoldDoc(paths.SEED_ARTICLE.stem, text, date.group(1) if date else None, items)


# ---------------------------------------------------------------- stand-off gold on the shipped corpus


def read_corpus(path, corpus: Path | None = None) -> list[GoldDoc]:
    """Stand-off CSV gold (``file``, ``start``, ``end``, ``text`` and attributes) on the
    articles of ``data/corpus/``: one document per file named, in the order first named; a
    row without offsets lists an article with no items. Every row's text must be the text
    at its offsets."""
    corpus = Path(corpus) if corpus is not None else paths.DATA / "corpus"
    docs: dict[str, GoldDoc] = {}
    for f in _files(Path(path), ".csv"):
        with open(f, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if not {"file", "start", "end", "text"} <= set(reader.fieldnames or ()):
                raise GoldFormatError(f, "not stand-off gold (needs the columns file, start, end, text)")
            for n, row in enumerate(reader, 2):
                name = row["file"]
                if name not in docs:
                    article = corpus / name
                    if not article.is_file():
                        raise GoldFormatError(f, f"row {n}: no such corpus file: {name}")
                    text = read_text(article)
                    date = re.match(r"\s*date\s+(\d{4}-\d{2}-\d{2})", text)
                    docs[name] = GoldDoc(Path(name).stem, text, date.group(1) if date else None, [])
                doc = docs[name]
                if not row["start"]:
                    continue
                try:
                    start, end = int(row["start"]), int(row["end"])
                except ValueError:
                    raise GoldFormatError(f, f"row {n}: offsets are not integers") from None
                if doc.text[start:end] != row["text"]:
                    raise GoldFormatError(f, f"row {n}: the text at {start}:{end} is not {row['text'][:40]!r}")
                attrs = {k: v for k, v in row.items() if k not in ("file", "start", "end", "text", "note") and v}
                doc.items.append(Item(doc.id, start, end, row["text"], attrs))
    return list(docs.values())


def read_affiliation_labels(path) -> list[GoldDoc]:
    """Hand labels of speakers' affiliations (``evaluate.affiliations``)."""
    from .affiliations import read_affiliations

    return read_affiliations(path)


READERS = {"corpus": read_corpus, "timeml": read_timeml, "brat": read_brat, "quantulum": read_quantulum, "cqe": read_cqe, "project": read_project,
           "affiliations": read_affiliation_labels}
