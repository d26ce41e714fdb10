"""Recognition: the rules that find temporal expressions, in the order they are tried.

Each rule looks at the tokens of a sentence from position ``i`` and returns a :class:`Match`
(token range, TIMEX3 type, mod) whose value is *underspecified*: a :class:`Spec` that says
what the text gives (``weekday 4, past tense``; ``3 years ago``; ``2019``) and leaves the
calendar to the resolver (``helpers.timeline.resolve``), which knows the anchor date. As in
HeidelTime, rules and resolution are kept apart, so a rule can be read, and tested, on its
own.

Each rule carries its examples (``sentence | extent | TYPE | value [| MOD]`` for an
article dated Thursday 2025-08-14); the test suite runs every one of them.

Extents follow TimeML: a leading preposition and a possessive ``’s`` are outside, a modifier
(``nearly``, ``last``, ``mid-``) inside. Tense for a bare weekday or month comes from its
clause: a future cue (``will``, ``would``, ``due``, ``next``) or the nearest verb's tag.
"""

from __future__ import annotations

import datetime as dt
import re

from .. import numbers, vocab
from ..records import Token
from . import words as w
from .calendar import duration_value
from .grammar import EXAMPLE_ANCHOR, RULES, Match, Rule, Spec, fixed, recognize, rule  # noqa: F401
from .words import CLOCK, DECADE, ISO, MERIDIEM, MODS_BY_FIRST, PART_MONTH, PART_YEAR, PREPOSITIONS

# ---------------------------------------------------------------- the rules, in order


@rule("Talks are now under way.|now|DATE|PRESENT_REF",
      "Few people write letters these days.|these days|DATE|PRESENT_REF",
      "Rates may stay low in the near term.|the near term|DATE|FUTURE_REF",
      "Prices fell recently.|recently|DATE|PAST_REF",
      "Such deals failed in the past.|the past|DATE|PAST_REF",
      "Rates will rise in the near future.|the near future|DATE|FUTURE_REF",
      "Now that talks resumed, prices rose.|Now|DATE|PRESENT_REF",
      "Now, the harder part begins.|||",
      "The current system works well.|current|DATE|PRESENT_REF",
      "The current account deficit widened.|||")
def reference(toks, i):
    """``now``, ``currently``, ``recently``, ``the past``, ``the future``: TimeML's
    PRESENT_REF, PAST_REF and FUTURE_REF; ``now that`` too, as TimeBank tags it (3 of 3), but
    not ``Now,`` opening a sentence (a discourse marker) nor ``the past week`` (a period)."""
    for words, value in sorted(vocab.REFERENCES.items(), key=lambda kv: -len(kv[0])):
        if tuple(t.lower for t in toks[i : i + len(words)]) == words:
            after = w.low(toks, i + len(words))
            if after in ("fiscal", "period", "account", "accounts") or after in vocab.TIMEX_UNITS or after in vocab.PERIODS or w.number(toks, i + len(words)):
                return None  # "the current fiscal year", "the current account"
            if i == 0 and words == ("now",) and after == ",":
                return None  # "Now, …" opening a sentence: a discourse marker, as TimeBank leaves it (0 of 3)
            return Match(i, i + len(words), "DATE", fixed(value))
    return None


@rule("Talks stalled in recent weeks.|recent weeks|DATE|PAST_REF",
      "Prices may fall in the coming months.|the coming months|DATE|FUTURE_REF",
      "The years ahead are going to be exciting.|The years ahead|DATE|FUTURE_REF",
      "Investors may sell in the weeks ahead.|the weeks ahead|DATE|FUTURE_REF",
      "In the days ahead of the vote, talks stalled.|||")
def vague_period(toks, i):
    """``recent weeks``, ``the coming months``, ``the weeks ahead``: the past or the future,
    vaguely."""
    unit = w.low(toks, i + 1)
    if toks[i].lower == "the" and unit in vocab.TIMEX_UNITS and unit.endswith("s") and w.low(toks, i + 2) == "ahead" \
            and w.low(toks, i + 3) != "of":  # "the days ahead of the vote": before it
        return Match(i, i + 3, "DATE", fixed("FUTURE_REF"))
    k = i + 1 if toks[i].lower == "the" else i
    value = vocab.VAGUE_PERIOD_REFS.get(w.low(toks, k))
    unit = w.low(toks, k + 1)
    if value is None or unit not in vocab.TIMEX_UNITS or not unit.endswith("s"):
        return None
    return Match(i, k + 2, "DATE", fixed(value))


@rule("Profit rose in the third quarter.|the third quarter|DATE|2025-Q3",
      "Third-quarter sales fell.|Third-quarter|DATE|2025-Q3",
      "Sales rose 4% in the second quarter of 2024.|the second quarter of 2024|DATE|2024-Q2",
      "Net income fell in the quarter.|the quarter|DATE|2025-Q2",
      "It earned $2 in the year-earlier quarter.|the year-earlier quarter|DATE|2024-Q2",
      "Profit rose in the third quarter; in the 2024 period it fell.|the 2024 period|DATE|2024-Q3",
      "The change takes effect in next year's first quarter.|next year's first quarter|DATE|2026-Q1",
      "Profit rose in the third quarter; last year's quarter was weaker.|last year's quarter|DATE|2024-Q3",
      "Profit rose in the third quarter, against a year-earlier loss.|year-earlier|DATE|2024-Q3",
      "Profit rose in the second quarter; the current quarter began well.|the current quarter|DATE|2025-Q3",
      "Sales fell 59% in the latest quarter.|the latest quarter|DATE|2025-Q2")
def quarter(toks, i):
    """A quarter of a year: numbered (``the third quarter``, ``third-quarter``), or the one
    under discussion (``the quarter``, ``the year-earlier quarter``), which the anchoring
    step resolves from the last quarter the text named; ``the current quarter`` is the one
    in progress, ``the latest quarter`` the last one ended before the article."""
    k = i + 1 if toks[i].lower == "the" else i
    year = shift = None
    if (y := w.year(toks[k]) if k < len(toks) else None) is not None:
        year, k = y, k + 1  # "the 1988 third quarter"
    elif k == i and (shift := vocab.DEICTIC.get(toks[i].lower)) is not None and w.low(toks, i + 1) == "year" \
            and w.low(toks, i + 2) in ("'s", "’s"):
        k = i + 3  # "next year's first quarter", "last year's quarter"
    else:
        shift = None
    word = w.low(toks, k)
    n = vocab.QUARTER_ORDINALS.get(word.removesuffix("-quarter"))
    if n is not None and (word.endswith("-quarter") or w.low(toks, k + 1) == "quarter"):
        j = k + 1 if word.endswith("-quarter") else k + 2
        if w.low(toks, j) == "of" and (y := w.year(toks[j + 1]) if j + 1 < len(toks) else None) is not None:
            year, j = y, j + 2
        if shift is not None:
            return Match(i, j, "DATE", Spec("quarter_of", (n, None, shift)))
        return Match(i, j, "DATE", Spec("quarter", (n, year, w.tense(toks, i, j))))
    if word in ("quarter", "period") and (shift is not None or (year is not None and toks[i].lower == "the")):
        # the quarter under discussion, in the year named: "last year's quarter", "the 1988 quarter"
        return Match(i, k + 1, "DATE", Spec("quarter_of", (None, year, shift or 0)))
    if word == "current" and w.low(toks, k + 1) == "quarter":
        return Match(i, k + 2, "DATE", Spec("period", ("quarter", 0)))  # the quarter in progress
    if word == "latest" and w.low(toks, k + 1) == "quarter":
        return Match(i, k + 2, "DATE", Spec("period", ("quarter", -1)))  # the last one ended
    if word in vocab.CONTEXT_QUARTER and w.low(toks, k + 1) in ("quarter", "period") and (k > i or word != "the"):
        return Match(i, k + 2, "DATE", Spec("context_quarter", (vocab.CONTEXT_QUARTER[word],)))
    if toks[i].lower == "the" and word in ("quarter",):
        return Match(i, k + 1, "DATE", Spec("context_quarter", (0,)))
    nxt = w.low(toks, k + 1)
    if k == i and word in ("year-earlier", "year-ago") and nxt not in vocab.TIMEX_UNITS and not w.number(toks, k + 1):
        return Match(i, k + 1, "DATE", Spec("context_quarter", (-1,)))  # "year-earlier profit"
    return None


@rule("He was freed on 3 May and left the country that same day.|that same day|DATE|2025-05-03",
      "She moved in 2019 and married later that year.|later that year|DATE|2019|END",
      "The firm was sold in 2019; the following year it closed.|the following year|DATE|2020",
      "Talks failed in March 2024. The following month they resumed.|The following month|DATE|2024-04",
      "He came home on 2 June. Earlier that day, police had raided the house.|Earlier that day|DATE|2025-06-02|START",
      "Traders who sold that day lost money.|||",
      "Exports fell in March 2024; the previous month they had risen.|the previous month|DATE|2024-02",
      "The mill opened in 1952, and the following decade it doubled.|the following decade|DATE|196",
      "The church was rebuilt in 1905; the previous century it had burned.|the previous century|DATE|18")
def anaphoric(toks, i):
    """``that day``, ``the same year``, ``the following month``, ``the previous week``: a
    period counted from the date under discussion (the last one the text named, resolved in
    the anchoring step; else the article's date), as TimeML anchors them."""
    mod = {"earlier": "START", "later": "END"}.get(toks[i].lower)
    k = i + 1 if mod else i
    first, second = w.low(toks, k), w.low(toks, k + 1)
    shift = None
    if first == "that" and second == "same":
        shift, k = 0, k + 2
    elif first == "that":
        shift, k = 0, k + 1
    elif first == "the" and second in ("same", "following", "previous", "preceding"):
        shift, k = {"same": 0, "following": 1, "previous": -1, "preceding": -1}[second], k + 2
    unit = w.low(toks, k)
    if shift is None or unit not in ("day", "week", "month", "year", "decade", "century"):
        return None
    if first == "that" and second != "same" and not mod and unit in ("day", "week"):
        return None  # "trades made that day": a day of a kind, not a date
    return Match(i, k + 1, "DATE", Spec("anaphoric", (unit, shift)), mod)


@rule("It rained over the past week.|the past week|DURATION|P1W",
      "Prices rose in the last two weeks.|the last two weeks|DURATION|P2W",
      "He will decide in the next three months.|the next three months|DURATION|P3M",
      "Prices may rise over the next couple of years.|the next couple of years|DURATION|P2Y",
      "Output doubled in the last decade.|the last decade|DATE|201")
def determined_period(toks, i):
    """``the`` before a deictic period or duration belongs to its extent, as in TimeML."""
    if toks[i].lower != "the":
        return None
    for find in (deictic_duration, deictic_period):
        if (m := find(toks, i + 1)) is not None:
            return Match(i, m.j, m.type, m.spec, m.mod)
    return None


@rule("The war has lasted nearly 11 years.|nearly 11 years|DURATION|P11Y|LESS_THAN",
      "They talked for more than two hours.|more than two hours|DURATION|PT2H|MORE_THAN",
      "The plant closed nearly four years ago.|nearly four years ago|DATE|2021|APPROX",
      "Appeals are due in no more than 60 days.|no more than 60 days|DURATION|P60D|EQUAL_OR_LESS",
      "He was declared dead over an hour later.|over an hour|DURATION|PT1H|MORE_THAN",
      "The crown has rested there for almost a hundred years.|almost a hundred years|DURATION|P100Y|LESS_THAN")
def modified_duration(toks, i):
    for parts, mod in MODS_BY_FIRST.get(toks[i].lower, ()):
        if [x.lower for x in toks[i : i + len(parts)]] != parts:
            continue
        if (d := w.duration_at(toks, i + len(parts))) is not None:
            return Match(i, d[0], "DURATION", fixed(d[1]), mod)
        if (a := ago(toks, i + len(parts))) is not None:  # "nearly four years ago"
            return Match(i, a.j, a.type, a.spec, "APPROX")
    return None


@rule("The summit is held every four years.|every four years|SET|P4Y",
      "They meet every Monday.|every Monday|SET|XXXX-WXX-1",
      "The fair opens each July.|each July|SET|XXXX-07",
      "It pays $100 million in interest every quarter.|every quarter|SET|P1Q",
      "He was arrested in each of the last three years.|each of the last three years|SET|P1Y",
      "He runs every morning.|every morning|SET|XXXX-XX-XXTMO",
      "The river floods each spring.|each spring|SET|XXXX-SP")
def every(toks, i):
    if toks[i].lower not in ("every", "each"):
        return None
    if w.low(toks, i + 1) == "of" and (m := determined_period(toks, i + 2)) is not None and m.type == "DURATION":
        unit = w.low(toks, m.j - 1)  # "each of the last three years": every one of them
        return Match(i, m.j, "SET", fixed(duration_value(1, unit))) if unit in vocab.TIMEX_UNITS else None
    num = w.number(toks, i + 1)
    k, n = (num[1], num[0]) if num and num[0] is not None else (i + 1, 1)
    if w.low(toks, k) in vocab.TIMEX_UNITS:
        return Match(i, k + 1, "SET", fixed(duration_value(n, toks[k].lower)))
    if w.low(toks, k) == "quarter" and n == 1:
        return Match(i, k + 1, "SET", fixed("P1Q"))  # "every quarter"
    if w.low(toks, k) in vocab.WEEKDAYS:
        return Match(i, k + 1, "SET", fixed(f"XXXX-WXX-{vocab.WEEKDAYS[toks[k].lower] + 1}"))
    if n == 1 and w.low(toks, k) in ("morning", "afternoon", "evening", "night"):
        return Match(i, k + 1, "SET", fixed("XXXX-XX-XX" + vocab.PARTS_OF_DAY[toks[k].lower]))  # "every morning"
    if n == 1 and w.low(toks, k) in vocab.SEASONS:
        return Match(i, k + 1, "SET", fixed("XXXX-" + vocab.SEASONS[toks[k].lower]))  # "each summer"
    if k < len(toks) and (mo := w.month(toks[k])) is not None:
        return Match(i, k + 1, "SET", fixed(f"XXXX-{mo:02d}"))
    return None


@rule("The report is published annually.|annually|SET|P1Y",
      "Average hourly earnings rose 4%.|hourly|SET|PT1H",
      "The Communist Party daily Granma said so.|||")
def frequency_adverb(toks, i):
    value = vocab.SET_ADVERBS.get(toks[i].lower)
    if value and i + 1 < len(toks) and toks[i + 1].tag == "NNP" and i > 0 and toks[i - 1].is_cap:
        return None  # a newspaper's name after its owner: "the Communist Party daily Granma"
    return Match(i, i + 1, "SET", fixed(value)) if value else None


@rule("Prices rose in mid-2024.|mid-2024|DATE|2024|MID",
      "It aims for half the market by the mid-1990s.|the mid-1990s|DATE|199|MID",
      "The house approved it in early October this year.|early October this year|DATE|2025-10|START",
      "Talks began in early 2023.|early 2023|DATE|2023|START",
      "It ended in late June.|late June|DATE|2025-06|END",
      "Talks resumed in mid-July.|mid-July|DATE|2025-07|MID",
      "Prices fell in late-November 2019.|late-November 2019|DATE|2019-11|END",
      "Inflation soared in the late 1970s.|the late 1970s|DATE|197|END")
def part_of_period(toks, i):
    if (m := PART_YEAR.fullmatch(toks[i].text)) and numbers.is_year(m[2]):
        return Match(i, i + 1, "DATE", fixed(m[2]), vocab.PART_MODS[m[1].lower()])
    if (m := re.fullmatch(r"(early|mid|late)-(.+)", toks[i].text, re.I)) and (d := DECADE.fullmatch(m[2].lower())):
        begin = i - 1 if w.low(toks, i - 1) == "the" else i  # "the mid-1990s"
        return Match(begin, i + 1, "DATE", fixed(d[1]), vocab.PART_MODS[m[1].lower()])
    if (m := PART_MONTH.fullmatch(toks[i].text)) and (mo := vocab.MONTHS.get(m[2].lower())):
        if i + 1 < len(toks) and (y := w.year(toks[i + 1])) is not None:
            return Match(i, i + 2, "DATE", fixed(f"{y:04d}-{mo:02d}"), vocab.PART_MODS[m[1].lower()])
        return Match(i, i + 1, "DATE", Spec("month", (mo, w.tense(toks, i, i + 1))), vocab.PART_MODS[m[1].lower()])
    mod = vocab.PART_MODS.get(toks[i].lower)
    if mod is None or i + 1 >= len(toks):
        return None
    if (y := w.year(toks[i + 1])) is not None:
        return Match(i, i + 2, "DATE", fixed(f"{y:04d}"), mod)
    if (d := DECADE.fullmatch(toks[i + 1].lower)) is not None:
        begin = i - 1 if w.low(toks, i - 1) == "the" else i
        return Match(begin, i + 2, "DATE", fixed(d[1]), mod)
    if (mo := w.month(toks[i + 1])) is not None:
        if i + 2 < len(toks) and (y := w.year(toks[i + 2])) is not None:
            return Match(i, i + 3, "DATE", fixed(f"{y:04d}-{mo:02d}"), mod)
        if (shift := vocab.DEICTIC.get(w.low(toks, i + 2))) is not None and w.low(toks, i + 3) == "year":
            return Match(i, i + 4, "DATE", Spec("month_of_year", (mo, shift)), mod)  # "early October this year"
        return Match(i, i + 2, "DATE", Spec("month", (mo, w.tense(toks, i, i + 2))), mod)
    return None


@rule("Sales fell earlier this year.|earlier this year|DATE|2025|START",
      "He will return later this month.|later this month|DATE|2025-08|AFTER")
def earlier_later(toks, i):
    mod = vocab.RELATIVE_MODS.get(toks[i].lower)
    offset = vocab.DEICTIC.get(w.low(toks, i + 1))
    if mod and offset is not None and w.low(toks, i + 2) in vocab.PERIODS:
        return Match(i, i + 3, "DATE", Spec("period", (toks[i + 2].lower, offset)), mod)
    return None


def deictic_duration(toks, i):
    """``past|last|next|coming|previous`` + a number of units: a duration (``the last two
    weeks``), reached through ``determined_period``."""
    if toks[i].lower not in ("past", "last", "next", "coming", "previous", "first"):
        return None
    d = w.duration_at(toks, i + 1)
    if d is None or w.number(toks, i + 1) is None:
        return None
    return Match(i, d[0], "DURATION", fixed(d[1]))


@rule("Talks continue this week.|this week|DATE|2025-W33",
      "The vote was held last year.|last year|DATE|2024",
      "Sales rose this past week.|past week|DURATION|P1W",
      "Baker said on ABC's This Week that talks would go on.|||")
def deictic_period(toks, i):
    low, nxt = toks[i].lower, w.low(toks, i + 1)
    if low not in vocab.DEICTIC or nxt not in vocab.PERIODS:
        return None
    if i > 0 and toks[i].is_cap and toks[i + 1].is_cap:
        return None  # a title inside a sentence: ABC's "This Week"
    if low == "past":
        value = duration_value(1, nxt) if nxt in vocab.TIMEX_UNITS else f"P1{vocab.SEASONS.get(nxt, 'Y')}"
        return Match(i, i + 2, "DURATION", fixed(value))
    return Match(i, i + 2, "DATE", Spec("period", (nxt, vocab.DEICTIC[low])))


@rule("Officials met over the weekend.|the weekend|DATE|2025-W32-WE",
      "Officials will meet at the weekend.|the weekend|DATE|2025-W33-WE")
def the_weekend(toks, i):
    """``the weekend``: the one the tense points to (the last one for a past verb)."""
    if toks[i].lower == "the" and w.low(toks, i + 1) == "weekend":
        return Match(i, i + 2, "DATE", Spec("weekend", (w.tense(toks, i, i + 2),)))
    return None


@rule("They met last Monday.|last Monday|DATE|2025-08-11",
      "They met last Thursday.|last Thursday|DATE|2025-08-07",
      "They meet next Monday.|next Monday|DATE|2025-08-18",
      "Sales peaked last September.|last September|DATE|2024-09",
      "He was shot last Oct. 23 at his home.|last Oct. 23|DATE|2024-10-23")
def deictic_weekday(toks, i):
    low, nxt = toks[i].lower, w.low(toks, i + 1)
    if low in ("last", "next", "this") and i + 1 < len(toks) and (mo := w.month(toks[i + 1])) is not None:
        forced = w.FORCED_TENSE[low]  # "last February"
        if (d := month_first(toks, i + 1)) is not None and d.spec.kind == "daymonth" and d.spec.args[3] is None:
            return Match(i, d.j, "DATE", Spec("daymonth", (mo, d.spec.args[1], forced, None)))  # "last Oct. 23"
        return Match(i, i + 2, "DATE", Spec("month", (mo, forced)))
    if low not in vocab.DEICTIC or nxt not in vocab.WEEKDAYS:
        return None
    t = {"last": "last", "next": "future", "coming": "future"}.get(low) or w.tense(toks, i, i + 2)
    return Match(i, i + 2, "DATE", Spec("next_weekday" if low == "next" else "weekday", (vocab.WEEKDAYS[nxt], t, "")))


@rule("Sales rose 4% from a year earlier.|a year earlier|DATE|2024",
      "He was freed on 3 May and left two days later.|two days later|DATE|2025-05-05")
def offset(toks, i):
    """``a year earlier``, ``two days later``: a date counted from the date under discussion
    (the last one the text named, resolved in the anchoring step; else the anchor)."""
    num = w.number(toks, i)
    if num is None or num[0] is None or w.low(toks, num[1]) not in vocab.TIMEX_UNITS:
        return None
    sign = {"earlier": -1, "later": 1}.get(w.low(toks, num[1] + 1))
    unit = toks[num[1]].lower
    if sign is None or (vocab.TIMEX_UNITS[unit] not in ("D", "W", "Y") and not unit.startswith("month")):
        return None
    return Match(i, num[1] + 2, "DATE", Spec("offset", (int(num[0]) * sign, unit)))


@rule("He resigned two days ago.|two days ago|DATE|2025-08-12",
      "It opened three years ago.|three years ago|DATE|2022",
      "The mine closed several years ago.|several years ago|DATE|PAST_REF")
def ago(toks, i):
    num = w.number(toks, i)
    if num is None and toks[i].lower in vocab.TIMEX_UNITS and w.low(toks, i + 1) == "ago":
        num = (None, i)  # "years ago"
    if num is None or w.low(toks, num[1]) not in vocab.TIMEX_UNITS or w.low(toks, num[1] + 1) != "ago":
        return None
    if num[0] is None:
        return Match(i, num[1] + 2, "DATE", fixed("PAST_REF"))  # "several years ago": the past, vaguely
    unit = toks[num[1]].lower
    if vocab.TIMEX_UNITS[unit] not in ("D", "W", "Y", "DE") and not unit.startswith("month"):
        return None  # "two hours ago": no calendar value at the unit's granularity
    return Match(i, num[1] + 2, "DATE", Spec("ago", (int(num[0]), toks[num[1]].lower)))


@rule("Polls open at 11 a.m. on the day.|11 a.m.|TIME|2025-08-14T11:00",
      "The call starts at 10:30 pm.|10:30 pm|TIME|2025-08-14T22:30",
      "Polls close at 8 p.m.|8 p.m.|TIME|2025-08-14T20:00",
      "The vote ended at 10 p.m. Tuesday.|10 p.m. Tuesday|TIME|2025-08-12T22:00",
      "The offer expires at 5 p.m. EST, Sept. 6.|5 p.m. EST, Sept. 6|TIME|2025-09-06T17:00")
def clock_time(toks, i):
    m, nxt = CLOCK.fullmatch(toks[i].lower), w.low(toks, i + 1)
    if not m or nxt not in MERIDIEM:
        return None
    hour = int(m[1]) % 12 + (12 if nxt.startswith("p") else 0)
    # "a.m." at a sentence's end is tokenized "a.m" + "."; the full stop belongs to both
    end = i + 3 if nxt in ("a.m", "p.m") and w.low(toks, i + 2) == "." else i + 2
    suffix = f"T{hour:02d}:{m[2] or '00'}"
    k = end + 1 if end < len(toks) and toks[end].text in w.TIME_ZONES else end  # "5 p.m. EST"
    k = k + 1 if w.low(toks, k) == "," else k
    if w.low(toks, k) in vocab.WEEKDAYS and toks[k].is_cap:  # "10 p.m. Wednesday"
        wd = vocab.WEEKDAYS[toks[k].lower]
        return Match(i, k + 1, "TIME", Spec("weekday", (wd, w.tense(toks, i, k + 1), suffix)))
    if k < len(toks) and (d := month_first(toks, k)) is not None and d.spec.kind == "daymonth":
        return Match(i, d.j, "TIME", Spec("clock_on", (d.spec.args, suffix)))  # "5 p.m. EST, Nov. 6"
    return Match(i, end, "TIME", Spec("clock", (suffix,)))


@rule("The truce held for 48 hours.|48 hours|DURATION|PT48H",
      "A one-day visit ended.|one-day|DURATION|P1D",
      "After weeks of talks, they agreed.|weeks|DURATION|PXW",
      "They lived in camps for 2 1/2 years.|2 1/2 years|DURATION|P2Y6M",
      "The flight took 5 ½ hours.|5 ½ hours|DURATION|PT5H30M",
      "The talks lasted a year and a half.|a year and a half|DURATION|P1Y6M",
      "She waited two and a half days.|two and a half days|DURATION|P2DT12H",
      "The strike may last two more weeks.|two more weeks|DURATION|P2W",
      "It will not change for a couple of years.|a couple of years|DURATION|P2Y",
      "He stayed a few days.|a few days|DURATION|PXD",
      "Mr. Reupke, 52 years old, resigned.|||",
      "He said on CBS's 60 Minutes that he would stay.|||",
      "The plan saves $500 million a year.|a year|SET|P1Y",
      "Islam will one day be the largest religion.|one day|DATE|FUTURE_REF",
      "The airline adds 700 seats a week.|a week|SET|P1W")
def duration(toks, i):
    d = w.duration_at(toks, i)
    if d and i > 0 and toks[d[0] - 1].is_cap and toks[d[0] - 1].lower in vocab.TIMEX_UNITS:
        return None  # a capitalised unit inside a sentence is a title: CBS's "60 Minutes"
    if d and d[0] == i + 2 and toks[i].lower in ("a", "an", "per") and w.after_amount(toks, i):
        return Match(i, d[0], "SET", fixed(d[1]))  # a rate: "$500 million a year", "700 seats a week"
    if d and d[0] == i + 2 and toks[i].lower == "one" and d[1] == "P1D" and w.low(toks, i - 1) in w.MODALS:
        return Match(i, d[0], "DATE", fixed("FUTURE_REF"))  # "will one day be": some day to come
    return Match(i, d[0], "DURATION", fixed(d[1])) if d else None


@rule("Families gathered on Thanksgiving Day.|Thanksgiving Day|DATE|2024-11-28",
      "Voters go to the polls on Election Day.|Election Day|DATE|2025-11-04",
      "Protesters marched on Christmas Eve 2019.|Christmas Eve 2019|DATE|2019-12-24",
      "Pilgrims arrived in Easter week.|Easter week|DATE|2025-W16",
      "Sales rose after last Christmas.|last Christmas|DATE|2024-12-25",
      "He will speak on Labor Day.|Labor Day|DATE|2025-09-01",
      "Markets closed for Martin Luther King Jr. Day.|Martin Luther King Jr. Day|DATE|2025-01-20",
      "Workers marched on May Day.|May Day|DATE|2025-05-01")
def named_day(toks, i):
    """A holiday named in ``holidays.csv``, in the year given (``Christmas 2019``), else the
    year the tense (or ``last``/``next``) points to."""
    forced = w.FORCED_TENSE.get(toks[i].lower)
    k = i + 1 if forced else i
    if k >= len(toks) or not toks[k].is_cap or vocab.holiday_key([toks[k].text]) not in vocab.HOLIDAY_FIRST_WORDS:
        return None
    for n in range(5, 0, -1):
        found = vocab.HOLIDAYS.get(vocab.holiday_key(t.text for t in toks[k : k + n])) if k + n <= len(toks) else None
        if found is None:
            continue
        j, year = k + n, None
        if j < len(toks) and (y := w.year(toks[j])) is not None:
            j, year = j + 1, y
        tense = forced or ("" if year else w.tense(toks, i, j))
        return Match(i, j, "DATE", Spec("holiday", (*found, tense, year)))
    return None


@rule("It began on 2025-08-14.|2025-08-14|DATE|2025-08-14")
def iso_date(toks, i):
    m = ISO.fullmatch(toks[i].lower)
    if not m:
        return None
    value = "-".join(m.groups())
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return None
    return Match(i, i + 1, "DATE", fixed(value))


@rule("It began on 14 August 2025.|14 August 2025|DATE|2025-08-14",
      "The deadline was 3 August.|3 August|DATE|2025-08-03")
def day_month(toks, i):
    day = w.day(toks[i])
    mo = w.month(toks[i + 1]) if day is not None and i + 1 < len(toks) else None
    if mo is None:
        return None
    if i + 2 < len(toks) and (y := w.year(toks[i + 2])) is not None:
        return Match(i, i + 3, "DATE", Spec("daymonth", (mo, day, "", y)))
    return Match(i, i + 2, "DATE", Spec("daymonth", (mo, day, w.tense(toks, i, i + 2), None)))


@rule("It began on August 14, 2025.|August 14, 2025|DATE|2025-08-14",
      "The show ran from May to July 2010.|May|DATE|2010-05",
      "Sales fell between March and June 2009.|March|DATE|2009-03",
      "The strike lasted from Oct. 3 to Nov. 2, 2019.|Oct. 3|DATE|2019-10-03",
      "The fair runs from March 3 to 5, 2027.|March 3|DATE|2027-03-03",
      "He left in May and came back in July 2010.|May|DATE|2025-05",
      "The invasion in February 2022 changed everything.|February 2022|DATE|2022-02",
      "Talks began in March.|March|DATE|2025-03",
      "He was arrested in June last year.|June last year|DATE|2024-06",
      "In December, the firm received an offer.|December|DATE|2024-12",
      "A bomb hit a clinic in January nineteen ninety-seven.|January nineteen ninety-seven|DATE|1997-01",
      "Talks resume in Sept. 3.|Sept. 3|DATE|2025-09-03",
      "Foreign Minister Jan Kavan signed the treaty.|||",
      "The offer was extended to Sept. 3.|Sept. 3|DATE|2025-09-03",
      "Protesters joined the annual March for Life.|||",
      "She led the ``March of the Mothers'' rally.|||")
def month_first(toks, i):
    mo = w.month(toks[i])
    if mo is None:
        return None
    k = i + 2 if w.low(toks, i + 1) == "." else i + 1
    if k < len(toks) and (day := w.day(toks[k])) is not None and w.low(toks, k + 1) not in vocab.TIMEX_UNITS:
        if w.low(toks, k + 1) == "," and k + 2 < len(toks) and (y := w.year(toks[k + 2])) is not None:
            return Match(i, k + 3, "DATE", Spec("daymonth", (mo, day, "", y)))
        if k + 1 < len(toks) and (y := w.year(toks[k + 1])) is not None:
            return Match(i, k + 2, "DATE", Spec("daymonth", (mo, day, "", y)))
        if (y := rules_news.range_year(toks, k + 1)) is not None:  # "March 3 to 5, 2027", "Oct. 3 to Nov. 2, 2019"
            return Match(i, k + 1, "DATE", Spec("daymonth", (mo, day, "", y)))
        return Match(i, k + 1, "DATE", Spec("daymonth", (mo, day, w.tense(toks, i, k + 1), None)))
    if k < len(toks) and (y := w.year(toks[k])) is not None:
        return Match(i, k + 1, "DATE", fixed(f"{y:04d}-{mo:02d}"))
    if (y := rules_news.range_year(toks, k)) is not None:  # "from May to July 2010": May of 2010
        return Match(i, k, "DATE", fixed(f"{y:04d}-{mo:02d}"))
    if (said := w.spoken_year(toks, k)) is not None:  # "January nineteen ninety-seven"
        return Match(i, said[1], "DATE", fixed(f"{said[0]:04d}-{mo:02d}"))
    if (shift := vocab.DEICTIC.get(w.low(toks, k))) is not None and w.low(toks, k + 1) == "year":
        return Match(i, k + 2, "DATE", Spec("month_of_year", (mo, shift)))  # "June last year"
    if toks[i].lower == "may" and (i == 0 or toks[i - 1].lower not in PREPOSITIONS):
        return None  # the modal verb or the name, not the month
    named = w.low(toks, i - 1) in ("the", "``", '"', "“") or (i > 0 and toks[i - 1].tag == "JJ")
    if toks[i].lower == "march" and w.low(toks, i + 1) in ("for", "of", "on", "to") and named:
        return None  # "the annual March for Life": a march, not the month
    if toks[i].lower in vocab.MONTH_ABBREVIATIONS and toks[i].lower not in vocab.MONTHS:
        return None  # "Jan" with no day or year after it and no full stop: a name (Jan Kavan)
    if i == 0 and toks[i].lower.rstrip(".") in vocab.MONTH_ABBREVIATIONS:
        return None
    return Match(i, i + 1, "DATE", Spec("month", (mo, w.tense(toks, i, i + 1))))


@rule("They met on Friday.|Friday|DATE|2025-08-08",
      "Leaders will meet on Friday.|Friday|DATE|2025-08-15",
      "Voting ends Saturday morning.|Saturday morning|TIME|2025-08-16TMO",
      "It said on Saturday, April 25, that it would sell.|Saturday, April 25|DATE|2025-04-25",
      "A bomb went off next to the embassy Friday.|Friday|DATE|2025-08-08",
      "On Friday, she set aside her holiday plans.|Friday|DATE|2025-08-08",
      "Until Tuesday, the police had not named him.|Tuesday|DATE|2025-08-12",
      "The offer is set to expire on Friday.|Friday|DATE|2025-08-15")
def weekday(toks, i):
    low = toks[i].lower
    if low not in vocab.WEEKDAYS or not toks[i].is_cap:
        return None
    k = i + 2 if w.low(toks, i + 1) == "," else i + 1
    if (d := month_first(toks, k) if k < len(toks) else None) is not None and d.spec.kind == "daymonth":
        return Match(i, d.j, "DATE", d.spec)  # "Saturday, April 25": the date names the day
    part = _part_of_day(toks, i + 1)
    # "Wednesday's ruling": an event the clause's verb does not date (``would look for ways
    # around Wednesday's ruling``), so the nearest such day
    t = "present" if w.low(toks, i + 1) in ("'s", "’s") else w.tense(toks, i, i + 1)
    if part:
        return Match(i, i + 2, "TIME", Spec("weekday", (vocab.WEEKDAYS[low], t, part)))
    return Match(i, i + 1, "DATE", Spec("weekday", (vocab.WEEKDAYS[low], t, "")))


def _part_of_day(toks: list[Token], k: int) -> str:
    nxt = w.low(toks, k)
    return vocab.PARTS_OF_DAY[nxt] if nxt in vocab.PARTS_OF_DAY and nxt not in ("tonight", "overnight") else ""


@rule("The talks resume tomorrow.|tomorrow|DATE|2025-08-15",
      "He spoke yesterday evening.|yesterday evening|TIME|2025-08-13TEV",
      "CBS first reported it last night.|last night|TIME|2025-08-13TNI",
      "The offer ran in today's editions.|today|DATE|2025-08-14",
      "The case matters for today's youth.|||")
def relative_day(toks, i):
    """``tomorrow``, ``yesterday evening``, ``last night``; not ``today's`` before a noun
    for people or things in general (``today's youth``, ``today's world``), which names no
    day, as TimeBank leaves it (0 of 3)."""
    offset = vocab.RELATIVE_DAYS.get(toks[i].lower)
    if w.low(toks, i + 1) in ("'s", "’s") and any(w.low(toks, k) in vocab.GENERIC_NOW_NOUNS for k in (i + 2, i + 3)):
        return None
    if toks[i].lower == "last" and w.low(toks, i + 1) == "night":
        return Match(i, i + 2, "TIME", Spec("relday", (-1, "TNI")))
    if offset is None:
        return None
    part = _part_of_day(toks, i + 1)
    return Match(i, i + 2 if part else i + 1, "TIME" if part else "DATE", Spec("relday", (offset, part)))


@rule("Strikes hit the city overnight.|overnight|TIME|2025-08-14TNI",
      "Talks broke off at noon Tuesday.|noon Tuesday|TIME|2025-08-12T12:00",
      "He will speak this morning.|this morning|TIME|2025-08-14TMO",
      "For Poland, high noon comes today.|today|DATE|2025-08-14")
def part_of_today(toks, i):
    low = toks[i].lower
    if low in ("midnight", "noon", "midday") and w.low(toks, i + 1) in vocab.WEEKDAYS and toks[i + 1].is_cap:
        wd = vocab.WEEKDAYS[toks[i + 1].lower]  # "noon Thursday"
        return Match(i, i + 2, "TIME", Spec("weekday", (wd, w.tense(toks, i, i + 2), vocab.PARTS_OF_DAY[low])))
    if low == "noon" and w.low(toks, i - 1) == "high":
        return None  # "high noon": a showdown, not a time
    if low in ("tonight", "overnight", "midnight", "noon", "midday"):
        return Match(i, i + 1, "TIME", Spec("dayof", (vocab.PARTS_OF_DAY[low],)))
    nxt = w.low(toks, i + 1)
    if low == "this" and nxt in ("morning", "afternoon", "evening"):
        return Match(i, i + 2, "TIME", Spec("dayof", (vocab.PARTS_OF_DAY[nxt],)))
    return None


# rules about spoken years, years, a year's bounds, then those written from news of other
# kinds, tried after the ones above
from . import rules_year  # noqa: E402,F401,I001
from . import rules_news  # noqa: E402,F401,I001
