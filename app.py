"""directive-graph: the Streamlit app (``streamlit run app.py``). This file is only the navigation frame; the pages
are in ``ui/pages/``, what they read in ``ui/views/`` (see ``ui/__init__.py``).

The store is the one ``KG_STORE`` names (the embedded FalkorDB in ``data/store/`` by default). Who may see what
(``ui/auth/``): when sign-in is needed the frame draws only the sign-in form; after it, only the pages the
account's role allows are registered, so another page's address is not served.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from graph.store import StoreError
from ui import refresh, store
from ui.auth.identity import Identity
from ui.auth.session import current, sign_in_form, who_box
from ui.components.text import plain
from ui.navigation import pages_for
from ui.store import store_words
from ui.views.load_failures import failed_files

# A local file: a Material or emoji icon as favicon would be fetched from fonts.gstatic.com.
FAVICON = str(Path(__file__).resolve().parent / "ui" / "favicon.png")
st.set_page_config(page_title="Đồ thị văn bản chỉ đạo", page_icon=FAVICON, layout="wide")


def _sidebar(identity: Identity) -> None:
    with st.sidebar:
        who_box(identity)
        st.caption(f"Kho dữ liệu: {store_words()}")
        if st.button("Làm mới dữ liệu", help="Đọc lại kho (khi văn bản được nạp từ nơi khác)"):
            refresh()
        if failed := failed_files():
            st.warning(f"{len(failed)} tệp không nạp được ở lần nạp gần nhất (xem trang Rà soát): "
                       + "; ".join(f"{plain(f.name)} — {plain(f.reason)}" for f in failed[:5]))  # fmt: skip


def main() -> None:
    identity = current()
    if identity is None:
        sign_in_form()
        st.stop()
    pages = [
        st.Page(p.file, title=p.title, icon=p.icon, url_path=p.url_path or None, default=not p.url_path)
        for p in pages_for(identity.role).values()
    ]
    page = st.navigation(pages)
    try:
        store()
    except StoreError as exc:
        st.error(f"Không mở được kho dữ liệu: {plain(exc)}")
        st.stop()
    _sidebar(identity)
    try:
        page.run()
    except StoreError as exc:  # the store went away or refused a query: say so instead of a traceback
        st.error(f"Lỗi khi đọc kho dữ liệu: {plain(exc)}")


main()
