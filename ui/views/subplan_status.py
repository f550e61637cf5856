"""Each ordered unit's sub-plan status, read from the audit in ``reports.subplans`` — so the overview, the
organ page and the cascade map colour a unit exactly as the audit table on the gaps page does."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from graph.store import GraphStore
from reports.subplans import audit_subplans, subplan_statuses

__all__ = ["Statuses", "status_lookup"]

# plan uid → {unit uid: (status, sub-plan uid or None, deadline)}
Statuses = Callable[[str], Mapping[str, tuple[str, str | None, str | None]]]


def status_lookup(store: GraphStore, as_of: date) -> Statuses:
    """Per plan, each ordered unit's audit status (``on_time``, ``late``, ``missing``…), read when first asked."""
    memo: dict[str, Mapping[str, tuple[str, str | None, str | None]]] = {}

    def lookup(plan: str) -> Mapping[str, tuple[str, str | None, str | None]]:
        if plan not in memo:
            memo[plan] = subplan_statuses(audit_subplans(store, plan, as_of)).get(plan, {})
        return memo[plan]

    return lookup
