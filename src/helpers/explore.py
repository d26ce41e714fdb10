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

import calendar
import csv
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from . import paths
from .article import Article
from .tokenize import sentences as _sentences
from .tokenize import tokens as _tokens

CLITICS = {"’s", "'s", "’", "'"}
CONNECTORS = {"of", "the", "and", "for", "de", "von", "van", "al"}
TIME_WORDS = (
    {m.lower() for m in calendar.month_name if m}
    | {d.lower() for d in calendar.day_name}
)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The project's English stop-word list (``data/reference/stopwords.txt``)."""
    text = (paths.REFERENCE / "stopwords.txt").read_text(encoding="utf-8")
    return frozenset(
        w.strip().lower() for w in text.split() if w.strip() and not w.startswith("#")
    )


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Lower-cased name or alias -> type (place, organization, nationality)."""
    out = {}
    with open(paths.REFERENCE / "gazetteer.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
                out[name.strip().lower()] = row["type"]
    return out


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """Lower-cased words that make up role titles (``president``, ``chancellor`` …)."""
    text = (paths.REFERENCE / "roles.txt").read_text(encoding="utf-8")
    words = set()
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            words.update(line.lower().split())
    return frozenset(words)


ORG_HEADS = {
    "agency", "alliance", "army", "bank", "commission", "committee", "council", "court",
    "fund", "government", "house", "ministry", "office", "parliament", "party", "service",
    "union", "organization", "organisation", "institute", "forces", "company", "corporation",
    "group", "association", "administration",
}


def structure(article: Article, sents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Paragraphs, sentences and words per section, in reading order."""
    sents = _sentences(article) if sents is None else sents
    body = sents[sents["unit"] == "body"].copy()
    body["words"] = body["text"].str.split().str.len()
    order = list(dict.fromkeys(p.section for p in article.paragraphs))
    out = (
        body.groupby("section", sort=False)
        .agg(paragraphs=("paragraph", "nunique"), sentences=("sentence_id", "size"), words=("words", "sum"))
        .reindex(order)
        .reset_index()
    )
    return out


def content_words(article: Article, toks: pd.DataFrame | None = None) -> pd.DataFrame:
    """Counts of content words (lower-cased, no stop words, clitics or numbers), most frequent first."""
    toks = _tokens(article) if toks is None else toks
    stop = stopwords()
    words = [
        w for w, is_word in zip(toks["lower"], toks["is_word"])
        if is_word and w not in CLITICS and w not in stop and any(c.isalpha() for c in w) and len(w) > 1
    ]
    counts = Counter(words)
    df = pd.DataFrame(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])), columns=["word", "count"])
    return df


@dataclass
class _Mention:
    text: str
    start: int
    end: int
    sentence_id: int
    titled: bool


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() and any(c.isalpha() for c in tok)


def _next_cap(rows, k: int) -> int | None:
    """Index of the capitalised token after a chain of connectors starting at ``k``."""
    while k < len(rows) and rows[k].lower in CONNECTORS and rows[k].lower != "and":
        k += 1
    return k if k < len(rows) and _is_cap(rows[k].text) and k > 0 else None


def _mentions(article: Article, toks: pd.DataFrame, sents: pd.DataFrame) -> list[_Mention]:
    roles, stop, gaz = role_words(), stopwords(), gazetteer()
    unit_of = dict(zip(sents["sentence_id"], sents["unit"]))
    first_of = toks.groupby("sentence_id")["token_id"].transform("min")
    mid_caps = set(toks["text"][(toks["token_id"] != first_of) & toks["text"].map(_is_cap)])
    out: list[_Mention] = []

    def emit(run, sid, titled):
        text = article.text[run[0].start : run[-1].end]
        out.append(_Mention(text, run[0].start, run[-1].end, int(sid), titled))

    for sid, group in toks.groupby("sentence_id", sort=True):
        if unit_of.get(sid) == "headline":
            continue  # headline case is title case: every word capitalised
        rows = list(group.itertuples(index=False))
        i = 0
        while i < len(rows):
            if not _is_cap(rows[i].text):
                i += 1
                continue
            j = i
            while j + 1 < len(rows):
                if _is_cap(rows[j + 1].text):
                    j += 1
                elif (k := _next_cap(rows, j + 1)) is not None and k > j + 1:
                    j = k
                else:
                    break
            run = rows[i : j + 1]
            # a numeral right after the run makes it a numbered name (``World War 2``)
            numbered = j + 1 < len(rows) and rows[j + 1].text.isdigit()
            if numbered:
                run = rows[i : j + 2]
            titled = False
            while run and run[0].lower in stop:  # ``A``/``The``/``On`` opening a sentence
                run = run[1:]
            if run and run[0].lower in TIME_WORDS:  # dates belong to the timeline
                run = []
            if " ".join(r.lower for r in run) not in gaz:
                # a role title in front of a name: strip up to its last role word
                # (``Swiss Foreign Minister Anna Keller``, ``Kremlin spokesperson …``)
                last_role = max((k for k, r in enumerate(run[:-1]) if r.lower in roles), default=-1)
                if last_role >= 0:
                    titled = True
                    if last_role > 0 and run[0].lower in gaz and run[0].lower not in roles:
                        emit(run[:1], sid, False)  # ``Kremlin`` in ``Kremlin spokesperson``
                    run = run[last_role + 1 :]
            # a capitalised common word opening a sentence (``However``, ``Speaking``)
            if run and run[0] is rows[0] and len(run) == 1 and (
                run[0].lower in stop or (run[0].text not in mid_caps and run[0].lower not in gaz)
            ):
                run = []
            while run and run[-1].lower in CONNECTORS:
                run = run[:-1]
            if run and not (len(run) == 1 and run[0].lower in TIME_WORDS | stop):
                emit(run, sid, titled)
            i = j + 1
    return out


def names(article: Article, toks: pd.DataFrame | None = None, sents: pd.DataFrame | None = None) -> pd.DataFrame:
    """People, places, organisations and nationalities mentioned, with counts.

    Columns: ``name`` (the longest form seen; a later surname counts towards the full name),
    ``type``, ``mentions``, ``first_start`` (offset of the first mention), ``forms``.
    """
    sents = _sentences(article) if sents is None else sents
    toks = _tokens(article, sents) if toks is None else toks
    gaz = gazetteer()
    mentions = _mentions(article, toks, sents)

    def kind(m: _Mention) -> str:
        words = m.text.split()
        if m.text.lower() in gaz:
            return gaz[m.text.lower()]
        if words[-1].isdigit():
            return "other"  # a numbered name such as ``World War 2`` or ``Minsk 2``
        if words[-1].lower() in ORG_HEADS:
            return "organization"
        if m.titled or (len(words) >= 2 and all(w[:1].isupper() for w in words)):
            return "person"
        return "other"

    # pass 1: full personal names, so that a bare surname anywhere counts towards them
    surname_of: dict[str, str] = {}
    for m in mentions:
        if kind(m) == "person" and len(m.text.split()) >= 2:
            surname_of.setdefault(m.text.split()[-1], m.text)
    # pass 2: group and count
    entities: dict[str, dict] = {}
    for m in mentions:
        etype = kind(m)
        key = m.text
        if etype in ("other", "person") and m.text in surname_of:
            key, etype = surname_of[m.text], "person"
        ent = entities.setdefault(
            key, {"name": key, "type": etype, "mentions": 0, "first_start": m.start, "forms": set()}
        )
        ent["mentions"] += 1
        ent["first_start"] = min(ent["first_start"], m.start)
        ent["forms"].add(m.text)
    rows = [
        {**e, "forms": " | ".join(sorted(e["forms"]))}
        for e in sorted(entities.values(), key=lambda e: (-e["mentions"], e["first_start"]))
    ]
    return pd.DataFrame(rows, columns=["name", "type", "mentions", "first_start", "forms"])
