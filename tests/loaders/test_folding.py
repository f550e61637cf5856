"""loaders.text.folding: accent-free forms, slugs and modern tone placement."""

from __future__ import annotations

import pytest

from loaders.text.folding import fold, modern_tones, slug


@pytest.mark.parametrize(
    ("text", "folded", "slugged"),
    [
        ("Ban Tuyên giáo Đảng ủy Khối", "ban tuyen giao dang uy khoi", "ban-tuyen-giao-dang-uy-khoi"),
        ("Bình Định", "binh dinh", "binh-dinh"),
        ("Bà Rịa - Vũng Tàu", "ba ria - vung tau", "ba-ria-vung-tau"),
        ("  ĐẢNG   ỦY  ", "dang uy", "dang-uy"),
        ("Thanh Hoa\u0301", "thanh hoa", "thanh-hoa"),  # decomposed (OCR) text folds like composed text
    ],
)
def test_fold_and_slug(text: str, folded: str, slugged: str) -> None:
    assert (fold(text), slug(text)) == (folded, slugged)


def test_modern_tones() -> None:
    assert modern_tones("khoá XIII, Đảng uỷ, Thanh Hoá, KHOÁ") == "khóa XIII, Đảng ủy, Thanh Hóa, KHÓA"
    assert modern_tones("hoàn thành, quý, thuỷ") == "hoàn thành, quý, thủy"
