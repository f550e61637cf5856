"""A document is written all or nothing: a writer SIGKILLed at any moment leaves either the previous version of
the document or the new one, never a mixture, and a document that was absent stays absent or arrives whole.

A child process opens the store, builds a large document graph and writes it. Instrumented at the moment we
want to hit, it says so and waits there to be killed:

* ``planning``: while the query is being built (nothing sent yet);
* ``partial``: FalkorDB only, half of the 5 MB ``GRAPH.QUERY`` written to the socket;
* ``sent``: FalkorDB only, the whole command sent, the server running it, the reply not read yet;
* ``midway``: Bolt only, inside the transaction with half of the statements run;
* ``uncommitted``: Bolt only, every statement run, the commit not sent;
* ``timed``: no instrument, killed a measured fraction of a full write after it starts.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from graph.store import GraphStore
from graph.stores import wipe
from graph.stores.arcadedb import ArcadeDBStore
from graph.stores.embedded import EmbeddedStore
from tests.graph.store_samples import big_graph, owned_counts

ROOT = Path(__file__).resolve().parents[2]
DOC = "test:?:9999-KH/TU:2024"
ABSENT = {"tasks": 0, "versions": [], "edges": 0, "title": None}
WRITER = """
import socket, sys, time
import graph.stores.bolt as bolt
import graph.stores.falkordb as falkor
from graph.stores import open_store_url
from tests.graph.store_samples import big_graph

url, doc, tasks, version, spread, mode = sys.argv[1:]
graph = big_graph(doc, int(tasks), int(version), int(spread))
store = open_store_url(url)

def pause(word):
    print(word, flush=True)
    time.sleep(600)

def planning(statements):
    pause("planning")

real_sendall = socket.socket.sendall
def partial(self, data, *args):
    if len(data) > 1_000_000:
        real_sendall(self, data[: len(data) // 2])
        pause("partial")
    return real_sendall(self, data, *args)

real_query = falkor.falkordb.Graph.query
def sent(self, q, params=None, timeout=None):
    def read(conn, *args, **kwargs):
        pause("sent")
    self.client.connection.connection_pool.connection_class.read_response = read
    return real_query(self, q, params, timeout)

real_statements = bolt.document_statements
def bolt_statements(where):
    def statements(graph, external):
        items = real_statements(graph, external)
        for i, item in enumerate(items):
            if where == "midway" and i == len(items) // 2:
                pause("midway")
            yield item
        if where == "uncommitted":
            pause("uncommitted")
    return statements

if mode == "planning":
    falkor.chain = planning
    bolt.document_statements = planning
elif mode == "partial":
    socket.socket.sendall = partial
elif mode == "sent":
    falkor.falkordb.Graph.query = sent
elif mode in ("midway", "uncommitted"):
    bolt.document_statements = bolt_statements(mode)
print("ready", flush=True)
store.write_document(graph)
print("done", flush=True)
"""


def _line(process: subprocess.Popen[str], timeout: float) -> str:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    return process.stdout.readline().strip() if ready else ""


def write_in_child(url: str, version: int, tasks: int, spread: int, mode: str, kill_after: float = 0.0) -> float:
    """Run the writer in ``mode``; kill it where the mode waits (``timed``: ``kill_after`` s after ``ready``;
    ``full``: never). Returns the seconds from ``ready`` to ``done`` or to the kill."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [url, DOC, str(tasks), str(version), str(spread), mode]
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        said = [_line(process, 90)]
        started = time.monotonic()
        if mode == "timed":
            _line(process, kill_after)
        else:
            said.append(_line(process, 180))  # "done", or the mode's word where the child waits
        if said != ["ready", "done" if mode in ("full", "timed") else mode][: len(said)]:
            process.kill()
            pytest.fail(f"writer said {said}: {process.communicate()[1][-2000:]}")
        return time.monotonic() - started
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()


def expected(version: int, tasks: int, spread: int) -> dict[str, Any]:
    return {"tasks": tasks, "versions": [f"v{version}"], "edges": 2 * tasks + spread, "title": f"bản {version}"}


def settled(store: GraphStore) -> dict[str, Any]:
    """The document's state once the server has finished whatever the dead client had already sent."""
    state = owned_counts(store, DOC)
    for _ in range(40):
        time.sleep(0.15)
        again = owned_counts(store, DOC)
        if again == state:
            return state
        state = again
    return state


def check_kills(store: GraphStore, url: str, tasks: int, spread: int, plan: list[tuple[str, str]]) -> None:
    """Write version 1 here, then kill a writer of version 2, 3, … at each ``(mode, outcome)`` of ``plan``:
    afterwards the store holds exactly the version before (``old``), the new one (``new``), or either."""
    wipe(store)
    store.write_document(big_graph(DOC, tasks, 1, spread))
    before = expected(1, tasks, spread)
    full = 0.0
    for version, (mode, outcome) in enumerate(plan, start=2):
        size = tasks - version  # each version its own size, so counts tell them apart
        took = write_in_child(url, version, size, spread, mode, kill_after=full / 2)
        full = took if mode == "full" else full
        after = expected(version, size, spread)
        allowed = {"old": [before], "new": [after], "either": [before, after]}[outcome]
        state = settled(store)
        assert state in allowed, f"{mode} kill after {took:.2f} s: {state}, expected {outcome}"
        before = state
    assert store.read("MATCH (t:Task) RETURN count(t) AS n") == [{"n": before["tasks"]}]  # no orphans either


@pytest.mark.slow
def test_embedded_write_killed_at_any_moment_is_all_or_nothing(embedded_store: EmbeddedStore) -> None:
    url = f"embedded:{embedded_store.server.data_dir}"
    plan = [("planning", "old"), ("partial", "old"), ("sent", "new"), ("full", "new"), ("timed", "either")]
    check_kills(embedded_store, url, 10_000, 0, plan)

    embedded_store.delete_document(DOC)  # a document that was absent: absent after the kill, or there whole
    write_in_child(url, 8, 10_000, 0, "partial")
    assert settled(embedded_store) == ABSENT
    write_in_child(url, 9, 10_000, 0, "sent")
    assert settled(embedded_store) == expected(9, 10_000, 0)


@pytest.mark.slow
def test_bolt_write_killed_at_any_moment_is_all_or_nothing(
    arcadedb_store: ArcadeDBStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = arcadedb_store.server
    monkeypatch.setenv("NEO4J_USER", "root")
    monkeypatch.setenv("NEO4J_PASSWORD", server.password)
    monkeypatch.setenv("NEO4J_DATABASE", "kg")
    plan = [("midway", "old"), ("uncommitted", "old"), ("full", "new")]
    check_kills(arcadedb_store, server.bolt_url, 400, 20, plan)
