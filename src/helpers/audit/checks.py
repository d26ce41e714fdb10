"""What a reader would call broken, one function per check; each returns ``(where, detail)`` pairs.

The checks read what the reader sees: a view's tables as ``display.table`` writes their cells,
its titles and findings, its figures' text; and the layers' records. They use word lists of
their own (``data/reference/audit_*.txt``), never the extractors' lexicons, so a change to an
extractor cannot quietly change what counts as broken.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from .. import resources
from ..display import number

# ----------------------------------------------------------------------------- tables and text

#: ``None`` or ``nan`` as a value, not the word opening a sentence of article text (``None of the …``).
_MISSING_WORDS = re.compile(r"(?<![\w-])(?:None|nan|NaN|NaT|<NA>|inf)(?![\w-])(?!\s+[a-z])")
#: The most decimals a table shows (``display.table``'s precision runs from 2 to 4).
MAX_DECIMALS = 4
_RAW_FLOAT = re.compile(r"^-?\d+\.\d+$")


def cell_text(value, precision: int = 3) -> str:
    """A cell as ``display.table`` shows it: numbers by ``display.number``, missing values blank."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return number(value, precision)
    try:
        if value is None or (not isinstance(value, (list, tuple, dict, set)) and pd.isna(value)):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def table_cells(name: str, df: pd.DataFrame, precision: int = 3) -> list[tuple[str, str]]:
    """Cells that show ``None``, ``nan``, ``NaN`` (alone or inside a list's text), or a number
    with more decimals than the display precision (a float kept as text)."""
    problems = []
    for col in df.columns:
        for k, value in enumerate(df[col]):
            text = cell_text(value, precision)
            if _MISSING_WORDS.search(text) and not _is_prose(text):
                problems.append((f"{name}[{k}].{col}", f"cell shows {text[:60]!r}"))
            elif _RAW_FLOAT.match(text) and len(text.split(".")[1]) > MAX_DECIMALS:
                problems.append((f"{name}[{k}].{col}", f"raw float {text!r}"))
    return problems


def _is_prose(text: str) -> bool:
    """A sentence of article text may say "none" or "NaN" itself: only short cells are values."""
    return len(text.split()) > 6


def text_values(where: str, text: str) -> list[tuple[str, str]]:
    """A title or finding that shows a missing value (``None``, ``nan``)."""
    m = _MISSING_WORDS.search(text)
    return [(where, f"shows {m.group(0)!r}: {text[:80]!r}")] if m else []


# ----------------------------------------------------------------------------- titles and tables

_NUMBER = re.compile(r"(?<![\w#.,])[+\-−]?\d[\d,]*(?:\.\d+)?%?(?![\w])")
_MONTHS = ("January February March April May June July August September October November December "
           "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec").split()
_DATE_NEIGHBOUR = re.compile(r"^\s*(?:" + "|".join(_MONTHS) + r")\b")
_DATE_BEFORE = re.compile(r"\b(?:" + "|".join(_MONTHS) + r")\s*$")


def title_numbers(title: str) -> list[tuple[str, float, int, bool]]:
    """The numbers a title states: (text, value, decimals, percent), leaving out years and the
    day of a written date (``14 August 2025``), which name a time rather than state a count."""
    out = []
    for m in _NUMBER.finditer(title):
        text = m.group(0)
        raw = text.replace(",", "").replace("−", "-").rstrip("%")
        try:
            value = float(raw)
        except ValueError:
            continue
        after, before = title[m.end():m.end() + 12], title[max(0, m.start() - 12):m.start()]
        if re.fullmatch(r"\d{4}", raw) and 1000 <= value <= 2999:
            continue  # a year
        if re.fullmatch(r"\d{1,2}", raw) and (_DATE_NEIGHBOUR.match(after) or _DATE_BEFORE.search(before)):
            continue  # the day of a date
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        out.append((text, value, decimals, text.endswith("%")))
    return out


def _table_values(df: pd.DataFrame) -> list[float]:
    values = [float(len(df))]
    for col in df.columns:
        nums = pd.to_numeric(df[col], errors="coerce")
        if nums.notna().any() and not pd.api.types.is_bool_dtype(df[col]):
            values.extend(float(x) for x in nums.dropna())
            values.append(float(nums.sum()))
    text_cols = [c for c in df.columns if not pd.api.types.is_numeric_dtype(df[c])]
    for cell in df[text_cols].to_numpy().ravel():  # numbers written inside text cells
        for m in _NUMBER.finditer(str(cell)):
            try:
                values.append(float(m.group(0).replace(",", "").replace("−", "-").rstrip("%")))
            except ValueError:
                pass
    return values


def title_matches_table(where: str, title: str, df: pd.DataFrame | None) -> list[tuple[str, str]]:
    """Every number a title states is in the table it is computed from: a cell (as rounded in
    the title; a percentage as a share ×100), a column's total or the number of rows."""
    if df is None:
        return [(where, "title names no table it is computed from")]
    values = _table_values(df)
    problems = []
    for text, value, decimals, percent in title_numbers(title):
        if not any(_matches(x, value, decimals, percent) for x in values):
            problems.append((where, f"title says {text} but its table has no such value: {title[:90]!r}"))
    return problems


def _matches(x: float, value: float, decimals: int, percent: bool) -> bool:
    """A table's value ``x`` as a title writes it: rounded to the title's decimals, its sign
    written or not (``lowest (-0.10)``), a share as a percentage."""
    if math.isnan(x):
        return False
    candidates = (x, x * 100) if percent else (x,)
    return any(round(c, decimals) in (round(value, decimals), round(abs(value), decimals)) or
               round(abs(c), decimals) == round(abs(value), decimals) for c in candidates)


# ----------------------------------------------------------------------------- speakers

def function_words() -> frozenset[str]:
    return resources.words("audit_function_words.txt")


_NUMBERED = re.compile(r"\s*#\d+$")
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that|where)\b", re.IGNORECASE)
MAX_SPEAKER_WORDS = 10


def speaker_phrase(speaker: str) -> str | None:
    """Why a shown speaker is not a noun phrase, or None when it is one: it begins or ends
    with a function word (``Of Clinton``, ``latest US newspaper to``), holds a relative
    clause (``Hillary Clinton in a new video where she``) or runs over ten words."""
    name = _NUMBERED.sub("", speaker).strip()
    words = re.findall(r"[\w'’.-]+", name)
    if not words:
        return "no words"
    fw = function_words()
    if words[0].lower() in fw:
        return f"starts with {words[0]!r}"
    if words[-1].lower() in fw:
        return f"ends with {words[-1]!r}"
    if m := _RELATIVE.search(name):
        return f"holds a relative clause ({m.group(0)!r})"
    if len(words) > MAX_SPEAKER_WORDS:
        return f"{len(words)} words"
    return None


def speakers(statements) -> list[tuple[str, str]]:
    """Every shown speaker is a noun phrase (``speaker_phrase``)."""
    out = []
    for st in statements:
        if st.speaker and (why := speaker_phrase(st.speaker)):
            out.append((f"statement {st.quote_id}", f"speaker {st.speaker!r} {why}"))
    return out


def duplicate_statements(statements) -> list[tuple[str, str]]:
    """No two statements with the same content, and none whose content lies inside another's
    while its own cue lies outside it: the same words attributed twice (a statement that
    repeats the second half of the one before it). A statement whose cue is inside another's
    content is a nested attribution (``X said that Y believes Z``), as PARC annotates them."""
    out = []
    ordered = sorted(statements, key=lambda s: (s.start, -s.end))
    for k, a in enumerate(ordered):
        for b in ordered[k + 1:]:
            if b.start >= a.end:
                break
            if (a.start, a.end) == (b.start, b.end):
                out.append((f"statements {a.quote_id} and {b.quote_id}", f"the same content: {b.text[:60]!r}"))
            elif b.end <= a.end and not _cue_inside(b, a):
                out.append((f"statements {a.quote_id} and {b.quote_id}", f"one content inside the other: {b.text[:60]!r}"))
    return out


def _cue_inside(inner, outer) -> bool:
    cue = getattr(inner, "cue_start", None)
    return cue is not None and outer.start <= cue < outer.end


# ----------------------------------------------------------------------------- figures

_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
NOT_FIGURES = {
    "year": re.compile(rf"^(?:(?:in|the|from|since|by)\s+)?{_YEAR}s?(?:\s*(?:-|–|/|to|through|and)\s*(?:{_YEAR}|\d\d))?$", re.I),
    "clock time": re.compile(r"^\d{1,2}(?::\d\d)+(?:\s*[ap]\.?m\.?)?$|^\d{1,2}\s*[ap]\.?m\.?$", re.I),
    "ordinal": re.compile(r"^\d+(?:st|nd|rd|th)$", re.I),
}
#: A tally written with a dash (``won 3-1``, ``a 52-48 vote``, ``a 4-4 split``): a score when a
#: word of winning, losing or voting stands before it or after it; ``200-250 seats`` is a range.
_SCORE = re.compile(r"^\d{1,3}\s*[-–]\s*\d{1,3}$")
_SCORE_BEFORE = re.compile(r"\b(?:won|win|wins|beat|beats|lost|lose|loses|defeated|tied|drew|trailed|led|leads|vote[ds]?|ruled|score[ds]?|by)\s+(?:a\s+)?$", re.I)
_SCORE_AFTER = re.compile(r"^\s*(?:vote|votes|decision|win|victory|loss|defeat|split|majority|ruling|margin|lead|draw|tie|score)\b", re.I)
_AGE_AFTER = re.compile(r"^(?:-|\s)?(?:year|yr)s?[- ]old|^\s*years? of age", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages)\s*$", re.I)
_NAME_COMMA = re.compile(r"[A-Z][\w'’.-]+,\s*$")


def figure_kind(text: str, before: str, after: str) -> str | None:
    """Which non-figure a figure's text is (a year, an age, a clock time, an ordinal, a score,
    an identifier), from the text and the words around it; None for a figure."""
    t = text.strip()
    if re.fullmatch(r"\d{1,3}", t) or re.fullmatch(r"\d{1,3}\s*(?:-|–|to|and)\s*\d{1,3}", t):
        if _AGE_AFTER.match(after) or _AGE_BEFORE.search(before) or (_NAME_COMMA.search(before) and after.lstrip().startswith(",")):
            return "age"
    for kind, pattern in NOT_FIGURES.items():
        if pattern.match(t):
            return kind
    if _SCORE.match(t) and (_SCORE_BEFORE.search(before) or _SCORE_AFTER.match(after)):
        return "score"
    if re.fullmatch(r"#?\d[\d,]*(?:-\d+)?", t):
        prev = re.findall(r"[\w#.]+", before[-20:])
        if before.rstrip().endswith("#") or re.search(r"[A-Za-z]-$", before):
            return "identifier"
        # the word right before the number, with nothing but a space between ("number: 1,237" is a figure)
        if prev and prev[-1].lower() in resources.words("audit_identifier_words.txt") and re.search(r"[\w#.]\s+$", before):
            return "identifier"
    return None


def figures(text: str, quantities) -> list[tuple[str, str]]:
    """No figure of the figures table is a year, an age, a clock time, an ordinal, a score or an identifier."""
    out = []
    for q in quantities:
        if (kind := figure_kind(q.text, text[max(0, q.start - 30):q.start], text[q.end:q.end + 16])):
            out.append((f"figure at {q.start}", f"{q.text!r} is {'an' if kind[0] in 'aio' else 'a'} {kind}, not a figure"))
    return out


# ----------------------------------------------------------------------------- offsets

def offsets(text: str, layers: dict[str, tuple]) -> list[tuple[str, str]]:
    """Every record's ``start``/``end`` index its own text, and a statement's other spans lie
    inside the text."""
    out = []
    n = len(text)
    for name, records in layers.items():
        for r in records:
            s, e, t = getattr(r, "start", None), getattr(r, "end", None), getattr(r, "text", None)
            if s is not None and t is not None and text[s:e] != t:
                out.append((f"{name} at {s}", f"text[{s}:{e}] is not the record's text {t[:40]!r}"))
            spans = [(getattr(r, "speaker_start", None), getattr(r, "speaker_end", None)),
                     (getattr(r, "cue_start", None), getattr(r, "cue_end", None)),
                     *getattr(r, "quoted", ()), *getattr(r, "fragments", ())]
            for a, b in spans:
                if a is not None and not (0 <= a <= b <= n):
                    out.append((f"{name} at {s}", f"span ({a}, {b}) outside the text"))
            if name == "statements" and r.speaker_mention and r.speaker_start is not None \
                    and text[r.speaker_start:r.speaker_end] != r.speaker_mention:
                out.append((f"statement {r.quote_id}", f"speaker mention {r.speaker_mention!r} is not at its offsets"))
    return out
