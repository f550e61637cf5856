"""Every page of the app on the sample graph, through Streamlit's ``AppTest`` (no browser)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from common.glossary import COLUMNS
from reports.subplans import SubplanStatus
from ui.components.text import plain

Open = Callable[..., AppTest]
SampleGraph = Any  # conftest.SampleGraph: url, store, uploads, uid(symbol), organ_uid(name)
SEED_80 = Path(__file__).resolve().parents[2] / "data" / "documents" / "000_a85277af82c186c2.txt"
BLOC = "Đảng ủy Khối các cơ quan tỉnh Bình Định"


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _frames(at: AppTest) -> list[pd.DataFrame]:
    return [df.value for df in at.dataframe]


def _unescaped(markdown: str) -> str:
    """A message as the reader sees it (the page escapes markdown punctuation so it shows as written)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def _cells(at: AppTest) -> str:
    """Every table cell on the page, as one text to search in."""
    return " ".join(str(v) for frame in _frames(at) for v in frame.to_numpy().ravel())


def test_overview_counts_cascades_and_gaps(open_page: Open) -> None:
    at = open_page("overview")
    metrics = _metrics(at)
    assert at.title[0].value == "Tổng quan"
    assert metrics["Văn bản đã nạp"] == "2"
    assert metrics["Văn bản chỉ được dẫn chiếu"] == "2"  # 27-NQ/TW and 11-KH/TW
    assert int(metrics["Nhiệm vụ"]) > 50
    roots = _frames(at)[0].set_index("Văn bản đầu chuỗi")
    assert roots.loc["27-NQ/TW", "Số văn bản bên dưới"] == 3  # 11-KH/TW, 60-KH/TU, 80-KH/ĐUK
    assert roots.loc["27-NQ/TW", "Số cấp bên dưới"] == 3
    assert int(metrics["Đơn vị chưa ban hành kế hoạch"]) > 0  # every unit of 60-KH/TU but the bloc
    assert metrics["Nhiệm vụ chưa được cụ thể hóa"] == "0"  # 80-KH/ĐUK carries all nine


def test_search_box_ignores_diacritics(open_page: Open) -> None:
    at = open_page("cascade_map")
    at.text_input(key="cascade_query").input("ke hoach 60").run()
    options = at.selectbox(key="cascade_uid").options
    assert options and all("60-KH/TU" in o for o in options)
    at.text_input(key="cascade_query").input("dang uy khoi cac co quan").run()
    assert any(BLOC in o for o in at.selectbox(key="cascade_uid").options)


def _drawn(at: AppTest) -> str:
    """The labels and tooltips of every node in the page's one graph (vis-network data, JSON-escaped)."""
    frames = at.get("iframe")
    assert len(frames) == 1
    match = re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", str(frames[0].proto.srcdoc), re.DOTALL)
    assert match, "no vis-network nodes in the iframe"
    return " ".join(f"{n['label']} {n['title']}" for n in json.loads(match.group(1)))


def test_cascade_map_draws_the_cascade_offline(open_page: Open, app_env: SampleGraph) -> None:
    at = open_page("cascade_map", selected_cascade=app_env.uid("60-KH/TU"))
    html = str(at.get("iframe")[0].proto.srcdoc)
    assert not re.search(r"<(script|link)[^>]+(src|href)=[\"']https?:", html)
    assert "Chưa ban hành kế hoạch" in html  # the legend: units of 60-KH/TU without a plan
    drawn = _drawn(at)
    for symbol in ("27-NQ/TW", "11-KH/TW", "60-KH/TU", "80-KH/ĐUK", BLOC):
        assert symbol in drawn
    assert "III.2" not in drawn  # tasks stay folded until asked for
    at.multiselect(key="cascade_open").select(app_env.uid("80-KH/ĐUK")).run()
    assert not at.exception
    assert "III.2" in _drawn(at)
    assert "Nguyễn Hữu Lộc" not in _drawn(at)  # signers are not drawn by default…
    at.multiselect(key="cascade_expand").select(app_env.uid("80-KH/ĐUK")).run()
    assert "Nguyễn Hữu Lộc" in _drawn(at)  # …but expanding the plan shows all its neighbours


def test_document_page_shows_facts_tasks_and_source_lines(open_page: Open, app_env: SampleGraph) -> None:
    at = open_page("document", selected_doc=app_env.uid("80-KH/ĐUK"))
    assert at.subheader[0].value == plain("Kế hoạch 80-KH/ĐUK")  # shown as text, never as markdown
    cells = _cells(at)
    assert "27/06/2023" in cells and "Nguyễn Hữu Lộc" in cells and "60-KH/TU" in cells
    tasks = next(f for f in _frames(at) if "Nội dung" in f.columns and "Dòng" in f.columns)
    assert "III.2" in set(tasks["Mục"]) and tasks["Dòng"].notna().all()
    source = " ".join(h.proto.body for h in at.get("html"))
    assert "<mark" in source and "Nhiệm vụ III.2" in source
    assert [b.label for b in at.download_button] == ["Tải tệp gốc"]


def test_document_page_of_a_cited_only_document_says_so(open_page: Open, app_env: SampleGraph) -> None:
    at = open_page("document", selected_doc=app_env.uid("27-NQ/TW"))
    assert any("chỉ được biết qua trích dẫn" in w.value for w in at.warning)


def test_organ_page_shows_what_the_bloc_owes_and_issued(open_page: Open, app_env: SampleGraph) -> None:
    at = open_page("organ", selected_organ=app_env.organ_uid(BLOC))
    owed = next(f for f in _frames(at) if "Văn bản giao" in f.columns)
    row = owed.set_index("Văn bản giao").loc["60-KH/TU"]
    assert row["Tình trạng"] == SubplanStatus.ON_TIME.label_vi
    issued = next(f for f in _frames(at) if "Thực hiện" in f.columns)
    assert "80-KH/ĐUK" in set(issued["Văn bản"])


def test_gaps_audit_finds_the_bloc_plan_on_time(open_page: Open, app_env: SampleGraph) -> None:
    at = open_page("gaps")
    at.selectbox(key="gaps_plan").set_value(app_env.uid("60-KH/TU")).run()
    audit = _frames(at)[0]
    bloc = audit[audit["Đơn vị"] == BLOC].iloc[0]
    assert bloc["Kế hoạch của đơn vị"] == "80-KH/ĐUK"
    assert bloc["Tình trạng"] == SubplanStatus.ON_TIME.label_vi  # "on time"
    assert bloc["Ngày ban hành"] == "27/06/2023"
    assert {b.label for b in at.download_button} == {"Tải .xlsx", "Tải .docx", "Tải .csv"}


def test_gaps_coverage_is_nine_of_nine(open_page: Open, app_env: SampleGraph) -> None:
    at = open_page("gaps")
    pair = f"{app_env.uid('60-KH/TU')}|{app_env.uid('80-KH/ĐUK')}"
    at.selectbox(key="gaps_pair").set_value(pair).run()
    metrics = _metrics(at)
    assert metrics["Nhiệm vụ trọng tâm của văn bản cấp trên"] == "9"
    assert metrics["Đã được cụ thể hóa"] == "9"
    assert metrics["Chưa được cụ thể hóa"] == "0"


def test_gaps_lists_cited_only_documents_and_overdue_tasks(open_page: Open) -> None:
    at = open_page("gaps")
    cited = next(f for f in _frames(at) if "Được dẫn trong" in f.columns)
    assert set(cited["Số, ký hiệu"]) == {"27-NQ/TW", "11-KH/TW"}
    overdue = next(f for f in _frames(at) if "Chủ trì" in f.columns and "Thời hạn" in f.columns)
    assert "80-KH/ĐUK" in set(overdue["Văn bản"])  # III.2, due 30/7/2023
    assert any(f.columns[0] == "Tên cơ quan (như trong văn bản)" for f in _frames(at))


def test_saved_query_runs_with_its_parameters(open_page: Open) -> None:
    at = open_page("cypher_query")
    at.selectbox(key="saved_name").set_value("subplan_audit").run()
    at.selectbox(key="saved_subplan_audit_plan").set_value("60-KH/TU")  # a form: sent with the submit
    next(b for b in at.button if b.label == "Chạy truy vấn").click().run()
    assert not at.exception and not at.error
    result = _frames(at)[0]
    assert "80-KH/ĐUK" in set(result[COLUMNS["subplan"]])  # columns named by the glossary


def test_console_refuses_a_write_and_changes_nothing(open_page: Open, app_env: SampleGraph) -> None:
    before = app_env.store.read("MATCH (n) RETURN count(n) AS n")[0]["n"]
    at = open_page("cypher_query")
    at.text_area(key="console_text").input("CREATE (n)").run()
    at.button(key="console_run").click().run()
    assert any("chỉ được đọc" in e.value for e in at.error)
    assert app_env.store.read("MATCH (n) RETURN count(n) AS n")[0]["n"] == before


def test_console_shows_rows_and_a_graph(open_page: Open) -> None:
    at = open_page("cypher_query")
    at.text_area(key="console_text").input("MATCH (d:Document)-[r:IMPLEMENTS]->(p:Document) RETURN d, r, p").run()
    at.button(key="console_run").click().run()
    assert any("dòng" in s.value for s in at.success)
    assert "60-KH/TU" in _cells(at)
    assert "80-KH/ĐUK" in _drawn(at)


def test_console_reports_a_syntax_error(open_page: Open) -> None:
    at = open_page("cypher_query")
    at.text_area(key="console_text").input("MATCH (n RETURN n").run()
    at.button(key="console_run").click().run()
    assert any(e.value.startswith("Truy vấn lỗi") for e in at.error)


@pytest.mark.parametrize(
    ("cypher", "hint"),
    [
        ("MATCH (d:Document) WHERE d.symbol =~ '60.*' RETURN d", "STARTS WITH"),
        ("RETURN duration.between(date('2023-01-01'), date()) AS d", "duration.inDays(a, b).days"),
        ("MATCH (n RETURN n", "dấu ngoặc chưa đóng"),
        ("MATCH (n) RETURN n ORDER", "sai cú pháp Cypher"),
    ],
    ids=["regex", "duration-between", "bracket", "syntax"],
)
def test_console_errors_are_vietnamese_with_a_hint_and_the_store_s_words_folded(
    open_page: Open, app_env: SampleGraph, cypher: str, hint: str
) -> None:
    at = open_page("cypher_query")
    at.text_area(key="console_text").input(cypher).run()
    at.button(key="console_run").click().run()
    [line] = [_unescaped(e.value) for e in at.error]
    assert line.startswith("Truy vấn lỗi: ") and "Gợi ý: " in line and hint in line
    assert "errMsg" not in line and "Invalid input" not in line and "Unknown function" not in line
    [detail] = [x for x in at.expander if x.label == "Chi tiết kỹ thuật"]
    assert detail.code and detail.code[0].value  # the store's (or the rewrite's) own message, folded


def test_console_builds_a_field_for_each_parameter_and_runs_with_their_values(open_page: Open) -> None:
    at = open_page("cypher_query")
    cypher = (
        "MATCH (t:Task)-[a:ASSIGNED_TO]->(o) WHERE t.deadline < date($as_of) AND a.role = $role "
        "AND t.line > $n RETURN o.name AS organ, a.role AS role, t.deadline AS deadline ORDER BY deadline LIMIT 5"
    )
    at.text_area(key="console_text").input(cypher).run()
    assert {t.label for t in at.text_input if t.key.startswith("console_param_")} == {"$as_of", "$role", "$n"}
    at.text_input(key="console_param_as_of").input("2026-11-23")
    at.text_input(key="console_param_role").input("lead")
    at.text_input(key="console_param_n").input("0").run()
    at.button(key="console_run").click().run()
    assert not at.error, [e.value for e in at.error]
    result = _frames(at)[-1]  # after the schema panel's tables
    assert list(result.columns) == [COLUMNS["organ"], COLUMNS["role"], COLUMNS["deadline"]]
    assert len(result) == 5 and set(result[COLUMNS["role"]]) == {"chủ trì"}  # codes in the glossary's words


def test_console_history_outlives_the_app_and_reopens_a_query_with_its_values(open_page: Open) -> None:
    at = open_page("cypher_query")
    at.text_area(key="console_text").input("MATCH (d:Document {symbol: $s}) RETURN d.title AS title").run()
    at.text_input(key="console_param_s").input("60-KH/TU").run()
    at.button(key="console_run").click().run()
    assert not at.error
    again = open_page("cypher_query")  # a new session: only the file under KG_QUERIES_DIR remembers
    assert again.text_area(key="console_text").value != "MATCH (d:Document {symbol: $s}) RETURN d.title AS title"
    [entry] = again.selectbox(key="console_history").options
    assert "MATCH (d:Document {symbol: $s})" in entry
    again.button(key="console_reopen").click().run()
    assert again.text_area(key="console_text").value.startswith("MATCH (d:Document {symbol: $s})")
    assert again.text_input(key="console_param_s").value == "60-KH/TU"


def _save(at: AppTest, name: str, title: str) -> None:
    at.text_input(key="console_save_name").input(name)
    at.text_input(key="console_save_title").input(title)
    next(b for b in at.button if b.label == "Lưu").click().run()


def test_console_saves_a_query_beside_the_shipped_ones_and_refuses_a_taken_name(
    open_page: Open, app_env: SampleGraph, capsys: pytest.CaptureFixture[str]
) -> None:
    at = open_page("cypher_query")
    cypher = "MATCH (t:Task) WHERE t.deadline < date($as_of) RETURN t.path AS path, t.deadline AS deadline"
    at.text_area(key="console_text").input(cypher).run()
    at.text_input(key="console_param_as_of").input("2026-11-23").run()
    _save(at, "han_truoc_ngay", "Nhiệm vụ có thời hạn trước một ngày")
    assert any("Đã lưu" in s.value for s in at.success), [e.value for e in at.error]
    _save(at, "subplan_audit", "Trùng tên")  # a shipped query's name
    assert any("Đã có một truy vấn tên “subplan_audit”" in _unescaped(e.value) for e in at.error)
    _save(at, "Hạn chót", "Tên có dấu")
    assert any("chữ thường không dấu" in _unescaped(e.value) for e in at.error)

    from queries.__main__ import main as queries_cli  # the CLI lists it beside the shipped ones and runs it

    assert queries_cli(["list"]) == 0
    listing = capsys.readouterr().out
    assert "han_truoc_ngay: Nhiệm vụ có thời hạn trước một ngày" in listing and "subplan_audit:" in listing
    assert queries_cli(["run", "han_truoc_ngay", "--store", app_env.url, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and set(rows[0]) == {COLUMNS["path"], COLUMNS["deadline"]}

    again = open_page("cypher_query")  # and the app's saved tab offers it, with its parameter's default
    again.selectbox(key="saved_name").set_value("han_truoc_ngay").run()
    assert again.date_input(key="saved_han_truoc_ngay_as_of").value.isoformat() == "2026-11-23"
    next(b for b in again.button if b.label == "Chạy truy vấn").click().run()
    assert not again.error
    result = next(f for f in _frames(again) if COLUMNS["path"] in f.columns)
    assert len(result) == len(rows)


def test_console_shows_the_schema_beside_the_editor(open_page: Open) -> None:
    at = open_page("cypher_query")
    [panel] = [x for x in at.expander if x.label == "Lược đồ dữ liệu"]
    labels = panel.dataframe[0].value
    assert any(label.startswith("Task (Nhiệm vụ)") for label in labels["Nhãn"])
    assert "deadline" in labels.set_index("Nhãn").loc["Task (Nhiệm vụ)", "Thuộc tính"]


def test_schema_page_lists_labels_properties_and_the_store_s_patterns(open_page: Open) -> None:
    at = open_page("schema")
    assert at.title[0].value == "Lược đồ dữ liệu"
    frames = _frames(at)
    task = next(f for f in frames if "Thuộc tính" in f.columns and "deadline" in set(f["Thuộc tính"]))
    assert task.set_index("Thuộc tính").loc["deadline", "Kiểu"] == "ngày"
    assert task.set_index("Thuộc tính").loc["key_for", "Do ai ghi"] == "bước liên kết"
    relations = next(f for f in frames if "Loại quan hệ" in f.columns).set_index("Loại quan hệ")
    assert relations.loc["ASSIGNED_TO", "Nghĩa"] == "giao nhiệm vụ cho"
    assert "role (chuỗi)" in relations.loc["ASSIGNED_TO", "Thuộc tính (kiểu)"]
    patterns = next(f for f in frames if "Mẫu" in f.columns).set_index("Mẫu")
    assert patterns.loc["(Document)-[:IMPLEMENTS]->(Document)", "Số lượng"] >= 3


def test_upload_previews_then_loads_and_reports_a_bad_file(open_page: Open, app_env: SampleGraph) -> None:
    seed = SEED_80
    at = open_page("document_upload")
    at.file_uploader(key="upload_files").set_value(
        [(seed.name, seed.read_bytes(), "text/plain"), ("hong.pdf", b"not a pdf", "application/pdf")]
    ).run()
    assert "80-KH/ĐUK" in _cells(at)
    assert any(plain("hong.pdf") in e.value for e in at.error)  # the bad file's preview says why, as text
    at.button(key="upload_commit").click().run()
    assert any("Đã nạp 1/2 tệp" in s.value for s in at.success)
    assert (app_env.uploads / seed.name).is_file()
    assert not (app_env.uploads / "hong.pdf").exists()  # a file that does not load is never kept
    assert app_env.store.read("MATCH (d:Document {symbol: '80-KH/ĐUK'}) RETURN count(d) AS n")[0]["n"] == 1


def test_console_stops_a_slow_query(open_page: Open, app_env: SampleGraph) -> None:
    if app_env.url.startswith("arcadedb"):
        pytest.skip("ArcadeDB ignores the transaction timeout (see graph/stores/bolt.py)")
    at = open_page("cypher_query")
    at.number_input(key="console_timeout").set_value(1)
    at.text_area(key="console_text").input(
        "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*)"
    )
    at.button(key="console_run").click().run()
    assert any("quá thời gian cho phép" in e.value for e in at.error)


def test_console_caps_the_rows(open_page: Open) -> None:
    at = open_page("cypher_query")
    at.number_input(key="console_cap").set_value(5)
    at.text_area(key="console_text").input("UNWIND range(1, 100) AS x RETURN x")
    at.button(key="console_run").click().run()
    assert any("đã bị cắt" in s.value for s in at.success)
    assert len(_frames(at)[-1]) == 5  # the result, after the schema panel beside the editor
