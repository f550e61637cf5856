"""Errors the adapters raise besides the port's own ``StoreError`` and ``ReadOnlyError``."""

from __future__ import annotations

from graph.store import StoreError

__all__ = ["QueryTimeoutError"]


class QueryTimeoutError(StoreError):
    """A query ran longer than its ``timeout_ms``."""
