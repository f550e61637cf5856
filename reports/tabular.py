"""Plain formats of a table: CSV (UTF-8 with a byte-order mark, so Excel reads Vietnamese right) and text.

A report's CSV is one file: the title, the scope and the summary rows on top, then each table under its name.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from datetime import date

from reports.cells import csv_text
from reports.model import Cell, Report, Table, format_date_vi

__all__ = ["report_csv_bytes", "to_csv_bytes", "to_csv_text", "to_text"]

BOM = "\ufeff"
_TEXT_WIDTH = 50  # longest cell shown in a terminal table


def _csv_value(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, str):
        return csv_text(cell)
    return str(cell)  # a number stays a number, -5 included


def to_csv_text(table: Table) -> str:
    """The table as CSV text, without a byte-order mark (for a pipe)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([csv_text(column) for column in table.columns])
    writer.writerows([_csv_value(c) for c in row] for row in table.rows)
    return out.getvalue()


def to_csv_bytes(table: Table) -> bytes:
    """The table as a CSV file: UTF-8 with a BOM, dates ISO, CRLF line ends."""
    return (BOM + to_csv_text(table)).encode("utf-8")


def _summary_rows(report: Report) -> list[list[str]]:
    rows: list[list[Cell]] = [[report.title]]
    if report.subtitle:
        rows.append([report.subtitle])
    if report.as_of:
        rows.append(["Tính đến ngày", report.as_of])
    rows += [[line] for line in report.scope]
    rows += [[key, value] for key, value in report.summary.items()]
    return [[_csv_value(c) for c in row] for row in rows]


def report_csv_bytes(report: Report) -> bytes:
    """The whole report as one CSV file: the summary rows on top, then each table (its name, then its rows)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(_summary_rows(report))
    for table in report.tables:
        writer.writerow([])
        writer.writerow([_csv_value(table.name)])
        out.write(to_csv_text(table))
        if table.note:
            writer.writerow([_csv_value(table.note)])
    if report.sources:
        writer.writerow([])
        writer.writerow(["Nguồn tham chiếu"])
        writer.writerows([_csv_value(s)] for s in report.sources)
    return (BOM + out.getvalue()).encode("utf-8")


def _width(text: str) -> int:
    """Columns a string takes in a terminal (combining marks take none)."""
    return sum(0 if unicodedata.combining(c) else 1 for c in text)


def _text_value(cell: Cell) -> str:
    text = "" if cell is None else format_date_vi(cell) if isinstance(cell, date) else str(cell)
    text = " ".join(text.split())
    return text if len(text) <= _TEXT_WIDTH else text[: _TEXT_WIDTH - 1] + "…"


def to_text(table: Table) -> str:
    """A fixed-width table for a terminal, long cells cut with ``…``."""
    cells = [list(table.columns)] + [[_text_value(c) for c in row] for row in table.rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(table.columns))]
    lines = []
    for n, row in enumerate(cells):
        lines.append("  ".join(v + " " * (w - _width(v)) for v, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append(f"({len(table.rows)} dòng)")
    return "\n".join(lines)
