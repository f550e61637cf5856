"""Sơ đồ chỉ đạo: the cascade around a resolution, document or organ, drawn top-down (resolution on top)."""

from __future__ import annotations

from collections.abc import Collection, Mapping

import streamlit as st

from ui.components.widgets import as_of_input, graph_frame, pick
from ui.navigation import goto
from ui.views.cascade_map import LAYERS, DrawnNode, MapRequest, cascade_map
from ui.views.search import Choice


def _controls() -> tuple[int, frozenset[str]]:
    cols = st.columns([1, 3])
    depth = cols[0].slider("Số cấp bên dưới", 1, 8, 3, key="cascade_depth")
    kinds = cols[1].multiselect(
        "Hiện thêm",
        list(LAYERS),
        default=["organ", "task"],
        format_func=LAYERS.__getitem__,
        key="cascade_kinds",
        placeholder="Chọn loại nút",
    )
    return depth, frozenset(kinds)


def _keep_known(key: str, options: Collection[str]) -> None:
    """Drop choices the current picture no longer has (the focus changed), before the widget is drawn."""
    if key in st.session_state:
        st.session_state[key] = [v for v in st.session_state[key] if v in options]


def _openers(drawn: tuple[DrawnNode, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """Which documents to show in detail (tasks, each ordered unit) and which nodes to expand (all neighbours)."""
    label: Mapping[str, str] = {n.uid: n.label for n in drawn if not n.folded}
    folded = {n.document for n in drawn if n.folded}
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


def _links(focus: Choice) -> None:
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
    folded = cascade_map(MapRequest(focus.uid, depth, kinds, as_of=as_of))
    open_docs, expand = _openers(folded.drawn)
    picture = cascade_map(MapRequest(focus.uid, depth, kinds, open_docs, expand, as_of))
    st.caption(
        f"{len(picture.drawn)} nút. Trên cùng là văn bản đầu chuỗi; di chuột lên một nút để xem số, ngày, cơ quan "
        "ban hành và trích yếu; kéo để di chuyển, cuộn để phóng to."
    )
    graph_frame(picture.html, 680)
    _links(focus)


if __name__ == "__main__":
    render()
