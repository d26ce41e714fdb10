"""The article and its annotation layers, each computed once, on first use.

::

    doc = Document(load_article(path))
    doc.sentences      # tuple[Sentence]
    doc.tokens         # tuple[Token], with part-of-speech tags
    doc.names          # tuple[Name]: mentions of people, places and organisations
    doc.attributions   # tuple[Statement]: who said what, unscored
    doc.statements     # tuple[Statement]: the attributions with TextBlob and VADER scores
    doc.timexes        # tuple[Timex]
    doc.events         # tuple[Event]: what each temporal expression dates
    doc.quantities     # tuple[Quantity]
    doc.frame("statements")   # a DataFrame, made at the edge

A layer is an entry of ``LAYERS``: the function that computes it from the document and the
layers it needs. The document computes the needs first and hands the function nothing but
itself, so no extractor recomputes another's work (the timexes read the attributions to
anchor a quoted "today", on demand; they never run the quote extractor themselves).
``doc.computed`` counts how often each layer was computed: once at most.
"""

from __future__ import annotations

import bisect
import importlib
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from . import records
from .article import Article, parse_article
from .invisible import INVISIBLE, OffsetMap


@dataclass(frozen=True)
class Layer:
    compute: str  # "module:function", imported on first use
    needs: tuple[str, ...]
    record: type
    reads: tuple[str, ...] = ()  # layers read on demand only, never computed first (the timexes' attributions)


LAYERS: dict[str, Layer] = {
    "sentences": Layer("helpers.tokenize:sentence_layer", (), records.Sentence),
    "tokens": Layer("helpers.tokenize:token_layer", ("sentences",), records.Token),
    "names": Layer("helpers.explore:name_layer", ("tokens",), records.Name),
    "attributions": Layer("helpers.quotes:attribution_layer", ("sentences", "tokens"), records.Statement),
    "statements": Layer("helpers.sentiment:statement_layer", ("attributions",), records.Statement),
    # the timexes read the attributions only for a quoted "today" (see timeline.anchoring)
    "timexes": Layer("helpers.timeline:timex_layer", ("tokens",), records.Timex, reads=("attributions",)),
    "events": Layer("helpers.timeline.event_finder:event_layer", ("timexes", "names"), records.Event),
    "quantities": Layer("helpers.quantities:quantity_layer", ("sentences",), records.Quantity),
}


def _function(spec: str):
    module, name = spec.split(":")
    return getattr(importlib.import_module(module), name)


class Document:
    """An ``Article`` with its layers; see the module's docstring."""

    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        self._layers: dict[str, tuple] = {}
        self.computed: Counter[str] = Counter()
        #: with invisible characters in the text: the document of the text without them, and
        #: the map of its offsets back (see ``helpers.invisible``)
        self._visible: tuple[Document, OffsetMap] | None = None
        if INVISIBLE.search(article.text):
            offsets = OffsetMap(article.text)
            clean = parse_article(offsets.clean, id=article.id, path=article.path, date=article.date)
            self._visible = (Document(clean), offsets)

    def __repr__(self) -> str:
        return f"Document({self.article.id!r}, layers={sorted(self._layers)})"

    def layer(self, name: str) -> tuple:
        """The records of one layer, computed (with what it needs) on first use."""
        if name not in self._layers and self._visible is not None:
            doc, offsets = self._visible
            self.computed[name] += 1
            self._layers[name] = tuple(offsets.record(r) for r in doc.layer(name))
        if name not in self._layers:
            spec = LAYERS[name]
            for need in spec.needs:
                self.layer(need)
            self.computed[name] += 1
            self._layers[name] = tuple(_function(spec.compute)(self))
        return self._layers[name]

    sentences = property(lambda self: self.layer("sentences"))
    tokens = property(lambda self: self.layer("tokens"))
    names = property(lambda self: self.layer("names"))
    attributions = property(lambda self: self.layer("attributions"))
    statements = property(lambda self: self.layer("statements"))
    timexes = property(lambda self: self.layer("timexes"))
    events = property(lambda self: self.layer("events"))
    quantities = property(lambda self: self.layer("quantities"))

    def frame(self, name: str, columns=None) -> pd.DataFrame:
        """A layer as a DataFrame (``statements`` with its six score columns)."""
        spec = LAYERS[name]
        if columns is None and spec.record is records.Statement and name == "statements":
            columns = records.Statement.COLUMNS + records.Statement.SCORES
        return records.to_frame(self.layer(name), spec.record, columns)

    # ------------------------------------------------------------ navigation

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, pos: int) -> records.Sentence:
        """The sentence that contains (or last started before) character offset ``pos``."""
        k = bisect.bisect_right(self._sentence_starts, pos) - 1
        return self.sentences[max(0, k)]

    @cached_property
    def tokens_by_sentence(self) -> dict[int, tuple[records.Token, ...]]:
        """Each sentence's tokens, in order (every sentence id present, possibly empty)."""
        out: dict[int, list] = {s.sentence_id: [] for s in self.sentences}
        for t in self.tokens:
            out[t.sentence_id].append(t)
        return {sid: tuple(ts) for sid, ts in out.items()}


def as_document(source: Article | Document) -> Document:
    """A ``Document`` for an article, or the document itself (so wrappers accept both)."""
    return source if isinstance(source, Document) else Document(source)
