"""Cost grows linearly with the text (issue 14): 4x the text takes about 4x the time and memory.

The text is the body of our own test articles repeated; each size runs on a fresh
``Document`` after a warm-up, so loading word lists and models is not counted. One sentence
with no full stop (issue 26) is the same words run together: every extractor must
cost its length there too, not its square."""

from __future__ import annotations

import gc
import re
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
    if layer == "timexes":
        doc.attributions  # noqa: B018  (read for a quoted "today"; measured as the statements' cost)
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


def _unpunctuated(length: int) -> str:
    """One sentence of ``length`` characters: the test articles' words without a full stop
    (their commas and quotation marks kept, so the quotes have cues and contents to find)."""
    words = re.sub(r"[.!?…]", "", " ".join(p.strip() for p in _body(1).split("\n\n"))).split()
    text = " ".join(words * (length // len(" ".join(words)) + 1))
    return text[: text.rfind(" ", 0, length)]


@pytest.mark.parametrize("layer", LAYERS)
def test_one_long_sentence_without_punctuation_costs_its_length(layer):
    small, large = _unpunctuated(40_000), _unpunctuated(160_000)
    assert len(Document(parse_article(large, date="2025-08-14")).sentences) == 1
    _cost(small, layer)  # warm-up
    ratios = []
    for _ in range(3):  # a busy machine can slow one run; a quadratic cost slows every one
        (t_small, n_small), (t_large, n_large) = (min(_cost(text, layer) for _ in range(2)) for text in (small, large))
        assert n_small > 0 and n_large >= 3.5 * n_small
        ratios.append(t_large / t_small)
        if ratios[-1] <= 4.5:
            break
    assert min(ratios) <= 4.5, f"{layer}: one sentence 4x as long took {min(ratios):.1f}x the time"
