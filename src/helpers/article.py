"""Load a news article into a typed, immutable object with exact character offsets.

Two input shapes are recognised by their structure, never by their words:

*Article format* (the seed's)::

     date YYYY-MM-DD <caption> Picture: <credit>      header: date, optional caption and credit
    <headline>
    <standfirst>                                      optional: absent when the next line has a dateline
    Place/Place — first paragraph …                   dateline, then body paragraphs one a line
    <Heading>                                         short unpunctuated lines open sections
    …
    <Credit>                                          a short closing line, e.g. "Reuters"

*Plain text*: any file that does not open with the header. Every non-empty line is a
paragraph and the reference date comes from the caller.

Every offset (``start``/``end``) is a Python string index into ``Article.text``, the decoded
file exactly as read, so ``article.text[p.start:p.end] == p.text`` always holds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import paths

LEAD_SECTION = "(lead)"
"""Section name given to body paragraphs that come before the first heading."""

# --- errors ------------------------------------------------------------------------------


class ArticleError(ValueError):
    """A file could not be read as an article. ``str(err)`` is one line naming file and problem."""

    def __init__(self, path: str | Path | None, problem: str):
        self.path = str(path) if path is not None else "<text>"
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ArticleNotFoundError(ArticleError):
    """The path does not exist, or is a directory."""


class ArticleDecodeError(ArticleError):
    """The bytes are not UTF-8 text, or contain binary content."""


class EmptyArticleError(ArticleError):
    """The file is empty, or has a header and no body."""


class ArticleFormatError(ArticleError):
    """The file has an article header that cannot be parsed (e.g. an impossible date)."""


class NotRegularFileError(ArticleError):
    """The path is a device, a FIFO or a socket (``/dev/zero``, a named pipe): only regular
    files are read, since those have an end."""


class InputTooLargeError(ArticleError):
    """The file (or a ``--jsonl`` line) is larger than the input-size limit (:func:`max_bytes`)."""


class ChecksumError(ArticleError):
    """The embedded seed article does not match its recorded SHA-256."""


# --- the typed object --------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A piece of the article's text with its offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    index: int
    section: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    id: str
    path: str | None
    text: str
    date: dt.date | None
    caption: str | None = None
    photo_credit: str | None = None
    headline: str | None = None
    standfirst: str | None = None
    dateline: tuple[str, ...] = ()
    byline: str | None = None
    sections: tuple[str, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    has_header: bool = False
    #: offsets of the parts above, keyed "caption", "photo_credit", "headline", "standfirst",
    #: "dateline", "byline" and "section:<n>" for the n-th heading (only parts that exist)
    spans: dict[str, Span] = field(default_factory=dict, compare=False, repr=False)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def body(self) -> str:
        """The body paragraphs joined by blank lines (for display; offsets refer to ``text``)."""
        return "\n\n".join(p.text for p in self.paragraphs)

    def units(self) -> list[tuple[str, Span]]:
        """The text units a tokenizer treats separately, in reading order.

        ``("caption", span)``, ``("headline", span)``, ``("standfirst", span)``, then one
        ``("body", span)`` per paragraph. Section headings and the closing credit are labels,
        not prose, and are left out.
        """
        out = [(k, self.spans[k]) for k in ("caption", "headline", "standfirst") if k in self.spans]
        out += [("body", Span(p.start, p.end, p.text)) for p in self.paragraphs]
        return out

    def metadata(self) -> dict[str, object]:
        """A flat record of the article's metadata, for tables and report headers."""
        return {
            "id": self.id,
            "date": self.date.isoformat() if self.date else None,
            "headline": self.headline,
            "standfirst": self.standfirst,
            "dateline": "/".join(self.dateline) or None,
            "byline": self.byline,
            "caption": self.caption,
            "photo_credit": self.photo_credit,
            "sections": ", ".join(self.sections) or None,
            "paragraphs": len(self.paragraphs),
            "characters": len(self.text),
            "sha256": self.sha256,
        }


# --- structure patterns ------------------------------------------------------------------

_HEADER = re.compile(r"\A[ \t\ufeff]*date[ \t]+(?P<date>\d{4}-\d{1,2}-\d{1,2})(?=[ \t\r\n]|\Z)[ \t]*")
_CREDIT = re.compile(r"\s*\b(?:Picture|Photo|Photograph|Image|Pictured)\s*:\s*", re.IGNORECASE)
_PLACE = r"[A-Z][A-Za-z.’'\-]*(?: [A-Z][A-Za-z.’'\-]*){0,3}"
_DATELINE = re.compile(
    rf"\A(?P<places>{_PLACE}(?:\s*/\s*{_PLACE})*)"
    r"(?:\s*\((?P<agency>[A-Za-z][A-Za-z .&]{0,30})\))?"
    r"\s+(?:—|–|--|-)\s+"
)
_TERMINAL = tuple(".!?:;,\"”’')…")
MAX_HEADING_WORDS = 6
MAX_CREDIT_WORDS = 5


#: A line: LF, CRLF and a lone CR (old Mac files) all end one.
_LINE = re.compile(r"[^\r\n]+")
_LINE_BREAK = re.compile(r"[\r\n]")


def _lines(text: str) -> list[Span]:
    """Non-empty lines with offsets that exclude surrounding whitespace."""
    out = []
    for m in _LINE.finditer(text):
        raw = m.group()
        stripped = raw.strip(" \t\r\f\v\ufeff\u00a0")
        if not stripped:
            continue
        start = m.start() + raw.index(stripped)
        out.append(Span(start, start + len(stripped), stripped))
    return out


def _is_label(line: str, max_words: int) -> bool:
    """A short line with no closing punctuation: a section heading or a credit line."""
    words = line.split()
    return (
        0 < len(words) <= max_words
        and len(line) <= 60
        and not line.endswith(_TERMINAL)
        and (line[0].isupper() or line[0].isdigit())
    )


def _ends_like_prose(line: str) -> bool:
    return line.rstrip("”’\"')").endswith((".", "!", "?", "…"))


# --- decoding ----------------------------------------------------------------------------


def decode(data: bytes, path: str | Path | None = None) -> str:
    """Decode UTF-8 bytes, refusing binary content with the offset of the first bad byte."""
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise ArticleDecodeError(path, f"binary content: NUL byte at byte offset {offset}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ArticleDecodeError(
            path, f"not UTF-8 text: invalid byte 0x{data[err.start]:02x} at byte offset {err.start}"
        ) from None
    for i, ch in enumerate(text):
        if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v":
            raise ArticleDecodeError(
                path, f"binary content: control character U+{ord(ch):04X} at character offset {i}"
            )
    return text


def _as_date(value: str | dt.date | None, path: str | Path | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ArticleFormatError(path, f"invalid date {value!r} (expected YYYY-MM-DD)") from None


# --- parsing -----------------------------------------------------------------------------


def parse_article(
    text: str,
    *,
    id: str = "article",
    path: str | Path | None = None,
    date: str | dt.date | None = None,
) -> Article:
    """Parse decoded text. A header date wins over ``date``; plain text takes ``date``."""
    if not text.strip():
        raise EmptyArticleError(path, "empty file" if not text else "file contains only whitespace")
    header = _HEADER.match(text)
    if header is None:
        return _parse_plain(text, id=id, path=path, date=_as_date(date, path))
    try:
        y, m, d = (int(x) for x in header.group("date").split("-"))
        article_date = dt.date(y, m, d)
    except ValueError:
        raise ArticleFormatError(
            path, f"impossible date {header.group('date')!r} in the header"
        ) from None
    return _parse_structured(text, header, article_date, id=id, path=path)


def _parse_plain(text: str, *, id: str, path, date) -> Article:
    paras = tuple(
        Paragraph(i, LEAD_SECTION, s.start, s.end, s.text) for i, s in enumerate(_lines(text))
    )
    return Article(id=id, path=str(path) if path else None, text=text, date=date, paragraphs=paras)


def _parse_structured(text: str, header: re.Match, date: dt.date, *, id: str, path) -> Article:
    first_break = _LINE_BREAK.search(text)
    header_end = len(text) if first_break is None else first_break.start()
    spans = _header_spans(text, header, header_end)
    lines = _lines(text[header_end:]) if header_end < len(text) else []
    lines = [Span(s.start + header_end, s.end + header_end, s.text) for s in lines]
    if not lines:
        raise EmptyArticleError(path, "article header but no headline or body")
    spans["headline"] = lines[0]
    body_lines = _standfirst(text, lines[1:], spans)
    # Closing credit: a short label line at the very end, after at least one paragraph.
    if len(body_lines) > 1 and _is_label(body_lines[-1].text, MAX_CREDIT_WORDS):
        spans["byline"] = body_lines[-1]
        body_lines = body_lines[:-1]
    dateline, paragraphs, sections = _body(body_lines, spans)
    if not paragraphs:
        raise EmptyArticleError(path, "article header but no body paragraphs")
    part = {k: spans[k].text if k in spans else None for k in ("caption", "photo_credit", "standfirst", "byline")}
    return Article(
        id=id, path=str(path) if path else None, text=text, date=date, headline=spans["headline"].text,
        dateline=dateline, sections=tuple(sections), paragraphs=tuple(paragraphs), has_header=True, spans=spans, **part,
    )


def _header_spans(text: str, header: re.Match, header_end: int) -> dict[str, Span]:
    """Caption and photo credit from the rest of the header line (the last ``Picture:``
    marker splits them)."""
    spans: dict[str, Span] = {}
    rest = text[header.end() : header_end].rstrip()
    if not rest:
        return spans
    base = header.end()
    markers = list(_CREDIT.finditer(rest))
    credit = markers[-1] if markers else None  # the last "Picture:" marker splits caption from credit
    if credit is None:
        spans["caption"] = Span(base, base + len(rest), rest)
        return spans
    cap, cred = rest[: credit.start()].strip(), rest[credit.end() :].strip()
    if cap:
        spans["caption"] = Span(base, base + len(cap), cap)
    if cred:
        cs = base + credit.end()  # the marker pattern swallows the spaces after it
        spans["photo_credit"] = Span(cs, cs + len(cred), cred)
    return spans


def _standfirst(text: str, rest_lines: list[Span], spans: dict[str, Span]) -> list[Span]:
    """Record the standfirst, if any, and return the body's lines.

    The standfirst is the line(s) before the dateline paragraph; without any dateline, the
    line after the headline when it does not read like prose (no closing full stop).
    """
    dl_index = next((i for i, s in enumerate(rest_lines[:3]) if _DATELINE.match(s.text)), None)
    if dl_index is None:
        dl_index = 1 if len(rest_lines) > 1 and not _ends_like_prose(rest_lines[0].text) else 0
    if dl_index > 0:
        first, last = rest_lines[0], rest_lines[dl_index - 1]
        spans["standfirst"] = Span(first.start, last.end, text[first.start : last.end])
    return rest_lines[dl_index:]


def _body(body_lines: list[Span], spans: dict[str, Span]) -> tuple[tuple[str, ...], list[Paragraph], list[str]]:
    """The dateline, the paragraphs with their sections, and the section headings."""
    dateline: tuple[str, ...] = ()
    paragraphs: list[Paragraph] = []
    sections: list[str] = []
    section = LEAD_SECTION
    for i, line in enumerate(body_lines):
        if i == 0:
            m = _DATELINE.match(line.text)
            if m:
                dateline = tuple(p.strip() for p in m.group("places").split("/"))
                spans["dateline"] = Span(line.start, line.start + len(m.group("places")), m.group("places"))
                line = Span(line.start + m.end(), line.end, line.text[m.end() :])
        elif _is_label(line.text, MAX_HEADING_WORDS) and i < len(body_lines) - 1:
            section = line.text
            spans[f"section:{len(sections)}"] = line
            sections.append(line.text)
            continue
        if line.text:
            paragraphs.append(Paragraph(len(paragraphs), section, line.start, line.end, line.text))
    return dateline, paragraphs, sections


#: The input-size limit in bytes unless raised: a file larger than this (or a ``--jsonl`` line
#: longer) is refused with a one-line error instead of filling the memory.
DEFAULT_MAX_BYTES = 50_000_000
#: The environment variable that sets the limit (``--max-bytes`` on the command line wins).
MAX_BYTES_ENV = "HELPERS_MAX_BYTES"


def max_bytes(value: int | None = None) -> int:
    """The input-size limit: ``value`` if given, else ``$HELPERS_MAX_BYTES``, else 50 MB."""
    if value is None:
        raw = os.environ.get(MAX_BYTES_ENV, "").strip()
        if not raw:
            return DEFAULT_MAX_BYTES
        try:
            value = int(raw)
        except ValueError:
            raise ArticleError(MAX_BYTES_ENV, f"expected a whole number of bytes, got {raw!r}") from None
    if value < 1:
        raise ArticleError(MAX_BYTES_ENV, f"expected a whole number of bytes of at least 1, got {value}")
    return value


def too_large(size: int | None, limit: int, what: str = "the file") -> str:
    """The one-line problem of an input over the limit (``size`` None: more than the limit)."""
    size_text = f"more than {limit:,}" if size is None else f"{size:,}"
    return (f"{what} is {size_text} bytes, over the input limit of {limit:,} bytes "
            f"(raise it with --max-bytes or {MAX_BYTES_ENV})")


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words (``a FIFO``, ``a character device`` …)."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_text(path: str | Path, limit: int | None = None) -> str:
    """Read and decode a regular file of at most ``limit`` bytes (:func:`max_bytes`), with
    one-line ``ArticleError``s for every way that can fail. The file is opened without
    blocking, so a FIFO is refused at once instead of waiting for a writer."""
    p = Path(path)
    limit = max_bytes(limit)
    if not p.exists():
        raise ArticleNotFoundError(path, "no such file")
    if p.is_dir():
        raise ArticleNotFoundError(path, "is a directory, not a file")
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        raise ArticleNotFoundError(path, f"cannot be read ({err.strerror or err})") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        mode, size = info.st_mode, info.st_size
        if not stat.S_ISREG(mode):
            raise NotRegularFileError(path, f"not a regular file ({file_kind(mode)}); only regular files are read")
        if size > limit:
            raise InputTooLargeError(path, too_large(size, limit))
        try:
            data = fh.read(limit + 1)
        except OSError as err:
            raise ArticleNotFoundError(path, f"cannot be read ({err.strerror or err})") from None
    if len(data) > limit:  # it grew while being read
        raise InputTooLargeError(path, too_large(None, limit, "the file grew while it was read: it"))
    if not data:
        raise EmptyArticleError(path, "empty file")
    return decode(data, path)


def load_article(path: str | Path | None = None, date: str | dt.date | None = None, *,
                 limit: int | None = None) -> Article:
    """Load an article file. With no path, load the embedded seed and verify its checksum.
    ``limit``: the input-size limit in bytes (default :func:`max_bytes`)."""
    if path is None:
        path = paths.SEED_ARTICLE
        text = read_text(path, limit)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest != paths.SEED_SHA256:
            raise ChecksumError(
                path,
                f"SHA-256 mismatch: expected {paths.SEED_SHA256}, found {digest}; "
                "the raw article must not be edited (see data/README.md)",
            )
    else:
        path = paths.resolve(path)
        text = read_text(path, limit)
    return parse_article(text, id=Path(path).stem, path=path, date=date)
