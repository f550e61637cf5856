"""loaders.reading.pdf_words and PDFs read through it: words with coordinates → lines, stamps in their blanks."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfWriter

from loaders.errors import LoadError
from loaders.reading import read
from loaders.reading.copies import pdf_copy
from loaders.reading.pdf_words import Word, page_lines
from tests.shared import CORPUS2


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (  # the number stamped into the blank of "Số:      /UBND-KT", three points above the line
            [
                Word(104, 102, 121, 114, "Số:", 13, 113.7),
                Word(153, 105, 216, 114, "/UBND-KT", 13, 113.7),
                Word(127, 102, 150, 111, "2496", 13, 110.5),
            ],
            ["Số: 2496 /UBND-KT"],
        ),
        (  # header cells side by side: the left one first
            [
                Word(97, 59, 229, 73, "ỦY BAN NHÂN DÂN", 14, 70),
                Word(280, 59, 551, 72, "CỘNG HOÀ", 13, 70),
                Word(114, 75, 213, 89, "TỈNH LÀO CAI", 14, 86),
                Word(351, 74, 510, 87, "Độc lập", 13, 86),
            ],
            ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "", "CỘNG HOÀ", "Độc lập", ""],
        ),
        (  # a justified line: ordinary gaps do not make cells
            [
                Word(85, 275, 142, 289, "02/4/2026", 14, 287),
                Word(147, 275, 166, 289, "của", 14, 287),
                Word(171, 275, 188, 289, "Bộ", 14, 287),
            ],
            ["02/4/2026 của Bộ"],
        ),
        ([], []),
    ],
)
def test_words_become_lines_in_reading_order(words: list[Word], expected: list[str]) -> None:
    assert [line.text for line in page_lines(words, 1)] == expected


def test_a_stamped_pdf_gives_its_number_and_date_in_their_blanks() -> None:
    source = read(CORPUS2 / "ubnd-laocai_UBND-KT_2026_trien-khai-2265-BCT-ATMT.pdf")
    texts = [line.text for line in source.lines]
    assert "Số: 2496/UBND-KT" in texts and "Lào Cai, ngày 06 tháng 4 năm 2026" in texts
    assert not source.ocr and source.signed_at == "2026-04-06"
    stamp = next(line for line in source.lines if line.text.startswith("Số:"))
    assert stamp.origin.page == 1 and stamp.origin.box is not None


def test_the_signature_comes_after_the_recipients_not_inside_them() -> None:
    texts = [line.text for line in read(CORPUS2 / "ubnd-laocai_UBND-XD_2026_trien-khai-1074-QD-BXD.pdf").lines]
    start = texts.index("Nơi nhận:")
    assert texts[start + 1 : start + 3] == ["- Như trên;", "- Chủ tịch UBND tỉnh;"]
    assert texts.index("KT. CHỦ TỊCH") > texts.index("- Lưu: VT, TH, XD(Đông).")


def _write(path: Path, writer: PdfWriter) -> Path:
    with path.open("wb") as f:
        writer.write(f)
    return path


def _encrypted(path: Path) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("mật khẩu")
    return _write(path, writer)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p.write_bytes(b"%PDF-1.4\n1 0 obj garbage") and p, "cannot read .pdf"),
        (_encrypted, "encrypted PDF: cannot read without the password"),
        (lambda p: _write(p, PdfWriter()), "PDF without pages"),
    ],
)
def test_an_unreadable_pdf_is_one_clear_error(tmp_path: Path, make: object, reason: str) -> None:
    path = tmp_path / "bad.pdf"
    make(path)  # type: ignore[operator]
    with pytest.raises(LoadError) as err:
        read(path)
    assert err.value.reason.startswith(reason) and err.value.path == str(path)


def test_a_pdf_with_more_pages_than_a_directive_is_refused_before_its_pages_are_read(tmp_path: Path) -> None:
    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(595, 842)
    path = _write(tmp_path / "long.pdf", writer)
    with pytest.raises(LoadError) as err:
        pdf_copy(path, max_pages=2)
    assert err.value.reason == "too many pages: 3 (limit 2)"
