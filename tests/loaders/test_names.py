"""loaders.names: organ names out of capitals, signer titles, old tone placement, provinces."""

from __future__ import annotations

import doctest

import pytest

from loaders import names
from loaders.names import find_province, modern_tones, organ_case, province_scope, title_case


@pytest.mark.parametrize(
    ("caps", "expected"),
    [
        ("ĐẢNG BỘ TỈNH BÌNH ĐỊNH", "Đảng bộ tỉnh Bình Định"),
        ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN", "Đảng ủy Khối các cơ quan"),
        ("ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ", "Ủy ban nhân dân tỉnh Phú Thọ"),
        ("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Bộ Tài nguyên và Môi trường"),
        ("BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "Bộ Nông nghiệp và Phát triển nông thôn"),
        ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
        ("ĐẢNG ĐOÀN QUỐC HỘI", "Đảng đoàn Quốc hội"),
        ("BAN CHẤP HÀNH TRUNG ƯƠNG", "Ban Chấp hành Trung ương"),
        ("BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHOÁ XI", "Ban Chấp hành Trung ương Đảng khóa XI"),
        ("BỘ CHÍNH TRỊ", "Bộ Chính trị"),
        ("ĐẢNG ỦY CHÍNH PHỦ", "Đảng ủy Chính phủ"),
        ("VĂN PHÒNG", "Văn phòng"),
        ("SỞ NỘI VỤ TỈNH BÌNH ĐỊNH", "Sở Nội vụ tỉnh Bình Định"),
        ("TỈNH ỦY BÌNH ĐỊNH", "Tỉnh ủy Bình Định"),
        ("HUYỆN UỶ ĐỊNH HOÁ", "Huyện ủy Định Hóa"),
        ("BAN CÁN SỰ ĐẢNG ỦY BAN NHÂN DÂN TỈNH", "Ban cán sự đảng Ủy ban nhân dân tỉnh"),
        ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
        ("BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
        ("BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH BÌNH ĐỊNH",
         "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Bình Định"),
        ("UBND TỈNH QUẢNG BÌNH", "UBND tỉnh Quảng Bình"),
        ("VỤ PHÁP CHẾ", "Vụ Pháp chế"),
    ],
)  # fmt: skip
def test_organ_case(caps: str, expected: str) -> None:
    assert organ_case(caps) == expected


@pytest.mark.parametrize(
    ("caps", "expected"),
    [("PHÓ Bí THƯ", "Phó Bí thư"), ("BÍ THƯ", "Bí thư"), ("PHÓ THỦ TƯỚNG", "Phó Thủ tướng"),
     ("THỨ TRƯỞNG", "Thứ trưởng"), ("CHÁNH VĂN PHÒNG", "Chánh Văn phòng"), ("TỔNG BÍ THƯ", "Tổng Bí thư"),
     ("PHÓ CHỦ TỊCH", "Phó Chủ tịch"), ("KẾ TOÁN TRƯỞNG", "Kế toán trưởng")],
)  # fmt: skip
def test_title_case(caps: str, expected: str) -> None:
    assert title_case(caps) == expected


def test_modern_tones() -> None:
    assert modern_tones("khoá XIII, Đảng uỷ, Thanh Hoá, KHOÁ") == "khóa XIII, Đảng ủy, Thanh Hóa, KHÓA"
    assert modern_tones("hoàn thành, quý, thuỷ") == "hoàn thành, quý, thủy"


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        ("SỞ NỘI VỤ TỈNH BÌNH ĐỊNH", True, "Bình Định"),
        ("Bí thư Tỉnh ủy Lâm Đồng Trần Đức Quận", True, "Lâm Đồng"),
        ("tinh Ba Ria - Vung Tau", True, "Bà Rịa - Vũng Tàu"),
        ("trên địa bàn tỉnh", True, None),
        ("Bình Định, ngày 27 tháng 6", True, None),  # a place without "tỉnh" is no cue
        ("Bình Định, ngày 27 tháng 6", False, "Bình Định"),
    ],
)
def test_find_province(text: str, cue: bool, expected: str | None) -> None:
    assert find_province(text, cue_required=cue) == expected


def test_province_scope() -> None:
    assert province_scope("Bình Định") == "binh-dinh" and province_scope(None) is None


def test_doctests() -> None:
    assert doctest.testmod(names).failed == 0
