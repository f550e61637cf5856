"""The sub-plan audit on the sample graph: the gold's expectation (``subplan_audit_expectation``) and the files."""

from __future__ import annotations

import collections
import csv
import io
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document as open_docx
from openpyxl import load_workbook

from common.cli import run_cli
from graph.documents import UnknownDocument
from graph.store import GraphStore
from queries.catalog import get_query
from reports.__main__ import main
from reports.model import Report
from reports.subplans import (
    SubplanRow,
    SubplanStatus,
    audit_counts,
    audit_every_plan,
    audit_resolution,
    audit_subplans,
    subplan_report,
    subplan_status,
    subplan_statuses,
    unconfirmed_units,
)
from reports.writers import to_csv_bytes, to_docx_bytes, to_xlsx_bytes
from tests.shared import gold

GOLD = gold("seeds")
EXPECT = GOLD["subplan_audit_expectation"]
AS_OF = date.fromisoformat(EXPECT["as_of"])
BLOC = "Đảng ủy Khối các cơ quan tỉnh Bình Định"
D = date.fromisoformat


# --- the status rule on its own -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("deadline", "issued", "as_of", "expected"),
    [
        ("2023-06-30", "2023-06-27", "2026-11-23", (SubplanStatus.ON_TIME, None)),
        ("2023-06-30", "2023-06-30", "2026-11-23", (SubplanStatus.ON_TIME, None)),
        ("2023-06-30", "2023-07-03", "2026-11-23", (SubplanStatus.LATE, 3)),
        ("2023-06-30", None, "2023-07-01", (SubplanStatus.MISSING, None)),
        ("2023-06-30", None, "2023-06-30", (SubplanStatus.NOT_YET_DUE, None)),
        (None, "2023-06-27", "2026-11-23", (SubplanStatus.ISSUED, None)),
        (None, None, "2026-11-23", (SubplanStatus.NOT_FOUND, None)),
    ],
)
def test_subplan_status(deadline: str | None, issued: str | None, as_of: str, expected: tuple) -> None:
    result = subplan_status(D(deadline) if deadline else None, D(issued) if issued else None, D(as_of))
    assert result == expected


def test_a_found_undated_subplan_is_issued_and_a_collective_is_unlisted() -> None:
    assert subplan_status(D("2023-06-30"), None, AS_OF, found=True) == (SubplanStatus.ISSUED, None)
    assert subplan_status(D("2023-06-30"), None, AS_OF, collective=True) == (SubplanStatus.UNITS_NOT_LISTED, None)


def test_status_words() -> None:
    assert SubplanStatus.NOT_YET_DUE.label == "not yet due"
    assert SubplanStatus.MISSING.label_vi == "Chưa ban hành (đã quá hạn)"


# --- on the sample graph ------------------------------------------------------------------------------------


def _by_unit(rows: list[SubplanRow]) -> dict[str, SubplanRow]:
    units = {r.unit: r for r in rows}
    assert len(units) == len(rows), "one row per unit"
    return units


def test_60_kh_tu_as_the_gold_expects(sample_store: GraphStore) -> None:
    rows = _by_unit(audit_subplans(sample_store, EXPECT["plan"], AS_OF))
    (on_time,) = EXPECT["issued_on_time"]
    bloc = rows.pop(on_time["unit"])
    assert (bloc.status, bloc.subplan, bloc.subplan_date) == (
        SubplanStatus.ON_TIME, on_time["document"], D(on_time["date"]),
    )  # fmt: skip
    assert bloc.deadline == D(EXPECT["deadline"]) and bloc.paragraph == "IV.1" and bloc.status_text == "on time"
    assert bloc.source_text and "huyện ủy, thị ủy, thành ủy" in bloc.source_text
    assert bloc.src and bloc.src.startswith(bloc.plan_uid)
    assert len(rows) >= 11 + 1  # the eleven district committees and at least Đảng ủy Công an tỉnh
    assert all(r.status is SubplanStatus.MISSING and r.subplan is None for r in rows.values())
    assert all(r.unit_kind == "organ" and r.via_group for r in rows.values()), "listed by name, never as a group"
    assert {"Thành ủy Quy Nhơn", "Thị ủy An Nhơn", "Thị ủy Hoài Nhơn", "Huyện ủy Vân Canh"} <= set(rows)
    assert "Đảng ủy Ủy ban nhân dân tỉnh Bình Định" not in rows  # created in 2025: it cannot owe a 2023 plan


def test_python_status_agrees_with_the_saved_query(sample_store: GraphStore) -> None:
    for as_of in ("2023-06-01", "2023-06-28", EXPECT["as_of"]):
        rows = audit_subplans(sample_store, "60-KH/TU", D(as_of)) + audit_subplans(
            sample_store, "80-KH/ĐUK", D(as_of)
        )
        raw = get_query("subplan_audit").run(sample_store, {"plan": "60-KH/TU", "as_of": as_of})
        raw += get_query("subplan_audit").run(sample_store, {"plan": "80-KH/ĐUK", "as_of": as_of})
        assert sorted((r["unit_uid"], r["status"]) for r in raw) == sorted(
            (r.unit_uid, r.status.value) for r in rows
        )


def test_the_one_query_over_every_plan_gives_each_plans_own_audit(sample_store: GraphStore) -> None:
    for as_of in ("2023-06-01", "2023-06-28", EXPECT["as_of"]):
        one_by_one = audit_subplans(sample_store, "60-KH/TU", D(as_of)) + audit_subplans(
            sample_store, "80-KH/ĐUK", D(as_of)
        )
        every = audit_every_plan(sample_store, D(as_of))
        assert len(every) == len(one_by_one) > 0
        key = lambda r: (r.plan_uid, r.unit_uid, r.status, r.subplan_uid)  # noqa: E731
        assert sorted(map(key, every)) == sorted(map(key, one_by_one))


def test_a_resolutions_audit_read_at_once_is_each_plans_own_audit(sample_store: GraphStore) -> None:
    for as_of in ("2023-06-28", EXPECT["as_of"]):
        rows = audit_resolution(sample_store, "27-NQ/TW", D(as_of))
        plans = list(dict.fromkeys(r.plan_uid for r in rows))
        assert len(plans) == 2 and rows == [
            row for uid in plans for row in audit_subplans(sample_store, uid, D(as_of))
        ]


def test_before_the_bloc_plan_existed_everything_is_not_yet_due(sample_store: GraphStore) -> None:
    rows = audit_subplans(sample_store, "60-KH/TU", D("2023-06-01"))
    assert {r.status for r in rows} == {SubplanStatus.NOT_YET_DUE}
    assert all(r.subplan is None for r in rows)


def test_80_kh_duk_orders_the_grassroots_units_as_one_labelled_collective(sample_store: GraphStore) -> None:
    rows = audit_subplans(sample_store, "80-KH/ĐUK", AS_OF)
    assert rows and all(r.paragraph == "III.2" and r.deadline == D("2023-07-30") for r in rows)
    (grassroots,) = rows
    assert grassroots.unit_kind == "collective"
    assert grassroots.status is SubplanStatus.UNITS_NOT_LISTED
    assert "tập thể" in grassroots.unit_label and "chi bộ" in grassroots.unit.lower()
    assert grassroots.source_text and "trước ngày 30/7/2023" in grassroots.source_text


def test_resolution_audits_every_plan_under_it(sample_store: GraphStore) -> None:
    rows = audit_resolution(sample_store, "27-NQ/TW", AS_OF)
    assert {r.plan for r in rows} == {"60-KH/TU", "80-KH/ĐUK"}
    assert [r.plan for r in rows] == sorted((r.plan for r in rows), key=lambda p: p != "60-KH/TU")


def test_unknown_plan_is_an_error_naming_it(sample_store: GraphStore) -> None:
    with pytest.raises(UnknownDocument, match="«99-KH/TU»"):
        audit_subplans(sample_store, "99-KH/TU", AS_OF)


def test_statuses_for_the_explorer(sample_store: GraphStore) -> None:
    rows = audit_subplans(sample_store, "60-KH/TU", AS_OF)
    statuses = subplan_statuses(rows)
    (plan,) = statuses
    bloc = next(r for r in rows if r.unit == BLOC)
    assert statuses[plan][bloc.unit_uid] == ("on_time", bloc.subplan_uid, "2023-06-30")


# --- the report and its files -------------------------------------------------------------------------------


def test_report_files_list_each_unit_by_name(sample_store: GraphStore) -> None:
    rows = audit_subplans(sample_store, "60-KH/TU", AS_OF)
    report = subplan_report(sample_store, rows, AS_OF)
    assert report.summary["Số đơn vị phải xây dựng kế hoạch"] == len(rows)
    assert report.summary["Đúng hạn"] == 1 and report.summary["Chưa ban hành (đã quá hạn)"] == len(rows) - 1
    assert "60-KH/TU" in report.subtitle and any("001_0da2381aa2498f94" in s for s in report.sources)

    wb = load_workbook(io.BytesIO(to_xlsx_bytes(report)))
    header, *body = wb["Tình hình ban hành kế hoạch"].iter_rows(values_only=True)
    units = {row[1]: dict(zip(header, row, strict=True)) for row in body if row[1]}
    assert units[BLOC]["Kế hoạch của đơn vị"] == "80-KH/ĐUK"
    assert units[BLOC]["Ngày ban hành"] == datetime(2023, 6, 27) and units[BLOC]["Tình trạng"] == "Đúng hạn"
    assert units["Huyện ủy Tuy Phước"]["Tình trạng"] == "Chưa ban hành (đã quá hạn)"
    assert units["Huyện ủy Tuy Phước"]["Giao qua nhóm"] == "Các huyện ủy, thị ủy, thành ủy tỉnh Bình Định"
    header, order = list(wb["Yêu cầu xây dựng kế hoạch"].iter_rows(values_only=True))[:2]
    order_row = dict(zip(header, order, strict=True))
    assert (order_row["Mục"], order_row["Số đơn vị"]) == ("IV.1", len(rows))
    assert order_row["Nguồn"] == "001_0da2381aa2498f94.txt, dòng " + rows[0].src.rsplit(":", 1)[1]
    assert "huyện ủy, thị ủy, thành ủy" in order_row["Nội dung yêu cầu"]

    doc = open_docx(io.BytesIO(to_docx_bytes(report)))
    cells = [c.text for row in doc.tables[1].rows for c in row.cells]  # tables[0] is the heading block
    assert BLOC in cells and "27/06/2023" in cells and "Huyện ủy Tuy Phước" in cells

    table = list(csv.reader(io.StringIO(to_csv_bytes(report).decode("utf-8-sig"))))
    assert table[0] == [report.title] and ["Số đơn vị phải xây dựng kế hoạch", str(len(rows))] in table
    header = table.index(["Tình hình ban hành kế hoạch"]) + 1
    assert table[header][:3] == ["STT", "Đơn vị", "Giao qua nhóm"]


def test_cli_writes_the_audit(sample_store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kiem-tra.xlsx"
    args = ["subplans", "--plan", "60-KH/TU", "--as-of", EXPECT["as_of"], "--store", sample_store_url]
    assert main([*args, "--out", str(out)]) == 0
    assert load_workbook(out).sheetnames == [
        "Tổng hợp",
        "Tình hình ban hành kế hoạch",
        "Yêu cầu xây dựng kế hoạch",
    ]
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert "Đúng hạn" in printed and "Huyện ủy Tuy Phước" in printed
    assert run_cli(main, ["subplans", "--plan", "nope", "--store", sample_store_url]) == 1


# --- nobody left out silently, evidence on every row ----------------------------------------------------------

UNCONFIRMED_BLOCS = {
    "Đảng ủy Khối Doanh nghiệp tỉnh Bình Định",
    "Đảng ủy Quân sự tỉnh Bình Định",
    "Đảng ủy Bộ đội Biên phòng tỉnh Bình Định",
}


def _unit_rows(report: Report) -> list[dict[str, object]]:
    table = report.tables[0]
    return [dict(zip(table.columns, row, strict=True)) for row in table.rows]


def test_the_audit_lists_the_unconfirmed_units_apart_with_the_reason(sample_store: GraphStore) -> None:
    rows = audit_subplans(sample_store, "60-KH/TU", AS_OF)
    extra = unconfirmed_units(sample_store, rows, AS_OF)
    assert {r.unit for r in extra} >= UNCONFIRMED_BLOCS
    assert not {r.unit_uid for r in extra} & {r.unit_uid for r in rows}
    assert all(r.status is SubplanStatus.UNCONFIRMED and r.paragraph == "IV.1" for r in extra)
    report = subplan_report(sample_store, rows, AS_OF)
    marked = {r["Đơn vị"]: r for r in _unit_rows(report) if str(r["Tình trạng"]).lower() == "chưa xác minh"}
    assert set(marked) == {r.unit for r in extra}
    bloc = marked["Đảng ủy Khối Doanh nghiệp tỉnh Bình Định"]
    assert bloc["Giao qua nhóm"] == "Các đảng ủy trực thuộc Tỉnh ủy Bình Định"
    assert "chưa xác minh" in str(bloc["Lý do chưa kiểm tra được"]) and "binh-dinh-2023.yaml" in str(
        bloc["Lý do chưa kiểm tra được"]
    )
    assert report.summary["Số đơn vị phải xây dựng kế hoạch"] == len(rows)  # counted apart
    assert report.summary["Đơn vị chưa xác minh (tính riêng)"] == len(extra)


def test_the_audit_states_the_scope_it_searched(sample_store: GraphStore) -> None:
    report = subplan_report(sample_store, audit_subplans(sample_store, "60-KH/TU", AS_OF), AS_OF)
    loaded = sample_store.read("MATCH (d:Document {status: 'loaded'}) RETURN count(d) AS n")[0]["n"]
    scope = " ".join(report.scope)
    assert (
        f"Phạm vi tìm kiếm: {loaded} văn bản đã nạp vào kho, ban hành từ ngày 24/05/2023 đến ngày 27/06/2023"
        in scope
    )
    assert (
        "Ban Thường vụ Tỉnh ủy Bình Định: 1" in scope
        and "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Bình Định: 1" in scope
    )
    assert "«Chưa ban hành» nghĩa là không tìm thấy kế hoạch của đơn vị trong phạm vi trên" in scope
    filled = (
        "Ngày 24/05/2023 của văn bản 60-KH/TU không in trong bản đã nạp; lấy từ trích dẫn trong văn bản 80-KH/ĐUK "
        "(000_a85277af82c186c2.txt, dòng 20)"
    )
    assert filled in scope
    doc = [p.text for p in open_docx(io.BytesIO(to_docx_bytes(report))).paragraphs]
    assert any(p.startswith("Phạm vi tìm kiếm:") for p in doc)


def test_every_row_carries_its_evidence(sample_store: GraphStore) -> None:
    report = subplan_report(sample_store, audit_subplans(sample_store, "60-KH/TU", AS_OF), AS_OF)
    units = {r["Đơn vị"]: r for r in _unit_rows(report)}
    assert all("huyện ủy, thị ủy, thành ủy" in str(r["Câu giao nhiệm vụ"]) for r in units.values())
    assert all(
        str(r["Nguồn"]).startswith("60-KH/TU mục IV.1: 001_0da2381aa2498f94.txt, dòng ") for r in units.values()
    )
    assert not any("binh-dinh:" in str(v) for r in units.values() for v in r.values())  # no internal uid shown
    missing = units["Huyện ủy Tuy Phước"]
    assert missing["Số ngày quá hạn"] == (AS_OF - D(EXPECT["deadline"])).days == 1242
    bloc = units[BLOC]
    assert (bloc["Kế hoạch của đơn vị"], bloc["Ngày ban hành"]) == ("80-KH/ĐUK", D("2023-06-27"))
    assert bloc["Cơ quan ban hành"] == "Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh Bình Định"
    assert str(bloc["Căn cứ nêu văn bản giao"]).startswith("Thực hiện Kế hoạch số 60-KH/TU ngày 24/5/2023")
    assert "80-KH/ĐUK: 000_a85277af82c186c2.txt, dòng 20" in str(bloc["Nguồn"])
    assert bloc["Số ngày quá hạn"] is None


def test_units_come_in_the_organs_own_order_then_vietnamese_order(sample_store: GraphStore) -> None:
    rows = audit_subplans(sample_store, "60-KH/TU", AS_OF)
    names = [r.unit for r in rows]
    kinds = [r.unit.split()[0] for r in rows]
    assert kinds.index("Ban") > kinds.index("Đảng") and names.index("Huyện ủy Tây Sơn") < names.index(
        "Huyện ủy Tuy Phước"
    )
    assert names.index("Huyện ủy Vĩnh Thạnh") < names.index("Thành ủy Quy Nhơn") < names.index("Thị ủy An Nhơn")
    assert names[-2:] == [
        "Đảng ủy Công an tỉnh Bình Định",
        BLOC,
    ]  # the đảng ủy trực thuộc come last, as IV.1 lists them


def test_raw_audit_keeps_codes(sample_store: GraphStore) -> None:
    report = subplan_report(sample_store, audit_subplans(sample_store, "60-KH/TU", AS_OF), AS_OF, raw=True)
    table = report.tables[0]
    assert table.columns[:3] == ("no", "unit", "via_group")
    assert {row[table.columns.index("status")] for row in table.rows} == {"on_time", "missing", "unconfirmed"}
    assert report.summary["units_required"] == 18 and report.summary["unconfirmed"] >= 3


def test_the_counts_the_server_makes_are_the_audits(sample_store: GraphStore) -> None:
    for as_of in ("2023-06-01", "2023-06-28", EXPECT["as_of"]):
        rows = audit_every_plan(sample_store, D(as_of))
        expected = collections.Counter(
            "collective" if r.unit_kind == "collective" else r.status.value for r in rows
        )
        assert audit_counts(sample_store, D(as_of)) == dict(expected) != {}
