"""Stage 4: speakers resolved to canonical entities, in reading order.

Each mention is typed (person / organization / anonymous / collective / document) and resolved:
registry aliases (``data/reference/speakers.csv``), a surname back to the full name, role
titles stripped (``French President``), ``he``/``she`` to the most recent compatible speaker
(registry gender or honorific when known), ``they``/``it`` to the most recent group or body,
a definite description (``the official``) to the most recent anonymous source with the same
head noun or a person with that role, and an indefinite one (``a source …``) to a new,
numbered anonymous source (``… #2``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from .. import resources
from ..names import NAME_CONNECTORS, camp_of, is_name, split_role, strip_det, surface
from ..records import Token
from .words import HONORIFIC_GENDER, POSTMODIFIER_START, PRONOUNS, QUANTIFIER_PRONOUNS

#: Possessive determiners: ``their union`` is read as ``the union``.
#: How many of the latest speakers a pronoun or a description (``the group``) looks back over.
LOOKBACK = 64

POSSESSIVES = {"their", "its", "his", "her", "our"}


@dataclass
class Mention:
    start: int
    end: int
    text: str
    toks: list[Token]


@dataclass
class Entity:
    name: str
    type: str
    camp: str
    gender: str = ""
    head: str = ""  # head noun of a description
    roles: set[str] = field(default_factory=set)
    plural: bool = False
    shown: str = ""  # a description as the article first writes it (``an unnamed official``)
    first: str = ""  # a person's first name, when the article writes one (``Melania``)


def mention(text: str, chunk: list[Token]) -> Mention | None:
    if not chunk:
        return None
    # a relative clause or post-modifier is not part of the mention's name, but stays in its surface
    return Mention(chunk[0].start, chunk[-1].end, text[chunk[0].start : chunk[-1].end], chunk)


class Resolver:
    """Turns mentions into canonical speakers, in reading order."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.counts: dict[str, int] = {}
        # indexes, so that a long text costs in proportion to its length: the speakers in the
        # order they last spoke (by identity), the first entity of each name, the last person
        # of each surname
        self._recent: dict[int, Entity] = {}
        self._by_name: dict[str, Entity] = {}
        self._by_surname_exact: dict[str, Entity] = {}
        self._by_surname_lower: dict[str, list[Entity]] = {}  # the persons of each surname, the latest last
        self._candidates: list[Mention] = []  # named sentence subjects, for a later ``it``
        self._bodies: list[Entity] = []  # organisations named inside a description (``an official at the Foreign Ministry``)
        self._ids: set[int] = set()

    @property
    def recent(self):
        """The speakers, the one who spoke last first; a pronoun or description looks back
        over the last ``LOOKBACK`` of them at most."""
        return islice(reversed(self._recent.values()), LOOKBACK)

    def _spoke(self, e: Entity) -> Entity:
        key = id(e)
        self._recent.pop(key, None)
        self._recent[key] = e
        if key not in self._ids:
            self._ids.add(key)
            self.entities.append(e)
            self._by_name.setdefault(e.name, e)
            if e.type == "person":
                last = e.name.split()[-1]
                self._by_surname_exact[last] = e
                self._by_surname_lower.setdefault(last.lower(), []).append(e)
        return e

    def note(self, m: Mention) -> None:
        """A named subject that is not a speaker: a candidate for later pronouns and surnames."""
        body, _ = strip_det(m.toks)
        name, role = split_role(body)
        known = self._registered(surface(body)) or self._registered(surface(name))
        surname = bool(name) and name[-1].text in self._by_surname_exact
        if known or role or surname or (len(name) >= 2 and all(t.tag.startswith("NNP") or t.lower in NAME_CONNECTORS for t in name)):
            self.resolve(m)
        elif (len(name) == 1 and name[0].tag.startswith("NNP")) or (body and not body[-1].is_cap):
            self._candidates.append(m)  # ``Apple reported …``, ``The campaign is …``: what a later ``it said`` may be

    def _registered(self, key: str) -> Entity | None:
        reg = resources.speakers().get(resources.norm(key))
        if reg is None:
            return None
        if reg.name in self._by_name:
            return self._by_name[reg.name]
        return Entity(reg.name, reg.type, reg.camp, reg.gender, roles={resources.norm(reg.role)})

    def resolve(self, m: Mention) -> Entity | None:
        toks = m.toks
        words = [t.lower for t in toks]
        if len(toks) == 1 and words[0] in PRONOUNS:
            return self._pronoun(words[0])
        if len(words) >= 3 and words[1] == "of" and words[2] in {"them", "those", "these"}:
            # ``one of them``: a member of the most recent group
            for e in self.recent:
                if e.plural:
                    return self._spoke(e)
        if len(toks) == 1 and words[0] in QUANTIFIER_PRONOUNS:
            # ``Several said …``: members of the most recent group, else a group of their own
            group = next((e for e in self.recent if e.plural), None)
            if group is not None:
                return self._spoke(group)
            body, det = toks, ""
        else:
            body, det = strip_det(toks)
            if body and body[0].lower == "of" and len(body) < len(toks):
                body, det = toks, ""  # ``some of the women``: the quantifier is the head
        if len(body) > 1 and body[0].lower in POSSESSIVES and not body[1].is_cap:
            body, det = body[1:], "the"  # ``their union``: a definite description (``Their Party`` is a name)
        if not body:
            return None
        text = " ".join(t.text for t in body)
        e = self._registered(text) or self._registered(surface(body))
        if e is not None:
            return self._spoke(e)
        name, role = split_role(body)
        cut = len(body) - len(name)
        if role and 0 < cut < len(body) and body[cut - 1].is_cap and any(t.lower in {"at", "of", "for", "from", "with", "in"} for t in body[:cut]):
            name, role = body, ""  # ``an official at the Foreign Office``: a role word inside a name is no title of it
        while len(name) > 2 and name[0].lower == "of":
            role, name = f"{role} {name[0].text} {name[1].text}", name[2:]  # ``Chief Of Staff Rahm Emanuel``
        name, role = _trailing_name(name, role)
        if name and all(t.is_cap or t.lower in NAME_CONNECTORS for t in name) and name[-1].is_cap and name[0].is_cap:
            # (a name opens with a capital: ``the mayor of Pirna`` is a description, not ``of Pirna``)
            if any(t.lower == "and" for t in name):  # ``Britain and France``: a group
                e = self._by_name.get(surface(name))
                return self._spoke(e or Entity(surface(name), "collective", camp_of(t.text for t in name), plural=True))
            return self._spoke(self._named(name, role))
        e = self._described(body, det)
        if e.type in ("anonymous", "collective", "document") and not e.shown:
            e.shown = _as_written(toks)  # as the article writes it: ``an unnamed official``
        return self._spoke(e)

    def _note_body(self, body: list[Token]) -> None:
        """An organisation named after ``at``/``of``/``for``/``from`` inside a description, for a
        later ``the ministry`` (it does not speak)."""
        for k, t in enumerate(body):
            if t.lower in {"at", "of", "for", "from", "with"} and k + 1 < len(body):
                rest, _ = strip_det(body[k + 1 :])
                if rest and all(u.is_cap or u.lower in NAME_CONNECTORS for u in rest) and rest[-1].is_cap \
                        and _organisation_name(rest, rest[-1].lower):
                    name = surface(rest)
                    self._bodies.append(self._by_name.get(name) or Entity(name, "organization", camp_of([name])))
                return

    def _by_surname(self, surname: str, gender: str = "", first: str = "") -> Entity | None:
        """The most recent person whose name ends with ``surname`` (``Macron``) and agrees
        with the mention: the same gender where both are known (``Mrs. Trump`` is not
        Donald Trump), the same first name where both are written (``Melania Trump``)."""
        for e in reversed(self._by_surname_lower.get(surname.lower(), ())):
            if gender and e.gender and gender != e.gender:
                continue
            known = e.first or (e.name.split()[0] if len(e.name.split()) >= 2 and not e.name.split()[0].endswith(".") else "")
            if first and known and first.lower() != known.lower():
                continue
            return e
        return None

    def reported(self, m: Mention) -> str:
        """The canonical name of a reported speaker (``Trump`` in ``… that Trump said``),
        looked up without making it a speaker of the article."""
        body, _ = strip_det(m.toks)
        name = split_role(body)[0] if is_name(body) else body  # a title off a name, not off a description
        e = self._registered(surface(body)) or self._registered(surface(name)) or (self._by_surname(name[-1].text) if name else None)
        return e.name if e else surface(name)

    def _named(self, name: list[Token], role: str) -> Entity:
        name = _without_opener(name)
        full = surface(name)
        gender = next((HONORIFIC_GENDER[t.lower] for t in name if t.lower in HONORIFIC_GENDER), "")
        if role:
            gender = gender or next((HONORIFIC_GENDER[w] for w in role.lower().split() if w in HONORIFIC_GENDER), "")
        bare = [t for t in name if t.lower not in HONORIFIC_GENDER]
        first = bare[0].text if len(bare) >= 2 and not bare[0].text.endswith(".") else ""
        honorific = next((w for w in role.split() if w.lower() in HONORIFIC_GENDER), "") if role else ""
        plain = [t for t in bare if not _INITIAL.fullmatch(t.text)]  # ``Donald J. Trump`` is ``Donald Trump``
        e = self._registered(full) or (self._registered(surface(plain)) if len(plain) < len(bare) else None) \
            or (self._registered(surface(bare)) if honorific else None)
        if e is not None and ((gender and e.gender and gender != e.gender) or (first and e.name.split()[0].lower() != first.lower())):
            e = None  # ``Mrs. Trump`` or ``Melania Trump`` is not the registry's Trump
        if e is None and honorific and len(name) == 1 and (
                self._by_surname_lower.get(name[-1].lower) or resources.speakers().get(resources.norm(full))):
            full = f"{honorific} {full}"  # ``Mrs. Trump`` beside a Mr. Trump: the title is what tells her apart
            e = self._by_name.get(full)
        e = e or self._by_surname(name[-1].text, gender, first)
        if e is None:
            gaz = resources.gazetteer().get(full.lower())
            last = name[-1].lower
            if gaz in ("place", "nationality"):
                e = Entity(full, "collective", camp_of([full]))
            elif gaz == "organization" or _organisation_name(name, last):
                e = Entity(full, "organization", camp_of([full]))
            else:
                e = Entity(full, "person", camp_of(role.split()) if role else "unknown", gender, first=first)
        if role:
            e.roles.add(resources.norm(role))
        if gender and not e.gender:
            e.gender = gender
        if first and not e.first and e.type == "person":
            e.first = first
            if len(e.name.split()) < len(bare) and e.name.split()[-1] == bare[-1].text \
                    and resources.speakers().get(resources.norm(e.name)) is None:
                e.name = surface(bare)  # ``Mr. Trump``, then ``Donald J. Trump``: the fuller name
        return e

    def _described(self, body: list[Token], det: str) -> Entity:
        nouns = resources.speaker_nouns()
        cut = next((k for k, t in enumerate(body) if k > 0 and t.lower in POSTMODIFIER_START), len(body))
        core = body[:cut]
        head = core[-1].lower
        kind = nouns.get(head)
        caps = [t for t in core[:-1] if t.is_cap]
        desc = surface(body)
        camp = camp_of(t.text for t in body)
        if det == "the" and len(core) == 1:
            for e in [*self.recent, *reversed(self._bodies)]:  # ``the group``, ``the union``: the organisation named last
                if e.type == "organization" and (head in resources.words("org_anaphors.txt") or head in e.name.lower().split()):
                    return e
        self._note_body(body)
        if kind == "organization" and caps:
            name = surface([t for t in core if t.is_cap])
            return self._registered(desc) or self._registered(name) or self._by_name.get(desc) \
                or Entity(desc, "organization", camp)
        counted = core[-1].tag == "CD" and head not in ("one", "1")  # ``the two``, ``three in 10``: a group
        if counted:
            kind = "collective"
        if kind is None:
            if head in resources.role_words():  # ``the chancellor``: a person with that role
                for e in self.recent:
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
            if desc in self._by_name:
                return self._by_name[desc]
            return Entity(desc, kind, camp, plural=head.endswith("s") or counted)
        if det == "the" or (not det and kind != "anonymous"):
            for e in self.recent:  # ``the official`` back to ``a European official``
                if e.head == head:
                    return e
        if det == "the" and desc in self._by_name:
            return self._by_name[desc]
        n = self.counts.get(desc, 0) + 1
        self.counts[desc] = n
        return Entity(f"{desc} #{n}", kind, camp, head=head, plural=head.endswith("s") or counted)  # numbered for reading only

    def _pronoun(self, word: str) -> Entity:
        gender = PRONOUNS[word]
        for e in self.recent:
            if word in ("he", "she"):
                if e.type in ("person", "anonymous") and not e.plural and (not e.gender or e.gender == gender):
                    return self._spoke(e)
            elif word == "they":
                if e.type in ("collective", "organization") or e.plural:
                    return self._spoke(e)
            elif e.type in ("organization", "collective") and not e.plural:
                return self._spoke(e)
        if word == "it" and self._candidates:
            m = self._candidates[-1]  # ``Apple reported …. It said``: the last named subject
            body = strip_det(m.toks)[0]
            if body and body[-1].is_cap:
                return self._spoke(self._named(body, ""))
            e = self._described(body, "the")
            e.shown = e.shown or _as_written(m.toks)
            return self._spoke(e)
        # no antecedent in the text: keep the statement, say so in the speaker
        kind = {"they": "collective", "it": "organization"}.get(word, "person")
        return Entity(f"{word} (unresolved)", kind, "unknown")


def _trailing_name(name: list[Token], role: str) -> tuple[list[Token], str]:
    """A name after lowercase words that describe its bearer is the name, the words its role
    (``Republican presidential candidate Donald Trump``, ``political scientist Dossym
    Satpayev``); a name after a preposition is not (``director of CREDO Action``). A place
    after ``of`` a person's name is no part of it (``Tom Udall of New Mexico``)."""
    if name and not name[0].is_cap and name[-1].is_cap:
        k = len(name)
        while k > 0 and (name[k - 1].is_cap or (name[k - 1].lower in {"'s", "’s"} and k < len(name))):
            k -= 1
        if 0 < k < len(name) and name[k - 1].tag not in {"IN", "TO", "DT", "CC", "POS"} and name[k - 1].lower not in {"'s", "’s"} \
                and name[k].tag.startswith("NNP") and not any(t.lower in {"'s", "’s"} for t in name[k:]):
            role = " ".join([role, *(t.text for t in name[:k])]).strip()
            name = name[k:]
    for k, t in enumerate(name):
        if k >= 2 and t.lower == "of" and name[k - 1].is_cap and resources.gazetteer().get(surface(name[k + 1 :]).lower()) == "place":
            return name[:k], role
    return name, role


def _as_written(toks: list[Token]) -> str:
    """A description as the article writes it, a determiner that opens a sentence in lower
    case (``A source familiar with the matter said`` -> ``a source familiar with the matter``)."""
    text = surface(toks)
    if toks and toks[0].lower in {"a", "an", "the", "another", "one", "two", "three", "several", "some", "many", "most",
                                  "few", "both", "all", "other", "others", "those", "these", "his", "her", "their", "its"}:
        text = toks[0].lower + text[len(toks[0].text):]
    return text


def _without_opener(name: list[Token]) -> list[Token]:
    """A name without a capitalised word that opens a sentence and is no part of it
    (``Struggling Donald Trump``, ``Asked Trump``): a participle or an adverb before a name."""
    while len(name) > 1 and name[0].tag in {"VBG", "VBN", "VBD", "RB", "JJ"} and name[0].lower.endswith(("ing", "ed", "ly")) \
            and name[1].is_cap:
        name = name[1:]
    return name


@lru_cache(maxsize=1)
def _organisation_nouns() -> frozenset[str]:
    """Head nouns that ``speaker_nouns.csv`` types as organisations (``agency``, ``union``)."""
    return frozenset(h for h, t in resources.speaker_nouns().items() if t == "organization")


_INITIAL = re.compile(r"[A-Z]\.")
_ACRONYM = re.compile(r"[A-Z][A-Z&.]{1,7}")


def _organisation_name(name: list[Token], last: str) -> bool:
    """A name that is an organisation's: its last word is an organisation noun
    (``speaker_nouns.csv``), any word is an organisation head (``Ministry of Health``,
    ``org_heads.txt``), or it is an acronym (``WHO``, ``IMF``)."""
    if last in _organisation_nouns():
        return True
    if any(t.lower in resources.words("org_heads.txt") for t in name):
        return True
    return len(name) == 1 and _ACRONYM.fullmatch(name[0].text) is not None
