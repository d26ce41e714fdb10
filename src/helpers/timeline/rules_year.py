"""Recognition rules for a year, its parts and bounds, and the periods of years, tried after
those of ``rules``: the accounting year (``the year ended March 31``, ``fiscal 2024``), the
year under report (``the year``, ``the full year``), its end (``year-end``, ``by year's
end``), the bounds of any period (``the end of the month``, ``the beginning of 2024``) with
TimeML's ``mod``, a season (``the summer``), decades and centuries; and days counted from a
named day (``the day before last Tuesday``, ``the week of March 6``, the second day of ``April
24 and 25``)."""

from __future__ import annotations

import re

from .. import numbers, vocab
from ..records import Token
from . import rules
from . import words as w
from .calendar import duration_value
from .grammar import RULES, Match, Spec, fixed, rule
from .words import DECADE, PREPOSITIONS

#: A period's bound -> TIMEX3 mod ("the end of the year" -> END).
BOUNDS = {"end": "END", "beginning": "START", "start": "START", "middle": "MID",
          "rest": "END", "remainder": "END", "balance": "END"}  # "the rest of the week": its last part
#: Periods named by "the" alone inside a bound ("the end of the month"): the one in progress.
CURRENT_PERIODS = ("week", "month", "year")
#: Words after "the year" that make it a year counted from another date or a name.
_NOT_THE_YEAR = {"ended", "ending", "to", "before", "after", "earlier", "later", "ago", "-", "'s", "’s", "of", "in",
                 "when", "that", "which"}


@rule("The bomb went off in nineteen ninety-six.|nineteen ninety-six|DATE|1996",
      "It was built in nineteen oh five.|nineteen oh five|DATE|1905",
      "He promised jobs by the year two thousand.|the year two thousand|DATE|2000",
      "It fell to that level in the winter of nineteen ninety-four.|the winter of nineteen ninety-four|DATE|1994-WI",
      "Prices peaked in the summer of 2008.|the summer of 2008|DATE|2008-SU",
      "They sold two thousand tickets.|||",
      "The academy has twelve hundred students.|||",
      "Nineteen people died.|||")
def spoken_year(toks, i):
    """A year as a transcript spells it, with ``the year`` before it inside the extent; a
    season of a year (``the winter of nineteen ninety-four``, ``the summer of 2008``)."""
    if toks[i].lower == "the" and w.low(toks, i + 1) == "year" and (y := w.spoken_year(toks, i + 2)):
        return Match(i, y[1], "DATE", fixed(f"{y[0]:04d}"))
    k = i + 1 if toks[i].lower == "the" else i
    if (season := vocab.SEASONS.get(w.low(toks, k))) is not None:
        j = k + 2 if w.low(toks, k + 1) == "of" else k + 1
        y = w.spoken_year(toks, j) or ((w.year(toks[j]), j + 1) if j < len(toks) and w.year(toks[j]) else None)
        if y:
            return Match(i, y[1], "DATE", fixed(f"{y[0]:04d}-{season}"))
        return None
    if (y := w.spoken_year(toks, i)) is not None:
        return Match(i, y[1], "DATE", fixed(f"{y[0]:04d}"))
    return None


@rule("The summit in 2019 failed.|2019|DATE|2019",
      "He sent 2000 troops.|||")
def year(toks, i):
    y = w.year(toks[i])
    return Match(i, i + 1, "DATE", fixed(f"{y:04d}")) if y is not None and _is_year_use(toks, i) else None


def _is_year_use(toks: list[Token], i: int) -> bool:
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


@rule("Net income for the year ended March 31 rose.|the year|DURATION|P1Y",
      "In the fiscal year ending June 30, sales fell.|the fiscal year|DURATION|P1Y")
def accounting_year(toks, i):
    """``the (fiscal) year ended March 31``: a year's length, the closing date apart."""
    if toks[i].lower != "the":
        return None
    k = i + 2 if w.low(toks, i + 1) == "fiscal" else i + 1
    if w.low(toks, k) == "year" and w.low(toks, k + 1) in ("ended", "ending", "to"):
        return Match(i, k + 1, "DURATION", fixed("P1Y"))
    return None


@rule("Profit rose in fiscal 2024.|fiscal 2024|DATE|2024",
      "The plan runs to fiscal year 2026.|fiscal year 2026|DATE|2026")
def fiscal_year(toks, i):
    """``fiscal 2024``, ``fiscal year 2026``: the year, as TimeBank annotates it."""
    if toks[i].lower != "fiscal":
        return None
    k = i + 2 if w.low(toks, i + 1) == "year" else i + 1
    y = w.year(toks[k]) if k < len(toks) else None
    return Match(i, k + 1, "DATE", fixed(f"{y:04d}")) if y is not None else None


@rule("Sales for the full year rose 13%.|the full year|DATE|2025",
      "For the year, volume was flat.|the year|DATE|2025",
      "It expects higher sales in the current fiscal year.|the current fiscal year|DATE|2025",
      "Sales fell in the first nine months of the year.|the year|DATE|2025",
      "He was named player of the year.|||",
      "Sales fell 2% from the year before.|||")
def the_year(toks, i):
    """``the year``, ``the full year``, ``the (current) fiscal year``: in news of results, the
    year under report, which TimeBank dates to the article's year (not ``the year ended
    …``, a length, nor ``the year before``, counted from another date)."""
    if toks[i].lower != "the":
        return None
    k = i + 1
    while w.low(toks, k) in ("full", "fiscal", "current", "calendar"):
        k += 1
    if w.low(toks, k) != "year" or w.low(toks, k + 1) in _NOT_THE_YEAR or w.number(toks, k + 1):
        return None
    if w.low(toks, i - 1) == "of" and w.low(toks, i - 2) not in _PERIOD_PLURALS:
        return None  # "player of the year", but "the first nine months of the year"
    return Match(i, k + 1, "DATE", Spec("period", ("year", 0)))


_PERIOD_PLURALS = {"days", "weeks", "months", "quarters", "half", "rest", "end", "start", "beginning", "part", "balance"}


@rule("The sale should close by year-end.|year-end|DATE|2025|END",
      "The index has risen 4% since year-end.|year-end|DATE|2024|END",
      "It plans to cut 6,000 jobs by year's end.|year's end|DATE|2025|END",
      "The deal is expected to close around year end.|year end|DATE|2025|END",
      "Year-end bonuses were cut.|||")
def year_end(toks, i):
    """``year-end``, ``year end``, ``year's end``: the end of the year in progress, or of the
    year before after ``since``."""
    low = toks[i].lower
    if low == "year-end":
        j = i + 1
    elif low == "year" and w.low(toks, i + 1) == "end":
        j = i + 2
    elif low == "year" and w.low(toks, i + 1) in ("'s", "’s") and w.low(toks, i + 2) == "end":
        j = i + 3
    else:
        return None
    if j < len(toks) and toks[j].tag.startswith("NN"):
        return None  # a modifier: "year-end net", "year-end bonuses"
    return Match(i, j, "DATE", Spec("period", ("year", -1 if w.low(toks, i - 1) == "since" else 0)), "END")


@rule("It cut 500 jobs by the end of the year.|the end of the year|DATE|2025|END",
      "Troops arrive by the end of the month.|the end of the month|DATE|2025-08|END",
      "Talks resume at the beginning of next year.|the beginning of next year|DATE|2026|START",
      "The plant opens at the end of 2026.|the end of 2026|DATE|2026|END",
      "Shares may rise for the rest of the week.|the rest of the week|DATE|2025-W33|END",
      "Gains could continue for the remainder of the year.|the remainder of the year|DATE|2025|END",
      "It ended at the end of the war.|||",
      "At the end of the day, voters decide.|||")
def bound_of(toks, i):
    """``the end of the year``, ``the beginning of next year``, ``the end of 2026``: a period's
    bound, whose extent and ``mod`` TimeML gives the whole phrase."""
    if toks[i].lower != "the" or w.low(toks, i + 1) not in BOUNDS or w.low(toks, i + 2) != "of":
        return None
    mod, k = BOUNDS[toks[i + 1].lower], i + 3
    if w.low(toks, k) == "the" and w.low(toks, k + 1) in CURRENT_PERIODS:
        return Match(i, k + 2, "DATE", Spec("period", (toks[k + 1].lower, 0)), mod)
    inner = _inner(toks, k, bound_of)
    if inner is None or inner.type != "DATE" or inner.mod is not None:
        return None
    return Match(i, inner.j, "DATE", inner.spec, mod)


def _inner(toks, k: int, outer) -> Match | None:
    """The expression another rule finds at ``k``, inside the phrase ``outer`` recognizes."""
    return next((m for r in RULES if r.find is not outer and (m := r.find(toks, k)) is not None), None)


@rule("Sales were delayed earlier in the year.|earlier in the year|DATE|2025|START",
      "Prices should ease later in the month.|later in the month|DATE|2025-08|END")
def earlier_in_the(toks, i):
    """``earlier in the year``, ``later in the month``: the first or last part of the period
    in progress, as TimeBank marks them."""
    mod = {"earlier": "START", "later": "END"}.get(toks[i].lower)
    if mod is None or [w.low(toks, i + 1), w.low(toks, i + 2)] != ["in", "the"] or w.low(toks, i + 3) not in CURRENT_PERIODS:
        return None
    return Match(i, i + 4, "DATE", Spec("period", (toks[i + 3].lower, 0)), mod)


@rule("Sales slowed over the summer.|the summer|DATE|2025-SU",
      "Prices eased from the low levels of the early summer.|the early summer|DATE|2025-SU|START",
      "Talks will resume in the spring.|the spring|DATE|2026-SP",
      "The fall of the city came fast.|||")
def the_season(toks, i):
    """``the summer``, ``the early spring``: the season the tense points to, the last one
    begun for the past or present, the coming one for the future (``the fall of …`` is
    a fall, and ``the winter of 2023`` is left to the rule for a year's season)."""
    if toks[i].lower != "the":
        return None
    mod = vocab.PART_MODS.get(w.low(toks, i + 1))
    k = i + 2 if mod else i + 1
    season = vocab.SEASONS.get(w.low(toks, k))
    if season is None or w.low(toks, k + 1) in ("of", "in", "'s", "’s"):
        return None
    return Match(i, k + 1, "DATE", Spec("season", (season, w.tense(toks, i, k + 1))), mod)


#: Which half of a year an ordinal names.
HALVES = {"first": 1, "second": 2, "last": 2, "latter": 2}
#: Nouns a ``first-half`` adjective dates in news of results.
RESULT_NOUNS = {"profit", "profits", "earnings", "results", "sales", "loss", "losses", "revenue", "revenues",
                "growth", "output", "income", "deficit", "surplus"}


@rule("Output fell in the first half of 2024.|the first half of 2024|DATE|2024-H1",
      "Earnings should improve in the last half of 1989.|the last half of 1989|DATE|1989-H2",
      "The plant reopens in the second half of next year.|the second half of next year|DATE|2026-H2",
      "Sales rose in the first half of the year.|the first half of the year|DATE|2025-H1",
      "First-half profit rose 4%.|First-half|DATE|2025-H1",
      "He scored in the second half of the match.|||",
      "Messi scored in the second half.|||")
def half_year(toks, i):
    """Half a year, TIMEX3 ``H1``/``H2``: ``the first half of 2024``, ``the second half of
    next year``, ``the first half of the year`` (the article's year) and the adjective before
    a result (``first-half profit``); not a bare ``the second half``, as often a match's."""
    word = toks[i].lower
    if (m := re.fullmatch(r"(first|second)-half", word)) and w.low(toks, i + 1) in RESULT_NOUNS:
        return Match(i, i + 1, "DATE", Spec("period_half", (HALVES[m[1]], 0)))
    if word != "the" or w.low(toks, i + 1) not in HALVES or w.low(toks, i + 2) != "half" or w.low(toks, i + 3) != "of":
        return None
    n, k = HALVES[toks[i + 1].lower], i + 4
    if k < len(toks) and (y := w.year(toks[k])) is not None:
        return Match(i, k + 1, "DATE", fixed(f"{y:04d}-H{n}"))
    if (shift := vocab.DEICTIC.get(w.low(toks, k))) is not None and w.low(toks, k + 1) == "year":
        return Match(i, k + 2, "DATE", Spec("period_half", (n, shift)))
    if w.low(toks, k) == "the" and w.low(toks, k + 1) == "year" and w.low(toks, k + 2) not in ("ended", "ending", "before", "after"):
        return Match(i, k + 2, "DATE", Spec("period_half", (n, 0)))
    return None


@rule("Cities grew fast in the 20th century.|the 20th century|DATE|19",
      "It was the worst flood this century.|this century|DATE|20")
def century(toks, i):
    """``the 20th century`` (TIMEX3 value ``19``: its first two digits), ``this century``."""
    k = i + 1 if toks[i].lower == "the" else i
    if w.low(toks, k + 1) != "century":
        return None
    word = w.low(toks, k)
    if (m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", word)) is not None:
        return Match(i, k + 2, "DATE", fixed(f"{int(m[1]) - 1:02d}"))
    if word in ("this", "last", "next") and k == i:
        return Match(i, k + 2, "DATE", Spec("century", ({"this": 0, "last": -1, "next": 1}[word],)))
    return None


#: Decades of the twentieth century as words ("the nineties"); "the twenties" is left out,
#: which could be either century's.
DECADE_WORDS = {"thirties": "193", "forties": "194", "fifties": "195", "sixties": "196", "seventies": "197",
                "eighties": "198", "nineties": "199"}


@rule("Prices were lower in the 1990s.|the 1990s|DATE|199",
      "Sales rose through the nineties.|the nineties|DATE|199",
      "It grew in the '80s.|the '80s|DATE|198",
      "She is in her sixties.|||")
def decade(toks, i):
    """``the 1990s``, ``the nineties``, ``the '80s``: a decade (TIMEX3 ``199``); not an age
    (``in her sixties``)."""
    if toks[i].lower == "the" and w.low(toks, i + 1) in DECADE_WORDS:
        return Match(i, i + 2, "DATE", fixed(DECADE_WORDS[toks[i + 1].lower]))
    if toks[i].lower == "the" and w.low(toks, i + 1) in ("'", "’") and re.fullmatch(r"[2-9]0s", w.low(toks, i + 2)):
        return Match(i, i + 3, "DATE", fixed("19" + toks[i + 2].lower[0]))  # "the '80s": the last century's
    m = DECADE.fullmatch(toks[i].lower)
    if not m:
        return None
    begin = i - 1 if w.low(toks, i - 1) == "the" else i
    return Match(begin, i + 1, "DATE", fixed(m[1]))


@rule("The index fell to lows not seen since '82.|'82|DATE|1982",
      "The class of ’09 returns in 2026.|’09|DATE|2009",
      "The players' 82 points set a record.|||")
def short_year(toks, i):
    """A year written with two digits after an apostrophe (``since '82``): the latest year
    with those digits not more than ten years after the article (``'82`` in 2008 is 1982)."""
    if not re.fullmatch(r"\d\d", toks[i].text) or i == 0 or toks[i - 1].text not in ("'", "’"):
        return None
    mark = toks[i - 1]
    if mark.end != toks[i].start or (i >= 2 and toks[i - 2].end == mark.start):
        return None  # "players' 82": the apostrophe closes the word before
    return Match(i - 1, i + 1, "DATE", Spec("short_year", (int(toks[i].text),)))


@rule("The post-1959 politics split families.|post-1959|DATE|1959|AFTER",
      "A pre-1990 law still applies.|pre-1990|DATE|1990|BEFORE")
def before_after_year(toks, i):
    """``post-1959``, ``pre-1990``: after or before a year, TimeML's ``mod`` AFTER/BEFORE."""
    m = re.fullmatch(r"(post|pre)-(\d{4})", toks[i].lower)
    if m is None or not numbers.is_year(m[2]):
        return None
    return Match(i, i + 1, "DATE", fixed(m[2]), "AFTER" if m[1] == "post" else "BEFORE")


@rule("They left their third day-long meeting.|day-long|DURATION|P1D",
      "The decades-long feud went on.|decades-long|DURATION|PXDE")
def lasting(toks, i):
    """``day-long``, ``decades-long``: a duration as a modifier."""
    m = re.fullmatch(r"(\w+)-long", toks[i].lower)
    if m is None or m[1] not in vocab.TIMEX_UNITS:
        return None
    return Match(i, i + 1, "DURATION", fixed(duration_value(None if m[1].endswith("s") else 1, m[1])))


@rule("The summit is set for April 24 and 25.|25|DATE|2026-04-25",
      "The fair runs from March 3 to 5, 2027.|5, 2027|DATE|2027-03-05",
      "The fair ran March 3–5, 2019.|5, 2019|DATE|2019-03-05")
def coordinated_day(toks, i):
    """The second day of ``April 24 and 25`` or ``March 3–5, 2019``: a day number joined to
    a day and month, with the year written after it inside its extent."""
    day = w.day(toks[i])
    if day is None or w.low(toks, i - 1) not in ("and", "or", "to", "through", "-", "–", "—", "--") or i < 3 or w.day(toks[i - 2]) is None:
        return None
    first = rules.month_first(toks, i - 3) or rules.month_first(toks, i - 4)
    if first is None or first.spec.kind != "daymonth" or first.j != i - 1 or w.low(toks, i + 1) in vocab.TIMEX_UNITS:
        return None
    mo, _, tense, year = first.spec.args
    j = i + 2 if w.low(toks, i + 1) == "," else i + 1
    if j < len(toks) and (y := w.year(toks[j])) is not None:
        return Match(i, j + 1, "DATE", Spec("daymonth", (mo, day, "", y)))
    return Match(i, i + 1, "DATE", Spec("daymonth", (mo, day, tense, year)))


@rule("The day before last Tuesday's hearing, he went home.|The day before last Tuesday|DATE|2025-08-11",
      "A hearing is set for the week of March 6.|the week of March 6|DATE|2026-W10",
      "The day before the vote was calm.|||")
def around_a_day(toks, i):
    """``the day before last Tuesday``, ``the day after May 3``: a day counted from a named
    day; ``the week of March 6``: the week that holds it."""
    if toks[i].lower != "the":
        return None
    if w.low(toks, i + 1) == "day" and w.low(toks, i + 2) in ("before", "after"):
        k, kind, args = i + 3, "day_shift", (-1 if toks[i + 2].lower == "before" else 1,)
    elif w.low(toks, i + 1) == "week" and w.low(toks, i + 2) == "of":
        k, kind, args = i + 3, "week_of", ()
    else:
        return None
    inner = _inner(toks, k, around_a_day)
    if inner is None or inner.type != "DATE" or inner.i != k or inner.spec.kind not in _DAY_KINDS:
        return None
    return Match(i, inner.j, "DATE", Spec(kind, (inner.spec, *args)))


#: Kinds of value that name one day, which "the day before" and "the week of" may count from.
_DAY_KINDS = {"weekday", "next_weekday", "daymonth", "relday", "holiday", "value"}
