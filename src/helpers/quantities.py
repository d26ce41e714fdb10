"""Numeric figures a reader would tabulate, with values as numbers or intervals.

For each sentence, candidate figures are found (digits, number words, fractions in words,
vague magnitudes such as ``tens of thousands``), then read in context:

- **prefix**: an approximator or bound (``about``, ``nearly``, ``more than``, ``up to`` …,
  see ``vocab.APPROXIMATORS``) turns a point into the interval it implies; ``between X and Y``
  makes a range;
- **suffix**: a unit (``km``, ``square miles``, ``%``, ``per cent``), a scale word
  (``1.2 million``), a range (``9-10km``, ``9 to 10 km``), or the counted noun (``regions``);
- **exclusions**: years and dates, times of day, durations (the timeline owns them),
  ordinals, and numerals inside names (``World War 2``, ``G7``, ``Boeing 777``, ``No. 10``);
- **meaning**: what it measures and a category, from the cue lexicon
  ``data/reference/measures.csv`` (nearest cue in the clause), and its subject or place.

Output columns: ``start``, ``end``, ``text``, ``value``, ``low``, ``high``, ``unit``,
``approx``, ``qualifier``, ``noun``, ``measure``, ``category``, ``subject``, ``sentence_id``.
``value`` is the point value when the text gives one (``None`` for ranges and vague
magnitudes); ``low``/``high`` is the interval (``high`` is ``None`` when open-ended).
"""

from __future__ import annotations

import csv
import re
from dataclasses import asdict, dataclass
from functools import lru_cache

import pandas as pd

from . import paths, vocab
from .article import Article
from .explore import gazetteer
from .tokenize import sentences as _sentences

COLUMNS = ["start", "end", "text", "value", "low", "high", "unit", "approx", "qualifier", "noun",
           "measure", "category", "subject", "sentence_id"]


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_WORDNUM = rf"(?:(?:{_alt(vocab.TENS)})(?:[-\s](?:{_alt(k for k in vocab.ONES if vocab.ONES[k] < 10)}))?|{_alt(vocab.ONES)})"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = rf"(?:\s+(?:{_alt(k for k in vocab.SCALES if len(k) > 2)})|\s?(?:m|mn|bn)\b)"
_NUM = rf"(?:{_DIGITS}|\b{_WORDNUM}\b)(?:{_SCALE})?"
_UNIT = _alt(vocab.UNITS)
_RANGE_SEP = r"\s*(?:-|–|—|to)\s*"

CANDIDATE = re.compile(
    rf"""
    (?P<between>\bbetween\s+(?P<b1>{_NUM})\s+and\s+(?P<b2>{_NUM}))
  | (?P<vague>\b(?:{_alt(vocab.VAGUE)})\b)
  | (?P<frac>\b(?:(?:a|one|{_alt(k for k in vocab.ONES if 1 < vocab.ONES[k] < 10)})[\s-](?:{_alt(vocab.DENOMINATORS)})|half)\b)
  | (?P<num>(?<![\w.,])(?P<n1>{_NUM})(?:{_RANGE_SEP}(?P<n2>{_NUM}))?)
    """,
    re.IGNORECASE | re.VERBOSE,
)
UNIT_AFTER = re.compile(rf"\A(?:\s*|-)(?P<unit>{_UNIT})(?![\w])", re.IGNORECASE)
APPROX_BEFORE = re.compile(rf"(?:\b(?P<approx>{_alt(vocab.APPROXIMATORS)})\s+)\Z", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z][A-Za-z’'\-]*")


@dataclass
class Figure:
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    approx: bool
    qualifier: str | None
    noun: str | None
    measure: str | None
    category: str
    subject: str | None
    sentence_id: int


def parse_number(text: str) -> float:
    """``"1.2 million"`` -> 1200000.0, ``"twenty-five"`` -> 25.0, ``"120,000"`` -> 120000.0."""
    t = text.strip().lower().replace(",", "")
    scale = 1.0
    m = re.search(rf"(?:\s+|(?<=\d))({_alt(vocab.SCALES)})$", t)
    if m:
        scale = float(vocab.SCALES[m.group(1)])
        t = t[: m.start()].strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t) * scale
    total = 0
    for part in re.split(r"[-\s]+", t):
        if part in vocab.TENS:
            total += vocab.TENS[part]
        elif part in vocab.ONES:
            total += vocab.ONES[part]
        else:
            raise ValueError(f"not a number: {text!r}")
    return float(total) * scale


@lru_cache(maxsize=1)
def measure_cues() -> dict[str, tuple[str, str]]:
    """Word form -> (measure, category), from ``data/reference/measures.csv``."""
    out = {}
    with open(paths.REFERENCE / "measures.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for form in row["forms"].split("|"):
                out[form.strip().lower()] = (row["measure"], row["category"])
    return out


def _prev_word(text: str, pos: int) -> str | None:
    m = re.search(r"([A-Za-z][\w.’'\-]*)\W*\Z", text[:pos])
    return m.group(1) if m else None


def _is_excluded(sent: str, m: re.Match, after: str) -> bool:
    """Years, dates, times, durations, ordinals and numerals inside names are not figures."""
    start, core = m.start(), m.group()
    before = sent[:start]
    low_after = after.lower()
    nxt = re.match(r"\s*-?\s*([A-Za-z.’']+)", after)
    nxt_word = nxt.group(1).lower().rstrip(".") if nxt else ""
    nxt_word_dot = nxt.group(1).lower() if nxt else ""
    # glued to letters: G7, F-16, MH17, COVID-19
    if re.search(r"[A-Za-z]-?\Z", before):
        return True
    # ordinals: 1st, 2nd, 21st
    if re.match(r"(?:st|nd|rd|th)\b", low_after):
        return True
    # times of day and durations: 3 p.m., 10:30, one day, nearly 11 years, 30-year-old
    if re.match(r":\d", after) or nxt_word in vocab.TIME_UNITS or nxt_word_dot in vocab.TIME_UNITS:
        return True
    # dates: 14 August, Aug. 15, February 2022
    prev = (_prev_word(sent, start) or "").lower().rstrip(".")
    if nxt_word in vocab.MONTHS or nxt_word in vocab.MONTH_ABBREVIATIONS:
        return True
    if prev in vocab.MONTHS or prev in vocab.MONTH_ABBREVIATIONS or prev in vocab.WEEKDAYS:
        return True
    digits = core.replace(",", "")
    is_plain_int = re.fullmatch(r"\d+", core) is not None
    # years: a bare 4-digit number in the usual range, with no unit
    if is_plain_int and len(core) == 4 and 1800 <= int(digits) <= 2100 and not UNIT_AFTER.match(after):
        return True
    # numerals in names and identifiers: World War 2, Boeing 777, No. 10, Resolution 2231
    prev_raw = _prev_word(sent, start)
    if is_plain_int and prev_raw and prev_raw[:1].isupper() and re.search(r"[A-Za-z.]\s+\Z", before):
        sentence_initial = not re.search(r"\w", before[: before.rfind(prev_raw)])
        if not (sentence_initial and prev_raw.lower() in vocab.APPROXIMATORS) and prev_raw.lower() not in vocab.APPROXIMATORS:
            return True
    return False


IRREGULAR_PLURALS = {"people", "children", "men", "women", "police", "personnel", "staff",
                     "aircraft", "cattle", "sheep", "deer", "crew"}
_FUNCTION = {"the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "by", "for", "with",
             "that", "which", "who", "was", "were", "is", "are", "have", "has", "had", "be",
             "been", "more", "than", "other", "its", "their", "his", "her", "since", "near",
             "after", "before", "from", "as", "per", "into", "over", "under", "about", "it"}


def _counted_noun(sent: str, end: int) -> str | None:
    """The counted noun right after a figure (``four regions``, ``of people``)."""
    rest = sent[end:]
    m = re.match(r"\s+(?:of\s+)?(?:([a-z][\w\-’']*)\s+)?([a-z][\w\-’']*)", rest)
    if not m:
        return None
    first, second = m.group(1), m.group(2)
    if first and first not in _FUNCTION and second not in _FUNCTION:
        # adjective + noun ("civilian deaths") or a single noun followed by a verb
        if second.endswith("s") or second in measure_cues():
            return second
        return first
    word = first or second
    return None if word in _FUNCTION else word


def _clause_bounds(sent: str, start: int, end: int) -> tuple[int, int]:
    left = max(sent.rfind(ch, 0, start) for ch in ",;:—(")
    right_candidates = [sent.find(ch, end) for ch in ",;:—)"]
    right = min([r for r in right_candidates if r >= 0], default=len(sent))
    return left + 1, right


def _measure(sent: str, start: int, end: int, noun: str | None) -> tuple[str | None, str]:
    cues = measure_cues()
    if noun and noun.lower() in cues:
        return cues[noun.lower()]
    c0, c1 = _clause_bounds(sent, start, end)
    best = None
    for w in WORD.finditer(sent):
        form = w.group().lower()
        if form not in cues:
            continue
        in_clause = c0 <= w.start() < c1
        distance = start - w.end() if w.end() <= start else w.start() - end
        rank = (0 if in_clause else 1, distance)
        if best is None or rank < best[0]:
            best = (rank, cues[form])
    if best and best[0][1] <= 60:
        return best[1]
    return None, "other"


def _known(name: str) -> str | None:
    """A gazetteer place or organisation (``Russia’s`` counts as ``Russia``)."""
    gaz = gazetteer()
    for cand in (name, re.split(r"[’']", name)[0]):
        if gaz.get(cand.lower()) in ("place", "organization"):
            return cand
    return None


_NAME = re.compile(r"[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)*")


def _subject(sent: str, start: int, end: int, category: str) -> str | None:
    """The place or party a figure is about.

    In order: ``of X``/``in X`` right after it (``a fifth of Ukraine``); a place after
    ``near``/``outside``/``town of`` (``near the town of Dobropillia``); for casualty and
    displacement figures, the first place of the sentence (where it happened); else the
    nearest known name in the same clause, then anywhere in the sentence.
    """
    after = sent[end:]
    m = re.match(r"\s*(?:of|in)\s+(?:the\s+)?(" + _NAME.pattern + ")", after)
    if m and _known(m.group(1)):
        return _known(m.group(1))
    m = re.search(r"\b(?:near|outside|around|(?:town|city|village|region) of)\s+(?:the\s+)?(?:(?:town|city|village) of\s+)?([A-Z][\w’'\-]+)", after[:80])
    if m and m.group(1).lower() not in vocab.MONTHS and m.group(1).lower() not in vocab.WEEKDAYS:
        return _known(m.group(1)) or m.group(1)
    known = [(n.start(), _known(n.group())) for n in _NAME.finditer(sent)]
    known = [(pos, k) for pos, k in known if k and not (start <= pos < end)]
    if not known:
        return None
    if category in ("casualty", "displacement"):
        return known[0][1]
    c0, c1 = _clause_bounds(sent, start, end)
    in_clause = [(abs(pos - start), k) for pos, k in known if c0 <= pos < c1]
    if in_clause:
        return min(in_clause)[1]
    return min((abs(pos - start), k) for pos, k in known)[1]


def _approx(sent: str, start: int) -> tuple[str | None, int]:
    m = APPROX_BEFORE.search(sent[:start])
    if m:
        return m.group("approx").lower(), m.start("approx")
    return None, start


def _interval(value: float, kind: str) -> tuple[float | None, float | None]:
    _, lo, hi = vocab.APPROXIMATORS[kind]
    return (value * lo if lo is not None else None, value * hi if hi is not None else None)


def figures_in_sentence(sent: str, offset: int = 0, sentence_id: int = 0) -> list[Figure]:
    """All figures in one sentence; offsets are ``offset`` + index into ``sent``."""
    out: list[Figure] = []
    for m in CANDIDATE.finditer(sent):
        start, end = m.start(), m.end()
        after = sent[end:]
        value = low = high = None
        unit = None
        if m.group("vague"):
            low, high = vocab.VAGUE[m.group("vague").lower()]
            # "hundreds of civilians" is fine; "hundreds" as part of "the hundreds" is rare
        elif m.group("frac"):
            words = re.split(r"[\s-]+", m.group("frac").lower())
            if words == ["half"]:
                num, den = 1, 2
            else:
                num = 1 if words[0] in ("a", "one") else vocab.ONES[words[0]]
                den = vocab.DENOMINATORS[words[-1]]
            if not re.match(r"\s+(?:of|the)\b", after):
                continue  # "a third round", "half-hour": not a share of a whole
            value = low = high = num / den
            unit = "share"
        else:
            if m.group("between"):
                n1, n2 = m.group("b1"), m.group("b2")
            else:
                n1, n2 = m.group("n1"), m.group("n2")
            if _is_excluded(sent, m, after):
                continue
            try:
                v1 = parse_number(n1)
                v2 = parse_number(n2) if n2 else None
            except ValueError:
                continue
            is_word = not re.search(r"\d", n1)
            u = UNIT_AFTER.match(after)
            cur_before = next((sym for sym in vocab.CURRENCY_SYMBOLS if sent[:start].lower().endswith(sym)), None)
            cur_after = re.match(r"\s+(" + "|".join(vocab.CURRENCY_WORDS) + r")\b", after, re.I)
            if cur_before:  # "$50 billion", "€2bn": the symbol is part of the figure
                unit = vocab.CURRENCY_SYMBOLS[cur_before]
                start -= len(cur_before)
            elif cur_after:  # "50 billion dollars"
                unit = vocab.CURRENCY_WORDS[cur_after.group(1).lower()]
                end += cur_after.end()
                after = sent[end:]
            elif u:
                unit = vocab.UNITS[u.group("unit").lower()]
                end += u.end()
                after = sent[end:]
            if v2 is not None:
                if v2 < v1:  # "9-10" fine; "2014-15" style or a score: not a range
                    continue
                low, high = v1, v2
            else:
                value = low = high = v1
            if is_word and unit is None:
                nxt = re.match(r"\s+(?:of\s+)?([a-z][\w\-’']*)", after)
                noun_ok = nxt and nxt.group(1) not in _FUNCTION and (
                    nxt.group(1).endswith("s") or nxt.group(1) in IRREGULAR_PLURALS
                    or nxt.group(1) in measure_cues()
                )
                if m.group("n1").lower() == "one" or not noun_ok:
                    continue  # "one of the toughest", "the two met": not a tabulated figure
        qualifier, q_start = _approx(sent, m.start())
        if qualifier and value is not None:
            kind = qualifier
            low, high = _interval(value, kind)
        noun = None if unit else _counted_noun(sent, end)
        if unit is None and noun is None and value is not None and not qualifier and not m.group("between"):
            # a bare number with nothing to count is usually a label, code or score
            if not re.match(r"\s*(?:,|\.|$|and|or)", after) or re.fullmatch(r"\d", m.group()):
                continue
        measure, category = _measure(sent, start, end, noun)
        if unit in vocab.CURRENCY_SYMBOLS.values() and measure is None:
            measure = "amount of money"
        subject = _subject(sent, start, end, category)
        if unit == "share" and measure is None:
            measure, category = "share", "territorial" if subject else "other"
        out.append(Figure(
            start=offset + (q_start if qualifier else start), end=offset + end,
            text=sent[(q_start if qualifier else start):end],
            value=value, low=low, high=high, unit=unit, approx=qualifier is not None,
            qualifier=qualifier, noun=noun, measure=measure, category=category,
            subject=subject, sentence_id=sentence_id,
        ))
    return out


def figures(article: Article, sents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every figure in the article (caption, headline, standfirst and body)."""
    sents = _sentences(article) if sents is None else sents
    rows = []
    for sid, start, text in zip(sents["sentence_id"], sents["start"], sents["text"]):
        rows += [asdict(f) for f in figures_in_sentence(text, int(start), int(sid))]
    return pd.DataFrame(rows, columns=COLUMNS)


@lru_cache(maxsize=1)
def areas() -> pd.DataFrame:
    """Internationally recognised areas (``data/reference/areas.csv``), with sources."""
    return pd.read_csv(paths.REFERENCE / "areas.csv")


def derived(figs: pd.DataFrame) -> pd.DataFrame:
    """Shares of a territory turned into areas when the whole is known (marked derived)."""
    table = areas().set_index("name")
    rows = []
    for _, f in figs[figs["unit"].isin(["share", "%"])].iterrows():
        if f["subject"] not in table.index:
            continue
        whole = table.loc[f["subject"]]
        factor = 0.01 if f["unit"] == "%" else 1.0
        conv = lambda x: None if x is None or pd.isna(x) else round(x * factor * whole["area_km2"])  # noqa: E731
        rows.append({
            "text": f["text"], "subject": f["subject"], "share": f["value"] * factor if pd.notna(f["value"]) else None,
            "area_km2": conv(f["value"]), "low_km2": conv(f["low"]), "high_km2": conv(f["high"]),
            "whole_km2": whole["area_km2"], "derived": True,
            "source": whole["source_title"], "source_url": whole["source_url"], "as_of": whole["as_of"],
        })
    return pd.DataFrame(rows, columns=["text", "subject", "share", "area_km2", "low_km2", "high_km2",
                                       "whole_km2", "derived", "source", "source_url", "as_of"])


def load_gold(article: Article, path=None) -> pd.DataFrame:
    """The hand-made gold figures (``data/annotations/seed_figures.csv``) with their offsets.

    Each gold row names its text and the opening words of its sentence; its span is found
    in that sentence of ``article``.
    """
    path = path or paths.ANNOTATIONS / "seed_figures.csv"
    gold = pd.read_csv(path, comment="#")
    sents = _sentences(article)
    starts, ends = [], []
    for _, g in gold.iterrows():
        row = sents[sents["text"].str.startswith(g["sentence_begins"])].iloc[0]
        i = row["text"].index(g["text"])
        starts.append(int(row["start"]) + i)
        ends.append(int(row["start"]) + i + len(g["text"]))
    gold.insert(0, "start", starts)
    gold.insert(1, "end", ends)
    return gold


def _same(a, b) -> bool:
    if (a is None or pd.isna(a)) and (b is None or pd.isna(b)):
        return True
    if a is None or b is None or pd.isna(a) or pd.isna(b):
        return False
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def score(pred: pd.DataFrame, gold: pd.DataFrame) -> tuple[dict, pd.DataFrame]:
    """Span precision/recall/F1 (overlap) and value F1 (span F1 x value accuracy).

    A found figure's value counts as right when its point value equals the gold value, or
    (for intervals) its low and high equal the gold interval. Returns the scores and a table
    of every error (missed, spurious, wrong value).
    """
    errors, matched, value_ok = [], set(), 0
    for _, g in gold.iterrows():
        hits = pred[(pred["start"] < g["end"]) & (pred["end"] > g["start"])]
        if hits.empty:
            errors.append({"error": "missed", "text": g["text"], "expected": _show(g), "found": ""})
            continue
        p = hits.iloc[0]
        matched.add(p.name)
        if pd.notna(g["value"]):
            ok = _same(p["value"], g["value"])
        else:
            ok = _same(p["low"], g["low"]) and _same(p["high"], g["high"])
        value_ok += ok
        if not ok:
            errors.append({"error": "wrong value", "text": g["text"], "expected": _show(g), "found": _show(p)})
    for idx, p in pred.iterrows():
        if idx not in matched:
            errors.append({"error": "spurious", "text": p["text"], "expected": "", "found": _show(p)})
    tp = len(matched)
    precision = tp / len(pred) if len(pred) else 0.0
    recall = tp / len(gold) if len(gold) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = value_ok / tp if tp else 0.0
    scores = {"gold": len(gold), "found": len(pred), "matched": tp, "span_precision": precision,
              "span_recall": recall, "span_f1": f1, "value_accuracy": accuracy,
              "value_f1": f1 * accuracy}
    return scores, pd.DataFrame(errors, columns=["error", "text", "expected", "found"])


def _show(row) -> str:
    if pd.notna(row.get("value")):
        return f"{row['value']:g}" + (f" {row['unit']}" if pd.notna(row.get("unit")) else "")
    return format_interval(row.get("low"), row.get("high"), row.get("unit"))


def format_interval(low, high, unit=None) -> str:
    """``[10,000, 100,000)``-style text for an interval; an open end is ``∞``."""
    fmt = lambda x: f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"  # noqa: E731
    lo = fmt(low) if low is not None and pd.notna(low) else "0"
    hi = fmt(high) if high is not None and pd.notna(high) else "∞"
    u = f" {unit}" if unit is not None and pd.notna(unit) else ""
    return f"[{lo}, {hi}]{u}"
