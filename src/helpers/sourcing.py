"""Sourcing and balance: who gets to speak in an article, how much, and in whose words.

The measures are the ones news researchers use to describe sourcing (how many statements
and words each side gets, the share of anonymous sources, direct against reported speech,
who is quoted first and last). They are computed from the statements table
(``Document.frame("statements")``); a speaker with no camp counts under ``unknown``, never
dropped.

- ``words``: words of the content (its ``fragments``, the attribution left out);
- ``own_words``: words inside the speaker's quoted spans (``quoted``), that is, the words
  the reader gets in the speaker's own voice.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")
VOICES = ("quoted", "mixed", "paraphrase")
GROUP_COLUMNS = ["statements", "share", "words", "own_words", *VOICES]


class CampSchemeError(ValueError):
    """A camp scheme file that cannot be used; the message names the file and the problem."""


def read_camp_scheme(path) -> dict[str, str]:
    """A camp scheme: a CSV with columns ``term`` and ``camp`` (more columns are ignored),
    where a term is a speaker's name, a country, institution or nationality word
    (``data/reference/camps.csv`` has this shape). Returns normalized term -> camp."""
    from .resources import norm

    path = Path(path)
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, comment="#")
    except FileNotFoundError:
        raise CampSchemeError(f"{path}: camp scheme not found") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as err:
        raise CampSchemeError(f"{path}: not a readable CSV ({type(err).__name__})") from None
    missing = {"term", "camp"} - set(table.columns)
    if missing:
        raise CampSchemeError(f"{path}: camp scheme lacks the column(s) {', '.join(sorted(missing))}")
    return {norm(t): c.strip() for t, c in zip(table["term"], table["camp"]) if t.strip() and c.strip()}


def apply_camp_scheme(statements: pd.DataFrame, scheme: dict[str, str]) -> pd.DataFrame:
    """The statements with ``camp`` recomputed from a scheme: the speaker's canonical name
    if the scheme lists it, else the longest scheme term among the words of the name and
    the mention (``European Commission`` before ``European``), else ``unknown``."""
    from .names import camp_of
    from .resources import norm

    def camp(name, mention) -> str:
        if norm(name or "") in scheme:
            return scheme[norm(name)]
        return camp_of(re.findall(r"[\w’'.-]+", f"{name or ''} {mention or ''}"), scheme)

    out = statements.copy()
    out["camp"] = [camp(n, m) for n, m in zip(out["speaker"], out["speaker_mention"])]
    return out


def _words(text: str, spans) -> int:
    return sum(len(_WORD.findall(text[a:b])) for a, b in spans)


def split_sourced(statements: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The statements with a source in the text, and those without one (PARC's attributions
    with no source: a hedge of the reporter's such as ``seems``, a passive such as ``is
    expected to``, a question put by someone unnamed). The second kind is nobody's words, so
    the comparisons by speaker and camp leave it out."""
    unsourced = statements["speaker"].isna() if "speaker" in statements else pd.Series(False, index=statements.index)
    return statements[~unsourced].reset_index(drop=True), statements[unsourced].reset_index(drop=True)


def unsourced_note(unsourced: pd.DataFrame) -> str:
    """One sentence on the attributions with no source, naming their cues."""
    if unsourced.empty:
        return "Every attribution in the article names its source."
    cues = unsourced["cue"].fillna("?").value_counts()
    listed = ", ".join(f"{c} ({n})" if n > 1 else c for c, n in cues.items())
    n = len(unsourced)
    return (f"{n} attribution{'s' if n != 1 else ''} name{'' if n != 1 else 's'} no source (cue: {listed}): "
            "the reporter's hedges, passives and questions put by someone unnamed; they are listed "
            "here and left out of the comparisons by speaker and camp.")


def with_counts(statements: pd.DataFrame, text: str) -> pd.DataFrame:
    """The statements with ``words`` and ``own_words`` and a filled ``camp``."""
    out = statements.copy()
    out["camp"] = out["camp"].fillna("unknown").replace("", "unknown")
    out["words"] = [_words(text, f or ((s, e),)) for f, s, e in zip(out["fragments"], out["start"], out["end"])]
    out["own_words"] = [_words(text, q or ()) for q in out["quoted"]]
    return out


def by_group(statements: pd.DataFrame, text: str, by: str) -> pd.DataFrame:
    """Per value of ``by`` (``camp``, ``speaker_type``, ``speaker``): statements, their
    share of all, words, own words and statements in each voice; most statements first."""
    if statements.empty:
        return pd.DataFrame(columns=[by, *GROUP_COLUMNS])
    counted = with_counts(statements, text)
    grouped = counted.groupby(by, sort=False)
    out = pd.DataFrame({
        "statements": grouped.size(),
        "words": grouped["words"].sum(),
        "own_words": grouped["own_words"].sum(),
    })
    voices = pd.crosstab(counted[by], counted["voice"]).reindex(columns=list(VOICES), fill_value=0)
    out = out.join(voices).fillna(0)
    out["share"] = out["statements"] / out["statements"].sum()
    out = out.reset_index().rename(columns={"index": by})
    out = out.sort_values(["statements", by], ascending=[False, True], ignore_index=True)
    for col in ("statements", "words", "own_words", *VOICES):
        out[col] = out[col].astype(int)
    return out[[by, *GROUP_COLUMNS]]


def summary(statements: pd.DataFrame, text: str) -> dict:
    """Whole-article measures: statements, speakers, the share of statements from
    anonymous sources, the share in the speaker's own words (``quoted`` voice), and the
    speakers (with their camps) quoted first and last."""
    if statements.empty:
        return {"statements": 0, "speakers": 0, "anonymous_share": None, "quoted_share": None, "first": None, "last": None}
    ordered = statements.sort_values("start")
    first, last = ordered.iloc[0], ordered.iloc[-1]
    return {
        "statements": len(statements),
        "speakers": statements["speaker"].nunique(),
        "anonymous_share": float((statements["speaker_type"] == "anonymous").mean()),
        "quoted_share": float((statements["voice"] == "quoted").mean()),
        "first": (first["speaker"], first["camp"] or "unknown"),
        "last": (last["speaker"], last["camp"] or "unknown"),
    }


def headline(groups: pd.DataFrame, by: str = "camp") -> str:
    """A chart title that states the finding: which group is quoted most, and how much."""
    if groups.empty:
        return "No attributed statements"
    top, total = groups.iloc[0], int(groups["statements"].sum())
    if len(groups) > 1 and groups.iloc[1]["statements"] == top["statements"]:
        tied = groups[groups["statements"] == top["statements"]][by]
        return f"{' and '.join(map(str, tied))} are quoted equally often: {top['statements']} of {total} statements each"
    return f"{top[by]} is quoted most: {top['statements']} of {total} statements"


def possessive(name: str) -> str:
    """``Macron's``, ``analysts'`` (a plural in -s takes the apostrophe alone)."""
    return f"{name}'" if name.endswith("s") and not name.endswith("ss") and name[:1].islower() else f"{name}'s"


def findings(statements: pd.DataFrame, text: str) -> list[str]:
    """Sentences on the article's sourcing, every number computed here."""
    s = summary(statements, text)
    if not s["statements"]:
        return ["The article attributes no statements, so there is no sourcing to describe."]
    camps = by_group(statements, text, "camp")
    top = camps.iloc[0]
    lines = [
        f"{s['statements']} statements from {s['speakers']} speakers; the group quoted most is "
        f"{top['camp']} ({top['statements']} statements, {top['share']:.0%}, {top['words']} words of content).",
        f"{s['anonymous_share']:.0%} of statements come from anonymous sources; "
        f"{s['quoted_share']:.0%} are entirely in the speaker's own words (direct quotes).",
        f"The first statement is {possessive(s['first'][0])} ({s['first'][1]}); the last is {possessive(s['last'][0])} ({s['last'][1]}).",
    ]
    own = camps[camps["own_words"] > 0]
    if len(own):
        most = own.sort_values(["own_words", "camp"], ascending=[False, True]).iloc[0]
        lines.append(f"Most words in a speaker's own voice go to {most['camp']} ({most['own_words']} of {int(camps['own_words'].sum())}).")
    return lines
