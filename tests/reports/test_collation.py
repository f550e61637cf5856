"""Rows sort as a Vietnamese reader expects: the alphabet a ă â b c d đ e ê … u ư v x y, then tones, then case."""

from __future__ import annotations

import pytest

from reports.collation import ALPHABET, vi_key


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        # the letters with marks come right after their base letter, never after z
        (["Ư", "U", "V"], ["U", "Ư", "V"]),
        (["Ơ", "Ô", "O", "P"], ["O", "Ô", "Ơ", "P"]),
        (["Â", "B", "Ă", "A"], ["A", "Ă", "Â", "B"]),
        (["Đảng ủy", "Thị ủy", "Di Linh", "Em"], ["Di Linh", "Đảng ủy", "Em", "Thị ủy"]),
        # letters first: a tone never outranks a later letter
        (["Tuy Phước", "Tây Sơn"], ["Tây Sơn", "Tuy Phước"]),
        (["Viện Kiểm sát", "Ủy ban nhân dân"], ["Ủy ban nhân dân", "Viện Kiểm sát"]),
        (["Ứng Hòa", "Uông Bí", "Ưu tiên"], ["Uông Bí", "Ứng Hòa", "Ưu tiên"]),
        # the same letters: ngang, huyền, hỏi, ngã, sắc, nặng
        (["bạ", "bá", "bã", "bả", "bà", "ba"], ["ba", "bà", "bả", "bã", "bá", "bạ"]),
        (["Mỹ", "Mý", "My", "Mỳ"], ["My", "Mỳ", "Mỹ", "Mý"]),
        # then case, lower first; a shorter name before a longer one that starts with it
        (["Ba", "ba", "Ba Tơ"], ["ba", "Ba", "Ba Tơ"]),
        # spaces and digits before letters
        (["Huyện ủy 2", "Huyện ủyA", "Huyện ủy A"], ["Huyện ủy 2", "Huyện ủy A", "Huyện ủyA"]),
    ],
)
def test_vietnamese_order(names: list[str], expected: list[str]) -> None:
    assert sorted(names, key=vi_key) == expected


def test_the_order_is_the_same_in_nfc_and_nfd() -> None:
    import unicodedata

    names = ["Huyện ủy Tuy Phước", "Đảng ủy Khối", "Thị ủy Hoài Nhơn", "Ủy ban"]
    assert [vi_key(n) for n in names] == [vi_key(unicodedata.normalize("NFD", n)) for n in names]


def test_the_alphabet_has_the_29_vietnamese_letters_in_order() -> None:
    vietnamese = [c for c in ALPHABET if c not in "fjwz"]
    assert "".join(vietnamese) == "aăâbcdđeêghiklmnoôơpqrstuưvxy" and len(vietnamese) == 29
