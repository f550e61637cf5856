"""loaders.reading.webpage: a saved legal-library page → the document it shows, without the site."""

from __future__ import annotations

import pytest

from loaders.reading.stream import Origin, StreamLine
from loaders.reading.webpage import clean_webpage, is_webpage, split_glued
from tests.shared import CORPUS2


@pytest.mark.parametrize(
    ("glued", "cells"),
    [
        ("BAN CHẤP HÀNH TRUNG ƯƠNG-------", ["BAN CHẤP HÀNH TRUNG ƯƠNG"]),
        (
            "BAN CHẤP HÀNH TRUNG ƯƠNG-------ĐẢNG CỘNG SẢN VIỆT NAM",
            ["BAN CHẤP HÀNH TRUNG ƯƠNG", "ĐẢNG CỘNG SẢN VIỆT NAM"],
        ),
        (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc",
            ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
        ),
        ("Độc lập - Tự do - Hạnh phúc", ["Độc lập - Tự do - Hạnh phúc"]),
        ("các tỉnh - thành phố", ["các tỉnh - thành phố"]),
    ],
)
def test_glued_header_cells_are_split(glued: str, cells: list[str]) -> None:
    assert split_glued(glued) == cells


def _lines(texts: list[str]) -> list[StreamLine]:
    return [StreamLine(t, Origin(line=n)) for n, t in enumerate(texts, 1)]


def test_a_page_loses_its_banner_metadata_footer_and_counter() -> None:
    page = [
        "Bản dịch này thuộc quyền sở hữu của THƯ VIỆN PHÁP LUẬT.",
        "**Số hiệu:**", "|", "221-KL/TW", "|", "**Người ký:**", "|", "Trần Cẩm Tú", "|",
        "**BAN", "CHẤP HÀNH TRUNG ƯƠNG**", "|", "**ĐẢNG", "CỘNG SẢN VIỆT NAM**", "|",
        "Số 221-KL/TW", "KẾT LUẬN", "1. Yêu cầu các cấp uỷ.", "Trần Cẩm Tú",
        "Văn bản này chưa cập nhật nội dung Tiếng Anh", "305",
        "Thực hiện Nghị định 13/2023/NĐ-CP, chúng tôi cập nhật Quy chế",
    ]  # fmt: skip
    kept = [line.text for line in clean_webpage(_lines(page))]
    assert kept[0] == "**BAN" and kept[-1] == "Trần Cẩm Tú"
    assert not any("13/2023" in t or "Người ký" in t or t == "305" for t in kept)
    assert clean_webpage(_lines(page))[0].origin.line == 10


def test_a_document_that_is_not_a_page_is_left_alone() -> None:
    text = ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số: 134/KH-UBND", "KẾ HOẠCH", "Căn cứ Luật Đất đai;"]
    assert not is_webpage(text)
    assert [line.text for line in clean_webpage(_lines(text))] == text


def test_the_real_legal_library_page_keeps_the_conclusion_only() -> None:
    raw = (CORPUS2 / "bct-bbt_221-KL-TW_2025_bo-may-2-cap_tvpl-raw.md").read_text(encoding="utf-8").splitlines()
    kept = [line.text for line in clean_webpage(_lines(raw))]
    assert kept[:2] == ["**BAN", "CHẤP HÀNH TRUNG ƯƠNG**"]
    assert "Trần Cẩm Tú" in kept[-3:]
    assert not any("13/2023/NĐ-CP" in t or "THƯ VIỆN PHÁP LUẬT" in t for t in kept)
