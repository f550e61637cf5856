"""Errors the adapters raise besides the port's own ``StoreError`` and ``ReadOnlyError``."""

from __future__ import annotations

from graph.store import StoreError

__all__ = ["QueryMemoryError", "QueryTimeoutError", "ServerStoppedError", "StoreDecodeError"]


class QueryTimeoutError(StoreError):
    """A query ran longer than its ``timeout_ms``."""


class QueryMemoryError(StoreError):
    """A query needed more memory than the store allows one query (FalkorDB's ``QUERY_MEM_CAPACITY``)."""


class ServerStoppedError(StoreError):
    """The server went away while running a read; the read is not sent again (it may be what stopped it)."""


class StoreDecodeError(StoreError):
    """The store answered with text that is not valid UTF-8; the connection was dropped, later reads are fine."""
