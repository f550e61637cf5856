"""loaders.extract.citations: implemented vs cited documents, short names, chains and the cascade parent.

Preambles are written wrapped over several lines, as the documents print them; ``normalize`` joins them.
"""

from __future__ import annotations

import pytest

from loaders.extract.citations import Citations, cascade_parent, extract_citations
from loaders.extract.segment import segment
from loaders.record import Citation
from loaders.text.normalize import normalize


def cite(
    preamble: str,
    *,
    title: str = "về X",
    body: str = "",
    own: str | None = "1-KH/ĐUK",
    province: str = "Bình Định",
) -> Citations:
    text = (
        f"Số {own or ''}\n\nKẾ HOẠCH\n\n{title}\n\n{preamble}\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n{body}\n\nII. NHIỆM VỤ\n"
    )
    return extract_citations(segment(normalize(text)), own, province)


def numbers(found: tuple[Citation, ...]) -> list[str | None]:
    return [c.number or c.title for c in found]


BLOC = """Thực hiện Kế hoạch số 60-KH/TU ngày 24/5/2023 của Ban Thường vụ Tỉnh ủy về thực hiện
Nghị quyết số 27-NQ/TW ngày 09/11/2022 của Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục
xây dựng Nhà nước (viết tắt là Nghị quyết số 27-NQ/TW), Ban Thường vụ Đảng ủy Khối xây dựng
Kế hoạch như sau:"""


def test_implements_with_date_issuer_and_description() -> None:
    c = cite(
        BLOC, title="thực hiện Nghị quyết số 27-NQ/TW ngày 09/11/2022 của Ban Chấp hành Trung ương Đảng khóa XIII"
    )
    assert numbers(c.implements) == ["27-NQ/TW", "60-KH/TU"]
    plan = c.implements[1]
    assert (plan.type, plan.date, plan.issuer) == ("KH", "2023-05-24", "Ban Thường vụ Tỉnh ủy Bình Định")
    assert c.implements[0].issuer == "Ban Chấp hành Trung ương Đảng khóa XIII"
    assert ("60-KH/TU", "27-NQ/TW") in c.chains and c.cascade_parent == "60-KH/TU"
    assert c.aliases["nghi quyet so 27-nq/tw"] == "27-NQ/TW"


PROVINCE = """Thực hiện Nghị quyết số 27-NQ/TW ngày 09/11/2022 của Ban Chấp hành Trung ương Đảng
(khóa XIII) về tiếp tục xây dựng (sau đây viết tắt là Nghị quyết 27) và Kế hoạch số 11-KH/TW
ngày 28/11/2022 của Bộ Chính trị về thực hiện Nghị quyết 27, Ban Thường vụ Tỉnh ủy ban hành
Kế hoạch như sau:"""


def test_listed_documents_and_short_names() -> None:
    c = cite(PROVINCE)
    assert numbers(c.implements) == ["27-NQ/TW", "11-KH/TW"]
    assert c.implements[0].issuer == "Ban Chấp hành Trung ương Đảng khóa XIII"
    assert c.aliases["nghi quyet 27"] == "27-NQ/TW" and ("11-KH/TW", "27-NQ/TW") in c.chains
    assert c.cascade_parent == "11-KH/TW" and c.cites == ()


LAWS = """Thực hiện Luật Phổ biến, giáo dục pháp luật năm 2012; Luật Hòa giải ở cơ sở năm 2013; Quyết định
số 25/2021/QĐ-TTg ngày 22/7/2021 của Thủ tướng Chính phủ quy định về xã. Ủy ban nhân dân tỉnh ban hành
Kế hoạch như sau:"""
LAWS_PURPOSE = """- Tiếp tục triển khai Kết luận số 80-KL/TW ngày 20/6/2020 của Ban Bí thư về tiếp tục thực hiện
Chỉ thị số 32-CT/TW ngày 09/12/2003 của Ban Bí thư về tăng cường."""


def test_semicolon_list_and_laws_without_number() -> None:
    c = cite(LAWS, body=LAWS_PURPOSE)
    assert numbers(c.implements) == [
        "Luật Phổ biến, giáo dục pháp luật năm 2012",
        "Luật Hòa giải ở cơ sở năm 2013",
        "25/2021/QĐ-TTg",
        "80-KL/TW",
    ]
    assert numbers(c.cites) == ["32-CT/TW"]  # named by 80-KL/TW's description, not carried out here
    assert c.cascade_parent == "25/2021/QĐ-TTg"  # the purpose section gives implements, not the parent


LETTER = """Văn phòng Trung ương Đảng có văn bản số 15000-CV/VPTW ngày 23 tháng 5 năm 2025 gửi Đảng ủy
Chính phủ đề nghị cho ý kiến đối với dự thảo Báo cáo về tình hình triển khai thực hiện Nghị quyết
số 57-NQ/TW của Bộ Chính trị."""


def test_reporting_is_not_implementing() -> None:
    c = cite(LETTER, title="V/v xin ý kiến dự thảo báo cáo kết quả thực hiện Nghị quyết số 57-NQ/TW")
    assert c.implements == () and c.cascade_parent is None
    assert numbers(c.cites) == ["57-NQ/TW", "15000-CV/VPTW"]
    assert c.cites[1].issuer == "Văn phòng Trung ương Đảng" and c.cites[1].date == "2025-05-23"


CONCLUSION = """Để tiếp tục thực hiện tốt Nghị quyết số 20-NQ/TW gắn với Nghị quyết Đại hội lần thứ XIII của
Đảng, Nghị quyết số 29-NQ/TW của Hội nghị Trung ương lần thứ sáu khoá XIII về X, Nghị quyết số
45-NQ/TW về Y, Bộ Chính trị yêu cầu:"""


def test_relation_words_end_the_list() -> None:
    c = cite(CONCLUSION, own="69-KL/TW")
    assert numbers(c.implements) == ["20-NQ/TW"] and numbers(c.cites) == ["29-NQ/TW", "45-NQ/TW"]


def test_own_number_is_not_a_citation() -> None:
    c = cite(
        "(Kèm theo Nghị quyết số 03/NQ-CP ngày 09 tháng 01 năm 2025 của Chính phủ) Căn cứ Nghị quyết số "
        "57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị;",
        own="03/NQ-CP",
    )
    assert numbers(c.implements) == ["57-NQ/TW"] and c.cites == ()


PLAN = """Thực hiện Nghị quyết số 77/NQ-CP ngày 12/5/2023 của Chính phủ ban hành Chương trình hành động
thực hiện Nghị quyết số 27-NQ/TW ngày 09/11/2022, UBND tỉnh ban hành Kế hoạch như sau:"""
PLAN_TITLE = "TRIỂN KHAI CHƯƠNG TRÌNH CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 27-NQ/TW NGÀY 09/12/2022"
PLAN_PURPOSE = """- Thực hiện Nghị quyết số 27-NQ/TW ngày 09/11/2022. Ban hành Nghị định 88/NĐ-CP và Nghị
định số 88/2025/NĐ-CP."""


def test_date_vote_and_two_printings_of_one_state_symbol() -> None:
    c = cite(PLAN, title=PLAN_TITLE, body=PLAN_PURPOSE, own="1902/KH-UBND", province="Phú Thọ")
    twenty_seven = next(x for x in c.implements if x.number == "27-NQ/TW")
    assert twenty_seven.date == "2022-11-09"  # two printings against one in the title
    assert c.cascade_parent == "77/NQ-CP"
    assert numbers(c.cites) == ["88/2025/NĐ-CP"]


CENTRAL = Citation("27-NQ/TW", "NQ", issuer="Ban Chấp hành Trung ương Đảng")
POLITBURO_PLAN = Citation("11-KH/TW", "KH", issuer="Bộ Chính trị")


@pytest.mark.parametrize(
    ("candidates", "chains", "expected"),
    [
        ([CENTRAL, POLITBURO_PLAN], (), "11-KH/TW"),
        ([Citation("27-NQ/TW", "NQ"), Citation("60-KH/TU", "KH")], (), "60-KH/TU"),
        ([Citation("27-NQ/TW", "NQ"), Citation("77/NQ-CP", "NQ")], (), "77/NQ-CP"),
        ([Citation("1-KH/TU", "KH"), Citation("2-KH/TU", "KH")], (), None),  # parallel bases
        ([Citation("1-KH/TU", "KH"), Citation("2-KH/TU", "KH")], (("2-KH/TU", "1-KH/TU"),), "2-KH/TU"),
        ([Citation(None, "Luật", title="Luật Tổ chức Chính phủ")], (), None),
        ([], (), None),
    ],
)
def test_cascade_parent(
    candidates: list[Citation], chains: tuple[tuple[str, str], ...], expected: str | None
) -> None:
    assert cascade_parent(candidates, chains) == expected


@pytest.mark.parametrize(
    ("own_issuer", "implements"),
    [
        ("Ban Thường vụ Thị ủy Bình Hiệp", ["120-KH/TU"]),  # the Tỉnh ủy's plan, numbered like this one
        ("Ban Thường vụ Tỉnh ủy Bình Định", []),  # the document naming itself
        (None, []),  # no issuer known: a mention of the own number is the document itself, as before
    ],
)
def test_a_document_with_its_own_number_from_another_issuer_is_cited(
    own_issuer: str | None, implements: list[str]
) -> None:
    preamble = "Thực hiện Kế hoạch số 120-KH/TU ngày 07/02/2023 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ ban hành:"
    text = f"Số 120-KH/TU\n\nKẾ HOẠCH\n\nvề X\n\n{preamble}\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n\n\nII. NHIỆM VỤ\n"
    found = extract_citations(segment(normalize(text)), "120-KH/TU", "Bình Định", own_issuer)
    assert numbers(found.implements) == implements
