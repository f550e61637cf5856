"""Sub-plan orders: sentences that order units to issue their own plan or programme, by a date.

``Các cấp ủy chi, đảng bộ cơ sở … xây dựng kế hoạch … gửi về Ban Thường vụ Đảng ủy Khối (qua Ban Tuyên
giáo Đảng ủy Khối) trước ngày 30/7/2023`` → units ``Các cấp ủy chi, đảng bộ cơ sở``, deadline 2023-07-30,
submit to the Ban Thường vụ, via the Ban Tuyên giáo.

A task is an order when one of its clauses has a plan verb with a plan for object (``xây dựng kế hoạch``,
``xây dựng chương trình, kế hoạch``, ``ban hành chương trình hành động``, ``rà soát các chương trình, kế
hoạch``) and either it stands in the *Tổ chức thực hiện* part, or the clause carries a deadline and names
the document the plan carries out (``kế hoạch triển khai Chương trình hành động``, ``theo quy định tại Nghị
định …``). Topic plans elsewhere (``xây dựng chương trình kiểm tra, giám sát``) and plans of the issuer
itself (tasks under ``NHIỆM VỤ … CỦA <issuer>``) are not orders to units below. The units are the clause's
subject, its heading's organs, or the organs a subject directs (``chỉ đạo các bộ, ngành, địa phương … xây
dựng``; the subject is then the ``via``).
"""

from __future__ import annotations

import re
from datetime import date

from loaders.extract.body.assignees import Assignment, report_targets, scan_organs, split_organs, subject_text
from loaders.extract.body.deadlines import Deadline, find_deadline
from loaders.record import SubplanRequirement

__all__ = ["find_subplan", "plan_clause"]

_I = re.IGNORECASE
_PLAN = re.compile(
    r"(?<!việc )\b(?:xây dựng|ban hành|cụ thể ho[áa]|điều chỉnh|rà soát|lập)\b"
    r"[^;.]{0,60}?\b(?:kế hoạch|chương trình)\b",
    _I,
)
_PLAN_WORD = re.compile(r"\b(?:kế hoạch|chương trình)\b", _I)  # what every ``_PLAN`` match ends with
_DOCUMENT = r"(?:Nghị quyết|Chỉ thị|Kết luận|Kế hoạch|Chương trình|Quyết định|Nghị định|Đề án|Thông tư|Luật)"
_CARRIES_OUT = re.compile(
    rf"\b(?:triển khai|thực hiện|cụ thể ho[áa]|theo quy định tại|theo)\s+(?:thực hiện\s+)?(?:có hiệu quả\s+)?"
    rf"(?:các\s+)?{_DOCUMENT}\b|\b{_DOCUMENT}\s+này\b",
)
_DIRECTS = re.compile(r"\b(?:chỉ đạo|yêu cầu|đề nghị|hướng dẫn)\s+(?=(?:các|những)\s)")
_TRAILING_PAREN = re.compile(r"\([^()]{2,120}\)\s*[.;,]?\s*(?:\./\.)?\s*$")


def plan_clause(text: str) -> tuple[str, re.Match[str]] | None:
    """The clause (between ``;``) that orders a plan, and the match of its plan verb."""
    if not _PLAN_WORD.search(text):
        return None  # no clause can order a plan (a cheap search: most tasks order none)
    for clause in (c.strip() for c in text.split(";")):
        if m := _PLAN.search(clause):
            return clause, m
    return None


def _directed_units(clause: str, verb_at: int) -> tuple[tuple[str, ...], str | None]:
    """Organs a subject directs to make the plan (``chỉ đạo các bộ, ngành, địa phương … xây dựng``)."""
    for m in _DIRECTS.finditer(clause[:verb_at]):
        items, _ = scan_organs(clause, m.end())
        if items:
            text = clause[items[0].start : items[-1].end]
            return split_organs(text), text
    return (), None


def _units(
    text: str, clause: str, verb_at: int, roles: Assignment
) -> tuple[tuple[str, ...], str | None, str | None]:
    """(units, their words as printed, via): the organs directed to plan, else the task's lead."""
    units, group_text = _directed_units(clause, verb_at)
    if units:
        return units, group_text, ", ".join(roles.lead) or None
    return roles.lead, subject_text(text) or ", ".join(roles.lead), None


def _clause_deadline(text: str, clause: str, year_hint: int | None, not_before: date | None) -> Deadline:
    """The clause's own deadline; else the paragraph's trailing ``(Hoàn thành …)``, which covers it all."""
    found = find_deadline(clause, year_hint=year_hint, not_before=not_before)
    if found.date or found.recurrence:
        return found
    if _TRAILING_PAREN.search(text.rstrip()) or ";" not in text:
        return find_deadline(text, year_hint=year_hint, not_before=not_before)
    return Deadline()


def find_subplan(
    path: str,
    text: str,
    *,
    kind: str,
    assignment: Assignment,
    line: int | None = None,
    year_hint: int | None = None,
    not_before: date | None = None,
    deadline: Deadline | None = None,
    own_duty: bool = False,
) -> SubplanRequirement | None:
    """The sub-plan order a task states, or ``None``.

    ``deadline`` overrides the one found in the text (a task-table cell); ``own_duty`` marks a task of the
    issuer itself (under ``NHIỆM VỤ … CỦA <issuer>``), which orders no one below.
    """
    found = plan_clause(text)
    if found is None or own_duty:
        return None
    clause, verb = found
    due = deadline if deadline is not None else _clause_deadline(text, clause, year_hint, not_before)
    if kind != "organisation" and not (due.date and _CARRIES_OUT.search(clause)):
        return None
    units, group_text, via = _units(text, clause, verb.start(), assignment)
    if not units:
        return None
    _, submit, via_office = report_targets(clause)
    return SubplanRequirement(
        path=path,
        units=units,
        group_text=group_text,
        deadline=due.date.isoformat() if due.date else None,
        deadline_text=due.text if due.date else None,
        submit_to=submit[0] if submit else None,
        via=via_office or via,
        line=line,
    )
