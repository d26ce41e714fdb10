"""Recognition: candidate numbers in a sentence, and the ones that are not quantities.

Candidates are digits (``120,000``, ``1.2 million``), number words (``twenty-five``),
ranges (``9-10``, ``between 9 and 10``), fractions in words (``a fifth of``) and vague
magnitudes (``tens of thousands``). Excluded: years and dates, times of day, durations (the
timeline owns them), ordinals, and numerals inside names (``World War 2``, ``G7``, ``Boeing
777``, ``No. 10``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import numbers, resources, vocab


def alt(words) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


#: A number in words under 100: ``seven``, ``forty``, ``forty-five``, ``forty five``.
WORDNUM = rf"(?:(?:{alt(vocab.TENS)})(?:[-\s](?:{alt(k for k in vocab.ONES if vocab.ONES[k] < 10)}))?|{alt(vocab.ONES)})"
#: A common fraction of digits (``1/4``, ``2 1/2``, ``1/40 of``; not ``9/11``, a date or a
#: name), or a fraction character (``½``, ``2½``).
_FRACTION = (rf"(?:\d+\s+)?[1-7]/[2-8](?![\d/])|\b\d{{1,2}}/\d{{1,3}}(?=\s+of\b)|(?:\d+\s?)?[{numbers.FRACTION_CHARS}]")
#: Digits with thousands separators: commas, also in the Indian grouping (``12,34,567.89``),
#: or a space (a no-break or thin space too) between groups of three digits (``10 000``).
_DIGITS = (rf"{_FRACTION}|\d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?:\.\d+)?|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?"
           r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:\.\d+)?")
_SCALE = rf"(?:\s+(?:{alt(k for k in vocab.SCALES if len(k) > 2)})|\s?(?:m|mn|bn)\b|(?:k|b|tn)\b)"
_ONE = rf"\ban?(?=\s+(?:dozen|hundred|thousand|million|billion|{alt(vocab.ONE_UNIT_WORDS)})\b)"  # "a dozen", "a gallon"
_BIG = r"(?:hundred|thousand|million|billion|trillion)"
_GROUP = rf"(?:{WORDNUM}|an?|one)[\s-]+{_BIG}"
#: Number words in groups: ``two thousand five hundred``, ``a hundred and two``, ``three
#: million, two hundred and forty``, ``three hundred and fifty thousand``.
_COMPOUND = (rf"\b{_GROUP}(?:(?:\s*,\s*|\s+and\s+|\s+)(?:{WORDNUM}[\s-]+)?{_BIG}\b|(?:\s*,\s*|\s+and\s+|\s+){_GROUP})*"
             rf"(?:(?:\s+and\s+|\s*&\s*|[\s-]+){WORDNUM}\b(?![\s-]+{_BIG}))?\b")
_NUM = rf"(?:{_COMPOUND}|(?:{_DIGITS}|\b{WORDNUM}\b|{_ONE})(?:{_SCALE})?)(?:\s+and\s+a\s+half\b)?"
#: ``9-10``, ``9 to 10``, and a suspended hyphen: ``8- to 16-meter``.
_RANGE_SEP = r"\s*(?:[-–]\s*to|-|–|—|to)\s*"

CANDIDATE = re.compile(
    rf"""
    (?P<between>\bbetween\s+(?P<b1>{_NUM})\s+and\s+(?P<b2>{_NUM}))
  | (?P<vague>\b(?:{alt(vocab.VAGUE)})\b)
  | (?P<mult>\b(?:twice|thrice|(?P<m1>{WORDNUM}|\d+(?:\.\d+)?)\s+times)\b(?=\s+(?:as|more|less|higher|lower|larger|bigger|smaller|greater|the|that|what)\b)
     |\ban?\s+(?P<mfrac>third|quarter|half|fifth)\s+(?:more|less)\b)
  | (?P<halfscale>\b(?:half|(?:a\s+)?quarter|three\s+quarters)\s+(?:of\s+)?(?:an?\s+)?(?:dozen|million|billion|thousand)\b)
  | (?P<ratio>(?<![^\s(“"])(?P<r1>{WORDNUM}|\d+)\s+(?:in|out\s+of)\s+(?P<r2>{WORDNUM}|\d{{1,3}}(?:,\d{{3}})*)\b(?![,.]?\d)
     (?!\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b))
  | (?P<frac>\b(?:(?:a|one|{alt(k for k in vocab.ONES if 1 < vocab.ONES[k] < 10)})[\s-](?:{alt(vocab.DENOMINATORS)})|half)\b)
  | (?P<num>(?<![\w.,])(?P<n1>{_NUM})(?:{_RANGE_SEP}(?P<n2>{_NUM}))?)
    """,
    re.IGNORECASE | re.VERBOSE,
)
#: A unit right after a number; matched at the number's end (``UNIT_AFTER.match(sent, end)``).
UNIT_AFTER = re.compile(rf"(?:\s*|-)(?P<unit>{alt(vocab.UNITS)})(?![\w])", re.IGNORECASE)

#: How far before a number the patterns that end at it look, in characters. Their matches are
#: a word or two (a currency, an approximator, the word before), so only a run of hundreds of
#: spaces could be cut; the cost of a look is the window's, not the sentence's (issue 26).
BEFORE = 200


def ends_at(pattern: re.Pattern, text: str, pos: int) -> re.Match | None:
    """``pattern`` (which ends in ``\\Z``) searched in ``text[:pos]``, in its last ``BEFORE``
    characters only; lookbehinds and ``\\b`` still see the text before the window."""
    return pattern.search(text, max(0, pos - BEFORE), pos)


_PREV_WORD = re.compile(r"([A-Za-z][\w.’'\-]*)\W*\Z")


def prev_word(text: str, pos: int) -> str | None:
    m = ends_at(_PREV_WORD, text, pos)
    return m.group(1) if m else None


#: A time unit after a number: a duration (``four years``), or an age (``29 years old``,
#: ``30-year-old``, ``six weeks of age``).
TIME_AFTER = re.compile(
    r"(?:\s*|-)(?P<unit>second|minute|hour|day|week|month|year|decade|century|centurie|min|hr|sec)s?"
    r"(?P<age>-old\b|\s+old\b|\s+of\s+age\b)?(?![\w-])",
    re.IGNORECASE,
)
AGE_BEFORE = re.compile(r"\b(?:aged|age)\s+\Z", re.IGNORECASE)


_NEXT_WORD = re.compile(r"\s*-?\s*([A-Za-z.’']+)")
_GLUED = re.compile(r"[A-Za-z]-?\Z")
_ORDINAL = re.compile(r"(?:[sS][tT]|[nN][dD]|[rR][dD]|[tT][hH])\b")
_CLOCK = re.compile(r":\d")


def is_excluded(sent: str, m: re.Match, *, timed: bool = False, priced: bool = False) -> bool:
    """Years, dates, times of day, ordinals and numerals inside names are not quantities;
    nor is a number before a time unit unless ``timed`` (a duration or an age, read apart).
    A number after a currency symbol or code (``priced``) is an amount, never a numeral in a name.
    Every look is at ``m``'s ends (``match(sent, end)``, :func:`ends_at`), never a copy of the
    sentence's rest, so a long sentence costs in proportion to its length."""
    start, end, core = m.start(), m.end(), m.group()
    nxt = _NEXT_WORD.match(sent, end)
    nxt_word = nxt.group(1).lower().rstrip(".") if nxt else ""
    nxt_word_dot = nxt.group(1).lower() if nxt else ""
    if ends_at(_GLUED, sent, start):
        return True  # glued to letters: G7, F-16, MH17, COVID-19
    if _ORDINAL.match(sent, end):
        return True  # ordinals: 1st, 2nd, 21st
    if _CLOCK.match(sent, end) or (not timed and (nxt_word in vocab.TIME_UNITS or nxt_word_dot in vocab.TIME_UNITS)):
        return True  # times of day (3 p.m., 10:30); durations and ages are read apart
    prev = (prev_word(sent, start) or "").lower().rstrip(".")
    if nxt_word in vocab.MONTHS or nxt_word in vocab.MONTH_ABBREVIATIONS:
        return True  # dates: 14 August
    if prev in vocab.MONTHS or prev in vocab.MONTH_ABBREVIATIONS or prev in vocab.WEEKDAYS:
        return True  # dates: Aug. 15, February 2022
    is_plain_int = re.fullmatch(r"\d+", core) is not None
    if is_plain_int and numbers.is_year(core) and not UNIT_AFTER.match(sent, end) and not timed:
        return True  # years: a bare 4-digit number in the usual range, with no unit
    return is_plain_int and not UNIT_AFTER.match(sent, end) and not timed and not priced and _in_name(sent, start)


_SPACE_AFTER_WORD = re.compile(r"[A-Za-z.]\s+\Z")
_WORD_CHAR = re.compile(r"\w")


def _in_name(sent: str, start: int) -> bool:
    """A numeral after a capitalised word: World War 2, Boeing 777, No. 10, Resolution 2231
    (but not after a capitalised approximator opening the sentence: ``About 40``)."""
    prev_raw = prev_word(sent, start)
    if not (prev_raw and prev_raw[:1].isupper() and ends_at(_SPACE_AFTER_WORD, sent, start)):
        return False
    if not _WORD_CHAR.search(sent, 0, sent.rfind(prev_raw, max(0, start - BEFORE), start)):
        return False  # the sentence's first word is capitalised by position, not as a name
    return prev_raw.lower() not in vocab.APPROXIMATORS


# ---------------------------------------------------------------- what is not a figure
#
# Read after a number has been read (its unit and counted noun known), from
# ``data/reference/not_figures.csv``: years and year ranges, identifiers, scores and tallies
# (all three dropped), and ages (kept in the quantity layer as ``kind="age"``, out of the table).


@lru_cache(maxsize=1)
def _not_figure_forms() -> dict[tuple[str, str], tuple[str, ...]]:
    """(kind, where) -> forms, longest first."""
    out: dict[tuple[str, str], list[str]] = {}
    for row in resources.rows("not_figures.csv"):
        out.setdefault((row["kind"], row["where"]), []).extend(
            f.strip().lower() for f in row["forms"].split("|") if f.strip())
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@lru_cache(maxsize=None)
def _forms_pattern(kind: str, where: str) -> re.Pattern:
    forms = alt(_not_figure_forms()[(kind, where)]).replace("\\ ", r"\s+")
    if where == "after":
        return re.compile(rf"(?:\s+|(?=-))(?:{forms})(?![\w-])", re.IGNORECASE)
    return re.compile(rf"(?<![\w.#])(?:{forms})\s*\Z", re.IGNORECASE)


_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))(?![\d/-])")
_YEAR_RANGE = re.compile(r"(?P<a>\d{4})\s*(?:-|–|—|/|to|through|and|until)\s*(?P<b>\d{4}|\d{2})")
_TALLY = re.compile(r"\d{1,3}\s*[-–]\s*\d{1,3}")
_TALLY_TO = re.compile(r"\d{1,3}\s+to\s+\d{1,3}")
_ID_RANGE = re.compile(r"\d+(?:-\d+)?")
_CAMEL = re.compile(r"(?<![\w.])[a-z]+[A-Z][\w]*\s+\Z")  # iPhone 4, iOS 5, macOS 14
_NAME_AGE = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Dr|[A-Z][\w’'\-]+)\.?,\s+\Z")  # "Barra, 51,"
_AGE_CLOSE = re.compile(r"\s*(?:,|\)|;|\.(?:\s|\Z)|\Z)")
_YEAR_BEFORE = re.compile(r"\b(?:in|of|since|from|until|till|by|before|after|circa|c\.|around|during|[A-Z][a-z]+\.?\s+\d{1,2},)\s+\Z")
LOWEST_YEAR = 1000


def _is_year_text(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and LOWEST_YEAR <= int(text) <= max(numbers.YEARS)


def not_a_figure(sent: str, start: int, end: int, core: str, *, counted: bool, unit: str | None) -> str | None:
    """What the number ``core`` at ``start``..``end`` of ``sent`` is when it is no figure:
    ``"date"`` (``2014-05-03``, ``12/25/2014``), ``"year"`` (``1780`` after *of*, a year range ``2009-2010``, ``from 2010 to 2014``),
    ``"identifier"`` (``precinct 519``, ``Flight 370``, ``No. 14-915``, ``#3``, ``iPhone 4``),
    ``"score"`` (``lost 1-3``, ``a 4-4 split``, ``a vote of 48 to 52``) or ``"age"``
    (``Barra, 51,``, ``65 and older``, ``ages 18 to 29``); None for a figure. ``counted``: a
    plural noun follows (``1500-2000 troops``: a figure, but ``Boeing 737-800 jets`` is a name); ``unit``: its unit,
    if any (a number with a unit is always a figure)."""
    if unit is not None:
        return None
    for d in _NUMERIC_DATE.finditer(sent, max(0, start - 11), min(len(sent), end + 11)):
        if d.start() <= start and end <= d.end():
            return "date"  # 2014-05-03, 12/25/2014
    core = core.strip()
    if _ID_RANGE.fullmatch(core):  # a name's numeral, even before a plural: "Boeing 737-800 jets"
        if start and sent[start - 1] == "#":
            return "identifier"
        if ends_at(_forms_pattern("identifier", "before"), sent, start) or ends_at(_CAMEL, sent, start):
            return "identifier"
    if counted:
        return None
    if (y := _YEAR_RANGE.fullmatch(core)) and _is_year_text(y.group("a")):
        b = y.group("b")
        if (len(b) == 4 and _is_year_text(b) and int(b) >= int(y.group("a"))) or len(b) == 2:
            return "year"
    if _is_year_text(core) and ends_at(_YEAR_BEFORE, sent, start):
        return "year"  # "the Constitution of 1780", "July 14, 1789": before the usual range of years too
    if _TALLY.fullmatch(core) and (ends_at(_forms_pattern("score", "before"), sent, start)
                                   or _forms_pattern("score", "after").match(sent, end)):
        return "score"
    if _TALLY_TO.fullmatch(core) and (ends_at(_forms_pattern("score", "vote of"), sent, start)
                                      or ends_at(_forms_pattern("score", "before"), sent, start)):
        return "score"
    return _age(sent, start, end, core)


_AGE_CORE = re.compile(r"(?P<a>\d{1,3})(?:\s*(?:-|–|to|and)\s*(?P<b>\d{1,3}))?")


def _age(sent: str, start: int, end: int, core: str) -> str | None:
    m = _AGE_CORE.fullmatch(core)
    if not m or int(m.group("a")) > 124 or (m.group("b") and int(m.group("b")) > 124):
        return None
    if ends_at(_forms_pattern("age", "before"), sent, start) or _forms_pattern("age", "after").match(sent, end):
        return "age"  # "aged 44", "ages 18 to 29", "65 and older", "18-plus"
    if not m.group("b") and ends_at(_NAME_AGE, sent, start) and _AGE_CLOSE.match(sent, end) \
            and (prev_word(sent, start) or "").lower().rstrip(".,") not in vocab.MONTHS:
        return "age"  # "Mary Barra, 51, ...": a number alone between commas after a name
    return None
