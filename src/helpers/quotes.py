"""Who said what: direct, mixed and indirect statements and the speaker of each.

The extractor is rules over tokens, part-of-speech tags and two lexicons, in three passes:

1. **Quotation marks.** Curly and straight double quotes, and curly single quotes that are
   not apostrophes, are paired per text unit. A body paragraph that ends inside a quote and
   a next paragraph that opens with a quote mark make one multi-paragraph quote; a quote mark
   left open at a paragraph's end without such a continuation closes there. A quote is
   *direct* when it opens a sentence, follows ``said:``/``said,``, or spans sentences;
   otherwise it is a *fragment*, which becomes a *mixed* statement when a cue attributes it.
2. **Cues.** Every verb in ``data/reference/cues.csv`` (lemma, forms, class speech / stance /
   source, the side its speaker stands on) outside a quote, not negated, is a candidate.
   Its speaker is the noun phrase before it (skipping adverbs and auxiliaries, a relative
   clause or appositive between commas, and the addressee of ``told``), or after it for
   ``according to``, ``citing`` and the inversion ``“…,” said X``. A cue coordinated with an
   earlier verb (``welcomed X but said``) shares that verb's subject; ``adding``/``citing``
   after a comma continues the sentence's previous speaker. A cue whose subject opens the
   content of another cue (``told Reuters that Trump said``) is nested: it becomes the
   ``reported_speaker`` of the outer statement, as does the source named by ``citing``.
3. **Speakers.** Each mention is typed (person / organization / anonymous / collective) and
   resolved in reading order: registry aliases (``data/reference/speakers.csv``), a surname
   back to the full name, role titles stripped (``French President``), ``he``/``she`` to the
   most recent compatible speaker (registry gender or honorific when known), ``they``/``it``
   to the most recent group or body, a definite description (``the official``) to the
   most recent anonymous source with the same head noun or a person with that role, and an
   indefinite one (``a source …``) to a new, numbered anonymous source (``… #2``).

Content offsets: a direct or mixed statement's ``start``/``end`` are the inside of the
quote marks (a comma just before the closing mark is left out); an indirect statement's
content runs from after the cue (and ``that``, the addressee, a time phrase) to the end of
the sentence or to the next sibling cue, or, when the attribution follows it, from the
start of the sentence to the comma before the speaker.
"""

from __future__ import annotations

import bisect
import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

import pandas as pd

from . import paths
from .article import Article
from .explore import gazetteer, role_words
from .tokenize import by_sentence as _by_sentence
from .tokenize import sentences as _sentences
from .tokenize import tokens as _tokens
from .vocab import MONTHS, WEEKDAYS

COLUMNS = [
    "quote_id", "speaker", "speaker_mention", "speaker_start", "speaker_end", "speaker_type",
    "camp", "kind", "cue", "cue_class", "text", "start", "end", "sentence_id", "reported_speaker",
]
CAMPS = ("US", "Europe", "Ukraine", "Russia", "other", "unknown")

# ---------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class Cue:
    lemma: str
    cls: str  # speech / stance / source
    side: str  # left / right: where the speaker stands
    rest: tuple[str, ...] = ()  # the words after the first of a multi-word cue (``according to``)


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, Cue]:
    """Word form (lower case) -> cue, from ``data/reference/cues.csv``."""
    out = {}
    with open(paths.REFERENCE / "cues.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for form in row["forms"].split("|"):
                first, *rest = form.strip().lower().split()
                out[first] = Cue(row["lemma"], row["class"], row["speaker_side"], tuple(rest))
    return out


@lru_cache(maxsize=1)
def speaker_nouns() -> dict[str, str]:
    """Head nouns of speaker descriptions (``official``, ``leaders``) -> speaker type."""
    with open(paths.REFERENCE / "speaker_nouns.csv", encoding="utf-8", newline="") as fh:
        return {row["noun"].lower(): row["type"] for row in csv.DictReader(fh)}


@dataclass(frozen=True)
class Registered:
    name: str
    type: str
    role: str
    country: str
    camp: str
    gender: str


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("’", "'").replace("‘", "'")).strip().lower()


@lru_cache(maxsize=1)
def registry() -> dict[str, Registered]:
    """Lower-cased name or alias -> registry row (``data/reference/speakers.csv``)."""
    out = {}
    with open(paths.REFERENCE / "speakers.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            entry = Registered(row["name"], row["type"], row["role"], row["country"], row["camp"], row["gender"])
            for alias in [row["name"], *filter(None, row["aliases"].split("|"))]:
                out[_norm(alias)] = entry
    return out


@lru_cache(maxsize=1)
def camp_terms() -> dict[str, str]:
    """Country, capital, institution and nationality words -> camp (``data/reference/camps.csv``)."""
    with open(paths.REFERENCE / "camps.csv", encoding="utf-8", newline="") as fh:
        return {_norm(row["term"]): row["camp"] for row in csv.DictReader(fh)}


# ---------------------------------------------------------------- tokens and tags

#: Pronouns a speaker can be, with the gender they imply ("" = any).
PRONOUNS = {"he": "m", "she": "f", "they": "", "it": ""}
HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f"}
DETERMINERS = {"a", "an", "the", "another", "one", "two", "three", "several", "some"}
SKIP_BEFORE_CUE = {
    "also", "has", "have", "had", "previously", "later", "again", "repeatedly", "earlier",
    "would", "will", "could", "may", "might", "once", "further", "then", "reportedly",
    "separately", "publicly", "privately", "too", "already", "did", "does", "do", "is", "was",
    "were", "are", "been", "being", "herself", "himself", "themselves", "itself", "swiftly",
    "quickly", "initially", "subsequently", "recently", "since", "now", "yesterday", "today",
}
TIME_WORDS = {w.lower() for w in WEEKDAYS} | {m.lower() for m in MONTHS} | {
    "week", "month", "year", "weekend", "morning", "afternoon", "evening", "night", "today",
    "yesterday", "tomorrow", "tonight", "earlier", "later",
}
SUBORDINATORS = {"that", "while", "though", "although", "because", "if", "when", "as", "after", "before", "whereas", "since"}
RELATIVES = {"who", "which", "whose", "whom"}
BOUNDARY_PUNCT = {",", ";", ":", "—", "–", "(", ")", "[", "]", '"', "“", "”", "‘", "’", "``", "''", "-"}
NEGATIONS = {"not", "n't", "never", "no"}
ADDRESSEES = {
    "reporters", "journalists", "lawmakers", "parliament", "legislators", "supporters",
    "students", "delegates", "viewers", "listeners", "congress", "senators", "him", "her",
    "them", "me", "us",
}
ADDRESSEE_NOUNS = {"conference", "briefing", "interview", "audience", "newspaper", "broadcaster", "channel", "summit", "meeting", "rally", "crowd", "session", "station", "agency"}
STRIP_LEADING = {"of", "about"}
FINITE = {"VBD", "VBZ", "VBP", "MD"}


@dataclass
class Tok:
    i: int
    text: str
    lower: str
    start: int
    end: int
    tag: str

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def punct(self) -> bool:
        return self.text in BOUNDARY_PUNCT or self.text in {".", "!", "?"}


# ---------------------------------------------------------------- quotation marks


@dataclass
class Quote:
    open: int  # offset of the opening mark
    start: int  # content start
    end: int  # content end (the closing mark's offset, or the unit's end when unclosed)
    closed: bool
    unit: int  # index of the unit (paragraph) it sits in
    group: int = -1  # quotes running over paragraphs share a group
    direct: bool = False


_QUOTE_MARK = re.compile("[“”\"‘’]")


def _scan_quotes(text: str, base: int, unit: int) -> list[Quote]:
    """Pair quotation marks in one unit. Apostrophes (``Ukraine’s``, ``’90s``) are not quotes."""
    out: list[Quote] = []
    dbl: int | None = None
    sgl: int | None = None
    n = len(text)
    for mark in _QUOTE_MARK.finditer(text):  # only the quote characters, not every character
        k, c = mark.start(), mark.group()
        prev = text[k - 1] if k else " "
        nxt = text[k + 1] if k + 1 < n else " "
        if c == '"' and dbl is None and not ((prev.isspace() or prev in "([—–-") and not nxt.isspace()):
            continue  # a straight mark that can neither open nor close: stray
        if c == "“" or (c == '"' and dbl is None):
            if dbl is not None:  # a second opening mark: close the first where the new one starts
                out.append(Quote(base + dbl, base + dbl + 1, base + k, False, unit))
            dbl = k
            sgl = None
        elif c in "”\"" and dbl is not None:
            out.append(Quote(base + dbl, base + dbl + 1, base + k, True, unit))
            dbl = None
            sgl = None
        elif c == "‘" and dbl is None and (prev.isspace() or prev in "([—–-") and not nxt.isspace():
            sgl = k
        elif c == "’" and sgl is not None and not nxt.isalpha():
            out.append(Quote(base + sgl, base + sgl + 1, base + k, True, unit))
            sgl = None
    if dbl is not None:
        out.append(Quote(base + dbl, base + dbl + 1, base + n, False, unit))
    return sorted(out, key=lambda q: q.open)


def quotations(article: Article) -> list[Quote]:
    """Every quotation in reading order, with multi-paragraph quotes grouped."""
    quotes: list[Quote] = []
    units = article.units()
    for u, (kind, span) in enumerate(units):
        quotes.extend(_scan_quotes(span.text, span.start, u))
    group = 0
    for k, q in enumerate(quotes):
        prev = quotes[k - 1] if k else None
        if (
            prev is not None
            and not prev.closed
            and units[prev.unit][0] == "body"
            and q.unit == prev.unit + 1
            and q.open == units[q.unit][1].start
        ):
            q.group = prev.group  # the same quote goes on in the next paragraph
        else:
            group += 1
            q.group = group
    return quotes


# ---------------------------------------------------------------- mentions and entities


@dataclass
class Mention:
    start: int
    end: int
    text: str
    toks: list[Tok]


@dataclass
class Entity:
    name: str
    type: str
    camp: str
    gender: str = ""
    head: str = ""  # head noun of a description
    roles: set[str] = field(default_factory=set)
    plural: bool = False


@dataclass
class Statement:
    kind: str
    cue: Cue
    start: int
    end: int
    sentence_id: int
    mention: Mention | None = None
    inherit: Statement | None = None  # same speaker as this statement
    reported: Mention | None = None
    entity: Entity | None = None


def _camp_of(words: Iterable[str]) -> str:
    terms = camp_terms()
    words = [_norm(w) for w in words]
    for n in (3, 2, 1):  # longest term first: ``European Commission`` before ``European``
        for k in range(len(words) - n + 1):
            camp = terms.get(" ".join(words[k : k + n]))
            if camp:
                return camp
    return "unknown"


def _strip_det(toks: list[Tok]) -> tuple[list[Tok], str]:
    det = ""
    while toks and toks[0].lower in DETERMINERS:
        det = det or toks[0].lower
        toks = toks[1:]
    return toks, det


POSTMODIFIER_START = {"familiar", "close", "with", "who", "which", "from", "at", "in", "of", "for", "on", "briefed", "knowledgeable", "involved", "speaking", "based", "to"}


class Resolver:
    """Turns mentions into canonical speakers, in reading order."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.recent: list[Entity] = []  # speakers in the order they last spoke
        self.counts: dict[str, int] = {}

    def _spoke(self, e: Entity) -> Entity:
        if e in self.recent:
            self.recent.remove(e)
        self.recent.append(e)
        if e not in self.entities:
            self.entities.append(e)
        return e

    def note(self, m: Mention) -> None:
        """A named subject that is not a speaker: a candidate for later pronouns and surnames."""
        body, _ = _strip_det(m.toks)
        name, role = _split_role(body)
        known = self._registered(_surface(body)) or self._registered(_surface(name))
        surname = any(e.type == "person" and e.name.split()[-1] == name[-1].text for e in self.entities)
        if known or role or surname or (len(name) >= 2 and all(t.tag.startswith("NNP") or t.lower in NAME_CONNECTORS for t in name)):
            self.resolve(m)

    def _registered(self, key: str) -> Entity | None:
        reg = registry().get(_norm(key))
        if reg is None:
            return None
        for e in self.entities:
            if e.name == reg.name:
                return e
        return Entity(reg.name, reg.type, reg.camp, reg.gender, roles={_norm(reg.role)})

    def resolve(self, m: Mention) -> Entity | None:
        toks = m.toks
        words = [t.lower for t in toks]
        if len(toks) == 1 and words[0] in PRONOUNS:
            return self._pronoun(words[0])
        if len(words) >= 3 and words[1] == "of" and words[2] in {"them", "those", "these"}:
            # ``one of them``: a member of the most recent group
            for e in reversed(self.recent):
                if e.plural:
                    return self._spoke(e)
        body, det = _strip_det(toks)
        if not body:
            return None
        text = " ".join(t.text for t in body)
        e = self._registered(text) or self._registered(_surface(body))
        if e is not None:
            return self._spoke(e)
        name, role = _split_role(body)
        if name and all(t.is_cap or t.lower in NAME_CONNECTORS for t in name) and name[-1].is_cap:
            if any(t.lower == "and" for t in name):  # ``Britain and France``: a group
                e = next((x for x in self.entities if x.name == _surface(name)), None)
                return self._spoke(e or Entity(_surface(name), "collective", _camp_of(t.text for t in name), plural=True))
            return self._spoke(self._named(name, role))
        return self._spoke(self._described(body, det))

    def _by_surname(self, surname: str) -> Entity | None:
        """The most recent person whose name ends with ``surname`` (``Macron``)."""
        for known in reversed(self.entities):
            if known.type == "person" and known.name.split()[-1].lower() == surname.lower():
                return known
        return None

    def reported(self, m: Mention) -> str:
        """The canonical name of a reported speaker (``Trump`` in ``… that Trump said``),
        looked up without making it a speaker of the article."""
        body, _ = _strip_det(m.toks)
        name = _split_role(body)[0] if _is_name(body) else body  # a title off a name, not off a description
        e = self._registered(_surface(body)) or self._registered(_surface(name)) or self._by_surname(name[-1].text)
        return e.name if e else _surface(name)

    def _named(self, name: list[Tok], role: str) -> Entity:
        full = _surface(name)
        gender = next((HONORIFIC_GENDER[t.lower] for t in name if t.lower in HONORIFIC_GENDER), "")
        if role:
            gender = gender or next((HONORIFIC_GENDER[w] for w in role.lower().split() if w in HONORIFIC_GENDER), "")
        e = self._registered(full) or self._by_surname(name[-1].text)
        if e is None:
            gaz = gazetteer().get(full.lower())
            last = name[-1].lower
            if gaz in ("place", "nationality"):
                e = Entity(full, "collective", _camp_of([full]))
            elif gaz == "organization" or last in {h for h, t in speaker_nouns().items() if t == "organization"}:
                e = Entity(full, "organization", _camp_of([full]))
            else:
                e = Entity(full, "person", _camp_of(role.split()) if role else "unknown", gender)
        if role:
            e.roles.add(_norm(role))
        if gender and not e.gender:
            e.gender = gender
        return e

    def _described(self, body: list[Tok], det: str) -> Entity:
        nouns = speaker_nouns()
        cut = next((k for k, t in enumerate(body) if k > 0 and t.lower in POSTMODIFIER_START), len(body))
        core = body[:cut]
        head = core[-1].lower
        kind = nouns.get(head)
        caps = [t for t in core[:-1] if t.is_cap]
        desc = _surface(body)
        camp = _camp_of(t.text for t in body)
        if kind == "organization" and caps:
            name = _surface([t for t in core if t.is_cap])
            return self._registered(desc) or self._registered(name) or next(
                (x for x in self.entities if x.name == desc), None
            ) or Entity(desc, "organization", camp)
        if kind is None:
            if head in role_words():  # ``the chancellor``: a person with that role
                for e in reversed(self.recent):
                    if e.type == "person" and any(head in r.split() for r in e.roles):
                        return e
                kind = "anonymous"
            else:
                kind = "collective" if head.endswith("s") else "anonymous"
        if kind == "anonymous" and not det and head.endswith("s"):
            kind = "collective"  # ``Hospital officials said``: a group, not a numbered source
        if kind in ("collective", "organization") and det in ("", "the"):
            e = self._registered(desc)
            if e is not None:
                return e
            for known in self.entities:
                if known.name == desc:
                    return known
            return Entity(desc, kind, camp, plural=head.endswith("s"))
        if det == "the" or (not det and kind != "anonymous"):
            for e in reversed(self.recent):  # ``the official`` back to ``a European official``
                if e.head == head:
                    return e
        if det == "the":
            for known in self.entities:
                if known.name == desc:
                    return known
        n = self.counts.get(desc, 0) + 1
        self.counts[desc] = n
        return Entity(f"{desc} #{n}", kind, camp, head=head, plural=head.endswith("s"))

    def _pronoun(self, word: str) -> Entity:
        gender = PRONOUNS[word]
        for e in reversed(self.recent):
            if word in ("he", "she"):
                if e.type in ("person", "anonymous") and not e.plural and (not e.gender or e.gender == gender):
                    return self._spoke(e)
            elif word == "they":
                if e.type in ("collective", "organization") or e.plural:
                    return self._spoke(e)
            elif e.type in ("organization", "collective") and not e.plural:
                return self._spoke(e)
        # no antecedent in the text: keep the statement, say so in the speaker
        return Entity(f"{word} (unresolved)", "collective" if word == "they" else "person", "unknown")


NAME_CONNECTORS = {"'s", "’s", "of", "the", "and", "de", "von", "van", "al", "bin"}


def _split_role(body: list[Tok]) -> tuple[list[Tok], str]:
    """``French President Emmanuel Macron`` -> (``Emmanuel Macron``, ``French President``).

    The role is everything up to the last role word or speaker noun (``resident Ivan
    Petrenko``, ``Kremlin spokesperson Dmitry Peskov``).
    """
    roles, nouns = role_words(), speaker_nouns()
    last = max(
        (k for k, t in enumerate(body[:-1]) if t.lower.rstrip(".") in roles or (t.lower in nouns and not t.is_cap)),
        default=-1,
    )
    return body[last + 1 :], " ".join(t.text for t in body[: last + 1])


def _surface(toks: list[Tok]) -> str:
    """Tokens joined as written: no space before a clitic (``Ukraine’s``)."""
    out = ""
    for t in toks:
        if out and not (t.lower in {"'s", "’s", "'", "’"}):
            out += " "
        out += t.text
    return out


# ---------------------------------------------------------------- the extractor


class _Sentence:
    def __init__(self, sid: int, start: int, end: int, toks: list[Tok], unit: int):
        self.sid, self.start, self.end, self.toks, self.unit = sid, start, end, toks, unit


def _skip_left(toks: list[Tok], j: int) -> int:
    """Index of the first token left of ``j`` that is not an adverb, auxiliary or time phrase."""
    while j >= 0:
        t = toks[j]
        if t.lower in SKIP_BEFORE_CUE or (t.tag == "RB" and t.lower.endswith("ly")):
            j -= 1
        elif t.lower in TIME_WORDS and j > 0 and toks[j - 1].lower in {"on", "this", "last", "next", "in", "earlier"}:
            j -= 2
        else:
            break
    return j


def _is_boundary(t: Tok) -> bool:
    return t.text in BOUNDARY_PUNCT or t.lower in SUBORDINATORS


def _valid_chunk(chunk: list[Tok]) -> bool:
    if not chunk or len(chunk) > 12:
        return False
    if any(t.tag in FINITE and t.lower not in {"'s", "’s"} and not t.is_cap for t in chunk):
        return False
    if len(chunk) == 1 and chunk[0].lower in PRONOUNS:
        return True
    if all(t.lower in DETERMINERS for t in chunk):
        return False
    # a speaker is a name, a pronoun or a noun phrase with a noun in it
    return any(t.tag.startswith("NN") or t.is_cap or t.tag == "PRP" for t in chunk)


def _is_name(toks: list[Tok]) -> bool:
    """A capitalised name, a role title allowed in front (``Senator Grace Okafor``)."""
    body, _ = _strip_det(toks)
    name, _ = _split_role(body)
    return bool(name) and name[-1].is_cap and all(t.is_cap or t.lower in NAME_CONNECTORS for t in name)


def _left_chunk(toks: list[Tok], j: int) -> tuple[list[Tok], int]:
    """The noun phrase ending at ``j`` back to a boundary; returns it and the boundary's index."""
    k = j
    while k >= 0 and not _is_boundary(toks[k]) and not (toks[k].tag in FINITE and not toks[k].is_cap and toks[k].lower not in {"'s", "’s"}):
        k -= 1
    chunk = toks[k + 1 : j + 1]
    while chunk and chunk[0].lower in {"and", "but", "so", "yet", "or"}:
        chunk = chunk[1:]  # ``…, and the bank’s chief said``
    return chunk, k


def _clause_subject(toks: list[Tok], j: int) -> list[Tok]:
    """Subject of the clause that ends at ``j``: from the clause's start to its first verb."""
    k = j
    while k >= 0 and toks[k].text not in BOUNDARY_PUNCT and toks[k].lower not in SUBORDINATORS:
        k -= 1
    clause = toks[k + 1 : j + 1]
    for n, t in enumerate(clause):
        if t.tag in FINITE and not t.is_cap:
            subj = clause[:n]
            while subj and (subj[-1].lower in SKIP_BEFORE_CUE or subj[-1].tag == "RB"):
                subj = subj[:-1]
            return subj
    return []


@dataclass
class _Speaker:
    chunk: list[Tok]
    left: int  # index of the boundary before the chunk (-1 for the sentence start)
    coord: bool = False  # shares the subject of an earlier verb
    right: bool = False  # the speaker stands after the cue


def _find_speaker(toks: list[Tok], c: int, cue: Cue) -> _Speaker | None:
    if cue.side == "right":
        return _right_speaker(toks, c)
    j = _skip_left(toks, c - 1)
    if j < 0:
        return _right_speaker(toks, c)  # ``Said Smith: …`` (rare)
    t = toks[j]
    if t.lower in {"and", "but"}:
        subj = _clause_subject(toks, j - 1)
        return _Speaker(subj, -1, coord=True) if _valid_chunk(subj) else None
    if t.text == "," and toks[c].lower.endswith("ing"):
        return _Speaker([], j, coord=True)  # ``…, adding …`` continues the previous speaker
    if t.text == ",":
        # a relative clause or appositive between commas: ``Merz, who hosted …, said``
        k = j - 1
        while k >= 0 and toks[k].text != "," and toks[k].text not in {'"', "“", "”"}:
            k -= 1
        seg = toks[k + 1 : j]
        if k > 0 and seg and (seg[0].lower in RELATIVES or seg[0].tag in {"VBG", "VBN"} or (_valid_chunk(seg) and toks[k - 1].is_cap)):
            chunk, b = _left_chunk(toks, k - 1)
            return _Speaker(chunk, b) if _valid_chunk(chunk) else None
        if k > 0 and toks[k].text == "," and _is_name(seg):
            # a description, then the name: ``The company's chief executive, Lars Petersen, said``
            _, b = _left_chunk(toks, k - 1)
            return _Speaker(seg, b)
        return _right_speaker(toks, c) if cue.cls == "speech" else None  # ``“…,” said X``
    if t.text in {'"', "“", "”"}:
        return _right_speaker(toks, c) if cue.cls == "speech" else None
    chunk, b = _left_chunk(toks, j)
    if b >= 0 and toks[b].lower in {"that", "which"} and b > 0 and toks[b - 1].tag.startswith("NN"):
        # ``regions that Russia has claimed``: a relative clause, not reported speech,
        # unless the ``that`` follows a cue and its addressee (``told Reuters that``)
        before = toks[b - 2] if b > 1 else None
        if before is None or before.lower not in cue_lexicon():
            return None
    if not _valid_chunk(chunk):
        return None
    return _Speaker(chunk, b)


def _right_speaker(toks: list[Tok], c: int) -> _Speaker | None:
    k = c + 1 + len(cue_lexicon()[toks[c].lower].rest)  # ``according to``
    end = k
    while end < len(toks) and not toks[end].punct:
        end += 1
    chunk = toks[k:end]
    # a trailing time or place phrase is not part of the speaker: ``said Smith on Tuesday``
    for n, t in enumerate(chunk):
        if n and t.lower in {"on", "in", "at", "last", "this"} and n + 1 < len(chunk) and (
            chunk[n + 1].lower in TIME_WORDS or chunk[n + 1].lower in {"a", "an", "his", "her", "their"}
        ):
            chunk = chunk[:n]
            break
    return _Speaker(chunk, c, right=True) if _valid_chunk(chunk) else None


def _after_cue(toks: list[Tok], c: int, cue: Cue) -> int:
    """Index of the first content token after the cue (skipping addressee, time phrase, that)."""
    k = c + 1
    if cue.lemma == "tell" and k < len(toks):
        # the addressee: a name, a pronoun, ``reporters``, ``a news conference``
        if toks[k].lower in ADDRESSEES:
            k += 1
        else:
            n = k
            while n < len(toks) and toks[n].lower in DETERMINERS:
                n += 1
            m = n
            while m < len(toks) and (toks[m].is_cap or toks[m].lower in ADDRESSEE_NOUNS or toks[m].lower in {"news", "press", "state", "television"}):
                m += 1
            if m > n:
                k = m
    # a short time phrase or adverb, then ``that``
    for n in range(k, min(k + 5, len(toks))):
        if toks[n].lower == "that":
            between = toks[k:n]
            if all(t.lower in TIME_WORDS or t.lower in {"on", "this", "last", "next", "in", "earlier", "again", "publicly", "also"} or t.tag == "RB" for t in between):
                return n + 1
            break
        if toks[n].punct:
            break
    if k < len(toks) and toks[k].lower in STRIP_LEADING and cue.cls == "stance":
        k += 1
    return k


def _content_end(toks: list[Tok], k: int) -> int:
    """Index after the last content token: trailing sentence punctuation left out."""
    while k > 0 and toks[k - 1].text in {".", "!", "?", ";", ":", ","}:
        k -= 1
    return k


def _span(toks: list[Tok], a: int, b: int) -> tuple[int, int] | None:
    """Character span of tokens ``a`` .. ``b - 1``; None when the range is empty."""
    if a >= b:
        return None
    return toks[a].start, toks[b - 1].end


def _inside(quotes: list[Quote], pos: int) -> Quote | None:
    for q in quotes:
        if q.start <= pos < q.end:
            return q
    return None


def extract(
    article: Article, sents: pd.DataFrame | None = None, toks: pd.DataFrame | None = None
) -> tuple[list[Statement], list[Mention]]:
    """Statements with their speaker mentions (unresolved), and the named sentence subjects
    outside quotes (candidates for a later ``he``/``she``); see :func:`quotes`."""
    sents = _sentences(article) if sents is None else sents
    toks = _tokens(article, sents) if toks is None else toks
    units = article.units()
    unit_starts = [span.start for _, span in units]
    lexicon = cue_lexicon()

    sentences: list[_Sentence] = []
    by_sid = _by_sentence(toks)
    for sid, start, end in zip(sents["sentence_id"].tolist(), sents["start"].tolist(), sents["end"].tolist()):
        tl = [Tok(n, w, w.lower(), a, b, tg) for n, (w, a, b, tg) in enumerate(by_sid.get(int(sid), []))]
        unit = bisect.bisect_right(unit_starts, int(start)) - 1
        sentences.append(_Sentence(int(sid), int(start), int(end), tl, unit))
    sent_starts = [s.start for s in sentences]

    def sentence_at(pos: int) -> _Sentence:
        return sentences[max(0, bisect.bisect_right(sent_starts, pos) - 1)]

    quotes = quotations(article)
    # a quote is direct when it opens its sentence, spans sentences, follows ``said:``/``said,``,
    # or continues a quote from the previous paragraph
    for q in quotes:
        s = sentence_at(q.open)
        before = [t for t in s.toks if t.end <= q.open]
        multi = sentence_at(max(q.start, q.end - 1)) is not s
        lead = _lead_cue(before) is not None
        q.direct = not before or multi or lead or any(p.group == q.group and p is not q for p in quotes)

    statements: list[Statement] = []
    used: set[tuple[int, int]] = set()  # (sentence_id, token index) of cues already used

    # -- direct quotes: the attribution after the closing mark or before the opening mark
    groups: dict[int, list[Quote]] = {}
    for q in quotes:
        if q.direct:
            groups.setdefault(q.group, []).append(q)
    for gid, pieces in groups.items():
        found: tuple[_Sentence, int, _Speaker] | None = None
        for q in pieces:
            s = sentence_at(max(q.start, q.end - 1))
            after = [t for t in s.toks if t.start >= q.end]
            for t in after[:12]:
                cue = lexicon.get(t.lower)
                if cue and cue.cls != "source" and _is_cue(s.toks, t.i) and _inside(quotes, t.start) is None:
                    sp = _find_speaker(s.toks, t.i, cue)
                    if sp is not None and sp.chunk and (sp.right or sp.chunk[0].start >= q.end):
                        found = (s, t.i, sp)
                        break
                if t.text in {".", "!", "?"} or (t.text in {"“", '"'} and t.start > q.end):
                    break
            if found:
                break
            s0 = sentence_at(q.open)
            c = _lead_cue([t for t in s0.toks if t.end <= q.open])
            if c is not None:
                cue = lexicon[s0.toks[c].lower]
                sp = _find_speaker(s0.toks, c, cue)
                if sp is not None and sp.chunk:
                    found = (s0, c, sp)
                    break
        first: Statement | None = None
        for q in pieces:
            a, b = q.start, q.end
            while b > a and article.text[b - 1] in " ,":
                b -= 1
            if a >= b:
                continue
            st = Statement("direct", None, a, b, sentence_at(a).sid)
            if found:
                s, c, sp = found
                st.cue = lexicon[s.toks[c].lower]
                st.mention = _mention(article, sp.chunk)
                used.add((s.sid, c))
            if first is not None and st.mention is None:
                st.inherit, st.cue = first, first.cue
            first = first or st
            statements.append(st)

    # -- indirect and mixed statements from the remaining cues, sentence by sentence
    for s in sentences:
        prev_in_sentence: Statement | None = None
        cues = [t for t in s.toks if t.lower in lexicon and (s.sid, t.i) not in used and _is_cue(s.toks, t.i) and _inside(quotes, t.start) is None]
        plans = []
        for t in cues:
            cue = lexicon[t.lower]
            sp = _find_speaker(s.toks, t.i, cue)
            if sp is None:
                continue
            plans.append((t, cue, sp))
        regions = {t.i: _region(s.toks, plans, t, cue, sp) for t, cue, sp in plans if cue.cls != "source"}
        # a cue whose subject opens another cue's content is nested: ``told Reuters that Trump
        # said …``, ``The ministry confirmed …, the agency reported``
        nested: dict[int, list[Tok]] = {}
        for t2, cue2, sp2 in plans:
            if sp2.chunk and not sp2.coord and cue2.cls != "source":
                for i, (a, b) in regions.items():
                    if i != t2.i and sp2.chunk[0].i == a and a <= t2.i < b:
                        nested[i] = sp2.chunk
        inner = {t2.i for t2, cue2, sp2 in plans for i, chunk in nested.items() if sp2.chunk is chunk}
        for t, cue, sp in plans:
            if t.i in inner:
                continue
            if cue.cls == "source":  # ``citing X``: the source of the sentence's report
                target = prev_in_sentence or next((st for st in reversed(statements) if st.sentence_id == s.sid), None)
                if target is not None and sp.chunk:
                    target.reported = _mention(article, sp.chunk)
                continue
            a, b = regions[t.i]
            if a > t.i and a < len(s.toks) and s.toks[a].lower in {"to", "not"}:
                continue  # an infinitive is a request or a manner, not content (``asking not to be named``)
            reported = _mention(article, nested[t.i]) if t.i in nested else None
            if b > a and s.toks[b - 1].text in {'"', "”"} and not any(u.text in {'"', "“"} for u in s.toks[a : b - 1]):
                b = max(a, _content_end(s.toks, b - 1))  # a stray closing mark is not content
            span = _span(s.toks, a, b)
            if span is None:
                continue
            st_proto = Statement("indirect", cue, span[0], span[1], s.sid, reported=reported)
            if sp.coord and not sp.chunk:
                st_proto.inherit = prev_in_sentence or _preceding(statements, t.start)
                if st_proto.inherit is None:
                    continue
            else:
                st_proto.mention = _mention(article, sp.chunk)
            if sp.coord and sp.chunk and prev_in_sentence is not None:
                st_proto.inherit, st_proto.mention = prev_in_sentence, prev_in_sentence.mention
            fragments = [q for q in quotes if not q.direct and span[0] <= q.open and q.end <= span[1] + 1]
            if fragments:
                for q in fragments:
                    statements.append(replace(st_proto, kind="mixed", start=q.start, end=q.end, sentence_id=sentence_at(q.start).sid))
                prev_in_sentence = statements[-1]
            else:
                statements.append(st_proto)
                prev_in_sentence = st_proto
    statements.sort(key=lambda st: (st.start, st.end))
    # a direct quote with no attribution of its own continues the speaker before it: the
    # second part of a quote split by its attribution, or a quote paragraph after a quote
    for n, st in enumerate(statements):
        if st.kind == "direct" and st.mention is None and st.inherit is None and n:
            prev = statements[n - 1]
            same_unit = sentence_at(prev.start).unit == sentence_at(st.start).unit
            next_unit = sentence_at(prev.start).unit == sentence_at(st.start).unit - 1
            if same_unit or (next_unit and prev.kind == "direct"):
                st.inherit, st.cue = prev, prev.cue
    subjects = []
    for s in sentences:
        chunk = _sentence_subject(s.toks)
        if chunk and _inside(quotes, chunk[0].start) is None:
            subjects.append(_mention(article, chunk))
    return statements, subjects


def _sentence_subject(toks: list[Tok]) -> list[Tok]:
    """A name that is the subject of a sentence's first verb (``Eva Horak disagreed``)."""
    v = next((t.i for t in toks if (t.tag in FINITE or t.tag == "VBN") and not t.is_cap), None)
    if v is None or v == 0:
        return []
    chunk, b = _left_chunk(toks, _skip_left(toks, v - 1))
    if b >= 0 and toks[b].lower in SUBORDINATORS:
        return []  # the subject of a subordinate clause (``if Putin does not agree``)
    body, _ = _strip_det(chunk)
    name, role = _split_role(body)
    if not name or not all(t.is_cap or t.lower in NAME_CONNECTORS for t in name) or not name[-1].is_cap:
        return []
    return chunk


def _preceding(statements: list[Statement], pos: int) -> Statement | None:
    before = [st for st in statements if st.start < pos]
    return max(before, key=lambda st: st.start) if before else None


def _region(toks: list[Tok], plans, t: Tok, cue: Cue, sp: _Speaker) -> tuple[int, int]:
    """Token range ``[a, b)`` of a cue's content: after the cue up to a sibling cue, or, when
    the attribution follows its content, from the sentence's start to the attribution."""
    postposed = (
        not sp.right and not sp.coord and sp.left >= 1
        and toks[sp.left].text in {",", "”", '"', "’"}
        and _only_adjuncts(toks, t.i + 1)
    ) or (sp.right and sp.left == t.i and t.i > 0 and toks[_skip_left(toks, t.i - 1)].text in {",", "”", '"'})
    if postposed:
        b = sp.chunk[0].i if not sp.right else t.i
        while b > 0 and toks[b - 1].punct:
            b -= 1
        a = 0
        while a < b and toks[a].text in {'"', "“", "‘"}:
            a += 1
        return a, b
    if sp.right and t.i <= 1:  # ``According to X, …``
        b0 = t.i + 1 + len(cue.rest) + len(sp.chunk)
        a = b0 + 1 if b0 < len(toks) and toks[b0].text == "," else b0
        return a, _content_end(toks, len(toks))
    a = _after_cue(toks, t.i, cue)
    b = _content_end(toks, len(toks))
    for t2, cue2, sp2 in plans:  # a later sibling cue ends the content
        if t2.i <= t.i or (sp2.chunk and sp2.chunk[0].i == a and not sp2.coord):
            continue
        if cue2.cls == "source" or sp2.coord or not sp2.right:
            cut = sp2.left if sp2.left >= 0 else (sp2.chunk[0].i if sp2.chunk else t2.i)
            if sp2.coord and sp2.left < 0:
                cut = t2.i
                while cut > a and toks[cut - 1].lower not in {"and", "but"}:
                    cut -= 1
                cut -= 1
            if a < cut < b:
                b = _content_end(toks, cut)
            break
    return a, b


def _lead_cue(before: list[Tok]) -> int | None:
    """Index of a cue that introduces a quote: ``said:``, ``said,``, ``told reporters:``."""
    if not before or before[-1].text not in {":", ","}:
        return None
    lexicon = cue_lexicon()
    for back in (2, 3):
        if len(before) >= back:
            t = before[-back]
            between = before[-back + 1 : -1]
            if t.lower in lexicon and lexicon[t.lower].cls != "source" and all(
                u.lower in ADDRESSEES or u.is_cap for u in between
            ) and _is_cue(before, t.i):
                return t.i
    return None


def _only_adjuncts(toks: list[Tok], k: int) -> bool:
    """True when the cue ends its clause: what follows up to a comma or the sentence's end is
    nothing, an addressee, a time phrase or ``in a statement``."""
    n = k
    while n < len(toks) and toks[n].text not in {",", ";", ".", "!", "?"}:
        if toks[n].punct:
            return False  # a quote, colon or dash after the cue opens its content
        n += 1
    seg = toks[k:n]
    if not seg:
        return True
    if seg[0].lower in {"on", "in", "at", "last", "this", "earlier", "late", "later", "after", "before", "during"}:
        return True
    return all(t.lower in ADDRESSEES or t.lower in TIME_WORDS or t.is_cap or t.lower in DETERMINERS or t.lower in ADDRESSEE_NOUNS for t in seg)


def _is_cue(toks: list[Tok], i: int) -> bool:
    """A cue word used as a verb, not negated (``did not say``)."""
    t = toks[i]
    rest = cue_lexicon()[t.lower].rest
    if rest:
        return tuple(u.lower for u in toks[i + 1 : i + 1 + len(rest)]) == rest
    if not t.tag.startswith("VB"):
        # the tagger sometimes reads a past tense as an adjective; trust a following
        # ``that``/clause only for the unambiguous speech verbs
        if not (t.lower in {"said", "says", "told", "added", "adding", "saying"}):
            return False
    if i > 0 and toks[i - 1].lower in {"the", "a", "an", "his", "her", "its", "their"}:
        return False  # ``the reported talks``
    back = [u.lower for u in toks[max(0, i - 3) : i]]
    return not any(w in NEGATIONS for w in back)


def _mention(article: Article, chunk: list[Tok]) -> Mention | None:
    if not chunk:
        return None
    # a relative clause or post-modifier is not part of the mention's name, but stays in its surface
    return Mention(chunk[0].start, chunk[-1].end, article.text[chunk[0].start : chunk[-1].end], chunk)


def quotes(article: Article, sents: pd.DataFrame | None = None, toks: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per attributed statement (columns ``COLUMNS``), in reading order."""
    statements, subjects = extract(article, sents, toks)
    resolver = Resolver()
    # resolve in the order the mentions are read; a named sentence subject is noted as a
    # candidate for later pronouns, the speakers' mentions are resolved
    events = [(st.mention.start, 1, st) for st in statements if st.mention is not None]
    speaker_starts = {e[0] for e in events}
    events += [(m.start, 0, m) for m in subjects if m.start not in speaker_starts]
    seen: dict[int, Entity | None] = {}
    for pos, is_statement, item in sorted(events, key=lambda e: (e[0], e[1])):
        if not is_statement:
            resolver.note(item)
            continue
        if pos not in seen:
            seen[pos] = resolver.resolve(item.mention)
        item.entity = seen[pos]
    for st in statements:
        if st.entity is None and st.inherit is not None:
            src = st.inherit
            while src.entity is None and src.inherit is not None:
                src = src.inherit
            st.entity, st.mention = src.entity, st.mention or src.mention
    rows = []
    for st in statements:
        if st.entity is None:
            continue
        reported = resolver.reported(st.reported) if st.reported is not None else None
        m = st.mention
        rows.append({
            "speaker": st.entity.name,
            "speaker_mention": m.text if m else None,
            "speaker_start": m.start if m else None,
            "speaker_end": m.end if m else None,
            "speaker_type": st.entity.type,
            "camp": st.entity.camp if st.entity.camp in CAMPS else "unknown",
            "kind": st.kind,
            "cue": st.cue.lemma if st.cue else None,
            "cue_class": st.cue.cls if st.cue else None,
            "text": article.text[st.start : st.end],
            "start": st.start,
            "end": st.end,
            "sentence_id": st.sentence_id,
            "reported_speaker": reported,
        })
    df = pd.DataFrame(rows, columns=COLUMNS[1:])
    df.insert(0, "quote_id", range(1, len(df) + 1))
    for col in ("speaker_start", "speaker_end"):
        df[col] = df[col].astype("Int64")
    return df


# ---------------------------------------------------------------- gold and scoring


def load_gold(article: Article, path=None) -> pd.DataFrame:
    """A hand-made gold file (``data/annotations/seed_quotes.csv``) with offsets located.

    Each gold ``text`` must occur exactly once in the article; its offsets are found, not
    written by hand, so the file stays readable.
    """
    path = paths.ANNOTATIONS / "seed_quotes.csv" if path is None else path
    gold = pd.read_csv(path, dtype=str, keep_default_na=False)
    starts = []
    for text in gold["text"]:
        first = article.text.find(text)
        if first < 0 or article.text.find(text, first + 1) >= 0:
            raise ValueError(f"{path}: gold text {'not found' if first < 0 else 'not unique'}: {text[:40]!r}")
        starts.append(first)
    gold["start"] = starts
    gold["end"] = gold["start"] + gold["text"].str.len()
    gold["reported_speaker"] = gold["reported_speaker"].replace("", None)
    return gold


def score(pred: pd.DataFrame, gold: pd.DataFrame) -> tuple[dict, pd.DataFrame]:
    """Precision, recall and F1 of statements, and attribution accuracy; plus the errors.

    A predicted statement matches a gold one when their content spans overlap (each gold
    statement matched at most once, best overlap first); ``exact`` F1 counts only identical
    spans. Speaker and kind accuracy are over matched pairs.
    """
    pairs = []
    for gi, g in gold.iterrows():
        for pi, p in pred.iterrows():
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > 0:
                pairs.append((ov / max(g["end"] - g["start"], p["end"] - p["start"]), gi, pi))
    pairs.sort(reverse=True)
    gm, pm, matched = set(), set(), []
    for ratio, gi, pi in pairs:
        if gi not in gm and pi not in pm:
            gm.add(gi)
            pm.add(pi)
            matched.append((gi, pi))
    exact = sum(1 for gi, pi in matched if (gold.at[gi, "start"], gold.at[gi, "end"]) == (pred.at[pi, "start"], pred.at[pi, "end"]))
    errors = []
    sp_ok = kind_ok = 0
    for gi, pi in matched:
        g, p = gold.loc[gi], pred.loc[pi]
        problems = []
        if g["speaker"] == p["speaker"]:
            sp_ok += 1
        else:
            problems.append(f"speaker {p['speaker']!r}, gold {g['speaker']!r}")
        if g["kind"] == p["kind"]:
            kind_ok += 1
        else:
            problems.append(f"kind {p['kind']}, gold {g['kind']}")
        if (g["start"], g["end"]) != (p["start"], p["end"]):
            problems.append("span differs")
        if problems:
            errors.append({"error": "; ".join(problems), "text": g["text"], "predicted": p["text"]})
    for gi in gold.index.difference(list(gm)):
        errors.append({"error": f"missed ({gold.at[gi, 'speaker']}, {gold.at[gi, 'kind']})", "text": gold.at[gi, "text"], "predicted": None})
    for pi in pred.index.difference(list(pm)):
        errors.append({"error": f"not in gold ({pred.at[pi, 'speaker']}, {pred.at[pi, 'kind']})", "text": None, "predicted": pred.at[pi, "text"]})

    def f1(p, r):
        return 2 * p * r / (p + r) if p + r else 0.0

    n_pred, n_gold, n = len(pred), len(gold), len(matched)
    precision = n / n_pred if n_pred else 0.0
    recall = n / n_gold if n_gold else 0.0
    metrics = {
        "gold": n_gold, "predicted": n_pred, "matched": n,
        "precision": precision, "recall": recall, "f1": f1(precision, recall),
        "exact_f1": f1(exact / n_pred if n_pred else 0.0, exact / n_gold if n_gold else 0.0),
        "speaker_accuracy": sp_ok / n if n else 0.0,
        "kind_accuracy": kind_ok / n if n else 0.0,
    }
    return metrics, pd.DataFrame(errors, columns=["error", "text", "predicted"])
