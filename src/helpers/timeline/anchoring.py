"""Anchoring: which date each expression is resolved against.

A quarter under discussion (``the quarter``, ``the year-earlier quarter``) is resolved
against the last quarter the text named before it, as TimeML resolves a relative
expression against the last mentioned date; with none, against the document's date.


Every expression is first resolved against the article's date. Then ``today``,
``yesterday`` and ``tomorrow`` inside a quotation move to the day its speaker spoke, when a
day-precise date stands outside the quotes in the attribution's sentence (``Speaking after
Wednesday's meeting, Macron said … “…today”``) or in the sentence of the same speaker's
previous statement in the same or the previous paragraph. The statements come from the
document's ``attributions`` layer, read only when a text has such a word.
"""

from __future__ import annotations

import bisect
import datetime as dt

from .. import vocab
from ..spanindex import SpanIndex
from .calendar import value_to_date


class SpeakingDays:
    """Finds the day a quoted ``today`` was said. The statements and expressions are indexed
    once, so each lookup costs the same however long the text is."""

    def __init__(self, doc, found: list):
        self.doc = doc
        order = list(enumerate(doc.attributions))
        self._quoted = [r for r in doc.attributions if r.kind in ("direct", "mixed")]  # in the layer's order
        self._spans = SpanIndex(self._quoted)
        self._by_speaker: dict[str, list] = {}
        for _, r in sorted(order, key=lambda kr: (kr[1].start, kr[0])):
            self._by_speaker.setdefault(r.speaker, []).append(r)
        self._speaker_starts = {sp: [r.start for r in rs] for sp, rs in self._by_speaker.items()}
        self._paragraph = {s.sentence_id: s.paragraph for s in doc.sentences}
        # the day-precise, non-relative dates of each sentence (what a quoted today can take)
        self._days: dict[int, list] = {}
        for t in found:
            if t.type == "DATE" and t.text.lower() not in vocab.RELATIVE_DAYS:
                d, precision = value_to_date(t.value)
                if precision == "day":
                    self._days.setdefault(t.sentence_id, []).append((t.start, d))

    def _around(self, t):
        """The first direct or mixed statement (in the layer's order) whose content holds ``t``."""
        hits = self._spans.holding(t.start, t.end)
        return self._quoted[hits[0]] if hits else None

    def day(self, t) -> dt.date | None:
        """The day the speaker of the quotation around ``t`` spoke, or None."""
        st = self._around(t)
        if st is None:
            return None
        if st.speaker_start is not None:
            day = self._day_outside(self.doc.sentence_at(st.speaker_start).sentence_id, (st.start, st.end))
            if day is not None:
                return day
        same = self._by_speaker.get(st.speaker, [])
        before = same[: bisect.bisect_left(self._speaker_starts[st.speaker], st.start)] if same else []
        for prev in reversed(before):
            sid = self.doc.sentence_at(prev.start).sentence_id
            p_now, p_prev = self._paragraph.get(t.sentence_id), self._paragraph.get(sid)
            if p_now is None or p_prev is None or not 0 <= p_now - p_prev <= 1:
                return None
            day = self._day_outside(sid, (prev.start, prev.end))
            if day is not None:
                return day
        return None

    def _day_outside(self, sid: int, content: tuple[int, int]) -> dt.date | None:
        """The first day-precise, non-relative DATE of sentence ``sid`` outside ``content``."""
        return next((d for start, d in self._days.get(sid, ()) if not content[0] <= start < content[1]), None)


def is_relative_day(t) -> bool:
    return t.text.lower() in vocab.RELATIVE_DAYS


def in_context(found: list, specs: list) -> list:
    """``found`` with the expressions counted from the date under discussion resolved from the
    last date the text named before them: ``the quarter`` and ``the year-earlier quarter`` from
    the last quarter; ``a year earlier`` from the last date (or quarter); ``a year ago`` from
    the last quarter when quarterly results are under discussion (TimeBank's practice); a
    clock time with no day (``at 10 p.m.``) on the last day the text named."""
    import re
    from dataclasses import replace

    last_quarter = last_date = last_day = None
    out = []
    for t, spec in zip(found, specs):
        try:
            value = _from_context(t, spec, last_quarter, last_date, last_day)
        except (OverflowError, ValueError):
            value = None  # the calendar ends before it (``the following year`` after 9999): the value stands
        if value:
            t = replace(t, value=value)
        if not _counted_from_context(spec) and t.type == "DATE":
            if re.fullmatch(r"\d{4}-Q[1-4]", t.value):
                last_quarter = t.value
            elif re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", t.value):
                last_date = t.value
                last_day = t.value if len(t.value) == 10 else last_day
        out.append(t)
    return out


def _counted_from_context(spec) -> bool:
    """Whether an expression's value is counted from the date under discussion (so it does
    not become the date under discussion itself)."""
    if spec.kind == "quarter_of":
        return spec.args[0] is None  # "last year's quarter"; "next year's first quarter" names its own
    return spec.kind in ("context_quarter", "offset", "ago", "anaphoric")


def _from_context(t, spec, last_quarter, last_date, last_day) -> str | None:
    """The value ``t`` takes from the date under discussion, or None to keep its own."""
    from .resolve import anaphoric, context_quarter, quarter_of, shift

    if t.anchor is None:
        return None  # nothing to count from: the unspecified value stands
    if spec.kind == "anaphoric" and last_date:
        # "that year", "the following month": from the date named last, whatever its precision;
        # "that same day" after "last October" is a day of that October (1998-10-XX)
        value = anaphoric(last_date, *spec.args)
        if value is None and tuple(spec.args) == ("day", 0):
            value = last_date + "-XX" * (2 - last_date.count("-"))
        return value
    if spec.kind == "clock" and last_day:
        return last_day + spec.args[0]  # "at 10 p.m.": on the day under discussion
    if spec.kind == "context_quarter":
        return context_quarter(t.anchor, spec.args[0], last_quarter)
    if spec.kind == "quarter_of" and spec.args[0] is None:
        return quarter_of(t.anchor, *spec.args, last=last_quarter)
    if spec.kind == "offset" and (last_quarter or last_date):
        return shift(last_quarter or last_date, *spec.args)
    if spec.kind == "ago" and last_quarter and spec.args[1].startswith("year"):
        return shift(last_quarter, -spec.args[0], spec.args[1])
    return None
