"""loaders.extract.segment: the parts of a document, in the layouts the corpus shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract.segment import Segments, segment, table_cells
from loaders.text.line import Line
from loaders.text.normalize import normalize
from tests.shared import CORPUS

SEEDS = Path(__file__).resolve().parents[2] / "data" / "documents"


def parts(text: str) -> Segments:
    return segment(normalize(text))


def texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines]


PLAN = """ĐẢNG BỘ TỈNH BÌNH ĐỊNH
ĐẢNG ỦY KHỐI CÁC CƠ QUAN
*
Số 80-KH/ĐUK

ĐẢNG CỘNG SẢN VIỆT NAM
Bình Định, ngày 27 tháng 6 năm 2023

KẾ HOẠCH

thực hiện Nghị quyết số 27-NQ/TW

Thực hiện Kế hoạch số 60-KH/TU, Ban Thường vụ Đảng ủy Khối xây dựng Kế hoạch thực hiện như sau:

I - MỤC ĐÍCH, YÊU CẦU

1. Nâng cao nhận thức.

Nơi nhận:
- Ban Thường vụ Tỉnh ủy (b/c),
- Lưu VP.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Nguyễn Hữu Lộc
"""


def test_plan() -> None:
    s = parts(PLAN)
    assert texts(s.header) == ["ĐẢNG BỘ TỈNH BÌNH ĐỊNH", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN", "*", "Số 80-KH/ĐUK",
                               "ĐẢNG CỘNG SẢN VIỆT NAM", "Bình Định, ngày 27 tháng 6 năm 2023"]  # fmt: skip
    assert texts(s.title) == ["KẾ HOẠCH", "thực hiện Nghị quyết số 27-NQ/TW"]
    assert texts(s.preamble) == [
        "Thực hiện Kế hoạch số 60-KH/TU, Ban Thường vụ Đảng ủy Khối xây dựng Kế hoạch thực hiện như sau:"
    ]
    assert texts(s.body) == ["I - MỤC ĐÍCH, YÊU CẦU", "1. Nâng cao nhận thức."]
    assert texts(s.recipients) == ["Nơi nhận:", "- Ban Thường vụ Tỉnh ủy (b/c),", "- Lưu VP."]
    assert texts(s.signature) == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Hữu Lộc"]
    assert s.stamp == [] and s.extra == [] and s.attachments_start is None


STAMPED = """SỞ NỘI VỤ TỈNH BÌNH ĐỊNH
Số 60-KH/TU

ĐẾN Số: 6825
Ngày: 09/6/23

KẾ HOẠCH

Thực hiện X

Thực hiện Y, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch như sau:

I - MỤC ĐÍCH
"""


def test_stamp_first_and_no_header_organs() -> None:
    s = parts(STAMPED)
    assert texts(s.stamp) == ["SỞ NỘI VỤ TỈNH BÌNH ĐỊNH", "ĐẾN Số: 6825", "Ngày: 09/6/23"]
    assert texts(s.header) == ["Số 60-KH/TU"]
    assert texts(s.title) == ["KẾ HOẠCH", "Thực hiện X"]
    assert texts(s.body) == ["I - MỤC ĐÍCH"]


PACKED = """| Số: 09/KH-BTNMT | Hà Nội, ngày 06 tháng 8 năm 2024 |
KẾ HOẠCH
TRIỂN KHAI X
Thực hiện Y:
I. MỤC ĐÍCH
1. Mục đích
| Nơi nhận: - Bộ trưởng (để báo cáo); - Lưu VT. | KT. BỘ TRƯỞNG THỨ TRƯỞNG Lê Công Thành |
| --- | --- |
PHỤ LỤC
| TT | Nhiệm vụ |
| 1. | Hoàn thiện |
"""


def test_recipients_and_signature_in_one_table_row_then_appendix() -> None:
    s = parts(PACKED)
    assert texts(s.recipients) == ["Nơi nhận: - Bộ trưởng (để báo cáo); - Lưu VT."]
    assert texts(s.signature) == ["KT. BỘ TRƯỞNG THỨ TRƯỞNG Lê Công Thành"]
    assert texts(s.body) == ["I. MỤC ĐÍCH", "1. Mục đích", "PHỤ LỤC", "| TT | Nhiệm vụ |", "| 1. | Hoàn thiện |"]
    assert s.attachments_start == 2


DECREE = """CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 03/NQ-CP

# NGHỊ QUYẾT
## Ban hành X

# CHÍNH PHỦ

Căn cứ Luật Y;

# QUYẾT NGHỊ:

Điều 1. Ban hành.

*Nơi nhận:*
- Lưu: VT.

TM. CHÍNH PHỦ
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
[đã ký]
Nguyễn Hòa Bình

# CHƯƠNG TRÌNH HÀNH ĐỘNG
## I. MỤC TIÊU
1. Tổ chức.
"""


def test_decree_then_programme_after_the_signature() -> None:
    s = parts(DECREE)
    assert texts(s.title) == ["NGHỊ QUYẾT", "Ban hành X"]
    assert texts(s.preamble) == ["CHÍNH PHỦ", "Căn cứ Luật Y;"]  # the authority line is not the title
    assert texts(s.signature)[-1] == "Nguyễn Hòa Bình"
    programme = ["CHƯƠNG TRÌNH HÀNH ĐỘNG", "I. MỤC TIÊU", "1. Tổ chức."]
    assert texts(s.body) == ["QUYẾT NGHỊ:", "Điều 1. Ban hành.", *programme]
    assert s.attachments_start == 2


LETTER = """ĐẢNG ỦY CHÍNH PHỦ
VĂN PHÒNG
*
Số 402-CV/VPĐU
V/v xin ý kiến dự thảo báo cáo.

ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 25 tháng 5 năm 2025

Kính gửi:
- Đồng chí A,
- Đồng chí B.

Văn phòng Trung ương có văn bản số 15000-CV/VPTW.

Đề nghị các đồng chí cho ý kiến.

Nơi nhận:
- Như trên,
- Lưu: VT.

(Đã ký)
CHÁNH VĂN PHÒNG
Trần Văn Sơn

---

DỰ THẢO BÁO CÁO
I- CÔNG TÁC
1. Ban Chỉ đạo.

Nơi nhận:
- Lưu.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Trần Văn Sơn
"""


def test_letter_with_addressees_and_an_attached_report() -> None:
    s = parts(LETTER)
    assert texts(s.title) == ["V/v xin ý kiến dự thảo báo cáo."]
    assert texts(s.addressees) == ["Kính gửi:", "- Đồng chí A,", "- Đồng chí B."]
    assert texts(s.preamble) == ["Văn phòng Trung ương có văn bản số 15000-CV/VPTW."]
    assert texts(s.signature) == ["(Đã ký)", "CHÁNH VĂN PHÒNG", "Trần Văn Sơn"]
    assert "DỰ THẢO BÁO CÁO" in texts(s.body) and "Nơi nhận:" not in texts(s.body)
    assert texts(s.extra)[-1] == "Trần Văn Sơn"  # the attachment's own signature is kept out of the body


PRESS = """Chương trình hành động thực hiện Nghị quyết số 27-NQ/TW

17:03, 10/03/2023

(LĐ online) - Bí thư Tỉnh ủy vừa ký.

Báo Lâm Đồng Online xin giới thiệu toàn văn:

Thực hiện Nghị quyết số 27-NQ/TW; Tỉnh ủy ban hành Chương trình hành động như sau:

I. MỤC ĐÍCH, YÊU CẦU
"""


def test_press_preface() -> None:
    s = parts(PRESS)
    assert len(s.preface) == 4 and s.header == [] and s.title == []
    assert texts(s.preamble)[0].startswith("Thực hiện Nghị quyết")


SELF_TITLED = """# Kết luận số 69-KL/TW

Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 20-NQ/TW

Sau 10 năm thực hiện.

**1\\. Tăng cường**

| | T/M BỘ CHÍNH TRỊ *(Đã ký)* Trương Thị Mai |
"""


def test_self_describing_title_without_header() -> None:
    s = parts(SELF_TITLED)
    assert texts(s.header) == ["Kết luận số 69-KL/TW"]
    assert texts(s.title)[0].startswith("Kết luận số 69-KL/TW ngày 11/01/2024")
    assert texts(s.preamble) == ["Sau 10 năm thực hiện."]
    assert texts(s.signature) == ["T/M BỘ CHÍNH TRỊ (Đã ký) Trương Thị Mai"]


def test_table_cells() -> None:
    assert table_cells(Line(3, "| Số: 1 |  | Hà Nội |")) == [Line(3, "Số: 1"), Line(3, "Hà Nội")]
    assert table_cells(Line(4, "plain")) == [Line(4, "plain")]


def _documents() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) + sorted(CORPUS.glob("*.txt"))


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.name[:30])
def test_every_document_has_a_body(path: Path) -> None:
    s = parts(path.read_text(encoding="utf-8"))
    assert s.body, "no body"
    everything = s.preface + s.stamp + s.header + s.addressees + s.title + s.preamble + s.body + s.recipients
    everything += s.signature + s.extra
    assert len(everything) == len({(x.no, x.text) for x in everything}), "a line in two parts"
