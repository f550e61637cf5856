"""What the organ page shows: an organ's tasks by document and deadline, the sub-plans it owes (with the audit's
status) and the documents it and its parts issued, and its neighbours in the organ tree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from graph.organ_parts import ISSUED_UNDER
from graph.store import GraphStore
from reports.subplans import SubplanStatus
from ui.store import Generation, generation, store_for
from ui.views.rows import from_row, vi_date
from ui.views.subplan_status import StatusLookup

__all__ = [
    "IssuedDocument",
    "OrganFacts",
    "OrganLink",
    "OrganTask",
    "OrganView",
    "OwedPlan",
    "organ_view",
    "read_organ_view",
]

_REL_VI = {"PART_OF": "thuộc", "MEMBER_OF": "thành viên nhóm", "SUCCEEDED_BY": "được kế thừa bởi"}


@dataclass(frozen=True, slots=True)
class OrganFacts:
    uid: str
    name: str
    aliases: tuple[str, ...] | None
    kind: str | None
    level: str | None
    scope: str | None
    valid_from: str | None
    valid_to: str | None
    resolved: bool | None  # False: the name is not in the gazetteer

    @property
    def caption(self) -> str:
        """Validity and other names, when known."""
        bits = []
        if self.valid_from or self.valid_to:
            bits.append(f"Hiệu lực: {vi_date(self.valid_from)} – {vi_date(self.valid_to)}")
        if self.aliases:
            bits.append(f"Tên khác: {', '.join(self.aliases)}")
        return " · ".join(bits)


@dataclass(frozen=True, slots=True)
class OrganTask:
    doc_uid: str
    document: str | None
    doc_date: str | None
    path: str | None
    role: str | None  # lead | coordinate
    text: str | None
    deadline: str | None
    deadline_text: str | None
    recurrence: str | None

    @property
    def role_vi(self) -> str:
        return "chủ trì" if self.role == "lead" else "phối hợp"

    @property
    def deadline_vi(self) -> str:
        return vi_date(self.deadline) or self.recurrence or ""


@dataclass(frozen=True, slots=True)
class OwedPlan:
    """A plan that ordered this organ to issue a sub-plan, and what the audit found."""

    plan_uid: str
    plan: str | None
    deadline: str | None
    deadline_text: str | None
    via_group: str | None
    status: str  # the audit's Vietnamese words; empty when the audit has no row for the organ
    subplan_uid: str | None

    @property
    def deadline_vi(self) -> str:
        return vi_date(self.deadline)


@dataclass(frozen=True, slots=True)
class IssuedDocument:
    uid: str
    symbol: str | None
    type_name: str | None
    date: str | None
    title: str | None
    issuer: str | None
    implements: tuple[str, ...]

    @property
    def date_vi(self) -> str:
        return vi_date(self.date)


@dataclass(frozen=True, slots=True)
class OrganLink:
    """A neighbour in the organ tree: what the organ is part of, what is part of it, groups, successors."""

    direction: str  # up | down
    rel: str  # PART_OF | MEMBER_OF | SUCCEEDED_BY
    uid: str
    name: str | None
    date: str | None

    @property
    def date_vi(self) -> str:
        return vi_date(self.date)

    @property
    def relation(self) -> str:
        rel = _REL_VI.get(self.rel, self.rel)
        return rel if self.direction == "up" else f"bên dưới ({rel})"


@dataclass(frozen=True, slots=True)
class OrganView:
    facts: OrganFacts
    tasks: tuple[OrganTask, ...] = ()
    owed: tuple[OwedPlan, ...] = ()
    issued: tuple[IssuedDocument, ...] = ()
    tree: tuple[OrganLink, ...] = ()


def _facts(store: GraphStore, uid: str) -> OrganFacts | None:
    rows = store.read(
        """
        MATCH (o:Organ {uid: $uid})
        RETURN o.uid AS uid, o.name AS name, o.aliases AS aliases, o.kind AS kind, o.level AS level,
               o.scope AS scope, o.valid_from AS valid_from, o.valid_to AS valid_to, o.resolved AS resolved
        """,
        {"uid": uid},
    )
    return from_row(OrganFacts, rows[0]) if rows else None


def _tasks(store: GraphStore, uid: str) -> tuple[OrganTask, ...]:
    """Tasks given to the organ, by document and deadline."""
    rows = store.read(
        """
        MATCH (t:Task)-[a:ASSIGNED_TO]->(o:Organ {uid: $uid})
        MATCH (d:Document {uid: t.owner})
        RETURN DISTINCT d.uid AS doc_uid, d.symbol AS document, d.date AS doc_date, t.path AS path,
               a.role AS role, t.text AS text, t.deadline AS deadline, t.deadline_text AS deadline_text,
               t.recurrence AS recurrence
        ORDER BY doc_date, document, deadline, path
        """,
        {"uid": uid},
    )
    return tuple(from_row(OrganTask, r) for r in rows)


def _issued(store: GraphStore, uid: str) -> tuple[IssuedDocument, ...]:
    """Documents the organ (or a body that is part of it) issued, with what they implement."""
    rows = store.read(
        f"""
        MATCH {ISSUED_UNDER} WHERE o.uid = $uid
        OPTIONAL MATCH (d)-[:IMPLEMENTS]->(p:Document)
        RETURN DISTINCT d.uid AS uid, d.symbol AS symbol, d.type_name AS type_name, d.date AS date,
               d.title AS title, issuer.name AS issuer, collect(p.symbol) AS implements
        ORDER BY date
        """,
        {"uid": uid},
    )
    return tuple(from_row(IssuedDocument, r) for r in rows)


def _owed(store: GraphStore, uid: str, as_of: date) -> tuple[OwedPlan, ...]:
    """Plans that ordered this organ to issue a sub-plan, with the audit's status as of ``as_of``."""
    rows = store.read(
        """
        MATCH (p:Document)-[r:REQUIRES_SUBPLAN]->(o:Organ {uid: $uid})
        RETURN p.uid AS plan_uid, p.symbol AS plan, r.deadline AS deadline, r.deadline_text AS deadline_text,
               r.via_group AS via_group
        ORDER BY deadline
        """,
        {"uid": uid},
    )
    statuses = StatusLookup(store, as_of)
    statuses.load(row["plan_uid"] for row in rows)
    owed = []
    for row in rows:
        status, subplan, _ = statuses(row["plan_uid"]).get(uid, (None, None, None))
        label = SubplanStatus(status).label_vi if status else ""
        owed.append(from_row(OwedPlan, row, status=label, subplan_uid=subplan))
    return tuple(owed)


def _tree(store: GraphStore, uid: str) -> tuple[OrganLink, ...]:
    rows = store.read(
        """
        MATCH (o:Organ {uid: $uid})-[r:PART_OF|MEMBER_OF|SUCCEEDED_BY]->(x)
        RETURN 'up' AS direction, type(r) AS rel, x.uid AS uid, x.name AS name, r.date AS date
        UNION ALL
        MATCH (o:Organ {uid: $uid})<-[r:PART_OF|SUCCEEDED_BY]-(x)
        RETURN 'down' AS direction, type(r) AS rel, x.uid AS uid, x.name AS name, r.date AS date
        """,
        {"uid": uid},
    )
    return tuple(from_row(OrganLink, r) for r in rows)


def read_organ_view(store: GraphStore, uid: str, as_of: date) -> OrganView | None:
    """Everything the organ page shows about ``uid``; ``None`` when the store has no such organ."""
    facts = _facts(store, uid)
    if facts is None:
        return None
    return OrganView(facts, _tasks(store, uid), _owed(store, uid, as_of), _issued(store, uid), _tree(store, uid))


@st.cache_data(show_spinner=False, max_entries=64)
def _organ_view(gen: Generation, uid: str, as_of: date) -> OrganView | None:
    return read_organ_view(store_for(gen), uid, as_of)


def organ_view(uid: str, as_of: date) -> OrganView | None:
    return _organ_view(generation(), uid, as_of)
