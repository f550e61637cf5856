"""The sample graph that the query, report and analysis tests share: ``data/documents/`` (the two seeds) loaded
through ``graph.ingest.load_paths`` into a fresh store of each kind, once per test session.

The fixtures are imported by ``tests/queries/conftest.py``, ``tests/reports/conftest.py`` and
``tests/graph/test_analysis.py``; the stores live in this module, so however many places import the fixtures,
each store is started and loaded once.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from graph.ingest import load_paths
from graph.store import GraphStore, StoreError, open_store

__all__ = ["BACKENDS", "SAMPLE_DIR", "open_sample", "sample_store", "sample_store_url"]

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "data" / "documents"
BACKENDS = ("embedded", "arcadedb")

_stores: dict[str, tuple[str, GraphStore]] = {}
_base: list[Path] = []


def open_sample(backend: str, config: pytest.Config) -> tuple[str, GraphStore]:
    """The URL and the open store holding the sample graph on ``backend`` (started and loaded on first use, and
    closed when the whole test run ends, not when pytest moves on to the other backend)."""
    if backend not in _stores:
        if not _base:
            _base.append(Path(tempfile.mkdtemp(prefix="kg-sample-", dir="/tmp")))  # a short unix socket path
            config.add_cleanup(_close_all)
        url = f"{backend}:{_base[0] / backend}"
        try:
            store = open_store(url)
        except StoreError as exc:
            pytest.skip(f"the {backend} store cannot start here: {exc}")
        failed = [r.line() for r in load_paths([SAMPLE_DIR], store) if not r.ok]
        assert not failed, failed
        _stores[backend] = (url, store)
    return _stores[backend]


def _close_all() -> None:
    while _stores:
        backend, (_, store) = _stores.popitem()
        if backend != "arcadedb":  # left to the end of the process: see the note at the end of tests/conftest.py
            store.close()
    while _base:
        shutil.rmtree(_base.pop(), ignore_errors=True)


@pytest.fixture(scope="session", params=BACKENDS)
def sample_store(request: pytest.FixtureRequest) -> GraphStore:
    """The sample graph, once on the embedded FalkorDB store and once on ArcadeDB over Bolt."""
    return open_sample(request.param, request.config)[1]


@pytest.fixture(scope="session")
def sample_store_url(request: pytest.FixtureRequest) -> str:
    """``embedded:<dir>`` of the sample graph, for CLI tests (a second opening reuses the running server)."""
    return open_sample("embedded", request.config)[0]
