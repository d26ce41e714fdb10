"""Meaning: what a quantity counts, what it measures, and whom or where it is about.

- the counted noun right after it (``four regions``, ``of people``);
- the measure and category from ``data/reference/measures.csv``: the counted noun when it is
  a cue, else the nearest cue in the clause (``killed``, ``displaced``);
- the subject: a place or party after ``of``/``in``/``near``, else a known name in the
  clause or sentence (``helpers.resources.gazetteer``).
"""

from __future__ import annotations

import re

from .. import resources, vocab

WORD = re.compile(r"[A-Za-z][A-Za-z’'\-]*")


IRREGULAR_PLURALS = {"people", "children", "men", "women", "police", "personnel", "staff",
                     "aircraft", "cattle", "sheep", "deer", "crew"}
FUNCTION_WORDS = {"the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "by", "for", "with",
             "that", "which", "who", "was", "were", "is", "are", "have", "has", "had", "be",
             "been", "more", "than", "other", "its", "their", "his", "her", "since", "near",
             "after", "before", "from", "as", "per", "into", "over", "under", "about", "it"}


def counted_noun(sent: str, end: int) -> str | None:
    """The counted noun right after a figure (``four regions``, ``of people``)."""
    rest = sent[end:]
    # names as modifiers are skipped: "12 Airbus A320 jets", "40 Ukrainian soldiers"
    m = re.match(r"\s+(?:of\s+)?(?:[A-Z][\w\-’']*\s+){0,2}(?:([a-z][\w\-’']*)\s+)?([a-z][\w\-’']*)", rest)
    if not m:
        return None
    first, second = m.group(1), m.group(2)
    if first and first not in FUNCTION_WORDS and second not in FUNCTION_WORDS:
        # adjective + noun ("civilian deaths") or a single noun followed by a verb
        if second.endswith("s") or second in resources.measures():
            return second
        return first
    word = first or second
    return None if word in FUNCTION_WORDS else word


def _clause_bounds(sent: str, start: int, end: int) -> tuple[int, int]:
    left = max(sent.rfind(ch, 0, start) for ch in ",;:—(")
    right_candidates = [sent.find(ch, end) for ch in ",;:—)"]
    right = min([r for r in right_candidates if r >= 0], default=len(sent))
    return left + 1, right


def _cue_holds(form: str, sentence_words: set[str]) -> bool:
    """A cue form counts unless it needs a context word its sentence lacks (``measures.csv``)."""
    needs = resources.measure_needs().get(form)
    return needs is None or bool(needs & sentence_words)


def measure(sent: str, start: int, end: int, noun: str | None) -> tuple[str | None, str]:
    cues = resources.measures()
    words = list(WORD.finditer(sent))
    sentence_words = {w.group().lower() for w in words}
    if noun and noun.lower() in cues and _cue_holds(noun.lower(), sentence_words):
        return cues[noun.lower()]
    c0, c1 = _clause_bounds(sent, start, end)
    best = None
    for w in words:
        form = w.group().lower()
        if form not in cues or not _cue_holds(form, sentence_words):
            continue
        in_clause = c0 <= w.start() < c1
        if not in_clause and noun:
            continue  # "… driven from their homes, and 2,450,000 voters cast ballots": the voters' own clause decides
        distance = start - w.end() if w.end() <= start else w.start() - end
        rank = (0 if in_clause else 1, distance)
        if best is None or rank < best[0]:
            best = (rank, cues[form])
    if best and best[0][1] <= 60:
        return best[1]
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
    after = sent[end:]
    m = re.match(r"\s*(?:of|in)\s+(?:the\s+)?(" + _NAME.pattern + ")", after)
    if m and _known(m.group(1)):
        return _known(m.group(1))
    m = re.search(r"\b(?:near|outside|around|(?:town|city|village|region) of)\s+(?:the\s+)?(?:(?:town|city|village) of\s+)?([A-Z][\w’'\-]+)", after[:80])
    if m and m.group(1).lower() not in vocab.MONTHS and m.group(1).lower() not in vocab.WEEKDAYS:
        return _known(m.group(1)) or m.group(1)
    known = [(n.start(), _known(n.group())) for n in _NAME.finditer(sent)]
    known = [(pos, k) for pos, k in known if k and not (start <= pos < end)]
    if not known:
        return None
    if category in ("casualty", "displacement"):
        return known[0][1]
    c0, c1 = _clause_bounds(sent, start, end)
    in_clause = [(abs(pos - start), k) for pos, k in known if c0 <= pos < c1]
    if in_clause:
        return min(in_clause)[1]
    return min((abs(pos - start), k) for pos, k in known)[1]
