"""Rules the corpus2 documents (real copies nobody tuned for) asked for, each as a table of (input, expected).

The inputs are sentences and short bodies in the forms those documents print: a decision's articles, an
inspection team's plan and report, a web page's flattened task table, a layout text's broken lines, a letter
that acts on the document it received.
"""

from __future__ import annotations

import pytest

from loaders.extract.body import parse_body
from loaders.extract.body.assignees import heading_organs, labelled_lead, lead_in_organs, parse_assignment
from loaders.extract.body.deadlines import parse_deadline
from loaders.extract.body.numbering import ARTICLE, parse_marker
from loaders.extract.body.tables import parse_task_table, regroup_cells
from loaders.extract.citations import extract_citations
from loaders.extract.segment import segment
from loaders.record import DocumentRecord
from loaders.review import review_record
from loaders.text.line import Line
from loaders.text.normalize import normalize


def lines(*texts: str) -> list[Line]:
    return [Line(n, t) for n, t in enumerate(texts, start=1)]


# --- organs and leads ------------------------------------------------------------------------------------------

HEADINGS = [
    ("Nhiệm vụ và quyền hạn của Đoàn kiểm tra", ("Đoàn kiểm tra",)),
    # the article's title run into its paragraph, which names the organ again
    ("Nhiệm vụ và quyền hạn của Đoàn kiểm tra Đoàn kiểm tra thực hiện nhiệm vụ theo quy định tại Điều 8",
     ("Đoàn kiểm tra",)),
    ("Trách nhiệm của các sở, ban, ngành:", ("các sở, ban, ngành",)),
    ("Giao Sở Xây dựng", ("Sở Xây dựng",)),
    ("Giao Sở Xây dựng chủ trì tổ chức hướng dẫn", ()),  # a duty, not a heading
    ("Nhiệm vụ của năm 2026 là tăng trưởng", ()),
]  # fmt: skip


@pytest.mark.parametrize(("heading", "organs"), HEADINGS)
def test_a_heading_that_names_whose_duties_follow_gives_the_lead(heading: str, organs: tuple[str, ...]) -> None:
    assert heading_organs(heading) == organs


LABELS = [
    ("Ông. Hoàng Văn Thuân - Trưởng đoàn: Phụ trách chung; chỉ đạo toàn diện", "Hoàng Văn Thuân - Trưởng đoàn"),
    ("Bà Nguyễn Thị Lan - Thư ký đoàn: Tổng hợp báo cáo", "Nguyễn Thị Lan - Thư ký đoàn"),
    ("Đối với đơn vị được kiểm tra: Chuẩn bị báo cáo bằng văn bản", "đơn vị được kiểm tra"),
    ("Đối với Đoàn kiểm tra: Các thành viên Đoàn thực hiện nghiêm túc", "Đoàn kiểm tra"),
    ("Đối với các cơ sở, công trình thuộc phạm vi quản lý: hướng dẫn chủ đầu tư", None),
    ("Về kho VLNCN: Tăng cường rà soát, bổ sung biển báo", None),
]


@pytest.mark.parametrize(("text", "lead"), LABELS)
def test_a_label_before_the_colon_names_who_does_the_duty(text: str, lead: str | None) -> None:
    assert labelled_lead(text) == lead
    assert parse_assignment(text).lead == ((lead,) if lead else ())


SUBJECTS = [
    (
        "Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường; người đứng đầu "
        "các cơ quan, đơn vị có liên quan chịu trách nhiệm triển khai",
        (
            "Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh",
            "Chủ tịch Ủy ban nhân dân các xã, phường",
            "người đứng đầu các cơ quan, đơn vị có liên quan",
        ),
    ),
    ("Giám đốc các sở, Ban Quản lý Khu kinh tế thực hiện", ("Giám đốc các sở", "Ban Quản lý Khu kinh tế")),
    (
        "Trên cơ sở Kế hoạch này, các sở, ban, ngành Tỉnh tổ chức thực hiện nhiệm vụ được giao; Ủy ban nhân dân "
        "các xã, phường căn cứ nhiệm vụ được giao, xây dựng kế hoạch cụ thể",
        ("các sở, ban, ngành Tỉnh", "Ủy ban nhân dân các xã, phường"),
    ),
    # a clause that only supports does not lead
    ("Sở Tài chính chủ trì thẩm định dự toán; Sở Nội vụ phối hợp rà soát biên chế", ("Sở Tài chính",)),
]


@pytest.mark.parametrize(("text", "leads"), SUBJECTS)
def test_lists_of_organs_and_clauses_with_their_own_subject_lead(text: str, leads: tuple[str, ...]) -> None:
    assert parse_assignment(text).lead == leads


def test_a_lead_in_charges_the_organs_it_asks_not_the_one_asking() -> None:
    text = "Để việc chấp hành được tốt hơn, Sở Công Thương yêu cầu đơn vị nêu trên thực hiện một số nội dung sau:"
    assert lead_in_organs(text) == ("đơn vị nêu trên",)


# --- body structure --------------------------------------------------------------------------------------------


def test_a_decisions_articles_are_its_top_level_and_their_own_words_are_no_tasks() -> None:
    assert (m := parse_marker("Điều 3. Nhiệm vụ và quyền hạn của Đoàn kiểm tra")) is not None
    assert (m.kind, m.label) == (ARTICLE, "Điều 3")
    assert parse_marker("Điều 6; khoản 5 Điều 9 Luật Bảo vệ dữ liệu cá nhân") is None
    body = parse_body(
        lines(
            "Điều 1. Thành lập Đoàn kiểm tra để kiểm tra việc chấp hành pháp luật.",
            "Điều 2. Nhiệm vụ và quyền hạn của Đoàn kiểm tra",
            "1. Xây dựng và trình Giám đốc Sở phê duyệt Kế hoạch kiểm tra chi tiết.",
            "2. Báo cáo kết quả kiểm tra cho Giám đốc Sở sau khi kết thúc đợt kiểm tra.",
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
        )
    )
    assert [(t.path, t.lead) for t in body.tasks] == [
        ("Điều 2.1", ("Đoàn kiểm tra",)),
        ("Điều 2.2", ("Đoàn kiểm tra",)),
    ]


def test_the_organs_a_lead_in_inside_an_item_charges_lead_its_points() -> None:
    body = parse_body(
        lines(
            "1. Kết quả kiểm tra",
            "- Các đơn vị cơ bản đã chấp hành tương đối tốt các quy định của pháp luật.",
            "2. Kiến nghị",
            "Để việc chấp hành tốt hơn, Sở Công Thương yêu cầu đơn vị nêu trên thực hiện một số nội dung sau:",
            "- Tiếp tục thực hiện giám sát việc lập hộ chiếu nổ mìn.",
            "- Về kho VLNCN: Tăng cường rà soát, bổ sung biển báo.",
        )
    )
    assert [t.lead for t in body.tasks if t.path.startswith("2.")] == [("đơn vị nêu trên",)] * 2


BROKEN = [
    # a heading broken after ``của``; its field lines are the item's roles and deadline
    (
        ("7. Xây dựng Quyết định của", "Thủ tướng Chính phủ ban hành Chương trình quốc gia",
         "- Cơ quan chủ trì: Bộ Công an.", "- Thời hạn ban hành: trước ngày 31 tháng 12 năm 2026."),
        "7", "Xây dựng Quyết định của Thủ tướng Chính phủ ban hành Chương trình quốc gia", ("Bộ Công an",),
        "2026-12-31",
    ),
    # a date broken from its ``trước ngày``
    (
        ("Giao Sở Công Thương chủ trì triển khai và báo cáo Ủy ban nhân dân tỉnh trước ngày", "15/4/2026."),
        "p1", "Giao Sở Công Thương chủ trì triển khai và báo cáo Ủy ban nhân dân tỉnh trước ngày 15/4/2026.",
        ("Sở Công Thương",), "2026-04-15",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("texts", "path", "text", "lead", "deadline"), BROKEN)
def test_a_line_the_copy_broke_mid_clause_runs_on(
    texts: tuple[str, ...], path: str, text: str, lead: tuple[str, ...], deadline: str
) -> None:
    task = next(t for t in parse_body(lines(*texts)).tasks if t.path == path)
    assert task.text.startswith(text) and task.lead == lead and task.deadline == deadline


# --- tables and deadlines --------------------------------------------------------------------------------------

FLAT = [
    "STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
    "I. NÂNG CAO NHẬN THỨC", "1", "Triển khai nền tảng đào tạo trực tuyến.", "Sở KH&CN", "Các sở, ban, ngành tỉnh",
    "Thường xuyên", "II. HOÀN THIỆN CƠ CHẾ", "2", "Xây dựng Bộ tiêu chí đánh giá.", "Sở KH&CN",
    "Các sở, ban, ngành tỉnh", "Quí IV-2025",
]  # fmt: skip


def test_a_table_flattened_to_one_cell_per_row_is_read_as_rows() -> None:
    rows = regroup_cells([(n, [cell]) for n, cell in enumerate(FLAT, start=1)])
    assert rows is not None
    found = parse_task_table(rows, prefix="PL", year_hint=2025)
    assert [(t.path, t.lead, t.deadline) for t in found.tasks] == [
        ("PL/1", ("Sở KH&CN",), None),
        ("PL/2", ("Sở KH&CN",), "2025-12-31"),
    ]
    assert regroup_cells([(1, ["a"]), (2, ["b", "c"]), (3, ["d"]), (4, ["e"])]) is None


QUARTERS = [("Quí IV-2025", "2025-12-31"), ("Quý II/2023", "2023-06-30"), ("quý I năm 2026", "2026-03-31")]


@pytest.mark.parametrize(("phrase", "day"), QUARTERS)
def test_quarters_in_every_spelling(phrase: str, day: str) -> None:
    found = parse_deadline(phrase)
    assert found.date is not None and found.date.isoformat() == day


# --- citations -------------------------------------------------------------------------------------------------


def cite(text: str, own: str) -> tuple[list[str | None], str | None, list[str | None]]:
    c = extract_citations(segment(normalize(text)), own, "Lào Cai")
    return [x.number for x in c.implements], c.cascade_parent, [x.number for x in c.cites]


REPORT = """Số: 1894/TB-SCT

THÔNG BÁO

Kết quả kiểm tra

Thực hiện Quyết định số 1050/QĐ-SCT ngày 06/3/2026 của Giám đốc Sở
Công Thương về việc tiến hành kiểm tra trên địa bàn tỉnh và Kế hoạch kiểm tra số 1105/KH-ĐKT ngày
10/3/2026 đã được Giám đốc Sở Công Thương phê duyệt tại Quyết định số 1268/QĐ-SCT ngày 16/3/2026. Sở
Công Thương thông báo kết quả như sau:

1. Kết quả kiểm tra
"""
BASES = """Số: 1/QĐ-SCT

QUYẾT ĐỊNH

Về việc kiểm tra

Căn cứ Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15 ngày 29 tháng 11 năm 2024;

Căn cứ Nghị định số 71/2019/NĐ-CP ngày 30/8/2019 của Chính phủ quy định về xử phạt vi phạm hành chính được sửa
đổi, bổ sung tại Nghị định số 17/2022/NĐ-CP ngày 31/01/2022 của Chính phủ;

QUYẾT ĐỊNH:

Điều 1. Thành lập Đoàn kiểm tra.
"""
ISSUED = """Số: 2265/BCT-ATMT

V/v triển khai thực hiện thủ tục cấp Giấy phép vận chuyển hàng hóa nguy hiểm

Kính gửi: Ủy ban nhân dân các tỉnh, thành phố

Ngày 25 tháng 3 năm 2026, Bộ Công Thương ban hành Thông tư số 15/2026/TT-BCT ngày 25 tháng 3 năm 2026 về việc
sửa đổi, bổ sung một số điều của Thông tư số 38/2025/TT-BCT, cụ thể:

- Khoản 2 Điều 3 của Thông tư quy định phân cấp.
"""
RECEIVED = """Số: 2496/UBND-KT

V/v triển khai thực hiện thủ tục cấp Giấy phép vận chuyển hàng hoá nguy hiểm

Kính gửi: Sở Công Thương.

Uỷ ban nhân dân tỉnh nhận được Văn bản số 2265/BCT-ATMT ngày 02/4/2026 của Bộ Công Thương về việc triển khai
thực hiện thủ tục cấp Giấy phép; việc này, Chủ tịch UBND tỉnh có ý kiến như sau:

Giao Sở Công Thương chủ trì triển khai thực hiện.
"""
CITATIONS = [
    # a plan named with words between its type and its number; what approved it is only cited
    (REPORT, "1894/TB-SCT", ["1050/QĐ-SCT", "1105/KH-ĐKT"], "1105/KH-ĐKT", ["1268/QĐ-SCT"]),
    # a law's own number and the act that amends a basis share its role
    (BASES, "1/QĐ-SCT", ["55/2024/QH15", "71/2019/NĐ-CP", "17/2022/NĐ-CP"], None, []),
    # a letter acting on the document it announces or received
    (ISSUED, "2265/BCT-ATMT", ["15/2026/TT-BCT"], "15/2026/TT-BCT", ["38/2025/TT-BCT"]),
    (RECEIVED, "2496/UBND-KT", ["2265/BCT-ATMT"], "2265/BCT-ATMT", []),
]


@pytest.mark.parametrize(("text", "own", "implements", "parent", "cites"), CITATIONS)
def test_what_a_preamble_says_the_document_carries_out(
    text: str, own: str, implements: list[str], parent: str | None, cites: list[str]
) -> None:
    found, chosen, cited = cite(text, own)
    assert [n for n in found if n] == implements and chosen == parent and cited == cites


def test_a_plan_announcing_a_document_is_not_a_letter_acting_on_it() -> None:
    plan = ISSUED.replace("V/v triển khai thực hiện", "V/v báo cáo tình hình")
    assert cite(plan, "2265/BCT-ATMT")[0] == []


# --- review ----------------------------------------------------------------------------------------------------


def test_lines_ocr_was_unsure_of_are_a_reason_to_review() -> None:
    warnings = (
        "OCR unsure (44%) p.1 (364,245)-(734,320): sẽ,” 6 ŸBCT-ATMT „ )",
        "OCR unsure (58%) p.2 (10,10)-(20,20): Hà Nội, ngàyô)",
    )
    record = review_record(DocumentRecord("scan.pdf", "0", number="1/BCT", date="2026-04-02", warnings=warnings))
    assert record.review[-1] == "dòng OCR độ tin cậy thấp: 2 dòng, thấp nhất 44% ở trang 1 «sẽ,” 6 ŸBCT-ATMT „ )»"
    clean = review_record(DocumentRecord("scan.pdf", "0", number="1/BCT", date="2026-04-02"))
    assert not any(r.startswith("dòng OCR") for r in clean.review) and record.confidence < clean.confidence


# --- OCR copies ------------------------------------------------------------------------------------------------


def test_an_ocr_roman_one_before_an_arabic_two_is_item_one_and_a_page_footer_is_dropped() -> None:
    body = parse_body(
        lines(
            "I. Tổ chức tuyên truyền, phổ biến nội dung của Nghị định số",
            "178/2026/NĐ-CP tới các cơ quan, đơn vị có liên quan.",
            "2. Chỉ đạo thực hiện rà soát, thống kê toàn bộ tài sản kết cấu hạ tầng do",
            "Trang 2 đơn vị, doanh nghiệp đang quản lý.",
            "3. Đối với các Bộ quản lý chuyên ngành (theo quy định tại khoản 5 Điều 3",
            "Nghị định số 178/2026/NĐ-CP)",
            "a) Công bố danh mục tài sản kết cấu hạ tầng.",
        )
    )
    assert [(t.path, t.text, t.lead) for t in body.tasks] == [
        ("1", "Tổ chức tuyên truyền, phổ biến nội dung của Nghị định số 178/2026/NĐ-CP tới các cơ quan, đơn vị có "
              "liên quan.", ()),
        ("2", "Chỉ đạo thực hiện rà soát, thống kê toàn bộ tài sản kết cấu hạ tầng do đơn vị, doanh nghiệp đang "
              "quản lý.", ()),
        ("3.a", "Công bố danh mục tài sản kết cấu hạ tầng.", ("các Bộ quản lý chuyên ngành",)),
    ]  # fmt: skip
    assert any("read as 1" in w for w in body.warnings)


def test_a_roman_one_followed_by_roman_two_stays_a_part() -> None:
    parts = ("I. NHIỆM VỤ", "1. Tuyên truyền sâu rộng.", "II. TỔ CHỨC THỰC HIỆN", "1. Sở Nội vụ chủ trì tổng hợp.")
    body = parse_body(lines(*parts))
    assert [t.path for t in body.tasks] == ["I.1", "II.1"]


def test_a_parenthesis_in_a_lead_in_does_not_hide_the_organs_it_charges() -> None:
    text = (
        "Bộ Tài chính đề nghị các Bộ, cơ quan ngang bộ (sau đây gọi là Bộ, cơ quan trung ương) và Ủy ban nhân dân "
        "các tỉnh tập trung chỉ đạo triển khai các nhiệm vụ trọng tâm sau:"
    )
    assert lead_in_organs(text) == ("các Bộ, cơ quan ngang bộ", "Ủy ban nhân dân các tỉnh")


def test_running_text_boxed_in_one_column_cells_is_read_as_text_not_a_table() -> None:
    body = parse_body(
        lines(
            "4. Yêu cầu Đảng uỷ Chính phủ chỉ đạo giải quyết các kiến nghị, hoàn thành trong năm 2025.",
            "| 5. Giao Ban Tổ chức Trung ương tiếp tục chủ trì đánh giá tình hình, báo cáo Bộ Chính trị. |",
            "| (Kèm theo Báo cáo số 565-BC/BTCTW). |",
        )
    )
    assert [(t.path[0], t.lead) for t in body.tasks] == [
        ("4", ("Đảng uỷ Chính phủ",)),
        ("5", ("Ban Tổ chức Trung ương",)),
    ]


def test_a_range_of_years_broken_at_its_dash_runs_on() -> None:
    body = parse_body(
        lines(
            "3. Hoàn thành việc điều chỉnh quy hoạch tỉnh thời kỳ 2021 -",
            "2030, tầm nhìn đến năm 2050 trong tháng 01/2026.",
            "4. Tổ chức rà soát toàn bộ các dự án trong khu, cụm công nghiệp.",
        )
    )
    assert (body.tasks[0].path, body.tasks[0].deadline) == ("3", "2026-01-31")
    assert body.tasks[0].text.endswith("thời kỳ 2021 - 2030, tầm nhìn đến năm 2050 trong tháng 01/2026.")
