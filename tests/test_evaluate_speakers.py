"""The strict attribution metric and the gold-side speech subset (``evaluate.speakers``) on
hand-built gold: texts written here, sources marked as PolNeAR marks them (a span, no
coreference). Each case is one the lenient metric (source spans overlap) counts as right."""

from __future__ import annotations

import pytest

from helpers.evaluate import Item, score_quotes, speakers


def statement(text, content, source, cue="said", doc="d", nth=0):
    """A gold item as the brat reader gives it: content span, source span and text."""
    start = _find(text, content, 0)
    attrs = {"cue": cue}
    if source is not None:
        s = _find(text, source, nth)
        attrs.update(speaker=source, source_start=s, source_end=s + len(source))
    return Item(doc, start, start + len(content), content, attrs)


def _find(text, part, nth):
    at = -1
    for _ in range(nth + 1):
        at = text.index(part, at + 1)
    return at


def shown(gold_item, speaker, text, source=None):
    """A prediction on the same content showing ``speaker``; its source span is the gold's
    (or the span of ``source`` in the text), so the lenient metric counts it right."""
    attrs = {"speaker": speaker, "source_start": gold_item.get("source_start"), "source_end": gold_item.get("source_end")}
    if source is not None:
        attrs["source_start"] = text.index(source)
        attrs["source_end"] = attrs["source_start"] + len(source)
    return Item(gold_item.doc, gold_item.start, gold_item.end, gold_item.text, attrs)


def scores(text, gold, pred):
    metrics, errors = score_quotes(gold, pred, {"d": text})
    return metrics["attribution_accuracy"], metrics["strict_attribution_accuracy"], errors


TEXT = ("Senator Ana Ruiz said the bill would pass. She added that talks would go on. "
        "Ruiz, who chairs the panel, said the vote was close.")


def test_a_name_with_a_clause_attached_is_not_the_speaker():
    text = "Ana Ruiz in a new video where she said the bill would pass."
    g = statement(text, "the bill would pass", "Ana Ruiz")
    lenient, strict, errors = scores(text, [g], [shown(g, "Ana Ruiz in a new video where she", text,
                                                       source="Ana Ruiz in a new video where she")])
    assert (lenient, strict) == (1.0, 0.0)
    assert "shown speaker 'Ana Ruiz in a new video where she', gold 'Ana Ruiz'" in errors["error"].iloc[0]


def test_words_that_are_not_a_name_in_front_of_one_are_wrong():
    text = "Struggling Ana Ruiz said the bill would pass."
    g = statement(text, "the bill would pass", "Ana Ruiz")
    assert scores(text, [g], [shown(g, "Struggling Ana Ruiz", text)])[:2] == (1.0, 0.0)


def test_determiners_titles_possessives_initials_and_a_number_tag_are_dropped():
    assert speakers.speaker_words("Sen. Ana Ruiz") == ("ana", "ruiz")
    assert speakers.speaker_words("Donald J. Trump") == ("donald", "trump")
    assert speakers.speaker_words("The Post’s") == ("post",)
    assert speakers.speaker_words("a spokesman #2") == ("spokesman",)
    assert speakers.speaker_words("the president") == ("president",)  # a title with no name after it stays


def test_a_pronoun_counts_when_resolved_to_the_right_name():
    gold = [statement(TEXT, "the bill would pass", "Senator Ana Ruiz"), statement(TEXT, "talks would go on", "She", cue="added")]
    right = [shown(gold[0], "Ana Ruiz", TEXT), shown(gold[1], "Ana Ruiz", TEXT)]
    assert scores(TEXT, gold, right)[:2] == (1.0, 1.0)
    surname = [shown(gold[0], "Ruiz", TEXT), shown(gold[1], "Ruiz", TEXT)]
    assert scores(TEXT, gold, surname)[:2] == (1.0, 1.0)
    wrong = [shown(gold[0], "Ana Ruiz", TEXT), shown(gold[1], "Ben Ode", TEXT)]
    assert scores(TEXT, gold, wrong)[:2] == (1.0, 0.5)


def test_a_relative_pronoun_refers_to_the_name_before_it():
    g = statement(TEXT, "the vote was close", "who")
    assert scores(TEXT, [g], [shown(g, "Ana Ruiz", TEXT)])[1] == 1.0
    assert scores(TEXT, [g], [shown(g, "Ruiz, who", TEXT)])[:2] == (1.0, 0.0)


def test_a_pronoun_does_not_take_a_name_whose_title_says_otherwise():
    text = "Mr. Lee said the plan was sound. She said it was not."
    gold = [statement(text, "the plan was sound", "Mr. Lee"), statement(text, "it was not", "She")]
    pred = [shown(gold[0], "Mr. Lee", text), shown(gold[1], "Mr. Lee", text)]
    assert scores(text, gold, pred)[:2] == (1.0, 0.5)


def test_a_gendered_title_is_another_person_of_that_surname():
    text = ("Tom Lee and his wife, Mia Lee, arrived. Mr. Lee said the plan was sound. "
            "Mrs. Lee said they want to damage her husband. Tom Lee left.")
    gold = [statement(text, "they want to damage her husband", "Mrs. Lee")]
    assert scores(text, gold, [shown(gold[0], "Tom Lee", text)])[:2] == (1.0, 0.0)
    assert scores(text, gold, [shown(gold[0], "Mr. Lee", text)])[:2] == (1.0, 0.0)
    assert scores(text, gold, [shown(gold[0], "Lee", text)])[:2] == (1.0, 1.0)  # the surname alone is her name too


def test_a_surname_expands_to_the_full_name_only_when_the_article_names_one_person():
    one = "Ana Ruiz arrived late. Ruiz said the bill would pass."
    g = statement(one, "the bill would pass", "Ruiz")
    assert scores(one, [g], [shown(g, "Ana Ruiz", one)])[1] == 1.0
    assert scores(one, [g], [shown(g, "Luis Ruiz", one)])[1] == 0.0  # a full name the article never writes
    two = "Ana Ruiz arrived late with Luis Ruiz. Ana Ruiz spoke first. Ruiz said the bill would pass."
    g = statement(two, "the bill would pass", "Ruiz")
    assert scores(two, [g], [shown(g, "Ana Ruiz", two)])[1] == 1.0  # the one written most often
    assert scores(two, [g], [shown(g, "Luis Ruiz", two)])[1] == 0.0


def test_a_definite_description_refers_to_the_name_written_with_it():
    text = "President Ana Ruiz met the unions on Monday. The president said the talks went well."
    g = statement(text, "the talks went well", "The president")
    assert scores(text, [g], [shown(g, "Ana Ruiz", text)])[1] == 1.0
    assert scores(text, [g], [shown(g, "president #1", text)])[1] == 1.0  # the gold's own words
    assert scores(text, [g], [shown(g, "Ben Ode", text)])[1] == 0.0


def test_the_name_of_a_source_phrase_is_its_head_not_an_organisation_in_it():
    assert speakers.name_of_phrase("Republican vice-presidential nominee Mike Pence") == "Mike Pence"
    assert speakers.name_of_phrase("Dan McLaughlin at the National Review") == "Dan McLaughlin"
    assert speakers.name_of_phrase("The state’s campaign chairman, Phil Lovas,") == "Phil Lovas"
    assert speakers.name_of_phrase("a spokesman for the Clinton Foundation") is None
    assert speakers.name_of_phrase("Mr. Grassley and Mr. Leahy") is None
    text = "A spokesman for Ana Ruiz said the bill would pass."
    g = statement(text, "the bill would pass", "A spokesman for Ana Ruiz")
    assert scores(text, [g], [shown(g, "Ana Ruiz", text)])[:2] == (1.0, 0.0)  # the spokesman is not Ruiz


def test_first_person_inside_a_quote_is_the_quote_s_speaker():
    text = "“I think the bill will pass,” Ana Ruiz said."
    gold = [statement(text, "I think the bill will pass", "Ana Ruiz"),
            statement(text, "the bill will pass", "I", cue="think")]
    pred = [shown(gold[0], "Ana Ruiz", text), shown(gold[1], "Ana Ruiz", text)]
    assert scores(text, gold, pred)[1] == 1.0


def test_no_source_shown_for_no_source_in_the_gold_is_right():
    text = "The bill is expected to pass."
    g = statement(text, "The bill", None, cue="is expected")
    p = Item("d", g.start, g.end, g.text, {"speaker": None})
    assert scores(text, [g], [p])[1] == 1.0


@pytest.mark.parametrize("cue, speech", [
    ("said", True), ("has said", True), ("told reporters", True), ("according to", True), ("tweeted", True),
    ("added", True), ("wrote", True), ("believes", False), ("found", False), ("shows", False), ("wants", False),
])
def test_the_speech_subset_is_a_fixed_list_of_verbs_of_saying(cue, speech):
    assert speakers.speech_cue(cue) is speech


def test_the_speech_subset_never_reads_the_extractor_s_cue_lexicon(monkeypatch):
    from helpers import resources

    def no(*_a, **_k):
        raise AssertionError("the evaluator read the extractor's cues")

    monkeypatch.setattr(resources, "cues", no)
    gold = [Item("d", 0, 10, "x" * 10, {"cue": "has said", "speaker": "A"}),
            Item("d", 20, 30, "y" * 10, {"cue": "believes", "speaker": "B"}),
            Item("d", 40, 50, "z" * 10, {"cue": "according to", "speaker": "C"})]
    metrics, _ = score_quotes(gold, [Item("d", 0, 10, "x" * 10, {"speaker": "A"})])
    assert metrics["speech_gold"] == 2 and metrics["speech_recall"] == 0.5
