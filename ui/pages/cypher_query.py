"""Truy vấn Cypher: the saved queries with their parameters as form fields, and a free read-only console with a
time limit and a row cap. Results show as a table and, when they hold nodes or edges, as a graph."""

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
from ui.components.text import plain
from ui.components.widgets import graph_frame
from ui.views.cypher_query import (
    ROW_CAP,
    TIMEOUT_MS,
    QueryResult,
    document_symbols,
    flat_rows,
    result_graph_html,
    run_query,
    run_saved,
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
    name = st.selectbox("Truy vấn", list(queries), format_func=lambda n: queries[n].title, key="saved_name")
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


def _console() -> None:
    st.caption(
        "Truy vấn tự do, chỉ đọc: truy vấn ghi dữ liệu (CREATE, MERGE, SET, DELETE…) bị từ chối; "
        "truy vấn chạy quá thời gian cho phép bị dừng; kết quả bị cắt ở số dòng tối đa."
    )
    cypher = st.text_area("Câu lệnh Cypher", _EXAMPLE, height=160, key="console_text")
    cols = st.columns(3)
    seconds = cols[0].number_input("Thời gian tối đa (giây)", 1, 120, TIMEOUT_MS // 1000, key="console_timeout")
    cap = cols[1].number_input("Số dòng tối đa", 1, 10_000, ROW_CAP, key="console_cap")
    if cols[2].button("Chạy (chỉ đọc)", key="console_run", type="primary"):
        st.session_state["console_result"] = run_query(cypher, timeout_ms=int(seconds) * 1000, row_cap=int(cap))
    if result := st.session_state.get("console_result"):
        _show(result, "Kết quả truy vấn", "console")


def _show(result: QueryResult, title: str, key: str) -> None:
    if not result.ok:
        st.error(plain(result.error), icon=":material/block:" if result.refused else None)
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
