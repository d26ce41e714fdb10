"""The hand-made TIMEX3 gold of 25 Wikinews articles: the choice is the stated seeded draw."""

from collections import Counter

from helpers.evaluate import wikinews


def test_selection_is_the_seeded_draw():
    chosen = wikinews.choose(wikinews.manifest())
    assert chosen == wikinews.read_selection()
    assert len(chosen) == 25 and len({c["file"] for c in chosen}) == 25
    assert Counter(c["subset"] for c in chosen) == {"trial": 7, "corpus_1": 6, "corpus_2": 6, "corpus_3": 6}
    held = Counter(c["subset"] for c in chosen if c["compartment"] == "heldout")
    assert held == {"trial": 3, "corpus_1": 3, "corpus_2": 2, "corpus_3": 2}
    assert len({c["date"][:4] for c in chosen}) >= 7  # spread over the years, 2005 to 2013
    assert all((wikinews.CORPUS / c["file"]).exists() for c in chosen)


def test_another_seed_draws_other_articles():
    rows = wikinews.manifest()
    assert {c["file"] for c in wikinews.choose(rows, seed=1)} != {c["file"] for c in wikinews.choose(rows)}
