"""Every lexicon, registry and table under ``data/reference/``, through one loader.

Two file shapes, one reader each, both cached:

- ``*.txt`` word lists: ``#`` comments and blank lines skipped; :func:`lines` gives the
  stripped lines, :func:`words` the set of lower-cased words on them.
- ``*.csv`` tables with a header: :func:`rows` gives the rows as dicts of strings,
  :func:`frame` a fresh DataFrame.

The typed lookups the extractors use (cues, the speaker registry, camps, the gazetteer,
measures, units) are built from those readers below, so there is one way to read a file and
one place to see which files the code depends on. The data card (``data/README.md``) has a
line for each file.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

import pandas as pd

from . import paths


@lru_cache(maxsize=None)
def lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of ``data/reference/<name>``, stripped."""
    text = (paths.REFERENCE / name).read_text(encoding="utf-8")
    return tuple(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#"))


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """Every whitespace-separated word of a word list, lower-cased."""
    return frozenset(w.lower() for ln in lines(name) for w in ln.split())


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[MappingProxyType, ...]:
    """The rows of a CSV table as read-only dicts of strings (empty cells are ``""``)."""
    with open(paths.REFERENCE / name, encoding="utf-8", newline="") as fh:
        return tuple(MappingProxyType(dict(r)) for r in csv.DictReader(fh))


def frame(name: str) -> pd.DataFrame:
    """A CSV table as a new DataFrame (numbers parsed, empty cells NaN)."""
    return pd.read_csv(paths.REFERENCE / name)


#: Curly quotes and apostrophes mapped one-for-one to straight ones (lengths, so offsets, kept).
STRAIGHTEN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "‛": "'"})


def straighten(s: str) -> str:
    """``s`` with curly quotes and apostrophes made straight, character for character."""
    return s.translate(STRAIGHTEN)


def norm(s: str) -> str:
    """Lookup key: quotes straightened, spaces folded, lower case."""
    return re.sub(r"\s+", " ", straighten(s)).strip().lower()


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


# ---------------------------------------------------------------- typed lookups


@dataclass(frozen=True)
class Cue:
    lemma: str
    cls: str  # speech / stance / source
    side: str  # left / right: where the speaker stands
    rest: tuple[str, ...] = ()  # the words after the first of a multi-word cue (``according to``)


def cue_index(table) -> dict[str, tuple[Cue, ...]]:
    """First word (lower case) -> every cue whose form opens with it, the longest sequence
    first, from rows of ``cues.csv`` (lemma, forms, class, speaker_side): a multi-word cue is a
    sequence of words, so ``point to`` and ``point out`` stand side by side."""
    out: dict[str, list[Cue]] = {}
    for row in table:
        for form in _split(row["forms"]):
            first, *rest = form.lower().split()
            cue = Cue(row["lemma"], row["class"], row["speaker_side"], tuple(rest))
            if cue not in out.setdefault(first, []):
                out[first].append(cue)
    return {w: tuple(sorted(c, key=lambda cue: -len(cue.rest))) for w, c in out.items()}


@lru_cache(maxsize=1)
def cue_sequences() -> dict[str, tuple[Cue, ...]]:
    """First word -> the cues of ``cues.csv`` that open with it, the longest first."""
    return cue_index(rows("cues.csv"))


@lru_cache(maxsize=1)
def cues() -> dict[str, Cue]:
    """Word form (lower case) -> its cue, from ``cues.csv``: a single word's own cue, else the
    longest sequence it opens (for a membership test; :func:`match_cue` reads the sequence)."""
    return {w: next((c for c in seq if not c.rest), seq[0]) for w, seq in cue_sequences().items()}


def match_cue(words, i: int, index: dict[str, tuple[Cue, ...]] | None = None) -> Cue | None:
    """The cue whose whole sequence of words stands at ``words[i]`` (tokens or strings; the
    longest first: ``points out`` before ``points``), or None."""
    index = cue_sequences() if index is None else index
    if not 0 <= i < len(words):
        return None

    def low(w):
        return w.lower() if isinstance(w, str) else getattr(w, "lower", w)

    for cue in index.get(low(words[i]), ()):  # only the words the sequence covers are read: a cost of its length
        if tuple(low(w) for w in words[i + 1 : i + 1 + len(cue.rest)]) == cue.rest:
            return cue
    return None


@dataclass(frozen=True)
class Registered:
    name: str
    type: str
    role: str
    country: str
    camp: str
    gender: str


@lru_cache(maxsize=1)
def speakers() -> dict[str, Registered]:
    """Normalized name or alias -> registry row (``speakers.csv``)."""
    out = {}
    for row in rows("speakers.csv"):
        entry = Registered(row["name"], row["type"], row["role"], row["country"], row["camp"], row["gender"])
        for alias in [row["name"], *_split(row["aliases"])]:
            out[norm(alias)] = entry
    return out


@lru_cache(maxsize=1)
def speaker_nouns() -> dict[str, str]:
    """Head nouns of speaker descriptions (``official``, ``leaders``) -> speaker type."""
    return {row["noun"].lower(): row["type"] for row in rows("speaker_nouns.csv")}


@lru_cache(maxsize=1)
def camps() -> dict[str, str]:
    """Country, capital, institution and nationality words -> camp (``camps.csv``)."""
    return {norm(row["term"]): row["camp"] for row in rows("camps.csv")}


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Lower-cased name or alias -> type (place, organization, nationality)."""
    return {
        name.lower(): row["type"]
        for row in rows("gazetteer.csv")
        for name in [row["name"].strip(), *_split(row["aliases"])]
    }


@lru_cache(maxsize=1)
def measures() -> dict[str, tuple[str, str]]:
    """Word form -> (measure, category), from ``measures.csv``."""
    return {
        form.lower(): (row["measure"], row["category"]) for row in rows("measures.csv") for form in _split(row["forms"])
    }


@lru_cache(maxsize=None)
def measure_needs() -> dict[str, frozenset[str]]:
    """Word form -> the words one of which its sentence must hold for the form to count as a
    cue (``measures.csv``'s ``needs``: ``tanks`` are weapons in a sentence about war, not in
    one about fuel); forms with no ``needs`` are left out."""
    return {
        form.lower(): frozenset(w.lower() for w in _split(row["needs"]))
        for row in rows("measures.csv") if row.get("needs") for form in _split(row["forms"])
    }


def role_words() -> frozenset[str]:
    """Words that make up role titles (``president``, ``chancellor`` …), ``roles.txt``."""
    return words("roles.txt")


def stopwords() -> frozenset[str]:
    """The project's English stop-word list, ``stopwords.txt``."""
    return words("stopwords.txt")


@dataclass(frozen=True)
class Unit:
    canonical: str
    dimension: str  # currency / percent / length / area / volume / mass / speed / temperature
    factor: float  # to ``base`` (differences only, for temperatures)
    base: str


@lru_cache(maxsize=1)
def units() -> tuple[dict[str, Unit], dict[str, Unit]]:
    """Surface forms written before a number (``$``, ``C$``, ``EUR``) and after it (``km``,
    ``per cent``, ``euros``), lower-cased, each to its unit (``units.csv``)."""
    before, after = {}, {}
    for row in rows("units.csv"):
        unit = Unit(row["canonical"], row["dimension"], float(row["factor"]), row["base"])
        before.update({form.lower(): unit for form in _split(row["before"])})
        after.update({form.lower(): unit for form in _split(row["after"])})
    return before, after
