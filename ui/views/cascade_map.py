"""What the cascade map (Sơ đồ chỉ đạo) draws: from a focus (a document or an organ) to a graph picture.

The picture holds the focus, every document above it in the cascade, the documents below it down to ``depth``,
and, when asked for, their organs, signers and cited documents. Tasks stay folded into one node per document
("14 nhiệm vụ") until the document is in ``open_docs``; ``expand`` adds every neighbour of the nodes named.
Then the whole is folded to what a person can read (:mod:`ui.views.cascade_groups`: at most ``NODE_LIMIT``
nodes, children grouped by status and kind of organ); a group in ``opened`` is drawn member by member.

It is built in two passes so that a national cascade (thousands of plans) opens fast: the documents alone are
folded first, then organs, tasks and the audit are read only for the documents still drawn. Sub-plan statuses
come from the audit (:mod:`ui.views.subplan_status`), so the picture and the gaps page always agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import streamlit as st

from common.glossary import LEVELS, ORGAN_KINDS
from graph.documents import DOCUMENT_TASKS
from graph.organ_parts import documents_issued_by
from graph.store import GraphStore
from reports.subplans import SubplanStatus
from ui.components.graph_picture import GEdge, GNode, image_source, render_html
from ui.components.layered_layout import render_dot
from ui.store import Generation, generation, store_for
from ui.views.cascade_groups import GROUP_KINDS, NODE_LIMIT, fold
from ui.views.graph_nodes import node_from_row
from ui.views.rows import vi_date
from ui.views.subplan_status import StatusLookup

__all__ = [
    "CLICK_TARGET",
    "FOLDED_KINDS",
    "LAYERS",
    "CascadeMap",
    "DrawnNode",
    "MapRequest",
    "build_map",
    "cascade_map",
    "read_cascade_map",
]

# Optional layers of the picture (documents are always drawn).
LAYERS: dict[str, str] = {
    "organ": "Cơ quan (ban hành, phải xây dựng kế hoạch)",
    "task": "Nhiệm vụ",
    "person": "Người ký",
    "cites": "Văn bản được dẫn chiếu",
}

FOLDED_KINDS = GROUP_KINDS  # synthetic nodes standing for a folded list
CLICK_TARGET = "Mở nhóm trên sơ đồ"  # the page's hidden box a click on a group writes into
_MAX_NEIGHBOURS = 60
_DOC_FIELDS = """d.uid AS uid, labels(d) AS labels, d.symbol AS symbol, d.type_name AS type_name,
    d.title AS title, d.date AS date, d.status AS status"""


# What the page draws before its controls are touched (its widgets' defaults, and what ui.warm computes ahead)
DEFAULT_DEPTH = 3
DEFAULT_LAYERS = frozenset({"organ", "task"})


@dataclass(frozen=True, slots=True)
class MapRequest:
    focus: str  # a document or organ uid
    depth: int = 3  # levels of implementing documents drawn below the focus
    kinds: frozenset[str] = frozenset({"organ"})  # keys of LAYERS
    open_docs: frozenset[str] = frozenset()  # documents whose tasks are drawn one by one
    expand: frozenset[str] = frozenset()  # nodes whose every neighbour is drawn
    as_of: date = field(default_factory=date.today)  # for sub-plan statuses and overdue tasks
    opened: frozenset[str] = frozenset()  # groups drawn member by member
    limit: int = NODE_LIMIT


@dataclass(frozen=True, slots=True)
class DrawnNode:
    uid: str
    label: str  # on one line
    kind: str

    @property
    def folded(self) -> bool:
        """A synthetic node standing for a folded list (its uid is ``<node above it>#…``)."""
        return self.kind in FOLDED_KINDS

    @property
    def document(self) -> str:
        return self.uid.split("#", 1)[0]


@dataclass(frozen=True, slots=True)
class CascadeMap:
    html: str  # a self-contained vis-network page
    drawn: tuple[DrawnNode, ...]  # every node drawn, for the unfold and expand controls
    dot: str  # the same picture for Graphviz, for the downloads (SVG, PDF, PNG)
    cut: int = 0  # nodes left out because the picture was over the limit even folded

    def image(self, fmt: str) -> bytes:
        """The picture as ``svg``, ``pdf`` or ``png``, drawn offline by Graphviz."""
        return render_dot(self.dot, fmt)


@dataclass
class _View:
    store: GraphStore
    request: MapRequest
    statuses: StatusLookup
    nodes: dict[str, GNode] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], GEdge] = field(default_factory=dict)

    def add(self, node: GNode) -> None:
        old = self.nodes.get(node.uid)
        if old is None or (node.status and not old.status):
            self.nodes[node.uid] = node

    def link(self, source: str, target: str, rel: str, label: str | None = None, dashed: bool = False) -> None:
        self.edges.setdefault((source, target, rel), GEdge(source, target, rel, label, dashed))


def build_map(store: GraphStore, request: MapRequest, statuses: StatusLookup) -> tuple[list[GNode], list[GEdge]]:
    """The nodes and edges to draw for ``request``, folded (see the module docstring)."""
    skeleton = _View(store, request, statuses)
    seeds = _seed_documents(skeleton)
    docs = _cascade(skeleton, seeds)
    _documents(skeleton, docs, brief=True)
    asked = [request.focus, *seeds]  # an organ's own documents are what was asked for: never folded away
    first = fold(*_graph(skeleton), keep=asked, opened=request.opened, limit=request.limit)
    drawn = [d for d in docs if any(n.uid == d for n in first.nodes)]
    view = _View(store, request, statuses, dict(skeleton.nodes), dict(skeleton.edges))
    _documents(view, drawn, brief=False, late=_late_documents(view, drawn))
    if "organ" in request.kinds:
        _issuers(view, drawn)
        _subplan_units(view, drawn)
    if "person" in request.kinds:
        _signers(view, drawn)
    _tasks(view, drawn)
    for uid in request.expand:
        _neighbours(view, uid)
    keep = [*asked, *request.expand, *(f"{d}#tasks" for d in request.open_docs)]
    final = fold(*_graph(view), keep=keep, opened=request.opened, limit=request.limit)
    return list(final.nodes), list(final.edges)


def _graph(view: _View) -> tuple[list[GNode], list[GEdge]]:
    nodes = list(view.nodes.values())
    return nodes, [e for e in view.edges.values() if e.source in view.nodes and e.target in view.nodes]


def _seed_documents(view: _View) -> list[str]:
    """The focus itself when it is a document; for an organ, the documents it issued or owes."""
    focus = view.request.focus
    rows = view.store.read(
        """
        MATCH (o:Organ {uid: $uid})
        OPTIONAL MATCH (o)-[r:PART_OF]-(x:Organ)
        RETURN o.uid AS uid, labels(o) AS labels, o.name AS name, o.resolved AS resolved,
               collect(DISTINCT {uid: x.uid, name: x.name, up: startNode(r).uid = o.uid}) AS tree
        """,
        {"uid": focus},
    )
    if not rows:
        return [focus]
    organ = rows[0]
    view.add(node_from_row(organ))
    for other in organ["tree"]:
        if other.get("uid"):
            view.add(node_from_row({**other, "labels": ["Organ"]}))
            a, b = (focus, other["uid"]) if other["up"] else (other["uid"], focus)
            view.link(a, b, "PART_OF")
    owed = view.store.read(
        "MATCH (d:Document)-[:REQUIRES_SUBPLAN]->(:Organ {uid: $uid}) RETURN DISTINCT d.uid AS uid", {"uid": focus}
    )
    return sorted({*documents_issued_by(view.store, focus), *(r["uid"] for r in owed)})


def _cascade(view: _View, seeds: list[str]) -> list[str]:
    """Seeds, everything they implement (to the top), and what implements them down to ``depth``."""
    hops = max(1, min(int(view.request.depth), 12))
    rows = view.store.read(
        f"""
        MATCH (s:Document) WHERE s.uid IN $seeds
        OPTIONAL MATCH (s)-[:IMPLEMENTS*1..12]->(up:Document)
        OPTIONAL MATCH (down:Document)-[:IMPLEMENTS*1..{hops}]->(s)
        RETURN collect(DISTINCT s.uid) + collect(DISTINCT up.uid) + collect(DISTINCT down.uid) AS uids
        """,
        {"seeds": seeds},
    )
    return sorted(set(rows[0]["uids"])) if rows else []


def _documents(
    view: _View, docs: list[str], *, brief: bool, late: frozenset[str] | set[str] = frozenset()
) -> None:
    """The documents, and (when ``brief``) the IMPLEMENTS edges between them. A brief read leaves out titles
    and issuers: a national cascade is read whole only to be folded, then the documents drawn are read again."""
    fields = "d.uid AS uid, labels(d) AS labels, d.symbol AS symbol, d.date AS date, d.status AS status"
    rows = view.store.read(
        f"""
        MATCH (d:Document) WHERE d.uid IN $docs
        OPTIONAL MATCH (d)-[:ISSUED_BY]->(o:Organ)
        RETURN {fields if brief else _DOC_FIELDS}, collect(o.level) AS levels
               {"" if brief else ", collect(o.name) AS issuers"}
        """,
        {"docs": docs},
    )
    for row in rows:
        node = node_from_row(row, "late" if row["uid"] in late else None)
        view.nodes[node.uid] = replace(node, region=_level_words(row.get("levels")))
    if not brief:
        return
    rels = "IMPLEMENTS|CITES" if "cites" in view.request.kinds else "IMPLEMENTS"
    edges = view.store.read(
        f"""
        MATCH (d:Document)-[r:{rels}]->(p:Document) WHERE d.uid IN $docs
        RETURN d.uid AS source, p.uid AS target, type(r) AS rel, r.cascade_parent AS cascade_parent
        """,
        {"docs": docs},
    )
    cited = sorted({e["target"] for e in edges if e["target"] not in view.nodes})
    if cited:
        for row in view.store.read(
            f"MATCH (d:Document) WHERE d.uid IN $docs RETURN {_DOC_FIELDS}", {"docs": cited}
        ):
            view.add(node_from_row(row))
    for e in edges:
        view.link(e["source"], e["target"], e["rel"], dashed=e["rel"] == "IMPLEMENTS" and not e["cascade_parent"])


def _late_documents(view: _View, docs: list[str]) -> set[str]:
    late: set[str] = set()
    view.statuses.load(docs)
    for plan in docs:
        for status, subplan, _ in view.statuses(plan).values():
            if status == "late" and subplan:
                late.add(subplan)
    return late


def _issuers(view: _View, docs: list[str]) -> None:
    rows = view.store.read(
        """
        MATCH (d:Document)-[:ISSUED_BY]->(o:Organ) WHERE d.uid IN $docs
        RETURN d.uid AS doc, o.uid AS uid, labels(o) AS labels, o.name AS name, o.resolved AS resolved
        """,
        {"docs": docs},
    )
    for row in rows:
        view.add(node_from_row(row))
        view.link(row["doc"], row["uid"], "ISSUED_BY")


def _level_words(levels: object) -> str:
    """The level of the first issuer named, in words (``cấp tỉnh``): what plans below a level are grouped by."""
    for level in levels if isinstance(levels, list | tuple) else ():
        if level:
            return LEVELS.get(str(level), "")
    return ""


def _subplan_units(view: _View, docs: list[str]) -> None:
    """Units each plan ordered to issue a sub-plan, coloured by what the audit found (folding comes later)."""
    rows = view.store.read(
        """
        MATCH (d:Document)-[r:REQUIRES_SUBPLAN]->(o) WHERE d.uid IN $docs
        RETURN d.uid AS doc, d.symbol AS symbol, o.uid AS uid, labels(o) AS labels, o.name AS name,
               o.resolved AS resolved, o.kind AS kind, r.deadline AS deadline
        ORDER BY name
        """,
        {"docs": docs},
    )
    view.statuses.load(row["doc"] for row in rows)
    for row in rows:
        status, subplan, _ = view.statuses(row["doc"]).get(row["uid"], (None, None, None))
        _unit(view, row, status or "missing", subplan)


def _status_text(status: str | None) -> str:
    """The audit's Vietnamese words for a status (the same as in the audit table)."""
    return SubplanStatus(status).label_vi if status in set(SubplanStatus) else "phải xây dựng kế hoạch"


def _unit(view: _View, row: Mapping[str, Any], status: str | None, subplan: str | None) -> None:
    note = f"Kế hoạch thực hiện {row['symbol']}: {_status_text(status)}"
    if row.get("deadline"):
        note += f" (thời hạn {vi_date(row['deadline'])})"
    kind = "unresolved" if row.get("resolved") is False else str(row.get("kind") or "organ")
    if "OrganGroup" in (row.get("labels") or ()):
        kind = "collective"
    node = node_from_row({**row, "note": note}, status)
    view.add(replace(node, region=ORGAN_KINDS.get(kind, "")))
    view.link(row["doc"], row["uid"], "REQUIRES_SUBPLAN")
    if subplan and subplan in view.nodes:
        view.link(subplan, row["uid"], "ISSUED_BY", label="kế hoạch của đơn vị", dashed=True)


def _signers(view: _View, docs: list[str]) -> None:
    rows = view.store.read(
        """
        MATCH (d:Document)-[s:SIGNED_BY]->(p:Person) WHERE d.uid IN $docs
        RETURN d.uid AS doc, p.uid AS uid, labels(p) AS labels, p.name AS name, s.title AS title
        """,
        {"docs": docs},
    )
    for row in rows:
        view.add(node_from_row(row))
        view.link(row["doc"], row["uid"], "SIGNED_BY", label=(row.get("title") or "ký").lower())


def _tasks(view: _View, docs: list[str]) -> None:
    """One folded node per document with tasks, or the tasks themselves for the documents opened."""
    if "task" not in view.request.kinds:
        return
    rows = view.store.read(
        f"""
        MATCH (d:Document) WHERE d.uid IN $docs MATCH {DOCUMENT_TASKS}
        RETURN d.uid AS doc, count(DISTINCT t) AS n
        """,
        {"docs": docs},
    )
    for row in rows:
        if row["doc"] in view.request.open_docs:
            _open_tasks(view, row["doc"])
        elif row["n"]:
            uid = f"{row['doc']}#tasks"
            tip = f"{row['n']} nhiệm vụ — bấm để hiện từng nhiệm vụ"
            view.add(GNode(uid, "tasks", f"{row['n']} nhiệm vụ", tip))
            view.link(row["doc"], uid, "HAS_TASK")


def _open_tasks(view: _View, doc: str) -> None:
    rows = view.store.read(
        f"""
        MATCH (d:Document {{uid: $doc}}) MATCH {DOCUMENT_TASKS}
        OPTIONAL MATCH (t)-[a:ASSIGNED_TO]->(o:Organ)
        RETURN DISTINCT t.uid AS uid, labels(t) AS labels, t.path AS path, t.text AS text, t.kind AS kind,
               t.deadline AS deadline, t.deadline_text AS deadline_text, t.recurrence AS recurrence,
               collect(CASE WHEN a.role = 'lead' THEN o.name END) AS lead,
               collect({{uid: o.uid, name: o.name, resolved: o.resolved, role: a.role}}) AS organs
        """,
        {"doc": doc},
    )
    as_of = view.request.as_of.isoformat()
    for row in rows:
        # the rule of queries/overdue_tasks.cypher: a deadline passed, and the task does not recur
        overdue = bool(row.get("deadline") and str(row["deadline"]) < as_of and not row.get("recurrence"))
        section = str(row.get("path") or "").split(".")[0]
        view.add(replace(node_from_row(row, "overdue" if overdue else None), region=f"mục {section}"))
        view.link(doc, row["uid"], "HAS_TASK")
        for organ in row["organs"] if "organ" in view.request.kinds else ():
            if organ.get("uid"):
                view.add(node_from_row({**organ, "labels": ["Organ"]}))
                label = "chủ trì" if organ.get("role") == "lead" else "phối hợp"
                view.link(row["uid"], organ["uid"], "ASSIGNED_TO", label=label)


def _neighbours(view: _View, uid: str) -> None:
    """Every node one step from ``uid`` (at most ``_MAX_NEIGHBOURS``), whatever the relationship."""
    fields = """m.uid AS uid, labels(m) AS labels, m.symbol AS symbol, m.name AS name, m.title AS title,
        m.date AS date, m.status AS status, m.type_name AS type_name, m.resolved AS resolved, m.path AS path,
        m.text AS text, m.heading AS heading, m.deadline AS deadline, m.deadline_text AS deadline_text"""
    for arrow, outgoing in (("-[r]->", True), ("<-[r]-", False)):
        rows = view.store.read(
            f"MATCH (n {{uid: $uid}}){arrow}(m) RETURN type(r) AS rel, {fields} LIMIT {_MAX_NEIGHBOURS}",
            {"uid": uid},
        )
        for row in rows:
            if row.get("uid") is None:
                continue
            view.add(node_from_row(row))
            source, target = (uid, row["uid"]) if outgoing else (row["uid"], uid)
            view.link(source, target, row["rel"])


def read_cascade_map(store: GraphStore, request: MapRequest) -> CascadeMap:
    nodes, edges = build_map(store, request, StatusLookup(store, request.as_of))
    drawn = tuple(DrawnNode(n.uid, n.label.replace("\n", " "), n.kind) for n in nodes)
    clickable = [n.uid for n in nodes if n.kind in FOLDED_KINDS]
    html = render_html(nodes, edges, height=560, clickable=clickable, click_target=CLICK_TARGET)
    return CascadeMap(html, drawn, image_source(nodes, edges))


@st.cache_data(show_spinner=False, max_entries=64)  # a picture is ~0.7 MB of HTML
def _cascade_map(gen: Generation, request: MapRequest) -> CascadeMap:
    return read_cascade_map(store_for(gen), request)


def cascade_map(request: MapRequest, key: Generation | None = None) -> CascadeMap:
    """The map ``request`` asks for, of the generation ``key`` (default: this session's)."""
    return _cascade_map(key or generation(), request)
