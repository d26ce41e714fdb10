"""Token tests the recognition rules share: calendar words, numbers, tense, durations."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from .. import numbers, vocab
from ..records import Token
from .calendar import duration_value

PREPOSITIONS = {"in", "on", "at", "since", "until", "by", "from", "to", "before", "after", "during", "through", "for"}
CLAUSE_PUNCT = {",", ";", ":", "—", "–", '"', "“", "”"}
#: Words that open a conditional clause, whose verb does not give the main clause its tense
#: (``might run out of money by March if more aid was not given``).
CONDITIONALS = {"if", "unless"}
DECADE = re.compile(r"(1[89]\d|20\d)0s$")
PART_YEAR = re.compile(r"(early|mid|late)-(\d{4})$", re.I)
PART_MONTH = re.compile(r"(early|mid|late)-([a-z]+)$", re.I)
ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})$")
DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?$")
CLOCK = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?$")
HYPHEN_UNIT = re.compile(r"(\d+|[a-z]+)-(second|minute|hour|day|week|month|year|decade)$", re.I)
#: A 24-hour clock reading (``08:30``, ``0800`` before a zone) and a duration written as a
#: clock reading (``2:03:59``, a race time; ``1:42.57``, minutes and seconds).
CLOCK_24 = re.compile(r"([01]?\d|2[0-3]):?([0-5]\d)$")
CLOCK_DURATION = re.compile(r"(?:(\d{1,2}):([0-5]\d):([0-5]\d(?:\.\d+)?)|(\d{1,2}):([0-5]\d\.\d+))$")
FRACTION = re.compile(rf"1/2|1/4|3/4|[{numbers.FRACTION_CHARS}]")
#: Time-zone abbreviations that may follow a clock time (``5 p.m. EST``).
TIME_ZONES = {"EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "MSK"}
#: The tense ``last``/``next``/``this`` give a month, a day or a holiday after them; ``!``:
#: the word decides the side, whatever year is nearer.
FORCED_TENSE = {"last": "past!", "next": "future!", "this": "present"}
MERIDIEM = {"a.m.", "p.m.", "am", "pm", "a.m", "p.m"}




def month(tok: Token) -> int | None:
    low = tok.lower.rstrip(".")
    if low in vocab.MONTHS and tok.is_cap:
        return vocab.MONTHS[low]
    if low in vocab.MONTH_ABBREVIATIONS and tok.is_cap and (tok.text.endswith(".") or len(low) >= 3):
        return vocab.MONTH_ABBREVIATIONS[low]
    return None


def year(tok: Token) -> int | None:
    return int(tok.lower) if numbers.is_year(tok.lower) else None


def spoken_year(toks: list[Token], i: int) -> tuple[int, int] | None:
    """A year written out as it is said, in transcripts: ``nineteen ninety-six``, ``nineteen
    ninety six``, ``nineteen oh five``, ``nineteen hundred``, ``two thousand (and) one``.
    (year, next token index) or None. ``two thousand`` alone is a count, not a year, unless
    ``the year`` or a month stands before it."""
    first = low(toks, i)
    century = vocab.SPOKEN_CENTURIES.get(first)
    if century is not None:
        nxt = low(toks, i + 1)
        if nxt == "hundred":  # "in nineteen hundred", not "twelve hundred students"
            after = toks[i + 2] if i + 2 < len(toks) else None
            counts = after is not None and after.tag.startswith(("NN", "JJ"))
            return (century * 100, i + 2) if century >= 15 and not counts else None
        if nxt == "oh" and low(toks, i + 2) in vocab.ONES and vocab.ONES[low(toks, i + 2)] < 10:
            return century * 100 + vocab.ONES[low(toks, i + 2)], i + 3
        if (tens := numbers.word_value(nxt)) is not None and 10 <= tens < 100 and (nxt in vocab.TENS or "-" in nxt or tens < 20):
            if nxt in vocab.TENS and low(toks, i + 2) in vocab.ONES and vocab.ONES[low(toks, i + 2)] < 10:
                return century * 100 + tens + vocab.ONES[low(toks, i + 2)], i + 3
            return century * 100 + int(tens), i + 2
        return None
    if first == "two" and low(toks, i + 1) == "thousand" and (
        [low(toks, i - 2), low(toks, i - 1)] == ["the", "year"] or (i > 0 and month(toks[i - 1]) is not None)
    ):
        k = i + 3 if low(toks, i + 2) == "and" else i + 2
        extra = vocab.ONES.get(low(toks, k))
        return (2000 + extra, k + 1) if extra is not None and extra < 20 else (2000, i + 2)
    return None


def day(tok: Token) -> int | None:
    m = DAY.fullmatch(tok.lower)
    return int(m[1]) if m and 1 <= int(m[1]) <= 31 else None


def low(toks: list[Token], k: int) -> str:
    return toks[k].lower if 0 <= k < len(toks) else ""


#: Scale words a duration's count may take ("a hundred years"), and the modals before "one
#: day" that make it a day to come ("will one day be").
SCALES = {word: vocab.SCALES[word] for word in ("hundred", "thousand", "million")}
MODALS = {"will", "would", "could", "may", "might", "can", "shall", "'ll", "’ll"}


def after_amount(toks: list[Token], i: int) -> bool:
    """An amount just before ``i``: a number, or a number and the noun it counts."""
    return any(toks[k].tag == "CD" for k in range(max(0, i - 2), i)) and toks[i - 1].tag in ("CD", "NNS", "NN")


def number(toks: list[Token], i: int) -> tuple[float | None, int] | None:
    """A number at token ``i``: (value, next token index), as ``numbers.number_at``, and the
    forms a duration's count takes: ``a few`` and ``a couple of`` (the article inside the
    extent), a fraction after the number (``2 1/2``, ``2 ½``), ``two and a half``."""
    if low(toks, i) in ("a", "an"):
        if low(toks, i + 1) == "few":
            return None, i + 2
        if low(toks, i + 1) == "couple" and low(toks, i + 2) == "of":
            return 2.0, i + 3
    if low(toks, i) == "couple" and low(toks, i + 1) == "of":
        return 2.0, i + 2  # "the next couple of years"
    found = numbers.number_at([t.lower for t in toks[i : i + 2]], 0)
    if found is None:
        return None
    value, k = found[0], i + found[1]
    if value is None or not float(value).is_integer():
        return value, k
    if low(toks, k) in SCALES:
        value, k = value * SCALES[low(toks, k)], k + 1  # "a hundred years", "two thousand years"
    if k < len(toks) and FRACTION.fullmatch(toks[k].text):
        return value + numbers.parse_number(toks[k].text), k + 1  # "2 1/2"
    if [low(toks, x) for x in range(k, k + 3)] == ["and", "a", "half"]:
        return value + 0.5, k + 3
    return value, k


def tense(toks: list[Token], i: int, j: int) -> str:
    """past / future / present for the clause around tokens ``i``..``j``: the nearest tense
    cue wins (a future word, a past verb not in a modal chain, a modal, a present verb). A
    cue found only outside the clause (``payable Dec. 7``, in a sentence whose verb is
    ``said``) is weak, marked ``past?``/``future?``/``present?``.

    The sentence's clause breaks and cues are found once (:func:`_tense_index`) and looked
    up by bisection, so a sentence with many expressions costs its length, not its square."""
    if low(toks, i - 1) == "since":
        return "past"  # "since March": the start of a period that runs to now
    idx = _tense_index(toks)
    k = bisect_left(idx.breaks, i)
    lo = idx.breaks[k - 1] + 1 if k else 0  # after the clause punctuation before the expression
    if _deferred_to(toks, lo, i, idx):
        return "future"
    hi = idx.clause_end(j)
    windows = [((lo, hi), "")]
    if lo == 0 and hi < len(toks) and toks[hi].text == ",":
        # a phrase fronted before the main clause ("In March, the firm received …"): the
        # main clause's verb is this expression's own, after any further fronted phrases
        # ("In January, a week after the anniversary, a bombing killed …")
        start = hi + 1
        for _ in range(5):
            end = idx.clause_end(start)
            windows.append(((start, end), ""))
            if _any_in(idx.verbs, start, end) or end >= len(toks) or toks[end].text != ",":
                break
            start = end + 1
    windows.append(((0, len(toks)), "?"))
    for (a, b), weak in windows:
        before, after = bisect_left(idx.cues, min(b, i)) - 1, bisect_left(idx.cues, max(a, j))
        found = [(abs(idx.cues[c] - i), idx.labels[c]) for c in (before, after)
                 if 0 <= c < len(idx.cues) and a <= idx.cues[c] < b and not i <= idx.cues[c] < j]
        if found:
            return min(found)[1] + weak
    # "until" marks a deadline, not a tense: a verb anywhere in the sentence wins
    deadline = _any_in(idx.weak, 0, i) or _any_in(idx.weak, j, len(toks))
    return "future" if deadline else "present"


def _any_in(positions: list[int], a: int, b: int) -> bool:
    """Whether a sorted list of token positions has one in ``a``..``b``."""
    k = bisect_left(positions, a)
    return k < len(positions) and positions[k] < b


@dataclass(frozen=True)
class _TenseIndex:
    """A sentence's tense cues and clause breaks, in token order (for :func:`tense`)."""

    size: int
    breaks: list[int]  # clause punctuation
    ends: list[int]  # clause punctuation or a full stop
    cues: list[int]  # tense cues and the tense each gives
    labels: list[str]
    weak: list[int]  # "until" and the like: a deadline, no tense
    verbs: list[int]  # verbs and modals
    deferrals: list[int]  # words that put something off ("postponed")

    def clause_end(self, k: int) -> int:
        """Index of the first clause punctuation or full stop at or after ``k``."""
        e = bisect_left(self.ends, k)
        return self.ends[e] if e < len(self.ends) else max(k, self.size)


def _cue_label(toks: list[Token], k: int) -> str | None:
    """The tense token ``k`` gives, wherever the expression is; None for no tense."""
    tok = toks[k]
    if tok.lower in vocab.WEAK_FUTURE_CUES:
        return None
    if tok.lower in vocab.FUTURE_CUES and _future_cue(toks, k) or _future_chain(toks, k):
        return "past" if _past_perfect(toks, k) else "future"
    if tok.tag in ("VBD", "VBN") and not after_modal(toks, k) and not _present_passive(toks, k):
        return "past"
    if tok.tag == "MD":
        if tok.lower in {"will", "shall", "would", "'ll", "’ll"}:
            return "future"
        if tok.lower in _LOOKING_MODALS:  # "should be completed in October", "might run out by March"
            return "past" if _modal_perfect(toks, k) else "future"
        return "present"
    if tok.tag in ("VBZ", "VBP"):
        return "present"
    return None


#: The last sentence indexed: the rules call ``tense`` many times on one token list.
_LAST_INDEX: tuple = (None, None)


def _tense_index(toks: list[Token]) -> _TenseIndex:
    global _LAST_INDEX
    seen, idx = _LAST_INDEX
    if seen is toks and idx.size == len(toks):
        return idx
    labels = [(k, label) for k in range(len(toks)) if (label := _cue_label(toks, k)) is not None]
    idx = _TenseIndex(
        len(toks),
        [k for k, t in enumerate(toks) if t.text in CLAUSE_PUNCT or t.lower in CONDITIONALS],
        [k for k, t in enumerate(toks) if t.text in CLAUSE_PUNCT or t.text == "." or t.lower in CONDITIONALS],
        [k for k, _ in labels], [label for _, label in labels],
        [k for k, t in enumerate(toks) if t.lower in vocab.WEAK_FUTURE_CUES],
        [k for k, t in enumerate(toks) if t.tag.startswith(("VB", "MD"))],
        [k for k, t in enumerate(toks) if t.lower.startswith(vocab.DEFERRAL_STEMS)],
    )
    _LAST_INDEX = (toks, idx)
    return idx


def _deferred_to(toks: list[Token], lo: int, i: int, idx: _TenseIndex) -> bool:
    """A new deadline: ``until`` before the expression in a clause whose verb puts something
    off (``postponed until Tuesday``, ``gave them until 9 a.m. Tuesday``)."""
    u = next((k for k in range(i - 1, max(lo, i - 5) - 1, -1) if toks[k].lower == "until"), None)
    return u is not None and _any_in(idx.deferrals, lo, u)


def _clause_end(toks: list[Token], k: int) -> int:
    """Index of the first clause punctuation or full stop at or after ``k``."""
    while k < len(toks) and toks[k].text not in CLAUSE_PUNCT | {"."}:
        k += 1
    return k


def _future_cue(toks: list[Token], k: int) -> bool:
    """A future cue used as one: not ``next to`` (a place), not ``set`` without ``to`` or
    ``for`` (``set aside``, ``set Friday as the deadline``: a past verb)."""
    word, after = toks[k].lower, low(toks, k + 1)
    if word == "next":
        return after != "to"
    if word == "set":
        return after in ("to", "for")
    return True


def _future_chain(toks: list[Token], k: int) -> bool:
    """A form of *be* whose verb chain is a future cue (``were planning to``, ``is set to``)
    or an infinitive of plan (``is to resume``)."""
    if toks[k].lower not in _BE_FORMS:
        return False
    if low(toks, k + 1) == "to":
        return k + 2 < len(toks) and toks[k + 2].tag == "VB"
    return low(toks, k + 1) in vocab.FUTURE_CUES and _future_cue(toks, k + 1)


def _present_passive(toks: list[Token], k: int) -> bool:
    """A participle in a present passive (``the case is heard``, ``are being held``): no past."""
    a = k - 1
    while a >= 0 and toks[a].lower in {"being", "not", "also", "still", "now", "usually"}:
        a -= 1
    return toks[k].tag == "VBN" and a >= 0 and toks[a].lower in {"is", "are", "am", "'re", "’re"}


def _past_perfect(toks: list[Token], k: int) -> bool:
    """A future cue seen from the past: ``had been due to``, ``had planned to``."""
    return low(toks, k - 1) == "had" or (low(toks, k - 1) == "been" and low(toks, k - 2) == "had")


_BE_FORMS = {"is", "are", "was", "were", "'s", "’s", "'re", "’re"}


#: Modals of obligation and possibility: without ``have`` they look ahead (``should be
#: completed in October``), with it back (``should have been done in March``).
_LOOKING_MODALS = {"should", "must", "might", "may"}
_CHAIN = {"be", "been", "being", "have", "not", "n't", "also", "then", "soon", "still", "only", "now"}


def _modal_perfect(toks: list[Token], k: int) -> bool:
    """``should have``, ``may not have``: a modal of the past."""
    a = k + 1
    while a < len(toks) and toks[a].lower in {"not", "n't", "also", "well", "still", "only"}:
        a += 1
    return low(toks, a) in ("have", "'ve", "’ve")


def after_modal(toks: list[Token], k: int) -> bool:
    """A participle in a verb chain with a future modal (``will be named``, ``would have``),
    or with a modal of obligation or possibility and no ``have`` (``should be completed``,
    ``could be sold``; but ``could have been sold`` is past)."""
    a, chain = k - 1, set()
    while a >= 0 and toks[a].lower in _CHAIN:
        chain.add(toks[a].lower)
        a -= 1
    if not (a < k - 1 and a >= 0):
        return False
    if toks[a].lower in {"will", "shall", "would", "'ll", "’ll"}:
        return True
    return toks[a].lower in _LOOKING_MODALS | {"could", "can"} and "have" not in chain


def duration_at(toks: list[Token], i: int) -> tuple[int, str] | None:
    """A duration at ``i``: (next index, value). ``48 hours``, ``a week``, ``48-hour``, a
    bare plural unit (``after weeks of``); not ``a second round`` nor ``two days ago``."""
    if i >= len(toks):
        return None
    t = toks[i]
    if m := HYPHEN_UNIT.fullmatch(t.text):
        n = m[1].lower()
        amount = float(n) if n.isdigit() else 1.0 if n == "single" else numbers.word_value(n)
        if amount is not None:
            return i + 1, duration_value(amount, m[2].lower())
    num = number(toks, i)
    if num is not None:
        n, k = num
        if low(toks, k) in ("more", "straight", "consecutive", "successive") and low(toks, k + 1) in vocab.TIMEX_UNITS:
            k += 1  # "two more weeks", "six straight days"
        unit = low(toks, k)
        if unit not in vocab.TIMEX_UNITS:
            return None
        if t.lower in ("a", "an") and k == i + 1 and unit.endswith("s"):
            return None
        if unit == "second" and k + 1 < len(toks) and toks[k + 1].tag.startswith(("NN", "JJ")):
            return None  # the ordinal: "a second round"
        if low(toks, k + 1) == "ago" or (low(toks, k + 1) in ("earlier", "later") and unit not in vocab.CLOCK_UNITS):
            return None  # a date: "two days ago", "a year earlier"; "an hour later" stays a duration
        if low(toks, k + 1) == "old":
            return None  # an age ("52 years old"): the quantities layer's, as TimeBank leaves it
        if n is not None and float(n).is_integer() and [low(toks, x) for x in range(k + 1, k + 4)] == ["and", "a", "half"]:
            return k + 4, duration_value(n + 0.5, unit)  # "a year and a half"
        return k + 1, duration_value(n, unit)
    if t.lower in vocab.TIMEX_UNITS and t.lower.endswith("s") and t.lower not in ("seconds", "minutes"):
        prev = low(toks, i - 1)
        night = t.lower == "hours" and prev in {"early", "small", "wee"}  # "the early hours": a time of night
        if prev not in {"the", "these", "those", "this", "that", "its", "their", "his", "her", "our", "of"} and not prev.isdigit() and not night:
            return i + 1, duration_value(None, t.lower)
    return None


#: Duration modifiers by first word, longest first: {"more": [(["more", "than"], "MORE_THAN")]}.
MODS_BY_FIRST: dict[str, list[tuple[list[str], str]]] = {}
for _words, _mod in sorted(vocab.TIMEX_MODS.items(), key=lambda kv: -len(kv[0].split())):
    MODS_BY_FIRST.setdefault(_words.split()[0], []).append((_words.split(), _mod))
