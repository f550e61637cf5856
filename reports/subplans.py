"""The sub-plan audit: which units a plan ordered to issue their own plan did so, on time, late, or not at all.

One row per unit (the loader already expanded ``các huyện ủy, thị ủy, thành ủy`` into one REQUIRES_SUBPLAN edge
per unit). The rows come from the saved query ``queries/subplan_audit.cypher`` — the one definition of "a
sub-plan was found" — and this module adds the status with the days late, and the sentence that gave the order.

A collective the gazetteer cannot list (``chi bộ, đảng bộ cơ sở trực thuộc Đảng ủy Khối``) stays one row with
``unit_kind == "collective"`` and status ``units_not_listed``: the audit cannot say which of its units are
missing until someone lists them in ``data/organs/``.

>>> subplan_status(date(2023, 6, 30), date(2023, 7, 3), date(2026, 11, 23))
(<SubplanStatus.LATE: 'late'>, 3)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from graph.documents import DocumentRef, describe, document_refs, resolve_document
from graph.store import GraphStore
from queries.catalog import get_query
from reports.model import Report, Table, format_date_vi, parse_iso_date

__all__ = [
    "SubplanRow",
    "SubplanStatus",
    "audit_resolution",
    "audit_subplans",
    "subplan_report",
    "subplan_status",
    "subplan_statuses",
]


class SubplanStatus(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"  # the deadline passed and no sub-plan was found
    NOT_YET_DUE = "not_yet_due"
    ISSUED = "issued"  # found, but no deadline or no date to judge it by
    NOT_FOUND = "not_found"  # none found, and the order set no deadline
    UNITS_NOT_LISTED = "units_not_listed"  # a collective the gazetteer cannot list unit by unit

    @property
    def label(self) -> str:
        """English words: ``on time``, ``not yet due``…"""
        return self.value.replace("_", " ")

    @property
    def label_vi(self) -> str:
        return _LABELS_VI[self]


_LABELS_VI = {
    SubplanStatus.ON_TIME: "Đúng hạn",
    SubplanStatus.LATE: "Chậm",
    SubplanStatus.MISSING: "Chưa ban hành (đã quá hạn)",
    SubplanStatus.NOT_YET_DUE: "Chưa đến hạn",
    SubplanStatus.ISSUED: "Đã ban hành",
    SubplanStatus.NOT_FOUND: "Chưa thấy (không quy định thời hạn)",
    SubplanStatus.UNITS_NOT_LISTED: "Chưa kiểm tra được (chưa có danh sách đơn vị)",
}


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


def _row(raw: dict[str, Any], as_of: date, sources: dict[tuple[str, str], str | None]) -> SubplanRow:
    deadline, issued = parse_iso_date(raw["deadline"]), parse_iso_date(raw["subplan_date"])
    found = raw["subplan_uid"] is not None
    status, days = subplan_status(
        deadline, issued, as_of, found=found, collective=raw["unit_kind"] == "collective"
    )
    return SubplanRow(
        plan=raw["plan"] or raw["plan_uid"],
        plan_uid=raw["plan_uid"],
        paragraph=raw["paragraph"],
        unit=raw["unit"] or raw["unit_uid"],
        unit_uid=raw["unit_uid"],
        unit_kind=raw["unit_kind"],
        via_group=raw["via_group"],
        deadline=deadline,
        deadline_text=raw["deadline_text"],
        subplan=raw["subplan"],
        subplan_uid=raw["subplan_uid"],
        subplan_date=issued,
        subplans_found=int(raw["subplans_found"] or 0),
        status=status,
        days_late=days,
        source_text=sources.get((raw["plan_uid"], raw["paragraph"] or "")),
        src=raw["src"],
    )


_TASK_TEXT = """
MATCH (t:Task {owner: $uid})
WHERE t.path = $path OR t.path STARTS WITH $prefix OR t.src = $src
RETURN t.path AS path, t.text AS text, t.src AS src
ORDER BY path
"""


def _source_text(store: GraphStore, plan_uid: str, path: str, src: str | None) -> str | None:
    """The ordering sentence: the task on the edge's line, else the paragraph ``path``, else its first part."""
    tasks = store.read(_TASK_TEXT, {"uid": plan_uid, "path": path, "prefix": f"{path}.", "src": src or ""})
    for wanted in (lambda t: src and t["src"] == src, lambda t: t["path"] == path, lambda t: True):
        for task in tasks:
            if wanted(task):
                return task["text"]
    return None


def _audit_one(store: GraphStore, plan_uid: str, as_of: date) -> list[SubplanRow]:
    raw = get_query("subplan_audit").run(store, {"plan": plan_uid, "as_of": as_of.isoformat()})
    orders = {(r["plan_uid"], r["paragraph"] or ""): r["src"] for r in raw}
    sources = {key: _source_text(store, key[0], key[1], src) for key, src in orders.items()}
    return [_row(r, as_of, sources) for r in raw]


def audit_subplans(store: GraphStore, plan: str, as_of: date | None = None) -> list[SubplanRow]:
    """Audit the plan named by ``plan`` (a symbol or uid naming one document,
    :func:`~graph.documents.resolve_document`) on ``as_of`` (default today)."""
    as_of = as_of or date.today()
    return _audit_one(store, resolve_document(store, plan).uid, as_of)


def audit_resolution(store: GraphStore, resolution: str, as_of: date | None = None) -> list[SubplanRow]:
    """Audit every plan in the cascade under ``resolution`` and the resolution itself, top of the cascade first."""
    as_of = as_of or date.today()
    root = resolve_document(store, resolution)
    cascade = get_query("cascade").run(store, {"document": root.uid})
    plans = [root.uid] + [r["uid"] for r in cascade if r["status"] == "loaded"]
    return [row for uid in dict.fromkeys(plans) for row in _audit_one(store, uid, as_of)]


def subplan_statuses(rows: list[SubplanRow]) -> dict[str, dict[str, tuple[str, str | None, str | None]]]:
    """``plan uid → unit uid → (status, sub-plan uid, deadline ISO)``: what the cascade explorer colours by."""
    out: dict[str, dict[str, tuple[str, str | None, str | None]]] = {}
    for r in rows:
        deadline = r.deadline.isoformat() if r.deadline else None
        out.setdefault(r.plan_uid, {})[r.unit_uid] = (r.status.value, r.subplan_uid, deadline)
    return out


_UNIT_COLUMNS = (
    "STT", "Đơn vị", "Giao qua nhóm", "Văn bản giao", "Mục", "Thời hạn", "Kế hoạch của đơn vị", "Ngày ban hành",
    "Tình trạng", "Số ngày chậm",
)  # fmt: skip
_ORDER_COLUMNS = (
    "Văn bản giao",
    "Mục",
    "Thời hạn",
    "Thời hạn (nguyên văn)",
    "Số đơn vị",
    "Nội dung yêu cầu",
    "Nguồn",
)


def _unit_row(n: int, r: SubplanRow) -> tuple[Any, ...]:
    return (
        n, r.unit_label, r.via_group, r.plan, r.paragraph, r.deadline, r.subplan, r.subplan_date, r.status_vi,
        r.days_late,
    )  # fmt: skip


def _unit_table(rows: list[SubplanRow]) -> Table:
    body = tuple(_unit_row(n, r) for n, r in enumerate(rows, start=1))
    return Table("Tình hình ban hành kế hoạch", _UNIT_COLUMNS, body, _NOTE)


def _order_table(rows: list[SubplanRow]) -> Table:
    """One row per ordering paragraph: the sentence is shown once, not on every unit's row."""
    orders: dict[tuple[str, str], list[SubplanRow]] = {}
    for r in rows:
        orders.setdefault((r.plan_uid, r.paragraph or ""), []).append(r)
    body = tuple(
        (g[0].plan, g[0].paragraph, g[0].deadline, g[0].deadline_text, len(g), g[0].source_text, g[0].src)
        for g in orders.values()
    )
    return Table("Yêu cầu xây dựng kế hoạch", _ORDER_COLUMNS, body)


def _summary(rows: list[SubplanRow]) -> dict[str, Any]:
    counts = Counter(r.status for r in rows)
    units = [r for r in rows if r.unit_kind != "collective"]
    summary: dict[str, Any] = {"Số đơn vị phải xây dựng kế hoạch": len(units)}
    for status in SubplanStatus:
        if counts[status]:
            summary[status.label_vi] = counts[status]
    return summary


def _sources(store_docs: list[DocumentRef], rows: list[SubplanRow]) -> tuple[str, ...]:
    lines = [f"{describe(d)} — {d.source_path or d.uid}" for d in store_docs]
    orders = sorted({(r.plan, r.paragraph or "", r.src or "") for r in rows})
    lines += [f"{plan}, mục {path}: {src}" for plan, path, src in orders]
    subplans = sorted({(r.subplan, r.subplan_date, r.subplan_uid) for r in rows if r.subplan_uid}, key=str)
    lines += [f"Kế hoạch của đơn vị: {s} ngày {format_date_vi(d) if d else '?'} ({uid})" for s, d, uid in subplans]
    return tuple(lines)


_NOTE = (
    "Đúng hạn/chậm: ngày ban hành kế hoạch so với thời hạn; chưa ban hành: đã quá hạn mà chưa thấy kế hoạch "
    "của đơn vị trong kho văn bản."
)


def subplan_report(store: GraphStore, rows: list[SubplanRow], as_of: date, *, scope: str = "") -> Report:
    """The audit as a :class:`Report` for the writers: a row per unit, then the ordering paragraphs."""
    plans = {r.plan_uid for r in rows}
    docs = sorted(document_refs(store, plans), key=lambda d: d.uid)
    subtitle = scope or "; ".join(f"Thực hiện {describe(d)}" for d in docs)
    title = "Kết quả kiểm tra việc ban hành kế hoạch thực hiện của các đơn vị"
    tables = (_unit_table(rows), _order_table(rows))
    return Report(title, subtitle, as_of, _summary(rows), tables, _sources(docs, rows))
