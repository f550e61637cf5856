"""A :class:`~reports.model.Report` as a ``.docx`` an office can issue: the form of Hướng dẫn 36-HD/VPTW for Party
documents, of Nghị định 30/2020/NĐ-CP for State ones (python-docx).

* heading — a borderless two-column block: the issuing organ on the left with ``*`` under it (Party; a short rule
  for the State) and the number ``Số …-BC/TU``; ``ĐẢNG CỘNG SẢN VIỆT NAM`` underlined on the right (or the State's
  name and motto), and the place and date in italics;
* ``BÁO CÁO`` and the subject (trích yếu), a short rule under them;
* body — ``I.`` the summary with its figures and the scope searched, ``II.`` the findings (each table, then the
  sources), ``III.`` proposals, left for the office to write;
* ``Nơi nhận:`` on the left and the signature block (``T/M …``, title, name) on the right;
* page numbers (a ``PAGE`` field in the footer); the file's title, author and creation time filled.

Times New Roman throughout (13 pt text, 11 pt tables), A4 with the margins of both rules (top and bottom 2 cm, left
3 cm, right 1.5 cm); a table wider than a portrait page gets a landscape section of its own.
"""

from __future__ import annotations

import io
from datetime import date, datetime

from docx import Document as new_document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from reports.form import BLANK, OfficialForm, System, load_form
from reports.model import Cell, Percent, Report, Table, format_date_vi

__all__ = ["roman", "to_docx_bytes"]

FONT = "Times New Roman"
_WIDE_TABLE = 6  # more columns than this: a landscape section
_CHAR_CM = 0.21  # width of an average character at 11 pt Times New Roman
_PADDING_CM = 0.4  # a cell's left and right margins
_LONG_TEXT = 120  # a cell longer than this wraps anyway: it claims no more room
_PORTRAIT_CM = 21.0 - 3 - 1.5
_LANDSCAPE_CM = 29.7 - 3 - 1.5
_LEFT_HEADING_CM = 7.0  # the organ's column of the heading block
_PROPOSALS = "(Phần đề xuất, kiến nghị do cơ quan ban hành báo cáo soạn.)"


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
    if isinstance(cell, Percent):
        return str(cell)
    if isinstance(cell, float):
        return f"{cell:.0f}" if cell == int(cell) else f"{cell:.2f}".replace(".", ",")
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


def _page(section: Section, landscape: bool) -> float:
    """A4 in the given orientation with the margins of 36-HD and Nghị định 30; returns the width inside them."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Cm(29.7), Cm(21)) if landscape else (Cm(21), Cm(29.7))
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    return _LANDSCAPE_CM if landscape else _PORTRAIT_CM


def _text(
    p: Paragraph, text: str, *, bold: bool = False, italic: bool = False, underline: bool = False,
    size: float | None = None, align: WD_ALIGN_PARAGRAPH | None = None,
) -> Paragraph:  # fmt: skip
    run = p.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    _set_font(run, size)
    if align is not None:
        p.alignment = align
    p.paragraph_format.space_after = Pt(3)
    return p


def _paragraph(doc: DocxDocument, text: str, **style: object) -> Paragraph:
    return _text(doc.add_paragraph(), text, **style)  # type: ignore[arg-type]


def _in_cell(cell: _Cell, lines: list[tuple[str, dict[str, object]]]) -> None:
    """Lines into a cell, centred (the heading and signature blocks centre each line in its column)."""
    first = True
    for text, style in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        _text(p, text, align=WD_ALIGN_PARAGRAPH.CENTER, **style)  # type: ignore[arg-type]
        p.paragraph_format.space_after = Pt(0)


def _two_columns(doc: DocxDocument, left_cm: float, usable: float) -> tuple[_Cell, _Cell]:
    grid = doc.add_table(rows=1, cols=2)  # no style: no borders
    grid.autofit = False
    left, right = grid.rows[0].cells
    for cell, width in ((left, left_cm), (right, usable - left_cm)):
        cell.width = Cm(width)
    for column, width in zip(grid.columns, (left_cm, usable - left_cm), strict=True):
        column.width = Cm(width)
    return left, right


def _short_rule(doc: DocxDocument, usable: float, length_cm: float = 3.0) -> None:
    """A short centred line (a paragraph border) where a typist would draw one, not a row of dashes."""
    p = doc.add_paragraph()
    p.paragraph_format.left_indent = p.paragraph_format.right_indent = Cm((usable - length_cm) / 2)
    p.paragraph_format.space_after = Pt(6)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    p._p.get_or_add_pPr().append(borders)


def _heading(doc: DocxDocument, form: OfficialForm, system: System, day: date | None, year: int) -> None:
    left, right = _two_columns(doc, _LEFT_HEADING_CM, _PORTRAIT_CM)
    organ = list(form.organ) or [BLANK]
    lines: list[tuple[str, dict[str, object]]] = [(line, {"size": 13}) for line in organ[:-1]]
    lines.append((organ[-1], {"bold": True, "size": 13}))
    lines.append(("*" if system is System.PARTY else "", {"size": 13}))
    lines.append((form.number_line(system), {"size": 13}))
    _in_cell(left, lines)
    national = system.national_lines
    right_lines: list[tuple[str, dict[str, object]]] = [(national[0], {"bold": True, "size": 13})]
    right_lines += [(line, {"bold": True, "size": 13}) for line in national[1:]]
    right_lines[-1][1]["underline"] = True
    right_lines += [("", {}), (form.date_line(day, year), {"italic": True, "size": 13})]
    _in_cell(right, right_lines)


def _title(doc: DocxDocument, report: Report) -> None:
    _paragraph(doc, "", size=6)
    _paragraph(doc, "BÁO CÁO", bold=True, size=15, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(doc, report.title, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    if report.subtitle:
        _paragraph(doc, report.subtitle, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    if report.as_of:
        _paragraph(doc, f"Số liệu tính đến ngày {format_date_vi(report.as_of)}", align=WD_ALIGN_PARAGRAPH.CENTER)
    _short_rule(doc, _PORTRAIT_CM)


def _body_line(doc: DocxDocument, text: str, size: float | None = None) -> None:
    p = _paragraph(doc, text, size=size, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    p.paragraph_format.first_line_indent = Cm(1)


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


def _findings(doc: DocxDocument, report: Report) -> None:
    """Part II: each table (a wide one in a landscape section of its own), then the sources."""
    _paragraph(doc, "II. KẾT QUẢ CỤ THỂ", bold=True)
    landscape = False
    for n, table in enumerate(report.tables, start=1):
        wide = len(table.columns) > _WIDE_TABLE
        if wide != landscape:
            _page(doc.add_section(WD_SECTION.NEW_PAGE), wide)
            landscape = wide
        usable = _LANDSCAPE_CM if landscape else _PORTRAIT_CM
        _paragraph(doc, f"{n}. {table.name}", bold=True)
        _table(doc, table, usable)
    if landscape:
        _page(doc.add_section(WD_SECTION.NEW_PAGE), False)
    if report.sources:
        _paragraph(doc, f"{len(report.tables) + 1}. Nguồn tham chiếu", bold=True)
        for source in report.sources:
            _paragraph(doc, f"- {source}", size=11)


def _closing(doc: DocxDocument, form: OfficialForm) -> None:
    """``Nơi nhận:`` on the left, the signature block on the right."""
    left, right = _two_columns(doc, 7.5, _PORTRAIT_CM)
    recipients = list(form.recipients) or [BLANK]
    lines: list[tuple[str, dict[str, object]]] = [("Nơi nhận:", {"bold": True, "italic": True, "size": 12})]
    lines += [(f"- {r}{'.' if i == len(recipients) - 1 else ','}", {"size": 11}) for i, r in enumerate(recipients)]
    _in_cell(left, lines)
    for p in left.paragraphs:
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    signature: list[tuple[str, dict[str, object]]] = []
    if form.on_behalf:
        signature.append((form.on_behalf, {"bold": True, "size": 13}))
    signature.append((form.title, {"bold": True, "size": 13}))
    signature += [("", {}), ("", {}), ("", {})]  # room to sign and stamp
    signature.append((form.signer, {"bold": True, "size": 13}))
    _in_cell(right, signature)


def _page_numbers(section: Section) -> None:
    """A ``PAGE`` field centred in the footer (the later sections inherit the footer)."""
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    p._p.append(field)


def _properties(doc: DocxDocument, report: Report, form: OfficialForm, now: datetime) -> None:
    props = doc.core_properties
    props.title = f"Báo cáo {report.title}"
    props.subject = report.subtitle
    props.author = props.last_modified_by = form.author or "directive-graph"
    props.created = props.modified = now
    props.revision = 1
    props.comments = "Dự thảo do directive-graph tạo; số, ngày và chữ ký do cơ quan ban hành điền."


def to_docx_bytes(
    report: Report, form: OfficialForm | None = None, *, day: date | None = None, now: datetime | None = None
) -> bytes:
    """The report as a Word document, bytes (for a download button or a file).

    ``form`` is the issuing office's part (default: ``data/report-signature.yaml``); ``day`` the date printed in
    the heading (default: left for the office to fill, with this year); ``now`` the file's creation time.
    """
    system = System(report.system)
    form = form if form is not None else load_form(None, system)
    now = now or datetime.now().replace(microsecond=0)
    doc = new_document()
    _set_font(doc.styles["Normal"], 13)
    _page(doc.sections[0], False)
    _page_numbers(doc.sections[0])
    _heading(doc, form, system, day, (day or now).year)
    _title(doc, report)
    _paragraph(doc, "I. TỔNG HỢP", bold=True)
    for line in report.scope:
        _body_line(doc, line)
    for key, value in report.summary.items():
        _paragraph(doc, f"- {key}: {_cell_text(value)}")
    _findings(doc, report)
    _paragraph(doc, "III. ĐỀ XUẤT, KIẾN NGHỊ", bold=True)
    _paragraph(doc, _PROPOSALS, italic=True)
    _closing(doc, form)
    _properties(doc, report, form, now)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
