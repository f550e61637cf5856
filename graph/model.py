"""The graph schema as typed values: node kinds, relationship types, and the rules that make uids stable.

Every node the project writes is one of the frozen dataclasses below; every edge is an :class:`Edge`.
Stores never see anything else, so the schema in ``ARCHITECTURE.md`` lives in exactly one place.

>>> document_uid("binh-dinh", "60-KH/TU", 2023, issuer_key("Ban Thường vụ Tỉnh ủy Bình Định", "binh-dinh"))
'binh-dinh:tinh-uy:60-KH/TU:2023'
>>> Task(uid="binh-dinh:tinh-uy:60-KH/TU:2023#t:III.2", path="III.2", text="…").labels
('Task',)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any, ClassVar

from loaders.text.doc_types import DOC_TYPES, DocType
from loaders.text.folding import slug

__all__ = [
    "DATE_PROPERTIES",
    "DOC_TYPES",
    "DocStatus",
    "DocType",
    "Document",
    "DocumentGraph",
    "Edge",
    "NodeValue",
    "Organ",
    "OrganGroup",
    "Person",
    "Rel",
    "Section",
    "Task",
    "document_uid",
    "issuer_key",
    "person_uid",
    "section_uid",
    "task_uid",
]


#: Properties stored as date values on every store (FalkorDB ``Date``, Neo4j ``date``), on nodes and edges alike:
#: ``WHERE t.deadline < date('2026-11-23')`` and ``duration.inDays(d.date, date()).days`` work in Cypher. On the
#: Python side they are ISO text (``'2023-05-24'``) both ways: the model's fields, parameters, and every row a
#: store returns (:func:`graph.stores.values.plain`); a query compares them with ``date($as_of)``.
DATE_PROPERTIES: tuple[str, ...] = ("date", "deadline", "valid_from", "valid_to")


# --- enums -----------------------------------------------------------------------------------------


class DocStatus(StrEnum):
    LOADED = "loaded"  # the text was loaded
    CITED = "cited"  # known only from citations in other documents


class Rel(StrEnum):
    """Relationship types (see the schema table in ARCHITECTURE.md)."""

    ISSUED_BY = "ISSUED_BY"
    IMPLEMENTS = "IMPLEMENTS"
    CITES = "CITES"
    HAS_SECTION = "HAS_SECTION"
    HAS_TASK = "HAS_TASK"
    ASSIGNED_TO = "ASSIGNED_TO"
    REPORTS_TO = "REPORTS_TO"
    REQUIRES_SUBPLAN = "REQUIRES_SUBPLAN"
    SENT_TO = "SENT_TO"
    SIGNED_BY = "SIGNED_BY"
    RECEIVED_BY = "RECEIVED_BY"
    DERIVED_FROM = "DERIVED_FROM"
    PART_OF = "PART_OF"
    MEMBER_OF = "MEMBER_OF"
    SUCCEEDED_BY = "SUCCEEDED_BY"


# --- nodes -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NodeValue:
    """Base of every node: a ``uid``, the labels, and who owns it.

    ``owner`` is the uid of the document whose text produced the node. Owned nodes (sections, tasks, the loaded
    document itself) are replaced when that document is written again. Shared nodes (organs, people, cited
    stubs) have no owner: a write creates them when absent and never overwrites what is there (``shared``).
    """

    LABELS: ClassVar[tuple[str, ...]] = ()

    uid: str

    @property
    def labels(self) -> tuple[str, ...]:
        return self.LABELS

    @property
    def shared(self) -> bool:
        return not getattr(self, "owner", None)

    def properties(self) -> dict[str, Any]:
        """Properties to store: every field but ``None`` values, tuples as lists."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None:
                continue
            out[f.name] = list(value) if isinstance(value, tuple) else value
        return out


@dataclass(frozen=True, slots=True)
class Document(NodeValue):
    symbol: str | None = None
    number: int | None = None
    type: str | None = None
    type_name: str | None = None
    title: str | None = None
    date: str | None = None  # ISO date
    date_source: str | None = None
    place: str | None = None
    scope: str | None = None
    confidentiality: str | None = None  # the dấu mật (loaders.extract.marks): hides it from lower clearances
    urgency: str | None = None
    issuer_key: str | None = None  # the issuer's part of the uid (:func:`issuer_key`): what the audit matches
    status: str = DocStatus.LOADED.value
    source_path: str | None = None
    source_sha256: str | None = None
    src: str | None = None
    owner: str | None = None
    confidence: float | None = None
    review: tuple[str, ...] | None = None  # reasons a reviewer should look (Vietnamese); None: nothing to review
    # what a reviewer changed or confirmed (graph.corrections): the fields, who and when
    corrected: tuple[str, ...] | None = None
    corrected_by: str | None = None
    corrected_at: str | None = None
    accepted: tuple[str, ...] | None = None
    stale_corrections: tuple[str, ...] | None = None  # JSON of each correction the text no longer matches

    @property
    def labels(self) -> tuple[str, ...]:
        doc_type = DOC_TYPES.get(self.type or "")
        return ("Document", doc_type.label) if doc_type else ("Document",)


@dataclass(frozen=True, slots=True)
class Section(NodeValue):
    LABELS: ClassVar[tuple[str, ...]] = ("Section",)
    path: str = ""
    heading: str | None = None
    src: str | None = None
    owner: str | None = None


@dataclass(frozen=True, slots=True)
class Task(NodeValue):
    LABELS: ClassVar[tuple[str, ...]] = ("Task",)
    path: str = ""
    text: str = ""
    kind: str = "task"  # task | purpose | organisation
    deadline: str | None = None
    deadline_text: str | None = None
    recurrence: str | None = None
    line: int | None = None
    src: str | None = None
    owner: str | None = None
    confidence: float | None = None
    review: tuple[str, ...] | None = None  # reasons a reviewer should look (Vietnamese); None: nothing to review
    # what a reviewer changed or confirmed (graph.corrections): the fields, who and when
    corrected: tuple[str, ...] | None = None
    corrected_by: str | None = None
    corrected_at: str | None = None
    accepted: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class Organ(NodeValue):
    LABELS: ClassVar[tuple[str, ...]] = ("Organ",)
    name: str = ""
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    level: str | None = None
    scope: str | None = None
    issuer_key: str | None = None  # :func:`issuer_key` of its name: a standing committee's is its committee's
    valid_from: str | None = None
    valid_to: str | None = None
    resolved: bool = True
    src: str | None = None


@dataclass(frozen=True, slots=True)
class OrganGroup(NodeValue):
    LABELS: ClassVar[tuple[str, ...]] = ("OrganGroup",)
    name: str = ""
    scope: str | None = None


@dataclass(frozen=True, slots=True)
class Person(NodeValue):
    LABELS: ClassVar[tuple[str, ...]] = ("Person",)
    name: str = ""


# --- edges -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Edge:
    """A relationship between two nodes named by uid.

    ``owner`` is the document that asserted the edge (it goes when that document is written again or deleted);
    ``key`` tells apart parallel edges of one type between the same two nodes (``lead`` and ``coordinate``).
    """

    type: Rel
    source: str
    target: str
    props: Mapping[str, Any] = field(default_factory=dict)
    owner: str | None = None
    key: str = ""


@dataclass(frozen=True, slots=True)
class DocumentGraph:
    """What one document contributes to the graph; a store writes it all or nothing."""

    document_uid: str
    nodes: tuple[NodeValue, ...]
    edges: tuple[Edge, ...]


# --- uid rules -------------------------------------------------------------------------------------


def document_uid(scope: str | None, symbol: str | None, year: int | str | None, issuer: str | None = None) -> str:
    """Identity of a document: ``scope:issuer:symbol:year`` — symbols repeat across provinces and terms, and
    within one province every commune's plan of a resolution may be ``05-KH/ĐU``, so the issuer
    (:func:`issuer_key`) is part of it.

    An unknown part is ``cited`` (scope) or ``?``: the link pass merges such a stub into the loaded document it
    turns out to be.
    """
    return f"{scope or 'cited'}:{issuer or '?'}:{symbol or '?'}:{year or '?'}"


_STANDING = re.compile(r"^ban-thuong-vu-")
_TERM = re.compile(r"-khoa-(?:[ivxlc]+|\d+)$")
_TERRITORY_TAIL = re.compile(r"(?:-(?:tinh|thanh-pho))+$")


def issuer_key(name: str | None, scope: str | None) -> str | None:
    """The issuer's part of a document's identity: its name as a slug, the same however a header or a citation
    names it. A standing committee issues under its committee's key (``Ban Thường vụ Tỉnh ủy Bình Định`` and
    ``Tỉnh ủy`` are both ``tinh-uy`` in ``binh-dinh``); the term (``khóa XIII``) and the province the scope
    already says are left out.

    >>> issuer_key("Ban Thường vụ Tỉnh ủy Bình Định", "binh-dinh"), issuer_key("Tỉnh ủy", "binh-dinh")
    ('tinh-uy', 'tinh-uy')
    >>> issuer_key("Đảng ủy Công an tỉnh Bắc Giang", "bac-giang"), issuer_key("Huyện ủy Tân Hiệp", "bac-giang")
    ('dang-uy-cong-an', 'huyen-uy-tan-hiep')
    >>> issuer_key("Ban Chấp hành Trung ương Đảng khóa XIII", "tw"), issuer_key(None, "tw")
    ('ban-chap-hanh-trung-uong-dang', None)
    """
    key = slug(name or "")
    key = _TERM.sub("", _STANDING.sub("", key))
    if scope and scope != "cited" and key.endswith(f"-{scope}"):
        key = key[: -len(scope) - 1]
    key = _TERRITORY_TAIL.sub("", key)
    return key or None


def section_uid(document: str, path: str) -> str:
    return f"{document}#s:{path}"


def task_uid(document: str, path: str) -> str:
    return f"{document}#t:{path}"


def person_uid(name: str) -> str:
    return f"person:{slug(name)}"
