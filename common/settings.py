"""Every ``KG_*`` setting, its default and what it means, in one place.

Settings are read from the environment each time :func:`settings` is called (tests and the CLIs' ``--store``
change them at run time); nothing else in the project reads ``os.environ`` for a ``KG_*`` name. The README's
"Settings" table lists each one, and a test keeps the two in step.

>>> s = settings({})
>>> s.store, s.graph
('embedded', 'directive_graph')
>>> s.data_dir == PROJECT_ROOT / "data" / "store"
True
>>> settings({"KG_STORE": "arcadedb"}).store
'arcadedb'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from common.errors import DirectiveGraphError

__all__ = ["AUTH_MODES", "PROJECT_ROOT", "VARIABLES", "Settings", "settings"]

PROJECT_ROOT = Path(__file__).resolve().parents[1]

#: Each variable with its default (as the README shows it) and its meaning.
VARIABLES: dict[str, tuple[str, str]] = {
    "KG_STORE": (
        "embedded",
        "which graph store to open (embedded, embedded:PATH, arcadedb, neo4j://…, falkordb://…)",
    ),
    "KG_DATA_DIR": ("data/store", "where the embedded FalkorDB keeps its files"),
    "KG_GRAPH": ("directive_graph", "the graph's name on a FalkorDB server"),
    "KG_ORGANS_DIR": ("data/organs", "the organ gazetteer (YAML files)"),
    "KG_UPLOAD_DIR": (
        "data/uploads",
        "where the app keeps uploaded files (apart from the sample documents, which the tests load)",
    ),
    "KG_CORRECTIONS_DIR": (
        "data/corrections",
        "corrections and acceptances of extracted facts, and records of removed documents (YAML, one file per "
        "document)",
    ),
    "KG_QUERIES_DIR": (
        "data/queries",
        "the user's saved queries (beside the shipped ones) and the console's history",
    ),
    "KG_QUERY_MEMORY_MB": ("1024", "memory one query may use in the embedded FalkorDB (0: no limit)"),
    "KG_SERVER_MEMORY_MB": ("4096", "address space the embedded FalkorDB process may take (0: no limit)"),
    "KG_HOST": ("127.0.0.1", "the address `make run` binds; another than loopback makes the app ask for sign-in"),
    "KG_AUTH": ("auto", "sign-in: `auto` (when bound to an address other than loopback) or `always`"),
    "KG_ACCOUNTS_FILE": ("data/accounts.json", "the app's accounts (`python -m ui.accounts`), mode 0600"),
    "KG_SESSION_MINUTES": ("30", "minutes without a click after which a signed-in session ends"),
    "KG_AUDIT_LOG": ("data/audit-log.jsonl", "the append-only record of who loaded, removed, exported what"),
}

AUTH_MODES = ("auto", "always")


@dataclass(frozen=True, slots=True)
class Settings:
    """The project's settings as read from one environment."""

    store: str
    data_dir: Path
    graph: str
    organs_dir: Path
    upload_dir: Path
    corrections_dir: Path
    queries_dir: Path
    query_memory_mb: int
    server_memory_mb: int
    host: str
    auth: str  # auto | always
    accounts_file: Path
    session_minutes: int
    audit_log: Path


def _path(value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else PROJECT_ROOT / path


def _megabytes(name: str, value: str) -> int:
    try:
        number = int(value.strip())
    except ValueError:
        number = -1
    if number < 0:
        raise DirectiveGraphError(f"{name} must be a whole number of megabytes (0 for no limit), not {value!r}")
    return number


def settings(environ: Mapping[str, str] | None = None) -> Settings:
    """The settings in ``environ`` (the process environment by default); an empty value means the default."""
    env = os.environ if environ is None else environ

    def get(name: str) -> str:
        return env.get(name) or VARIABLES[name][0]

    return Settings(
        store=get("KG_STORE").strip(),
        data_dir=_path(get("KG_DATA_DIR")),
        graph=get("KG_GRAPH"),
        organs_dir=_path(get("KG_ORGANS_DIR")),
        upload_dir=_path(get("KG_UPLOAD_DIR")),
        corrections_dir=_path(get("KG_CORRECTIONS_DIR")),
        queries_dir=_path(get("KG_QUERIES_DIR")),
        query_memory_mb=_megabytes("KG_QUERY_MEMORY_MB", get("KG_QUERY_MEMORY_MB")),
        server_memory_mb=_megabytes("KG_SERVER_MEMORY_MB", get("KG_SERVER_MEMORY_MB")),
        host=get("KG_HOST").strip(),
        auth=_choice("KG_AUTH", get("KG_AUTH"), AUTH_MODES),
        accounts_file=_path(get("KG_ACCOUNTS_FILE")),
        session_minutes=_positive("KG_SESSION_MINUTES", get("KG_SESSION_MINUTES")),
        audit_log=_path(get("KG_AUDIT_LOG")),
    )


def _choice(name: str, value: str, allowed: tuple[str, ...]) -> str:
    """A setting with a fixed set of values; anything else is an error, never a silent fallback."""
    value = value.strip().lower()
    if value not in allowed:
        raise DirectiveGraphError(f"{name}={value!r}: expected one of {', '.join(allowed)}")
    return value


def _positive(name: str, value: str) -> int:
    if not value.strip().isdigit() or int(value) < 1:
        raise DirectiveGraphError(f"{name}={value!r}: expected a whole number of at least 1")
    return int(value)
