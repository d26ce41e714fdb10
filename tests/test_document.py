"""The Document: every layer computed once, typed frozen records with exact offsets, and
the thin wrappers giving the same tables as the document."""

from __future__ import annotations

import dataclasses

import pytest

from helpers import explore, quantities, quotes, timeline, tokenize
from helpers.article import parse_article
from helpers.document import LAYERS, Document, as_document
from helpers.records import Event, Name, Quantity, Sentence, Statement, Timex, Token

QUOTED_TODAY = (
    "Speaking after Tuesday's meeting, Mayor Ana Ruiz said: “We signed the deal today.”\n"
    "The council will vote on Friday, officials said."
)
NO_QUOTES = "The bridge reopened on Monday after three weeks of repairs costing $2 million."


def test_every_layer_is_computed_once_however_often_it_is_read(seed):
    doc = Document(seed)
    for _ in range(3):
        assert doc.statements and doc.timexes and doc.events and doc.quantities and doc.names
        for name in ("sentences", "tokens", "statements", "timexes", "events", "quantities"):
            doc.frame(name)
    explore.names(doc), explore.content_words(doc), explore.structure(doc)
    quotes.quotes(doc), timeline.timexes(doc), timeline.events(doc), quantities.figures(doc)
    assert set(doc.computed) == {"sentences", "tokens", "names", "attributions", "statements", "timexes", "events", "quantities"}
    assert all(n == 1 for n in doc.computed.values()), doc.computed


def test_timexes_read_the_attributions_only_for_a_quoted_today():
    doc = Document(parse_article(QUOTED_TODAY, id="t", date="2025-03-13"))  # a Thursday
    today = next(t for t in doc.timexes if t.text == "today")
    assert (today.anchor.isoformat(), today.value) == ("2025-03-11", "2025-03-11")  # Tuesday's meeting
    assert doc.computed["attributions"] == 1
    # the statements layer reuses those attributions: Ruiz's quote and what officials said
    assert [(s.speaker, s.kind) for s in doc.statements] == [("Ana Ruiz", "direct"), ("officials", "indirect")]
    assert doc.computed["attributions"] == 1

    plain = Document(parse_article(NO_QUOTES, id="u", date="2025-03-13"))
    assert [t.text for t in plain.timexes] == ["Monday", "three weeks"]
    assert "attributions" not in plain.computed  # no quoted today: the quote extractor never ran


def test_layers_declare_needs_that_exist():
    for name, spec in LAYERS.items():
        assert set(spec.needs) <= set(LAYERS), name
        assert set(spec.reads) <= set(LAYERS) and not set(spec.reads) & set(spec.needs), name


def test_the_timexes_declare_that_they_read_the_attributions():
    # read on demand, for a quoted "today" (timeline.anchoring), never computed first
    assert LAYERS["timexes"].reads == ("attributions",)
    assert "attributions" not in LAYERS["timexes"].needs


@pytest.mark.parametrize("layer, cls", [
    ("sentences", Sentence), ("tokens", Token), ("names", Name), ("attributions", Statement),
    ("statements", Statement), ("timexes", Timex), ("events", Event), ("quantities", Quantity),
])
def test_records_are_typed_frozen_and_point_at_their_text(seed, layer, cls):
    doc = Document(seed)
    records = doc.layer(layer)
    assert records and all(type(r) is cls for r in records)
    with pytest.raises(dataclasses.FrozenInstanceError):
        records[0].text = "x"
    for r in records:
        if hasattr(r, "start") and r.start is not None and not isinstance(r, Event):
            assert seed.text[r.start : r.end] == r.text


def test_statements_add_scores_to_the_same_attributions(seed):
    doc = Document(seed)
    assert len(doc.statements) == len(doc.attributions) == 27
    for st, at in zip(doc.statements, doc.attributions):
        assert dataclasses.replace(st, **{k: None for k in Statement.SCORES}) == at
        assert -1 <= st.vader_compound <= 1 and 0 <= st.tb_subjectivity <= 1


def test_wrappers_accept_an_article_or_a_document(seed):
    doc = Document(seed)
    assert as_document(doc) is doc and as_document(seed).article is seed
    assert quotes.quotes(seed).equals(quotes.quotes(doc))
    assert timeline.timexes(seed).equals(doc.frame("timexes"))
    assert quantities.figures(seed).equals(doc.frame("quantities")[lambda d: ~d["kind"].isin(["duration", "age"])].reset_index(drop=True))
    assert tokenize.sentences(seed).equals(doc.frame("sentences"))
    assert list(doc.frame("tokens").columns) == Token.COLUMNS


def test_sentence_at_finds_the_sentence_of_an_offset(seed):
    doc = Document(seed)
    for s in doc.sentences:
        assert doc.sentence_at(s.start) is s
        assert doc.sentence_at(s.end - 1) is s
