"""loaders.text.normalize: each guarantee of the module docstring, as (text, expected lines) pairs."""

from __future__ import annotations

import unicodedata

import pytest

from loaders.text.line import Line
from loaders.text.normalize import clean_inline, is_type_line, normalize


def texts(text: str) -> list[str]:
    return [line.text for line in normalize(text)]


CASES = [
    # markdown markup goes, its text stays
    ("## ĐẢNG CỘNG SẢN VIỆT NAM", ["ĐẢNG CỘNG SẢN VIỆT NAM"]),
    ("**II- MỤC** TIÊU", ["II- MỤC TIÊU"]),
    ("**4\\. Phát** triển**, trọng dụng nhân lực**", ["4. Phát triển, trọng dụng nhân lực"]),
    ("*Hà Nội*, *ngày 22 tháng 12 năm 2024*", ["Hà Nội, ngày 22 tháng 12 năm 2024"]),
    ("| Số: 13/CT-TTg | *Hà Nội, ngày 02 tháng* *5 năm 2024* |",
     ["| Số: 13/CT-TTg | Hà Nội, ngày 02 tháng 5 năm 2024 |"]),
    ("Số 57\\-NQ/TW", ["Số 57-NQ/TW"]),
    ("kinh tế \\- xã hội", ["kinh tế - xã hội"]),
    ("> Trích dẫn", ["Trích dẫn"]),
    ("Trần Thanh Mẫn\n```", ["Trần Thanh Mẫn"]),
    ("KẾ HOẠCH\n\n-----\n\nThực hiện", ["KẾ HOẠCH", "Thực hiện"]),
    # a converter's separator of two marks is a rule too, not a line of the header
    ("Số: 1026/KH-UBND\n\n* *\n\n**KẾ HOẠCH**", ["Số: 1026/KH-UBND", "KẾ HOẠCH"]),
    ("Độc lập\n- -\nKẾ HOẠCH", ["Độc lập", "KẾ HOẠCH"]),
    ("Độc lập\n_ _\nKẾ HOẠCH", ["Độc lập", "KẾ HOẠCH"]),
    ("- Sở Tài chính;\n- Sở Nội vụ;", ["- Sở Tài chính;", "- Sở Nội vụ;"]),
    # a numbered line cut mid-clause runs on into a capital line; a numbered heading does not
    ("5. Xây dựng Nghị định của\nChính phủ về phân cấp.", ["5. Xây dựng Nghị định của Chính phủ về phân cấp."]),
    ("a) Tổng hợp; tham mưu báo cáo\nBộ Tài chính.", ["a) Tổng hợp; tham mưu báo cáo Bộ Tài chính."]),
    ("2. Giao Sở\nTài chính chủ trì.", ["2. Giao Sở Tài chính chủ trì."]),
    ("3. Chế độ thông tin, báo cáo\nCác sở báo cáo.", ["3. Chế độ thông tin, báo cáo", "Các sở báo cáo."]),
    ("1. Mục đích, yêu cầu\nTiếp tục đẩy mạnh.", ["1. Mục đích, yêu cầu", "Tiếp tục đẩy mạnh."]),
    ("(*Thực hiện thường xuyên*).", ["(Thực hiện thường xuyên)."]),
    # whitespace and characters
    ("a\u00a0\u00a0b\tc  d   ", ["a b c d"]),
    ("Ðổi mới", ["Đổi mới"]),
    (unicodedata.normalize("NFD", "Nghị quyết"), ["Nghị quyết"]),
    ("ƯBND tỉnh", ["UBND tỉnh"]),
    ("KÉT LUẬN", ["KẾT LUẬN"]),
    ("I - MỤC ĐÍCH\n\nII - NHIỆM VỤ\n\nHI - TỔ CHỨC", ["I - MỤC ĐÍCH", "II - NHIỆM VỤ", "III - TỔ CHỨC"]),
    ("HI - KHÔNG ĐOÁN", ["HI - KHÔNG ĐOÁN"]),  # no II before it: not certain, left alone
    # page breaks and hard wraps are joined
    ("bảo đảm theo Hiến pháp và\n\npháp luật. Thực hiện", ["bảo đảm theo Hiến pháp và pháp luật. Thực hiện"]),
    ("- tổ chức sắp xếp đảm bảo\n\n\n   \nyêu cầu về số lượng", ["- tổ chức sắp xếp đảm bảo yêu cầu về số lượng"]),
    ("đối với người bị giữ, bị bắt,\n\ntạm giữ, tạm giam", ["đối với người bị giữ, bị bắt, tạm giữ, tạm giam"]),
    ("Thực hiện Nghị quyết số\n77/NQ-CP ngày 12/5/2023", ["Thực hiện Nghị quyết số 77/NQ-CP ngày 12/5/2023"]),
    ("của Hội nghị lần thứ sáu\nBan Chấp hành Trung ương", ["của Hội nghị lần thứ sáu Ban Chấp hành Trung ương"]),
    ("Luật Hòa giải ở cơ sở;\ncác quy định của pháp luật", ["Luật Hòa giải ở cơ sở; các quy định của pháp luật"]),
    ("Phú Thọ, ngày 25\ntháng 5 năm 2023", ["Phú Thọ, ngày 25 tháng 5 năm 2023"]),
    ("I. MỤC ĐÍCH,\nYÊU CẦU", ["I. MỤC ĐÍCH, YÊU CẦU"]),
    ("- VPCP: BTCN, Trợ lý TTg,\n  các Vụ, Cục, Công báo;", ["- VPCP: BTCN, Trợ lý TTg, các Vụ, Cục, Công báo;"]),
    # ... but structure is not joined away
    ("1. Mục đích\n- Triển khai thực hiện", ["1. Mục đích", "- Triển khai thực hiện"]),
    ("2. Yêu cầu\nBảo đảm sự phối hợp", ["2. Yêu cầu", "Bảo đảm sự phối hợp"]),
    ("KẾ HOẠCH\n\nthực hiện Nghị quyết số 27-NQ/TW", ["KẾ HOẠCH", "thực hiện Nghị quyết số 27-NQ/TW"]),
    ("CỦA BỘ CHÍNH TRỊ\n\nvề đột phá", ["CỦA BỘ CHÍNH TRỊ", "về đột phá"]),
    ("ĐẢNG BỘ TỈNH BÌNH ĐỊNH\nĐẢNG ỦY KHỐI CÁC CƠ QUAN", ["ĐẢNG BỘ TỈNH BÌNH ĐỊNH", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN"]),
    ("T/M BAN THƯỜNG VỤ\nPHÓ Bí THƯ\n\nNguyễn Hữu Lộc", ["T/M BAN THƯỜNG VỤ", "PHÓ Bí THƯ", "Nguyễn Hữu Lộc"]),
    ("đã ban hành.\n\nthời gian tới", ["đã ban hành.", "thời gian tới"]),
    ("Nơi nhận:\n- Ban Bí thư,\n- Lưu VP.", ["Nơi nhận:", "- Ban Bí thư,", "- Lưu VP."]),
    ("a) Khẩn trương;\nb) Chủ trì", ["a) Khẩn trương;", "b) Chủ trì"]),
    ("2.1- Đổi mới cơ chế\n\n2.2- Đổi mới hệ thống", ["2.1- Đổi mới cơ chế", "2.2- Đổi mới hệ thống"]),
    # bullets
    ("\\-   \nCác cấp uỷ, tổ chức đảng", ["- Các cấp uỷ, tổ chức đảng"]),
    ("*   Quán triệt sâu sắc\n*   **a) Tại Trung ương:**", ["* Quán triệt sâu sắc", "* a) Tại Trung ương:"]),
    ("+ Một\n• Hai", ["+ Một", "• Hai"]),
    # a stray page number between the halves of a paragraph
    ("nâng cao năng suất.\n\n1   \nHạ tầng công nghệ", ["nâng cao năng suất.", "Hạ tầng công nghệ"]),
    # tables
    ("| TT | Nhiệm vụ |\n| --- | --- |\n| 1. | Xây dựng |", ["| TT | Nhiệm vụ |", "| 1. | Xây dựng |"]),
    ("| BAN CHẤP HÀNH TRUNG ƯƠNG\n\\-------- | ĐẢNG CỘNG SẢN VIỆT NAM\n\\--------------- |\n| :---- | :---- |",
     ["| BAN CHẤP HÀNH TRUNG ƯƠNG | ĐẢNG CỘNG SẢN VIỆT NAM |"]),
    ("| THỦ TƯỚNG CHÍNH PHỦ ------- | X |", ["| THỦ TƯỚNG CHÍNH PHỦ | X |"]),
    ("|  | T/M BỘ CHÍNH TRỊ *(Đã ký)* Trương Thị Mai |", ["|  | T/M BỘ CHÍNH TRỊ (Đã ký) Trương Thị Mai |"]),
    ("ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA\n|\nSố: 1902/KH-UBND\n|\nKẾ HOẠCH",
     ["| ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ |", "| CỘNG HÒA XÃ HỘI CHỦ NGHĨA |", "| Số: 1902/KH-UBND |",
      "KẾ HOẠCH"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_normalize(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_line_numbers_point_at_the_source() -> None:
    lines = normalize("\n\nKẾ HOẠCH\n\nthực hiện theo Hiến pháp và\n\npháp luật.\n| a |\n| b\nc |\n")
    assert lines == [
        Line(3, "KẾ HOẠCH"),
        Line(5, "thực hiện theo Hiến pháp và pháp luật."),
        Line(8, "| a |"),
        Line(9, "| b c |"),
    ]


def test_line_endings_and_bom() -> None:
    assert texts("\ufeffKẾ HOẠCH\r\nthực hiện\rNơi nhận:") == ["KẾ HOẠCH", "thực hiện", "Nơi nhận:"]


def test_no_empty_lines_and_nfc() -> None:
    lines = normalize("  \n**  **\n\n" + unicodedata.normalize("NFD", "Đảng ủy Khối") + "\n\n\n")
    assert [line.text for line in lines] == ["Đảng ủy Khối"]
    assert all(unicodedata.is_normalized("NFC", line.text) for line in lines)


def test_clean_inline_keeps_escaped_characters() -> None:
    assert (
        clean_inline("\\*chú thích\\* **đậm** [liên kết](https://x.vn) a<br>b") == "*chú thích* đậm liên kết a b"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [("KẾ HOẠCH", True), ("NGHỊ QUYẾT:", True), ("CHƯƠNG TRÌNH HÀNH ĐỘNG", True), ("Kế hoạch", False),
     ("KẾ HOẠCH SỐ 12", False)],
)  # fmt: skip
def test_is_type_line(text: str, expected: bool) -> None:
    assert is_type_line(text) is expected
