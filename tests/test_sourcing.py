"""Sourcing and balance, and the words behind each sentiment score, on articles of our own."""

from __future__ import annotations

import pytest

from helpers import sentiment, sourcing
from helpers.article import parse_article
from helpers.document import Document

TEXT = (
    "“We will win,” said Anna Berg, the mayor. "
    "A city official said the budget was tight. "
    "The union called the plan “a disgrace”."
)


def _statements(text=TEXT):
    doc = Document(parse_article(text, id="t", date="2025-03-01"))
    return doc, doc.frame("statements")


def test_counts_by_camp_keep_speakers_without_a_camp():
    doc, st = _statements()
    camps = sourcing.by_group(st, doc.text, "camp")
    assert camps.to_dict("records") == [{
        "camp": "unknown", "statements": 3, "share": 1.0, "words": 3 + 4 + 4, "own_words": 3 + 2,
        "quoted": 1, "mixed": 1, "paraphrase": 1,
    }]


def test_counts_by_speaker_type_and_summary():
    doc, st = _statements()
    types = sourcing.by_group(st, doc.text, "speaker_type").set_index("speaker_type")
    assert types.loc["person", "statements"] == 1 and types.loc["anonymous", "statements"] == 1
    s = sourcing.summary(st, doc.text)
    assert s["statements"] == 3 and s["speakers"] == 3
    assert s["anonymous_share"] == 1 / 3 and s["quoted_share"] == 1 / 3
    assert s["first"] == ("Anna Berg", "unknown") and s["last"][0] == "union"
    lines = sourcing.findings(st, doc.text)
    assert lines[0].startswith("3 statements from 3 speakers; the group quoted most is unknown (3 statements, 100%")
    assert "33% of statements come from anonymous sources" in lines[1]


def test_no_statements_is_said_plainly():
    doc, st = _statements("The river rose overnight.")
    assert sourcing.by_group(st, doc.text, "camp").empty
    assert sourcing.findings(st, doc.text) == ["The article attributes no statements, so there is no sourcing to describe."]


def test_lexicon_words_explain_both_scores():
    words = sentiment.lexicon_words("The plan is not good, but the result was excellent.")
    assert [w for w, _ in words["tb_words"]] == ["not good", "excellent"]
    assert dict(words["tb_words"])["not good"] < 0 < dict(words["tb_words"])["excellent"]
    vd = dict(words["vader_words"])
    assert set(vd) == {"good", "excellent"}
    assert vd["good"] < 0  # negated by 'not', then weighted down by 'but'
    assert vd["excellent"] > 3.2  # weighted up after 'but'


def test_explain_marks_a_score_resting_on_one_word_and_uses_the_speakers_own_words():
    doc, st = _statements("The mayor said the beautiful new bridge was “a disaster”.")
    ex = sentiment.explain(st, doc.text).iloc[0]
    assert ex["scored_on"] == "own words"
    assert ex["vader_words"] == "disaster (-3.10)" and ex["single_word"]
    assert "beautiful" not in ex["tb_words"]


def _by_camp(rows):
    import pandas as pd

    return pd.DataFrame(rows, columns=["camp", "lexicon", "n", "mean", "ci_low", "ci_high"])


TB, VD = "TextBlob polarity", "VADER compound"


def test_camp_finding_only_when_both_lexicons_agree_and_intervals_lie_apart():
    apart = _by_camp([
        ("A", TB, 6, 0.40, 0.30, 0.50), ("A", VD, 6, 0.60, 0.40, 0.80),
        ("B", TB, 7, -0.10, -0.20, 0.00), ("B", VD, 7, -0.30, -0.50, -0.10),
        ("unknown", TB, 9, 0.90, 0.80, 1.00), ("unknown", VD, 9, 0.90, 0.80, 1.00),
    ])
    assert sentiment.camp_comparison(apart) == (
        "Statements from A score more positive than those from B in both lexicons "
        "(TextBlob polarity +0.40 against -0.10, VADER compound +0.60 against -0.30; intervals apart)."
    )
    overlap = apart.assign(ci_low=apart["ci_low"] - 0.5)
    assert "overlap, so the data cannot tell the two apart" in sentiment.camp_comparison(overlap)
    disagree = apart.copy()
    disagree.loc[(disagree["camp"] == "B") & (disagree["lexicon"] == VD), "mean"] = 0.9
    assert sentiment.camp_comparison(disagree).startswith("The data cannot tell which group is most positive: the lexicons disagree")
    few = apart.assign(n=4)
    assert sentiment.camp_comparison(few).startswith("The data cannot tell whether the groups differ in tone")


def test_a_camp_scheme_of_our_own_regroups_speakers(tmp_path):
    scheme = tmp_path / "scheme.csv"
    scheme.write_text("term,camp,note\nAnna Berg,city hall,\nunion,labour,\nofficial,city hall,\n", encoding="utf-8")
    doc, st = _statements()
    regrouped = sourcing.apply_camp_scheme(st, sourcing.read_camp_scheme(scheme))
    assert list(regrouped["camp"]) == ["city hall", "city hall", "labour"]
    table = sourcing.by_group(regrouped, doc.text, "camp")
    assert list(zip(table["camp"], table["statements"])) == [("city hall", 2), ("labour", 1)]
    scheme.write_text("term,side\nx,y\n", encoding="utf-8")
    with pytest.raises(sourcing.CampSchemeError, match="lacks the column"):
        sourcing.read_camp_scheme(scheme)
    with pytest.raises(sourcing.CampSchemeError, match="not found"):
        sourcing.read_camp_scheme(tmp_path / "none.csv")


def test_own_words_and_content_scores_side_by_side():
    doc, st = _statements("The mayor said the beautiful new bridge was “a disaster”. A resident said the bridge was lovely.")
    mayor, resident = st.iloc[0], st.iloc[1]
    # 'a disaster' is the mayor's; 'beautiful new bridge' is the reporter's and turns the content positive
    assert (mayor["vader_compound"], mayor["content_vader_compound"]) == (-0.6249, 0.5994)
    assert resident["vader_compound"] == resident["content_vader_compound"]  # no quoted words: the same text
    table = sentiment.own_vs_content(st, "speaker_type")
    assert list(table.columns) == ["speaker_type", "statements", "TextBlob, own words", "TextBlob, content", "VADER, own words", "VADER, content"]
    assert table["statements"].sum() == 2


@pytest.mark.parametrize("name, expected", [
    ("analysts", "analysts'"), ("officials", "officials'"), ("Macron", "Macron's"),
    ("Jones", "Jones's"), ("the press", "the press's"), ("Kyiv", "Kyiv's"),
])
def test_possessive(name, expected):
    from helpers.sourcing import possessive

    assert possessive(name) == expected
