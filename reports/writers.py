"""One place to turn a :class:`~reports.model.Report` into bytes or files of any supported format.

The app offers every report as ``.xlsx``, ``.docx`` and ``.csv``; the CLIs write ``--out FILE`` by its suffix:

* ``.xlsx`` — a summary sheet and a sheet per table; ``.docx`` — the official form (:mod:`reports.word`);
* ``.pdf`` — the ``.docx`` beside it, converted by LibreOffice where it is installed (:mod:`reports.pdf`);
* ``.csv`` — one file: the summary rows on top, then each table under its name;
* ``.zip`` — one CSV per table, named by the table, and ``Tổng hợp.csv`` with the summary.

>>> from reports.model import Table
>>> report = Report("Ví dụ", tables=(Table("Bảng", ("a",), (("Đảng ủy",),)),))
>>> to_csv_bytes(report)[:3] == b"\\xef\\xbb\\xbf"
True
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path

from reports.excel import to_xlsx_bytes
from reports.form import OfficialForm
from reports.model import Report, ReportError, Table
from reports.pdf import docx_to_pdf
from reports.tabular import report_csv_bytes
from reports.tabular import to_csv_bytes as _table_csv
from reports.tabular import to_text as _table_text
from reports.word import to_docx_bytes

__all__ = ["FORMATS", "to_csv_bytes", "to_docx_bytes", "to_text", "to_xlsx_bytes", "to_zip_bytes", "write_report"]

FORMATS = (".xlsx", ".docx", ".pdf", ".csv", ".zip")
_BAD_FILE_CHARS = re.compile(r'[\\/:*?"<>|]')


def to_csv_bytes(report_or_table: Report | Table) -> bytes:
    """A report as one CSV file (UTF-8 with BOM, summary on top), or a single table as CSV."""
    if isinstance(report_or_table, Table):
        return _table_csv(report_or_table)
    return report_csv_bytes(report_or_table)


def _file_name(name: str, taken: set[str]) -> str:
    base = _BAD_FILE_CHARS.sub("-", name).strip(" .") or "Bảng"
    stem, n = base, 2
    while stem.lower() in taken:
        stem, n = f"{base} ({n})", n + 1
    taken.add(stem.lower())
    return f"{stem}.csv"


def to_zip_bytes(report: Report) -> bytes:
    """The summary and each table as CSV files in a zip, each named by its table."""
    buffer = io.BytesIO()
    taken: set[str] = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(_file_name("Tổng hợp", taken), report_csv_bytes(Report(
            report.title, report.subtitle, report.as_of, report.summary, (), report.sources, report.scope,
        )))  # fmt: skip
        for table in report.tables:
            archive.writestr(_file_name(table.name, taken), _table_csv(table))
    return buffer.getvalue()


def to_text(report: Report) -> str:
    """The report for a terminal: title, scope, summary, then each table."""
    lines = [report.title]
    if report.subtitle:
        lines.append(report.subtitle)
    if report.as_of:
        lines.append(f"Tính đến ngày {report.as_of:%d/%m/%Y}")
    lines += list(report.scope)
    lines += [f"  {key}: {value}" for key, value in report.summary.items()]
    for table in report.tables:
        lines += ["", f"== {table.name} ==", _table_text(table)]
        if table.note:
            lines.append(table.note)
    return "\n".join(lines)


def write_report(
    report: Report, path: str | Path, *, form: OfficialForm | None = None, day: date | None = None
) -> list[Path]:
    """Write ``report`` to ``path`` in the format its suffix names; return the files written.

    ``form`` and ``day`` fill the heading of a ``.docx`` or ``.pdf`` (:func:`reports.word.to_docx_bytes`). A
    ``.pdf`` also leaves its ``.docx`` beside it, and says so when LibreOffice is missing.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        path.write_bytes(to_xlsx_bytes(report))
    elif suffix in (".docx", ".pdf"):
        docx = path.with_suffix(".docx")
        docx.write_bytes(to_docx_bytes(report, form, day=day))
        return [docx] if suffix == ".docx" else [docx, docx_to_pdf(docx, path.parent)]
    elif suffix == ".csv":
        path.write_bytes(to_csv_bytes(report))
    elif suffix == ".zip":
        path.write_bytes(to_zip_bytes(report))
    else:
        raise ReportError(f"không ghi được {path.name}: hãy dùng tệp có đuôi {', '.join(FORMATS)}")
    return [path]
