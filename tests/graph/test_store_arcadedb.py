"""ArcadeDB started by the project: a process that forgets to close its store still exits."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
from graph.stores.arcadedb import open_arcadedb_store
store = open_arcadedb_store(sys.argv[1])
print(store.read("RETURN 1 AS x"))
"""


def test_a_process_that_never_closes_its_arcadedb_store_exits_cleanly(tmp_path: Path) -> None:
    # Without the exit hook the JVM's shutdown hangs (or crashes) on the server and driver threads left running.
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "arcadedb")],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert "[{'x': 1}]" in run.stdout
