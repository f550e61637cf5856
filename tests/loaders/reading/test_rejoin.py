"""loaders.reading.rejoin: symbols cut at a line end joined; numbers typed with spaces closed up."""

from __future__ import annotations

import pytest

from loaders.reading.rejoin import join_numbers, rejoin
from loaders.reading.stream import Origin, StreamLine


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Số:   4390     /UBND-NLN", "Số: 4390/UBND-NLN"),
        ("Số 2449 -CV/ĐU", "Số 2449-CV/ĐU"),
        ("Số 34 -NQ/TU Lào Cai, ngày 27 tháng 12 năm 2025", "Số 34-NQ/TU Lào Cai, ngày 27 tháng 12 năm 2025"),
        (
            "Kèm theo Quyết định số: 1050 /QĐ-SCT ngày 06 /3/2025",
            "Kèm theo Quyết định số: 1050/QĐ-SCT ngày 06/3/2025",
        ),
        ("Nghị định số 178/2026/NĐ-CP", "Nghị định số 178/2026/NĐ-CP"),
        ("Số: /UBND-KT", "Số: /UBND-KT"),  # a blank number stays blank
        ("năm 2025 - Tự do", "năm 2025 - Tự do"),
    ],
)
def test_spaced_numbers_are_closed_up(typed: str, expected: str) -> None:
    assert join_numbers(typed) == expected


def test_closing_up_a_layout_row_keeps_its_columns_where_they_were() -> None:
    row = "Số:   4390     /UBND-NLN        Lào Cai, ngày 02 tháng 5 năm 2025"
    closed = join_numbers(row, keep_width=True)
    assert closed.startswith("Số: 4390/UBND-NLN ") and closed.index("Lào Cai") == row.index("Lào Cai")


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Nghị định số 217/2025/NĐ-", "CP ngày 05/8/2025;"], ["Nghị định số 217/2025/NĐ-CP", "ngày 05/8/2025;"]),
        (["Chương trình số 31-", "CTr/TW của Tỉnh ủy"], ["Chương trình số 31-CTr/TW", "của Tỉnh ủy"]),
        (["triển khai Nghị định số 178/2026/NĐ-", "CP"], ["triển khai Nghị định số 178/2026/NĐ-CP"]),
        (["kết thúc năm 2025-", "Ban Chỉ đạo"], ["kết thúc năm 2025-", "Ban Chỉ đạo"]),  # a word, not a code
        (["trước ngày 15/4/2026 -", "Các sở"], ["trước ngày 15/4/2026 -", "Các sở"]),
    ],
)
def test_symbols_cut_at_a_line_end_are_joined(lines: list[str], expected: list[str]) -> None:
    stream = [StreamLine(text, Origin(line=n)) for n, text in enumerate(lines, 1)]
    joined = rejoin(stream)
    assert [line.text for line in joined] == expected
    assert [line.origin.line for line in joined] == list(range(1, len(expected) + 1))
