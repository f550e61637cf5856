"""Tổng quan: what the store holds, the cascades and how far they reach, the biggest gaps at a glance."""

from __future__ import annotations

from datetime import date

import streamlit as st

from ui.auth.roles import Permission
from ui.auth.session import require
from ui.components.text import plain
from ui.components.widgets import frame, show_table
from ui.navigation import goto
from ui.views.overview import ROOTS_WITH_A_BUTTON, Overview, overview


def _counts(summary: Overview) -> None:
    counts = summary.counts
    cols = st.columns(4)
    cols[0].metric("Văn bản đã nạp", counts.loaded)
    cols[1].metric("Văn bản chỉ được dẫn chiếu", counts.cited)
    cols[2].metric("Cơ quan", counts.organs, help=f"{counts.unresolved} tên chưa xác định")
    cols[3].metric("Nhiệm vụ", counts.tasks)


def _roots(summary: Overview) -> None:
    st.subheader("Các chuỗi văn bản chỉ đạo")
    roots = summary.roots
    if not roots:
        st.info("Chưa có chuỗi văn bản nào: hãy nạp văn bản ở trang “Nạp văn bản”.")
        return
    columns = {
        "symbol": "Văn bản đầu chuỗi",
        "type_name": "Loại",
        "date_vi": "Ngày",
        "state": "Tình trạng",
        "depth": "Số cấp bên dưới",
        "below": "Số văn bản bên dưới",
        "title": "Trích yếu",
    }
    show_table(frame(roots, columns))
    cols = st.columns(min(len(roots), ROOTS_WITH_A_BUTTON))
    for i, root in enumerate(roots[:ROOTS_WITH_A_BUTTON]):
        if cols[i].button(f"Xem sơ đồ {plain(root.symbol)}", key=f"root_{i}"):
            goto("cascade_map", cascade=root.uid)


def _gaps(summary: Overview) -> None:
    st.subheader("Khoảng trống nổi bật")
    cols = st.columns(4)
    cols[0].metric(
        "Đơn vị chưa ban hành kế hoạch",
        summary.missing,
        help=f"{summary.late} đơn vị ban hành muộn, trên {summary.ordered} đơn vị được yêu cầu",
    )
    cols[1].metric(
        "Nhiệm vụ chưa được cụ thể hóa",
        summary.uncovered,
        help=f"nhiệm vụ trọng tâm của văn bản cấp trên mà văn bản cấp dưới chưa cụ thể hóa "
        f"({summary.pairs} cặp văn bản)",
    )
    cols[2].metric("Văn bản chỉ được dẫn chiếu", summary.counts.cited)
    cols[3].metric("Nhiệm vụ quá hạn (hôm nay)", summary.overdue)
    if st.button("Xem chi tiết các khoảng trống", key="to_gaps"):
        goto("gaps")


def render() -> None:
    st.title("Tổng quan")
    summary = overview(date.today())
    _counts(summary)
    _roots(summary)
    _gaps(summary)


if __name__ == "__main__":
    require(Permission.VIEW)  # on the server, before anything is read or drawn
    render()
