"""Events: what each temporal expression dates, and who takes part.

For each expression, in order: the possessed noun phrase (``Friday’s summit``); for a
duration, the activity it measures (``nearly 11 years of efforts …``); the nearest event
noun with what follows it (``the Nato leaders summit in Britain``) or verb clause (``Putin met
Joe Biden``) before it in its clause; the clause after a fronted date; an event noun right
after it (``the 2019 election``). A duration that runs up to the article's date gets the
date it started. Participants are the names in the event's tokens (``helpers.names``).
"""

from __future__ import annotations

import datetime as dt
import re

from .. import resources
from ..names import canonical_person
from ..records import Event, Timex, Token
from .calendar import shift_months, value_to_date
from .rules import PREPOSITIONS

#: Nouns that name events (``data/reference/event_nouns.txt``).
EVENT_NOUNS = resources.words("event_nouns.txt")
_CLAUSE_PUNCT = {",", ";", ":", "—", '"', "“", "”"}
_START = {"Y": "year", "M": "month", "W": "week", "D": "day"}


def _np_before(toks: list[Token], k: int) -> int:
    """Start index of the noun phrase ending at token ``k`` (determiners, adjectives,
    nouns, possessives: ``Russia’s full-scale invasion``)."""
    a = k
    while a > 0:
        p = toks[a - 1]
        if p.tag.startswith(("NN", "JJ", "DT", "PRP$", "POS", "CD", "VBN")) or p.lower in {"’s", "'s"} or p.text == "-":
            a -= 1
        else:
            break
    return a


def _event_for(toks: list[Token], t: Timex) -> tuple[int, int] | None:
    """Token range of the event a timex dates."""
    i, j = t.token_start, t.token_end
    n = len(toks)
    # "Friday’s summit", "Wednesday’s meeting": the possessed noun phrase
    if j < n and toks[j].lower in {"’s", "'s"}:
        k = j + 1
        while k < n and toks[k].tag.startswith(("NN", "JJ")):
            k += 1
        if k > j + 1:
            return i, k
    # a duration "of" an activity: "nearly 11 years of efforts to seize Ukrainian land"
    if t.type == "DURATION":
        if j < n and toks[j].lower == "of":
            k = j + 1
            while k < n and toks[k].text not in {",", ";", ".", "and"} :
                k += 1
            return (j + 1, k) if k > j + 1 else None
        if j + 2 < n and toks[j].lower == "to" and toks[j + 1].lower == "go" and toks[j + 2].lower in {"until", "before"}:
            k = j + 3
            while k < n and toks[k].text not in {",", ";", "."}:
                k += 1
            return j + 3, k
    lo = i - 1 if i > 0 and toks[i - 1].lower in PREPOSITIONS else i
    # the nearest verb or event noun before the timex, within its clause
    k = lo - 1
    while k >= 0 and toks[k].text not in {",", ";", ":", "—", '"', "“", "”"} and toks[k].lower not in {"that", "which", "who", "if", "while", "though"}:
        if toks[k].lower in EVENT_NOUNS and toks[k].tag.startswith("NN"):
            return _np_before(toks, k), lo  # with what follows it: "a meeting in Alaska"
        is_verb = toks[k].tag.startswith("VB") and (
            toks[k].tag != "VBN" or (k > 0 and toks[k - 1].tag.startswith("VB"))  # a participle only after an auxiliary
        )
        if is_verb:
            # the clause: its subject, the verb and what follows up to the timex
            a = k
            while a > 0 and toks[a - 1].text not in {",", ";", ":", "—", '"', "“", "”"} and toks[a - 1].lower not in {"that", "which", "who", "if", "while", "though", "since", "as", "after", "before", "when", "until"}:
                a -= 1
            return (a, lo) if lo > a else None
        k -= 1
    # a fronted date ("On Wednesday, Trump threatened …"): the clause after it
    if j < n and toks[j].text == ",":
        a = j + 1
        k = a
        while k < n and toks[k].text not in {",", ";", ".", ":"} and toks[k].lower not in {"if", "while", "because", "and"}:
            k += 1
        return (a, k) if k > a else None
    # an event noun right after the date ("the 2019 election")
    if j < n and toks[j].lower in EVENT_NOUNS:
        return i, j + 1
    return None



#: Tags a phrase does not end on: a determiner, preposition, conjunction, possessive pronoun or modal
#: left before the date (``profiting off the [1980s]``, ``… received in 2008 and [in 2012]``).
_OPEN_END_TAGS = ("DT", "IN", "TO", "CC", "PRP$", "WDT", "MD", "POS")
#: Punctuation a phrase does not end on (a closing quotation mark or bracket it does).
_OPEN_END_PUNCT = frozenset({",", ";", ":", "—", "“", "("})


#: Determiners that stand alone as pronouns, so a phrase may end on them (``Trump also confirmed this``).
_PRONOUN_DETERMINERS = frozenset({"this", "that", "these", "those", "all", "both", "each", "some", "any", "none", "either", "neither"})


def _whole_phrase(toks, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """``span`` without the function words it ends on (or a clitic it starts on), so the event
    reads as a whole phrase; None when nothing else is left."""
    if span is None:
        return None
    a, b = span
    while a < b and toks[a].lower in {"’s", "'s"}:  # "That’s why …": the clitic of a word outside the phrase
        a += 1
    while b > a and (toks[b - 1].tag in _OPEN_END_TAGS or toks[b - 1].text in _OPEN_END_PUNCT) \
            and toks[b - 1].lower not in _PRONOUN_DETERMINERS:
        b -= 1
    return (a, b) if b > a else None


def participants(doc, start: int, end: int) -> str:
    """The names the article mentions inside ``[start, end)`` (the document's ``names``
    layer), canonical where the speaker registry knows the person."""
    names = [canonical_person(m.text) for m in doc.names if start <= m.start and m.end <= end]
    return "; ".join(dict.fromkeys(names))


def _duration_start(t, span, stoks) -> tuple[dt.date | None, str | None]:
    """The start of a duration that measures an activity up to the anchor (``nearly 11
    years of efforts``): its date and precision."""
    m = re.fullmatch(r"P(\d+)([YMWD])", t.value)
    if not (t.type == "DURATION" and span and stoks[span[0] - 1].lower == "of" and m and t.anchor):
        return None, None
    n, letter = int(m[1]), m[2]
    a = t.anchor
    start = {
        "Y": lambda: dt.date(a.year - n, a.month, 1),
        "M": lambda: shift_months(a, -n),
        "W": lambda: a - dt.timedelta(weeks=n),
        "D": lambda: a - dt.timedelta(days=n),
    }[letter]()
    return start, _START[letter]


def event_layer(doc) -> list[Event]:
    """The ``events`` layer: one record per temporal expression with the event it dates."""
    out = []
    for t in doc.timexes:
        stoks = doc.tokens_by_sentence[t.sentence_id]
        sentence = doc.sentences[t.sentence_id]
        span = _whole_phrase(stoks, _event_for(list(stoks), t))
        first, last = (stoks[span[0]], stoks[span[1] - 1]) if span else (None, None)
        date, precision = value_to_date(t.value) if t.type == "DATE" else (None, None)
        start, start_precision = _duration_start(t, span, stoks)
        if start is not None:
            date, precision = start, start_precision
        out.append(Event(
            t.timex_id, t.text, t.type, t.value, date, precision,
            doc.text[first.start : last.end] if span else None,
            first.start if span else None, last.end if span else None,
            participants(doc, first.start, last.end) if span else "",
            t.sentence_id, sentence.text,
        ))
    return out
