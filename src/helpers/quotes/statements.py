"""Stage 3: statements. Direct quotes with their attribution, reported (indirect and mixed)
statements from the remaining cues, continuations, and the named sentence subjects that a
later ``he``/``she`` may refer to.

Content offsets: a direct or mixed statement's ``start``/``end`` are the inside of the quote
marks (a comma just before the closing mark is left out); an indirect statement's content
is the region the attribution stage gives. A cue whose subject opens the content of another
cue (``told Reuters that Trump said``) is nested: it becomes the ``reported`` speaker of the
outer statement, as does the source named by ``citing``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .. import resources
from ..names import is_name, is_name_body, split_role, strip_det
from ..records import Token
from ..resources import Cue
from . import attribution as at
from . import content as ct
from .marks import Quote, Quotes, tokens_before
from .phrase import clean_or_none, speaker_phrase
from .resolve import Entity, Mention, mention
from .words import FINITE, SUBORDINATORS


@dataclass
class Draft:
    """A statement being built: its speaker is a mention, or inherited from another draft."""

    kind: str
    cue: Cue | None
    start: int
    end: int
    sentence_id: int
    mention: Mention | None = None
    inherit: Draft | None = None  # same speaker as this statement
    reported: Mention | None = None
    entity: Entity | None = None
    cue_span: tuple[int, int] | None = None
    quoted: list[tuple[int, int]] = field(default_factory=list)  # the speaker's own words
    fragments: list[tuple[int, int]] = field(default_factory=list)  # the content's parts
    unsourced: bool = False  # an attribution with no source in the text (``is expected to``)
    asked: Mention | None = None  # who was asked, when the question has no source

    def __post_init__(self):
        if not self.fragments:
            self.fragments = [(self.start, self.end)]
        if self.kind == "direct" and not self.quoted:
            self.quoted = [(self.start, self.end)]


@dataclass
class Sent:
    sid: int
    start: int
    end: int
    toks: list[Token]
    unit: int  # index of the article unit (caption, headline, standfirst, paragraph)


class Context:
    """The document's sentences as the quote stages walk them."""

    def __init__(self, doc):
        self.doc, self.text = doc, doc.text
        units = doc.article.units()
        unit_of = {}
        u = -1
        for s in doc.sentences:
            while u + 1 < len(units) and units[u + 1][1].start <= s.start:
                u += 1
            unit_of[s.sentence_id] = max(u, 0)
        self.sents = [
            Sent(s.sentence_id, s.start, s.end, list(doc.tokens_by_sentence[s.sentence_id]), unit_of[s.sentence_id])
            for s in doc.sentences
        ]
        self.by_sid = {s.sid: s for s in self.sents}

    def at(self, pos: int) -> Sent:
        return self.by_sid[self.doc.sentence_at(pos).sentence_id]

    def mention(self, chunk: list[Token]) -> Mention | None:
        """The mention of a speaker chunk, if it is a clean noun phrase (or ends in one)."""
        return mention(self.text, clean_or_none(chunk))


# ---------------------------------------------------------------- direct quotes


def direct_statements(ctx: Context, quotes: Quotes) -> tuple[Drafts, set[tuple[int, int]]]:
    """One draft per direct quote piece; pieces of one quote share its attribution.
    Returns the drafts and the (sentence id, token index) of the cues they used."""
    groups: dict[int, list[Quote]] = {}
    for q in quotes:
        if q.direct:
            groups.setdefault(q.group, []).append(q)
    drafts = Drafts()
    used: set[tuple[int, int]] = set()
    for pieces in groups.values():
        found = _direct_attribution(ctx, pieces, quotes)
        first: Draft | None = None
        for q in pieces:
            a, b = _trimmed(ctx.text, q.start, q.end)
            if a >= b:
                continue
            st = Draft("direct", None, a, b, ctx.at(a).sid)
            if found:
                s, c, sp = found
                st.cue = resources.match_cue(s.toks, c)
                st.cue_span = _cue_span(s.toks, c, st.cue)
                st.mention = ctx.mention(sp.chunk)
                used.add((s.sid, c))
            if first is not None and st.mention is None:
                st.inherit, st.cue, st.cue_span = first, first.cue, first.cue_span
            first = first or st
            drafts.append(st)
    return drafts, used


def _direct_attribution(ctx: Context, pieces: list[Quote], quotes: Quotes):
    """(sentence, cue index, speaker) attributing a quote: a cue after a closing mark, or a
    ``said:``/``said,`` before an opening mark; None when the quote has none."""
    for q in pieces:
        s = ctx.at(max(q.start, q.end - 1))
        after = [t for t in s.toks if t.start >= q.end]
        for t in after[:20]:  # past a long appositive: ``“…,” Terrie Rizzo, the chair of …, said``
            cue = resources.match_cue(s.toks, t.i)
            if cue and cue.cls != "source" and at.is_cue(s.toks, t.i) and quotes.at(t.start) is None:
                sp = at.find_speaker(s.toks, t.i, cue)
                if sp is not None and sp.chunk and (sp.right or sp.chunk[0].start >= q.end):
                    return s, t.i, sp
            if t.text in {".", "!", "?"} or (t.text in {"“", '"', "''", "``"} and t.start > q.end):
                break
        s0 = ctx.at(q.open)
        c = at.lead_cue(tokens_before(s0.toks, q.open))
        if c is not None:
            sp = at.find_speaker(s0.toks, c, resources.match_cue(s0.toks, c))
            if sp is not None and sp.chunk:
                return s0, c, sp
    return None


# ---------------------------------------------------------------- reported speech


def reported_statements(ctx: Context, quotes: Quotes, used: set, drafts: Drafts) -> None:
    """Indirect and mixed statements from the cues not used by direct quotes, appended to
    ``drafts`` sentence by sentence."""
    for s in ctx.sents:
        plans = _plans(s, quotes, used)
        regions = {t.i: ct.region(s.toks, plans, t, cue, sp) for t, cue, sp in plans if cue.cls != "source"}
        nested, inner = _nesting(plans, regions)
        prev: Draft | None = None
        for t, cue, sp in plans:
            if t.i in inner:
                continue
            if cue.cls == "source":  # ``citing X``: the source of the sentence's report
                target = prev or next((st for st in reversed(drafts) if st.sentence_id == s.sid), None)
                if target is not None and sp.chunk:
                    target.reported = ctx.mention(sp.chunk)
                continue
            made = _report(ctx, s, quotes, drafts, prev, (t, cue, sp), regions[t.i], nested.get(t.i))
            if made:
                drafts.extend(made)
                prev = made[-1]


def _plans(s: Sent, quotes: Quotes, used: set) -> list[tuple[Token, Cue, at.Speaker]]:
    """The sentence's cues outside quotes, each with the speaker it finds."""
    lexicon = resources.cues()
    plans = []
    for t in s.toks:
        if t.lower in lexicon and (s.sid, t.i) not in used and at.is_cue(s.toks, t.i) and quotes.at(t.start) is None:
            cue = resources.match_cue(s.toks, t.i)  # the whole sequence (``points out``, ``according to``)
            sp = at.find_speaker(s.toks, t.i, cue)
            if sp is not None:
                plans.append((t, cue, sp))
    return plans


def _nesting(plans, regions) -> tuple[dict[int, list[Token]], set[int]]:
    """A cue whose subject opens another cue's content is nested (``told Reuters that Trump
    said …``, ``The ministry confirmed …, the agency reported``): {outer cue: inner speaker
    chunk}, and the inner cues' indices."""
    nested: dict[int, list[Token]] = {}
    opening: dict[int, list[tuple[int, int]]] = {}  # content start -> (cue, content end), in order
    for i, (a, b) in regions.items():
        opening.setdefault(a, []).append((i, b))
    for t2, cue2, sp2 in plans:
        if sp2.chunk and not sp2.coord and cue2.cls != "source":
            a = sp2.chunk[0].i
            for i, b in opening.get(a, ()):
                if i != t2.i and a <= t2.i < b:
                    nested[i] = sp2.chunk
    chunks = {id(chunk) for chunk in nested.values()}
    inner = {t2.i for t2, _, sp2 in plans if id(sp2.chunk) in chunks}
    return nested, inner


def _report(ctx: Context, s: Sent, quotes, drafts, prev, plan, region, nested_chunk) -> list[Draft]:
    """The drafts one cue makes: an indirect statement, or one mixed statement per quoted
    fragment inside its content."""
    t, cue, sp = plan
    a, b = region
    if a > t.i and a < len(s.toks) and s.toks[a].lower in {"to", "not"} and cue.cls == "speech" and not sp.unsourced:
        return []  # after speech, an infinitive is a request or a manner (``asking not to be named``);
        # after an intention or a stance it is the content (``vowed to fight``, ``refused to comment``)
    if b > a and s.toks[b - 1].text in {'"', "”", "''"} and not any(u.text in {'"', "“", "''", "``"} for u in s.toks[a : b - 1]):
        b = max(a, ct.content_end(s.toks, b - 1))  # a stray closing mark is not content
    span = ct.span(s.toks, a, b)
    if span is None:
        return []
    parts = [span]
    if sp.chunk and a < min(t.i, sp.chunk[0].i) and t.i < b:  # a parenthetical attribution inside its content
        left_end = min(t.i, sp.chunk[0].i)
        while left_end > a and at.is_punct(s.toks[left_end - 1]):
            left_end -= 1
        resume = ct.parenthetical_resume(s.toks, t.i + 1 + len(cue.rest), clause=cue.side != "right")
        parts = [p for p in (ct.span(s.toks, a, left_end), resume is not None and ct.span(s.toks, resume, b)) if p]
    reported = ctx.mention(nested_chunk) if nested_chunk else None
    proto = Draft(
        "indirect", cue, span[0], span[1], s.sid, reported=reported, cue_span=_cue_span(s.toks, t.i, cue), fragments=parts
    )
    if sp.unsourced:  # no source: the content opens with the subject of a hedge or a passive
        proto.unsourced = True
        if sp.subject and cue.lemma == "ask":
            proto.asked = ctx.mention(sp.subject)  # ``Voters were asked whether …``: they may answer next
        elif sp.subject:
            subj = (sp.subject[0].start, sp.subject[-1].end)
            proto.start, proto.fragments = subj[0], [subj, *proto.fragments]
    elif sp.coord and not sp.chunk:
        proto.inherit = prev or drafts.preceding(t.start)
        if proto.inherit is not None and proto.inherit.unsourced:
            proto.inherit = None  # a hedge has no speaker to pass on (``X appeared to …, saying``)
        if sp.subject and (proto.inherit is None or proto.inherit.sentence_id != s.sid):
            proto.inherit, proto.mention = None, ctx.mention(sp.subject)  # no one spoke before in this sentence
        elif proto.inherit is None:
            return []
    else:
        proto.mention = ctx.mention(sp.chunk)
    if sp.coord and sp.chunk and prev is not None:
        proto.inherit, proto.mention = prev, prev.mention
    inner = [q for q in _quoted_inside(quotes, span) if not q.direct]
    if inner:  # a mixed statement: the clause is the content, the quoted fragments its own words
        _mixed(ctx, proto, inner)
        last = inner[-1]
        if proto.kind == "mixed" and last.closed and proto.start <= last.end < proto.end + 2 and last.after > proto.end:
            proto.end = last.after  # the content keeps the closing mark of its last fragment
        *head, (fa, _) = proto.fragments
        proto.fragments = [*head, (fa, proto.end)]
    return [proto]


def _quoted_inside(quotes: Quotes, span: tuple[int, int]) -> list:
    """The quotations that open and close inside a content ``span`` (its end may stop just
    before the closing mark)."""
    return [q for q in quotes.opening_within(span[0] - 2, span[1] + 1) if q.start >= span[0] and q.end <= span[1] + 1]


def _mixed(ctx: Context, draft: Draft, inner: list) -> None:
    """Make ``draft`` a mixed statement whose own words are the quotations ``inner``."""
    draft.kind, draft.quoted = "mixed", [_trimmed(ctx.text, q.start, q.end) for q in inner]
    if draft.quoted == [(draft.start, draft.end)]:
        draft.kind = "direct"  # the content is all the speaker's words: ``- ''Born with …,'' Elkins said -``


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    """A quote's inside without the comma or space before its closing mark (empty when
    that is all it holds)."""
    while b > a and text[b - 1] in " ,":
        b -= 1
    return a, b


def _cue_span(toks: list[Token], i: int, cue: Cue) -> tuple[int, int]:
    """The cue's characters, all its words (``according to``, ``called on``)."""
    return toks[i].start, toks[min(i + len(cue.rest), len(toks) - 1)].end


class Drafts(list):
    """The statements found so far, with their starts kept sorted as they are added, so that
    ``preceding`` costs a bisection however long the text is (statements are only added)."""

    def __init__(self, items=()):
        super().__init__()
        self._index: list[tuple[int, int, Draft]] = []
        self.extend(items)

    def append(self, st: Draft) -> None:
        super().append(st)
        bisect.insort(self._index, (st.start, len(self), st), key=lambda x: x[:2])

    def extend(self, items) -> None:
        for st in items:
            self.append(st)

    def preceding(self, pos: int) -> Draft | None:
        """The statement with the greatest start before ``pos`` (the first of them added, on a
        tie). Starts are read as they were when the statement was added."""
        k = bisect.bisect_left(self._index, pos, key=lambda x: x[0])
        if k == 0:
            return None
        start = self._index[k - 1][0]
        return self._index[bisect.bisect_left(self._index, start, key=lambda x: x[0])][2]


# ---------------------------------------------------------------- colon attributions


#: The cue of ``Gingrich: Trump must decide …``: the colon after a name.
COLON_CUE = Cue(":", "speech", "left")


def colon_statements(ctx: Context, quotes: Quotes, drafts: list[Draft]) -> None:
    """A name that opens a sentence, a colon, then what the name said: a headline
    (``Gingrich: Trump Must Decide …``, ``Fiorina on Clinton: 'Fair game'``) or a line of
    an exchange. A direct quote after the colon that had no attribution gets this one;
    otherwise a new statement is added. Labels (``Exclusive:``, ``Watch:``) and places
    are not speakers."""
    labels = resources.words("headline_labels.txt")
    places = resources.gazetteer()
    for s in ctx.sents:
        toks = s.toks
        k = next((i for i, t in enumerate(toks[:8]) if t.text == ":"), None)
        if not k or k + 1 >= len(toks):
            continue
        on = next((i for i, t in enumerate(toks[:k]) if i and t.lower == "on"), k)
        chunk = toks[:on]
        if (
            len(chunk) > 5 or not is_name(chunk) or any(t.lower in labels for t in chunk)
            or " ".join(t.lower for t in chunk) in places or quotes.at(chunk[0].start) is not None
        ):
            continue
        b = ct.content_end(toks, len(toks))
        content = ct.span(toks, k + 1, b)
        if content is None or not any(any(ch.isalpha() for ch in t.text) for t in toks[k + 1 : b]):
            continue  # a tally (``Hillary Clinton: 1,769.``) or a label, not a statement
        mention_ = ctx.mention(chunk)
        cue_span = (toks[k].start, toks[k].end)
        orphans = [d for d in drafts if content[0] <= d.start < content[1] + 2]
        if orphans and all(d.kind == "direct" and d.mention is None and d.inherit is None for d in orphans):
            for d in orphans:
                d.mention, d.cue, d.cue_span = mention_, COLON_CUE, cue_span
            continue
        if orphans:
            continue  # already attributed
        st = Draft("indirect", COLON_CUE, content[0], content[1], s.sid, mention=mention_, cue_span=cue_span)
        inner = _quoted_inside(quotes, content)
        if len(inner) == 1 and inner[0].open == content[0] and inner[0].end + 2 >= content[1]:
            st.start, st.end = _trimmed(ctx.text, inner[0].start, inner[0].end)  # all quoted: direct
            st.kind, st.fragments, st.quoted = "direct", [(st.start, st.end)], [(st.start, st.end)]
        elif inner:
            _mixed(ctx, st, inner)
        drafts.append(st)


# ---------------------------------------------------------------- figures from a poll

#: The cue of ``Trump led in the latest CNN poll``: ``in`` before a poll or survey.
IN_CUE = Cue("in", "document", "right")
POLL_NOUNS = {"poll", "polls", "survey", "surveys"}


def poll_statements(ctx: Context, quotes: Quotes, drafts: list[Draft]) -> None:
    """What a poll shows, written as ``Trump entered the debate with a lead in the latest
    CNN poll`` or ``In the poll, Clinton’s support rose``: the poll is the source (a
    document), the clause before ``in`` (or after the fronted phrase) the content. A
    sentence whose content already holds a statement adds none."""
    by_sentence: dict[int, list[Draft]] = {}
    for d in drafts:
        by_sentence.setdefault(d.sentence_id, []).append(d)
    for s in ctx.sents:
        toks = s.toks
        for i, t in enumerate(toks):
            if t.lower != "in" or quotes.at(t.start) is not None:
                continue
            head = next((k for k in range(i + 1, min(i + 9, len(toks))) if toks[k].lower in POLL_NOUNS), None)
            if head is None or any(at.is_punct(u) for u in toks[i + 1 : head]):
                continue
            if toks[head].lower.endswith("s") and not any(u.is_cap for u in toks[i + 1 : head]):
                continue  # ``rose in the polls``, ``going to the polls``: polling in general, no source
            end = head + 1  # ``… poll released Sunday``: the poll's own participle phrase
            if end < len(toks) and toks[end].tag == "VBN":
                end = next((k for k in range(head + 1, len(toks)) if at.is_punct(toks[k])), len(toks))
            if i == 0 or (i == 1 and at.is_punct(toks[0])):
                if end >= len(toks) or toks[end].text != ",":
                    continue
                content = ct.span(toks, end + 1, ct.content_end(toks, len(toks)))
            else:
                start = max((k + 1 for k in range(i) if toks[k].text in {";", ":"}), default=0)
                content = ct.span(toks, start, i)
            if content is None or any(d.start < content[1] and content[0] < d.end for d in by_sentence.get(s.sid, ())):
                continue
            st = Draft("indirect", IN_CUE, content[0], content[1], s.sid,
                       mention=ctx.mention(toks[i + 1 : head + 1]), cue_span=(t.start, t.end))
            drafts.append(st)
            break


# ---------------------------------------------------------------- continuations and subjects


def continuations(ctx: Context, drafts: list[Draft]) -> None:
    """A direct quote with no attribution of its own continues the speaker before it: the
    second part of a quote split by its attribution, or a quote paragraph after a quote."""
    for n, st in enumerate(drafts):
        if st.kind == "direct" and st.mention is None and st.inherit is None and n:
            prev = _quote_before(drafts, n)
            u_prev, u_now = ctx.at(prev.start).unit, ctx.at(st.start).unit
            if u_prev == u_now or (u_prev == u_now - 1 and prev.kind == "direct"):
                st.inherit, st.cue, st.cue_span = prev, prev.cue, prev.cue_span


def _quote_before(drafts: list[Draft], n: int) -> Draft:
    """The statement a quote at ``n`` continues: the one before it, or, when that one is a
    paraphrase inside the attribution of a quote (``"X," Trump said, referring to Kerry.
    "Y"``), that quote."""
    prev = drafts[n - 1]
    for m in range(n - 2, -1, -1):
        if prev.kind != "indirect" or drafts[m].sentence_id != prev.sentence_id:
            break
        if drafts[m].kind in ("direct", "mixed"):
            return drafts[m]
    return prev


def join_interrupted(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """A direct quote interrupted by its attribution (``"X," she said, "Y"``, or ``"X," she
    said. "Y"`` in one paragraph) is one statement whose fragments are both parts (the PARC
    convention): a piece that continues the quote before it, in the same paragraph, is
    folded into it (past a paraphrase nested in that quote's attribution). So is a quote
    with no attribution of its own after a paraphrase in the same paragraph (``She said
    they had made progress. "I really believe …"``): the statement becomes mixed."""
    out: list[Draft] = []
    for st in drafts:
        target = st.inherit if st.mention is None and st.inherit is not None else (out[-1] if out else None)
        if (
            target is not None and st.kind == "direct" and any(d is target for d in out)
            # (a mixed statement that ends in its quoted words goes on in the next quote too:
            # ``Rubio "apologized …," Hannity said. "I think …"``)
            and (target.kind == "direct" or (target.kind == "mixed" and target.quoted and target.quoted[-1][1] >= target.end - 2)
                 or (target.kind in ("mixed", "indirect") and st.inherit is target))
            and ctx.at(target.start).unit == ctx.at(st.start).unit
            and ((st.mention is None and st.inherit is not None) or (st.cue_span is not None and st.cue_span == target.cue_span))
        ):
            target.end = st.end
            if target.kind == "indirect":
                target.kind = "mixed"  # a paraphrase, then the speaker's own words
            target.fragments = [*target.fragments, *st.fragments]
            target.quoted = [*target.quoted, *st.quoted]
            continue
        out.append(st)
    return out


def sentence_subjects(ctx: Context, quotes: Quotes) -> list[Mention]:
    """Named subjects of sentences, outside quotes: candidates for a later pronoun."""
    out = []
    for s in ctx.sents:
        chunk = _sentence_subject(s.toks)
        if chunk and quotes.at(chunk[0].start) is None:
            out.append(ctx.mention(chunk))
    return out


def _sentence_subject(toks: list[Token]) -> list[Token]:
    """A name that is the subject of a sentence's first verb (``Eva Horak disagreed``)."""
    v = next((t.i for t in toks if (t.tag in FINITE or t.tag == "VBN") and not t.is_cap), None)
    if v is None or v == 0:
        return []
    chunk, b = at.left_chunk(toks, at.skip_left(toks, v - 1))
    if b >= 0 and toks[b].lower in SUBORDINATORS:
        return []  # the subject of a subordinate clause (``if Putin does not agree``)
    chunk = speaker_phrase(chunk)
    body, _ = strip_det(chunk)
    name, _ = split_role(body)
    if body and body[-1].tag == "NN" and not body[-1].is_cap and resources.speaker_nouns().get(body[-1].lower) != "person":
        return chunk  # ``The campaign is preparing …``: a body a later ``it`` may be
    return chunk if is_name_body(name) else []
