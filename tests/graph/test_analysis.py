"""Cascade depth and reach, read from the store into networkx."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.analysis import (
    all_depths,
    cascade_depths,
    cascade_extents,
    depths_under,
    document_depths,
    implements_graph,
    resolution_reach,
)
from graph.documents import UnknownDocument
from graph.store import GraphStore


def test_depth_is_the_longest_chain() -> None:
    g = nx.DiGraph([("80", "60"), ("80", "27"), ("60", "11"), ("60", "27"), ("11", "27"), ("x", "y")])
    assert depths_under(g, "27") == {"27": 0, "11": 1, "60": 2, "80": 3}
    assert depths_under(g, "60") == {"60": 0, "80": 1}


def test_every_document_has_a_depth_in_its_own_cascade() -> None:
    g = nx.DiGraph([("80", "60"), ("60", "11"), ("11", "27"), ("x", "y"), ("p", "q"), ("q", "p"), ("r", "q")])
    assert all_depths(g) == {"27": 0, "11": 1, "60": 2, "80": 3, "y": 0, "x": 1, "p": 0, "q": 0, "r": 1}


def test_a_cycle_falls_back_to_the_shortest_chain() -> None:
    g = nx.DiGraph([("b", "a"), ("c", "b"), ("b", "c")])
    assert depths_under(g, "a") == {"a": 0, "b": 1, "c": 2}


def test_the_extents_of_several_cascades_in_one_pass_are_each_cascades_own() -> None:
    shared = [("80", "60"), ("80", "27"), ("60", "11"), ("60", "27"), ("11", "27"), ("60", "57"), ("9", "57")]
    g = nx.DiGraph(shared)  # 60 and so 80 carry out two resolutions
    extents = cascade_extents(g, ["27", "57"])
    for root in ("27", "57"):
        depths = depths_under(g, root)
        assert extents[root] == (max(depths.values()), len(depths) - 1)
    assert extents == {"27": (3, 3), "57": (2, 3)}
    g.add_edges_from([("b", "a"), ("c", "b"), ("b", "c")])  # a cycle: each root's shortest chains instead
    assert cascade_extents(g, ["a", "27"]) == {"a": (2, 2), "27": (3, 3)}


def test_implements_graph_holds_documents_and_edges(sample_store: GraphStore) -> None:
    g = implements_graph(sample_store)
    symbols = {data["symbol"]: uid for uid, data in g.nodes(data=True)}
    assert {"27-NQ/TW", "11-KH/TW", "60-KH/TU", "80-KH/ĐUK"} <= set(symbols)
    assert g.has_edge(symbols["80-KH/ĐUK"], symbols["60-KH/TU"])
    assert g.edges[symbols["80-KH/ĐUK"], symbols["60-KH/TU"]]["cascade_parent"] is True
    assert g.nodes[symbols["27-NQ/TW"]]["status"] == "cited"


def test_depths_in_the_sample_cascade(sample_store: GraphStore) -> None:
    depths = cascade_depths(sample_store, "27-NQ/TW")
    by_symbol = {implements_graph(sample_store).nodes[uid]["symbol"]: d for uid, d in depths.items()}
    assert by_symbol["27-NQ/TW"] == 0
    assert by_symbol["80-KH/ĐUK"] == by_symbol["60-KH/TU"] + 1 >= 2
    everywhere = document_depths(sample_store)
    assert everywhere[next(u for u, d in depths.items() if d == 0)] == 0
    with pytest.raises(UnknownDocument, match="không có văn bản «1-NQ/TW»"):
        cascade_depths(sample_store, "1-NQ/TW")


def test_reach_of_the_resolution(sample_store: GraphStore) -> None:
    reach = resolution_reach(sample_store, "27-NQ/TW")
    assert reach.documents >= 2 and reach.max_depth >= 2
    assert sum(reach.by_depth().values()) == reach.documents
    names = set(reach.organs_tasked.values())
    assert {"Ban Nội chính Tỉnh ủy Bình Định", "Đảng ủy Khối các cơ quan tỉnh Bình Định"} <= names
    assert {"Huyện ủy Tuy Phước"} <= {reach.organs_tasked[u] for u in reach.organs_ordered}
    assert reach.organs_assigned and reach.organs_ordered
