"""The branch of a cascade as tables a meeting reads: the compliance matrix (each unit against each plan that
ordered it to issue its own, coloured by the audit's status) and the deadline timeline (tasks and sub-plan orders
by deadline, as of a date), for one document and the documents that directly carry it out — a national cascade of
thousands of plans is read a branch at a time, each column leading to the next branch. Both read the audit of
``reports.subplans``, so they agree with the gaps page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from common.glossary import GROUP_STATUS, LEVELS, group_status
from graph.documents import resolve_document
from graph.store import GraphStore
from reports.subplans import SubplanRow, audit_plans, plans_under
from ui.store import Generation, generation, store_for
from ui.views.rows import vi_date

__all__ = [
    "STATUS_COLOURS",
    "ComplianceMatrix",
    "MatrixCell",
    "MatrixRow",
    "TimelineItem",
    "branch",
    "compliance_matrix",
    "deadline_timeline",
    "read_compliance_matrix",
    "read_deadline_timeline",
]

# group key (common.glossary.GROUP_STATUS) → cell colour; the same colours as the cascade picture
STATUS_COLOURS: dict[str, str] = {
    "on_time": "#2a9d8f",
    "late": "#f4a261",
    "missing": "#e63946",
    "pending": "#8ecae6",
    "unverified": "#fff3b0",
}


@dataclass(frozen=True, slots=True)
class MatrixCell:
    group: str  # a key of STATUS_COLOURS
    text: str  # the audit's words ("Chậm 3 ngày")
    subplan: str | None  # the unit's plan, as number and date
    subplan_uid: str | None
    deadline: str  # dd/mm/yyyy


@dataclass(frozen=True, slots=True)
class MatrixRow:
    section: str  # the level and territory the unit belongs to ("cấp huyện — tỉnh Bình Định")
    unit: str
    unit_uid: str
    cells: tuple[MatrixCell | None, ...]  # one per column; None: this plan gave the unit no order


@dataclass(frozen=True, slots=True)
class ComplianceMatrix:
    columns: tuple[tuple[str, str], ...]  # (plan uid, "60-KH/TU (24/05/2023)")
    rows: tuple[MatrixRow, ...]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for row in self.rows:
            for cell in row.cells:
                if cell:
                    out[cell.group] = out.get(cell.group, 0) + 1
        return out


@dataclass(frozen=True, slots=True)
class TimelineItem:
    document: str  # number of the plan that set the deadline
    what: str  # "Nhiệm vụ II.3" or "Ban hành kế hoạch: 12 đơn vị"
    text: str
    deadline: date
    state: str  # Vietnamese: quá hạn, còn hạn, đúng hạn, chậm, chưa ban hành…


def _sections(store: GraphStore, units: list[str]) -> dict[str, str]:
    rows = store.read(
        """
        MATCH (o) WHERE o.uid IN $uids
        OPTIONAL MATCH (o)-[:PART_OF*1..3]->(p:Organ) WHERE p.level = 'province' OR p.level = 'central'
        RETURN o.uid AS uid, o.level AS level, collect(p.name)[0] AS province
        """,
        {"uids": units},
    )
    out = {}
    for r in rows:
        level = LEVELS.get(str(r["level"]), "chưa rõ cấp")
        out[r["uid"]] = f"{level} — {r['province']}" if r.get("province") else level
    return out


def branch(store: GraphStore, focus: str) -> list[str]:
    """The document ``focus`` (a uid or symbol) and the loaded documents that directly carry it out."""
    return plans_under(store, resolve_document(store, focus).uid, levels=1)


def read_compliance_matrix(store: GraphStore, focus: str, as_of: date) -> ComplianceMatrix:
    """Every unit that ``focus`` or a document directly carrying it out ordered to issue a plan, against each
    of those plans."""
    audit = audit_plans(store, branch(store, focus), as_of)
    columns: dict[str, str] = {}
    for r in audit:
        columns.setdefault(r.plan_uid, r.plan)
    query = "MATCH (d:Document) WHERE d.uid IN $u RETURN d.uid AS uid, d.date AS date"
    dates = {row["uid"]: row["date"] for row in store.read(query, {"u": list(columns)})}
    sections = _sections(store, sorted({r.unit_uid for r in audit}))
    order = list(columns)
    cells: dict[str, dict[str, MatrixCell]] = {}
    names: dict[str, str] = {}
    for r in audit:
        names[r.unit_uid] = r.unit_label
        cells.setdefault(r.unit_uid, {})[r.plan_uid] = _cell(r)
    rows = [
        MatrixRow(sections.get(u, "chưa rõ cấp"), names[u], u, tuple(cells[u].get(p) for p in order))
        for u in cells
    ]
    rows.sort(key=lambda row: (row.section, row.unit))
    labels = tuple((p, f"{columns[p]} ({vi_date(dates.get(p))})" if dates.get(p) else columns[p]) for p in order)
    return ComplianceMatrix(labels, tuple(rows))


def _cell(r: SubplanRow) -> MatrixCell:
    subplan = f"{r.subplan} ({vi_date(r.subplan_date.isoformat())})" if r.subplan and r.subplan_date else r.subplan
    deadline = vi_date(r.deadline.isoformat()) if r.deadline else ""
    return MatrixCell(group_status(r.status.value), r.status_vi, subplan, r.subplan_uid, deadline)


def read_deadline_timeline(store: GraphStore, focus: str, as_of: date) -> list[TimelineItem]:
    """Tasks with a deadline and sub-plan orders (one item per plan, deadline and status) of ``focus`` and of the
    documents that directly carry it out."""
    plans = branch(store, focus)
    audit = audit_plans(store, plans, as_of, sentences=False)
    items = []
    rows = store.read(
        """
        MATCH (d:Document)-[:HAS_SECTION|HAS_TASK*1..8]->(t:Task)
        WHERE d.uid IN $plans AND t.deadline IS NOT NULL
        RETURN DISTINCT d.symbol AS symbol, t.path AS path, t.text AS text, t.deadline AS deadline,
               t.recurrence AS recurrence
        """,
        {"plans": plans},
    )
    for t in rows:
        deadline = date.fromisoformat(str(t["deadline"])[:10])
        overdue = deadline < as_of and not t.get("recurrence")
        text = str(t["text"] or "")
        state = "quá hạn" if overdue else "còn hạn"
        items.append(TimelineItem(str(t["symbol"]), f"Nhiệm vụ {t['path']}", text[:200], deadline, state))
    orders: dict[tuple[str, date, str], int] = {}
    for r in audit:
        if r.deadline:
            key = (r.plan, r.deadline, GROUP_STATUS[group_status(r.status.value)])
            orders[key] = orders.get(key, 0) + 1
    for (plan, deadline, state), n in orders.items():
        what = f"Ban hành kế hoạch: {n} đơn vị"
        items.append(TimelineItem(plan, what, f"{n} đơn vị {state}", deadline, state))
    return sorted(items, key=lambda i: (i.deadline, i.document, i.what))


@st.cache_data(show_spinner=False, max_entries=16)
def _compliance_matrix(gen: Generation, focus: str, as_of: date) -> ComplianceMatrix:
    return read_compliance_matrix(store_for(gen), focus, as_of)


def compliance_matrix(focus: str, as_of: date) -> ComplianceMatrix:
    return _compliance_matrix(generation(), focus, as_of)


@st.cache_data(show_spinner=False, max_entries=16)
def _deadline_timeline(gen: Generation, focus: str, as_of: date) -> list[TimelineItem]:
    return read_deadline_timeline(store_for(gen), focus, as_of)


def deadline_timeline(focus: str, as_of: date) -> list[TimelineItem]:
    return _deadline_timeline(generation(), focus, as_of)
