"""Tables for the accuracy notebook (``90-measure-accuracy``): recorded measurements on
public data, the hand-written held-out sets, and the seed's gold."""

from __future__ import annotations

import pandas as pd

from . import HELDOUT, SEED_GOLD, heldout, load_audits, load_results, seed

SHOWN = ["precision", "recall", "f1", "strict_f1", "exact_f1", "value_f1", "attribution_accuracy", "strict_attribution_accuracy",
         "listed_value_f1"]


#: Layers scored by precision and coverage rather than F1, shown in their own table.
NOT_F1 = ("affiliations",)


def affiliation_results() -> pd.DataFrame:
    """Every recorded measurement of speakers' affiliations, oldest first."""
    keys = ("layer", "dataset", "compartment", "date", "commit", "untouched")
    rows = [{k: m[k] for k in keys} | m["metrics"] for m in load_results() if m["layer"] in NOT_F1]
    return pd.DataFrame(rows)


def public_results(latest: bool = True) -> pd.DataFrame:
    """The recorded measurements on public data, oldest first; with ``latest`` the newest of
    each data set (see ``newest``). One row each: layer, dataset, compartment, date, commit,
    untouched and the metrics."""
    rows = [{k: m[k] for k in ("layer", "dataset", "compartment", "date", "commit", "untouched", "source")} | m["metrics"]
            for m in load_results() if m["layer"] not in NOT_F1]
    df = pd.DataFrame(rows)
    if df.empty or not latest:
        return df
    return newest(df)


def newest(df: pd.DataFrame) -> pd.DataFrame:
    """The newest measurement of each data set, in record order: the last row of each of its
    compartments (PolNeAR's train and dev both), except a compartment last measured before
    another compartment of the same data set was first recorded, which that one replaced
    (quantulum3's suite was scored as ``all kinds`` until the kinds the project covers were
    scored beside them, under a new compartment name): its old value is no current number."""
    keys = ["layer", "dataset", "compartment"]
    df = df.reset_index(drop=True)
    last = df.groupby(keys, sort=False).tail(1)
    first = df.groupby(keys, sort=False).head(1)
    superseded = [
        ((first["layer"] == row["layer"]) & (first["dataset"] == row["dataset"])
         & (first["compartment"] != row["compartment"]) & (first.index > i)).any()
        for i, row in last.iterrows()
    ]
    return last[[not s for s in superseded]].reset_index(drop=True)


def first_and_latest() -> pd.DataFrame:
    """For each data set, the first (untouched) F1 and value F1 beside the latest: the first
    measurement of a compartment, whether it was untouched, and the newest."""
    df = public_results(latest=False)
    if df.empty:
        return df
    keys = ["layer", "dataset", "compartment"]
    groups = df.groupby(keys, sort=False)
    first, last = groups.head(1).set_index(keys), groups.tail(1).set_index(keys)
    out = pd.DataFrame({"first_date": first["date"], "first_untouched": first["untouched"], "first_f1": first["f1"],
                        "latest_date": last["date"], "latest_f1": last["f1"], "measurements": groups.size()})
    if "value_f1" in df:
        out.insert(3, "first_value_f1", first["value_f1"])
        out["latest_value_f1"] = last["value_f1"]
    return out.reset_index()


def heldout_results() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every hand-written held-out set scored now: metrics per set, and all their errors."""
    rows, errors = [], []
    for layer, sets in HELDOUT.items():
        for name, status in sets.items():
            metrics, errs = heldout(name)
            rows.append({"layer": layer, "set": name, "status": status, **metrics})
            errors.append(errs.assign(set=name))
    return pd.DataFrame(rows), pd.concat(errors, ignore_index=True)


def seed_results() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each layer against the seed's hand-made gold: metrics per layer, and the errors."""
    rows, errors = [], []
    for layer in SEED_GOLD:
        metrics, errs = seed(layer)
        rows.append({"layer": layer, **metrics})
        errors.append(errs.assign(layer=layer))
    return pd.DataFrame(rows), pd.concat(errors, ignore_index=True)


def audit_results() -> pd.DataFrame:
    """Every recorded audit of a corpus, oldest first: data set, compartment, date, commit,
    articles, articles with problems, and the problems per check."""
    rows = []
    for a in load_audits():
        row = {k: a[k] for k in ("dataset", "compartment", "date", "commit")}
        row |= {"articles": a["articles"], "with_problems": a["articles_with_problems"]}
        row |= {check: c["problems"] for check, c in a["checks"].items()}
        rows.append(row)
    return pd.DataFrame(rows)
