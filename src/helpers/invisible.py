"""Invisible characters: matched around, never counted.

Zero-width characters (``U+200B`` space, ``U+200C``/``U+200D`` joiners, ``U+2060`` word
joiner, ``U+FEFF``), the soft hyphen and the bidirectional marks, embeddings and isolates
(``U+200E``/``U+200F``, ``U+061C``, ``U+202A``-``U+202E``, ``U+2066``-``U+2069``) change
nothing a reader sees, but split a word for a matcher (``Tues\\u200bday``). A ``Document`` whose
text holds any computes its layers on the text without them and maps every offset back, so
what is found does not change and offsets still index the text as given.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import fields, replace

INVISIBLE = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")

#: (start, end, text) field names of the spans a record carries; the text field is re-cut
#: from the original text when it was a plain cut of the cleaned one.
SPAN_FIELDS = (("start", "end", "text"), ("speaker_start", "speaker_end", "speaker_mention"),
               ("cue_start", "cue_end", None), ("event_start", "event_end", None))
PAIR_LIST_FIELDS = ("quoted", "fragments")


class OffsetMap:
    """Offsets of a text with its invisible characters removed, mapped back to the text."""

    def __init__(self, text: str):
        self.original = text
        removed = [m.start() for m in INVISIBLE.finditer(text)]
        #: the cleaned-text position before which each removed character stood
        self._before = [pos - k for k, pos in enumerate(removed)]
        self.clean = INVISIBLE.sub("", text)

    def start(self, k: int) -> int:
        """A start offset (of the first character of a span) in the original text."""
        return k + bisect.bisect_right(self._before, k) if k < len(self.clean) else len(self.original)

    def end(self, k: int) -> int:
        """An end offset (one past the last character of a span) in the original text."""
        return 0 if k <= 0 else self.start(k - 1) + 1

    def record(self, rec):
        """``rec`` with every span mapped back (and its text cut from the original text)."""
        names = {f.name for f in fields(rec)}
        changes = {}
        for s, e, t in SPAN_FIELDS:
            if s not in names or getattr(rec, s) is None or getattr(rec, e) is None:
                continue
            a, b = getattr(rec, s), getattr(rec, e)
            changes[s], changes[e] = self.start(a), self.end(b) if b > a else self.start(a)
            if t in names and getattr(rec, t) == self.clean[a:b]:
                changes[t] = self.original[changes[s]:changes[e]]
        for name in PAIR_LIST_FIELDS:
            if name in names and getattr(rec, name):
                changes[name] = tuple((self.start(a), self.end(b)) for a, b in getattr(rec, name))
        return replace(rec, **changes) if changes else rec
