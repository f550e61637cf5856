"""Per-clearance read views: the graph as a reader cleared to a level may see it, with every document marked
above that level gone, and everything its text produced with it.

A view is a copy of the graph (``GRAPH.COPY`` on FalkorDB) from which :func:`prune` removes, for each hidden
document: the document, every node and relationship it owns (sections, tasks, its edges to organs, people and
other documents), the shared nodes only its text named (a cited stub, an unresolved organ name, a signer), and
every property elsewhere that quotes it (a stub's title or date taken from its citation, a date's provenance,
a coverage figure against it): a property holding a hidden uid or a hidden title is removed. Whatever reads
the view — pages, search, saved queries, the Cypher console, reports and exports — cannot return what is not
in it, so no reader needs a filter of its own.

Stores other than FalkorDB cannot hold a second graph here (:class:`ViewUnavailable`): on those, a reader not
cleared for every mark the store holds gets no view at all.

>>> rank("mat") <= rank("toi-mat")
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from graph.store import GraphStore, StoreError
from loaders.extract.marks import CONFIDENTIALITY, rank

__all__ = [
    "CONFIDENTIALITY",
    "HiddenDocument",
    "ViewUnavailable",
    "clearance_view",
    "drop_view",
    "hidden_documents",
    "highest_mark",
    "prune",
    "rank",
    "view_graph_name",
]

_MIN_TITLE = 12  # shorter titles are common words, not something that identifies a document


class ViewUnavailable(StoreError):
    """This kind of store cannot hold a per-clearance copy of the graph."""


@dataclass(frozen=True, slots=True)
class HiddenDocument:
    uid: str
    confidentiality: str
    title: str | None


def hidden_documents(store: GraphStore, clearance: str) -> list[HiddenDocument]:
    """Documents whose mark is above ``clearance`` (an unknown mark counts as above every clearance)."""
    rows = store.read(
        "MATCH (d:Document) WHERE d.confidentiality IS NOT NULL "
        "RETURN d.uid AS uid, d.confidentiality AS c, d.title AS title ORDER BY uid"
    )
    return [HiddenDocument(str(r["uid"]), str(r["c"]), r["title"]) for r in rows if rank(r["c"]) > rank(clearance)]


def highest_mark(store: GraphStore) -> str:
    """The highest confidentiality level any document in ``store`` carries (``thuong`` when none)."""
    rows = store.read(
        "MATCH (d:Document) WHERE d.confidentiality IS NOT NULL RETURN DISTINCT d.confidentiality AS c"
    )
    marks = [str(r["c"]) for r in rows]
    return max(marks, key=rank) if marks else CONFIDENTIALITY[0]


# Each statement takes $hidden (uids). Order matters: owned edges and nodes first, then orphans they leave.
_PRUNE = (
    "MATCH ()-[r]->() WHERE r.owner IN $hidden DELETE r",
    "MATCH (n) WHERE n.owner IN $hidden AND NOT n:Document DETACH DELETE n",
    "MATCH (d:Document) WHERE d.uid IN $hidden DETACH DELETE d",
    # shared nodes that came from a hidden text and that no visible document names any more
    "MATCH (n) WHERE n.src IS NOT NULL AND any(h IN $hidden WHERE n.src STARTS WITH (h + ':')) "
    "AND NOT (n)--() DELETE n",
    "MATCH (p:Person) WHERE NOT (p)--() DELETE p",
    "MATCH (d:Document) WHERE d.status = 'cited' AND NOT (d)--() DELETE d",
    "MATCH (o:Organ) WHERE o.resolved = false AND NOT (o)--() DELETE o",
)


def _quotes(value: Any, needles: Iterable[str]) -> bool:
    if isinstance(value, str):
        return any(n in value for n in needles)
    if isinstance(value, list | tuple):
        return any(_quotes(v, needles) for v in value)
    return False


def _scrub(view: GraphStore, needles: list[str]) -> int:
    """Remove every node and relationship property that quotes a hidden uid or title; how many were removed."""
    removed = 0
    for kind, query in (("node", "MATCH (n) RETURN id(n) AS id, n AS item"),
                        ("edge", "MATCH ()-[n]->() RETURN id(n) AS id, n AS item")):  # fmt: skip
        rows = []
        for row in view.read(query):
            item = row["item"]
            keys = [k for k, v in item.items() if not k.startswith("_") and k != "uid" and _quotes(v, needles)]
            if keys:
                rows.append({"id": row["id"], "props": dict.fromkeys(keys)})
                removed += len(keys)
        if rows:
            match = "MATCH (n) WHERE id(n) = row.id" if kind == "node" else "MATCH ()-[n]->() WHERE id(n) = row.id"
            view.write(f"UNWIND $rows AS row {match} SET n += row.props", {"rows": rows})
    return removed


def prune(view: GraphStore, hidden: list[HiddenDocument]) -> None:
    """Remove from ``view`` (a copy: this writes) the ``hidden`` documents and every trace of their text."""
    if not hidden:
        return
    uids = [h.uid for h in hidden]
    for statement in _PRUNE:
        view.write(statement, {"hidden": uids})
    needles = uids + [h.title for h in hidden if h.title and len(h.title) >= _MIN_TITLE]
    _scrub(view, needles)


def view_graph_name(graph: str, clearance: str) -> str:
    return f"{graph}__xem_{clearance.replace('-', '_')}"


def _falkordb_graph(store: GraphStore) -> Any:
    from graph.stores.falkordb import FalkorDBStore

    if not isinstance(store, FalkorDBStore):
        raise ViewUnavailable(f"{store.name}: per-clearance views need a FalkorDB store")
    return store._graph


def clearance_view(store: GraphStore, clearance: str) -> GraphStore:
    """``store`` as a reader cleared to ``clearance`` sees it: ``store`` itself when it holds nothing above
    that level, else a fresh pruned copy (replacing an older copy of the same name)."""
    hidden = hidden_documents(store, clearance)
    if not hidden:
        return store
    from graph.stores.falkordb import FalkorDBStore

    source = _falkordb_graph(store)
    name = view_graph_name(source.name, clearance)
    drop_view(store, clearance)
    try:
        source.copy(name)
    except Exception as error:  # the client raises redis errors of several kinds
        raise StoreError(f"{store.name}: cannot copy the graph for clearance {clearance}: {error}") from error
    view = FalkorDBStore(store._db, graph=name, name=f"{store.name} (xem đến mức {clearance})")  # type: ignore[attr-defined]
    prune(view, hidden)
    return view


def drop_view(store: GraphStore, clearance: str) -> None:
    """Delete the copy :func:`clearance_view` made for ``clearance``, if there is one."""
    source = _falkordb_graph(store)
    name = view_graph_name(source.name, clearance)
    db = store._db  # type: ignore[attr-defined]
    if name in db.list_graphs():
        db.select_graph(name).delete()
