"""What the document page shows: one document's header facts, its place in the cascade, sections, tasks, the
sub-plans it orders and its recipients — each with the source line it was read from — and its original file."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from common.glossary import DOCUMENT_STATUS
from graph.documents import DOCUMENT_TASKS
from graph.store import GraphStore
from loaders.errors import LoadError
from loaders.reading import read as read_source
from ui.store import Generation, generation, store_for
from ui.views.rows import from_row, line_of, source_words, vi_date

__all__ = [
    "DocumentFacts",
    "DocumentLink",
    "DocumentTask",
    "DocumentView",
    "Received",
    "Recipient",
    "Section",
    "Signer",
    "SubplanOrder",
    "document_view",
    "facts_by_line",
    "read_document_view",
    "source_file",
    "source_lines",
]


@dataclass(frozen=True, slots=True)
class Signer:
    name: str
    title: str | None
    capacity: str | None
    src: str | None

    @property
    def text(self) -> str:
        return f"{self.name} — {self.capacity or ''} {self.title or ''}".strip()


@dataclass(frozen=True, slots=True)
class Received:
    """The "received" stamp of an organ on the document."""

    by: str
    number: str | None
    date: str | None

    @property
    def text(self) -> str:
        return f"{self.by}, số đến {self.number or '?'}, ngày {vi_date(self.date)}"


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    uid: str
    symbol: str | None
    type_name: str | None
    title: str | None
    date: str | None
    date_source: str | None  # e.g. "cited in <document>" when the date is only known from a citation
    place: str | None
    status: str | None  # loaded | cited
    scope: str | None
    source_path: str | None
    src: str | None
    labels: tuple[str, ...]
    issuers: tuple[str, ...]
    issuer_uids: tuple[str, ...]
    signers: tuple[Signer, ...]
    received: tuple[Received, ...]

    @property
    def heading(self) -> str:
        return f"{self.type_name or 'Văn bản'} {self.symbol or ''}"

    @property
    def date_text(self) -> str:
        text = vi_date(self.date)
        if self.date_source:
            text += f" ({source_words(self.date_source)})"
        return text


@dataclass(frozen=True, slots=True)
class DocumentLink:
    """A document this one implements or cites (``direction='up'``), or one that implements or cites it."""

    direction: str  # up | down
    rel: str  # IMPLEMENTS | CITES
    cascade_parent: bool | None
    src: str | None
    uid: str
    symbol: str | None
    type_name: str | None
    date: str | None
    status: str | None

    @property
    def how(self) -> str:
        how = "thực hiện" if self.rel == "IMPLEMENTS" else "dẫn chiếu"
        return how + (" (cấp trên trực tiếp)" if self.cascade_parent else "")

    @property
    def date_vi(self) -> str:
        return vi_date(self.date)

    @property
    def state(self) -> str:
        return DOCUMENT_STATUS["cited" if self.status == "cited" else "loaded"]


@dataclass(frozen=True, slots=True)
class Section:
    uid: str
    path: str | None
    heading: str | None
    src: str | None


@dataclass(frozen=True, slots=True)
class DocumentTask:
    uid: str
    path: str | None
    text: str | None
    kind: str | None
    deadline: str | None
    deadline_text: str | None
    recurrence: str | None
    line: int | None
    lead: tuple[str, ...]
    coordinate: tuple[str, ...]
    reports_to: tuple[str, ...]
    src: str | None = None

    @property
    def deadline_vi(self) -> str:
        return vi_date(self.deadline) or self.recurrence or ""


@dataclass(frozen=True, slots=True)
class SubplanOrder:
    """A unit the document orders to issue its own plan."""

    uid: str
    unit: str | None
    deadline: str | None
    deadline_text: str | None
    task_path: str | None
    via_group: str | None
    submit_to: str | None
    src: str | None

    @property
    def deadline_vi(self) -> str:
        return vi_date(self.deadline)


@dataclass(frozen=True, slots=True)
class Recipient:
    uid: str
    organ: str | None
    purpose: str | None
    text: str | None
    src: str | None


@dataclass(frozen=True, slots=True)
class DocumentView:
    facts: DocumentFacts
    links: tuple[DocumentLink, ...] = ()
    sections: tuple[Section, ...] = ()
    tasks: tuple[DocumentTask, ...] = ()  # in the order of their lines
    subplans: tuple[SubplanOrder, ...] = ()
    recipients: tuple[Recipient, ...] = ()


def facts_by_line(view: DocumentView) -> dict[int, list[str]]:
    """Source line → the facts read from it (each named once, in the order of the page's tables)."""
    out: dict[int, list[str]] = {}

    def add(line: int | None, fact: str) -> None:
        if line:
            out.setdefault(line, []).append(fact)

    for signer in view.facts.signers:
        add(line_of(signer.src), f"Người ký: {signer.name}")
    for link in view.links:
        if link.direction == "up":
            add(line_of(link.src), f"Thực hiện/dẫn chiếu {link.symbol}")
    for section in view.sections:
        add(line_of(section.src), f"Mục {section.path}")
    for task in view.tasks:
        add(task.line or line_of(task.src), f"Nhiệm vụ {task.path}")
    for order in view.subplans:
        add(line_of(order.src), f"Yêu cầu kế hoạch: {order.unit}")
    for recipient in view.recipients:
        add(line_of(recipient.src), f"Nơi nhận: {recipient.organ}")
    return {line: sorted(set(names), key=names.index) for line, names in out.items()}


def read_facts(store: GraphStore, uid: str) -> DocumentFacts | None:
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
    row = rows[0]
    signers = tuple(from_row(Signer, s) for s in row["signers"] if s.get("name"))
    received = tuple(from_row(Received, r) for r in row["received"] if r.get("by"))
    return from_row(DocumentFacts, row, signers=signers, received=received)


def _links(store: GraphStore, uid: str) -> tuple[DocumentLink, ...]:
    rows = store.read(
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
    return tuple(from_row(DocumentLink, r) for r in rows)


def _sections(store: GraphStore, uid: str) -> tuple[Section, ...]:
    rows = store.read(
        """
        MATCH (d:Document {uid: $uid})-[:HAS_SECTION*1..8]->(s:Section)
        RETURN DISTINCT s.uid AS uid, s.path AS path, s.heading AS heading, s.src AS src
        """,
        {"uid": uid},
    )
    return tuple(from_row(Section, r) for r in rows)


def _tasks(store: GraphStore, uid: str) -> tuple[DocumentTask, ...]:
    """Tasks with their lead and coordinating organs, deadline and source line, in the order of their lines."""
    rows = store.read(
        f"""
        MATCH (d:Document {{uid: $uid}}) MATCH {DOCUMENT_TASKS}
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
    return tuple(sorted((from_row(DocumentTask, r) for r in rows), key=lambda t: t.line or 0))


def _subplans(store: GraphStore, uid: str) -> tuple[SubplanOrder, ...]:
    rows = store.read(
        """
        MATCH (d:Document {uid: $uid})-[r:REQUIRES_SUBPLAN]->(o)
        RETURN o.uid AS uid, o.name AS unit, r.deadline AS deadline, r.deadline_text AS deadline_text,
               r.task_path AS task_path, r.via_group AS via_group, r.submit_to AS submit_to, r.src AS src
        ORDER BY unit
        """,
        {"uid": uid},
    )
    return tuple(from_row(SubplanOrder, r) for r in rows)


def _recipients(store: GraphStore, uid: str) -> tuple[Recipient, ...]:
    rows = store.read(
        """
        MATCH (d:Document {uid: $uid})-[r:SENT_TO]->(o)
        RETURN o.uid AS uid, o.name AS organ, r.purpose AS purpose, r.text AS text, r.src AS src
        """,
        {"uid": uid},
    )
    return tuple(from_row(Recipient, r) for r in rows)


def read_document_view(store: GraphStore, uid: str) -> DocumentView | None:
    """Everything the document page shows about ``uid``; ``None`` when the store has no such document."""
    facts = read_facts(store, uid)
    if facts is None:
        return None
    return DocumentView(
        facts,
        _links(store, uid),
        _sections(store, uid),
        _tasks(store, uid),
        _subplans(store, uid),
        _recipients(store, uid),
    )


@st.cache_data(show_spinner=False, max_entries=64)
def _document_view(gen: Generation, uid: str) -> DocumentView | None:
    return read_document_view(store_for(gen), uid)


def document_view(uid: str) -> DocumentView | None:
    return _document_view(generation(), uid)


def source_file(path: str | None) -> Path | None:
    """The document's original file, looked up as stored, then relative to the app's folder."""
    if not path:
        return None
    candidates = [Path(path), Path(__file__).resolve().parents[2] / path]
    return next((p for p in candidates if p.is_file()), None)


@st.cache_data(show_spinner=False, max_entries=32)
def source_lines(path: Path) -> list[str] | None:
    """The file's text as the loader read it (a .docx or .pdf through its text layer), line by line, in NFC
    (scanned text often arrives decomposed, and a decomposed ``ố`` draws its marks apart)."""
    try:
        return unicodedata.normalize("NFC", read_source(path).text).splitlines()
    except LoadError:
        return None
