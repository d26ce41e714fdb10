"""Stage 2, continued: the extent of a cue's content in its sentence.

After the cue (and ``that``, the addressee, a time phrase) to the end of the sentence or to
the next sibling cue; or, when the attribution follows its content, from the start of the
sentence to the attribution, on both sides of it when it stands inside (``Now, she said, the
…``).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import chain, islice

from .. import resources
from ..records import Token
from ..resources import Cue
from .attribution import Speaker, asked_question, low
from .chunks import skip_left
from .words import (
    ADDRESSEE_NOUNS,
    ADDRESSEES,
    ADJUNCT_PREPOSITIONS,
    CONTRAST_SUBORDINATORS,
    DETERMINERS,
    FINITE,
    NOUN_PHRASE_TAGS,
    QUESTION_WORDS,
    STRIP_LEADING,
    SUBORDINATORS,
    TIME_WORDS,
    is_punct,
)


def _after_cue(toks: list[Token], c: int, cue: Cue) -> int:
    """Index of the first content token after the cue (skipping the rest of a multi-word cue,
    addressee, time phrase, that)."""
    k = c + 1 + (len(cue.rest) if cue.side == "left" else 0)  # ``pointed out that``
    if not cue.rest and low(toks, k) in {"out", "back"} and toks[k].tag in {"RP", "RB", "IN"}:
        k += 1  # a particle: ``tweeting out his nickname``, ``wrote back that``
    if cue.lemma == "ask":  # the question, after whom was asked and when: ``asked him on Monday whether``
        q = next((n for n in range(k, min(k + 6, len(toks))) if toks[n].lower in QUESTION_WORDS), None)
        if q is not None and all(not is_punct(u) and u.tag not in FINITE for u in toks[k:q]):
            return q
    if cue.cls == "speech" and cue.lemma != "tell" and low(toks, k) == "to" and k + 1 < len(toks) and (
        toks[k + 1].is_cap or toks[k + 1].tag in {"PRP", "DT", "PRP$"} or toks[k + 1].lower in ADDRESSEES
    ):  # ``explained to CBS why``, ``said to reporters that``
        q = next((n for n in range(k + 2, min(k + 7, len(toks))) if toks[n].lower in QUESTION_WORDS | {"that"}), None)
        if q is not None and all(u.tag in NOUN_PHRASE_TAGS for u in toks[k + 1 : q]):
            return q + 1 if toks[q].lower == "that" else q
    if cue.lemma == "tell" and k < len(toks):
        # the addressee: a name, a pronoun, ``reporters``, ``a news conference``
        if toks[k].lower in ADDRESSEES:
            k += 1
        else:
            n = k
            while n < len(toks) and (toks[n].lower in DETERMINERS or toks[n].tag == "PRP$"):
                n += 1
            m = n
            while m < len(toks) and (toks[m].is_cap or toks[m].lower in ADDRESSEE_NOUNS or toks[m].lower in {"news", "press", "state", "television"}):
                m += 1
            if m > n:
                k = m
        # a longer addressee before ``that``: ``told conservative radio host Hugh Hewitt on
        # Wednesday that``, ``told city leaders that``: no verb and no clause break before it
        for n in range(k, min(k + 12, len(toks))):
            if toks[n].lower == "that" and n > k:
                if n + 1 < len(toks) and toks[n + 1].tag not in {"MD", "VBD", "VBZ"}:
                    return n + 1
                break
            if toks[n].tag in FINITE or toks[n].tag in {"VB", "VBG"} or toks[n].text in {",", ";", ":", ".", "“", '"', "''"}:
                break
    # a short time phrase or adverb, or a phrase of time or place (``said after a lunch on
    # Tuesday that``), then ``that``
    for n in range(k, min(k + 13, len(toks))):
        if toks[n].lower == "to" and cue.cls != "speech" and n > k and _time_phrase(toks[k:n]):
            return n  # an intention after a time phrase: ``sought on Wednesday to ease …``
        if toks[n].lower == "that":
            if n + 1 < len(toks) and toks[n + 1].tag in {"MD", "VBD", "VBZ"}:
                break  # ``that`` is the subject (``worry that would reward …``)
            between = toks[k:n]
            if n - k < 5 and _time_phrase(between):
                return n + 1
            if between and between[0].lower in ADJUNCT_PREPOSITIONS | {"for", "to", "with"} and all(
                t.tag in {"IN", "TO", "CC", "DT", "JJ", "NN", "NNS", "NNP", "CD", "PRP$", "POS"} for t in between
            ):  # ``wrote in an email to POLITICO that``
                return n + 1
            break
        if is_punct(toks[n]):
            break
    if k < len(toks) and toks[k].lower in STRIP_LEADING and cue.cls == "stance":
        k += 1
    return k


#: Words of a short time phrase or adverb between a cue and its ``that`` or ``to``.
_TIME_PHRASE = {"on", "this", "last", "next", "in", "earlier", "again", "publicly", "also"}


def _time_phrase(words: list[Token]) -> bool:
    """``on Tuesday``, ``again``, ``publicly``: what may stand between a cue and ``that``."""
    return all(u.lower in TIME_WORDS or u.lower in _TIME_PHRASE or u.tag == "RB" for u in words)


def content_end(toks: list[Token], k: int) -> int:
    """Index after the last content token: trailing sentence punctuation left out."""
    while k > 0 and toks[k - 1].text in {".", "!", "?", ";", ":", ",", "-", "–", "—", "--"}:
        k -= 1
    return k


def span(toks: list[Token], a: int, b: int) -> tuple[int, int] | None:
    """Character span of tokens ``a`` .. ``b - 1``; None when the range is empty."""
    if a >= b:
        return None
    return toks[a].start, toks[b - 1].end


_DASHES = {"-", "—", "–"}


#: The most tokens a content spans. A sentence holds a few dozen (the longest of PolNeAR's 924
#: train and dev texts, 979 characters, about 200); in a run of thousands of words with no
#: punctuation each cue's content would run on to the end, and the statements cost the
#: square of the length (issue 26). Contents longer than this keep their first tokens.
MAX_CONTENT_TOKENS = 400


def region(toks: list[Token], plans, t: Token, cue: Cue, sp: Speaker) -> tuple[int, int]:
    """Token range ``[a, b)`` of a cue's content: after the cue up to a sibling cue, or, when
    the attribution follows its content, from the sentence's start to the attribution; at
    most ``MAX_CONTENT_TOKENS`` long."""
    postposed = (
        not sp.right and not sp.coord and sp.left >= 1
        and toks[sp.left].text in {",", "”", '"', "’", "''"}
        and (only_adjuncts(toks, t.i + 1, addressee=cue.lemma == "tell")
             or (toks[sp.left].text != "," and low(toks, t.i + 1) in _DASHES))  # ``- ''…,'' Elkins said - but``
    ) or (sp.right and sp.left == t.i and t.i > 0 and toks[skip_left(toks, t.i - 1)].text in {",", "”", '"', "''"})
    if postposed:
        return _postposed(toks, t, cue, sp)
    if sp.right and cue.rest and t.i > 1 and toks[t.i - 1].text == ":":  # ``…: According to X, …``
        b0 = (sp.extent or sp.chunk)[-1].i + 1
        return _capped(b0 + 1 if b0 < len(toks) and toks[b0].text == "," else b0, content_end(toks, len(toks)))
    if sp.right and cue.rest and t.i > 1 and toks[t.i - 1].tag not in FINITE:
        # ``Clinton leads by 271 delegates according to a count by the AP``: no comma before
        b = t.i
        while b > 0 and is_punct(toks[b - 1]):
            b -= 1
        return _capped(0, b, keep="end")
    if sp.right and t.i <= 1:  # ``According to X, …``, ``As reported by X, …``
        b0 = (sp.extent or sp.chunk)[-1].i + 1
        a = b0 + 1 if b0 < len(toks) and toks[b0].text == "," else b0
        return _capped(a, content_end(toks, len(toks)))
    a = _after_cue(toks, t.i, cue)
    if sp.unsourced and cue.lemma == "ask":  # the question, after when and where it was put
        q = next((n for n in range(a, min(a + 8, len(toks))) if toks[n].lower in QUESTION_WORDS | {"about", "to"}), None)
        if q is not None and all(not is_punct(u) and u.tag not in FINITE for u in toks[a:q]):
            a = q
    b = content_end(toks, len(toks))
    if sp.fronted:  # the fronted clause ends at the comma before its speaker
        b = content_end(toks, sp.left)
    a, b = _capped(a, b)
    if sp.unsourced and cue.lemma == "ask" and asked_question(toks, t.i):
        comma = next((k for k in range(a, b) if toks[k].text == ","), None)
        if comma is not None:
            b = content_end(toks, comma)  # ``When asked why …, Tyler said``: the question ends at the comma
    if sp.relative:  # the relative clause ends at a comma before the main clause's verb
        for k in range(a + 1, b - 1):
            if toks[k].text == "," and toks[k + 1].tag in FINITE:
                b = content_end(toks, k)
                break
    for k in range(a + 1, b - 1):  # the reporter's own clause begins
        if toks[k].lower in {"and", "but"} and toks[k + 1].lower in CONTRAST_SUBORDINATORS:
            b = content_end(toks, k)  # ``and while …, he …``
            break
        if toks[k].text == "," and k + 2 < b and toks[k + 1].lower in {"but", "while", "although"} and toks[k + 2].lower in {"he", "she", "they"}:
            b = content_end(toks, k)  # ``…, but he sounded a note of …``: the speaker as the subject of a new clause
            break
    if toks[0].lower in SUBORDINATORS - {"that"} and not sp.fronted and not any(u.text == "," for u in toks[: t.i]):
        # the cue inside a fronted clause ends its content at the clause's comma
        comma = next((k for k in range(a, b) if toks[k].text == ","), None)  # ``As Trump began tweeting X, his son``
        if comma is not None and comma > a:
            b = content_end(toks, comma)
    return a, _before_sibling(toks, plans, t, a, b)


def _capped(a: int, b: int, keep: str = "start") -> tuple[int, int]:
    """``[a, b)`` cut to ``MAX_CONTENT_TOKENS``, keeping its start (or, for a content that ends
    at its attribution, its end)."""
    if b - a <= MAX_CONTENT_TOKENS:
        return a, b
    return (a, a + MAX_CONTENT_TOKENS) if keep == "start" else (b - MAX_CONTENT_TOKENS, b)


def _postposed(toks: list[Token], t: Token, cue: Cue, sp: Speaker) -> tuple[int, int]:
    """The content of an attribution that follows it (``…, she said``): from the sentence's
    start (or the dash before the attribution) to the attribution, or on past it when the
    content resumes (``Now, she said, the …``)."""
    b = sp.chunk[0].i if not sp.right else t.i
    while b > 0 and is_punct(toks[b - 1]):
        b -= 1
    a = 0
    if low(toks, t.i + 1) in _DASHES:  # the attribution between dashes: the content after the first
        a = next((k + 1 for k in range(b - 1, max(b - 1 - MAX_CONTENT_TOKENS, -1), -1) if toks[k].text in _DASHES), 0)
    a = max(a, b - MAX_CONTENT_TOKENS)
    while a < b and toks[a].text in {'"', "“", "‘", "``", "''"}:
        a += 1
    # ``Now, she said, the …``: content on both sides; but after ``said X,`` an
    # appositive on X does not resume it (``But that is not enough, said X, a …``)
    # (when the words before hold no verb, the words after need none to be its clause:
    # ``In the end, Mr. Rosenthal said, union voters almost always end up …``)
    resume = parenthetical_resume(toks, t.i + 1 + len(cue.rest),
                                  clause=cue.side != "right" and any(u.tag.startswith("VB") for u in toks[a:b]))
    if resume is not None and not (sp.right and (toks[resume].lower in {"a", "an"} or toks[resume].lower in resources.role_words())):
        return a, min(content_end(toks, len(toks)), resume + MAX_CONTENT_TOKENS)
    return a, b


def _before_sibling(toks: list[Token], plans, t: Token, a: int, b: int) -> int:
    """The content's end ``b``, cut where a later sibling cue's attribution begins."""
    for p in range(bisect_right(plans, t.i, key=_cue_index), len(plans)):  # a later sibling cue ends the content
        t2, cue2, sp2 = plans[p]
        if t2.i <= t.i or (sp2.chunk and sp2.chunk[0].i == a and not sp2.coord):
            continue
        if cue2.cls == "source" or sp2.coord or not sp2.right:
            cut = sp2.left if sp2.left >= 0 else (sp2.chunk[0].i if sp2.chunk else t2.i)
            if sp2.coord and sp2.left < 0:
                cut = t2.i
                while cut > a and toks[cut - 1].lower not in {"and", "but"}:
                    cut -= 1
                cut -= 1
            # a cue whose speaker stands inside this content with no clause break before it
            # is nested in it (``whether he would counsel Clinton to ask Sanders …``, ``as
            # many as 30 percent of his backers say …``): the content goes on
            if a < cut < b and (sp2.coord or cue2.cls == "source" or _clause_break(toks, a, cut)):
                b = content_end(toks, cut)
            break
    return b


def _cue_index(plan) -> int:
    return plan[0].i  # plans are in token order


def _clause_break(toks: list[Token], a: int, cut: int) -> bool:
    return any(toks[k].text in {",", ";", ":", "—", "–"} or toks[k].lower in {"and", "but", "while", "whereas"}
               for k in range(a, cut + 1))


def parenthetical_resume(toks: list[Token], k: int, clause: bool = True) -> int | None:
    """Where the content goes on after a parenthetical attribution (``Now, she said, the
    Christians and Muslims don't mix much``): the token after the comma that ends the
    attribution's adjuncts, when a clause with a finite verb follows (any words, after
    ``according to X``: ``clause=False``) that is not a new attribution, a participle or a
    subordinate clause of the reporter's; else None."""
    n, last = k, min(len(toks), k + MAX_CONTENT_TOKENS)  # adjuncts longer than a content end nothing
    while n < last and toks[n].text not in {",", ";", ".", "!", "?"}:
        n += 1
    if n >= last or toks[n].text != ",":
        return None
    rest = (toks[m] for m in range(n + 1, len(toks)) if toks[m].text not in {".", "!", "?"})  # read as far as needed
    first = list(islice(rest, 3))
    if len(first) < 3 or first[0].tag == "VBG" or first[0].lower in SUBORDINATORS | {"and", "but", "who", "which", "according"}:
        return None
    if first[0].lower in resources.cues() or (clause and not any(u.tag in FINITE for u in chain(first, rest))):
        return None  # after ``according to X,`` the rest of a clause may have no verb of its own
    return n + 1


def only_adjuncts(toks: list[Token], k: int, addressee: bool = False) -> bool:
    """True when the cue ends its clause: what follows up to a comma or the sentence's end is
    nothing, an addressee (any noun phrase after ``told``: ``his closest advisers``), a time
    phrase or ``in a statement``."""
    n = k
    while n < len(toks) and toks[n].text not in {",", ";", ".", "!", "?"}:
        if is_punct(toks[n]):
            return False  # a quote, colon or dash after the cue opens its content
        n += 1
    while addressee and k < n and toks[k].tag in NOUN_PHRASE_TAGS and toks[k].lower != "that":
        k += 1
    seg = toks[k:n]
    if not seg:
        return True
    if any(t.lower == "that" for t in seg[1:-1]) or (seg[0].lower == "that" and len(seg) > 1):
        return False  # ``said on Tuesday that …``: the content follows
    if seg[0].lower in {"on", "in", "at", "from", "last", "this", "earlier", "late", "later", "after", "before", "during"}:
        return True
    if seg[0].lower in {"when", "while", "as", "if"} and len(seg) > 1 and seg[1].tag in {"VBN", "VBG", "VBD"}:
        return True  # a participle clause: ``Berg said when asked about …``
    in_phrase = False  # inside a prepositional phrase: ``told the court in his filing``
    for t in seg:  # ``said Tuesday in Paris``, ``told reporters at the White House``
        in_phrase = in_phrase or t.lower in ADJUNCT_PREPOSITIONS
        if not (t.lower in ADDRESSEES or t.lower in TIME_WORDS or t.is_cap or t.lower in DETERMINERS or t.lower in ADDRESSEE_NOUNS
                or t.lower in {"this", "last", "next"}
                or t.lower in ADJUNCT_PREPOSITIONS or (in_phrase and t.tag in {"PRP$", "JJ", "NN", "NNS", "CD"})):
            return False
    return True
