"""loaders.extract.symbols: Party and State number-symbols printed → canonical form, and what is not a symbol."""

from __future__ import annotations

import pytest

from loaders.extract.symbols import (
    canonical,
    central_issuer,
    find_symbols,
    parse_symbol,
    same_symbol,
    type_code,
    type_name,
)


@pytest.mark.parametrize(
    ("printed", "expected", "type_"),
    [
        ("Số 60-KH/TU", "60-KH/TU", "KH"),
        ("Số 80-KH/ĐUK", "80-KH/ĐUK", "KH"),
        ("Số: 03/NQ-CP", "03/NQ-CP", "NQ"),
        ("Số: 9387/UBND-KT", "9387/UBND-KT", None),
        ("Số 3260-KH/ĐĐQH15", "3260-KH/ĐĐQH15", "KH"),
        ("Số 402-CV/VPĐU", "402-CV/VPĐU", "CV"),
        ("Số 104 -CTr/TU", "104-CTr/TU", "CTr"),
        ("Kế hoạch số 11- KH/TW", "11-KH/TW", "KH"),
        ("Số 57\\-NQ/TW", "57-NQ/TW", "NQ"),
        ("CHỈ THỊ SỐ 13/CT-TTG NGÀY", "13/CT-TTg", "CT"),
        ("03-Ctr/TU", "03-CTr/TU", "CTr"),
        ("08-QĐi/TW", "08-QĐi/TW", "QĐi"),
        ("12/ƯBND-VX", "12/UBND-VX", None),
        ("25/2021/QĐ-TTg", "25/2021/QĐ-TTg", "QĐ"),
        ("04/TTr-BKHCN-BTTTT", "04/TTr-BKHCN-BTTTT", "TTr"),
        ("193/2025/QH15", "193/2025/QH15", None),
        ("5053-CV/VPTW/nb", "5053-CV/VPTW/nb", "CV"),
        ("851/BNV-CVT<NN", "851/BNV-CVT", None),
        ("445-KL/TƯ", "445-KL/TW", "KL"),  # TƯ = Trung ương unless the document is provincial
    ],
)
def test_canonical(printed: str, expected: str, type_: str | None) -> None:
    symbol = parse_symbol(printed)
    assert symbol is not None and symbol.canonical == expected and symbol.type == type_


def test_tu_in_a_provincial_document() -> None:
    assert canonical("445-KL/TƯ", provincial=True) == "445-KL/TU"


@pytest.mark.parametrize(
    "text",
    ["giai đoạn 2021-2025", "30-5-2019", "24/5/2023", "1Gb/s", "T3/2025", "Số    -CTr/TU", "22/22 bộ", "(2)NXT",
     "16 - 18%/năm", "COVID-19"],
)  # fmt: skip
def test_not_a_symbol(text: str) -> None:
    assert find_symbols(text) == []


def test_find_symbols_in_order_with_printed_text() -> None:
    found = find_symbols("Nghị quyết số 27-NQ/TW và Nghị định số 06/2022/NĐ-CP, văn bản 83/BKHCN-BTTTT-VP")
    assert [(f.text, f.symbol.canonical, f.symbol.form) for f in found] == [
        ("27-NQ/TW", "27-NQ/TW", "party"),
        ("06/2022/NĐ-CP", "06/2022/NĐ-CP", "state"),
        ("83/BKHCN-BTTTT-VP", "83/BKHCN-BTTTT-VP", "state"),
    ]


@pytest.mark.parametrize(
    ("name", "code"),
    [("KẾ HOẠCH", "KH"), ("Chương trình hành động", "CTr"), ("nghị  quyết", "NQ"), ("Công văn", "CV"),
     ("Luật", "Luật"), ("Báo chí", None)],
)  # fmt: skip
def test_type_code(name: str, code: str | None) -> None:
    assert type_code(name) == code


def test_type_name() -> None:
    assert type_name("KH") == "Kế hoạch"
    assert type_name("TT") == "Thông tri" and type_name("TT", state=True) == "Thông tư"
    assert type_name(None) is None


def test_same_symbol() -> None:
    assert same_symbol("13/CT-TTG", "13/CT-TTg") and same_symbol("80-KH/ĐUK", "80-KH/DUK")
    assert not same_symbol("60-KH/TU", "60-KH/TW") and not same_symbol(None, "x")


@pytest.mark.parametrize(
    ("code", "central"),
    [
        ("TW", True), ("BTCTW", True), ("CP", True), ("TTg", True), ("QH15", True), ("ĐĐQH15", True),
        ("BTNMT", True), ("BGDĐT", True), ("BNV", True),  # ministries
        ("TU", False), ("ĐUK", False), ("UBND", False), ("VPĐU", False),
        ("BTGTU", False), ("BNCTU", False), ("BTCHU", False),  # local Party commissions
        ("BCSĐ", False), ("BCĐ", False),  # central or provincial alike: the citing scope decides
    ],
)  # fmt: skip
def test_central_issuer_codes(code: str, central: bool) -> None:
    assert central_issuer(code) is central
