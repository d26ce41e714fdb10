"""Stage 2: attribution. Cue words and the speaker chunk of each cue (its content's extent
is ``quotes.content``; the noun-phrase chunking, ``quotes.chunks``).

Every verb in ``data/reference/cues.csv`` (lemma, forms, class speech / stance / source, the
side its speaker stands on) outside a quote, not negated, is a candidate. Its speaker is the
noun phrase before it (skipping adverbs and auxiliaries, a relative clause or appositive
between commas, and the addressee of ``told``), or after it for ``according to``,
``citing`` and the inversion ``“…,” said X``. A cue coordinated with an earlier verb
(``welcomed X but said``) shares that verb's subject; ``adding``/``citing`` after a comma
continues the sentence's previous speaker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import resources
from ..names import is_name
from ..records import Token
from ..resources import Cue
from .chunks import clause_subject, left_chunk, skip_left, trim_adverbs, valid_chunk
from .phrase import speaker_phrase
from .words import (
    ADDRESSEES,
    DOUBLE_QUOTES,
    FINITE,
    NEGATIONS,
    NOUN_PHRASE_TAGS,
    PARTICIPLE_SUBORDINATORS,
    QUESTION_WORDS,
    RELATIVES,
    SKIP_BEFORE_CUE,
    SUBORDINATORS,
    TIME_WORDS,
    WORK_NOUNS,
    is_punct,
)


@dataclass
class Speaker:
    chunk: list[Token]
    left: int  # index of the boundary before the chunk (-1 for the sentence start)
    coord: bool = False  # shares the subject of an earlier verb
    right: bool = False  # the speaker stands after the cue
    relative: bool = False  # the cue is in a relative clause on the speaker (``Beck, who said …``)
    fronted: bool = False  # the cue is in a clause before the main one, whose subject speaks (``After saying …, he``)
    unsourced: bool = False  # no source in the text: ``is expected to``, ``seemed``, ``when asked``
    subject: list[Token] = field(default_factory=list)  # for ``…, saying``: the sentence's subject, when no statement before it in the sentence speaks
    extent: list[Token] = field(default_factory=list)  # the words the rule found, when the speaker is a part of them (a source after its cue)


def find_speaker(toks: list[Token], c: int, cue: Cue) -> Speaker | None:
    """The speaker of the cue at ``c``: the region a rule finds, cut to its noun phrase
    (``phrase.speaker_phrase``); None when the region holds no clean noun phrase."""
    sp = _find_speaker(toks, c, cue)
    if sp is None:
        return None
    if sp.chunk:
        chunk = speaker_phrase(sp.chunk, right=sp.right)
        if not chunk and not sp.right:
            chunk = _nonfinite_subject(toks, sp.chunk)
        if not chunk:
            return None
        if sp.right and chunk != sp.chunk:
            sp.extent = sp.chunk  # the content starts after all of it (``according to X conducted for Y, …``)
        sp.chunk = chunk
    if sp.subject and not sp.unsourced:
        sp.subject = speaker_phrase(sp.subject)
    return sp


#: Words before a cue that make it non-finite: an infinitive (``reached for a metaphor to
#: describe``) or a gerund after a preposition (``punctuated his list by saying``).
_NONFINITE_MARKS = {"to", "by", "for", "of", "in", "about", "with", "from", "on", "after", "before", "without"}


def _nonfinite_subject(toks: list[Token], chunk: list[Token]) -> list[Token]:
    """The speaker of a non-finite cue whose region ends in its mark: the subject of the
    verb in the region (``Mr. Clinton reached for a metaphor to describe``: Mr. Clinton),
    else the noun phrase before the mark (``one of the earliest House members to endorse``),
    else the subject of the clause the region stands in."""
    if len(chunk) < 2 or chunk[-1].lower not in _NONFINITE_MARKS:
        return []
    body = chunk[:-1]
    verb = next((n for n, t in enumerate(body) if t.tag.startswith("VB") and not t.is_cap), None)
    if verb is None:
        return speaker_phrase(body)
    if verb > 0:
        return speaker_phrase(body[:verb])
    first = chunk[0].i
    if first > 0 and toks[first - 1].tag in FINITE | {"VBN"}:
        return speaker_phrase(clause_subject(toks, first - 1, FINITE | {"VBN"}))
    return []


def _find_speaker(toks: list[Token], c: int, cue: Cue) -> Speaker | None:
    if (none := unsourced(toks, c, cue)) is not None:
        return none if none.unsourced else None
    if cue.side == "right":
        return right_speaker(toks, c)
    if (following := _following_participle(toks, c)) is not None:
        return following
    if (fronted := _fronted_participle(toks, c)) is not None:
        return fronted
    if c == 1 and toks[0].lower == "as" and c + 1 < len(toks) and toks[c + 1].lower == "by":
        # ``As reported by Western Journalism, …``: the source follows, like ``according to``
        chunk = _to_punct(toks, c + 2)
        return Speaker(chunk, c, right=True) if valid_chunk(chunk) else None
    j = skip_left(toks, c - 1)
    if j < 0:
        return right_speaker(toks, c)  # ``Said Smith: …`` (rare)
    t = toks[j]
    if t.lower in {"and", "but"}:
        end = j - 2 if j > 1 and toks[j - 1].text == "," else j - 1  # ``…, but says``
        # the earlier verb may be tagged as a participle (``Clinton disputed … but says``)
        subj = clause_subject(toks, end) or clause_subject(toks, end, FINITE | {"VBN"}) or _opening_subject(toks, j)
        if valid_chunk(subj):
            return Speaker(subj, -1, coord=True)
        if any(u.lower in resources.cues() and u.tag.startswith("VB") for u in toks[:j]):
            # ``said that X is “…,” and said that …``, ``… - but said …``: the clause before
            # ends in a quote or a dash; the verb shares the subject of the earlier cue
            return Speaker([], -1, coord=True)
        return None
    if toks[c].tag == "VBG" and (w := next((n for n in range(j, max(-1, j - 6), -1) if toks[n].lower == "with"), None)) is not None:
        chunk = toks[w + 1 : j + 1]  # ``…, with three in 10 saying …``: the participle's own subject
        if chunk and not any(is_punct(u) or u.tag in FINITE for u in chunk) and (valid_chunk(chunk) or chunk[0].tag == "CD"):
            return Speaker(chunk, w)
    if t.lower == "who" and j >= 2 and toks[j - 1].text == ",":
        chunk, b = left_chunk(toks, j - 2)  # ``Beck, who said there were …``: the relative's antecedent
        if chunk and chunk[0].lower in {"a", "an"} and b > 0 and toks[b].text == ",":
            named, b2 = left_chunk(toks, b - 1)  # ``Howard Rubel, a senior analyst, who notes``: the name
            if named and is_name(named):
                chunk, b = named, b2
        return Speaker(chunk, b, relative=True) if valid_chunk(chunk) else None
    if t.text == ",":
        return _speaker_before_comma(toks, j, c, cue)
    if t.text in {"—", "–"}:
        # an appositive between dashes: ``Jason Sims — a teacher from Mount Pleasant — says``
        k = j - 1
        while k > 0 and toks[k].text not in {"—", "–"} and j - k < 25:
            k -= 1
        if k > 0 and toks[k].text == t.text:
            chunk, b = left_chunk(toks, k - 1)
            return Speaker(chunk, b) if valid_chunk(chunk) else None
        return None
    if t.text in DOUBLE_QUOTES:
        return right_speaker(toks, c) if cue.cls == "speech" else None
    chunk, b = left_chunk(toks, j)
    if b >= 0 and toks[b].lower in {"that", "which"} and b > 0 and toks[b - 1].tag.startswith("NN"):
        # ``regions that Russia has claimed``: a relative clause, not reported speech,
        # unless the ``that`` follows a cue and its addressee (``told Reuters that``), or the
        # cue stands inside the relative clause's own verb (``a letter that he said was
        # drafted by the firm``: what he said is that it was drafted)
        before = toks[b - 2] if b > 1 else None
        inside = (cue.cls in ("speech", "belief") and j == c - 1 and c + 1 < len(toks)
                  and toks[c + 1].tag in FINITE and not toks[c + 1].is_cap)
        if not inside and (before is None or before.lower not in resources.cues()):
            return None
    if not valid_chunk(chunk) or (b >= 0 and toks[b].tag in FINITE and t.lower not in RELATIVES):
        # the chunk is the object inside a relative clause on the speaker (``Farmers who
        # lost their crops say``), or no noun phrase at all
        return _relative_antecedent(toks, j) or (Speaker(chunk, b) if valid_chunk(chunk) else None)
    return Speaker(chunk, b)


def _opening_subject(toks: list[Token], j: int) -> list[Token]:
    """The subject of the sentence's first verb (before ``j``), when the sentence opens with
    it (after a conjunction: ``Yet he is facing …``) and no comma stands between them, or
    only an aside (``She brought that down to $42,000, but said …``)."""
    lead = 0
    while lead < j and (toks[lead].tag == "CC" or toks[lead].lower in {"yet", "still", "so"}):
        lead += 1
    if lead >= j or toks[lead].lower in SUBORDINATORS or toks[lead].tag in {"IN", "RB", "VBG", "VBN"}:
        return []
    v = next((k for k in range(lead, j) if (toks[k].tag in FINITE or toks[k].tag == "VBN") and not toks[k].is_cap), None)
    if v is None:
        return []
    if any(is_punct(u) for u in toks[lead:v]):
        return _subject_before_aside(toks, v) if lead == 0 else []  # ``Gary Emineth, a former chairman, became …``
    return trim_adverbs(toks[lead:v])


def _relative_antecedent(toks: list[Token], j: int) -> Speaker | None:
    """The noun a relative clause before the cue is on, with no commas around the clause:
    ``The state officials whose laws were struck down say …``."""
    k = j
    while k > 0 and j - k < 15 and not is_punct(toks[k]):
        if toks[k].lower in {"who", "whose"} and toks[k - 1].tag.startswith("NN"):
            chunk, b = left_chunk(toks, k - 1)
            return Speaker(chunk, b, relative=True) if valid_chunk(chunk) else None
        k -= 1
    return None


def _speaker_before_comma(toks: list[Token], j: int, c: int, cue: Cue) -> Speaker | None:
    """The speaker when a comma stands before the cue at ``c`` (``j``: that comma): an
    appositive or a relative clause between commas after the speaker, or the inversion
    ``“…,” said X``."""
    # a relative clause or appositive between commas: ``Merz, who hosted …, said``
    k = j - 1
    while k >= 0 and toks[k].text != "," and toks[k].text not in DOUBLE_QUOTES:
        k -= 1
    seg = toks[k + 1 : j]
    # an appositive on a name: a role (``Merz, chancellor, said``), an age (``Suu Kyi, 70,
    # said``) or a description (``Lopez-Cantera, a former legislator who …, said``); the
    # name may end in a parenthesis (``Rep. Elijah Cummings (D-Md.), chair of …, said``)
    name_end = skip_left(toks, k - 1) if k > 0 and toks[k - 1].text == ")" else k - 1
    described = bool(seg) and name_end >= 0 and toks[name_end].is_cap and (
        seg[0].lower in resources.role_words() or (seg[0].tag == "CD" and len(seg) <= 2)
        or (seg[0].lower == "then" and len(seg) == 2 and seg[1].tag == "CD")  # ``Mr. Sperling, then 38, said``
        or (seg[0].lower in {"a", "an", "another", "one", "the"} and len(seg) > 1)
    )
    # an aside: a share of a group (``A third of independents, 33%, say``) or a phrase
    # that opens with a preposition (``Economists, like their rivals, say``)
    aside = bool(seg) and name_end >= 0 and toks[name_end].tag.startswith("NN") and (
        all(u.tag == "CD" or u.text == "%" or u.lower == "percent" for u in seg)
        or (seg[0].tag == "IN" and seg[0].lower not in SUBORDINATORS and len(seg) <= 10)
        or (seg[0].lower in {"when", "while", "after", "if"} and len(seg) > 1 and seg[1].tag in {"VBN", "VBD", "VBG"})
    )  # (or a participle clause: ``Cruz, when asked what is wrong, responded that``)
    if k > 0 and seg and (
        seg[0].lower in RELATIVES or seg[0].tag in {"VBG", "VBN"} or (valid_chunk(seg) and toks[k - 1].is_cap) or described or aside
    ):
        chunk, b = left_chunk(toks, name_end)
        whole = valid_chunk(chunk) and (b < 0 or toks[b].tag not in FINITE)  # an aside follows a whole noun phrase
        if whole:
            return Speaker(chunk, b)
        if not aside:
            # the words before the aside end a clause (``Cruz lacks support in Congress, whom
            # he has alienated, said Larry Sabato``): the inversion names the speaker
            inverted = right_speaker(toks, c) if cue.cls == "speech" else None
            if inverted is not None and is_name(inverted.chunk):
                return inverted
            return Speaker(chunk, b) if valid_chunk(chunk) else None
    named = seg[: next((n for n, u in enumerate(seg) if u.text == "("), len(seg))]  # off a party: ``Joe Lieberman (I-Conn.)``
    if k < 0 and named and seg[-1].text == ")" and is_name(named):
        return Speaker(named, -1)  # a stray comma after a name's party: ``Sen. Jack Reed (D-R.I.), said``
    if k > 0 and toks[k].text == "," and named and is_name(named):
        # a description, then the name: ``The company's chief executive, Lars Petersen, said``
        _, b = left_chunk(toks, k - 1)
        return Speaker(named, b)
    if (named := _long_appositive(toks, k)) is not None:
        return named
    return right_speaker(toks, c) if cue.cls == "speech" else None  # ``“…,” said X``


def _long_appositive(toks: list[Token], k: int) -> Speaker | None:
    """A name whose role holds commas of its own: ``Anne Richards, assistant secretary of
    state for population, refugees, and migration, said`` (``k``: the last inner comma)."""
    commas = 0
    while k > 0 and commas < 4:
        k -= 1
        if toks[k].text in DOUBLE_QUOTES or toks[k].text in {";", ":"}:
            return None
        if toks[k].text != ",":
            continue
        commas += 1
        if k > 0 and toks[k - 1].is_cap and k + 1 < len(toks) and (
            any(u.lower in resources.role_words() for u in toks[k + 1 : k + 4]) or toks[k + 1].lower in {"a", "an", "the"}
            or (toks[k + 1].tag == "CD" and low(toks, k + 2) == ",")  # an age: ``Chelsea Clinton, 35, the daughter of …, said``
        ):
            chunk, b = left_chunk(toks, k - 1)
            return Speaker(chunk, b) if valid_chunk(chunk) and is_name(chunk) else None
    if k == 0:
        # the sentence opens with a noun and its relative clause, then asides: ``Voters who
        # had seen him over the decades, on television or at events, said …``
        rel = next((n for n in range(1, 6) if n < len(toks) and toks[n].lower in {"who", "whom"}), None)
        if rel is not None and all(u.tag.startswith(("NN", "JJ", "DT")) or u.is_cap for u in toks[:rel]):
            return Speaker(toks[:rel], -1, relative=True)
    return None


def unsourced(toks: list[Token], c: int, cue: Cue) -> Speaker | None:
    """An attribution with no source in the text, as PARC annotates them: a hedge of the
    reporter's (``the mayor seemed rattled``, ``it appears that …``), a passive cue (``Trump
    is expected to win``, ``was widely believed to be``), a question put by someone unnamed
    (``When asked why …, Tyler said``, ``She was asked whether …``). Returns a Speaker with
    ``unsourced`` set (its ``subject``: the words the content opens with), a Speaker without
    it when the cue word is used otherwise and is no cue at all (``appeared on CNN``), or
    None when the cue has a source to look for."""
    nxt = low(toks, c + 1)
    if cue.side == "none":  # seem, appear: what follows must be a complement
        if not (nxt in {"to", "that", "as", "like", "certain", "likely", "unlikely"} or (c + 1 < len(toks) and toks[c + 1].tag in {"JJ", "VBN", "RBR", "JJR"})):
            return Speaker([], -1)
        if nxt == "to" and low(toks, c + 2) in {"me", "him", "her", "us", "them"}:
            return Speaker([], -1)  # ``seemed to me``: a source after all
        return Speaker([], -1, unsourced=True, subject=_hedged_subject(toks, c))
    b = c - 1
    while b >= 0 and toks[b].lower in _PASSIVE_FILLERS:
        b -= 1
    passive = b >= 0 and toks[b].lower in _BE and toks[c].tag in {"VBN", "VBD", "JJ"} and low(toks, c + 1) != "by"
    ahead = []  # up to the next mark: ``Asked on Monday whether …``, ``Asked by X to respond``
    for k in range(c + 1, min(c + 9, len(toks))):
        if is_punct(toks[k]):
            break
        ahead.append(toks[k].lower)
    question = nxt in {"about", "to"} or any(w in QUESTION_WORDS for w in ahead[:4]) or (
        asked_question(toks, c) and any(w in QUESTION_WORDS or w in {"about", "to"} for w in ahead))
    if cue.lemma == "ask" and (passive or asked_question(toks, c)) and question:
        # the question is the content; who asked is not said (``subject``: who was asked)
        return Speaker([], c, unsourced=True, subject=_hedged_subject(toks, b) if passive else [])
    if passive and cue.cls in {"belief", "speech"} and nxt in {"to", "that"} and cue.lemma != "ask":
        return Speaker([], -1, unsourced=True, subject=_hedged_subject(toks, b))
    return None


def low(toks: list[Token], k: int) -> str:
    return toks[k].lower if 0 <= k < len(toks) else ""


_BE = {"is", "are", "was", "were", "be", "been", "'s", "’s", "'re", "’re"}
#: Words between a form of *be* (or a subject) and a passive or hedge cue: ``was widely believed``.
_PASSIVE_FILLERS = {"widely", "not", "n't", "also", "generally", "now", "still", "being", "been"}


def asked_question(toks: list[Token], c: int) -> bool:
    """``Asked …`` opening the sentence, or ``When asked …``: a question someone put."""
    return c == 0 or (c >= 1 and toks[c - 1].lower in {"when", "after", "if"}) or (c >= 2 and toks[c - 1].text == ",")


def _hedged_subject(toks: list[Token], k: int) -> list[Token]:
    """The subject before a hedge or passive cue at ``k`` (``the mayor`` of ``the mayor
    seemed``), none for an expletive ``it`` (``it appears that …``)."""
    chunk, _ = left_chunk(toks, k - 1)
    while chunk and chunk[-1].lower in _PASSIVE_FILLERS | _BE | {"has", "have", "had"}:
        chunk = chunk[:-1]
    if len(chunk) == 1 and chunk[0].lower in {"it", "there"}:
        return []
    return chunk if valid_chunk(chunk) else []


def _fronted_participle(toks: list[Token], c: int) -> Speaker | None:
    """``After saying he was nervous, the man asked …``, ``Noting that …, Allen said``: a
    participle cue in a clause before the main one, whose subject speaks; after a main
    clause (``He kept making gaffes after telling his aides …``), that clause's subject."""
    if not toks[c].lower.endswith("ing") or not (
        c == 0 or (c >= 1 and toks[c - 1].lower in PARTICIPLE_SUBORDINATORS and (c == 1 or toks[c - 1].lower != "in"))
    ):
        return None
    if any(u.tag in FINITE and not u.is_cap for u in toks[: max(c - 1, 0)]):
        subj = _opening_subject(toks, c - 1)
        return Speaker(subj, -1, coord=True) if valid_chunk(subj) else None
    comma = next((k for k in range(c + 1, len(toks)) if toks[k].text == ","), None)
    if comma is None:
        return None
    subj: list[Token] = []
    for k in range(comma + 1, min(len(toks), comma + 12)):
        if toks[k].tag in FINITE | {"VBN"} and not toks[k].is_cap:  # "the student left" is read as VBN
            subj = toks[comma + 1 : k]
            break
    return Speaker(subj, comma, fronted=True) if valid_chunk(subj) else None


def _following_participle(toks: list[Token], c: int) -> Speaker | None:
    """``…, adding …``, ``… – saying …``, ``… “New York values,” saying …``: a participle
    cue after a clause continues the previous speaker; with none before it in the sentence,
    the sentence's subject speaks (read in the statement stage)."""
    p = c - 1
    if not toks[c].lower.endswith("ing") or p < 1:
        return None
    if toks[p].lower in PARTICIPLE_SUBORDINATORS and p >= 1:
        p -= 1  # ``…, while saying that …``
    if toks[p].text in DOUBLE_QUOTES and toks[p - 1].text == ",":
        p -= 1  # the comma inside the closing quote
    if toks[p].text not in {",", "–", "—"}:
        return None
    # the subject of the sentence's first verb (a past participle too: the tagger reads
    # "Trump delivered" so)
    verbs = FINITE | {"VBN"}
    verb = next((n for n in range(p) if toks[n].tag in verbs and not toks[n].is_cap), None)
    subj = (clause_subject(toks, verb, verbs) or _subject_before_aside(toks, verb)) if verb is not None else []
    return Speaker([], p, coord=True, subject=subj if valid_chunk(subj) else [])


def _subject_before_aside(toks: list[Token], v: int) -> list[Token]:
    """The subject that opens the sentence before an aside between commas, the verb at ``v``
    after it: ``Several candidates, including Fiorina and Carson, have followed …``."""
    j = v - 1
    while j >= 0 and toks[j].lower in SKIP_BEFORE_CUE:
        j -= 1
    if j < 2 or toks[j].text != ",":
        return []
    k0 = next((n for n in range(j - 1, -1, -1) if toks[n].text == ","), None)
    subj = toks[:k0] if k0 else []
    return subj if not any(is_punct(u) for u in subj) and valid_chunk(subj) else []


#: The most tokens read for a speaker after its cue: far more than any speaker may hold
#: (``valid_chunk`` takes 20 at most), so a run of words with no punctuation is not read to
#: its end for every cue (issue 26).
SPEAKER_WINDOW = 64


def _to_punct(toks: list[Token], k: int) -> list[Token]:
    """The tokens from ``k`` up to the next punctuation mark (at most ``SPEAKER_WINDOW``)."""
    end, last = k, min(len(toks), k + SPEAKER_WINDOW)
    while end < last and not is_punct(toks[end]):
        end += 1
    return toks[k:end]


def right_speaker(toks: list[Token], c: int) -> Speaker | None:
    rest = _cue_at(toks, c).rest
    chunk = _to_punct(toks, c + 1 + len(rest))  # ``according to``
    end = chunk[-1].i + 1 if chunk else c + 1 + len(rest)
    if rest and end < len(toks) and toks[end].text in DOUBLE_QUOTES:
        # a title in quotes inside the source: ``according to the "Medicare for All" study``
        close = next((n for n in range(end + 1, min(end + 12, len(toks))) if toks[n].text in DOUBLE_QUOTES), None)
        if close is not None:
            chunk = toks[chunk[0].i if chunk else end : close + 1] + _to_punct(toks, close + 1)
    for n, t in enumerate(chunk):  # ``according to exit polls reported by the networks``
        if n and t.tag in {"VBN", "VBD"} and chunk[n - 1].tag.startswith("NN") and n + 1 < len(chunk) and chunk[n + 1].lower == "by":
            chunk = chunk[:n]
            break
    for n, t in enumerate(chunk):  # a relative clause on the speaker: ``said one owner of a shop that sells …``
        if n and t.lower in {"who", "that", "which", "whose"}:
            chunk = chunk[:n]
            break
    for n, t in enumerate(chunk):  # ``said Dan Golvach when asked about …``, ``… as he left``
        nxt = chunk[n + 1] if n + 1 < len(chunk) else None
        if n and t.lower in {"when", "while", "after", "before", "as"} and nxt is not None and (
            nxt.tag in {"VBN", "VBD", "VBG"} or nxt.lower in {"he", "she", "they", "it", "being"}
        ):
            chunk = chunk[:n]
            break
    # a trailing time or place phrase is not part of the speaker: ``said Smith on Tuesday``
    for n, t in enumerate(chunk):
        if n and t.lower in {"on", "in", "at", "last", "this"} and n + 1 < len(chunk) and (
            chunk[n + 1].lower in TIME_WORDS or chunk[n + 1].lower in {"a", "an", "his", "her", "their"}
        ):
            chunk = chunk[:n]
            break
    # a source after ``according to`` may be long: "early results of exit polls conducted
    # for The Associated Press and television networks"
    longest = 20 if rest else 12
    if chunk and chunk[0].tag == "IN":
        return None  # ``said after a lunch``: a phrase of time or place, no speaker
    return Speaker(chunk, c, right=True) if valid_chunk(chunk, longest) else None


_NO_CUE = Cue("", "", "")


def _cue_at(toks: list[Token], k: int) -> Cue:
    """The cue whose sequence stands at ``k`` (an empty one when none does)."""
    return resources.match_cue(toks, k) or _NO_CUE


def lead_cue(before: list[Token]) -> int | None:
    """Index of a cue that introduces a quote: ``said:``, ``said,``, ``told reporters:``."""
    if not before or before[-1].text not in {":", ","}:
        return None
    if len(before) > 1 and before[-2].lower in WORK_NOUNS:
        return None  # ``said in his 2012 book, "An American Son."``: a title, not what was said
    lexicon = resources.cues()
    for back in range(2, min(len(before), 9) + 1):
        t = before[-back]
        between = before[-back + 1 : -1]
        addressee = all(u.lower in ADDRESSEES or u.is_cap or u.lower in {"back", "out"} for u in between) or (
            # ``wrote to his 20,000 Twitter followers,``: a phrase of whom it was said to
            between[0].lower in {"to", "on", "in", "at"} and all(u.tag in NOUN_PHRASE_TAGS | {"IN"} for u in between[1:])
        )
        if t.lower in lexicon and _cue_at(before, t.i).cls != "source" and addressee and is_cue(before, t.i):
            return t.i
    return None


_SEE_AS = {"see", "view"}


def _as_after_object(toks: list[Token], i: int) -> bool:
    """``see Clinton as the stronger candidate``: ``as`` within a short object, no clause break."""
    for k in range(i + 2, min(i + 9, len(toks))):
        if toks[k].lower == "as":
            return True
        if is_punct(toks[k]) or toks[k].tag in FINITE:
            return False
    return False


def is_cue(toks: list[Token], i: int) -> bool:
    """A cue word used as a verb, not negated (``did not say``)."""
    t = toks[i]
    cue = resources.match_cue(toks, i)
    if cue is None:
        return False  # the first word of a sequence whose other words do not follow (``point`` without ``out``)
    rest = cue.rest
    if rest:
        after = [u.lower for u in toks[i + 1 + len(rest) : i + 3 + len(rest)]]
        if after and after[0] == "be" and after[1:] and after[1] in {"named", "identified", "quoted"}:
            return False  # ``declined to be named``: anonymity, not a statement
        return True
    if not t.tag.startswith("VB"):
        # the tagger sometimes reads a past tense as an adjective, or a verb after a plural
        # subject as a noun (``records show``, ``the results show that``): trust the
        # unambiguous speech verbs, and a cue right after a plural noun
        nxt_opens = i + 1 < len(toks) and (toks[i + 1].tag in {"DT", "PRP", "NNP", "CD"} or toks[i + 1].lower == "that")
        plural_subject = i > 0 and t.tag in {"NN", "NNS", "JJ", "VBP"} and (
            toks[i - 1].tag in {"NNS", "NNPS"} or (toks[i - 1].tag in {"NNP", "RB", "EX"} and nxt_opens)  # ``Polls in New Hampshire show the``
        )
        # ``The Heritage Foundation notes the minimum wage …``: a third-person form read as a
        # plural noun, right after a name or noun and before a clause
        third_person = (
            t.lower.endswith("s") and t.tag == "NNS" and i + 1 < len(toks) and (
                (i > 0 and (toks[i - 1].tag in {"NNP", "NN"} or toks[i - 1].lower in {"he", "she", "it", "who"})
                 and (toks[i + 1].lower in {"that", "the", "a", "an"} or toks[i + 1].tag in {"NNP", "PRP"}
                      or (toks[i + 1].lower == "to" and cue.cls == "belief")))  # ``The bank plans to``
                or (i > 1 and toks[i - 1].text == "," and toks[i + 1].lower == "that")  # ``O'Brien, a consultant, notes that``
                or (i > 1 and toks[i - 1].tag == "NNP" and toks[i - 2].text == "," and toks[i + 1].text == ",")  # ``…, Frank notes, …``
            )
        )
        if t.lower not in {"said", "says", "told", "added", "adding", "saying"} and not plural_subject and not third_person:
            return False
    if i > 0 and toks[i - 1].lower in {"the", "a", "an", "his", "her", "its", "their"}:
        return False  # ``the reported talks``
    if cue.lemma in _SEE_AS and not _as_after_object(toks, i):
        return False  # ``see`` and ``view`` attribute only a view of something as something
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if (t.tag in {"VBN", "VBD", "JJ"} and t.lower not in {"said", "told"} and nxt is not None and nxt.tag in {"NNS", "NN"}
            and i > 0 and toks[i - 1].tag in {"IN", "DT", "CD"}):
        return False  # an adjective: ``a tabulation of pledged delegates``
    if t.tag == "VBN" and i > 0 and toks[i - 1].tag in {"NN", "NNS"} and nxt is not None and (
        nxt.is_cap or (nxt.lower == "the" and i + 2 < len(toks) and toks[i + 2].is_cap)
    ):
        return False  # naming, not speaking: ``a resistance movement called the Ethiopian People's …``
    if t.tag in {"VBN", "VBD"} and i > 0 and toks[i - 1].tag in {"NN", "NNS"} and nxt is not None and nxt.lower == "by":
        return False  # a passive participle on a noun: ``exit polls reported by the networks``
    back = []
    for u in toks[max(0, i - 3) : i]:  # the words before the cue in its clause (``No,” said X`` is not negated)
        back = [] if is_punct(u) else [*back, u.lower]
    if t.lower == "want" and back and back[-1] in {"may", "might", "could"}:
        return False  # ``investors may want to think twice``: advice, not a wish
    if "what" in back[-3:-1]:
        return False  # a free relative names a thing inside other content (``what he called a land swap``)
    return not any(w in NEGATIONS for w in back)
