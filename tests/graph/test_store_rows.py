"""Document rows as FalkorDB receives them (one JSON text per batch), and the rule that lets a document's tree
edges go without an index on their owner."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from graph.model import Edge, Rel
from graph.store import StoreError
from graph.stores.cypher import documents_statements
from graph.stores.embedded import EmbeddedStore
from graph.stores.values import Rows
from tests.graph.store_samples import BTG, PLAN, plan_graph

ROWS: list[list[Any]] = [
    ["plain", 1, True, None, 2.5, ["a", "b"]],
    ["tab\tline\nreturn\r", 'quote " and backslash \\', "form\ffeed and back\bspace"],
    ["bell \x07 and escape \x1b", "é ư Đ 𝔸"],  # JSON would write \u0007, which FalkorDB does not read
    ["a backslash then u: \\u0041", "{not: a map}"],
]


@pytest.mark.parametrize("row", ROWS, ids=["scalars", "escapes", "control", "backslash-u"])
def test_rows_reach_falkordb_exactly_as_they_were(embedded_store: EmbeddedStore, row: list[Any]) -> None:
    got = embedded_store._run("UNWIND $rows AS row RETURN row", {"rows": Rows([row, row])}, checked=True)
    assert got == [{"row": row}, {"row": row}]


@pytest.mark.parametrize(
    ("rel", "source", "target", "refused"),
    [
        (Rel.HAS_TASK, PLAN, BTG, True),  # from the Document to a shared organ: nothing would remove it
        (Rel.ASSIGNED_TO, PLAN, BTG, True),
        (Rel.SENT_TO, PLAN, BTG, False),  # not a tree type: deleted by its indexed owner
    ],
)
def test_a_tree_edge_must_touch_a_section_or_task_its_document_owns(
    rel: Rel, source: str, target: str, refused: bool
) -> None:
    graph = plan_graph()
    bad = dataclasses.replace(graph, edges=(*graph.edges, Edge(rel, source, target, owner=PLAN, key="x")))
    if refused:
        with pytest.raises(StoreError, match="touches none of the sections or tasks"):
            documents_statements([bad], {})
    else:
        assert documents_statements([bad], {})
    assert documents_statements([graph], {})  # the builder's own tree edges all pass


@pytest.mark.parametrize("first", ["Ban Tuyên giáo", "ban Tuyên giáo"])
def test_a_batch_keeps_the_smallest_spelling_of_a_shared_node_whatever_its_order(
    embedded_store: EmbeddedStore, first: str
) -> None:
    from graph.model import DocumentGraph, Organ
    from graph.stores import wipe

    graph = plan_graph()
    organ = next(n for n in graph.nodes if n.uid == BTG)
    assert isinstance(organ, Organ)
    spelled = {
        name: DocumentGraph(f"other:{name}", (dataclasses.replace(organ, name=name),), ()) for name in ROW_NAMES
    }
    wipe(embedded_store)
    embedded_store.write_documents([spelled[first], *(g for n, g in spelled.items() if n != first)])
    [row] = embedded_store.read("MATCH (o:Organ {uid: $uid}) RETURN o.name AS name", {"uid": BTG})
    assert row["name"] == min(ROW_NAMES)  # what writing them one by one leaves, in either order


ROW_NAMES = ("Ban Tuyên giáo", "ban Tuyên giáo")
