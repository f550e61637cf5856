"""Văn bản: one document's header facts, place in the cascade, sections and tasks, and its source text with the
line of each fact highlighted."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui import data
from ui.explorer import vi_date
from ui.sourceview import excerpt, facts_by_line, render_source
from ui.widgets import frame, goto, pick, show_table


def _header(facts: dict[str, Any]) -> None:
    st.subheader(f"{facts.get('type_name') or 'Văn bản'} {facts.get('symbol') or ''}")
    if facts.get("title"):
        st.markdown(f"*{facts['title']}*")
    if facts.get("status") == "cited":
        st.warning("Văn bản này chỉ được biết qua trích dẫn trong văn bản khác; chưa có nội dung trong kho.")
    date_text = vi_date(facts.get("date"))
    if source := facts.get("date_source"):
        date_text += f" ({source.replace('cited in ', 'theo trích dẫn trong ')})"
    signers = [
        f"{s.get('name')} — {s.get('capacity') or ''} {s.get('title') or ''}".strip() for s in facts["signers"]
    ]
    received = [
        f"{r['by']}, số đến {r.get('number') or '?'}, ngày {vi_date(r.get('date'))}" for r in facts["received"]
    ]
    rows = [
        ("Số, ký hiệu", facts.get("symbol")),
        ("Ngày ban hành", date_text),
        ("Nơi ban hành", facts.get("place")),
        ("Cơ quan ban hành", "; ".join(facts.get("issuers") or ())),
        ("Người ký", "; ".join(signers)),
        ("Dấu văn bản đến", "; ".join(received)),
        ("Mã trong kho", facts.get("uid")),
    ]
    shown = [{"field": k, "value": v} for k, v in rows if v]
    show_table(frame(shown, {"field": "Thông tin", "value": "Giá trị"}))


def _cascade(view: dict[str, Any]) -> None:
    st.markdown("**Vị trí trong chuỗi văn bản**")
    links = view["links"]
    for direction, title in (
        ("up", "Văn bản này thực hiện / dẫn chiếu"),
        ("down", "Được thực hiện / dẫn chiếu bởi"),
    ):
        rows = [r for r in links if r["direction"] == direction]
        for r in rows:
            r["how"] = "thực hiện" if r["rel"] == "IMPLEMENTS" else "dẫn chiếu"
            r["how"] += " (cấp trên trực tiếp)" if r.get("cascade_parent") else ""
            r["date_vi"], r["state"] = (
                vi_date(r.get("date")),
                "chỉ dẫn chiếu" if r["status"] == "cited" else "đã nạp",
            )
        st.caption(title)
        columns = {
            "symbol": "Văn bản",
            "type_name": "Loại",
            "date_vi": "Ngày",
            "how": "Quan hệ",
            "state": "Tình trạng",
        }
        show_table(frame(rows, columns))
    if st.button("Xem trên sơ đồ chỉ đạo", key="doc_to_cascade"):
        goto("cascade", cascade=view["facts"]["uid"])


def _tasks(view: dict[str, Any]) -> None:
    rows = sorted(view["tasks"], key=lambda t: t.get("line") or 0)
    for r in rows:
        r["deadline_vi"] = vi_date(r.get("deadline")) or r.get("recurrence") or ""
    columns = {
        "path": "Mục",
        "deadline_vi": "Thời hạn",
        "text": "Nội dung",
        "lead": "Chủ trì",
        "coordinate": "Phối hợp",
        "deadline_text": "Thời hạn (nguyên văn)",
        "line": "Dòng",
    }
    wide = {"Nội dung": st.column_config.TextColumn(width="large")}
    medium = {k: st.column_config.TextColumn(width="medium") for k in ("Chủ trì", "Phối hợp")}
    show_table(frame(rows, columns), column_config=wide | medium)


def _orders(view: dict[str, Any]) -> None:
    for r in view["subplans"]:
        r["deadline_vi"] = vi_date(r.get("deadline"))
    columns = {
        "unit": "Đơn vị phải xây dựng kế hoạch",
        "deadline_vi": "Hạn",
        "deadline_text": "Nguyên văn",
        "via_group": "Theo nhóm",
        "task_path": "Mục",
    }
    show_table(frame(view["subplans"], columns))
    st.caption("Nơi nhận")
    columns = {"organ": "Cơ quan", "purpose": "Mục đích", "text": "Nguyên văn"}
    show_table(frame(view["recipients"], columns))


def _source(view: dict[str, Any]) -> None:
    path = data.source_file(view["facts"].get("source_path"))
    lines = data.source_lines(path) if path else None
    if path is None or lines is None:
        st.info("Không có tệp gốc của văn bản này trong máy.")
        return
    st.download_button("Tải tệp gốc", path.read_bytes(), file_name=path.name, key="doc_download")
    facts = facts_by_line(view)
    choices = sorted(facts)
    focus = (
        st.selectbox(
            "Dòng nguồn của dữ kiện",
            choices,
            format_func=lambda n: f"dòng {n}: {', '.join(facts[n])}",
            key="doc_fact_line",
        )
        if choices
        else None
    )
    if focus:
        st.html(excerpt(lines, facts, focus))
    with st.container(height=520):
        st.html(render_source(lines, facts, focus))


def render() -> None:
    st.title("Văn bản")
    chosen = pick("Tìm văn bản (số, ký hiệu, trích yếu; có dấu hoặc không dấu)", ("document",), "doc")
    if chosen is None:
        return
    view = data.document_view(chosen.uid)
    if view is None:
        st.error("Không tìm thấy văn bản này trong kho.")
        return
    _header(view["facts"])
    _cascade(view)
    tabs = st.tabs(["Nhiệm vụ", "Mục", "Yêu cầu kế hoạch và nơi nhận", "Văn bản gốc"])
    with tabs[0]:
        _tasks(view)
    with tabs[1]:
        columns = {"path": "Mục", "heading": "Tiêu đề"}
        show_table(frame(view["sections"], columns))
    with tabs[2]:
        _orders(view)
    with tabs[3]:
        _source(view)


render()
