"""What the gaps page shows: the sub-plan audit and task coverage (from ``reports``), and the saved queries for
cited-only documents, overdue tasks and unresolved organ names, each as a :class:`~reports.model.Report`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

import streamlit as st

from common.glossary import value_term
from graph.store import GraphStore
from loaders.text import slug
from queries.catalog import get_query
from reports.coverage import coverage_document, coverage_report
from reports.model import Report, Table
from reports.subplans import audit_subplans, subplan_report
from ui.store import TIMEOUT_MS, Generation, generation, store_for
from ui.views.rows import from_row, uid_words, vi_date

__all__ = [
    "Gap",
    "ImplementsPair",
    "PlanOrdering",
    "audit_report",
    "coverage",
    "gap_report",
    "implements_pairs",
    "plans",
    "read_gap_report",
    "read_implements_pairs",
    "read_plans",
]


@dataclass(frozen=True, slots=True)
class PlanOrdering:
    """A document that orders sub-plans, for the audit picker."""

    uid: str
    symbol: str | None
    date: str | None
    units: int
    deadline: str | None

    @property
    def label(self) -> str:
        return f"{self.symbol} ({vi_date(self.date)}) — {self.units} đơn vị, nhóm"

    @property
    def file_stem(self) -> str:
        return f"kiem-tra-ke-hoach-{slug(self.symbol or 'van-ban')}"


@dataclass(frozen=True, slots=True)
class ImplementsPair:
    """A loaded child document that IMPLEMENTS a loaded parent, for the coverage picker."""

    child_uid: str
    child: str | None
    parent_uid: str
    parent: str | None
    cascade_parent: bool | None

    @property
    def key(self) -> str:
        return f"{self.parent_uid}|{self.child_uid}"

    @property
    def label(self) -> str:
        return f"{self.parent} → {self.child}"

    @property
    def file_stem(self) -> str:
        return f"bao-phu-{slug(self.label)}"


class Gap(StrEnum):
    """The gap tables that are one saved query each."""

    CITED = "cited"  # documents only cited, never loaded
    OVERDUE = "overdue"  # tasks past their deadline, as of a date
    UNRESOLVED = "unresolved"  # organ names not in the gazetteer


# gap → (saved query, table title, column → Vietnamese heading)
_GAP_QUERIES: dict[Gap, tuple[str, str, dict[str, str]]] = {
    Gap.CITED: (
        "cited_not_loaded",
        "Văn bản chỉ được dẫn chiếu",
        {"symbol": "Số, ký hiệu", "type": "Loại", "date": "Ngày",
         "issuer_as_cited": "Cơ quan ban hành (theo trích dẫn)", "title": "Trích yếu",
         "times_cited": "Số lần được dẫn", "cited_by": "Được dẫn trong"},
    ),
    Gap.OVERDUE: (
        "overdue_tasks",
        "Nhiệm vụ quá hạn",
        {"document": "Văn bản", "path": "Mục", "deadline": "Thời hạn", "deadline_text": "Thời hạn (nguyên văn)",
         "lead": "Chủ trì", "text": "Nội dung", "src": "Nguồn"},
    ),
    Gap.UNRESOLVED: (
        "unresolved_organs",
        "Cơ quan chưa xác định",
        {"name": "Tên cơ quan (như trong văn bản)", "mentions": "Số lần nhắc",
         "relations": "Quan hệ", "seen_at": "Gặp ở"},
    ),
}  # fmt: skip


def read_plans(store: GraphStore) -> list[PlanOrdering]:
    rows = store.read(
        """
        MATCH (d:Document)-[r:REQUIRES_SUBPLAN]->()
        RETURN d.uid AS uid, d.symbol AS symbol, d.date AS date, count(r) AS units, min(r.deadline) AS deadline
        ORDER BY date
        """
    )
    return [from_row(PlanOrdering, r) for r in rows]


def read_implements_pairs(store: GraphStore, uids: Sequence[str] | None = None) -> list[ImplementsPair]:
    """(child, parent) IMPLEMENTS pairs between loaded documents (of the children ``uids``, when given)."""
    rows = store.read(
        """
        MATCH (c:Document {status: 'loaded'})-[r:IMPLEMENTS]->(p:Document {status: 'loaded'})
        WHERE $uids IS NULL OR c.uid IN $uids
        RETURN c.uid AS child_uid, c.symbol AS child, p.uid AS parent_uid, p.symbol AS parent,
               r.cascade_parent AS cascade_parent
        ORDER BY parent, child
        """,
        {"uids": list(uids) if uids is not None else None},
    )
    return [from_row(ImplementsPair, r) for r in rows]


def _words(row: dict[str, Any]) -> dict[str, Any]:
    """A row in the reader's words: relationship codes by the glossary, document uids as numbers and lines."""

    def say(value: Any) -> Any:
        if isinstance(value, list | tuple):
            return [say(v) for v in value]
        return uid_words(value_term(value)) if isinstance(value, str) else value

    return {k: say(v) for k, v in row.items()}


def read_gap_report(store: GraphStore, gap: Gap, as_of: date | None) -> Report:
    name, title, labels = _GAP_QUERIES[gap]
    values = {"as_of": as_of.isoformat()} if as_of else {}
    rows = [_words(r) for r in get_query(name).run(store, values, timeout_ms=TIMEOUT_MS)]
    return Report.of_table(Table.from_records(title, rows, list(labels), labels), as_of=as_of)


@st.cache_data(show_spinner=False)
def _plans(gen: Generation) -> list[PlanOrdering]:
    return read_plans(store_for(gen))


@st.cache_data(show_spinner=False)
def _implements_pairs(gen: Generation) -> list[ImplementsPair]:
    return read_implements_pairs(store_for(gen))


@st.cache_data(show_spinner=False, max_entries=64)
def _audit(gen: Generation, plan_uid: str, as_of: date) -> Report:
    return subplan_report(store_for(gen), audit_subplans(store_for(gen), plan_uid, as_of), as_of)


@st.cache_data(show_spinner=False, max_entries=64)
def _coverage(gen: Generation, parent_uid: str, child_uid: str) -> Report:
    return coverage_document(coverage_report(store_for(gen), parent_uid, child_uid))


@st.cache_data(show_spinner=False, max_entries=64)
def _gap(gen: Generation, gap: Gap, as_of: date | None) -> Report:
    return read_gap_report(store_for(gen), gap, as_of)


def plans() -> list[PlanOrdering]:
    """Documents that order sub-plans, the oldest first."""
    return _plans(generation())


def implements_pairs() -> list[ImplementsPair]:
    return _implements_pairs(generation())


def audit_report(plan_uid: str, as_of: date) -> Report:
    """The sub-plan audit of one plan (raises :class:`~reports.model.ReportError` when it cannot be made)."""
    return _audit(generation(), plan_uid, as_of)


def coverage(pair: ImplementsPair) -> Report:
    """How far the child carries the parent's key tasks (raises ``ReportError`` when it cannot be made)."""
    return _coverage(generation(), pair.parent_uid, pair.child_uid)


def gap_report(gap: Gap, as_of: date | None = None) -> Report:
    return _gap(generation(), gap, as_of)
