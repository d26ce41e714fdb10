"""The speaker as a noun phrase: the words a rule found, cut to the noun phrase PARC marks as
the source (a head and its modifiers), or nothing when they hold none.

A rule of ``attribution`` finds the region a speaker stands in (the words before the cue
back to a boundary, or after an inverted cue up to a mark). That region may hold more than
the speaker: the subject of a relative clause (``which he said``), an infinitive's object
(``a campaign to convince``), a preposition's object (``in which Trump said``). The speaker
is the noun phrase next to the cue: the last one of a region before it, the first one of a
region after it. Its words are read by their tags (determiners, adjectives, nouns, names,
numbers, a possessive), with ``of``, ``for``, ``and`` and ``&`` joining two nouns
(``secretary of state``, ``Clinton and Trump``), a parenthesis after a name (``Sen. Jack
Reed (D-R.I.)``) and a participle before a noun (``the embattled senator``).
A phrase longer than :data:`LONGEST` words keeps its head and the modifiers before it.
"""

from __future__ import annotations

from .. import resources
from ..records import Token
from .chunks import WEB_ADDRESS
from .words import DOUBLE_QUOTES, POSTMODIFIER_START, PRONOUNS, QUANTIFIER_PRONOUNS, RELATIVES, TIME_WORDS

#: Tags of the words inside a noun phrase.
NP_TAGS = {"DT", "PDT", "PRP$", "JJ", "JJR", "JJS", "CD", "NN", "NNS", "NNP", "NNPS", "POS"}
#: Tags of a phrase's last word (its head): a noun, a name, a number, a pronoun.
HEAD_TAGS = {"NN", "NNS", "NNP", "NNPS", "CD", "PRP"}
#: Words that join two nouns inside one phrase.
JOINERS = {"of", "for", "and", "&"}
#: Words a noun phrase never begins or ends with (beside the tags of prepositions, verbs,
#: adverbs, conjunctions and wh-words): the extractor's own closed class.
EDGE_WORDS = RELATIVES | {
    "that", "where", "when", "while", "whether", "if", "because", "than", "as", "then", "also", "so", "yet",
    "to", "not", "it", "there", "here",
}
#: Closed-class words that no phrase opens or ends with even when capitalised (a headline's
#: ``Ted Cruz Apologizes To Ben Carson For``, a sentence's ``In a statement``): prepositions,
#: conjunctions, auxiliaries and modals.
CLOSED = {
    "of", "by", "to", "for", "from", "with", "at", "in", "on", "into", "onto", "about", "as", "than", "after",
    "before", "since", "until", "unless", "over", "under", "against", "during", "through", "via", "per",
    "and", "or", "but", "nor", "so", "yet", "then", "also", "although", "though", "because", "while", "whether",
    "if", "when", "where", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had",
    "having", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
}
#: Heads that stand for people as a phrase's last word though tagged otherwise (``those
#: surveyed``, ``Several``).
GROUP_HEADS = set(QUANTIFIER_PRONOUNS) | {"neither", "either", "none"}
#: Prepositions of a phrase on a common noun (``voters in both parties``).
PREPOSITIONS = {"in", "at", "from", "with", "on", "among", "like", "across", "inside", "outside", "within", "by", "after",
                "before", "during", "over", "under", "against", "about"}
#: Words that head a share of a group (``a third of independents``; ``speaker_shares.txt``).
SHARES = resources.words("speaker_shares.txt")
#: Adjectives and participles whose phrase follows a noun (``an official familiar with the
#: talks``, ``people close to him``; ``speaker_postmodifiers.txt``) and the prepositions after them.
POSTMODIFIER_HEADS = resources.words("speaker_postmodifiers.txt")
POSTMODIFIER_LINKS = {"with", "to", "in", "on", "about"} | (POSTMODIFIER_START & {"with", "to", "in", "on"})
#: Words after a speaker that are not part of it (``BuzzFeed News first``, ``58 percent of
#: Florida Latino voters overall``): ``data/reference/speaker_trailing.txt``.
TRAILING = resources.words("speaker_trailing.txt")
#: The most words a speaker holds; past it, the postmodifiers go (``early results of exit
#: polls conducted for …`` is ``early results of exit polls``).
LONGEST = 10


def words(chunk: list[Token]) -> int:
    """How many words a reader counts (``CNN/ORC`` is two)."""
    return sum(1 + t.text.strip("/").count("/") for t in chunk if t.text not in {"(", ")", "'s", "’s"})


def _acronym(t: Token) -> bool:
    """An acronym that spells a function word (``WHO``, ``IT``): a name."""
    return len(t.text) >= 2 and t.text.isupper() and t.text.isalpha() and t.lower not in CLOSED


def _inside(t: Token) -> bool:
    """A word that may stand inside a noun phrase."""
    if _acronym(t):
        return True
    if t.lower in EDGE_WORDS - {"it"} or t.lower in CLOSED:
        return False
    if "-" in t.text.strip("-") and any(c.isalnum() for c in t.text):
        return True  # a compound read as a verb: ``the recent 50-state poll``
    return t.tag in NP_TAGS or (t.is_cap and t.tag not in {"IN", "TO", "CC", "WDT", "WP", "WRB", "MD"}) or t.text in {"-", "."}


def _head(t: Token) -> bool:
    """A word that may end a noun phrase (its head)."""
    if _acronym(t):
        return True
    if t.lower in CLOSED or (t.lower in EDGE_WORDS and t.lower not in PRONOUNS):
        return False
    if t.lower == "it":
        return True
    if WEB_ADDRESS.fullmatch(t.text):
        return True
    if t.tag in {"DT", "PDT", "PRP$", "POS", "IN", "CC", "TO", "WDT", "WP", "WRB"} and t.lower not in GROUP_HEADS:
        return False  # ``The`` opening a sentence is capitalised, and no head
    if t.tag == "JJ" and (t.lower in resources.role_words() or t.lower in resources.speaker_nouns()):
        return True  # a role read as an adjective: ``SEIU chief``, ``The Republican incumbent``
    return t.tag in HEAD_TAGS or t.is_cap or t.lower in GROUP_HEADS or t.text == ")"


def _opening(t: Token) -> bool:
    """A word that may open a noun phrase."""
    if _acronym(t):
        return True
    if t.lower in CLOSED or (t.lower in EDGE_WORDS and t.lower not in PRONOUNS):
        return False
    if WEB_ADDRESS.fullmatch(t.text):
        return True
    if t.i == 0 and t.tag.startswith(("VB", "RB")) and t.lower not in {"nearly", "about", "almost", "roughly", "only"}:
        return False  # a sentence's first word, capitalised as such: ``Asked``, ``Say``, ``So``
    if t.tag == "VBG" and not t.is_cap:
        return False  # ``saying the majority of …``: a clause, not a phrase (``leading Democrats`` opens with JJ)
    return t.tag in NP_TAGS | {"PRP", "VBN", "VBG"} or t.is_cap or t.lower in GROUP_HEADS


#: Words that open a share of a group as its modifier (``About three in 10``, ``Nearly half``).
QUANTITY_MODIFIERS = {"nearly", "almost", "roughly", "only", "some", "just"}


def _opens(chunk: list[Token]) -> bool:
    """The chunk's first word may open a noun phrase (a quantity modifier before a share too)."""
    return _opening(chunk[0]) or (
        len(chunk) > 1 and chunk[0].lower in QUANTITY_MODIFIERS and (chunk[1].tag == "CD" or chunk[1].lower in SHARES))


def is_clean(chunk: list[Token]) -> bool:
    """The words are one noun phrase: the first may open one, the last is a head, each word
    between may stand inside one (a joiner or a preposition too), no relative word, at most
    ``LONGEST`` words; a pronoun stands alone."""
    if not chunk or words(chunk) > LONGEST:
        return False
    possessed = len(chunk) > 2 and chunk[-1].tag == "JJ" and chunk[-2].tag == "POS"
    if not (_opens(chunk) and (_head(chunk[-1]) or possessed)) and not _two_word_group(chunk):
        return False
    if len(chunk) > 1 and any(t.tag == "PRP" or t.lower in PRONOUNS for t in chunk):
        return False  # ``the senator she``: two phrases
    if any(t.lower in RELATIVES | {"that", "where"} and not _acronym(t) for t in chunk):
        return False
    return all(
        _inside(t) or t.lower in JOINERS | PREPOSITIONS | POSTMODIFIER_LINKS | POSTMODIFIER_HEADS
        or (t.tag in {"VBN", "VBG"} and t.lower not in CLOSED) or t.text in {"(", ")"} | DOUBLE_QUOTES or t.tag == "POS"
        for t in chunk[1:-1]
    )


def _two_word_group(chunk: list[Token]) -> bool:
    """``those surveyed``, ``those polled``: a group named by a participle; ``the
    non-profit``: a noun read as an adjective."""
    return len(chunk) == 2 and (
        (chunk[0].lower in {"those", "these"} and chunk[1].tag in {"VBN", "VBD"})
        or (chunk[0].tag == "DT" and chunk[1].tag == "JJ" and "-" in chunk[1].text)
    )


def _paren_start(chunk: list[Token], k: int) -> int | None:
    """The index of the ``(`` that the ``)`` at ``k`` closes, after a name."""
    j = k - 1
    while j >= 0 and chunk[j].text != "(" and k - j < 10:
        j -= 1
    if j > 0 and chunk[j].text == "(" and chunk[j - 1].is_cap:
        return j
    return None


def _trim(chunk: list[Token]) -> list[Token]:
    """Adverbs off both edges (``Trump just``, ``Then he``, ``Her campaign workers here``), a
    time phrase off the end (``in 2009``, ``on Tuesday``)."""
    lead = {"then", "also", "so", "yet", "now", "even", "just", "still", "about", "among", "only"}
    while len(chunk) > 1 and (chunk[0].lower in lead or (chunk[0].tag in {"RB", "RBR", "RBS", "UH", "CC"} and not chunk[0].is_cap)):
        if chunk[0].lower in QUANTITY_MODIFIERS and (chunk[1].tag == "CD" or chunk[1].lower in SHARES):
            break  # ``About three in 10``, ``Nearly half of …``: the share's own modifier
        chunk = chunk[1:]
    while chunk and chunk[-1].text in {",", "-", "--", "—", "–"}:
        chunk = chunk[:-1]  # ``her personal lawyer, David E. Kendall,``
    while chunk and (chunk[-1].tag in {"RB", "RBR", "RBS"} or chunk[-1].lower in TRAILING) and not chunk[-1].is_cap:
        chunk = chunk[:-1]
    if len(chunk) > 2 and (chunk[-2].lower, chunk[-1].lower) in {("in", "particular"), ("in", "general"), ("at", "least")}:
        chunk = chunk[:-2]
    if len(chunk) > 2 and chunk[-2].lower in {"in", "on", "at", "since", "from"} and (
        (chunk[-1].tag == "CD" and chunk[-1].text.isdigit() and len(chunk[-1].text) == 4) or chunk[-1].lower in TIME_WORDS
    ):
        chunk = chunk[:-2]
    return chunk


def last_phrase(chunk: list[Token]) -> list[Token]:
    """The noun phrase that ends the chunk (a speaker before its cue), or [] when the chunk
    does not end in one."""
    chunk = _trim(chunk)
    if len(chunk) > 1 and chunk[-1].lower in {"'s", "’s"} and chunk[-2].lower in PRONOUNS:
        chunk = chunk[:-1]  # ``he's said``
    if not chunk:
        return []
    if len(chunk) > 1 and chunk[-1].lower in {"who", "whom"} and not _acronym(chunk[-1]):
        return last_phrase(chunk[:-1])  # ``people who say``: the relative's antecedent speaks
    if len(chunk) > 1 and chunk[-1].tag == "VBN" and chunk[-2].tag.startswith("NN") and not _two_word_group(chunk[-2:]):
        chunk = chunk[:-1]  # ``a Marquette Law School poll released (Tuesday) shows``
    if _two_word_group(chunk[-2:]) and (len(chunk) == 2 or not _inside(chunk[-3])):
        return chunk[-2:]
    if len(chunk) >= 2 and chunk[-2].tag == "DT" and chunk[-1].tag == "JJ" and "-" in chunk[-1].text:
        return chunk[-2:]  # ``The non-profit`` (read as an adjective)
    k = len(chunk) - 1
    if not _head(chunk[k]) and not (k >= 1 and chunk[k].tag == "JJ" and chunk[k - 1].tag == "POS"):
        return []  # (``The bank’s chief``, the noun read as an adjective)
    if chunk[k].tag == "PRP" or chunk[k].lower in PRONOUNS:
        return [chunk[k]]
    n = k
    if chunk[n].text == ")":
        p = _paren_start(chunk, n)
        if p is None:
            return []
        n = p - 1
    while n > 0:
        t = chunk[n - 1]
        before = chunk[n - 2] if n >= 2 else None
        nounish = before is not None and (before.tag.startswith("NN") or before.is_cap or before.tag == "CD" or before.lower in SHARES)
        common = before is not None and before.tag in {"NN", "NNS"} and (not before.is_cap or before.i == 0)
        if t.text == ")" and (p := _paren_start(chunk, n - 1)) is not None:
            n = p
            continue
        if t.text in DOUBLE_QUOTES:
            o = next((m for m in range(n - 2, max(-1, n - 10), -1) if chunk[m].text in DOUBLE_QUOTES), None)
            if o is not None and all(_inside(u) or u.lower in JOINERS | CLOSED for u in chunk[o + 1 : n - 1]):
                n = o  # a title in quotes: ``the "Medicare for All" study``
                continue
        if _inside(t) and t.tag != "PRP":
            n -= 1
        elif t.lower in JOINERS and nounish:
            n -= 1  # ``secretary of state``, ``Clinton and Trump``, ``one of the officials``
        elif t.lower == "in" and before is not None and before.tag == "CD" and chunk[n].tag == "CD":
            n -= 1  # ``three in 10``
        elif t.lower in QUANTITY_MODIFIERS and (chunk[n].tag == "CD" or chunk[n].lower in SHARES):
            n -= 1  # ``About three in 10``, ``Nearly half``
            break
        elif t.lower in POSTMODIFIER_LINKS and before is not None and before.lower in POSTMODIFIER_HEADS:
            n -= 2  # ``one Democrat familiar with the discussion``, ``people close to him``
        elif t.lower in PREPOSITIONS | {"to"} and before is not None and before.tag in {"VBN", "VBG"} and not before.is_cap \
                and n >= 3 and chunk[n - 3].tag.startswith("NN"):
            n -= 2  # a participle phrase on a noun: ``a statement released after the meeting``, ``voters going to the polls``
        elif t.lower in PREPOSITIONS and common:
            n -= 1  # a prepositional phrase on a common noun: ``voters in both parties``
        elif t.lower in PREPOSITIONS and before is not None and before.is_cap and before.tag.startswith("NN"):
            return last_phrase(chunk[: n - 1])  # a name, then an adjunct: ``Trump in his announcement speech``
        elif t.tag in {"VBN", "VBG"} and not t.is_cap and chunk[n].tag in NP_TAGS and (before is None or not _inside(before) or before.tag in {"DT", "PRP$"}):
            n -= 1  # ``the embattled senator`` (the participle opens, or a determiner comes before it)
            if n > 0 and chunk[n - 1].tag in {"DT", "PRP$"}:
                n -= 1
            break
        else:
            break
    phrase = chunk[n : k + 1]
    while phrase and (not _opens(phrase) or phrase[0].lower in JOINERS or phrase[0].tag in {"POS", "CC"}):
        phrase = phrase[1:]
    return _shorten(phrase)


def first_phrase(chunk: list[Token]) -> list[Token]:
    """The noun phrase that opens the chunk (a speaker after its cue: ``said Smith``), or []."""
    if not chunk:
        return []
    if _two_word_group(chunk[:2]):
        return chunk[:2]
    if len(chunk) > 1 and chunk[0].is_cap and chunk[0].lower in CLOSED and chunk[1].tag.startswith("NNP"):
        chunk = chunk[1:]  # ``said Will Doyle``: the surname is the nearest clean mention (``Will`` reads as a verb)
    if not _opening(chunk[0]):
        return []
    if chunk[0].tag == "PRP" or chunk[0].lower in PRONOUNS:
        return [chunk[0]]
    n = 1
    while n < len(chunk):
        t = chunk[n]
        if t.text == "(" and chunk[n - 1].is_cap:
            close = next((m for m in range(n + 1, min(len(chunk), n + 10)) if chunk[m].text == ")"), None)
            if close is None:
                break
            n = close + 1
            continue
        if t.text in DOUBLE_QUOTES:
            close = next((m for m in range(n + 1, min(len(chunk), n + 10)) if chunk[m].text in DOUBLE_QUOTES), None)
            if close is None:
                break
            n = close + 1
            continue
        if _inside(t) and t.tag != "PRP":
            n += 1
        elif t.lower in PREPOSITIONS and n + 1 < len(chunk) and (chunk[n - 1].tag in {"NN", "NNS"} or (
                chunk[n - 1].tag == "VBN" and n >= 2 and chunk[n - 2].tag.startswith("NN"))) and _inside(chunk[n + 1]):
            n += 1  # ``a count by The Associated Press``, ``a statement released after the meeting``
        elif t.tag == "VBN" and not t.is_cap and chunk[n - 1].tag in {"NN", "NNS"} and n + 1 < len(chunk) and chunk[n + 1].lower in PREPOSITIONS:
            n += 1  # the participle of ``a statement released after the meeting``
        elif t.lower in JOINERS and n + 1 < len(chunk) and (chunk[n - 1].tag.startswith("NN") or chunk[n - 1].is_cap or chunk[n - 1].tag == "CD") \
                and (_inside(chunk[n + 1]) and chunk[n + 1].tag != "PRP"):
            n += 1
        elif t.tag in {"VBN", "VBG"} and not t.is_cap and n + 1 < len(chunk) and chunk[n + 1].tag.startswith("NN") and chunk[n - 1].tag in {"DT", "PRP$"}:
            n += 1
        else:
            break
    phrase = chunk[:n]
    while phrase and not _head(phrase[-1]):
        phrase = phrase[:-1]
    while phrase and phrase[-1].lower in JOINERS | {"'s", "’s"}:
        phrase = phrase[:-1]
    return _shorten(phrase)


def _shorten(phrase: list[Token]) -> list[Token]:
    """A phrase of at most ``LONGEST`` words: past it, the first of two names joined by
    ``and`` (``Former Secretary of State Hillary Clinton and former Maryland Gov. Martin
    O'Malley``), else cut at the first ``of``/``for``/preposition after its head (the
    postmodifiers go); [] when even that is too long."""
    while phrase and not _head(phrase[-1]) and not (len(phrase) > 2 and phrase[-1].tag == "JJ" and phrase[-2].tag == "POS"):
        phrase = phrase[:-1]
    if words(phrase) <= LONGEST:
        return phrase
    for n, t in enumerate(phrase):
        if n and t.lower == "and" and phrase[n - 1].is_cap and n <= LONGEST:
            return _shorten(phrase[:n])
    cuts = [n for n, t in enumerate(phrase)
            if n and (t.lower in JOINERS - {"and", "&"} or t.lower in PREPOSITIONS or t.tag in {"VBN", "VBG"}) and words(phrase[:n]) <= LONGEST]
    for n in reversed(cuts):
        if (short := _shorten(phrase[:n])):
            return short
    return []


def clean_or_none(chunk: list[Token]) -> list[Token]:
    """The chunk when it is a clean noun phrase, else the one that ends it, else []: the last
    check on every speaker mention, whichever stage found it."""
    if is_clean(chunk):
        return chunk
    phrase = last_phrase(chunk)
    return phrase if is_clean(phrase) else []


def speaker_phrase(chunk: list[Token], right: bool = False) -> list[Token]:
    """The chunk if it is a clean noun phrase, else the one next to the cue in it (the last
    before a cue, the first after one), else []."""
    phrase = first_phrase(chunk) if right else last_phrase(chunk)
    return phrase if is_clean(phrase) else []
