"""Truy vấn Cypher: the saved queries (shipped and the user's) with their parameters as form fields, and a free
read-only console with a time limit and a row cap: a field for each ``$name`` in its text, the queries run before
(kept across restarts), saving the query beside the shipped ones, and the schema folded beside the editor.
Results show as a table and, when they hold nodes or edges, as a graph; an error is one Vietnamese line, the
store's own message folded under it."""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from common.glossary import COLUMNS, TERMS
from queries.catalog import Param, SavedQuery
from reports.model import Report, Table
from ui.auth.roles import Permission
from ui.auth.session import require
from ui.components.report_view import show_report
from ui.components.schema_panel import show_schema
from ui.components.text import plain
from ui.components.widgets import graph_frame
from ui.views.cypher_query import (
    ROW_CAP,
    TIMEOUT_MS,
    HistoryEntry,
    QueryResult,
    console_history,
    document_symbols,
    flat_rows,
    history_label,
    parameter_text,
    parse_parameter,
    query_parameters,
    result_graph_html,
    run_console_query,
    run_saved,
    save_console_query,
    saved_queries,
)

_EXAMPLE = """MATCH (d:Document)-[r:IMPLEMENTS]->(p:Document)
RETURN d, r, p
LIMIT 25"""


def _field(query: SavedQuery, param: Param, symbols: list[str]) -> Any:
    key = f"saved_{query.name}_{param.name}"
    label = param.description or COLUMNS.get(param.name, param.name)
    default = param.default_value()
    if param.type == "date":
        return st.date_input(
            label, date.fromisoformat(default) if default else date.today(), key=key, format="DD/MM/YYYY"
        ).isoformat()
    if param.type in {"int", "float"}:
        return st.number_input(label, value=default if default is not None else 0, key=key)
    if param.type == "bool":
        return st.checkbox(label, value=bool(default), key=key)
    if param.type == "symbol" and symbols:
        index = symbols.index(default) if default in symbols else 0
        return st.selectbox(label, symbols, index=index, key=key)
    return st.text_input(label, value=default or "", key=key)


def _saved() -> None:
    queries = {q.name: q for q in saved_queries()}
    name = st.selectbox(
        "Truy vấn",
        list(queries),
        format_func=lambda n: queries[n].title + ("" if queries[n].shipped else " (đã lưu từ truy vấn tự do)"),
        key="saved_name",
    )
    query = queries[name]
    st.caption(query.description)
    symbols = document_symbols()
    with st.form(f"saved_form_{name}"):
        values = {p.name: _field(query, p, symbols) for p in query.params}
        run = st.form_submit_button("Chạy truy vấn")
    with st.expander("Câu lệnh Cypher"):
        st.code(query.cypher, language="cypher")
    if run:
        st.session_state["saved_result"] = (name, run_saved(query, values))
    if (kept := st.session_state.get("saved_result")) and kept[0] == name:
        _show(kept[1], query.title, f"saved_{name}")


def _param_key(name: str) -> str:
    return f"console_param_{name}"


def _reopen() -> None:
    """Put the chosen history entry back in the editor and its values in the parameter fields (a callback: it
    runs before the widgets are drawn again)."""
    entries = console_history()
    index = st.session_state.get("console_history")
    if index is None or index >= len(entries):
        return
    entry = entries[index]
    st.session_state["console_text"] = entry.cypher
    for name, value in entry.params.items():
        st.session_state[_param_key(name)] = parameter_text(value)


def _history() -> None:
    entries = console_history()
    if not entries:
        return
    # folded: the texts are the analyst's Cypher, which the page need not show until asked
    with st.expander(f"{TERMS['history']} ({len(entries)})"):
        _history_pick(entries)


def _history_pick(entries: list[HistoryEntry]) -> None:
    cols = st.columns([5, 1], vertical_alignment="bottom")
    cols[0].selectbox(
        TERMS["history"],
        range(len(entries)),
        format_func=lambda i: history_label(entries[i]),
        key="console_history",
    )
    cols[1].button("Mở lại", key="console_reopen", on_click=_reopen)


def _parameters(cypher: str) -> dict[str, Any]:
    names = query_parameters(cypher)
    if not names:
        return {}
    st.markdown(f"**{TERMS['parameter']}**")
    cols = st.columns(min(len(names), 3))
    for i, name in enumerate(names):
        cols[i % len(cols)].text_input(
            f"${name}",
            key=_param_key(name),
            help="Số, true/false, danh sách [1, 2], hoặc chữ; ngày viết 2026-11-23 và so sánh bằng date($tên).",
        )
    return {name: parse_parameter(st.session_state.get(_param_key(name), "")) for name in names}


def _save(cypher: str, params: dict[str, Any]) -> None:
    with st.expander(TERMS["save_query"]), st.form("console_save", clear_on_submit=False):
        st.caption(
            "Truy vấn được lưu cùng các truy vấn có sẵn (mục “Truy vấn có sẵn” và lệnh python -m queries list); "
            "mỗi tham số lấy giá trị đang điền làm giá trị mặc định."
        )
        name = st.text_input("Tên (chữ thường không dấu, chữ số, _)", key="console_save_name")
        title = st.text_input("Tiêu đề", key="console_save_title")
        description = st.text_area("Mô tả", key="console_save_description", height=80)
        if st.form_submit_button("Lưu"):
            saved = save_console_query(name, title, description, cypher, params)
            if isinstance(saved, str):
                st.error(plain(saved))
            else:
                st.success(f"Đã lưu “{plain(saved.title)}”; truy vấn có trong mục “Truy vấn có sẵn”.")


def _console() -> None:
    st.caption(
        "Truy vấn tự do, chỉ đọc: truy vấn ghi dữ liệu (CREATE, MERGE, SET, DELETE…) bị từ chối; "
        "truy vấn chạy quá thời gian cho phép bị dừng; kết quả bị cắt ở số dòng tối đa. "
        "Viết theo Cypher của Neo4j 5; mỗi $tên trong câu lệnh có một ô tham số."
    )
    editor, side = st.columns([3, 1])
    with side, st.expander(TERMS["schema"]):
        show_schema("console_schema", compact=True)
    with editor:
        _history()
        if "console_text" not in st.session_state:
            st.session_state["console_text"] = _EXAMPLE
        cypher = st.text_area("Câu lệnh Cypher", height=160, key="console_text")
        params = _parameters(cypher)
        cols = st.columns(3)
        seconds = cols[0].number_input(
            "Thời gian tối đa (giây)", 1, 120, TIMEOUT_MS // 1000, key="console_timeout"
        )
        cap = cols[1].number_input("Số dòng tối đa", 1, 10_000, ROW_CAP, key="console_cap")
        if cols[2].button("Chạy (chỉ đọc)", key="console_run", type="primary"):
            st.session_state["console_result"] = run_console_query(
                cypher, params, timeout_ms=int(seconds) * 1000, row_cap=int(cap)
            )
        _save(cypher, params)
    if result := st.session_state.get("console_result"):
        _show(result, "Kết quả truy vấn", "console")


def _show(result: QueryResult, title: str, key: str) -> None:
    if not result.ok:
        st.error(plain(result.error), icon=":material/block:" if result.refused else None)
        if result.detail:
            with st.expander(TERMS["technical_detail"]):
                st.code(result.detail, language=None)
        return
    note = f"{len(result.rows)} dòng, {result.elapsed_ms} ms"
    st.success(note + (" — kết quả đã bị cắt ở số dòng tối đa." if result.truncated else "."))
    rows = flat_rows(result.rows)
    if not rows:
        return
    if html := result_graph_html(result.rows):
        st.caption("Các nút và quan hệ trong kết quả")
        graph_frame(html, 540)
    table = Table.from_records(title[:60], rows)
    show_report(Report.of_table(table, title=title), "ket-qua-truy-van", key)


def render() -> None:
    st.title("Truy vấn Cypher")
    saved, free = st.tabs(["Truy vấn có sẵn", TERMS["console"]])
    with saved:
        _saved()
    with free:
        _console()


if __name__ == "__main__":
    require(Permission.QUERY)  # on the server, before anything is read or drawn
    render()
