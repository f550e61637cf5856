"""loaders.reading.columns: side-by-side cells read one column at a time; everything else left in its order."""

from __future__ import annotations

import pytest

from loaders.reading.columns import Segment, box_rows, reading_order, text_rows


def _read(lines: list[str]) -> list[str]:
    return [seg.text if seg else "" for _, seg in reading_order(text_rows(lines))]


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        (  # a State header: issuer and number on the left, motto and date on the right
            [
                "   UBND TỈNH LÀO CAI              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "  SỞ CÔNG THƯƠNG                           Độc lập - Tự do - Hạnh phúc",
            ],
            [
                "UBND TỈNH LÀO CAI",
                "SỞ CÔNG THƯƠNG",
                "",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "",
            ],
        ),
        (  # Nơi nhận beside the signature, the name set lower than the last recipient
            [
                "Nơi nhận:                                           KT. CHỦ TỊCH",
                "- Như trên;",
                "- Thường trực Tỉnh ủy (báo cáo);                    PHÓ CHỦ TỊCH",
                "- Lưu: VT, TH.                                      Ngô Hạnh Phúc",
            ],
            [
                "Nơi nhận:",
                "- Như trên;",
                "- Thường trực Tỉnh ủy (báo cáo);",
                "- Lưu: VT, TH.",
                "",
                "KT. CHỦ TỊCH",
                "",
                "PHÓ CHỦ TỊCH",
                "Ngô Hạnh Phúc",
                "",
            ],
        ),
        (  # a paragraph crossing the gutter ends the block
            [
                "  SỞ CÔNG THƯƠNG          Độc lập - Tự do - Hạnh phúc",
                "Thực hiện Quyết định số 1050/QĐ-SCT ngày 06/3/2026 của Giám đốc Sở Công Thương",
            ],
            [
                "SỞ CÔNG THƯƠNG",
                "",
                "Độc lập - Tự do - Hạnh phúc",
                "",
                "Thực hiện Quyết định số 1050/QĐ-SCT ngày 06/3/2026 của Giám đốc Sở Công Thương",
            ],
        ),
        (  # a table row of three cells is not a two-column block: read as it stands
            ["1    Công ty cổ phần      Số 779, TDP Nguyễn Thái học 7      23/3/2026"],
            ["1 Công ty cổ phần Số 779, TDP Nguyễn Thái học 7 23/3/2026"],
        ),
        (  # a markdown table row keeps its cells, spaces and all
            ["| Nơi nhận: - Như trên; | THỦ TƯỚNG     Phạm Minh Chính |"],
            ["| Nơi nhận: - Như trên; | THỦ TƯỚNG     Phạm Minh Chính |"],
        ),
        (
            ["*   Ban Bí thư Trung ương Đảng (để b/c),", "3.    Định kỳ, Thường trực"],  # list markers, not cells
            ["* Ban Bí thư Trung ương Đảng (để b/c),", "3. Định kỳ, Thường trực"],
        ),
        (["Một đoạn văn  có hai dấu cách.", "", "Đoạn sau."], ["Một đoạn văn  có hai dấu cách.", "", "Đoạn sau."]),
    ],
)
def test_layout_text_is_read_one_column_at_a_time(layout: list[str], expected: list[str]) -> None:
    assert _read(layout) == expected


def test_a_stamped_number_sitting_off_its_line_stays_in_its_blank() -> None:
    boxes = [
        Segment(104, 121, "Số:", 102, 114, baseline=113.7),
        Segment(153, 216, "/UBND-KT", 105, 114, baseline=113.7),
        Segment(127, 150, "2496", 102, 111, baseline=110.5),  # the stamp, 3 points higher
        Segment(104, 160, "V/v triển khai", 117, 129, baseline=127.0),
    ]
    rows = box_rows(boxes, join_gap=26)
    assert [[s.text for s in row] for row in rows] == [["Số: 2496 /UBND-KT"], ["V/v triển khai"]]


def test_a_signature_line_set_above_nơi_nhận_joins_its_column() -> None:
    rows = [
        (Segment(71, 402, "thi hành Quyết định này./."),),
        (Segment(394, 499, "KT. BỘ TRƯỞNG"),),
        (Segment(76, 127, "Nơi nhận:"),),
        (Segment(77, 137, "- Như Điều 3;"), Segment(402, 492, "THỨ TRƯỞNG")),
    ]
    order = [seg.text if seg else "" for _, seg in reading_order(rows, min_gutter=13)]
    assert order == [
        "thi hành Quyết định này./.",
        "Nơi nhận:",
        "- Như Điều 3;",
        "",
        "KT. BỘ TRƯỞNG",
        "THỨ TRƯỞNG",
        "",
    ]
