"""Numeric quantities a reader would tabulate, with values as numbers or intervals.

:func:`figures_in_sentence` is a chain of named steps, each small:

1. ``recognize``: candidates (digits, number words, ranges, fractions, vague magnitudes) and
   the exclusions (years, dates, times, durations, ordinals, numerals in names);
2. ``_read_*``: the value or interval, and the unit or currency after or before it;
3. ``_approximate``: an approximator or bound (``about``, ``nearly``, ``more than``, ``up
   to`` …, ``vocab.APPROXIMATORS``) turns a point into the interval it implies;
4. ``meaning``: the counted noun, the measure and category (``data/reference/measures.csv``)
   and the subject or place.

``value`` is the point value when the text gives one (``None`` for ranges and vague
magnitudes); ``low``/``high`` is the interval (``high`` is ``None`` when open-ended). The
``quantities`` layer of a ``Document`` holds them all; :func:`figures` is its table. What notebook
30 shows of them (derived areas, intervals, the comparison with sourced figures) is its view,
``helpers.views.figures``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

import pandas as pd

from .. import numbers, resources, vocab
from ..document import as_document
from ..records import Quantity, to_frame
from .govern import govern
from .meaning import FUNCTION_WORDS, IRREGULAR_PLURALS, counted_noun, measure, subject
from .recognize import AGE_BEFORE, CANDIDATE, TIME_AFTER, WORDNUM, alt, ends_at, is_excluded, not_a_figure

COLUMNS = Quantity.COLUMNS
#: Categories only structure gives (helpers.quantities.govern), never a cue word in the sentence.
_GOVERNED_ONLY = ("casualty", "displacement", "territorial", "military")
APPROX_BEFORE = re.compile(rf"(?:\b(?P<approx>{alt(vocab.APPROXIMATORS)})\s+)\Z", re.IGNORECASE)
parse_number = numbers.parse_number
Figure = Quantity  # the record's name before the Document


@dataclass
class _Reading:
    """A candidate as read so far."""

    start: int
    end: int
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    kind: str = "count"


def _read_vague(sent: str, m: re.Match) -> _Reading:
    low, high = vocab.VAGUE[m.group("vague").lower()]
    return _Reading(m.start(), m.end(), None, low, high, kind="count")


def _read_fraction(sent: str, m: re.Match) -> _Reading | None:
    """``a fifth of``, ``two-thirds of``, ``half the``: a share; ``a third round`` is not."""
    words = re.split(r"[\s-]+", m.group("frac").lower())
    if words == ["half"]:
        num, den = 1, 2
    else:
        num = 1 if words[0] in ("a", "one") else vocab.ONES[words[0]]
        den = vocab.DENOMINATORS[words[-1]]
    if num > den:  # "three halves": a number above one, not a share of a whole
        return _Reading(m.start(), m.end(), num / den, num / den, num / den)
    r = _Reading(m.start(), m.end(), num / den, num / den, num / den, "share", kind="share")
    if _OF_THE.match(sent, m.end()):
        return r  # a share of a whole: "a fifth of Ukraine"
    if _ALONE.match(sent, m.end()) and words != ["half"]:
        return r  # a fraction on its own: "exactly one sixth."
    _read_unit(sent, r)  # a fraction of a unit: "one-half miles"
    return r if r.unit != "share" else None  # "a third round": an ordinal


_OF_THE = re.compile(r"\s+(?:of|the)\b")
_ALONE = re.compile(r"\s*(?:[.!?;,)]|\Z)")


def _read_number(sent: str, m: re.Match) -> _Reading | None:
    """Digits or number words, a range, with a currency, a unit or a time unit (a duration or
    an age); None when excluded."""
    n1, n2 = (m.group("b1"), m.group("b2")) if m.group("between") else (m.group("n1"), m.group("n2"))
    timed = TIME_AFTER.match(sent, m.end())
    priced = ends_at(_unit_patterns()[0], sent, m.start()) is not None  # "USD 200" is no numeral of a name
    if is_excluded(sent, m, timed=timed is not None, priced=priced):
        return None
    try:
        v1 = parse_number(n1)
        v2 = parse_number(n2) if n2 else None
    except ValueError:
        return None
    r = _Reading(m.start(), m.end())
    if m.start() and sent[m.start() - 1] in "-−" and (m.start() < 2 or sent[m.start() - 2] in " (\t$€£¥"):
        v1, r.start = -v1, m.start() - 1  # a negative number: "-18 °C", "-15€", "$-99.99"
        v2 = -v2 if v2 is not None and m.group("n2") and not re.search(r"\d\s*-\s*\d", m.group()) else v2
    if timed is not None:
        _read_time(sent, r, timed)
    else:
        _read_unit(sent, r)
    end = r.end
    if v2 is None and r.unit and (v2 := _unit_range_end(sent, r)) is not None and v2 <= v1:
        if ends_at(_SPAN_BEFORE, sent, r.start):
            v1, v2 = v2, v1  # "ranged from -18 °C to -34 °C": a span, written high to low
        else:
            v2, r.end = None, end  # "from 44 mg to 50 mg" is a range; a fall "from 50 to 44" is two figures
    if v2 is not None:
        if v2 < v1:  # "9-10" fine; "2014-15" style or a score: not a range
            return None
        r.low, r.high = v1, v2
    else:
        r.value = r.low = r.high = v1
    if not re.search(rf"[\d{numbers.FRACTION_CHARS}]", n1) and r.unit is None and not _counts_a_noun(sent, r.end, n1) \
            and not (v2 is None and v1 >= 100):
        return None  # "one of the toughest", "the two met": not a figure; "a hundred and two of those" is
    if r.unit is None and r.value is not None and 0 < r.value < 1 and _FRACTION_OF.match(sent, r.end) \
            and re.search(rf"/|[{numbers.FRACTION_CHARS}]", n1):
        r.unit, r.kind = "share", "share"  # "1/4 of voters", "¾ of the land": a share, as "a quarter of"
    return r


_FRACTION_OF = re.compile(r"\s+of\b")
#: Words that make ``from X to Y`` a span, not a change, whichever end is larger.
_SPAN_BEFORE = re.compile(r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|span(?:s|ned|ning)?)\s+(?:from\s+)?[-−]?\Z", re.IGNORECASE)


_RANGE_TAIL = re.compile(r"\s*(?:to|-|–|—|and)\s*(?P<n>[-−]?\d+(?:[.,]\d+)*)")


def _unit_range_end(sent: str, r: _Reading) -> float | None:
    """The upper end of ``44 mg to 50 mg``: a number with the same unit right after."""
    tail = _RANGE_TAIL.match(sent, r.end)
    if not tail:
        return None
    after = _unit_patterns()[1].match(sent, tail.end())
    if not after or resources.units()[1][_fold(after.group("u"))].canonical != r.unit:
        return None
    r.end = after.end()
    n = tail.group("n")
    return -parse_number(n[1:]) if n[0] in "-−" else parse_number(n)


def _read_time(sent: str, r: _Reading, timed: re.Match) -> None:
    """``four years`` (a duration), ``29 years old``, ``30-year-old``, ``aged 45`` (ages)."""
    unit = timed.group("unit").lower().replace("centurie", "century")
    unit = {"min": "minute", "hr": "hour", "sec": "second"}.get(unit, unit)  # "20 mins later"
    r.unit = unit
    r.kind = "age" if timed.group("age") or ends_at(AGE_BEFORE, sent, r.start) else "duration"
    r.end = timed.end()


def _read_unit(sent: str, r: _Reading) -> None:
    """A unit from ``data/reference/units.csv`` written before the number (``$50 billion``,
    ``$ 247 million``, ``C$ 1.34``, ``EUR 125``) or after it (``9km``, ``20 per cent``,
    ``50 billion dollars``, ``15 €``, ``500 USD``), widening the extent; ``aged 45`` is an
    age. The quantity's kind is the unit's dimension (``money`` for a currency)."""
    before, after = _unit_patterns()
    forms_before, forms_after = resources.units()
    if m := ends_at(before, sent, r.start):
        unit, r.start = forms_before[_fold(m.group("u"))], m.start()
    elif m := after.match(sent, r.end):
        unit, r.end = forms_after[_fold(m.group("u"))], m.end()
    elif m := _INCH_AFTER.match(sent, r.end):
        unit, r.end = forms_after["inch"], m.end()  # "2 in thick", "2 in.": "in" as the inch
    else:
        if ends_at(AGE_BEFORE, sent, r.start):
            r.unit, r.kind = "year", "age"
        return
    r.unit = unit.canonical
    r.kind = {"currency": "money"}.get(unit.dimension, unit.dimension)


#: ``in`` after digits as the inch: only where the preposition cannot be, at the clause's end
#: or before a dimension adjective (``2 in.``, ``2 1/2 in thick``).
_INCH_AFTER = re.compile(r"(?<=\d)\s+in\b(?=\.?\s*(?:[,;:!?)]|\Z)|\.\s|\s+(?:thick|long|wide|tall|high|deep|across|in\s+diameter)\b)")


def _fold(form: str) -> str:
    return re.sub(r"\s+", " ", form.lower())


@lru_cache(maxsize=1)
def _unit_patterns() -> tuple[re.Pattern, re.Pattern]:
    """Regular expressions for the table's forms before and after a number, longest first;
    a form of letters stands as a word (``USD 200``, not ``fUSD``)."""

    def alternation(forms):
        return "|".join(re.escape(f).replace("\\ ", r"\s?") for f in sorted(forms, key=len, reverse=True))

    forms_before, forms_after = resources.units()
    # a prefix of letters and a sign (A$, C$, US$) only in capitals, as units.csv writes it: "a $2" is no A$
    prefixed = [r["before"] for r in resources.rows("units.csv")]
    prefixes = {f.strip() for cell in prefixed for f in cell.split("|") if re.search(r"[A-Za-z]", f) and re.search(r"[^\w\s]", f)}
    plain = alternation(f for f in forms_before if f not in {p.lower() for p in prefixes})
    before = re.compile(rf"(?<![\w$€£¥])(?P<u>{alternation(prefixes)}|(?i:{plain}))\s?\Z")
    after = re.compile(rf"(?:\s*|-)(?P<u>{alternation(forms_after)})(?![\w])", re.IGNORECASE)  # .match(sent, end)
    return before, after


#: ``of`` + a determiner or possessive + up to two modifiers + a plural: a count of a group.
_OF_GROUP = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|these|those|[A-Z][\w.]*[’']s)\s+(?:[\w-]+\s+){0,2}[a-z]+s\b")


_NEXT_WORDS = re.compile(r"\s+(?:of\s+)?([a-z][\w\-’']*)(?:\s+([a-z][\w\-’']*))?")


def _counts_a_noun(sent: str, end: int, first: str) -> bool:
    """A number word counts something: a plural or measure noun follows (at ``end``), and it
    is not ``one``."""
    if first.lower() == "one":
        return _one_governed(sent, end)  # "one civilian killed": a count; "one of the toughest" is not
    if _OF_GROUP.match(sent, end) or _OF_THEM.match(sent, end):
        return True  # "two of CERN's LHC experiments", "three of the victims"
    nxt = _NEXT_WORDS.match(sent, end)
    if not nxt:
        return False

    def counted(word):
        return word and word not in FUNCTION_WORDS and (
            word.endswith("s") or word in IRREGULAR_PLURALS or word in resources.measures())

    # the noun right after, or after one modifier ("eight cabinet ministers", "two large contracts", "four more villages")
    return bool(counted(nxt.group(1)) or ((nxt.group(1) not in FUNCTION_WORDS or nxt.group(1) in _MORE) and counted(nxt.group(2)))
                or _governed_bare(sent, end))


_MORE = frozenset({"more", "other", "additional", "further", "new"})
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|whom)\b")
_SINGULAR_PEOPLE = re.compile(r"\s+(?:(?:[\w’'-]+-year-old|more|other|single|elderly|civilian|Ukrainian|Russian|Palestinian|Israeli|Sudanese)\s+)?"
                              r"(?:person|civilian|man|woman|child|soldier|resident|boy|girl|baby|infant|worker|policeman|officer|journalist|patient)\b",
                              re.IGNORECASE)


def _one_governed(sent: str, end: int) -> bool:
    """``one civilian killed``, ``one 79-year-old woman died``: one person, governed by a
    casualty or displacement predicate."""
    return _SINGULAR_PEOPLE.match(sent, end) is not None and _governed_bare(sent, end)


def _governed_bare(sent: str, end: int) -> bool:
    """A number in words with no noun that a casualty or displacement predicate governs (``two
    died``, ``wounded three more``)."""
    from .govern import casualty_or_displacement_after

    return casualty_or_displacement_after(sent, end)


def _approximate(sent: str, m: re.Match, r: _Reading) -> tuple[str | None, int]:
    """The approximator before the figure and where it starts; a point becomes its interval."""
    found = ends_at(APPROX_BEFORE, sent, r.start)  # before a currency symbol too: "about $50"
    if not found:
        return None, r.start
    qualifier = found.group("approx").lower()
    if r.value is not None:
        r.low, r.high = approximate_interval(qualifier, r.value, _written_number(sent, m, r))
    return qualifier, found.start("approx")


def approximate_interval(qualifier: str, value: float, written: str | None) -> tuple[float | None, float | None]:
    """The interval a qualified value stands for, by the kind of its qualifier (``vocab.APPROXIMATORS``).

    Bounds keep their direction and are open on the other side, as Recognizers-Text resolves
    them (``more than 30`` → (30,), ``under 170`` → (,170): ``Specs/Number/English/
    NumberRangeModel.json``); a count's lower end is 0. CQE marks ``about``, ``nearly`` and
    ``roughly`` as an approximate bound (``~``, ``CQE/number_lookup.py``) with no width, and
    Recognizers-Text gives ``about 20`` none either; the width here is the number's own
    precision as written, the interval of the values that round to it (significant figures:
    trailing zeros of a whole number are taken as not significant): ``about 73%`` is [72.5,
    73.5], ``about 600`` [550, 650], ``some 1.9 million`` [1.85, 1.95] million, ``about a fifth``
    the shares nearer 1/5 than 1/4 or 1/6. ``nearly``/``almost`` take the half below the value,
    ``just over`` the half above."""
    kind, lo, hi = vocab.APPROXIMATORS[qualifier]
    half = precision_half(written, value)
    if kind == "around":
        return value - half, value + half
    if kind == "near":
        return value - half, value
    if kind == "above":
        return value, (value + half if hi is not None else None)
    return (value * lo if lo is not None else None), (value * hi if hi is not None else None)


_MANTISSA = re.compile(r"(?P<int>\d[\d,\u00a0\u202f ]*)(?:\.(?P<dec>\d+))?")


def precision_half(written: str | None, value: float) -> float:
    """Half the unit of the last significant digit of a number as written: ``73`` → 0.5,
    ``600`` → 50, ``1.9 million`` → 50,000, ``seven`` → 0.5, ``forty`` → 5; a fraction in
    words or characters gives half its distance to the nearest simpler fractions (:func:`_fraction_half`)."""
    if written is None:
        return abs(value) * 0.05
    text = written.strip()
    if (frac := _fraction_half(text, value)) is not None:
        return frac
    m = _MANTISSA.search(text)
    if m is None:  # in words: "seven", "forty", "a hundred"
        whole = int(round(abs(value)))
        if whole == 0 or abs(value) != whole:
            return 0.5
        zeros = len(str(whole)) - len(str(whole).rstrip("0"))
        return 0.5 * 10 ** zeros
    mantissa = float(re.sub(r"[,\u00a0\u202f ]", "", m.group("int")) + (("." + m.group("dec")) if m.group("dec") else ""))
    scale = abs(value) / mantissa if mantissa else 1.0
    if m.group("dec"):
        unit = 10 ** -len(m.group("dec"))
    else:
        digits = re.sub(r"\D", "", m.group("int"))
        unit = 10 ** (len(digits) - len(digits.rstrip("0"))) if digits.strip("0") else 1
    return 0.5 * unit * scale


def _fraction_half(text: str, value: float) -> float | None:
    """For a fraction (``a fifth``, ``two-thirds``, ``¾``): half the gap to the nearest
    fractions with a denominator up to one more than its own, on the side that is nearer; the
    interval is then symmetric about the value, so its midpoint stays the value."""
    words = re.split(r"[\s-]+", text.lower())
    den = next((vocab.DENOMINATORS[w] for w in words if w in vocab.DENOMINATORS), None)
    if den is None:
        den = next((int(d) for d in re.findall(r"/(\d+)", text)), None)
    if den is None or not 0 < value < 1:
        return None
    others = {p / q for q in range(1, den + 2) for p in range(0, q + 1)} - {value}
    others = {x for x in others if abs(x - value) > 1e-9}
    below = max((x for x in others if x < value), default=0.0)
    above = min((x for x in others if x > value), default=1.0)
    return min(value - below, above - value) / 2


def _written_number(sent: str, m: re.Match, r: _Reading) -> str | None:
    """The number as written, without its unit: ``1.9 million``, ``73``, ``a fifth``."""
    if m.group("frac"):
        return m.group("frac")
    if m.group("halfscale"):
        return m.group("halfscale")
    if m.groupdict().get("n1") and not m.group("between"):
        return m.group("n1")
    return None


def _not_a_figure(sent: str, r: _Reading, noun: str | None) -> str | None:
    """:func:`recognize.not_a_figure` for a reading: its text without ``between``, and whether
    a plural noun follows it."""
    core = re.sub(r"^between\s+", "", sent[r.start : r.end], flags=re.IGNORECASE)
    counted = noun is not None and (noun.endswith("s") or noun in IRREGULAR_PLURALS)
    return not_a_figure(sent, r.start, r.end, core, counted=counted, unit=r.unit)


def _is_label(sent: str, m: re.Match, r: _Reading, noun, qualifier) -> bool:
    """A bare number with nothing to count is usually a label, code or score."""
    if r.unit is not None or noun is not None or r.value is None or qualifier or m.group("between"):
        return False
    if not re.search(r"\d", m.group()) or re.search(r"[,.]\d|[A-Za-z]", m.group()):
        return False  # a number in words, with a scale or separators ("5 million", "2,450"), is no code or score
    return not _LIST_NEXT.match(sent, r.end) or re.fullmatch(r"\d", m.group()) is not None


_LIST_NEXT = re.compile(r"\s*(?:,|\.|$|and|or)")


def _read_ratio(sent: str, m: re.Match) -> _Reading | None:
    """``one in five``, ``seven out of ten``: a share."""
    try:
        a, b = parse_number(m.group("r1")), parse_number(m.group("r2"))
    except ValueError:
        return None
    if not 0 < a < b:
        return None
    return _Reading(m.start(), m.end(), a / b, a / b, a / b, "share", kind="share")


def _read_multiplier(m: re.Match) -> _Reading | None:
    """``twice as many``, ``three times the``, ``a third more``: a multiple of something else."""
    word = m.group("mult").lower().split()[0]
    if m.group("mfrac"):
        sign = 1 if m.group("mult").lower().endswith("more") else -1
        value = 1 + sign / vocab.DENOMINATORS[m.group("mfrac").lower()]
    elif word in ("twice", "thrice"):
        value = 2.0 if word == "twice" else 3.0
    else:
        try:
            value = parse_number(m.group("m1"))
        except ValueError:
            return None
    return _Reading(m.start(), m.end(), value, value, value, "times", kind="multiplier")


def _read(sent: str, m: re.Match) -> _Reading | None:
    if m.group("vague"):
        return _read_vague(sent, m)
    if m.group("ratio"):
        return _read_ratio(sent, m)
    if m.group("mult"):
        return _read_multiplier(m)
    if m.group("halfscale"):
        words = m.group("halfscale").lower().split()
        part = {"half": 0.5, "quarter": 0.25, "three": 0.75}[words[0] if words[0] != "a" else words[1]]
        v = part * vocab.SCALES[words[-1]]
        r = _Reading(m.start(), m.end(), v, v, v)
        _read_unit(sent, r)  # "half a million dollars"
        return r
    if m.group("frac"):
        return _read_fraction(sent, m)
    return _read_number(sent, m)


def figures_in_sentence(sent: str, offset: int = 0, sentence_id: int = 0) -> list[Quantity]:
    """All quantities in one sentence; offsets are ``offset`` + index into ``sent``."""
    out: list[Quantity] = []
    taken = 0  # the end of the last quantity: a range's upper end ("to 50 mg") is not read again
    previous = None  # what governed the figure before ("11 civilians were injured, seven of them seriously")
    for m in CANDIDATE.finditer(sent):
        if m.start() < taken:
            continue
        r = _read(sent, m)
        if r is None:
            continue
        taken = r.end
        qualifier, q_start = _approximate(sent, m, r)
        noun = None if r.unit else counted_noun(sent, r.end)
        if r.kind == "count" and (kind := _not_a_figure(sent, r, noun)):
            if kind != "age":
                continue  # a year, an identifier, a score: not a quantity at all
            r.unit, r.kind = "year", "age"  # an age stays in the layer, out of the figures table
        if r.kind in Quantity.NOT_FIGURES:  # a duration or an age measures time, not a count of people
            meas, category = None, r.kind
            out.append(_quantity(sent, r, qualifier, q_start, noun, meas, category, None, offset, sentence_id))
            continue
        governed = govern(sent, q_start if qualifier else r.start, r.end, noun, r.unit, r.kind, previous)
        if governed is None and _is_label(sent, m, r, noun, qualifier):
            continue  # a bare number nothing governs ("wounded 25 more" is governed)
        if governed is not None:
            meas, category, evidence = governed.measure, governed.category, governed.evidence
            previous = governed
        else:
            meas, category = measure(sent, r.start, r.end, noun)  # the other cues (cost): never a mission category
            if category in _GOVERNED_ONLY:
                meas, category = None, "other"
            evidence = None
        if r.kind == "money" and meas is None:
            meas = "amount of money"
        subj = subject(sent, r.start, r.end, category)
        if r.unit == "share" and meas is None:
            meas, category = "share", "other"
        q = _quantity(sent, r, qualifier, q_start, noun, meas, category, subj, offset, sentence_id)
        out.append(replace(q, evidence=evidence))
    return _join_subunits(sent, out, offset)


def _join_subunits(sent: str, found: list[Quantity], offset: int) -> list[Quantity]:
    """Amounts of money written in more than one piece, made one amount:

    - ``3 dollars 50 cents``, ``thirteen dollars and forty-five cents``: a whole amount in a
      currency and a count of its minor unit (a unit of ``units.csv`` whose base is that
      currency);
    - ``15 dollars 50``, ``15 dollars and 50``, ``17 USD 25``, ``thirteen dollars forty five``:
      a whole amount and a bare number under 100 that counts nothing (no noun after it), the
      minor unit left unsaid;
    - ``75 USD million``: a scale word after the currency.
    """
    minor = _minor_currency_units()
    minor_factor = {u.base: u.factor for u in minor.values()}
    out: list[Quantity] = []
    consumed = -1  # the end of a minor part read from the text after an amount
    for q in found:
        prev = out[-1] if out else None
        if prev is not None and _whole_money(prev) and q.value is not None and q.low == q.high:
            gap = sent[prev.end - offset : q.start - offset] if q.start >= prev.end else None
            adjacent = gap is not None and re.fullmatch(r"\s*(?:and\s+)?", gap) is not None
            unit = minor.get(q.unit or "")
            factor = None
            if unit is not None and prev.unit == unit.base and adjacent:
                factor = unit.factor  # 3 dollars 50 cents
            elif float(q.value).is_integer() and 0 < q.value < 100 and not q.qualifier and (
                (q.unit is None and q.kind == "count" and q.noun is None and adjacent)  # 15 dollars 50
                or (q.unit == prev.unit and q.kind == "money" and q.start < prev.end  # 17 USD 25: the code read twice
                    and not _UNIT_NEXT.match(sent, q.end - offset))  # (but 10 $ 30 $ is two amounts)
            ):
                factor = minor_factor.get(prev.unit, 0.01)
            if factor is not None:
                out[-1] = _with_value(sent, prev, prev.value + q.value * factor, q.end, offset)
                continue
        if q.start < consumed:
            continue  # read already, as the minor part of the amount before it
        q = _scaled(sent, q, offset) if q.kind == "money" else q
        if _whole_money(q):
            joined = _spelled_minor(sent, q, offset, minor_factor.get(q.unit or "", 0.01))
            consumed = joined.end if joined is not q else consumed
            q = joined
        out.append(q)
    return out


#: A currency sign or code right after a number: it starts an amount of its own.
_UNIT_NEXT = re.compile(r"\s*(?:[$€£¥]|[A-Z]{3}\b)")
#: ``thirteen dollars forty five``, ``100 and fifty``: a number under 100 in words or digits
#: after a whole amount, at the end of its clause (nothing counted after it).
_MINOR_AFTER = re.compile(rf"\s+(?:and\s+)?(?P<n>\d{{1,2}}|{WORDNUM})(?=\s*(?:[.,;:!?)]|$|more\b|only\b))", re.IGNORECASE)


def _spelled_minor(sent: str, q: Quantity, offset: int, factor: float) -> Quantity:
    m = _MINOR_AFTER.match(sent, q.end - offset)
    if m is None:
        return q
    cents = numbers.parse_number(m.group("n"))
    if not 0 < cents < 100:
        return q
    return _with_value(sent, q, q.value + cents * factor, offset + m.end(), offset)


_SCALE_AFTER = re.compile(r"\s+((?i:thousand|million|billion|trillion))\b|(T)\b")  # "T" in capitals only


def _scaled(sent: str, q: Quantity, offset: int) -> Quantity:
    """``75 USD million``, ``$2.174T``: the scale written after the amount multiplies it."""
    m = _SCALE_AFTER.match(sent, q.end - offset)
    if m is None or q.value is None or q.low != q.high:
        return q
    scale = vocab.SCALES["trillion"] if m.group(2) else vocab.SCALES[m.group(1).lower()]  # "$2.174T"
    return _with_value(sent, q, q.value * float(scale), offset + m.end(), offset)


def _whole_money(q: Quantity) -> bool:
    return q.kind == "money" and q.value is not None and float(q.value).is_integer() and q.low == q.high


def _with_value(sent: str, q: Quantity, value: float, end: int, offset: int) -> Quantity:
    return replace(q, end=end, text=sent[q.start - offset : end - offset], value=value,
                   low=value if q.low is not None else None, high=value if q.high is not None else None)


@lru_cache(maxsize=1)
def _minor_currency_units() -> dict:
    """Canonical name -> unit, for the currency units worth a fraction of their base (``US cent``)."""
    return {u.canonical: u for u in resources.units()[1].values() if u.dimension == "currency" and u.factor < 1}


def _quantity(sent, r: _Reading, qualifier, q_start, noun, meas, category, subj, offset, sentence_id) -> Quantity:
    begin = q_start if qualifier else r.start
    return Quantity(
        start=offset + begin, end=offset + r.end, text=sent[begin : r.end],
        value=r.value, low=r.low, high=r.high, unit=r.unit, approx=qualifier is not None,
        qualifier=qualifier, noun=noun, measure=meas, category=category,
        subject=subj, sentence_id=sentence_id, kind=r.kind,
    )


def quantity_layer(doc) -> list[Quantity]:
    """The ``quantities`` layer: every quantity in the caption, headline, standfirst and body."""
    return [q for s in doc.sentences for q in figures_in_sentence(s.text, s.start, s.sentence_id)]


def figure_records(quantities) -> list[Quantity]:
    """The figures a reader tabulates: every quantity but durations and ages."""
    return [q for q in quantities if q.kind not in Quantity.NOT_FIGURES]


def figures(source) -> pd.DataFrame:
    """The figures table (columns ``COLUMNS``): the quantity layer without durations and ages.
    ``source``: an ``Article`` or ``Document``."""
    return to_frame(figure_records(as_document(source).quantities), Quantity)
