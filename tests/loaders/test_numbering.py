"""List markers: kinds, labels, OCR-damaged roman numerals, nesting keys."""

from __future__ import annotations

import pytest

from loaders.extract.body.numbering import (
    ARABIC,
    BULLET,
    LOWER,
    PAREN,
    ROMAN,
    UPPER,
    level_key,
    parse_marker,
    roman_value,
    to_roman,
)

# (line, expect_roman, kind, label, text)
MARKERS = [
    ("I - MỤC ĐÍCH, YÊU CẦU", None, ROMAN, "I", "MỤC ĐÍCH, YÊU CẦU"),
    ("II- NỘI DUNG TRIỂN KHAI THỰC HIỆN", None, ROMAN, "II", "NỘI DUNG TRIỂN KHAI THỰC HIỆN"),
    ("III - TỔ CHỨC THỰC HIỆN", None, ROMAN, "III", "TỔ CHỨC THỰC HIỆN"),
    ("IV. TỔ CHỨC THỰC HIỆN", None, ROMAN, "IV", "TỔ CHỨC THỰC HIỆN"),
    ("VI. Đề xuất, kiến nghị", None, ROMAN, "VI", "Đề xuất, kiến nghị"),
    ("IX – Kết quả", None, ROMAN, "IX", "Kết quả"),
    ("HI- NHIỆM VỤ CỤ THỂ", 3, ROMAN, "III", "NHIỆM VỤ CỤ THỂ"),  # OCR: H for II
    ("I I - NHIỆM VỤ", 2, ROMAN, "II", "NHIỆM VỤ"),  # OCR: a space inside the numeral
    ("Il. NHIỆM VỤ", 2, ROMAN, "II", "NHIỆM VỤ"),  # OCR: l for I
    ("A- TÌNH HÌNH VÀ NGUYÊN NHÂN", None, UPPER, "A", "TÌNH HÌNH VÀ NGUYÊN NHÂN"),
    ("B. BÁO CÁO", None, UPPER, "B", "BÁO CÁO"),
    ("C- TỔ CHỨC THỰC HIỆN", None, UPPER, "C", "TỔ CHỨC THỰC HIỆN"),
    ("1. Tổ chức học tập, quán triệt", None, ARABIC, "1", "Tổ chức học tập, quán triệt"),
    ("1- Các cấp uỷ đảng lãnh đạo", None, ARABIC, "1", "Các cấp uỷ đảng lãnh đạo"),
    ("2) Xây dựng kế hoạch", None, ARABIC, "2", "Xây dựng kế hoạch"),
    ("1\\. Phát triển khoa học", None, ARABIC, "1", "Phát triển khoa học"),
    ("12. Văn phòng Tỉnh ủy", None, ARABIC, "12", "Văn phòng Tỉnh ủy"),
    ("2.1- Đổi mới mạnh mẽ cơ chế quản lý", None, ARABIC, "2.1", "Đổi mới mạnh mẽ cơ chế quản lý"),
    ("2.1. Để thể chế hoá đầy đủ", None, ARABIC, "2.1", "Để thể chế hoá đầy đủ"),
    ("2.2.1 Tổ đảng", None, ARABIC, "2.2.1", "Tổ đảng"),
    ("1.  Các thành viên Đảng đoàn", None, ARABIC, "1", "Các thành viên Đảng đoàn"),
    ("a) Khẩn trương ban hành kế hoạch", None, LOWER, "a", "Khẩn trương ban hành kế hoạch"),
    ("đ) Xây dựng nền tảng số", None, LOWER, "đ", "Xây dựng nền tảng số"),
    ("b- Tổ chức hội nghị", None, LOWER, "b", "Tổ chức hội nghị"),
    ("(i) Nghiên cứu, thống nhất", None, PAREN, "(i)", "Nghiên cứu, thống nhất"),
    ("(1) Chính phủ đã ban hành", None, PAREN, "(1)", "Chính phủ đã ban hành"),
    ("- Chủ trì, phối hợp với", None, BULLET, "-", "Chủ trì, phối hợp với"),
    ("-Tiếp tục chỉ đạo", None, BULLET, "-", "Tiếp tục chỉ đạo"),
    ("\\- Có chương trình tuyên truyền", None, BULLET, "-", "Có chương trình tuyên truyền"),
    ("* Tham gia thẩm tra", None, BULLET, "-", "Tham gia thẩm tra"),
    ("+ Bộ Công an", None, BULLET, "+", "Bộ Công an"),  # the second bullet level
    ("• Đảng ủy", None, BULLET, "-", "Đảng ủy"),
    ("-", None, BULLET, "-", ""),  # a lone marker: its paragraph is on the next line
    ("2.", None, ARABIC, "2", ""),
]


@pytest.mark.parametrize(("line", "expect", "kind", "label", "text"), MARKERS)
def test_parse_marker(line: str, expect: int | None, kind: str, label: str, text: str) -> None:
    marker = parse_marker(line, expect_roman=expect)
    assert marker is not None
    assert (marker.kind, marker.label, marker.text) == (kind, label, text)


@pytest.mark.parametrize(
    "line",
    [
        "Các cấp ủy cơ sở đảng trong Đảng bộ Khối",
        "1 Hạ tầng công nghệ số",  # a page number glued to a paragraph, no separator
        "2025 - 2030 là giai đoạn",  # a year is not an item number
        "1.000 đồng",
        "15/8/2024",
        "Hà Nội, ngày 22 tháng 12 năm 2024",
        "V/v xin ý kiến dự thảo báo cáo",
        "-5% so với năm trước",
        "HI- NHIỆM VỤ",  # without knowing that III comes next, HI is not read as a numeral
        "I I - NHIỆM VỤ",
    ],
)
def test_plain_paragraphs_have_no_marker(line: str) -> None:
    assert parse_marker(line) is None


def test_repaired_numeral_is_flagged_and_only_when_the_sequence_says_so() -> None:
    repaired = parse_marker("HI - NHIỆM VỤ", expect_roman=3)
    assert repaired is not None and repaired.repaired and repaired.value == 3
    assert parse_marker("HI - NHIỆM VỤ", expect_roman=5) is None
    plain = parse_marker("III - NHIỆM VỤ", expect_roman=3)
    assert plain is not None and not plain.repaired
    assert parse_marker("H. Nhiệm vụ khác").kind == UPPER  # type: ignore[union-attr]


def test_a_bullet_before_a_number_keeps_the_number() -> None:
    marker = parse_marker("* (i) Nghiên cứu, thống nhất phương án")
    assert marker is not None and (marker.kind, marker.label, marker.bullet) == (PAREN, "(i)", True)
    marker = parse_marker("- a) Tại Trung ương:")
    assert marker is not None and (marker.kind, marker.label, marker.bullet) == (LOWER, "a", True)


ROMANS = [("I", 1), ("IV", 4), ("IX", 9), ("XIV", 14), ("XL", 40), ("IIII", None), ("VX", None), ("", None)]


@pytest.mark.parametrize(("token", "value"), [*ROMANS, ("ABC", None)])
def test_roman_value(token: str, value: int | None) -> None:
    assert roman_value(token) == value


def test_roman_round_trip() -> None:
    for n in range(1, 60):
        assert roman_value(to_roman(n)) == n


def test_level_keys_separate_arabic_depths() -> None:
    keys = [level_key(m) for m in map(parse_marker, ["II. X", "1. X", "2.1 X", "2.1.3 X", "a) X", "(i) X"]) if m]
    assert keys == [ROMAN, "arabic1", "arabic2", "arabic3", LOWER, PAREN]
