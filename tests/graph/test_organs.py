"""The gazetteer as graph nodes and edges, and how documents' graphs connect to it."""

from __future__ import annotations

from collections import Counter

import pytest

from graph.build import build_document_graph
from graph.model import DocumentGraph, Organ, OrganGroup, Rel
from graph.organs import GAZETTEER_UID, organ_graph, write_gazetteer
from graph.store import GraphStore
from loaders.organs.gazetteer import Gazetteer, load_gazetteer
from loaders.organs.resolve import group_expander, resolve_record
from loaders.record import DocumentRecord, SubplanRequirement, TaskRecord


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def graph(g: Gazetteer) -> DocumentGraph:
    return organ_graph(g)


def test_one_node_per_entry_with_unique_uids(g: Gazetteer, graph: DocumentGraph) -> None:
    uids = [n.uid for n in graph.nodes]
    assert len(uids) == len(set(uids)) == len(g.organs) + len(g.groups)
    assert all(isinstance(n, Organ) and n.resolved for n in graph.nodes if n.uid in g.organs)
    assert all(isinstance(n, OrganGroup) for n in graph.nodes if n.uid in g.groups)
    assert all(n.shared for n in graph.nodes) and all(e.owner is None for e in graph.edges)


def test_every_edge_joins_two_nodes_of_the_graph(graph: DocumentGraph) -> None:
    uids = {n.uid for n in graph.nodes}
    assert all(e.source in uids and e.target in uids for e in graph.edges)
    assert {e.type for e in graph.edges} == {Rel.PART_OF, Rel.MEMBER_OF, Rel.SUCCEEDED_BY}
    keys = Counter((e.type, e.source, e.target, e.key) for e in graph.edges)
    assert max(keys.values()) == 1


def test_the_organ_tree_over_time(graph: DocumentGraph) -> None:
    edges = {(e.type, e.source, e.target): dict(e.props) for e in graph.edges}
    assert (Rel.PART_OF, "binh-dinh/duk-cac-co-quan/ban-thuong-vu", "binh-dinh/duk-cac-co-quan") in edges
    assert (Rel.MEMBER_OF, "binh-dinh/huyen-uy-an-lao", "binh-dinh/nhom/huyen-thi-thanh-uy") in edges
    via = edges[(Rel.MEMBER_OF, "binh-dinh/huyen-uy-an-lao", "binh-dinh/nhom/cap-uy-truc-thuoc")]
    assert via == {"via": "binh-dinh/nhom/huyen-thi-thanh-uy"}
    assert edges[(Rel.MEMBER_OF, "binh-dinh/dang-uy-quan-su", "binh-dinh/nhom/dang-uy-truc-thuoc")] == {
        "unconfirmed": True
    }
    assert edges[(Rel.SUCCEEDED_BY, "binh-dinh/tinh-uy", "gia-lai-2025/tinh-uy")] == {
        "date": "2025-07-01",
        "relation": "merged_into",
    }
    node = next(n for n in graph.nodes if n.uid == "binh-dinh/ban-tuyen-giao-tinh-uy")
    assert isinstance(node, Organ) and node.valid_to == "2025-02-06" and "Ban Tuyên giáo" in node.aliases


def test_a_plans_sub_plan_orders_reach_the_gazetteer_units(g: Gazetteer, graph: DocumentGraph) -> None:
    """60-KH/TU IV.1 names four collective references: one REQUIRES_SUBPLAN edge per confirmed unit."""
    record = DocumentRecord(
        "x",
        "0",
        number="60-KH/TU",
        date="2023-05-24",
        scope="binh-dinh",
        issuer="Ban Thường vụ Tỉnh ủy",
        tasks=(TaskRecord("III.1.p1", "…", lead=("Đảng đoàn Hội đồng nhân dân tỉnh",)),),
        subplan_requirements=(
            SubplanRequirement(
                "IV.1",
                units=(
                    "Các đảng đoàn, ban cán sự đảng, các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc Tỉnh ủy",
                ),
                deadline="2023-06-30",
            ),
        ),
    )
    doc = build_document_graph(resolve_record(record, g), expand_group=group_expander(g))
    orders = [e for e in doc.edges if e.type == Rel.REQUIRES_SUBPLAN]
    assert len(orders) == 2 + 3 + 11 + 2
    assert {e.props["via_group"] for e in orders} == {
        "Các đảng đoàn tỉnh Bình Định",
        "Các ban cán sự đảng tỉnh Bình Định",
        "Các huyện ủy, thị ủy, thành ủy tỉnh Bình Định",
        "Các đảng ủy trực thuộc Tỉnh ủy Bình Định",
    }
    known = {n.uid for n in graph.nodes}
    assert {e.target for e in orders} <= known
    issuer = next(e.target for e in doc.edges if e.type == Rel.ISSUED_BY)
    assert issuer == "binh-dinh/ban-thuong-vu-tinh-uy"


def test_a_collective_stays_one_group_node(g: Gazetteer) -> None:
    record = DocumentRecord(
        "x",
        "0",
        number="80-KH/ĐUK",
        date="2023-06-27",
        scope="binh-dinh",
        party_unit="Đảng ủy Khối các cơ quan",
        issuer="Ban Thường vụ Đảng ủy Khối",
        subplan_requirements=(SubplanRequirement("III.2", units=("Các cấp ủy chi, đảng bộ cơ sở",)),),
    )
    doc = build_document_graph(resolve_record(record, g), expand_group=group_expander(g))
    (order,) = [e for e in doc.edges if e.type == Rel.REQUIRES_SUBPLAN]
    target = next(n for n in doc.nodes if n.uid == order.target)
    assert isinstance(target, OrganGroup) and target.uid == "binh-dinh/duk-cac-co-quan/co-so"


def test_write_gazetteer_replaces_edges_and_keeps_gazetteer_values(empty_store: GraphStore, g: Gazetteer) -> None:
    # a document wrote the organ first, knowing only its name and kind
    early = Organ("binh-dinh/tinh-uy", name="Tỉnh ủy Bình Định", kind="organ", resolved=True)
    empty_store.write_document(DocumentGraph("doc:1", (early,), ()))
    written = write_gazetteer(empty_store, g)
    rows = empty_store.read(
        "MATCH (o:Organ {uid: $uid}) RETURN o.kind AS kind, o.valid_to AS valid_to", {"uid": "binh-dinh/tinh-uy"}
    )
    assert rows == [{"kind": "party_committee", "valid_to": "2025-06-30"}]
    count = "MATCH ()-[r:MEMBER_OF|PART_OF|SUCCEEDED_BY]->() RETURN count(r) AS n"
    assert empty_store.read(count)[0]["n"] == len(written.edges)
    write_gazetteer(empty_store, g)  # again: replaced, not doubled
    assert empty_store.read(count)[0]["n"] == len(written.edges)
    owners = empty_store.read("MATCH ()-[r:MEMBER_OF]->() RETURN DISTINCT r.owner AS owner")
    assert owners == [{"owner": GAZETTEER_UID}]
