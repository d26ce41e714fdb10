"""Noun-phrase chunks around a cue: the words before it that are not the speaker (adverbs,
auxiliaries, asides), the noun phrase that ends at a position, and a clause's subject.

Part of stage 2 (``attribution``), kept apart so the speaker rules read on their own.
"""

from __future__ import annotations

import re

from ..records import Token
from .words import (
    BOUNDARY_PUNCT,
    DETERMINERS,
    DISCOURSE_ADVERBS,
    FINITE,
    PRONOUNS,
    QUANTIFIER_PRONOUNS,
    SKIP_BEFORE_CUE,
    SUBORDINATORS,
    TIME_WORDS,
)


def skip_left(toks: list[Token], j: int) -> int:
    """Index of the first token left of ``j`` that is not an adverb, auxiliary, time phrase,
    a parenthesis (``Sen. Bernie Sanders (I-Vt.) said``) or an adverb set off by commas
    (``Others, however, say``)."""
    while j >= 0:
        t = toks[j]
        if t.tag == "MD" and t.is_cap and j > 0:
            break  # a name, not an auxiliary: ``In particular, Will wrote, …``
        if t.lower == "to" and j >= 2 and toks[j - 1].lower == "on" and toks[j - 2].lower in {"went", "go", "goes", "going"}:
            j -= 3  # ``D’Souza went on to explain``
            continue
        if t.lower == "to" and j >= 1 and toks[j - 1].lower in SKIP_BEFORE_CUE and toks[j - 1].tag.startswith("VB"):
            j -= 2  # ``began to say``, ``continued to insist``
            continue
        if t.lower in SKIP_BEFORE_CUE or (t.tag == "RB" and t.lower.endswith("ly")):
            j -= 1
        elif t.text == ")":
            k = j - 1
            while k >= 0 and toks[k].text != "(" and j - k < 12:
                k -= 1
            if k <= 0 or toks[k].text != "(":
                break
            j = k - 1
        elif t.text == "," and j >= 3 and (toks[j - 1].tag == "RB" or toks[j - 1].lower in DISCOURSE_ADVERBS) and toks[j - 2].text == ",":
            j -= 3
        elif t.lower in TIME_WORDS and j > 0 and toks[j - 1].lower in {"on", "this", "last", "next", "in", "earlier"}:
            j -= 2
        else:
            break
    return j


def _is_boundary(t: Token) -> bool:
    return t.text in BOUNDARY_PUNCT or t.lower in SUBORDINATORS or t.lower == "whether"


def valid_chunk(chunk: list[Token], longest: int = 16) -> bool:
    if not chunk or len(chunk) > longest:
        return False
    if any(t.tag in FINITE and t.lower not in {"'s", "’s"} and not t.is_cap and "-" not in t.text for t in chunk):
        return False  # (a hyphenated compound read as a verb is a modifier: ``the 50-state poll``)
    if len(chunk) == 1 and (chunk[0].lower in PRONOUNS or chunk[0].lower in QUANTIFIER_PRONOUNS):
        return True  # ``he said``, ``Several said``, ``Others say``
    if len(chunk) == 2 and chunk[0].lower in {"those", "these"} and chunk[1].tag in {"VBN", "VBD"}:
        return True  # ``those surveyed say``, ``those polled said``
    if len(chunk) == 2 and chunk[0].lower == "the" and chunk[1].tag == "CD":
        return True  # ``the two write``
    if all(t.lower in DETERMINERS for t in chunk):
        return False
    # a speaker is a name, a pronoun or a noun phrase with a noun in it, or a web address
    return any(t.tag.startswith("NN") or t.is_cap or t.tag == "PRP" or WEB_ADDRESS.fullmatch(t.text) for t in chunk)


#: A site named by its address: ``ouest-france.fr``, ``Factcheck.org``.
WEB_ADDRESS = re.compile(r"(?:[\w-]+\.)+(?:com|org|net|gov|edu|fr|de|uk|co|io|info|news)", re.IGNORECASE)


def left_chunk(toks: list[Token], j: int) -> tuple[list[Token], int]:
    """The noun phrase ending at ``j`` back to a boundary; returns it and the boundary's index."""
    k = j
    while k >= 0 and not _is_boundary(toks[k]) and not (toks[k].tag in FINITE and not toks[k].is_cap and toks[k].lower not in {"'s", "’s"}):
        k -= 1
    chunk = toks[k + 1 : j + 1]
    while chunk and chunk[0].lower in {"and", "but", "so", "yet", "or"}:
        chunk = chunk[1:]  # ``…, and the bank’s chief said``
    return chunk, k


def clause_subject(toks: list[Token], j: int, verbs=FINITE) -> list[Token]:
    """Subject of the clause that ends at ``j``: from the clause's start to its first verb
    (a tag in ``verbs``)."""
    k = j
    while k >= 0 and toks[k].text not in BOUNDARY_PUNCT and toks[k].lower not in SUBORDINATORS:
        k -= 1
    clause = toks[k + 1 : j + 1]
    for n, t in enumerate(clause):
        if t.tag in verbs and not t.is_cap:
            return trim_adverbs(clause[:n])
    return []


def trim_adverbs(subj: list[Token]) -> list[Token]:
    """A subject without the adverbs and auxiliaries before its verb (``Macron also``)."""
    while subj and (subj[-1].lower in SKIP_BEFORE_CUE or subj[-1].tag == "RB"):
        subj = subj[:-1]
    return subj
