"""Who said what: direct, mixed and indirect statements and the speaker of each.

The extractor is rules over tokens, part-of-speech tags and lexicons, in four stages, each a
module of this package (:func:`extract` reads as the list):

1. ``marks``: quotation marks paired, multi-paragraph quotes grouped, direct quotes told
   from fragments.
2. ``attribution`` (with ``chunks`` and ``content``): cue words (``data/reference/cues.csv``),
   the speaker chunk of each cue, and the extent of its content.
3. ``statements``: direct quotes with their attribution, reported statements (indirect, and
   mixed when a quoted fragment sits in the content), continuations of a quote split by its
   attribution, and the named sentence subjects a later pronoun may refer to.
4. ``resolve``: speaker mentions resolved to canonical entities in reading order (registry,
   surnames, roles, pronouns, descriptions, numbered anonymous sources).

The layer it fills is ``Document.attributions``; ``Document.statements`` adds the sentiment
scores. :func:`quotes` is the table of the attributions.
"""

from __future__ import annotations

import re

import pandas as pd

from .. import resources
from ..document import as_document
from ..records import Statement, to_frame
from .attribution import lead_cue
from .marks import Quote, mark_direct, quotations
from .resolve import Entity, Resolver
from .statements import (
    Context,
    Draft,
    colon_statements,
    continuations,
    direct_statements,
    join_interrupted,
    poll_statements,
    reported_statements,
    sentence_subjects,
)

COLUMNS = Statement.COLUMNS
VOICES = {"direct": "quoted", "mixed": "mixed", "indirect": "paraphrase"}

# the lexicons, as they were reachable before the package split
cue_lexicon = resources.cues
registry = resources.speakers
speaker_nouns = resources.speaker_nouns
camp_terms = resources.camps

__all__ = ["COLUMNS", "Quote", "attribution_layer", "extract", "quotations", "quotes"]


def extract(doc) -> tuple[list[Draft], list]:
    """Statements with their speaker mentions (unresolved), and the named sentence subjects
    outside quotes (candidates for a later ``he``/``she``)."""
    ctx = Context(doc)
    quotes = quotations(doc.article)
    mark_direct(doc, quotes, lead_cue)
    drafts, used = direct_statements(ctx, quotes)
    reported_statements(ctx, quotes, used, drafts)
    colon_statements(ctx, quotes, drafts)
    poll_statements(ctx, quotes, drafts)
    drafts.sort(key=lambda st: (st.start, st.end))
    continuations(ctx, drafts)
    return join_interrupted(ctx, drafts), sentence_subjects(ctx, quotes)


def resolve_speakers(drafts: list[Draft], subjects: list) -> Resolver:
    """Give every draft its entity, resolving mentions in the order they are read; a named
    sentence subject is noted as a candidate for later pronouns."""
    resolver = Resolver()
    events = [(st.mention.start, 1, st) for st in drafts if st.mention is not None]
    speaker_starts = {e[0] for e in events}
    events += [(m.start, 0, m) for m in subjects if m.start not in speaker_starts]
    events += [(st.asked.start, 2, st.asked) for st in drafts if st.asked is not None]  # a later ``Several`` may be of them
    seen: dict[int, Entity | None] = {}
    for pos, is_statement, item in sorted(events, key=lambda e: (e[0], e[1])):
        if is_statement == 2:
            resolver.resolve(item)
            continue
        if not is_statement:
            resolver.note(item)
            continue
        if pos not in seen:
            seen[pos] = resolver.resolve(item.mention)
        item.entity = seen[pos]
    for st in drafts:
        if st.entity is None and st.inherit is not None:
            src = st.inherit
            while src.entity is None and src.inherit is not None:
                src = src.inherit
            st.entity, st.mention = src.entity, st.mention or src.mention
    return resolver


def attribution_layer(doc) -> list[Statement]:
    """The ``attributions`` layer: one record per attributed statement, in reading order."""
    drafts, subjects = extract(doc)
    resolver = resolve_speakers(drafts, subjects)
    for st in drafts:
        if st.entity is not None and st.entity.name == "it (unresolved)":
            st.entity = None  # ``it said`` with nothing it can be: no speaker to show, so no statement
    drafts = without_duplicates(doc.text, [st for st in drafts if st.entity is not None or st.unsourced])
    shown = shown_names([st.entity for st in drafts if st.entity is not None])
    out: list[Statement] = []
    for st in drafts:
        if st.entity is None and not st.unsourced:
            continue
        m = st.mention
        out.append(Statement(
            quote_id=len(out) + 1,
            speaker=shown[id(st.entity)] if st.entity else None,  # None: no source in the text
            speaker_mention=m.text if m else None,
            speaker_start=m.start if m else None,
            speaker_end=m.end if m else None,
            speaker_type=st.entity.type if st.entity else "none",
            camp=(st.entity.camp if st.entity else "") or "unknown",  # a camp of camps.csv or speakers.csv, else unknown
            kind=st.kind,
            voice=VOICES[st.kind],
            cue_start=st.cue_span[0] if st.cue_span else None,
            cue_end=st.cue_span[1] if st.cue_span else None,
            quoted=tuple(st.quoted),
            fragments=tuple(st.fragments),
            cue=st.cue.lemma if st.cue else None,
            cue_class=st.cue.cls if st.cue else None,
            text=doc.text[st.start : st.end],
            start=st.start,
            end=st.end,
            sentence_id=st.sentence_id,
            reported_speaker=resolver.reported(st.reported) if st.reported is not None else None,
        ))
    return out


def without_duplicates(text: str, drafts: list[Draft]) -> list[Draft]:
    """No words attributed twice: a hedge with no source (``appears``) whose content is a
    sourced statement's is part of what that source said, and goes; a statement whose content
    lies inside another's while its cue lies outside it is the same words read twice: of one
    speaker, the outer statement keeps them as its quoted words (``“We are horrified” by the
    shooting, Nefzi said``), of another, the outer content ends where the inner begins (the
    quoted words are the inner speaker's)."""
    spans = {(st.start, st.end) for st in drafts if not st.unsourced}
    drafts = [st for st in drafts if not (st.unsourced and (st.start, st.end) in spans)]
    drop: set[int] = set()
    ordered = sorted(drafts, key=lambda st: (st.start, -st.end))
    for k, outer in enumerate(ordered):
        for inner in ordered[k + 1:]:
            if inner.start >= outer.end:
                break
            if id(inner) in drop or id(outer) in drop or inner.end > outer.end:
                continue
            cue = inner.cue_span[0] if inner.cue_span else None
            if cue is not None and outer.start <= cue < outer.end and (inner.start, inner.end) != (outer.start, outer.end):
                continue  # a nested attribution: ``X said that Y believes Z``
            if inner.entity is outer.entity or (inner.start, inner.end) == (outer.start, outer.end) or inner.start <= outer.start:
                if outer.kind == "indirect" and inner.kind == "direct":
                    outer.kind, outer.quoted = "mixed", [*inner.quoted]
                drop.add(id(inner))
                continue
            end = inner.start
            while end > outer.start and (text[end - 1].isspace() or text[end - 1] in "-–—,;:\"'“”‘’`"):
                end -= 1
            if end <= outer.start:
                drop.add(id(inner))
                continue
            outer.end = end
            outer.fragments = [(a, min(b, end)) for a, b in outer.fragments if a < end] or [(outer.start, end)]
            outer.quoted = [(a, min(b, end)) for a, b in outer.quoted if a < end]
            if outer.kind == "mixed" and not outer.quoted:
                outer.kind = "indirect"
    return [st for st in drafts if id(st) not in drop]


def shown_names(entities: list[Entity]) -> dict[int, str]:
    """The name a reader is shown for each entity (by identity): a person or body by name, an
    unnamed source as the article first describes it (``an unnamed official``), numbered
    (``an official #2``) only when two different sources read the same."""
    base: dict[int, str] = {}
    for e in entities:
        if id(e) not in base:
            base[id(e)] = e.shown or re.sub(r"\s+#\d+$", "", e.name)
    groups: dict[str, list[int]] = {}
    for key, name in base.items():
        groups.setdefault(name.lower(), []).append(key)
    out = dict(base)
    for keys in groups.values():
        if len(keys) > 1:
            for n, key in enumerate(keys, 1):
                out[key] = f"{base[key]} #{n}"
    return out


def quotes(source) -> pd.DataFrame:
    """One row per attributed statement (columns ``COLUMNS``), in reading order.
    ``source`` is an ``Article`` or a ``Document``."""
    return to_frame(as_document(source).attributions, Statement)
