"""Each ordered unit's sub-plan status, read from the audit in ``reports.subplans`` — so the overview, the
organ page and the cascade map colour a unit exactly as the audit table on the gaps page does."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from graph.store import GraphStore
from reports.subplans import audit_plans, subplan_statuses

__all__ = ["StatusLookup"]

# unit uid → (status, sub-plan uid or None, deadline)
UnitStatuses = Mapping[str, tuple[str, str | None, str | None]]


class StatusLookup:
    """Per plan, each ordered unit's audit status (``on_time``, ``late``, ``missing``…) as of one date. Only the
    plans asked for are audited, those given to :meth:`load` together in one audit (a page drawing hundreds of
    plans does not audit them one by one, nor the whole store)."""

    def __init__(self, store: GraphStore, as_of: date) -> None:
        self._store, self._as_of = store, as_of
        self._memo: dict[str, dict[str, tuple[str, str | None, str | None]]] = {}

    def load(self, plans: Iterable[str]) -> None:
        wanted = [p for p in dict.fromkeys(plans) if p not in self._memo]
        if wanted:
            rows = audit_plans(self._store, wanted, self._as_of, sentences=False)
            self._memo.update({plan: {} for plan in wanted} | subplan_statuses(rows))

    def __call__(self, plan: str) -> UnitStatuses:
        self.load([plan])
        return self._memo[plan]
