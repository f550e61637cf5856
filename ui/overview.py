"""Tổng quan: what the store holds, the cascades and how far they reach, the biggest gaps at a glance."""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from ui import data
from ui.explorer import vi_date
from ui.widgets import frame, goto, show_table


def _counts(summary: dict[str, Any]) -> None:
    counts = summary["counts"]
    cols = st.columns(4)
    cols[0].metric("Văn bản đã nạp", counts.get("loaded", 0))
    cols[1].metric("Văn bản chỉ được dẫn chiếu", counts.get("cited", 0))
    cols[2].metric("Cơ quan", counts.get("organs", 0), help=f"{counts.get('unresolved', 0)} tên chưa xác định")
    cols[3].metric("Nhiệm vụ", counts.get("tasks", 0))


def _roots(summary: dict[str, Any]) -> None:
    st.subheader("Các chuỗi văn bản chỉ đạo")
    roots = summary["roots"]
    if not roots:
        st.info("Chưa có chuỗi văn bản nào: hãy nạp văn bản ở trang “Nạp văn bản”.")
        return
    for row in roots:
        row["date_vi"] = vi_date(row.get("date"))
        row["state"] = "chỉ được dẫn chiếu" if row.get("status") == "cited" else "đã nạp"
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
    cols = st.columns(min(len(roots), 4))
    for i, row in enumerate(roots[:4]):
        if cols[i].button(f"Xem sơ đồ {row['symbol']}", key=f"root_{i}"):
            goto("cascade", cascade=row["uid"])


def _gaps(summary: dict[str, Any]) -> None:
    st.subheader("Khoảng trống nổi bật")
    cols = st.columns(4)
    cols[0].metric(
        "Đơn vị chưa ban hành kế hoạch",
        summary["missing"],
        help=f"{summary['late']} đơn vị ban hành muộn, trên {summary['ordered']} đơn vị được yêu cầu",
    )
    cols[1].metric(
        "Nhiệm vụ chưa được cụ thể hóa",
        summary["uncovered"],
        help=f"nhiệm vụ trọng tâm của văn bản cấp trên mà văn bản cấp dưới chưa cụ thể hóa "
        f"({summary['pairs']} cặp văn bản)",
    )
    cols[2].metric("Văn bản chỉ được dẫn chiếu", summary["counts"].get("cited", 0))
    cols[3].metric("Nhiệm vụ quá hạn (hôm nay)", summary["overdue"])
    if st.button("Xem chi tiết các khoảng trống", key="to_gaps"):
        goto("gaps")


def render() -> None:
    st.title("Tổng quan")
    summary = data.overview(date.today())
    _counts(summary)
    _roots(summary)
    _gaps(summary)


render()
