"""What a reader sees of a statement's speaker, judged against the gold: the strict
attribution metric and the gold-side speech-verb subset.

**Strict attribution.** A matched statement's *shown* speaker (the prediction's ``speaker``,
what a table or chart prints) is right when

1. its words equal the gold source's once determiners, titles before a name (``Sen.``,
   ``President``), a possessive ``'s`` and single-letter initials are dropped (``The
   Post`` = ``Post``, ``President Obama`` = ``Obama``, ``Donald J. Trump`` = ``Donald
   Trump``); or
2. it is a clean name (capitalised words, no function word, no digit or ``#``, at most six
   words) of the entity the gold source refers to: the same words as one of that entity's
   names, or its surname alone, or a longer form of it that the article itself writes
   (``Trump`` for ``Donald Trump``; ``Donald Trump`` for ``Mr. Trump`` when the article names
   one Trump only).

A prediction that merely contains the gold name (``Hillary Clinton in a new video where
she``) is wrong, and so is a name with words in front that are not a name (``Struggling
Donald Trump``).

PolNeAR marks a source as a span and marks no coreference, so the entity a gold source
refers to is found here, from the gold annotations and the text alone (never from the
extractor's output):

- a source that is a name phrase (``Republican vice-presidential nominee Mike Pence``,
  ``Secretary of State John Kerry``) refers to the name that ends it, before any comma,
  parenthesis or relative pronoun; a name after ``for``/``of``/``at`` a lowercase noun is
  not the head (``a spokesman for the Clinton Foundation`` is a description);
- ``I``, ``we``, ``me``, ``my``, ``our`` inside another gold statement's content refer to
  that statement's source (resolved the same way);
- ``who``/``which``/``that`` refer to the name just before them (``Trump, who``);
- ``he``/``she`` (and ``his``/``her``/``him``) refer to the nearest earlier gold source that
  is a name whose title does not contradict the pronoun (``Mrs.``/``Ms.`` is not ``he``);
- a definite description (``the president``, ``the Republican nominee``) refers to the
  nearest earlier name the article writes with those words as its title or appositive
  (``President Obama``, ``Donald Trump, the Republican nominee``);
- anything else (``sources``, ``a campaign operative``, ``they``) has no name here, and
  only rule 1 can make the shown speaker right.

A surname shared by two or more people the article names in full (``Bill Clinton`` and
``Hillary Clinton``) is expanded to the full name the article writes most often, unless the
gold source carries a gendered title (``Mrs. Trump``): then only the surname itself counts,
because nothing here can tell which full name the title picks. The metric therefore errs on
the strict side; it never credits a shown speaker the gold does not support.

**Speech subset.** ``speech_recall`` is the recall on gold statements whose gold cue holds
a verb of saying from ``SPEECH_VERBS`` (below), a fixed list kept here: changing the
extractor's cue lexicon cannot move the denominator.
"""

from __future__ import annotations

import re
from collections import Counter

#: Verbs of saying, after Levin (1993, *English Verb Classes and Alternations*) class 37.7
#: ("say" verbs) with the tell (37.2), ask, reply and writing verbs news reports use to
#: attribute words; a gold cue is a speech cue when one of its words is a form of one of
#: these (regular inflections -s, -ed, -ing; irregular forms listed), or it is ``according
#: to``. Verbs of belief, intention, finding or showing (``believe``, ``want``, ``found``,
#: ``shows``) are not here. Fixed: the extractor's ``cues.csv`` is never read for this.
SPEECH_VERBS = (
    "say", "tell", "add", "state", "announce", "explain", "note", "ask", "reply", "respond", "answer",
    "declare", "claim", "insist", "argue", "write", "tweet", "post", "testify", "recall", "warn", "urge",
    "acknowledge", "admit", "deny", "confirm", "comment", "remark", "report", "mention", "reveal",
    "disclose", "observe", "proclaim", "reiterate", "repeat", "stress", "emphasize", "assert", "contend",
    "complain", "concede", "predict", "promise", "pledge", "vow", "boast", "joke", "quip", "shout",
    "chant", "scream", "yell", "whisper", "email", "text", "blog", "suggest", "propose", "describe",
)
_IRREGULAR = {"said": "say", "told": "tell", "wrote": "write", "written": "write", "writes": "write",
              "replied": "reply", "replies": "reply", "denied": "deny", "denies": "deny",
              "testified": "testify", "testifies": "testify", "proclaimed": "proclaim"}


def _speech_forms() -> frozenset[str]:
    forms = set(_IRREGULAR)
    for v in SPEECH_VERBS:
        stem = v[:-1] if v.endswith("e") else v
        forms |= {v, v + "s", stem + "ed", stem + "ing"}
        if v.endswith(("sh", "ch", "s", "x")):
            forms.add(v + "es")
    return frozenset(forms)


SPEECH_FORMS = _speech_forms()


def speech_cue(cue) -> bool:
    """A gold cue with a verb of saying (``said``, ``has said``, ``told reporters``,
    ``according to``); ``believes``, ``found`` and ``shows`` are not."""
    words = re.findall(r"[a-z]+", str(cue or "").lower())
    return any(w in SPEECH_FORMS for w in words) or "according to" in " ".join(words)


# ---------------------------------------------------------------- words of a speaker phrase

DETERMINERS = frozenset("the a an this that these those".split())
#: Titles and roles dropped when a name follows them (``Sen. Ted Cruz`` = ``Ted Cruz``).
TITLES = frozenset("""mr mrs ms miss dr prof sir dame lord lady rev reverend sen senator rep representative
congressman congresswoman gov governor president vice presidential secretary minister prime chancellor
gen general lt col colonel adm admiral maj major sgt capt captain judge justice mayor ambassador
attorney former candidate nominee republican democratic democrat chairman chairwoman chair speaker leader
pope king queen prince princess sheikh""".split())
_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f", "lord": "m", "lady": "f",
           "congressman": "m", "congresswoman": "f", "king": "m", "queen": "f", "prince": "m", "princess": "f"}
#: Words that cannot be part of a name (a name with any of them is a phrase, not a name).
FUNCTION_WORDS = frozenset("""of in on at to for from by with about as into over under after before where when
while who whom whose which that what why how and or but nor so if than then there here is are was were be been
being has have had do does did will would can could should may might must not no its it he she they we i you
his her their our my your him them us me this these those a an the also new latest said says told published
tracking poll""".split())
_NAME_PARTICLES = frozenset("de del della di da van von der den la le du al bin ibn el st".split())
PRONOUNS_FIRST = frozenset("i we me my our us".split())
PRONOUNS_THIRD = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f"}
RELATIVES = frozenset("who which that".split())

_WORD = re.compile(r"[^\W_][\w'’.-]*")


def _tokens(phrase) -> list[str]:
    return [w.rstrip(".").replace("’", "'") for w in _WORD.findall(str(phrase or ""))]


def speaker_words(phrase) -> tuple[str, ...]:
    """A speaker phrase's words, lowercase, with leading determiners, the titles before a
    name, a possessive ``'s`` and middle initials dropped (``the Rev. Peter Wherry`` ->
    ``peter wherry``; ``the president`` -> ``president``)."""
    toks = [t for t in _tokens(re.sub(r"\s+#\d+\s*$", "", str(phrase or ""))) if re.sub(r"'s?$", "", t)]
    words = [re.sub(r"'s?$", "", t.lower()) for t in toks]
    k = 0
    while k < len(words) and words[k] in DETERMINERS:
        k += 1
    j = k
    while j < len(words) and words[j] in TITLES:
        j += 1
    if j > k and j < len(words) and toks[j][:1].isupper():
        k = j
    out = [w for n, w in enumerate(words[k:], k)
           if not (len(w) == 1 and toks[n][:1].isupper() and k < n < len(words) - 1)]
    return tuple(out)


def _gender(phrase) -> str | None:
    for t in _tokens(phrase):
        if t.lower() in _GENDER:
            return _GENDER[t.lower()]
    return None


def is_clean_name(phrase) -> bool:
    """A name a reader can print: capitalised words (or name particles), no function word,
    no digit or ``#``, one to six words."""
    s = re.sub(r"^(?:The|the)\s+", "", str(phrase or "").strip())
    toks = _tokens(s)
    if not toks or len(toks) > 6 or re.search(r"[\d#,;:()]", s):
        return False
    for t in toks:
        low = t.lower()
        if low in FUNCTION_WORDS:
            return False
        if not (t[:1].isupper() or low in _NAME_PARTICLES):
            return False
    return True


# ---------------------------------------------------------------- the gold side: what a source refers to

_CAP_RUN = re.compile(r"(?:[A-Z][\w'’.-]*(?:\s+|$))+")


def _head_part(phrase: str) -> str:
    """The phrase before a comma, parenthesis, dash or relative pronoun."""
    return re.split(r",|\(|\s[—–-]\s|\s(?:who|which|that|whose)\s", phrase, maxsplit=1)[0].strip()


def name_of_phrase(phrase) -> str | None:
    """The name that ends a source phrase's head (``Republican vice-presidential nominee Mike
    Pence`` -> ``Mike Pence``; ``Dan McLaughlin at the National Review`` -> ``Dan
    McLaughlin``; ``The state's chairman, Phil Lovas,`` -> ``Phil Lovas``), or None for a
    pronoun, a description or two people joined by ``and``."""
    phrase = str(phrase or "")
    head = _head_part(phrase)
    if re.search(r"\s(?:and|or|&)\s", head):
        return None
    name = _head_name(head)
    if name is None and "," in phrase:
        appositive = _head_part(phrase.split(",", 1)[1])
        if not re.search(r"\s(?:and|or|&)\s", appositive) and is_clean_name(appositive):
            name = _head_name(appositive)
    return name


def _head_name(head: str) -> str | None:
    toks = head.split()
    for k in range(1, len(toks)):
        if toks[k] in ("at", "of", "for", "from", "with", "in") and toks[k - 1][:1].isupper() \
                and toks[k - 1].lower().rstrip(".") not in TITLES:
            toks = toks[:k]  # Dan McLaughlin at the National Review: the name comes first
            break
    if not toks or not toks[-1][:1].isupper():
        return None
    k = len(toks)
    while k > 0 and (toks[k - 1][:1].isupper() or toks[k - 1].lower() in _NAME_PARTICLES and k < len(toks)):
        k -= 1
    run = toks[k:]
    before = toks[:k]
    if before and before[-1].lower() in DETERMINERS:
        before = before[:-1]
    if before and before[-1] in ("for", "of", "at", "from", "with") and len(before) > 1 and before[-2][:1].islower():
        return None  # a spokesman for the Clinton Foundation: a description
    while run and run[0].lower().rstrip(".") in FUNCTION_WORDS | DETERMINERS:
        run = run[1:]
    name = " ".join(run)
    return name if speaker_words(name) else None


def _definite_description(phrase: str) -> tuple[str, ...] | None:
    toks = [t.lower() for t in _tokens(phrase)]
    if len(toks) >= 2 and toks[0] == "the" and not any(t[:1].isupper() for t in _tokens(phrase)[-1:]):
        return tuple(toks[1:])
    return None


def _described_name(text: str, before: int, desc: tuple[str, ...]) -> str | None:
    """The nearest name before offset ``before`` that the text writes with the description's
    words as its title (``President Obama``) or appositive (``Trump, the Republican nominee``)."""
    words = "(?i:" + r"\W+".join(map(re.escape, desc)) + ")"
    name = r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)"
    found = []
    for m in re.finditer(rf"\b{words}\s+{name}", text[:before]):
        found.append((m.start(), m.group(1)))
    for m in re.finditer(rf"{name},\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}?{words}\b", text[:before]):
        found.append((m.start(), m.group(1)))
    good = [(p, n) for p, n in found if all(t[:1].isupper() for t in n.split()) and is_clean_name(n)]
    return max(good)[1] if good else None


def _name_before(text: str, at: int) -> str | None:
    m = re.search(r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)\s*,?\s*$", text[max(0, at - 80):at])
    return name_of_phrase(m.group(1)) if m else None


def gold_entities(gold: list, texts: dict | None) -> dict[int, tuple[str | None, str | None]]:
    """For each gold statement (by index), the name its source refers to and the gender its
    words or title give, resolved from the gold annotations and the text (see the module)."""
    texts = texts or {}
    order = sorted(range(len(gold)), key=lambda k: (gold[k].doc, _src_start(gold[k])))
    out: dict[int, tuple[str | None, str | None]] = {}
    for k in order:
        g = gold[k]
        phrase = str(g.get("speaker") or "")
        name = name_of_phrase(phrase)
        low = phrase.strip().lower()
        gender = _gender(phrase)
        if name is None and low in PRONOUNS_FIRST:
            pass  # after the others: the speaker of the statement that quotes it
        elif name is None and low in RELATIVES and g.get("source_start") is not None:
            name = _name_before(texts.get(g.doc, ""), g.get("source_start"))
        elif name is None and low in PRONOUNS_THIRD:
            gender = PRONOUNS_THIRD[low]
            for j in reversed(order[: order.index(k)]):
                if gold[j].doc != g.doc:
                    break
                cand, cand_gender = out.get(j, (None, None))
                if cand and cand_gender in (None, gender):
                    name = cand
                    break
        elif name is None and (desc := _definite_description(phrase)) and g.get("source_start") is not None:
            name = _described_name(texts.get(g.doc, ""), g.get("source_start"), desc)
        out[k] = (name, gender)
    for k in order:
        if out[k][0] is None and str(gold[k].get("speaker") or "").strip().lower() in PRONOUNS_FIRST:
            outer = _containing(gold, k)
            if outer is not None:
                out[k] = out[outer]
    return out


def _src_start(g) -> int:
    s = g.get("source_start")
    return s if s is not None else (g.start or 0)


def _containing(gold: list, k: int) -> int | None:
    g = gold[k]
    s = g.get("source_start")
    if s is None:
        return None
    inside = [j for j, o in enumerate(gold) if j != k and o.doc == g.doc and o.start is not None and o.start <= s < o.end]
    return min(inside, key=lambda j: gold[j].end - gold[j].start) if inside else None


# ---------------------------------------------------------------- the judgement


def full_names(text: str, surname: str) -> Counter:
    """The article's multi-word names ending in ``surname``, titles and initials dropped,
    counted (``Hillary Rodham Clinton`` counts as ``hillary clinton``)."""
    counts: Counter = Counter()
    for m in re.finditer(rf"((?:[A-Z][\w'’-]*(?:(?<=\b[A-Z])\.|(?<=\b(?:Mr|Ms|Dr|Jr|Sr))\.|(?<=\bMrs)\.)? ){{1,3}}){re.escape(surname)}\b",
                         text or ""):
        words = [re.sub(r"'s?$", "", t.lower()) for t in _tokens(m.group(1))]
        last_title = max((k for k, w in enumerate(words) if w in TITLES | FUNCTION_WORDS | DETERMINERS), default=-1)
        words = [w for w in words[last_title + 1:] if len(w) > 1]
        if not words:
            continue
        if re.search(rf"\b{re.escape(words[0])}\b", text or "") is None:  # not a word written lowercase
            counts[(words[0], surname.lower())] += 1
    return counts


def _titled_genders(text: str, surname: str) -> set[str]:
    """The genders of the titles the article writes before ``surname`` (``Mr. Trump``)."""
    found = re.findall(rf"\b(Mr|Mrs|Ms|Miss)\.?\s+{re.escape(surname)}\b", text or "")
    return {_GENDER[t.lower()] for t in found}


def names_entity(shown: tuple[str, ...], name: str, gender: str | None, text: str) -> bool:
    """Whether a clean shown name (its ``speaker_words``) names the entity called ``name``."""
    ref = speaker_words(name)
    if not ref or not shown:
        return False
    if shown == ref or shown == ref[-1:]:
        return True
    if len(shown) > len(ref) and shown[-len(ref):] == ref and len(ref) == 1:
        # a longer form of a surname: only one the article writes, and one person of that surname
        surname = _tokens(name)[-1]
        people = full_names(text, surname)
        if (shown[0], shown[-1]) not in people or len(shown) > 3:
            return False
        if len(people) == 1:
            return True
        (top, n1), (_, n2) = people.most_common(2)
        if top != (shown[0], shown[-1]):
            return False
        if gender is None:
            return n1 > n2
        # a gendered title or pronoun: the article titles that surname with one gender only,
        # and one full name of it is written at least twice as often as any other
        return _titled_genders(text, surname) <= {gender} and n1 >= 2 * n2
    if len(ref) > len(shown) and ref[-len(shown):] == shown:
        return True  # the surname, or the name without a first name the gold gives
    return len(shown) >= 2 and len(ref) >= 2 and (shown[0], shown[-1]) == (ref[0], ref[-1])


def shown_speaker_right(shown, gold_phrase, entity: tuple[str | None, str | None], text: str) -> bool:
    """Rule 1 or rule 2 of the module's strict attribution."""
    if shown is None and gold_phrase is None:
        return True  # no source in the text, and none shown
    name, gender = entity
    shown_gender = _gender(shown)
    if shown_gender and gender and shown_gender != gender:
        return False  # Mr. Lee is not Mrs. Lee
    words = speaker_words(shown)
    if words and words == speaker_words(gold_phrase):
        return True
    if not name or not is_clean_name(shown):
        return False
    return names_entity(words, name, gender, text)
