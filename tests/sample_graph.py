"""The sample graph every store-backed test shares: ``data/documents/`` (the two seeds) loaded through
``graph.ingest.load_paths`` into a fresh store of each kind, at most once per test session.

``tests/conftest.py`` turns it into the session fixtures ``sample_store`` (one parametrisation per kind in
:data:`SAMPLE_KINDS`) and ``sample_store_url``; any other conftest (the app's tests) calls :func:`open_sample`
for the kind it wants and gets the same running, loaded store, never a second copy.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from graph.ingest import load_paths
from graph.store import GraphStore, open_store

__all__ = ["SAMPLE_DIR", "SAMPLE_KINDS", "open_sample"]

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "data" / "documents"
SAMPLE_KINDS = ("embedded", "arcadedb")

_stores: dict[str, tuple[str, GraphStore]] = {}
_base: list[Path] = []


def open_sample(kind: str, config: pytest.Config) -> tuple[str, GraphStore]:
    """The URL (``embedded:<dir>``, ``arcadedb:<dir>``) and the open store holding the sample graph on ``kind``:
    started and loaded on first use, closed when the whole run ends (not when pytest moves to the next kind)."""
    if kind not in _stores:
        if not _base:
            _base.append(Path(tempfile.mkdtemp(prefix="kg-sample-", dir="/tmp")))  # a short unix socket path
            config.add_cleanup(_close_all)
        url = f"{kind}:{_base[0] / kind}"
        store = open_store(url)  # a store that cannot start fails the tests that need it, never skips them
        failed = [r.line() for r in load_paths([SAMPLE_DIR], store) if not r.ok]
        assert not failed, failed
        _stores[kind] = (url, store)
    return _stores[kind]


def _close_all() -> None:
    while _stores:
        kind, (_, store) = _stores.popitem()
        if kind != "arcadedb":  # left to the end of the process: see the note at the end of tests/conftest.py
            store.close()
    while _base:
        shutil.rmtree(_base.pop(), ignore_errors=True)
