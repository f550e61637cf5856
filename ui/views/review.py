"""What the review page (Rà soát) reads: the queue, the facts of a document a reviewer may correct, the
corrections in force and the stale ones, the files that failed to load; and the acts, which write through
:mod:`graph.reviewing` and :mod:`graph.removal` and then refresh every cached read."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from graph.corrections import FIELDS, Fact, Value
from graph.removal import Removal, remove_document
from graph.review_list import Corrected, QueueItem, StaleCorrection, read_corrected, read_queue, read_stale
from graph.reviewing import Act, as_read, review_act, unresolved_names
from graph.store import GraphStore
from loaders.text.folding import fold
from ui.store import Generation, generation, refresh, source_store, store_for
from ui.views.admin import record_document
from ui.views.search import Choice, organs

__all__ = [
    "FactChoice",
    "Order",
    "act",
    "corrected",
    "document_facts",
    "gazetteer_organs",
    "orders",
    "queue",
    "read_document_facts",
    "read_orders",
    "read_unresolved_documents",
    "remove",
    "stale",
    "unresolved_documents",
    "unresolved_in",
]


@dataclass(frozen=True, slots=True)
class FactChoice:
    fact: Fact
    value: str  # as the graph holds it now
    line: int | None

    @property
    def label(self) -> str:
        return f"{self.fact.label}: {self.value or '(trống)'}"


_DOCUMENT = """
MATCH (d:Document {uid: $uid})
OPTIONAL MATCH (d)-[:ISSUED_BY]->(o)
OPTIONAL MATCH (d)-[s:SIGNED_BY]->(p)
OPTIONAL MATCH (d)-[r:IMPLEMENTS|CITES]->(x:Document) WHERE r.cascade_parent = true
RETURN d.symbol AS number, d.type AS type, d.date AS date, d.title AS title, collect(DISTINCT o.name) AS issuer,
       collect(DISTINCT p.name) AS signer, collect(DISTINCT x.symbol) AS cascade_parent
"""
_TASKS = """
MATCH (d:Document {uid: $uid}) MATCH (t:Task {owner: d.uid})
OPTIONAL MATCH (t)-[a:ASSIGNED_TO]->(o)
RETURN t.path AS path, t.line AS line, t.deadline AS deadline,
       collect(CASE WHEN a.role = 'lead' THEN o.name END) AS lead,
       collect(CASE WHEN a.role = 'coordinate' THEN o.name END) AS coordinate
ORDER BY t.line, t.path
"""


def _text(value: object) -> str:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value if v)
    return "" if value is None else str(value)


_ORDERS = """
MATCH (d:Document {uid: $uid})-[r:REQUIRES_SUBPLAN]->(o)
RETURN r.task_path AS path, collect(DISTINCT coalesce(r.via_group, o.name)) AS units, min(r.deadline) AS deadline,
       min(r.deadline_text) AS deadline_text
ORDER BY path
"""


@dataclass(frozen=True, slots=True)
class Order:
    """A sub-plan order of a document as the graph holds it: the units (a group as printed) and the deadline."""

    path: str
    units: tuple[str, ...]
    deadline: str | None
    deadline_text: str | None

    @property
    def label(self) -> str:
        where = f"mục {self.path}" if self.path else "không rõ mục"
        return f"Yêu cầu xây dựng kế hoạch ({where}): {len(self.units)} đơn vị, hạn {self.deadline or 'chưa rõ'}"


def read_orders(store: GraphStore, uid: str) -> list[Order]:
    """The sub-plan orders of a loaded document."""
    return [
        Order(str(r["path"] or ""), tuple(sorted(str(u) for u in r["units"] if u)), r["deadline"],
              r["deadline_text"])
        for r in store.read(_ORDERS, {"uid": uid})
    ]  # fmt: skip


def read_document_facts(store: GraphStore, uid: str) -> list[FactChoice]:
    """Every fact of a loaded document a reviewer may correct, with its value now."""
    rows = store.read(_DOCUMENT, {"uid": uid})
    out = [FactChoice(Fact("document", f), _text(rows[0][f]) if rows else "", None) for f in FIELDS["document"]]
    for t in store.read(_TASKS, {"uid": uid}):
        out.extend(FactChoice(Fact("task", f, t["path"]), _text(t[f]), t["line"]) for f in FIELDS["task"])
    for o in read_orders(store, uid):
        out.append(FactChoice(Fact("subplan", "units", o.path), _text(o.units), None))
        out.append(FactChoice(Fact("subplan", "deadline", o.path), _text(o.deadline), None))
    return out


# An organ node the gazetteer does not know, named in a loaded document (its edges are owned by the document).
_UNRESOLVED = """
MATCH (d:Document {status: 'loaded'}) MATCH (o:Organ {resolved: false})<-[r]-() WHERE r.owner = d.uid
RETURN d.uid AS uid, d.symbol AS symbol, count(DISTINCT o) AS names ORDER BY symbol
"""


def read_unresolved_documents(store: GraphStore) -> list[tuple[str, str, int]]:
    """(uid, number, how many names) of every loaded document naming an organ the gazetteer does not know."""
    return [(str(r["uid"]), str(r["symbol"] or "(văn bản không có số)"), int(r["names"]))
            for r in store.read(_UNRESOLVED)]  # fmt: skip


@st.cache_data(show_spinner=False)
def _queue(gen: Generation) -> list[QueueItem]:
    return read_queue(store_for(gen))


def queue() -> list[QueueItem]:
    return _queue(generation())


@st.cache_data(show_spinner=False)
def _stale(gen: Generation) -> list[StaleCorrection]:
    return read_stale(store_for(gen))


def stale() -> list[StaleCorrection]:
    return _stale(generation())


@st.cache_data(show_spinner=False)
def _corrected(gen: Generation) -> list[Corrected]:
    return read_corrected(store_for(gen))


def corrected() -> list[Corrected]:
    return _corrected(generation())


@st.cache_data(show_spinner=False)
def _document_facts(gen: Generation, uid: str) -> list[FactChoice]:
    return read_document_facts(store_for(gen), uid)


def document_facts(uid: str) -> list[FactChoice]:
    return _document_facts(generation(), uid)


@st.cache_data(show_spinner=False)
def _orders(gen: Generation, uid: str) -> list[Order]:
    return read_orders(store_for(gen), uid)


def orders(uid: str) -> list[Order]:
    return _orders(generation(), uid)


@st.cache_data(show_spinner=False)
def _unresolved_documents(gen: Generation) -> list[tuple[str, str, int]]:
    return read_unresolved_documents(store_for(gen))


def unresolved_documents() -> list[tuple[str, str, int]]:
    return _unresolved_documents(generation())


@st.cache_data(show_spinner=False)
def _unresolved_in(gen: Generation, uid: str) -> list[str]:
    return unresolved_names(as_read(source_store(), uid)[1])


def unresolved_in(uid: str) -> list[str]:
    """The organ names of a loaded document the gazetteer did not know, as its text prints them."""
    return _unresolved_in(generation(), uid)


def gazetteer_organs() -> list[Choice]:
    """The organs of the gazetteer (the resolved ones in the store), for a search box: by name and aliases."""
    return [
        Choice(o.uid, "organ", o.name, fold(f"{o.name} {' '.join(o.aliases or ())}"))
        for o in sorted(organs(), key=lambda o: o.name)
        if o.resolved
    ]


def act(uid: str, fact: Fact, *, by: str, why: str, new: Value = None, accept: bool = False) -> Act:
    """Correct or accept a fact, write the document again, and refresh every page."""
    done = review_act(source_store(), uid, fact, by=by, why=why, new=new, accept=accept)
    record_document("chap-nhan" if accept else "sua", uid, fact.label, detail=why, who=by)
    refresh()
    return done


def remove(uid: str, *, by: str, why: str) -> Removal:
    record_document("go", uid, uid, detail=why, who=by)  # before: the mark is read from the document
    done = remove_document(source_store(), uid, by=by, why=why)
    refresh()
    return done
