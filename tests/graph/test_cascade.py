"""The cascade: one parent per document, and the tree above and below a document, as data and as text."""

from __future__ import annotations

import dataclasses

import pytest

from graph.cascade import CascadeNode, cascade_tree, format_cascade, links
from graph.documents import AmbiguousDocument, UnknownDocument
from graph.ingest import load_paths
from graph.parents import ParentEdge, carried_out_in_citation, choose_cascade_parent, implemented_in_citation
from graph.store import GraphStore
from tests.graph.link_samples import BD60, BD80, R60, R80, SEED_FILES, load, record


def edge(target: str, scope: str, type_: str, date: str | None, marked: bool = False) -> ParentEdge:
    return ParentEdge("child", target, scope, type_, date, marked)


def target(edges: list[ParentEdge]) -> str | None:
    chosen = choose_cascade_parent(edges)
    return chosen.target if chosen else None


NQ27, KH11 = edge("27", "tw", "NQ", "2022-11-09"), edge("11", "tw", "KH", "2022-11-28")
NQ77, KH72 = edge("77", "tw", "NQ", "2023-05-12"), edge("72", "phu-tho", "KH", None)


def test_the_loaders_single_mark_is_kept() -> None:
    edges = [edge("27", "tw", "NQ", "2022-11-09", marked=True), edge("60", "binh-dinh", "KH", "2023-05-24")]
    assert choose_cascade_parent(edges) == edges[0]


def test_without_a_mark_a_provincial_plan_wins_over_central_documents() -> None:
    assert target([NQ27, NQ77, KH72]) == "72"


def test_a_plan_wins_over_a_resolution_and_then_the_latest_date() -> None:
    assert target([NQ27, KH11]) == "11"
    assert target([NQ27, NQ77]) == "77"


@pytest.mark.parametrize(
    ("text", "own", "expected"),
    [
        ("Kế hoạch số 11-KH/TW ngày 28/11/2022 của Bộ Chính trị về thực hiện Nghị quyết 27", "11-KH/TW",
         ("NQ", "27")),
        ("Nghị quyết số 77/NQ-CP … Chương trình hành động thực hiện Nghị quyết số 27-NQ/TW", "77/NQ-CP",
         ("NQ", "27-nq/tw")),
        ("Kết luận số 80-KL/TW về tiếp tục thực hiện Chỉ thị 32-CT/TW", "80-KL/TW", ("CT", "32-ct/tw")),
        ("Kế hoạch số 60-KH/TU của Ban Thường vụ Tỉnh ủy về xây dựng Nhà nước pháp quyền", "60-KH/TU", None),
    ],
)  # fmt: skip
def test_what_a_citation_says_the_cited_document_carries_out(
    text: str, own: str, expected: tuple[str, str] | None
) -> None:
    assert implemented_in_citation(text, own) == expected


@pytest.mark.parametrize(
    ("text", "own", "expected"),
    [
        ("Kế hoạch số 283/KH-UBND ngày 24/9/2025 của Uỷ ban nhân dân Tỉnh về thực hiện Nghị quyết số 71/NQ-CP "
         "ngày 01/5/2025 của Chính phủ và Chương trình hành động số 10-CTr/TU ngày 13/8/2025 của Ban Thường vụ "
         "Tỉnh uỷ về thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", "283/KH-UBND",
         (("NQ", "71/nq-cp"), ("CTr", "10-ctr/tu"))),
        ("Kế hoạch số 5-KH/TU về thực hiện Nghị quyết số 27-NQ/TW, Kết luận số 12-KL/TW", "5-KH/TU",
         (("NQ", "27-nq/tw"), ("KL", "12-kl/tw"))),
        ("Kế hoạch số 11-KH/TW ngày 28/11/2022 của Bộ Chính trị về thực hiện Nghị quyết 27", "11-KH/TW",
         (("NQ", "27"),)),
        ("Kế hoạch số 60-KH/TU của Ban Thường vụ Tỉnh ủy về xây dựng Nhà nước pháp quyền", "60-KH/TU", ()),
    ],
)  # fmt: skip
def test_a_citation_lists_every_document_the_cited_one_carries_out_not_what_those_carry_out(
    text: str, own: str, expected: tuple[tuple[str, str], ...]
) -> None:
    assert carried_out_in_citation(text, own) == expected


def test_several_marks_are_narrowed_by_the_same_rule() -> None:
    marked = [edge("a", "tw", "NQ", "2022-11-09", True), edge("b", "tw", "KH", "2022-11-28", True)]
    assert target([*marked, KH72]) == "b"
    assert target([]) is None


def _seed_tree() -> CascadeNode:
    leaf = CascadeNode("bd:80", "80-KH/ĐUK", "Kế hoạch", None, "2023-06-27", None, "loaded", "ĐUK", (9, 9), True)
    sixty = CascadeNode(
        "bd:60", "60-KH/TU", "Kế hoạch", None, "2023-05-24", "cited in bd:80", "loaded", None, None, False, (leaf,)
    )
    eleven = CascadeNode(
        "tw:11", "11-KH/TW", "Kế hoạch", None, "2022-11-28", None, "cited", None, None, False, (sixty,)
    )
    return CascadeNode(
        "tw:27", "27-NQ/TW", "Nghị quyết", None, "2022-11-09", None, "cited", None, None, False, (eleven,)
    )


def test_format_cascade_prints_the_chain_and_an_indented_tree() -> None:
    text = format_cascade(_seed_tree())
    chain, _, *tree = text.splitlines()
    assert chain == "27-NQ/TW → 11-KH/TW → 60-KH/TU → 80-KH/ĐUK"
    assert tree[0].startswith("27-NQ/TW  Nghị quyết · 09/11/2022 · chỉ được dẫn chiếu")
    assert tree[2] == "   └─ 60-KH/TU  Kế hoạch · 24/05/2023 (theo trích dẫn trong bd:80) · đã nạp"
    assert tree[3].endswith("80-KH/ĐUK  Kế hoạch · 27/06/2023 · ĐUK · đã nạp · bao quát 9/9 nhiệm vụ chính  ◀")
    assert [n.symbol for n in _seed_tree().walk()] == ["27-NQ/TW", "11-KH/TW", "60-KH/TU", "80-KH/ĐUK"]


def test_another_parent_is_listed_beside_the_document_with_its_chain_and_walked_as_a_link() -> None:
    top = CascadeNode("tw:57", "57-NQ/TW", "Nghị quyết", children=(CascadeNode("dt:10", "10-CTr/TU"),))
    gov = CascadeNode("cp:71", "71/NQ-CP", "Nghị quyết")
    plan = CascadeNode("dt:283", "283/KH-UBND", "Kế hoạch", focus=True, other_parents=(gov,))
    tree = dataclasses.replace(top, children=(dataclasses.replace(top.children[0], children=(plan,)),))
    text = format_cascade(tree)
    assert text.splitlines()[0] == "57-NQ/TW → 10-CTr/TU → 283/KH-UBND"
    assert "cũng thực hiện 71/NQ-CP (không phải văn bản cấp trên trực tiếp): 71/NQ-CP" in text
    assert [(p.symbol, c.symbol, cascade) for p, c, cascade in links(tree)] == [
        ("57-NQ/TW", "10-CTr/TU", True), ("10-CTr/TU", "283/KH-UBND", True), ("71/NQ-CP", "283/KH-UBND", False),
    ]  # fmt: skip
    assert [n.symbol for n in tree.walk()] == ["57-NQ/TW", "10-CTr/TU", "283/KH-UBND"]  # the cascade alone


# --- on real stores ----------------------------------------------------------------------------------------


def test_the_seed_cascade_as_data_and_as_text(empty_store: GraphStore) -> None:
    load_paths(list(SEED_FILES), empty_store)
    tree = cascade_tree(empty_store, "80-KH/DUK")  # accents and case do not matter
    nodes = list(tree.walk())
    assert [(n.symbol, n.status) for n in nodes] == [
        ("27-NQ/TW", "cited"), ("11-KH/TW", "cited"), ("60-KH/TU", "loaded"), ("80-KH/ĐUK", "loaded"),
    ]  # fmt: skip
    assert nodes[-1].focus and nodes[-1].coverage == (9, 9) and nodes[2].coverage is None
    assert nodes[2].date == "2023-05-24" and nodes[2].date_source == f"cited in {BD80}"
    text = format_cascade(tree)
    assert text.splitlines()[0] == "27-NQ/TW → 11-KH/TW → 60-KH/TU → 80-KH/ĐUK"
    assert "bao quát 9/9 nhiệm vụ chính  ◀" in text and "Ban Thường vụ Tỉnh ủy Bình Định · đã nạp" in text
    below = cascade_tree(empty_store, "27-NQ/TW")  # from the top: the same chain, the focus at the root
    assert [n.symbol for n in below.walk()] == [n.symbol for n in nodes] and below.focus


def test_a_symbol_of_two_provinces_asks_for_the_uid(empty_store: GraphStore) -> None:
    load(empty_store, R80, R60, record("60-KH/TU", "quang-nam", "2023-03-01"))
    with pytest.raises(AmbiguousDocument) as caught:
        cascade_tree(empty_store, "60-KH/TU")
    assert [c.uid for c in caught.value.candidates] == ["quang-nam:?:60-KH/TU:2023", BD60]  # by date
    assert "ứng với 2 văn bản" in str(caught.value)
    assert cascade_tree(empty_store, BD60).children[0].children[0].uid == BD60  # 27 → 11 → 60
    with pytest.raises(UnknownDocument):
        cascade_tree(empty_store, "61-KH/TU")
