"""Numbers written in digits or words, and years: the one parser the extractors share."""

from __future__ import annotations

import re
import unicodedata

from . import vocab

_DIGITS = re.compile(r"\d+(?:\.\d+)?")
#: The vulgar fraction characters (``½``, ``⅓`` …), read through ``unicodedata.numeric``.
FRACTION_CHARS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
_SCALE_AT_END = re.compile(
    r"(?:\s+|(?<=\d))(" + "|".join(sorted(map(re.escape, vocab.SCALES), key=len, reverse=True)) + r")$"
)
#: The range of four-digit numbers read as years (``1991``, ``2025``, ``2100``).
YEARS = range(1800, 2101)


def word_value(word: str) -> int | None:
    """``eleven`` -> 11, ``twenty-five`` -> 25, ``forty`` -> 40; None for anything else."""
    parts = re.split(r"[-\s]+", word.lower())
    if not parts or not all(p in vocab.ONES or p in vocab.TENS for p in parts):
        return None
    return sum(vocab.ONES.get(p, 0) + vocab.TENS.get(p, 0) for p in parts)


_BIG = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000}


def compound_value(text: str) -> int | None:
    """Number words in groups: ``two thousand five hundred`` -> 2500, ``a hundred and two`` ->
    102, ``three million, two hundred and forty`` -> 3000240; None unless the text is such."""
    words = [w for w in re.split(r"[\s,&-]+", text.lower()) if w and w != "and"]
    if not any(w in _BIG for w in words) or not all(w in _BIG or w in vocab.ONES or w in vocab.TENS or w in ("a", "an") for w in words):
        return None
    total = current = 0
    for w in words:
        if w == "hundred":
            current = (current or 1) * 100
        elif w in _BIG:
            total += (current or 1) * _BIG[w]
            current = 0
        else:
            current += 1 if w in ("a", "an") else vocab.ONES.get(w, 0) + vocab.TENS.get(w, 0)
    return total + current


def parse_number(text: str) -> float:
    """``"1.2 million"`` -> 1200000.0, ``"twenty-five"`` -> 25.0, ``"120,000"`` -> 120000.0,
    ``"2 1/2"`` -> 2.5, ``"a dozen"`` -> 12.0, ``"two and a half"`` -> 2.5."""
    if (words := compound_value(text)) is not None and not re.search(r"\d", text):
        return float(words)
    t = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))", "", text.strip().lower().replace(",", ""))
    if t.endswith(" and a half"):
        return parse_number(t[: -len(" and a half")]) + 0.5
    if m := re.fullmatch(rf"(\d+)?\s?([{FRACTION_CHARS}])", t):
        return float(m[1] or 0) + unicodedata.numeric(m[2])
    if m := re.fullmatch(r"(?:(\d+)\s+)?(\d+)/(\d+)", t):
        return float(m[1] or 0) + int(m[2]) / int(m[3])
    scale = 1.0
    if m := _SCALE_AT_END.search(t):
        scale = float(vocab.SCALES[m.group(1)])
        t = t[: m.start()].strip()
    if _DIGITS.fullmatch(t):
        return float(t) * scale
    if t in ("a", "an"):
        return scale
    value = word_value(t)
    if value is None:
        raise ValueError(f"not a number: {text!r}")
    return float(value) * scale


def number_at(words: list[str], i: int) -> tuple[float | None, int] | None:
    """A number starting at word ``i`` of lower-cased ``words``: (value, next index).

    Digits, number words (``eleven``, ``twenty-five``, ``twenty five``), ``a``/``an`` (1);
    ``several``/``few``/``many`` give an unspecified number (None). Not a number: None.
    """
    if i >= len(words):
        return None
    low = words[i]
    if _DIGITS.fullmatch(low):
        return float(low), i + 1
    if low in ("several", "few", "a few", "many"):
        return None, i + 1
    if low in vocab.TENS and i + 1 < len(words) and words[i + 1] in vocab.ONES:
        return float(vocab.TENS[low] + vocab.ONES[words[i + 1]]), i + 2
    if (value := word_value(low)) is not None:
        return float(value), i + 1
    if low in ("a", "an"):
        return 1.0, i + 1
    return None


def is_year(text: str) -> bool:
    """A four-digit number in ``YEARS`` (no separators): ``2019`` yes, ``2,019`` no."""
    return len(text) == 4 and text.isdigit() and int(text) in YEARS
