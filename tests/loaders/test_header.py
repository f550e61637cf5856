"""loaders.extract.header: number, type, date, organ block, issuer, scope and title from segmented documents."""

from __future__ import annotations

import pytest

from loaders.extract.header import Header, extract_header
from loaders.extract.segment import segment
from loaders.extract.signature import parse_signature
from loaders.extract.stamp import parse_stamp
from loaders.text.normalize import normalize


def header(text: str) -> Header:
    seg = segment(normalize(text))
    signer = parse_signature(seg.signature) if seg.signature else None
    return extract_header(seg, text.split("\n"), signer, parse_stamp(seg.stamp))


SIGNED_BTV = """
I - MỤC ĐÍCH

1. Một.

Nơi nhận:
- Lưu VP.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Hồ Quốc Dũng
"""

BLOC_PLAN = """**ĐẢNG BỘ TỈNH BÌNH ĐỊNH
ĐẢNG ỦY KHỐI CÁC CƠ QUAN**
*
Số 80-KH/ĐUK
ĐẢNG CỘNG SẢN VIỆT NAM
Bình Định, ngày 27 tháng 6 năm 2023

KẾ HOẠCH

**thực hiện Nghị quyết số 27-NQ/TW**
"""


def test_party_plan_completed_with_the_province() -> None:
    h = header(BLOC_PLAN + SIGNED_BTV)
    assert (h.number, h.number_as_printed, h.type, h.type_name) == ("80-KH/ĐUK", "Số 80-KH/ĐUK", "KH", "Kế hoạch")
    assert (h.date, h.place, h.scope) == ("2023-06-27", "Bình Định", "binh-dinh")
    assert h.upper_body == "Đảng bộ tỉnh Bình Định"
    assert h.party_unit == "Đảng ủy Khối các cơ quan tỉnh Bình Định"
    assert h.issuer == "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Bình Định"
    assert h.title == "thực hiện Nghị quyết số 27-NQ/TW" and h.warnings == ()


BLANK_NUMBER = """TỈNH ỦY BÌNH ĐỊNH
*
Số    -CTr/TU
Bình Định, ngày 10 tháng 3 năm 2023

CHƯƠNG TRÌNH HÀNH ĐỘNG

thực hiện X
"""


def test_blank_number_is_never_invented() -> None:
    h = header(BLANK_NUMBER + SIGNED_BTV)
    assert h.number is None and h.number_as_printed == "Số -CTr/TU"
    assert any("number not printed" in w for w in h.warnings)
    assert (h.type, h.type_name) == ("CTr", "Chương trình hành động")
    assert h.issuer == "Ban Thường vụ Tỉnh ủy Bình Định" and h.party_unit == "Tỉnh ủy Bình Định"


@pytest.mark.parametrize(
    ("number_line", "expected", "printed"),
    [
        ("Số 104 -CTr/TU", "104-CTr/TU", "Số 104 -CTr/TU"),
        ("Số 57\\-NQ/TW", "57-NQ/TW", "Số 57\\-NQ/TW"),
        ("Số: 445-KL/TƯ", "445-KL/TU", "Số: 445-KL/TƯ"),  # a provincial header: TƯ is an OCR TU
    ],
)
def test_number_as_printed(number_line: str, expected: str, printed: str) -> None:
    top = f"TỈNH ỦY THỪA THIÊN HUẾ\n*\n{number_line}\nHuế, ngày 13 tháng 5 năm 2022\n"
    h = header(top + "\nKẾT LUẬN\n\nvề X\n\nI. A\n")
    assert (h.number, h.number_as_printed) == (expected, printed)


POLITBURO = """**BAN CHẤP HÀNH TRUNG ƯƠNG**
**ĐẢNG CỘNG SẢN VIỆT NAM**
Số 57\\-NQ/TW
*Hà Nội*, *ngày 22 tháng 12 năm 2024*

**NGHỊ QUYẾT**

CỦA BỘ CHÍNH TRỊ
**về đột phá phát triển**

Phát triển khoa học.

**I- QUAN ĐIỂM**

1\\. Một.

Nơi nhận:
"""


def test_central_resolution_of_the_politburo() -> None:
    h = header(POLITBURO)
    assert (h.issuer, h.upper_body, h.party_unit) == ("Bộ Chính trị", "Ban Chấp hành Trung ương Đảng", None)
    assert (h.scope, h.title, h.date) == ("tw", "về đột phá phát triển", "2024-12-22")


PLENUM = """| BAN CHẤP HÀNH TRUNG ƯƠNG | ĐẢNG CỘNG SẢN VIỆT NAM |
| Số: 20-NQ/TW | Hà Nội, ngày 01 tháng 11 năm 2012 |

NGHỊ QUYẾT
HỘI NGHỊ LẦN THỨ SÁU BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHOÁ XI

VỀ PHÁT TRIỂN KHOA HỌC

A- TÌNH HÌNH
"""


def test_central_committee_session() -> None:
    h = header(PLENUM)
    assert h.issuer == "Ban Chấp hành Trung ương Đảng khóa XI" and h.title == "VỀ PHÁT TRIỂN KHOA HỌC"


MINISTRY = """| BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do |
| Số: 09/KH-BTNMT | *Hà Nội, ngày 06 tháng 8 năm 2024* |
KẾ HOẠCH
TRIỂN KHAI X
Thực hiện Y:
I. MỤC ĐÍCH
| Nơi nhận: - Lưu VT. | KT. BỘ TRƯỞNG THỨ TRƯỞNG Lê Công Thành |
"""

PROVINCE = """ỦY BAN NHÂN DÂN
TỈNH PHÚ THỌ
-------
|
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM
|
Số: 1902/KH-UBND
|
Phú Thọ, ngày 25
tháng 5 năm 2023
|
KẾ HOẠCH
TRIỂN KHAI X
Thực hiện Y:
I. MỤC ĐÍCH
"""


def test_state_documents() -> None:
    h = header(MINISTRY)
    assert (h.number, h.issuer) == ("09/KH-BTNMT", "Bộ Tài nguyên và Môi trường")
    assert (h.scope, h.party_unit) == ("tw", None)
    h = header(PROVINCE)
    assert (h.issuer, h.scope) == ("Ủy ban nhân dân tỉnh Phú Thọ", "phu-tho")
    assert (h.date, h.place) == ("2023-05-25", "Phú Thọ")


OFFICE = """**ĐẢNG ỦY CHÍNH PHỦ**
**VĂN PHÒNG**
\\*
Số 402-CV/VPĐU
V/v xin ý kiến.

**ĐẢNG CỘNG SẢN VIỆT NAM**
Hà Nội, ngày 25 tháng 5 năm 2025

Văn bản.

(Đã ký)
CHÁNH VĂN PHÒNG
Trần Văn Sơn
"""


def test_office_of_a_party_committee() -> None:
    h = header(OFFICE)
    assert (h.upper_body, h.party_unit) == ("Đảng ủy Chính phủ", "Văn phòng Đảng ủy Chính phủ")
    assert h.issuer == "Văn phòng Đảng ủy Chính phủ"
    assert (h.type, h.type_name, h.title, h.scope) == ("CV", "Công văn", "V/v xin ý kiến.", "tw")


LOST_HEADER = """SỞ NỘI VỤ TỈNH BÌNH ĐỊNH
Số 60-KH/TU

ĐẾN Số: 6825
Ngày: 09/6/23

KẾ HOẠCH

Thực hiện X

Thực hiện Y, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch triển khai thực hiện như sau:
"""


def test_lost_header_is_inferred_and_says_how() -> None:
    h = header(LOST_HEADER + SIGNED_BTV)
    assert h.issuer == "Ban Thường vụ Tỉnh ủy Bình Định"
    assert (h.party_unit, h.scope) == ("Tỉnh ủy Bình Định", "binh-dinh")
    assert h.date is None and h.place is None
    note = next(w for w in h.warnings if w.startswith("issuer inferred"))
    assert "'/TU'" in note and "Ban Thường vụ Tỉnh ủy ban hành" in note and "Sở Nội vụ tỉnh Bình Định" in note


SELF_TITLED = """# Kết luận số 69-KL/TW

Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị về tiếp tục thực hiện
Nghị quyết số 20-NQ/TW

Sau 10 năm.

1\\. A
"""


def test_date_from_the_documents_own_title_line() -> None:
    h = header(SELF_TITLED)
    assert (h.number, h.number_as_printed, h.type) == ("69-KL/TW", "Kết luận số 69-KL/TW", "KL")
    assert h.date == "2024-01-11" and "title line" in (h.date_source or "")
    assert h.issuer == "Bộ Chính trị" and h.title == "về tiếp tục thực hiện Nghị quyết số 20-NQ/TW"


def test_draft_date_left_blank() -> None:
    h = header("ĐẢNG ỦY CHÍNH PHỦ\nSố: - CV/ĐU\nHà Nội, ngày tháng 5 năm 2025\n\nVăn bản.\n")
    assert h.number is None and h.date is None and h.place == "Hà Nội"
    assert any("date not printed in full" in w for w in h.warnings)


DISTRICT = """ĐẢNG BỘ TỈNH BÌNH ĐỊNH
HUYỆN ỦY PHÙ CÁT
*
Số 45-KH/HU

ĐẢNG CỘNG SẢN VIỆT NAM
Phù Cát, ngày 12 tháng 7 năm 2023

KẾ HOẠCH
thực hiện Kế hoạch số 60-KH/TU

I. MỤC ĐÍCH, YÊU CẦU

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC

Nguyễn Văn An
"""

PEOPLES_COMMITTEE = """ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 3456 /KH-UBND
Bình Định, ngày 5 tháng 9 năm 2023

KẾ HOẠCH
Triển khai X

I. MỤC ĐÍCH, YÊU CẦU

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Lâm Hải Giang
"""

INSPECTION = """TỈNH ỦY QUẢNG NGÃI
ỦY BAN KIỂM TRA
*
Số 07-HD/UBKTTU
ĐẢNG CỘNG SẢN VIỆT NAM
Quảng Ngãi, ngày 03 tháng 02 năm 2024

HƯỚNG DẪN
về công tác kiểm tra năm 2024

I- MỤC ĐÍCH

T/M ỦY BAN KIỂM TRA
CHỦ NHIỆM

Trần Văn B
"""

DEPARTMENT = """UBND TỈNH QUẢNG BÌNH
SỞ NỘI VỤ
Số: 15/KH-SNV Quảng Bình, ngày 20 tháng 01 năm 2024

KẾ HOẠCH
Công tác cải cách hành chính năm 2024

I. MỤC ĐÍCH

GIÁM ĐỐC

Phạm Văn C
"""


UBKT = "Ủy ban Kiểm tra Tỉnh ủy Quảng Ngãi"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (DISTRICT, ("45-KH/HU", "2023-07-12", "Huyện ủy Phù Cát", "Ban Thường vụ Huyện ủy Phù Cát", "binh-dinh")),
        (PEOPLES_COMMITTEE, ("3456/KH-UBND", "2023-09-05", None, "Ủy ban nhân dân tỉnh Bình Định", "binh-dinh")),
        (INSPECTION, ("07-HD/UBKTTU", "2024-02-03", UBKT, UBKT, "quang-ngai")),
        (DEPARTMENT, ("15/KH-SNV", "2024-01-20", None, "Sở Nội vụ tỉnh Quảng Bình", "quang-binh")),
    ],
    ids=["district committee", "people's committee, name over two lines", "inspection committee", "department"],
)
def test_layouts_beyond_the_corpus(text: str, expected: tuple[str | None, ...]) -> None:
    h = header(text)
    assert (h.number, h.date, h.party_unit, h.issuer, h.scope) == expected


@pytest.mark.parametrize(
    ("authority", "issuer"),
    [
        ("T/M BAN THƯỜNG VỤ", "Ban Thường vụ Huyện ủy Phù Cát"),
        ("T/M THƯỜNG VỤ HUYỆN ỦY", "Ban Thường vụ Huyện ủy Phù Cát"),
        ("T/M BAN THƯỜNG VỤ HUYỆN ỦY", "Ban Thường vụ Huyện ủy Phù Cát"),
        ("T/M THƯỜNG VỤ", "Ban Thường vụ Huyện ủy Phù Cát"),
        ("T/M THƯỜNG TRỰC HUYỆN ỦY", "Thường trực Huyện ủy Phù Cát"),
    ],
)
def test_a_standing_body_signing_is_the_header_units_however_the_signature_names_it(
    authority: str, issuer: str
) -> None:
    assert header(DISTRICT.replace("T/M BAN THƯỜNG VỤ", authority)).issuer == issuer


@pytest.mark.parametrize(
    ("upper", "unit", "party_unit"),
    [
        ("ĐẢNG BỘ TỈNH BẮC GIANG", "ĐẢNG ỦY CÔNG AN TỈNH", "Đảng ủy Công an tỉnh Bắc Giang"),  # no doubled tỉnh
        ("TỈNH ỦY BẮC GIANG", "ĐẢNG ĐOÀN HỘI NÔNG DÂN TỈNH", "Đảng đoàn Hội Nông dân tỉnh Bắc Giang"),
        ("ĐẢNG BỘ HUYỆN TÂN HIỆP", "ĐẢNG ỦY PHƯỜNG THUẬN HỘI", "Đảng ủy phường Thuận Hội"),  # Hội is the place
        (
            "TỈNH ỦY BÌNH ĐỊNH",
            "BAN TUYÊN GIÁO",
            "Ban Tuyên giáo Tỉnh ủy Bình Định",
        ),  # a commission of the committee
    ],
)
def test_the_unit_is_completed_with_its_place_without_doubled_or_foreign_words(
    upper: str, unit: str, party_unit: str
) -> None:
    text = f"{upper}\n{unit}\n*\nSố 26-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nBắc Giang, ngày 2 tháng 3 năm 2023\n"
    text += "\nKẾ HOẠCH\n\nX\n"
    assert header(text + SIGNED_BTV).party_unit == party_unit
