"""``BoltStore``: the GraphStore port over Bolt with Neo4j's official driver (Neo4j 5, Aura, or ArcadeDB).

A document is written in ONE ``session.execute_write`` transaction: the delete of what it owned and every
``UNWIND $rows`` batch commit together or not at all. Reads run in a READ-mode transaction that is always rolled
back; a query that turns out to write (Neo4j refuses it; ArcadeDB runs it, the summary shows it) raises
``ReadOnlyError`` and leaves nothing behind.

With a Neo4j server (not run as a doctest: it needs that server)::

    from neo4j import GraphDatabase
    store = BoltStore(GraphDatabase.driver("neo4j://localhost", auth=("neo4j", "pw")))
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import neo4j
from neo4j import exceptions as neo4j_errors

from graph.model import DocumentGraph
from graph.readonly import capped, check_read_only
from graph.store import ReadOnlyError, StoreError
from graph.stores.cypher import (
    LOOKUP_INDEXES,
    OWNED_LABELS,
    OWNER_INDEXED_RELS,
    PRIMARY_LABELS,
    SCHEMA_LABELS,
    TRAVERSED_LABELS,
    Statement,
    delete_document_statements,
    document_batches,
    document_statements,
    documents_statements,
    endpoint_statements,
    unknown_endpoints,
)
from graph.stores.errors import QueryTimeoutError
from graph.stores.values import parameter, plain

__all__ = ["BoltStore", "schema_statements"]

_WRITE_QUERY_TYPES = {"w", "rw", "s"}


def schema_statements() -> list[str]:
    """Constraints and indexes, one statement each (Neo4j runs schema commands in their own transactions).

    Uniqueness on ``uid`` for the primary labels only: ArcadeDB fails to add a label to a node when the new
    label also carries a unique index on ``uid`` (the type labels get a plain index instead).
    """
    out = [f"CREATE CONSTRAINT IF NOT EXISTS FOR (n:{label}) REQUIRE n.uid IS UNIQUE" for label in PRIMARY_LABELS]
    out += [
        f"CREATE INDEX IF NOT EXISTS FOR (n:{label}) ON (n.uid)"
        for label in SCHEMA_LABELS
        if label not in PRIMARY_LABELS
    ]
    out += [
        f"CREATE INDEX IF NOT EXISTS FOR (n:{label}) ON (n.owner)"
        for label in OWNED_LABELS
        if label not in TRAVERSED_LABELS  # found from their document
    ]
    out += [f"CREATE INDEX IF NOT EXISTS FOR ()-[r:{rel}]-() ON (r.owner)" for rel in OWNER_INDEXED_RELS]
    out += [f"CREATE INDEX IF NOT EXISTS FOR (n:{label}) ON (n.{prop})" for label, prop in LOOKUP_INDEXES]
    return out


def _record(record: neo4j.Record) -> dict[str, Any]:
    return {key: plain(value) for key, value in record.items()}


def _run(tx: neo4j.ManagedTransaction, query: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [_record(record) for record in tx.run(query, dict(params))]


def _endpoint_labels(
    tx: neo4j.ManagedTransaction, graphs: DocumentGraph | Sequence[DocumentGraph]
) -> dict[str, str]:
    """The label of each edge endpoint the graphs do not hold themselves, as the store has it."""
    external: dict[str, str] = {}
    uids = unknown_endpoints(graphs)
    for label, statement in endpoint_statements(uids) if uids else ():
        for row in _run(tx, statement.query, statement.params):
            external.setdefault(row["uid"], label)
    return external


def _take(result: neo4j.Result, limit: int | None) -> list[dict[str, Any]]:
    """Records of ``result`` as rows, at most ``limit`` of them (the rest is never fetched)."""
    rows: list[dict[str, Any]] = []
    for record in result:
        if limit is not None and len(rows) >= limit:
            break
        rows.append(_record(record))
    return rows


class BoltStore:
    """GraphStore on a Bolt server; the driver is injected (see :meth:`from_url`)."""

    dialect = "neo4j"

    def __init__(
        self,
        driver: neo4j.Driver,
        *,
        database: str | None = None,
        name: str | None = None,
        on_close: Callable[[], None] | None = None,
    ) -> None:
        self._driver = driver
        self._database = database or None
        self._on_close = on_close
        self.name = name or f"Bolt server{f' (database {database})' if database else ''}"
        self.ensure_schema()

    @classmethod
    def from_url(cls, url: str, *, database: str | None = None) -> BoltStore:
        """Connect to ``neo4j://``, ``neo4j+s://`` or ``bolt://`` with ``NEO4J_USER``/``NEO4J_PASSWORD``
        (and ``NEO4J_DATABASE`` for the database)."""
        user, password = os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD")
        auth = (user, password) if password else None
        try:
            driver = neo4j.GraphDatabase.driver(url, auth=auth)
        except (ValueError, neo4j_errors.ConfigurationError) as error:
            raise StoreError(f"bad Bolt URL {url!r}: {error}") from error
        database = database or os.environ.get("NEO4J_DATABASE")
        return cls(driver, database=database, name=f"Bolt server at {url}", on_close=driver.close)

    def _session(self, **options: Any) -> neo4j.Session:
        return self._driver.session(database=self._database, **options)

    # --- the port ----------------------------------------------------------------------------------

    def write_document(self, graph: DocumentGraph) -> None:
        """Replace what ``graph.document_uid`` owns with ``graph``, in one transaction."""

        def work(tx: neo4j.ManagedTransaction) -> None:
            for statement in document_statements(graph, _endpoint_labels(tx, graph)):
                tx.run(statement.query, statement.params).consume()

        self._execute_write(work)

    def write_documents(self, graphs: Iterable[DocumentGraph]) -> None:
        """Many documents, a batch of them per transaction (see ``GraphStore.write_documents``)."""
        for batch in document_batches(graphs):

            def work(tx: neo4j.ManagedTransaction, batch: list[DocumentGraph] = batch) -> None:
                for statement in documents_statements(batch, _endpoint_labels(tx, batch)):
                    tx.run(statement.query, statement.params).consume()

            self._execute_write(work)

    def delete_document(self, document_uid: str) -> None:
        """Remove the document's own facts, in one transaction."""
        self.write_many([(s.query, s.params) for s in delete_document_statements(document_uid)])

    def read(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        row_cap: int | None = None,
    ) -> list[dict[str, Any]]:
        """Run ``query``, once the read-only guard let it through, in a READ transaction that is rolled back;
        writing raises ``ReadOnlyError``.

        ``timeout_ms`` becomes the transaction timeout (Neo4j enforces it; ArcadeDB through its own setting,
        see ``ArcadeDBStore``). ``row_cap``: the console's cap, put inside the query; records are fetched in
        batches and no more than ``row_cap + 1`` are taken.
        """
        check_read_only(query)
        if row_cap is not None:
            query = capped(query, row_cap)
        values = parameter(dict(params or {}))
        timeout = None if timeout_ms is None else max(timeout_ms, 1) / 1000
        fetch = {} if row_cap is None else {"fetch_size": min(row_cap + 1, 1000)}
        try:
            with self._session(default_access_mode=neo4j.READ_ACCESS, **fetch) as session:
                tx = session.begin_transaction(timeout=timeout)
                try:
                    result = tx.run(query, values)
                    rows = _take(result, None if row_cap is None else row_cap + 1)
                    summary = result.consume()
                finally:
                    tx.close()  # rolls back: nothing a read did survives it, whatever the server allowed
        except neo4j_errors.Neo4jError as error:
            raise self._translate(error, query) from error
        except neo4j_errors.DriverError as error:
            raise StoreError(f"{self.name}: {error}") from error
        counters = summary.counters
        if (
            summary.query_type in _WRITE_QUERY_TYPES
            or counters.contains_updates
            or counters.contains_system_updates
        ):
            raise ReadOnlyError(f"{self.name}: a read-only query tried to write (rolled back): {query[:200]}")
        return rows

    def schema(self) -> frozenset[str]:
        """Labels, relationship types, indexes and constraints, one string each (compared before and after a
        console query: a rolled-back transaction does not undo every schema change on every server)."""
        queries = {
            "label": "CALL db.labels()",
            "type": "CALL db.relationshipTypes()",
            "index": "SHOW INDEXES YIELD name, labelsOrTypes, properties",
            "constraint": "SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties",
        }
        found: set[str] = set()
        try:
            with self._session(default_access_mode=neo4j.READ_ACCESS) as session:
                for kind, query in queries.items():
                    found |= {f"{kind} {sorted(_record(r).items())}" for r in session.run(query)}
        except neo4j_errors.Neo4jError as error:
            raise self._translate(error, "schema") from error
        except neo4j_errors.DriverError as error:
            raise StoreError(f"{self.name}: {error}") from error
        return frozenset(found)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one query that may write, in its own transaction."""
        values = parameter(dict(params or {}))
        return self._execute_write(lambda tx: _run(tx, query, values))

    def write_many(self, statements: Sequence[tuple[str, Mapping[str, Any]]]) -> None:
        """Run ``statements`` in one transaction (all or nothing)."""
        items = [Statement(query, parameter(dict(params or {}))) for query, params in statements]

        def work(tx: neo4j.ManagedTransaction) -> None:
            for item in items:
                tx.run(item.query, item.params).consume()

        self._execute_write(work)

    def compact(self) -> None:
        """Nothing: Neo4j and ArcadeDB keep their own files compact."""

    def close(self) -> None:
        """Close the driver if this store made it, and stop an embedded server (ArcadeDB) if any."""
        if self._on_close is not None:
            on_close, self._on_close = self._on_close, None
            on_close()

    # --- schema and plumbing -----------------------------------------------------------------------

    def ensure_schema(self) -> None:
        """Create the constraints and indexes of :func:`schema_statements` where missing."""
        try:
            with self._session() as session:
                for statement in schema_statements():
                    session.run(statement).consume()
        except neo4j_errors.Neo4jError as error:
            raise self._translate(error, "schema") from error
        except neo4j_errors.DriverError as error:
            raise StoreError(f"{self.name}: cannot connect ({error})") from error

    def _execute_write(self, work: Callable[[neo4j.ManagedTransaction], Any]) -> Any:
        try:
            with self._session() as session:
                return session.execute_write(work)
        except neo4j_errors.Neo4jError as error:
            raise self._translate(error, "write") from error
        except neo4j_errors.DriverError as error:
            raise StoreError(f"{self.name}: {error}") from error

    def _translate(self, error: neo4j_errors.Neo4jError, query: str) -> StoreError:
        code = error.code or ""
        if code.endswith("AccessMode") or "ForbiddenOnReadOnlyDatabase" in code:
            return ReadOnlyError(f"{self.name}: a read-only query tried to write: {query[:200]}")
        if "TransactionTimedOut" in code:
            return QueryTimeoutError(f"{self.name}: query timed out: {query[:200]}")
        return StoreError(f"{self.name}: {error.message or error}")
