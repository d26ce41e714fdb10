"""Cost grows linearly with the text (issue 14): 4x the text takes about 4x the time and memory.

The text is the body of our own test articles repeated; each size runs on a fresh
``Document`` after a warm-up, so loading word lists and models is not counted."""

from __future__ import annotations

import gc
import time
import tracemalloc

import pytest

from helpers.article import load_article, parse_article
from helpers.document import Document
from helpers.paths import ROOT

ARTICLES = [ROOT / "data" / "raw" / "000_87517c3568669267.txt", *sorted((ROOT / "tests" / "articles").glob("*.txt"))]
LAYERS = ("statements", "timexes", "quantities")


def _body(repeat: int) -> str:
    paragraphs = [p.text for path in ARTICLES for p in load_article(path).paragraphs]
    return "\n\n".join(paragraphs * repeat)


def _cost(text: str, layer: str) -> tuple[float, int]:
    doc = Document(parse_article(text, date="2025-08-14"))
    doc.tokens  # noqa: B018  (tokenizing is NLTK's and the same for every layer)
    gc.collect()
    gc.disable()  # the collector's pauses are noise here, not the extractor's cost
    try:
        t0 = time.perf_counter()
        found = doc.layer(layer)
        return time.perf_counter() - t0, len(found)
    finally:
        gc.enable()


@pytest.mark.parametrize("layer", LAYERS)
def test_time_grows_linearly(layer):
    small, large = _body(40), _body(160)  # about 280,000 and 1,100,000 characters
    _cost(small, layer)  # warm-up: resources and models loaded once
    ratios = []
    for _ in range(3):  # a busy machine can slow one run; a quadratic cost slows every one
        (t_small, n_small), (t_large, n_large) = (min(_cost(text, layer) for _ in range(2)) for text in (small, large))
        assert n_small > 0 and n_large >= 3.5 * n_small  # the same findings, four times over
        ratios.append(t_large / t_small)
        if ratios[-1] < 5.0:
            break
    assert min(ratios) < 5.0, f"{layer}: 4x the text took {min(ratios):.1f}x the time"


@pytest.mark.parametrize("layer", ("statements", "timexes"))
def test_memory_grows_linearly(layer):
    small, large = _body(2), _body(8)
    _cost(small, layer)
    peaks = []
    for text in (small, large):
        tracemalloc.start()
        _cost(text, layer)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    assert peaks[1] / peaks[0] < 5.0, f"{layer}: 4x the text took {peaks[1] / peaks[0]:.1f}x the memory"
