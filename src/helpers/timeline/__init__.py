"""Temporal expressions with TIMEX3 values, the events they date, and the context timeline.

The ``timexes`` layer is three steps, each a module of this package:

1. ``rules``: recognition. Rules tried in order at each token give the extent, the type and
   an underspecified value (``weekday 4, past tense``); every rule carries its examples.
2. ``resolve``: the underspecified value turned into a TIMEX3 value from the anchor date.
3. ``anchoring``: a quoted ``today`` re-anchored to the day its speaker spoke.

Then ``event_finder`` finds what each expression dates (the ``events`` layer); what the
timeline notebook draws is its view, ``helpers.views.timeline``. ``calendar`` is the date
arithmetic they share.

- DATE: ``14 August 2025``, ``August 14, 2025``, ``Aug. 15``, ``2025-08-14``, ``February
  2022``, ``March``, ``2019``, ``the 1990s`` (``199``), ``mid-2024`` (mod ``MID``),
  weekdays, ``today``, ``this week`` (``2025-W33``), ``last year``, ``earlier this year``
  (mod ``START``, as TimeBank), ``two days ago``.
- TIME: ``tonight``, ``overnight``, ``Saturday morning``, ``11 a.m.``, ``midnight``.
- DURATION: ``one day`` (``P1D``), ``nearly 11 years`` (``P11Y``, mod ``LESS_THAN``),
  ``48 hours`` (``PT48H``), ``weeks`` (``PXW``), ``the past week``.
- SET: ``every year`` (``P1Y``), ``every four years`` (``P4Y``), ``annually``.

Not timexes: years inside names and counts (``World War 2``, ``2000 troops``), ordinals.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from ..document import as_document
from ..records import Event, Timex, to_frame
from . import anchoring
from .calendar import (  # noqa: F401  (the public calendar helpers, as before the split)
    ago,
    duration_value,
    impossible_day,
    relative_period,
    resolve_month,
    resolve_weekday,
    shift_months,
    value_to_date,
    week_value,
)
from .resolve import resolve
from .rules import RULES, recognize  # noqa: F401

COLUMNS = Timex.COLUMNS
EVENT_COLUMNS = Event.COLUMNS


def timex_layer(doc) -> list[Timex]:
    """The ``timexes`` layer: recognized, resolved against the article's date, re-anchored.

    Plain text read without a date has no anchor: its values keep what the text gives and
    leave the rest unspecified (``XXXX-WXX-5``), as the TIMEX3 guidelines write them, and
    ``anchor`` is empty.
    """
    article = doc.article
    found, specs = [], []
    for s in doc.sentences:
        toks = doc.tokens_by_sentence[s.sentence_id]
        for m in recognize(list(toks)):
            start, end = toks[m.i].start, toks[m.j - 1].end
            value = resolve(m.spec, article.date)
            if impossible_day(value) or impossible_day(resolve(m.spec, None)):
                continue  # `February 30` names no day: not a date
            found.append(Timex(
                len(found) + 1, start, end, doc.text[start:end], m.type, value,
                m.mod, article.date, s.sentence_id, m.i, m.j,
            ))
            specs.append(m.spec)
    days = None  # built only when a text has a relative day (it reads the attributions)
    for n, (t, spec) in enumerate(zip(list(found), specs)):
        if anchoring.is_relative_day(t):
            days = days or anchoring.SpeakingDays(doc, found)
            if (day := days.day(t)) is not None:
                found[n] = replace(t, anchor=day, value=resolve(spec, day))
    return anchoring.in_context(found, specs)


def timexes(source) -> pd.DataFrame:
    """One row per temporal expression (columns ``COLUMNS``), in reading order; ``anchor``
    is the date the value was resolved against. ``source``: an ``Article`` or ``Document``."""
    return to_frame(as_document(source).timexes, Timex)


def events(source) -> pd.DataFrame:
    """One row per temporal expression with the event it dates (columns ``EVENT_COLUMNS``)."""
    return to_frame(as_document(source).events, Event)
