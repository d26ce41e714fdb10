"""Recognition: candidate numbers in a sentence, and the ones that are not quantities.

Candidates are digits (``120,000``, ``1.2 million``), number words (``twenty-five``),
ranges (``9-10``, ``between 9 and 10``), fractions in words (``a fifth of``) and vague
magnitudes (``tens of thousands``). Excluded: years and dates, times of day, durations (the
timeline owns them), ordinals, and numerals inside names (``World War 2``, ``G7``, ``Boeing
777``, ``No. 10``).
"""

from __future__ import annotations

import re

from .. import numbers, vocab


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
    r"(?:\s*|-)(?P<unit>second|minute|hour|day|week|month|year|decade|century|centurie)s?"
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
