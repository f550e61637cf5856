"""One row of the sub-plan audit and the rule that gives its status.

>>> subplan_status(date(2023, 6, 30), date(2023, 7, 3), date(2026, 11, 23))
(<SubplanStatus.LATE: 'late'>, 3)
>>> subplan_status(date(2023, 6, 30), None, date(2026, 11, 23))
(<SubplanStatus.MISSING: 'missing'>, None)
>>> days_overdue(date(2023, 6, 30), date(2026, 11, 23))
1242
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from common.glossary import SUBPLAN_STATUS

__all__ = ["SubplanRow", "SubplanStatus", "days_overdue", "subplan_status"]


class SubplanStatus(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"  # the deadline passed and no sub-plan was found
    NOT_YET_DUE = "not_yet_due"
    ISSUED = "issued"  # found, but no deadline or no date to judge it by
    NOT_FOUND = "not_found"  # none found, and the order set no deadline
    UNITS_NOT_LISTED = "units_not_listed"  # a collective the gazetteer cannot list unit by unit
    UNCONFIRMED = "unconfirmed"  # a member of the ordered group whose existence the gazetteer has not confirmed

    @property
    def label(self) -> str:
        """English words: ``on time``, ``not yet due``…"""
        return self.value.replace("_", " ")

    @property
    def label_vi(self) -> str:
        """The words of the one glossary (``common.glossary.SUBPLAN_STATUS``)."""
        return SUBPLAN_STATUS[self.value]


def subplan_status(
    deadline: date | None, issued: date | None, as_of: date, *, found: bool | None = None, collective: bool = False
) -> tuple[SubplanStatus, int | None]:
    """Status of one unit and the days late (``None`` unless late); ``found`` defaults to ``issued`` being set."""
    found = issued is not None if found is None else found
    if collective:
        return SubplanStatus.UNITS_NOT_LISTED, None
    if found:
        if deadline is None or issued is None:
            return SubplanStatus.ISSUED, None
        if issued <= deadline:
            return SubplanStatus.ON_TIME, None
        return SubplanStatus.LATE, (issued - deadline).days
    if deadline is None:
        return SubplanStatus.NOT_FOUND, None
    return (SubplanStatus.MISSING if as_of > deadline else SubplanStatus.NOT_YET_DUE), None


@dataclass(frozen=True, slots=True)
class SubplanRow:
    """One unit ordered by one plan to issue a sub-plan, and what the store shows it did."""

    plan: str  # ordering document's symbol
    plan_uid: str
    paragraph: str | None  # the ordering paragraph's path, e.g. IV.1
    unit: str
    unit_uid: str
    unit_kind: str  # organ | collective | unresolved
    via_group: str | None  # the collective words the unit was expanded from
    deadline: date | None
    deadline_text: str | None
    subplan: str | None  # symbol of the sub-plan found
    subplan_uid: str | None
    subplan_date: date | None
    subplans_found: int
    status: SubplanStatus
    days_late: int | None
    source_text: str | None  # the sentence that gave the order
    src: str | None  # "<document uid>:<line>"
    days_overdue: int | None = None  # a missing sub-plan: days from the deadline to the audit date
    reason: str | None = None  # why a row could not be checked (an unconfirmed unit, an unlisted collective)
    order: tuple[Any, ...] = ()  # the unit's place in the organs' own order (reports.evidence.organ_order)

    @property
    def status_text(self) -> str:
        """``late (3 days)``, ``on time``…"""
        return f"late ({self.days_late} days)" if self.days_late is not None else self.status.label

    @property
    def status_vi(self) -> str:
        return f"Chậm {self.days_late} ngày" if self.days_late is not None else self.status.label_vi

    @property
    def unit_label(self) -> str:
        """The unit's name; a collective says so, so that nobody reads it as one unit."""
        if self.unit_kind == "collective":
            return f"{self.unit} (tập thể — danh mục chưa liệt kê từng đơn vị)"
        if self.unit_kind == "unresolved":
            return f"{self.unit} (tên chưa có trong danh mục cơ quan)"
        return self.unit


def days_overdue(deadline: date | None, as_of: date) -> int | None:
    """Days from a passed deadline to the audit date (``None`` before it, or without one)."""
    return (as_of - deadline).days if deadline is not None and as_of > deadline else None
