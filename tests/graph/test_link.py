"""The link pass: citations merged into the documents they mean, facts reconciled, one cascade parent each.

The first half decides on plain values (:func:`resolve_citations`); the second runs :func:`relink` on real
stores with small hand-built document graphs.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.build import build_document_graph
from graph.ingest import load_paths
from graph.link import DocEdge, DocInfo, plan_moves, relink, resolve_citations, uid_parts
from graph.model import document_uid, issuer_key
from graph.store import GraphStore
from graph.stores import wipe
from loaders.record import Citation
from tests.graph.link_samples import (
    BD60,
    BD80,
    BTV_TU,
    CORPUS_FILES,
    KH11,
    NQ27,
    R60,
    R80,
    SEED_FILES,
    cascade_parents,
    doc_props,
    dump,
    load,
    load_in_order,
    record,
    symbols_chain,
)  # fmt: skip

LOADED = "loaded"


def doc(uid: str, status: str = LOADED, issuers: tuple[str, ...] = (), date: str | None = None) -> DocInfo:
    scope, issuer, symbol, year = uid_parts(uid)
    return DocInfo(uid, status, symbol, scope, year, date, issuers, issuer)


def stub(uid: str) -> DocInfo:
    return doc(uid, "cited")


def cites(source: str, target: str, **props: object) -> DocEdge:
    return DocEdge("IMPLEMENTS", source, target, {"owner": source, "key": "", **props})


def resolve(docs: list[DocInfo], edges: list[DocEdge]) -> dict[str, str]:
    return resolve_citations(docs, edges).targets


# --- deciding ------------------------------------------------------------------------------------------------


def test_uid_parts() -> None:
    assert uid_parts("binh-dinh:tinh-uy:60-KH/TU:2023") == ("binh-dinh", "tinh-uy", "60-KH/TU", "2023")
    assert uid_parts("cited:?:27-NQ/TW:?") == (None, None, "27-NQ/TW", None)
    assert uid_parts("tw:?:NQ:ve-tiep-tuc:2022") == ("tw", None, "NQ:ve-tiep-tuc", "2022")


def test_a_stub_with_unknown_scope_and_year_merges_into_the_one_loaded_document() -> None:
    docs = [
        doc("binh-dinh:tinh-uy:60-KH/TU:2023"),
        stub("cited:?:60-KH/TU:?"),
        doc("binh-dinh:dang-uy-khoi-cac-co-quan:80-KH/ĐUK:2023"),
    ]
    edges = [cites("binh-dinh:dang-uy-khoi-cac-co-quan:80-KH/ĐUK:2023", "cited:?:60-KH/TU:?")]
    assert resolve(docs, edges) == {"cited:?:60-KH/TU:?": "binh-dinh:tinh-uy:60-KH/TU:2023"}


def test_the_symbol_is_compared_without_accents_case_or_spaces() -> None:
    docs = [
        doc("binh-dinh:dang-uy-khoi-cac-co-quan:80-KH/ĐUK:2023"),
        stub("binh-dinh:?:80 - kh/DUK:?"),
        doc("binh-dinh:?:90-KH/CB:2023"),
    ]
    edges = [cites("binh-dinh:?:90-KH/CB:2023", "binh-dinh:?:80 - kh/DUK:?")]
    assert resolve(docs, edges)["binh-dinh:?:80 - kh/DUK:?"] == "binh-dinh:dang-uy-khoi-cac-co-quan:80-KH/ĐUK:2023"


def test_the_same_symbol_in_two_provinces_is_two_documents() -> None:
    docs = [
        doc("binh-dinh:tinh-uy:60-KH/TU:2023"),
        doc("quang-nam:tinh-uy:60-KH/TU:2023"),
        doc("binh-dinh:dang-uy-khoi-cac-co-quan:80-KH/ĐUK:2023"),
    ]
    edges = [
        cites("binh-dinh:dang-uy-khoi-cac-co-quan:80-KH/ĐUK:2023", "binh-dinh:?:60-KH/TU:?"),
        cites("binh-dinh:dang-uy-khoi-cac-co-quan:80-KH/ĐUK:2023", "cited:?:60-KH/TU:?"),
    ]
    resolution = resolve_citations(docs, edges)
    assert resolution.targets["binh-dinh:?:60-KH/TU:?"] == "binh-dinh:tinh-uy:60-KH/TU:2023"
    assert resolution.targets["cited:?:60-KH/TU:?"] == "cited:?:60-KH/TU:?"  # stays a stub
    assert resolution.ambiguous == {
        "cited:?:60-KH/TU:?": ("binh-dinh:tinh-uy:60-KH/TU:2023", "quang-nam:tinh-uy:60-KH/TU:2023")
    }


def test_the_issuer_then_the_date_tell_candidates_apart() -> None:
    docs = [
        doc("binh-dinh:tinh-uy:60-KH/TU:2023", issuers=("Ban Thường vụ Tỉnh ủy Bình Định",), date="2023-05-24"),
        doc("quang-nam:tinh-uy:60-KH/TU:2023", issuers=("Ban Thường vụ Tỉnh ủy Quảng Nam",), date="2023-03-01"),
    ]
    by_issuer = [cites("x", "cited:?:60-KH/TU:?", issuer="Ban Thường vụ Tỉnh ủy Bình Định")]
    by_date = [cites("x", "cited:?:60-KH/TU:2023", issuer="Ban Thường vụ Tỉnh ủy", date="2023-03-01")]
    assert resolve(docs, by_issuer)["cited:?:60-KH/TU:?"] == "binh-dinh:tinh-uy:60-KH/TU:2023"
    assert resolve(docs, by_date)["cited:?:60-KH/TU:2023"] == "quang-nam:tinh-uy:60-KH/TU:2023"


def test_a_citation_merges_only_into_a_document_of_an_issuer_that_agrees() -> None:
    tan_hiep = "Ban Thường vụ Huyện ủy Tân Hiệp"
    docs = [doc("an-giang:huyen-uy-an-hiep:59-KH/HU:2023", issuers=("Ban Thường vụ Huyện ủy An Hiệp",))]
    by_name = [cites("x", "an-giang:?:59-KH/HU:2023", issuer=tan_hiep)]
    by_key = [cites("x", "an-giang:huyen-uy-tan-hiep:59-KH/HU:2023", issuer=tan_hiep)]
    assert resolve(docs, by_name)["an-giang:?:59-KH/HU:2023"] == "an-giang:?:59-KH/HU:2023"
    assert (
        resolve(docs, by_key)["an-giang:huyen-uy-tan-hiep:59-KH/HU:2023"]
        == "an-giang:huyen-uy-tan-hiep:59-KH/HU:2023"
    )
    unnamed = [cites("x", "an-giang:?:59-KH/HU:2023")]  # an unknown issuer agrees with anything
    assert resolve(docs, unnamed)["an-giang:?:59-KH/HU:2023"] == docs[0].uid


@pytest.mark.parametrize(
    ("issuer", "scope", "expected"),
    [
        ("Ban Thường vụ Đảng ủy xã Nam Tường", "bac-giang", "bac-giang:dang-uy-xa-nam-tuong:05-KH/ĐU:2023"),
        ("Đảng ủy xã Nam Tường", "bac-giang", "bac-giang:dang-uy-xa-nam-tuong:05-KH/ĐU:2023"),
        ("Đảng ủy xã Kim Vinh", "bac-giang", "bac-giang:dang-uy-xa-kim-vinh:05-KH/ĐU:2023"),
        ("Đảng ủy xã Nam Tường", "bac-kan", "bac-kan:dang-uy-xa-nam-tuong:05-KH/ĐU:2023"),
        (None, "bac-giang", "bac-giang:?:05-KH/ĐU:2023"),
    ],
)
def test_two_units_documents_never_share_a_uid(issuer: str | None, scope: str, expected: str) -> None:
    assert document_uid(scope, "05-KH/ĐU", 2023, issuer_key(issuer, scope)) == expected


def test_a_different_year_is_a_different_document() -> None:
    docs = [doc("tw:?:20-NQ/TW:2012"), doc("tw:?:69-KL/TW:2024")]
    edges = [cites("tw:?:69-KL/TW:2024", "tw:?:20-NQ/TW:2013")]
    assert resolve(docs, edges)["tw:?:20-NQ/TW:2013"] == "tw:?:20-NQ/TW:2013"


def test_differently_guessed_stubs_of_one_document_merge_into_the_most_specific() -> None:
    docs = [
        stub("cited:?:27-NQ/TW:?"),
        stub("tw:?:27-NQ/TW:?"),
        stub("tw:ban-chap-hanh-trung-uong-dang:27-NQ/TW:2022"),
    ]
    edges = [
        cites("a", "cited:?:27-NQ/TW:?"),
        cites("b", "tw:?:27-NQ/TW:?"),
        cites("c", "tw:ban-chap-hanh-trung-uong-dang:27-NQ/TW:2022"),
    ]
    assert resolve(docs, edges) == {
        "cited:?:27-NQ/TW:?": "tw:ban-chap-hanh-trung-uong-dang:27-NQ/TW:2022",
        "tw:?:27-NQ/TW:?": "tw:ban-chap-hanh-trung-uong-dang:27-NQ/TW:2022",
        "tw:ban-chap-hanh-trung-uong-dang:27-NQ/TW:2022": "tw:ban-chap-hanh-trung-uong-dang:27-NQ/TW:2022",
    }


def test_a_stub_between_two_specific_stubs_stays() -> None:
    docs = [stub("cited:?:1-NQ/TW:?"), stub("tw:?:1-NQ/TW:2012"), stub("tw:?:1-NQ/TW:2022")]
    edges = [cites("a", u) for u in ("cited:?:1-NQ/TW:?", "tw:?:1-NQ/TW:2012", "tw:?:1-NQ/TW:2022")]
    assert resolve(docs, edges)["cited:?:1-NQ/TW:?"] == "cited:?:1-NQ/TW:?"


def test_a_citation_never_links_a_document_to_itself() -> None:
    docs = [doc("binh-dinh:tinh-uy:60-KH/TU:2023"), stub("binh-dinh:?:60-KH/TU:?")]
    edges = [cites("binh-dinh:tinh-uy:60-KH/TU:2023", "binh-dinh:?:60-KH/TU:?")]
    (move,) = plan_moves(edges, resolve_citations(docs, edges))
    assert move.target is None


def test_a_merged_citation_is_decided_again_from_the_uid_its_citer_guessed() -> None:
    merged = DocEdge(
        "CITES",
        "x",
        "binh-dinh:tinh-uy:60-KH/TU:2023",
        {"owner": "x", "key": "", "cited_as": "cited:?:60-KH/TU:?"},
    )
    one = [doc("binh-dinh:tinh-uy:60-KH/TU:2023"), doc("x")]
    assert plan_moves([merged], resolve_citations(one, [merged])) == []  # nothing to do twice
    two = [*one, doc("quang-nam:tinh-uy:60-KH/TU:2023")]  # now the guess is ambiguous: back to a stub
    (move,) = plan_moves([merged], resolve_citations(two, [merged]))
    assert move.target == "cited:?:60-KH/TU:?"


# --- on real stores, with small hand-built records -------------------------------------------------------------


def test_the_seed_cascade_and_the_date_60_KH_TU_gets_from_80_KH_DUK(empty_store: GraphStore) -> None:
    load(empty_store, R80, R60)
    assert cascade_parents(empty_store) == {BD80: BD60, BD60: KH11, KH11: NQ27}
    sixty = doc_props(empty_store, BD60)
    assert (sixty["status"], sixty["date"], sixty["date_source"]) == ("loaded", "2023-05-24", f"cited in {BD80}")
    assert sixty["date_src"] == f"{BD80}:17"
    assert {doc_props(empty_store, u)["status"] for u in (NQ27, KH11)} == {"cited"}


def test_loading_order_and_relinking_again_do_not_change_the_graph(empty_store: GraphStore) -> None:
    load(empty_store, R80, R60)
    first = dump(empty_store)
    relink(empty_store)
    assert dump(empty_store) == first
    empty_store.write("MATCH (n) DETACH DELETE n")
    load(empty_store, R60)
    load(empty_store, R80)
    assert dump(empty_store) == first


def test_a_stub_is_merged_in_place_keeping_type_properties_owner_and_key(empty_store: GraphStore) -> None:
    vague = record("90-KH/CB", "binh-dinh", "2023-07-10", Citation("60-KH/TU", "KH", None, BTV_TU, line=5))
    empty_store.write_document(build_document_graph(vague))
    assert doc_props(empty_store, "binh-dinh:tinh-uy:60-KH/TU:?")["status"] == "cited"
    load(empty_store, R60)
    rows = empty_store.read(
        "MATCH (a:Document)-[r:IMPLEMENTS]->(b:Document) WHERE a.uid = $a RETURN b.uid AS b, properties(r) AS p",
        {"a": "binh-dinh:?:90-KH/CB:2023"},
    )
    assert [r["b"] for r in rows] == [BD60]
    props = rows[0]["p"]
    assert (props["owner"], props["key"], props["src"], props["cited_as"]) == (
        "binh-dinh:?:90-KH/CB:2023", "", "binh-dinh:?:90-KH/CB:2023:5", "binh-dinh:tinh-uy:60-KH/TU:?",
    )  # fmt: skip
    assert empty_store.read("MATCH (d:Document {uid: 'binh-dinh:tinh-uy:60-KH/TU:?'}) RETURN d.uid AS uid") == []


def test_the_same_symbol_in_another_province_is_another_document(empty_store: GraphStore) -> None:
    other = record("60-KH/TU", "quang-nam", "2023-03-01", issuer="Ban Thường vụ Tỉnh ủy Quảng Nam")
    central = record("5-KH/BTGTW", "tw", "2023-08-01", Citation("60-KH/TU", "KH", "2023-05-24", BTV_TU, line=3))
    unknown = record("7-KH/X", None, "2023-08-02", Citation("60-KH/TU", "KH", None, None, line=3))
    load(empty_store, R80, R60, other, central, unknown)
    assert cascade_parents(empty_store)[BD80] == BD60
    assert doc_props(empty_store, "quang-nam:tinh-uy:60-KH/TU:2023")["date"] == "2023-03-01"
    stubs = empty_store.read("MATCH (d:Document) WHERE d.status = 'cited' RETURN d.uid AS uid")
    assert {"tw:tinh-uy-binh-dinh:60-KH/TU:2023", "cited:?:60-KH/TU:?"} <= {
        r["uid"] for r in stubs
    }  # neither guess is merged


def test_a_document_that_arrives_later_can_undo_a_merge(empty_store: GraphStore) -> None:
    unknown = record("7-KH/X", None, "2023-08-02", Citation("60-KH/TU", "KH", None, None, line=3))
    other = record("60-KH/TU", "quang-nam", "2023-03-01")
    load(empty_store, unknown, R60)
    assert cascade_parents(empty_store)["cited:?:7-KH/X:2023"] == BD60
    load(empty_store, other)
    after = dump(empty_store)
    assert cascade_parents(empty_store)["cited:?:7-KH/X:2023"] == "cited:?:60-KH/TU:?"
    empty_store.write("MATCH (n) DETACH DELETE n")
    load(empty_store, unknown, R60, other)
    assert dump(empty_store) == after


def test_exactly_one_cascade_parent_even_when_the_loader_marked_none(empty_store: GraphStore) -> None:
    unmarked = record(
        "1902/KH-UBND", "phu-tho", "2023-05-25",
        Citation("77/NQ-CP", "NQ", "2023-05-12", "Chính phủ"), Citation("27-NQ/TW", "NQ", "2022-11-09", None),
        Citation("72-KH/TU", "KH", None, "Ban Thường vụ Tỉnh ủy Phú Thọ"),
    )  # fmt: skip
    load(empty_store, unmarked)
    assert cascade_parents(empty_store) == {"phu-tho:?:1902/KH-UBND:2023": "phu-tho:tinh-uy:72-KH/TU:?"}
    assert relink(empty_store).cascade_parents == ()  # nothing left to choose the second time


def test_a_document_is_never_linked_to_itself(empty_store: GraphStore) -> None:
    itself = record("60-KH/TU", "binh-dinh", None, Citation("60-KH/TU", "KH", None, None), received="2023-06-09")
    load(empty_store, itself)
    assert empty_store.read("MATCH (a:Document)-[r]->(b:Document) RETURN type(r) AS t") == []


# --- end to end: the seeds and the corpus through the loader ---------------------------------------------------


@pytest.mark.parametrize("order", [1, -1], ids=["000-first", "001-first"])
def test_the_seeds_in_either_order_give_the_four_level_cascade(empty_store: GraphStore, order: int) -> None:
    results = load_paths(list(SEED_FILES)[::order], empty_store)
    assert all(r.ok for r in results)
    assert symbols_chain(empty_store, BD80) == ["27-NQ/TW", "11-KH/TW", "60-KH/TU", "80-KH/ĐUK"]
    assert {doc_props(empty_store, u)["status"] for u in (NQ27, KH11)} == {"cited"}
    sixty = doc_props(empty_store, BD60)
    assert (sixty["date"], sixty["date_source"]) == ("2023-05-24", f"cited in {BD80}")


def test_the_seeds_give_the_same_graph_in_either_order(empty_store: GraphStore) -> None:
    load_paths(list(SEED_FILES), empty_store)
    first = dump(empty_store, strict=False)
    empty_store.write("MATCH (n) DETACH DELETE n")
    load_paths(list(SEED_FILES)[::-1], empty_store)
    assert dump(empty_store, strict=False) == first


@pytest.fixture(scope="module")
def corpus_runs(store: GraphStore) -> dict[str, Any]:
    """The seeds and the corpus loaded forwards (one link pass), then backwards one at a time (a link pass after
    each) and relinked once more: what each run leaves behind, on each store."""
    files = [*SEED_FILES, *CORPUS_FILES]
    runs: dict[str, Any] = {"files": files}
    wipe(store)
    load_in_order(store, files)
    runs["dump"], runs["strict"] = dump(store, strict=False), dump(store)
    runs["parents"] = cascade_parents(store)
    runs["loaded"] = store.read("MATCH (d:Document) WHERE d.status = 'loaded' RETURN d.uid AS uid")
    wipe(store)
    load_in_order(store, files[::-1], relink_each=True)
    runs["backwards"], runs["backwards_strict"] = dump(store, strict=False), dump(store)
    relink(store)
    runs["again"] = dump(store, strict=False)
    wipe(store)
    return runs


def test_the_corpus_adds_its_cascades(corpus_runs: dict[str, Any]) -> None:
    parents = corpus_runs["parents"]
    # central symbols are unique in the corpus: compare (symbol, year) of each document and its parent
    named = {uid_parts(a)[2:]: uid_parts(b)[2:] for a, b in parents.items() if a.startswith("tw:")}
    assert named[("03/NQ-CP", "2025")] == named[("3260-KH/ĐĐQH15", "2025")] == ("57-NQ/TW", "2024")
    assert named[("69-KL/TW", "2024")] == ("20-NQ/TW", "2012")
    assert named[("09/KH-BTNMT", "2024")] == ("13/CT-TTg", "2024")
    assert (parents[BD80], parents[BD60], parents[KH11]) == (BD60, KH11, NQ27)


def test_documents_that_only_share_a_symbol_are_not_merged(corpus_runs: dict[str, Any]) -> None:
    assert len(corpus_runs["loaded"]) == len(corpus_runs["files"])  # every file is still its own document


def test_reloading_the_corpus_in_any_order_gives_the_same_graph(corpus_runs: dict[str, Any]) -> None:
    assert corpus_runs["backwards"] == corpus_runs["dump"]
    assert corpus_runs["again"] == corpus_runs["dump"]


def test_reloading_the_corpus_in_any_order_gives_exactly_the_same_graph(corpus_runs: dict[str, Any]) -> None:
    assert corpus_runs["backwards_strict"] == corpus_runs["strict"]


def test_a_deleted_document_becomes_a_stub_again_and_its_coverage_goes(empty_store: GraphStore) -> None:
    load_paths(list(SEED_FILES), empty_store)
    empty_store.delete_document(BD60)
    report = relink(empty_store)
    sixty = doc_props(empty_store, BD60)
    assert (sixty["status"], sixty["date"], sixty["date_source"]) == ("cited", "2023-05-24", f"cited in {BD80}")
    assert cascade_parents(empty_store)[BD80] == BD60
    assert "coverage_total" not in doc_props(empty_store, BD80) and report.coverage_links == 0
    assert empty_store.read("MATCH ()-[r:DERIVED_FROM]->() RETURN count(r) AS n") == [{"n": 0}]
