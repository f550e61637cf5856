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
from pathlib import Path

from graph.coverage import NEAR_VERBATIM, TaskText, addressed_to, effective_kind, participants, read_tasks
from graph.documents import DocumentRef, describe, resolve_document
from graph.organ_parts import organs_above
from graph.store import GraphStore
from reports.evidence import source_label
from reports.form import system_of
from reports.model import Cell, Percent, Report, ReportError, Table

__all__ = [
    "Carrier",
    "CoverageReport",
    "CoverageRow",
    "confidence",
    "coverage_document",
    "coverage_report",
    "is_key_task",
    "needs_review",
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


# A carrier scoring at least the link pass's near-verbatim bar re-issues the duty; below it (a whole section
# matched on shared words) a person should read the two texts before relying on the link.
SURE = NEAR_VERBATIM


def confidence(score: float | None) -> str:
    """The score in words: ``chắc chắn`` at or above :data:`SURE`, else ``cần rà soát``."""
    return "chắc chắn" if score is not None and score >= SURE else "cần rà soát"


def needs_review(row: CoverageRow) -> bool:
    """Carried only by paragraphs whose scores are below :data:`SURE`."""
    return row.covered and not any(c.score is not None and c.score >= SURE for c in row.carriers)


def _score(score: float | None) -> str:
    return "" if score is None else f"{score:.2f}".replace(".", ",")


def _carriers_text(row: CoverageRow) -> str:
    return "\n".join(f"{c.path}: {' '.join(c.text.split())}" for c in row.carriers)


def _confidence_text(row: CoverageRow) -> str:
    return "; ".join(f"{c.path}: {confidence(c.score)} ({_score(c.score)})" for c in row.carriers)


_OTHER_NOTE = (
    "Nhiệm vụ giao riêng cho một cơ quan khác, mục đích, yêu cầu và phần tổ chức thực hiện: liệt kê để đối chiếu, "
    "không tính vào tỷ lệ bao phủ."
)
_KIND_VI = {"task": "Nhiệm vụ", "purpose": "Mục đích, yêu cầu", "organisation": "Tổ chức thực hiện"}
_METHOD_VI = {"paragraph": "đoạn tương ứng", "section": "cả mục"}
_COLUMNS = (
    ("path", "Mục"), ("text", "Nhiệm vụ của văn bản cấp trên"), ("kind", "Loại"),
    ("addressed_to", "Giao riêng cho"), ("carried_by", "Đoạn cụ thể hóa của văn bản cấp dưới"),
    ("confidence", "Mức tin cậy (điểm tương đồng)"),
    ("method", "Cách đối chiếu"), ("status", "Tình trạng"), ("source", "Nguồn"),
)  # fmt: skip
_REVIEW_NOTE = (
    f"Mức tin cậy: «chắc chắn» khi điểm tương đồng từ {_score(SURE)} trở lên (đoạn văn bản cấp dưới nhắc lại "
    "nhiệm vụ); «cần rà soát» khi thấp hơn (chỉ khớp theo từ ngữ chung của cả mục): nhiệm vụ vẫn được tính là đã "
    "cụ thể hóa nhưng ghi «cần rà soát» để người kiểm tra đọc lại hai đoạn."
)


def _status(r: CoverageRow, raw: bool) -> str:
    if not r.covered:
        return "dropped" if raw else "Chưa cụ thể hóa"
    if needs_review(r):
        return "review" if raw else "Đã cụ thể hóa — cần rà soát"
    return "carried" if raw else "Đã cụ thể hóa"


def _row_cells(r: CoverageRow, files: dict[str, str], raw: bool) -> tuple[Cell, ...]:
    methods = sorted({(c.method if raw else _METHOD_VI.get(c.method, c.method)) for c in r.carriers if c.method})
    return (
        r.path, r.text, r.kind if raw else _KIND_VI.get(r.kind, r.kind), "; ".join(r.addressed_to),
        _carriers_text(r), _confidence_text(r), "; ".join(methods), _status(r, raw), source_label(r.src, files),
    )  # fmt: skip


def _table(
    name: str, rows: tuple[CoverageRow, ...], files: dict[str, str], raw: bool, note: str | None = None
) -> Table:
    columns = tuple(code if raw else vi for code, vi in _COLUMNS)
    return Table(name, columns, tuple(_row_cells(r, files, raw) for r in rows), note)


def _summary(cov: CoverageReport, raw: bool) -> dict[str, Cell]:
    review = sum(needs_review(r) for r in cov.key_rows)
    values: list[tuple[str, str, Cell]] = [
        ("key_tasks", "Nhiệm vụ trọng tâm của văn bản cấp trên", len(cov.key_rows)),
        ("key_carried", "Đã được cụ thể hóa", cov.key_covered),
        ("key_review", "Trong đó cần rà soát (điểm tương đồng thấp)", review),
        ("key_dropped", "Chưa được cụ thể hóa", len(cov.dropped)),
        ("key_percent", "Tỷ lệ bao phủ (nhiệm vụ trọng tâm)", Percent(cov.percent / 100)),
        ("all_percent", "Tỷ lệ bao phủ (mọi nhiệm vụ)", Percent(cov.all_percent / 100)),
    ]
    return {code if raw else vi: value for code, vi, value in values}


def coverage_document(cov: CoverageReport, *, raw: bool = False) -> Report:
    """The coverage as a :class:`Report`: key tasks, the dropped ones, then the parent's other tasks; each parent
    task beside the child paragraphs that carry it, the score in words (``raw``: codes for machines)."""
    files = {d.uid: d.source_path for d in (cov.parent, cov.child) if d.source_path}
    note = (
        "Nhiệm vụ trọng tâm: nhiệm vụ chung mọi đơn vị cấp dưới phải cụ thể hóa (không thuộc mục giao riêng cho "
        "một cơ quan khác; không tính mục đích, yêu cầu và phần tổ chức thực hiện). " + _REVIEW_NOTE
    )
    tables = (
        _table("Nhiệm vụ trọng tâm", cov.key_rows, files, raw, note),
        _table("Nhiệm vụ chưa cụ thể hóa", cov.dropped, files, raw),
        _table("Nhiệm vụ khác", tuple(r for r in cov.rows if not r.key), files, raw, _OTHER_NOTE),
    )
    sources = tuple(
        f"{describe(d)}: tệp {Path(d.source_path).name}" for d in (cov.parent, cov.child) if d.source_path
    )
    title = f"Mức độ cụ thể hóa nhiệm vụ của {cov.parent.symbol} trong {cov.child.symbol}"
    scope = (f"Đối chiếu từng nhiệm vụ của {describe(cov.parent)} với các đoạn của {describe(cov.child)}.",)
    subtitle = f"{describe(cov.child)} thực hiện {describe(cov.parent)}"
    system = system_of(cov.parent.symbol).value
    return Report(title, subtitle, None, _summary(cov, raw), tables, sources, scope, system)
