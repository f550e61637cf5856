"""loaders.extract.dates: dates as printed in headers, citations and stamps."""

from __future__ import annotations

import pytest

from loaders.extract.dates import find_dates, parse_date, place_and_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bình Định, ngày 27 tháng 6 năm 2023", "2023-06-27"),
        ("ngày 02 tháng 5 năm 2024", "2024-05-02"),
        ("NGÀY 02 THÁNG 5 NĂM 2024", "2024-05-02"),
        ("ngày 09/11/2022 của", "2022-11-09"),
        ("ngày 9-8-2019", "2019-08-09"),
        ("ngày 15.8.2020", "2020-08-15"),
        ("ngày 21/05/2025", "2025-05-21"),
        ("trước ngày 30/7/2023.", "2023-07-30"),
        ("ngày 32/13/2020", None),
        ("Nghị định 30/2020/NĐ-CP", None),
        ("giai đoạn 2021 - 2025", None),
        ("Ngày: 09/6/23", None),  # a two-digit year only where the caller expects one (a stamp)
        ("ngày tháng 5 năm 2025", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def test_two_digit_year_in_a_stamp() -> None:
    assert parse_date("Ngày: 09/6/23", two_digit_years=True) == "2023-06-09"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bình Định, ngày 27 tháng 6 năm 2023", ("Bình Định", "2023-06-27")),
        ("Hà Nội, ngày 02 tháng 5 năm 2024", ("Hà Nội", "2024-05-02")),
        ("Hà Nội, ngày tháng 5 năm 2025", ("Hà Nội", None)),  # a draft's blank day: no date, never a guess
        ("Phú Thọ, ngày 25 tháng 5 năm 2023", ("Phú Thọ", "2023-05-25")),
        ("Thực hiện Nghị quyết số 27-NQ/TW ngày 09/11/2022", None),
        ("Số 80-KH/ĐUK", None),
    ],
)
def test_place_and_date(text: str, expected: tuple[str, str | None] | None) -> None:
    assert place_and_date(text) == expected


def test_find_dates_in_order() -> None:
    found = find_dates("từ ngày 01/7/2023 đến ngày 31 tháng 12 năm 2023")
    assert [f.iso for f in found] == ["2023-07-01", "2023-12-31"]
