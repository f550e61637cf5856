"""The GraphStore adapters and ``open_store_url``, which picks one from a URL or ``KG_STORE``.

=================================  ==========================================================================
``embedded`` (default)             FalkorDB started here, data in ``KG_DATA_DIR`` or ``data/store/``
``embedded:PATH``                  the same, data in ``PATH``
``arcadedb`` / ``arcadedb:PATH``   ArcadeDB over Bolt, started in this process, data in ``data/arcadedb/``
``neo4j://…`` ``neo4j+s://…``      a Neo4j server, with ``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``
``bolt://…``
``falkordb://host:port``           an existing FalkorDB server (graph ``KG_GRAPH`` or ``directive_graph``)
=================================  ==========================================================================

Both drivers (``falkordb`` and ``neo4j``) are required: :mod:`graph.stores.values` turns either driver's values
into plain Python. The adapters themselves are imported only when chosen, so opening one never starts another
(ArcadeDB's JVM).

What every adapter guarantees: rows are plain dicts (nodes ``{"_id", "_labels", …props}``, relationships
``{"_type", "_id", "_start", "_end", …props}``, paths ``{"_nodes", "_edges"}``, dates ISO strings); parameters
are checked (no maps as properties, no NaN, no NUL; dates become ISO strings) and never spliced; ``read``
cannot write; a document write and ``write_many`` are all or nothing.

Portable Cypher (checked on FalkorDB 4.16 and on ArcadeDB 26.10 over Bolt):

* FalkorDB lacks ``EXISTS { }``, ``COUNT { }``, ``=~``, ``elementId()``, ``datetime()``, ``duration.between``;
  use pattern predicates (``WHERE (d)-[:R]->()``), ``size([(d)-->(x) | x])``, ``STARTS WITH``/``CONTAINS``,
  ``date()``/``localdatetime()``. ``id()`` values differ between engines: never keep them.
* Look documents up as ``(d:Document {uid: $uid})``: only the primary labels carry a unique ``uid``.
* ArcadeDB returns a ``duration`` as a list ``[months, days, seconds, nanos]``: return ``toString(...)`` or
  compare durations inside the query. FalkorDB's ``toString(1.0)`` is ``'1.000000'``.
* ArcadeDB ignores ``timeout_ms``; Neo4j and FalkorDB enforce it (``QueryTimeoutError``).
* Consecutive FalkorDB ``CALL { }`` subqueries do not see each other's writes unless separated by
  ``WITH count(*) AS _``; a subquery may not start with ``WITH $param AS x``.
* ArcadeDB deletes cost ~1 ms per node or relationship, growing with the degree of the nodes touched.

>>> import tempfile
>>> store = open_store_url("embedded:" + tempfile.mkdtemp(prefix="kg-doc-", dir="/tmp"))
>>> store.read("MATCH (n) RETURN count(n) AS n")
[{'n': 0}]
>>> store.close()
>>> open_store_url("nosuch://x")  # doctest: +ELLIPSIS
Traceback (most recent call last):
  ...
graph.store.StoreError: unknown store 'nosuch://x'; KG_STORE / --store accepts: embedded, embedded:PATH, ...
"""

from __future__ import annotations

from pathlib import Path

from common.settings import settings
from graph.store import GraphStore, ReadOnlyError, StoreError
from graph.stores.errors import QueryTimeoutError

__all__ = ["BOLT_SCHEMES", "QueryTimeoutError", "ReadOnlyError", "StoreError", "open_store_url", "wipe"]

BOLT_SCHEMES = ("neo4j://", "neo4j+s://", "neo4j+ssc://", "bolt://", "bolt+s://", "bolt+ssc://")
_FORMS = "embedded, embedded:PATH, arcadedb, arcadedb:PATH, neo4j://…, neo4j+s://…, bolt://…, falkordb://host:port"


def _path(spec: str) -> Path | None:
    """The PATH of ``kind:PATH`` (``None`` for the bare kind)."""
    _, _, rest = spec.partition(":")
    if not rest.strip():
        return None
    return Path(rest.strip()).expanduser()


def open_store_url(url: str | None = None) -> GraphStore:
    """Open the store ``url`` names, or ``KG_STORE`` when ``url`` is ``None`` (``embedded`` if unset).

    Raises ``StoreError`` with the accepted forms when the URL is not one of them.
    """
    spec = (url if url is not None else settings().store).strip()
    kind = spec.split(":", 1)[0].lower()
    if spec.lower().startswith(BOLT_SCHEMES):
        from graph.stores.bolt import BoltStore

        return BoltStore.from_url(spec)
    if spec.lower().startswith("falkordb://"):
        from graph.stores.falkordb import FalkorDBStore

        return FalkorDBStore.from_url(spec)
    if kind == "embedded":
        from graph.stores.embedded import EmbeddedStore

        return EmbeddedStore(_path(spec))
    if kind == "arcadedb":
        from graph.stores.arcadedb import open_arcadedb_store

        return open_arcadedb_store(_path(spec))
    raise StoreError(f"unknown store {spec!r}; KG_STORE / --store accepts: {_FORMS}")


def wipe(store: GraphStore) -> None:
    """Delete every node and relationship (indexes and constraints stay)."""
    store.write("MATCH (n) DETACH DELETE n")
