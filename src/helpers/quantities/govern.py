"""What governs a figure: the noun it counts and that noun's predicate (issue 24).

A figure's measure and category come from structure, not from the sentence's vocabulary
(``data/reference/measures.csv``, per measure: its ``role`` and what it ``counts``):

- **noun**: the counted noun is the measure (``N deaths``, ``N refugees``, ``N troops``);
- **predicate**: a verb of the counted noun, after it (``N people were killed``, ``N
  civilians have been forced to flee``, ``N dead``) or before the figure (``killed N
  civilians``, ``evacuate N residents``); the counted must be of the class the row
  ``counts`` (``data/reference/counted_nouns.csv``: people for casualties and the displaced,
  settlements, regions) or, for a unit, its dimension (length, area);
- **total**: a noun the figure is the total of (``the death toll stood at N``, ``the number
  of injured stands at N``, ``an evacuation of N people``, ``among the dead are N``);
- **whole**: a share is territorial only when its whole is land (``60% of the Donetsk
  region``, ``a fifth of Ukraine``), a place of the gazetteer or a land noun.

A casualty predicate wins over a military noun (``1,351 soldiers had been killed`` is a
casualty); ``N of them`` and ``including N`` take the category of the figure before them.
The evidence, the governing words as written, is kept with the figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import resources

MISSION = ("casualty", "displacement", "territorial")


@dataclass(frozen=True)
class Governed:
    measure: str
    category: str
    evidence: str


@lru_cache(maxsize=1)
def _rows() -> tuple[dict, ...]:
    out = []
    for row in resources.rows("measures.csv"):
        forms = tuple(sorted((f.strip().lower() for f in row["forms"].split("|") if f.strip()), key=len, reverse=True))
        needs = frozenset(f.strip().lower() for f in row.get("needs", "").split("|") if f.strip())
        out.append({"measure": row["measure"], "category": row["category"], "role": row["role"], "forms": forms,
                    "counts": row["counts"], "needs": needs})
    return tuple(out)


@lru_cache(maxsize=1)
def counted_classes() -> dict[str, frozenset[str]]:
    return {r["class"]: frozenset(f.strip().lower() for f in r["forms"].split("|") if f.strip())
            for r in resources.rows("counted_nouns.csv")}


_PEOPLE_SUFFIX = re.compile(r"(?:ians|ans|ese|is|ers|ors|ists|ees|ents|ren)\Z")


def counts_people(noun: str | None) -> bool:
    """A noun that counts people (``civilians``, ``Gazans``, ``protesters``); None (a bare
    number, ``killed 14``) is taken as people where a predicate of people governs it."""
    if noun is None:
        return True
    n = noun.lower()
    return n in counted_classes()["people"] or (len(n) > 4 and _PEOPLE_SUFFIX.search(n) is not None
                                                 and n not in _NOT_PEOPLE)


#: plurals with a people-like ending that count things
_NOT_PEOPLE = frozenset({"orders", "numbers", "letters", "papers", "computers", "containers", "centers", "centres",
                         "members'", "offers", "borders", "chambers", "towers", "rivers", "waters", "matters",
                         "dollars", "colors", "errors", "sectors", "factors", "doctors'", "flowers", "layers",
                         "posters", "rumors", "voters'", "points", "percents", "events", "agents'", "cents",
                         "documents", "comments", "moments", "elements", "governments", "departments",
                         "apartments", "parliaments", "tournaments", "segments", "statements", "payments",
                         "investments", "agreements", "amendments", "incidents", "accidents", "regiments",
                         "shipments", "deployments", "engagements", "settlements", "treatments", "arguments",
                         "governments'", "contents", "ingredients", "components", "instruments", "parents'",
                         "thesis", "crisis", "analysis", "basis", "axis", "minis", "tennis", "kilos", "kilometers",
                         "meters", "liters", "litres", "metres", "kilometres", "miles", "hours", "years"})


def _forms(role: str) -> list[tuple[str, dict]]:
    """(form, row) of a role, longest form first."""
    pairs = [(f, r) for r in _rows() if r["role"] == role for f in r["forms"]]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


@lru_cache(maxsize=None)
def _alternation(role: str, category: str | None = None) -> str:
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f, r in _forms(role) if category is None or r["category"] == category)


def _row_for(role: str, form: str, words: frozenset[str], want=None) -> dict | None:
    form = re.sub(r"\s+", " ", form.lower())
    for f, r in _forms(role):
        if f == form and (not r["needs"] or r["needs"] & words) and (want is None or want(r)):
            return r
    return None


WORD = re.compile(r"[A-Za-z][A-Za-z’'\-]*")

# after the figure: its noun phrase (up to three words, a prepositional phrase, an aside between commas),
# then a verb group ending in a predicate
_W = r"(?!(?:and|or|but|while|as|when|whereas|since|after|before|then|than|to)\b)[\w’'\-]+"
_MODS = rf"(?:(?:of\s+)?(?:the\s+)?(?:{_W}(?:\s+|(?=,))){{0,3}}?)"
_PP = rf"(?:(?:in|from|across|of|at|near|on)\s+(?:the\s+)?{_W}(?:\s+{_W}){{0,2}}?\s*)?"
_ASIDE = r"(?:,[^,;:.]{1,80},\s*)?"
_AUX = (r"(?:(?:who|that|which|have|has|had|were|was|are|is|been|being|be|reportedly|also|now|already|still|later|"
        r"allegedly|all|since|estimated\s+to\s+be|believed\s+to\s+have|said\s+to\s+have|thought\s+to\s+have|"
        r"feared|confirmed|reported|forced\s+to|made\s+to|ordered\s+to|had\s+to|left|[a-z]+ly)\s+){0,4}")


@lru_cache(maxsize=1)
def _after_pattern() -> re.Pattern:
    """A predicate after the counted noun; ``passive`` forms govern only from here (``N people
    were hurt``, but ``hurt millions of Americans`` is no injury)."""
    forms = sorted((f for f, _ in _forms("predicate") + _forms("passive")), key=len, reverse=True)
    alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(rf"\s*{_MODS}{_PP}{_ASIDE}{_AUX}(?P<p>{alternation})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _before_pattern() -> re.Pattern:
    # "killed", "shot dead", "forced", "evacuate", "wounded 25 more": the predicate right before the figure
    return re.compile(rf"\b(?P<p>{_alternation('predicate')})\s+(?:(?:an\s+estimated|some|another|a\s+further|a\s+total\s+of)\s+)?\Z",
                      re.IGNORECASE)


_AMONG = re.compile(r"\bamong\s+(?P<p>the\s+(?:dead|killed|wounded|injured|displaced|evacuated|victims))\s+(?:are|were|was|is)\s+\Z", re.IGNORECASE)
_AMONG_AFTER = re.compile(r"\s*(?:[\w’'\-]+\s+){0,3}?(?:are|were|was|is)\s+among\s+(?P<p>the\s+(?:dead|killed|wounded|injured|displaced|evacuated))\b",
                          re.IGNORECASE)
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|whom)\b|\A", re.IGNORECASE)
_INCLUDING = re.compile(r"\b(?:including|among\s+them|of\s+whom)\s+\Z", re.IGNORECASE)
_FORCED = re.compile(r"\b(?P<p>forced|forcing|forces|force)\s+\Z", re.IGNORECASE)
_FORCED_AFTER = re.compile(r"\s*(?:[\w’'\-]+\s+){0,3}?(?:to\s+(?:flee|leave|evacuate)|from\s+(?:their|his|her)\s+homes?)\b", re.IGNORECASE)
_WHOLE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|[A-Z][\w’'\-]+[’']s\s+)?(?P<w>[\w’'\-]+(?:\s+[\w’'\-]+){0,2})")
_STOP = frozenset({"and", "or", "of", "with", "in", "on", "at", "by", "for", "to", "from", "that", "which", "who", "is",
                   "was", "are", "were", "has", "have", "had", "as", "but", "still", "under", "since", "after", "before"})
_GAZ_PLACE = ("place",)


@lru_cache(maxsize=1)
def _total_before() -> re.Pattern:
    return re.compile(rf"\b(?P<p>{_alternation('total')})\b[^,;:.()]{{0,60}}?\b(?:reached|rose\s+to|risen\s+to|stood\s+at|stands\s+at|"
                      rf"climbed\s+to|increased\s+to|increases?\s+[^,;]{{0,40}}?\s+to|jumped\s+to|hit|topped|exceeded|passed|is|was|"
                      rf"at|to|of)\s+(?:(?:an\s+estimated|some|a\s+total\s+of)\s+)?\Z", re.IGNORECASE)


_NOMINAL_BEFORE = re.compile(r"\b(?P<p>evacuation|evacuations|deaths|killing|killings|displacement|expulsion|deportation|death)\s+of\s+\Z",
                             re.IGNORECASE)
_NOMINAL_ROWS = {"evacuation": ("displaced", "displacement"), "evacuations": ("displaced", "displacement"),
                 "displacement": ("displaced", "displacement"), "expulsion": ("displaced", "displacement"),
                 "deportation": ("displaced", "displacement"), "deaths": ("killed", "casualty"),
                 "death": ("killed", "casualty"), "killing": ("killed", "casualty"), "killings": ("killed", "casualty")}


@lru_cache(maxsize=8)
def _words(sent: str) -> frozenset[str]:
    """The lowercased words of ``sent``, read once per sentence, not once per figure in it (a
    sentence's figures are governed one after the other, and a string's hash is kept, so the
    lookup costs nothing once the sentence is read)."""
    return frozenset(w.group().lower() for w in WORD.finditer(sent))


def govern(sent: str, start: int, end: int, noun: str | None, unit: str | None, kind: str,
           previous: Governed | None = None, ends=None) -> Governed | None:
    """The measure, category and evidence of the figure at ``start``..``end`` of ``sent``
    (``start`` at its approximator, if any), from its counted ``noun``, ``unit`` and ``kind``;
    ``previous``: what governed the figure before it in the sentence (for ``N of them``).
    None when nothing governs it in the mission's or the military categories."""
    from .recognize import ends_at

    words = _words(sent)
    if kind in ("money", "multiplier", "duration", "age"):
        return None
    if kind in ("share", "percent") or unit in ("share", "%"):
        return _share(sent, start, end, words, previous, ends_at)
    if kind in ("length", "area"):
        return _land_measure(sent, start, end, kind, words, ends_at)
    if unit is not None:
        return None
    # a count
    noun_l = noun.lower() if noun else None
    if noun_l and (row := _row_for("noun", noun_l, words)) is not None and row["category"] == "casualty":
        return Governed(row["measure"], row["category"], noun)  # "N deaths", "N wounded"
    if (m := _CASUALTY_MODIFIER.match(sent, end)) and counts_people(m.group("n").lower()):
        row = _row_for("noun", m.group("m"), words)
        return Governed(row["measure"], row["category"], m.group().strip())  # "evacuate 5,000 injured people": the injured
    if previous is not None and (ends_at(_INCLUDING, sent, start) or _OF_THEM.match(sent, end) and _OF_THEM.match(sent, end).end() > end):
        return Governed(previous.measure, previous.category, previous.evidence)  # "11 civilians, seven of them"
    pred = _predicate(sent, start, end, noun_l, words, ends_at)
    if pred is not None:
        return pred
    if noun_l:
        row = _row_for("noun", noun_l, words)
        if row is not None:
            return Governed(row["measure"], row["category"], noun)
    for pattern in (_AMONG,):
        if (m := ends_at(pattern, sent, start)):
            return _from_total_word(m.group("p"))
    if (m := _AMONG_AFTER.match(sent, end)):
        return _from_total_word(m.group("p"))
    if counts_people(noun_l):
        if (m := ends_at(_total_before(), sent, start)):
            row = _row_for("total", m.group("p"), words)
            if row is not None:
                return Governed(row["measure"], row["category"], m.group())
        if (m := ends_at(_NOMINAL_BEFORE, sent, start)):
            meas, cat = _NOMINAL_ROWS[m.group("p").lower()]
            return Governed(meas, cat, m.group().strip())
    return None


def _from_total_word(p: str) -> Governed:
    w = p.lower().split()[-1]
    if w in ("dead", "killed", "victims"):
        return Governed("killed", "casualty", p)
    if w in ("wounded", "injured"):
        return Governed("wounded", "casualty", p)
    return Governed("displaced", "displacement", p)


def _predicate(sent, start, end, noun_l, words, ends_at) -> Governed | None:
    """A predicate of the counted noun, after it or before the figure, of the class it counts."""
    candidates = []
    if (m := ends_at(_before_pattern(), sent, start)):
        candidates.append((m.group("p"), sent[m.start():start].strip(), ("predicate",)))
    if (m := _after_pattern().match(sent, end)):
        candidates.append((m.group("p"), sent[end:m.end()].strip(), ("predicate", "passive")))
    if (m := ends_at(_FORCED, sent, start)) and (a := _FORCED_AFTER.match(sent, end)):
        candidates.append(("forced to flee", sent[m.start():a.end()], ("predicate",)))
    for form, evidence, roles in candidates:
        for f, row in [pair for role in roles for pair in _forms(role)]:
            if f != re.sub(r"\s+", " ", form.lower()) or (row["needs"] and not row["needs"] & words):
                continue
            if _may_count(row["counts"], noun_l):
                # a casualty predicate of soldiers is a casualty; a military noun without one stays military
                return Governed(row["measure"], row["category"], evidence)
    return None


def _may_count(counts: str, noun_l: str | None) -> bool:
    if counts == "people":
        return counts_people(noun_l)
    if counts in ("settlements", "regions"):
        return noun_l is not None and noun_l in counted_classes()[counts]
    return False


def _share(sent, start, end, words, previous, ends_at) -> Governed | None:
    """A share is territorial only when its whole is land; of a population it takes the
    predicate after it (``85 per cent of the population … displaced``)."""
    m = _WHOLE.match(sent, end)
    if m is None:
        return None
    whole_words = []
    for w in m.group("w").split():
        if w.lower() in _STOP:
            break
        whole_words.append(w)
    if not whole_words:
        return None
    whole = " ".join(whole_words)
    lower = [w.lower().strip("’'") for w in whole_words]
    gaz = resources.gazetteer()
    land = counted_classes()["land"]
    # the whole's head decides: "of Ukraine", "of the Donetsk region" are land; "of the US population" is not
    head = lower[-1]
    place = whole_words[-1][:1].isupper() and (gaz.get(whole.lower()) == "place" or gaz.get(head.removesuffix("’s").removesuffix("'s")) == "place")
    if (place or head in land) and (pred := _territorial_predicate(sent, start, m.end())):
        return Governed("controlled share", "territorial", f"{pred} … " + sent[m.start():m.start("w") + len(whole)].strip())
    if lower[-1] in ("population", "people", "residents", "inhabitants", "civilians"):
        pred = _after_pattern().match(sent, _COMMA.match(sent, m.start("w") + len(whole)).end())
        if pred is not None:
            row = _row_for("predicate", pred.group("p"), words, want=lambda r: r["counts"] == "people")
            if row is not None:
                return Governed(row["measure"], row["category"], "of " + whole + " " + sent[m.end():pred.end()].strip())
    return None


def _clause(sent: str, start: int, end: int) -> tuple[int, int]:
    lo = max(sent.rfind(c, 0, start) for c in ",;:—(") + 1
    hi_candidates = [i for i in (sent.find(c, end) for c in ",;:—)") if i >= 0]
    return lo, (min(hi_candidates) if hi_candidates else len(sent))


def _territorial_predicate(sent: str, start: int, end: int) -> str | None:
    """A verb of taking or holding land in the figure's clause, or just before it (``Russia
    controls about a fifth of Ukraine``, ``which have taken about a fifth``, ``still under the
    control of``)."""
    lo, hi = _clause(sent, start, end)
    lo = max(0, min(lo, start - 80)) if lo == start else lo
    text = sent[lo:start] + " " + sent[end:hi]
    for f, row in _forms("predicate"):
        if row["category"] == "territorial" and row["measure"] in ("controlled area", "advanced", "captured settlements"):
            if (m := re.search(r"\b" + re.escape(f).replace("\\ ", r"\s+") + r"\b", text, re.IGNORECASE)):
                return m.group()
    return None


#: a length or area right after a verb of advancing or taking ("advanced by about 9-10km", "captured 634 km²"),
#: or after a noun of advancing and its verb ("the push reached 10 km", "an advance of 5 km")
_LAND_BEFORE_NOUN = re.compile(r"\b(?P<p>push|advance|advances|offensive|gains|gain|breakthrough|incursion|penetration)\s+"
                               r"(?:(?:has|had|have|was|were|is)\s+)?(?:reached|extended|covered|totalled|totaled|of|to|amounted\s+to)\s+"
                               r"(?:(?:some|about|nearly|almost|around|more\s+than|up\s+to|as\s+far\s+as)\s+)?\Z", re.IGNORECASE)
_LAND_AFTER = re.compile(r"\s+(?:(?:of|in)\s+)?(?:(?:territory|land|ground)\s+)?(?:(?:had|has|have|were|was|been|being)\s+){0,2}"
                         r"(?P<p>captured|seized|taken|retaken|liberated|gained|lost|occupied|advance|advances|gains|incursion)\b", re.IGNORECASE)
_LAND_VERB_BEFORE = re.compile(r"\b(?P<p>advanced|advance|advancing|pushed|push|pushing|moved|penetrated|gained|captured|seized|took|taken|taking|"
                               r"retook|recaptured|liberated|retaken|lost|controls|control|controlled|occupies|occupied|holds|held)\s+"
                               r"(?:(?:by|some|about|nearly|almost|around|more\s+than|up\s+to|another|over|roughly|deeper|further|"
                               r"forward|a\s+further|an\s+additional|a\s+total\s+of|of)\s+){0,3}\Z", re.IGNORECASE)


def _land_measure(sent, start, end, kind, words, ends_at) -> Governed | None:
    """A length or an area is territorial when a verb of advancing, taking or holding governs
    it (``advanced by about 9-10km``, ``captured 634 square kilometres``, ``the Russian push
    reached 10 km``); a ``1000km front`` or a county's ``1,266 square miles`` is not."""
    for m in (ends_at(_LAND_VERB_BEFORE, sent, start), ends_at(_LAND_BEFORE_NOUN, sent, start), _LAND_AFTER.match(sent, end)):
        if m is None:
            continue
        verb = m.group("p").lower()
        if verb in ("controls", "control", "controlled", "occupies", "occupied", "holds", "held"):
            if kind == "area":
                return Governed("controlled area", "territorial", m.group().strip())
            continue  # "holds a 1000km front" is no land held
        return Governed("advanced", "territorial", m.group().strip())
    return None


_COMMA = re.compile(r"\s*,?")
_CASUALTY_MODIFIER = re.compile(r"\s+(?P<m>injured|wounded|dead)\s+(?P<n>[a-z]+)\b", re.IGNORECASE)


def casualty_or_displacement_after(sent: str, end: int) -> bool:
    """A casualty or displacement predicate governs what ends at ``end`` from after it (``two
    died``, ``one civilian killed``, ``seven of them``)."""
    m = _after_pattern().match(sent, end)
    if m is None:
        return False
    row = _row_for("predicate", m.group("p"), frozenset(), want=lambda r: r["counts"] == "people") \
        or _row_for("passive", m.group("p"), frozenset(), want=lambda r: r["counts"] == "people")
    return row is not None and row["category"] in ("casualty", "displacement")
