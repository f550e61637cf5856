"""``python -m graph serve`` opens the embedded store on a loopback TCP port with a password: a separate client
process (the ``falkordb`` package) attaches and reads, a wrong password is refused, the project's own clients go
on working meanwhile, and a non-loopback address is refused unless asked for."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys

import pytest

from graph.ingest import load_paths
from graph.stores.embedded import EmbeddedStore
from tests.graph.store_samples import short_tmpdir
from tests.sample_graph import SAMPLE_DIR

_CLIENT = """
import sys, falkordb
db = falkordb.FalkorDB(host=sys.argv[1], port=int(sys.argv[2]), password=sys.argv[3])
graph = db.select_graph('directive_graph')
rows = graph.ro_query('MATCH (d:Document) RETURN d.symbol ORDER BY d.symbol').result_set
print(','.join(r[0] for r in rows))
"""


def test_a_separate_client_process_attaches_to_the_served_store() -> None:
    path = short_tmpdir("kg-srv-")
    store = EmbeddedStore(path)
    try:
        assert all(r.ok for r in load_paths([SAMPLE_DIR], store))
        serving = subprocess.Popen(
            [sys.executable, "-m", "graph", "serve", "--store", f"embedded:{path}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert serving.stdout is not None
            first = serving.stdout.readline()
            found = re.search(r"listening on (\S+):(\d+) .*password (\S+)\)", first)
            assert found, first + serving.stderr.read() if serving.poll() is not None else first
            host, port, password = found.groups()
            attach = [sys.executable, "-c", _CLIENT, host, port]
            out = subprocess.run([*attach, password], capture_output=True, text=True, timeout=60)
            assert out.stdout.strip() == "11-KH/TW,27-NQ/TW,60-KH/TU,80-KH/ĐUK", out.stderr
            refused = subprocess.run([*attach, "wrong"], capture_output=True, text=True, timeout=60)
            assert refused.returncode != 0 and "password" in refused.stderr.lower()
            assert store.read("MATCH (d:Document) RETURN count(d) AS n") == [{"n": 4}]  # the project's client
            another = EmbeddedStore(path)  # a new one, closed: a lease left held would keep the server running
            try:
                assert another.read("MATCH (d:Document) RETURN count(d) AS n") == [{"n": 4}]
            finally:
                another.close()
        finally:
            serving.send_signal(signal.SIGTERM)
            assert serving.wait(timeout=30) == 0
        assert not (store.server.password_path).exists()
        assert store.read("MATCH (d:Document) RETURN count(d) AS n") == [{"n": 4}]
    finally:
        store.close()
        shutil.rmtree(path, ignore_errors=True)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::"])
def test_serve_refuses_an_address_that_is_not_loopback(host: str) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "graph", "serve", "--host", host, "--store", "embedded:/nonexistent/never-opened"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 1 and "refusing to listen" in out.stderr and "--allow-remote" in out.stderr
