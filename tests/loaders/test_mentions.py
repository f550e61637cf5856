"""loaders.extract.mentions: what a mention of a document says about it (date, issuer, description, short name)."""

from __future__ import annotations

import pytest

from loaders.extract.mentions import find_mentions
from loaders.text.line import Line


def found(text: str, *, laws: bool = False, own: str | None = None) -> list[tuple[object, ...]]:
    return [
        (m.number or m.title, m.type, m.date, m.issuer, m.role)
        for m in find_mentions(Line(1, text), own, {}, laws=laws)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nghị quyết số 27-NQ/TW, ngày 09/11/2022 của Ban Chấp hành Trung ương Đảng (khóa XIII) về X",
            [("27-NQ/TW", "NQ", "2022-11-09", "Ban Chấp hành Trung ương Đảng khóa XIII", "cite")],
        ),
        (
            "CHỈ THỊ SỐ 13/CT-TTG NGÀY 02 THÁNG 5 NĂM 2024 CỦA THỦ TƯỚNG CHÍNH PHỦ VỀ X",
            [("13/CT-TTg", "CT", "2024-05-02", "Thủ tướng Chính phủ", "cite")],
        ),
        (
            "của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khoá XIII",
            [],
        ),
        (
            "Nghị quyết số 27-NQ/TW ngày 09/11/2022 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng "
            "khoá XIII và Kế hoạch số 72-KH/TU ngày 10/01/2023 của Tỉnh ủy Phú Thọ về X",
            [
                ("27-NQ/TW", "NQ", "2022-11-09", "Ban Chấp hành Trung ương Đảng khóa XIII", "cite"),
                ("72-KH/TU", "KH", "2023-01-10", "Tỉnh ủy Phú Thọ", "cite"),
            ],
        ),
        (
            "Ngày 31/3/2025, Bộ Khoa học và Công nghệ đã ban hành Văn bản số 562/BKHCN-VCL",
            [("562/BKHCN-VCL", "CV", "2025-03-31", "Bộ Khoa học và Công nghệ", "cite")],
        ),
        (
            "Bộ KHCN đã tổ chức đánh giá và ban hành Quyết định số 682/QĐ-BKHCN ngày 25/4/2025",
            [("682/QĐ-BKHCN", "QĐ", "2025-04-25", "Bộ KHCN", "cite")],
        ),
        (
            "theo NQ 57 và Đề án 06 năm 2025",
            [("NQ 57", "NQ", None, None, "cite"), ("Đề án 06", "ĐA", None, None, "cite")],
        ),
        ("Kế hoạch 2024 của tỉnh", []),  # a year, not a number
        (
            "(Kèm theo Nghị quyết số 03/NQ-CP ngày 09 tháng 01 năm 2025)",
            [("03/NQ-CP", "NQ", "2025-01-09", None, "self")],
        ),
    ],
)
def test_find_mentions(text: str, expected: list[tuple[object, ...]]) -> None:
    assert found(text, own="03/NQ-CP") == expected


def test_laws_by_name_only_when_asked() -> None:
    text = (
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa "
        "phương ngày 22 tháng 11 năm 2019;"
    )
    assert found(text) == []
    title = "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương"
    assert found(text, laws=True) == [(title, "Luật", "2019-11-22", None, "cite")]


def test_short_names_defined_in_parentheses() -> None:
    aliases: dict[str, str] = {}
    text = (
        "Thực hiện Chỉ thị số 13/CT-TTg ngày 02/5/2024 về X (Chỉ thị số 13/CT-TTg) và Nghị quyết số 27-NQ/TW "
        "(sau đây viết tắt là Nghị quyết 27)"
    )
    found_ = find_mentions(Line(1, text), None, aliases)
    assert [m.number for m in found_] == ["13/CT-TTg", "27-NQ/TW"]  # the restatement is not a second mention
    assert aliases == {"chi thi so 13/ct-ttg": "13/CT-TTg", "nghi quyet 27": "27-NQ/TW"}
