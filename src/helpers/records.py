"""The typed, frozen records that a ``Document``'s layers hold, and their tables.

Every record carries exact offsets into ``article.text`` (``text[start:end] == record.text``).
A record class names the columns of its table (``COLUMNS``); extra fields (token ranges used
by later stages) stay out of the table. DataFrames are made only at the edges, by
:func:`to_frame`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import ClassVar

import pandas as pd


@dataclass(frozen=True, slots=True)
class Sentence:
    COLUMNS: ClassVar = ["sentence_id", "unit", "paragraph", "section", "start", "end", "text"]
    INT_COLUMNS: ClassVar = ["paragraph"]

    sentence_id: int
    unit: str  # caption / headline / standfirst / body
    paragraph: int | None
    section: str | None
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Token:
    COLUMNS: ClassVar = ["token_id", "sentence_id", "start", "end", "text", "lower", "is_word", "tag"]
    INT_COLUMNS: ClassVar = []

    token_id: int
    sentence_id: int
    i: int  # index within its sentence
    start: int
    end: int
    text: str
    lower: str
    is_word: bool
    tag: str  # Penn Treebank part of speech

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True, slots=True)
class Name:
    """A mention of a name: a run of capitalised words, a role title in front stripped."""

    COLUMNS: ClassVar = ["start", "end", "text", "sentence_id", "titled"]
    INT_COLUMNS: ClassVar = []

    start: int
    end: int
    text: str
    sentence_id: int
    titled: bool  # a role title stood in front (evidence of a person)


@dataclass(frozen=True, slots=True)
class Statement:
    """An attributed statement; the scores are set in the ``statements`` layer: six on the
    speaker's own words (or the content when it has none), two on the whole content."""

    COLUMNS: ClassVar = [
        "quote_id", "speaker", "speaker_mention", "speaker_start", "speaker_end", "speaker_type",
        "camp", "kind", "voice", "cue", "cue_class", "cue_start", "cue_end", "text", "start", "end", "sentence_id",
        "reported_speaker", "quoted", "fragments",
    ]
    SCORES: ClassVar = [
        "tb_polarity", "tb_subjectivity", "vader_compound", "vader_pos", "vader_neu", "vader_neg",
        "content_tb_polarity", "content_vader_compound",
    ]
    INT_COLUMNS: ClassVar = ["speaker_start", "speaker_end", "cue_start", "cue_end"]

    quote_id: int
    speaker: str | None  # None: an attribution with no source in the text (``is expected to``)
    speaker_mention: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_type: str
    camp: str
    kind: str  # direct / mixed / indirect
    cue: str | None
    cue_class: str | None
    text: str
    start: int
    end: int
    sentence_id: int
    reported_speaker: str | None
    voice: str = "paraphrase"  # quoted (all the speaker's words) / mixed / paraphrase
    cue_start: int | None = None
    cue_end: int | None = None
    #: [start, end] spans of the speaker's own words (inside quote marks) within the content
    quoted: tuple[tuple[int, int], ...] = ()
    #: [start, end] spans of the content: one, or the parts of a quote its attribution interrupts
    fragments: tuple[tuple[int, int], ...] = ()
    tb_polarity: float | None = None
    tb_subjectivity: float | None = None
    vader_compound: float | None = None
    vader_pos: float | None = None
    vader_neu: float | None = None
    vader_neg: float | None = None
    #: the two polarity scores of the whole content (the ``fragments``), paraphrase included
    content_tb_polarity: float | None = None
    content_vader_compound: float | None = None


@dataclass(frozen=True, slots=True)
class Timex:
    COLUMNS: ClassVar = ["timex_id", "start", "end", "text", "type", "value", "mod", "anchor", "sentence_id"]
    INT_COLUMNS: ClassVar = []

    timex_id: int
    start: int
    end: int
    text: str
    type: str  # DATE / TIME / DURATION / SET
    value: str
    mod: str | None
    anchor: dt.date | None  # the date the value was resolved against (None: no reference date)
    sentence_id: int
    token_start: int = 0  # token range within the sentence, for the events stage
    token_end: int = 0


@dataclass(frozen=True, slots=True)
class Event:
    COLUMNS: ClassVar = [
        "timex_id", "text", "type", "value", "date", "precision", "event", "event_start", "event_end",
        "participants", "sentence_id", "sentence",
    ]
    INT_COLUMNS: ClassVar = ["event_start", "event_end"]

    timex_id: int
    text: str
    type: str
    value: str
    date: dt.date | None
    precision: str | None
    event: str | None
    event_start: int | None
    event_end: int | None
    participants: str
    sentence_id: int
    sentence: str


@dataclass(frozen=True, slots=True)
class Quantity:
    COLUMNS: ClassVar = [
        "start", "end", "text", "value", "low", "high", "unit", "approx", "qualifier", "noun",
        "measure", "category", "subject", "sentence_id", "kind", "evidence",
    ]
    INT_COLUMNS: ClassVar = []
    #: Kinds that are quantities but not figures a reader tabulates (the timeline owns durations).
    NOT_FIGURES: ClassVar = ("duration", "age", "multiplier")

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    approx: bool
    qualifier: str | None
    noun: str | None
    measure: str | None
    category: str
    subject: str | None
    sentence_id: int
    kind: str = "count"  # count / money / percent / share / a unit's dimension (length …) / age / duration / multiplier
    evidence: str | None = None  # the words that govern the measure and category, as written ("were killed", "of the Donetsk region")


def _float_fields(cls) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls) if str(f.type).startswith("float"))


def as_dict(record, columns=None) -> dict:
    """A record's table columns as a dict, as its table would give them: dates in
    ``Timex.anchor`` as ISO text, numbers of float fields as floats."""
    cls = type(record)
    columns = columns or cls.COLUMNS
    out = {c: getattr(record, c) for c in columns}
    for c in _FLOATS.setdefault(cls, _float_fields(cls)) & out.keys():
        if out[c] is not None:
            out[c] = float(out[c])
    if isinstance(record, Timex) and "anchor" in out:
        out["anchor"] = record.anchor.isoformat() if record.anchor else None
    return out


_FLOATS: dict[type, frozenset[str]] = {}


def to_frame(records, cls, columns=None) -> pd.DataFrame:
    """A table of records of one class, with the project's column order and integer types."""
    columns = list(columns or cls.COLUMNS)
    df = pd.DataFrame([as_dict(r, columns) for r in records], columns=columns)
    for col in cls.INT_COLUMNS:
        if col in df:
            df[col] = df[col].astype("Int64")
    return df


def field_names(cls) -> list[str]:
    return [f.name for f in fields(cls)]
