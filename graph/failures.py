"""The files a load could not read, kept in the store so that the app can list them (``make run`` loads the
documents, then starts the app even when some failed).

Each failure is a ``LoadFailure`` node ``{path, reason, at}`` keyed by the file's path; a later load of the same
file that succeeds (or skips it on purpose) removes it. Nothing else in the graph refers to these nodes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from graph.corrections import now
from graph.store import GraphStore

__all__ = ["LoadFailure", "read_failures", "record_failures"]

_SET = """
UNWIND $rows AS row
MERGE (f:LoadFailure {path: row.path}) SET f.reason = row.reason, f.at = row.at, f.name = row.name
"""
_CLEAR = "UNWIND $paths AS p MATCH (f:LoadFailure {path: p}) DELETE f"
_READ = "MATCH (f:LoadFailure) RETURN f.path AS path, f.name AS name, f.reason AS reason, f.at AS at ORDER BY path"


class _Result(Protocol):
    @property
    def path(self) -> str: ...
    @property
    def error(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class LoadFailure:
    path: str
    name: str
    reason: str
    at: str


def record_failures(store: GraphStore, results: Sequence[_Result]) -> None:
    """Remember the files of ``results`` that failed; forget earlier failures of those that did not, and of
    files that are gone (deleted by the user after reading the list)."""
    at = now()
    failed = [
        {"path": str(Path(r.path).resolve()), "name": Path(r.path).name, "reason": r.error, "at": at}
        for r in results
        if r.error
    ]
    done = [str(Path(r.path).resolve()) for r in results if not r.error]
    done += [f.path for f in read_failures(store) if not Path(f.path).exists()]
    if done:
        store.write(_CLEAR, {"paths": done})
    if failed:
        store.write(_SET, {"rows": failed})


def read_failures(store: GraphStore) -> list[LoadFailure]:
    return [LoadFailure(r["path"], r["name"] or Path(r["path"]).name, r["reason"] or "", r["at"] or "")
            for r in store.read(_READ)]  # fmt: skip
