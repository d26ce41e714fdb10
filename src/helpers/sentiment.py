"""Lexicon sentiment of statements: TextBlob and VADER, their aggregation and their agreement.

- TextBlob's default analyser (the *pattern* lexicon bundled inside the textblob wheel; no
  corpus download): ``polarity`` in [-1, 1] and ``subjectivity`` in [0, 1].
- VADER through NLTK's ``SentimentIntensityAnalyzer``, reading the lexicon file that the
  ``vaderSentiment`` wheel ships (``vader_lexicon.txt``) by an explicit ``file:`` URL, so a
  user's ``nltk_data`` folder is never consulted: ``compound`` in [-1, 1] and the ``pos``,
  ``neu``, ``neg`` proportions. (``vaderSentiment``'s own analyser is faster but gives other
  numbers on about a third of the statements of PolNeAR dev, so NLTK's rules are kept; only
  their word splitting is computed faster, to the same words: :class:`_SentiText`.)

Each distinct text of an article is scored once (:func:`statement_layer`).

Aggregates per group (speaker or camp): n, mean, median, min, max and, where n >= 3, a
percentile bootstrap 95% interval of the mean with a fixed seed, so reports rebuild
identically.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

SCORE_COLUMNS = ["tb_polarity", "tb_subjectivity", "vader_compound", "vader_pos", "vader_neu", "vader_neg"]
LEXICONS = {"tb_polarity": "TextBlob polarity", "vader_compound": "VADER compound"}
SEED = 20250814
N_BOOT = 2000


def vader_lexicon_path() -> Path:
    """The lexicon file shipped in the ``vaderSentiment`` wheel."""
    import vaderSentiment

    return Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")


def _analyzer(cls):
    """A VADER analyser of class ``cls`` on the wheel's lexicon file."""
    import nltk.data

    lexicon = vader_lexicon_path()
    # NLTK 3.10 opens a ``file:`` URL only under a directory on its search path; appending the
    # wheel's own directory allows that file without letting it shadow anything else
    if str(lexicon.parent) not in nltk.data.path:
        nltk.data.path.append(str(lexicon.parent))
    return cls(lexicon_file=lexicon.as_uri())


@lru_cache(maxsize=1)
def _nltk_vader():
    """NLTK's ``SentimentIntensityAnalyzer`` as it is."""
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    return _analyzer(SentimentIntensityAnalyzer)


@lru_cache(maxsize=1)
def _vader():
    """NLTK's VADER (its lexicon, constants and rules) with its words split faster, to the same words."""
    return _analyzer(_fast_vader_class())


@lru_cache(maxsize=1)
def _fast_vader_class():
    from nltk.sentiment.vader import SentimentIntensityAnalyzer, SentiText

    class FastSentiText(SentiText):
        """NLTK's ``SentiText`` with the same ``words_and_emoticons``, found without building
        NLTK's table of every (punctuation mark, word) pair of the text.

        NLTK maps a token to a word of the text (punctuation removed, two characters or more)
        when one of ``PUNC_LIST`` stands before or after that word. The word holds no ASCII
        punctuation, so the mark is the token's whole trailing or leading run of it: one
        candidate each way is looked up instead (:class:`_PunctuatedWords`).
        ``tests/test_sentiment.py`` checks the scores against NLTK's own on every statement
        of the shipped corpus."""

        def _words_plus_punc(self):
            return _PunctuatedWords(self.text, self.PUNC_LIST)

    class FastSplitVader(SentimentIntensityAnalyzer):
        sentitext = FastSentiText

        def polarity_scores(self, text):
            """NLTK 3.10's ``polarity_scores``, line for line, with ``FastSentiText``."""
            sentitext = FastSentiText(text, self.constants.PUNC_LIST, self.constants.REGEX_REMOVE_PUNCTUATION)
            sentiments = []
            words_and_emoticons = sentitext.words_and_emoticons
            first_index = {}
            for idx, token in enumerate(words_and_emoticons):
                if token not in first_index:
                    first_index[token] = idx
            for item in words_and_emoticons:
                valence = 0
                i = first_index[item]
                if (
                    i < len(words_and_emoticons) - 1 and item.lower() == "kind"
                    and words_and_emoticons[i + 1].lower() == "of"
                ) or item.lower() in self.constants.BOOSTER_DICT:
                    sentiments.append(valence)
                    continue
                sentiments = self.sentiment_valence(valence, sentitext, item, i, sentiments)
            sentiments = self._but_check(words_and_emoticons, sentiments)
            return self.score_valence(sentiments, text)

    return FastSplitVader


class _PunctuatedWords:
    """The two lookups NLTK makes in its table of punctuated words (``token in table``,
    ``table[token]``), answered for one token at a time."""

    def __init__(self, text: str, punc_list):
        self.words = {w for w in text.translate(_NO_ASCII_PUNCTUATION).split() if len(w) > 1}
        self.marks = frozenset(punc_list)

    def _word(self, token: str) -> str | None:
        word = token.rstrip(_ASCII_PUNCTUATION)  # the word, then a mark
        if word in self.words and token[len(word):] in self.marks:
            return word
        word = token.lstrip(_ASCII_PUNCTUATION)  # a mark, then the word
        if word in self.words and token[: len(token) - len(word)] in self.marks:
            return word
        return None

    def __contains__(self, token: str) -> bool:
        return self._word(token) is not None

    def __getitem__(self, token: str) -> str:
        word = self._word(token)
        if word is None:
            raise KeyError(token)
        return word


#: The characters of NLTK's ``REGEX_REMOVE_PUNCTUATION`` (``[string.punctuation]``).
_ASCII_PUNCTUATION = string.punctuation
_NO_ASCII_PUNCTUATION = str.maketrans("", "", _ASCII_PUNCTUATION)


@lru_cache(maxsize=1)
def _textblob():
    from textblob.en.sentiments import PatternAnalyzer

    return PatternAnalyzer()


@lru_cache(maxsize=1)
def _textblob_scores():
    """TextBlob's default analyser without its wrapper: ``PatternAnalyzer.analyze`` builds a
    new namedtuple type on every call around ``textblob.en.sentiment(text)``, whose
    (polarity, subjectivity) this returns as they are."""
    from textblob.en import sentiment

    return sentiment


def score_text(text: str) -> dict[str, float]:
    """TextBlob and VADER scores of one text (columns ``SCORE_COLUMNS``)."""
    tb = _textblob_scores()(text)
    vd = _vader().polarity_scores(text)
    return {
        "tb_polarity": float(tb[0]),
        "tb_subjectivity": float(tb[1]),
        "vader_compound": float(vd["compound"]),
        "vader_pos": float(vd["pos"]),
        "vader_neu": float(vd["neu"]),
        "vader_neg": float(vd["neg"]),
    }


def scored_words(st, text: str) -> str:
    """What a statement's scores are computed on: the speaker's own words (its ``quoted``
    spans) when it has any, so a mixed statement is not scored on the reporter's paraphrase
    around them; otherwise its content (the ``fragments``, without an attribution that
    interrupts them). Parts are joined by a space."""
    return " ".join(text[a:b] for a, b in st.quoted) if st.quoted else content_words(st, text)


def content_words(st, text: str) -> str:
    """A statement's whole content: its ``fragments`` joined by a space (the attribution that
    interrupts a quote left out)."""
    return " ".join(text[a:b] for a, b in (st.fragments or ((st.start, st.end),)))


def statement_layer(doc) -> list:
    """The ``statements`` layer: the attributions with their six scores, computed on
    :func:`scored_words`, and the two polarity scores of the whole content
    (``content_tb_polarity``, ``content_vader_compound``) for the paraphrase comparison."""
    from dataclasses import replace

    scores: dict[str, dict[str, float]] = {}  # each distinct text of the article scored once

    def scored(text: str) -> dict[str, float]:
        if text not in scores:
            scores[text] = score_text(text)
        return scores[text]

    out = []
    for st in doc.attributions:
        own = scored(scored_words(st, doc.text))
        content = scored(content_words(st, doc.text)) if st.quoted else own  # the same words otherwise
        out.append(replace(
            st, **own, content_tb_polarity=content["tb_polarity"], content_vader_compound=content["vader_compound"],
        ))
    return out


def lexicon_words(text: str) -> dict[str, list[tuple[str, float]]]:
    """The words behind a text's two scores: TextBlob's assessments (each lexicon word or
    phrase with its polarity, modifiers such as ``very`` and negation applied) and VADER's
    word valences after its rules (boosters, negation, ``but``), as NLTK's
    ``polarity_scores`` computes them. Words with a zero score are left out."""
    from nltk.sentiment.vader import SentiText

    tb = _textblob().analyze(text, keep_assessments=True).assessments
    tb_words = [(" ".join(words), round(float(pol), 3)) for words, pol, _subj, _label in tb if pol]
    sia = _vader()
    st = SentiText(text, sia.constants.PUNC_LIST, sia.constants.REGEX_REMOVE_PUNCTUATION)
    words = st.words_and_emoticons
    first: dict[str, int] = {}
    for k, w in enumerate(words):
        first.setdefault(w, k)
    valences: list[float] = []
    for item in words:  # the loop of NLTK's SentimentIntensityAnalyzer.polarity_scores
        i = first[item]
        if (i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of") or (
            item.lower() in sia.constants.BOOSTER_DICT
        ):
            valences.append(0)
            continue
        valences = sia.sentiment_valence(0, st, item, i, valences)
    valences = sia._but_check(words, valences)
    vd_words = [(w, round(float(v), 3)) for w, v in zip(words, valences) if v]
    return {"tb_words": tb_words, "vader_words": vd_words}


def explain(scored: pd.DataFrame, text: str) -> pd.DataFrame:
    """``scored`` (the statements table) with the lexicon words behind each statement's
    scores, computed on the same words as the scores (:func:`scored_words`): ``scored_on``
    (``own words`` or ``content``), ``tb_words`` and ``vader_words`` as ``word (score)``
    lists, and ``single_word``: a non-zero score in either lexicon that rests on one word."""
    rows = []
    for st in scored.itertuples(index=False):
        words = lexicon_words(scored_words(st, text))
        single = any(len(words[k]) == 1 for k in ("tb_words", "vader_words"))
        rows.append({
            "scored_on": "own words" if st.quoted else "content",
            "tb_words": "; ".join(f"{w} ({v:+.2f})" for w, v in words["tb_words"]),
            "vader_words": "; ".join(f"{w} ({v:+.2f})" for w, v in words["vader_words"]),
            "single_word": single,
        })
    extra = pd.DataFrame(rows, columns=["scored_on", "tb_words", "vader_words", "single_word"], index=scored.index)
    return pd.concat([scored, extra], axis=1)


def own_vs_content(scored: pd.DataFrame, by: str) -> pd.DataFrame:
    """Per group: statements, and the mean of each lexicon on the speakers' own words (the
    default scores) beside the mean on the whole content, the reporter's paraphrase
    included; most statements first."""
    cols = {
        "TextBlob, own words": "tb_polarity", "TextBlob, content": "content_tb_polarity",
        "VADER, own words": "vader_compound", "VADER, content": "content_vader_compound",
    }
    if scored.empty:
        return pd.DataFrame(columns=[by, "statements", *cols])
    g = scored.groupby(by, sort=False)
    out = pd.DataFrame({"statements": g.size(), **{name: g[col].mean() for name, col in cols.items()}}).reset_index()
    return out.sort_values(["statements", by], ascending=[False, True], ignore_index=True)


def score(df: pd.DataFrame, column: str = "text") -> pd.DataFrame:
    """``df`` with the six score columns added for the texts in ``column``."""
    scores = pd.DataFrame([score_text(t) for t in df[column]], columns=SCORE_COLUMNS, index=df.index)
    return pd.concat([df, scores], axis=1)


def bootstrap_ci(values, *, n_boot: int = N_BOOT, seed: int = SEED) -> tuple[float, float]:
    """Percentile bootstrap 95% interval of the mean; NaN when there are fewer than 3 values."""
    x = np.asarray(values, dtype=float)
    if len(x) < 3:
        return (float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    means = rng.choice(x, size=(n_boot, len(x)), replace=True).mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return float(low), float(high)


def aggregate(scored: pd.DataFrame, by: str, columns=("tb_polarity", "vader_compound")) -> pd.DataFrame:
    """One row per group and lexicon: n, mean, median, min, max, ci_low, ci_high.

    Groups are ordered by number of statements (most first), then name.
    """
    rows = []
    for key, group in scored.groupby(by, sort=False):
        for col in columns:
            v = group[col].astype(float)
            low, high = bootstrap_ci(v)
            rows.append({
                by: key, "lexicon": LEXICONS.get(col, col), "n": len(v), "mean": v.mean(),
                "median": v.median(), "min": v.min(), "max": v.max(), "ci_low": low, "ci_high": high,
            })
    out = pd.DataFrame(rows, columns=[by, "lexicon", "n", "mean", "median", "min", "max", "ci_low", "ci_high"])
    if out.empty:
        return out
    order = out.groupby(by, sort=False)["n"].first().sort_values(ascending=False, kind="stable")
    out[by] = pd.Categorical(out[by], categories=list(order.index), ordered=True)
    return out.sort_values([by, "lexicon"]).reset_index(drop=True).assign(**{by: lambda d: d[by].astype(str)})


def _sign(x: float, eps: float) -> int:
    return 0 if abs(x) < eps else (1 if x > 0 else -1)


def agreement(scored: pd.DataFrame, *, eps: float = 0.05) -> tuple[dict, pd.DataFrame]:
    """How far the two lexicons agree: sign agreement and Spearman's rho; the disagreements.

    A score within ``eps`` of zero counts as neutral (VADER's authors use 0.05 for compound).
    Disagreements are statements where the signs differ, one of them possibly neutral; the
    table lists them with the largest gap first.
    """
    tb = scored["tb_polarity"].astype(float)
    vd = scored["vader_compound"].astype(float)
    signs_tb = tb.map(lambda x: _sign(x, eps))
    signs_vd = vd.map(lambda x: _sign(x, eps))
    same = signs_tb == signs_vd
    n = len(scored)
    rho = float(tb.corr(vd, method="spearman")) if n >= 3 and tb.nunique() > 1 and vd.nunique() > 1 else float("nan")
    opposite = (signs_tb * signs_vd) < 0
    stats = {
        "n": n,
        "sign_agreement": float(same.mean()) if n else float("nan"),
        "opposite_signs": int(opposite.sum()),
        "spearman_rho": rho,
    }
    cols = [c for c in ("quote_id", "speaker", "text") if c in scored.columns]
    dis = scored.loc[~same, cols + ["tb_polarity", "vader_compound"]].copy()
    dis["gap"] = (dis["tb_polarity"] - dis["vader_compound"]).abs()
    dis = dis.sort_values("gap", ascending=False, kind="stable").reset_index(drop=True)
    return stats, dis


def findings(scored: pd.DataFrame, by_camp: pd.DataFrame, stats: dict, escape=str) -> list[str]:
    """Plain-language findings computed from the scores (names passed through ``escape``)."""
    if scored.empty:
        return ["The article has no attributed statements, so there is nothing to compare."]
    items = []
    kinds = scored["kind"].value_counts()
    items.append(
        f"{len(scored)} attributed statements by {scored['speaker'].nunique()} speakers: "
        + ", ".join(f"{n} {k}" for k, n in kinds.items()) + "."
    )
    items.append(camp_comparison(by_camp, escape))
    rho = stats["spearman_rho"]
    items.append(
        f"The lexicons agree on the sign (±0.05 counted as neutral) for {stats['sign_agreement']:.0%} of statements, "
        f"with opposite signs in {stats['opposite_signs']}; "
        + (f"Spearman's rho = {rho:.2f}." if rho == rho else "too few distinct scores for a rank correlation.")
    )
    return items


#: Statements a group needs before its mean is compared: below this a bootstrap interval of
#: the mean is too unstable to separate two groups.
MIN_STATEMENTS = 5


def camp_comparison(by_camp: pd.DataFrame, escape=str, min_n: int = MIN_STATEMENTS) -> str:
    """One sentence comparing the most and the least positive camps, stated as a finding
    only when both lexicons put them in the same order and, in both, their bootstrap 95 %
    intervals lie apart; otherwise what the data cannot tell, and why. Camps with fewer than
    ``min_n`` statements, and ``unknown``, are not compared."""
    known = by_camp[(by_camp["camp"] != "unknown") & (by_camp["n"] >= min_n)]
    camps = sorted(set(known["camp"]))
    if len(camps) < 2:
        return (
            f"The data cannot tell whether the groups differ in tone: fewer than two named groups have "
            f"{min_n} or more statements (enough for a bootstrap interval of the mean)."
        )
    means = known.pivot(index="camp", columns="lexicon", values="mean")
    lo = known.pivot(index="camp", columns="lexicon", values="ci_low")
    hi = known.pivot(index="camp", columns="lexicon", values="ci_high")
    lexicons = list(means.columns)
    top = {lex: means[lex].idxmax() for lex in lexicons}
    low = {lex: means[lex].idxmin() for lex in lexicons}
    if len(set(top.values())) > 1 or len(set(low.values())) > 1:
        ranks = "; ".join(f"{lex}: {escape(top[lex])} highest, {escape(low[lex])} lowest" for lex in lexicons)
        return f"The data cannot tell which group is most positive: the lexicons disagree ({ranks})."
    a, b = top[lexicons[0]], low[lexicons[0]]
    apart = all(lo.loc[a, lex] > hi.loc[b, lex] for lex in lexicons)
    detail = ", ".join(f"{lex} {means.loc[a, lex]:+.2f} against {means.loc[b, lex]:+.2f}" for lex in lexicons)
    if not apart:
        return (
            f"Both lexicons score {escape(a)} highest and {escape(b)} lowest ({detail}), but their 95 % intervals "
            "overlap, so the data cannot tell the two apart."
        )
    return f"Statements from {escape(a)} score more positive than those from {escape(b)} in both lexicons ({detail}; intervals apart)."


_POSTMODIFIER = re.compile(r" (?:familiar|close|with|who|at|from|for|in|of|on|briefed|speaking)\b.*?(?= #\d+$|$)")


def _short(name: str, kind: str) -> str:
    """A chart label: a person's surname (``Macron``); an anonymous source without its
    post-modifier (``source familiar with the matter #2`` -> ``source #2``)."""
    if kind == "person" and " " in name and not name.endswith(")"):
        return name.split()[-1]
    if kind == "anonymous":
        return _POSTMODIFIER.sub("", name, count=1)
    return name


def point_labels(scored: pd.DataFrame) -> pd.DataFrame:
    """One label per distinct (TextBlob, VADER) point: the speakers there, shortened.

    Columns ``tb_polarity``, ``vader_compound``, ``label``, ``n``. A point shared by more
    than two speakers is labelled by its count (``5 statements``) so labels stay short.
    """
    rows = []
    for (x, y), g in scored.groupby(["tb_polarity", "vader_compound"], sort=True):
        names = list(dict.fromkeys(_short(s, t) for s, t in zip(g["speaker"], g["speaker_type"])))
        if len(names) > 2:
            label = f"{len(g)} statements" + (" (neutral in both)" if x == 0 and y == 0 else "")
        else:
            label = ", ".join(names) + (f" ×{len(g)}" if len(g) > len(names) else "")
        rows.append({"tb_polarity": x, "vader_compound": y, "label": label, "n": len(g)})
    return pd.DataFrame(rows, columns=["tb_polarity", "vader_compound", "label", "n"])
