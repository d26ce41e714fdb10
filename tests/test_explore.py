"""Anatomy helpers: section structure, content words and names, on the seed and on new text."""

from __future__ import annotations

from helpers import explore
from helpers.article import parse_article


def test_structure_of_seed(seed):
    df = explore.structure(seed)
    assert list(df["section"]) == ["(lead)", "Alliance", "Backstop", "Embolden"]
    assert list(df["paragraphs"]) == [4, 6, 11, 7]
    assert list(df["sentences"]) == [4, 9, 12, 9]


def test_content_words_drop_stopwords_and_clitics():
    a = parse_article("The ministers said the ministers’ plan was the plan. Ministers left.")
    df = explore.content_words(a)
    counts = dict(zip(df["word"], df["count"]))
    assert counts["ministers"] == 3
    assert counts["plan"] == 2
    assert "the" not in counts and "said" not in counts and "’" not in counts


def test_names_on_new_text():
    text = (
        " date 2024-05-01 cap\nTalks resume\n"
        "Geneva — Swiss Foreign Minister Anna Keller met Polish President Jan Nowak on Monday.\n"
        "Keller said the Coalition of the Willing would meet in Warsaw. Speaking later, Nowak agreed.\n"
        "The Red Cross Committee and the European Commission sent observers to World War 2 sites.\n"
    )
    df = explore.names(parse_article(text)).set_index("name")
    assert df.loc["Anna Keller", "type"] == "person" and df.loc["Anna Keller", "mentions"] == 2
    assert df.loc["Jan Nowak", "mentions"] == 2
    assert df.loc["Warsaw", "type"] == "place"
    assert df.loc["Coalition of the Willing", "type"] == "organization"
    assert df.loc["European Commission", "type"] == "organization"
    assert df.loc["Red Cross Committee", "type"] == "organization"
    assert df.loc["World War 2", "type"] == "other"
    for not_a_name in ("Speaking", "Monday", "The", "Swiss Foreign Minister Anna Keller"):
        assert not_a_name not in df.index


def test_names_in_seed(seed):
    df = explore.names(seed).set_index("name")
    assert df.loc["Donald Trump", "type"] == "person"
    assert df.loc["Volodymyr Zelensky", "mentions"] == 7
    assert df.loc["Emmanuel Macron", "mentions"] == 2
    assert df.loc["Kremlin", "type"] == "organization"
    assert df.loc["Dobropillia", "type"] == "place"
    assert "Speaking" not in df.index and "Expanding" not in df.index
