"""Khoảng trống: the sub-plan audit, task coverage between a parent and a child plan, cited-only documents,
overdue tasks and unresolved organ names — each table downloadable as .xlsx, .docx and .csv."""

from __future__ import annotations

import streamlit as st

from reports.model import ReportError
from ui.auth.roles import Permission
from ui.auth.session import require
from ui.components.report_view import show_report
from ui.components.text import plain
from ui.components.widgets import as_of_input
from ui.views.gaps import Gap, audit_report, coverage, gap_report, implements_pairs, plans

# The audit's answer next to each unit's name; the files keep the report's order.
_AUDIT_FIRST = ("STT", "Đơn vị", "Tình trạng", "Kế hoạch của đơn vị", "Ngày ban hành", "Thời hạn")
_COVERAGE_FIRST = ("Mục", "Tình trạng", "Được cụ thể hóa tại (điểm tương đồng)", "Nhiệm vụ của văn bản cấp trên")


def _audit() -> None:
    by_uid = {p.uid: p for p in plans()}
    if not by_uid:
        st.info("Chưa có văn bản nào yêu cầu đơn vị cấp dưới xây dựng kế hoạch.")
        return
    cols = st.columns([2, 1])
    uid = cols[0].selectbox(
        "Văn bản giao nhiệm vụ xây dựng kế hoạch",
        list(by_uid),
        format_func=lambda u: by_uid[u].label,
        key="gaps_plan",
    )
    with cols[1]:
        as_of = as_of_input("Tính đến ngày", "gaps_audit_as_of")
    try:
        report = audit_report(uid, as_of)
    except ReportError as exc:
        st.error(f"Không lập được báo cáo: {plain(exc)}")
        return
    st.markdown(f"**{plain(report.title)}**")
    show_report(report, by_uid[uid].file_stem, "gaps_audit", first=_AUDIT_FIRST)


def _coverage() -> None:
    by_key = {p.key: p for p in implements_pairs()}
    if not by_key:
        st.info("Chưa có cặp văn bản cấp trên – cấp dưới nào cùng được nạp vào kho.")
        return
    chosen = st.selectbox(
        "Văn bản cấp trên → văn bản cấp dưới", list(by_key), format_func=lambda k: by_key[k].label, key="gaps_pair"
    )
    pair = by_key[chosen]
    try:
        report = coverage(pair)
    except ReportError as exc:
        st.error(f"Không lập được báo cáo: {plain(exc)}")
        return
    st.markdown(f"**{plain(report.title)}**")
    show_report(report, pair.file_stem, "gaps_coverage", first=_COVERAGE_FIRST)


def _simple(gap: Gap, stem: str, dated: bool = False) -> None:
    as_of = as_of_input("Tính đến ngày", f"gaps_{gap}_as_of") if dated else None
    show_report(gap_report(gap, as_of), stem, f"gaps_{gap}")


def render() -> None:
    st.title("Khoảng trống")
    st.caption(
        "Đơn vị chưa ban hành kế hoạch, nhiệm vụ cấp trên chưa được cụ thể hóa, văn bản mới chỉ được dẫn chiếu, "
        "nhiệm vụ quá hạn và tên cơ quan chưa xác định. Mỗi bảng tải được dạng Excel, Word và CSV."
    )
    tabs = st.tabs(
        [
            "Kế hoạch của đơn vị cấp dưới",
            "Cụ thể hóa nhiệm vụ",
            "Văn bản chỉ được dẫn chiếu",
            "Nhiệm vụ quá hạn",
            "Cơ quan chưa xác định",
        ]
    )
    with tabs[0]:
        _audit()
    with tabs[1]:
        _coverage()
    with tabs[2]:
        _simple(Gap.CITED, "van-ban-chi-duoc-dan-chieu")
    with tabs[3]:
        _simple(Gap.OVERDUE, "nhiem-vu-qua-han", dated=True)
    with tabs[4]:
        _simple(Gap.UNRESOLVED, "co-quan-chua-xac-dinh")


if __name__ == "__main__":
    require(Permission.VIEW)  # on the server, before anything is read or drawn
    render()
