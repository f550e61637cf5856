"""Cascade analysis with networkx on the Document/IMPLEMENTS subgraph, read from the store when asked.

Nothing is cached: each call reads the documents and IMPLEMENTS edges it needs through
:meth:`GraphStore.read`, so the store stays the only copy of the data.

Depth is the longest IMPLEMENTS chain from a document down to its root: 80-KH/ĐUK implements both 60-KH/TU and
27-NQ/TW directly, yet it sits three levels under the resolution (27-NQ/TW ← 11-KH/TW ← 60-KH/TU ← 80-KH/ĐUK),
so the shortest chain would misplace it.

>>> g = nx.DiGraph([("80", "60"), ("80", "27"), ("60", "11"), ("60", "27"), ("11", "27")])
>>> depths_under(g, "27")
{'27': 0, '11': 1, '60': 2, '80': 3}
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from graph.documents import resolve_document
from graph.store import GraphStore

__all__ = [
    "Reach",
    "all_depths",
    "cascade_depths",
    "cascade_extents",
    "depths_under",
    "document_depths",
    "implements_graph",
    "resolution_reach",
]

_DOCUMENTS = """
MATCH (d:Document)
RETURN d.uid AS uid, d.symbol AS symbol, d.date AS date, d.status AS status, d.type AS type
"""
_IMPLEMENTS = """
MATCH (a:Document)-[r:IMPLEMENTS]->(b:Document)
RETURN a.uid AS child, b.uid AS parent, r.cascade_parent AS cascade_parent
"""
_ORGANS_TASKED = """
UNWIND $uids AS uid
MATCH (:Task {owner: uid})-[:ASSIGNED_TO]->(o:Organ)
RETURN DISTINCT o.uid AS uid, o.name AS name
"""
_ORGANS_ORDERED = """
UNWIND $uids AS uid
MATCH (d:Document {uid: uid})-[:REQUIRES_SUBPLAN]->(o:Organ)
RETURN DISTINCT o.uid AS uid, o.name AS name
"""


def implements_graph(store: GraphStore, *, facts: bool = True) -> nx.DiGraph:
    """Documents as nodes (``symbol``, ``date``, ``status``, ``type``), edges child → parent for IMPLEMENTS;
    without ``facts``, only the documents in an IMPLEMENTS edge, bare (the shape of the cascades, read fast)."""
    graph = nx.DiGraph()
    for row in store.read(_DOCUMENTS) if facts else ():
        graph.add_node(row["uid"], **{k: v for k, v in row.items() if k != "uid"})
    for row in store.read(_IMPLEMENTS):
        graph.add_edge(row["child"], row["parent"], cascade_parent=bool(row["cascade_parent"]))
    return graph


def _longest_from(graph: nx.DiGraph, targets: set[str], root: str | None) -> dict[str, int]:
    """Longest chain from each node down to ``root`` (or to any root, when ``root`` is None)."""
    order = list(nx.topological_sort(graph.reverse(copy=False)))  # parents before children
    depth: dict[str, int] = {}
    for node in order:
        if node not in targets:
            continue
        parents = [p for p in graph.successors(node) if p in depth]
        if node == root or (root is None and graph.out_degree(node) == 0):
            depth[node] = 0
        elif parents:
            depth[node] = 1 + max(depth[p] for p in parents)
    return depth


def depths_under(graph: nx.DiGraph, root: str) -> dict[str, int]:
    """Depth of ``root`` (0) and of every document that implements it, directly or not.

    Should the IMPLEMENTS edges form a cycle (a loader error), the shortest chain is used instead.
    """
    members = nx.ancestors(graph, root) | {root}
    sub = graph.subgraph(members)
    if not nx.is_directed_acyclic_graph(sub):
        return dict(nx.single_source_shortest_path_length(sub.reverse(copy=False), root))
    return _longest_from(sub, members, root)


def cascade_extents(graph: nx.DiGraph, roots: Iterable[str]) -> dict[str, tuple[int, int]]:
    """For each of ``roots``: its levels below (:func:`depths_under`'s deepest) and how many documents lie under
    it, in one pass over the graph rather than one per root.

    >>> g = nx.DiGraph([("80", "60"), ("80", "27"), ("60", "11"), ("60", "27"), ("11", "27"), ("5", "9")])
    >>> cascade_extents(g, ["27", "9"])
    {'27': (3, 3), '9': (1, 1)}
    """
    roots = list(roots)
    if not nx.is_directed_acyclic_graph(graph):
        return {r: (max(d.values()), len(d) - 1) for r in roots for d in [depths_under(graph, r)]}
    chains: dict[str, dict[str, int]] = {r: {r: 0} for r in roots}  # document → {root: longest chain to it}
    for node in nx.topological_sort(graph.reverse(copy=False)):  # parents before children
        for parent in graph.successors(node):
            for root, depth in chains.get(parent, {}).items():
                mine = chains.setdefault(node, {})
                mine[root] = max(mine.get(root, 0), depth + 1)
    extents = {r: (0, 0) for r in roots}
    for reached in chains.values():
        for root, depth in reached.items():
            deepest, below = extents[root]
            extents[root] = (max(deepest, depth), below + (depth > 0))
    return extents


def all_depths(graph: nx.DiGraph) -> dict[str, int]:
    """Depth of every document in its own cascade: 0 for one that implements nothing known.

    Documents caught in an IMPLEMENTS cycle (a loader error) share one depth.
    """
    if nx.is_directed_acyclic_graph(graph):
        return _longest_from(graph, set(graph), None)
    condensed = nx.condensation(graph)
    depths = _longest_from(condensed, set(condensed), None)
    return {uid: depths[scc] for scc in condensed for uid in condensed.nodes[scc]["members"]}


def document_depths(store: GraphStore) -> dict[str, int]:
    """:func:`all_depths` of the documents in ``store``."""
    return all_depths(implements_graph(store))


def cascade_depths(store: GraphStore, root: str) -> dict[str, int]:
    """Depth of each document under ``root`` (a symbol or uid, :func:`~graph.documents.resolve_document`; the
    root is 0)."""
    return depths_under(implements_graph(store), resolve_document(store, root).uid)


@dataclass(frozen=True, slots=True)
class Reach:
    """How far a resolution reached: its descendant documents, by depth, and the organs they gave duties to."""

    root: str
    depths: dict[str, int]  # every descendant document uid → depth (the root excluded)
    organs_tasked: dict[str, str]  # organ uid → name: assigned a task, or ordered to issue a sub-plan
    organs_assigned: frozenset[str]  # uids of organs a task is ASSIGNED_TO
    organs_ordered: frozenset[str]  # uids of organs ordered to issue a sub-plan (REQUIRES_SUBPLAN)

    @property
    def documents(self) -> int:
        return len(self.depths)

    @property
    def max_depth(self) -> int:
        return max(self.depths.values(), default=0)

    def by_depth(self) -> dict[int, int]:
        """Number of documents at each depth."""
        counts: dict[int, int] = {}
        for depth in self.depths.values():
            counts[depth] = counts.get(depth, 0) + 1
        return dict(sorted(counts.items()))


def resolution_reach(store: GraphStore, resolution: str) -> Reach:
    """Descendant documents of ``resolution`` (symbol or uid) and the organs tasked by it or its descendants."""
    root = resolve_document(store, resolution).uid
    depths = depths_under(implements_graph(store), root)
    uids = list(depths)  # the root's own duties count too
    assigned = {r["uid"]: r["name"] for r in store.read(_ORGANS_TASKED, {"uids": uids})}
    ordered = {r["uid"]: r["name"] for r in store.read(_ORGANS_ORDERED, {"uids": uids})}
    descendants = {uid: d for uid, d in depths.items() if uid != root}
    return Reach(root, descendants, {**assigned, **ordered}, frozenset(assigned), frozenset(ordered))
