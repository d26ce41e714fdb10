"""Lexicon sentiment of statements: TextBlob and VADER, their aggregation and their agreement.

- TextBlob's default analyser (the *pattern* lexicon bundled inside the textblob wheel; no
  corpus download): ``polarity`` in [-1, 1] and ``subjectivity`` in [0, 1].
- VADER through NLTK's ``SentimentIntensityAnalyzer``, reading the lexicon file that the
  ``vaderSentiment`` wheel ships (``vader_lexicon.txt``) by an explicit ``file:`` URL, so a
  user's ``nltk_data`` folder is never consulted: ``compound`` in [-1, 1] and the ``pos``,
  ``neu``, ``neg`` proportions.

Aggregates per group (speaker or camp): n, mean, median, min, max and, where n >= 3, a
percentile bootstrap 95% interval of the mean with a fixed seed, so reports rebuild
identically.
"""

from __future__ import annotations

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


@lru_cache(maxsize=1)
def _vader():
    import nltk.data
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    lexicon = vader_lexicon_path()
    # NLTK 3.10 opens a ``file:`` URL only under a directory on its search path; appending the
    # wheel's own directory allows that file without letting it shadow anything else
    if str(lexicon.parent) not in nltk.data.path:
        nltk.data.path.append(str(lexicon.parent))
    return SentimentIntensityAnalyzer(lexicon_file=lexicon.as_uri())


@lru_cache(maxsize=1)
def _textblob():
    from textblob.en.sentiments import PatternAnalyzer

    return PatternAnalyzer()


def score_text(text: str) -> dict[str, float]:
    """TextBlob and VADER scores of one text (columns ``SCORE_COLUMNS``)."""
    tb = _textblob().analyze(text)
    vd = _vader().polarity_scores(text)
    return {
        "tb_polarity": float(tb.polarity),
        "tb_subjectivity": float(tb.subjectivity),
        "vader_compound": float(vd["compound"]),
        "vader_pos": float(vd["pos"]),
        "vader_neu": float(vd["neu"]),
        "vader_neg": float(vd["neg"]),
    }


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
