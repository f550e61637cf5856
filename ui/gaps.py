"""Khoảng trống: the sub-plan audit, task coverage between a parent and a child plan, cited-only documents,
overdue tasks and unresolved organ names — each table downloadable as .xlsx, .docx and .csv."""

from __future__ import annotations

import streamlit as st

from graph.model import slug
from reports.model import ReportError
from ui import data
from ui.explorer import vi_date
from ui.widgets import as_of_input, show_report

# The audit's answer next to each unit's name; the files keep the report's order.
_AUDIT_FIRST = ("STT", "Đơn vị", "Tình trạng", "Kế hoạch của đơn vị", "Ngày ban hành", "Thời hạn")


def _audit() -> None:
    plans = data.plans()
    if not plans:
        st.info("Chưa có văn bản nào yêu cầu đơn vị cấp dưới xây dựng kế hoạch.")
        return
    by_uid = {p["uid"]: p for p in plans}
    cols = st.columns([2, 1])
    uid = cols[0].selectbox(
        "Văn bản giao nhiệm vụ xây dựng kế hoạch",
        list(by_uid),
        format_func=lambda u: (
            f"{by_uid[u]['symbol']} ({vi_date(by_uid[u]['date'])}) — {by_uid[u]['units']} đơn vị, nhóm"
        ),
        key="gaps_plan",
    )
    with cols[1]:
        as_of = as_of_input("Tính đến ngày", "gaps_audit_as_of")
    try:
        report = data.audit_report(uid, as_of)
    except ReportError as exc:
        st.error(f"Không lập được báo cáo: {exc}")
        return
    st.markdown(f"**{report.title}**")
    stem = f"kiem-tra-ke-hoach-{slug(by_uid[uid]['symbol'] or 'van-ban')}"
    show_report(report, stem, "gaps_audit", first=_AUDIT_FIRST)


_COVERAGE_FIRST = ("Mục", "Tình trạng", "Được cụ thể hóa tại (điểm tương đồng)", "Nhiệm vụ của văn bản cấp trên")


def _coverage() -> None:
    pairs = data.implements_pairs()
    if not pairs:
        st.info("Chưa có cặp văn bản cấp trên – cấp dưới nào cùng được nạp vào kho.")
        return
    keys = [f"{p['parent_uid']}|{p['child_uid']}" for p in pairs]
    names = {k: f"{p['parent']} → {p['child']}" for k, p in zip(keys, pairs, strict=True)}
    chosen = st.selectbox(
        "Văn bản cấp trên → văn bản cấp dưới", keys, format_func=names.__getitem__, key="gaps_pair"
    )
    parent, child = chosen.split("|", 1)
    try:
        report = data.coverage_report(parent, child)
    except ReportError as exc:
        st.error(f"Không lập được báo cáo: {exc}")
        return
    st.markdown(f"**{report.title}**")
    show_report(report, f"bao-phu-{slug(names[chosen])}", "gaps_coverage", first=_COVERAGE_FIRST)


def _simple(kind: str, stem: str, dated: bool = False) -> None:
    as_of = as_of_input("Tính đến ngày", f"gaps_{kind}_as_of") if dated else None
    show_report(data.gap_report(kind, as_of), stem, f"gaps_{kind}")


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
        _simple("cited", "van-ban-chi-duoc-dan-chieu")
    with tabs[3]:
        _simple("overdue", "nhiem-vu-qua-han", dated=True)
    with tabs[4]:
        _simple("unresolved", "co-quan-chua-xac-dinh")


render()
