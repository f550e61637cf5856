"""A ``.docx`` report as PDF, through LibreOffice (``soffice --headless --convert-to pdf``) where it is installed.

LibreOffice is not a dependency of the project: where it is missing, :func:`docx_to_pdf` says so in a
:class:`~reports.model.ReportError` and the ``.docx`` stays the report to hand on (Word and LibreOffice both print
it to PDF).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from reports.model import ReportError

__all__ = ["docx_to_pdf", "office_program"]

_TIMEOUT = 180  # seconds: a first start of LibreOffice builds its profile


def office_program() -> str | None:
    """The LibreOffice program on ``PATH`` (``soffice`` or ``libreoffice``), or ``None``."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: Path, out_dir: Path | None = None) -> Path:
    """Convert ``docx`` to a PDF beside it (or in ``out_dir``); returns the PDF's path."""
    office = office_program()
    if office is None:
        raise ReportError(
            f"không tạo được PDF: máy này không có LibreOffice (lệnh soffice); tệp {docx} đã ghi, "
            "mở bằng Word hoặc LibreOffice rồi xuất PDF"
        )
    out_dir = out_dir or docx.parent
    try:
        done = subprocess.run(
            [office, "--headless", "--convert-to", "pdf", "--outdir", str(out_dir), str(docx)],
            capture_output=True,
            text=True,
            timeout=_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ReportError(f"không tạo được PDF: LibreOffice chạy quá {_TIMEOUT} giây với {docx}") from exc
    pdf = out_dir / f"{docx.stem}.pdf"
    if done.returncode != 0 or not pdf.is_file():
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise ReportError(f"không tạo được PDF từ {docx}: {detail[-1] if detail else f'mã lỗi {done.returncode}'}")
    return pdf
