"""Task tables: ``TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành`` rows → tasks.

A table is a task table when its header names a task column (``Nhiệm vụ``, ``Tên nhiệm vụ``, ``Nội dung``)
and a lead or deadline column (``Cơ quan chủ trì``, ``Chủ trì``, ``Thời gian``, ``Thời hạn`` …). A target
table (``Chỉ tiêu``) or a progress report (``Tiến độ`` with ``Kết quả hiện nay``) is not. Rows whose ``TT``
is a roman numeral or a capital letter are group labels; rows with an empty ``TT`` continue the task above
(only its text: their other cells hold spill from the row above). Two layouts are read: pipe rows (``| 1. |
Xây dựng … | Bộ Công an | … |``) and one cell per line (``TT`` / ``Nhiệm vụ`` / … then ``1`` / ``Xây dựng …``).

Task paths are ``<prefix>/<TT>``: ``PLII/7`` for row 7 of Phụ lục II, ``PL/1`` for an unnumbered PHỤ LỤC.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from loaders.extract.body.assignees import split_organs
from loaders.extract.body.deadlines import parse_deadline
from loaders.extract.body.numbering import ARABIC, ROMAN, UPPER, parse_marker
from loaders.record import TaskRecord
from loaders.text.line import Line

__all__ = [
    "TableTasks",
    "appendix_id",
    "header_roles",
    "is_table_row",
    "parse_task_table",
    "read_cell_table",
    "regroup_cells",
    "split_cells",
]  # fmt: skip

_REPORT_COLUMN = re.compile(r"hiện nay|tình hình thực hiện|đã thực hiện|kết quả đạt được|đánh giá kết quả")
_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
# up to five digits: a table of 10,000 tasks numbers its rows to 10000 (three digits dropped every row after 999)
_TT_NUMBER = re.compile(r"^(\d{1,5}(?:\.\d{1,2})*)\.?$")
_TT_GROUP = re.compile(r"^(?:[IVX]{1,5}|[A-ZĐ])\.?$")
_APPENDIX = re.compile(
    r"^ph[ụu]\s*l[ụu]c(?:\s+(?:số\s+)?([IVX]{1,5}|\d{1,2}|[A-Z]))?\s*(?:$|[:.\-–—]|\s+[A-ZĐ(])", re.I
)


@dataclass(frozen=True, slots=True)
class TableTasks:
    """Tasks read from one table, and anything a reader of the record should know about it."""

    tasks: tuple[TaskRecord, ...] = ()
    warnings: tuple[str, ...] = ()


def is_table_row(text: str) -> bool:
    return text.lstrip().startswith("|")


def split_cells(text: str) -> list[str]:
    """``| 1. | Xây dựng … | Bộ Y tế |`` → ``['1.', 'Xây dựng …', 'Bộ Y tế']``, markup a converter left removed."""
    body = text.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    return [" ".join(c.replace("**", "").replace("\\", "").split()) for c in body.split("|")]


def _role(cell: str) -> str | None:
    low = " ".join(cell.lower().replace("*", "").split()).strip(" :.")
    if low in ("tt", "stt", "số tt", "số thứ tự"):
        return "tt"
    if "phối hợp" in low:
        return "coordinate"
    if "chủ trì" in low or re.match(r"(?:cơ quan|đơn vị)(?: thực hiện| được giao)?$", low):
        return "lead"
    if low.startswith(("thời gian", "thời hạn", "tiến độ")):
        return "deadline"
    if low.startswith(("nhiệm vụ", "tên nhiệm vụ", "nội dung", "công việc", "tên đề án", "nhiệm vụ, giải pháp")):
        return "task"
    if low.startswith(("sản phẩm", "kết quả", "hình thức")):
        return "product"
    return None


def header_roles(cells: Sequence[str]) -> dict[str, int] | None:
    """Column index of each role, when these cells are the header of a task table; ``None`` otherwise."""
    if any(_REPORT_COLUMN.search(c.lower()) for c in cells):
        return None
    roles: dict[str, int] = {}
    for i, cell in enumerate(cells):
        role = _role(cell)
        if role and role not in roles:
            roles[role] = i
    if "task" in roles and ("lead" in roles or "deadline" in roles):
        return roles
    return None


def appendix_id(text: str) -> str | None:
    """``PHỤ LỤC II`` → ``II``; ``PHỤ LỤC`` → ``""``; ``Phụ lục 1: DANH MỤC …`` → ``1``; else ``None``."""
    m = _APPENDIX.match(text.strip())
    if not m or re.search(r"\bkèm theo\b|\btại\b", text[:40], re.I):
        return None
    return m.group(1) or ""


def _cell(cells: Sequence[str], roles: dict[str, int], role: str) -> str:
    i = roles.get(role)
    return cells[i].strip() if i is not None and i < len(cells) else ""


def _task(cells: Sequence[str], roles: dict[str, int], path: str, line: int, year: int | None) -> TaskRecord:
    due = parse_deadline(_cell(cells, roles, "deadline"), year_hint=year)
    return TaskRecord(
        path=path,
        text=_cell(cells, roles, "task"),
        lead=split_organs(_cell(cells, roles, "lead")),
        coordinate=split_organs(_cell(cells, roles, "coordinate")),
        deadline=due.date.isoformat() if due.date else None,
        deadline_text=due.text or (_cell(cells, roles, "deadline") or None),
        recurrence=due.recurrence,
        line=line,
    )


def parse_task_table(
    rows: Sequence[tuple[int, Sequence[str]]], *, prefix: str, kind: str = "task", year_hint: int | None = None
) -> TableTasks:
    """Rows (line, cells) of one table, header first → tasks with paths ``<prefix>/<TT>``.

    Returns no tasks when the first row is not the header of a task table.
    """
    if not rows or (roles := header_roles(rows[0][1])) is None:
        return TableTasks()
    tasks: list[TaskRecord] = []
    warnings: list[str] = []
    for line, cells in rows[1:]:
        tt = _cell(cells, roles, "tt") if "tt" in roles else ""
        if number := _TT_NUMBER.match(tt):
            tasks.append(replace(_task(cells, roles, f"{prefix}/{number.group(1)}", line, year_hint), kind=kind))
        elif tt and _TT_GROUP.match(tt):
            continue  # a group label: the section the following rows belong to
        elif not tt and tasks and (more := _cell(cells, roles, "task")):
            tasks[-1] = replace(tasks[-1], text=f"{tasks[-1].text} {more}".strip())
        elif any(c.strip() for c in cells):
            warnings.append(f"line {line}: table row with TT {tt!r} not read as a task")
    return TableTasks(tuple(tasks), tuple(warnings))


#: More column names than any task table has; a longer run of lines that read as column names is not a header.
MAX_HEADER_CELLS = 12


def _bare(text: str) -> str:
    return text.strip().strip("|").strip()


def _ends_table(text: str) -> bool:
    """A heading, an appendix caption or ``Nơi nhận`` after a one-cell-per-line table."""
    marker = parse_marker(text)
    heading = marker is not None and marker.kind in (ROMAN, UPPER, ARABIC) and bool(marker.text)
    return heading or appendix_id(text) is not None or text.lower().startswith("nơi nhận")


def read_cell_table(lines: Sequence[Line], start: int) -> tuple[list[tuple[int, list[str]]], int] | None:
    """A table printed one cell per line from ``lines[start]``: (rows with the header first, next index).

    The header is a run of lines that are each a column name; each row starts at a line holding only a
    ``TT`` value. Cells a converter left out cannot be placed, so a short row fills its columns in order and
    a last cell that reads as a deadline goes to the deadline column.
    """
    header: list[str] = []
    i = start
    while i < len(lines) and (_role(_bare(lines[i].text)) or _bare(lines[i].text) == ""):
        if _bare(lines[i].text):
            header.append(_bare(lines[i].text))
        if len(header) > MAX_HEADER_CELLS:
            # a run of task lines that each name a role ("… chủ trì …"), not a header: without this bound every
            # line of such a run started a scan to its end, quadratic in the tasks (1,000 tasks: 16 s)
            return None
        i += 1
    roles = header_roles(header) if len(header) >= 3 else None
    if roles is None or "tt" not in roles:
        return None
    rows: list[tuple[int, list[str]]] = [(lines[start].no, header)]
    previous: str | None = None
    while i < len(lines):
        text = _bare(lines[i].text)
        if _group_heading(text) and i + 1 < len(lines) and _TT_NUMBER.match(_bare(lines[i + 1].text)):
            i += 1  # ``I. NÂNG CAO NHẬN THỨC …``: a group of the rows under it, in a line of its own
            continue
        if not _opens_row(text, previous):
            break
        row, i = _collect_row(lines, i, len(header), roles)
        rows.append(row)
        previous = row[1][0]
    return rows, i


def _opens_row(text: str, previous: str | None) -> bool:
    """Does this line of a one-cell-per-line table open a row? A group label or a number of up to three digits
    does; a longer number only when it follows the previous row's (``2025`` alone on a line is a deadline).

    >>> _opens_row("7", None), _opens_row("2025", None), _opens_row("1000", "999."), _opens_row("II", "9")
    (True, False, True, True)
    """
    if _TT_GROUP.match(text):
        return True
    if not (m := _TT_NUMBER.match(text)):
        return False
    label = m.group(1)
    if len(label.split(".")[0]) <= 3:
        return True
    before = (previous or "").rstrip(".")
    return before.isdigit() and label == str(int(before) + 1)


def _group_heading(text: str) -> bool:
    marker = parse_marker(text)
    return marker is not None and marker.kind in (ROMAN, UPPER) and bool(marker.text)


def regroup_cells(rows: Sequence[tuple[int, Sequence[str]]]) -> list[tuple[int, list[str]]] | None:
    """Pipe rows of one cell each (a converter flattened a table to one cell per row) → the table's rows, read
    as a one-cell-per-line table; ``None`` when they are not one."""
    if len(rows) < 4 or any(sum(1 for c in cells if c.strip()) > 1 for _, cells in rows):
        return None
    lines = [Line(no, next((c for c in cells if c.strip()), "")) for no, cells in rows]
    lines = [line for line in lines if line.text]
    found = read_cell_table(lines, 0)
    return found[0] if found and len(found[0]) > 1 else None


def _collect_row(
    lines: Sequence[Line], i: int, width: int, roles: dict[str, int]
) -> tuple[tuple[int, list[str]], int]:
    """The cells of one row from its ``TT`` line on; the row ends at the next ``TT`` or once it is full."""
    first = lines[i]
    values = [_bare(first.text)]
    i += 1
    while i < len(lines) and len(values) < width:
        text = _bare(lines[i].text)
        if _opens_row(text, values[0]) or _ends_table(text):
            break
        if text:
            values.append(text)
        i += 1
    cells = values + [""] * (width - len(values))
    if len(values) < width and len(values) > 2 and "deadline" in roles and parse_deadline(values[-1]):
        cells = values[:-1] + [""] * (width - len(values) + 1)
        cells[roles["deadline"]] = values[-1]
    return (first.no, cells), i
