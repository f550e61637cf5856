"""Every saved query runs on the sample graph (the two seeds) on each store, with the answers the seeds imply.

``sample_store`` is parametrised over the embedded FalkorDB store and ArcadeDB over Bolt (the Neo4j path), so
each test here runs on both engines.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from graph.store import GraphStore
from queries.__main__ import main
from queries.catalog import SavedQuery, get_query, list_queries

AS_OF = "2026-11-23"
# Arguments that make each query return something on the seeds.
ARGUMENTS: dict[str, dict[str, str]] = {
    "cascade": {"document": "27-NQ/TW"},
    "corrected_facts": {},
    "documents_by_organ": {"organ": "Đảng ủy Khối"},
    "organ_tasks": {"organ": "Ban Nội chính", "as_of": AS_OF},
    "subplan_audit": {"plan": "60-KH/TU", "as_of": AS_OF},
    "dropped_tasks": {"parent": "60-KH/TU", "child": "80-KH/ĐUK", "kind": "all"},
    "cited_not_loaded": {},
    "overdue_tasks": {"as_of": AS_OF},
    "unresolved_organs": {},
    "conflicting_facts": {},
}


def run(store: GraphStore, name: str, **overrides: Any) -> list[dict[str, Any]]:
    return get_query(name).run(store, {**ARGUMENTS[name], **overrides}, timeout_ms=60_000)


def test_every_saved_query_has_arguments_here() -> None:
    assert set(ARGUMENTS) == {q.name for q in list_queries()}


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_every_saved_query_runs(sample_store: GraphStore, query: SavedQuery) -> None:
    rows = query.run(sample_store, ARGUMENTS[query.name], timeout_ms=60_000)
    assert isinstance(rows, list)
    if query.name not in ("conflicting_facts", "corrected_facts"):  # the seeds agree; nobody reviewed them
        assert rows, f"{query.name} finds nothing on the seeds"
    assert all(set(r) == set(rows[0]) for r in rows)


def _by_symbol(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["symbol"]: r for r in rows}


def test_cascade_depth_is_the_longest_chain(sample_store: GraphStore) -> None:
    under_resolution = _by_symbol(run(sample_store, "cascade"))
    depths = {symbol: row["depth"] for symbol, row in under_resolution.items()}
    assert depths == {"11-KH/TW": 1, "60-KH/TU": 2, "80-KH/ĐUK": 3}  # 80-KH/ĐUK also implements 27-NQ/TW directly
    assert under_resolution["80-KH/ĐUK"]["cascade_parent"] == "60-KH/TU"
    under_plan = run(sample_store, "cascade", document="60-KH/TU")
    assert [(r["symbol"], r["depth"], r["status"]) for r in under_plan] == [("80-KH/ĐUK", 1, "loaded")]
    assert run(sample_store, "cascade", document="80-KH/ĐUK") == []


def test_documents_by_organ_counts_the_standing_committee_for_the_committee(sample_store: GraphStore) -> None:
    rows = run(sample_store, "documents_by_organ")
    organs = {r["organ"] for r in rows if r["symbol"] == "80-KH/ĐUK"}
    assert "Đảng ủy Khối các cơ quan tỉnh Bình Định" in organs
    assert "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Bình Định" in organs
    assert {r["symbol"] for r in run(sample_store, "documents_by_organ", organ="tỉnh ủy bình định")} >= {
        "60-KH/TU"
    }


def test_organ_tasks_with_deadlines(sample_store: GraphStore) -> None:
    rows = run(sample_store, "organ_tasks")
    assert {r["organ"] for r in rows} == {"Ban Nội chính Tỉnh ủy Bình Định"}
    paths = {r["path"] for r in rows if r["document"] == "60-KH/TU" and r["role"] == "lead"}
    assert {"III.11.p1", "III.11.p2", "IV.2"} <= paths
    assert not any(r["overdue"] for r in rows if r["recurrence"])


def test_subplan_audit_query(sample_store: GraphStore) -> None:
    rows = {r["unit"]: r for r in run(sample_store, "subplan_audit")}
    bloc = rows.pop("Đảng ủy Khối các cơ quan tỉnh Bình Định")
    assert (bloc["subplan"], bloc["subplan_date"], bloc["status"]) == ("80-KH/ĐUK", "2023-06-27", "on_time")
    assert (bloc["paragraph"], bloc["deadline"]) == ("IV.1", "2023-06-30")
    assert rows and {r["status"] for r in rows.values()} == {"missing"}
    assert {"Huyện ủy Tuy Phước", "Thành ủy Quy Nhơn", "Đảng ủy Công an tỉnh Bình Định"} <= set(rows)
    before = {r["unit"]: r["status"] for r in run(sample_store, "subplan_audit", as_of="2023-06-01")}
    assert set(before.values()) == {"not_yet_due"}  # 80-KH/ĐUK (27/6/2023) did not exist yet


def test_dropped_tasks_leaves_out_the_carried_key_tasks(sample_store: GraphStore) -> None:
    dropped = {r["path"]: r for r in run(sample_store, "dropped_tasks")}
    assert not {f"II.{n}" for n in range(1, 10)} & set(dropped)
    assert dropped["III.1.p1"]["addressed_to"] == ["Đảng đoàn Hội đồng nhân dân tỉnh Bình Định"]
    only_duties = run(sample_store, "dropped_tasks", kind="task")
    assert {r["kind"] for r in only_duties} <= {"task"}


def test_cited_not_loaded(sample_store: GraphStore) -> None:
    rows = _by_symbol(run(sample_store, "cited_not_loaded"))
    assert {"27-NQ/TW", "11-KH/TW"} <= set(rows)
    assert not {"60-KH/TU", "80-KH/ĐUK"} & set(rows)
    assert rows["27-NQ/TW"]["date"] == "2022-11-09"
    assert {"60-KH/TU", "80-KH/ĐUK"} <= set(rows["27-NQ/TW"]["cited_by"])
    assert rows["11-KH/TW"]["cited_by"] == ["60-KH/TU"]


def test_overdue_tasks_are_dated_and_not_recurring(sample_store: GraphStore) -> None:
    rows = run(sample_store, "overdue_tasks")
    assert all(r["deadline"] < AS_OF for r in rows)
    assert ("80-KH/ĐUK", "III.2", "2023-07-30") in {(r["document"], r["path"], r["deadline"]) for r in rows}
    assert run(sample_store, "overdue_tasks", as_of="2023-01-01") == []


def test_unresolved_organs_are_only_unresolved_ones(sample_store: GraphStore) -> None:
    rows = run(sample_store, "unresolved_organs")
    assert all(r["uid"].startswith("unresolved:") and r["mentions"] >= 1 for r in rows)


def test_the_seeds_have_no_conflicting_dates(sample_store: GraphStore) -> None:
    assert run(sample_store, "conflicting_facts") == []


def test_cli_runs_a_query_on_a_store(sample_store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["run", "cited_not_loaded", "--store", sample_store_url]
    assert main([*args, "--format", "json"]) == 0
    assert '"Số, ký hiệu": "27-NQ/TW"' in capsys.readouterr().out
    assert main([*args, "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith('"Số, ký hiệu",Loại văn bản,Ngày,')
    assert main(args) == 0
    assert "27-NQ/TW" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("raw", "columns", "status"),
    [
        ([], ["Văn bản giao", "Mục", "Đơn vị"], "Đúng hạn"),
        (["--raw"], ["plan", "paragraph", "unit"], "on_time"),
    ],
    ids=["vietnamese", "raw"],
)
def test_cli_names_columns_and_statuses_in_vietnamese_unless_raw(
    sample_store_url: str, capsys: pytest.CaptureFixture[str], raw: list[str], columns: list[str], status: str
) -> None:
    args = ["run", "subplan_audit", "-p", "plan=60-KH/TU", "-p", f"as_of={AS_OF}", "--store", sample_store_url]
    assert main([*args, "--format", "json", *raw]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert list(rows[0])[:3] == columns
    assert status in {value for row in rows for value in row.values()}
    assert "on_time" not in str(rows) or raw


def test_cli_writes_a_query_result_to_a_file(sample_store_url: str, tmp_path: Path) -> None:
    out = tmp_path / "ket-qua.xlsx"
    args = ["run", "subplan_audit", "-p", "plan=60-KH/TU", "-p", f"as_of={AS_OF}", "--store", sample_store_url]
    assert main([*args, "--out", str(out)]) == 0
    sheet = next(ws for ws in load_workbook(out).worksheets if ws.title.startswith("Kiểm tra việc ban hành"))
    assert sheet.title.startswith("Kiểm tra việc ban hành") and len(sheet.title) <= 31  # Excel's limit
    assert sheet["A1"].value == "Văn bản giao" and sheet.freeze_panes == "A2"
    assert "Đảng ủy Khối các cơ quan tỉnh Bình Định" in [c.value for c in sheet["C"]]
