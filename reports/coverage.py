"""Task coverage: which duties of a parent document a child document carries down, and which it dropped.

The link pass writes ``(child task)-[:DERIVED_FROM {score, method}]->(parent task)`` (:mod:`graph.coverage`);
this module reads them for one parent/child pair. Every parent task is listed (but the sub-plan orders, which
the sub-plan audit checks); the percentage counts **key tasks** only, with the rule the link pass matches and
counts by (:func:`graph.coverage.participants`, :func:`graph.coverage.addressed_to`):

* duties (kind ``task``) — not purposes (*Mục đích, yêu cầu*) nor organisation (*Tổ chức thực hiện*: sub-plan
  orders and monitoring, which the sub-plan audit checks), and not a lead-in sentence ending with ``:``;
* addressed to the child: a duty whose lead is a *specific* organ (``III. Nhiệm vụ cụ thể`` → ``1. Đảng đoàn
  Hội đồng nhân dân tỉnh``) is that organ's, not one every child plan must carry — unless the organ is the
  child's issuer or a body the issuer belongs to.

For 60-KH/TU → 80-KH/ĐUK that is the nine *nhiệm vụ trọng tâm* II.1–II.9 (the gold's "9 of 9 key tasks"); the
31 tasks of section III addressed to named organs are listed, not counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from graph.coverage import TaskText, addressed_to, effective_kind, participants, read_tasks
from graph.documents import DocumentRef, describe, resolve_document
from graph.organ_parts import organs_above
from graph.store import GraphStore
from reports.model import Cell, Report, ReportError, Table

__all__ = [
    "Carrier",
    "CoverageReport",
    "CoverageRow",
    "coverage_document",
    "coverage_report",
    "is_key_task",
    "path_key",
]

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

_CARRIERS = """
MATCH (ct:Task {owner: $child})-[r:DERIVED_FROM]->(pt:Task)
WHERE pt.uid IN $parent_tasks
RETURN DISTINCT pt.uid AS parent, ct.path AS path, ct.text AS text, r.score AS score, r.method AS method
"""


def _roman(part: str) -> int | None:
    if not part or any(c not in _ROMAN for c in part):
        return None
    values = [_ROMAN[c] for c in part]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def path_key(path: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key for task paths in document order: ``II.2`` < ``II.10`` < ``III.1`` < ``III.1.p2``."""
    key: list[tuple[int, int | str]] = []
    for part in re.split(r"[./]", path):
        number = int(part) if part.isdigit() else _roman(part)
        if number is None and (m := re.fullmatch(r"p(\d+)", part)):
            number = int(m.group(1))
        key.append((0, number) if number is not None else (1, part))
    return tuple(key)


@dataclass(frozen=True, slots=True)
class Carrier:
    """A child paragraph that carries a parent task down."""

    path: str
    text: str
    score: float | None
    method: str | None


@dataclass(frozen=True, slots=True)
class CoverageRow:
    path: str
    text: str
    kind: str
    key: bool  # counted in the coverage percentage (see the module docstring)
    addressed_to: tuple[str, ...]  # organ(s) whose heading the task sits under
    carriers: tuple[Carrier, ...]
    src: str | None = None

    @property
    def covered(self) -> bool:
        return bool(self.carriers)


@dataclass(frozen=True, slots=True)
class CoverageReport:
    parent: DocumentRef
    child: DocumentRef
    rows: tuple[CoverageRow, ...]

    @property
    def key_rows(self) -> tuple[CoverageRow, ...]:
        return tuple(r for r in self.rows if r.key)

    @property
    def key_covered(self) -> int:
        return sum(r.covered for r in self.key_rows)

    @property
    def dropped(self) -> tuple[CoverageRow, ...]:
        """Key tasks no child paragraph carries."""
        return tuple(r for r in self.key_rows if not r.covered)

    @property
    def percent(self) -> float:
        """Key tasks carried, in percent (100 when the parent has no key task)."""
        return 100.0 * self.key_covered / len(self.key_rows) if self.key_rows else 100.0

    @property
    def all_percent(self) -> float:
        return 100.0 * sum(r.covered for r in self.rows) / len(self.rows) if self.rows else 100.0


def _specific_leads(task: TaskText) -> tuple[str, ...]:
    """The organs a task sits under when they are specific organs (an organ's heading), else nothing."""
    return () if addressed_to(task, ()) else tuple(lead.name for lead in task.leads)


def is_key_task(task: TaskText, child_issuer: Iterable[str]) -> bool:
    """A duty every child issued by ``child_issuer`` (organ uids and names, with the bodies it belongs to) must
    carry: the link pass's own rule (:func:`graph.coverage.participants`, :func:`graph.coverage.addressed_to`)."""
    return bool(participants([task])) and addressed_to(task, child_issuer)


def _carriers(store: GraphStore, child: DocumentRef, parent_tasks: list[str]) -> dict[str, list[Carrier]]:
    carriers: dict[str, list[Carrier]] = {}
    for c in store.read(_CARRIERS, {"child": child.uid, "parent_tasks": parent_tasks}):
        carriers.setdefault(c["parent"], []).append(Carrier(c["path"], c["text"] or "", c["score"], c["method"]))
    return carriers


def _rows(store: GraphStore, parent: DocumentRef, child: DocumentRef) -> list[CoverageRow]:
    tasks = read_tasks(store, parent.uid)  # sub-plan orders are left out: the sub-plan audit checks those
    carriers = _carriers(store, child, [t.uid for t in tasks])
    issuer = {v for organ in organs_above(store, child.uid) for v in organ if v}
    rows = []
    for task in tasks:
        found = sorted(carriers.get(task.uid, []), key=lambda c: (-(c.score or 0), path_key(c.path)))
        src = f"{parent.uid}:{task.line}" if task.line else None
        key = is_key_task(task, issuer)
        kind = effective_kind(task)
        rows.append(CoverageRow(task.path, task.text, kind, key, _specific_leads(task), tuple(found), src))
    return sorted(rows, key=lambda r: path_key(r.path))


def coverage_report(store: GraphStore, parent: str, child: str) -> CoverageReport:
    """Coverage of ``parent``'s tasks by ``child`` (symbols or uids, each naming exactly one document:
    :func:`~graph.documents.resolve_document`)."""
    child_doc = resolve_document(store, child)
    parent_doc = resolve_document(store, parent)
    if parent_doc.uid == child_doc.uid:
        raise ReportError(f"văn bản cấp trên và văn bản cấp dưới là cùng một văn bản ({describe(child_doc)})")
    return CoverageReport(parent_doc, child_doc, tuple(_rows(store, parent_doc, child_doc)))


def _carriers_text(row: CoverageRow) -> str:
    return "; ".join(f"{c.path} ({c.score:.2f})" if c.score is not None else c.path for c in row.carriers)


_OTHER_NOTE = (
    "Nhiệm vụ giao riêng cho một cơ quan khác, mục đích, yêu cầu và phần tổ chức thực hiện: liệt kê để đối chiếu, "
    "không tính vào tỷ lệ bao phủ."
)
_KIND_VI = {"task": "Nhiệm vụ", "purpose": "Mục đích, yêu cầu", "organisation": "Tổ chức thực hiện"}
_METHOD_VI = {"paragraph": "đoạn tương ứng", "section": "cả mục"}
_COLUMNS = (
    "Mục", "Nhiệm vụ của văn bản cấp trên", "Loại", "Giao riêng cho", "Được cụ thể hóa tại (điểm tương đồng)",
    "Cách đối chiếu", "Tình trạng", "Nguồn",
)  # fmt: skip


def _row_cells(r: CoverageRow) -> tuple[Cell, ...]:
    methods = sorted({_METHOD_VI.get(c.method, c.method) for c in r.carriers if c.method})
    status = "Đã cụ thể hóa" if r.covered else "Chưa cụ thể hóa"
    return (
        r.path, r.text, _KIND_VI.get(r.kind, r.kind), "; ".join(r.addressed_to), _carriers_text(r),
        "; ".join(methods), status, r.src,
    )  # fmt: skip


def _table(name: str, rows: tuple[CoverageRow, ...], note: str | None = None) -> Table:
    return Table(name, _COLUMNS, tuple(_row_cells(r) for r in rows), note)


def coverage_document(cov: CoverageReport) -> Report:
    """The coverage as a :class:`Report`: key tasks, the dropped ones, then the parent's other tasks."""
    summary: dict[str, Cell] = {
        "Nhiệm vụ trọng tâm của văn bản cấp trên": len(cov.key_rows),
        "Đã được cụ thể hóa": cov.key_covered,
        "Chưa được cụ thể hóa": len(cov.dropped),
        "Tỷ lệ bao phủ (nhiệm vụ trọng tâm)": f"{cov.percent:.0f}%",
        "Tỷ lệ bao phủ (mọi nhiệm vụ)": f"{cov.all_percent:.0f}%",
    }
    note = (
        "Nhiệm vụ trọng tâm: nhiệm vụ chung mọi đơn vị cấp dưới phải cụ thể hóa (không thuộc mục giao riêng cho "
        "một cơ quan khác; không tính mục đích, yêu cầu và phần tổ chức thực hiện)."
    )
    tables = (
        _table("Nhiệm vụ trọng tâm", cov.key_rows, note),
        _table("Nhiệm vụ chưa cụ thể hóa", cov.dropped),
        _table("Nhiệm vụ khác (không tính tỷ lệ)", tuple(r for r in cov.rows if not r.key), _OTHER_NOTE),
    )
    sources = tuple(f"{describe(d)} — {d.source_path or d.uid}" for d in (cov.parent, cov.child))
    title = f"Mức độ cụ thể hóa nhiệm vụ của {cov.parent.symbol} trong {cov.child.symbol}"
    return Report(title, f"{describe(cov.child)} thực hiện {describe(cov.parent)}", None, summary, tables, sources)
