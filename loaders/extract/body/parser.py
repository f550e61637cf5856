"""The numbered body of a document → sections, tasks and sub-plan orders, with their paths.

Structure comes from the numbering (``I -``, ``A.``, ``1.``, ``2.1-``, ``a)``, ``(i)``, ``-``), never from the
markup. A numbered item is a *section* (path ``II.3``; letters kept: ``B.III.2.1``, ``II.2.2.a``). It is
also a *task* when it states a duty itself (``III.1 Ban Tuyên giáo Đảng ủy Khối phối hợp …``); it is a
*heading* when paragraphs or items follow it. Paragraphs and bullets inside a section are tasks
``<section>.p1``, ``p2``, … in reading order; paragraphs before any numbered item are ``p1`` …, after the
last top-level item ``closing.p1`` …. Task kinds follow the part: ``purpose`` under *Mục đích / Yêu cầu /
Mục tiêu*, ``organisation`` under *Tổ chức thực hiện*, ``task`` elsewhere; situation and viewpoint parts
(*Tình hình*, *Quan điểm*, *Kết quả*) hold no tasks. Task tables become tasks ``PL<appendix>/<TT>``.

Who leads a task: its own subject, else the organ of its heading (``1. Đảng đoàn Hội đồng nhân dân tỉnh``)
or of a lead-in paragraph (``Các cấp ủy … thực hiện các nhiệm vụ trọng tâm sau:``), marked ``inherited``. A
letter's ``đề nghị đồng chí …`` is led by its ``Kính gửi`` addressees. A body task with no organ or deadline of
its own that a task table restates word for word (a programme's appendix) takes the row's lead and deadline.

``lines`` may run past the body: the ``Nơi nhận`` list and the signature are skipped, and reading resumes at
an attached programme (a new ``I.``/``A.`` heading) or a ``PHỤ LỤC`` with its task tables.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from rapidfuzz import fuzz

from loaders.extract.body.assignees import (
    Assignment,
    coordinate_organs,
    heading_organs,
    lead_in_organs,
    mostly_capitals,
    parse_assignment,
    subject_organs,
)
from loaders.extract.body.deadlines import Deadline, find_deadline
from loaders.extract.body.numbering import ARABIC, ARTICLE, ROMAN, UPPER
from loaders.extract.body.outline import Node, read_outline
from loaders.extract.body.subplans import find_subplan
from loaders.extract.body.tables import parse_task_table
from loaders.extract.body.task_fields import is_field_line, read_fields
from loaders.extract.signature import is_name
from loaders.record import SectionRecord, SubplanRequirement, TaskRecord
from loaders.text.folding import fold
from loaders.text.line import Line

__all__ = ["Body", "parse_body"]

PURPOSE, ORGANISATION, TASK, CONTEXT = "purpose", "organisation", "task", "context"
_PART_KINDS = (
    (PURPOSE, ("muc dich", "yeu cau", "muc tieu")),
    (ORGANISATION, ("to chuc thuc hien",)),
    (TASK, ("nhiem vu", "giai phap", "noi dung", "de xuat", "kien nghi", "phan cong", "cac nhiem vu")),
    (CONTEXT, ("tinh hinh", "quan diem", "danh gia", "ket qua", "bao cao ket qua", "nguyen nhan", "boi canh",
               "thuc trang")),
)  # fmt: skip
_DOCS = r"(?:Nghị quyết|Chỉ thị|Kế hoạch|Quyết định|Kết luận|Chương trình|Thông tư|Nghị định|Công văn|Đề án)"
_CLOSING = re.compile(
    rf"^(?:Trên đây là|Trân trọng)|\b(?:thi hành|hiệu lực|phổ biến đến|kèm theo)\b[^.]*\b{_DOCS}\s+này"
    rf"|\b{_DOCS}\s+này\s+(?:có hiệu lực|phổ biến|được phổ biến)",
    re.IGNORECASE,
)
_ASKS_ADDRESSEES = re.compile(r"\bđề nghị\s+(?:các\s+)?(?:đồng chí|quý)\b", re.IGNORECASE)
_HEADING_MAX = 300


@dataclass(frozen=True, slots=True)
class Body:
    """What the body of one document says: its sections, tasks, sub-plan orders, and reading notes."""

    sections: tuple[SectionRecord, ...] = ()
    tasks: tuple[TaskRecord, ...] = ()
    subplan_requirements: tuple[SubplanRequirement, ...] = ()
    warnings: tuple[str, ...] = ()


# --- what each numbered item is ------------------------------------------------------------------------


def _sentences(text: str) -> int:
    return 1 + sum(1 for m in re.finditer(r"[.!?]\s+(\S)", text) if m.group(1)[0].isupper())


def _is_intro(text: str) -> bool:
    """A lead-in to a list: ``… các nhiệm vụ sau:``, ``… như sau.``"""
    t = text.rstrip()
    return t.endswith(":") or bool(re.search(r"\b(?:sau|sau đây|như sau)\s*[.:]?$", t))


def _is_title(text: str) -> bool:
    """A topic heading: no closing punctuation, or one short sentence without an organ doing it."""
    t = text.rstrip()
    if not t.endswith((".", ";", ")")):
        return True
    return len(t.split()) <= 25 and _sentences(t) == 1 and not subject_organs(t)


def _role(item: Node, others: list[Node]) -> str:
    """heading | item (a task itself) | merge (a task with its sub-points) | hoist (a task; what follows it
    belongs to its parent) | inline (a heading whose text is its only paragraph, among headings)."""
    kids = item.children
    if item.marker is not None and item.marker.kind == ARTICLE:
        return "heading"  # an article's own words enact (``ban hành kèm theo``, ``có hiệu lực``); its points act
    if kids and all(k.kind == "para" for k in kids) and is_field_line(kids[0].text):
        return "merge"  # ``- Cơ quan chủ trì: …``, ``- Thời hạn: …``: the item's own roles and deadline
    if any(k.kind != "para" for k in kids) or heading_organs(item.text):
        return "heading"
    if kids:
        if _is_intro(item.text):
            busy = sum(1 for o in others if o.children)
            return "heading" if others and busy * 2 >= len(others) else "merge"
        return "heading" if _is_title(item.text) else "hoist"
    titled = sum(
        1 for o in others if o.children and all(k.kind == "para" for k in o.children) and _is_title(o.text)
    )
    return "inline" if others and titled * 2 > len(others) else "item"


def _plan_children(children: list[Node]) -> list[tuple[Node, str]]:
    """Children with their roles; a ``hoist`` item's paragraphs move up after it."""
    items = [c for c in children if c.kind == "item"]
    out: list[tuple[Node, str]] = []
    for child in children:
        if child.kind != "item":
            out.append((child, child.kind))
            continue
        role = _role(child, [o for o in items if o is not child])
        out.append((child, "item" if role == "hoist" else role))
        if role == "hoist":
            out.extend((k, k.kind) for k in child.children)
            child.children = []
    return out


def _part_kind(heading: str, inherited: str, *, top: bool) -> str:
    """The kind of a part from its heading. Below the top level only *Mục đích / Yêu cầu / Mục tiêu* and
    *Tổ chức thực hiện* count: ``a) Nhiệm vụ theo Nghị quyết …`` in a report is not a task part."""
    words = fold(heading).replace("-", " ").lstrip(" .:")
    words = words[3:] if words.startswith("ve ") else words
    for kind, starts in _PART_KINDS:
        if (top or kind in (PURPOSE, ORGANISATION)) and words.startswith(starts):
            return kind
    return inherited


def _label(node: Node, parent: Node) -> str:
    assert node.marker is not None
    label = node.marker.label
    above = parent.marker.label if parent.marker is not None and parent.marker.kind == ARABIC else None
    if node.marker.kind == ARABIC and above and label.startswith(above + "."):
        return label[len(above) + 1 :]  # ``2.1`` under ``2`` is ``…2.1``, not ``…2.2.1``
    return label


# --- writing records -----------------------------------------------------------------------------------


@dataclass
class _Writer:
    """Walks the outline and writes sections, tasks and sub-plan orders, each path once."""

    document_date: date | None
    sections: list[SectionRecord] = field(default_factory=list)
    tasks: list[TaskRecord] = field(default_factory=list)
    subplans: list[SubplanRequirement] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)

    @property
    def year(self) -> int | None:
        return self.document_date.year if self.document_date else None

    def unique(self, path: str, line: int) -> str:
        if path not in self.used:
            self.used.add(path)
            return path
        n = 2
        while f"{path}~{n}" in self.used:
            n += 1
        self.warnings.append(f"line {line}: path {path} repeats; written as {path}~{n}")
        self.used.add(f"{path}~{n}")
        return f"{path}~{n}"

    def walk(self, node: Node, path: str, kind: str, ctx: Assignment, own: bool) -> None:
        p, after_items = 0, False
        for child, role in _plan_children(node.children):
            if child.kind == "para":
                ctx, p = self.para(child, path, kind, ctx, own, p, after_items)
            elif child.kind == "table":
                self.table(child.rows, child.prefix or path or "T", kind)
            else:
                after_items = True
                self.item(child, node, role, path, kind, ctx, own)

    def para(self, child: Node, path: str, kind: str, ctx: Assignment, own: bool, p: int, after: bool
             ) -> tuple[Assignment, int]:  # fmt: skip
        text = child.text
        fragment = not path and len(text.split()) < 5  # a header line left before the body
        if kind == CONTEXT or _CLOSING.search(text) or mostly_capitals(text) or fragment or is_name(text):
            return ctx, p  # a closing formula, a title, a fragment, the signer's name left in the stream
        if _is_intro(text) and path and (organs := _charged(text, ctx) or heading_organs(text)):
            ctx = Assignment(lead=organs, coordinate=parse_assignment(text).coordinate)
        if _is_intro(text) and _sentences(text) == 1:
            return ctx, p  # a lead-in, not a duty of its own
        prefix = f"{path}." if path else ("closing." if after else "")
        if p and is_field_line(text) and self.tasks and self.tasks[-1].path == f"{prefix}p{p}":
            self.add_fields(text)  # ``Cơ quan chủ trì: …`` under a paragraph belongs to it, not a task
            return ctx, p
        self.task(f"{prefix}p{p + 1}", text, child.line, kind, ctx, own, addressees=child.addressees)
        return ctx, p + 1

    def add_fields(self, text: str) -> None:
        last = self.tasks[-1]
        merged = f"{last.text} - {text}"
        fields = read_fields(merged, year_hint=self.year, not_before=self.document_date)
        due = fields.deadline
        self.tasks[-1] = replace(
            last,
            text=merged,
            lead=fields.lead or last.lead,
            coordinate=fields.coordinate or last.coordinate,
            inherited=last.inherited and not fields.lead,
            deadline=due.date.isoformat() if due.date else last.deadline,
            deadline_text=due.text or last.deadline_text,
            recurrence=due.recurrence or last.recurrence,
        )

    def item(self, child: Node, parent: Node, role: str, path: str, kind: str, ctx: Assignment, own: bool
             ) -> None:  # fmt: skip
        own_path = self.unique(f"{path}.{_label(child, parent)}" if path else _label(child, parent), child.line)
        self.sections.append(SectionRecord(own_path, child.text[:_HEADING_MAX] or None, child.line))
        if role == "heading":
            organs = heading_organs(child.text)
            if organs:
                ctx = Assignment(lead=organs, coordinate=coordinate_organs(child.text))
                own = own or child.text.isupper()
            top = parent.kind == "root" or child.marker is None or child.marker.kind in (ROMAN, UPPER, ARTICLE)
            self.walk(child, own_path, _part_kind(child.text, kind, top=top), ctx, own)
        elif kind != CONTEXT and role == "inline":
            self.task(f"{own_path}.p1", child.text, child.line, kind, ctx, own)
        elif kind != CONTEXT:
            parts = [child.text] + [("- " if k.bullet else "") + k.text for k in child.children]
            self.task(own_path, " ".join(parts), child.line, kind, ctx, own, reserved=True)

    def task(self, path: str, text: str, line: int, kind: str, ctx: Assignment, own: bool, *,
             reserved: bool = False, addressees: tuple[str, ...] = ()) -> None:  # fmt: skip
        path = path if reserved else self.unique(path, line)
        roles = parse_assignment(text, ctx)
        if addressees and _ASKS_ADDRESSEES.search(text):
            roles = replace(roles, lead=addressees, inherited=True)
        due = find_deadline(text, year_hint=self.year, not_before=self.document_date)
        if fields := read_fields(text, year_hint=self.year, not_before=self.document_date):
            lead, coordinate = fields.lead or roles.lead, fields.coordinate or roles.coordinate
            roles = replace(roles, lead=lead, coordinate=coordinate, inherited=roles.inherited and not fields.lead)
            due = fields.deadline or due
        self.tasks.append(_record(path, text, kind, roles, due, line))
        sub = find_subplan(path, text, kind=kind, assignment=roles, line=line, year_hint=self.year,
                           not_before=self.document_date, own_duty=own)  # fmt: skip
        if sub is not None:
            self.subplans.append(sub)

    def table(self, rows: list[tuple[int, list[str]]], prefix: str, kind: str) -> int:
        found = parse_task_table(rows, prefix=prefix, kind=TASK if kind == CONTEXT else kind, year_hint=self.year)
        self.warnings.extend(found.warnings)
        for t in found.tasks:
            t = replace(t, path=self.unique(t.path, t.line or 0))
            self.tasks.append(t)
            due = Deadline(date.fromisoformat(t.deadline) if t.deadline else None, t.deadline_text, t.recurrence)
            roles = Assignment(lead=t.lead, coordinate=t.coordinate)
            sub = find_subplan(t.path, t.text, kind=t.kind, assignment=roles, line=t.line, deadline=due)
            if sub is not None:
                self.subplans.append(sub)
        return len(found.tasks)


def _charged(lead_in: str, ctx: Assignment) -> tuple[str, ...]:
    """The organs a lead-in inside an item charges (``Sở Công Thương yêu cầu đơn vị nêu trên thực hiện … sau:``),
    unless they only restate the item's own organs in fewer words (``Giao các sở … gồm:`` under ``2. Các sở
    quản lý nhà nước chuyên ngành về hạ tầng``)."""
    charged = lead_in_organs(lead_in)
    if charged and all(any(fold(c) in fold(known) for known in ctx.lead) for c in charged):
        return ()
    return charged


def _record(path: str, text: str, kind: str, roles: Assignment, due: Deadline, line: int) -> TaskRecord:
    return TaskRecord(
        path=path,
        text=text,
        kind=kind,
        lead=roles.lead,
        coordinate=roles.coordinate,
        reports_to=roles.reports_to,
        inherited=roles.inherited,
        deadline=due.date.isoformat() if due.date else None,
        deadline_text=due.text,
        recurrence=due.recurrence,
        line=line,
    )


def _restated_by(text: str, rows: Sequence[tuple[str, TaskRecord]]) -> TaskRecord | None:
    """The task-table row that restates a body task word for word (a programme's appendix details its items).

    ``text`` and the rows' texts are folded; their openings are compared over the shorter one (≥ 30 letters)."""
    best, score = None, 0.0
    for other, row in rows:
        n = min(90, len(text), len(other))
        ratio = fuzz.ratio(text[:n], other[:n]) if n >= 30 else 0.0
        if ratio > score:
            best, score = row, ratio
    return best if score >= 90 else None


def _from_tables(tasks: list[TaskRecord]) -> list[TaskRecord]:
    """Body tasks with no organ or deadline of their own take them from the table row that restates them."""
    rows = [(fold(t.text), t) for t in tasks if "/" in t.path and (t.lead or t.deadline)]
    if not rows:
        return tasks
    out = []
    for t in tasks:
        own = "/" in t.path or (t.lead and not t.inherited) or t.deadline
        if not own and (row := _restated_by(fold(t.text), rows)):
            t = replace(t, lead=row.lead or t.lead, coordinate=row.coordinate or t.coordinate, inherited=True,
                        deadline=row.deadline, deadline_text=row.deadline_text or t.deadline_text,
                        recurrence=row.recurrence or t.recurrence)  # fmt: skip
        out.append(t)
    return out


def parse_body(lines: Sequence[Line], *, document_date: date | None = None, lead_in: str | None = None) -> Body:
    """Sections, tasks and sub-plan orders of the body that ``lines`` hold.

    ``document_date`` supplies the year of deadlines printed without one (``trước ngày 15.8``), rolled to
    the next year when the day would fall before the document. ``lead_in`` is the preamble's last paragraph:
    when it charges organs with what follows (``… yêu cầu các sở, ban, ngành … thực hiện các nội dung sau:``),
    they lead the items that name no organ of their own.

    >>> body = parse_body([Line(1, "III - TỔ CHỨC THỰC HIỆN"),
    ...                    Line(3, "1. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan …")])
    >>> [(t.path, t.kind, t.lead) for t in body.tasks]
    [('III.1', 'organisation', ('Ban Tuyên giáo Tỉnh ủy',))]
    """
    outline = read_outline(lines)
    writer = _Writer(document_date)
    charged = lead_in_organs(lead_in) if lead_in else ()
    writer.walk(outline.root, "", TASK, Assignment(lead=charged), False)
    for appendix in outline.appendices:
        if appendix.rows and writer.table(appendix.rows, appendix.prefix or "PL", TASK):
            prefix = appendix.prefix or "PL"
            if prefix not in writer.used:
                writer.used.add(prefix)
                writer.sections.append(SectionRecord(prefix, appendix.text[:_HEADING_MAX], appendix.line))
    return Body(
        sections=tuple(writer.sections),
        tasks=tuple(_from_tables(writer.tasks)),
        subplan_requirements=tuple(writer.subplans),
        warnings=outline.warnings + tuple(writer.warnings),
    )
