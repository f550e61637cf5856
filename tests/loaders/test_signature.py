"""loaders.extract.signature: authority, title and name from every signature layout in the corpus."""

from __future__ import annotations

import pytest

from loaders.extract.signature import capacity_body, is_signature_line, lead_signer, parse_signature
from loaders.record import Signer
from loaders.text.line import Line

BTV = "T/M Ban Thường vụ"
CASES = [
    (["T/M BAN THƯỜNG VỤ", "PHÓ Bí THƯ", "Nguyễn Hữu Lộc"], ("Nguyễn Hữu Lộc", "Phó Bí thư", BTV)),
    (["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Hồ Quốc Dũng"], ("Hồ Quốc Dũng", "Bí thư", BTV)),
    (["T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ", "Nguyễn Hữu Lộc"], ("Nguyễn Hữu Lộc", "Phó Bí thư", BTV)),
    (
        ["T/M ĐẢNG ĐOÀN QUỐC HỘI", "BÍ THƯ", "Trần Thanh Mẫn"],
        ("Trần Thanh Mẫn", "Bí thư", "T/M Đảng đoàn Quốc hội"),
    ),
    (
        ["TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "[đã ký]", "Nguyễn Hòa Bình"],
        ("Nguyễn Hòa Bình", "Phó Thủ tướng", "TM. Chính phủ; KT. Thủ tướng"),
    ),
    (["KT. BỘ TRƯỞNG THỨ TRƯỞNG Lê Công Thành"], ("Lê Công Thành", "Thứ trưởng", "KT. Bộ trưởng")),
    (["THỦ TƯỚNG Phạm Minh Chính"], ("Phạm Minh Chính", "Thủ tướng", None)),
    (["T/M BỘ CHÍNH TRỊ (Đã ký) Trương Thị Mai"], ("Trương Thị Mai", None, "T/M Bộ Chính trị")),
    (
        ["(Đã ký)", "CHÁNH VĂN PHÒNG", "Trần Văn Sơn", "(Dấu của VĂN PHÒNG ĐẢNG ỦY CHÍNH PHỦ)"],
        ("Trần Văn Sơn", "Chánh Văn phòng", None),
    ),
    (
        ["T/L BAN THƯỜNG VỤ", "PHÓ CHÁNH VĂN PHÒNG", "Lê Văn A"],
        ("Lê Văn A", "Phó Chánh Văn phòng", "T/L Ban Thường vụ"),
    ),
]


@pytest.mark.parametrize(("texts", "expected"), CASES)
def test_parse_signature(texts: list[str], expected: tuple[str | None, str | None, str | None]) -> None:
    signer = parse_signature([Line(i + 10, t) for i, t in enumerate(texts)])
    assert signer is not None and (signer.name, signer.title, signer.capacity) == expected
    assert signer.line == 10


def test_nothing_to_sign() -> None:
    assert parse_signature([Line(1, "Trân trọng./.")]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("T/M BAN THƯỜNG VỤ", True), ("KT. BỘ TRƯỞNG", True), ("PHÓ Bí THƯ", True), ("[đã ký]", True),
     ("THỦ TƯỚNG Phạm Minh Chính", True), ("Bí thư Tỉnh ủy chỉ đạo", False), ("Nơi nhận:", False)],
)  # fmt: skip
def test_is_signature_line(text: str, expected: bool) -> None:
    assert is_signature_line(text) is expected


def test_capacity_body() -> None:
    assert capacity_body("T/M Ban Thường vụ") == "Ban Thường vụ"
    assert capacity_body("TM. Chính phủ; KT. Thủ tướng") == "Chính phủ"
    assert capacity_body("KT. Bộ trưởng") is None and capacity_body(None) is None


def test_lead_signer_of_a_press_article() -> None:
    lead = Line(5, "(LĐ online) - Bí thư Tỉnh ủy Lâm Đồng Trần Đức Quận vừa ký ban hành Chương trình hành động")
    assert lead_signer([lead]) == Signer("Trần Đức Quận", "Bí thư Tỉnh ủy", None, 5)
    assert lead_signer([Line(1, "Bí thư Tỉnh ủy chỉ đạo các ngành vừa ký kết")]) is None
