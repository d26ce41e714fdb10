"""Speakers' affiliations from what an article says (``helpers.affiliation``), on paragraphs
written for these tests, and the scorer against hand labels (``evaluate.affiliations``)."""

from __future__ import annotations

import pytest

from helpers import affiliation as A
from helpers.evaluate import Item
from helpers.evaluate.affiliations import right

CASES = [
    # (text, name, kind, value, evidence)
    ("Sen. Ana Ruiz (D-Md.) said the bill would pass.", "Ana Ruiz", "party", "Democratic", "(D-Md."),
    ("Republican Sen. Tom Berg said no. Berg left early.", "Tom Berg", "party", "Republican", "Republican Sen."),
    ("“No,” said Mia Lund, the Democratic nominee, on Monday. Lund smiled.", "Mia Lund", "party", "Democratic",
     "the Democratic nominee"),
    ("Rep. Elle Cumm of Maryland, the panel's ranking Democrat, said no. Cumm left.", "Elle Cumm", "party", "Democratic",
     "the panel's ranking Democrat"),
    ("Gov. Lee Park, D-Va., signed it. Park said it was done.", "Lee Park", "party", "Democratic", "D-Va."),
    ("Russian Foreign Minister Ivan Petrov said talks would go on.", "Ivan Petrov", "country", "RU", "Russian Foreign Minister"),
    ("U.S. Secretary of State Mary Hall spoke in Rome.", "Mary Hall", "country", "US", "U.S. Secretary of State"),
    ("Jane Roe, the foreign minister of France, said so. Roe declined to elaborate.", "Jane Roe", "country", "FR",
     "the foreign minister of France"),
    ("Kremlin spokesman Oleg Kuznets told reporters the talks were useful.", "Oleg Kuznets", "organisation", "Kremlin",
     "Kremlin spokesman"),
    ("IMF chief economist Paul Rask said growth slowed.", "Paul Rask", "organisation", "IMF", "IMF chief economist"),
    ("said Kate Wood, director of the Potsdam Institute for Climate Impact Research. Wood added more.", "Kate Wood",
     "organisation", "Potsdam Institute for Climate Impact Research", "director of the Potsdam Institute"),
    ("Dan Fry at the National Review agreed. Fry wrote more.", "Dan Fry", "organisation", "National Review",
     "at the National Review"),
    ("Jill Stone spoke. Stone spokeswoman Maria Flo said the candidate had left.", "Maria Flo", "campaign", "Stone",
     "Stone spokeswoman"),
    ("Donald Grant spoke. Grant campaign spokesman Jay Mill said it.", "Jay Mill", "campaign", "Grant",
     "Grant campaign spokesman"),
    ("Apple's chief executive, Tim Rook, called it unfair.", "Tim Rook", "organisation", "Apple", "Apple's chief executive"),
]


@pytest.mark.parametrize("text, name, kind, value, evidence", CASES, ids=[c[1] for c in CASES])
def test_an_affiliation_and_the_words_that_say_it(text, name, kind, value, evidence):
    a = A.of_name(text, name)
    assert a is not None and (a.kind, a.value) == (kind, value)
    assert evidence in a.evidence and text[a.start:a.end] == a.evidence


@pytest.mark.parametrize("text, name", [
    ("Massachusetts Sen. Eva Stone grilled the chief executive.", "Eva Stone"),  # a US state is no affiliation
    ("President Joe Banks spoke. Banks said it was fine.", "Joe Banks"),  # an office with no country or body
    ("A Miami lawyer, Ron Field, said the deal was legal.", "Ron Field"),  # a city is not an organisation
    ("Chris Cole, who has campaigned heavily for GOP nominee Donald Grant, said no.", "Chris Cole"),  # someone else's party
    ("Ivy Grant, the Republican nominee's eldest daughter, said the plan was hers.", "Ivy Grant"),  # a relation
    ("Bo Baker, a longtime adviser to the Ricketts family who runs the fund, spoke.", "Bo Baker"),  # a family, no campaign
])
def test_what_the_article_does_not_say_is_not_guessed(text, name):
    assert A.of_name(text, name) is None


def test_a_party_comes_before_an_organisation_over_all_mentions():
    text = "IMF adviser Ken Lo spoke first. Later Lo, a Republican, said the fund was wrong."
    a = A.of_name(text, "Ken Lo")
    assert (a.kind, a.value, a.group) == ("party", "Republican", "Republican Party")


def test_mentions_of_another_person_with_the_surname_are_not_read():
    text = "Republican Sen. Mia Holt spoke. Her husband, Democratic donor Sam Holt, said little. Mia Holt left."
    assert A.of_name(text, "Mia Holt").value == "Republican"
    assert A.of_name(text, "Sam Holt").value == "Democratic"


def test_groups_read_as_labels():
    assert A.Affiliation("country", "RU", "Russian", 0, 7).group == "Russia"
    assert A.Affiliation("campaign", "Trump", "", 0, 0).group == "Trump campaign"
    assert A.Affiliation("organisation", "Kremlin", "", 0, 0, country="RU").group == "Kremlin (Russia)"


def test_a_collective_speaker_s_own_words():
    assert A.of_phrase("Senate Republicans").value == "Republican"
    assert A.of_phrase("Russian officials").value == "RU"
    assert A.of_phrase("the Kremlin").group == "Kremlin (Russia)"
    assert A.of_phrase("Ukraine's allies") is None


def test_places_come_from_the_gazetteer_package():
    assert A.is_place("North Carolina") and A.is_place("Miami") and A.is_place("France")
    assert not A.is_place("Chamber of Commerce")


def test_the_scorer_compares_kinds_values_and_evidence():
    text = "IMF chief economist Paul Rask said growth slowed."
    gold = Item("d", 20, 29, "Paul Rask", {"affiliation": "organisation", "value": None, "evidence_start": 0, "evidence_end": 19})
    assert right(A.of_name(text, "Paul Rask"), gold, text)
    party = Item("d", 0, 1, "x", {"affiliation": "party", "value": "Democratic"})
    assert not right(A.Affiliation("party", "Republican", "", 0, 0), party, text)
    assert not right(A.Affiliation("party", "Democratic", "", 0, 0), Item("d", 0, 1, "x", {"affiliation": "none"}), text)
    assert not right(None, party, text)


def test_a_label_file_naming_a_text_that_is_not_there_is_one_clear_line(tmp_path):
    from helpers.evaluate.readers import GoldFormatError, read_affiliation_labels

    labels = tmp_path / "labels.csv"
    labels.write_text("file,mention_start,mention_end,affiliation,value,evidence_start,evidence_end\n"
                      "no-such-article,0,4,none,,,\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="row 2: no text no-such-article.txt"):
        read_affiliation_labels(labels)
    (tmp_path / "other.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="not an affiliation label file"):
        read_affiliation_labels(tmp_path / "other.csv")


@pytest.mark.parametrize("phrase, group", [
    ("The IMF", "IMF"), ("IMF chief economist Paul Rask #1", "IMF"), ("the IMF report #1", "IMF"),
    ("the Grant campaign", "Grant campaign"), ("Senate Republicans", "Republican Party"),
    ("European Commission spokesperson #1", "European Commission"), ("Russian officials", "Russia"),
])
def test_a_speaker_that_is_a_body_or_speaks_for_one(phrase, group):
    assert A.of_phrase(phrase).group == group


@pytest.mark.parametrize("phrase", ["both presidential candidates", "source familiar with the matter #1", "Kyiv"])
def test_a_speaker_phrase_with_no_body_in_it(phrase):
    assert A.of_phrase(phrase) is None
