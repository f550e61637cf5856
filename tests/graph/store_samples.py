"""Document graphs for the store tests, built directly from ``graph.model`` (no loader involved).

``plan_graph`` is a small plan with every kind of node and edge; ``big_graph`` is one document with many tasks
(the atomicity test); ``snapshot`` reads a whole store into comparable plain data; ``short_tmpdir`` makes a
data directory whose socket path fits.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from graph.model import (
    Document,
    DocumentGraph,
    Edge,
    NodeValue,
    Organ,
    OrganGroup,
    Person,
    Rel,
    Section,
    Task,
    section_uid,
    task_uid,
)
from graph.store import GraphStore


def short_tmpdir(prefix: str) -> Path:
    """A new directory with a short path (``/tmp/kg-…``), so FalkorDB's unix socket inside it fits."""
    base = "/tmp" if os.access("/tmp", os.W_OK) else None
    return Path(tempfile.mkdtemp(prefix=prefix, dir=base))


PLAN = "binh-dinh:tinh-uy:60-KH/TU:2023"
CHILD = "binh-dinh:dang-uy-khoi-cac-co-quan:80-KH/ĐUK:2023"
RESOLUTION = "tw:ban-chap-hanh-trung-uong-dang:27-NQ/TW:2022"
BTG = "binh-dinh:ban-tuyen-giao"
DUK = "binh-dinh:dang-uy-khoi"
TU = "binh-dinh:tinh-uy"
GROUP = "binh-dinh:group:huyen-uy"
SIGNER = "person:ho-quoc-dung"


def organs() -> tuple[NodeValue, ...]:
    return (
        Organ(uid=TU, name="Tỉnh ủy Bình Định", aliases=("TU", "Tỉnh ủy"), kind="party", level="province"),
        Organ(uid=BTG, name="Ban Tuyên giáo Tỉnh ủy Bình Định", aliases=("BTGTU",), level="province"),
        Organ(uid=DUK, name="Đảng ủy Khối các cơ quan tỉnh", resolved=False),
        OrganGroup(uid=GROUP, name="Các huyện ủy, thị ủy, thành ủy"),
    )


def plan_graph(version: int = 1, tasks: int = 3) -> DocumentGraph:
    """Kế hoạch 60-KH/TU: sections, tasks with lead and coordinating organs, a cited resolution, a signer.

    Version 2 changes the title, drops ``place`` and has ``tasks`` tasks in one section instead of two.
    """
    sections = ("I", "II") if version == 1 else ("I",)
    nodes: list[NodeValue] = [
        Document(
            uid=PLAN,
            symbol="60-KH/TU",
            number=60,
            type="KH",
            type_name="Kế hoạch",
            title=f"Kế hoạch thực hiện Nghị quyết số 27 (bản {version})",
            date="2023-05-24",
            place="Quy Nhơn" if version == 1 else None,
            scope="binh-dinh",
            source_path="data/documents/60.txt",
            owner=PLAN,
        ),
        Document(uid=RESOLUTION, symbol="27-NQ/TW", type="NQ", status="cited", date_source="cited in 60-KH/TU"),
        Person(uid=SIGNER, name="Hồ Quốc Dũng"),
        *organs(),
    ]
    edges: list[Edge] = [
        Edge(Rel.IMPLEMENTS, PLAN, RESOLUTION, {"cascade_parent": True}, owner=PLAN),
        Edge(Rel.ISSUED_BY, PLAN, TU, owner=PLAN),
        Edge(Rel.SIGNED_BY, PLAN, SIGNER, {"capacity": "T/M BAN THƯỜNG VỤ", "title": "BÍ THƯ"}, owner=PLAN),
        Edge(Rel.REQUIRES_SUBPLAN, PLAN, DUK, {"deadline": "2023-06-30", "via_group": GROUP}, owner=PLAN),
        Edge(Rel.MEMBER_OF, DUK, GROUP),  # organ tree: no owner, survives every document
        Edge(Rel.PART_OF, BTG, TU, key="2023"),
    ]
    for path in sections:
        nodes.append(Section(uid=section_uid(PLAN, path), path=path, heading=f"Phần {path}", owner=PLAN))
        edges.append(Edge(Rel.HAS_SECTION, PLAN, section_uid(PLAN, path), owner=PLAN))
        for i in range(1, tasks + 1):
            uid = task_uid(PLAN, f"{path}.{i}")
            text = f'Quán triệt "Nghị quyết" số 27 — nhiệm vụ {path}.{i}'
            nodes.append(
                Task(uid=uid, path=f"{path}.{i}", text=text, deadline="2023-12-31", line=10 * i, owner=PLAN)
            )
            edges.append(Edge(Rel.HAS_TASK, section_uid(PLAN, path), uid, owner=PLAN))
            edges.append(Edge(Rel.ASSIGNED_TO, uid, BTG, {"role": "lead", "inherited": False}, PLAN, "lead"))
            edges.append(Edge(Rel.ASSIGNED_TO, uid, BTG, {"role": "coordinate", "inherited": True}, PLAN, "coord"))
    return DocumentGraph(PLAN, tuple(nodes), tuple(edges))


def child_graph(stub_type: str | None = None, derived: bool = False) -> DocumentGraph:
    """Kế hoạch 80-KH/ĐUK, which implements 60-KH/TU: it only knows the plan as a ``cited`` stub.

    ``derived`` adds a DERIVED_FROM edge to task I.1 of the plan, a node outside this graph.
    """
    stub = Document(uid=PLAN, symbol="60-KH/TU", type=stub_type, status="cited", title="(trích dẫn)")
    task = task_uid(CHILD, "1")
    nodes = (
        Document(uid=CHILD, symbol="80-KH/ĐUK", type="KH", title="Kế hoạch của Đảng ủy Khối", owner=CHILD),
        stub,
        Task(uid=task, path="1", text="Xây dựng kế hoạch", owner=CHILD),
        *organs(),
    )
    edges = [
        Edge(Rel.IMPLEMENTS, CHILD, PLAN, {"cascade_parent": True}, owner=CHILD),
        Edge(Rel.HAS_TASK, CHILD, task, owner=CHILD),
        Edge(Rel.ASSIGNED_TO, task, DUK, {"role": "lead"}, CHILD, "lead"),
    ]
    if derived:
        edges.append(Edge(Rel.DERIVED_FROM, task, task_uid(PLAN, "I.1"), {"score": 0.8, "method": "tfidf"}, CHILD))
    return DocumentGraph(CHILD, nodes, tuple(edges))


def big_graph(document: str, tasks: int, version: int = 1, spread: int = 0) -> DocumentGraph:
    """One document with ``tasks`` tasks, each assigned to one organ.

    With ``spread`` 0 the tasks hang off the document itself and go to three organs (hub nodes: cheap on FalkorDB,
    quadratic to delete on ArcadeDB); with ``spread`` N they are shared out among N sections and N organs.
    """
    nodes: list[NodeValue] = [Document(uid=document, type="KH", title=f"bản {version}", owner=document)]
    edges: list[Edge] = []
    if spread:
        parents = [section_uid(document, str(k)) for k in range(spread)]
        leads = [f"org:{k}" for k in range(spread)]
        nodes += [Section(uid=uid, path=uid[-3:], owner=document) for uid in parents]
        nodes += [Organ(uid=uid, name=uid) for uid in leads]
        edges += [Edge(Rel.HAS_SECTION, document, uid, owner=document) for uid in parents]
    else:
        parents, leads = [document], [TU, BTG, DUK]
        nodes += organs()
    for i in range(tasks):
        uid = task_uid(document, f"{i}")
        nodes.append(Task(uid=uid, path=str(i), text=f"v{version}: nhiệm vụ {i}", line=i, owner=document))
        edges.append(Edge(Rel.HAS_TASK, parents[i % len(parents)], uid, owner=document))
        edges.append(Edge(Rel.ASSIGNED_TO, uid, leads[i % len(leads)], {"role": "lead"}, document, "lead"))
    return DocumentGraph(document, tuple(nodes), tuple(edges))


def owned_counts(store: GraphStore, document: str) -> dict[str, Any]:
    """Tasks and relationships the document owns, its title, and the versions its tasks' text starts with
    (``v1``, ``v2``: see :func:`big_graph`)."""
    tasks = store.read(
        "MATCH (t:Task {owner: $d}) RETURN count(t) AS n, collect(DISTINCT left(t.text, 2)) AS v", {"d": document}
    )[0]
    edges = store.read("MATCH ()-[r]->() WHERE r.owner = $d RETURN count(r) AS n", {"d": document})[0]
    title = store.read("MATCH (d:Document {uid: $d}) RETURN d.title AS t", {"d": document})
    return {
        "tasks": tasks["n"],
        "versions": sorted(tasks["v"]),
        "edges": edges["n"],
        "title": title[0]["t"] if title else None,
    }


def _strip(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k not in {"_id", "_start", "_end"}}


def snapshot(store: GraphStore) -> tuple[list[Any], list[Any]]:
    """Every node and relationship as sorted plain data, without the engine's internal ids."""
    nodes = sorted((row["n"]["uid"], _strip(row["n"])) for row in store.read("MATCH (n) RETURN n"))
    rows = store.read("MATCH (a)-[r]->(b) RETURN a.uid AS a, b.uid AS b, r")
    edges = sorted((row["a"], row["b"], sorted(_strip(row["r"]).items())) for row in rows)
    return [node for _, node in nodes], edges
