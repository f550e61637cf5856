"""The report writers on their own: each produced file is opened with the library that reads that format."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document as open_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from openpyxl import load_workbook

from reports.excel import sheet_title
from reports.form import OfficialForm, System, load_form
from reports.model import Percent, Report, ReportError, Table, to_cell
from reports.pdf import docx_to_pdf, office_program
from reports.tabular import to_text
from reports.word import roman
from reports.writers import to_csv_bytes, to_docx_bytes, to_xlsx_bytes, to_zip_bytes, write_report

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LONG = "Các cấp ủy chi, đảng bộ cơ sở căn cứ chức năng, nhiệm vụ, xây dựng kế hoạch tổ chức triển khai " * 2
UNITS = Table(
    "Tình hình ban hành kế hoạch",
    ("Đơn vị", "Thời hạn", "Kế hoạch", "Số ngày chậm", "Nội dung yêu cầu"),
    (
        ("Đảng ủy Khối các cơ quan tỉnh Bình Định", date(2023, 6, 30), "80-KH/ĐUK", None, LONG),
        ("Huyện ủy Tuy Phước", date(2023, 6, 30), None, None, "Hoàn thành trong quý II/2023"),
        ("Thị ủy Hoài Nhơn", date(2023, 6, 30), "12-KH/TU", 3, ""),
    ),
    note="Đúng hạn: ngày ban hành không sau thời hạn.",
)
REPORT = Report(
    "Kết quả kiểm tra việc ban hành kế hoạch thực hiện",
    "Thực hiện Kế hoạch số 60-KH/TU ngày 24/05/2023 của Ban Thường vụ Tỉnh ủy Bình Định",
    date(2026, 11, 23),
    {"Số đơn vị phải xây dựng kế hoạch": 3, "Đúng hạn": 1, "Chưa ban hành (đã quá hạn)": 1},
    (UNITS, Table("Ghi chú", ("Mục", "Đã cụ thể hóa"), (("II.1", True),))),
    (
        "Kế hoạch số 60-KH/TU — data/documents/001_0da2381aa2498f94.txt",
        "60-KH/TU, mục IV.1: binh-dinh:tinh-uy:60-KH/TU:2023:95",
    ),
)


# --- the model ----------------------------------------------------------------------------------------------


def test_from_records_turns_iso_dates_into_dates_and_joins_lists() -> None:
    rows = [{"symbol": "80-KH/ĐUK", "date": "2023-06-27", "lead": ["Ban Tuyên giáo", "Văn phòng"], "n": 2}]
    table = Table.from_records("Văn bản", rows, labels={"symbol": "Số, ký hiệu"})
    assert table.columns == ("Số, ký hiệu", "date", "lead", "n")
    assert table.rows == (("80-KH/ĐUK", date(2023, 6, 27), "Ban Tuyên giáo; Văn phòng", 2),)


@pytest.mark.parametrize(
    ("value", "cell"),
    [("2023-13-45", "2023-13-45"), (datetime(2023, 6, 27, 8, 0), date(2023, 6, 27)), (True, True), (None, None)],
)
def test_to_cell(value: object, cell: object) -> None:
    assert to_cell(value) == cell


def test_a_row_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(ValueError, match="row 1 has 1 cells for 2 columns"):
        Table("x", ("a", "b"), (("only one",),))


def test_report_of_one_table_counts_its_rows() -> None:
    report = Report.of_table(UNITS, title="Đơn vị")
    assert report.summary == {"Số dòng": 3} and report.tables == (UNITS,)


# --- xlsx -----------------------------------------------------------------------------------------------------


def test_xlsx_has_a_summary_sheet_and_a_sheet_per_table() -> None:
    wb = load_workbook(io.BytesIO(to_xlsx_bytes(REPORT)))
    assert wb.sheetnames == ["Tổng hợp", "Tình hình ban hành kế hoạch", "Ghi chú"]
    summary = [[c for c in row if c is not None] for row in wb["Tổng hợp"].iter_rows(values_only=True)]
    assert ["Kết quả kiểm tra việc ban hành kế hoạch thực hiện"] in summary
    assert ["Tính đến ngày", datetime(2026, 11, 23)] in summary
    assert ["Đúng hạn", 1] in summary
    assert ["Kế hoạch số 60-KH/TU — data/documents/001_0da2381aa2498f94.txt"] in summary


def test_xlsx_table_sheet_is_ready_to_filter() -> None:
    ws = load_workbook(io.BytesIO(to_xlsx_bytes(REPORT)))["Tình hình ban hành kế hoạch"]
    assert [c.value for c in ws[1]] == list(UNITS.columns)
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:E4"
    assert all(c.font.bold for c in ws[1])
    assert ws["A2"].value == "Đảng ủy Khối các cơ quan tỉnh Bình Định"
    assert ws["B2"].value == datetime(2023, 6, 30) and ws["B2"].number_format == "DD/MM/YYYY"
    assert ws["D4"].value == 3 and ws["C3"].value is None
    assert ws.column_dimensions["A"].width >= len("Đảng ủy Khối các cơ quan tỉnh Bình Định")
    assert ws.column_dimensions["E"].width == 60 and ws["E2"].alignment.wrap_text


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Nhiệm vụ: quá hạn [2023]", "Nhiệm vụ- quá hạn -2023-"),
        ("x" * 40, "x" * 30 + "…"),
        ("Nhiệm vụ khác (không tính tỷ lệ bao phủ)", "Nhiệm vụ khác (không tính tỷ…"),
        ("Tổng hợp", "Tổng hợp (2)"),
    ],
)
def test_sheet_titles_are_valid_and_unique(name: str, title: str) -> None:
    assert sheet_title(name, {"tổng hợp"}) == title and len(title) <= 31


def test_xlsx_prints_on_a4_landscape_one_page_wide_with_the_header_repeated() -> None:
    wb = load_workbook(io.BytesIO(to_xlsx_bytes(REPORT)))
    for ws in wb.worksheets:
        assert (
            ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) == 9
        )
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert (int(ws.page_setup.fitToWidth), int(ws.page_setup.fitToHeight)) == (1, 0)
        assert ws.oddFooter.right.text == "Trang &P/&N" and REPORT.title in ws.oddFooter.left.text
    assert wb["Tình hình ban hành kế hoạch"].print_title_rows == "$1:$1"


def test_xlsx_keeps_numbers_as_numbers_and_shares_as_percentages() -> None:
    report = Report("Tỷ lệ", summary={"Tỷ lệ bao phủ": Percent(0.9), "Số nhiệm vụ": 9})
    ws = load_workbook(io.BytesIO(to_xlsx_bytes(report)))["Tổng hợp"]
    cells = {row[0].value: row[1] for row in ws.iter_rows() if row[0].value and len(row) > 1}
    assert cells["Tỷ lệ bao phủ"].value == 0.9 and cells["Tỷ lệ bao phủ"].number_format == "0%"
    assert cells["Số nhiệm vụ"].value == 9


# --- docx -----------------------------------------------------------------------------------------------------


def _docx(report: Report = REPORT, **kwargs: object) -> DocxDocument:
    return open_docx(io.BytesIO(to_docx_bytes(report, FORM, **kwargs)))  # type: ignore[arg-type]


def _docx_text(doc: DocxDocument) -> list[str]:
    return [p.text for p in doc.paragraphs]


FORM = OfficialForm(
    organ=("TỈNH ỦY BÌNH ĐỊNH",), code="TU", place="Bình Định", on_behalf="T/M BAN THƯỜNG VỤ",
    title="PHÓ BÍ THƯ THƯỜNG TRỰC", signer="Nguyễn Văn A",
    recipients=("Thường trực Tỉnh ủy (để báo cáo)", "Lưu Văn phòng Tỉnh ủy"),
)  # fmt: skip


def _heading(doc: DocxDocument) -> tuple[list[Paragraph], list[Paragraph]]:
    left, right = doc.tables[0].rows[0].cells
    return left.paragraphs, right.paragraphs


def test_docx_has_the_heading_of_36_hd() -> None:
    doc = open_docx(io.BytesIO(to_docx_bytes(REPORT, FORM.with_options(number="12"), day=date(2026, 11, 25))))
    left, right = _heading(doc)
    assert [p.text for p in left] == ["TỈNH ỦY BÌNH ĐỊNH", "*", "Số 12-BC/TU"]
    assert left[0].runs[0].bold and all(p.alignment == CENTER for p in left)
    assert right[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM" and right[0].runs[0].bold and right[0].runs[0].underline
    assert right[-1].text == "Bình Định, ngày 25 tháng 11 năm 2026" and right[-1].runs[0].italic


def test_docx_leaves_the_number_and_the_date_for_the_office_to_fill() -> None:
    left, right = _heading(_docx(now=datetime(2026, 11, 23, 9, 0)))
    assert left[-1].text == "Số …-BC/TU"
    assert right[-1].text == "Bình Định, ngày … tháng … năm 2026"


def test_docx_of_a_state_plan_has_the_heading_of_nghi_dinh_30() -> None:
    form = OfficialForm(organ=("ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH"), code="UBND", place="Bình Định")
    state = Report(REPORT.title, tables=REPORT.tables, system="state")
    left, right = _heading(open_docx(io.BytesIO(to_docx_bytes(state, form))))
    assert [p.text for p in left] == ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH", "", "Số: …/BC-UBND"]
    assert [p.text for p in right[:2]] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert right[1].runs[0].underline and "ĐẢNG CỘNG SẢN VIỆT NAM" not in [p.text for p in right]


def test_docx_has_the_title_and_the_three_parts_of_the_body() -> None:
    text = _docx_text(_docx())
    title = text.index("BÁO CÁO")
    assert text[title + 1 : title + 4] == [
        "Kết quả kiểm tra việc ban hành kế hoạch thực hiện",
        "Thực hiện Kế hoạch số 60-KH/TU ngày 24/05/2023 của Ban Thường vụ Tỉnh ủy Bình Định",
        "Số liệu tính đến ngày 23/11/2026",
    ]
    parts = [t for t in text if t[:4] in ("I. T", "II. ", "III.")]
    assert parts == ["I. TỔNG HỢP", "II. KẾT QUẢ CỤ THỂ", "III. ĐỀ XUẤT, KIẾN NGHỊ"]
    assert "- Số đơn vị phải xây dựng kế hoạch: 3" in text
    assert "1. Tình hình ban hành kế hoạch" in text and "2. Ghi chú" in text and "3. Nguồn tham chiếu" in text
    assert "- 60-KH/TU, mục IV.1: binh-dinh:tinh-uy:60-KH/TU:2023:95" in text
    assert not any(set(t) == {"-"} for t in text)  # a paragraph border, not a row of dashes


def test_docx_ends_with_noi_nhan_and_the_signature_block() -> None:
    left, right = _docx().tables[-1].rows[0].cells
    assert [p.text for p in left.paragraphs] == [
        "Nơi nhận:", "- Thường trực Tỉnh ủy (để báo cáo),", "- Lưu Văn phòng Tỉnh ủy.",
    ]  # fmt: skip
    assert left.paragraphs[0].runs[0].bold and left.paragraphs[0].runs[0].italic
    signature = [p.text for p in right.paragraphs if p.text]
    assert signature == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Nguyễn Văn A"]


def test_docx_numbers_its_pages_and_fills_its_properties() -> None:
    now = datetime(2026, 11, 23, 9, 30)
    doc = _docx(now=now)
    footer = doc.sections[0].footer._element
    assert footer.xpath(".//w:fldSimple[@w:instr='PAGE']") or "PAGE" in "".join(footer.itertext())
    props = doc.core_properties
    assert props.title == "Báo cáo Kết quả kiểm tra việc ban hành kế hoạch thực hiện"
    assert props.author == "TỈNH ỦY BÌNH ĐỊNH" and props.created == props.modified
    assert props.created is not None and props.created.replace(tzinfo=None) == now


def test_docx_form_comes_from_the_settings_file_and_the_options(tmp_path: Path) -> None:
    settings = tmp_path / "ky.yaml"
    settings.write_text("party:\n  organ: [ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH]\n  code: ĐUK\n  place: Quy Nhơn\n")
    form = load_form(settings, System.PARTY).with_options(number="7", signer="Trần Thị B", organ=None)
    assert (form.organ, form.number_line(System.PARTY), form.signer) == (
        ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH",), "Số 7-BC/ĐUK", "Trần Thị B",
    )  # fmt: skip
    assert load_form(settings, System.STATE) == OfficialForm()
    settings.write_text("party:\n  chu_ky: x\n")
    with pytest.raises(ReportError, match="không có mục chu_ky"):
        load_form(settings, System.PARTY)


def test_docx_columns_are_sized_by_their_content() -> None:
    units = _docx().tables[1]
    widths = [cell.width.cm for cell in units.rows[1].cells]
    assert widths[4] > widths[0] > widths[3]  # the long request text, the unit names, the small numbers
    assert abs(sum(widths) - 16.5) < 0.01  # A4 portrait inside the margins


def test_docx_tables_hold_the_cells_with_vietnamese_dates() -> None:
    units, notes = _docx().tables[1:3]
    assert [c.text for c in units.rows[0].cells] == list(UNITS.columns)
    assert [c.text for c in units.rows[1].cells][:3] == [
        "Đảng ủy Khối các cơ quan tỉnh Bình Định",
        "30/06/2023",
        "80-KH/ĐUK",
    ]
    assert units.rows[2].cells[2].text == "" and units.rows[3].cells[3].text == "3"
    assert notes.rows[1].cells[1].text == "Có"
    assert units.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # header repeats on each page


def test_docx_is_times_new_roman_throughout() -> None:
    doc = _docx()
    assert doc.styles["Normal"].font.name == "Times New Roman"
    runs = [r for p in doc.paragraphs for r in p.runs]
    runs += [
        r for t in doc.tables for row in t.rows for cell in row.cells for p in cell.paragraphs for r in p.runs
    ]
    assert runs and all(r.font.name == "Times New Roman" for r in runs)
    assert all(r.element.rPr.rFonts.get(qn("w:eastAsia")) == "Times New Roman" for r in runs)


def test_docx_puts_a_wide_table_in_a_landscape_section_of_its_own() -> None:
    wide = Report("Rộng", tables=(Table("t", tuple("abcdefg"), ()),))
    doc = _docx(wide)
    assert [s.orientation for s in doc.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    assert [s.orientation for s in _docx().sections] == [WD_ORIENT.PORTRAIT]
    assert "(Không có dòng nào.)" in _docx_text(doc)


def test_pdf_is_made_by_libreoffice_or_the_step_says_it_cannot_run(tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.pdf"
    if office_program() is None:
        with pytest.raises(ReportError, match="không tạo được PDF: máy này không có LibreOffice"):
            write_report(REPORT, target, form=FORM)
        assert (tmp_path / "bao-cao.docx").stat().st_size > 0  # the .docx is there to hand on
        return
    assert write_report(REPORT, target, form=FORM) == [tmp_path / "bao-cao.docx", target]
    from pypdf import PdfReader

    text = " ".join("".join(page.extract_text() for page in PdfReader(target).pages).split())
    assert "BÁO CÁO" in text and "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "Nơi nhận" in text


def test_pdf_step_reports_a_missing_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH where no soffice can be found
    docx = tmp_path / "r.docx"
    docx.write_bytes(to_docx_bytes(REPORT, FORM))
    with pytest.raises(ReportError, match=r"máy này không có LibreOffice \(lệnh soffice\)"):
        docx_to_pdf(docx)


@pytest.mark.parametrize(("n", "numeral"), [(1, "I"), (2, "II"), (4, "IV"), (9, "IX"), (14, "XIV")])
def test_roman(n: int, numeral: str) -> None:
    assert roman(n) == numeral


# --- csv and text ---------------------------------------------------------------------------------------------


def test_csv_is_one_file_with_the_summary_on_top() -> None:
    data = to_csv_bytes(REPORT)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[:3] == [[REPORT.title], [REPORT.subtitle], ["Tính đến ngày", "2026-11-23"]]
    assert ["Số đơn vị phải xây dựng kế hoạch", "3"] in rows and ["Đúng hạn", "1"] in rows
    units = rows.index(["Tình hình ban hành kế hoạch"])
    assert rows[units + 1] == list(UNITS.columns)
    assert rows[units + 2][:4] == ["Đảng ủy Khối các cơ quan tỉnh Bình Định", "2023-06-30", "80-KH/ĐUK", ""]
    assert rows[rows.index(["Ghi chú"]) + 1 :][:2] == [["Mục", "Đã cụ thể hóa"], ["II.1", "True"]]


def test_csv_of_a_single_table_is_that_table() -> None:
    rows = to_csv_bytes(UNITS).decode("utf-8-sig").splitlines()
    assert rows[0] == ",".join(UNITS.columns) and len(rows) == 4


def test_zip_holds_a_csv_per_table_named_by_the_table() -> None:
    with zipfile.ZipFile(io.BytesIO(to_zip_bytes(REPORT))) as archive:
        assert archive.namelist() == ["Tổng hợp.csv", "Tình hình ban hành kế hoạch.csv", "Ghi chú.csv"]
        summary = archive.read("Tổng hợp.csv").decode("utf-8-sig")
        assert "Số đơn vị phải xây dựng kế hoạch,3" in summary
        assert archive.read("Ghi chú.csv").decode("utf-8-sig").splitlines() == ["Mục,Đã cụ thể hóa", "II.1,True"]


def test_text_table_aligns_vietnamese_columns() -> None:
    lines = to_text(Table("t", ("Đơn vị", "Số"), (("Huyện ủy Tuy Phước", 1), ("Thị ủy", 22)))).splitlines()
    assert lines[0].index("Số") == lines[2].index("1") == lines[3].index("22")
    assert lines[-1] == "(2 dòng)"


# --- files --------------------------------------------------------------------------------------------------


def test_write_report_picks_the_format_from_the_suffix(tmp_path: Path) -> None:
    assert write_report(REPORT, tmp_path / "a.xlsx") == [tmp_path / "a.xlsx"]
    assert load_workbook(tmp_path / "a.xlsx").sheetnames[0] == "Tổng hợp"
    write_report(REPORT, tmp_path / "a.docx", form=FORM)
    assert "BÁO CÁO" in [p.text for p in open_docx(str(tmp_path / "a.docx")).paragraphs]
    assert write_report(REPORT, tmp_path / "a.csv") == [tmp_path / "a.csv"]
    assert (tmp_path / "a.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert write_report(REPORT, tmp_path / "a.zip") == [tmp_path / "a.zip"]


def test_write_report_refuses_an_unknown_suffix(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match=r"\.xlsx, \.docx, \.pdf, \.csv, \.zip"):
        write_report(REPORT, tmp_path / "a.odt")
