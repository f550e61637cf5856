"""directive-graph: the Streamlit app (``streamlit run app.py``). This file is only the navigation frame; the pages
are in ``ui/pages/``, what they read in ``ui/views/`` (see ``ui/__init__.py``).

The store is the one ``KG_STORE`` names (the embedded FalkorDB in ``data/store/`` by default).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from graph.store import StoreError
from ui import PAGES, refresh, store
from ui.components.text import plain
from ui.store import store_words
from ui.views.load_failures import failed_files

# A local file: a Material or emoji icon as favicon would be fetched from fonts.gstatic.com.
FAVICON = str(Path(__file__).resolve().parent / "ui" / "favicon.png")
st.set_page_config(page_title="Đồ thị văn bản chỉ đạo", page_icon=FAVICON, layout="wide")


def _sidebar() -> None:
    with st.sidebar:
        st.caption(f"Kho dữ liệu: {store_words()}")
        if st.button("Làm mới dữ liệu", help="Đọc lại kho (khi văn bản được nạp từ nơi khác)"):
            refresh()
        if failed := failed_files():
            st.warning(f"{len(failed)} tệp không nạp được ở lần nạp gần nhất (xem trang Rà soát): "
                       + "; ".join(f"{plain(f.name)} — {plain(f.reason)}" for f in failed[:5]))  # fmt: skip


def main() -> None:
    pages = [
        st.Page(p.file, title=p.title, icon=p.icon, url_path=p.url_path or None, default=not p.url_path)
        for p in PAGES.values()
    ]
    page = st.navigation(pages)
    try:
        store()
    except StoreError as exc:
        st.error(f"Không mở được kho dữ liệu: {plain(exc)}")
        st.stop()
    _sidebar()
    try:
        page.run()
    except StoreError as exc:  # the store went away or refused a query: say so instead of a traceback
        st.error(f"Lỗi khi đọc kho dữ liệu: {plain(exc)}")


main()
