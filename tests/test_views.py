"""The views of notebooks 00 and 10: what they show, and titles that cannot disagree with their tables."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from helpers import views
from helpers.article import load_article, parse_article
from helpers.audit import audit_view, checks
from helpers.document import Document
from helpers.views import explore, speakers

PLAIN = ("Mayor Jane Doe said on Monday that the bridge would reopen in May.\n"
         "\"We are delighted with the work,\" she said.\n"
         "Critics said the repairs had cost too much.\n")


def _doc(text=PLAIN, date=dt.date(2024, 3, 4)):
    return Document(parse_article(text, date=date))


def test_metadata_of_plain_text_leaves_out_the_parts_it_does_not_have():
    table = explore.metadata(_doc().article)
    assert list(table["field"]) == ["id", "date", "paragraphs", "characters", "sha256"]
    assert list(table["value"][:4]) == ["article", "2024-03-04", "3", str(len(PLAIN))]
    seed = dict(zip(*explore.metadata(load_article()).to_dict("list").values()))
    assert seed["dateline"] == "London/Paris/Kyiv" and seed["byline"] == "Reuters" and seed["sections"] == "Alliance, Backstop, Embolden"


def test_explore_view_of_the_seed_counts_its_34_body_sentences():
    v = views.build("00-explore-article", Document(load_article()))
    # 34 body sentences, as the hand-made gold lists them (data/annotations/seed_sentences.tsv)
    assert v.tables["length_summary"].iloc[0]["sentences"] == 34
    assert v.titles["sentence_lengths"].startswith("Half of the 34 body sentences run ")
    assert v.findings[0] == "28 body paragraphs and 34 body sentences in 3 sections (Alliance, Backstop, Embolden)."
    assert audit_view(v) == []
    v.close()


def test_explore_view_of_a_text_with_one_sentence_says_so():
    v = views.build("00-explore-article", _doc("The council met.\n"))
    assert v.titles["sentence_lengths"] == "The 1 body sentence run up to 3 words"
    assert v.tables["names"].empty and v.notes["names"] == "No names found in this text."
    v.close()


def test_speaker_title_counts_signs_as_its_table_does():
    by_speaker = pd.DataFrame({
        "speaker": ["A", "A", "B", "B", "C", "C"],
        "lexicon": ["TextBlob polarity", "VADER compound"] * 3,
        "mean": [0.3, 0.4, 0.0, -0.3, 0.2, 0.0],
    })
    summary = speakers.speaker_summary(by_speaker)
    assert summary.iloc[0].to_dict() == {"speakers": 3, "positive_in_both": 1, "negative_in_one_or_both": 1, "lexicons_split": 2}
    title = speakers.speaker_title(summary)
    assert title == "1 of 3 speakers score positive in both lexicons; 1 negative in at least one; the lexicons split on 2"
    assert checks.title_matches_table("t", title, summary) == []
    agree = speakers.speaker_summary(by_speaker[by_speaker["speaker"] == "A"])
    assert speakers.speaker_title(agree) == "1 of 1 speakers score positive in both lexicons; the lexicons agree on every speaker's sign"


def test_group_title_compares_named_groups_with_enough_statements_only():
    # issue 23: "US" against "unknown" is no comparison; two named groups with enough statements are
    by_camp = pd.DataFrame({
        "camp": ["US", "US", "unknown", "unknown", "Europe", "Europe", "Russia", "Russia"],
        "lexicon": ["TextBlob polarity", "VADER compound"] * 4,
        "n": [6, 6, 9, 9, 5, 5, 2, 2],
        "mean": [0.25, 0.10, 0.06, 0.02, 0.05, -0.10, -0.5, -0.6],
        "ci_low": [0.1, -0.1, -0.05, -0.2, -0.1, -0.3, None, None],
        "ci_high": [0.4, 0.3, 0.2, 0.2, 0.2, 0.1, None, None],
    })
    title = speakers.camp_title(by_camp)
    assert title == ("TextBlob: US highest (+0.25), Europe lowest (+0.05); VADER: US highest (+0.10), "
                     "Europe lowest (-0.10); all intervals overlap")  # unknown (9) and Russia (2 statements) left out
    assert checks.title_matches_table("t", title, by_camp) == []
    us_and_unknown = by_camp[by_camp["camp"].isin(["US", "unknown"])]
    assert speakers.camp_title(us_and_unknown) == (
        "Group means shown, not compared: fewer than two named groups have enough statements to tell apart")
    one = by_camp[by_camp["camp"] == "US"]
    assert speakers.camp_title(one) == "Every sourced statement comes from one group (US, n=6)"


def test_speakers_view_of_a_written_article():
    v = views.build("10-compare-sentiment-by-speaker", _doc())
    st = v.tables["statements"]
    assert list(st["speaker"]) == ["Jane Doe", "Jane Doe", "Critics"]
    assert v.titles["sourcing"] == "All 3 statements come from one group: unknown"
    assert v.sources == {"sourcing": "camps", "by_speaker": "speaker_summary", "by_camp": "by_camp", "agreement": "agreement"}
    assert set(v.figures) == {"sourcing", "by_speaker", "by_camp", "agreement"}
    assert v.notes["accuracy"].startswith("No gold annotation")
    assert [p for p in audit_view(v) if p.check != "chart labels"] == []
    assert list(v.exports) == ["10-statements.csv", "10-sentiment-by-speaker.csv"]
    v.close()


def test_speakers_view_of_an_article_with_no_statements():
    v = views.build("10-compare-sentiment-by-speaker", _doc("The council met on Tuesday.\n"))
    assert v.figures == {} and v.titles == {}
    assert v.notes["statements"].startswith("This article has no attributed statements")
    assert v.findings == ["The article attributes no statements, so there is no sourcing to describe."]
    assert audit_view(v) == []


def test_a_finding_never_prints_nan_for_a_correlation_it_cannot_compute():
    v = views.build("10-compare-sentiment-by-speaker", _doc("Jane Doe said the bridge would reopen.\n"))
    assert any("too few distinct scores for a rank correlation" in f for f in v.findings)
    assert not any("nan" in f for f in v.findings)
    v.close()


def test_accuracy_view_lists_each_public_data_set_once_with_its_newest_measurement():
    v = views.build("90-measure-accuracy", None)
    public = v.tables["public"]
    assert not public.duplicated(["layer", "dataset", "compartment"]).any()
    assert checks.title_matches_table("t", v.titles["accuracy"], public) == []
    # the findings go newest first, so the report's card (its first finding) is the newest measurement
    import re

    dates = [re.search(r"(\d{4}-\d{2}-\d{2})\): F1", f).group(1) for f in v.findings if "held-out" not in f and "affiliations" not in f and "untouched run" not in f]
    assert dates == sorted(dates, reverse=True)
    # quantulum3's suite, whose compartment was renamed with a note in brackets, is one row: its newest
    q = [f for f in v.findings if "quantulum3" in f]
    assert len(q) == 1 and q[0].endswith("value F1 0.83.")
    assert audit_view(v) == []
    v.close()


def test_an_audit_is_recorded_beside_the_measurements(tmp_path, monkeypatch):
    import json

    from helpers import evaluate

    path = tmp_path / "results.json"
    path.write_text(json.dumps({"about": "x", "measurements": [{"layer": "quotes", "dataset": "D"}]}), encoding="utf-8")
    monkeypatch.setattr(evaluate, "results_path", lambda: path)
    s = {"articles": 3, "articles_with_problems": 1, "checks": {"offsets": {"problems": 2, "articles": 1}}}
    evaluate.record_audit(s, dataset="Corpus", compartment="all", source="project", note="first run")
    body = json.loads(path.read_text(encoding="utf-8"))
    assert body["measurements"] == [{"layer": "quotes", "dataset": "D"}]  # kept as they were
    assert body["audits"][0]["articles"] == 3 and body["audits"][0]["checks"]["offsets"] == {"problems": 2, "articles": 1}
    table = evaluate.summary.audit_results()
    assert table.iloc[0][["dataset", "articles", "with_problems", "offsets"]].tolist() == ["Corpus", 3, 1, 2]


def test_the_sourcing_note_is_said_once_whether_or_not_an_attribution_lacks_a_source():
    v = views.build("10-compare-sentiment-by-speaker", _doc())
    assert v.notes["sourcing"] == "Every attribution in the article names its source."
    assert v.tables["unsourced"].empty and "unsourced" not in v.notes  # so show_table says nothing more
    v.close()
