"""The confidentiality and urgency marks: read from a whole header cell in capitals, never from words in a title
or a sentence; carried from the file into the record."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract.marks import Marks, rank, read_marks
from loaders.pipeline import parse_file
from tests.marked import marked_copy
from tests.shared import CORPUS, CORPUS2

HEADERS = [
    (["Số 80-KH/ĐUK", "MẬT", "Bình Định, ngày 27 tháng 6 năm 2023"], Marks("mat", None, 2)),
    (["Số 80-KH/ĐUK", "**TỐI MẬT**"], Marks("toi-mat", None, 2)),
    (["   Số: 1050 /QĐ-SCT      TUYỆT MẬT"], Marks("tuyet-mat", None, 1)),
    (["| Số: 13/CT-TTg | *Hà Nội, ngày 02 tháng 5 năm 2024* |", "| KHẨN | |"], Marks(None, "khan", 2)),
    (["Số 12-CV/TU", "MẬT", "HOẢ TỐC"], Marks("mat", "hoa-toc", 2)),
    (["Số 12-CV/TU", "THƯỢNG KHẨN - MẬT"], Marks("mat", "thuong-khan", 2)),
    (["Độ mật: Tối mật", "Độ khẩn: Khẩn"], Marks("toi-mat", "khan", 1)),
    (["CÔNG TÁC BẢO VỆ BÍ MẬT NHÀ NƯỚC TRONG TÌNH HÌNH MỚI"], Marks()),
    (["Khẩn trương triển khai", "bảo vệ bí mật nhà nước"], Marks()),
    (["Mật"], Marks()),  # a stamp is printed in capitals
    (["MẬT KHẨU"], Marks()),
    (["BÍ MẬT"], Marks()),
]


@pytest.mark.parametrize(("header", "expected"), HEADERS)
def test_marks_are_read_only_from_a_whole_header_cell(header: list[str], expected: Marks) -> None:
    assert read_marks(header) == expected


@pytest.mark.parametrize(
    ("level", "expected"), [(None, 0), ("thuong", 0), ("mat", 1), ("toi-mat", 2), ("tuyet-mat", 3), ("x", 4)]
)
def test_levels_rank_in_order_and_an_unknown_level_ranks_highest(level: str | None, expected: int) -> None:
    assert rank(level) == expected


@pytest.mark.parametrize(
    ("marks", "confidentiality", "urgency"),
    [(("MẬT",), "mat", None), (("TỐI MẬT", "HỎA TỐC"), "toi-mat", "hoa-toc"), (("KHẨN",), None, "khan")],
)
def test_a_stamp_under_the_number_reaches_the_record(
    tmp_path: Path, marks: tuple[str, ...], confidentiality: str | None, urgency: str | None
) -> None:
    record = parse_file(marked_copy(tmp_path, *marks), None, body=False)
    assert (record.number, record.confidentiality, record.urgency) == ("1050/QĐ-SCT", confidentiality, urgency)


def test_no_document_of_the_corpora_carries_a_mark() -> None:
    """None is stamped; 1026-KH/UBND's title speaks of "bí mật nhà nước" and cp 03's tasks of "bí mật"."""
    files = sorted(p for folder in (CORPUS, CORPUS2) for p in folder.glob("*.*") if p.suffix in {".txt", ".md"})
    assert len(files) > 15
    marked = [p.name for p in files if (r := parse_file(p, None, body=False)).confidentiality or r.urgency]
    assert marked == []
