"""The console's logic without a browser: nodes and edges found in result rows, rows flattened for a table."""

from __future__ import annotations

from ui.views.cypher_query import flat_rows, graph_from_rows

DOC_80 = {"_id": "1", "_labels": ["Document", "Plan"], "uid": "bd:80", "symbol": "80-KH/ĐUK"}
DOC_60 = {"_id": "2", "_labels": ["Document", "Plan"], "uid": "bd:60", "symbol": "60-KH/TU"}
IMPLEMENTS = {"_type": "IMPLEMENTS", "_id": "9", "_start": "1", "_end": "2", "cascade_parent": True}


def test_nodes_and_edges_are_found_in_columns() -> None:
    nodes, edges = graph_from_rows([{"d": DOC_80, "r": IMPLEMENTS, "p": DOC_60}])
    assert {n.uid for n in nodes} == {"bd:80", "bd:60"}
    assert [(e.source, e.target, e.type) for e in edges] == [("bd:80", "bd:60", "IMPLEMENTS")]


def test_paths_and_lists_are_walked() -> None:
    path = {"_nodes": [DOC_80, DOC_60], "_edges": [IMPLEMENTS]}
    nodes, edges = graph_from_rows([{"p": path}, {"xs": [DOC_60]}])
    assert len(nodes) == 2 and len(edges) == 1


def test_an_edge_whose_ends_are_not_returned_is_left_out() -> None:
    nodes, edges = graph_from_rows([{"d": DOC_80, "r": IMPLEMENTS}])
    assert len(nodes) == 1 and edges == []


def test_scalar_rows_hold_no_graph() -> None:
    assert graph_from_rows([{"symbol": "60-KH/TU", "n": 3}]) == ([], [])


def test_rows_are_flattened_for_a_table() -> None:
    [row] = flat_rows([{"d": DOC_80, "r": IMPLEMENTS, "names": ["a", "b"], "n": 3}])
    assert row == {"d": "Kế hoạch: 80-KH/ĐUK", "r": "thực hiện", "names": "a, b", "n": 3}  # the glossary's words
