"""Notebook 10's view: who is quoted, in which group, and how positive or negative each speaker is.

Speakers are grouped (the ``camp`` column of the tables) by one of three schemes:

- by default, the **affiliation** the article itself gives each speaker (``helpers.affiliation``:
  a party, a campaign, a country in the role, an organisation), with the words that say it in
  the ``groups`` table; a speaker the article gives none is in no group (``unknown``);
- the project's registry and camp scheme (US / Europe / Ukraine / Russia, ``speakers.csv`` and
  ``camps.csv``) where the article's row of ``data/reference/article_settings.csv`` says
  ``speaker_groups`` = ``camps`` (the seed's setting);
- a researcher's own scheme, ``CAMP_SCHEME`` (a CSV of ``term``, ``camp``), whatever the article.

Each chart's title is computed from the table it draws (``sources``): the sourcing chart from
``camps``, the speaker chart from ``speaker_summary``, the group chart from ``by_camp``, the
agreement chart from ``agreement``. The group chart's title compares only groups the article
names (not ``unknown``) with enough statements for an interval, and says so when there are none.
"""

from __future__ import annotations

import pandas as pd

from .. import affiliation, evaluate, paths, plots, resources, sentiment, sourcing
from . import View, source_line

NO_GROUP = "unknown"
GROUP_COLUMNS = ["speaker", "group", "kind", "evidence", "statements"]

STATEMENT_COLUMNS = ["quote_id", "speaker", "camp", "kind", "cue", "text", "scored_on", "tb_polarity", "tb_words",
                     "vader_compound", "vader_words", "single_word"]
EPS = 0.05  # a mean within this of zero is neutral (VADER's authors' band for compound)
#: Inches of the shortest chart: room for its title, legend and a vertical axis label with one row.
MIN_HEIGHT = 3.0


def grouping(doc, camp_scheme=None) -> str:
    """Which scheme groups the speakers: ``scheme`` (``CAMP_SCHEME`` given), ``camps`` (the
    article's settings say so) or ``affiliation`` (the default)."""
    if camp_scheme:
        return "scheme"
    known = next((r for r in resources.rows("article_settings.csv") if r["sha256"] == doc.article.sha256), {})
    return "camps" if (known.get("speaker_groups") or "").strip() == "camps" else "affiliation"


def statements(doc, camp_scheme=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The scored statements with a source, grouped by ``grouping`` (the ``camp`` column;
    ``group_kind`` and ``group_evidence`` say where an affiliation comes from), and the
    attributions with none."""
    scored = doc.frame("statements")
    how = grouping(doc, camp_scheme)
    if how == "scheme":
        scored = sourcing.apply_camp_scheme(scored, sourcing.read_camp_scheme(camp_scheme))
    elif how == "affiliation":
        found = affiliation.speaker_affiliations(doc)
        scored = scored.assign(
            camp=[found[s].group if found.get(s) else NO_GROUP for s in scored["speaker"]],
            group_kind=[found[s].kind if found.get(s) else "" for s in scored["speaker"]],
            group_evidence=[found[s].evidence if found.get(s) else "" for s in scored["speaker"]],
        )
    scored, unsourced = sourcing.split_sourced(scored)
    scored = scored.assign(camp=scored["camp"].fillna(NO_GROUP).replace("", NO_GROUP))
    return scored, unsourced


def groups(scored: pd.DataFrame) -> pd.DataFrame:
    """Each speaker, its group and the words the group comes from, most statements first."""
    if scored.empty:
        return pd.DataFrame(columns=GROUP_COLUMNS)
    kind = scored["group_kind"] if "group_kind" in scored else pd.Series("", index=scored.index)
    evidence = scored["group_evidence"] if "group_evidence" in scored else pd.Series("", index=scored.index)
    out = (scored.assign(group=scored["camp"], kind=kind.fillna(""), evidence=evidence.fillna(""))
           .groupby(["speaker", "group", "kind", "evidence"], sort=False).size().rename("statements").reset_index())
    return out.sort_values(["statements", "speaker"], ascending=[False, True], ignore_index=True)[GROUP_COLUMNS]


def no_group(scored: pd.DataFrame) -> pd.DataFrame:
    """Statements whose speaker has no group, and their share of all sourced statements."""
    n = len(scored)
    k = int((scored["camp"] == NO_GROUP).sum()) if n else 0
    return pd.DataFrame([{"statements": n, "no_group": k, "share": k / n if n else 0.0}])


def no_group_finding(table: pd.DataFrame, how: str) -> str:
    r = {k: table.iloc[0][k] for k in table.columns}
    r["statements"], r["no_group"] = int(r["statements"]), int(r["no_group"])
    if not r["statements"]:
        return ""
    basis = {"affiliation": "the article gives no affiliation", "camps": "the project's camp scheme has no camp",
             "scheme": "the scheme given has no group"}[how]
    if not r["no_group"]:
        return f"Every statement's speaker has a group ({'affiliations from the article' if how == 'affiliation' else 'the scheme'})."
    return (f"{r['no_group']} of {r['statements']} statements ({r['share']:.0%}) come from speakers in no group: {basis} "
            "for them, and the group comparisons leave them out.")


def kinds(scored: pd.DataFrame) -> pd.DataFrame:
    """Statements per camp and kind, with totals."""
    if scored.empty:
        return pd.DataFrame(columns=["camp", "total"])
    out = pd.crosstab(scored["camp"], scored["kind"], margins=True, margins_name="total")
    return out.reset_index().rename_axis(columns=None)


def sourcing_title(camps: pd.DataFrame) -> str:
    """Which camp is quoted most, of all statements (``sourcing.headline``), or that one camp has them all."""
    if len(camps) == 1:
        n = int(camps["statements"].iloc[0])
        return f"All {n} statement{'s' if n != 1 else ''} come from one group: {camps['camp'].iloc[0]}"
    top = camps.iloc[0]
    if top["camp"] == NO_GROUP and camps.iloc[1]["statements"] < top["statements"]:
        return f"Speakers in no group are quoted most: {top['statements']} of {int(camps['statements'].sum())} statements"
    return sourcing.headline(camps, "camp")


def speaker_summary(by_speaker: pd.DataFrame) -> pd.DataFrame:
    """Per speaker, the sign of each lexicon's mean, and a last row counting them: the table
    the speaker chart's title states."""
    means = by_speaker.pivot(index="speaker", columns="lexicon", values="mean")
    signs = means.apply(lambda col: col.map(lambda x: 0 if abs(x) < EPS else (1 if x > 0 else -1)))
    return pd.DataFrame([{
        "speakers": len(means),
        "positive_in_both": int((signs > 0).all(axis=1).sum()),
        "negative_in_one_or_both": int((signs < 0).any(axis=1).sum()),
        "lexicons_split": int(signs.nunique(axis=1).gt(1).sum()),
    }])


def speaker_title(summary: pd.DataFrame) -> str:
    s = summary.iloc[0]
    parts = [f"{s['positive_in_both']} of {s['speakers']} speakers score positive in both lexicons"]
    if s["negative_in_one_or_both"]:
        parts.append(f"{s['negative_in_one_or_both']} negative in at least one")
    parts.append(f"the lexicons split on {s['lexicons_split']}" if s["lexicons_split"] else "the lexicons agree on every speaker's sign")
    return "; ".join(parts)


def camp_title(by_camp: pd.DataFrame) -> str:
    """The highest and lowest group by each lexicon's mean, over the groups the article names
    (not ``unknown``) with enough statements for an interval, and whether any two intervals lie
    apart; when fewer than two such groups exist, that no comparison is drawn."""
    camps = list(dict.fromkeys(by_camp["camp"]))
    if len(camps) == 1:
        return f"Every sourced statement comes from one group ({camps[0]}, n={by_camp['n'].iloc[0]})"
    named = by_camp[(by_camp["camp"] != NO_GROUP) & (by_camp["n"] >= sentiment.MIN_STATEMENTS)]
    if named["camp"].nunique() < 2:
        return "Group means shown, not compared: fewer than two named groups have enough statements to tell apart"
    by_camp = named
    parts = []
    for lex, g in by_camp.groupby("lexicon", sort=False):
        hi, lo = g.loc[g["mean"].idxmax()], g.loc[g["mean"].idxmin()]
        parts.append(f"{lex.split()[0]}: {hi['camp']} highest ({hi['mean']:+.2f}), {lo['camp']} lowest ({lo['mean']:+.2f})")
    known = by_camp[by_camp["ci_low"].notna()]
    apart = [lex for lex, g in known.groupby("lexicon") if len(g) >= 2 and g["ci_low"].max() > g["ci_high"].min()]
    if len(known["camp"].unique()) >= 2:
        tail = "some intervals lie apart" if apart else "all intervals overlap"
    else:
        tail = "too few statements for intervals to compare"
    return "; ".join(parts) + f"; {tail}"


def agreement_table(stats: dict) -> pd.DataFrame:
    return pd.DataFrame([stats])


def agreement_title(agreement: pd.DataFrame) -> str:
    a = agreement.iloc[0]
    rho = "" if pd.isna(a["spearman_rho"]) else f" (Spearman ρ = {a['spearman_rho']:.2f})"
    return f"The lexicons agree on the sign of {a['sign_agreement']:.0%} of statements{rho}"


#: Speakers drawn on the speaker chart (those with most statements); the table lists them all.
CHART_SPEAKERS = 20


def _most_quoted(by_speaker: pd.DataFrame) -> pd.DataFrame:
    """The rows of the ``CHART_SPEAKERS`` speakers with most statements (``by_speaker``'s order)."""
    keep = list(dict.fromkeys(by_speaker["speaker"]))[:CHART_SPEAKERS]
    return by_speaker[by_speaker["speaker"].isin(keep)]


def _left_out(by_speaker: pd.DataFrame) -> str:
    n = by_speaker["speaker"].nunique()
    return f"; the {CHART_SPEAKERS} of {n} speakers with most statements (the table lists all)" if n > CHART_SPEAKERS else ""


def _sourcing_chart(camps: pd.DataFrame, title: str, source: str):
    fig, ax = plots.figure(figsize=(plots.WIDTH, max(MIN_HEIGHT, 1.6 + 0.5 * len(camps))))
    plots.voice_bars(ax, camps, "camp")
    plots.title(ax, title)
    ax.set_ylabel("Group (statements)")
    plots.caption(fig, source + "; voice: quoted = all the speaker's words, mixed = quoted words inside a paraphrase")
    return fig


def _interval_chart(agg: pd.DataFrame, by: str, title: str, caption: str, *, per_row: float, camp_colors: bool = False):
    fig, ax = plots.figure(figsize=(plots.WIDTH, max(MIN_HEIGHT + 0.6, 1.5 + per_row * agg[by].nunique())))
    plots.group_intervals(ax, agg, by)
    if camp_colors:
        for label in ax.get_yticklabels():
            label.set_color(plots.CAMP_COLORS.get(label.get_text().split(" (")[0], "#333333"))
    plots.title(ax, title, pad=28)
    ax.set_ylabel(("Speaker" if by == "speaker" else "Group") + " (statements)")
    plots.caption(fig, caption)
    return fig


def _agreement_chart(scored: pd.DataFrame, title: str, source: str):
    fig, ax = plots.figure(figsize=(plots.WIDTH, 7.5))
    for camp, sub in scored.groupby("camp"):
        ax.scatter(sub["tb_polarity"], sub["vader_compound"], s=45, color=plots.CAMP_COLORS.get(camp, "#767676"),
                   label=camp, alpha=0.85, edgecolor="white")
    ax.plot([-1, 1], [-1, 1], color="#999999", lw=0.8, ls="--", label="equal scores")
    ax.axhline(0, color="#333333", lw=0.6)
    ax.axvline(0, color="#333333", lw=0.6)
    lo = min(scored["tb_polarity"].min(), scored["vader_compound"].min(), 0) - 0.15
    hi = max(scored["tb_polarity"].max(), scored["vader_compound"].max(), 0) + 0.15
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)  # the data's range, square, so the diagonal is 45°
    ax.set_xlabel("TextBlob polarity (−1 … +1)")
    ax.set_ylabel("VADER compound (−1 … +1)")
    plots.title(ax, title)
    longest = max((len(str(c)) for c in scored["camp"].unique()), default=12)
    # seven short group names to a row; fewer when the article's groups have long names (a university's centre)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=7 if longest <= 10 else max(1, min(7, 84 // (longest + 6))))
    # one label per distinct point, the points with most statements first (they keep their label)
    points = sentiment.point_labels(scored).sort_values("n", ascending=False, kind="stable")
    drawn = plots.label_points(ax, points["tb_polarity"], points["vader_compound"], points["label"])
    left_out = len(points) - len(drawn)
    plots.caption(fig, source + "; neutral band ±0.05"
                  + (f"; {left_out} label{'s' if left_out != 1 else ''} left out where they would overlap (the table lists every statement)"
                     if left_out else ""))
    return fig


def _seed_accuracy(v: View, article) -> None:
    if article.sha256 != paths.SEED_SHA256:
        v.notes["accuracy"] = "No gold annotation for this article: the extractor's accuracy on annotated news is in notebook 90."
        return
    scores, errors = evaluate.seed("quotes")
    v.tables["seed_scores"] = pd.DataFrame([{"measure": k, "value": val} for k, val in scores.items()])
    v.tables["seed_errors"] = errors
    if errors.empty:
        v.notes["accuracy"] = ("No errors on the seed: every gold statement found with the right speaker and kind, "
                               "nothing invented.")


def _tables(v: View, doc, scored: pd.DataFrame, unsourced: pd.DataFrame) -> dict:
    """Fill ``v``'s tables and captions; returns the lexicon agreement's statistics."""
    explained = sentiment.explain(scored, doc.text)
    v.tables["statements"] = explained[STATEMENT_COLUMNS] if len(scored) else pd.DataFrame(columns=STATEMENT_COLUMNS)
    v.tables["unsourced"] = unsourced[["quote_id", "cue", "cue_class", "text"]]
    v.tables["kinds"] = kinds(scored)
    v.tables["groups"] = groups(scored)
    v.tables["no_group"] = no_group(scored)
    v.tables["camps"] = sourcing.by_group(scored, doc.text, "camp")
    v.tables["speaker_types"] = sourcing.by_group(scored, doc.text, "speaker_type")
    v.tables["by_speaker"] = sentiment.aggregate(scored, "speaker")
    v.tables["by_camp"] = sentiment.aggregate(scored, "camp")
    v.tables["own_vs_content"] = sentiment.own_vs_content(scored, "camp")
    stats, disagreements = sentiment.agreement(scored)
    v.tables["agreement"] = agreement_table(stats)
    v.tables["disagreements"] = disagreements
    v.captions.update({
        "statements": "Attributed statements, their scores and the lexicon words behind them (single_word: a score that rests "
                      "on one word; in text: the statement in the annotated article of report 00)",
        "unsourced": "Attributions with no source in the text",
        "kinds": "Statements by group and kind",
        "groups": "Each speaker's group, and the article's words it comes from (kind: party, campaign, country or organisation)",
        "no_group": "Statements whose speaker has no group",
        "camps": "Statements, words of content and words in the speaker's own voice, by group",
        "speaker_types": "The same by speaker type",
        "by_speaker": "Sentiment by speaker: n, mean, median, range and bootstrap 95% interval",
        "by_camp": "Sentiment by group: n, mean, median, range and bootstrap 95% interval",
        "own_vs_content": "Mean scores by group: the speakers' own words beside the whole content (paraphrase included)",
        "agreement": "How far the two lexicons agree (sign within ±0.05 counted as neutral)",
        "disagreements": "Sign disagreements between TextBlob and VADER",
        "speaker_summary": "Speakers by the sign of their mean score in each lexicon",
    })
    return stats


def build(doc, CAMP_SCHEME=None, **_parameters) -> View:  # noqa: N803 (the notebook's parameter name)
    """Everything notebook 10 shows for ``doc``; ``CAMP_SCHEME`` regroups speakers (a CSV of term, camp)."""
    article = doc.article
    v = View("10-compare-sentiment-by-speaker")
    scored, unsourced = statements(doc, CAMP_SCHEME)
    how = grouping(doc, CAMP_SCHEME)
    stats = _tables(v, doc, scored, unsourced)
    v.notes["sourcing"] = sourcing.unsourced_note(unsourced)  # shown above the table of unsourced attributions, if any
    source = source_line(article)
    if scored.empty:
        v.notes["statements"] = "This article has no attributed statements: there is no speaker to compare, and the charts are left out."
    else:
        v.tables["speaker_summary"] = speaker_summary(v.tables["by_speaker"])
        v.titles = {"sourcing": sourcing_title(v.tables["camps"]),
                    "by_speaker": speaker_title(v.tables["speaker_summary"]),
                    "by_camp": camp_title(v.tables["by_camp"]),
                    "agreement": agreement_title(v.tables["agreement"])}
        v.sources = {"sourcing": "camps", "by_speaker": "speaker_summary", "by_camp": "by_camp", "agreement": "agreement"}
        scheme = {"scheme": "groups from the scheme given (CAMP_SCHEME)",
                  "camps": "groups: the project's camps (data/reference/speakers.csv and camps.csv), this article's setting",
                  "affiliation": "groups: each speaker's affiliation as the article states it"}[how]
        v.figures = {
            "sourcing": _sourcing_chart(v.tables["camps"], v.titles["sourcing"], source),
            "by_speaker": _interval_chart(_most_quoted(v.tables["by_speaker"]), "speaker", v.titles["by_speaker"],
                                          source + "; scores: TextBlob 0.20 pattern lexicon, VADER 3.3.2"
                                          + _left_out(v.tables["by_speaker"]), per_row=0.45),
            "by_camp": _interval_chart(v.tables["by_camp"], "camp", v.titles["by_camp"], f"{source}; {scheme}",
                                       per_row=0.6, camp_colors=True),
            "agreement": _agreement_chart(scored, v.titles["agreement"], source),
        }
    if v.tables["disagreements"].empty:
        v.notes["disagreements"] = "The lexicons agree on every statement."
    share = no_group_finding(v.tables["no_group"], how) if len(scored) else ""
    v.findings = sourcing.findings(scored, doc.text) + ([share] if share else []) + (
        sentiment.findings(scored, v.tables["by_camp"], stats) if len(scored) else [])
    v.notes["groups"] = {"scheme": "Groups from the scheme given (CAMP_SCHEME).",
                         "camps": "Groups: the project's camp scheme (US / Europe / Ukraine / Russia), as this article's "
                                  "settings say (data/reference/article_settings.csv).",
                         "affiliation": "Groups: each speaker's affiliation as the article states it (a party, a campaign, a "
                                        "country in the role, an organisation); a speaker the article gives none is in no "
                                        "group (unknown)."}[how]
    v.exports = {"10-statements.csv": scored, "10-sentiment-by-speaker.csv": v.tables["by_speaker"]}
    for name in ("statements", "kinds", "camps", "by_camp", "own_vs_content"):
        if "camp" in v.tables.get(name, pd.DataFrame()).columns:  # shown as what it is: the speaker's group
            v.tables[name] = v.tables[name].rename(columns={"camp": "group"})
    _seed_accuracy(v, article)
    return v
