"""A :class:`~reports.model.Report` as a ``.docx`` in Vietnamese administrative style (python-docx).

Times New Roman throughout (13 pt text, 11 pt tables), A4 with the usual margins (top and bottom 2 cm, left 3 cm,
right 1.5 cm; landscape when a table is wide), the title ``BÁO CÁO`` and the subject under it, the scope and the
as-of date, numbered parts (``I. TỔNG HỢP``, ``II. …``), grid tables whose header row repeats on every page, and
the source references at the end.
"""

from __future__ import annotations

import io
from datetime import date

from docx import Document as new_document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from reports.model import Cell, Report, Table, format_date_vi

__all__ = ["roman", "to_docx_bytes"]

FONT = "Times New Roman"
_WIDE_TABLE = 6  # more columns than this: landscape pages
_CHAR_CM = 0.21  # width of an average character at 11 pt Times New Roman
_PADDING_CM = 0.4  # a cell's left and right margins
_LONG_TEXT = 120  # a cell longer than this wraps anyway: it claims no more room


def roman(n: int) -> str:
    """``4`` → ``'IV'`` (parts of a Vietnamese report are numbered in Roman numerals)."""
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        while n >= value:
            out, n = out + letters, n - value
    return out


def _cell_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, date):
        return format_date_vi(cell)
    if isinstance(cell, bool):
        return "Có" if cell else "Không"
    return str(cell)


def _set_font(run_or_style: object, size: float | None = None) -> None:
    font = run_or_style.font  # type: ignore[attr-defined]
    font.name = FONT
    if size:
        font.size = Pt(size)
    element = run_or_style.element  # type: ignore[attr-defined]
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _setup(doc: DocxDocument, landscape: bool) -> float:
    """Fonts, page size and margins; returns the width inside the margins, in cm."""
    _set_font(doc.styles["Normal"], 13)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    return (29.7 if landscape else 21.0) - 3 - 1.5


def _paragraph(
    doc: DocxDocument, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
) -> Paragraph:  # fmt: skip
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold, run.italic = bold, italic
    _set_font(run, size)
    if align is not None:
        p.alignment = align
    p.paragraph_format.space_after = Pt(4)
    return p


def _heading_block(doc: DocxDocument, report: Report) -> None:
    today = date.today()
    _paragraph(
        doc, f"ngày {today.day:02d} tháng {today.month:02d} năm {today.year}", italic=True,
        align=WD_ALIGN_PARAGRAPH.RIGHT,
    )  # fmt: skip
    _paragraph(doc, "BÁO CÁO", bold=True, size=15, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(doc, report.title, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    if report.subtitle:
        _paragraph(doc, report.subtitle, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    if report.as_of:
        _paragraph(doc, f"Số liệu tính đến ngày {format_date_vi(report.as_of)}", align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(doc, "-----", align=WD_ALIGN_PARAGRAPH.CENTER)


def _repeat_header(row: object) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _column_widths(table: Table, usable: float) -> list[float]:
    """Widths in cm: each column gets room for its longest word, the rest goes to the columns with long text."""
    texts = [[heading, *(_cell_text(row[i]) for row in table.rows)] for i, heading in enumerate(table.columns)]
    least = [(max(len(w) for t in col for w in t.split() or [""]) + 1) * _CHAR_CM + _PADDING_CM for col in texts]
    if sum(least) >= usable:
        return [usable * m / sum(least) for m in least]
    extra = [
        max(min(max(len(t) for t in col), _LONG_TEXT) * _CHAR_CM - m, 0.0)
        for col, m in zip(texts, least, strict=True)
    ]
    share = (usable - sum(least)) / (sum(extra) or 1.0)
    widths = [m + e * share for m, e in zip(least, extra, strict=True)]
    return [w * usable / sum(widths) for w in widths]


def _table(doc: DocxDocument, table: Table, usable: float) -> None:
    grid = doc.add_table(rows=1, cols=len(table.columns))
    grid.style = doc.styles["Table Grid"]
    grid.autofit = False
    for cell, heading in zip(grid.rows[0].cells, table.columns, strict=True):
        run = cell.paragraphs[0].add_run(heading)
        run.bold = True
        _set_font(run, 11)
    _repeat_header(grid.rows[0])
    for values in table.rows:
        for cell, value in zip(grid.add_row().cells, values, strict=True):
            _set_font(cell.paragraphs[0].add_run(_cell_text(value)), 11)
    for column, width in zip(grid.columns, _column_widths(table, usable), strict=True):
        column.width = Cm(width)  # the grid, which LibreOffice follows
        for cell in column.cells:
            cell.width = Cm(width)  # each cell, which Word follows
    if not table.rows:
        _paragraph(doc, "(Không có dòng nào.)", italic=True)
    if table.note:
        _paragraph(doc, table.note, italic=True, size=11)


def to_docx_bytes(report: Report) -> bytes:
    """The report as a Word document, bytes (for a download button or a file)."""
    doc = new_document()
    usable = _setup(doc, landscape=any(len(t.columns) > _WIDE_TABLE for t in report.tables))
    _heading_block(doc, report)
    _paragraph(doc, "I. TỔNG HỢP", bold=True)
    for key, value in report.summary.items():
        _paragraph(doc, f"- {key}: {_cell_text(value)}")
    for n, table in enumerate(report.tables, start=2):
        _paragraph(doc, f"{roman(n)}. {table.name.upper()}", bold=True)
        _table(doc, table, usable)
    if report.sources:
        _paragraph(doc, "Nguồn tham chiếu:", bold=True, italic=True)
        for source in report.sources:
            _paragraph(doc, f"- {source}", size=11)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
