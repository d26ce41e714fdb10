"""Resolution: an underspecified value (a rule's ``Spec``) to a TIMEX3 value, given the
anchor date. One function per kind of ``Spec``; the tense, where it matters, was read from
the clause by the rule. With no anchor (plain text given no date), a value keeps what the
text gives and leaves the rest unspecified, as the TIMEX3 guidelines write it: ``Friday`` is
``XXXX-WXX-5``, ``14 August`` is ``XXXX-08-14``, ``last year`` is ``XXXX``."""

from __future__ import annotations

import datetime as dt
import re

from .. import vocab
from . import calendar as cal
from .rules import Spec


def _weekday(anchor: dt.date, weekday: int, tense: str, part: str) -> str:
    return cal.resolve_weekday(weekday, anchor, tense).isoformat() + part


def _next_weekday(anchor: dt.date, weekday: int, tense: str, part: str) -> str:
    """``next Monday``: the coming one, moved to the following week when it would fall in
    the anchor's own week on or before the anchor's weekday."""
    d = cal.resolve_weekday(weekday, anchor, tense)
    if d <= anchor + dt.timedelta(days=6 - anchor.weekday()) and weekday <= anchor.weekday():
        d += dt.timedelta(days=7)
    return d.isoformat() + part


def _daymonth(anchor: dt.date, month: int, day: int, tense: str, year: int | None) -> str:
    return cal.iso(year if year is not None else cal.year_for(month, day, anchor, tense), month, day)


def _quarter(anchor: dt.date, n: int, year: int | None, tense: str) -> str:
    """``YYYY-Qn``: the year given, else the anchor's, or the year before for a quarter
    still to come this year when the clause is not about the future."""
    if year is None:
        year = anchor.year
        if n > (anchor.month - 1) // 3 + 1 and tense.rstrip("?") != "future":
            year -= 1
    return cal.quarter_value(year, n)


def context_quarter(anchor: dt.date, shift_years: int, last: str | None = None, year: int | None = None) -> str:
    """The quarter under discussion: the last quarter the text named (``last``), else the
    one before the anchor's (results are reported after their quarter ends), shifted by
    whole years (``the year-earlier quarter``), or moved to ``year`` (``the 1988 quarter``)."""
    if last is None:
        q = (anchor.month - 1) // 3  # the previous quarter, 0-based from the anchor's year
        y, n = (anchor.year, q) if q else (anchor.year - 1, 4)
    else:
        y, n = int(last[:4]), int(last[-1])
    return cal.quarter_value((year if year is not None else y) + shift_years, n)


def shift(value: str, n: int, unit: str) -> str | None:
    """A DATE value moved by ``n`` units at its own precision (``1988-Q3`` by a year is
    ``1987-Q3``); None when the value has no calendar form to move."""
    letter = vocab.TIMEX_UNITS[unit]
    if (m := re.fullmatch(r"(\d{4})-Q([1-4])", value)) and letter == "Y":
        return cal.quarter_value(int(m[1]) + n, m[2])
    d, precision = cal.value_to_date(value)
    if d is None:
        return None
    if letter == "Y":
        return cal.year_value(d.year + n) if precision == "year" else cal.shift_months(d, 12 * n).isoformat()[: len(value)]
    if letter == "M":
        moved = cal.shift_months(d, n)
        return cal.month_value(moved) if precision == "month" else moved.isoformat()
    step = dt.timedelta(days=n) if letter == "D" else dt.timedelta(weeks=n)
    return (d + step).isoformat() if precision == "day" else None


def quarter_of(anchor: dt.date, n: int | None, year: int | None, shift: int, last: str | None = None) -> str:
    """Quarter ``n`` (or, with none, the quarter under discussion: ``last`` or the one before
    the anchor's) of ``year``, or of the anchor's year moved by ``shift`` (``next year's first
    quarter``, ``last year's quarter``, ``the 1988 period``)."""
    y = year if year is not None else anchor.year + shift
    return cal.quarter_value(y, n) if n else context_quarter(anchor, 0, last, year=y)


def anaphoric(base: str | dt.date, unit: str, n: int) -> str | None:
    """``that year``, ``the following month``: the period of ``unit`` holding ``base`` (a DATE
    value or a date), moved by ``n`` units; None when ``base`` is coarser than ``unit``."""
    d, precision = (base, "day") if isinstance(base, dt.date) else cal.value_to_date(base)
    if d is not None and unit in ("decade", "century") and precision in ("decade", "year", "month", "day", "week"):
        # "the following decade", "the previous century": counted from the period holding the date
        return cal.relative_period(unit, n, d) if unit == "decade" else _century(d.year // 100 + n)
    order = ("year", "month", "day")
    if d is None or precision not in order or order.index(precision) < order.index(unit if unit != "week" else "day"):
        return None
    if unit == "year":
        return cal.year_value(d.year + n)
    if unit == "month":
        return cal.month_value(cal.shift_months(d, n))
    if unit == "week":
        return cal.week_value(d + dt.timedelta(weeks=n))
    return (d + dt.timedelta(days=n)).isoformat()


def _offset(anchor: dt.date, n: int, unit: str) -> str:
    """``a year earlier`` with nothing named before: counted from the anchor."""
    letter = vocab.TIMEX_UNITS[unit]
    if letter == "Y":
        return cal.year_value(anchor.year + n)
    if letter == "M":
        return cal.month_value(cal.shift_months(anchor, n))
    return (anchor + (dt.timedelta(days=n) if letter == "D" else dt.timedelta(weeks=n))).isoformat()


RESOLVERS = {
    "value": lambda anchor, value: value,
    "month": lambda anchor, month, tense: cal.resolve_month(month, anchor, tense),
    "daymonth": _daymonth,
    "weekday": _weekday,
    "next_weekday": _next_weekday,
    "period": lambda anchor, unit, offset: cal.relative_period(unit, offset, anchor),
    "relday": lambda anchor, offset, part: (anchor + dt.timedelta(days=offset)).isoformat() + part,
    "ago": lambda anchor, n, unit: cal.ago(n, unit, anchor),
    "clock": lambda anchor, suffix: anchor.isoformat() + suffix,
    "dayof": lambda anchor, suffix: anchor.isoformat() + suffix,
    "quarter": _quarter,
    "context_quarter": context_quarter,
    "offset": _offset,
    "century": lambda anchor, offset: _century(anchor.year // 100 + offset),
    "quarter_of": lambda anchor, n, year, shift: quarter_of(anchor, n, year, shift),
    "weekend": lambda anchor, tense: cal.week_value(cal.resolve_weekday(5, anchor, tense)) + "-WE",
    "holiday": lambda anchor, rule, granularity, tense, year: cal.resolve_holiday(rule, granularity, anchor, tense, year),
    "anaphoric": anaphoric,
    "month_of_year": lambda anchor, month, shift: f"{cal.year_value(anchor.year + shift)}-{month:02d}",
    "clock_on": lambda anchor, date, suffix: _daymonth(anchor, *date) + suffix,
    "season": lambda anchor, season, tense: f"{cal.season_year(season, anchor, tense)}-{season}",
    "day_shift": lambda anchor, inner, n: _around(resolve(inner, anchor), n),
    "week_of": lambda anchor, inner: _around(resolve(inner, anchor), None),
    "short_year": lambda anchor, yy: cal.year_value(_short_year(yy, anchor.year)),
    "period_half": lambda anchor, n, shift: f"{cal.year_value(anchor.year + shift)}-H{n}",
}


def _short_year(yy: int, year: int) -> int:
    """The latest year ending in ``yy`` at most ten years after ``year`` (``'82`` in 2008: 1982)."""
    y = (year + 10) // 100 * 100 + yy
    return y if y <= year + 10 else y - 100


def _century(c: int) -> str:
    """A century as TIMEX3 writes it (``20`` for the 2000s); ``OverflowError`` outside the calendar."""
    if not 0 <= c <= 99:
        raise OverflowError(f"century {c} is outside the calendar")
    return f"{c:02d}"


def _around(value: str, n: int | None) -> str:
    """A day value moved by ``n`` days, or (``n`` None) the week that holds it; an
    unspecified value when the named day has no calendar date."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "XXXX-XX-XX" if n is not None else "XXXX-WXX"
    d = dt.date.fromisoformat(value)
    return (d + dt.timedelta(days=n)).isoformat() if n is not None else cal.week_value(d)


def _year_or_x(year: int | None) -> str:
    """A year the text gives, in four digits, or ``XXXX``."""
    return "XXXX" if year is None else f"{year:04d}"


#: Values with no anchor: what each kind of ``Spec`` keeps of the text.
_PERIOD_X = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
             "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX"}
_UNIT_X = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX", "DE": "XXX"}
UNANCHORED = {
    "value": lambda value: value,
    "month": lambda month, tense: f"XXXX-{month:02d}",
    "daymonth": lambda month, day, tense, year: f"{_year_or_x(year)}-{month:02d}-{day:02d}",
    "weekday": lambda weekday, tense, part: f"XXXX-WXX-{weekday + 1}" + part,
    "next_weekday": lambda weekday, tense, part: f"XXXX-WXX-{weekday + 1}" + part,
    "period": lambda unit, offset: _PERIOD_X.get(unit, "XXXX-" + vocab.SEASONS.get(unit, "XX")),
    "relday": lambda offset, part: "XXXX-XX-XX" + part,
    "ago": lambda n, unit: _UNIT_X.get(vocab.TIMEX_UNITS[unit], "XXXX"),
    "clock": lambda suffix: "XXXX-XX-XX" + suffix,
    "dayof": lambda suffix: "XXXX-XX-XX" + suffix,
    "quarter": lambda n, year, tense: f"{_year_or_x(year)}-Q{n}",
    "context_quarter": lambda shift: "XXXX-QX",
    "offset": lambda n, unit: _UNIT_X.get(vocab.TIMEX_UNITS[unit], "XXXX"),
    "century": lambda offset: "XX",
    "month_of_year": lambda month, shift: f"XXXX-{month:02d}",
    "anaphoric": lambda unit, n: _PERIOD_X.get(unit, "XXXX"),
    "weekend": lambda tense: "XXXX-WXX-WE",
    "quarter_of": lambda n, year, shift: f"{_year_or_x(year)}-Q{n or 'X'}",
    "holiday": lambda rule, granularity, tense, year: cal.holiday_unanchored(rule, granularity, year),
    "clock_on": lambda date, suffix: UNANCHORED["daymonth"](*date) + suffix,
    "season": lambda season, tense: f"XXXX-{season}",
    "day_shift": lambda inner, n: "XXXX-XX-XX",
    "week_of": lambda inner: "XXXX-WXX",
    "short_year": lambda yy: f"XX{yy:02d}",
    "period_half": lambda n, shift: f"XXXX-H{n}",
}


def resolve(spec: Spec, anchor: dt.date | None) -> str:
    """The TIMEX3 value of ``spec`` relative to ``anchor`` (unspecified parts as ``X`` when
    there is none, or when the calendar ends before the value: ``next year`` said on
    9999-12-31 is ``XXXX``)."""
    if anchor is not None:
        try:
            return RESOLVERS[spec.kind](anchor, *spec.args)
        except (OverflowError, ValueError):  # an anchor at the calendar's edge (9999-12-31 + a week)
            pass
    return UNANCHORED[spec.kind](*spec.args)
