"""The report writers on their own: each produced file is opened with the library that reads that format."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document as open_docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from openpyxl import load_workbook

from reports.excel import sheet_title
from reports.model import Report, ReportError, Table, to_cell
from reports.tabular import to_text
from reports.word import roman
from reports.writers import to_csv_bytes, to_docx_bytes, to_xlsx_bytes, write_report

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
        "60-KH/TU, mục IV.1: binh-dinh:60-KH/TU:2023:95",
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
    [("Nhiệm vụ: quá hạn [2023]", "Nhiệm vụ- quá hạn -2023-"), ("x" * 40, "x" * 31), ("Tổng hợp", "Tổng hợp (2)")],
)
def test_sheet_titles_are_valid_and_unique(name: str, title: str) -> None:
    assert sheet_title(name, {"tổng hợp"}) == title


# --- docx -----------------------------------------------------------------------------------------------------


def _docx_text(data: bytes) -> list[str]:
    return [p.text for p in open_docx(io.BytesIO(data)).paragraphs]


def test_docx_reads_like_a_vietnamese_report() -> None:
    text = _docx_text(to_docx_bytes(REPORT))
    assert text[1:4] == [
        "BÁO CÁO",
        "Kết quả kiểm tra việc ban hành kế hoạch thực hiện",
        "Thực hiện Kế hoạch số 60-KH/TU ngày 24/05/2023 của Ban Thường vụ Tỉnh ủy Bình Định",
    ]
    assert "Số liệu tính đến ngày 23/11/2026" in text
    assert "I. TỔNG HỢP" in text and "- Số đơn vị phải xây dựng kế hoạch: 3" in text
    assert "II. TÌNH HÌNH BAN HÀNH KẾ HOẠCH" in text and "III. GHI CHÚ" in text
    assert "Nguồn tham chiếu:" in text and "- 60-KH/TU, mục IV.1: binh-dinh:60-KH/TU:2023:95" in text
    centred = [p.text for p in open_docx(io.BytesIO(to_docx_bytes(REPORT))).paragraphs if p.alignment == CENTER]
    assert centred[:2] == ["BÁO CÁO", "Kết quả kiểm tra việc ban hành kế hoạch thực hiện"]


def test_docx_columns_are_sized_by_their_content() -> None:
    units = open_docx(io.BytesIO(to_docx_bytes(REPORT))).tables[0]
    widths = [cell.width.cm for cell in units.rows[1].cells]
    assert widths[4] > widths[0] > widths[3]  # the long request text, the unit names, the small numbers
    assert abs(sum(widths) - 16.5) < 0.01  # A4 portrait inside the margins


def test_docx_tables_hold_the_cells_with_vietnamese_dates() -> None:
    doc = open_docx(io.BytesIO(to_docx_bytes(REPORT)))
    units, notes = doc.tables
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
    doc = open_docx(io.BytesIO(to_docx_bytes(REPORT)))
    assert doc.styles["Normal"].font.name == "Times New Roman"
    runs = [r for p in doc.paragraphs for r in p.runs]
    runs += [
        r for t in doc.tables for row in t.rows for cell in row.cells for p in cell.paragraphs for r in p.runs
    ]
    assert runs and all(r.font.name == "Times New Roman" for r in runs)
    assert all(r.element.rPr.rFonts.get(qn("w:eastAsia")) == "Times New Roman" for r in runs)


def test_docx_turns_landscape_for_wide_tables_only() -> None:
    wide = Report("Rộng", tables=(Table("t", tuple("abcdefg"), ()),))
    assert open_docx(io.BytesIO(to_docx_bytes(wide))).sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert open_docx(io.BytesIO(to_docx_bytes(REPORT))).sections[0].orientation == WD_ORIENT.PORTRAIT
    assert "(Không có dòng nào.)" in _docx_text(to_docx_bytes(wide))


def test_docx_converts_to_pdf_with_libreoffice(tmp_path: Path) -> None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("libreoffice is not on PATH: the .docx was checked with python-docx only")
    source = tmp_path / "bao-cao.docx"
    source.write_bytes(to_docx_bytes(REPORT))
    subprocess.run(
        [office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "bao-cao.pdf").pages)
    assert "BÁO CÁO" in text and "Đảng ủy Khối các cơ quan tỉnh Bình Định" in " ".join(text.split())


@pytest.mark.parametrize(("n", "numeral"), [(1, "I"), (2, "II"), (4, "IV"), (9, "IX"), (14, "XIV")])
def test_roman(n: int, numeral: str) -> None:
    assert roman(n) == numeral


# --- csv and text ---------------------------------------------------------------------------------------------


def test_csv_is_utf8_with_bom_and_iso_dates() -> None:
    data = to_csv_bytes(REPORT)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == list(UNITS.columns)
    assert rows[1][:4] == ["Đảng ủy Khối các cơ quan tỉnh Bình Định", "2023-06-30", "80-KH/ĐUK", ""]
    assert rows[3][3] == "3" and len(rows) == 4


def test_csv_of_a_single_table_and_of_another_table_of_the_report() -> None:
    assert to_csv_bytes(UNITS) == to_csv_bytes(REPORT)
    second = to_csv_bytes(REPORT, table=1).decode("utf-8-sig").splitlines()
    assert second == ["Mục,Đã cụ thể hóa", "II.1,True"]


def test_text_table_aligns_vietnamese_columns() -> None:
    lines = to_text(Table("t", ("Đơn vị", "Số"), (("Huyện ủy Tuy Phước", 1), ("Thị ủy", 22)))).splitlines()
    assert lines[0].index("Số") == lines[2].index("1") == lines[3].index("22")
    assert lines[-1] == "(2 dòng)"


# --- files --------------------------------------------------------------------------------------------------


def test_write_report_picks_the_format_from_the_suffix(tmp_path: Path) -> None:
    assert write_report(REPORT, tmp_path / "a.xlsx") == [tmp_path / "a.xlsx"]
    assert load_workbook(tmp_path / "a.xlsx").sheetnames[0] == "Tổng hợp"
    write_report(REPORT, tmp_path / "a.docx")
    assert "BÁO CÁO" in [p.text for p in open_docx(str(tmp_path / "a.docx")).paragraphs]
    assert write_report(REPORT, tmp_path / "a.csv") == [tmp_path / "a.csv", tmp_path / "a-2.csv"]
    assert (tmp_path / "a-2.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_write_report_refuses_an_unknown_suffix_or_a_csv_without_table(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match=r"\.xlsx, \.docx, \.csv"):
        write_report(REPORT, tmp_path / "a.pdf")
    with pytest.raises(ReportError, match="no table"):
        write_report(Report("Trống"), tmp_path / "a.csv")
