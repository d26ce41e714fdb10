"""The article model: the seed, articles written for the tests, plain text, bad input."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from helpers import paths
from helpers.article import (
    LEAD_SECTION,
    ArticleDecodeError,
    ArticleError,
    ArticleFormatError,
    ArticleNotFoundError,
    ChecksumError,
    EmptyArticleError,
    load_article,
    parse_article,
)


def assert_offsets(a):
    for p in a.paragraphs:
        assert a.text[p.start : p.end] == p.text
    for name, s in a.spans.items():
        assert a.text[s.start : s.end] == s.text, name


def test_seed_copy_is_byte_identical_and_checksummed():
    data = paths.SEED_ARTICLE.read_bytes()
    assert hashlib.sha256(data).hexdigest() == paths.SEED_SHA256
    shared = paths.ROOT.parent / "shared" / "seed" / paths.SEED_ARTICLE.name
    if shared.exists():
        assert shared.read_bytes() == data


def test_seed_metadata(seed):
    assert seed.date == dt.date(2025, 8, 14)
    assert seed.headline == "New hope as Trump offers security guarantees while Ukraine braces for Putin meet"
    assert seed.standfirst.startswith("Europe, Ukraine seek a say in any endgame")
    assert seed.standfirst.endswith("were ‘pivotal’")
    assert seed.caption.startswith("US President Donald Trump gestures next to Nato")
    assert seed.caption.endswith("in Britain in 2019.")
    assert seed.photo_credit == "REUTERS/KEVIN LAMARQUE"
    assert seed.dateline == ("London", "Paris", "Kyiv")
    assert seed.byline == "Reuters"
    assert seed.sections == ("Alliance", "Backstop", "Embolden")
    assert seed.has_header


def test_seed_paragraphs(seed):
    assert len(seed.paragraphs) == 28
    assert_offsets(seed)
    first = seed.paragraphs[0]
    assert first.text.startswith("Ukraine’s allies said")  # dateline removed
    assert first.section == LEAD_SECTION
    by_section = {}
    for p in seed.paragraphs:
        by_section[p.section] = by_section.get(p.section, 0) + 1
    assert by_section == {LEAD_SECTION: 4, "Alliance": 6, "Backstop": 11, "Embolden": 7}
    assert seed.paragraphs[-1].text == "Kyiv swiftly rejected the conditions as tantamount to surrender."
    assert [p.index for p in seed.paragraphs] == list(range(28))


def test_default_load_checks_checksum(monkeypatch):
    assert load_article().sha256 == paths.SEED_SHA256
    monkeypatch.setattr(paths, "SEED_SHA256", "0" * 64)
    with pytest.raises(ChecksumError, match="SHA-256 mismatch"):
        load_article()


def test_article_is_frozen(seed):
    with pytest.raises(AttributeError):
        seed.headline = "x"


WASHINGTON = """ date 2024-02-29 Soldiers stand guard in a snowy field. Photo: AP/JANE DOE
Senate passes aid bill after months of delay
Lawmakers approve package for allies as deadline nears
WASHINGTON — The Senate passed the bill on Thursday. It now goes to the House.
Senator Jane Roe said the vote was close.
Reaction
Markets rose modestly.
Officials in Kyiv welcomed the vote.
Outlook
A final vote is expected next week.
Associated Press
"""


def test_other_places_sections_credit():
    a = parse_article(WASHINGTON, id="w")
    assert a.date == dt.date(2024, 2, 29)
    assert a.caption == "Soldiers stand guard in a snowy field."
    assert a.photo_credit == "AP/JANE DOE"
    assert a.headline == "Senate passes aid bill after months of delay"
    assert a.standfirst == "Lawmakers approve package for allies as deadline nears"
    assert a.dateline == ("WASHINGTON",)
    assert a.sections == ("Reaction", "Outlook")
    assert a.byline == "Associated Press"
    assert [p.section for p in a.paragraphs] == [LEAD_SECTION, LEAD_SECTION, "Reaction", "Reaction", "Outlook"]
    assert a.paragraphs[0].text == "The Senate passed the bill on Thursday. It now goes to the House."
    assert_offsets(a)


def test_no_caption_no_standfirst_no_credit():
    text = " date 2023-12-31\nShort headline here\nBerlin/Warsaw — Ministers met on Sunday, officials said.\nThey agreed on little.\n"
    a = parse_article(text)
    assert a.caption is None and a.photo_credit is None
    assert a.standfirst is None
    assert a.dateline == ("Berlin", "Warsaw")
    assert a.byline is None  # last line is prose, not a credit
    assert [p.text for p in a.paragraphs] == ["Ministers met on Sunday, officials said.", "They agreed on little."]
    assert_offsets(a)


def test_caption_without_credit_and_crlf_line_endings():
    text = " date 2022-02-24 Smoke rises over a city\r\nWar begins\r\nKYIV (Reuters) - Explosions were heard before dawn.\r\nReuters\r\n"
    a = parse_article(text)
    assert a.caption == "Smoke rises over a city" and a.photo_credit is None
    assert a.headline == "War begins"
    assert a.dateline == ("KYIV",)
    assert a.paragraphs[0].text == "Explosions were heard before dawn."
    assert a.byline == "Reuters"
    assert_offsets(a)


def test_lone_cr_line_endings():
    text = " date 2022-02-24 Smoke rises over a city\rWar begins\rKYIV (Reuters) - Explosions were heard before dawn.\rReuters\r"
    a = parse_article(text)
    assert a.caption == "Smoke rises over a city" and a.headline == "War begins"
    assert a.dateline == ("KYIV",) and a.byline == "Reuters"
    assert [p.text for p in a.paragraphs] == ["Explosions were heard before dawn."]
    assert_offsets(a)
    plain = parse_article("First paragraph.\rSecond one.\r\rThird.", date="2025-01-01")
    assert [p.text for p in plain.paragraphs] == ["First paragraph.", "Second one.", "Third."]
    assert_offsets(plain)


@pytest.mark.parametrize("eol", ["\r", "\r\n"])
def test_the_seed_with_cr_or_crlf_line_endings_reads_as_with_lf(seed, eol):
    from helpers.batch import layer_records
    from helpers.document import Document

    text = seed.text.replace("\n", eol)
    a = parse_article(text)
    assert (a.caption, a.headline, a.standfirst, a.dateline, a.sections, a.byline) == (
        seed.caption, seed.headline, seed.standfirst, seed.dateline, seed.sections, seed.byline)
    assert [(p.section, p.text) for p in a.paragraphs] == [(p.section, p.text) for p in seed.paragraphs]
    assert_offsets(a)
    found = layer_records("analyze", Document(a))
    if eol == "\r":  # one character for one: every offset and every layer as with LF
        assert found == layer_records("analyze", Document(seed))
    for layer in found.values():
        assert all(text[r["start"]:r["end"]] == r["text"] for r in layer)


def test_standfirst_without_dateline():
    text = " date 2021-06-16 x Picture: Y\nLeaders meet in Geneva\nA first summit in years\nThe two leaders met for four hours.\nBoth called it constructive.\n"
    a = parse_article(text)
    assert a.standfirst == "A first summit in years"
    assert a.dateline == ()
    assert len(a.paragraphs) == 2


def test_plain_text_every_line_a_paragraph():
    text = "First paragraph here.\n\n  Second one, indented.  \nThird.\n"
    a = parse_article(text, date="2025-01-06")
    assert not a.has_header
    assert a.date == dt.date(2025, 1, 6)
    assert [p.text for p in a.paragraphs] == ["First paragraph here.", "Second one, indented.", "Third."]
    assert a.headline is None and a.sections == ()
    assert_offsets(a)
    assert parse_article("Just text.").date is None


def test_a_line_mentioning_date_is_not_a_header():
    a = parse_article("date night was fun.\nWe went out.")
    assert not a.has_header and len(a.paragraphs) == 2


def test_plain_text_keeps_bom_offsets(write):
    p = write("\ufeffHello world. Bye.\n".encode("utf-8"))
    a = load_article(p)
    assert a.text[0] == "\ufeff"
    assert a.paragraphs[0].text == "Hello world. Bye."
    assert_offsets(a)


@pytest.mark.parametrize(
    "content, exc, message",
    [
        (b"", EmptyArticleError, "empty file"),
        (b"   \n\n", EmptyArticleError, "only whitespace"),
        (b"caf\xe9 au lait", ArticleDecodeError, "invalid byte 0xe9 at byte offset 3"),
        (b"abc\x00def", ArticleDecodeError, "NUL byte at byte offset 3"),
        (b"abc\x01\x02", ArticleDecodeError, "control character U+0001"),
        (b" date 2025-02-30 caption\nHeadline\nBody.\n", ArticleFormatError, "impossible date '2025-02-30'"),
        (b" date 2025-13-01\nHeadline\nBody.\n", ArticleFormatError, "impossible date"),
        (b" date 2025-08-14 caption only\n", EmptyArticleError, "header but no headline or body"),
        (b" date 2025-08-14 caption\nHeadline only\n", EmptyArticleError, "no body"),
    ],
)
def test_bad_files_raise_one_line_errors(write, content, exc, message):
    p = write(content)
    with pytest.raises(exc) as info:
        load_article(p)
    msg = str(info.value)
    assert isinstance(info.value, ArticleError)
    assert message in msg
    assert msg.startswith(str(p))
    assert "\n" not in msg


def test_missing_and_directory(tmp_path):
    with pytest.raises(ArticleNotFoundError, match="no such file"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleNotFoundError, match="is a directory"):
        load_article(tmp_path)


def test_invalid_date_argument():
    with pytest.raises(ArticleFormatError, match="invalid date"):
        parse_article("text", date="14/08/2025")
