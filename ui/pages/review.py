"""Rà soát: what the loaders may have read wrong, most important first, beside the source line; correcting or
accepting a fact; corrections that no longer match the text; removing a document; files that failed to load."""

from __future__ import annotations

import streamlit as st

from common.errors import DirectiveGraphError
from graph.corrections import Fact, field_label
from graph.reviewing import parse_fact, parse_value
from ui.auth.roles import Permission
from ui.auth.session import require
from ui.components.source_view import excerpt
from ui.components.text import plain
from ui.components.who import ask_person
from ui.components.widgets import frame, pick, show_table
from ui.views.document import source_file, source_lines
from ui.views.load_failures import failed_files
from ui.views.review import FactChoice, act, corrected, document_facts, queue, remove, stale


def _failures() -> None:
    failed = failed_files()
    if failed:
        st.subheader("Tệp không nạp được")
        st.warning(f"{len(failed)} tệp không nạp được ở lần nạp gần nhất; hãy sửa hoặc xóa các tệp này.")
        show_table(frame(failed, {"name": "Tệp", "reason": "Lý do", "path": "Đường dẫn", "at": "Lúc"}))


def _source(source_path: str | None, line: int | None) -> None:
    path = source_file(source_path)
    lines = source_lines(path) if path else None
    if not lines:
        st.caption("(không có tệp gốc)")
        return
    focus = line or 1
    st.html(excerpt(lines, {focus: ["dữ kiện cần rà soát"]} if line else {}, focus, around=3 if line else 8))


def _queue(name: str | None) -> None:
    st.subheader("Hàng đợi rà soát")
    items = queue()
    if not items:
        st.success("Không còn dữ kiện nào cần rà soát.")
        return
    rows = [{"doc": i.symbol or "(văn bản không có số)", "where": f"nhiệm vụ {i.path}" if i.path else "văn bản",
             "reason": i.reason, "value": i.value, "line": i.line} for i in items]  # fmt: skip
    columns = {"doc": "Văn bản", "where": "Ở đâu", "reason": "Lý do", "value": "Giá trị đọc được", "line": "Dòng"}
    show_table(frame(rows, columns))
    index = st.selectbox(
        "Dữ kiện đang xem", range(len(items)), key="review_item",
        format_func=lambda n: f"{rows[n]['doc']} · {rows[n]['where']} · {rows[n]['reason']}",
    )  # fmt: skip
    item = items[index or 0]
    left, right = st.columns(2)
    with left:
        _source(item.source_path, item.line)
    with right:
        if item.field:
            _form(item.document, FactChoice(Fact(item.part, item.field, item.path), item.value, item.line), name,
                  "queue")  # fmt: skip


def _form(uid: str, choice: FactChoice, name: str | None, key: str) -> None:
    st.markdown(f"**{plain(choice.fact.label)}** — đang đọc được: {plain(choice.value) or '(trống)'}")
    hint = "các cơ quan cách nhau bằng dấu ;" if choice.fact.is_list else "ví dụ 2023-06-30 với ngày"
    new = st.text_input(f"Giá trị đúng ({hint})", key=f"{key}_new")
    why = st.text_input("Lý do", key=f"{key}_why")
    fix, ok = st.columns(2)
    if fix.button("Lưu sửa", key=f"{key}_fix", disabled=name is None, type="primary"):
        _do(uid, choice, name, why, new=new)
    if ok.button("Chấp nhận (đúng như đọc)", key=f"{key}_accept", disabled=name is None):
        _do(uid, choice, name, why, accept=True)


def _do(uid: str, choice: FactChoice, name: str | None, why: str, *, new: str = "", accept: bool = False) -> None:
    if name is None:
        return
    try:
        done = act(uid, choice.fact, by=name, why=why, new=None if accept else parse_value(choice.fact, new),
                   accept=accept)  # fmt: skip
    except DirectiveGraphError as exc:
        st.error(plain(exc))
        return
    st.success(f"Đã {'chấp nhận' if accept else 'sửa'}: {plain(choice.fact.label)} ({plain(done.result.symbol)}).")


def _any_fact(name: str | None) -> None:
    st.subheader("Sửa một dữ kiện bất kỳ")
    chosen = pick("Văn bản cần sửa", ("document",), "review_doc")
    if chosen is None:
        return
    facts = document_facts(chosen.uid)
    if not facts:
        st.info("Văn bản này chưa được nạp: không có gì để sửa.")
        return
    index = st.selectbox("Dữ kiện cần sửa", range(len(facts)), format_func=lambda n: facts[n].label,
                         key="review_fact")  # fmt: skip
    _form(chosen.uid, facts[index or 0], name, "any")


def _stale() -> None:
    found = stale()
    if not found:
        return
    st.subheader("Sửa đổi không còn khớp với văn bản")
    st.warning("Văn bản hoặc bộ đọc đã thay đổi: các sửa đổi dưới đây không được áp dụng; hãy xem lại.")
    columns = {"document": "Văn bản", "fact": "Dữ kiện", "recorded": "Giá trị lúc sửa", "now_read": "Nay đọc được",
               "new": "Giá trị đã sửa", "by": "Người sửa", "at": "Lúc"}  # fmt: skip
    rows = [
        {"document": s.document, "fact": parse_fact(s.fact).label, "recorded": s.recorded,
         "now_read": s.now_read, "new": s.new, "by": s.by, "at": s.at}
        for s in found
    ]  # fmt: skip
    show_table(frame(rows, columns))


def _remove(name: str | None) -> None:
    st.subheader("Gỡ bỏ văn bản")
    chosen = pick("Văn bản cần gỡ bỏ", ("document",), "remove_doc")
    if chosen is None:
        return
    why = st.text_input("Lý do gỡ bỏ", key="remove_why")
    sure = st.checkbox(f"Tôi chắc chắn muốn gỡ bỏ {plain(chosen.label)} khỏi kho", key="remove_sure")
    if st.button("Gỡ bỏ văn bản", key="remove_go", disabled=not (sure and name)):
        try:
            done = remove(chosen.uid, by=name or "", why=why)
        except DirectiveGraphError as exc:
            st.error(plain(exc))
            return
        st.success(f"Đã gỡ bỏ {plain(done.symbol or done.uid)}; bước liên kết đã chạy lại.")


def render() -> None:
    require(Permission.REVIEW)
    st.title("Rà soát")
    name = ask_person()
    _failures()
    _stale()
    _queue(name)
    _any_fact(name)
    st.subheader("Dữ kiện đã sửa hoặc chấp nhận")
    done = [
        {"document": c.document, "where": c.where, "fields": [field_label(f) for f in c.fields],
         "accepted": [field_label(f) for f in c.accepted], "by": c.by, "at": c.at}
        for c in corrected()
    ]  # fmt: skip
    show_table(frame(done, {"document": "Văn bản", "where": "Ở đâu", "fields": "Đã sửa",
                                   "accepted": "Đã chấp nhận", "by": "Người sửa", "at": "Lúc"}))  # fmt: skip
    _remove(name)


if __name__ == "__main__":
    render()
