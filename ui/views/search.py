"""What the search boxes find: every document and organ in the store, and the matching of what is typed (every
word, found in an option's folded text, with or without diacritics)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from graph.store import GraphStore
from loaders.text import fold
from ui.store import Generation, generation, store
from ui.views.rows import from_row

__all__ = [
    "Choice",
    "DocumentItem",
    "OrganItem",
    "choices",
    "documents",
    "organs",
    "read_documents",
    "read_organs",
    "search",
]


@dataclass(frozen=True, slots=True)
class Choice:
    """Something a search box can find: a document or an organ."""

    uid: str
    kind: str  # document | organ
    label: str
    key: str  # folded text the search matches against


@dataclass(frozen=True, slots=True)
class DocumentItem:
    uid: str
    symbol: str | None
    type: str | None
    type_name: str | None
    title: str | None
    date: str | None
    status: str | None  # loaded | cited
    labels: tuple[str, ...]
    issuers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OrganItem:
    uid: str
    name: str
    aliases: tuple[str, ...] | None
    kind: str | None
    level: str | None
    scope: str | None
    resolved: bool | None
    mentions: int


def search(text: str, options: Sequence[Choice]) -> list[Choice]:
    """Options whose label, symbol or title hold every word of ``text``, with or without diacritics.

    >>> search("ke hoach 60", [Choice("u", "document", "Kế hoạch 60-KH/TU", "ke hoach 60-kh/tu")])[0].label
    'Kế hoạch 60-KH/TU'
    """
    words = fold(text).split()
    return [c for c in options if all(w in c.key for w in words)]


def read_documents(store: GraphStore) -> list[DocumentItem]:
    """Every document with what the pickers and tables show about it, the newest first."""
    rows = store.read(
        """
        MATCH (d:Document)
        OPTIONAL MATCH (d)-[:ISSUED_BY]->(o:Organ)
        RETURN d.uid AS uid, d.symbol AS symbol, d.type AS type, d.type_name AS type_name, d.title AS title,
               d.date AS date, d.status AS status, labels(d) AS labels, collect(o.name) AS issuers
        ORDER BY d.date DESC, d.symbol
        """
    )
    return [from_row(DocumentItem, r) for r in rows]


def read_organs(store: GraphStore) -> list[OrganItem]:
    """Every organ, the most mentioned first (an organ no document names is at the end)."""
    rows = store.read(
        """
        MATCH (o:Organ)
        OPTIONAL MATCH (o)<-[r]-()
        RETURN o.uid AS uid, o.name AS name, o.aliases AS aliases, o.kind AS kind, o.level AS level,
               o.scope AS scope, o.resolved AS resolved, count(r) AS mentions
        ORDER BY mentions DESC, name
        """
    )
    return [from_row(OrganItem, r) for r in rows]


@st.cache_data(show_spinner=False)
def _documents(gen: Generation) -> list[DocumentItem]:
    return read_documents(store())


@st.cache_data(show_spinner=False)
def _organs(gen: Generation) -> list[OrganItem]:
    return read_organs(store())


def documents() -> list[DocumentItem]:
    return _documents(generation())


def organs() -> list[OrganItem]:
    return _organs(generation())


def _document_choice(d: DocumentItem) -> Choice:
    label = f"{d.type_name or 'Văn bản'} {d.symbol or d.uid}"
    extra = f" — {', '.join(d.issuers)}" if d.issuers else ""
    cited = " (chỉ được dẫn chiếu)" if d.status == "cited" else ""
    return Choice(d.uid, "document", label + extra + cited, fold(f"{label} {d.uid} {d.title}"))


def _organ_choice(o: OrganItem) -> Choice:
    aliases = " ".join(o.aliases or ())
    return Choice(o.uid, "organ", f"Cơ quan: {o.name}", fold(f"{o.name} {aliases} {o.uid}"))


def choices(kinds: Sequence[str] = ("document", "organ")) -> list[Choice]:
    """Documents (loaded ones first, oldest first: the top of a cascade comes first) then organs."""
    out = []
    if "document" in kinds:
        ordered = sorted(documents(), key=lambda d: (d.status == "cited", str(d.date or "9999")))
        out += [_document_choice(d) for d in ordered]
    if "organ" in kinds:
        out += [_organ_choice(o) for o in organs()]
    return out
