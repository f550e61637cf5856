"""Sơ đồ chỉ đạo: the cascade around a resolution, document or organ, drawn top-down (resolution on top)."""

from __future__ import annotations

from collections.abc import Collection

import streamlit as st

from ui import data
from ui.explorer import VIEW_KINDS, ViewRequest
from ui.widgets import as_of_input, goto, graph_frame, pick


def _controls() -> tuple[int, frozenset[str]]:
    cols = st.columns([1, 3])
    depth = cols[0].slider("Số cấp bên dưới", 1, 8, 3, key="cascade_depth")
    kinds = cols[1].multiselect(
        "Hiện thêm",
        list(VIEW_KINDS),
        default=["organ", "task"],
        format_func=VIEW_KINDS.__getitem__,
        key="cascade_kinds",
        placeholder="Chọn loại nút",
    )
    return depth, frozenset(kinds)


_FOLDED = {"tasks", "units"}  # synthetic nodes standing for a folded list


def _keep_known(key: str, options: Collection[str]) -> None:
    """Drop choices the current picture no longer has (the focus changed), before the widget is drawn."""
    if key in st.session_state:
        st.session_state[key] = [v for v in st.session_state[key] if v in options]


def _openers(drawn: list[tuple[str, str, str]]) -> tuple[frozenset[str], frozenset[str]]:
    """Which documents to show in detail (tasks, each ordered unit) and which nodes to expand (all neighbours)."""
    label = {uid: name for uid, name, kind in drawn if kind not in _FOLDED}
    folded = {uid.split("#", 1)[0] for uid, _, kind in drawn if kind in _FOLDED}
    docs = [uid for uid in label if uid in folded]
    _keep_known("cascade_open", docs)
    _keep_known("cascade_expand", label)
    cols = st.columns(2)
    opened = cols[0].multiselect(
        "Hiện chi tiết (nhiệm vụ, từng đơn vị) của văn bản",
        docs,
        format_func=label.__getitem__,
        key="cascade_open",
        placeholder="Chọn văn bản",
    )
    expand = cols[1].multiselect(
        "Mở rộng quanh nút",
        list(label),
        format_func=label.__getitem__,
        key="cascade_expand",
        placeholder="Chọn nút",
    )
    return frozenset(opened), frozenset(expand)


def _links(focus: data.Choice) -> None:
    cols = st.columns(3)
    if focus.kind == "document" and cols[0].button("Mở trang văn bản", key="cascade_to_doc"):
        goto("document", doc=focus.uid)
    if focus.kind == "organ" and cols[0].button("Mở trang cơ quan", key="cascade_to_organ"):
        goto("organ", organ=focus.uid)
    if cols[1].button("Xem khoảng trống", key="cascade_to_gaps"):
        goto("gaps")


def render() -> None:
    st.title("Sơ đồ chỉ đạo")
    focus = pick(
        "Tìm nghị quyết, văn bản hoặc cơ quan (gõ có dấu hoặc không dấu)",
        ("document", "organ"),
        "cascade",
        placeholder="ví dụ: ke hoach 60, 27-NQ/TW, dang uy khoi",
    )
    if focus is None:
        return
    depth, kinds = _controls()
    as_of = as_of_input("Xét thời hạn tính đến ngày", "cascade_as_of")
    base = ViewRequest(focus.uid, depth, kinds, as_of=as_of.isoformat())
    _, drawn = data.cascade_html(base)
    open_docs, expand = _openers(drawn)
    request = ViewRequest(focus.uid, depth, kinds, open_docs, expand, as_of.isoformat())
    html, drawn = data.cascade_html(request)
    st.caption(
        f"{len(drawn)} nút. Trên cùng là văn bản đầu chuỗi; di chuột lên một nút để xem số, ngày, cơ quan "
        "ban hành và trích yếu; kéo để di chuyển, cuộn để phóng to."
    )
    graph_frame(html, 680)
    _links(focus)


render()
