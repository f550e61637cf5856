"""Quản trị: the record of actions (who loaded, removed, exported what and when), the accounts, and removing a
document from the store."""

from __future__ import annotations

import streamlit as st

from ui.auth.roles import Permission
from ui.auth.session import require
from ui.components.widgets import frame, show_table
from ui.store import clearance
from ui.views.admin import account_rows, log_rows, remove_document
from ui.views.search import documents


def _log() -> None:
    st.caption("Mỗi thao tác được ghi thêm vào cuối nhật ký; không thao tác nào sửa hoặc xóa dòng đã ghi.")
    columns = {
        "at": "Thời điểm",
        "who": "Tài khoản",
        "action": "Thao tác",
        "target": "Đối tượng",
        "detail": "Ghi chú",
    }
    show_table(frame(log_rows(clearance()), columns))


def _accounts() -> None:
    st.caption(
        "Thêm, đổi hoặc khóa tài khoản trên máy chủ bằng lệnh `python -m ui.accounts` (hướng dẫn trong README); "
        "mật khẩu được nhập riêng, không bao giờ ghi trên dòng lệnh."
    )
    columns = {"name": "Tài khoản", "role": "Vai trò", "clearance": "Được xem", "state": "Tình trạng"}
    show_table(frame(account_rows(), columns))


def _remove() -> None:
    loaded = {d.uid: d for d in documents() if d.status == "loaded"}
    if not loaded:
        st.info("Kho chưa có văn bản nào được nạp.")
        return
    uid = st.selectbox(
        "Văn bản cần gỡ khỏi kho",
        list(loaded),
        format_func=lambda u: f"{loaded[u].type_name or 'Văn bản'} {loaded[u].symbol or ''}",
        key="admin_remove_uid",
    )
    sure = st.checkbox("Tôi hiểu: nhiệm vụ, mục và quan hệ của văn bản này sẽ bị xóa khỏi kho", key="admin_sure")
    if st.button("Gỡ văn bản", type="primary", disabled=not sure, key="admin_remove"):
        require(Permission.REMOVE)  # again at the action
        label = loaded[uid].symbol or uid
        remove_document(uid, label)
        st.success(f"Đã gỡ {label} khỏi kho và chạy lại bước liên kết.")


def render() -> None:
    st.title("Quản trị")
    log, accounts, remove = st.tabs(["Nhật ký thao tác", "Tài khoản", "Gỡ văn bản"])
    with log:
        _log()
    with accounts:
        _accounts()
    with remove:
        _remove()


if __name__ == "__main__":
    require(Permission.ADMIN)  # on the server, before anything is read or drawn
    render()
