"""The hand-made TIMEX3 gold of 25 Wikinews articles: the choice is the stated seeded draw."""

from collections import Counter

from helpers.evaluate import wikinews


def test_selection_is_the_seeded_draw():
    chosen = wikinews.choose(wikinews.manifest())
    assert chosen == wikinews.read_selection()
    assert len(chosen) == 25 and len({c["file"] for c in chosen}) == 25
    assert Counter(c["subset"] for c in chosen) == {"trial": 7, "corpus_1": 6, "corpus_2": 6, "corpus_3": 6}
    held = Counter(c["subset"] for c in chosen if c["compartment"] == "heldout")
    assert held == {"trial": 3, "corpus_1": 3, "corpus_2": 2, "corpus_3": 2}
    assert len({c["date"][:4] for c in chosen}) >= 7  # spread over the years, 2005 to 2013
    assert all((wikinews.CORPUS / c["file"]).exists() for c in chosen)


def test_another_seed_draws_other_articles():
    rows = wikinews.manifest()
    assert {c["file"] for c in wikinews.choose(rows, seed=1)} != {c["file"] for c in wikinews.choose(rows)}


def test_the_gold_reads_and_covers_the_25_articles():
    from helpers.evaluate.readers import read_corpus

    docs = read_corpus(wikinews.GOLD_DIR)
    chosen = wikinews.read_selection()
    assert sorted(d.id + ".txt" for d in docs) == sorted(c["file"] for c in chosen)
    held = read_corpus(wikinews.GOLD_DIR / "heldout.csv")
    assert sorted(d.id + ".txt" for d in held) == sorted(c["file"] for c in chosen if c["compartment"] == "heldout")
    items = [i for d in docs for i in d.items]
    assert len(items) == 184
    assert {i.get("type") for i in items} == {"DATE", "TIME", "DURATION", "SET"}
    by_date = {c["file"]: c["date"] for c in chosen}
    assert all(d.date == by_date[d.id + ".txt"] for d in docs)  # the header's date is the anchor
    assert all(d.text[i.start:i.end] == i.text for d in docs for i in d.items)


def test_a_row_whose_text_is_not_at_its_offsets_is_one_clear_error(tmp_path):
    import pytest

    from helpers.evaluate.readers import GoldFormatError, read_corpus

    bad = tmp_path / "gold.csv"
    name = wikinews.read_selection()[0]["file"]
    bad.write_text(f"file,start,end,text,type,value,mod\n{name},0,5,Sunday,DATE,2005-10-02,\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="row 2: the text at 0:5 is not 'Sunday'"):
        read_corpus(bad)
    bad.write_text("file,start,end,text\nno-such.txt,0,1,x\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="no such corpus file"):
        read_corpus(bad)


def test_locate_finds_each_text_after_the_previous_one():
    sel = wikinews.read_selection()
    doc = next(c for c in sel if c["doc_id"] == "71426")
    rows = wikinews.locate([{"doc_id": "71426", "text": t, "type": "DATE", "value": t} for t in ("2009", "2011", "2014", "2016")])
    text = (wikinews.CORPUS / doc["file"]).read_text(encoding="utf-8")
    assert [text[r["start"]:r["end"]] for r in rows] == ["2009", "2011", "2014", "2016"]
    assert rows[0]["start"] < rows[1]["start"] < rows[2]["start"] < rows[3]["start"]
