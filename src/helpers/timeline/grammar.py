"""The grammar the recognition rules are written in: the underspecified value a rule gives
(:class:`Spec`), its match (:class:`Match`), the registry of rules in the order they are tried
(:data:`RULES`, filled by ``helpers.timeline.rules``) and the walk over a sentence's tokens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import vocab
from ..records import Token
from .words import MODS_BY_FIRST

#: The date the rules' examples are written for (a Thursday).
EXAMPLE_ANCHOR = "2025-08-14"


@dataclass(frozen=True)
class Spec:
    """An underspecified value: ``kind`` names the resolver step, ``args`` its inputs."""

    kind: str  # value / month / daymonth / weekday / next_weekday / period / relday / ago / clock / dayof
    args: tuple = ()


@dataclass(frozen=True)
class Match:
    i: int  # first token
    j: int  # one past the last token
    type: str  # DATE / TIME / DURATION / SET
    spec: Spec
    mod: str | None = None


@dataclass(frozen=True)
class Rule:
    name: str
    find: Callable[[list[Token], int], Match | None]
    examples: tuple[str, ...]


RULES: list[Rule] = []


def rule(*examples: str):
    """Register a rule (tried in the order of registration) with its examples."""

    def register(find):
        RULES.append(Rule(find.__name__, find, examples))
        return find

    return register


def fixed(value: str) -> Spec:
    return Spec("value", (value,))


# ---------------------------------------------------------------- the walk

#: Words that can open a temporal expression; any other token (not a number) is skipped
#: without trying the rules, which keeps the tagger fast on long texts.
_OPENERS = (
    set(MODS_BY_FIRST) | {"every", "each"} | set(vocab.SET_ADVERBS) | set(vocab.PART_MODS)
    | set(vocab.RELATIVE_MODS) | set(vocab.DEICTIC) | set(vocab.ONES) | set(vocab.TENS)
    | {"a", "an", "several", "few", "many", "the"} | set(vocab.MONTHS) | set(vocab.MONTH_ABBREVIATIONS)
    | {m + "." for m in vocab.MONTH_ABBREVIATIONS} | set(vocab.WEEKDAYS) | set(vocab.RELATIVE_DAYS)
    | set(vocab.PARTS_OF_DAY) | {"this", "that"} | set(vocab.TIMEX_UNITS)
    | {words[0] for words in vocab.REFERENCES} | set(vocab.VAGUE_PERIOD_REFS) | set(vocab.QUARTER_ORDINALS)
    | set(vocab.CONTEXT_QUARTER) | {"fiscal"} | set(vocab.SEASONS) | vocab.HOLIDAY_FIRST_WORDS
    | set(vocab.SPOKEN_CENTURIES) | {"two"}
)


def _may_open(tok: Token) -> bool:
    low = tok.lower
    return low in _OPENERS or low[:1].isdigit() or "-" in low


def recognize(toks: list[Token]) -> list[Match]:
    """The expressions of one sentence, left to right, the first rule that matches winning."""
    out = []
    i = 0
    while i < len(toks):
        found = None
        if _may_open(toks[i]):
            found = next((m for r in RULES if (m := r.find(toks, i)) is not None), None)
        if found is None:
            i += 1
            continue
        out.append(found)
        i = found.j
    return out
