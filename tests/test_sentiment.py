"""Sentiment scores, aggregation with bootstrap intervals, and lexicon agreement."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers import sentiment


def test_scores_of_known_phrases():
    # values from the two lexicons' own entries, checked by hand against the lexicon files:
    # VADER "good" 1.9 -> compound 1.9 / sqrt(1.9² + 15) = 0.4404; pattern "good" 0.7
    s = sentiment.score_text("good")
    assert s["vader_compound"] == pytest.approx(0.4404, abs=1e-4)
    assert s["tb_polarity"] == pytest.approx(0.7)
    n = sentiment.score_text("The meeting is on Friday.")
    assert n["vader_compound"] == 0.0 and n["tb_polarity"] == 0.0 and n["vader_neu"] == 1.0


def test_negation_flips_vader():
    assert sentiment.score_text("not good")["vader_compound"] < 0 < sentiment.score_text("good")["vader_compound"]


def test_vader_lexicon_comes_from_the_wheel_not_nltk_data(monkeypatch, tmp_path):
    import nltk.data

    assert sentiment.vader_lexicon_path().name == "vader_lexicon.txt"
    assert sentiment.vader_lexicon_path().parent.name == "vaderSentiment"
    # a user's nltk_data with a different VADER lexicon must not change the score
    fake = tmp_path / "sentiment" / "vader_lexicon.zip"
    fake.parent.mkdir()
    fake.write_bytes(b"not a zip")
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path), *nltk.data.path])
    sentiment._vader.cache_clear()
    assert sentiment.score_text("good")["vader_compound"] == pytest.approx(0.4404, abs=1e-4)


def test_nltk_and_vadersentiment_agree():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    ref = SentimentIntensityAnalyzer()
    for text in ["Trump threatened severe consequences", "a big step forward", "We are exhausted!"]:
        assert sentiment.score_text(text)["vader_compound"] == pytest.approx(ref.polarity_scores(text)["compound"])


def test_bootstrap_interval_is_fixed_and_brackets_the_mean():
    values = [0.1, 0.2, 0.3, 0.4, 0.9]
    low, high = sentiment.bootstrap_ci(values)
    assert (low, high) == sentiment.bootstrap_ci(values)  # fixed seed
    assert low < 0.38 < high
    assert all(math.isnan(x) for x in sentiment.bootstrap_ci([0.5, 0.6]))  # n < 3: no interval


def test_aggregate_per_group():
    df = pd.DataFrame({
        "speaker": ["A", "A", "A", "B"],
        "tb_polarity": [0.0, 0.5, 1.0, -0.5],
        "vader_compound": [0.1, 0.1, 0.4, -0.2],
    })
    agg = sentiment.aggregate(df, "speaker")
    a_tb = agg[(agg["speaker"] == "A") & (agg["lexicon"] == "TextBlob polarity")].iloc[0]
    assert (a_tb["n"], a_tb["mean"], a_tb["median"], a_tb["min"], a_tb["max"]) == (3, 0.5, 0.5, 0.0, 1.0)
    b = agg[agg["speaker"] == "B"]
    assert len(b) == 2 and b["ci_low"].isna().all()
    assert list(agg["speaker"].unique()) == ["A", "B"]  # most statements first


def test_agreement_counts_signs_and_lists_disagreements():
    df = pd.DataFrame({
        "quote_id": [1, 2, 3, 4],
        "text": ["a", "b", "c", "d"],
        "tb_polarity": [0.5, -0.3, 0.0, 0.2],
        "vader_compound": [0.6, 0.4, 0.01, 0.3],
    })
    stats, dis = sentiment.agreement(df)
    assert stats["n"] == 4
    assert stats["sign_agreement"] == 0.75  # only quote 2 differs (neutral band ±0.05)
    assert stats["opposite_signs"] == 1
    assert list(dis["quote_id"]) == [2]
    assert stats["spearman_rho"] == pytest.approx(0.4)  # rank differences 0, 2, 1, 1: 1 - 6·6/(4·15)


def test_point_labels_shorten_and_merge():
    df = pd.DataFrame({
        "speaker": ["Emmanuel Macron", "source familiar with the matter #2", "Kyiv", "Russia", "leaders", "Kyiv"],
        "speaker_type": ["person", "anonymous", "collective", "collective", "collective", "collective"],
        "tb_polarity": [0.5, 0.5, 0.0, 0.0, 0.0, 0.3],
        "vader_compound": [0.2, 0.2, 0.0, 0.0, 0.0, 0.3],
    })
    labels = dict(zip(zip(df["tb_polarity"], df["vader_compound"]), df["speaker"]))
    pts = sentiment.point_labels(df)
    assert list(pts["label"]) == ["3 statements (neutral in both)", "Kyiv", "Macron, source #2"]
    assert list(pts["n"]) == [3, 1, 2]
    assert labels  # the frame itself is unchanged


def test_the_fast_scores_equal_nltk_and_textblob_on_every_statement_of_the_shipped_corpus():
    """score_text uses NLTK's VADER with a faster word split and TextBlob's analyser without
    its namedtuple wrapper: the same six numbers as NLTK's and TextBlob's own, on every text
    a statement of data/corpus is scored on (its own words and its whole content)."""
    from helpers.article import load_article
    from helpers.document import Document
    from helpers.paths import DATA

    nltk_vader, fast_vader = sentiment._nltk_vader(), sentiment._vader()
    assert type(fast_vader) is not type(nltk_vader)
    texts = set()
    for path in sorted((DATA / "corpus").glob("*.txt")):
        doc = Document(load_article(path))
        for st in doc.attributions:
            texts |= {sentiment.scored_words(st, doc.text), sentiment.content_words(st, doc.text)}
    assert len(texts) > 700
    for text in sorted(texts):
        tb = sentiment._textblob().analyze(text)
        expected = {"tb_polarity": tb.polarity, "tb_subjectivity": tb.subjectivity,
                    **{f"vader_{k}": v for k, v in nltk_vader.polarity_scores(text).items()}}
        assert sentiment.score_text(text) == expected, text


def test_the_fast_word_split_gives_nltks_words_where_punctuation_touches_words():
    from nltk.sentiment.vader import SentiText

    sia = sentiment._vader()
    args = (sia.constants.PUNC_LIST, sia.constants.REGEX_REMOVE_PUNCTUATION)
    for text in ("Great!!! (really) 'good', \"bad\"... ok?! :-) no-one's :D wow!?!?! --fine-- ,a, ab. .ab",
                 "?!?ab ab!?!?! 'ab' \"ab\" ab, ab; ab: -ab- x. y! GOOD bad ab?? ab!!!! !!ab ’ab’ ab—cd",
                 "Not bad, 'not bad.' -- he said: \"kind of great!?\""):
        nltk_words = SentiText(text, *args).words_and_emoticons
        assert sia.sentitext(text, *args).words_and_emoticons == nltk_words
        assert "ab" in nltk_words or "bad" in nltk_words  # NLTK did strip marks here
        assert sia.polarity_scores(text) == sentiment._nltk_vader().polarity_scores(text)
