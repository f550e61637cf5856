"""Task coverage: which child paragraphs carry which parent duties (pure matching, then on the seeds)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from graph.coverage import Lead, Link, TaskText, addressed_to, coverage, effective_kind, evaluate
from graph.ingest import load_paths
from graph.link import relink
from graph.store import GraphStore
from tests.graph.link_samples import BD80, SEED_FILES
from tests.shared import gold

REFORM = (
    "Đẩy mạnh cải cách hành chính, trọng tâm là cải cách thủ tục hành chính, đơn giản hóa thủ tục, bãi bỏ các "
    "thủ tục không cần thiết, gây phiền hà cho người dân và doanh nghiệp; xây dựng chính quyền điện tử và "
    "chuyển đổi số."
)
JUSTICE = (
    "Tăng cường cải cách tư pháp, hoạt động tư pháp và hỗ trợ tư pháp; bảo đảm tố tụng tư pháp dân chủ, công "
    "bằng, văn minh, pháp quyền, hiện đại, nghiêm minh, dễ tiếp cận."
)
PLAN = "Xây dựng kế hoạch, chương trình để thực hiện Nghị quyết và thường xuyên kiểm tra, giám sát việc thực hiện."


def task(uid: str, text: str, section: str = "II", heading: str = "", **kw: object) -> TaskText:
    return TaskText(uid, uid, text, section=section, heading=heading, **kw)  # type: ignore[arg-type]


def pairs(links: list[Link]) -> list[tuple[str, str, str]]:
    return [(link.parent_path, link.child_path, link.method) for link in links]


def test_a_near_verbatim_paragraph_carries_its_duty() -> None:
    parents = [task("II.1", REFORM), task("II.2", JUSTICE)]
    children = [
        task("II.1.p1", JUSTICE.replace("tố tụng", "tổ tụng"), "II.1"),  # OCR noise does not matter
        task("II.1.p2", "Đẩy mạnh " + REFORM[9:].upper(), "II.1"),  # nor case and accents
    ]
    assert pairs(coverage(parents, children)) == [
        ("II.1", "II.1.p2", "paragraph"),
        ("II.2", "II.1.p1", "paragraph"),
    ]


def test_a_child_that_copies_a_strict_subset_word_for_word_and_adds_nothing_covers_that_subset() -> None:
    # every child paragraph is taken by a parent duty, so no section is left for the duties it dropped
    parents = [task("II.1", REFORM), task("II.2", JUSTICE), task("II.3", PLAN)]
    children = [task("II.1", REFORM, "II"), task("II.2", JUSTICE, "II")]
    assert pairs(coverage(parents, children)) == [("II.1", "II.1", "paragraph"), ("II.2", "II.2", "paragraph")]


def test_an_unrelated_paragraph_carries_nothing() -> None:
    other = "Tổ chức hội nghị sơ kết công tác thi đua khen thưởng của cơ quan trong năm."
    assert coverage([task("II.1", REFORM)], [task("II.1.p1", other)]) == []


def test_a_reworded_duty_is_found_in_the_section_that_spreads_it() -> None:
    parents = [task("II.1", REFORM), task("II.2", PLAN)]
    children = [
        task("II.1.p1", REFORM, "II.1", "Cải cách hành chính"),
        task("II.2.p1", "Các chi bộ xây dựng chương trình cụ thể để triển khai thực hiện Nghị quyết.", "II.2",
             "Tăng cường công tác kiểm tra, giám sát việc thực hiện kế hoạch"),
        task("II.2.p2", "Định kỳ sáu tháng báo cáo kết quả về Ban Thường vụ.", "II.2",
             "Tăng cường công tác kiểm tra, giám sát việc thực hiện kế hoạch"),
    ]  # fmt: skip
    assert pairs(coverage(parents, children)) == [("II.1", "II.1.p1", "paragraph"), ("II.2", "II.2.p1", "section")]


def test_purposes_match_purposes_and_organisation_tasks_take_no_part() -> None:
    top = {"top_heading": "I - MỤC ĐÍCH, YÊU CẦU"}
    parents = [task("I.1", REFORM, "I", **top), task("IV.1", JUSTICE, "IV", top_heading="IV - TỔ CHỨC THỰC HIỆN")]
    children = [task("I.1", REFORM, "I", **top), task("II.1.p1", JUSTICE, "II.1")]
    assert effective_kind(parents[1]) == "organisation"
    assert pairs(coverage(parents, children)) == [("I.1", "I.1", "paragraph")]


def test_a_lead_in_sentence_is_not_a_duty() -> None:
    lead_in = task("II.p1", "Các cấp ủy, tổ chức đảng tập trung lãnh đạo thực hiện các nhiệm vụ trọng tâm sau:")
    assert coverage([lead_in], [task("II.1.p1", lead_in.text[:-1] + ".")]) == []


def test_a_duty_under_another_organs_heading_is_not_addressed_to_the_child() -> None:
    council = Lead("org:dang-doan-hdnd", "Đảng đoàn Hội đồng nhân dân tỉnh Bình Định")
    bloc = Lead("org:dang-uy-khoi", "Đảng ủy Khối các cơ quan tỉnh Bình Định")
    group = Lead("grp:cac-cap-uy", "Các cấp ủy, tổ chức đảng", specific=False)
    issuer = ["org:ban-thuong-vu-duk", "org:dang-uy-khoi"]
    assert not addressed_to(task("III.1.p1", REFORM, leads=(council,)), issuer)
    assert addressed_to(task("III.2.p1", REFORM, leads=(bloc,)), issuer)
    assert addressed_to(task("II.1", REFORM, leads=(group,)), issuer)
    assert addressed_to(task("II.2", REFORM), issuer)


def test_evaluate_counts_precision_and_recall() -> None:
    links = [
        Link("a", "b", "II.1", "II.1.p1", 0.9, "paragraph"),
        Link("c", "d", "II.2", "II.3.p1", 0.3, "section"),
    ]
    gold = [{"parent": "II.1", "child": ["II.1.p1"]}, {"parent": "II.3", "child": ["II.2.p2"]}]
    assert evaluate(links, gold) == {"links": 2, "gold": 2, "true_positives": 1, "precision": 0.5, "recall": 0.5}


# --- the seeds, through the loader and the store: the gold of ../shared/gold/seeds.json -----------------------

GOLD = gold("seeds")["coverage_60_to_80"]
_DERIVED = """
MATCH (c:Task)-[r:DERIVED_FROM]->(p:Task)
WHERE r.owner = $child
RETURN p.uid AS parent, c.uid AS child, p.path AS parent_path, c.path AS child_path, r.score AS score,
       r.method AS method
"""


def seed_links(store: GraphStore) -> list[Link]:
    return [Link(**row) for row in store.read(_DERIVED, {"child": BD80})]


def test_coverage_of_60_KH_TU_by_80_KH_DUK_equals_the_gold(
    empty_store: GraphStore, record_property: Callable[[str, object], None]
) -> None:
    load_paths(list(SEED_FILES), empty_store)
    links = seed_links(empty_store)
    duties = [link for link in links if not link.parent_path.startswith("I.")]
    purposes = [link for link in links if link.parent_path.startswith("I.")]
    figures = {"key_tasks": evaluate(duties, GOLD["links"]), "purposes": evaluate(purposes, GOLD["purpose_links"])}
    record_property("coverage_vs_gold", figures)
    print(f"\ncoverage 60-KH/TU → 80-KH/ĐUK against the gold: {figures}")
    assert figures["key_tasks"]["precision"] == figures["key_tasks"]["recall"] == 1.0, figures
    assert figures["purposes"]["precision"] == figures["purposes"]["recall"] == 1.0, figures
    assert not [link for link in links if link.parent_path.startswith("III")]  # organ-specific: none
    (doc,) = empty_store.read(
        "MATCH (d:Document {uid: $uid}) RETURN d.coverage_covered AS covered, d.coverage_total AS total",
        {"uid": BD80},
    )
    assert (doc["covered"], doc["total"]) == (9, 9)


def test_coverage_is_redone_when_the_parent_is_reloaded_and_not_otherwise(empty_store: GraphStore) -> None:
    load_paths(list(SEED_FILES), empty_store)
    before = sorted(seed_links(empty_store), key=lambda link: (link.parent, link.child))
    assert relink(empty_store).coverage == ()  # nothing changed: nothing recomputed
    load_paths([SEED_FILES[1]], empty_store)  # 60-KH/TU again: its tasks are new nodes, the old edges went
    assert sorted(seed_links(empty_store), key=lambda link: (link.parent, link.child)) == before


_COVERAGE_STATE = """
MATCH (c:Task)-[r:DERIVED_FROM]->(p:Task)
RETURN 'edge' AS what, r.owner AS owner, c.uid + ' -> ' + p.uid AS item,
       toString(r.score) + ' ' + r.method AS value
UNION ALL
MATCH (d:Document) WHERE d.coverage_parent IS NOT NULL
RETURN 'figures' AS what, d.uid AS owner, d.coverage_parent AS item,
       toString(d.coverage_covered) + '/' + toString(d.coverage_total) + ' ' + toString(d.coverage_links) AS value
UNION ALL
MATCH (t:Task) WHERE t.key_for IS NOT NULL
RETURN 'key' AS what, t.owner AS owner, t.uid AS item, reduce(s = '', x IN t.key_for | s + x + ';') AS value
"""


def coverage_state(store: GraphStore) -> list[tuple[str, str, str, str]]:
    return sorted((r["what"], r["owner"], r["item"], r["value"]) for r in store.read(_COVERAGE_STATE))


def test_the_batched_pass_writes_what_one_child_at_a_time_writes(empty_store: GraphStore) -> None:
    import graph.coverage

    load_paths(list(SEED_FILES), empty_store)  # the link pass: every child in one batch
    batched = coverage_state(empty_store)
    assert [row for row in batched if row[0] == "edge"] and [row for row in batched if row[0] == "key"]
    for child in sorted({row[1] for row in batched if row[0] == "figures"}):
        graph.coverage.write_coverage(empty_store, child)  # the same child alone: its key marks rewritten
    assert coverage_state(empty_store) == batched


def test_the_seeds_coverage_computed_on_every_core_is_the_same(
    empty_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graph.coverage

    monkeypatch.setattr(graph.coverage, "PARALLEL_FROM", 1)  # a bulk load's path, on the two seed documents
    monkeypatch.setattr(graph.coverage.os, "cpu_count", lambda: 2)
    load_paths(list(SEED_FILES), empty_store)
    links = seed_links(empty_store)
    duties = [link for link in links if not link.parent_path.startswith("I.")]
    assert evaluate(duties, GOLD["links"])["precision"] == evaluate(duties, GOLD["links"])["recall"] == 1.0
