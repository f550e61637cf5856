"""loaders.text.casing: organ names out of capitals."""

from __future__ import annotations

import pytest

from loaders.text.casing import organ_case


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
