"""The shipped Wikinews corpus (data/corpus/, from SemEval-2015 Task 4) and its converter."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib

import pytest

from helpers import corpus, paths
from helpers.article import load_article

CORPUS = paths.DATA / "corpus"
MANIFEST = list(csv.DictReader(open(CORPUS / "MANIFEST.csv", encoding="utf-8", newline="")))


def test_manifest_lists_every_file_once_with_its_checksum():
    files = sorted(p.name for p in CORPUS.glob("*.txt"))
    assert sorted(r["file"] for r in MANIFEST) == files
    assert len(files) == 120
    assert len({r["doc_id"] for r in MANIFEST}) == 120
    assert {r["subset"] for r in MANIFEST} == {"trial", "corpus_1", "corpus_2", "corpus_3"}
    for row in MANIFEST:
        assert hashlib.sha256((CORPUS / row["file"]).read_bytes()).hexdigest() == row["sha256"], row["file"]
        assert row["url"].startswith("http://en.wikinews.org/wiki/"), row["file"]
        assert row["file"].startswith(row["doc_id"] + "_")


def test_date_range_and_a_known_row():
    dates = sorted(r["date"] for r in MANIFEST)
    assert (dates[0], dates[-1]) == ("2004-11-24", "2013-12-10")
    row = next(r for r in MANIFEST if r["doc_id"] == "102977")
    # the title restores the pound sign the tokenized text writes as the Treebank's "#"
    assert row["title"] == "Airbus parent EADS wins £13 billion UK RAF airtanker contract"
    assert row["date"] == "2008-03-27"


@pytest.mark.parametrize("row", MANIFEST, ids=[r["file"] for r in MANIFEST])
def test_every_file_loads_as_an_article_with_its_date_and_headline(row):
    article = load_article(CORPUS / row["file"])
    assert article.has_header
    assert article.date == dt.date.fromisoformat(row["date"])
    assert article.headline == row["title"]
    assert article.byline == "Wikinews"
    assert article.sections == ()
    assert len(article.paragraphs) >= 2
    text = article.text
    assert "``" not in text and "''" not in text and " 's " not in text


def test_a_converted_article_reads_as_the_source_wrote_it():
    text = (CORPUS / "10718_apple-to-lower-uk-itunes-prices.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[:2] == [" date 2008-01-09", "Apple to lower UK iTunes prices"]
    assert lines[-1] == "Wikinews"
    assert "Apple's online media shop." in lines[2]
    assert "for £0.79 per song and £7.99 per album" in text
    assert "up to 10% more" in text
    assert 'Neelie Kroes said "the Commission is very much in favour' in text
    assert text.endswith('for music downloads."\nWikinews\n')


# --- the converter, on tokens and documents written for the tests ------------------------------


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["Apple", "'s", "shop", "(", "SDK", ")", "."], "Apple's shop (SDK)."),
        (["up", "to", "10", "%", "more", ",", "at", "$", "7.4", "billion"], "up to 10% more, at $7.4 billion"),
        (["worth", "US$", "2.2", "billion"], "worth US$2.2 billion"),
        (["a", "#", "13", "billion", "contract"], "a £13 billion contract"),
        (["(", "GB", "#", "20.1", "billion", ")"], "(GB £20.1 billion)"),
        (["£", "8.4", "bn", ",", "#", "1bn", "over"], "£8.4 bn, £1bn over"),
        (["prices", "of", "€", "0.99", "and", "¥", "100"], "prices of €0.99 and ¥100"),
        (["we", "'", "re", "launching"], "we're launching"),
        (["Wayne", "'", "s", "World"], "Wayne's World"),
        (["I'", "ll", "be", "calling"], "I'll be calling"),
        (["Jobs", "'", "last", "two", "absences"], "Jobs' last two absences"),
        (["developers", "'", "conference"], "developers' conference"),
        (["on", "`", "Black", "Monday", "'", "anniversary"], "on 'Black Monday' anniversary"),
        (["We", "do", "n't", "know"], "We don't know"),
        (["Wal", "-", "Mart"], "Wal - Mart"),  # the source's spacing is kept
        (["the", "work", "[", "it", "has", "]", "done"], "the work [it has] done"),
    ],
)
def test_detokenized_sentence(tokens, expected):
    assert corpus.sentences_text([tokens]) == [expected]


def test_straight_quotes_take_their_direction_from_context_and_across_sentences():
    sentences = [
        ["He", "said", '"', "it", "works", "."],
        ["It", "is", "done", ".", '"'],
        ["The", "iTunes", '"', "App", "Store", '"', "opened", "."],
        ["saying", "that", ",", '"', "just", "one", "year", "."],
        ['"'],
    ]
    assert corpus.sentences_text(sentences) == [
        'He said "it works.',
        'It is done."',
        'The iTunes "App Store" opened.',
        'saying that, "just one year.',
        '"',
    ]


def test_treebank_quotes_and_the_sources_wrong_ones():
    sentences = [
        ["he", "was", "``", "shocked", "''", ",", "saying", "``", "No", "."],
        ["Yes", ".", "''"],
        ["said", "that", "''", "...", "]", "costs", "remain", "high", "."],  # '' for ``
        ["costs", "fell", ".", "''"],
        ["we", "breached", "8,000", ",", "''", "he", "continued", "."],  # no opening mark
        ["the", "facts", ":", "''I'", "d", "distribute", "it", ",", "''", "it", "said", "."],
    ]
    assert corpus.sentences_text(sentences) == [
        'he was "shocked", saying "No.',
        'Yes."',
        'said that "...] costs remain high.',
        'costs fell."',
        'we breached 8,000," he continued.',
        'the facts: "I\'d distribute it," it said.',
    ]


def test_inch_marks_stay_with_their_numeral():
    tokens = ["a", "13.3", '"', "widescreen", "display", "or", "15", '"', "or", "17", '"', "displays", "."]
    assert corpus.sentences_text([tokens]) == ['a 13.3" widescreen display or 15" or 17" displays.']


def test_page_title_slug_and_date():
    url = "http://en.wikinews.org/wiki/Boeing_787_%22Dreamliner%22_makes_maiden_flight"
    assert corpus.page_title(url) == 'Boeing 787 "Dreamliner" makes maiden flight'
    assert corpus.page_title("http://en.wikinews.org/wiki/Apple%27s_iTunes") == "Apple's iTunes"
    assert corpus.slug("Airbus parent EADS wins £13 billion UK RAF airtanker contract") == (
        "airbus-parent-eads-wins-13-billion-uk"
    )
    assert corpus.slug("Société Générale: a “loss”") == "societe-generale-a-loss"
    assert corpus.slug("—") == "article"
    assert corpus.printed_date("January 09, 2008", "x") == dt.date(2008, 1, 9)
    with pytest.raises(corpus.CorpusError, match="not a date"):
        corpus.printed_date("Apple unveils iPod nano", "x.xml")


def _cat(doc_id: str, url: str, sentences: list[list[str]]) -> str:
    toks, n = [], 0
    for s, words in enumerate(sentences):
        for w in words:
            toks.append(f'<token number="{n}" sentence="{s}" t_id="{n + 1}">{w}</token>')
            n += 1
    dct = '<Markables><TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2009-06-01">'
    return (
        f'<?xml version="1.0" ?><Document doc_id="{doc_id}" doc_name="{doc_id}_x.txt" src_url="{url}">\n'
        + "\n".join(toks)
        + f"\n{dct}\n</TIMEX3></Markables>\n</Document>\n"
    )


def test_convert_writes_articles_and_manifest(tmp_path):
    snapshot = tmp_path / "snap"
    doc = [
        ["GM", "seeks", "bankruptcy", "protection"],
        ["June", "01", ",", "2009"],
        ["General", "Motors", "filed", "for", "bankruptcy", "today", "."],
        ["Its", "debts", "are", "$", "172", "billion", "."],
    ]
    for i, (_, folder) in enumerate(corpus.SUBSETS):
        (snapshot / corpus.DATA_FOLDER / folder).mkdir(parents=True)
        url = f"http://en.wikinews.org/wiki/GM_seeks_bankruptcy_protection_{i}"
        (snapshot / corpus.DATA_FOLDER / folder / f"{i}.xml").write_text(_cat(str(100 + i), url, doc), "utf-8")
    out = tmp_path / "out"
    assert corpus.main([str(snapshot), "--out", str(out)]) == 0
    rows = list(csv.DictReader(open(out / "MANIFEST.csv", encoding="utf-8")))
    assert [r["file"] for r in rows] == [f"{100 + i}_gm-seeks-bankruptcy-protection-{i}.txt" for i in range(4)]
    assert rows[0]["dct"] == "2009-06-01" and rows[0]["subset"] == "trial"
    text = (out / rows[0]["file"]).read_text(encoding="utf-8")
    assert text == (
        " date 2009-06-01\nGM seeks bankruptcy protection 0\n"
        "General Motors filed for bankruptcy today.\nIts debts are $172 billion.\nWikinews\n"
    )
    article = load_article(out / rows[0]["file"])
    assert article.date == dt.date(2009, 6, 1)
    assert [p.text for p in article.paragraphs] == ["General Motors filed for bankruptcy today.", "Its debts are $172 billion."]


def test_convert_refuses_a_folder_that_is_not_the_snapshot(tmp_path, capsys):
    assert corpus.main([str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("helpers.corpus: error: ") and "no CAT files" in err
    assert not (tmp_path / "out").exists()


def test_analyze_runs_on_the_whole_corpus():
    """``analyze`` over the 120 articles, as one JSON-lines run: no error, the title as the
    headline, every temporal expression resolved against the article's own date, and every
    offset exact in the file's text."""
    import json
    import subprocess
    import sys

    texts = {r["file"]: (CORPUS / r["file"]).read_text(encoding="utf-8") for r in MANIFEST}
    records = "".join(json.dumps({"id": name, "text": text}) + "\n" for name, text in texts.items())
    res = subprocess.run([sys.executable, "-m", "helpers", "analyze", "--jsonl", "-", "--no-progress"],
                         input=records, capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stderr[-2000:]
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [o["id"] for o in out] == list(texts)
    timexes = 0
    for o, row in zip(out, MANIFEST):
        assert "error" not in o, o
        text = texts[o["id"]]
        assert " ".join(s["text"] for s in o["sentences"] if s["unit"] == "headline") == row["title"]
        assert {t["anchor"] for t in o["timexes"]} <= {row["date"]}
        timexes += len(o["timexes"])
        for layer in ("sentences", "quotes", "timexes", "figures"):
            for item in o[layer]:
                assert text[item["start"]:item["end"]] == item["text"], (o["id"], layer, item)
    assert timexes > 600  # 808 when this test was written: the articles are full of dates
