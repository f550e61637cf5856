"""One place to turn a :class:`~reports.model.Report` into bytes or files of any supported format.

The app offers every table as ``.xlsx``, ``.docx`` and ``.csv``; the CLIs write ``--out FILE`` by its suffix.

>>> from reports.model import Table
>>> report = Report("Ví dụ", tables=(Table("Bảng", ("a",), (("Đảng ủy",),)),))
>>> to_csv_bytes(report)[:3] == b"\\xef\\xbb\\xbf"
True
"""

from __future__ import annotations

from pathlib import Path

from reports.excel import to_xlsx_bytes
from reports.model import Report, ReportError, Table
from reports.tabular import to_csv_bytes as _table_csv
from reports.tabular import to_text as _table_text
from reports.word import to_docx_bytes

__all__ = ["FORMATS", "to_csv_bytes", "to_docx_bytes", "to_text", "to_xlsx_bytes", "write_report"]

FORMATS = (".xlsx", ".docx", ".csv")


def to_csv_bytes(report_or_table: Report | Table, *, table: int = 0) -> bytes:
    """One table as CSV (UTF-8 with BOM): a :class:`Table`, or table number ``table`` of a report."""
    if isinstance(report_or_table, Table):
        return _table_csv(report_or_table)
    if not report_or_table.tables:
        raise ReportError(f"the report {report_or_table.title!r} has no table to write as CSV")
    return _table_csv(report_or_table.tables[table])


def to_text(report: Report) -> str:
    """The report for a terminal: title, summary, then each table."""
    lines = [report.title]
    if report.subtitle:
        lines.append(report.subtitle)
    if report.as_of:
        lines.append(f"Tính đến ngày {report.as_of:%d/%m/%Y}")
    lines += [f"  {key}: {value}" for key, value in report.summary.items()]
    for table in report.tables:
        lines += ["", f"== {table.name} ==", _table_text(table)]
        if table.note:
            lines.append(table.note)
    return "\n".join(lines)


def write_report(report: Report, path: str | Path) -> list[Path]:
    """Write ``report`` to ``path`` in the format its suffix names; return the files written.

    A CSV holds one table: the first goes to ``path``, any others to ``<stem>-2.csv``, ``<stem>-3.csv``, …
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        path.write_bytes(to_xlsx_bytes(report))
        return [path]
    if suffix == ".docx":
        path.write_bytes(to_docx_bytes(report))
        return [path]
    if suffix == ".csv":
        if not report.tables:
            raise ReportError(f"the report {report.title!r} has no table to write as CSV")
        written = []
        for n, _ in enumerate(report.tables):
            target = path if n == 0 else path.with_name(f"{path.stem}-{n + 1}{path.suffix}")
            target.write_bytes(to_csv_bytes(report, table=n))
            written.append(target)
        return written
    raise ReportError(f"cannot write {path.name}: use a file ending in {', '.join(FORMATS)}")
