"""Turn the SemEval-2015 Task 4 TimeLine texts into article files of this project's format.

The TimeLine data (Minard et al., SemEval 2015; 120 Wikinews articles, CC BY 3.0) is
distributed as tokenized text in CAT XML: one ``<token>`` element per token, with its
sentence number, and the document's Wikinews URL. Sentence 0 is the title, sentence 1 the
printed date (``January 09 , 2008``), the rest the body; paragraph breaks do not survive.

Each document becomes ``<doc id>_<slug>.txt``::

     date 2008-01-09                       the printed date (sentence 1)
    Apple to lower UK iTunes prices        the page title, from the Wikinews URL
    <sentence>                             the body, one sentence a line
    …
    Wikinews                               the credit line

and a ``MANIFEST.csv`` lists every file with its title, date, URL and SHA-256.

The text is turned back into plain text by NLTK's ``TreebankWordDetokenizer`` (the inverse
of the Penn Treebank tokenizer the data was made with), after a pass over the tokens that
restores what that detokenizer cannot know: the direction of straight double quotes, the
Treebank's ``#`` for the pound sign, currency symbols other than ``$``, single opening
quotes written as a backquote, contractions split at the apostrophe (``we ' re``) and
inch marks. Nothing else is changed: words, spelling and the source's own spacing of
hyphens (``Wal - Mart``) stay as tokenized.

Run it on a snapshot of qiangning/StructTempRel-EMNLP17 (the data is not in this
repository)::

    python -m helpers.corpus SNAPSHOT [--out data/corpus]

where ``SNAPSHOT`` holds ``data/SemEval2015-Task4-TimeLine/`` (or is that folder).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import re
import sys
import unicodedata
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from nltk.tokenize.treebank import TreebankWordDetokenizer

DATA_FOLDER = "data/SemEval2015-Task4-TimeLine"
SUBSETS = (
    ("trial", "Corpus-trial-data_task4"),
    ("corpus_1", "SemEval_Task4_data/corpus_1/corpus_trackA_CAT"),
    ("corpus_2", "SemEval_Task4_data/corpus_2/corpus_trackA_CAT"),
    ("corpus_3", "SemEval_Task4_data/corpus_3/corpus_trackA_CAT"),
)
"""The four sets of 30 raw texts: trial (Apple), 1 (Airbus and Boeing), 2 (GM, Chrysler and
Ford), 3 (stock markets). The track B and TimeML folders hold the same texts, annotated."""
CREDIT = "Wikinews"
MANIFEST_FIELDS = ("file", "doc_id", "subset", "title", "date", "url", "source_file", "dct", "sha256")

_DETOKENIZER = TreebankWordDetokenizer()
_CONTRACTION_TAILS = frozenset({"s", "S", "re", "ve", "ll", "d", "m", "t"})
_CURRENCY = frozenset({"£", "€", "¥"})
_CLOSING_PUNCT = frozenset({",", ".", ";", ":", "!", "?", ")", "]"})
_CLAUSE_END = frozenset({",", ".", ";", "!", "?"})
_DOUBLE_QUOTES = frozenset({'"', "``", "''"})
_NUMERAL = re.compile(r"\A\d[\d.,]*\Z")


class CorpusError(ValueError):
    """A source file is not a TimeLine CAT document as expected (one line: file and problem)."""


@dataclass(frozen=True)
class Source:
    """One TimeLine document as read from its CAT file."""

    doc_id: str
    subset: str
    source_file: str
    url: str
    dct: str
    sentences: tuple[tuple[str, ...], ...]


# --- reading ------------------------------------------------------------------------------


def read_cat(path: Path, subset: str, source_file: str) -> Source:
    """The tokens of a CAT file, grouped by sentence in token order, and its attributes."""
    root = ET.parse(path).getroot()
    url = root.get("src_url") or ""
    if root.tag != "Document" or not root.get("doc_id") or not url:
        raise CorpusError(f"{path}: not a CAT document with doc_id and src_url")
    sentences: dict[int, list[tuple[int, str]]] = {}
    for tok in root.iter("token"):
        number, sentence = int(tok.get("number", "0")), int(tok.get("sentence", "0"))
        sentences.setdefault(sentence, []).append((number, tok.text or ""))
    if len(sentences) < 3:
        raise CorpusError(f"{path}: fewer than three sentences (title, date, body)")
    dct = next(
        (t.get("value", "") for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), ""
    )
    ordered = tuple(tuple(w for _, w in sorted(sentences[k])) for k in sorted(sentences))
    return Source(root.get("doc_id", ""), subset, source_file, url, dct, ordered)


def find_sources(snapshot: Path) -> list[Source]:
    """Every document of the four sets, in set order and then by file name."""
    base = snapshot / DATA_FOLDER if (snapshot / DATA_FOLDER).is_dir() else snapshot
    out = []
    for subset, folder in SUBSETS:
        files = sorted((base / folder).glob("*.xml"))
        if not files:
            raise CorpusError(f"{base / folder}: no CAT files (is {snapshot} a StructTempRel snapshot?)")
        out += [read_cat(f, subset, f"{DATA_FOLDER}/{folder}/{f.name}") for f in files]
    ids = [s.doc_id for s in out]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise CorpusError(f"{base}: document ids used twice: {', '.join(dupes)}")
    return out


# --- detokenizing -------------------------------------------------------------------------


def split_tokens(tokens: Sequence[str]) -> list[str]:
    """Re-split tokens that the source glued or split wrongly, and undo its Treebank symbols.

    - a quote glued to a word (``''I'``) is split off;
    - a contraction split at its apostrophe (``we ' re``, ``I' ll``) becomes ``we 're``;
    - ``#`` before a number is the Treebank's token for the pound sign: ``£``;
    - ``£``, ``€``, ``¥`` (and that ``£``) are joined to the number that follows (``£ 1bn``);
    - a backquote (`` ` ``) opens a single quote: joined to the next token as ``'``.
    """
    out: list[str] = []
    toks = [p for t in tokens for p in _unglue(t)]
    i = 0
    while i < len(toks):
        tok, nxt = toks[i], toks[i + 1] if i + 1 < len(toks) else None
        if nxt in _CONTRACTION_TAILS and tok == "'" and out and out[-1][-1:].isalpha():
            out.append("'" + nxt)
            i += 2
            continue
        if nxt in _CONTRACTION_TAILS and len(tok) > 1 and tok.endswith("'") and tok[-2].isalpha():
            out += [tok[:-1], "'" + nxt]
            i += 2
            continue
        if tok == "#" and nxt is not None and nxt[:1].isdigit():
            tok = "£"
        if tok in _CURRENCY and nxt is not None and nxt[:1].isdigit():
            out.append(tok + nxt)
            i += 2
            continue
        if tok == "`" and nxt is not None:
            out.append("'" + nxt)
            i += 2
            continue
        out.append(tok)
        i += 1
    return out


def _unglue(token: str) -> list[str]:
    for quote in ("``", "''"):
        if token.startswith(quote) and len(token) > 2 and token[2].isalpha():
            return [quote, token[2:]]
    return [token]


def resolve_quotes(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """Write every double quote as the Treebank's opening ``\\`\\``` or closing ``''``.

    The sets mix conventions: the trial set writes straight ``"`` for both, the others the
    Treebank's pair (with a few of the wrong one). The direction is read from the context
    where it is certain (a quote that opens a sentence opens; one before closing punctuation
    or at a sentence's end closes) and otherwise from the document's running state, so a
    quote that spans sentences stays open across them. A straight ``"`` right after a numeral
    and before a word is an inch mark (``13.3 " widescreen``), kept as it is.
    """
    is_open = False
    out = []
    for sentence in sentences:
        words = list(sentence)
        for i, tok in enumerate(words):
            if tok not in _DOUBLE_QUOTES:
                continue
            prev = words[i - 1] if i > 0 else None
            nxt = words[i + 1] if i + 1 < len(words) else None
            if tok == '"' and prev and _NUMERAL.match(prev) and nxt and nxt[0].isalpha():
                words[i] = "\u2033"  # placeholder for an inch mark, restored in detokenize()
                continue
            opens = _opens(tok, prev, nxt, is_open)
            words[i] = "``" if opens else "''"
            is_open = opens
        out.append(words)
    return out


def _opens(tok: str, prev: str | None, nxt: str | None, is_open: bool) -> bool:
    if prev is None:
        return True
    if nxt is None or nxt in _CLOSING_PUNCT:
        return False
    if tok == "``":
        return True
    if tok == "''":
        # a closing mark with no quote open, not after the end of a clause: the source's
        # mistake for an opening one (``said that '' ...``, ``the facts : ''I'd``)
        return not is_open and prev not in _CLAUSE_END
    return not is_open


def detokenize(tokens: Sequence[str]) -> str:
    """One sentence's tokens (after ``split_tokens`` and ``resolve_quotes``) as plain text."""
    text = _DETOKENIZER.detokenize(list(tokens))
    text = re.sub(r"(\d) ?\u2033", r'\1"', text)  # inch marks sit against their numeral
    return unicodedata.normalize("NFC", text)


def sentences_text(sentences: Sequence[Sequence[str]]) -> list[str]:
    """Every sentence as plain text, quotes resolved over the whole document."""
    resolved = resolve_quotes([split_tokens(s) for s in sentences])
    return [detokenize(s) for s in resolved]


# --- writing ------------------------------------------------------------------------------


def page_title(url: str) -> str:
    """The Wikinews page title in a URL: ``…/wiki/Apple%27s_iTunes`` → ``Apple's iTunes``."""
    name = urllib.parse.unquote(url.rsplit("/wiki/", 1)[-1])
    return " ".join(name.replace("_", " ").split())


def printed_date(line: str, where: str) -> dt.date:
    """The date line of a TimeLine text (``January 09, 2008``)."""
    try:
        return dt.datetime.strptime(line, "%B %d, %Y").date()
    except ValueError:
        raise CorpusError(f"{where}: second sentence {line!r} is not a date (Month DD, YYYY)") from None


def slug(title: str, limit: int = 40) -> str:
    """A short, safe file-name part: ASCII letters and digits joined by hyphens, cut at a word."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    out = ""
    for w in words:
        if out and len(out) + 1 + len(w) > limit:
            break
        out = f"{out}-{w}" if out else w[:limit]
    return out or "article"


def article_text(source: Source) -> tuple[str, str, dt.date]:
    """The article file's text, its title and its date."""
    lines = sentences_text(source.sentences)
    date = printed_date(lines[1], source.source_file)
    title = page_title(source.url)
    body = [line for line in lines[2:] if line]
    text = "\n".join([f" date {date.isoformat()}", title, *body, CREDIT]) + "\n"
    return text, title, date


def convert(snapshot: Path, out: Path) -> list[dict[str, str]]:
    """Write every document as an article file under ``out``, and ``out/MANIFEST.csv``."""
    sources = find_sources(snapshot)
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for source in sources:
        text, title, date = article_text(source)
        name = f"{source.doc_id}_{slug(title)}.txt"
        data = text.encode("utf-8")
        (out / name).write_bytes(data)
        rows.append({
            "file": name, "doc_id": source.doc_id, "subset": source.subset, "title": title,
            "date": date.isoformat(), "url": source.url, "source_file": source.source_file,
            "dct": source.dct, "sha256": hashlib.sha256(data).hexdigest(),
        })
    rows.sort(key=lambda r: (r["date"], r["file"]))
    with open(out / "MANIFEST.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=MANIFEST_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.corpus", description=__doc__.split("\n")[0])
    parser.add_argument("snapshot", type=Path, help="a snapshot of qiangning/StructTempRel-EMNLP17")
    parser.add_argument("--out", type=Path, default=Path("data/corpus"), help="output folder (data/corpus)")
    args = parser.parse_args(argv)
    try:
        rows = convert(args.snapshot, args.out)
    except (CorpusError, OSError, ET.ParseError) as err:
        print(f"helpers.corpus: error: {err}", file=sys.stderr)
        return 2
    dates = sorted(r["date"] for r in rows)
    print(f"wrote {len(rows)} articles ({dates[0]} to {dates[-1]}) and MANIFEST.csv to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
