"""Cơ quan: an organ's tasks by document and deadline, the sub-plans it owes and has issued, and its place in the
organ tree."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui import data
from ui.explorer import vi_date
from ui.widgets import as_of_input, frame, goto, pick, show_table

_REL = {"PART_OF": "thuộc", "MEMBER_OF": "thành viên nhóm", "SUCCEEDED_BY": "được kế thừa bởi"}


def _facts(facts: dict[str, Any]) -> None:
    st.subheader(facts["name"])
    if facts.get("resolved") is False:
        st.warning("Tên cơ quan này chưa có trong danh mục cơ quan (data/organs/): cần rà soát.")
    bits = [
        f"Hiệu lực: {vi_date(facts.get('valid_from'))} – {vi_date(facts.get('valid_to'))}"
        if facts.get("valid_from") or facts.get("valid_to")
        else "",
        f"Tên khác: {', '.join(facts['aliases'])}" if facts.get("aliases") else "",
    ]
    if text := " · ".join(b for b in bits if b):
        st.caption(text)


def _tasks(rows: list[dict[str, Any]]) -> None:
    for r in rows:
        r["role_vi"] = "chủ trì" if r.get("role") == "lead" else "phối hợp"
        r["deadline_vi"] = vi_date(r.get("deadline")) or r.get("recurrence") or ""
    columns = {
        "document": "Văn bản",
        "path": "Mục",
        "role_vi": "Vai trò",
        "text": "Nội dung",
        "deadline_vi": "Thời hạn",
        "deadline_text": "Nguyên văn",
    }
    show_table(frame(rows, columns))


def _subplans(view: dict[str, Any]) -> None:
    st.caption("Kế hoạch phải xây dựng (theo yêu cầu của văn bản cấp trên)")
    for r in view["owed"]:
        r["deadline_vi"] = vi_date(r.get("deadline"))
    columns = {
        "plan": "Văn bản yêu cầu",
        "deadline_vi": "Hạn",
        "deadline_text": "Nguyên văn",
        "status": "Tình trạng",
    }
    show_table(frame(view["owed"], columns))
    st.caption("Văn bản đã ban hành")
    for r in view["issued"]:
        r["date_vi"] = vi_date(r.get("date"))
    columns = {
        "symbol": "Văn bản",
        "type_name": "Loại",
        "date_vi": "Ngày",
        "issuer": "Cơ quan ban hành",
        "implements": "Thực hiện",
        "title": "Trích yếu",
    }
    show_table(frame(view["issued"], columns))


def _tree(rows: list[dict[str, Any]]) -> None:
    for r in rows:
        rel = _REL.get(r["rel"], r["rel"])
        r["relation"] = rel if r["direction"] == "up" else f"bên dưới ({rel})"
    columns = {"relation": "Quan hệ", "name": "Cơ quan / nhóm", "date": "Từ ngày"}
    show_table(frame(rows, columns))


def render() -> None:
    st.title("Cơ quan")
    chosen = pick("Tìm cơ quan (có dấu hoặc không dấu)", ("organ",), "organ", placeholder="ví dụ: ban noi chinh")
    if chosen is None:
        return
    as_of = as_of_input("Xét thời hạn tính đến ngày", "organ_as_of")
    view = data.organ_view(chosen.uid, as_of)
    if view is None:
        st.error("Không tìm thấy cơ quan này trong kho.")
        return
    _facts(view["facts"])
    tabs = st.tabs(["Nhiệm vụ được giao", "Kế hoạch phải xây dựng và đã ban hành", "Vị trí trong tổ chức"])
    with tabs[0]:
        _tasks(view["tasks"])
    with tabs[1]:
        _subplans(view)
    with tabs[2]:
        _tree(view["tree"])
    if st.button("Xem trên sơ đồ chỉ đạo", key="organ_to_cascade"):
        goto("cascade", cascade=chosen.uid)


render()
