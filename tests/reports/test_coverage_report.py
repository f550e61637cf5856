"""Task coverage on the sample graph: 60-KH/TU → 80-KH/ĐUK carries 9 of 9 key tasks (``coverage_60_to_80``)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document as open_docx
from openpyxl import load_workbook

from graph.coverage import Lead, TaskText
from graph.documents import UnknownDocument
from graph.store import GraphStore
from reports.__main__ import main
from reports.coverage import (
    SURE,
    confidence,
    coverage_document,
    coverage_report,
    is_key_task,
    needs_review,
    path_key,
)
from reports.model import ReportError
from reports.writers import to_docx_bytes, to_xlsx_bytes
from tests.shared import gold

GOLD = gold("seeds")
LINKS = {link["parent"]: set(link["child"]) for link in GOLD["coverage_60_to_80"]["links"]}


def test_path_key_sorts_in_document_order() -> None:
    paths = ["III.10", "II.2", "III.2.p1", "I.1", "II.10", "III.2", "IV.1", "II.1.p2", "II.1.p10", "PL2"]
    assert sorted(paths, key=path_key) == [
        "I.1", "II.1.p2", "II.1.p10", "II.2", "II.10", "III.2", "III.2.p1", "III.10", "IV.1", "PL2",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("task", "issuer", "key"),
    [
        (
            TaskText(
                "t",
                "II.1",
                "Đẩy mạnh tuyên truyền",
                leads=(Lead("g", "Các cấp ủy, tổ chức đảng", specific=False),),
            ),
            set(),
            True,
        ),
        (
            TaskText("t", "III.1.p1", "Tiếp tục chỉ đạo", leads=(Lead("o:hdnd", "Đảng đoàn HĐND tỉnh"),)),
            set(),
            False,
        ),
        (TaskText("t", "III.1.p1", "Tiếp tục chỉ đạo", leads=(Lead("o:duk", "Đảng ủy Khối"),)), {"o:duk"}, True),
        (TaskText("t", "I.1", "Nâng cao nhận thức", kind="purpose"), set(), False),
        (TaskText("t", "IV.1", "Các đảng đoàn xây dựng kế hoạch", kind="organisation"), set(), False),
        (TaskText("t", "II.p1", "… thực hiện các nhiệm vụ trọng tâm sau:"), set(), False),
    ],
)
def test_key_task_rule(task: TaskText, issuer: set[str], key: bool) -> None:
    assert is_key_task(task, issuer) is key


def test_60_to_80_covers_nine_of_nine_key_tasks(sample_store: GraphStore) -> None:
    cov = coverage_report(sample_store, "60-KH/TU", "80-KH/ĐUK")
    assert (cov.parent.symbol, cov.child.symbol) == ("60-KH/TU", "80-KH/ĐUK")
    assert [r.path for r in cov.key_rows] == sorted(LINKS, key=path_key)
    assert (cov.key_covered, len(cov.key_rows), cov.percent, cov.dropped) == (9, 9, 100.0, ())
    for row in cov.key_rows:
        assert {c.path for c in row.carriers} & LINKS[row.path], row.path
        assert all(c.score is not None and 0 < c.score <= 1 for c in row.carriers)


def test_counts_agree_with_what_the_link_pass_recorded(sample_store: GraphStore) -> None:
    cov = coverage_report(sample_store, "60-KH/TU", "80-KH/ĐUK")
    (stored,) = sample_store.read(
        "MATCH (d:Document {uid: $uid}) RETURN d.coverage_covered AS covered, d.coverage_total AS total",
        {"uid": cov.child.uid},
    )
    assert (stored["covered"], stored["total"]) == (cov.key_covered, len(cov.key_rows))


def test_organ_specific_tasks_are_listed_but_not_counted(sample_store: GraphStore) -> None:
    cov = coverage_report(sample_store, "60-KH/TU", "80-KH/ĐUK")
    section_iii = [r for r in cov.rows if r.path.startswith("III.")]
    assert len(section_iii) == GOLD["documents"][1]["specific_task_count"]
    assert not any(r.key for r in section_iii)
    first = next(r for r in section_iii if r.path == "III.1.p1")
    assert first.addressed_to == ("Đảng đoàn Hội đồng nhân dân tỉnh Bình Định",)
    assert {r.kind for r in cov.rows if r.path.startswith("I.")} == {"purpose"}
    assert 0 < cov.all_percent < 100


def test_wrong_documents_are_report_errors(sample_store: GraphStore) -> None:
    with pytest.raises(ReportError, match="cùng một văn bản"):
        coverage_report(sample_store, "80-KH/ĐUK", "80-KH/ĐUK")
    with pytest.raises(UnknownDocument, match="«81-KH/ĐUK»"):
        coverage_report(sample_store, "60-KH/TU", "81-KH/ĐUK")


def test_coverage_files(sample_store: GraphStore) -> None:
    report = coverage_document(coverage_report(sample_store, "60-KH/TU", "80-KH/ĐUK"))
    assert report.summary["Tỷ lệ bao phủ (nhiệm vụ trọng tâm)"] == 1.0
    assert [t.name for t in report.tables] == ["Nhiệm vụ trọng tâm", "Nhiệm vụ chưa cụ thể hóa", "Nhiệm vụ khác"]
    wb = load_workbook(io.BytesIO(to_xlsx_bytes(report)))
    summary = {row[0]: row[1] for row in wb["Tổng hợp"].iter_rows(values_only=True) if row and row[0]}
    assert summary["Tỷ lệ bao phủ (nhiệm vụ trọng tâm)"] == 1  # a number shown as a percentage, not text
    header, *key = [row for row in wb["Nhiệm vụ trọng tâm"].iter_rows(values_only=True) if row[1]]
    assert [row[0] for row in key] == sorted(LINKS, key=path_key)
    status = header.index("Tình trạng")
    assert all(row[status].startswith("Đã cụ thể hóa") and row[2] == "Nhiệm vụ" for row in key)
    text = [p.text for p in open_docx(io.BytesIO(to_docx_bytes(report))).paragraphs]
    assert "BÁO CÁO" in text and "- Đã được cụ thể hóa: 9" in text


def test_each_parent_task_stands_beside_the_child_text_with_the_score_in_words(sample_store: GraphStore) -> None:
    cov = coverage_report(sample_store, "60-KH/TU", "80-KH/ĐUK")
    table = coverage_document(cov).tables[0]
    rows = {row[0]: dict(zip(table.columns, row, strict=True)) for row in table.rows}
    first = rows["II.1"]
    carrier = next(r for r in cov.key_rows if r.path == "II.1").carriers[0]
    assert carrier.text and " ".join(carrier.text.split())[:60] in first["Đoạn cụ thể hóa của văn bản cấp dưới"]
    assert "II.1.p1" in first["Đoạn cụ thể hóa của văn bản cấp dưới"]
    assert first["Mức tin cậy (điểm tương đồng)"].startswith("II.1.p1: chắc chắn (0,")
    assert first["Tình trạng"] == "Đã cụ thể hóa"
    assert first["Nguồn"].startswith("001_0da2381aa2498f94.txt, dòng ")  # the file, not an internal uid


def test_a_duty_carried_only_on_low_scores_is_marked_for_review(sample_store: GraphStore) -> None:
    cov = coverage_report(sample_store, "60-KH/TU", "80-KH/ĐUK")
    low = [r for r in cov.key_rows if needs_review(r)]
    assert [r.path for r in low] == ["II.2"]  # carried by two whole sections scoring 0.33 and 0.28
    assert all(c.score is not None and c.score < SURE for c in low[0].carriers)
    report = coverage_document(cov)
    row = next(r for r in report.tables[0].rows if r[0] == "II.2")
    cells = dict(zip(report.tables[0].columns, row, strict=True))
    assert cells["Tình trạng"] == "Đã cụ thể hóa — cần rà soát"
    assert (
        "cần rà soát" in cells["Mức tin cậy (điểm tương đồng)"]
        and "chắc chắn" not in cells["Mức tin cậy (điểm tương đồng)"]
    )
    assert report.summary["Trong đó cần rà soát (điểm tương đồng thấp)"] == 1


@pytest.mark.parametrize(
    ("score", "words"), [(0.99, "chắc chắn"), (SURE, "chắc chắn"), (0.33, "cần rà soát"), (None, "cần rà soát")]
)
def test_confidence_words(score: float | None, words: str) -> None:
    assert confidence(score) == words


def test_raw_coverage_keeps_codes(sample_store: GraphStore) -> None:
    report = coverage_document(coverage_report(sample_store, "60-KH/TU", "80-KH/ĐUK"), raw=True)
    assert report.tables[0].columns[:3] == ("path", "text", "kind")
    assert {row[report.tables[0].columns.index("status")] for row in report.tables[0].rows} == {
        "carried",
        "review",
    }
    assert report.summary["key_carried"] == 9


def test_cli_prints_and_writes_coverage(
    sample_store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["coverage", "--parent", "60-KH/TU", "--child", "80-KH/ĐUK", "--store", sample_store_url]
    assert main(args) == 0
    assert "Tỷ lệ bao phủ (nhiệm vụ trọng tâm): 100%" in capsys.readouterr().out
    assert main([*args, "--raw"]) == 0
    assert "key_percent: 100%" in capsys.readouterr().out
    assert main([*args, "--out", str(tmp_path / "c.docx")]) == 0
    assert (tmp_path / "c.docx").stat().st_size > 0
