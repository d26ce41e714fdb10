"""The article rendered with its layers marked, as one block of HTML.

``annotated_html(doc)`` writes every text unit (caption, headline, standfirst, body
paragraphs, section headings) with:

- statements: the content shaded in its camp's colour, the speaker's mention in bold and the
  cue underlined, and a label before the content naming the speaker and the cue;
- temporal expressions: a blue dotted underline and their TIMEX3 value after them;
- quantities: a green underline and their value (or interval) and unit after them.

Each mark carries a fragment id that the tables of the other reports link to
(``st-<quote_id>``, ``tx-<timex_id>``, ``qt-<start>``; see ``anchor``). Every piece of article
text is HTML-escaped; the block needs no script and no network, and prints in black and
white (the labels carry what the colours say).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .display import number

#: Other camps (a scheme of the researcher's own) take these, in order of appearance.
EXTRA_COLOURS = ["green", "yellow", "black"]


def tint(colour: str, strength: float = 0.3) -> str:
    """A light tint of a ``#rrggbb`` colour (black text stays readable on it)."""
    rgb = [int(colour[k:k + 2], 16) for k in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * strength):02x}" for c in rgb)


CSS = """
.ann .annotated{font-size:1rem;line-height:1.9;max-width:52rem}
.ann .unit{margin:0 0 .9rem}.ann .u-headline{font-size:1.3rem;font-weight:700}
.ann .u-section{font-weight:700;margin-top:1.2rem}.ann .u-caption{font-style:italic;color:#444}
.ann .st{border-radius:3px;padding:.1rem 0}
.ann .sp{font-weight:700}.ann .cue{text-decoration:underline;text-decoration-thickness:2px}
.ann .tx{border-bottom:2px dotted #0072b2}.ann .qt{border-bottom:2px solid #009e73}
.ann .lab{font-size:.72rem;line-height:1;padding:.05rem .25rem;border-radius:3px;margin:0 .15rem;
white-space:nowrap;vertical-align:.15em;border:1px solid #999;background:#fff;color:#222}
.ann .lab.l-tx{border-color:#0072b2;color:#0b4f7a}.ann .lab.l-qt{border-color:#009e73;color:#05614a}
.ann :target{outline:3px solid #d55e00;outline-offset:2px}
.ann .annotated-key{font-size:.85rem;margin:.4rem 0 1rem;line-height:2}.ann .annotated-key .k{display:inline-block;margin-right:1.2rem}
@media print{.ann .lab{border-color:#000;color:#000}.ann :target{outline:none}}
"""


def anchor(layer: str, record) -> str:
    """The fragment id of a record in the annotated article."""
    if layer == "statements":
        return f"st-{record.quote_id}"
    if layer == "timexes":
        return f"tx-{record.timex_id}"
    return f"qt-{record.start}"


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # st (content) / sp (speaker) / cue / tx / qt
    anchor: str | None = None  # the id, on the mark's first piece
    before: str = ""  # escaped HTML put before the mark (a statement's label)
    after: str = ""  # escaped HTML put after it (a value)
    colour: str | None = None


def camp_colours(camps) -> dict[str, str]:
    """A colour per camp: a tint of the camp's colour in the charts (``plots.CAMP_COLORS``),
    then tints of other Okabe-Ito colours in order of appearance."""
    from .plots import CAMP_COLORS, OKABE_ITO

    out, extra = {}, iter(EXTRA_COLOURS * 10)
    for camp in camps:
        if camp not in out:
            out[camp] = tint(CAMP_COLORS.get(camp) or OKABE_ITO[next(extra)])
    return out


def marks(doc) -> list[Mark]:
    """Every mark of the document's statements, temporal expressions and quantities."""
    e = html.escape
    out: list[Mark] = []
    colours = camp_colours(s.camp for s in doc.statements)
    for s in doc.statements:
        label = f'<span class="lab l-st">{e(s.speaker or "no source")} · {e(s.cue or "")}</span>'
        pieces = list(s.fragments) or [(s.start, s.end)]
        for k, (a, b) in enumerate(pieces):
            out.append(Mark(a, b, "st", anchor("statements", s) if k == 0 else None,
                            before=label if k == 0 else "", colour=colours[s.camp]))
        if s.speaker_start is not None and s.speaker_end is not None:
            out.append(Mark(s.speaker_start, s.speaker_end, "sp"))
        if s.cue_start is not None and s.cue_end is not None:
            out.append(Mark(s.cue_start, s.cue_end, "cue"))
    for t in doc.timexes:
        out.append(Mark(t.start, t.end, "tx", anchor("timexes", t), after=f'<span class="lab l-tx">{e(t.value)}</span>'))
    for q in doc.quantities:
        out.append(Mark(q.start, q.end, "qt", anchor("quantities", q), after=f'<span class="lab l-qt">{e(quantity_label(q))}</span>'))
    return out


def quantity_label(q) -> str:
    """``120,000``, ``10,000–100,000 killed``, ``9–10 km``: a quantity's value as a reader reads it."""
    unit = f" {q.unit}" if q.unit else ""
    if q.low is not None and q.high is not None and q.low != q.high:
        value = f"{number(q.low)}–{number(q.high)}"
    elif q.value is not None:
        value = number(q.value)
    else:
        value = "no value"
    return value + unit


def render_span(text: str, base: int, found: list[Mark]) -> str:
    """The text of one unit (starting at offset ``base``) with the marks that fall in it,
    split into flat pieces wherever a mark opens or closes, so marks may overlap freely."""
    e = html.escape
    end = base + len(text)
    inside = [m for m in found if m.start < end and m.end > base and m.end > m.start]
    cuts = sorted({base, end, *(max(base, m.start) for m in inside), *(min(end, m.end) for m in inside)})
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        pieces.extend(m.before for m in inside if m.start == a and m.before)
        pieces.extend(f'<span id="{e(m.anchor)}"></span>' for m in inside if m.start == a and m.anchor)
        active = [m for m in inside if m.start <= a and m.end >= b]
        chunk = e(text[a - base:b - base])
        if active:
            classes = " ".join(sorted({m.kind for m in active}))
            colour = next((m.colour for m in active if m.colour), None)
            style = f' style="background:{colour}"' if colour else ""
            chunk = f'<span class="{classes}"{style}>{chunk}</span>'
        pieces.append(chunk)
        pieces.extend(m.after for m in inside if m.end == b and m.after)
    return "".join(pieces)


def annotated_html(doc) -> str:
    """The whole article, marked (see the module's docstring), with a key."""
    article = doc.article
    found = marks(doc)
    units = []
    for name in ("caption", "headline", "standfirst"):
        if name in article.spans:
            span = article.spans[name]
            units.append((name, span.start, span.text))
    headings = {k: v for k, v in article.spans.items() if k.startswith("section:")}
    body = [(p.start, "body", p.text) for p in article.paragraphs] + [(v.start, "section", v.text) for v in headings.values()]
    units += [(kind, start, text) for start, kind, text in sorted(body)]
    rendered = "".join(f'<p class="unit u-{kind}">{render_span(text, start, found)}</p>' for kind, start, text in units)
    colours = camp_colours(s.camp for s in doc.statements)
    key = "".join(f'<span class="k"><span class="st" style="background:{c}">&nbsp;{html.escape(camp)}&nbsp;</span></span>'
                  for camp, c in colours.items())
    key += ('<span class="k"><span class="tx">temporal expression</span> <span class="lab l-tx">value</span></span>'
            '<span class="k"><span class="qt">quantity</span> <span class="lab l-qt">value</span></span>'
            '<span class="k"><span class="lab">speaker · cue</span> before a statement, whose '
            '<span class="sp">speaker</span> and <span class="cue">cue</span> are marked in the text</span>')
    return (f'<style>{CSS}</style><div class="ann"><div class="annotated-key">{key}</div>'
            f'<div class="annotated">{rendered}</div></div>')
