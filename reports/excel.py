"""A :class:`~reports.model.Report` as an ``.xlsx`` workbook (openpyxl).

A summary sheet first, then one sheet per table: bold header row, frozen under the header, auto-filter over the
data, dates stored as real dates shown ``dd/mm/yyyy``, numbers as numbers (a :class:`~reports.model.Percent` as a
percentage), column widths fitted to the content (capped, long text wrapped). Every sheet prints on A4 landscape,
one page wide, with the header row repeated on each page and the report's title and the page number in the footer.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reports.cells import is_formula_like
from reports.model import Cell, Percent, Report, Table

__all__ = ["sheet_title", "to_xlsx_bytes"]

_DATE_FORMAT = "DD/MM/YYYY"
_MAX_WIDTH = 60
_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_SHEET_LIMIT = 31
_PERCENT_FORMAT = "0%"


def _cut(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, cut at a word and marked with ``…`` when it is too long."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    return (head.rsplit(" ", 1)[0] if " " in head else head).rstrip(" ,(-") + "…"


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique sheet title: no ``[]:*?/\\``, at most 31 characters (Excel's limit), cut at a word."""
    base = _BAD_SHEET_CHARS.sub("-", name).strip("' ") or "Bảng"
    title, n = _cut(base, _SHEET_LIMIT), 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = _cut(base, _SHEET_LIMIT - len(suffix)) + suffix, n + 1
    taken.add(title.lower())
    return title


def _excel_value(cell: Cell) -> Cell:
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, Percent):
        return float(cell)
    return cell


def _number_format(cell: Cell) -> str | None:
    if isinstance(cell, date):
        return _DATE_FORMAT
    if isinstance(cell, Percent):
        return _PERCENT_FORMAT
    return None


def _print_setup(ws: Worksheet, title: str, header_row: bool) -> None:
    """A4 landscape, one page wide (as many pages down as it takes), the header row on every page, a footer."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = header_row
    if header_row:
        ws.print_title_rows = "1:1"
    ws.oddFooter.left.text = _cut(title, 120).replace("&", "&&")
    ws.oddFooter.right.text = "Trang &P/&N"


def _write_summary(ws: Worksheet, report: Report) -> None:
    ws.append([report.title])
    ws["A1"].font = Font(bold=True, size=14)
    if report.subtitle:
        ws.append([report.subtitle])
    if report.as_of:
        ws.append(["Tính đến ngày", report.as_of])
        ws.cell(ws.max_row, 2).number_format = _DATE_FORMAT
    ws.append([])
    for line in report.scope:
        ws.append([line])
        ws.cell(ws.max_row, 1).alignment = Alignment(wrap_text=False)
    if report.scope:
        ws.append([])
    for key, value in report.summary.items():
        ws.append([key, _excel_value(value)])
        if fmt := _number_format(value):
            ws.cell(ws.max_row, 2).number_format = fmt
    if report.sources:
        ws.append([])
        ws.append(["Nguồn"])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
        for source in report.sources:
            ws.append([source])
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 30


def _write_table(ws: Worksheet, table: Table) -> None:
    ws.append(list(table.columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for row in table.rows:
        ws.append([_excel_value(c) for c in row])
    for col, heading in enumerate(table.columns, start=1):
        values = [row[col - 1] for row in table.rows]
        _format_column(ws, col, heading, values)
    ws.freeze_panes = "A2"
    if table.rows:
        ws.auto_filter.ref = ws.dimensions
    if table.note:
        ws.cell(ws.max_row + 2, 1, table.note).font = Font(italic=True)


def _format_column(ws: Worksheet, col: int, heading: str, values: list[Cell]) -> None:
    letter = get_column_letter(col)
    widths = [len(heading)] + [10 if isinstance(v, date) else len(str(v)) for v in values if v is not None]
    width = min(max(widths) + 2, _MAX_WIDTH)
    ws.column_dimensions[letter].width = max(width, 8)
    wrap = max(widths) + 2 > _MAX_WIDTH
    for row, value in enumerate(values, start=2):
        cell = ws.cell(row, col)
        if fmt := _number_format(value):
            cell.number_format = fmt
        if wrap:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _as_text(ws: Worksheet) -> None:
    """Every formula-like text cell stored as text: openpyxl turns a string starting with ``=`` into a formula,
    and a spreadsheet runs ``+``, ``-`` and ``@`` too. ``quotePrefix`` shows it as typed and keeps it text when
    the cell is edited."""
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and is_formula_like(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True


def to_xlsx_bytes(report: Report) -> bytes:
    """The workbook as bytes (for a download button or a file); no cell is ever a formula."""
    wb = Workbook()
    summary = wb.active
    assert summary is not None  # a new workbook always has one sheet
    taken: set[str] = set()
    summary.title = sheet_title("Tổng hợp", taken)
    _write_summary(summary, report)
    _print_setup(summary, report.title, header_row=False)
    for table in report.tables:
        ws = wb.create_sheet(sheet_title(table.name, taken))
        _write_table(ws, table)
        _print_setup(ws, f"{report.title} — {table.name}", header_row=True)
    for ws in wb.worksheets:
        _as_text(ws)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
