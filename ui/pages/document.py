"""Văn bản: one document's header facts, place in the cascade, sections and tasks, and its source text with the
line of each fact highlighted."""

from __future__ import annotations

import streamlit as st

from graph.corrections import field_label
from ui.auth.roles import Permission
from ui.auth.session import require
from ui.components.source_view import excerpt, render_source
from ui.components.text import plain
from ui.components.widgets import frame, pick, show_table
from ui.navigation import goto
from ui.views.document import DocumentFacts, DocumentView, document_view, facts_by_line, source_file, source_lines
from ui.views.review import corrected


def _header(facts: DocumentFacts) -> None:
    st.subheader(plain(facts.heading))
    if facts.title:
        st.markdown(f"*{plain(facts.title)}*")
    _corrections(facts)
    if facts.status == "cited":
        st.warning("Văn bản này chỉ được biết qua trích dẫn trong văn bản khác; chưa có nội dung trong kho.")
    rows = [
        ("Số, ký hiệu", facts.symbol),
        ("Ngày ban hành", facts.date_text),
        ("Nơi ban hành", facts.place),
        ("Cơ quan ban hành", "; ".join(facts.issuers)),
        ("Người ký", "; ".join(s.text for s in facts.signers)),
        ("Dấu văn bản đến", "; ".join(r.text for r in facts.received)),
    ]
    shown = [{"field": k, "value": v} for k, v in rows if v]
    show_table(frame(shown, {"field": "Thông tin", "value": "Giá trị"}))


def _corrections(facts: DocumentFacts) -> None:
    """What reviewers corrected or accepted in this document (Rà soát), said above its facts."""
    fixes = [c for c in corrected() if c.document in (facts.symbol, facts.uid)]
    for c in fixes:
        done = ", ".join(field_label(f) for f in c.fields)
        seen = ", ".join(field_label(f) for f in c.accepted)
        what = "; ".join(
            p for p in (f"đã sửa {done}" if done else "", f"đã chấp nhận {seen}" if seen else "") if p
        )
        st.info(
            f"Rà soát — {plain(c.where)}: {plain(what)} ({plain(c.by)}, {plain(c.at)})", icon=":material/edit:"
        )


def _cascade(view: DocumentView) -> None:
    st.markdown("**Vị trí trong chuỗi văn bản**")
    columns = {
        "symbol": "Văn bản",
        "type_name": "Loại",
        "date_vi": "Ngày",
        "how": "Quan hệ",
        "state": "Tình trạng",
    }
    for direction, title in (
        ("up", "Văn bản này thực hiện / dẫn chiếu"),
        ("down", "Được thực hiện / dẫn chiếu bởi"),
    ):
        st.caption(title)
        show_table(frame([r for r in view.links if r.direction == direction], columns))
    if st.button("Xem trên sơ đồ chỉ đạo", key="doc_to_cascade"):
        goto("cascade_map", cascade=view.facts.uid)


def _tasks(view: DocumentView) -> None:
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
    show_table(frame(view.tasks, columns), column_config=wide | medium)


def _orders(view: DocumentView) -> None:
    columns = {
        "unit": "Đơn vị phải xây dựng kế hoạch",
        "deadline_vi": "Thời hạn",
        "deadline_text": "Thời hạn (nguyên văn)",
        "via_group": "Theo nhóm",
        "task_path": "Mục",
    }
    show_table(frame(view.subplans, columns))
    st.caption("Nơi nhận")
    show_table(frame(view.recipients, {"organ": "Cơ quan", "purpose": "Mục đích", "text": "Nguyên văn"}))


def _source(view: DocumentView) -> None:
    path = source_file(view.facts.source_path)
    lines = source_lines(path) if path else None
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
    view = document_view(chosen.uid)
    if view is None:
        st.error("Không tìm thấy văn bản này trong kho.")
        return
    _header(view.facts)
    _cascade(view)
    tabs = st.tabs(["Nhiệm vụ", "Mục", "Giao xây dựng kế hoạch và nơi nhận", "Văn bản gốc"])
    with tabs[0]:
        _tasks(view)
    with tabs[1]:
        show_table(frame(view.sections, {"path": "Mục", "heading": "Tiêu đề"}))
    with tabs[2]:
        _orders(view)
    with tabs[3]:
        _source(view)


if __name__ == "__main__":
    require(Permission.VIEW)  # on the server, before anything is read or drawn
    render()
