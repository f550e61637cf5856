"""The sub-plan audit as a :class:`~reports.model.Report`: a row per unit with its evidence, the ordering
paragraphs, the summary counted by status, the scope searched and the facts filled from other documents.

Every unit row carries what it rests on: the sentence that gave the order; for a plan found, its number, date,
issuer and the sentence of its preamble that names the ordering plan; for a missing one, the days overdue on the
audit date; for a unit that could not be checked, why; and its sources as file name and line. Column names and
statuses are Vietnamese; ``raw=True`` keeps codes (``unit``, ``missing``) for machines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from graph.documents import DocumentRef, describe, document_refs
from graph.store import GraphStore
from reports.evidence import document_files, filled_facts, preamble_sentence, search_scope, source_label
from reports.form import system_of
from reports.model import Cell, Report, Table
from reports.subplan_rows import SubplanStatus

if TYPE_CHECKING:
    from reports.subplan_rows import SubplanRow

__all__ = ["UNIT_COLUMNS", "subplan_document"]

# (code for machines, Vietnamese heading)
UNIT_COLUMNS = (
    ("no", "STT"), ("unit", "Đơn vị"), ("via_group", "Giao qua nhóm"), ("plan", "Văn bản giao"),
    ("paragraph", "Mục"), ("deadline", "Thời hạn"), ("status", "Tình trạng"), ("days_overdue", "Số ngày quá hạn"),
    ("days_late", "Số ngày chậm"), ("subplan", "Kế hoạch của đơn vị"), ("subplan_date", "Ngày ban hành"),
    ("subplan_issuer", "Cơ quan ban hành"), ("subplan_basis", "Căn cứ nêu văn bản giao"),
    ("reason", "Lý do chưa kiểm tra được"), ("order_text", "Câu giao nhiệm vụ"), ("sources", "Nguồn"),
)  # fmt: skip
_ORDER_COLUMNS = (
    ("plan", "Văn bản giao"), ("paragraph", "Mục"), ("deadline", "Thời hạn"),
    ("deadline_text", "Thời hạn (nguyên văn)"), ("units", "Số đơn vị"), ("order_text", "Nội dung yêu cầu"),
    ("source", "Nguồn"),
)  # fmt: skip
_NOTE = (
    "Đúng hạn/chậm: ngày ban hành kế hoạch so với thời hạn; chưa ban hành: đã quá hạn mà không tìm thấy kế hoạch "
    "của đơn vị trong phạm vi tìm kiếm (xem phần tổng hợp); chưa xác minh: đơn vị danh mục cơ quan chưa xác minh, "
    "tính riêng."
)
_IMPLEMENTS = """
MATCH (c:Document)-[r:IMPLEMENTS]->(p:Document)
WHERE c.uid IN $subplans AND p.uid IN $plans
RETURN c.uid AS subplan, p.uid AS plan, r.text AS text, r.src AS src
"""


class _Evidence:
    """What the rows point at, read once: the sub-plans found, their preambles, and the files behind sources."""

    def __init__(self, store: GraphStore, rows: Sequence[SubplanRow]) -> None:
        subplans = {r.subplan_uid for r in rows if r.subplan_uid}
        self.subplans = {d.uid: d for d in document_refs(store, subplans)}
        params = {"subplans": sorted(subplans), "plans": sorted({r.plan_uid for r in rows})}
        self.basis = {(b["subplan"], b["plan"]): b for b in store.read(_IMPLEMENTS, params)}
        srcs = [r.src for r in rows] + [b["src"] for b in self.basis.values()]
        self.files = document_files(store, srcs)

    def subplan(self, row: SubplanRow) -> DocumentRef | None:
        return self.subplans.get(row.subplan_uid or "")

    def preamble(self, row: SubplanRow) -> tuple[str | None, str | None]:
        """The sub-plan's sentence naming the ordering plan, and where it stands."""
        basis = self.basis.get((row.subplan_uid or "", row.plan_uid))
        if basis is None:
            return None, None
        doc = self.subplan(row)
        sentence = preamble_sentence(doc.source_path if doc else None, basis["src"], basis["text"])
        return sentence, source_label(basis["src"], self.files)

    def sources(self, row: SubplanRow) -> str:
        where = [f"{row.plan} mục {row.paragraph or '?'}: {source_label(row.src, self.files)}"] if row.src else []
        if (spot := self.preamble(row)[1]) is not None:
            where.append(f"{row.subplan}: {spot}")
        return "; ".join(where)


def _unit_cells(n: int, r: SubplanRow, ev: _Evidence, raw: bool) -> tuple[Cell, ...]:
    doc = ev.subplan(r)
    return (
        n, r.unit if raw else r.unit_label, r.via_group, r.plan, r.paragraph, r.deadline,
        r.status.value if raw else r.status_vi, r.days_overdue, r.days_late, r.subplan, r.subplan_date,
        doc.issuer if doc else None, ev.preamble(r)[0], r.reason, r.source_text, ev.sources(r),
    )  # fmt: skip


def _headings(columns: tuple[tuple[str, str], ...], raw: bool) -> tuple[str, ...]:
    return tuple(code if raw else vi for code, vi in columns)


def _order_table(rows: Sequence[SubplanRow], ev: _Evidence, raw: bool) -> Table:
    """One row per ordering paragraph: the sentence is shown once with the number of units it names."""
    orders: dict[tuple[str, str], list[SubplanRow]] = {}
    for r in rows:
        orders.setdefault((r.plan_uid, r.paragraph or ""), []).append(r)
    body = tuple(
        (g[0].plan, g[0].paragraph, g[0].deadline, g[0].deadline_text,
         sum(r.status is not SubplanStatus.UNCONFIRMED for r in g), g[0].source_text,
         source_label(g[0].src, ev.files))
        for g in orders.values()
    )  # fmt: skip
    return Table("Yêu cầu xây dựng kế hoạch", _headings(_ORDER_COLUMNS, raw), body)


def _summary(rows: Sequence[SubplanRow], unconfirmed: Sequence[SubplanRow], raw: bool) -> dict[str, Cell]:
    units = [r for r in rows if r.unit_kind != "collective"]
    collectives = [r for r in rows if r.unit_kind == "collective"]
    counts = Counter(r.status for r in rows)
    summary: dict[str, Cell] = {"units_required" if raw else "Số đơn vị phải xây dựng kế hoạch": len(units)}
    for status in SubplanStatus:
        if counts[status]:
            summary[status.value if raw else status.label_vi] = counts[status]
    if collectives:
        summary["collectives" if raw else "Nhóm đơn vị chưa liệt kê được (tính riêng)"] = len(collectives)
    summary["unconfirmed" if raw else "Đơn vị chưa xác minh (tính riêng)"] = len(unconfirmed)
    return summary


def _scope(store: GraphStore, rows: Sequence[SubplanRow], unconfirmed: Sequence[SubplanRow]) -> tuple[str, ...]:
    lines = search_scope(store)
    if unconfirmed:
        groups = sorted({r.via_group or "" for r in unconfirmed})
        lines.append(
            f"{len(unconfirmed)} đơn vị thuộc {', '.join(f'«{g}»' for g in groups)} chưa được xác minh trong danh "
            "mục cơ quan: liệt kê với tình trạng «Chưa xác minh» và lý do, không tính vào số đơn vị phải xây dựng "
            "kế hoạch."
        )
    uids = {r.plan_uid for r in rows} | {r.subplan_uid for r in rows if r.subplan_uid}
    return tuple(lines + filled_facts(store, uids))


def _sources(docs: Sequence[DocumentRef]) -> tuple[str, ...]:
    return tuple(f"{describe(d)}: tệp {Path(d.source_path).name}" for d in docs if d.source_path)


def subplan_document(
    store: GraphStore,
    rows: Sequence[SubplanRow],
    unconfirmed: Sequence[SubplanRow],
    as_of: date,
    *,
    scope: str = "",
    raw: bool = False,
) -> Report:
    """The audit of ``rows`` (and the ``unconfirmed`` units, after them) as a report; ``scope`` names what was
    audited when it is more than the plans themselves (a resolution's cascade)."""
    everyone = [*rows, *unconfirmed]
    ev = _Evidence(store, everyone)
    plans = document_refs(store, {r.plan_uid for r in everyone})
    subtitle = scope or "; ".join(f"Thực hiện {describe(d)}" for d in plans)
    units = Table(
        "Tình hình ban hành kế hoạch",
        _headings(UNIT_COLUMNS, raw),
        tuple(_unit_cells(n, r, ev, raw) for n, r in enumerate(everyone, start=1)),
        _NOTE,
    )
    found = [ev.subplans[u] for u in dict.fromkeys(r.subplan_uid for r in everyone if r.subplan_uid)]
    return Report(
        "Kết quả kiểm tra việc ban hành kế hoạch thực hiện của các đơn vị",
        subtitle,
        as_of,
        _summary(rows, unconfirmed, raw),
        (units, _order_table(everyone, ev, raw)),
        _sources([*plans, *found]),
        _scope(store, everyone, unconfirmed),
        system_of(plans[0].symbol if plans else None).value,
    )
