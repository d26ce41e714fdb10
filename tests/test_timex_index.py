"""The timex rules indexed by the tokens that can start them (``helpers.timeline.grammar``):
each rule's trigger is read from its own code, a rule is tried only where its trigger fires
(or everywhere when none could be read), and the output is the same as trying every rule at
every token: on every rule's examples, the seed, the shipped corpus and, where present,
TimeBank and AQUAINT (TBAQ-cleaned, not in the repository)."""

from __future__ import annotations

import re
from dataclasses import asdict

import pytest

from helpers import vocab
from helpers.article import load_article, parse_article
from helpers.document import Document
from helpers.paths import DATA, SEED_ARTICLE
from helpers.timeline import grammar
from helpers.timeline.grammar import RULES, derive
from helpers.timeline.rules import EXAMPLE_ANCHOR

TBAQ = DATA / "external" / "tbaq"


def _timexes(doc_source, indexed: bool, monkeypatch) -> list[dict]:
    monkeypatch.setattr(grammar, "USE_INDEX", indexed)
    return [asdict(t) for t in Document(doc_source).timexes]


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_every_example_gives_the_same_matches_with_and_without_the_index(rule):
    for example in rule.examples:
        doc = Document(parse_article(example.split("|")[0], id="x", date=EXAMPLE_ANCHOR))
        for toks in doc.tokens_by_sentence.values():
            toks = list(toks)
            assert grammar.recognize(toks, indexed=True) == grammar.recognize(toks, indexed=False), example
            trigger = grammar.triggers()[rule.name]
            for i in range(len(toks)):
                if rule.find(toks, i) is not None:  # where the rule matches, its trigger fires
                    assert trigger is None or trigger.fires(toks[i]), (rule.name, toks[i].text)


def test_most_rules_have_a_trigger_and_the_index_skips_them_elsewhere():
    found = grammar.triggers()
    assert len(found) == len(RULES)
    indexed = [name for name, t in found.items() if t is not None]
    assert len(indexed) >= len(RULES) // 2, indexed
    assert found["weekday"].words == frozenset(vocab.WEEKDAYS)
    assert found["every"].words == {"every", "each"}
    assert found["reference"].words == {words[0] for words in vocab.REFERENCES}
    assert found["iso_date"].patterns and not found["iso_date"].words
    doc = Document(parse_article("Talks resumed on Friday in Paris.", id="x", date=EXAMPLE_ANCHOR))
    toks = list(doc.tokens_by_sentence[0])
    friday = next(t for t in toks if t.text == "Friday")
    names = [r.name for r in grammar.candidates(friday)]
    assert "weekday" in names and "every" not in names and "iso_date" not in names
    always = [name for name, t in found.items() if t is None]
    assert all(name in names for name in always)  # a rule whose start was not read is tried everywhere
    assert names == [r.name for r in RULES if r.name in names]  # in the rules' own order


# functions written as rules are: what the derivation reads, and what it must leave alone
def _guarded(toks, i):
    low = toks[i].lower
    if low not in ("alpha", "beta") or i > 3:
        return None
    return i


def _branches(toks, i):
    if toks[i].lower == "gamma" and i > 0:
        return i
    if (m := re.fullmatch(r"\d+-odd", toks[i].text)) and m:
        return i
    value = {"delta": 1}.get(toks[i].lower)
    return value if value else None


def _unreadable(toks, i):
    for k in range(i, len(toks)):
        if toks[k].lower == "omega":
            return k
    return None


PHRASES = {("so", "far"): 1, ("to", "date"): 2}


def _phrases(toks, i):
    for words, value in sorted(PHRASES.items()):
        if tuple(t.lower for t in toks[i : i + len(words)]) == words:
            return value
    return None


def _shadowed(toks, i):
    PHRASES = ("x",)  # noqa: N806 (a local that hides the module's name)
    if toks[i].lower not in PHRASES:
        return None
    return i


def _reassigned(toks, i):
    i = i + 1
    if toks[i].lower != "alpha":
        return None
    return i


def test_the_derivation_reads_guards_and_branches_and_gives_up_elsewhere():
    assert derive(_guarded).words == {"alpha", "beta"} and not derive(_guarded).patterns
    t = derive(_branches)
    assert t.words == {"gamma", "delta"} and [(p.pattern, attr) for p, _m, attr in t.patterns] == [(r"\d+-odd", "text")]
    assert derive(_unreadable) is None  # a loop it cannot read: tried at every token
    assert derive(_reassigned) is None  # the position is moved: the first token is not toks[i]
    assert derive(_phrases).words == {"so", "to"}  # a loop over module data, each phrase's first word
    assert derive(_shadowed) is None  # a local name is not the module's data


def test_the_timexes_of_the_seed_and_the_shipped_corpus_are_the_same_with_and_without_the_index(monkeypatch):
    articles = [load_article(SEED_ARTICLE), *(load_article(p) for p in sorted((DATA / "corpus").glob("*.txt")))]
    assert len(articles) > 100
    total = 0
    for art in articles:
        with_index = _timexes(art, True, monkeypatch)
        assert with_index == _timexes(art, False, monkeypatch), art.id
        total += len(with_index)
    assert total > 500


@pytest.mark.skipif(not TBAQ.is_dir(), reason="TBAQ-cleaned is not in data/external/tbaq (see data/README.md)")
def test_the_timexes_of_timebank_and_aquaint_are_the_same_with_and_without_the_index(monkeypatch):
    import datetime as dt

    from helpers.audit.run import _annotated

    texts = _annotated(str(TBAQ), "timeml")
    assert len(texts) > 200
    for key, text, date in texts:
        art = parse_article(text, id=key, path=key, date=dt.date.fromisoformat(date) if date else None)
        assert _timexes(art, True, monkeypatch) == _timexes(art, False, monkeypatch), key
