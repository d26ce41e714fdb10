"""Which spans hold a given stretch of text, answered by bisection.

The quote marks and the quoted statements are looked up once per token or per expression;
a scan of every span per lookup made long texts cost the square of their length. Sorted
by start, with the furthest end reached so far, a lookup walks back only over the spans
that can still reach the position (one or two, as quotes seldom nest)."""

from __future__ import annotations

import bisect


class SpanIndex:
    """Spans (anything with ``start`` and ``end``), indexed by start."""

    def __init__(self, spans) -> None:
        order = sorted(range(len(spans)), key=lambda k: (spans[k].start, k))
        self._order = order  # positions in the list given, by start
        self._starts = [spans[k].start for k in order]
        self._ends = [spans[k].end for k in order]
        reach, far = [], None
        for end in self._ends:
            far = end if far is None else max(far, end)
            reach.append(far)
        self._reach = reach  # the furthest end of any span up to each one

    def holding(self, start: int, end: int) -> list[int]:
        """The positions (in the list given) of the spans with ``span.start <= start`` and
        ``span.end >= end``, smallest first."""
        k = bisect.bisect_right(self._starts, start) - 1
        found = []
        while k >= 0 and self._reach[k] >= end:
            if self._ends[k] >= end:
                found.append(self._order[k])
            k -= 1
        return sorted(found)
