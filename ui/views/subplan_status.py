"""Each ordered unit's sub-plan status, read from the audit in ``reports.subplans`` — so the overview, the
organ page and the cascade map colour a unit exactly as the audit table on the gaps page does."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from graph.store import GraphStore
from reports.subplans import audit_every_plan, subplan_statuses

__all__ = ["Statuses", "status_lookup"]

# plan uid → {unit uid: (status, sub-plan uid or None, deadline)}
Statuses = Callable[[str], Mapping[str, tuple[str, str | None, str | None]]]


def status_lookup(store: GraphStore, as_of: date) -> Statuses:
    """Per plan, each ordered unit's audit status (``on_time``, ``late``, ``missing``…): every plan's, read in
    one query when first asked (a cascade of hundreds of plans is not audited plan by plan)."""
    memo: dict[str, dict[str, tuple[str, str | None, str | None]]] = {}

    def lookup(plan: str) -> Mapping[str, tuple[str, str | None, str | None]]:
        if not memo:
            memo.update(subplan_statuses(audit_every_plan(store, as_of)) or {"": {}})
        return memo.get(plan, {})

    return lookup
