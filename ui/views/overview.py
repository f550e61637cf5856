"""What the overview page shows: what the store holds, the cascades and how far they reach, and the size of each
gap the gaps page lists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from common.glossary import DOCUMENT_STATUS
from graph.analysis import cascade_extents, implements_graph
from graph.store import GraphStore
from queries.catalog import get_query
from reports.subplans import SubplanStatus, audit_counts
from ui.store import TIMEOUT_MS, Generation, generation, store_for
from ui.views.rows import from_row, vi_date
from ui.views.search import DocumentItem

__all__ = ["ROOTS_WITH_A_BUTTON", "CascadeRoot", "Counts", "Overview", "overview", "read_overview"]

ROOTS_WITH_A_BUTTON = 4  # the widest cascades, each with a button to its map


@dataclass(frozen=True, slots=True)
class Counts:
    loaded: int = 0  # documents loaded
    cited: int = 0  # documents only cited
    organs: int = 0
    unresolved: int = 0  # organ names not in the gazetteer
    tasks: int = 0


@dataclass(frozen=True, slots=True)
class CascadeRoot:
    """A document at the top of a cascade (implemented by others, implementing nothing)."""

    uid: str
    symbol: str | None
    type_name: str | None
    title: str | None
    date: str | None
    status: str | None
    depth: int  # levels below it
    below: int  # documents below it

    @property
    def date_vi(self) -> str:
        return vi_date(self.date)

    @property
    def state(self) -> str:
        return DOCUMENT_STATUS["cited" if self.status == "cited" else "loaded"]


@dataclass(frozen=True, slots=True)
class Overview:
    counts: Counts
    roots: tuple[CascadeRoot, ...]
    missing: int  # ordered units without a sub-plan
    late: int  # ordered units whose sub-plan came late
    ordered: int  # units (not collectives) ordered to issue a sub-plan
    uncovered: int  # key tasks of a parent its direct child dropped
    pairs: int  # (parent, direct child) pairs compared
    overdue: int  # tasks past their deadline


def read_counts(store: GraphStore) -> Counts:
    by_status = {"loaded": 0, "cited": 0}
    for row in store.read("MATCH (d:Document) RETURN d.status AS status, count(d) AS n"):
        status = str(row["status"] or "loaded")
        by_status[status] = by_status.get(status, 0) + int(row["n"])
    # the organs the documents name (issuer, assignee, recipient, ordered unit…), not the whole gazetteer
    organ_row = store.read(
        """
        MATCH (x)-[]->(o:Organ) WHERE x:Document OR x:Task
        WITH DISTINCT o
        RETURN count(o) AS n, sum(CASE WHEN o.resolved = false THEN 1 ELSE 0 END) AS unresolved
        """
    )[0]
    tasks = int(store.read("MATCH (t:Task) RETURN count(t) AS n")[0]["n"])
    return Counts(
        by_status["loaded"], by_status["cited"], int(organ_row["n"]), int(organ_row["unresolved"] or 0), tasks
    )


def _documents_named(store: GraphStore, uids: list[str]) -> list[DocumentItem]:
    rows = store.read(
        """
        MATCH (d:Document) WHERE d.uid IN $uids
        RETURN d.uid AS uid, d.symbol AS symbol, d.type AS type, d.type_name AS type_name, d.title AS title,
               d.date AS date, d.status AS status, labels(d) AS labels
        """,
        {"uids": uids},
    )
    return [from_row(DocumentItem, r) for r in rows]


def read_cascade_roots(store: GraphStore) -> list[CascadeRoot]:
    """Documents at the top of a cascade and how far they reach, the widest first."""
    graph = implements_graph(store, facts=False)
    tops = [uid for uid in graph.nodes if graph.out_degree(uid) == 0 and graph.in_degree(uid) > 0]
    docs = {d.uid: d for d in _documents_named(store, tops)}  # the roots only, not every document
    roots = []
    for uid, (depth, below) in cascade_extents(graph, tops).items():
        doc = docs.get(uid) or from_row(DocumentItem, {"uid": uid})
        roots.append(CascadeRoot(uid, doc.symbol, doc.type_name, doc.title, doc.date, doc.status, depth, below))
    return sorted(roots, key=lambda r: (-r.below, r.symbol or ""))


def read_overview(store: GraphStore, as_of: date) -> Overview:
    audit = audit_counts(store, as_of)
    (pairs,) = store.read(
        "MATCH (:Document {status: 'loaded'})-[r:IMPLEMENTS]->(:Document {status: 'loaded'}) "
        "WHERE r.cascade_parent = true RETURN count(r) AS n"
    )
    # what each child dropped of its cascade parent's key tasks, as the link pass stored it (graph.coverage)
    (dropped,) = store.read(
        "MATCH (c:Document {status: 'loaded'}) WHERE c.coverage_parent IS NOT NULL "
        "RETURN sum(c.coverage_total - c.coverage_covered) AS n"
    )
    overdue = get_query("overdue_tasks").run(store, {"as_of": as_of.isoformat()}, timeout_ms=TIMEOUT_MS)
    return Overview(
        counts=read_counts(store),
        roots=tuple(read_cascade_roots(store)),
        missing=audit.get(SubplanStatus.MISSING.value, 0),
        late=audit.get(SubplanStatus.LATE.value, 0),
        ordered=sum(n for status, n in audit.items() if status != "collective"),
        uncovered=int(dropped["n"] or 0),
        pairs=int(pairs["n"]),
        overdue=len(overdue),
    )


@st.cache_data(show_spinner=False, max_entries=16)
def _overview(gen: Generation, as_of: date) -> Overview:
    return read_overview(store_for(gen), as_of)


def overview(as_of: date, key: Generation | None = None) -> Overview:
    """The overview at ``as_of`` of the generation ``key`` (default: this session's)."""
    return _overview(key or generation(), as_of)
