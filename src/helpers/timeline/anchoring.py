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

import datetime as dt

from .. import vocab
from .calendar import value_to_date


def speaking_day(doc, found: list, t) -> dt.date | None:
    """The day the speaker of the quotation around ``t`` spoke, or None."""
    hit = [r for r in doc.attributions if r.start <= t.start and r.end >= t.end and r.kind in ("direct", "mixed")]
    if not hit:
        return None
    st = hit[0]
    if st.speaker_start is not None:
        day = _day_outside(found, doc.sentence_at(st.speaker_start).sentence_id, (st.start, st.end))
        if day is not None:
            return day
    paragraph = {s.sentence_id: s.paragraph for s in doc.sentences}
    before = [r for r in doc.attributions if r.speaker == st.speaker and r.start < st.start]
    for prev in reversed(before):
        sid = doc.sentence_at(prev.start).sentence_id
        p_now, p_prev = paragraph.get(t.sentence_id), paragraph.get(sid)
        if p_now is None or p_prev is None or not 0 <= p_now - p_prev <= 1:
            return None
        day = _day_outside(found, sid, (prev.start, prev.end))
        if day is not None:
            return day
    return None


def _day_outside(found: list, sid: int, content: tuple[int, int]) -> dt.date | None:
    """The first day-precise, non-relative DATE of sentence ``sid`` outside ``content``."""
    for t in found:
        if t.sentence_id == sid and t.type == "DATE" and not (content[0] <= t.start < content[1]):
            d, precision = value_to_date(t.value)
            if precision == "day" and t.text.lower() not in vocab.RELATIVE_DAYS:
                return d
    return None


def is_relative_day(t) -> bool:
    return t.text.lower() in vocab.RELATIVE_DAYS


def in_context(found: list, specs: list) -> list:
    """``found`` with the expressions counted from the date under discussion resolved from the
    last date the text named before them: ``the quarter`` and ``the year-earlier quarter`` from
    the last quarter; ``a year earlier`` from the last date (or quarter); ``a year ago`` from
    the last quarter when quarterly results are under discussion (TimeBank's practice)."""
    import re
    from dataclasses import replace

    from .resolve import context_quarter, shift

    last_quarter = last_date = None
    out = []
    for t, spec in zip(found, specs):
        value = None
        if t.anchor is None:
            value = None  # nothing to count from: the unspecified value stands
        elif spec.kind == "context_quarter":
            value = context_quarter(t.anchor, spec.args[0], last_quarter)
        elif spec.kind == "offset" and (last_quarter or last_date):
            value = shift(last_quarter or last_date, *spec.args)
        elif spec.kind == "ago" and last_quarter and spec.args[1].startswith("year"):
            value = shift(last_quarter, -spec.args[0], spec.args[1])
        if value:
            t = replace(t, value=value)
        if spec.kind not in ("context_quarter", "offset", "ago") and t.type == "DATE":
            if re.fullmatch(r"\d{4}-Q[1-4]", t.value):
                last_quarter = t.value
            elif re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", t.value):
                last_date = t.value
        out.append(t)
    return out
