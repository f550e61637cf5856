"""Who uses the embedded server: a lease per store, so the LAST user stops it, whoever started it.

Each open store holds a shared ``flock`` on ``falkordb.users`` in the data directory. The kernel drops the lock
of a process that dies, even by SIGKILL, so the file always tells the truth: when an exclusive lock can be
taken, nobody uses the server. A store that closes gives its lease back and, if it can then take the lock
exclusively, shuts the server down while holding it (a new user waits for the shutdown, then starts a server
afresh). For the users that never close (killed), the process that starts a server also starts a small
watcher, ``python -m graph.stores.leases DIR``, that shuts the server down once no lease is left and exits.

>>> lease = Lease(Path(tempfile.mkdtemp()) / "falkordb.users")
>>> lease.hold(); lease.holding
True
>>> with lease.last_user() as alone:  # our own lease counts: not alone until we give it back
...     alone
False
>>> lease.release()
>>> with lease.last_user() as alone:
...     alone
True
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import subprocess
import sys
import tempfile  # noqa: F401  (the doctest)
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["USERS_FILE", "Lease", "start_watcher", "watch"]

USERS_FILE = "falkordb.users"
PROJECT_ROOT = Path(__file__).resolve().parents[2]


class Lease:
    """One user's shared lock on the users file of a data directory."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[str] | None = None

    @property
    def holding(self) -> bool:
        return self._handle is not None

    def hold(self) -> None:
        """Take the shared lock (waiting while a last user shuts the server down); idempotent."""
        if self._handle is not None:
            return
        handle = _open(self.path)
        fcntl.flock(handle, fcntl.LOCK_SH)
        self._handle = handle

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            handle.close()  # closing the file drops the lock

    @contextlib.contextmanager
    def last_user(self) -> Iterator[bool]:
        """Whether nobody else holds a lease; while True, nobody can take one (the lock is held exclusively)."""
        handle = _open(self.path)
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            yield True
        finally:
            handle.close()


def _open(path: Path) -> IO[str]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    return os.fdopen(fd, "r+")


def start_watcher(data_dir: Path) -> subprocess.Popen[bytes]:
    """Start the watcher of ``data_dir``'s server, in a session of its own: it outlives its starter."""
    return subprocess.Popen(
        [sys.executable, "-m", "graph.stores.leases", str(data_dir)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=PROJECT_ROOT,
        start_new_session=True,
    )


def watch(data_dir: Path, *, interval: float = 1.0) -> None:
    """Shut the server of ``data_dir`` down once no lease is held; return when it is down."""
    import redis

    from graph.stores.falkordb import no_retry

    socket_path = data_dir / "falkordb.sock"
    lease = Lease(data_dir / USERS_FILE)
    while socket_path.exists():
        time.sleep(interval)
        with lease.last_user() as alone:
            if not alone or not socket_path.exists():
                continue
            # one attempt: the lock held here keeps every new user waiting, and redis-py would otherwise retry
            # a server already gone for about 4 s with backoff (a store opened right after another closed did)
            client = redis.Redis(unix_socket_path=str(socket_path), socket_connect_timeout=2, retry=no_retry())
            with contextlib.suppress(redis.RedisError, OSError):
                client.shutdown()  # SHUTDOWN flushes the append-only file
            client.close()
            return


if __name__ == "__main__":
    watch(Path(sys.argv[1]))
