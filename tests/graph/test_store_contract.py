"""The GraphStore contract, run on every available store (embedded FalkorDB, ArcadeDB over Bolt, and Neo4j or a
FalkorDB server when their URLs are set): same writes, same reads, same results."""

from __future__ import annotations

import math
import re
from typing import Any

import pytest

from graph.model import Document, DocumentGraph, Edge, NodeValue, Rel, Section, Task, section_uid, task_uid
from graph.store import GraphStore, ReadOnlyError, StoreError
from tests.graph.store_samples import (
    BTG,
    CHILD,
    DUK,
    GROUP,
    PLAN,
    RESOLUTION,
    child_graph,
    owned_counts,
    plan_graph,
    snapshot,
)


def counts(store: GraphStore) -> tuple[dict[str, int], dict[str, int]]:
    labels = store.read("MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS n")
    types = store.read("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n")
    return {r["l"]: r["n"] for r in labels}, {r["t"]: r["n"] for r in types}


def test_write_then_read_a_document(empty_store: GraphStore) -> None:
    empty_store.write_document(plan_graph())
    labels, types = counts(empty_store)
    assert labels == {
        "Document": 2, "Plan": 1, "Resolution": 1, "Section": 2, "Task": 6,
        "Organ": 3, "OrganGroup": 1, "Person": 1,
    }  # fmt: skip
    assert types == {
        "IMPLEMENTS": 1, "ISSUED_BY": 1, "SIGNED_BY": 1, "REQUIRES_SUBPLAN": 1, "MEMBER_OF": 1, "PART_OF": 1,
        "HAS_SECTION": 2, "HAS_TASK": 6, "ASSIGNED_TO": 12,
    }  # fmt: skip
    [doc] = empty_store.read("MATCH (d:Plan {uid: $uid}) RETURN d", {"uid": PLAN})
    assert doc["d"]["_labels"] == ["Document", "Plan"]
    assert doc["d"]["title"] == "Kế hoạch thực hiện Nghị quyết số 27 (bản 1)"
    assert (doc["d"]["number"], doc["d"]["status"], doc["d"]["owner"]) == (60, "loaded", PLAN)
    [organ] = empty_store.read("MATCH (o:Organ {uid: $uid}) RETURN o.aliases AS a, o.resolved AS r", {"uid": BTG})
    assert organ == {"a": ["BTGTU"], "r": True}
    roles = empty_store.read(
        "MATCH (t:Task {uid: $t})-[r:ASSIGNED_TO]->(o) RETURN r.role AS role, r.key AS key, r.inherited AS i, "
        "r.owner AS owner ORDER BY role",
        {"t": task_uid(PLAN, "I.1")},
    )
    assert roles == [
        {"role": "coordinate", "key": "coord", "i": True, "owner": PLAN},
        {"role": "lead", "key": "lead", "i": False, "owner": PLAN},
    ]
    [tree] = empty_store.read("MATCH (:Organ {uid: $o})-[r:MEMBER_OF]->(g) RETURN r, g.uid AS g", {"o": DUK})
    assert tree["g"] == GROUP and "owner" not in tree["r"]


def test_rows_are_plain_python(empty_store: GraphStore) -> None:
    empty_store.write_document(plan_graph())
    [row] = empty_store.read(
        "MATCH p = (d:Document {uid: $uid})-[r:IMPLEMENTS]->(n) "
        "RETURN d, r, p, date('2023-05-24') AS day, [1, 'a'] AS mixed",
        {"uid": PLAN},
    )
    d, r, p = row["d"], row["r"], row["p"]
    assert set(d) >= {"_id", "_labels", "uid"} and isinstance(d["_id"], str)
    assert r["_type"] == "IMPLEMENTS" and r["_start"] == d["_id"] and r["cascade_parent"] is True
    assert [n["uid"] for n in p["_nodes"]] == [PLAN, RESOLUTION] and p["_edges"][0]["_type"] == "IMPLEMENTS"
    assert p["_nodes"][1]["_labels"] == ["Document", "Resolution"]
    assert (row["day"], row["mixed"]) == ("2023-05-24", [1, "a"])


def test_writing_twice_changes_nothing(empty_store: GraphStore) -> None:
    empty_store.write_document(plan_graph())
    empty_store.write_document(child_graph(derived=True))
    first = snapshot(empty_store)
    empty_store.write_document(plan_graph())
    empty_store.write_document(child_graph(derived=True))
    assert snapshot(empty_store) == first


def test_a_new_version_replaces_only_what_the_document_owned(empty_store: GraphStore) -> None:
    empty_store.write_document(plan_graph(version=1))
    empty_store.write_document(child_graph(derived=True))  # another document's edges into the plan
    empty_store.write_document(plan_graph(version=2, tasks=1))

    own = owned_counts(empty_store, PLAN)
    assert (own["tasks"], own["edges"], own["title"]) == (1, 8, "Kế hoạch thực hiện Nghị quyết số 27 (bản 2)")
    [plan] = empty_store.read("MATCH (d:Document {uid: $uid}) RETURN d", {"uid": PLAN})
    assert "place" not in plan["d"]  # dropped by version 2: the stale value is gone
    assert empty_store.read("MATCH (s:Section {uid: $s}) RETURN s", {"s": f"{PLAN}#s:II"}) == []
    kept = empty_store.read(
        "MATCH (c:Document {uid: $c})-[r:IMPLEMENTS]->(p:Document {uid: $p}) RETURN r.owner AS o",
        {"c": CHILD, "p": PLAN},
    )
    assert kept == [{"o": CHILD}]
    # the child's DERIVED_FROM pointed at task I.1, which version 2 re-created: the detach removed that edge
    # (the link pass recomputes DERIVED_FROM after every load); its edge to the Document node stays
    assert owned_counts(empty_store, CHILD)["edges"] == 3
    shared = empty_store.read("MATCH (n) WHERE n:Organ OR n:OrganGroup OR n:Person RETURN count(n) AS n")
    assert shared == [{"n": 5}]


def nested_graph(paths: tuple[str, ...]) -> DocumentGraph:
    """The plan with the sections ``paths`` ("I", "I.1", "I.1.a": each under the one its path extends, the first
    level under the document) and one task in each, plus a task under the document itself."""
    nodes: list[NodeValue] = [Document(uid=PLAN, type="KH", owner=PLAN)]
    edges = [Edge(Rel.HAS_TASK, PLAN, task_uid(PLAN, "0"), owner=PLAN)]
    nodes.append(Task(uid=task_uid(PLAN, "0"), path="0", text="nhiệm vụ chung", owner=PLAN))
    for path in paths:
        parent = section_uid(PLAN, path.rpartition(".")[0]) if "." in path else PLAN
        nodes.append(Section(uid=section_uid(PLAN, path), path=path, heading=f"Mục {path}", owner=PLAN))
        nodes.append(Task(uid=task_uid(PLAN, f"{path}.t"), path=f"{path}.t", text=f"nhiệm vụ {path}", owner=PLAN))
        edges.append(Edge(Rel.HAS_SECTION, parent, section_uid(PLAN, path), {"order": len(path)}, owner=PLAN))
        edges.append(Edge(Rel.HAS_TASK, section_uid(PLAN, path), task_uid(PLAN, f"{path}.t"), owner=PLAN))
    return DocumentGraph(PLAN, tuple(nodes), tuple(edges))


def tree(store: GraphStore) -> list[tuple[str, str, int]]:
    """Each section and task, its parent's path (the document: ``-``) and the depth it hangs at."""
    rows = store.read(
        """
        MATCH p = (:Document {uid: $d})-[:HAS_SECTION*0..]->(x)-[:HAS_SECTION|HAS_TASK]->(n)
        RETURN n.path AS path, coalesce(x.path, '-') AS parent, length(p) AS depth
        """,
        {"d": PLAN},
    )
    return sorted((r["path"], r["parent"], r["depth"]) for r in rows)


def test_sections_and_tasks_hang_at_every_depth_and_a_new_version_replaces_them(empty_store: GraphStore) -> None:
    empty_store.write_document(nested_graph(("I", "I.1", "I.1.a", "I.2", "II")))
    assert tree(empty_store) == [
        ("0", "-", 1), ("I", "-", 1), ("I.1", "I", 2), ("I.1.a", "I.1", 3), ("I.1.a.t", "I.1.a", 4),
        ("I.1.t", "I.1", 3), ("I.2", "I", 2), ("I.2.t", "I.2", 3), ("I.t", "I", 2), ("II", "-", 1),
        ("II.t", "II", 2),
    ]  # fmt: skip
    [edge] = empty_store.read(
        "MATCH (:Section {path: 'I.1'})-[r:HAS_SECTION]->() RETURN r.order AS o, r.owner AS w"
    )
    assert edge == {"o": 5, "w": PLAN}  # the edge's own properties and owner
    empty_store.write_document(nested_graph(("III", "III.1")))
    assert tree(empty_store) == [("0", "-", 1), ("III", "-", 1), ("III.1", "III", 2), ("III.1.t", "III.1", 3),
                                 ("III.t", "III", 2)]  # fmt: skip
    assert counts(empty_store)[0]["Section"] == 2 and counts(empty_store)[0]["Task"] == 3  # nothing left over
    empty_store.delete_document(PLAN)
    assert empty_store.read("MATCH (n) WHERE n:Section OR n:Task RETURN count(n) AS n") == [{"n": 0}]


S_I, S_II, T_0, T_I = section_uid(PLAN, "I"), section_uid(PLAN, "II"), task_uid(PLAN, "0"), task_uid(PLAN, "I.t")


@pytest.mark.parametrize(
    ("unhung", "hung", "message"),
    [
        ({task_uid(PLAN, "II.t")}, [], "hangs under neither"),
        ({S_II}, [], "hangs under neither"),
        (set(), [(Rel.HAS_SECTION, S_I, S_II)], "hangs under both"),
        (set(), [(Rel.HAS_TASK, T_0, T_I)], "hangs under both"),
        ({S_I, S_II}, [(Rel.HAS_SECTION, S_II, S_I), (Rel.HAS_SECTION, S_I, S_II)], "loop"),
    ],
    ids=["task under nothing", "section under nothing", "two parents", "a task under a task", "a loop"],
)
def test_a_section_or_task_out_of_the_documents_reach_is_refused(
    empty_store: GraphStore, unhung: set[str], hung: list[tuple[Rel, str, str]], message: str
) -> None:
    """Sections are found only by walking down from their document (no index): one that hangs under nothing,
    under two parents or in a loop could never be found again, nor removed with the document."""
    graph = nested_graph(("I", "II"))
    edges = [e for e in graph.edges if e.target not in unhung]
    edges += [Edge(rel, source, target, owner=PLAN) for rel, source, target in hung]
    with pytest.raises(StoreError, match=message):
        empty_store.write_document(DocumentGraph(PLAN, graph.nodes, tuple(edges)))
    assert empty_store.read("MATCH (n) RETURN count(n) AS n") == [{"n": 0}]


def test_a_cited_stub_becomes_the_loaded_document(empty_store: GraphStore) -> None:
    empty_store.write_document(child_graph(stub_type=None))  # the plan only as `Document`, status cited
    [stub] = empty_store.read("MATCH (d:Document {uid: $uid}) RETURN d", {"uid": PLAN})
    assert stub["d"]["status"] == "cited" and stub["d"]["_labels"] == ["Document"]

    empty_store.write_document(plan_graph())
    rows = empty_store.read("MATCH (d:Document {uid: $uid}) RETURN d", {"uid": PLAN})
    assert len(rows) == 1
    plan = rows[0]["d"]
    assert (plan["status"], plan["_labels"], plan["owner"]) == ("loaded", ["Document", "Plan"], PLAN)
    assert plan["title"].startswith("Kế hoạch thực hiện")
    incoming = empty_store.read("MATCH (c)-[r:IMPLEMENTS]->(:Plan {uid: $uid}) RETURN c.uid AS c", {"uid": PLAN})
    assert incoming == [{"c": CHILD}]

    empty_store.write_document(child_graph(stub_type="KH"))  # the citing document again: the stub is ignored
    [again] = empty_store.read("MATCH (d:Document {uid: $uid}) RETURN d.status AS s, d.title AS t", {"uid": PLAN})
    assert again["s"] == "loaded" and again["t"].startswith("Kế hoạch thực hiện")


def test_delete_document(empty_store: GraphStore) -> None:
    empty_store.write_document(plan_graph())
    empty_store.write_document(child_graph())
    empty_store.delete_document(PLAN)
    own = owned_counts(empty_store, PLAN)
    assert (own["tasks"], own["edges"]) == (0, 0)
    [stub] = empty_store.read("MATCH (d:Document {uid: $u}) RETURN d", {"u": PLAN})
    assert stub["d"]["status"] == "cited" and "owner" not in stub["d"]  # the child still points at it
    assert empty_store.read("MATCH (s:Section) RETURN s") == []
    assert empty_store.read(
        "MATCH (:Document {uid: $c})-[r:IMPLEMENTS]->() RETURN r.owner AS o", {"c": CHILD}
    ) == [{"o": CHILD}]
    empty_store.delete_document(CHILD)
    assert empty_store.read("MATCH (d:Document {uid: $u}) RETURN d", {"u": CHILD}) == []  # nothing pointed at it
    assert empty_store.read("MATCH (o:Organ) RETURN count(o) AS n") == [{"n": 3}]
    assert empty_store.read("MATCH (:Organ)-[r:MEMBER_OF]->() RETURN count(r) AS n") == [{"n": 1}]


@pytest.mark.parametrize(
    "query",
    [
        "CREATE (:Person {uid: 'intruder'})",
        "MERGE (p:Person {uid: 'intruder'}) RETURN p",
        "MATCH (o:Organ) SET o.name = 'x' RETURN count(o) AS n",
        "MATCH (o:Organ) DETACH DELETE o",
    ],
)
def test_read_refuses_to_write(empty_store: GraphStore, query: str) -> None:
    empty_store.write_document(plan_graph())
    before = snapshot(empty_store)
    with pytest.raises(ReadOnlyError):
        empty_store.read(query)
    assert snapshot(empty_store) == before


HOSTILE = [
    "x'}) DETACH DELETE n //",
    'y"}) MATCH (n) DETACH DELETE n RETURN 1 //',
    "back\\slash \\' and \\\" quotes",
    "dòng một\ndòng hai\ttab",
    "$uid {uid} `tick` /* comment */",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_parameters_are_never_spliced(empty_store: GraphStore, value: str) -> None:
    empty_store.write_document(plan_graph())
    empty_store.write("CREATE (:Person {uid: $uid, name: $name})", {"uid": "person:x", "name": value})
    assert empty_store.read("MATCH (p:Person {uid: $u}) RETURN p.name AS n", {"u": "person:x"}) == [{"n": value}]
    assert empty_store.read("MATCH (p:Person) WHERE p.name = $v RETURN count(p) AS n", {"v": value}) == [{"n": 1}]
    node = Task(uid=f"{PLAN}#t:hostile", path="h", text=value, owner=PLAN)
    graph = plan_graph()
    hung = Edge(Rel.HAS_TASK, PLAN, node.uid, owner=PLAN)
    empty_store.write_document(DocumentGraph(PLAN, (*graph.nodes, node), (*graph.edges, hung)))
    rows = empty_store.read("MATCH (t:Task {uid: $u}) RETURN t.text AS t", {"u": node.uid})
    assert rows == [{"t": value}]
    assert owned_counts(empty_store, PLAN)["tasks"] == 7


def test_write_many_is_all_or_nothing(empty_store: GraphStore) -> None:
    statements: list[tuple[str, dict[str, Any]]] = [
        ("CREATE (:Person {uid: $uid, name: 'một'})", {"uid": "person:1"}),
        ("MATCH (p:Person {uid: $uid}) SET p.seen = true", {"uid": "person:1"}),  # sees the first statement
        ("CREATE (:Person {uid: $uid, name: 'hai'})", {"uid": "person:2"}),  # same name, other value
        ("WITH $n AS n // a comment\nMATCH (p:Person {uid: $uid}) SET p.n = n", {"uid": "person:2", "n": 2}),
    ]
    empty_store.write_many(statements)
    rows = empty_store.read("MATCH (p:Person) RETURN p.uid AS u, p.seen AS s, p.n AS n ORDER BY u")
    assert rows == [{"u": "person:1", "s": True, "n": None}, {"u": "person:2", "s": None, "n": 2}]

    failing = [*statements[:1], ("UNWIND [$one] AS x RETURN x / $zero AS boom", {"one": 1, "zero": 0})]
    empty_store.write("MATCH (p:Person) DETACH DELETE p")
    with pytest.raises(StoreError):
        empty_store.write_many(failing)
    assert empty_store.read("MATCH (p:Person) RETURN count(p) AS n") == [{"n": 0}]


def test_a_failed_write_keeps_the_previous_version(empty_store: GraphStore) -> None:
    empty_store.write_document(plan_graph())
    before = snapshot(empty_store)
    broken = plan_graph(version=2)
    dangling = Edge(Rel.CITES, PLAN, "nowhere:?:1-KH/X:2020", owner=PLAN)
    with pytest.raises(StoreError, match=re.escape("nowhere:?:1-KH/X:2020")):
        empty_store.write_document(DocumentGraph(PLAN, broken.nodes, (*broken.edges, dangling)))
    assert snapshot(empty_store) == before


@pytest.mark.parametrize(
    ("node", "message"),
    [
        (Task(uid="t:map", text="x", owner=PLAN, recurrence={"every": "month"}), "maps"),  # type: ignore[arg-type]
        (Task(uid="t:nan", text="x", owner=PLAN, line=math.nan), "finite"),  # type: ignore[arg-type]
        (Task(uid="t:huge", text="x", owner=PLAN, line=2**63), "64-bit"),
        (Task(uid="t:nul", text="a\x00b", owner=PLAN), "NUL"),
        (Task(uid="t:other", text="x", owner="someone-else"), "owned by"),
    ],
)
def test_values_that_cannot_be_stored_are_refused(empty_store: GraphStore, node: NodeValue, message: str) -> None:
    doc = Document(uid=PLAN, type="KH", owner=PLAN)
    with pytest.raises(StoreError, match=message):
        empty_store.write_document(
            DocumentGraph(PLAN, (doc, node), (Edge(Rel.HAS_TASK, PLAN, node.uid, owner=PLAN),))
        )
    assert empty_store.read("MATCH (n) RETURN count(n) AS n") == [{"n": 0}]


def test_labels_outside_the_schema_are_refused(empty_store: GraphStore) -> None:
    class Sneaky(NodeValue):
        LABELS = ("Person) DETACH DELETE (n",)

    with pytest.raises(StoreError, match="not in the graph schema"):
        empty_store.write_document(DocumentGraph(PLAN, (Sneaky(uid="s"),), ()))


def test_large_documents_are_written_in_batches(empty_store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    from graph.stores import cypher
    from tests.graph.store_samples import big_graph

    monkeypatch.setattr(cypher, "BATCH_SIZE", 100)  # the 5,000-row batches, scaled down: ArcadeDB is slow
    empty_store.write_document(big_graph(PLAN, 250, spread=3))  # three batches of tasks, of each edge type
    own = owned_counts(empty_store, PLAN)
    assert own == {"tasks": 250, "versions": ["v1"], "edges": 3 + 2 * 250, "title": "bản 1"}
    empty_store.write_document(big_graph(PLAN, 10, version=2, spread=3))
    assert owned_counts(empty_store, PLAN) == {"tasks": 10, "versions": ["v2"], "edges": 3 + 20, "title": "bản 2"}
    assert empty_store.read("MATCH (t:Task) RETURN count(t) AS n") == [{"n": 10}]


def test_batches_hold_at_most_5000_rows() -> None:
    from graph.stores.cypher import BATCH_SIZE, document_statements
    from tests.graph.store_samples import big_graph

    statements = document_statements(big_graph(PLAN, 12_001), {})
    sizes = [len(v) for s in statements for k, v in s.params.items() if isinstance(v, list) and k != "owners"]
    # the document (relabelled, then merged), 3 organs, 1 group, 12,001 tasks with their HAS_TASK, 12,001
    # ASSIGNED_TO
    assert BATCH_SIZE == 5_000 and max(sizes) == 5_000 and sum(sizes) == 2 + 3 + 1 + 2 * 12_001


def test_query_errors_are_store_errors(store: GraphStore) -> None:
    with pytest.raises(StoreError) as read_error:
        store.read("MATCH (n RETURN n")
    assert not isinstance(read_error.value, ReadOnlyError)
    with pytest.raises(StoreError):
        store.write("RETURN $one / $zero AS boom", {"one": 1, "zero": 0})
    assert store.read("RETURN 1 AS one") == [{"one": 1}]  # the store still works


def test_documents_written_in_one_batch_make_the_same_graph_as_one_by_one(empty_store: GraphStore) -> None:
    from graph.stores import wipe
    from tests.graph.link_samples import CORPUS_FILES, SEED_FILES, dump, graph_of

    graphs = [graph_of(p) for p in (*SEED_FILES, *CORPUS_FILES[:6])]
    for g in graphs:
        empty_store.write_document(g)
    one_by_one = dump(empty_store)
    wipe(empty_store)
    empty_store.write_documents(graphs)
    assert dump(empty_store) == one_by_one
    empty_store.write_documents(graphs)  # a second time replaces, as write_document does
    assert dump(empty_store) == one_by_one


def test_a_stream_of_batches_lands_in_order_and_stops_at_the_first_bad_one(empty_store: GraphStore) -> None:
    """Batches split where a document comes again: [v1], [v2, bad], [v3]. The embedded store builds a batch
    while the server writes the one before: the first lands, the second (refused) and the third do not."""
    from tests.graph.store_samples import big_graph

    bad = Task(uid=task_uid(CHILD, "1"), text="a\x00b", owner=CHILD)
    child = Document(uid=CHILD, type="KH", owner=CHILD)
    refused = DocumentGraph(CHILD, (child, bad), (Edge(Rel.HAS_TASK, CHILD, bad.uid, owner=CHILD),))
    with pytest.raises(StoreError, match="NUL"):
        empty_store.write_documents(
            iter([big_graph(PLAN, 3, 1), big_graph(PLAN, 3, 2), refused, big_graph(PLAN, 3, 3)])
        )
    assert owned_counts(empty_store, PLAN)["versions"] == ["v1"]
    assert empty_store.read("MATCH (t:Task {owner: $c}) RETURN count(t) AS n", {"c": CHILD}) == [{"n": 0}]


def test_a_batch_may_point_at_what_the_batch_before_it_wrote(empty_store: GraphStore) -> None:
    """[plan, child], [child again, now with a DERIVED_FROM to the plan's task I.1]: that task is outside the
    second batch, in the store only once the first batch has landed."""
    empty_store.write_documents(iter([plan_graph(), child_graph(), child_graph(derived=True)]))
    rows = empty_store.read(
        "MATCH (:Task {owner: $c})-[r:DERIVED_FROM]->(t:Task) RETURN t.path AS p", {"c": CHILD}
    )
    assert rows == [{"p": "I.1"}]


def test_batches_split_where_a_document_comes_again() -> None:
    from graph.stores.cypher import document_batches

    a, b = DocumentGraph("a", (), ()), DocumentGraph("b", (), ())
    assert [[g.document_uid for g in batch] for batch in document_batches([a, b, a, b])] == [
        ["a", "b"],
        ["a", "b"],
    ]
