"""Sub-plan orders: which sentences order units to issue a plan, to whom, by when, through whom."""

from __future__ import annotations

from datetime import date

import pytest

from loaders.extract.body.assignees import Assignment, parse_assignment
from loaders.extract.body.deadlines import Deadline
from loaders.extract.body.subplans import find_subplan, plan_clause
from loaders.record import SubplanRequirement

DUK_III_2 = (
    "Các cấp ủy chi, đảng bộ cơ sở căn cứ chức năng, nhiệm vụ, xây dựng kế hoạch tổ chức triển khai thực hiện có "
    "hiệu quả Nghị quyết số 27-NQ/TW và Kế hoạch này của Ban Thường vụ Đảng ủy Khối, gửi về Ban Thường vụ Đảng ủy "
    "Khối (qua Ban Tuyên giáo Đảng ủy Khối) trước ngày 30/7/2023."
)
TU_IV_1 = (
    "Các đảng đoàn, ban cán sự đảng, các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc Tỉnh ủy căn cứ Nghị "
    "quyết "
    "27, Kế hoạch số 11-KH/TW ngày 28/11/2022 của Bộ Chính trị và Kế hoạch này, trên cơ sở chức năng, nhiệm vụ, "
    "thẩm "
    "quyền và tình hình thực tế của cơ quan, đơn vị, địa phương mình chủ động xây dựng chương trình, kế hoạch để "
    "triển khai thực hiện Nghị quyết 27 (Hoàn thành trong quý II/2023)."
)


def order(
    text: str, kind: str = "organisation", inherited: Assignment | None = None, *, year_hint: int | None = None
) -> SubplanRequirement | None:
    roles = parse_assignment(text, inherited)
    return find_subplan("X", text, kind=kind, assignment=roles, line=1, year_hint=year_hint)


def test_seed_80_kh_duk_iii_2() -> None:
    found = order(DUK_III_2, year_hint=2023)
    assert found is not None
    assert found.units == ("Các cấp ủy chi, đảng bộ cơ sở",)
    assert found.group_text == "Các cấp ủy chi, đảng bộ cơ sở"
    assert (found.deadline, found.deadline_text) == ("2023-07-30", "trước ngày 30/7/2023")
    assert (found.submit_to, found.via) == ("Ban Thường vụ Đảng ủy Khối", "Ban Tuyên giáo Đảng ủy Khối")


def test_seed_60_kh_tu_iv_1_splits_the_collective_phrase() -> None:
    found = order(TU_IV_1, year_hint=2023)
    assert found is not None
    assert found.units == (
        "Các đảng đoàn",
        "các ban cán sự đảng",
        "các huyện ủy, thị ủy, thành ủy",
        "các đảng ủy trực thuộc Tỉnh ủy",
    )
    assert (
        found.group_text
        == "Các đảng đoàn, ban cán sự đảng, các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc Tỉnh ủy"
    )
    assert (found.deadline, found.deadline_text) == ("2023-06-30", "Hoàn thành trong quý II/2023")


ORDERS = [
    # (text, kind, inherited lead, units, deadline, via)
    (
        "Ban cán sự đảng Chính phủ lãnh đạo, chỉ đạo xây dựng chương trình hành động triển khai thực hiện Nghị "
        "quyết; "
        "phối hợp với Đảng đoàn Quốc hội thể chế hoá …, cơ bản hoàn thành trong năm 2025.",
        "organisation",
        None,
        ("Ban cán sự đảng Chính phủ",),
        None,
        None,
    ),  # the deadline belongs to the other clause
    (
        "Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội lãnh đạo, chỉ đạo xây dựng chương trình, "
        "kế hoạch "
        "hướng dẫn, vận động Nhân dân thực hiện Nghị quyết.",
        "organisation",
        None,
        ("Mặt trận Tổ quốc Việt Nam", "các tổ chức chính trị - xã hội"),
        None,
        None,
    ),
    (
        "Ban cán sự đảng Chính phủ chỉ đạo sửa đổi, bổ sung các văn bản dưới luật; chỉ đạo các bộ, ngành, địa "
        "phương "
        "trên cơ sở Nghị quyết xây dựng và tổ chức thực hiện các chương trình, kế hoạch hành động cụ thể.",
        "organisation",
        None,
        ("các bộ, ngành, địa phương",),
        None,
        "Ban cán sự đảng Chính phủ",
    ),
    (
        "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc "
        "Trung ương có "
        "trách nhiệm rà soát các chương trình, kế hoạch hành động đã ban hành để điều chỉnh, đồng bộ thống nhất "
        "với "
        "chương trình, kế hoạch hành động thực hiện Nghị quyết này, hoàn thành trong năm 2025.",
        "organisation",
        None,
        (
            "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
            "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
        ),
        "2025-12-31",
        None,
    ),
    # outside Tổ chức thực hiện: only with a deadline and the document the plan carries out
    (
        "Khẩn trương ban hành kế hoạch giảm nhẹ phát thải khí nhà kính cấp lĩnh vực theo quy định tại Nghị định "
        "số "
        "06/2022/NĐ-CP của Chính phủ và tổ chức thực hiện, hoàn thành trong Quý III năm 2024;",
        "task",
        Assignment(lead=("Bộ Công Thương", "Bộ Xây dựng")),
        ("Bộ Công Thương", "Bộ Xây dựng"),
        "2024-09-30",
        None,
    ),
]


@pytest.mark.parametrize(("text", "kind", "inherited", "units", "deadline", "via"), ORDERS)
def test_orders(
    text: str,
    kind: str,
    inherited: Assignment | None,
    units: tuple[str, ...],
    deadline: str | None,
    via: str | None,
) -> None:
    found = order(text, kind, inherited, year_hint=2024)
    assert found is not None
    assert (found.units, found.deadline, found.via) == (units, deadline, via)


NOT_ORDERS = [
    # a plan ordered in a task part without a deadline: a general duty, not an audited order
    (
        "Xây dựng kế hoạch, chương trình để thực hiện Nghị quyết 27 và thường xuyên kiểm tra, giám sát.",
        "task",
        Assignment(lead=("Các cấp ủy",)),
    ),
    # a topic programme, not a plan implementing a document
    (
        "Chủ trì, phối hợp với các cơ quan liên quan tham mưu xây dựng chương trình kiểm tra, giám sát của Ban "
        "Thường vụ "
        "Tỉnh ủy về việc thực hiện Nghị quyết 27 (Thực hiện từ năm 2023).",
        "task",
        Assignment(lead=("Ủy ban Kiểm tra",)),
    ),
    # supervising the issuing of plans is not an order to issue one
    (
        "Giám sát tại địa phương việc ban hành Kế hoạch triển khai và thực hiện Nghị quyết số 57-NQ/TW.",
        "organisation",
        Assignment(lead=("Các Đoàn đại biểu Quốc hội",)),
    ),
    # no plan at all
    (
        "Ban Nội chính Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan thường xuyên đôn đốc, theo dõi việc "
        "thực hiện "
        "Nghị quyết số 27 và Kế hoạch này.",
        "organisation",
        None,
    ),
    # no unit named
    ("Xây dựng kế hoạch triển khai Nghị quyết số 57-NQ/TW trước ngày 30/01/2025.", "organisation", None),
]


@pytest.mark.parametrize(("text", "kind", "inherited"), NOT_ORDERS)
def test_not_orders(text: str, kind: str, inherited: Assignment | None) -> None:
    assert order(text, kind, inherited, year_hint=2024) is None


def test_the_issuer_s_own_plan_is_not_an_order() -> None:
    text = "Xây dựng và ban hành Kế hoạch theo quy định tại Nghị định số 06/2022/NĐ-CP trước ngày 30/9/2024."
    roles = Assignment(lead=("Bộ Tài nguyên và Môi trường",), inherited=True)
    assert find_subplan("II.2", text, kind="task", assignment=roles, year_hint=2024) is not None
    assert find_subplan("II.2", text, kind="task", assignment=roles, year_hint=2024, own_duty=True) is None


def test_a_table_row_brings_its_deadline() -> None:
    roles = Assignment(lead=("Các bộ, ngành, địa phương",))
    text = "Xây dựng kế hoạch triển khai Chương trình hành động của Chính phủ."
    cell = Deadline(date(2025, 1, 31), "01/2025")
    found = find_subplan("PLII/7", text, kind="task", assignment=roles, deadline=cell)
    assert found is not None and (found.units, found.deadline, found.deadline_text) == (
        ("Các bộ, ngành, địa phương",),
        "2025-01-31",
        "01/2025",
    )
    assert find_subplan("PLII/92", "Xây dựng Kế hoạch nâng cao chất lượng dịch vụ công trực tuyến", kind="task",
                        assignment=roles, deadline=cell) is None  # fmt: skip


def test_plan_clause() -> None:
    found = plan_clause("Chỉ đạo rà soát pháp luật; xây dựng và tổ chức thực hiện kế hoạch thực hiện Nghị quyết.")
    assert found is not None and found[0].startswith("xây dựng") and found[1].group(0).endswith("kế hoạch")
    assert plan_clause("Giám sát việc ban hành Kế hoạch triển khai.") is None
