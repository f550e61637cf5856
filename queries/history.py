"""The console's history: the queries a person ran, newest first, with the parameter values they ran with, kept
in ``KG_QUERIES_DIR/console-history.jsonl`` (one JSON object a line) so it outlives the app's process.

A query run again moves to the top instead of being listed twice; the file keeps the last :data:`KEEP` entries.
A line that cannot be read (a hand edit, a half-written line after a crash) is skipped, never an error: losing
one entry is better than losing the console.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> remember("RETURN $n AS n", {"n": 1}, folder)
>>> remember("RETURN 2 AS n", {}, folder)
>>> remember("RETURN $n AS n", {"n": 3}, folder)
>>> [(e.cypher, e.params) for e in history(folder)]
[('RETURN $n AS n', {'n': 3}), ('RETURN 2 AS n', {})]
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from queries.catalog import user_dir

__all__ = ["FILE_NAME", "KEEP", "HistoryEntry", "history", "remember"]

FILE_NAME = "console-history.jsonl"
KEEP = 50


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    cypher: str
    params: dict[str, Any] = field(default_factory=dict)
    at: str = ""  # local time it last ran, ISO (seconds)


def _path(directory: Path | None) -> Path:
    return (directory if directory is not None else user_dir()) / FILE_NAME


def history(directory: Path | None = None) -> list[HistoryEntry]:
    """The queries run, newest first."""
    path = _path(directory)
    if not path.is_file():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            data = json.loads(line)
            entries.append(
                HistoryEntry(str(data["cypher"]), dict(data.get("params") or {}), str(data.get("at", "")))
            )
        except (ValueError, KeyError, TypeError):
            continue
    return entries


def remember(cypher: str, params: Mapping[str, Any] | None = None, directory: Path | None = None) -> None:
    """Put ``cypher`` at the top of the history (written whole to a temporary file, then renamed into place, so a
    crash leaves the old file or the new one)."""
    if not cypher.strip():
        return
    entry = HistoryEntry(cypher, dict(params or {}), datetime.now().isoformat(timespec="seconds"))
    kept = [entry] + [e for e in history(directory) if e.cypher.strip() != cypher.strip()]
    path = _path(directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        json.dumps({"cypher": e.cypher, "params": e.params, "at": e.at}, ensure_ascii=False, default=str)
        for e in kept[:KEEP]
    ]
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".history-", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    os.replace(temporary, path)
