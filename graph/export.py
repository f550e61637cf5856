"""The whole graph out of a store: counts, a networkx graph, GraphML and node-link JSON files.

Everything goes through the ``GraphStore`` port, so it works the same on every adapter. Nodes are keyed by
``uid`` in networkx, with their ``labels`` (primary label first) and properties as attributes; edges carry
``type`` and their properties, and their key is ``TYPE|owner|key``, unique between two nodes.

>>> import tempfile
>>> from graph.stores import open_store_url
>>> store = open_store_url("embedded:" + tempfile.mkdtemp(prefix="kg-doc-", dir="/tmp"))
>>> _ = store.write("CREATE (:Document:Plan {uid: 'binh-dinh:60-KH/TU:2023'})-[:ISSUED_BY]->(:Organ {uid: 'o'})")
>>> graph = to_networkx(store)
>>> graph.nodes["binh-dinh:60-KH/TU:2023"]["labels"], graph.number_of_edges()
(['Document', 'Plan'], 1)
>>> store.close()
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from graph.store import GraphStore

__all__ = ["FORMATS", "GraphCounts", "count_graph", "to_networkx", "write_graphml", "write_node_link_json"]

FORMATS = ("graphml", "json")


@dataclass(frozen=True, slots=True)
class GraphCounts:
    """How many nodes and relationships a store holds, by label and by type."""

    nodes: int
    relationships: int
    by_label: dict[str, int] = field(default_factory=dict)
    by_type: dict[str, int] = field(default_factory=dict)
    documents: list[dict[str, Any]] = field(default_factory=list)


# Per document: its status, and for a loaded one its tasks and the organs leading them.
_DOCUMENTS = """
MATCH (d:Document)
OPTIONAL MATCH (t:Task) WHERE t.owner = d.uid
OPTIONAL MATCH (t)-[a:ASSIGNED_TO]->(o)
WHERE a.role = 'lead'
RETURN d.symbol AS symbol, d.uid AS uid, d.status AS status, d.date AS date,
       count(DISTINCT t) AS tasks, count(DISTINCT o) AS lead_organs
ORDER BY status DESC, uid
"""


def count_graph(store: GraphStore) -> GraphCounts:
    """Node counts by label (a node counts under each of its labels) and relationship counts by type."""
    by_label = store.read("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label")
    by_type = store.read("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type")
    nodes = store.read("MATCH (n) RETURN count(n) AS n")
    return GraphCounts(
        nodes=int(nodes[0]["n"]) if nodes else 0,
        relationships=sum(int(row["n"]) for row in by_type),
        by_label={row["label"]: int(row["n"]) for row in by_label},
        by_type={row["type"]: int(row["n"]) for row in by_type},
        documents=store.read(_DOCUMENTS),
    )


def _attributes(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if not k.startswith("_")}


def to_networkx(store: GraphStore) -> nx.MultiDiGraph:
    """Read every node and relationship of ``store`` into a ``networkx.MultiDiGraph``."""
    graph = nx.MultiDiGraph()
    for row in store.read("MATCH (n) RETURN n"):
        node = row["n"]
        graph.add_nodes_from([(node.get("uid") or node["_id"], {**_attributes(node), "labels": node["_labels"]})])
    query = "MATCH (a)-[r]->(b) RETURN a.uid AS source, b.uid AS target, r"
    for row in store.read(query):
        edge = row["r"]
        source, target = row["source"] or edge["_start"], row["target"] or edge["_end"]
        key = f"{edge['_type']}|{edge.get('owner') or ''}|{edge.get('key') or ''}"
        # a 4-tuple, not keywords: edges have a `key` property of their own
        graph.add_edges_from([(source, target, key, {**_attributes(edge), "type": edge["_type"]})])
    return graph


def _graphml_safe(items: Iterable[dict[str, Any]]) -> None:
    """GraphML has no lists or nulls, and one type per attribute: lists become JSON, mixed types text."""
    rows = list(items)
    types: dict[str, set[type]] = {}
    for data in rows:
        for key, value in list(data.items()):
            if value is None:
                del data[key]
            elif isinstance(value, list | tuple | dict):
                data[key] = json.dumps(value, ensure_ascii=False)
            types.setdefault(key, set()).add(type(data.get(key, "")))
    mixed = {key for key, seen in types.items() if len(seen) > 1}
    for data in rows:
        for key in mixed & data.keys():
            data[key] = str(data[key])


def write_graphml(graph: nx.MultiDiGraph, path: Path | str) -> None:
    """Write ``graph`` as GraphML (a copy: list properties become JSON text, e.g. ``["Document", "Plan"]``)."""
    copy = graph.copy()
    _graphml_safe(data for _, data in copy.nodes(data=True))
    _graphml_safe(data for _, _, data in copy.edges(data=True))
    nx.write_graphml(copy, str(path), encoding="utf-8")


def write_node_link_json(graph: nx.MultiDiGraph, path: Path | str) -> None:
    """Write ``graph`` as networkx node-link JSON (``{"nodes": [...], "edges": [...]}``), UTF-8."""
    data = nx.node_link_data(graph, edges="edges")
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
