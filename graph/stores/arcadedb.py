"""ArcadeDB as a local Bolt server: the ``arcadedb-embedded`` wheel (a JVM inside this process) with its Bolt
plugin on 127.0.0.1, so :class:`~graph.stores.bolt.BoltStore` talks to it exactly as to Neo4j.

Used by the tests (the Neo4j path, for real) and where FalkorDB has no wheel (``KG_STORE=arcadedb``). The
server is bound to loopback on free ports, its root password is generated once and kept (mode 600) beside
the data, and its log goes to ``PATH/log/`` rather than the terminal or the working directory.

For example (not run as a doctest: the JVM a test session starts must be the only one, see
``tests/conftest.py``)::

    store = open_arcadedb_store("/tmp/kg-arcadedb")
    store.read("RETURN 1 AS one")  # [{'one': 1}]
"""

from __future__ import annotations

import atexit
import os
import secrets
import socket
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import neo4j

from graph.store import StoreError
from graph.stores.bolt import BoltStore

__all__ = ["DATABASE", "ArcadeDBServer", "ArcadeDBStore", "default_arcadedb_dir", "open_arcadedb_store"]

DATABASE = "kg"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
_LOG_PROPERTIES = """\
handlers = java.util.logging.FileHandler
.level = WARNING
com.arcadedb.level = WARNING
java.util.logging.FileHandler.level = WARNING
java.util.logging.FileHandler.pattern = {log_dir}/arcadedb.log
java.util.logging.FileHandler.formatter = com.arcadedb.log.LogFormatter
java.util.logging.FileHandler.limit = 10000000
java.util.logging.FileHandler.count = 3
"""


def default_arcadedb_dir() -> Path:
    """``data/arcadedb/`` under the project root."""
    return PROJECT_ROOT / "data" / "arcadedb"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ArcadeDBServer:
    """An ArcadeDB server for one root directory, with database ``kg`` and Bolt on a free loopback port."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root).expanduser().absolute()
        self.bolt_port = 0
        self.password = ""
        self._server: Any = None

    @property
    def bolt_url(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    def _password(self) -> str:
        """The root password: made on first start, then read back (ArcadeDB keeps the first one)."""
        path = self.root / "kg-root-password"
        if path.exists():
            return path.read_text().strip()
        password = secrets.token_urlsafe(24)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(password)
        return password

    def _jvm_options(self) -> dict[str, Any]:
        log_dir = self.root / "log"
        log_dir.mkdir(exist_ok=True)
        config = self.root / "arcadedb-log.properties"
        config.write_text(_LOG_PROPERTIES.format(log_dir=log_dir.as_posix()))
        return {
            "jvm_args": [
                f"-Djava.util.logging.config.file={config.as_posix()}",
                f"-XX:ErrorFile={log_dir.as_posix()}/hs_err_pid%p.log",
            ]
        }

    def start(self) -> str:
        """Start the server (creating database ``kg`` if missing); returns the root password."""
        try:
            import arcadedb_embedded
            import jpype
        except ImportError as error:
            raise StoreError(f"ArcadeDB needs the arcadedb-embedded wheel ({error})") from error
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            password = self._password()
            jvm = {} if jpype.isJVMStarted() else self._jvm_options()  # JVM options apply once per process
        except OSError as error:
            raise StoreError(f"ArcadeDB data directory {self.root} is not usable ({error})") from error
        self.bolt_port = _free_port()
        config = {
            "host": "127.0.0.1",
            "http_port": _free_port(),
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": self.bolt_port,
            # the console's guard refuses LOAD CSV already; the server refuses it too
            "opencypher_loadCsv_allowFileUrls": False,
            "opencypher_loadCsv_allowRemoteUrls": False,
        }
        try:
            server = arcadedb_embedded.ArcadeDBServer(str(self.root), password, config, jvm)
            server.start()
            server.create_database(DATABASE)  # opens it when it already exists
        except arcadedb_embedded.ArcadeDBError as error:
            hint = " (ArcadeDB lets one process at a time use a directory)" if "locked" in str(error) else ""
            # the engine's message already names the cause; its chain of Java traces helps nobody
            raise StoreError(f"ArcadeDB at {self.root} did not start{hint}: {error}") from None
        self._server, self.password = server, password
        return password

    def set_command_timeout(self, milliseconds: int) -> None:
        """Set ``arcadedb.command.timeout`` of database ``kg``: every statement started after this is stopped
        (with a timeout error) once it ran this long; 0 removes the limit."""
        if self._server is None:
            raise StoreError(f"ArcadeDB at {self.root} is not running")
        database = self._server._java_server.getDatabase(DATABASE)
        database.getConfiguration().setValue("arcadedb.command.timeout", int(milliseconds))

    def stop(self) -> None:
        """Stop the server (the JVM stays: it cannot be restarted within a process)."""
        server, self._server = self._server, None
        if server is not None:
            server.stop()


_OPEN: dict[int, Callable[[], None]] = {}


def _close_at_exit(key: int, close: Callable[[], None]) -> None:
    """Close stores a process forgot to close before the JVM shuts down: a running ArcadeDB server (and a Bolt
    driver connected to it) keeps Java threads alive, and the JVM's own exit then hangs or crashes. Registered
    after the JVM started, so it runs before JPype's exit handler (``atexit`` runs last-in, first-out)."""
    if not _OPEN:
        atexit.register(_close_all)
    _OPEN[key] = close


def _close_all() -> None:
    for close in list(_OPEN.values()):
        close()


class ArcadeDBStore(BoltStore):
    """A :class:`BoltStore` on the ArcadeDB server it started (``server``), which it stops on close."""

    def __init__(self, server: ArcadeDBServer, driver: neo4j.Driver) -> None:
        self.server = server

        def close() -> None:
            _OPEN.pop(id(self), None)
            driver.close()
            server.stop()

        _close_at_exit(id(self), close)

        self._limit = threading.Lock()
        super().__init__(driver, database=DATABASE, name=f"ArcadeDB at {server.root}", on_close=close)

    def read(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        row_cap: int | None = None,
    ) -> list[dict[str, Any]]:
        """As :meth:`BoltStore.read`; ``timeout_ms`` holds here too.

        ArcadeDB's Bolt server ignores the transaction timeout, so the database's own command timeout is set
        for the time of the query, under a lock that writes also take (a write never runs under a reader's
        limit). The server is in this process, so the setting is this process's alone.
        """
        if timeout_ms is None:
            return super().read(query, params, row_cap=row_cap)
        with self._limit:
            self.server.set_command_timeout(max(1, int(timeout_ms)))
            try:
                return super().read(query, params, timeout_ms=timeout_ms, row_cap=row_cap)
            finally:
                self.server.set_command_timeout(0)

    def _execute_write(self, work: Callable[[neo4j.ManagedTransaction], Any]) -> Any:
        with self._limit:
            return super()._execute_write(work)


def open_arcadedb_store(path: Path | str | None = None) -> ArcadeDBStore:
    """Start ArcadeDB on ``path`` (default ``data/arcadedb/``) and return a store that stops it on close."""
    server = ArcadeDBServer(path if path is not None else default_arcadedb_dir())
    password = server.start()
    driver = neo4j.GraphDatabase.driver(server.bolt_url, auth=("root", password))
    try:
        driver.verify_connectivity()
        return ArcadeDBStore(server, driver)
    except (StoreError, neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as error:
        driver.close()
        server.stop()
        if isinstance(error, StoreError):
            raise
        raise StoreError(f"ArcadeDB at {server.root}: cannot connect over Bolt ({error})") from error
