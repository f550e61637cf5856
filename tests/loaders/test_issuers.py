"""loaders.organs.issuers: one rule for whether two printed names can be the same issuer."""

from __future__ import annotations

import pytest

import graph.link
import loaders.pipeline
from loaders.organs.issuers import same_issuer


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy Bình Định", True),  # one is the other shortened
        ("BAN THƯỜNG VỤ TỈNH ỦY BÌNH ĐỊNH", "Ban Thường vụ Tỉnh ủy Bình Định", True),  # case and accents
        ("Tỉnh ủy Bình Định", "Ban Thường vụ Tỉnh ủy Bình Định", True),
        ("Bình Định Tỉnh ủy", "Tỉnh ủy Bình Định", True),  # the same words in another order
        ("Ban Thuờng vụ Tinb uỷ Bình Định", "Ban Thường vụ Tỉnh ủy Bình Định", True),  # an OCR error
        # places are compared exactly after folding: a different place is a different body, even one letter off
        ("Huyện ủy Tân Hiệp", "Huyện ủy An Hiệp", False),
        ("Ban Thường vụ Huyện ủy Tân Hiệp", "Huyện ủy An Hiệp", False),
        ("Đảng ủy xã Nam Tường", "Đảng ủy xã Nam Tường huyện Phước Hiệp", True),  # one place more
        ("Đảng ủy phường Thuận hội", "Ban Thường vụ Đảng ủy phường Thuận Hội", True),  # case of the place
        ("Đảng ủy xã Sơn Vinh", "Đảng ủy xã Sơn Vịnh", True),  # accents fold away
        ("Đảng ủy xã Kim Vinh", "Đảng ủy xã Kim Tường", False),
        ("Ban Thường vụ Tinh uy Binh Dinb", "Ban Thường vụ Tỉnh ủy Bình Định", False),  # a place misread
        (None, "Bộ Chính trị", True),  # nothing says otherwise
        ("Bộ Chính trị", "", True),
        ("Bộ Chính trị", "Ban Bí thư", False),
        ("Tỉnh ủy Bình Định", "Tỉnh ủy Phú Thọ", False),
        ("Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Trung ương", False),
        ("Ủy ban nhân dân tỉnh", "Ban Thường vụ Tỉnh ủy", False),
    ],
)
def test_same_issuer(a: str | None, b: str | None, expected: bool) -> None:
    assert same_issuer(a, b) is expected
    assert same_issuer(b, a) is expected  # symmetric


def test_the_pipeline_and_the_link_pass_ask_the_same_function() -> None:
    assert loaders.pipeline.same_issuer is graph.link.same_issuer is same_issuer
