"""loaders.extract.stamp: the incoming-registry stamp of a received copy, never the document's own facts."""

from __future__ import annotations

from loaders.extract.stamp import find_stamp, parse_stamp
from loaders.record import Received
from loaders.text.line import Line


def lines(*texts: str) -> list[Line]:
    return [Line(i + 1, t) for i, t in enumerate(texts)]


def test_stamp_around_the_document_number() -> None:
    top = lines("SỞ NỘI VỤ TỈNH BÌNH ĐỊNH", "Số 60-KH/TU", "ĐẾN Số: 6825", "Ngày: 09/6/23", "Chuyên: .....",
                "Số và Ký hiệu HS: thực hiện", "KẾ HOẠCH")  # fmt: skip
    at = find_stamp(top)
    assert at == [0, 2, 3, 4, 5]  # the number line "Số 60-KH/TU" stays in the header
    assert parse_stamp([top[i] for i in at]) == Received("Sở Nội vụ tỉnh Bình Định", "6825", "2023-06-09", 3)


def test_arrived_on_its_own_line() -> None:
    top = lines("UBND HUYỆN PHÙ CÁT", "ĐẾN", "Số: 12", "Ngày: 01/02/2024")
    at = find_stamp(top)
    assert [top[i].text for i in at] == ["UBND HUYỆN PHÙ CÁT", "ĐẾN", "Số: 12", "Ngày: 01/02/2024"]
    received = parse_stamp([top[i] for i in at])
    assert received is not None and (received.number, received.date) == ("12", "2024-02-01")


def test_no_stamp() -> None:
    assert find_stamp(lines("ĐẢNG BỘ TỈNH BÌNH ĐỊNH", "Số 80-KH/ĐUK", "đến năm 2030 số lượng 12")) == []
    assert parse_stamp([]) is None
