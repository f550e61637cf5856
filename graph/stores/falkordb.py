"""``FalkorDBStore``: the GraphStore port on a FalkorDB server (``falkordb://host:port``).

Atomicity comes from FalkorDB itself: one ``GRAPH.QUERY`` is applied all or nothing (its undo log rolls back
a query that fails half-way) and the server only runs a command it received whole, so a client killed
mid-write leaves nothing behind. A document write, and a ``write_many``, are therefore each sent as ONE query:
the document's fragments chained with ``WITH count(*)``, the statements of ``write_many`` as ``CALL { }``
subqueries with their parameters renamed apart. (Redis ``MULTI``/``EXEC`` does run ``GRAPH.QUERY`` commands
together, but keeps the ones before a command that fails: not all or nothing.)

With a FalkorDB server listening on port 6379 (not run as a doctest: it needs that server)::

    store = FalkorDBStore.from_url("falkordb://localhost:6379")
    store.read("MATCH (d:Document) RETURN count(d) AS n")  # [{'n': 0}]
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any
from urllib.parse import unquote, urlsplit

import falkordb
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from common.settings import settings
from graph.model import DocumentGraph
from graph.readonly import capped, check_read_only
from graph.store import ReadOnlyError, StoreError
from graph.stores.cypher import (
    LOOKUP_INDEXES,
    OWNED_LABELS,
    OWNER_INDEXED_RELS,
    SCHEMA_LABELS,
    TRAVERSED_LABELS,
    TREE_RELS,
    chain,
    delete_document_statements,
    document_batches,
    document_statements,
    documents_statements,
    endpoint_statements,
    rename_parameters,
    unknown_endpoints,
)
from graph.stores.errors import QueryMemoryError, QueryTimeoutError, ServerStoppedError, StoreDecodeError
from graph.stores.values import parameter, params_header, plain

__all__ = ["ENCODING_ERRORS", "FalkorDBStore", "graph_name", "no_retry"]


#: How the redis client decodes answers: never failing half-way through a reply (which would leave the rest of
#: it on the connection, to be read as the answer to the next query), bad bytes kept as lone surrogates that
#: ``_send`` then turns into one ``StoreDecodeError``.
ENCODING_ERRORS = "surrogateescape"


def no_retry() -> Retry:
    """For every redis client here: redis-py would otherwise resend a command up to 10 times after a dropped
    connection, running a write twice when the first one did arrive. The store retries idempotent calls itself.
    """
    return Retry(NoBackoff(), 0)


def graph_name() -> str:
    """The graph the project uses on a FalkorDB server: ``KG_GRAPH`` or ``directive_graph``."""
    return settings().graph


class FalkorDBStore:
    """GraphStore on one graph of a FalkorDB server; the client (``falkordb.FalkorDB``) is injected."""

    dialect = "falkordb"  # free Cypher typed in Neo4j's dialect is rewritten first (graph.dialect)

    def __init__(self, db: falkordb.FalkorDB, *, graph: str | None = None, name: str | None = None) -> None:
        self._db = db
        self._graph = db.select_graph(graph or graph_name())
        self.name = name or f"FalkorDB graph {self._graph.name!r}"
        self.ensure_schema()

    @classmethod
    def from_url(cls, url: str, *, graph: str | None = None) -> FalkorDBStore:
        """Connect to ``falkordb://[user:password@]host[:port]`` (port 6379 by default)."""
        parts = urlsplit(url)
        if parts.scheme != "falkordb" or not parts.hostname:
            raise StoreError(f"not a FalkorDB URL: {url!r} (expected falkordb://host:port)")
        try:
            port = parts.port or 6379
        except ValueError:
            raise StoreError(f"bad port in {url!r}") from None
        name = f"FalkorDB at {parts.hostname}:{port}"
        try:
            db = falkordb.FalkorDB(
                host=parts.hostname,
                port=port,
                username=unquote(parts.username) if parts.username else None,
                password=unquote(parts.password) if parts.password else None,
                socket_connect_timeout=5,
                retry=no_retry(),
                encoding_errors=ENCODING_ERRORS,
            )
        except redis.RedisError as error:  # the client asks the server what it is (sentinel, cluster) at once
            raise StoreError(f"{name}: cannot reach the server ({error})") from error
        return cls(db, graph=graph, name=name)

    # --- the port ----------------------------------------------------------------------------------

    def write_document(self, graph: DocumentGraph) -> None:
        """Replace what ``graph.document_uid`` owns with ``graph``, in one atomic query."""
        external = self._labels_of(unknown_endpoints(graph))
        statement = chain(document_statements(graph, external))
        self._run(statement.query, statement.params, retry=True, checked=True)

    def write_documents(self, graphs: Iterable[DocumentGraph]) -> None:
        """Many documents, a batch of them per atomic query (see ``GraphStore.write_documents``).

        The server writes one batch while this process builds the next one's query (and, when ``graphs`` is a
        stream, reads and parses its documents): the two took about as long as each other, one after the
        other. Batches still land in order, each all or nothing, and after a failed one no other is sent.
        """
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-write") as sender:
            sent: Future[list[dict[str, Any]]] | None = None
            try:
                for batch in document_batches(graphs):
                    unknown = unknown_endpoints(batch)
                    if unknown and sent is not None:
                        sent.result()  # the batches before may be what creates them
                    statement = chain(documents_statements(batch, self._labels_of(unknown)))
                    if sent is not None:
                        sent.result()
                    sent = sender.submit(self._run, statement.query, statement.params, retry=True, checked=True)
            except BaseException:
                failed = sent.exception() if sent is not None else None  # the batch on its way lands first
                if failed is not None:
                    raise failed from None  # it failed before this one: its error, as one after the other
                raise
            if sent is not None:
                sent.result()

    def delete_document(self, document_uid: str) -> None:
        """Remove the document's own facts (see ``cypher.delete_document_statements``), atomically."""
        statement = chain(delete_document_statements(document_uid))
        self._run(statement.query, statement.params, retry=True)

    def read(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        timeout_ms: int | None = None,
        row_cap: int | None = None,
    ) -> list[dict[str, Any]]:
        """Run ``query`` with ``GRAPH.RO_QUERY`` and ``TIMEOUT`` after the read-only guard let it through.

        ``row_cap``: the console's cap, put inside the query (at most ``row_cap + 1`` rows come back). Such a
        read is never sent twice: if the server dies under it, the query itself may be why.
        """
        check_read_only(query)
        if row_cap is not None:
            query = capped(query, row_cap)
        return self._run(query, params, read_only=True, timeout_ms=timeout_ms, retry=row_cap is None)

    def schema(self) -> frozenset[str]:
        """Labels, relationship types, indexes and constraints, one string each (compared before and after a
        console query)."""
        queries = {
            "label": "CALL db.labels()",
            "type": "CALL db.relationshipTypes()",
            "index": "CALL db.indexes() YIELD label, properties, entitytype",
            "constraint": "CALL db.constraints() YIELD type, label, properties",
        }
        found: set[str] = set()
        for kind, query in queries.items():
            rows = self._run(query, {}, read_only=True, retry=True)
            found |= {f"{kind} {sorted(row.items())}" for row in rows}
        return frozenset(found)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one query that may write (atomic: it is one ``GRAPH.QUERY``)."""
        return self._run(query, params)

    def write_many(self, statements: Sequence[tuple[str, Mapping[str, Any]]]) -> None:
        """Run ``statements`` all or nothing, as ``CALL { }`` subqueries of one query.

        Each statement sees what the previous ones wrote. A statement may not be DDL (``CREATE INDEX``).
        """
        items = [(query.strip().rstrip(";").strip(), dict(params or {})) for query, params in statements]
        if len(items) <= 1:
            for query, params in items:
                self._run(query, params)
            return
        parts, merged = [], {}
        for i, (query, params) in enumerate(items):
            text, names = rename_parameters(query, f"s{i}_")
            # UNWIND first: a subquery starting with `WITH $x AS x` would be read as an importing WITH
            parts.append(f"CALL {{ UNWIND [0] AS _u{i}\n{text}\n}} WITH count(*) AS _w{i}")
            merged.update({names[key]: value for key, value in params.items() if key in names})
        self._run("\n".join(parts) + "\nRETURN 0 AS done", merged)

    def compact(self) -> None:
        """Nothing: a server this project did not start keeps its own persistence settings."""

    def close(self) -> None:
        """Close the client's connections (the server keeps running)."""
        with contextlib.suppress(redis.RedisError):
            self._db.connection.close()

    # --- schema ------------------------------------------------------------------------------------

    def ensure_schema(self) -> None:
        """Indexes on ``uid`` for every schema label, on ``owner`` for owned labels and the relationship types
        whose owned edges are not removed with owned nodes (``cypher.OWNER_INDEXED_RELS``), so replacing a
        document never scans the graph; none on sections, reached from their document
        (``cypher.TRAVERSED_LABELS``). Idempotent: only missing ones are created, unwanted ones dropped."""
        have = {
            (row["entitytype"], row["label"], prop)
            for row in self._run("CALL db.indexes() YIELD label, properties, entitytype", {})
            for prop in row["properties"]
        }
        wanted = [("NODE", label, "uid") for label in SCHEMA_LABELS if label not in TRAVERSED_LABELS]
        wanted += [("NODE", label, "owner") for label in OWNED_LABELS if label not in TRAVERSED_LABELS]
        wanted += [("RELATIONSHIP", rel, "owner") for rel in OWNER_INDEXED_RELS]
        wanted += [("NODE", label, prop) for label, prop in LOOKUP_INDEXES]
        # made by earlier versions: rebuilt at every start for nothing
        unwanted = [("RELATIONSHIP", rel, "owner") for rel in TREE_RELS]
        unwanted += [("NODE", label, prop) for label in TRAVERSED_LABELS for prop in ("uid", "owner")]
        for kind, label, prop in unwanted:
            if (kind, label, prop) in have:
                pattern = f"(n:{label})" if kind == "NODE" else f"()-[n:{label}]-()"
                with contextlib.suppress(StoreError):  # another process just dropped it
                    self._run(f"DROP INDEX FOR {pattern} ON (n.{prop})", {})
        for kind, label, prop in wanted:
            if (kind, label, prop) in have:
                continue
            pattern = f"(n:{label})" if kind == "NODE" else f"()-[n:{label}]-()"
            try:
                self._run(f"CREATE INDEX FOR {pattern} ON (n.{prop})", {})
            except StoreError as error:
                if "already indexed" not in str(error):  # another process just made it
                    raise

    # --- plumbing ----------------------------------------------------------------------------------

    def _labels_of(self, uids: set[str]) -> dict[str, str]:
        """Primary label of each uid already in the store (edge endpoints outside the document's graph)."""
        found: dict[str, str] = {}
        if not uids:
            return found
        for label, statement in endpoint_statements(uids):
            for row in self._run(statement.query, statement.params, read_only=True, retry=True):
                found.setdefault(row["uid"], label)
        return found

    def _recover(self) -> bool:
        """Called when the server cannot be reached; True if it is worth trying once more."""
        return False

    def _run(
        self,
        query: str,
        params: Mapping[str, Any] | None,
        *,
        read_only: bool = False,
        timeout_ms: int | None = None,
        retry: bool = False,
        checked: bool = False,
    ) -> list[dict[str, Any]]:
        """Send one query; ``retry`` only for idempotent calls, after ``_recover`` brought the server back.

        ``checked``: the parameters were built from validated values (``cypher``), skip checking them again.
        """
        values = dict(params or {}) if checked else parameter(dict(params or {}))
        timeout = None if timeout_ms is None else max(1, int(timeout_ms))
        try:
            return self._send(query, values, read_only, timeout)
        except redis.ConnectionError as error:
            # a query the server never received can always be sent again; one it may have run, only when
            # the caller says it is idempotent
            if (retry or _never_sent(error)) and self._recover():
                try:
                    return self._send(query, values, read_only, timeout)
                except redis.ConnectionError as again:
                    raise self._gone(again, read_only) from again
            raise self._gone(error, read_only) from error

    def _gone(self, error: redis.ConnectionError, read_only: bool) -> StoreError:
        if _never_sent(error):
            return StoreError(f"{self.name}: cannot reach the server ({error})")
        if read_only:
            self._recover()  # a server for the next query; this one is not run again
            return ServerStoppedError(
                f"{self.name}: the server stopped while running this read, which is not run again ({error})"
            )
        return StoreError(f"{self.name}: the server stopped while running this query ({error})")

    def _send(
        self, query: str, params: dict[str, Any], read_only: bool, timeout: int | None
    ) -> list[dict[str, Any]]:
        text = params_header(params) + query  # values only ever travel as literals of the CYPHER header
        try:
            if read_only:
                result = self._graph.ro_query(text, timeout=timeout)
            else:
                result = self._graph.query(text, timeout=timeout)
        except redis.ResponseError as error:
            raise _translate(self.name, error, query) from error
        except UnicodeDecodeError as error:  # a client made without ENCODING_ERRORS
            raise StoreDecodeError(f"{self.name}: the answer is not valid UTF-8 text ({error.reason})") from error
        except redis.TimeoutError as error:
            raise QueryTimeoutError(f"{self.name}: no answer in time ({error})") from error
        columns = [column[1] for column in result.header]
        try:
            if any(_undecodable(column) for column in columns):
                raise UnicodeError
            return [dict(zip(columns, _plain_row(row), strict=True)) for row in result.result_set]
        except UnicodeError:
            raise StoreDecodeError(f"{self.name}: the answer is not valid UTF-8 text: {query[:200]}") from None


_SCALARS = (int, float, bool, type(None))


def _plain_row(row: list[Any]) -> list[Any]:
    """A row's values in plain Python (:func:`plain`), the common scalars without a call each (a large audit is
    hundreds of thousands of values); raises :class:`UnicodeError` for text that was not UTF-8."""
    out = []
    for value in row:
        if type(value) is str:
            if not value.isascii():
                value.encode("utf-8")  # lone surrogates: bytes that were not UTF-8
        elif type(value) not in _SCALARS:
            value = plain(value)
            if _undecodable(value):
                raise UnicodeError
        out.append(value)
    return out


def _undecodable(value: object) -> bool:
    """True if a string in ``value`` holds bytes that were not UTF-8 (kept as lone surrogates)."""
    if isinstance(value, str):
        if value.isascii():
            return False
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_undecodable(v) for v in (*value, *value.values()))
    if isinstance(value, list | tuple):
        return any(_undecodable(v) for v in value)
    return False


def _never_sent(error: redis.ConnectionError) -> bool:
    """True when the connection failed before the query went out (nothing answered on the socket)."""
    return isinstance(error.__context__, ConnectionRefusedError | FileNotFoundError) or "connecting to" in str(
        error
    )


def _translate(store: str, error: redis.ResponseError, query: str) -> StoreError:
    message = str(error)
    if "executed only on read-only queries" in message:
        return ReadOnlyError(f"{store}: a read-only query tried to write: {query[:200]}")
    if "timed out" in message.lower():
        return QueryTimeoutError(f"{store}: query timed out: {query[:200]}")
    if "mem consumption exceeded" in message.lower() or "memory" in message.lower():
        return QueryMemoryError(f"{store}: {message}")
    return StoreError(f"{store}: {message}")
