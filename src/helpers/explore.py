"""The article's anatomy: structure counts, content words, and the names it mentions.

Names are found from the tokens, not from a list of expected answers: runs of capitalised
words (allowing ``of``/``the``/``and`` inside, as in ``Coalition of the Willing``), with a
role title in front (``French President``) stripped and taken as evidence of a person. The
type of a name comes from, in order: the project's gazetteer of places, organisations and
nationalities (``data/reference/gazetteer.csv``, a lookup), a role title before it (person),
an organisation head word at its end (``Commission``, ``agency``), a surname shared with a
person already seen (``Macron`` after ``Emmanuel Macron``), and otherwise two or more
capitalised words (person) or ``other``.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from . import resources
from .document import as_document
from .names import CLITICS, NAME_CONNECTORS, name_type
from .records import Name
from .vocab import MONTHS, WEEKDAYS

#: Words that may join the capitalised words of one name (``Coalition of the Willing``,
#: ``Institute for the Study of War``): the name connectors, without clitics, with ``for``.
CONNECTORS = (NAME_CONNECTORS - CLITICS) | {"for"}
TIME_WORDS = set(MONTHS) | set(WEEKDAYS)
#: Head words that make a name an organisation (``data/reference/org_heads.txt``).

# the lexicons, as they were reachable before ``helpers.resources``
stopwords = resources.stopwords
gazetteer = resources.gazetteer
role_words = resources.role_words


def structure(source) -> pd.DataFrame:
    """Paragraphs, sentences and words per section, in reading order."""
    doc = as_document(source)
    body = doc.frame("sentences")
    body = body[body["unit"] == "body"].copy()
    body["words"] = body["text"].str.split().str.len()
    order = list(dict.fromkeys(p.section for p in doc.article.paragraphs))
    return (
        body.groupby("section", sort=False)
        .agg(paragraphs=("paragraph", "nunique"), sentences=("sentence_id", "size"), words=("words", "sum"))
        .reindex(order)
        .reset_index()
    )


def content_words(source) -> pd.DataFrame:
    """Counts of content words (lower-cased, no stop words, clitics or numbers), most frequent first."""
    stop = resources.stopwords()
    words = [
        t.lower for t in as_document(source).tokens
        if t.is_word and t.lower not in CLITICS and t.lower not in stop and any(c.isalpha() for c in t.lower) and len(t.lower) > 1
    ]
    counts = Counter(words)
    return pd.DataFrame(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])), columns=["word", "count"])


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() and any(c.isalpha() for c in tok)


def _is_stop(tok, stop: frozenset[str]) -> bool:
    """A stop word, unless written as an acronym (``US`` is a country, ``us`` a pronoun)."""
    return tok.lower in stop and not (len(tok.text) > 1 and tok.text.isupper())


def _next_cap(rows, k: int) -> int | None:
    """Index of the capitalised token after a chain of connectors starting at ``k``."""
    while k < len(rows) and rows[k].lower in CONNECTORS and rows[k].lower != "and":
        k += 1
    return k if k < len(rows) and _is_cap(rows[k].text) and k > 0 else None


def _run_end(rows, i: int) -> int:
    """Index of the last token of the capitalised run starting at ``i``."""
    j = i
    while j + 1 < len(rows):
        if _is_cap(rows[j + 1].text):
            j += 1
        elif (k := _next_cap(rows, j + 1)) is not None and k > j + 1:
            j = k
        else:
            break
    return j


def name_layer(doc) -> list[Name]:
    """The ``names`` layer: runs of capitalised words (``of``/``the``/``and`` allowed inside)
    outside the headline (title case), with a role title in front stripped, sentence-opening
    common words and dates left out, a numeral after a run kept (``World War 2``)."""
    mid_caps = {t.text for t in doc.tokens if t.i > 0 and _is_cap(t.text)}
    out: list[Name] = []
    for s in doc.sentences:
        if s.unit == "headline":
            continue  # headline case is title case: every word capitalised
        rows = doc.tokens_by_sentence[s.sentence_id]
        i = 0
        while i < len(rows):
            if not _is_cap(rows[i].text):
                i += 1
                continue
            j = _run_end(rows, i)
            numbered = j + 1 < len(rows) and rows[j + 1].text.isdigit()
            out.extend(_names_in_run(doc, list(rows[i : j + 2 if numbered else j + 1]), rows, mid_caps))
            i = j + 1
    return out


def _names_in_run(doc, run: list, rows, mid_caps: set[str]) -> list[Name]:
    stop, gaz, roles = resources.stopwords(), resources.gazetteer(), resources.role_words()
    sid = rows[0].sentence_id
    out: list[Name] = []

    def emit(part, titled):
        out.append(Name(part[0].start, part[-1].end, doc.text[part[0].start : part[-1].end], sid, titled))

    titled = False
    while run and _is_stop(run[0], stop):  # ``A``/``The``/``On`` opening a sentence
        run = run[1:]
    if run and run[0].lower in TIME_WORDS:  # dates belong to the timeline
        run = []
    if " ".join(r.lower for r in run) not in gaz:
        # a role title in front of a name: strip up to its last role word
        # (``Swiss Foreign Minister Anna Keller``, ``Kremlin spokesperson …``)
        last_role = max((k for k, r in enumerate(run[:-1]) if r.lower.rstrip(".") in roles), default=-1)
        if last_role >= 0:
            titled = True
            if last_role > 0 and run[0].lower in gaz and run[0].lower not in roles:
                emit(run[:1], False)  # ``Kremlin`` in ``Kremlin spokesperson``
            run = run[last_role + 1 :]
            while run and run[0].lower in CONNECTORS:  # Prime Minister [of] Canada
                run = run[1:]
    # a capitalised common word opening a sentence (``However``, ``Speaking``)
    if run and run[0] is rows[0] and len(run) == 1 and (
        _is_stop(run[0], stop) or (run[0].text not in mid_caps and run[0].lower not in gaz)
    ):
        run = []
    while run and run[-1].lower in CONNECTORS:
        run = run[:-1]
    if run and not (len(run) == 1 and (run[0].lower in TIME_WORDS or _is_stop(run[0], stop))):
        emit(run, titled)
    return out


def _kind(m: Name) -> str:
    return name_type(m.text, m.titled)


def names(source) -> pd.DataFrame:
    """People, places, organisations and nationalities mentioned, with counts.

    Columns: ``name`` (the longest form seen; a later surname counts towards the full name),
    ``type``, ``mentions``, ``first_start`` (offset of the first mention), ``forms``.
    """
    mentions = as_document(source).names
    # pass 1: full personal names, so that a bare surname anywhere counts towards them
    surname_of: dict[str, str] = {}
    for m in mentions:
        if _kind(m) == "person" and len(m.text.split()) >= 2:
            surname_of.setdefault(m.text.split()[-1], m.text)
    # pass 2: group and count
    entities: dict[str, dict] = {}
    for m in mentions:
        etype, key = _kind(m), m.text
        if etype in ("other", "person") and m.text in surname_of:
            key, etype = surname_of[m.text], "person"
        ent = entities.setdefault(key, {"name": key, "type": etype, "mentions": 0, "first_start": m.start, "forms": set()})
        ent["mentions"] += 1
        ent["first_start"] = min(ent["first_start"], m.start)
        ent["forms"].add(m.text)
    rows = [
        {**e, "forms": " | ".join(sorted(e["forms"]))}
        for e in sorted(entities.values(), key=lambda e: (-e["mentions"], e["first_start"]))
    ]
    return pd.DataFrame(rows, columns=["name", "type", "mentions", "first_start", "forms"])
