"""Turn a :class:`~loaders.record.DocumentRecord` into the nodes and edges it contributes to the graph.

A pure function: the record and a way to expand organ groups in, a :class:`~graph.model.DocumentGraph` out.
Cited documents become ``cited`` stubs with no owner (the link pass later merges them into the loaded
document they turn out to be); everything the text itself says is owned by the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from graph.model import (
    DOC_TYPES,
    DocStatus,
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
    document_uid,
    issuer_key,
    person_uid,
    section_uid,
    slug,
    task_uid,
)
from loaders.extract.symbols import central_issuer, parse_symbol
from loaders.organs.uids import unresolved_organ_uid
from loaders.record import Citation, DocumentRecord, OrganRef, TaskRecord
from loaders.text.scopes import CENTRAL_SCOPE

__all__ = ["GroupExpander", "build_document_graph", "citation_scope", "citation_uid", "record_uid"]

# expand_group(group_uid, iso_date) → the member organs valid on that date (empty when unknown)
GroupExpander = Callable[[str, str | None], list[OrganRef]]

_YEAR_IN_SYMBOL = re.compile(r"/((?:19|20)\d{2})/")


def _year(iso: str | None) -> str | None:
    return iso[:4] if iso else None


def citation_scope(citation: Citation, context_scope: str | None) -> str | None:
    """Scope of a cited document: central issuer codes → ``tw``; local codes → the citing document's scope."""
    symbol = parse_symbol(citation.number) if citation.number else None
    if symbol is None:
        return None
    return CENTRAL_SCOPE if central_issuer(symbol.issuer) else context_scope


def citation_uid(citation: Citation, context_scope: str | None) -> str:
    year = _year(citation.date)
    if year is None and citation.number and (m := _YEAR_IN_SYMBOL.search(citation.number)):
        year = m.group(1)
    scope = citation_scope(citation, context_scope)
    return document_uid(scope, citation.number or _untitled(citation), year, issuer_key(citation.issuer, scope))


def _untitled(citation: Citation) -> str:
    return f"{citation.type or 'VB'}:{slug(citation.title or citation.text)[:40]}"


def reference_date(record: DocumentRecord) -> str | None:
    """The document's date, or failing that the date a copy was received (the document existed by then)."""
    return record.date or (record.received.date if record.received else None)


def record_uid(record: DocumentRecord) -> str:
    """``scope:issuer:symbol:year``; a document whose number is not printed is named by its type and content
    hash."""
    year = _year(reference_date(record))
    symbol = record.number or f"{record.type or 'VB'}?{record.source_sha256[:8]}"
    return document_uid(record.scope, symbol, year, issuer_key(record.issuer, record.scope))


@dataclass
class _Builder:
    record: DocumentRecord
    expand_group: GroupExpander | None
    uid: str = ""
    nodes: dict[str, NodeValue] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    organs: dict[str, OrganRef] = field(default_factory=dict)

    def src(self, line: int | None) -> str | None:
        return f"{self.uid}:{line}" if line else None

    def add(self, node: NodeValue) -> str:
        self.nodes.setdefault(node.uid, node)
        return node.uid

    def edge(
        self,
        rel: Rel,
        source: str,
        target: str,
        common: Mapping[str, object] | None = None,
        *,
        key: str = "",
        **props: object,
    ) -> None:
        merged = {**(common or {}), **props}
        clean = {k: v for k, v in merged.items() if v is not None and v != ()}
        self.edges.append(Edge(rel, source, target, clean, owner=self.uid, key=key))

    def organ(self, name: str) -> str:
        """The node for an organ or group named in the record (an unresolved one is created from its name)."""
        ref = self.organs.get(name) or OrganRef(
            name, unresolved_organ_uid(self.record.scope, name), False, "organ", self.record.scope
        )
        if ref.kind == "group":
            return self.add(OrganGroup(ref.uid, name=ref.name, scope=ref.scope))
        # No ``src`` on a shared node: which document mentioned it first depends on the load order.
        key = issuer_key(ref.name, ref.scope)
        return self.add(
            Organ(ref.uid, name=ref.name, scope=ref.scope, issuer_key=key, resolved=ref.resolved, kind=ref.kind)
        )


def build_document_graph(record: DocumentRecord, *, expand_group: GroupExpander | None = None) -> DocumentGraph:
    """Nodes and edges of one loaded document (see the schema in ARCHITECTURE.md)."""
    b = _Builder(record, expand_group)
    b.uid = record_uid(record)
    b.organs = {ref.name: ref for ref in record.organs}
    _document(b)
    _citations(b)
    _structure(b)
    _subplans(b)
    _recipients(b)
    _signature_and_stamp(b)
    return DocumentGraph(b.uid, tuple(b.nodes.values()), tuple(_unique(b.edges)))


def _unique(edges: Iterable[Edge]) -> list[Edge]:
    seen: dict[tuple[str, str, str, str], Edge] = {}
    for e in edges:
        seen.setdefault((e.type, e.source, e.target, e.key), e)
    return list(seen.values())


def _document(b: _Builder) -> None:
    r = b.record
    doc_type = DOC_TYPES.get(r.type or "")
    number = re.match(r"\d+", r.number or "")
    b.add(
        Document(
            b.uid,
            symbol=r.number,
            number=int(number.group()) if number else None,
            type=r.type,
            type_name=r.type_name or (doc_type.name_vi if doc_type else None),
            title=r.title,
            date=r.date,
            date_source=r.date_source,
            place=r.place,
            scope=r.scope,
            confidentiality=r.confidentiality,
            urgency=r.urgency,
            issuer_key=issuer_key(r.issuer, r.scope),
            status=DocStatus.LOADED.value,
            source_path=r.source_path,
            source_sha256=r.source_sha256,
            owner=b.uid,
            confidence=r.confidence,
            review=r.review or None,
        )
    )
    if r.issuer:
        b.edge(Rel.ISSUED_BY, b.uid, b.organ(r.issuer))


def _citations(b: _Builder) -> None:
    r = b.record
    for rel, citations in ((Rel.IMPLEMENTS, r.implements), (Rel.CITES, r.cites)):
        for c in citations:
            target = citation_uid(c, r.scope)
            if target == b.uid:
                continue
            b.add(
                Document(
                    target,
                    symbol=c.number,
                    type=c.type,
                    type_name=DOC_TYPES[c.type].name_vi if c.type in DOC_TYPES else None,
                    title=c.title,
                    date=c.date,
                    date_source=f"cited in {b.uid}" if c.date else None,
                    scope=citation_scope(c, r.scope),
                    status=DocStatus.CITED.value,
                    src=b.src(c.line),
                )
            )
            parent = bool(r.cascade_parent) and c.number == r.cascade_parent
            b.edge(
                rel,
                b.uid,
                target,
                cascade_parent=parent,
                date=c.date,
                issuer=c.issuer,
                title=c.title,
                text=c.text or None,
                src=b.src(c.line),
            )
            for other in c.other_dates:  # the same document printed with another date: kept for the conflict list
                b.edge(Rel.CITES, b.uid, target, key=f"date:{other.date}", date=other.date, src=b.src(other.line))


def _parent_section(paths: set[str], path: str) -> str | None:
    """The nearest enclosing section: ``III.2.p1`` → ``III.2`` (or ``III``); ``PL2/5`` → ``PL2``."""
    parts = re.split(r"([./])", path)
    while len(parts) > 1:
        parts = parts[:-2]
        if (candidate := "".join(parts)) in paths:
            return candidate
    return None


def _structure(b: _Builder) -> None:
    r = b.record
    paths = {s.path for s in r.sections}
    for s in r.sections:
        uid = b.add(
            Section(section_uid(b.uid, s.path), path=s.path, heading=s.heading, src=b.src(s.line), owner=b.uid)
        )
        parent = _parent_section(paths, s.path)
        b.edge(Rel.HAS_SECTION, section_uid(b.uid, parent) if parent else b.uid, uid)
    for t in r.tasks:
        _task(b, t, paths)


def _task(b: _Builder, t: TaskRecord, paths: set[str]) -> None:
    uid = b.add(
        Task(
            task_uid(b.uid, t.path),
            path=t.path,
            text=t.text,
            kind=t.kind,
            deadline=t.deadline,
            deadline_text=t.deadline_text,
            recurrence=t.recurrence,
            line=t.line,
            src=b.src(t.line),
            owner=b.uid,
            confidence=t.confidence,
            review=t.review or None,
        )
    )
    parent = _parent_section(paths, t.path)
    b.edge(Rel.HAS_TASK, section_uid(b.uid, parent) if parent else b.uid, uid)
    for role, names in (("lead", t.lead), ("coordinate", t.coordinate)):
        for name in names:
            b.edge(Rel.ASSIGNED_TO, uid, b.organ(name), key=role, role=role, inherited=t.inherited)
    for name in t.reports_to:
        b.edge(Rel.REPORTS_TO, uid, b.organ(name))


def _subplans(b: _Builder) -> None:
    r = b.record
    for req in r.subplan_requirements:
        common = {
            "deadline": req.deadline,
            "deadline_text": req.deadline_text,
            "task_path": req.path,
            "submit_to": req.submit_to,
            "src": b.src(req.line),
        }
        for name in req.units:
            ref = b.organs.get(name)
            members = (
                b.expand_group(ref.uid, reference_date(r))
                if ref and ref.kind == "group" and b.expand_group
                else []
            )
            if members:
                for member in members:
                    b.organs.setdefault(member.name, member)
                    b.edge(Rel.REQUIRES_SUBPLAN, b.uid, b.organ(member.name), common, via_group=name)
            else:
                b.edge(Rel.REQUIRES_SUBPLAN, b.uid, b.organ(name), common)


def _recipients(b: _Builder) -> None:
    for rec in b.record.recipients:
        for name in rec.organs:
            b.edge(Rel.SENT_TO, b.uid, b.organ(name), key=rec.purpose or "", purpose=rec.purpose, text=rec.text)


def _signature_and_stamp(b: _Builder) -> None:
    r = b.record
    if r.signer and r.signer.name:
        person = b.add(Person(person_uid(r.signer.name), name=r.signer.name))
        b.edge(
            Rel.SIGNED_BY,
            b.uid,
            person,
            capacity=r.signer.capacity,
            title=r.signer.title,
            src=b.src(r.signer.line),
        )
    if r.received and r.received.by:
        organ = b.organ(r.received.by)
        b.edge(Rel.RECEIVED_BY, b.uid, organ, number=r.received.number, date=r.received.date)
