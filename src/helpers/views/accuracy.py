"""Notebook 90's view: the extractors' accuracy on public data, the held-out sets and the seed's
gold, and the audit's counts over whole corpora.

Accuracy is a property of the extractors, not of an article: the view reads the results file
(``data/evaluation/results.json``) and the project's gold, whatever the document.
"""

from __future__ import annotations

import pandas as pd

from .. import plots
from ..evaluate import summary
from . import View

PUBLIC_COLUMNS = ["layer", "dataset", "compartment", "date", "commit", "untouched"]


def accuracy_title(public: pd.DataFrame) -> str:
    best, worst = public.loc[public["f1"].idxmax()], public.loc[public["f1"].idxmin()]
    return f"F1 runs from {worst['f1']:.2f} ({worst['dataset']}) to {best['f1']:.2f} ({best['dataset']})"


def _accuracy_chart(public: pd.DataFrame, title: str):
    scored = public.assign(label=public["dataset"] + " · " + public["compartment"]).iloc[::-1]
    fig, ax = plots.figure(figsize=(plots.WIDTH, 1.2 + 0.55 * len(scored)))
    ys = range(len(scored))
    ax.barh([y + 0.2 for y in ys], scored["f1"], height=0.38, color=plots.OKABE_ITO["blue"], label="span / detection F1")
    if "value_f1" in scored:
        ax.barh([y - 0.2 for y in ys], scored["value_f1"].fillna(0), height=0.38, color=plots.OKABE_ITO["orange"], label="value F1")
    ax.set_yticks(list(ys), scored["label"])
    ax.set_xlim(0, 1)
    ax.set_xlabel("Score (0 to 1)")
    ax.set_ylabel("Data set · compartment")
    ax.grid(axis="y", visible=False)
    plots.title(ax, title, loc="left")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.9 / len(scored) - 0.08), ncols=2)
    plots.caption(fig, "Source: data/evaluation/results.json (measurements on public annotated data, dates and commits per row)")
    return fig


def findings(public: pd.DataFrame, held: pd.DataFrame) -> list[str]:
    """One sentence per public data set (newest measurement first), and the held-out gap."""
    items = []
    for _, r in public.sort_values("date", ascending=False, kind="stable").iterrows():
        value = f", value F1 {r['value_f1']:.2f}" if pd.notna(r.get("value_f1")) else ""
        who = f", attribution accuracy {r['attribution_accuracy']:.2f}" if pd.notna(r.get("attribution_accuracy")) else ""
        if pd.notna(r.get("strict_attribution_accuracy")):
            who += f" (strict, the speaker a reader is shown: {r['strict_attribution_accuracy']:.2f})"
        items.append(f"{r['layer']} on {r['dataset']} ({r['compartment']}, {r['date']}): F1 {r['f1']:.2f}{value}{who}"
                     + (" (untouched)" if r["untouched"] else "") + ".")
    if len(public) and len(held):
        gap = (held.groupby("layer")["f1"].mean() - public.groupby("layer")["f1"].mean()).dropna()
        if len(gap):
            items.append("The hand-written held-out sets score higher than public data by "
                         + ", ".join(f"{d:+.2f} F1 for {layer}" for layer, d in gap.items()) + ": quote the public numbers.")
    return items or ["No measurements to report."]


def build(doc=None, **_parameters) -> View:
    """Everything notebook 90 shows (``doc`` is not read: accuracy belongs to the extractors)."""
    v = View("90-measure-accuracy")
    public = summary.public_results()
    held, held_errors = summary.heldout_results()
    seed_scores, seed_errors = summary.seed_results()
    shown = [c for c in summary.SHOWN if c in public]
    v.tables = {
        "public": public[PUBLIC_COLUMNS + shown] if len(public) else public,
        "history": summary.first_and_latest(),
        "heldout": held[["layer", "set", "status", "documents", "gold", "predicted"] + [c for c in summary.SHOWN if c in held]],
        "heldout_errors": held_errors,
        "seed": seed_scores[["layer", "gold", "predicted"] + [c for c in summary.SHOWN if c in seed_scores]],
        "seed_errors": seed_errors,
        "audits": summary.audit_results(),
        "affiliations": summary.affiliation_results(),
    }
    v.captions = {
        "public": "Latest measurement per public data set (F1 at the layer's span rule; value F1 = F1 × value accuracy)",
        "history": "First and latest F1 per data set",
        "heldout": "Held-out sets, scored now",
        "heldout_errors": "Every error on the held-out sets",
        "seed": "The seed against its gold",
        "seed_errors": "Errors on the seed",
        "audits": "The audit over whole corpora: problems per check, as recorded (python -m helpers audit … --record)",
        "affiliations": "Speakers' affiliations against hand labels: precision over the affiliations given, coverage over the "
                        "labelled speakers, recall over those the labels give one (every measurement, oldest first)",
    }
    v.notes = {"public": "No measurement on public data is recorded yet.", "history": "No history yet.",
               "heldout_errors": "No errors on the held-out sets.", "seed_errors": "No errors on the seed.",
               "audits": "No audit over a corpus is recorded yet.",
               "affiliations": "No measurement of affiliations is recorded yet."}
    if len(public):
        v.titles["accuracy"] = accuracy_title(v.tables["public"])
        v.sources["accuracy"] = "public"
        v.figures["accuracy"] = _accuracy_chart(v.tables["public"], v.titles["accuracy"])
    v.findings = findings(public, held) + affiliation_findings(v.tables["affiliations"])
    return v


def affiliation_findings(aff: pd.DataFrame) -> list[str]:
    """The newest measurement of affiliations, and the first when it was untouched."""
    if aff.empty:
        return []
    last = aff.iloc[-1]
    out = [f"Speakers' affiliations on {last['dataset']} ({last['compartment']}, {last['date']}): precision "
           f"{last['precision']:.2f} on {int(last['predicted'])} given, coverage {last['coverage']:.2f} of "
           f"{int(last['labelled_speakers'])} hand-labelled speakers" + (" (untouched)." if last["untouched"] else ".")]
    first = aff[aff["untouched"]]
    if len(first) and first.index[0] != aff.index[-1]:
        f = first.iloc[0]
        out.append(f"Its first, untouched run on those labels: precision {f['precision']:.2f}, coverage {f['coverage']:.2f}.")
    return out
