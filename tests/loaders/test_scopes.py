"""loaders.text.scopes: provinces, their scope slugs, and the one central scope."""

from __future__ import annotations

import pytest

from loaders.organs import load_gazetteer
from loaders.text.scopes import CENTRAL_SCOPE, find_province, province_scope


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


def test_the_central_scope_is_the_gazetteers_scope_of_central_bodies() -> None:
    g = load_gazetteer()
    assert CENTRAL_SCOPE in g.scopes
    assert g.organ("tw/bo-chinh-tri").scope == CENTRAL_SCOPE
