"""A task described by labelled lines: ``Cơ quan chủ trì: …``, ``Cơ quan phối hợp: …``, ``Thời hạn: …``.

Decisions that issue a plan (and many plans) give each item a title and then its fields as ``-`` or ``+``
points: who carries it out (``Cơ quan chủ trì`` / ``Cơ quan thực hiện`` / ``Đơn vị chủ trì``), who helps
(``Cơ quan phối hợp``), when (``Thời gian thực hiện`` / ``Thời hạn hoàn thành`` / ``Thời hạn ban hành``), and
what (``Nội dung``, ``Sản phẩm``). These lines belong to their item: they are its roles and deadline, not
tasks of their own. When the time field lists steps, the item is due at the last one.

>>> f = read_fields("Tổ chức tập huấn - Cơ quan chủ trì: Bộ Công an. - Cơ quan phối hợp: các bộ, cơ quan "
...                 "ngang bộ. - Thời hạn ban hành: trước ngày 01 tháng 01 năm 2026.")
>>> f.lead, f.coordinate, f.deadline.date
(('Bộ Công an',), ('các bộ, cơ quan ngang bộ',), datetime.date(2026, 1, 1))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from loaders.extract.body.deadlines import Deadline, find_deadline, parse_deadline
from loaders.extract.body.organ_phrases import group_names, scan_organs

__all__ = ["Fields", "is_field_line", "read_fields"]

_LEAD = r"(?:Cơ quan|Đơn vị|Bộ phận)\s+(?:chủ trì|thực hiện|thực hiện chính|chịu trách nhiệm|được giao)"
_COORDINATE = r"(?:Cơ quan|Đơn vị|Bộ phận)\s+phối hợp(?:\s+thực hiện)?"
_TIME = r"(?:Thời gian|Thời hạn|Tiến độ)(?:\s+(?:thực hiện|hoàn thành|ban hành|trình|triển khai))?"
_OTHER = r"(?:Nội dung|Sản phẩm|Kết quả|Kinh phí|Hình thức|Đối tượng|Phạm vi)(?:\s+\w+)?"
_LABEL = rf"(?P<label>{_LEAD}|{_COORDINATE}|{_TIME}|{_OTHER})\s*:"
_FIELD_LINE = re.compile(rf"^\s*(?:[-+•]\s*)?{_LABEL}", re.IGNORECASE)
_FIELD = re.compile(rf"(?:^|(?<=\s)[-+•]\s*|(?<=[.;]\s)){_LABEL}\s*", re.IGNORECASE)


_NONE = Deadline()


@dataclass(frozen=True, slots=True)
class Fields:
    """What the labelled lines of one item say (empty when it has none)."""

    lead: tuple[str, ...] = ()
    coordinate: tuple[str, ...] = ()
    deadline: Deadline = _NONE

    def __bool__(self) -> bool:
        return bool(self.lead or self.coordinate or self.deadline)


def is_field_line(text: str) -> bool:
    """Does the line open with a field label (``- Cơ quan chủ trì: …``, ``Thời hạn: …``)?"""
    return bool(_FIELD_LINE.match(text))


def _organs(value: str) -> tuple[str, ...]:
    """The organs that open each ``;`` part of a value (``Bộ Công an tiến hành …; các bộ … rà soát …``)."""
    found: list[str] = []
    for part in re.split(r"\s*;\s*", value):
        part = part.strip(" .+-")
        items, _ = scan_organs(part, lenient=True)
        found.extend(n for n in group_names(items) if n not in found)
    return tuple(found)


def _due(value: str, year_hint: int | None, not_before: date | None) -> Deadline:
    """The item's deadline: the last dated step, else the phrase read as a deadline cell or sentence."""
    steps = [
        find_deadline(p, year_hint=year_hint, not_before=not_before) for p in re.split(r"\s+[-+]\s+|;", value)
    ]
    dated = [s for s in steps if s.date is not None]
    if dated:
        last = max(dated, key=lambda s: s.date or date.min)
        return Deadline(last.date, " ".join(value.split()).strip(" .;+-"), last.recurrence)
    phrase = re.sub(r"^năm\s+(?=(?:19|20)\d{2}\s*[-–])", "", value.strip(" .;+-"), flags=re.IGNORECASE)
    found = parse_deadline(phrase, year_hint=year_hint, not_before=not_before)
    return found or find_deadline(value, year_hint=year_hint, not_before=not_before)


def read_fields(text: str, *, year_hint: int | None = None, not_before: date | None = None) -> Fields:
    """The roles and deadline an item's labelled lines give (``Fields()`` when it has none)."""
    marks = list(_FIELD.finditer(text)) if ":" in text else []  # every label ends in a colon
    lead: tuple[str, ...] = ()
    coordinate: tuple[str, ...] = ()
    due = Deadline()
    for k, m in enumerate(marks):
        value = text[m.end() : marks[k + 1].start() if k + 1 < len(marks) else len(text)].strip()
        label = m.group("label")
        if re.fullmatch(_LEAD, label, re.IGNORECASE):
            lead = lead + tuple(n for n in _organs(value) if n not in lead)
        elif re.fullmatch(_COORDINATE, label, re.IGNORECASE):
            coordinate = coordinate + tuple(n for n in _organs(value) if n not in coordinate)
        elif re.fullmatch(_TIME, label, re.IGNORECASE) and not due:
            due = _due(value, year_hint, not_before)
    return Fields(lead, coordinate, due)
