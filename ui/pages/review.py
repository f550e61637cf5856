"""Rà soát: what the loaders may have read wrong, most important first, beside the source line; correcting or
accepting a fact; identifying an organ name the gazetteer did not know with one of its organs; correcting a
sub-plan order's units and deadline; corrections that no longer match the text; removing a document; files that
failed to load."""

from __future__ import annotations

from datetime import date

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
from ui.views.review import (
    FactChoice,
    act,
    corrected,
    document_facts,
    gazetteer_organs,
    orders,
    queue,
    remove,
    stale,
    unresolved_documents,
    unresolved_in,
)
from ui.views.search import search

_UNRESOLVED = "cơ quan chưa xác định: "  # the loader's reason, followed by the name as printed


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
        if item.reason.startswith(_UNRESOLVED):
            _organ_form(item.document, item.reason.removeprefix(_UNRESOLVED), name, "queue")
        elif item.field:
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


def _organ_form(uid: str, printed: str, name: str | None, key: str) -> None:
    """Identify ``printed`` (a name of document ``uid`` the gazetteer did not know) with an organ of the
    gazetteer, searched by name with or without diacritics."""
    st.markdown(f"**Tên cơ quan «{plain(printed)}»** — chưa có trong danh mục cơ quan")
    query = st.text_input("Tìm cơ quan trong danh mục (có dấu hoặc không dấu)", key=f"{key}_organ_query")
    options = gazetteer_organs()
    found = search(query, options) if query.strip() else options
    if not found:
        st.info(f"Không có cơ quan nào trong danh mục khớp với “{plain(query)}”.")
        return
    by_uid = {c.uid: c.label for c in found}
    chosen = st.selectbox(f"Cơ quan trong danh mục ({len(found)})", list(by_uid), key=f"{key}_organ_uid",
                          format_func=lambda u: by_uid.get(u, u))  # fmt: skip
    why = st.text_input("Lý do", key=f"{key}_organ_why")
    if st.button("Lưu cơ quan", key=f"{key}_organ_fix", disabled=name is None, type="primary") and name:
        fact = Fact("organ", "identity", printed)
        try:
            act(uid, fact, by=name, why=why, new=chosen)
        except DirectiveGraphError as exc:
            st.error(plain(exc))
            return
        st.success(f"Đã xác định «{plain(printed)}» là {plain(by_uid.get(str(chosen), ''))}.")


def _organs(name: str | None) -> None:
    st.subheader("Xác định tên cơ quan chưa có trong danh mục")
    docs = unresolved_documents()
    if not docs:
        st.success("Mọi tên cơ quan trong các văn bản đã nạp đều có trong danh mục.")
        return
    labels = {uid: f"{symbol} ({count} tên chưa xác định)" for uid, symbol, count in docs}
    uid = st.selectbox("Văn bản", list(labels), key="organ_doc", format_func=lambda u: labels.get(u, u))
    if uid is None:
        return
    try:
        names = unresolved_in(uid)
    except DirectiveGraphError as exc:
        st.error(plain(exc))
        return
    if not names:
        st.info("Văn bản này không còn tên cơ quan nào chưa xác định.")
        return
    printed = st.selectbox("Tên cơ quan như văn bản ghi", names, key="organ_name")
    _organ_form(uid, printed or names[0], name, "organ")


def _orders(name: str | None) -> None:
    st.subheader("Sửa yêu cầu xây dựng kế hoạch")
    chosen = pick("Văn bản có yêu cầu xây dựng kế hoạch", ("document",), "order_doc")
    if chosen is None:
        return
    found = orders(chosen.uid)
    if not found:
        st.info("Văn bản này không có yêu cầu xây dựng kế hoạch nào.")
        return
    index = st.selectbox("Yêu cầu", range(len(found)), key="order_item", format_func=lambda n: found[n].label)
    order = found[index or 0]
    st.markdown(f"**Đơn vị đang đọc được:** {plain('; '.join(order.units)) or '(trống)'}  \n"
                f"**Hạn đang đọc được:** {plain(order.deadline_text or order.deadline) or '(trống)'}")  # fmt: skip
    units = st.text_input("Đơn vị đúng (cách nhau bằng dấu ;, để trống nếu không đổi)", key="order_units")
    deadline = st.text_input("Hạn đúng (ví dụ 2025-06-30, để trống nếu không đổi)", key="order_deadline")
    why = st.text_input("Lý do", key="order_why")
    if not st.button("Lưu sửa yêu cầu", key="order_fix", disabled=name is None, type="primary") or not name:
        return
    if deadline.strip() and not _is_day(deadline.strip()):
        st.error("Hạn phải là một ngày viết dạng năm-tháng-ngày, ví dụ 2025-06-30.")
        return
    if not units.strip() and not deadline.strip():
        st.warning("Chưa nhập giá trị đúng nào.")
        return
    done = []
    for field, text in (("units", units), ("deadline", deadline)):
        if text.strip():
            fact = Fact("subplan", field, order.path)
            try:
                act(chosen.uid, fact, by=name, why=why, new=parse_value(fact, text))
            except DirectiveGraphError as exc:
                st.error(f"{plain(fact.label)}: {plain(exc)}")
                continue
            done.append(fact.label)
    if done:
        st.success(f"Đã sửa: {plain('; '.join(done))}.")


def _is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


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
    _organs(name)
    _orders(name)
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
