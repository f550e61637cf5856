"""Organ names as the text says them, and the roles a sentence gives them."""

from __future__ import annotations

import pytest

from loaders.extract.body.assignees import (
    Assignment,
    coordinate_organs,
    heading_organs,
    parse_assignment,
    report_targets,
    split_organs,
    subject_organs,
    subject_text,
)
from loaders.extract.body.organ_phrases import group_names, scan_organs, starts_with_verb

# (sentence, subject organs as printed)
SUBJECTS = [
    (
        "Các cấp ủy cơ sở đảng trong Đảng bộ Khối tiếp tục tổ chức nghiên cứu",
        ("Các cấp ủy cơ sở đảng trong Đảng bộ Khối",),
    ),
    (
        "Ủy ban kiểm tra Đảng ủy Khối tham mưu Ban Thường vụ Đảng ủy Khối sửa đổi",
        ("Ủy ban kiểm tra Đảng ủy Khối",),
    ),
    (
        "Ban Tuyên giáo Đảng ủy Khối phối hợp với các Ban của Đảng ủy Khối tham mưu",
        ("Ban Tuyên giáo Đảng ủy Khối",),
    ),
    ("Đảng đoàn Quốc hội lãnh đạo, chỉ đạo rà soát", ("Đảng đoàn Quốc hội",)),
    ("Ban cán sự đảng Chính phủ lãnh đạo, chỉ đạo xây dựng chương trình", ("Ban cán sự đảng Chính phủ",)),
    ("Bộ Tài chính chủ trì, phối hợp chặt chẽ với Bộ Tài nguyên và Môi trường", ("Bộ Tài chính",)),
    (
        "Ban cán sự đảng Viện Kiểm sát nhân dân tỉnh lãnh đạo, chỉ đạo",
        ("Ban cán sự đảng Viện Kiểm sát nhân dân tỉnh",),
    ),
    ("Cục Viễn thám quốc gia chủ trì, phối hợp với Cục Biến đổi khí hậu", ("Cục Viễn thám quốc gia",)),
    ("Vu Kế hoạch - Tài chính tham mưu cho Lãnh đạo Bộ", ("Vu Kế hoạch - Tài chính",)),  # OCR lost the tone
    ("Văn phòng Chính phủ theo dõi, đôn đốc theo chức năng", ("Văn phòng Chính phủ",)),
    ("Bộ Văn hóa, Thể thao và Du lịch chủ trì xây dựng", ("Bộ Văn hóa, Thể thao và Du lịch",)),
    (
        "Các cấp uỷ, tổ chức đảng, cán bộ, đảng viên cần nhận thức đầy đủ",
        ("Các cấp uỷ", "các tổ chức đảng", "các cán bộ", "các đảng viên"),
    ),
    ("Các cấp ủy chi, đảng bộ cơ sở căn cứ chức năng, nhiệm vụ", ("Các cấp ủy chi, đảng bộ cơ sở",)),
    (
        "Các đảng đoàn, ban cán sự đảng, các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc Tỉnh ủy căn cứ",
        (
            "Các đảng đoàn",
            "các ban cán sự đảng",
            "các huyện ủy, thị ủy, thành ủy",
            "các đảng ủy trực thuộc Tỉnh ủy",
        ),
    ),
    (
        "Các tỉnh uỷ, thành uỷ, ban đảng, ban cán sự đảng, đảng đoàn, đảng uỷ trực thuộc Trung ương nghiên cứu",
        (
            "Các tỉnh uỷ, thành uỷ",
            "các ban đảng",
            "các ban cán sự đảng",
            "các đảng đoàn",
            "các đảng uỷ trực thuộc Trung ương",
        ),
    ),
    (
        "Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội lãnh đạo, chỉ đạo",
        ("Mặt trận Tổ quốc Việt Nam", "các tổ chức chính trị - xã hội"),
    ),
    (
        "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh và thành phố trực thuộc "
        "trung ương "
        "tổ chức triển khai",
        (
            "Bộ trưởng",
            "Thủ trưởng cơ quan ngang bộ",
            "Chủ tịch Ủy ban nhân dân các tỉnh và thành phố trực thuộc trung ương",
        ),
    ),
    (
        "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc "
        "Trung ương "
        "có trách nhiệm rà soát",
        (
            "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
            "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
        ),
    ),
    (
        "Đảng ở Thường trực Hội đồng Dân tộc, các Ủy ban của Quốc hội, lãnh đạo các cơ quan thuộc UBTVQH, các "
        "Đoàn đại "
        "biểu Quốc hội trong phạm vi nhiệm vụ",
        (
            "Đảng ở Thường trực Hội đồng Dân tộc",
            "các Ủy ban của Quốc hội",
            "lãnh đạo các cơ quan thuộc UBTVQH",
            "các Đoàn đại biểu Quốc hội",
        ),
    ),
    # introductions before the subject
    (
        "Định kỳ, Thường trực Ủy ban KH,CN&MT của Quốc hội chủ trì, phối hợp",
        ("Thường trực Ủy ban KH,CN&MT của Quốc hội",),
    ),
    (
        "Để thể chế hoá đầy đủ Nghị quyết số 57-NQ/TW, Đảng đoàn Quốc hội xác định các nhiệm vụ trọng tâm sau:",
        ("Đảng đoàn Quốc hội",),
    ),
    (
        "Trong quá trình tổ chức thực hiện, nếu thấy cần sửa đổi, bổ sung, các bộ, ngành, địa phương chủ động "
        "đề xuất",
        ("các bộ, ngành, địa phương",),
    ),
    # no subject: a verb opens the sentence, or the organs sit inside an enumeration
    ("Tổ chức học tập, quán triệt, đẩy mạnh công tác thông tin tuyên truyền", ()),
    ("Ban hành Chương trình phát triển công nghệ và công nghiệp chiến lược", ()),
    ("Chỉ đạo tăng cường công tác giám sát đối với hoạt động của các cơ quan Nhà nước", ()),
    ("Lãnh đạo, chỉ đạo xây dựng lực lượng Công an tỉnh", ()),
    ("Tham mưu Ban Thường vụ Tỉnh ủy ban hành, sửa đổi, bổ sung các quy chế", ()),
    ("Định kỳ đánh giá, công bố mức độ hoàn thành của cơ quan nhà nước, người đứng đầu và cán bộ", ()),
    ("Thành lập Ban Chỉ đạo Trung ương về phát triển khoa học", ()),
]


@pytest.mark.parametrize(("sentence", "organs"), SUBJECTS)
def test_subject_organs(sentence: str, organs: tuple[str, ...]) -> None:
    assert subject_organs(sentence) == organs


def test_subject_text_is_the_words_as_printed() -> None:
    text = "Các đảng đoàn, ban cán sự đảng, các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc Tỉnh ủy căn cứ …"
    assert (
        subject_text(text)
        == "Các đảng đoàn, ban cán sự đảng, các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc Tỉnh ủy"
    )
    assert subject_text("Chỉ đạo tăng cường công tác giám sát") is None


HEADINGS = [
    ("Đảng đoàn Hội đồng nhân dân tỉnh", ("Đảng đoàn Hội đồng nhân dân tỉnh",)),
    ("Ban cán sự đảng Ủy ban nhân dân tỉnh", ("Ban cán sự đảng Ủy ban nhân dân tỉnh",)),
    ("Ủy ban Kiểm tra Tỉnh ủy", ("Ủy ban Kiểm tra Tỉnh ủy",)),
    ("Bộ Tài nguyên và Môi trường:", ("Bộ Tài nguyên và Môi trường",)),
    ("Cục Biến đổi khí hậu có trách nhiệm:", ("Cục Biến đổi khí hậu",)),
    (
        "Ủy ban nhân dân các tỉnh và thành phố trực thuộc trung ương:",
        ("Ủy ban nhân dân các tỉnh và thành phố trực thuộc trung ương",),
    ),
    (
        "Các Bộ: Công Thương, Giao thông vận tải, Xây dựng, Nông nghiệp và Phát triển nông thôn, Tài nguyên và "
        "Môi trường:",
        (
            "Bộ Công Thương",
            "Bộ Giao thông vận tải",
            "Bộ Xây dựng",
            "Bộ Nông nghiệp và Phát triển nông thôn",
            "Bộ Tài nguyên và Môi trường",
        ),
    ),
    ("Tổ đảng ở Thường trực Ủy ban KH,CN&MT", ("Tổ đảng ở Thường trực Ủy ban KH,CN&MT",)),
    ("Tổ đảng ở Thường trực Ủy ban Tài chính, Ngân sách", ("Tổ đảng ở Thường trực Ủy ban Tài chính, Ngân sách",)),
    ("Lãnh đạo Ban Dân nguyện", ("Lãnh đạo Ban Dân nguyện",)),
    ("Các Đoàn đại biểu Quốc hội, các đại biểu Quốc hội", ("Các Đoàn đại biểu Quốc hội", "các đại biểu Quốc hội")),
    ("Văn phòng Trung ương Đảng chủ trì, phối hợp với Bộ Khoa học và Công nghệ:", ("Văn phòng Trung ương Đảng",)),
    (
        "Các cấp ủy, tổ chức đảng, các cơ quan nhà nước, Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - "
        "xã hội của "
        "tỉnh tập trung lãnh đạo, chỉ đạo thực hiện các nhiệm vụ trọng tâm sau:",
        (
            "Các cấp ủy",
            "các tổ chức đảng",
            "các cơ quan nhà nước",
            "Mặt trận Tổ quốc Việt Nam",
            "các tổ chức chính trị - xã hội của tỉnh",
        ),
    ),
    ("NHIỆM VỤ CHỦ YẾU CỦA BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG", ("Bộ tài nguyên và môi trường",)),
    # topic headings and sentences assign nobody
    ("Tổ chức học tập, quán triệt, đẩy mạnh công tác thông tin tuyên truyền", ()),
    ("Tăng cường công tác kiểm tra, giám sát việc thực hiện Nghị quyết", ()),
    ("NỘI DUNG TRIỂN KHAI THỰC HIỆN", ()),
    ("GÓP Ý KIẾN ĐỐI VỚI DỰ THẢO BÁO CÁO CỦA VĂN PHÒNG TRUNG ƯƠNG", ()),
    ("Bộ Công Thương chủ trì, phối hợp với các cơ quan liên quan rà soát cơ sở pháp lý.", ()),
    ("Các bộ, cơ quan ngang bộ có trách nhiệm rà soát các chương trình, kế hoạch hành động.", ()),
]


@pytest.mark.parametrize(("heading", "organs"), HEADINGS)
def test_heading_organs(heading: str, organs: tuple[str, ...]) -> None:
    assert heading_organs(heading) == organs


COORDINATES = [
    ("Ban Tuyên giáo Đảng ủy Khối phối hợp với các Ban của Đảng ủy Khối tham mưu", ("các Ban của Đảng ủy Khối",)),
    (
        "Chủ trì, phối hợp với Bộ Tài nguyên và Môi trường, các cơ quan liên quan và các địa phương có rừng xác "
        "định",
        ("Bộ Tài nguyên và Môi trường", "các cơ quan liên quan", "các địa phương có rừng"),
    ),
    (
        "Chủ trì, phối hợp với Bộ Thông tin và Truyền thông, các cơ quan thông tấn, báo chí thực hiện tuyên "
        "truyền",
        ("Bộ Thông tin và Truyền thông", "các cơ quan thông tấn, báo chí"),
    ),
    (
        "Bộ Tài chính chủ trì, phối hợp chặt chẽ với Bộ Tài nguyên và Môi trường, các bộ, cơ quan liên quan "
        "hoàn thiện",
        ("Bộ Tài nguyên và Môi trường", "các bộ, cơ quan liên quan"),
    ),
    (
        "Phối hợp với Ủy ban Kiểm tra Tỉnh ủy, Ban Nội chính Tỉnh ủy và các cơ quan liên quan tham mưu",
        ("Ủy ban Kiểm tra Tỉnh ủy", "Ban Nội chính Tỉnh ủy", "các cơ quan liên quan"),
    ),
    (
        "Ban cán sự đảng Chính phủ lãnh đạo …; phối hợp với Đảng đoàn Quốc hội thể chế hoá đầy đủ các chủ trương",
        ("Đảng đoàn Quốc hội",),
    ),
    ("Phối hợp lãnh đạo, chỉ đạo Ủy ban Mặt trận Tổ quốc Việt Nam", ()),  # no ``với``: nobody to coordinate with
    # a later sentence with its own subject is another organ's duty
    ("Các cấp ủy căn cứ Nghị quyết xây dựng kế hoạch. Cấp ủy các chi phối hợp với lãnh đạo cơ quan chỉ đạo.", ()),
]


@pytest.mark.parametrize(("text", "organs"), COORDINATES)
def test_coordinate_organs(text: str, organs: tuple[str, ...]) -> None:
    assert coordinate_organs(text) == organs


REPORTS = [
    (
        "tổng hợp báo cáo Ban Thường vụ Tỉnh ủy và Ban Tuyên giáo Tỉnh ủy và Ban Thường vụ Tỉnh ủy.",
        ("Ban Thường vụ Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"),
        (),
        None,
    ),
    (
        "xây dựng kế hoạch …, gửi về Ban Thường vụ Đảng ủy Khối (qua Ban Tuyên giáo Đảng ủy Khối) trước ngày "
        "30/7/2023.",
        ("Ban Thường vụ Đảng ủy Khối",),
        ("Ban Thường vụ Đảng ủy Khối",),
        "Ban Tuyên giáo Đảng ủy Khối",
    ),
    ("định kỳ báo cáo, tham mưu Ban Thường vụ Tỉnh ủy chỉ đạo sơ kết", ("Ban Thường vụ Tỉnh ủy",), (), None),
    (
        "định kỳ 6 tháng báo cáo kết quả với Ban Chỉ đạo Trung ương và Bộ Chính trị để chỉ đạo.",
        ("Ban Chỉ đạo Trung ương", "Bộ Chính trị"),
        (),
        None,
    ),
    (
        "định kỳ sơ kết, tổng kết, báo cáo Bộ Chính trị, Ban Bí thư kết quả thực hiện",
        ("Bộ Chính trị", "Ban Bí thư"),
        (),
        None,
    ),
    ("tổng hợp, báo cáo Bộ trưởng về kết quả triển khai thực hiện.", ("Bộ trưởng",), (), None),
    ("báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 9 năm 2024.", ("Thủ tướng Chính phủ",), (), None),
    ("đội ngũ báo cáo viên, tuyên truyền viên tăng cường tuyên truyền", (), (), None),
]


@pytest.mark.parametrize(("text", "reports", "submit", "via"), REPORTS)
def test_report_targets(text: str, reports: tuple[str, ...], submit: tuple[str, ...], via: str | None) -> None:
    assert report_targets(text) == (reports, submit, via)


CELLS = [
    (
        "Ban Tuyên giáo Trung ương; các bộ, ngành, địa phương; VTV, VOV, TTXVN",
        ("Ban Tuyên giáo Trung ương", "các bộ, ngành, địa phương", "VTV", "VOV", "TTXVN"),
    ),
    (
        "Bộ Thông tin và Truyền thông Bộ Khoa học và Công nghệ",
        ("Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ"),
    ),
    (
        "Bộ Lao động - Thương binh và Xã hội,Thanh tra Chính phủ, các bộ, ngành và địa phương",
        ("Bộ Lao động - Thương binh và Xã hội", "Thanh tra Chính phủ", "các bộ, ngành và địa phương"),
    ),
    (
        "Vụ Pháp chế và các đơn vị có liên quan thuộc Bộ TN&MT.",
        ("Vụ Pháp chế", "các đơn vị có liên quan thuộc Bộ TN&MT"),
    ),
    ("Bộ Văn hóa, Thể thao và Du lịch", ("Bộ Văn hóa, Thể thao và Du lịch",)),
    (
        "Bộ Giao thông vận tải, Ngân hàng nhà nước Việt Nam",
        ("Bộ Giao thông vận tải", "Ngân hàng nhà nước Việt Nam"),
    ),
    ("Các bộ, ngành, địa phương", ("Các bộ, ngành, địa phương",)),
    ("Cục Biến đổi khí hậu", ("Cục Biến đổi khí hậu",)),
    ("", ()),
]


@pytest.mark.parametrize(("cell", "organs"), CELLS)
def test_split_organs(cell: str, organs: tuple[str, ...]) -> None:
    assert split_organs(cell) == organs


HEADING = Assignment(lead=("Văn phòng Tỉnh ủy",))
ASSIGNMENTS = [
    # its own subject leads
    (
        "Bộ Công Thương chủ trì, phối hợp với các cơ quan liên quan rà soát",
        HEADING,
        ("Bộ Công Thương",),
        ("các cơ quan liên quan",),
        False,
    ),
    (
        "Ban Tuyên giáo Đảng ủy Khối phối hợp với các Ban của Đảng ủy Khối tham mưu",
        None,
        ("Ban Tuyên giáo Đảng ủy Khối",),
        ("các Ban của Đảng ủy Khối",),
        False,
    ),
    # ``Chủ trì, phối hợp với X`` / ``Phối hợp với X`` without a subject: the heading organ leads
    (
        "Chủ trì, phối hợp với các cấp ủy, tổ chức đảng triển khai ứng dụng công nghệ thông tin",
        HEADING,
        ("Văn phòng Tỉnh ủy",),
        ("các cấp ủy", "các tổ chức đảng"),
        True,
    ),
    (
        "Phối hợp với Ủy ban Kiểm tra Tỉnh ủy, Ban Nội chính Tỉnh ủy và các cơ quan liên quan tham mưu",
        HEADING,
        ("Văn phòng Tỉnh ủy",),
        ("Ủy ban Kiểm tra Tỉnh ủy", "Ban Nội chính Tỉnh ủy", "các cơ quan liên quan"),
        True,
    ),
    ("Chỉ đạo tăng cường công tác giám sát", HEADING, ("Văn phòng Tỉnh ủy",), (), True),
    # a lead-in's coordinators carry to items that name none
    (
        "Nghiên cứu, thống nhất phương án kết nối",
        Assignment(("Văn phòng Trung ương Đảng",), ("Bộ Khoa học và Công nghệ",)),
        ("Văn phòng Trung ương Đảng",),
        ("Bộ Khoa học và Công nghệ",),
        True,
    ),
    ("Chỉ đạo tăng cường công tác giám sát", None, (), (), False),
]


@pytest.mark.parametrize(("text", "inherited", "lead", "coordinate", "flag"), ASSIGNMENTS)
def test_parse_assignment(
    text: str, inherited: Assignment | None, lead: tuple[str, ...], coordinate: tuple[str, ...], flag: bool
) -> None:
    roles = parse_assignment(text, inherited)
    assert (roles.lead, roles.coordinate, roles.inherited) == (lead, coordinate, flag)


def test_scan_reports_spans_and_where_the_names_end() -> None:
    text = "Ban Nội chính Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan"
    items, end = scan_organs(text)
    assert [(i.text, i.head, i.determiner, i.bare) for i in items] == [
        ("Ban Nội chính Tỉnh ủy", "ban", False, False)
    ]
    assert text[end:].startswith("chủ trì") and starts_with_verb(text[end:])
    assert scan_organs("Tổ chức thực hiện") == ([], 0)


def test_group_names_keeps_collective_phrases_together() -> None:
    items, _ = scan_organs("các bộ, ngành, địa phương, các tỉnh ủy, thành ủy chủ động", lenient=True)
    assert group_names(items) == ("các bộ, ngành, địa phương", "các tỉnh ủy, thành ủy")


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Giao Sở Tư pháp chủ trì, phối hợp với các sở, ngành liên quan theo dõi.", ("Sở Tư pháp",)),
        ("Ủy ban nhân dân tỉnh giao Sở Nội vụ chủ trì tổ chức thực hiện.", ("Sở Nội vụ",)),
        (
            "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp tuyên truyền.",
            ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",),
        ),
        ("Thủ tướng Chính phủ yêu cầu:", ("Thủ tướng Chính phủ",)),  # nobody charged: the subject stays
    ],
)
def test_the_organ_charged_with_a_duty_leads_it(text: str, lead: tuple[str, ...]) -> None:
    assert parse_assignment(text).lead == lead
