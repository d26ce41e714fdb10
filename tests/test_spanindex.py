"""The span index behind the quote and quoted-statement lookups."""

from __future__ import annotations

from types import SimpleNamespace as S

from helpers.spanindex import SpanIndex


def test_holding_finds_every_span_that_covers_the_stretch_in_list_order():
    spans = [S(start=10, end=50), S(start=0, end=5), S(start=20, end=30), S(start=60, end=61), S(start=12, end=100)]
    index = SpanIndex(spans)
    assert index.holding(25, 26) == [0, 2, 4]  # nested spans, given out of order
    assert index.holding(25, 35) == [0, 4]  # a stretch that runs past the inner span
    assert index.holding(5, 6) == []  # an end is exclusive
    assert index.holding(60, 61) == [3, 4]
    assert index.holding(200, 201) == [] and SpanIndex([]).holding(0, 1) == []


def test_holding_agrees_with_a_scan_of_every_span():
    import random

    rng = random.Random(7)
    spans = [S(start=a, end=a + rng.randint(1, 40)) for a in (rng.randint(0, 500) for _ in range(300))]
    index = SpanIndex(spans)
    for _ in range(500):
        a = rng.randint(0, 560)
        b = a + rng.randint(1, 5)
        assert index.holding(a, b) == [k for k, s in enumerate(spans) if s.start <= a and s.end >= b]
