"""The body parser: paths, kinds, leads, deadlines and sub-plan orders on the seeds, the corpus and small cases."""

from __future__ import annotations

import difflib
import functools
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from body_lines import SEEDS, file_lines, text_lines

from loaders.extract.body.outline import read_outline
from loaders.extract.body.parser import Body, parse_body
from loaders.record import TaskRecord
from loaders.text import fold
from loaders.text.line import Line
from tests.shared import CORPUS as CORPUS_DIR
from tests.shared import gold

SEED_80 = "000_a85277af82c186c2.txt"
SEED_60 = "001_0da2381aa2498f94.txt"
GOLD_SEEDS = gold("seeds")["documents"]
GOLD_CORPUS = gold("corpus")["documents"]
CORPUS = sorted(CORPUS_DIR.glob("*.txt"))


def gold(file: str) -> dict[str, Any]:
    return next(g for g in GOLD_SEEDS + GOLD_CORPUS if g["file"] == file)


@functools.cache
def parse(path: Path, day: str | None) -> Body:
    return parse_body(file_lines(path), document_date=date.fromisoformat(day) if day else None)


@pytest.fixture(scope="module")
def duk() -> Body:
    return parse(SEEDS / SEED_80, "2023-06-27")


@pytest.fixture(scope="module")
def tu() -> Body:
    return parse(SEEDS / SEED_60, "2023-05-24")


def tasks_by_path(body: Body) -> dict[str, TaskRecord]:
    return {t.path: t for t in body.tasks}


def contains(mine: str, theirs: str) -> bool:
    """The scorer's test: one name inside the other once accents, case and hyphens are folded."""
    a, b = fold(mine).replace("-", " "), fold(theirs).replace("-", " ")
    return a in b or b in a or difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


# --- the seeds -------------------------------------------------------------------------------------------


def test_80_kh_duk_sections_and_tasks(duk: Body) -> None:
    assert [s.path for s in duk.sections] == gold(SEED_80)["sections"]
    under_ii = [t.path for t in duk.tasks if t.path.startswith("II.")]
    assert under_ii == [f"II.1.p{n}" for n in (1, 2, 3)] + [f"II.2.p{n}" for n in range(1, 7)] + [
        f"II.3.p{n}" for n in (1, 2, 3)
    ] + ["II.4.p1", "II.4.p2"]
    assert len(under_ii) == gold(SEED_80)["task_count_under_II"]
    kinds = {t.path: t.kind for t in duk.tasks}
    assert (kinds["I.1"], kinds["II.2.p3"], kinds["III.1"]) == ("purpose", "task", "organisation")


def test_80_kh_duk_leads_as_the_text_says_them(duk: Body) -> None:
    t = tasks_by_path(duk)
    assert t["II.1.p1"].lead == ("Các cấp ủy cơ sở đảng trong Đảng bộ Khối",)
    assert t["II.4.p1"].lead == ("Ủy ban kiểm tra Đảng ủy Khối",)
    assert (t["III.1"].lead, t["III.1"].coordinate) == (
        ("Ban Tuyên giáo Đảng ủy Khối",),
        ("các Ban của Đảng ủy Khối",),
    )
    assert t["III.1"].reports_to == ("Ban Thường vụ Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy")
    assert (t["III.2"].lead, t["III.2"].deadline) == (("Các cấp ủy chi, đảng bộ cơ sở",), "2023-07-30")
    assert t["II.2.p6"].text.startswith("Tiếp tục thực hiện tốt các quyền con người")
    assert "theo Hiến pháp và pháp luật. Thực hiện đầy đủ" in t["II.2.p6"].text  # one paragraph over a page break


def test_80_kh_duk_subplan_order(duk: Body) -> None:
    (order,) = duk.subplan_requirements
    assert (order.path, order.units, order.deadline) == ("III.2", ("Các cấp ủy chi, đảng bộ cơ sở",), "2023-07-30")
    assert (order.submit_to, order.via, order.line) == (
        "Ban Thường vụ Đảng ủy Khối",
        "Ban Tuyên giáo Đảng ủy Khối",
        72,
    )


def test_60_kh_tu_sections_and_key_tasks(tu: Body) -> None:
    g = gold(SEED_60)
    assert [s.path for s in tu.sections] == g["sections"]
    key = [t for t in tu.tasks if t.path.startswith("II.")]
    assert [t.path for t in key] == [f"II.{n}" for n in range(1, 10)] and len(key) == g["key_tasks_II"]["count"]
    assert all(t.inherited and t.lead[0] == "Các cấp ủy" and "Mặt trận Tổ quốc Việt Nam" in t.lead for t in key)


def test_60_kh_tu_specific_tasks_follow_their_assignee_headings(tu: Body) -> None:
    for expected in gold(SEED_60)["specific_tasks_III"]:
        mine = [t for t in tu.tasks if t.path.startswith(expected["section"] + ".")]
        assert [t.recurrence for t in mine] == expected["deadlines"], expected["section"]
        assert all(contains(t.lead[0], expected["lead"]) and len(t.lead) == 1 for t in mine), expected["section"]
        assert all(t.kind == "task" and t.deadline is None for t in mine)
    assert sum(t.path.startswith("III.") for t in tu.tasks) == gold(SEED_60)["specific_task_count"]


def test_60_kh_tu_coordination_examples(tu: Body) -> None:
    t = tasks_by_path(tu)
    assert (t["III.8.p2"].lead, t["III.8.p2"].coordinate) == (
        ("Ủy ban Kiểm tra Tỉnh ủy",),
        ("các cơ quan liên quan",),
    )
    assert t["III.12.p2"].lead == ("Văn phòng Tỉnh ủy",) and t["III.12.p2"].inherited
    assert t["III.12.p2"].coordinate == (
        "Ủy ban Kiểm tra Tỉnh ủy",
        "Ban Nội chính Tỉnh ủy",
        "các cơ quan liên quan",
    )
    assert not t["III.4.p1"].inherited  # this bullet names its organ itself


def test_60_kh_tu_organisation_part(tu: Body) -> None:
    t = tasks_by_path(tu)
    monitoring = t["IV.2"]
    assert (monitoring.lead, monitoring.reports_to) == (("Ban Nội chính Tỉnh ủy",), ("Ban Thường vụ Tỉnh ủy",))
    assert (monitoring.recurrence, monitoring.kind) == ("định kỳ", "organisation")
    (order,) = tu.subplan_requirements
    assert (order.path, order.deadline, order.deadline_text) == (
        "IV.1",
        "2023-06-30",
        "Hoàn thành trong quý II/2023",
    )
    assert order.units == ("Các đảng đoàn", "các ban cán sự đảng", "các huyện ủy, thị ủy, thành ủy",
                           "các đảng ủy trực thuộc Tỉnh ủy")  # fmt: skip


# --- the corpus ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [*CORPUS, SEEDS / SEED_80, SEEDS / SEED_60], ids=lambda p: p.name[:24])
def test_every_file_parses(path: Path) -> None:
    body = parse(path, None)
    paths = [t.path for t in body.tasks]
    assert len(paths) == len(set(paths)) and len({s.path for s in body.sections}) == len(body.sections)
    assert all(t.kind in ("task", "purpose", "organisation") for t in body.tasks)


def _find(body: Body, sample: dict[str, Any]) -> TaskRecord | None:
    """The task at the sample's path if it opens with the sample's words, else the one that opens most like "
    "them."""
    want = fold(sample["starts"])

    def likeness(task: TaskRecord) -> float:
        return difflib.SequenceMatcher(None, fold(task.text)[: len(want)], want).ratio()

    same_path = tasks_by_path(body).get(sample["path"])
    if same_path is not None and likeness(same_path) >= 0.8:
        return same_path
    best = max(body.tasks, key=likeness, default=None)
    return best if best is not None and likeness(best) >= 0.8 else None


SAMPLES = [(g["file"], g.get("date"), s) for g in GOLD_CORPUS for s in g.get("tasks_sample", [])]


@pytest.mark.parametrize(("file", "day", "sample"), SAMPLES, ids=[f"{f[:12]}:{s['path']}" for f, _, s in SAMPLES])
def test_corpus_gold_tasks(file: str, day: str | None, sample: dict[str, Any]) -> None:
    task = _find(parse(CORPUS_DIR / file, day), sample)
    assert task is not None, sample["starts"]
    for name in sample.get("lead") or []:
        assert any(contains(mine, name) for mine in task.lead), (name, task.lead)
    if sample.get("deadline"):
        assert task.deadline == sample["deadline"]


ORDERS = [(g["file"], g.get("date"), r) for g in GOLD_CORPUS for r in g.get("subplan_requirements", [])]


@pytest.mark.parametrize(("file", "day", "order"), ORDERS, ids=[f"{f[:12]}:{r['path']}" for f, _, r in ORDERS])
def test_corpus_gold_subplan_orders(file: str, day: str | None, order: dict[str, Any]) -> None:
    found = {r.path: r for r in parse(CORPUS_DIR / file, day).subplan_requirements}
    assert order["path"] in found
    assert found[order["path"]].deadline == order.get("deadline")
    for unit in order["from_units"]:
        assert any(contains(mine, unit) for mine in found[order["path"]].units), unit


@pytest.mark.parametrize(
    ("file", "expected"),
    [(g["file"], g["task_count"]) for g in GOLD_CORPUS if g.get("task_count")]
    + [(g["file"], g["task_count_in_text"]) for g in GOLD_CORPUS if g.get("task_count_in_text")],
)
def test_corpus_task_counts(file: str, expected: int) -> None:
    body = parse(CORPUS_DIR / file, None)
    # the test lines hold the whole file: root paragraphs before the body are its header, not tasks
    counted = [t for t in body.tasks if t.kind != "purpose" and not re.fullmatch(r"p\d+", t.path)]
    assert len(counted) == expected


# --- conventions on small inputs -------------------------------------------------------------------------


def body_of(text: str, day: date | None = None) -> Body:
    return parse_body(text_lines(text), document_date=day)


def paths(body: Body) -> list[str]:
    return [t.path for t in body.tasks]


def test_a_heading_with_paragraphs_is_a_section_and_a_numbered_duty_is_a_task() -> None:
    body = body_of(
        "II- NHIỆM VỤ\n\n1. Tổ chức học tập, quán triệt\n\nCác cấp ủy tiếp tục tổ chức học tập.\n\n"
        "Quán triệt sâu sắc việc xây dựng Nhà nước pháp quyền.\n\nIII - TỔ CHỨC THỰC HIỆN\n\n"
        "1. Ban Tuyên giáo chủ trì, phối hợp với các cơ quan liên quan theo dõi, đôn đốc.\n\n"
        "2. Các cấp ủy căn cứ chức năng, nhiệm vụ tổ chức thực hiện."
    )
    assert [s.path for s in body.sections] == ["II", "II.1", "III", "III.1", "III.2"]
    assert paths(body) == ["II.1.p1", "II.1.p2", "III.1", "III.2"]
    assert [t.kind for t in body.tasks] == ["task", "task", "organisation", "organisation"]


def test_a_lone_bullet_marker_takes_the_next_line() -> None:
    lines = [Line(1, "III- NHIỆM VỤ"), Line(2, "1. Nâng cao nhận thức"), Line(3, "-"),
             Line(4, "Các cấp uỷ, tổ chức đảng cần nhận thức đầy đủ tầm quan trọng."),
             Line(5, "- Có chương trình tuyên truyền, giáo dục hiệu quả.")]  # fmt: skip
    body = parse_body(lines)
    assert [(t.path, t.line) for t in body.tasks] == [("III.1.p1", 3), ("III.1.p2", 5)]
    assert body.tasks[0].lead == ("Các cấp uỷ", "các tổ chức đảng")


def test_second_level_points_belong_to_their_bullet() -> None:
    text = "III. NHIỆM VỤ\n\n1. Tuyên truyền\n\n- Tổ chức hội nghị quán triệt:\n+ Cấp tỉnh\n+ Cấp huyện\n\n"
    text += "- Biên soạn."
    body = body_of(text)
    assert [(t.path, t.text) for t in body.tasks] == [
        ("III.1.p1", "Tổ chức hội nghị quán triệt: + Cấp tỉnh + Cấp huyện"),
        ("III.1.p2", "Biên soạn."),
    ]


def test_inline_text_after_a_heading_number_among_headings_is_p1() -> None:
    text = "\n\n".join(
        ["2- Đổi mới cơ "
         "chế", "2.1- Đổi mới cơ chế quản lý", "Đổi mới cơ chế xây dựng kế hoạch và dự toán ngân sách.",
         "2.2- Đổi mới hệ thống tổ chức", "Quy hoạch, sắp xếp lại hệ thống tổ chức khoa học và công nghệ.",
         "2.3- Thực hành dân chủ, tôn trọng và phát huy tự do tư tưởng trong hoạt động nghiên cứu. Tiếp tục "
         "phát huy."]
    )  # fmt: skip
    assert paths(body_of(text)) == ["2.1.p1", "2.2.p1", "2.3.p1"]


def test_sub_points_of_a_duty_are_part_of_it() -> None:
    text = (
        "II. NHIỆM VỤ\n\n1. Hoàn thiện thể chế\n\na) Rà soát, tháo gỡ các điểm nghẽn.\n\n"
        "b) Sửa đổi Luật Khoa học và Công nghệ để:\n- Tháo gỡ các khó khăn\n- Đơn giản hóa thủ tục hành chính\n\n"
        "c) Xây dựng quy định về quỹ đầu tư mạo hiểm."
    )
    body = body_of(text)
    assert paths(body) == ["II.1.a", "II.1.b", "II.1.c"]
    assert body.tasks[1].text.endswith("để: - Tháo gỡ các khó khăn - Đơn giản hóa thủ tục hành chính")


def test_a_paragraph_after_the_last_numbered_duty_is_a_closing_task() -> None:
    text = (
        "Thủ tướng Chính phủ yêu cầu:\n1. Bộ Tài nguyên và Môi trường:\na) Khẩn trương nghiên cứu thiết lập hệ "
        "thống.\n"
        "2. Bộ Công Thương chủ trì, phối hợp với các cơ quan liên quan rà soát cơ sở pháp lý và báo cáo Thủ tướng "
        "Chính phủ trước ngày 30 tháng 9 năm 2024.\nVăn phòng Chính phủ theo dõi, đôn đốc theo chức năng, nhiệm "
        "vụ."
    )
    t = tasks_by_path(body_of(text))
    assert list(t) == ["1.a", "2", "closing.p1"]
    assert (t["1.a"].lead, t["1.a"].inherited) == (("Bộ Tài nguyên và Môi trường",), True)
    assert (t["2"].deadline, t["closing.p1"].lead) == ("2024-09-30", ("Văn phòng Chính phủ",))


def test_a_lead_in_names_the_assignee_of_the_items_and_is_not_a_task() -> None:
    text = (
        "II - NHIỆM VỤ TRỌNG TÂM\n\nCác cấp ủy, tổ chức đảng của tỉnh tập trung thực hiện các nhiệm vụ sau:\n\n"
        "1. Đẩy mạnh tuyên truyền, phổ biến pháp luật.\n\n2. Xây dựng kế hoạch, chương trình để thực hiện Nghị "
        "quyết."
    )
    body = body_of(text)
    assert paths(body) == ["II.1", "II.2"]
    assert all(t.lead == ("Các cấp ủy", "các tổ chức đảng của tỉnh") and t.inherited for t in body.tasks)
    assert body.subplan_requirements == ()  # a task part, no deadline: a general duty


def test_a_lead_in_that_states_a_duty_is_also_a_task() -> None:
    text = (
        "III- GIẢI PHÁP\n\n2. Hoàn thiện thể chế\n\nTiếp tục thể chế hoá các nghị quyết. Tập trung các nội dung "
        "sau:\n\n- Khẩn trương sửa đổi pháp luật."
    )
    assert paths(body_of(text)) == ["III.2.p1", "III.2.p2"]


def test_parts_decide_the_kind_and_situation_parts_hold_no_task() -> None:
    text = (
        "A- TÌNH HÌNH\n\n1- Khoa học xã hội đã cung cấp luận cứ cho việc hoạch định đường lối.\n\n"
        "B- ĐỊNH HƯỚNG\n\nI- QUAN ĐIỂM\n\n1- Phát triển khoa học là quốc sách hàng đầu.\n\n"
        "II- MỤC TIÊU\n\n1- Mục tiêu tổng quát\n\nPhát triển mạnh mẽ khoa học và công nghệ đến năm 2030.\n\n"
        "III- NHIỆM VỤ VÀ GIẢI PHÁP\n\n1- Đổi mới tư duy\n\nNâng cao nhận thức của các cấp ủy.\n\n"
        "C- TỔ CHỨC THỰC HIỆN\n\n1- Đảng đoàn Quốc hội chỉ đạo việc sửa đổi luật.\n\nNghị quyết này phổ biến "
        "đến chi bộ."
    )
    body = body_of(text)
    assert [(t.path, t.kind) for t in body.tasks] == [
        ("B.II.1.p1", "purpose"),
        ("B.III.1.p1", "task"),
        ("C.1", "organisation"),
    ]


def test_skips_recipients_and_reads_an_attached_programme_and_its_appendix() -> None:
    text = (
        "Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động.\n\nNơi nhận:\n- Ban Bí thư;\n- Lưu: "
        "VT.\n\n"
        "TM. CHÍNH PHỦ\nPHÓ THỦ TƯỚNG\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ\n\n"
        "Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị\n\n(Kèm theo Nghị quyết số 03/NQ-CP)\n\n"
        "I. MỤC TIÊU\n\n1. Xác định nhiệm vụ cụ thể.\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Các bộ, ngành, địa phương xây dựng kế hoạch thực hiện Nghị quyết số 57-NQ/TW trong tháng 01 năm "
        "2025.\n\n"
        "PHỤ LỤC II\n\nDANH MỤC CÁC NHIỆM VỤ\n\n| TT | Tên nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n"
        "|---|---|---|---|\n| I. | Nâng cao nhận thức | | |\n"
        "| 1. | Xây dựng kế hoạch triển khai Chương trình hành động của Chính phủ. | Các bộ, ngành, địa phương "
        "| 01/2025 |"
    )
    body = body_of(text)
    assert paths(body) == ["I.1", "III.1", "PLII/1"]
    assert [s.path for s in body.sections][-1] == "PLII"
    assert [(r.path, r.deadline) for r in body.subplan_requirements] == [
        ("III.1", "2025-01-31"),
        ("PLII/1", "2025-01-31"),
    ]


def test_a_letter_s_request_is_led_by_its_addressees() -> None:
    text = (
        "Kính gửi:\n- Các đồng chí Ủy viên Ban Thường vụ Đảng ủy Chính phủ.\n\n"
        "Do thời gian gấp, trân trọng đề nghị Đồng chí cho ý kiến và gửi về Văn phòng Đảng ủy Chính phủ trước "
        "20h00 "
        "ngày 25 tháng 5 năm 2025.\n\nTrân trọng./.\n\nDỰ THẢO BÁO CÁO\n\nKính gửi: Văn phòng Trung ương Đảng\n\n"
        "A. BÁO CÁO KẾT QUẢ\n\nI- KẾT QUẢ\n\n1. Chính phủ đã ban hành Nghị quyết số 71/NQ-CP.\n\nVI. Đề xuất, "
        "kiến nghị\n\n"
        "Văn phòng Trung ương Đảng chủ trì, phối hợp với Bộ Khoa học và Công nghệ:\n- (i) Nghiên cứu phương án "
        "kết nối."
    )
    t = tasks_by_path(body_of(text))
    assert list(t) == ["p1", "A.VI.(i)"]
    assert (t["p1"].lead, t["p1"].deadline) == (
        ("Các đồng chí Ủy viên Ban Thường vụ Đảng ủy Chính phủ",),
        "2025-05-25",
    )
    assert (t["A.VI.(i)"].lead, t["A.VI.(i)"].coordinate) == (
        ("Văn phòng Trung ương Đảng",),
        ("Bộ Khoa học và Công nghệ",),
    )


def test_a_body_task_restated_in_a_table_takes_the_row_s_lead_and_deadline() -> None:
    text = (
        "II. NHIỆM VỤ\n\nCác bộ, ngành, địa phương cần thực hiện các nhiệm vụ sau:\n\n1. Nâng cao nhận thức\n\n"
        "a) Xây dựng và đẩy mạnh quảng bá thương hiệu quốc gia về đổi mới sáng tạo.\n\nPHỤ LỤC\n\n"
        "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |\n"
        "| 1. | Xây dựng và đẩy mạnh quảng bá thương hiệu quốc gia về đổi mới sáng tạo | Bộ Khoa học và Công "
        "nghệ | 2025 |"
    )
    t = tasks_by_path(body_of(text))
    assert (t["II.1.a"].lead, t["II.1.a"].deadline) == (("Bộ Khoa học và Công nghệ",), "2025-12-31")
    assert (t["PL/1"].lead, t["PL/1"].deadline) == (("Bộ Khoa học và Công nghệ",), "2025-12-31")


def test_ocr_numerals_repeated_paths_and_year_inference_are_reported() -> None:
    text = (
        "I - MỤC ĐÍCH\n\n1. Nâng cao nhận thức.\n\nII- NHIỆM VỤ\n\n1. Tuyên truyền\n\nTổ chức học tập.\n\n"
        "HI - TỔ CHỨC THỰC HIỆN\n\n1. Các chi bộ xây dựng kế hoạch thực hiện Nghị quyết trước ngày 15.8.\n\n"
        "1. Ban Tuyên giáo theo dõi, đôn đốc việc thực hiện."
    )
    body = body_of(text, date(2023, 6, 27))
    assert "III.1~2" in paths(body)
    assert tasks_by_path(body)["III.1"].deadline == "2023-08-15"
    assert any("read as III" in w for w in body.warnings) and any("repeats" in w for w in body.warnings)


def test_outline_drops_noise_and_keeps_addressees() -> None:
    outline = read_outline(
        [Line(1, "Kính gửi: Bộ Tài chính"), Line(2, "12"), Line(3, "-----"), Line(4, "(Kèm theo Kế hoạch số 1)"),
         Line(5, "V/v xin ý kiến"), Line(6, "Đề nghị Quý cơ quan cho ý kiến trước ngày 30/6/2025.")]
    )  # fmt: skip
    assert outline.addressees == ("Bộ Tài chính",)
    assert [(n.kind, n.line, n.addressees) for n in outline.root.children] == [("para", 6, ("Bộ Tài chính",))]


def test_through_the_project_normaliser() -> None:
    normalize = pytest.importorskip("loaders.text.normalize").normalize
    segment = pytest.importorskip("loaders.extract.segment").segment
    seg = segment(normalize((SEEDS / SEED_60).read_text(encoding="utf-8")))
    body = parse_body(seg.addressees + seg.body, document_date=date(2023, 5, 24))
    assert [s.path for s in body.sections] == gold(SEED_60)["sections"]
    assert sum(t.path.startswith("III.") for t in body.tasks) == 31


FIELD_ITEMS = [
    (
        [
            "II. NỘI DUNG",
            "1. Xây dựng Cổng thông tin quốc gia về bảo vệ dữ liệu cá nhân",
            "- Cơ quan thực hiện: Bộ Công an.",
            "- Cơ quan phối hợp: Văn phòng Chính phủ và các cơ quan có liên quan.",
            "- Thời gian thực hiện: năm 2026 - 2027.",
        ],
        ("II.1", ("Bộ Công an",), "2027-12-31"),
    ),
    (
        [
            "III. PHÂN CÔNG NHIỆM VỤ",
            "1. Công an tỉnh",
            "- Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan tham mưu Chủ tịch UBND tỉnh kiện toàn "
            "Ban Chỉ đạo.",
        ],
        ("III.1.p1", ("Công an tỉnh",), None),
    ),
]


@pytest.mark.parametrize(("lines", "expected"), FIELD_ITEMS)
def test_an_items_labelled_lines_and_its_organ_heading_give_its_roles(
    lines: list[str], expected: tuple[str, tuple[str, ...], str | None]
) -> None:
    body = parse_body([Line(i + 1, t) for i, t in enumerate(lines)], document_date=date(2025, 11, 29))
    path, lead, deadline = expected
    (task,) = [t for t in body.tasks if t.path == path]
    assert (task.lead, task.deadline) == (lead, deadline)
    assert len(body.tasks) == 1  # the labelled lines are not tasks of their own
