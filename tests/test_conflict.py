"""The conflict development set (issue 24): its committed annotations are well formed, and,
where the paragraphs' texts are on the machine (gitignored), the mission's categories meet
the issue's targets on them."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from helpers.quantities import conflict


def _gold():
    return pd.read_csv(conflict.GOLD, comment="#"), pd.read_csv(conflict.PARAGRAPHS, comment="#")


def test_the_annotations_are_well_formed():
    gold, paragraphs = _gold()
    assert len(paragraphs) >= 30 and paragraphs["outlet"].nunique() >= 5 and paragraphs["paragraph"].is_unique
    assert paragraphs["url"].str.startswith("https://").all()
    for d in paragraphs["date"]:
        dt.date.fromisoformat(d)
    chars = paragraphs.set_index("paragraph")["chars"]
    assert set(gold["paragraph"]) <= set(chars.index)
    assert set(gold["category"]) <= set(conflict.MISSION)
    assert ((gold["end"] - gold["start"]) == gold["text"].str.len()).all()
    assert (gold["start"] >= 0).all() and (gold["end"] <= gold["paragraph"].map(chars)).all()
    assert len(gold) >= 60 and gold["text"].str.len().max() <= 20  # the figure, no more text


def test_missing_texts_are_one_clear_error(tmp_path):
    with pytest.raises(conflict.MissingTexts, match="gitignored"):
        conflict.load_texts(tmp_path / "paragraphs.jsonl")


@pytest.mark.skipif(not conflict.TEXTS.is_file(), reason="the conflict paragraphs' texts are gitignored (data/README.md)")
def test_the_categories_meet_the_targets_on_the_conflict_paragraphs():
    texts = conflict.load_texts()
    gold, _ = _gold()
    for _, g in gold.iterrows():
        assert texts[g["paragraph"]]["text"][g["start"]:g["end"]] == g["text"]
    metrics, errors = conflict.score(texts)
    assert metrics["precision"] >= 0.92 and metrics["recall"] >= 0.92, errors.to_string()
