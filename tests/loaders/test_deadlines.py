"""Deadlines: phrases → due date and/or recurrence (CONVENTIONS §4.1 and the gold ``about`` conventions)."""

from __future__ import annotations

from datetime import date

import pytest

from loaders.extract.body.deadlines import Deadline, find_deadline, parse_deadline

D = date

# (phrase, year_hint, expected date, expected recurrence)
PHRASES = [
    # quarters, months, years: the last day of the period
    ("Hoàn thành trong quý II/2023", None, D(2023, 6, 30), None),
    ("Quý II/2025", None, D(2025, 6, 30), None),
    ("Quý III năm 2024", None, D(2024, 9, 30), None),
    ("quý I/2021", None, D(2021, 3, 31), None),
    ("Quý IV/2025", None, D(2025, 12, 31), None),
    ("Quý III, IV/2026", None, D(2026, 12, 31), None),
    ("Tháng 8/2024", None, D(2024, 8, 31), None),
    ("Tháng 10/2025", None, D(2025, 10, 31), None),
    ("tháng 2 năm 2024", None, D(2024, 2, 29), None),
    ("6/2025", None, D(2025, 6, 30), None),
    ("06/2025", None, D(2025, 6, 30), None),
    ("01/2025", None, D(2025, 1, 31), None),
    ("2/2025", None, D(2025, 2, 28), None),
    ("12/2026", None, D(2026, 12, 31), None),
    ("2025", None, D(2025, 12, 31), None),
    ("trong năm 2025", None, D(2025, 12, 31), None),
    ("năm 2030", None, D(2030, 12, 31), None),
    ("cơ bản hoàn thành trong năm 2025", None, D(2025, 12, 31), None),
    ("2024 - 2025", None, D(2025, 12, 31), None),
    ("2025-2026", None, D(2026, 12, 31), None),
    ("2026 – 2027", None, D(2027, 12, 31), None),
    ("giai đoạn 2021 - 2025", None, D(2025, 12, 31), None),
    ("trước năm 2030", None, D(2029, 12, 31), None),
    ("trước quý III/2025", None, D(2025, 6, 30), None),
    ("trước tháng 6/2025", None, D(2025, 5, 31), None),
    ("cuối tháng 1/2021", None, D(2021, 1, 31), None),
    # days
    ("trước ngày 30/7/2023", None, D(2023, 7, 30), None),
    ("trước ngày 30 tháng 7 năm 2024", None, D(2024, 7, 30), None),
    ("hoàn thành trước ngày 31-1-2025", None, D(2025, 1, 31), None),
    ("30-5-2019", None, D(2019, 5, 30), None),
    ("ngày 24/01/2025", None, D(2025, 1, 24), None),
    ("Dự kiến trước ngày 15-5-2021", None, D(2021, 5, 15), None),
    ("chậm nhất ngày 15/11/2021", None, D(2021, 11, 15), None),
    ("trước 20h00 ngày 25 tháng 5 năm 2025", None, D(2025, 5, 25), None),
    # days without a year take the hint
    ("trước ngày 15.8", 2023, D(2023, 8, 15), None),
    ("xong trước ngày 17-5", 2024, D(2024, 5, 17), None),
    ("trước 30/10", 2009, D(2009, 10, 30), None),
    ("15.8", 2023, D(2023, 8, 15), None),
    ("Tháng 12", 2024, D(2024, 12, 31), None),  # a table cell in the document's year
    ("Quý II", 2024, D(2024, 6, 30), None),
    ("hoàn thành trong quý I và quý II năm 2024", None, D(2024, 6, 30), None),
    # recurrences and open periods: no date
    ("Thường xuyên", None, None, "thường xuyên"),
    ("Thực hiện thường xuyên", None, None, "thường xuyên"),
    ("Nhiệm vụ thường xuyên", None, None, "thường xuyên"),
    ("Hằng năm", None, None, "hằng năm"),
    ("hàng năm", None, None, "hằng năm"),
    ("định kỳ", None, None, "định kỳ"),
    ("định kỳ 6 tháng", None, None, "định kỳ 6 tháng"),
    ("định kỳ sáu tháng", None, None, "định kỳ 6 tháng"),
    ("định kỳ hằng quý", None, None, "định kỳ hằng quý"),
    ("đột xuất", None, None, "đột xuất"),
    ("năm 2023 và các năm tiếp theo", None, None, "năm 2023 và các năm tiếp theo"),
    ("Thực hiện năm 2023 và các năm tiếp theo", None, None, "năm 2023 và các năm tiếp theo"),
    ("2025 và những năm tiếp theo", None, None, "năm 2025 và các năm tiếp theo"),
    ("Thực hiện từ năm 2023", None, None, "từ năm 2023"),
    ("từ năm 2023", None, None, "từ năm 2023"),
]


@pytest.mark.parametrize(("phrase", "year", "due", "recurrence"), PHRASES)
def test_parse_deadline(phrase: str, year: int | None, due: date | None, recurrence: str | None) -> None:
    found = parse_deadline(phrase, year_hint=year)
    assert (found.date, found.recurrence) == (due, recurrence)
    assert found.text == phrase


@pytest.mark.parametrize(
    "phrase", ["", "   ", "Quyết định của Thủ tướng Chính phủ", "Bộ Công an", "31/2/2024", "13/2025"]
)
def test_not_a_deadline(phrase: str) -> None:
    assert not parse_deadline(phrase)
    assert parse_deadline(phrase) == Deadline()


def test_markup_and_punctuation_around_a_phrase_are_ignored() -> None:
    assert parse_deadline("(*Thực hiện thường xuyên*).").recurrence == "thường xuyên"
    assert parse_deadline(" Hoàn thành trong quý II/2023 ").text == "Hoàn thành trong quý II/2023"


def test_a_day_without_a_year_rolls_over_past_the_document_date() -> None:
    assert parse_deadline("trước ngày 15.1", year_hint=2023, not_before=D(2023, 6, 27)).date == D(2024, 1, 15)
    assert parse_deadline("trước ngày 15.8", not_before=D(2023, 6, 27)).date == D(2023, 8, 15)
    assert parse_deadline("trước ngày 15.8").date is None  # no year to take


# (paragraph, year_hint, date, deadline_text, recurrence)
PARAGRAPHS = [
    (
        "Các cấp ủy chi, đảng bộ cơ sở căn cứ chức năng, nhiệm vụ, xây dựng kế hoạch …, gửi về Ban Thường vụ "
        "Đảng ủy Khối (qua Ban Tuyên giáo Đảng ủy Khối) trước ngày 30/7/2023.",
        2023,
        D(2023, 7, 30),
        "trước ngày 30/7/2023",
        None,
    ),
    (
        "Các đảng đoàn, ban cán sự đảng … chủ động xây dựng chương trình, kế hoạch để triển khai thực hiện "
        "Nghị quyết 27 (*Hoàn thành trong quý II/2023*).",
        2023,
        D(2023, 6, 30),
        "Hoàn thành trong quý II/2023",
        None,
    ),
    (
        "- Chỉ đạo rà soát … không để xảy ra … (*Thực hiện năm 2023 và các năm tiếp theo*).",
        2023,
        None,
        "Thực hiện năm 2023 và các năm tiếp theo",
        "năm 2023 và các năm tiếp theo",
    ),
    (
        "Chủ trì, phối hợp … về thực hiện Nghị quyết 27 (Thực hiện từ năm 2023).",
        2023,
        None,
        "Thực hiện từ năm 2023",
        "từ năm 2023",
    ),
    (
        "Khẩn trương ban hành kế hoạch … theo NDC, hoàn thành trong Quý III năm 2024;",
        2024,
        D(2024, 9, 30),
        "hoàn thành trong Quý III năm 2024",
        None,
    ),
    (
        "Chủ trì … xây dựng Nghị định sửa đổi …, trình Chính phủ trước ngày 30 tháng 7 năm 2024.",
        2024,
        D(2024, 7, 30),
        "trình Chính phủ trước ngày 30 tháng 7 năm 2024",
        None,
    ),
    (
        "Bộ Công Thương chủ trì … và báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 9 năm 2024.",
        2024,
        D(2024, 9, 30),
        "báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 9 năm 2024",
        None,
    ),
    (
        "Ban cán sự đảng Chính phủ lãnh đạo …; phối hợp với Đảng đoàn Quốc hội thể chế hoá … và bố trí đủ "
        "nguồn lực để thực hiện, cơ bản hoàn thành trong năm 2025.",
        2024,
        D(2025, 12, 31),
        "cơ bản hoàn thành trong năm 2025",
        None,
    ),
    (
        "… theo chức năng, nhiệm vụ xây dựng và tổ chức thực hiện kế hoạch … trong tháng 01 năm 2025.",
        2025,
        D(2025, 1, 31),
        "trong tháng 01 năm 2025",
        None,
    ),
    (
        "Do thời gian gấp, trân trọng đề nghị Đồng chí … gửi về Văn phòng Đảng ủy Chính phủ trước 20h00 ngày 25 "
        "tháng 5 năm 2025 để tổng hợp.",
        2025,
        D(2025, 5, 25),
        "trước 20h00 ngày 25 tháng 5 năm 2025",
        None,
    ),
    # the reporting cadence closes a duty: the last recurrence wins
    (
        "Ban Nội chính Tỉnh ủy chủ trì … thường xuyên đôn đốc, theo dõi … Kế hoạch này; định kỳ báo cáo, tham mưu "
        "Ban Thường vụ Tỉnh ủy chỉ đạo sơ kết, tổng kết./.",
        2023,
        None,
        "định kỳ báo cáo",
        "định kỳ",
    ),
    (
        "Văn phòng Trung ương Đảng … đánh giá kết quả thực hiện Nghị quyết; định kỳ 6 tháng báo cáo kết quả với "
        "Ban "
        "Chỉ đạo Trung ương.",
        2024,
        None,
        "định kỳ 6 tháng báo cáo",
        "định kỳ 6 tháng",
    ),
    (
        "… định kỳ 6 tháng báo cáo kết quả thực hiện về Bộ Khoa học và Công nghệ trước ngày 15 tháng 6 và trước "
        "ngày "
        "01 tháng 12 hằng năm.",
        2025,
        None,  # days of every half-year, not one fixed day (CONVENTIONS.md §4.1: recurrence, no due date)
        None,
        "định kỳ 6 tháng",
    ),
    (
        "Các đơn vị định kỳ trước ngày 01/6 hằng năm báo cáo kết quả về Sở Khoa học và Công nghệ.",
        2025,
        None,
        None,
        "hằng năm",
    ),
    (
        "Báo cáo 6 tháng: Các cơ quan, đơn vị gửi Sở Tài chính trước ngày 05/7;",
        2026,
        None,
        None,
        "định kỳ 6 tháng",
    ),
    (
        "… hoàn thành chậm nhất đến ngày 01 tháng 7 năm 2028.",
        2026,
        D(2028, 7, 1),
        "hoàn thành chậm nhất đến ngày 01 tháng 7 năm 2028",
        None,
    ),
    ("… định kỳ báo cáo, hoàn thành trước ngày 30/6/2026.", 2026, D(2026, 6, 30), None, "định kỳ"),
    ("Thí điểm cơ chế này đến hết năm 2025.", 2025, None, None, None),
    ("… hoàn thành đến hết năm 2025.", 2025, D(2025, 12, 31), None, None),
    ("… hoàn thành frong Quý 1/2026.", 2026, D(2026, 3, 31), "hoàn thành frong Quý 1/2026", None),
]


@pytest.mark.parametrize(("text", "year", "due", "shown", "recurrence"), PARAGRAPHS)
def test_find_deadline(text: str, year: int, due: date | None, shown: str | None, recurrence: str | None) -> None:
    found = find_deadline(text, year_hint=year)
    assert (found.date, found.recurrence) == (due, recurrence)
    if shown is not None:
        assert found.text == shown


NO_DEADLINE = [
    "Thực hiện Kế hoạch số 60-KH/TU ngày 24/5/2023 của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết số "
    "27-NQ/TW ngày 09/11/2022 của Ban Chấp hành Trung ương Đảng khóa XIII.",
    "Tham mưu … theo đúng quy định của Trung ương và Luật Thực hiện dân chủ ở cơ sở có hiệu lực từ ngày "
    "01/7/2023.",
    "Nâng tổng đầu tư xã hội cho khoa học và công nghệ đạt 1,5% GDP vào năm 2015, trên 2% GDP vào năm 2020.",
    "Chủ trì giám sát việc thực hiện Chiến lược phát triển KH,CN&ĐMST đến năm 2025, định hướng đến năm 2030.",
    "Xây dựng, triển khai chương trình tuyên truyền thường xuyên, sâu rộng về nội dung Nghị quyết số 57-NQ/TW.",
    "Quy định về trách nhiệm xây dựng … trong chương trình, kế hoạch công tác hằng năm của cơ quan, tổ chức.",
    "Sửa đổi Nghị định số 80/2020/NĐ-CP về quản lý và sử dụng viện trợ không hoàn lại.",
]


@pytest.mark.parametrize("text", NO_DEADLINE)
def test_dates_of_cited_documents_targets_and_adjectives_are_not_deadlines(text: str) -> None:
    assert find_deadline(text, year_hint=2023) == Deadline()


def test_open_period_inside_text_is_not_read_as_the_year_alone() -> None:
    found = find_deadline("… tổ chức thực hiện trong năm 2018 và các năm tiếp theo.")
    assert (found.date, found.recurrence) == (None, "năm 2018 và các năm tiếp theo")


def test_trailing_parenthesis_that_is_not_a_deadline_is_skipped() -> None:
    found = find_deadline("Khẩn trương ban hành kế hoạch … hoàn thành trong Quý III năm 2024 (Phụ lục IV).")
    assert found.date == D(2024, 9, 30)
