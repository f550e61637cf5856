"""The whole graph out of a store: counts, a networkx graph, GraphML and node-link JSON files.

Everything goes through the ``GraphStore`` port, so it works the same on every adapter. Nodes are keyed by
``uid`` in networkx, with their ``labels`` (primary label first), their properties and a ``label`` a person reads
(Gephi shows it: a document's number and date, an organ's name, a task's path and the start of its text…); edges
carry ``type``, a ``label`` and their own properties (``key`` included), and their networkx key is
``source|TYPE|owner|key|target``: one per fact in the whole graph, so GraphML's ``<edge id>`` is unique and
parallel facts of one type stay apart. Dates stay ISO text (``2023-05-12``): GraphML has no date type, so the
GraphML file declares which attributes are dates (a ``<desc>`` on their ``<key>`` and the graph attribute
``date_attributes``); the node-link JSON keeps them ISO too and names the networkx key ``id``, so the edge's own
``key`` property survives.

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

import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import networkx as nx

from graph.model import DATE_PROPERTIES
from graph.store import GraphStore
from graph.stores.values import sort_labels

__all__ = [
    "FORMATS",
    "GraphCounts",
    "count_graph",
    "node_label",
    "to_networkx",
    "write_graphml",
    "write_node_link_json",
]

FORMATS = ("graphml", "json")
_TEXT_START = 60  # characters of a task's text in its label
_GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_DATE_DESC = "ISO 8601 date (YYYY-MM-DD)"


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


def _day(value: Any) -> str:
    """An ISO date as ``dd/mm/yyyy`` (the way a Vietnamese reader writes it); anything else as it is."""
    text = str(value or "")
    return f"{text[8:10]}/{text[5:7]}/{text[:4]}" if len(text) == 10 and text[4] == text[7] == "-" else text


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def node_label(labels: list[str], props: dict[str, Any]) -> str:
    """What a person reads for a node: a document's number and date, an organ's or a person's name, a task's
    path and the start of its text, a section's path and heading; the uid only when nothing else is known.

    >>> node_label(["Document", "Plan"], {"symbol": "60-KH/TU", "date": "2023-05-12", "uid": "x"})
    '60-KH/TU ngày 12/05/2023'
    >>> node_label(["Task"], {"path": "II.1", "text": "Tổ chức   quán triệt nghị quyết", "uid": "x"})
    'II.1. Tổ chức quán triệt nghị quyết'
    """
    kind = sort_labels(labels)[0] if labels else ""
    uid = str(props.get("uid") or "")
    if kind == "Document":
        symbol, day = props.get("symbol") or uid, _day(props.get("date"))
        return f"{symbol} ngày {day}" if day else str(symbol)
    if kind in {"Task", "Section"}:
        rest = props.get("text") if kind == "Task" else props.get("heading")
        parts = [str(props.get("path") or ""), _shorten(str(rest or ""), _TEXT_START)]
        return ". ".join(p for p in parts if p) or uid
    return str(props.get("name") or props.get("symbol") or uid)


def to_networkx(store: GraphStore) -> nx.MultiDiGraph:
    """Read every node and relationship of ``store`` into a ``networkx.MultiDiGraph``."""
    graph = nx.MultiDiGraph()
    for row in store.read("MATCH (n) RETURN n"):
        node = row["n"]
        labels = sort_labels(node["_labels"])
        attributes = {**_attributes(node), "labels": labels, "label": node_label(labels, node)}
        graph.add_nodes_from([(node.get("uid") or node["_id"], attributes)])
    query = "MATCH (a)-[r]->(b) RETURN a.uid AS source, b.uid AS target, r"
    for row in store.read(query):
        edge = row["r"]
        source, target = row["source"] or edge["_start"], row["target"] or edge["_end"]
        fact = f"{source}|{edge['_type']}|{edge.get('owner') or ''}|{edge.get('key') or ''}|{target}"
        attributes = {**_attributes(edge), "type": edge["_type"], "label": edge["_type"]}
        # a 4-tuple, not keywords: edges have a `key` property of their own
        graph.add_edges_from([(source, target, fact, attributes)])
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
    """Write ``graph`` as GraphML (a copy: list properties become JSON text, e.g. ``["Document", "Plan"]``); each
    edge's ``id`` is its fact key, and the date attributes are declared as ISO dates."""
    copy = graph.copy()
    copy.graph["date_attributes"] = ",".join(DATE_PROPERTIES)
    _graphml_safe(data for _, data in copy.nodes(data=True))
    _graphml_safe(data for _, _, data in copy.edges(data=True))
    ElementTree.register_namespace("", _GRAPHML_NS)
    buffer = io.BytesIO()
    nx.write_graphml(copy, buffer, encoding="utf-8")  # a multigraph edge's id is its networkx key
    root = ElementTree.fromstring(buffer.getvalue())
    for key in root.iter(f"{{{_GRAPHML_NS}}}key"):
        if key.get("attr.name") in DATE_PROPERTIES and key.get("attr.type") == "string":
            ElementTree.SubElement(key, f"{{{_GRAPHML_NS}}}desc").text = _DATE_DESC
            key.insert(0, key[-1])  # GraphML wants <desc> before <default>
    ElementTree.ElementTree(root).write(str(path), encoding="utf-8", xml_declaration=True)


def write_node_link_json(graph: nx.MultiDiGraph, path: Path | str) -> None:
    """Write ``graph`` as networkx node-link JSON (``{"nodes": [...], "edges": [...]}``), UTF-8; the networkx key
    of each edge is its ``id``, so its own ``key`` property is kept."""
    data = nx.node_link_data(graph, edges="edges", key="id")
    data["graph"] = {**data.get("graph", {}), "date_attributes": list(DATE_PROPERTIES)}
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
