"""What the review page (Rà soát) reads: the queue, the facts of a document a reviewer may correct, the
corrections in force and the stale ones, the files that failed to load; and the acts, which write through
:mod:`graph.reviewing` and :mod:`graph.removal` and then refresh every cached read."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from graph.corrections import FIELDS, Fact, Value
from graph.removal import Removal, remove_document
from graph.review_list import Corrected, QueueItem, StaleCorrection, read_corrected, read_queue, read_stale
from graph.reviewing import Act, review_act
from graph.store import GraphStore
from ui.store import Generation, generation, refresh, source_store, store
from ui.views.admin import record_document

__all__ = [
    "FactChoice",
    "act",
    "corrected",
    "document_facts",
    "queue",
    "read_document_facts",
    "remove",
    "stale",
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


def read_document_facts(store: GraphStore, uid: str) -> list[FactChoice]:
    """Every fact of a loaded document a reviewer may correct, with its value now."""
    rows = store.read(_DOCUMENT, {"uid": uid})
    out = [FactChoice(Fact("document", f), _text(rows[0][f]) if rows else "", None) for f in FIELDS["document"]]
    for t in store.read(_TASKS, {"uid": uid}):
        out.extend(FactChoice(Fact("task", f, t["path"]), _text(t[f]), t["line"]) for f in FIELDS["task"])
    return out


@st.cache_data(show_spinner=False)
def _queue(gen: Generation) -> list[QueueItem]:
    return read_queue(store())


def queue() -> list[QueueItem]:
    return _queue(generation())


@st.cache_data(show_spinner=False)
def _stale(gen: Generation) -> list[StaleCorrection]:
    return read_stale(store())


def stale() -> list[StaleCorrection]:
    return _stale(generation())


@st.cache_data(show_spinner=False)
def _corrected(gen: Generation) -> list[Corrected]:
    return read_corrected(store())


def corrected() -> list[Corrected]:
    return _corrected(generation())


@st.cache_data(show_spinner=False)
def _document_facts(gen: Generation, uid: str) -> list[FactChoice]:
    return read_document_facts(store(), uid)


def document_facts(uid: str) -> list[FactChoice]:
    return _document_facts(generation(), uid)


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
