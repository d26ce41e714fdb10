"""Calendar arithmetic for TIMEX3 values: weeks, months, relative periods, durations."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .. import vocab


def week_value(d: dt.date) -> str:
    """ISO week of a date as TIMEX3 ``YYYY-Www``."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def month_value(d: dt.date) -> str:
    """The month of a date as TIMEX3 ``YYYY-MM``, the year in four digits (``strftime`` writes
    year 1 as ``1`` on Linux)."""
    return f"{d.year:04d}-{d.month:02d}"


def quarter_value(y: int, n: int | str) -> str:
    """``YYYY-Qn``, the year in four digits; ``OverflowError`` outside years 1-9999."""
    return f"{year_value(y)}-Q{n}"


def shift_months(d: dt.date, months: int) -> dt.date:
    """``d`` moved by whole months, the day clamped to the month's length (29 Feb -> 28 Feb)."""
    m = d.month - 1 + months
    y, m = d.year + m // 12, m % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def resolve_weekday(weekday: int, anchor: dt.date, tense: str) -> dt.date:
    """The weekday in the anchor's (ISO) week, moved a week back for a past event that would
    otherwise lie after the anchor, or a week on for a future one that would lie before it
    (a weak tense, read outside the clause, counts as the tense). ``last`` (``last Wednesday``)
    is strictly before the anchor. In the present tense (``Arafat meets Albright Monday``,
    ``Friday's purchases are small``), the nearest such weekday, the coming one on a tie."""
    tense = tense.rstrip("?")
    d = anchor + dt.timedelta(days=weekday - anchor.weekday())
    if tense == "last" and d >= anchor:  # "last Wednesday" written on a Wednesday: a week ago
        d -= dt.timedelta(days=7)
    elif tense == "past" and d > anchor:
        d -= dt.timedelta(days=7)
    elif tense == "future" and d < anchor:
        d += dt.timedelta(days=7)
    elif tense == "present":
        candidates = [d]
        for step in (-7, 7):
            try:
                candidates.append(d + dt.timedelta(days=step))
            except OverflowError:  # a week beyond the calendar's edge
                continue
        d = min(candidates, key=lambda x: (abs((x - anchor).days), x < anchor))
    return d


def resolve_month(month: int, anchor: dt.date, tense: str) -> str:
    """``YYYY-MM`` of a bare month: the one the tense points to (the most recent for the past,
    the coming one for the future); with neither, the nearer one when this year's is much
    farther: a report seldom dates a month more than half a year away without a year
    (``December`` in a text of 6 February is the December just gone)."""
    return month_value(_nearest_year(lambda y: dt.date(y, month, 1), anchor, tense, slack=92))


def _nearest_year(make, anchor: dt.date, tense: str, slack: int, tense_slack: int | None = None) -> dt.date:
    """The date ``make(year)`` for the year the tense picks, or the nearest year's when that
    is more than ``slack`` days nearer to the anchor; when a verb in the clause gives the
    tense, its year stands, or loses only by more than ``tense_slack`` days; a tense read
    outside the clause loses by more than ``WEAK_SLACK``."""
    candidates = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(make(y))
        except ValueError:
            continue
    if not candidates:
        return make(anchor.year)
    this = next((d for d in candidates if d.year == anchor.year), candidates[0])
    weak, forced, tense = tense.endswith("?"), tense.endswith("!"), tense.rstrip("?!")
    if tense == "past":
        told = max((d for d in candidates if d <= anchor or d.year == anchor.year and d.month == anchor.month), default=this)
    elif tense == "future":
        told = min((d for d in candidates if d >= anchor.replace(day=1)), default=this)
    else:
        told = this
    nearest = min(candidates, key=lambda d: (abs((d - anchor).days), d))
    if forced:
        return told  # "last September", "next May": the word says which side
    if tense != "present" and not weak:
        if tense_slack is None:
            return told  # a past or future verb in the clause says which side
        slack = tense_slack  # a verb's side loses only to a far nearer year
    elif tense != "present":
        slack = WEAK_SLACK
    return nearest if abs((told - anchor).days) - abs((nearest - anchor).days) > slack else told


#: Days by which the year a clause's tense picks for a day and month (not a bare month) may
#: be farther from the anchor than the nearest year before the nearest wins: a report gives
#: the year of a day that far away, so "was extended to Nov. 16" in a text of 30 October is
#: this November, not last year's (the past verb is the extending, not the day).
#: Chosen on TBAQ training data (TimeBank value F1 0.793 -> 0.798, AQUAINT 0.767 -> 0.772).
TENSE_SLACK = 200
#: The same for a tense read only outside the clause (``past?``, as from ``has fluctuated``
#: two clauses before ``… from $29.75 in March``): it loses to the nearest year only when
#: that is over five months nearer (the default slack is three). Chosen on TBAQ training
#: data (TimeBank value F1 0.815 -> 0.817, AQUAINT unchanged).
WEAK_SLACK = 150


def relative_period(unit: str, offset: int, anchor: dt.date) -> str | None:
    """Value of ``this``/``last``/``next`` + a period, relative to ``anchor``."""
    if unit == "day":
        return (anchor + dt.timedelta(days=offset)).isoformat()
    if unit == "week":
        return week_value(anchor + dt.timedelta(weeks=offset))
    if unit == "weekend":
        return week_value(anchor + dt.timedelta(weeks=offset)) + "-WE"
    if unit == "month":
        return month_value(shift_months(anchor, offset))
    if unit == "quarter":
        q = (anchor.month - 1) // 3 + offset
        return quarter_value(anchor.year + q // 4, q % 4 + 1)
    if unit == "year":
        return year_value(anchor.year + offset)
    if unit == "decade":
        return _decade(anchor.year // 10 + offset)
    if unit in vocab.SEASONS:
        return f"{year_value(anchor.year + offset)}-{vocab.SEASONS[unit]}"
    return None


#: The month each season of TIMEX3 (SP, SU, FA, WI) begins in, in the northern hemisphere.
SEASON_STARTS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season_year(season: str, anchor: dt.date, tense: str) -> str:
    """The year of ``the summer``: the last one begun by the anchor, or the coming one when
    the tense is the future."""
    begun = SEASON_STARTS[season] <= anchor.month
    if tense.rstrip("?!") == "future":
        return year_value(anchor.year + (1 if begun else 0))
    return year_value(anchor.year - (0 if begun else 1))


def ago(n: int, unit: str, anchor: dt.date) -> str | None:
    """Value of ``n <unit>s ago`` at the unit's granularity."""
    letter = vocab.TIMEX_UNITS.get(unit)
    if letter == "D":
        return (anchor - dt.timedelta(days=n)).isoformat()
    if letter == "W":
        return week_value(anchor - dt.timedelta(weeks=n))
    if letter == "M" and unit.startswith("month"):
        return month_value(shift_months(anchor, -n))
    if letter == "Y":
        return year_value(anchor.year - n)
    if letter == "DE":
        return _decade(anchor.year // 10 - n)
    return None


def year_value(y: int) -> str:
    """A year as TIMEX3 writes it (four digits); ``OverflowError`` outside years 1-9999."""
    if not 1 <= y <= 9999:
        raise OverflowError(f"year {y} is outside the calendar")
    return f"{y:04d}"


def _decade(d: int) -> str:
    if not 0 <= d <= 999:
        raise OverflowError(f"decade {d}0s is outside the calendar")
    return f"{d:03d}"


def duration_value(n, unit: str) -> str:
    """``P11Y``, ``PT48H``, ``PXW`` (``n`` None for an unspecified number); a counted number of
    decades is written in years (``two decades``: ``P20Y``), as TempEval-3's annotators do."""
    letter = vocab.TIMEX_UNITS[unit]
    if letter == "DE" and n is not None:
        n, letter = float(n) * 10, "Y"
    clock = unit in vocab.CLOCK_UNITS
    if n is not None and not float(n).is_integer() and (smaller := _SMALLER.get((letter, clock))):
        whole, rest = divmod(float(n), 1)
        parts = rest * smaller[1]
        if parts.is_integer():  # "2 1/2 years": P2Y6M, "5 1/2 hours": PT5H30M
            head = f"{int(whole)}{letter}" if whole else ""
            if clock:
                return f"PT{head}{int(parts)}{smaller[0]}"
            return f"P{head}{'T' if smaller[2] else ''}{int(parts)}{smaller[0]}"
    amount = "X" if n is None else (str(int(n)) if float(n).is_integer() else str(n))
    return ("PT" if clock else "P") + amount + letter


#: The next smaller unit for a fractional count: (letter, clock unit?) -> (its letter, how
#: many make one, whether it is written after the ``T``).
_SMALLER = {("Y", False): ("M", 12, False), ("W", False): ("D", 7, False), ("D", False): ("H", 24, True),
            ("H", True): ("M", 60, False), ("M", True): ("S", 60, False)}


def iso(y: int, mo: int, day: int) -> str:
    """``YYYY-MM-DD``, written out even when the day does not exist in that month."""
    try:
        return dt.date(y, mo, day).isoformat()
    except ValueError:
        return f"{y:04d}-{mo:02d}-{day:02d}"


_DAY_VALUE = re.compile(r"(\d{4}|XXXX)-(\d\d)-(\d\d)")


def impossible_day(value: str | None) -> bool:
    """True for a DATE value naming a day the calendar does not have (``2025-02-30``,
    ``XXXX-04-31``, month 13): such text is not a date. A year left unspecified counts as a
    leap year (``XXXX-02-29`` is possible)."""
    m = _DAY_VALUE.match(value or "")
    if not m:
        return False
    year = 2000 if m[1] == "XXXX" else int(m[1])
    month, day = int(m[2]), int(m[3])
    return not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(max(year, 1), month)[1])


def year_for(month: int, day: int, anchor: dt.date, tense: str) -> int:
    """Year of a day-and-month date with no year: the tense's side of the anchor; with no tense,
    the nearer year when this year's is much farther (as for a bare month)."""
    try:
        return _nearest_year(lambda y: dt.date(y, month, day), anchor, tense, slack=92, tense_slack=TENSE_SLACK).year
    except ValueError:
        return anchor.year


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


_WEEKDAY_CODES = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}


def holiday(rule: str, year: int) -> dt.date:
    """The day a ``holidays.csv`` rule names in ``year``: ``MM-DD``; ``nth N WD MM [+days]``
    (the Nth weekday WD of month MM, N = -1 for the last, moved by ``days``); ``easter ±days``
    (Western Easter by the Gregorian computus, from dateutil)."""
    parts = rule.split()
    if parts[0] == "easter":
        from dateutil.easter import easter

        return easter(year) + dt.timedelta(days=int(parts[1]))
    if parts[0] == "nth":
        n, wd, month = int(parts[1]), _WEEKDAY_CODES[parts[2]], int(parts[3])
        days = calendar.monthcalendar(year, month)
        hits = [week[wd] for week in days if week[wd]]
        return dt.date(year, month, hits[n - 1 if n > 0 else n]) + dt.timedelta(days=int(parts[4]) if len(parts) > 4 else 0)
    month, day_ = (int(x) for x in rule.split("-"))
    return dt.date(year, month, day_)


def holiday_unanchored(rule: str, granularity: str, year: int | None) -> str:
    """A holiday's value with no anchor date: its day in the year the text gives, else what
    the rule keeps (``XXXX-12-25``; ``XXXX-XX-XX`` for a movable day; ``XXXX-WXX`` for a week)."""
    if year is not None:
        return resolve_holiday(rule, granularity, dt.date(year, 1, 1), "", year)
    if granularity == "week":
        return "XXXX-WXX"
    return f"XXXX-{rule}" if re.fullmatch(r"\d\d-\d\d", rule) else "XXXX-XX-XX"


def resolve_holiday(rule: str, granularity: str, anchor: dt.date, tense: str, year: int | None) -> str:
    """A holiday's value: in the year given, else the year the tense points to (the nearer
    one with no tense, as for a bare month); a week-long holiday as its ISO week."""
    d = holiday(rule, year) if year is not None else _nearest_year(lambda y: holiday(rule, y), anchor, tense, slack=92)
    return week_value(d) if granularity == "week" else d.isoformat()

