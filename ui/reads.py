"""The app's own read queries: plain functions of a :class:`~graph.store.GraphStore`, no Streamlit.

Portable Cypher (the subset FalkorDB and Neo4j both run), values always as ``$parameters``. Rows come back
as lists of dicts with scalar columns, so nothing here depends on how a store shapes nodes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph.analysis import depths_under, implements_graph
from graph.store import GraphStore

__all__ = [
    "TASKS_OF",
    "cascade_roots",
    "counts",
    "document_facts",
    "document_links",
    "document_recipients",
    "document_structure",
    "document_subplans",
    "document_tasks",
    "documents",
    "implements_pairs",
    "organ_documents",
    "organ_facts",
    "organ_subplans_owed",
    "organ_tasks",
    "organ_tree",
    "organs",
    "plans_with_orders",
]

Rows = list[dict[str, Any]]

# A document's tasks, under sections or directly under it.
TASKS_OF = "(d:Document)-[:HAS_SECTION|HAS_TASK*1..8]->(t:Task)"


def counts(store: GraphStore) -> dict[str, int]:
    """Documents loaded and cited-only, organs (resolved or not), tasks."""
    out = {"loaded": 0, "cited": 0}
    for row in store.read("MATCH (d:Document) RETURN d.status AS status, count(d) AS n"):
        out[str(row["status"] or "loaded")] = out.get(str(row["status"] or "loaded"), 0) + int(row["n"])
    organ_row = store.read(
        "MATCH (o:Organ) RETURN count(o) AS n, sum(CASE WHEN o.resolved = false THEN 1 ELSE 0 END) AS unresolved"
    )[0]
    out["organs"] = int(organ_row["n"])
    out["unresolved"] = int(organ_row["unresolved"] or 0)
    out["tasks"] = int(store.read("MATCH (t:Task) RETURN count(t) AS n")[0]["n"])
    return out


def documents(store: GraphStore) -> Rows:
    """Every document with what the pickers and tables show about it."""
    return store.read(
        """
        MATCH (d:Document)
        OPTIONAL MATCH (d)-[:ISSUED_BY]->(o:Organ)
        RETURN d.uid AS uid, d.symbol AS symbol, d.type AS type, d.type_name AS type_name, d.title AS title,
               d.date AS date, d.status AS status, labels(d) AS labels, collect(o.name) AS issuers
        ORDER BY d.date DESC, d.symbol
        """
    )


def organs(store: GraphStore) -> Rows:
    """Every organ, the most mentioned first (an organ no document names is at the end)."""
    return store.read(
        """
        MATCH (o:Organ)
        OPTIONAL MATCH (o)<-[r]-()
        RETURN o.uid AS uid, o.name AS name, o.aliases AS aliases, o.kind AS kind, o.level AS level,
               o.scope AS scope, o.resolved AS resolved, count(r) AS mentions
        ORDER BY mentions DESC, name
        """
    )


def document_facts(store: GraphStore, uid: str) -> dict[str, Any] | None:
    """The header facts of one document: its own properties, issuer, signer and received stamp."""
    rows = store.read(
        """
        MATCH (d:Document {uid: $uid})
        OPTIONAL MATCH (d)-[:ISSUED_BY]->(o:Organ)
        OPTIONAL MATCH (d)-[s:SIGNED_BY]->(p:Person)
        OPTIONAL MATCH (d)-[r:RECEIVED_BY]->(ro:Organ)
        RETURN d.uid AS uid, d.symbol AS symbol, d.type_name AS type_name, d.title AS title, d.date AS date,
               d.date_source AS date_source, d.place AS place, d.status AS status, d.scope AS scope,
               d.source_path AS source_path, d.src AS src, labels(d) AS labels,
               collect(DISTINCT o.name) AS issuers, collect(DISTINCT o.uid) AS issuer_uids,
               collect(DISTINCT {name: p.name, title: s.title, capacity: s.capacity, src: s.src}) AS signers,
               collect(DISTINCT {by: ro.name, number: r.number, date: r.date}) AS received
        """,
        {"uid": uid},
    )
    if not rows:
        return None
    row = dict(rows[0])
    row["signers"] = [s for s in row["signers"] if s.get("name")]
    row["received"] = [r for r in row["received"] if r.get("by")]
    return row


def document_links(store: GraphStore, uid: str) -> Rows:
    """Documents this one implements or cites (``direction='up'``) and those that implement or cite it."""
    return store.read(
        """
        MATCH (d:Document {uid: $uid})-[r:IMPLEMENTS|CITES]->(o:Document)
        RETURN 'up' AS direction, type(r) AS rel, r.cascade_parent AS cascade_parent, r.src AS src,
               o.uid AS uid, o.symbol AS symbol, o.type_name AS type_name, o.date AS date, o.status AS status
        UNION ALL
        MATCH (d:Document {uid: $uid})<-[r:IMPLEMENTS|CITES]-(o:Document)
        RETURN 'down' AS direction, type(r) AS rel, r.cascade_parent AS cascade_parent, r.src AS src,
               o.uid AS uid, o.symbol AS symbol, o.type_name AS type_name, o.date AS date, o.status AS status
        """,
        {"uid": uid},
    )


def document_structure(store: GraphStore, uid: str) -> Rows:
    return store.read(
        """
        MATCH (d:Document {uid: $uid})-[:HAS_SECTION*1..8]->(s:Section)
        RETURN DISTINCT s.uid AS uid, s.path AS path, s.heading AS heading, s.src AS src
        """,
        {"uid": uid},
    )


def document_tasks(store: GraphStore, uid: str) -> Rows:
    """Tasks with their lead and coordinating organs, deadline and source line."""
    return store.read(
        f"""
        MATCH {TASKS_OF} WHERE d.uid = $uid
        OPTIONAL MATCH (t)-[a:ASSIGNED_TO]->(o:Organ)
        WITH t, collect(CASE WHEN a.role = 'lead' THEN o.name END) AS lead,
             collect(CASE WHEN a.role = 'coordinate' THEN o.name END) AS coordinate
        OPTIONAL MATCH (t)-[:REPORTS_TO]->(r:Organ)
        RETURN DISTINCT t.uid AS uid, t.path AS path, t.text AS text, t.kind AS kind, t.deadline AS deadline,
               t.deadline_text AS deadline_text, t.recurrence AS recurrence, t.line AS line,
               lead, coordinate, collect(r.name) AS reports_to
        """,
        {"uid": uid},
    )


def document_subplans(store: GraphStore, uid: str) -> Rows:
    return store.read(
        """
        MATCH (d:Document {uid: $uid})-[r:REQUIRES_SUBPLAN]->(o)
        RETURN o.uid AS uid, o.name AS unit, r.deadline AS deadline, r.deadline_text AS deadline_text,
               r.task_path AS task_path, r.via_group AS via_group, r.submit_to AS submit_to, r.src AS src
        ORDER BY unit
        """,
        {"uid": uid},
    )


def document_recipients(store: GraphStore, uid: str) -> Rows:
    return store.read(
        """
        MATCH (d:Document {uid: $uid})-[r:SENT_TO]->(o)
        RETURN o.uid AS uid, o.name AS organ, r.purpose AS purpose, r.text AS text, r.src AS src
        """,
        {"uid": uid},
    )


def organ_facts(store: GraphStore, uid: str) -> dict[str, Any] | None:
    rows = store.read(
        """
        MATCH (o:Organ {uid: $uid})
        RETURN o.uid AS uid, o.name AS name, o.aliases AS aliases, o.kind AS kind, o.level AS level,
               o.scope AS scope, o.valid_from AS valid_from, o.valid_to AS valid_to, o.resolved AS resolved
        """,
        {"uid": uid},
    )
    return dict(rows[0]) if rows else None


def organ_tasks(store: GraphStore, uid: str) -> Rows:
    """Tasks given to the organ, by document and deadline."""
    return store.read(
        f"""
        MATCH (t:Task)-[a:ASSIGNED_TO]->(o:Organ {{uid: $uid}})
        MATCH {TASKS_OF}
        RETURN DISTINCT d.uid AS doc_uid, d.symbol AS document, d.date AS doc_date, t.path AS path,
               a.role AS role, t.text AS text, t.deadline AS deadline, t.deadline_text AS deadline_text,
               t.recurrence AS recurrence
        ORDER BY doc_date, document, deadline, path
        """,
        {"uid": uid},
    )


def organ_documents(store: GraphStore, uid: str) -> Rows:
    """Documents the organ (or a body that is part of it) issued, with what they implement."""
    return store.read(
        """
        MATCH (o:Organ {uid: $uid})
        MATCH (d:Document)-[:ISSUED_BY]->(i:Organ) WHERE i.uid = o.uid OR (i)-[:PART_OF*1..3]->(o)
        OPTIONAL MATCH (d)-[:IMPLEMENTS]->(p:Document)
        RETURN DISTINCT d.uid AS uid, d.symbol AS symbol, d.type_name AS type_name, d.date AS date,
               d.title AS title, i.name AS issuer, collect(p.symbol) AS implements
        ORDER BY date
        """,
        {"uid": uid},
    )


def organ_subplans_owed(store: GraphStore, uid: str) -> Rows:
    """Plans that ordered this organ to issue a sub-plan."""
    return store.read(
        """
        MATCH (p:Document)-[r:REQUIRES_SUBPLAN]->(o:Organ {uid: $uid})
        RETURN p.uid AS plan_uid, p.symbol AS plan, r.deadline AS deadline, r.deadline_text AS deadline_text,
               r.via_group AS via_group
        ORDER BY deadline
        """,
        {"uid": uid},
    )


def organ_tree(store: GraphStore, uid: str) -> Rows:
    """The organ's neighbours in the organ tree: what it is part of, what is part of it, groups, successors."""
    return store.read(
        """
        MATCH (o:Organ {uid: $uid})-[r:PART_OF|MEMBER_OF|SUCCEEDED_BY]->(x)
        RETURN 'up' AS direction, type(r) AS rel, x.uid AS uid, x.name AS name, r.date AS date
        UNION ALL
        MATCH (o:Organ {uid: $uid})<-[r:PART_OF|SUCCEEDED_BY]-(x)
        RETURN 'down' AS direction, type(r) AS rel, x.uid AS uid, x.name AS name, r.date AS date
        """,
        {"uid": uid},
    )


def cascade_roots(store: GraphStore) -> Rows:
    """Documents at the top of a cascade (implemented by others, implementing nothing) and how far they reach."""
    graph = implements_graph(store)
    titles = {d["uid"]: d for d in documents(store)}
    roots = []
    for uid in graph.nodes:
        if graph.out_degree(uid) == 0 and graph.in_degree(uid) > 0:
            depths = depths_under(graph, uid)
            doc = titles.get(uid, {})
            roots.append({**doc, "uid": uid, "depth": max(depths.values()), "below": len(depths) - 1})
    return sorted(roots, key=lambda r: (-r["below"], r.get("symbol") or ""))


def plans_with_orders(store: GraphStore) -> Rows:
    """Documents that order sub-plans, for the audit picker."""
    return store.read(
        """
        MATCH (d:Document)-[r:REQUIRES_SUBPLAN]->()
        RETURN d.uid AS uid, d.symbol AS symbol, d.date AS date, count(r) AS units, min(r.deadline) AS deadline
        ORDER BY date
        """
    )


def implements_pairs(store: GraphStore, uids: Sequence[str] | None = None) -> Rows:
    """(child, parent) IMPLEMENTS pairs between loaded documents, for the coverage picker."""
    return store.read(
        """
        MATCH (c:Document {status: 'loaded'})-[r:IMPLEMENTS]->(p:Document {status: 'loaded'})
        WHERE $uids IS NULL OR c.uid IN $uids
        RETURN c.uid AS child_uid, c.symbol AS child, p.uid AS parent_uid, p.symbol AS parent,
               r.cascade_parent AS cascade_parent
        ORDER BY parent, child
        """,
        {"uids": list(uids) if uids is not None else None},
    )
