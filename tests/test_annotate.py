"""The annotated article (report 00): every layer marked, escaped, with the ids the tables link to."""

from __future__ import annotations

import re

from helpers import report
from helpers.annotate import annotated_html, marks, render_span
from helpers.article import parse_article
from helpers.document import Document

TEXT = ('Officials said on Friday that 2,000 people had left <b>town</b>. "We are ready," '
        "Mayor Ana Ruiz told reporters on 3 March 2024.")


def test_every_statement_timex_and_quantity_is_marked_with_its_id():
    doc = Document(parse_article(TEXT, date="2024-03-08"))
    page = annotated_html(doc)
    ids = re.findall(r'id="([a-z]{2}-\d+)"', page)
    assert sorted(i for i in ids if i.startswith("st-")) == [f"st-{s.quote_id}" for s in doc.statements]
    assert sorted(i for i in ids if i.startswith("tx-")) == sorted(f"tx-{t.timex_id}" for t in doc.timexes)
    assert [i for i in ids if i.startswith("qt-")] == [f"qt-{q.start}" for q in doc.quantities]
    assert len(doc.statements) == 2 and len(doc.timexes) == 2 and len(doc.quantities) == 1
    assert '<span class="lab l-tx">2024-03-08</span>' in page  # on Friday, resolved
    assert '<span class="lab l-tx">2024-03-03</span>' in page
    assert '<span class="lab l-qt">2,000</span>' in page
    assert "Ana Ruiz · tell" in page and "Officials · say" in page
    assert "&lt;b&gt;town&lt;/b&gt;" in page and "<b>town</b>" not in page  # article text escaped


def test_overlapping_marks_are_split_into_flat_pieces_and_the_text_survives():
    doc = Document(parse_article("He waited nearly 11 years, she said.", date="2024-03-08"))
    found = marks(doc)
    html = render_span(doc.text, 0, found)
    assert re.sub(r"<[^>]+>", "", re.sub(r'<span class="lab[^"]*">[^<]*</span>', "", html)) == doc.text
    assert html.count("<span") == html.count("</span>")


def test_the_lab_is_set_to_ask_nothing_and_check_nothing(tmp_path):
    import json

    written = report.install_config(tmp_path)
    overrides = json.loads((tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json").read_text())
    assert overrides["@jupyterlab/apputils-extension:notification"] == {"checkForUpdates": False, "fetchNews": "false"}
    server = json.loads((tmp_path / "etc" / "jupyter" / "jupyter_server_config.json").read_text())
    assert server["LabApp"]["check_for_updates_class"] == "jupyterlab.NeverCheckForUpdate"
    assert len(written) == 3


def test_a_statement_without_a_cue_word_is_marked_with_its_speaker_alone():
    """A quoted paragraph of a transcript that carries on a direct quote has no cue word
    (PolNeAR dev, 2016): report 00 failed on ``html.escape(None)``. Hand-built, as spaCy
    builds a Doc for one component: the statement layer holds one such statement."""
    import datetime as dt

    from helpers import annotate
    from helpers.article import parse_article
    from helpers.document import Document
    from helpers.records import Statement

    text = '"PENCE: And that is why he is on his way to the White House."\n'
    start, end = 1, len(text) - 2
    doc = Document(parse_article(text, date=dt.date(2016, 9, 25)))
    doc._layers["statements"] = (Statement(
        quote_id=1, speaker="Mike Pence", speaker_mention=None, speaker_start=None, speaker_end=None,
        speaker_type="person", camp="unknown", kind="direct", cue=None, cue_class=None, text=text[start:end],
        start=start, end=end, sentence_id=0, reported_speaker=None, voice="quoted",
        quoted=((start, end),), fragments=((start, end),)),)
    assert '<span class="lab l-st">Mike Pence · </span>' in annotate.annotated_html(doc)
