"""Stage 1: quotation marks, paired per text unit; quotes that run over paragraphs grouped.

Curly and straight double quotes, and curly single quotes that are not apostrophes, are
paired per unit. A body paragraph that ends inside a quote and a next paragraph that opens
with a quote mark make one multi-paragraph quote; a quote mark left open at a paragraph's
end without such a continuation closes there. :func:`mark_direct` then tells a *direct*
quote (it opens a sentence, follows ``said:``/``said,``, spans sentences, or continues from
the previous paragraph) from a *fragment* inside reported speech.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

from ..article import Article
from ..spanindex import SpanIndex


@dataclass
class Quote:
    open: int  # offset of the opening mark
    start: int  # content start
    end: int  # content end (the closing mark's offset, or the unit's end when unclosed)
    closed: bool
    unit: int  # index of the unit (paragraph) it sits in
    group: int = -1  # quotes running over paragraphs share a group
    direct: bool = False
    close_width: int = 0  # the closing mark's length (``”`` 1, ``''`` 2; 0 when unclosed)

    @property
    def after(self) -> int:
        """The offset just past the closing mark (``end`` when unclosed)."""
        return self.end + self.close_width


#: Quote marks; ``''`` is the typewriter double quote of wire copy and some newspapers.
_QUOTE_MARK = re.compile("''|[“”\"‘’]")


def _scan_quotes(text: str, base: int, unit: int) -> list[Quote]:
    """Pair quotation marks in one unit. Apostrophes (``Ukraine’s``, ``’90s``) are not quotes."""
    out: list[Quote] = []
    dbl: int | None = None  # the open double mark and its width
    dw = 1
    sgl: int | None = None
    n = len(text)
    for mark in _QUOTE_MARK.finditer(text):  # only the quote characters, not every character
        k, c, w = mark.start(), mark.group(), len(mark.group())
        c = '"' if c == "''" else c
        prev = text[k - 1] if k else " "
        nxt = text[k + w] if k + w < n else " "
        if c == '"' and dbl is None and not ((prev.isspace() or prev in "([—–-") and not nxt.isspace()):
            continue  # a straight mark that can neither open nor close: stray
        if c == "“" and dbl is not None and not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)"):
            c = "”"  # an opening mark typed for a closing one, after a word: ``“It's unusual,“ said X``
        if c == "“" or (c == '"' and dbl is None):
            if dbl is not None:  # a second opening mark: close the first where the new one starts
                out.append(Quote(base + dbl, base + dbl + dw, base + k, False, unit))
            dbl, dw = k, w
            sgl = None
        elif c in "”\"" and dbl is not None:
            out.append(Quote(base + dbl, base + dbl + dw, base + k, True, unit, close_width=w))
            dbl = None
            sgl = None
        elif c == "‘" and dbl is None and (prev.isspace() or prev in "([—–-") and not nxt.isspace():
            sgl = k
        elif c == "’" and sgl is not None and not nxt.isalpha():
            out.append(Quote(base + sgl, base + sgl + 1, base + k, True, unit, close_width=1))
            sgl = None
    if dbl is not None:
        out.append(Quote(base + dbl, base + dbl + dw, base + n, False, unit))
    return sorted(out, key=lambda q: q.open)


class Quotes(list):
    """The quotations in reading order (sorted by opening mark), with the two lookups the
    stages make per token answered by bisection, so a long text costs in proportion to its
    length. Build it once the quotes' offsets are final."""

    def __init__(self, quotes=()):
        super().__init__(quotes)
        self._opens = [q.open for q in self]
        self._spans = SpanIndex(self)

    def at(self, pos: int) -> Quote | None:
        """The first quote (in reading order) whose content holds ``pos``."""
        hits = self._spans.holding(pos, pos + 1)
        return self[hits[0]] if hits else None

    def opening_within(self, a: int, b: int) -> list[Quote]:
        """The quotes whose opening mark lies in ``[a, b]``, in reading order."""
        return self[bisect.bisect_left(self._opens, a):bisect.bisect_right(self._opens, b)]


def quotations(article: Article) -> Quotes:
    """Every quotation in reading order, with multi-paragraph quotes grouped."""
    quotes: list[Quote] = []
    units = article.units()
    for u, (_kind, span) in enumerate(units):
        quotes.extend(_scan_quotes(span.text, span.start, u))
    group = 0
    for k, q in enumerate(quotes):
        prev = quotes[k - 1] if k else None
        if (
            prev is not None
            and not prev.closed
            and units[prev.unit][0] == "body"
            and q.unit == prev.unit + 1
            and q.open == units[q.unit][1].start
        ):
            q.group = prev.group  # the same quote goes on in the next paragraph
        else:
            group += 1
            q.group = group
    return Quotes(quotes)


# ---------------------------------------------------------------- mentions and entities


def tokens_before(toks, pos: int) -> Prefix:
    """The tokens of a sentence that end by ``pos`` (a prefix: tokens are in text order),
    found by bisection and not copied; a list comprehension walked the whole sentence for
    every quote."""
    return Prefix(toks, bisect.bisect_right(toks, pos, key=_END))


_END = attrgetter("end")


class Prefix(Sequence):
    """The first ``n`` tokens of a sentence, read in place (indices, negative ones and slices
    as in the list ``toks[:n]``)."""

    __slots__ = ("toks", "n")

    def __init__(self, toks, n: int):
        self.toks, self.n = toks, n

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self.toks[j] for j in range(self.n)[k]]
        return self.toks[range(self.n)[k]]


def mark_direct(doc, quotes: list[Quote], lead_cue) -> None:
    """Set ``direct`` on each quote; ``lead_cue(tokens_before)`` finds ``said:``/``said,``."""
    groups = Counter(q.group for q in quotes)
    for q in quotes:
        s = doc.sentence_at(q.open)
        toks = doc.tokens_by_sentence[s.sentence_id]
        before = tokens_before(toks, q.open)
        multi = doc.sentence_at(max(q.start, q.end - 1)) is not s
        colon = bool(before) and before[-1].text == ":"  # ``For example: “…,” he told CNN``
        q.direct = not before or multi or colon or lead_cue(before) is not None or groups[q.group] > 1
