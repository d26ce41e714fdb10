"""Speakers as noun phrases and people as entities (issue 23), on paragraphs written for these
tests: every shown speaker is a noun phrase the audit accepts, the one PARC would mark (head and
modifiers, an appositive role kept apart), and one person is one speaker within an article."""

import pytest

from helpers.article import parse_article
from helpers.audit.checks import speaker_phrase as audit_reason
from helpers.document import Document
from helpers.quotes import quotes
from helpers.quotes.phrase import first_phrase, is_clean, last_phrase


def rows(text):
    out = quotes(parse_article(text, id="t", date="2016-10-01"))
    return list(zip(out["speaker"], out["speaker_mention"], out["text"]))


def toks(text):
    doc = Document(parse_article(text, id="t", date="2016-10-01"))
    return list(doc.tokens_by_sentence[0])


@pytest.mark.parametrize("text, speaker, content", [
    # the subject inside a relative clause speaks, not the words before it
    ("The senator gave a speech in which he said the plan would fail.", "he", "the plan would fail"),
    # a name, then an adjunct: the name speaks
    ("Trump in his announcement speech said the wall would be built.", "Trump", "the wall would be built"),
    # a description with its postmodifier is kept whole
    ("One Democrat familiar with the discussion said the vote would slip.", "One Democrat familiar with the discussion",
     "the vote would slip"),
    # a role the tagger reads as an adjective is the head
    ("The SEIU chief said Trump can win.", "The SEIU chief", "Trump can win"),
    # an adverb at either edge is no part of the speaker
    ("Voters still say the economy matters most.", "Voters", "the economy matters most"),
    # a share of a group keeps its modifier (not ``about``, which the audit reads as a preposition)
    ("Nearly half said they would not vote.", "Nearly half", "they would not vote"),
    ("About three in 10 said they would not vote.", "three in 10", "they would not vote"),
])
def test_the_speaker_is_the_noun_phrase_next_to_the_cue(text, speaker, content):
    got = rows(text)
    assert len(got) == 1, got
    assert got[0][1] == speaker and got[0][2] == content
    assert audit_reason(got[0][0]) is None


def test_a_non_finite_cue_speaks_for_the_subject_of_its_verb():
    got = rows("Mr. Clinton reached for a metaphor to describe the race as a marathon.")
    assert [m for _, m, _ in got] == ["Mr. Clinton"] and got[0][0] in {"Clinton", "Mr. Clinton"}


@pytest.mark.parametrize("text", [
    # the fragments: words left between two cues, a clause, an infinitive's object
    "The ad urging black voters in North Carolina to vote early and punish Republican officeholders for their votes said nothing new.",
    "Saban spurred the campaign to say it would fight on.",
    "It was the latest US newspaper to say it backed Clinton.",
    "Of Clinton, the paper said she had earned the job.",
    "The video, where she says she is ready, ran on Tuesday.",
])
def test_no_shown_speaker_is_a_piece_of_a_clause(text):
    for speaker, mention, _ in rows(text):
        assert audit_reason(speaker) is None, (speaker, mention)


def test_a_speaker_past_ten_words_keeps_its_head_and_the_modifiers_before_it():
    got = rows("Nearly half of Republican primary voters in six states going to the polls on Tuesday said they back the ban.")
    assert got[0][1] == "Nearly half of Republican primary voters in six states"
    assert audit_reason(got[0][0]) is None


def test_phrase_functions_on_their_own():
    t = toks("In a speech in which he said it, then Sanders added more.")
    assert [u.text for u in last_phrase(t[3:6])] == ["he"]  # ``in which he``
    t = toks("The results of exit polls conducted for the networks by Edison Research arrived.")
    assert [u.text for u in first_phrase(t[:11])] == ["The", "results", "of", "exit", "polls"]
    assert is_clean(t[:5]) and not is_clean(t[:7])  # a phrase may not end in ``for``
    t = toks("Residents who say the water is unsafe have sued.")
    assert [u.text for u in last_phrase(t[:2])] == ["Residents"]  # the antecedent of ``who`` speaks


# ---------------------------------------------------------------- people as entities


def test_mrs_trump_is_not_donald_trump():
    text = ("Donald Trump said the race was rigged. Mrs. Trump said on Monday: \"They want to damage the presidency "
            "of my husband.\" Mr. Trump said he would fight.")
    got = rows(text)
    speakers = [s for s, _, _ in got]
    assert speakers[0] == "Donald Trump" and speakers[-1] == "Donald Trump"
    assert "Mrs. Trump" in speakers  # by title and gender: another person


def test_a_first_name_tells_two_people_of_one_surname_apart():
    text = "Melania Trump said she was proud. Donald Trump said he was grateful. Melania Trump added that she was tired."
    speakers = [s for s, _, _ in rows(text)]
    assert speakers == ["Melania Trump", "Donald Trump", "Melania Trump"]


def test_mr_trump_donald_j_trump_trump_and_he_are_one_speaker():
    text = ("Donald J. Trump said the polls were wrong. Mr. Trump said he would win. "
            "Trump said the crowds were big. He said the media lied.")
    speakers = {s for s, _, _ in rows(text)}
    assert len(speakers) == 1, speakers


def test_a_description_naming_a_body_is_not_cut_inside_the_bodys_name():
    got = rows("An official at the Foreign Office, speaking on condition of anonymity, said the talks would resume. "
               "The office confirmed the date in a statement.")
    assert [s for s, _, _ in got] == ["an official at the Foreign Office", "Foreign Office"]  # the body named inside


def test_a_participle_opening_a_sentence_is_not_part_of_a_name():
    got = rows("Struggling Donald Trump said the debate was unfair.")
    assert [s for s, _, _ in got] == ["Donald Trump"]


def test_unnamed_speakers_as_a_reader_would_describe_them_numbered_only_when_two_differ():
    one = rows("An unnamed official said the talks had stalled. The official said a deal was still possible.")
    assert [s for s, _, _ in one] == ["an unnamed official", "an unnamed official"]
    two = rows("A source said the plan was dead. A source said the plan was alive.")
    assert [s for s, _, _ in two] == ["a source #1", "a source #2"]
    group = rows("Two people familiar with the talks said a deal was near.")
    assert [s for s, _, _ in group] == ["two people familiar with the talks"]


# ---------------------------------------------------------------- cues as sequences


def test_cues_are_sequences_so_two_cues_may_share_a_first_word():
    from helpers import resources

    rows_ = [
        {"lemma": "point out", "forms": "point out|points out|pointed out", "class": "speech", "speaker_side": "left"},
        {"lemma": "point to", "forms": "point to|points to|pointed to", "class": "source", "speaker_side": "left"},
        {"lemma": "say", "forms": "say|said", "class": "speech", "speaker_side": "left"},
    ]
    index = resources.cue_index(rows_)
    words = "Analysts pointed out that rates rose and pointed to the data said no one".split()
    assert resources.match_cue(words, 1, index).lemma == "point out"
    assert resources.match_cue(words, 7, index).lemma == "point to"
    assert resources.match_cue(words, 11, index).lemma == "say"
    assert resources.match_cue("he pointed at it".split(), 1, index) is None  # ``point`` alone is no cue


def test_the_shipped_lexicon_matches_its_multi_word_cues_whole():
    from helpers import resources

    assert resources.match_cue("Clinton leads according to the poll".split(), 2).lemma == "according to"
    assert resources.match_cue("Clinton leads according to the poll".split(), 3) is None
    assert resources.match_cue("She pointed out that".split(), 1).lemma == "point out"
    got = rows("The analyst pointed out that rates had risen.")
    assert [(m, c) for _, m, c in got] == [("The analyst", "rates had risen")]


# ---------------------------------------------------------------- the same words attributed once


def test_a_hedge_inside_what_a_source_said_is_not_a_second_statement():
    got = rows("The mayor said the driver's behavior appeared to be planned.")
    assert [(s, c) for s, _, c in got] == [("the mayor", "the driver's behavior appeared to be planned")]


def test_a_quote_inside_another_speakers_content_is_theirs_and_the_content_stops_before_it():
    from helpers.quotes import without_duplicates
    from helpers.quotes.resolve import Entity
    from helpers.quotes.statements import Draft

    text = 'Critics painted him as reckless - "If he wins, he could start a war," one ad said.'
    q = text.index("If")
    end = text.index(',"')
    critics, ad = Entity("Critics", "collective", "unknown"), Entity("one ad", "anonymous", "unknown")
    outer = Draft("mixed", None, 0, end, 0, entity=critics, cue_span=(8, 15), quoted=[(q, end)])
    inner = Draft("direct", None, q, end, 0, entity=ad, cue_span=(text.index("said"), text.index("said") + 4))
    kept = without_duplicates(text, [outer, inner])
    assert kept == [outer, inner]
    assert text[outer.start:outer.end] == "Critics painted him as reckless" and outer.kind == "indirect"
    # one speaker: the outer statement keeps the quote as its own words, the inner goes
    same = Draft("indirect", None, 0, end, 0, entity=ad, cue_span=(8, 15))
    inner2 = Draft("direct", None, q, end, 0, entity=ad, cue_span=(text.index("said"), text.index("said") + 4))
    assert without_duplicates(text, [same, inner2]) == [same] and same.kind == "mixed" and same.quoted == [(q, end)]
