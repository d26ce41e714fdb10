"""The grammar the recognition rules are written in: the underspecified value a rule gives
(:class:`Spec`), its match (:class:`Match`), the registry of rules in the order they are tried
(:data:`RULES`, filled by ``helpers.timeline.rules``) and the walk over a sentence's tokens.

The walk tries a rule only at a token that can start it, as spaCy's matchers and HeidelTime's
rule filters do: each rule's *trigger* (the first words, or the patterns of the first token,
without which it cannot match) is derived from its own code (:func:`derive`), so a new rule
needs nothing by hand, and a rule whose start cannot be derived is tried at every token."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import vocab
from ..records import Token
from .triggers import _HELPERS, _TREES, Trigger, derive
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
        _INDEX.clear()
        _HELPERS.clear()
        _TREES.clear()
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


#: Try only the rules a token can start (:func:`candidates`); False tries every rule at every
#: token, as before the index (the tests compare the two).
USE_INDEX = True


def recognize(toks: list[Token], *, indexed: bool | None = None) -> list[Match]:
    """The expressions of one sentence, left to right, the first rule that matches winning.

    With ``indexed`` (default :data:`USE_INDEX`) only the rules a token can start are tried
    there, in their order; without it every rule is tried (the same result, by construction
    and as the tests check on every rule's examples and on whole corpora)."""
    indexed = USE_INDEX if indexed is None else indexed
    out = []
    i = 0
    while i < len(toks):
        found = None
        if _may_open(toks[i]):
            rules = candidates(toks[i]) if indexed else RULES
            found = next((m for r in rules if (m := r.find(toks, i)) is not None), None)
        if found is None:
            i += 1
            continue
        out.append(found)
        i = found.j
    return out


# ---------------------------------------------------------------- the index


_INDEX: dict = {}


def triggers() -> dict[str, Trigger | None]:
    """Each rule's trigger (None: tried at every token), by rule name."""
    return {r.name: t for r, t in _rule_triggers()}


def _rule_triggers() -> list[tuple[Rule, Trigger | None]]:
    if len(_INDEX.get("triggers", ())) != len(RULES):
        pairs = [(r, derive(r.find)) for r in RULES]
        by_word: dict[str, list[int]] = {}
        for n, (_r, t) in enumerate(pairs):
            for word in t.words if t is not None else ():
                by_word.setdefault(word, []).append(n)
        _INDEX.update(triggers=pairs, by_word=by_word, tokens={},
                      patterned=[n for n, (_r, t) in enumerate(pairs) if t is not None and t.patterns],
                      always=[n for n, (_r, t) in enumerate(pairs) if t is None])
    return _INDEX["triggers"]


#: Distinct tokens whose rules are kept (a bound, so memory stays flat on a large corpus).
_TOKEN_MEMO = 50_000


def candidates(tok: Token) -> tuple[Rule, ...]:
    """The rules ``tok`` can start, in their order: those whose trigger it fires and those
    whose trigger could not be derived."""
    pairs = _rule_triggers()
    memo = _INDEX["tokens"]
    key = (tok.text, tok.lower)
    found = memo.get(key)
    if found is None:
        order = set(_INDEX["by_word"].get(tok.lower, ())) | set(_INDEX["always"])
        order |= {n for n in _INDEX["patterned"] if pairs[n][1].fires(tok)}
        found = tuple(pairs[n][0] for n in sorted(order))
        if len(memo) >= _TOKEN_MEMO:
            memo.clear()
        memo[key] = found
    return found
