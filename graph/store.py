"""The ``GraphStore`` port: the only way the rest of the project touches a graph database.

Adapters: ``EmbeddedStore`` (FalkorDB started by the project, the default), ``FalkorDBStore`` (an existing
FalkorDB server), ``BoltStore`` (Neo4j's official driver: Neo4j, or ArcadeDB's Bolt server). ``open_store()``
picks one from a URL or ``KG_STORE``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from common.errors import DirectiveGraphError
from graph.model import DocumentGraph

__all__ = ["GraphStore", "ReadOnlyError", "StoreError", "open_store"]


class StoreError(DirectiveGraphError, RuntimeError):
    """A store could not be opened or a query failed; the message says which store and why."""


class ReadOnlyError(StoreError):
    """A query sent as read-only tried to write."""


@runtime_checkable
class GraphStore(Protocol):
    """What every adapter offers. Values always travel as ``$parameters``, never spliced into Cypher."""

    name: str  # human-readable description, e.g. "embedded FalkorDB at data/store"

    def write_document(self, graph: DocumentGraph) -> None:
        """Replace everything ``graph.document_uid`` owns with ``graph``, atomically (all or nothing)."""

    def write_documents(self, graphs: Iterable[DocumentGraph]) -> None:
        """Write many documents as :meth:`write_document` does, in batches (``cypher.document_batches``): each
        batch one atomic unit, so a document is always whole or absent; fewer, larger writes for a bulk load."""

    def delete_document(self, document_uid: str) -> None:
        """Remove the document's own facts (owned nodes and edges); shared nodes and others' edges stay."""

    def read(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        row_cap: int | None = None,
    ) -> list[dict[str, Any]]:
        """Run ONE read query; rows as dicts keyed by the RETURN names.

        The text passes ``graph.readonly.check_read_only`` first (anything else raises ``ReadOnlyError`` and
        never reaches the server). ``row_cap`` puts a ``LIMIT`` of ``row_cap + 1`` inside the query, and such a
        read is never sent twice.
        """

    def schema(self) -> frozenset[str]:
        """The labels, relationship types, indexes and constraints, one string each."""

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a query that may write, in its own transaction."""

    def write_many(self, statements: Sequence[tuple[str, Mapping[str, Any]]]) -> None:
        """Run several write statements in one transaction (all or nothing)."""

    def compact(self) -> None:
        """Make the next opening fast after a load (the embedded store compacts its file; others: nothing)."""

    def close(self) -> None: ...


def open_store(url: str | None = None) -> GraphStore:
    """Open the store named by ``url`` or ``KG_STORE`` (``embedded`` when neither is set).

    ``embedded`` / ``embedded:PATH`` (FalkorDB, started here) · ``arcadedb`` / ``arcadedb:PATH`` ·
    ``neo4j://…``, ``neo4j+s://…``, ``bolt://…`` (with ``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``) ·
    ``falkordb://host:port``.
    """
    from graph.stores import open_store_url

    return open_store_url(url)
