"""Sentences and tokens: the seed against hand-made gold, and written test paragraphs."""

from __future__ import annotations

import csv

import pytest

from helpers import paths
from helpers.article import parse_article
from helpers.tokenize import sentences, split_spans, tokens, word_spans


def split(text):
    return [text[s:e] for s, e in split_spans(text)]


def gold_sentences():
    with open(paths.ANNOTATIONS / "seed_sentences.tsv", encoding="utf-8") as fh:
        rows = [ln for ln in fh if not ln.startswith("#")]
    return list(csv.DictReader(rows, delimiter="\t"))


def test_seed_body_matches_gold_segmentation(seed):
    body = sentences(seed, body_only=True)
    gold = gold_sentences()
    assert len(gold) == 34
    assert len(body) == len(gold)
    for (_, row), g in zip(body.iterrows(), gold):
        assert row["paragraph"] == int(g["paragraph"])
        assert row["text"].startswith(g["begins"]), (row["text"], g["begins"])
        assert row["text"].endswith(g["ends"]), (row["text"], g["ends"])


def test_seed_offsets_are_exact_and_units_separate(seed):
    df = sentences(seed)
    for _, row in df.iterrows():
        assert seed.text[row["start"] : row["end"]] == row["text"]
    assert list(df["unit"][:3]) == ["caption", "headline", "standfirst"]
    assert df["text"][1] == seed.headline
    assert df["text"][2] == seed.standfirst
    # no sentence contains a section heading or crosses a line
    assert not df["text"].str.contains("\n").any()
    assert not df["text"].str.startswith(("Alliance", "Backstop", "Embolden")).any()
    assert list(df["sentence_id"]) == list(range(len(df)))


def test_closing_quote_stays_with_its_sentence():
    text = "“That is what we are committed to,” Macron said. “And for me, this was an important clarification today.”"
    assert split(text) == [
        "“That is what we are committed to,” Macron said.",
        "“And for me, this was an important clarification today.”",
    ]
    assert split("He said: “It is over.” Then he left.") == ["He said: “It is over.”", "Then he left."]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Smith met Dr. Jones on Friday. They talked.", ["Mr. Smith met Dr. Jones on Friday.", "They talked."]),
        ("The U.S. and the U.K. signed it. The E.U. did not.", ["The U.S. and the U.K. signed it.", "The E.U. did not."]),
        ("Gen. Mark Milley and Sen. Lindsey Graham spoke. Both left.", ["Gen. Mark Milley and Sen. Lindsey Graham spoke.", "Both left."]),
        ("She arrived at No. 10 Downing St. on Monday. Talks began.", ["She arrived at No. 10 Downing St. on Monday.", "Talks began."]),
        ("The vote is at 3 p.m. on Tuesday. Results follow.", ["The vote is at 3 p.m. on Tuesday.", "Results follow."]),
        ("Troops advanced 9.5km overnight. About 1.2 million fled.", ["Troops advanced 9.5km overnight.", "About 1.2 million fled."]),
        ("“Are you sure?” she asked. He nodded.", ["“Are you sure?” she asked.", "He nodded."]),
        ('"Will it hold?" he asked reporters. Nobody knew.', ['"Will it hold?" he asked reporters.', "Nobody knew."]),
        ("“We will see … maybe,” he said. Then he left.", ["“We will see … maybe,” he said.", "Then he left."]),
        ("He said “she told me ‘no’ twice.” It ended there.", ["He said “she told me ‘no’ twice.”", "It ended there."]),
        ("Is this the end? Nobody can say! We wait.", ["Is this the end?", "Nobody can say!", "We wait."]),
        ('He paused... and then spoke. "Fine."', ["He paused... and then spoke.", '"Fine."']),
    ],
)
def test_written_paragraphs(text, expected):
    assert split(text) == expected


def test_heading_never_glued_to_next_sentence():
    text = " date 2025-03-03 cap\nHead line\nParis — First para here.\nReaction\nSecond para here.\nAFP\n"
    a = parse_article(text)
    df = sentences(a, body_only=True)
    assert list(df["text"]) == ["First para here.", "Second para here."]
    assert list(df["section"]) == ["(lead)", "Reaction"]


def test_word_tokens_split_curly_clitics_and_keep_offsets(seed):
    text = "Ukraine’s allies didn’t say ‘pivotal’ or “felt like”, the official said."
    toks = [text[s:e] for s, e in word_spans(text)]
    assert toks[:2] == ["Ukraine", "’s"]
    assert "n’t" in toks and "did" in toks
    assert toks[toks.index("‘") + 1] == "pivotal"
    assert "“" in toks and "”" in toks
    assert toks[-2:] == ["said", "."]
    df = tokens(seed)
    for s, e, t in zip(df["start"], df["end"], df["text"]):
        assert seed.text[s:e] == t
    first_body = df[df["start"] == seed.paragraphs[0].start].iloc[0]
    assert first_body["text"] == "Ukraine"
    assert df.loc[first_body["token_id"] + 1, "text"] == "’s"


def test_results_do_not_depend_on_nltk_data(tmp_path, monkeypatch, seed):
    """A user's nltk_data (here an empty, unreadable path) must not change anything."""
    import nltk

    from helpers import tokenize

    before = sentences(seed)["text"].tolist()
    tokenize.sentence_tokenizer.cache_clear()
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path / "nltk_data")])
    monkeypatch.setenv("NLTK_DATA", str(tmp_path / "nltk_data"))
    assert sentences(seed)["text"].tolist() == before
    tokenize.sentence_tokenizer.cache_clear()


def test_word_tokenizer_gives_nltks_own_tokens(seed):
    """The stdlib-compiled copy of NLTK's rules splits exactly as NLTK does."""
    from nltk.tokenize import NLTKWordTokenizer

    from helpers import resources
    from helpers.article import load_article
    from helpers.paths import DATA
    from helpers.tokenize import _word_tokenizer

    corpus = [s for path in sorted((DATA / "corpus").glob("*.txt")) for s in sentences(load_article(path))["text"]]
    texts = [s for s in sentences(seed)["text"]] + corpus + [
        "He said: \"Don't go -- it's 3:30 p.m.\" (Really?) 'Tis cannot, gonna...",
        "Prices [rose] 4% to $1.2bn; {see} <this>, U.S. officials' “claims”.",
        "``Quoted,'' he said, \"twice\" and '' once ``more''.",
    ]
    assert sum('"' in resources.straighten(t) for t in texts) > 100  # the quotes' own search runs
    reference = NLTKWordTokenizer()
    for text in texts:
        text = resources.straighten(text)
        assert list(_word_tokenizer().span_tokenize(text)) == list(reference.span_tokenize(text)), text


def test_a_title_before_a_name_never_ends_a_sentence():
    # Punkt splits after "Mr." when the surname is also a common word ("hedge", "young")
    text = "Golf is thin, Mr. Hedge said. He met Sen. Young and Dr. Rice. They left."
    assert [text[a:b] for a, b in split_spans(text)] == [
        "Golf is thin, Mr. Hedge said.", "He met Sen. Young and Dr. Rice.", "They left.",
    ]


def test_a_quoted_question_and_its_attribution_stay_one_sentence():
    text = "“Is it over? Are we safe?” Lena Vogel asked. Nobody answered. Did it work? Officials were unsure."
    assert [text[a:b] for a, b in split_spans(text)] == [
        "“Is it over?", "Are we safe?” Lena Vogel asked.", "Nobody answered.", "Did it work?", "Officials were unsure.",
    ]


def test_no_split_after_a_month_or_number_abbreviation_before_a_number():
    from helpers.tokenize import split_spans

    text = "He stays between now and Feb. 10.'' Earlier, lawyers filed a petition. It was No. 5. Then it rained."
    assert [text[s:e] for s, e in split_spans(text)] == [
        "He stays between now and Feb. 10.''", "Earlier, lawyers filed a petition.", "It was No. 5.", "Then it rained."]


def test_no_split_between_the_parties_of_a_case():
    from helpers.tokenize import split_spans

    text = "In January, after the anniversary of Roe vs. Wade and Brown v. Board, a bomb exploded."
    assert [text[s:e] for s, e in split_spans(text)] == [text]


def test_no_split_before_a_closing_bracket():
    from helpers.tokenize import split_spans

    text = "Rep. Elijah Cummings (D-Md.), chair of the committee, said it was open. Then he left."
    assert [text[s:e] for s, e in split_spans(text)] == [
        "Rep. Elijah Cummings (D-Md.), chair of the committee, said it was open.", "Then he left."]


def test_the_tagger_called_directly_gives_textblobs_own_tags(seed):
    """pos_tags calls TextBlob's tagger on the token list: the tags textblob.en.tag gives for
    the same tokens joined (tokenize=False), on every sentence of the seed and of data/corpus."""
    from textblob.en import tag

    from helpers import resources
    from helpers.article import load_article
    from helpers.paths import DATA
    from helpers.tokenize import _pos_tags, word_spans

    texts = list(sentences(seed)["text"]) + [
        s for path in sorted((DATA / "corpus").glob("*.txt")) for s in sentences(load_article(path))["text"]]
    texts.append("The 1/2-point rise, a 3/4 share and/or more (and \u201cquoted\u201d words).")
    assert len(texts) > 1500
    _pos_tags.cache_clear()
    for text in texts:
        words = [text[a:b] for a, b in word_spans(text)]
        clean = [resources.straighten(w).replace(" ", "_") or "_" for w in words]
        assert list(_pos_tags(tuple(words))) == [t for _, t in tag(" ".join(clean), tokenize=False)], text
