"""Scores per field against the hand-written gold, with the scorer the project is judged by.

``../shared/tools/score_gold.py`` checks facts per document; here its checks are grouped by field over every
seed and corpus document, printed (``pytest -s`` or the terminal summary), and held to the issue's bar: every
header field right, and at least 95% of the sampled tasks with the right lead organ and deadline.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from loaders.__main__ import _siblings
from loaders.organs import load_gazetteer
from loaders.pipeline import complete_from_context, parse_file
from loaders.record import to_dict
from tests.shared import SHARED, gold, gold_scorer

HEADER_FIELDS = ("number", "type", "date", "issuer", "signer", "implements")


def _field(check: str) -> str:
    """``implements 60-KH/TU`` → ``implements``; ``  lead …`` → ``task lead``; ``task '…'`` → ``task found``."""
    name = check.strip()
    if check.startswith("  "):
        return f"task {name.split()[0]}"
    if name.startswith("task '"):
        return "task found"
    if " task count " in name or name.endswith(" lead"):
        return "section task count and lead"
    return name.split()[0] if name.split()[0] in HEADER_FIELDS else name.split(" ", 1)[0]


@pytest.fixture(scope="module")
def scores() -> dict[str, Counter[str]]:
    scorer = gold_scorer()
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for name in ("seeds", "corpus"):
        for doc in gold(name)["documents"]:
            path = SHARED / name / doc["file"]
            record = complete_from_context(parse_file(path, load_gazetteer()), _siblings(path))
            for check, ok in scorer.score(to_dict(record), doc):
                totals[_field(check)] += 1
                hits[_field(check)] += bool(ok)
    print("\nfield                          right / checked")
    for field in sorted(totals):
        print(f"{field:<30} {hits[field]:>5} / {totals[field]:<5} {100 * hits[field] / totals[field]:5.1f}%")
    return {"hits": hits, "totals": totals}


def _rate(scores: dict[str, Any], *fields: str) -> float:
    return sum(scores["hits"][f] for f in fields) / sum(scores["totals"][f] for f in fields)


def test_every_header_field_is_right_on_every_document(scores: dict[str, Any]) -> None:
    for field in HEADER_FIELDS:
        assert scores["totals"][field] > 0, field
        assert scores["hits"][field] == scores["totals"][field], field


def test_sampled_tasks_are_found_with_their_lead_and_deadline(scores: dict[str, Any]) -> None:
    assert _rate(scores, "task found") == 1.0
    assert _rate(scores, "task lead", "task deadline") >= 0.95
