"""The store the app reads, opened once per process, and the *generation* that keys every cached read.

Every view function caches its answer (``st.cache_data``) under :func:`generation`: the store's URL, a number
that :func:`refresh` bumps, and the reader's clearance. Loading documents refreshes, so the next read of any page
sees the new graph while nothing else is recomputed needlessly.

What a page reads is :func:`store`: for a reader cleared below a mark the store holds, a per-clearance view
(:mod:`graph.clearance`) without those documents, so pages, search, saved queries, the console, reports and
exports all read the same pruned graph, and a cached answer is never shared between clearances. Writes (upload,
removal) go to :func:`source_store`.
"""

from __future__ import annotations

import os
import threading
import time

import streamlit as st

from common.settings import settings
from graph.clearance import ViewUnavailable, clearance_view
from graph.store import GraphStore, StoreError, open_store
from ui.auth.session import current

__all__ = [
    "TIMEOUT_MS",
    "Generation",
    "clearance",
    "generation",
    "refresh",
    "serving",
    "source_store",
    "store",
    "store_for",
    "store_name",
    "store_words",
]

Generation = tuple[str, int, str]  # (store URL, how many times it was refreshed, the reader's clearance)
TIMEOUT_MS = 10_000  # the time limit of a saved query the app runs (the console lets the analyst change it)


def _store_url() -> str:
    return settings().store


@st.cache_resource(show_spinner="Đang mở kho dữ liệu…")
def _open_store(url: str) -> GraphStore:
    opened = open_store(url)
    _close_when_the_server_stops(opened)
    return opened


def _close_when_the_server_stops(opened: GraphStore) -> None:
    """On SIGTERM Streamlit stops its server, then Python waits for every thread to end; ArcadeDB's JVM (and a
    driver's threads) never do, so the app hung until killed (95 s). A daemon thread waits for Streamlit's
    runtime to stop, closes the store (the embedded store's lease released, ArcadeDB stopped) and ends the
    process. Only under ``streamlit run``: in-process tests (AppTest) run on a stand-in runtime and keep their
    store."""
    from streamlit.runtime import Runtime
    from streamlit.runtime.runtime import RuntimeState

    if not serving():
        return
    runtime = Runtime.instance()

    def watch() -> None:
        while runtime.state not in (RuntimeState.STOPPING, RuntimeState.STOPPED):
            time.sleep(0.2)
        try:
            opened.close()
        finally:
            os._exit(0)

    threading.Thread(target=watch, name="kg-close-store", daemon=True).start()


def source_store() -> GraphStore:
    """The store ``KG_STORE`` names, opened on first use and kept for the life of the process: for writes."""
    return _open_store(_store_url())


def clearance() -> str:
    """The clearance of this session's reader (none: the lowest)."""
    identity = current()
    return identity.clearance if identity else "thuong"


class _Views:
    """The per-clearance views of the process, rebuilt when the generation moves on."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.built: dict[tuple[str, str], tuple[int, GraphStore]] = {}


@st.cache_resource
def _views() -> _Views:
    return _Views()


def store() -> GraphStore:
    """What this session's reader may read: the store, or its view for the reader's clearance."""
    return store_for(generation())


def store_for(key: Generation) -> GraphStore:
    """What a reader of the generation ``key`` (its clearance among them) may read: what every cached read
    reads, so that its answer follows from its key alone, whoever asks (a session, or the warm-up)."""
    url, gen, level = key
    views = _views()
    with views.lock:  # one rebuild at a time; readers of an older view wait for the new one
        kept = views.built.get((url, level))
        if kept and kept[0] == gen:
            return kept[1]
        try:
            view = clearance_view(source_store(), level)
        except ViewUnavailable as error:
            raise StoreError(
                "kho này chứa văn bản mật vượt mức được xem của tài khoản, và loại kho này không tạo được "
                f"bản xem riêng theo độ mật ({error})"
            ) from error
        views.built[(url, level)] = (gen, view)
        return view


def store_name() -> str:
    return getattr(source_store(), "name", _store_url())


def store_words(url: str | None = None) -> str:
    """Where the data is, in words a user reads (never a path or an English name).

    >>> store_words("embedded:/tmp/x"), store_words("arcadedb"), store_words("neo4j://db.example:7687")
    ('máy này', 'máy chủ trên máy này', 'máy chủ db.example')
    """
    url = url if url is not None else _store_url()
    if url.startswith("embedded"):
        return "máy này"
    host = url.split("://", 1)[1].split("/")[0].split(":")[0].split("@")[-1] if "://" in url else ""
    return f"máy chủ {host}" if host and host not in {"localhost", "127.0.0.1"} else "máy chủ trên máy này"


@st.cache_resource
def _generations() -> dict[str, int]:
    return {}


def generation(level: str | None = None) -> Generation:
    """The key every cached read carries: it changes when :func:`refresh` is called. ``level``: the key of a
    reader of that clearance (default: this session's reader)."""
    url = _store_url()
    return url, _generations().get(url, 0), clearance() if level is None else level


def refresh() -> None:
    """Forget every cached read of this store (after a load, or when another process changed it); under the
    Streamlit server, the first pages' reads of the new generation are computed at once (:mod:`ui.warm`)."""
    gens, url = _generations(), _store_url()
    gens[url] = gens.get(url, 0) + 1
    if serving():
        from ui.warm import warm  # it reads through the views, which import this module

        warm()


def serving() -> bool:
    """True inside the app's own Streamlit server (``streamlit run``, ``python -m ui``), not in an in-process
    test (AppTest's stand-in runtime) nor a plain script."""
    from streamlit.runtime import Runtime
    from streamlit.runtime.runtime import RuntimeState

    return Runtime.exists() and isinstance(Runtime.instance().state, RuntimeState)
