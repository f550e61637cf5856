"""One rule for "the documents an organ issued, its parts included": one walk, the same answer everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from common.settings import PROJECT_ROOT
from graph.organ_parts import PART_DEPTH, PART_OF_WALK, documents_issued_by, organs_above
from graph.store import GraphStore
from queries.catalog import get_query
from reports.subplans import audit_subplans

BLOC = "binh-dinh/duk-cac-co-quan"  # Đảng ủy Khối các cơ quan tỉnh Bình Định; its Ban Thường vụ issued 80-KH/ĐUK
_WALKS = re.compile(r"-\[[^\]]*PART_OF[^\]]*\]->")


def _cypher_sources() -> list[Path]:
    """Every file of graph/, queries/ and reports/ that may hold Cypher, but the one that defines the walk."""
    files = [p for package in ("graph", "queries", "reports") for p in (PROJECT_ROOT / package).rglob("*")]
    home = PROJECT_ROOT / "graph" / "organ_parts.py"
    return sorted(p for p in files if p.suffix in {".py", ".cypher"} and p != home)


def test_every_walk_up_part_of_is_the_one_fragment() -> None:
    walks = {
        (p.relative_to(PROJECT_ROOT).as_posix(), walk)
        for p in _cypher_sources()
        for walk in _WALKS.findall(p.read_text(encoding="utf-8"))
    }
    assert walks, "no PART_OF walk found: the scan is broken"
    assert {w for _, w in walks} == {PART_OF_WALK}, sorted(w for w in walks if w[1] != PART_OF_WALK)
    users = {path for path, _ in walks}
    assert {"queries/documents_by_organ.cypher", "queries/subplan_audit.cypher"} <= users


def test_the_walk_reaches_the_deepest_part_of_chain_in_the_gazetteer(sample_store: GraphStore) -> None:
    (row,) = sample_store.read("MATCH p = (:Organ)-[:PART_OF*1..10]->(:Organ) RETURN max(length(p)) AS deepest")
    assert row["deepest"] == PART_DEPTH


def _by_organ_query(store: GraphStore, organ_uid: str) -> list[str]:
    return sorted({r["uid"] for r in get_query("documents_by_organ").run(store, {"organ": organ_uid})})


@pytest.mark.parametrize(
    ("organ", "expected"),
    [
        (f"{BLOC}/ban-thuong-vu", {"80-KH/ĐUK"}),  # the issuer itself
        (BLOC, {"80-KH/ĐUK"}),  # through its Ban Thường vụ
        ("binh-dinh/tinh-uy", {"60-KH/TU", "80-KH/ĐUK"}),  # two and one hops further up
        ("tw/bch", {"60-KH/TU", "80-KH/ĐUK"}),  # three hops: the deepest chain
        ("binh-dinh/ban-noi-chinh-tinh-uy", set()),
    ],
)
def test_the_saved_query_and_the_graph_give_the_same_documents_for_an_organ(
    sample_store: GraphStore, organ: str, expected: set[str]
) -> None:
    uids = documents_issued_by(sample_store, organ)
    assert _by_organ_query(sample_store, organ) == uids
    symbols = sample_store.read("MATCH (d:Document) WHERE d.uid IN $u RETURN d.symbol AS s", {"u": uids})
    assert {r["s"] for r in symbols} == expected


def test_every_organ_gets_the_same_documents_from_the_query_and_the_graph(sample_store: GraphStore) -> None:
    organs = [r["uid"] for r in sample_store.read("MATCH (o:Organ) RETURN o.uid AS uid")]
    differ = [o for o in organs if _by_organ_query(sample_store, o) != documents_issued_by(sample_store, o)]
    assert organs and differ == []


def test_the_subplan_audit_finds_sub_plans_among_the_units_documents(sample_store: GraphStore) -> None:
    rows = [r for r in audit_subplans(sample_store, "60-KH/TU") if r.subplan_uid]
    assert [r.unit_uid for r in rows] == [BLOC]
    assert all(r.subplan_uid in documents_issued_by(sample_store, r.unit_uid) for r in rows)


def test_the_organs_above_a_document_are_its_issuer_and_what_that_is_part_of(sample_store: GraphStore) -> None:
    (uid,) = [r["uid"] for r in sample_store.read("MATCH (d:Document {symbol: '80-KH/ĐUK'}) RETURN d.uid AS uid")]
    assert [u for u, _ in organs_above(sample_store, uid)] == sorted(
        [f"{BLOC}/ban-thuong-vu", BLOC, "binh-dinh/tinh-uy", "tw/bch"]
    )
