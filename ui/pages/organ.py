"""Cơ quan: an organ's tasks by document and deadline, the sub-plans it owes and has issued, and its place in the
organ tree."""

from __future__ import annotations

import streamlit as st

from ui.auth.roles import Permission
from ui.auth.session import require
from ui.components.text import plain
from ui.components.widgets import as_of_input, frame, pick, show_table
from ui.navigation import goto
from ui.views.organ import OrganFacts, OrganView, organ_view


def _facts(facts: OrganFacts) -> None:
    st.subheader(plain(facts.name))
    if facts.resolved is False:
        st.warning("Tên cơ quan này chưa có trong danh mục cơ quan (data/organs/): cần rà soát.")
    if facts.caption:
        st.caption(plain(facts.caption))


def _tasks(view: OrganView) -> None:
    columns = {
        "document": "Văn bản",
        "path": "Mục",
        "role_vi": "Vai trò",
        "text": "Nội dung",
        "deadline_vi": "Thời hạn",
        "deadline_text": "Nguyên văn",
    }
    show_table(frame(view.tasks, columns))


def _subplans(view: OrganView) -> None:
    st.caption("Kế hoạch của đơn vị cấp dưới (theo văn bản giao của cấp trên)")
    columns = {
        "plan": "Văn bản giao",
        "deadline_vi": "Thời hạn",
        "deadline_text": "Nguyên văn",
        "status": "Tình trạng",
    }
    show_table(frame(view.owed, columns))
    st.caption("Văn bản đã ban hành")
    columns = {
        "symbol": "Văn bản",
        "type_name": "Loại",
        "date_vi": "Ngày",
        "issuer": "Cơ quan ban hành",
        "implements": "Thực hiện",
        "title": "Trích yếu",
    }
    show_table(frame(view.issued, columns))


def render() -> None:
    st.title("Cơ quan")
    chosen = pick("Tìm cơ quan (có dấu hoặc không dấu)", ("organ",), "organ", placeholder="ví dụ: ban noi chinh")
    if chosen is None:
        return
    as_of = as_of_input("Xét thời hạn tính đến ngày", "organ_as_of")
    view = organ_view(chosen.uid, as_of)
    if view is None:
        st.error("Không tìm thấy cơ quan này trong kho.")
        return
    _facts(view.facts)
    tabs = st.tabs(
        ["Nhiệm vụ được giao", "Kế hoạch của đơn vị cấp dưới và văn bản đã ban hành", "Vị trí trong tổ chức"]
    )
    with tabs[0]:
        _tasks(view)
    with tabs[1]:
        _subplans(view)
    with tabs[2]:
        show_table(frame(view.tree, {"relation": "Quan hệ", "name": "Cơ quan / nhóm", "date_vi": "Từ ngày"}))
    if st.button("Xem trên sơ đồ chỉ đạo", key="organ_to_cascade"):
        goto("cascade_map", cascade=chosen.uid)


if __name__ == "__main__":
    require(Permission.VIEW)  # on the server, before anything is read or drawn
    render()
