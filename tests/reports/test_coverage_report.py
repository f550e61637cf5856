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
from reports.coverage import coverage_document, coverage_report, is_key_task, path_key
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
    assert report.summary["Tỷ lệ bao phủ (nhiệm vụ trọng tâm)"] == "100%"
    assert [t.name for t in report.tables] == [
        "Nhiệm vụ trọng tâm",
        "Nhiệm vụ chưa cụ thể hóa",
        "Nhiệm vụ khác (không tính tỷ lệ)",
    ]
    wb = load_workbook(io.BytesIO(to_xlsx_bytes(report)))
    key = [row for row in wb["Nhiệm vụ trọng tâm"].iter_rows(min_row=2, values_only=True) if row[1]]
    assert [row[0] for row in key] == sorted(LINKS, key=path_key)
    assert all(row[6] == "Đã cụ thể hóa" and row[2] == "Nhiệm vụ" for row in key)
    text = [p.text for p in open_docx(io.BytesIO(to_docx_bytes(report))).paragraphs]
    assert "BÁO CÁO" in text and "- Đã được cụ thể hóa: 9" in text


def test_cli_prints_and_writes_coverage(
    sample_store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["coverage", "--parent", "60-KH/TU", "--child", "80-KH/ĐUK", "--store", sample_store_url]
    assert main(args) == 0
    assert "Tỷ lệ bao phủ (nhiệm vụ trọng tâm): 100%" in capsys.readouterr().out
    assert main([*args, "--out", str(tmp_path / "c.docx")]) == 0
    assert (tmp_path / "c.docx").stat().st_size > 0
