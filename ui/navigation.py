"""The app's pages (file, Vietnamese title, icon, address) and moving from one to another with something chosen.

A page's key is the stem of its script under ``ui/pages/`` and of the view module it reads (``ui/views/``).
Each page names the permission it needs (:mod:`ui.auth.roles`): the frame offers a role only its pages, and
each page script checks the permission again before drawing anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from ui.auth.roles import Permission, allowed

__all__ = ["PAGES", "PageInfo", "goto", "pages_for", "preselected"]


@dataclass(frozen=True, slots=True)
class PageInfo:
    file: str  # relative to app.py
    title: str
    icon: str  # Material icon (drawn from the font Streamlit ships; never used as a favicon)
    url_path: str  # the page's address under the app's root; empty for the default page
    permission: Permission = Permission.VIEW


def _page(key: str, title: str, icon: str, url_path: str, permission: Permission = Permission.VIEW) -> PageInfo:
    return PageInfo(f"ui/pages/{key}.py", title, icon, url_path, permission)


PAGES: dict[str, PageInfo] = {
    "overview": _page("overview", "Tổng quan", ":material/dashboard:", ""),  # the default page: /
    "cascade_map": _page("cascade_map", "Sơ đồ chỉ đạo", ":material/account_tree:", "so-do-chi-dao"),
    "document": _page("document", "Văn bản", ":material/description:", "van-ban"),
    "organ": _page("organ", "Cơ quan", ":material/account_balance:", "co-quan"),
    "gaps": _page("gaps", "Khoảng trống", ":material/report:", "khoang-trong"),
    "cypher_query": _page("cypher_query", "Truy vấn Cypher", ":material/terminal:", "truy-van", Permission.QUERY),
    "schema": _page("schema", "Lược đồ dữ liệu", ":material/schema:", "luoc-do", Permission.QUERY),
    "review": _page("review", "Rà soát", ":material/fact_check:", "ra-soat", Permission.REVIEW),
    "document_upload": _page(
        "document_upload", "Nạp văn bản", ":material/upload_file:", "nap-van-ban", Permission.UPLOAD
    ),
    "admin": _page("admin", "Quản trị", ":material/admin_panel_settings:", "quan-tri", Permission.ADMIN),
}


def pages_for(role: str) -> dict[str, PageInfo]:
    """The pages ``role`` may open, in menu order."""
    return {key: page for key, page in PAGES.items() if allowed(role, page.permission)}


def goto(page: str, **state: Any) -> None:
    """Open another page with ``state`` (e.g. ``doc=uid``) already chosen there."""
    for key, value in state.items():
        st.session_state[f"selected_{key}"] = value
    st.switch_page(PAGES[page].file)


def preselected(name: str) -> str | None:
    """What another page (or the address bar, ``?uid=…``) asked this page to show."""
    chosen = st.session_state.pop(f"selected_{name}", None)
    if chosen:
        return str(chosen)
    from_url = st.query_params.get("uid")
    if from_url and st.session_state.get(f"{name}_from_url") != from_url:
        st.session_state[f"{name}_from_url"] = from_url  # once: later choices on the page win
        return from_url
    return None
