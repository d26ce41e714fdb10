"""Meaning: what a quantity counts, what it measures, and whom or where it is about.

- the counted noun right after it (``four regions``, ``of people``);
- the measure and category from ``data/reference/measures.csv``: the counted noun when it is
  a cue, else the nearest cue in the clause (``killed``, ``displaced``);
- the subject: a place or party after ``of``/``in``/``near``, else a known name in the
  clause or sentence (``helpers.resources.gazetteer``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .. import resources, vocab

WORD = re.compile(r"[A-Za-z][A-Za-z’'\-]*")


IRREGULAR_PLURALS = {"people", "children", "men", "women", "police", "personnel", "staff",
                     "aircraft", "cattle", "sheep", "deer", "crew"}
FUNCTION_WORDS = {"the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "by", "for", "with",
             "that", "which", "who", "was", "were", "is", "are", "have", "has", "had", "be",
             "been", "more", "than", "other", "its", "their", "his", "her", "since", "near",
             "after", "before", "from", "as", "per", "into", "over", "under", "about", "it"}


#: names as modifiers are skipped: "12 Airbus A320 jets", "40 Ukrainian soldiers"
_COUNTED = re.compile(r"\s+(?:of\s+)?(?P<names>(?:[A-Z][\w\-’']*\s+){0,2})(?:([a-z][\w\-’']*)\s+)?([a-z][\w\-’']*)")
#: a people's plural written as a name: "165 Gazans were killed", "36,000 Sudanese have fled"
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ans|ians|ese|is|ites)\Z")


def counted_noun(sent: str, end: int) -> str | None:
    """The counted noun right after a figure (``four regions``, ``of people``, ``pregnant
    women``, ``Gazans``)."""
    m = _COUNTED.match(sent, end)
    if not m:
        return None
    first, second = m.group(2), m.group(3)
    names = m.group("names").split()
    if names and _DEMONYM.match(names[-1]) and (first is None or first in FUNCTION_WORDS) \
            and (first is not None or second in FUNCTION_WORDS or second not in _noun_forms()):
        return names[-1]
    if first in ("more", "other", "additional", "further") and second not in FUNCTION_WORDS:
        return second  # "four more villages"
    if first and first not in FUNCTION_WORDS and second not in FUNCTION_WORDS:
        # adjective + noun ("civilian deaths") or a single noun followed by a verb
        if second.endswith("s") or second in IRREGULAR_PLURALS or second in _noun_forms():
            return second
        return first
    word = first or second
    return None if word in FUNCTION_WORDS else word


@lru_cache(maxsize=1)
def _noun_forms() -> frozenset[str]:
    """Words that are a measure when counted (``deaths``, ``refugees``, ``troops``; ``measures.csv``, role noun)."""
    return frozenset(f.strip().lower() for r in resources.rows("measures.csv") if r["role"] in ("noun", "cue")
                     for f in r["forms"].split("|") if f.strip())


@lru_cache(maxsize=1)
def _cues() -> dict[str, tuple[str, str]]:
    """The cue words of the measures that structure does not give (``measures.csv``, role cue: cost)."""
    return {f.strip().lower(): (r["measure"], r["category"]) for r in resources.rows("measures.csv") if r["role"] == "cue"
            for f in r["forms"].split("|") if f.strip()}


@dataclass(frozen=True)
class _Index:
    """What :func:`measure` and :func:`subject` look up in a sentence, found once for all its
    figures (rescanning the sentence for each made a long one cost its length squared)."""

    words: frozenset[str]  # the sentence's words, lower-cased
    left_breaks: list[int]  # where a clause may open: , ; : — (
    right_breaks: list[int]  # where it may close: , ; : — )
    cue_starts: list[int]  # the measure cues that hold in this sentence, in order
    cue_ends: list[int]
    cue_forms: list[str]
    name_starts: list[int]  # the known names (gazetteer places and organisations), in order
    name_known: list[str]


_OPENS, _CLOSES = re.compile(r"[,;:—(]"), re.compile(r"[,;:—)]")


@lru_cache(maxsize=1)  # the figures of a sentence are read one after another
def _index(sent: str) -> _Index:
    cues = _cues()
    found = list(WORD.finditer(sent))
    words = frozenset(w.group().lower() for w in found)
    held = [w for w in found if w.group().lower() in cues and _cue_holds(w.group().lower(), words)]
    names = [(n.start(), k) for n in _NAME.finditer(sent) if (k := _known(n.group()))]
    return _Index(
        words, [m.start() for m in _OPENS.finditer(sent)], [m.start() for m in _CLOSES.finditer(sent)],
        [w.start() for w in held], [w.end() for w in held], [w.group().lower() for w in held],
        [pos for pos, _ in names], [k for _, k in names],
    )


def _clause_bounds(sent: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``start``..``end``: after the last opening break before it, up to the
    first closing break after it."""
    idx = _index(sent)
    k = bisect_left(idx.left_breaks, start)
    right = bisect_left(idx.right_breaks, end)
    return (idx.left_breaks[k - 1] + 1 if k else 0), (idx.right_breaks[right] if right < len(idx.right_breaks) else len(sent))


def _cue_holds(form: str, sentence_words: set[str] | frozenset[str]) -> bool:
    """A cue form counts unless it needs a context word its sentence lacks (``measures.csv``)."""
    needs = resources.measure_needs().get(form)
    return needs is None or bool(needs & sentence_words)


def _nearest_cue(idx: _Index, lo: int, hi: int, start: int, end: int) -> tuple[int, int] | None:
    """(distance, cue) of the cue among ``idx``'s ``lo``..``hi`` nearest the figure (the earlier
    on a tie). A cue ending by ``start`` is ``start - cue end`` away, any later one ``cue start
    - end``: falling, then rising, so the nearest is on either side of the figure's start."""
    split = min(max(bisect_right(idx.cue_ends, start), lo), hi)
    sides = [k for k in (split - 1, split) if lo <= k < hi]
    ranked = [(start - idx.cue_ends[k] if idx.cue_ends[k] <= start else idx.cue_starts[k] - end, k) for k in sides]
    return min(ranked) if ranked else None


def measure(sent: str, start: int, end: int, noun: str | None) -> tuple[str | None, str]:
    """The measure and category of a figure: its counted noun's when that is a cue, else the
    nearest cue within 60 characters in its clause, else (for a figure that counts no noun)
    the nearest outside it."""
    cues = _cues()
    idx = _index(sent)
    if noun and noun.lower() in cues and _cue_holds(noun.lower(), idx.words):
        return cues[noun.lower()]
    c0, c1 = _clause_bounds(sent, start, end)
    lo, hi = bisect_left(idx.cue_starts, c0), bisect_left(idx.cue_starts, c1)
    if lo < hi:
        best = _nearest_cue(idx, lo, hi, start, end)
    elif noun:
        best = None  # "… driven from their homes, and 2,450,000 voters cast ballots": the voters' own clause decides
    else:
        outside = [b for b in (_nearest_cue(idx, 0, lo, start, end), _nearest_cue(idx, hi, len(idx.cue_starts), start, end)) if b]
        best = min(outside) if outside else None
    if best and best[0] <= 60:
        return cues[idx.cue_forms[best[1]]]
    return None, "other"


def _known(name: str) -> str | None:
    """A gazetteer place or organisation (``Russia’s`` counts as ``Russia``)."""
    gaz = resources.gazetteer()
    for cand in (name, re.split(r"[’']", name)[0]):
        if gaz.get(cand.lower()) in ("place", "organization"):
            return cand
    return None


_NAME = re.compile(r"[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)*")


def subject(sent: str, start: int, end: int, category: str) -> str | None:
    """The place or party a figure is about.

    In order: ``of X``/``in X`` right after it (``a fifth of Ukraine``); a place after
    ``near``/``outside``/``town of`` (``near the town of Dobropillia``); for casualty and
    displacement figures, the first place of the sentence (where it happened); else the
    nearest known name in the same clause, then anywhere in the sentence.
    """
    m = _OF_NAME.match(sent, end)
    if m and _known(m.group(1)):
        return _known(m.group(1))
    if m and category in ("territorial", "other"):
        return m.group(1)  # "1,266 square miles of Hillsborough County": the whole named after the figure
    m = _NEAR_PLACE.search(sent[end : end + 80])
    if m and m.group(1).lower() not in vocab.MONTHS and m.group(1).lower() not in vocab.WEEKDAYS:
        return _known(m.group(1)) or m.group(1)
    idx = _index(sent)
    inside = bisect_left(idx.name_starts, start), bisect_left(idx.name_starts, end)  # names within the figure don't count
    if inside == (0, len(idx.name_starts)):
        return None
    if category in ("casualty", "displacement"):
        return idx.name_known[0 if inside[0] > 0 else inside[1]]
    c0, c1 = _clause_bounds(sent, start, end)
    in_clause = _nearest_name(idx, inside, bisect_left(idx.name_starts, c0), bisect_left(idx.name_starts, c1), start)
    if in_clause or category not in ("territorial", "military"):
        return in_clause  # whose figure: a name of its own clause ("two states" is not the White House's)
    return _nearest_name(idx, inside, 0, len(idx.name_starts), start)


_OF_NAME = re.compile(r"\s*(?:of|in)\s+(?:the\s+)?(" + _NAME.pattern + ")")
_NEAR_PLACE = re.compile(r"\b(?:near|outside|around|(?:town|city|village|region) of)\s+(?:the\s+)?(?:(?:town|city|village) of\s+)?([A-Z][\w’'\-]+)")


def _nearest_name(idx: _Index, inside: tuple[int, int], lo: int, hi: int, start: int) -> str | None:
    """The known name among ``lo``..``hi`` (but not ``inside`` the figure) nearest its start,
    the alphabetically first of two as near: the last before the figure or the first after it."""
    sides = [k for k in (min(inside[0], hi) - 1, max(inside[1], lo)) if lo <= k < hi and not inside[0] <= k < inside[1]]
    ranked = [(abs(idx.name_starts[k] - start), idx.name_known[k]) for k in sides]
    return min(ranked)[1] if ranked else None
