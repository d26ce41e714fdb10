"""Temporal expressions with TIMEX3 values, the events they date, and the context timeline.

Recognition walks the word tokens of each sentence and tries, at each position, the
patterns below (longest first); normalization is plain date arithmetic. All vocabulary
(month and weekday names, number words, period words, modifiers) comes from
``helpers.vocab``.

- DATE: ``14 August 2025``, ``August 14, 2025``, ``Aug. 15``, ``2025-08-14``, ``February
  2022``, ``March`` (the most recent or the coming one, by tense), ``2019``, ``the 1990s``
  (``199``), ``mid-2024`` (mod ``MID``), weekdays and ``Friday’s`` (the day in the article's
  week that the tense implies), ``today``/``yesterday``/``tomorrow``, ``this week``
  (``2025-W33``), ``last year``, ``next month``, ``earlier this year`` (mod ``BEFORE``),
  ``two days ago``.
- TIME: ``tonight``, ``overnight``, ``Saturday morning``, ``11 a.m.``, ``midnight``.
- DURATION: ``one day`` (``P1D``), ``nearly 11 years`` (``P11Y``, mod ``LESS_THAN``),
  ``48 hours`` (``PT48H``), ``weeks`` (``PXW``), ``the past week``.
- SET: ``every year`` (``P1Y``), ``every four years`` (``P4Y``), ``annually``.

Extents follow TimeML: a leading preposition and a possessive ``’s`` are outside, a modifier
(``nearly``, ``last``, ``mid-``) inside. Not timexes: years inside names and counts
(``World War 2``, ``2000 troops``), ordinals, ``afterwards``.

Tense for a bare weekday or month comes from its clause: a future cue (``will``, ``would``,
``due``, ``next``) or the nearest verb's tag (past tense or participle: past; modal: future;
present: the day in the article's week). A ``today`` inside a quotation resolves to the day
the speaker spoke when the text gives it (``Speaking after Wednesday's meeting, Macron
said … “…today”``), otherwise to the article's date.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from . import vocab
from .article import Article, MissingDateError
from .tokenize import by_sentence
from .tokenize import sentences as _sentences
from .tokenize import tokens as _tokens

COLUMNS = ["timex_id", "start", "end", "text", "type", "value", "mod", "anchor", "sentence_id"]
EVENT_COLUMNS = [
    "timex_id", "text", "type", "value", "date", "precision", "event", "event_start", "event_end",
    "participants", "sentence_id", "sentence",
]
PREPOSITIONS = {"in", "on", "at", "since", "until", "by", "from", "to", "before", "after", "during", "through", "for"}
_YEAR = re.compile(r"(1[89]\d\d|20\d\d)$")
_DECADE = re.compile(r"(1[89]\d|20\d)0s$")
_PART_YEAR = re.compile(r"(early|mid|late)-(1[89]\d\d|20\d\d)$", re.I)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})$")
_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?$")
_CLOCK = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?$")
_HYPHEN_UNIT = re.compile(r"(\d+|[a-z]+)-(second|minute|hour|day|week|month|year|decade)$", re.I)


@dataclass
class _Tok:
    text: str
    lower: str
    start: int
    end: int
    tag: str


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None
    anchor: dt.date
    sentence_id: int
    i: int = 0  # first token
    j: int = 0  # one past the last token


# ---------------------------------------------------------------- calendar arithmetic


def week_value(d: dt.date) -> str:
    """ISO week of a date as TIMEX3 ``YYYY-Www``."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def shift_months(d: dt.date, months: int) -> dt.date:
    """``d`` moved by whole months, the day clamped to the month's length (29 Feb -> 28 Feb)."""
    m = d.month - 1 + months
    y, m = d.year + m // 12, m % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def resolve_weekday(weekday: int, anchor: dt.date, tense: str) -> dt.date:
    """The weekday in the anchor's (ISO) week, moved a week back for a past event that would
    otherwise lie after the anchor, or a week on for a future one that would lie before it."""
    d = anchor + dt.timedelta(days=weekday - anchor.weekday())
    if tense == "past" and d > anchor:
        d -= dt.timedelta(days=7)
    elif tense == "future" and d < anchor:
        d += dt.timedelta(days=7)
    return d


def resolve_month(month: int, anchor: dt.date, tense: str) -> str:
    """``YYYY-MM`` of a bare month: the most recent one for the past, the coming one for the
    future, this year's otherwise."""
    year = anchor.year
    if tense == "past" and month > anchor.month:
        year -= 1
    elif tense == "future" and month < anchor.month:
        year += 1
    return f"{year}-{month:02d}"


def relative_period(unit: str, offset: int, anchor: dt.date) -> str | None:
    """Value of ``this``/``last``/``next`` + a period, relative to ``anchor``."""
    if unit == "day":
        return (anchor + dt.timedelta(days=offset)).isoformat()
    if unit == "week":
        return week_value(anchor + dt.timedelta(weeks=offset))
    if unit == "weekend":
        return week_value(anchor + dt.timedelta(weeks=offset)) + "-WE"
    if unit == "month":
        return shift_months(anchor, offset).strftime("%Y-%m")
    if unit == "quarter":
        q = (anchor.month - 1) // 3 + offset
        return f"{anchor.year + q // 4}-Q{q % 4 + 1}"
    if unit == "year":
        return str(anchor.year + offset)
    if unit == "decade":
        return str((anchor.year // 10 + offset))
    if unit in vocab.SEASONS:
        return f"{anchor.year + offset}-{vocab.SEASONS[unit]}"
    return None


def ago(n: int, unit: str, anchor: dt.date) -> str | None:
    """Value of ``n <unit>s ago`` at the unit's granularity."""
    letter = vocab.TIMEX_UNITS.get(unit)
    if letter == "D":
        return (anchor - dt.timedelta(days=n)).isoformat()
    if letter == "W":
        return week_value(anchor - dt.timedelta(weeks=n))
    if letter == "M" and unit.startswith("month"):
        return shift_months(anchor, -n).strftime("%Y-%m")
    if letter == "Y":
        return str(anchor.year - n)
    if letter == "DE":
        return str(anchor.year // 10 - n)
    return None


def duration_value(n, unit: str) -> str:
    """``P11Y``, ``PT48H``, ``PXW`` (``n`` None for an unspecified number)."""
    letter = vocab.TIMEX_UNITS[unit]
    amount = "X" if n is None else (str(int(n)) if float(n).is_integer() else str(n))
    return ("PT" if unit in vocab.CLOCK_UNITS else "P") + amount + letter


def value_to_date(value: str) -> tuple[dt.date | None, str | None]:
    """A DATE value as a calendar date (its first day) and its precision, for plotting.

    ``2025-08-13`` -> day, ``2025-W33`` -> week (its Monday), ``2022-02`` -> month,
    ``2021`` -> year, ``199`` -> decade; anything else -> (None, None).
    """
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        return dt.date(*map(int, m.groups())), "day"
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1), "week"
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return dt.date(int(m[1]), int(m[2]), 1), "month"
    if m := re.fullmatch(r"(\d{4})", value):
        return dt.date(int(m[1]), 1, 1), "year"
    if m := re.fullmatch(r"(\d{3})", value):
        return dt.date(int(m[1]) * 10, 1, 1), "decade"
    return None, None


# ---------------------------------------------------------------- recognition


def _number(toks: list[_Tok], i: int) -> tuple[float | None, int] | None:
    """A number at ``i`` (digits or words, ``a``/``an`` = 1): (value, next index)."""
    if i >= len(toks):
        return None
    low = toks[i].lower
    if re.fullmatch(r"\d+(\.\d+)?", low):
        return float(low), i + 1
    if low in ("several", "few", "a few", "many"):
        return None, i + 1
    if "-" in low and all(p in vocab.ONES or p in vocab.TENS for p in low.split("-")):
        return float(sum(vocab.ONES.get(p, 0) + vocab.TENS.get(p, 0) for p in low.split("-"))), i + 1
    if low in vocab.TENS and i + 1 < len(toks) and toks[i + 1].lower in vocab.ONES:
        return float(vocab.TENS[low] + vocab.ONES[toks[i + 1].lower]), i + 2
    if low in vocab.ONES or low in vocab.TENS:
        return float(vocab.ONES.get(low, vocab.TENS.get(low))), i + 1
    if low in ("a", "an"):
        return 1.0, i + 1
    return None


def _month(tok: _Tok) -> int | None:
    low = tok.lower.rstrip(".")
    if low in vocab.MONTHS and tok.text[:1].isupper():
        return vocab.MONTHS[low]
    if low in vocab.MONTH_ABBREVIATIONS and tok.text[:1].isupper() and (tok.text.endswith(".") or len(low) >= 3):
        return vocab.MONTH_ABBREVIATIONS[low]
    return None


def _year(tok: _Tok) -> int | None:
    return int(tok.lower) if _YEAR.fullmatch(tok.lower) else None


def _day(tok: _Tok) -> int | None:
    m = _DAY.fullmatch(tok.lower)
    return int(m[1]) if m and 1 <= int(m[1]) <= 31 else None


def _tense(toks: list[_Tok], i: int, j: int) -> str:
    """past / future / present for the clause around tokens ``i``..``j``."""
    lo = i
    while lo > 0 and toks[lo - 1].text not in {",", ";", ":", "—", "–", '"', "“", "”"}:
        lo -= 1
    hi = j
    while hi < len(toks) and toks[hi].text not in {",", ";", ":", "—", "–", '"', "“", "”", "."}:
        hi += 1
    for window in ((lo, hi), (0, len(toks))):
        # the nearest tense cue wins: a future word or a verb with a tense
        cues = []
        for k in range(*window):
            if i <= k < j:
                continue
            tok = toks[k]
            if tok.lower in vocab.FUTURE_CUES:
                cues.append((abs(k - i), "future"))
            elif tok.tag in ("VBD", "VBN") and not _after_modal(toks, k):
                cues.append((abs(k - i), "past"))
            elif tok.tag == "MD":
                cues.append((abs(k - i), "future" if tok.lower in {"will", "shall", "would", "'ll", "’ll"} else "present"))
            elif tok.tag in ("VBZ", "VBP"):
                cues.append((abs(k - i), "present"))
        if cues:
            return min(cues)[1]
    return "present"


#: Duration modifiers by first word, longest first: {"more": [(["more", "than"], "MORE_THAN")]}.
_MODS_BY_FIRST: dict[str, list[tuple[list[str], str]]] = {}
for _words, _mod in sorted(vocab.TIMEX_MODS.items(), key=lambda kv: -len(kv[0].split())):
    _MODS_BY_FIRST.setdefault(_words.split()[0], []).append((_words.split(), _mod))


def _after_modal(toks: list[_Tok], k: int) -> bool:
    """A participle in a verb chain with a future modal: ``will be named``, ``would have``."""
    a = k - 1
    while a >= 0 and toks[a].lower in {"be", "been", "being", "have", "not", "n't", "also", "then", "soon"}:
        a -= 1
    return a < k - 1 and a >= 0 and toks[a].lower in {"will", "shall", "would", "'ll", "’ll"}


def _match(toks: list[_Tok], i: int, anchor: dt.date) -> tuple[int, int, str, str, str | None] | None:
    """The timex starting at token ``i``: (i, j, type, value, mod), or None."""
    t = toks[i]
    low = t.lower
    nxt = toks[i + 1].lower if i + 1 < len(toks) else ""

    # -- a modifier in front of a duration: "nearly 11 years", "more than two weeks"
    for parts, mod in _MODS_BY_FIRST.get(low, ()):
        if [x.lower for x in toks[i : i + len(parts)]] == parts:
            d = _duration(toks, i + len(parts))
            if d is not None:
                return i, d[0], "DURATION", d[1], mod
    # -- sets: "every year", "every four years", "each week", "annually"
    if low in ("every", "each"):
        num = _number(toks, i + 1)
        k, n = (num[1], num[0]) if num and num[0] is not None else (i + 1, 1)
        if k < len(toks) and toks[k].lower in vocab.TIMEX_UNITS:
            unit = toks[k].lower
            return i, k + 1, "SET", duration_value(n, unit), None
        if k < len(toks) and toks[k].lower in vocab.WEEKDAYS:
            return i, k + 1, "SET", f"XXXX-WXX-{vocab.WEEKDAYS[toks[k].lower] + 1}", None
    if low in vocab.SET_ADVERBS:
        return i, i + 1, "SET", vocab.SET_ADVERBS[low], None
    # -- "mid-2024", "early 2023", "late June"
    if m := _PART_YEAR.fullmatch(t.text):
        return i, i + 1, "DATE", m[2], vocab.PART_MODS[m[1].lower()]
    if low in vocab.PART_MODS and i + 1 < len(toks):
        if (y := _year(toks[i + 1])) is not None:
            return i, i + 2, "DATE", str(y), vocab.PART_MODS[low]
        if (mo := _month(toks[i + 1])) is not None:
            if i + 2 < len(toks) and (y := _year(toks[i + 2])) is not None:
                return i, i + 3, "DATE", f"{y}-{mo:02d}", vocab.PART_MODS[low]
            return i, i + 2, "DATE", resolve_month(mo, anchor, _tense(toks, i, i + 2)), vocab.PART_MODS[low]
    # -- "earlier this year", "later this month"
    if low in vocab.RELATIVE_MODS and nxt in vocab.DEICTIC and i + 2 < len(toks) and toks[i + 2].lower in vocab.PERIODS:
        value = relative_period(toks[i + 2].lower, vocab.DEICTIC[nxt], anchor)
        if value:
            return i, i + 3, "DATE", value, vocab.RELATIVE_MODS[low]
    # -- "this week", "last year", "next month", "last summer"; "the past week" is a duration
    if low in vocab.DEICTIC and nxt in vocab.PERIODS:
        if low == "past":
            return i, i + 2, "DURATION", duration_value(1, nxt) if nxt in vocab.TIMEX_UNITS else f"P1{vocab.SEASONS.get(nxt, 'Y')}", None
        value = relative_period(nxt, vocab.DEICTIC[low], anchor)
        if value:
            return i, i + 2, "DATE", value, None
    if low in vocab.DEICTIC and nxt in vocab.WEEKDAYS:
        wd = vocab.WEEKDAYS[nxt]
        tense = {"last": "past", "next": "future", "coming": "future"}.get(low, _tense(toks, i, i + 2))
        d = resolve_weekday(wd, anchor, tense)
        if low == "next" and d <= anchor + dt.timedelta(days=6 - anchor.weekday()):
            d += dt.timedelta(days=7) if wd <= anchor.weekday() else dt.timedelta(0)
        return i, i + 2, "DATE", d.isoformat(), None
    # -- "two days ago", "three years ago"
    num = _number(toks, i)
    if num is not None and num[0] is not None and num[1] + 1 < len(toks) and toks[num[1]].lower in vocab.TIMEX_UNITS and toks[num[1] + 1].lower == "ago":
        value = ago(int(num[0]), toks[num[1]].lower, anchor)
        if value:
            return i, num[1] + 2, "DATE", value, None
    # -- clock times: "11 a.m.", "10:30 pm"
    if (m := _CLOCK.fullmatch(low)) and nxt in {"a.m.", "p.m.", "am", "pm", "a.m", "p.m"}:
        hour = int(m[1]) % 12 + (12 if nxt.startswith("p") else 0)
        # "a.m." at a sentence's end is tokenized "a.m" + "."; the full stop belongs to both
        end = i + 3 if not nxt.endswith(".") and i + 2 < len(toks) and toks[i + 2].text == "." else i + 2
        return i, end, "TIME", f"{anchor.isoformat()}T{hour:02d}:{m[2] or '00'}", None
    # -- durations: "one day", "48 hours", "a week", "48-hour"; bare "weeks"
    d = _duration(toks, i)
    if d is not None:
        return i, d[0], "DURATION", d[1], None
    # -- calendar dates
    if m := _ISO.fullmatch(low):
        try:
            return i, i + 1, "DATE", dt.date(*map(int, m.groups())).isoformat(), None
        except ValueError:
            return None
    if (day := _day(t)) is not None and i + 1 < len(toks) and (mo := _month(toks[i + 1])) is not None:
        if i + 2 < len(toks) and (y := _year(toks[i + 2])) is not None:
            return i, i + 3, "DATE", _iso(y, mo, day), None
        return i, i + 2, "DATE", _iso(_year_for(mo, day, anchor, _tense(toks, i, i + 2)), mo, day), None
    if (mo := _month(t)) is not None:
        k = i + 1
        if k < len(toks) and toks[k].text == ".":
            k += 1
        if k < len(toks) and (day := _day(toks[k])) is not None and not (k + 1 < len(toks) and toks[k + 1].lower in vocab.TIMEX_UNITS):
            if k + 2 < len(toks) and toks[k + 1].text == "," and (y := _year(toks[k + 2])) is not None:
                return i, k + 3, "DATE", _iso(y, mo, day), None
            if k + 1 < len(toks) and (y := _year(toks[k + 1])) is not None:
                return i, k + 2, "DATE", _iso(y, mo, day), None
            return i, k + 1, "DATE", _iso(_year_for(mo, day, anchor, _tense(toks, i, k + 1)), mo, day), None
        if k < len(toks) and (y := _year(toks[k])) is not None:
            return i, k + 1, "DATE", f"{y}-{mo:02d}", None
        if low == "may" and (i == 0 or toks[i - 1].lower not in PREPOSITIONS):
            return None  # the modal verb or the name, not the month
        if i == 0 and t.lower.rstrip(".") in vocab.MONTH_ABBREVIATIONS:
            return None
        return i, i + 1, "DATE", resolve_month(mo, anchor, _tense(toks, i, i + 1)), None
    if low in vocab.WEEKDAYS and t.text[:1].isupper():
        d = resolve_weekday(vocab.WEEKDAYS[low], anchor, _tense(toks, i, i + 1))
        if nxt in vocab.PARTS_OF_DAY and nxt not in ("tonight", "overnight"):
            return i, i + 2, "TIME", d.isoformat() + vocab.PARTS_OF_DAY[nxt], None
        return i, i + 1, "DATE", d.isoformat(), None
    if low in vocab.RELATIVE_DAYS:
        d = anchor + dt.timedelta(days=vocab.RELATIVE_DAYS[low])
        if nxt in vocab.PARTS_OF_DAY and nxt not in ("tonight", "overnight"):
            return i, i + 2, "TIME", d.isoformat() + vocab.PARTS_OF_DAY[nxt], None
        return i, i + 1, "DATE", d.isoformat(), None
    if low in ("tonight", "overnight", "midnight", "noon", "midday"):
        return i, i + 1, "TIME", anchor.isoformat() + vocab.PARTS_OF_DAY[low], None
    if low == "this" and nxt in ("morning", "afternoon", "evening"):
        return i, i + 2, "TIME", anchor.isoformat() + vocab.PARTS_OF_DAY[nxt], None
    if m := _DECADE.fullmatch(low):
        begin = i - 1 if i > 0 and toks[i - 1].lower == "the" else i
        return begin, i + 1, "DATE", m[1], None
    if (y := _year(t)) is not None and _is_year_use(toks, i):
        return i, i + 1, "DATE", str(y), None
    return None


def _iso(y: int, mo: int, day: int) -> str:
    try:
        return dt.date(y, mo, day).isoformat()
    except ValueError:
        return f"{y}-{mo:02d}-{day:02d}"


def _year_for(month: int, day: int, anchor: dt.date, tense: str) -> int:
    """Year of a day-and-month date with no year: this year's, unless the tense moves it."""
    y = anchor.year
    try:
        d = dt.date(y, month, day)
    except ValueError:
        return y
    if tense == "past" and d > anchor:
        return y - 1
    if tense == "future" and d < anchor:
        return y + 1
    return y


def _is_year_use(toks: list[_Tok], i: int) -> bool:
    """A four-digit number used as a year, not a count (``2000 troops``) or part of a number."""
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if prev is not None and (prev.text in {"$", "€", "£", "#", "No.", "no."} or prev.lower in {"about", "some", "nearly", "than", "over", "almost"}):
        return False
    if nxt is not None and (nxt.text in {"%", "km", "m"} or nxt.lower in vocab.UNITS or nxt.lower in vocab.TIME_UNITS):
        return False
    if nxt is not None and nxt.tag == "NNS" and (prev is None or prev.lower not in PREPOSITIONS | {"the", "of"}):
        return False  # "2000 people"
    return True


def _duration(toks: list[_Tok], i: int) -> tuple[int, str] | None:
    """A duration at ``i``: (next index, value)."""
    if i >= len(toks):
        return None
    t = toks[i]
    if m := _HYPHEN_UNIT.fullmatch(t.text):
        n = m[1].lower()
        amount = float(n) if n.isdigit() else vocab.ONES.get(n, vocab.TENS.get(n))
        if amount is not None:
            return i + 1, duration_value(amount, m[2].lower())
    num = _number(toks, i)
    if num is not None:
        n, k = num
        if k < len(toks) and toks[k].lower in vocab.TIMEX_UNITS:
            unit = toks[k].lower
            if toks[i].lower in ("a", "an") and unit.endswith("s"):
                return None
            if unit == "second" and k + 1 < len(toks) and toks[k + 1].tag.startswith(("NN", "JJ")):
                return None  # the ordinal: "a second round"
            if k + 1 < len(toks) and toks[k + 1].lower == "ago":
                return None
            return k + 1, duration_value(n, unit)
        return None
    # a bare plural unit: "after weeks of", "for months"
    if t.lower in vocab.TIMEX_UNITS and t.lower.endswith("s") and t.lower not in ("seconds", "minutes"):
        prev = toks[i - 1].lower if i > 0 else ""
        if prev not in {"the", "these", "those", "this", "that", "its", "their", "his", "her", "our", "of"} and not prev.isdigit():
            return i + 1, duration_value(None, t.lower)
    return None


#: Words that can open a temporal expression; any other token (not a number) is skipped
#: without trying the patterns, which keeps the tagger fast on long texts.
_OPENERS = (
    set(_MODS_BY_FIRST) | {"every", "each"} | set(vocab.SET_ADVERBS) | set(vocab.PART_MODS)
    | set(vocab.RELATIVE_MODS) | set(vocab.DEICTIC) | set(vocab.ONES) | set(vocab.TENS)
    | {"a", "an", "several", "few", "many", "the"} | set(vocab.MONTHS) | set(vocab.MONTH_ABBREVIATIONS)
    | {m + "." for m in vocab.MONTH_ABBREVIATIONS} | set(vocab.WEEKDAYS) | set(vocab.RELATIVE_DAYS)
    | set(vocab.PARTS_OF_DAY) | {"this"} | set(vocab.TIMEX_UNITS)
)


def _may_open(tok: _Tok) -> bool:
    low = tok.lower
    return low in _OPENERS or low[:1].isdigit() or "-" in low


def _sentence_timexes(toks: list[_Tok], anchor: dt.date, sid: int, text: str) -> list[Timex]:
    out = []
    i = 0
    while i < len(toks):
        if not _may_open(toks[i]):
            i += 1
            continue
        m = _match(toks, i, anchor)
        if m is None:
            i += 1
            continue
        a, b, typ, value, mod = m
        start, end = toks[a].start, toks[b - 1].end
        out.append(Timex(start, end, text[start:end], typ, value, mod, anchor, sid, a, b))
        i = b
    return out


def _sentence_tokens(article: Article, sents: pd.DataFrame, toks: pd.DataFrame) -> dict[int, list[_Tok]]:
    return {sid: [_Tok(w, w.lower(), a, b, tg) for w, a, b, tg in rows] for sid, rows in by_sentence(toks).items()}


def timexes(
    article: Article, sents: pd.DataFrame | None = None, toks: pd.DataFrame | None = None, *,
    statements: pd.DataFrame | None = None, with_tokens: bool = False,
):
    """One row per temporal expression (columns ``COLUMNS``), in reading order.

    ``anchor`` is the date the value was resolved against: the article's date, or the day a
    quoted speaker spoke. An article with no date (plain text read without ``date=``) raises
    ``MissingDateError``: relative dates cannot be resolved against nothing, and today's
    date would make the results change from day to day. ``statements`` (``quotes.quotes``
    output) saves recomputing the quotations when the caller has them.
    """
    if article.date is None:
        raise MissingDateError(article.path, "no reference date: the text has no article header; give --date YYYY-MM-DD")
    sents = _sentences(article) if sents is None else sents
    toks = _tokens(article, sents) if toks is None else toks
    anchor = article.date
    by_sid = _sentence_tokens(article, sents, toks)
    found: list[Timex] = []
    for sid in sents["sentence_id"]:
        found.extend(_sentence_timexes(by_sid.get(int(sid), []), anchor, int(sid), article.text))
    _reanchor_quotes(article, found, sents, toks, statements)
    df = pd.DataFrame(
        [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value, "mod": t.mod, "anchor": t.anchor.isoformat(), "sentence_id": t.sentence_id} for t in found],
        columns=COLUMNS[1:],
    )
    df.insert(0, "timex_id", range(1, len(df) + 1))
    if with_tokens:
        return df, found, by_sid
    return df


def _reanchor_quotes(article: Article, found: list[Timex], sents, toks, stmts=None) -> None:
    """``today``/``yesterday``/``tomorrow`` inside a quote: anchored to the day its speaker
    spoke, when a day-precise date stands outside the quotes in the attribution's sentence or
    in the sentence of the same speaker's previous statement (same or previous paragraph)."""
    relative = [t for t in found if t.text.lower() in vocab.RELATIVE_DAYS]
    if not relative:
        return
    if stmts is None:
        from .quotes import quotes as _quotes

        stmts = _quotes(article, sents, toks)
    if stmts.empty:
        return
    para = dict(zip(sents["sentence_id"], sents["paragraph"]))
    starts, sids = list(sents["start"]), list(sents["sentence_id"])

    def sent_of(pos: int) -> int:
        return int(sids[max(0, bisect.bisect_right(starts, pos) - 1)])

    def day_outside(sid: int, content: tuple[int, int]) -> dt.date | None:
        for t in found:
            if t.sentence_id == sid and t.type == "DATE" and not (content[0] <= t.start < content[1]):
                d, precision = value_to_date(t.value)
                if precision == "day" and t.text.lower() not in vocab.RELATIVE_DAYS:
                    return d
        return None

    records = stmts.to_dict("records")
    for t in relative:
        hit = [r for r in records if r["start"] <= t.start and r["end"] >= t.end and r["kind"] in ("direct", "mixed")]
        if not hit:
            continue
        st = hit[0]
        day = None
        if not pd.isna(st["speaker_start"]):
            day = day_outside(sent_of(int(st["speaker_start"])), (int(st["start"]), int(st["end"])))
        if day is None:  # the same speaker's earlier statements, this paragraph or the one before
            before = [r for r in records if r["speaker"] == st["speaker"] and r["start"] < st["start"]]
            for prev in reversed(before):
                sid = sent_of(int(prev["start"]))
                p_now, p_prev = para.get(t.sentence_id), para.get(sid)
                if pd.isna(p_now) or pd.isna(p_prev) or not 0 <= p_now - p_prev <= 1:
                    break
                day = day_outside(sid, (int(prev["start"]), int(prev["end"])))
                if day is not None:
                    break
        if day is not None:
            t.anchor = day
            t.value = (day + dt.timedelta(days=vocab.RELATIVE_DAYS[t.text.lower()])).isoformat()


# ---------------------------------------------------------------- events


def _np_before(toks: list[_Tok], k: int) -> int:
    """Start index of the noun phrase ending at token ``k`` (determiners, adjectives,
    nouns, possessives: ``Russia’s full-scale invasion``)."""
    a = k
    while a > 0:
        p = toks[a - 1]
        if p.tag.startswith(("NN", "JJ", "DT", "PRP$", "POS", "CD", "VBN")) or p.lower in {"’s", "'s"} or p.text == "-":
            a -= 1
        else:
            break
    return a


def _event_for(toks: list[_Tok], t: Timex) -> tuple[int, int] | None:
    """Token range of the event a timex dates."""
    i, j = t.i, t.j
    n = len(toks)
    # "Friday’s summit", "Wednesday’s meeting": the possessed noun phrase
    if j < n and toks[j].lower in {"’s", "'s"}:
        k = j + 1
        while k < n and toks[k].tag.startswith(("NN", "JJ")):
            k += 1
        if k > j + 1:
            return i, k
    # a duration "of" an activity: "nearly 11 years of efforts to seize Ukrainian land"
    if t.type == "DURATION":
        if j < n and toks[j].lower == "of":
            k = j + 1
            while k < n and toks[k].text not in {",", ";", ".", "and"} :
                k += 1
            return (j + 1, k) if k > j + 1 else None
        if j + 2 < n and toks[j].lower == "to" and toks[j + 1].lower == "go" and toks[j + 2].lower in {"until", "before"}:
            k = j + 3
            while k < n and toks[k].text not in {",", ";", "."}:
                k += 1
            return j + 3, k
    lo = i - 1 if i > 0 and toks[i - 1].lower in PREPOSITIONS else i
    # the nearest verb or event noun before the timex, within its clause
    k = lo - 1
    while k >= 0 and toks[k].text not in {",", ";", ":", "—", '"', "“", "”"} and toks[k].lower not in {"that", "which", "who", "if", "while", "though"}:
        if toks[k].lower in vocab.EVENT_NOUNS and toks[k].tag.startswith("NN"):
            return _np_before(toks, k), lo  # with what follows it: "a meeting in Alaska"
        is_verb = toks[k].tag.startswith("VB") and (
            toks[k].tag != "VBN" or (k > 0 and toks[k - 1].tag.startswith("VB"))  # a participle only after an auxiliary
        )
        if is_verb:
            # the clause: its subject, the verb and what follows up to the timex
            a = k
            while a > 0 and toks[a - 1].text not in {",", ";", ":", "—", '"', "“", "”"} and toks[a - 1].lower not in {"that", "which", "who", "if", "while", "though", "since", "as", "after", "before", "when", "until"}:
                a -= 1
            return (a, lo) if lo > a else None
        k -= 1
    # a fronted date ("On Wednesday, Trump threatened …"): the clause after it
    if j < n and toks[j].text == ",":
        a = j + 1
        k = a
        while k < n and toks[k].text not in {",", ";", ".", ":"} and toks[k].lower not in {"if", "while", "because", "and"}:
            k += 1
        return (a, k) if k > a else None
    # an event noun right after the date ("the 2019 election")
    if j < n and toks[j].lower in vocab.EVENT_NOUNS:
        return i, j + 1
    return None


def _participants(text: str) -> str:
    """Capitalised names in an event's text, canonical where the speaker registry knows them."""
    from .quotes import registry

    reg = registry()
    names = []
    for m in re.finditer(r"(?:[A-Z][\w’'.-]*(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w’'.-]*)*)", text):
        raw = re.sub(r"[’']s$", "", m.group(0))
        if raw.lower() in {"the", "a", "an", "on", "in", "at", "it", "he", "she", "they", "to", "we", "and", "but", "so", "however"}:
            continue
        if raw.lower() in vocab.WEEKDAYS or raw.lower() in vocab.MONTHS:
            continue
        entry = reg.get(raw.replace("’", "'").lower())
        names.append(entry.name if entry and entry.type == "person" else raw)
    return "; ".join(dict.fromkeys(names))


def events(article: Article, sents: pd.DataFrame | None = None, toks: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per temporal expression with the event it dates (columns ``EVENT_COLUMNS``).

    ``date`` and ``precision`` place a DATE on the calendar (its first day); a duration that
    runs up to the article's date ("nearly 11 years of efforts") gets the date it started,
    ``precision`` ``year``/``month``/``day`` and mod carried in ``value``.
    """
    sents = _sentences(article) if sents is None else sents
    toks = _tokens(article, sents) if toks is None else toks
    df, found, by_sid = timexes(article, sents, toks, with_tokens=True)
    text_of = dict(zip(sents["sentence_id"], sents["text"]))
    rows = []
    for row, t in zip(df.itertuples(), found):
        stoks = by_sid.get(t.sentence_id, [])
        span = _event_for(stoks, t)
        ev = (stoks[span[0]].start, stoks[span[1] - 1].end) if span else (None, None)
        event_text = article.text[ev[0] : ev[1]] if span else None
        date, precision = value_to_date(t.value) if t.type == "DATE" else (None, None)
        if t.type == "DURATION" and span and stoks[span[0] - 1].lower == "of" and (m := re.fullmatch(r"P(\d+)([YMWD])", t.value)):
            n, letter = int(m[1]), m[2]
            start = {
                "Y": lambda: dt.date(t.anchor.year - n, t.anchor.month, 1),
                "M": lambda: shift_months(t.anchor, -n),
                "W": lambda: t.anchor - dt.timedelta(weeks=n),
                "D": lambda: t.anchor - dt.timedelta(days=n),
            }[letter]()
            date, precision = start, {"Y": "year", "M": "month", "W": "week", "D": "day"}[letter]
        rows.append({
            "timex_id": row.timex_id, "text": t.text, "type": t.type, "value": t.value,
            "date": date, "precision": precision, "event": event_text,
            "event_start": ev[0], "event_end": ev[1],
            "participants": _participants(event_text) if event_text else "",
            "sentence_id": t.sentence_id, "sentence": text_of.get(t.sentence_id, ""),
        })
    out = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    for col in ("event_start", "event_end"):
        out[col] = out[col].astype("Int64")
    return out


# ---------------------------------------------------------------- gold and scoring


def load_gold(article: Article, path=None) -> pd.DataFrame:
    """The hand-made gold timexes (``data/annotations/seed_timexes.csv``) with offsets located
    in the sentence that opens with ``sentence_begins``."""
    from . import paths

    path = path or paths.ANNOTATIONS / "seed_timexes.csv"
    gold = pd.read_csv(path, comment="#", dtype=str, keep_default_na=False)
    sents = _sentences(article)
    starts = []
    for _, g in gold.iterrows():
        row = sents[sents["text"].str.startswith(g["sentence_begins"])].iloc[0]
        starts.append(int(row["start"]) + row["text"].index(g["text"]))
    gold.insert(0, "start", starts)
    gold.insert(1, "end", gold["start"] + gold["text"].str.len())
    gold["mod"] = gold["mod"].replace("", None)
    return gold


def score(pred: pd.DataFrame, gold: pd.DataFrame) -> tuple[dict, pd.DataFrame]:
    """TempEval-style scores: strict and relaxed span P/R/F1, type and value accuracy over
    relaxed matches, and value F1 = relaxed span F1 x value accuracy; plus the errors."""
    errors, used = [], set()
    strict = type_ok = value_ok = 0
    matched = 0
    for _, g in gold.iterrows():
        hits = pred[(pred["start"] < g["end"]) & (pred["end"] > g["start"]) & ~pred.index.isin(used)]
        if hits.empty:
            errors.append({"error": "missed", "text": g["text"], "expected": f"{g['type']} {g['value']}", "found": ""})
            continue
        p = hits.iloc[0]
        used.add(p.name)
        matched += 1
        strict += (p["start"], p["end"]) == (g["start"], g["end"])
        t_ok = p["type"] == g["type"]
        g_mod = g.get("mod") if isinstance(g.get("mod"), str) and g.get("mod") else None
        p_mod = p["mod"] if isinstance(p["mod"], str) and p["mod"] else None
        v_ok = str(p["value"]) == str(g["value"])
        type_ok += t_ok
        value_ok += v_ok
        problems = []
        if (p["start"], p["end"]) != (g["start"], g["end"]):
            problems.append("extent")
        if not t_ok:
            problems.append("type")
        if not v_ok:
            problems.append("value")
        if g_mod != p_mod:
            problems.append("mod")
        if problems:
            errors.append({
                "error": "wrong " + ", ".join(problems), "text": g["text"],
                "expected": f"{g['type']} {g['value']} {g_mod or ''}".strip(),
                "found": f"{p['text']!r} {p['type']} {p['value']} {p_mod or ''}".strip(),
            })
    for idx, p in pred.iterrows():
        if idx not in used:
            errors.append({"error": "spurious", "text": p["text"], "expected": "", "found": f"{p['type']} {p['value']}"})

    def f1(tp):
        pr = tp / len(pred) if len(pred) else 0.0
        rc = tp / len(gold) if len(gold) else 0.0
        return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0)

    pr, rc, relaxed_f1 = f1(matched)
    _, _, strict_f1 = f1(strict)
    value_acc = value_ok / matched if matched else 0.0
    scores = {
        "gold": len(gold), "found": len(pred), "matched": matched,
        "relaxed_precision": pr, "relaxed_recall": rc, "relaxed_f1": relaxed_f1, "strict_f1": strict_f1,
        "type_accuracy": type_ok / matched if matched else 0.0, "value_accuracy": value_acc,
        "value_f1": relaxed_f1 * value_acc,
    }
    return scores, pd.DataFrame(errors, columns=["error", "text", "expected", "found"])


# ---------------------------------------------------------------- the chart's items

PRECISION_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366, "decade": 3653}


def load_context(path=None) -> pd.DataFrame:
    """``data/reference/context_events.csv`` with ``date`` parsed."""
    from . import paths

    ctx = pd.read_csv(path or paths.REFERENCE / "context_events.csv", dtype=str, keep_default_na=False)
    ctx["date"] = pd.to_datetime(ctx["date"]).dt.date
    return ctx


def _clip(text: str, n: int = 48) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _day_label(d: dt.date) -> str:
    return f"{d.day} {d:%b %Y}"


def chart_items(ev: pd.DataFrame, context: pd.DataFrame, start: dt.date, end: dt.date, per_label: int = 3) -> pd.DataFrame:
    """What a timeline panel draws between ``start`` and ``end``: one row per label.

    Article events (DATE expressions, and the start of a duration that runs to the article's
    date) are grouped by date and precision, up to ``per_label`` events per label with ``+k
    more``; context events are one label each. Columns: ``date``, ``until`` (end of the
    period a week/month/year covers), ``label``, ``kind`` (article / context), ``n``.
    """
    rows = []
    dated = ev[ev["date"].notna()].copy()
    dated = dated[(dated["date"] >= start) & (dated["date"] <= end)]
    for (date, precision), g in dated.groupby(["date", "precision"], sort=True):
        names = list(dict.fromkeys(_clip(e if isinstance(e, str) and e else t, 42) for e, t in zip(g["event"], g["text"])))
        shown = names[:per_label] + ([f"+{len(names) - per_label} more"] if len(names) > per_label else [])
        stamp = {
            "day": _day_label(date), "week": "week of " + _day_label(date), "month": date.strftime("%b %Y"),
            "year": str(date.year), "decade": f"{date.year}s",
        }[precision]
        if g["type"].eq("DURATION").any():
            stamp = "about " + stamp
        rows.append({
            "date": date, "until": date + dt.timedelta(days=PRECISION_DAYS[precision] - 1),
            "label": stamp + "\n" + "\n".join(shown), "kind": "article", "n": len(g),
        })
    ctx = context[(context["date"] >= start) & (context["date"] <= end)]
    for _, c in ctx.iterrows():
        rows.append({
            "date": c["date"], "until": c["date"], "label": _day_label(c["date"]) + "\n" + _clip(c["event"], 46),
            "kind": "context", "n": 1,
        })
    return pd.DataFrame(rows, columns=["date", "until", "label", "kind", "n"]).sort_values(["kind", "date"], kind="stable").reset_index(drop=True)


def headline(ev: pd.DataFrame, summit: dt.date) -> str:
    """The chart's title: how far back the article reaches and how much sits in the last week."""
    dated = ev[ev["date"].notna()]
    if dated.empty:
        return "The article dates no events"
    first = min(dated["date"])
    last_week = int((dated["date"] >= summit - dt.timedelta(days=7)).sum())
    return (
        f"The article reaches back to {first.year}, but {last_week} of its {len(dated)} dated "
        f"references fall in the week before the summit"
    )
