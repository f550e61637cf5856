"""The Streamlit app's pages and what they read. ``app.py`` is the ``st.navigation`` frame; start reading at
:data:`ui.navigation.PAGES`, then a page, then the view of the same name.

=============================  ==================================================================================
``ui/__main__.py``             ``python -m ui`` (``make run``): ``streamlit run app.py``, the modules preloaded
``ui/store.py``                the store opened once per process (``st.cache_resource``) and the *generation*
                               that keys every cached read; ``refresh()`` after a load
``ui/warm.py``                 the first pages' reads, computed in the background at start and after a refresh
``ui/navigation.py``           the pages (file, Vietnamese title, icon, address) and ``goto`` between them
``ui/pages/<page>.py``         one script per page, layout and widgets only: ``overview`` (Tổng quan),
                               ``cascade_map`` (Sơ đồ chỉ đạo), ``document`` (Văn bản), ``organ`` (Cơ quan),
                               ``gaps`` (Khoảng trống), ``cypher_query`` (Truy vấn Cypher), ``document_upload``
                               (Nạp văn bản)
``ui/views/<page>.py``         what that page reads: typed, frozen view models, built by ``read_…(store, …)``
                               (plain functions, no Streamlit, testable on any store) and served by a function
                               of the same name without ``read_`` cached under the store's generation
``ui/views/search.py``         every document and organ for the search boxes, and the matching itself
``ui/views/subplan_status.py`` the audit's status of each ordered unit, shared by overview, organ and map
``ui/views/graph_nodes.py``    store rows → picture nodes (the map and the console's result graph)
``ui/views/rows.py``           store rows → view models; ``vi_date``; ``line_of`` a fact's ``src``
``ui/components/``             drawing: ``graph_picture`` (pyvis HTML, no Streamlit), ``source_view`` (a
                               document's text with its facts marked), ``report_view`` (a report with its
                               downloads), ``widgets`` (search picker, date, tables, graph frame)
=============================  ==================================================================================

Why this shape: a page and its view share a stem, so the question "where does this page get that number" has one
answer; the pages hold no Cypher and no rules, so the views can be read and tested without Streamlit; and each
cached read is a plain typed function, so mypy and a reader follow every call (no string registry of readers).
Imports run one way: ``pages → components, views → store``; views use ``graph``, ``queries``, ``reports`` and
``loaders``, never a page.

The public API, for ``app.py`` and the tests: the pages and the store the app reads.
"""

from __future__ import annotations

from ui.navigation import PAGES, PageInfo, goto
from ui.store import generation, refresh, store, store_name

__all__ = ["PAGES", "PageInfo", "generation", "goto", "refresh", "store", "store_name"]
