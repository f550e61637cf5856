"""Sơ đồ chỉ đạo: the cascade around a resolution, document or organ — the picture first (laid out by Graphviz,
folded to what a person can read), then the compliance matrix and the deadline timeline; the controls are in
the sidebar."""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping
from datetime import date

import streamlit as st

from ui.auth.roles import Permission
from ui.auth.session import require
from ui.components.compliance_view import matrix_html, timeline_chart, timeline_height
from ui.components.widgets import as_of_input, graph_frame, pick
from ui.navigation import goto
from ui.views.cascade_groups import NODE_LIMIT
from ui.views.cascade_map import (
    CLICK_TARGET,
    DEFAULT_DEPTH,
    DEFAULT_LAYERS,
    LAYERS,
    CascadeMap,
    DrawnNode,
    MapRequest,
    cascade_map,
)
from ui.views.compliance import compliance_matrix, deadline_timeline
from ui.views.search import Choice

PICTURE_PX = 540  # the picture's height: with the title and tabs above it, it fits a 1366×768 screen
# the hidden box a click in the picture writes into; less space above the title, so the picture comes first
_PAGE_CSS = (
    "<style>.st-key-cascade_click{display:none}[data-testid=stMainBlockContainer]{padding-top:2.2rem}</style>"
)


def _controls() -> tuple[int, frozenset[str]]:
    depth = st.slider("Số cấp bên dưới", 1, 8, DEFAULT_DEPTH, key="cascade_depth")
    kinds = st.multiselect(
        "Hiện thêm",
        list(LAYERS),
        default=[layer for layer in LAYERS if layer in DEFAULT_LAYERS],
        format_func=LAYERS.__getitem__,
        key="cascade_kinds",
        placeholder="Chọn loại nút",
    )
    return depth, frozenset(kinds)


def _keep_known(key: str, options: Collection[str]) -> None:
    """Drop choices the current picture no longer has (the focus changed), before the widget is drawn."""
    if key in st.session_state:
        st.session_state[key] = [v for v in st.session_state[key] if v in options]


def _clicked_group() -> None:
    """A click on a group in the picture wrote its id into the hidden box: open that group (once)."""
    clicked = st.session_state.get("cascade_click")
    if clicked and clicked.endswith("#tasks"):  # a document's folded tasks: show them one by one
        shown = set(st.session_state.get("cascade_open", ()))
        st.session_state["cascade_open"] = sorted(shown | {clicked.removesuffix("#tasks")})
    elif clicked:
        opened = set(st.session_state.get("cascade_opened_groups", ()))
        st.session_state["cascade_opened_groups"] = sorted(opened | {clicked})
    st.session_state["cascade_click"] = ""


def _openers(drawn: tuple[DrawnNode, ...]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Groups to open, documents whose tasks to show, nodes to expand (every neighbour)."""
    label: Mapping[str, str] = {n.uid: n.label for n in drawn}
    groups = [n.uid for n in drawn if n.folded and "#g:" in n.uid]
    opened_before = [g for g in st.session_state.get("cascade_opened_groups", ()) if g not in groups]
    docs = sorted({n.document for n in drawn if n.uid.endswith("#tasks")})
    plain = [uid for uid in label if "#" not in uid]
    _keep_known("cascade_open", docs + list(st.session_state.get("cascade_open", [])))
    _keep_known("cascade_expand", plain)
    opened = st.multiselect(
        "Nhóm đang mở (bấm vào một nhóm trên sơ đồ để mở)",
        opened_before + groups,
        format_func=lambda g: label.get(g, "nhóm đã mở"),
        key="cascade_opened_groups",
        placeholder="Chọn nhóm",
    )
    shown = st.multiselect(
        "Hiện từng nhiệm vụ của văn bản",
        sorted(set(docs) | set(st.session_state.get("cascade_open", []))),
        format_func=lambda d: label.get(d, "văn bản đã chọn"),
        key="cascade_open",
        placeholder="Chọn văn bản",
    )
    expand = st.multiselect(
        "Mở rộng quanh nút", plain, format_func=label.__getitem__, key="cascade_expand", placeholder="Chọn nút"
    )
    return frozenset(opened), frozenset(shown), frozenset(expand)


def _exports(picture: CascadeMap, name: str) -> None:
    """Graphviz draws a file when its button is clicked, not at every run of the page (three runs of ``dot``
    were a third of a second of each)."""
    st.caption("Tải sơ đồ đang xem (cho cuộc họp)")
    cols = st.columns(3)
    for col, (fmt, mime) in zip(
        cols, (("png", "image/png"), ("svg", "image/svg+xml"), ("pdf", "application/pdf")), strict=True
    ):
        data = functools.partial(picture.image, fmt)
        col.download_button(fmt.upper(), data, file_name=f"{name}.{fmt}", mime=mime, key=f"cascade_export_{fmt}")


def _links(focus: Choice) -> None:
    cols = st.columns(3)
    if focus.kind == "document" and cols[0].button("Mở trang văn bản", key="cascade_to_doc"):
        goto("document", doc=focus.uid)
    if focus.kind == "organ" and cols[0].button("Mở trang cơ quan", key="cascade_to_organ"):
        goto("organ", organ=focus.uid)
    if cols[1].button("Xem khoảng trống", key="cascade_to_gaps"):
        goto("gaps")


def _matrix(focus: Choice, as_of_text: str, as_of: date) -> None:
    if focus.kind != "document":
        st.info("Chọn một nghị quyết hoặc văn bản để xem bảng ban hành kế hoạch.")
        return
    matrix = compliance_matrix(focus.uid, as_of)
    if not matrix.rows:
        st.info("Không có đơn vị nào được giao xây dựng kế hoạch trong chuỗi văn bản này.")
        return
    st.caption(
        "Văn bản đang xem và các văn bản trực tiếp thực hiện nó: mỗi dòng là một đơn vị, mỗi cột là một văn bản "
        f"giao xây dựng kế hoạch; tình trạng tính đến {as_of_text}. Bấm vào một ô để mở kế hoạch của đơn vị "
        "(hoặc trang đơn vị khi chưa có kế hoạch); bấm vào tên cột để xem nhánh dưới văn bản đó."
    )
    st.html(matrix_html(matrix))


def _timeline(focus: Choice, as_of: date) -> None:
    if focus.kind != "document":
        st.info("Chọn một nghị quyết hoặc văn bản để xem các thời hạn.")
        return
    items = deadline_timeline(focus.uid, as_of)
    if not items:
        st.info("Không có nhiệm vụ hay yêu cầu xây dựng kế hoạch nào có thời hạn trong chuỗi văn bản này.")
        return
    st.altair_chart(timeline_chart(items, as_of), width="stretch", height=timeline_height(items))


def _picture(picture: CascadeMap, focus: Choice) -> None:
    graph_frame(picture.html, PICTURE_PX)
    st.caption(
        f"{len(picture.drawn)} nút (tối đa {NODE_LIMIT}). Các đơn vị, văn bản, nhiệm vụ cùng tình trạng "
        "được gộp thành nhóm: bấm vào nhóm để mở. Di chuột lên một nút để xem số, ngày, "
        "cơ quan ban hành và trích yếu; cuộn để phóng to."
    )
    _links(focus)


def render() -> None:
    st.title("Sơ đồ chỉ đạo")
    st.html(_PAGE_CSS)
    _clicked_group()
    st.text_input(CLICK_TARGET, key="cascade_click", label_visibility="collapsed")
    with st.sidebar:
        focus = pick(
            "Tìm nghị quyết, văn bản hoặc cơ quan (gõ có dấu hoặc không dấu)",
            ("document", "organ"),
            "cascade",
            placeholder="ví dụ: 27-NQ/TW, ke hoach 60",
        )
        if focus is None:
            return
        depth, kinds = _controls()
        as_of = as_of_input("Xét thời hạn tính đến ngày", "cascade_as_of")
        folded = cascade_map(MapRequest(focus.uid, depth, kinds, as_of=as_of))
        opened, open_docs, expand = _openers(folded.drawn)
    picture = cascade_map(MapRequest(focus.uid, depth, kinds, open_docs, expand, as_of, opened))
    # only the open tab is drawn (a click on another reruns the page): the table and the timeline of a branch of a
    # national cascade are read only when asked for
    tabs = st.tabs(["Sơ đồ", "Bảng ban hành kế hoạch", "Thời hạn"], key="cascade_tab", on_change="rerun")
    with st.sidebar:
        _exports(picture, "so-do-chi-dao")
    if tabs[0].open:
        with tabs[0]:
            _picture(picture, focus)
    as_of_text = as_of.strftime("%d/%m/%Y")
    if tabs[1].open:
        with tabs[1]:
            _matrix(focus, as_of_text, as_of)
    if tabs[2].open:
        with tabs[2]:
            _timeline(focus, as_of)


if __name__ == "__main__":
    require(Permission.VIEW)  # on the server, before anything is read or drawn
    render()
