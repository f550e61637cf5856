"""Task tables: header roles, group and continuation rows, both layouts, appendix captions."""

from __future__ import annotations

import pytest

from loaders.extract.body.tables import appendix_id, header_roles, parse_task_table, read_cell_table, split_cells
from loaders.text.line import Line


def rows(*lines: str) -> list[tuple[int, list[str]]]:
    return [(no, split_cells(text)) for no, text in enumerate(lines, start=1)]


PHU_LUC_II = rows(
    "| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành |",
    "|  **I.** | Nâng cao nhận thức, đột phá về đổi mới tư duy |  |   |   |   |",
    "| 1.  |  Xây dựng, trình Thủ tướng Chính phủ ban hành chương trình tuyên truyền. | Bộ Thông tin và Truyền "
    "thông "
    "| Ban Tuyên giáo Trung ương; các bộ, ngành, địa phương; VTV, VOV, TTXVN | Quyết định của Thủ tướng Chính phủ "
    "| 6/2025 |",
    "| 7. | Xây dựng kế hoạch triển khai Chương trình hành động của Chính phủ. | Các bộ, ngành, địa phương |  "
    "| Kế hoạch của các bộ, ngành, địa phương | 01/2025 |",
    "| 42. | Đề án huy động hạ tầng viễn thông | Bộ Công an | Bộ Quốc phòng |  |  |",
    "|  **IV.** | Phát triển nhân lực |  |   |   | năm tiếp theo |",
    "| 110.  | Xây dựng giải pháp, công cụ để giám sát các cơ sở khám chữa bệnh; | Bộ Y tế  |  | Giải pháp | "
    "03/2025 |",
    "|   | Kết quả xét nghiệm; để cơ sở khám chữa bệnh khai thác thông tin | | nghiệp, Bộ Tài chính |  |  |",
    "| 140.  | Tích cực tham gia định hình các khuôn khổ | Bộ Khoa học và Công nghệ | Bộ Thông tin và Truyền "
    "thông "
    "| Các hoạt động | Thường xuyên |",
)


def test_pipe_table_rows_become_tasks() -> None:
    found = parse_task_table(PHU_LUC_II, prefix="PLII", year_hint=2025)
    got = {t.path: t for t in found.tasks}
    assert list(got) == ["PLII/1", "PLII/7", "PLII/42", "PLII/110", "PLII/140"]  # group rows I., IV. are labels
    one = got["PLII/1"]
    assert one.lead == ("Bộ Thông tin và Truyền thông",)
    assert one.coordinate == ("Ban Tuyên giáo Trung ương", "các bộ, ngành, địa phương", "VTV", "VOV", "TTXVN")
    assert (one.deadline, one.deadline_text, one.line) == ("2025-06-30", "6/2025", 3)
    assert (got["PLII/7"].lead, got["PLII/7"].deadline) == (("Các bộ, ngành, địa phương",), "2025-01-31")
    assert (got["PLII/42"].deadline, got["PLII/42"].deadline_text) == (None, None)
    assert (got["PLII/140"].deadline, got["PLII/140"].recurrence) == (None, "thường xuyên")


def test_a_row_without_tt_continues_the_text_above_and_nothing_else() -> None:
    task = {t.path: t for t in parse_task_table(PHU_LUC_II, prefix="PLII").tasks}["PLII/110"]
    assert task.text.endswith("Kết quả xét nghiệm; để cơ sở khám chữa bệnh khai thác thông tin")
    assert task.coordinate == ()  # the spilled fragment of another cell is not a coordinator
    assert task.deadline == "2025-03-31"


def test_kind_is_passed_through() -> None:
    assert {t.kind for t in parse_task_table(PHU_LUC_II, prefix="PLII", kind="organisation").tasks} == {
        "organisation"
    }


@pytest.mark.parametrize(
    ("header", "roles"),
    [
        (["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện/ hoàn thành"],
         {"tt": 0, "task": 1, "lead": 2, "coordinate": 3, "deadline": 4}),
        (["STT", "Nội dung công việc", "Chủ trì", "Phối hợp", "Thời hạn", "Sản phẩm"],
         {"tt": 0, "task": 1, "lead": 2, "coordinate": 3, "deadline": 4, "product": 5}),
        (["TT", "Nội dung", "Đơn vị thực hiện", "Thời gian"], {"tt": 0, "task": 1, "lead": 2, "deadline": 3}),
        (["TT", "Chỉ tiêu", "Đơn vị", "Kết quả", "Cơ quan chủ trì theo dõi, đánh giá"], None),  # targets
        (["TT", "NHIỆM VỤ", "KẾT QUẢ YÊU CẦU", "THỜI GIAN HOÀN THÀNH", "CƠ QUAN THỰC HIỆN", "TIẾN ĐỘ",
          "KẾT QUẢ HIỆN NAY"], None),  # a progress report
        (["BAN CHẤP HÀNH TRUNG ƯƠNG", "ĐẢNG CỘNG SẢN VIỆT NAM"], None),
    ],
)  # fmt: skip
def test_header_roles(header: list[str], roles: dict[str, int] | None) -> None:
    assert header_roles(header) == roles


def test_a_table_that_is_not_a_task_table_gives_nothing() -> None:
    assert (
        parse_task_table(rows("| Danh sách Luật trình Quốc hội |", "| Luật Nhà giáo |"), prefix="PL").tasks == ()
    )
    assert parse_task_table([], prefix="PL").tasks == ()


def test_one_cell_per_line_table() -> None:
    texts = ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "I", "Nhóm A",
             "1", "Xây dựng kế hoạch", "Bộ Y tế", "Bộ Công an", "6/2025",
             "2.", "Ban hành quy chế", "Bộ Tư pháp", "2026",  # the empty coordinate cell was left out
             "III. TỔ CHỨC THỰC HIỆN"]  # fmt: skip
    lines = [Line(n, t) for n, t in enumerate(texts, start=10)]
    read = read_cell_table(lines, 0)
    assert read is not None
    table, after = read
    assert lines[after].text == "III. TỔ CHỨC THỰC HIỆN"
    tasks = parse_task_table(table, prefix="PLI").tasks
    assert [(t.path, t.lead, t.coordinate, t.deadline, t.line) for t in tasks] == [
        ("PLI/1", ("Bộ Y tế",), ("Bộ Công an",), "2025-06-30", 17),
        ("PLI/2", ("Bộ Tư pháp",), (), "2026-12-31", 22),
    ]
    assert read_cell_table([Line(1, "TT"), Line(2, "Họ và tên")], 0) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("PHỤ LỤC II", "II"),
        ("PHỤ LỤC", ""),
        ("Phụ lục I", "I"),
        ("Phụ lục 1: DANH MỤC NHIỆM VỤ THỰC HIỆN NGHỊ QUYẾT 71/NQ-CP", "1"),
        ("PHỤ LỤC CÁC NHIỆM VỤ THỰC HIỆN KẾ HOẠCH", ""),
        ("Phụ lục kèm theo Kế hoạch này", None),
        ("(Kèm theo Chương trình hành động tại Nghị quyết số /NQ-CP)", None),
        ("Chi tiết tại Phụ lục 1", None),
    ],
)
def test_appendix_id(text: str, found: str | None) -> None:
    assert appendix_id(text) == found


def test_split_cells_drops_converter_markup() -> None:
    assert split_cells("|  **I.** | Nâng cao \\- nhận thức |  |") == ["I.", "Nâng cao - nhận thức", ""]


def test_a_pipe_table_numbers_its_rows_past_999() -> None:
    header = "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |"
    table = rows(header, *(f"| {i} | Nhiệm vụ {i} | Bộ Y tế | 2026 |" for i in (998, 999, 1000, 1001, 10000)))
    found = parse_task_table(table, prefix="PL")
    assert [t.path for t in found.tasks] == ["PL/998", "PL/999", "PL/1000", "PL/1001", "PL/10000"]
    assert found.warnings == ()


def test_a_cell_table_goes_past_999_but_a_year_alone_is_a_deadline() -> None:
    texts = ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành",
             "999", "Nhiệm vụ 999", "Bộ Y tế", "2026",
             "1000", "Nhiệm vụ 1000", "Bộ Tư pháp",  # the deadline cell left out: 2027 below is row 1000's
             "2027",
             "1001.", "Nhiệm vụ 1001", "Bộ Công an", "6/2026"]  # fmt: skip
    read = read_cell_table([Line(n, t) for n, t in enumerate(texts, start=1)], 0)
    assert read is not None
    tasks = parse_task_table(read[0], prefix="PL").tasks
    assert [(t.path, t.lead, t.deadline) for t in tasks] == [
        ("PL/999", ("Bộ Y tế",), "2026-12-31"),
        ("PL/1000", ("Bộ Tư pháp",), "2027-12-31"),
        ("PL/1001", ("Bộ Công an",), "2026-06-30"),
    ]
