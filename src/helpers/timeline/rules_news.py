"""Recognition rules written from news the tagger had not been tuned on (the Wikinews gold
of issue 25) and TBAQ's errors, tried after those of ``rules`` and ``rules_year``: a duration
with an evaluative modifier (``a mere three days``), ``at the time``, the trading day of a
market report (``closed the day``), a 24-hour clock reading with its zone (``08:30 UTC``), a
duration written as a clock reading (``2:03:59``); and the year the second end of a range
gives the first (``from May to July 2010``), which ``rules.month_first`` asks for."""

from __future__ import annotations

import re

from .. import vocab
from . import rules
from . import words as w
from .grammar import Match, Spec, fixed, rule
from .words import CLOCK, MERIDIEM


@rule("The ceasefire lasted a mere three days.|a mere three days|DURATION|P3D",
      "He had a scant two hours to decide.|a scant two hours|DURATION|PT2H",
      "It was a mere formality.|||")
def mere_duration(toks, i):
    """``a mere three days``, ``a scant two hours``: the evaluative modifier inside the
    extent, as TimeML puts a duration's modifiers; it gives no ``mod`` (it says small, not
    less)."""
    if toks[i].lower not in ("a", "an") or w.low(toks, i + 1) not in ("mere", "scant", "bare"):
        return None
    if (d := w.duration_at(toks, i + 2)) is None:
        return None
    return Match(i, d[0], "DURATION", fixed(d[1]))


@rule("At the time, he was in Paris.|the time|DATE|PAST_REF",
      "At that time, the plant employed 900.|that time|DATE|PAST_REF",
      "It would be irresponsible at this time.|this time|DATE|PRESENT_REF",
      "He was 12 at the time of the attack.|||",
      "At the time Howes was captured, the group was split.|||",
      "He was, at the time, the largest donor.|the time|DATE|PAST_REF",
      "This time the vote passed.|||")
def at_the_time(toks, i):
    """``at the time``, ``at that time`` (the past under discussion: PAST_REF, as TimeBank
    has ``the time``) and ``at this time`` (PRESENT_REF), the preposition outside the
    extent; not ``at the time of …``, ``… when`` or ``at the time Howes was captured``, dated
    by an event."""
    value = {"the": "PAST_REF", "that": "PAST_REF", "this": "PRESENT_REF"}.get(toks[i].lower)
    if value is None or w.low(toks, i - 1) != "at" or w.low(toks, i + 1) != "time":
        return None
    nxt = toks[i + 2] if i + 2 < len(toks) else None
    if nxt is not None and (nxt.lower in ("of", "when", "that", "which") or nxt.tag.startswith(("NN", "PRP", "DT", "JJ"))):
        return None  # "at the time of the attack", "at the time Howes was captured": an event's time
    return Match(i, i + 2, "DATE", fixed(value))


@rule("The index closed the day at 5,210.|the day|DATE|2025-08-14",
      "For the day, the Nikkei fell 6%.|the day|DATE|2025-08-14",
      "It was in freefall for most of the day.|the day|DATE|2025-08-14",
      "The stock ended the day up 2%, after it fell on Monday.|the day|DATE|2025-08-14",
      "Shares rose at the open but fell later in the day.|||",
      "The day the deal was announced, shares fell.|||",
      "At the end of the day, voters decide.|||",
      "Episodes are available the day after airing.|||")
def trading_day(toks, i):
    """The day a market report is about: ``closed the day``, ``for the day``, ``most of the
    day``: the article's day, the trading day a market report is written on (the last day named is
    as often another market's, ``fell 8.3 percent on Friday``). Not ``the day`` an event
    dates (``the day the deal was announced``, ``the day after airing``), nor ``earlier in
    the day``, which TBAQ leaves (0 of 2)."""
    if toks[i].lower != "the" or w.low(toks, i + 1) != "day":
        return None
    prev, after = w.low(toks, i - 1), w.low(toks, i + 2)
    closing = prev.startswith(("end", "clos", "finish", "open", "start", "begin", "began"))
    of_day = prev == "of" and w.low(toks, i - 2) in ("most", "much", "rest", "part", "remainder")
    for_day = prev == "for" and after in (",", ".")
    return Match(i, i + 2, "DATE", Spec("relday", (0, ""))) if closing or of_day or for_day else None


@rule("The take-off, at 08:30 UTC, was normal.|08:30 UTC|TIME|2025-08-14T08:30",
      "At 0800 GMT the central banks acted.|0800 GMT|TIME|2025-08-14T08:00",
      "As of 18:00 UTC, the index was up.|18:00 UTC|TIME|2025-08-14T18:00",
      "Trading resumed at 14:00 GMT Tuesday.|14:00 GMT Tuesday|TIME|2025-08-12T14:00",
      "He paid 1030 GBP.|||",
      "The blast came at 10:35 a.m. (0735 GMT) Friday.|10:35 a.m.|TIME|2025-08-14T10:35",
      "Flight 0800 left.|||")
def zoned_clock(toks, i):
    """A 24-hour clock reading with its time zone (``08:30 UTC``, ``0800 GMT``): the zone
    inside the extent and out of the value, as TimeBank writes ``4 a.m. EDT Thursday``."""
    m = w.CLOCK_24.fullmatch(toks[i].text)
    if not m or i + 1 >= len(toks) or toks[i + 1].text not in w.TIME_ZONES:
        return None
    if ":" not in toks[i].text and len(toks[i].text) != 4:
        return None  # "830 GMT" is no clock reading; "0800 GMT" is
    if w.low(toks, i - 1) == "(" and any(CLOCK.fullmatch(t.lower) or t.lower in MERIDIEM for t in toks[max(0, i - 4): i - 1]):
        return None  # "10:35 a.m. (0735 GMT)": the same time again, which TimeBank leaves (0 of 1)
    suffix, k = f"T{int(m[1]):02d}:{m[2]}", i + 2
    if w.low(toks, k) in vocab.WEEKDAYS and toks[k].is_cap:  # "14:00 GMT Tuesday"
        wd = vocab.WEEKDAYS[toks[k].lower]
        return Match(i, k + 1, "TIME", Spec("weekday", (wd, w.tense(toks, i, k + 1), suffix)))
    return Match(i, k, "TIME", Spec("clock", (suffix,)))


@rule("He won the marathon in 2:03:59.|2:03:59|DURATION|PT2H3M59S",
      "She swam the 200 m in 1:42.57.|1:42.57|DURATION|PT1M42.57S",
      "The race took 2:00:05.|2:00:05|DURATION|PT2H5S",
      "The alarm rang at 10:15:30.|||")
def clock_duration(toks, i):
    """A duration written as a clock reading: a race time (``2:03:59``, hours, minutes and
    seconds; ``1:42.57``, minutes and seconds), not a time of day (``at 10:15:30``)."""
    m = w.CLOCK_DURATION.fullmatch(toks[i].text)
    if not m or w.low(toks, i - 1) in ("at", "until", "till", "by", "from", "before", "after", "around"):
        return None
    h, mi, sec = (m[1], m[2], m[3]) if m[1] else (None, m[4], m[5])
    parts = [(int(h) if h else 0, "H"), (int(mi), "M"), (float(sec), "S")]
    text = "".join(f"{n:g}{u}" for n, u in parts if n)
    return Match(i, i + 1, "DURATION", fixed("PT" + (text or "0S")))


#: Words joining the two ends of a range (``from May to July 2010``, ``March 3–5, 2019``).
RANGE_JOINS = {"to", "through", "until", "till", "and", "-", "–", "—", "--"}


def range_year(toks, k: int) -> int | None:
    """The year the second end of a range gives the first, which has none: ``May`` in
    ``from May to July 2010`` and ``March 3`` in ``March 3 to 5, 2027`` (two expressions,
    as TimeML writes a range, each in the year written once)."""
    if w.low(toks, k) not in RANGE_JOINS or k + 1 >= len(toks):
        return None
    if w.day(toks[k + 1]) is not None and w.month(toks[k + 1]) is None:  # "to 5, 2027"
        j = k + 3 if w.low(toks, k + 2) == "," else k + 2
        return w.year(toks[j]) if j < len(toks) else None
    second = rules.month_first(toks, k + 1)
    if second is None:
        return None
    if second.spec.kind == "daymonth":
        return second.spec.args[3]
    if second.spec.kind == "value" and re.fullmatch(r"\d{4}-\d{2}", second.spec.args[0]):
        return int(second.spec.args[0][:4])
    return None
