"""Resolution: an underspecified value (a rule's ``Spec``) to a TIMEX3 value, given the
anchor date. One function per kind of ``Spec``; the tense, where it matters, was read from
the clause by the rule."""

from __future__ import annotations

import datetime as dt

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
}


def resolve(spec: Spec, anchor: dt.date) -> str:
    """The TIMEX3 value of ``spec`` relative to ``anchor``."""
    return RESOLVERS[spec.kind](anchor, *spec.args)
