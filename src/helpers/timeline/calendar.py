"""Calendar arithmetic for TIMEX3 values: weeks, months, relative periods, durations."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .. import vocab


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


def iso(y: int, mo: int, day: int) -> str:
    """``YYYY-MM-DD``, written out even when the day does not exist in that month."""
    try:
        return dt.date(y, mo, day).isoformat()
    except ValueError:
        return f"{y}-{mo:02d}-{day:02d}"


def year_for(month: int, day: int, anchor: dt.date, tense: str) -> int:
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
