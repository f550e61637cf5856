"""A national cascade folds to a picture a person can read, fast: a resolution, 34 provincial plans and under each
provincial plan the plans of its districts (2,000 documents), written straight into a fresh embedded store."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from graph.store import GraphStore, open_store
from ui.components.graph_picture import GEdge, GNode, layout_boxes
from ui.views.cascade_groups import NODE_LIMIT, ROW_LIMIT, fold
from ui.views.cascade_map import MapRequest, read_cascade_map

PROVINCES = 34
DOCUMENTS = 2_000
BUDGET_S = 3.0
ROOT = "tw:99-NQ/TW:2024"


def _cascade_rows() -> tuple[list[dict[str, object]], list[dict[str, object]], list[dict[str, object]]]:
    docs = [{"uid": ROOT, "symbol": "99-NQ/TW", "date": "2024-01-10", "organ": "tw/bch", "parent": None}]
    organs = [{"uid": "tw/bch", "name": "Ban Chấp hành Trung ương", "level": "central", "kind": "party_committee"}]
    per_province = (DOCUMENTS - 1 - PROVINCES) // PROVINCES + 1
    for p in range(PROVINCES):
        organ = f"p{p}/tinh-uy"
        organs.append({"uid": organ, "name": f"Tỉnh ủy số {p}", "level": "province", "kind": "party_committee"})
        plan = f"p{p}:{p + 1}-KH/TU:2024"
        docs.append({"uid": plan, "symbol": f"{p + 1}-KH/TU", "date": "2024-03-01", "organ": organ,
                     "parent": ROOT})  # fmt: skip
        for d in range(per_province):
            if len(docs) == DOCUMENTS:
                break
            unit = f"p{p}/huyen-{d}"
            organs.append({"uid": unit, "name": f"Huyện ủy {d} tỉnh {p}", "level": "district",
                           "kind": "party_committee"})  # fmt: skip
            docs.append({"uid": f"p{p}:{d + 1}-KH/HU:2024", "symbol": f"{d + 1}-KH/HU", "date": "2024-05-02",
                         "organ": unit, "parent": plan})  # fmt: skip
    orders = [{"plan": ROOT, "unit": f"p{p}/tinh-uy", "deadline": "2024-02-28"} for p in range(PROVINCES)]
    return docs, organs, orders


@pytest.fixture(scope="module")
def national_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    store = open_store(f"embedded:{Path(tmp_path_factory.mktemp('scale')) / 'store'}")
    docs, organs, orders = _cascade_rows()
    store.write("UNWIND $rows AS r CREATE (:Organ {uid: r.uid, name: r.name, level: r.level, kind: r.kind, "
                "resolved: true})", {"rows": organs})  # fmt: skip
    store.write("UNWIND $rows AS r CREATE (:Document {uid: r.uid, symbol: r.symbol, date: date(r.date), "
                "status: 'loaded', type_name: 'Kế hoạch'})", {"rows": docs})  # fmt: skip
    store.write("UNWIND $rows AS r MATCH (d:Document {uid: r.uid}), (o:Organ {uid: r.organ}) "
                "CREATE (d)-[:ISSUED_BY]->(o)", {"rows": docs})  # fmt: skip
    store.write(
        "UNWIND $rows AS r MATCH (d:Document {uid: r.uid}), (p:Document {uid: r.parent}) "
        "CREATE (d)-[:IMPLEMENTS {cascade_parent: true}]->(p)",
        {"rows": [d for d in docs if d["parent"]]},
    )
    store.write("UNWIND $rows AS r MATCH (d:Document {uid: r.plan}), (o:Organ {uid: r.unit}) "
                "CREATE (d)-[:REQUIRES_SUBPLAN {deadline: date(r.deadline)}]->(o)", {"rows": orders})  # fmt: skip
    assert store.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"] == DOCUMENTS
    yield store
    store.close()


def test_a_cascade_of_2000_documents_opens_in_under_3_seconds_within_the_node_limit(
    national_store: GraphStore,
) -> None:
    request = MapRequest(ROOT, depth=3, kinds=frozenset({"organ", "task"}), as_of=date(2024, 6, 1))
    started = time.monotonic()
    picture = read_cascade_map(national_store, request)
    elapsed = time.monotonic() - started
    assert elapsed < BUDGET_S, f"{elapsed:.2f} s"
    assert 1 < len(picture.drawn) <= NODE_LIMIT
    groups = [n for n in picture.drawn if n.folded]
    assert groups and any("34 đơn vị" in n.label or "34 văn bản" in n.label for n in groups), picture.drawn


def test_opening_a_group_draws_its_members_and_still_keeps_the_limit(national_store: GraphStore) -> None:
    request = MapRequest(ROOT, depth=3, kinds=frozenset({"organ"}), as_of=date(2024, 6, 1))
    first = read_cascade_map(national_store, request)
    group = next(n for n in first.drawn if n.folded and "34" in n.label)
    opened = read_cascade_map(national_store, MapRequest(**{**_fields(request), "opened": frozenset({group.uid})}))
    assert len(opened.drawn) <= NODE_LIMIT
    assert group.uid not in {n.uid for n in opened.drawn}
    assert sum("Tỉnh ủy số" in n.label or "-KH/TU" in n.label for n in opened.drawn) >= 10


def _fields(request: MapRequest) -> dict[str, object]:
    return {f: getattr(request, f) for f in request.__dataclass_fields__}


def test_folding_any_tree_keeps_the_node_and_row_limits_and_the_boxes_apart() -> None:
    nodes = [GNode("r", "resolution", "R")]
    edges = []
    for p in range(40):
        nodes.append(GNode(f"p{p}", "document", f"{p}-KH/TU\n01/03/2024", region=f"vùng {p % 3}"))
        edges.append(GEdge(f"p{p}", "r", "IMPLEMENTS"))
        for d in range(30):
            nodes.append(GNode(f"p{p}d{d}", "organ", f"Huyện ủy {d}", status="missing", region="cấp ủy"))
            edges.append(GEdge(f"p{p}", f"p{p}d{d}", "REQUIRES_SUBPLAN"))
    folded = fold(nodes, edges, keep=["r"])
    assert len(folded.nodes) <= NODE_LIMIT
    boxes = layout_boxes(list(folded.nodes), list(folded.edges))
    rows: dict[float, int] = {}
    for box in boxes.values():
        rows[box.y] = rows.get(box.y, 0) + 1
    assert max(rows.values()) <= ROW_LIMIT
    placed = list(boxes.values())
    assert not [(a, b) for i, a in enumerate(placed) for b in placed[i + 1 :] if a.overlaps(b)]
