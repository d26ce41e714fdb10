"""The audit over the shipped corpus (data/corpus/): no more problems per check than the reviewed allowance."""

from __future__ import annotations

import json

from helpers import paths
from helpers.audit import CHECKS, summary
from helpers.audit.run import results

ALLOWANCE = paths.DATA / "evaluation" / "audit_allowance.json"


def test_the_shipped_corpus_passes_the_audit_within_its_reviewed_allowance():
    allowance = json.loads(ALLOWANCE.read_text(encoding="utf-8"))
    assert set(allowance["allowed"]) == set(CHECKS)
    assert all(n == 0 or check in allowance["reviewed"] for check, n in allowance["allowed"].items())
    done = list(results(str(paths.ROOT / allowance["corpus"]), None, None, jobs=2))
    assert len(done) == 120
    found = {check: c["problems"] for check, c in summary(done)["checks"].items()}
    worse = {c: (found[c], n) for c, n in allowance["allowed"].items() if found[c] > n}
    better = {c: (found[c], n) for c, n in allowance["allowed"].items() if found[c] < n}
    detail = [f"{a}: {p.check}: {p.where}: {p.detail}" for a, ps in done for p in ps if p.check in worse]
    assert not worse, f"the audit finds more problems than allowed (found, allowed): {worse}\n" + "\n".join(detail[:20])
    assert not better, f"the audit finds fewer problems: lower the allowance in {ALLOWANCE.name} to {better}"
