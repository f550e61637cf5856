"""loaders.extract.titles: signer titles out of capitals."""

from __future__ import annotations

import pytest

from loaders.extract.titles import title_case


@pytest.mark.parametrize(
    ("caps", "expected"),
    [("PHÓ Bí THƯ", "Phó Bí thư"), ("BÍ THƯ", "Bí thư"), ("PHÓ THỦ TƯỚNG", "Phó Thủ tướng"),
     ("THỨ TRƯỞNG", "Thứ trưởng"), ("CHÁNH VĂN PHÒNG", "Chánh Văn phòng"), ("TỔNG BÍ THƯ", "Tổng Bí thư"),
     ("PHÓ CHỦ TỊCH", "Phó Chủ tịch"), ("KẾ TOÁN TRƯỞNG", "Kế toán trưởng")],
)  # fmt: skip
def test_title_case(caps: str, expected: str) -> None:
    assert title_case(caps) == expected
