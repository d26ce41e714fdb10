"""Every recognition rule of the timeline runs its own examples (``rule(...)`` in
``helpers.timeline.rules``), for an article dated Thursday 2025-08-14. The expected values
were worked out with a calendar when the examples were written."""

from __future__ import annotations

import pytest

from helpers import timeline
from helpers.article import parse_article
from helpers.timeline.rules import EXAMPLE_ANCHOR, RULES

EXAMPLES = [(r.name, ex) for r in RULES for ex in r.examples]


def test_every_rule_has_examples():
    assert len(RULES) >= 15
    assert all(r.examples for r in RULES)


@pytest.mark.parametrize("rule, example", EXAMPLES, ids=[f"{n}:{e.split('|')[0][:30]}" for n, e in EXAMPLES])
def test_rule_example(rule, example):
    sentence, extent, typ, value, *mod = example.split("|")
    found = timeline.timexes(parse_article(sentence, id="x", date=EXAMPLE_ANCHOR))
    if not extent:
        assert found.empty, found.to_dict("records")
        return
    hit = found[found["text"] == extent]
    assert len(hit) == 1, (sentence, found["text"].tolist())
    row = hit.iloc[0]
    assert (row["type"], row["value"]) == (typ, value)
    assert (row["mod"] or None) == (mod[0] if mod else None)
