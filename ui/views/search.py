"""What the search boxes find: every document and organ in the store, and the matching of what is typed, with or
without diacritics, the best first: the exact symbol, then symbols that start with what was typed (``27`` finds
``27-NQ/TW``), then documents whose type and number are named (``nghi quyet 27``), then any option holding every
word typed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from graph.store import GraphStore
from loaders.text import fold
from ui.store import Generation, generation, store_for
from ui.views.rows import from_row

_NUMBER = re.compile(r"\d+")
PICKER_KINDS = ("document", "organ")  # what a search box may offer

__all__ = [
    "PICKER_KINDS",
    "Choice",
    "DocumentItem",
    "OrganItem",
    "build_choices",
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
    symbol: str = ""  # a document's folded symbol (``80-kh/duk``)
    cited: bool = False  # known only from citations: after a loaded document of the same rank


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
    """Options matching ``text``, the best first (see the module docstring); ties keep the options' order,
    a loaded document before one only cited.

    >>> docs = [Choice("a", "document", "Kế hoạch 127-KH/TU", "ke hoach 127-kh/tu", "127-kh/tu"),
    ...         Choice("b", "document", "Nghị quyết 27-NQ/TW", "nghi quyet 27-nq/tw", "27-nq/tw")]
    >>> [c.uid for c in search("27", docs)], [c.uid for c in search("ke hoach 60", docs)]
    (['b', 'a'], [])
    """
    query = fold(text).strip()
    words = query.split()
    if not words:
        return list(options)
    ranked = [(rank, c.cited, i, c) for i, c in enumerate(options) if (rank := _rank(query, words, c)) is not None]
    return [c for *_, c in sorted(ranked, key=lambda r: r[:3])]


def _rank(query: str, words: list[str], choice: Choice) -> int | None:
    symbol = choice.symbol
    if symbol and query == symbol:
        return 0
    if symbol and symbol.startswith(query):
        return 1
    if not all(w in choice.key for w in words):
        return None
    number = _NUMBER.match(symbol)
    if number and number.group(0) in words:
        return 2  # the document's number typed with other words: "nghi quyet 27", "ke hoach 60"
    return 3


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
    return read_documents(store_for(gen))


@st.cache_data(show_spinner=False)
def _organs(gen: Generation) -> list[OrganItem]:
    return read_organs(store_for(gen))


def documents() -> list[DocumentItem]:
    return _documents(generation())


def organs() -> list[OrganItem]:
    return _organs(generation())


def _document_choice(d: DocumentItem) -> Choice:
    label = f"{d.type_name or 'Văn bản'} {d.symbol or d.uid}"
    extra = f" — {', '.join(d.issuers)}" if d.issuers else ""
    cited = " (chỉ được dẫn chiếu)" if d.status == "cited" else ""
    key = fold(f"{label} {d.title or ''} {' '.join(d.issuers)}")
    return Choice(d.uid, "document", label + extra + cited, key, fold(d.symbol or ""), d.status == "cited")


def _organ_choice(o: OrganItem) -> Choice:
    aliases = " ".join(o.aliases or ())
    return Choice(o.uid, "organ", f"Cơ quan: {o.name}", fold(f"{o.name} {aliases}"))


def choices(kinds: Sequence[str] = PICKER_KINDS, key: Generation | None = None) -> list[Choice]:
    """Documents (loaded ones first, oldest first: the top of a cascade comes first) then organs, of ``kinds``;
    ``key``: the generation to read (default: this session's)."""
    everything = _choices(key or generation())
    return everything if set(kinds) >= set(PICKER_KINDS) else [c for c in everything if c.kind in kinds]


@st.cache_resource(show_spinner=False, max_entries=8)
def _choices(gen: Generation) -> list[Choice]:
    """Built once per generation of the store and shared by the sessions and every picker, not copied (a picker
    only reads it): folding the search keys of every document and organ is a second's work at 10,000
    documents."""
    return build_choices(_documents(gen), _organs(gen))


def build_choices(docs: Sequence[DocumentItem], organs: Sequence[OrganItem]) -> list[Choice]:
    """What a search box offers, in the order ties are shown: loaded documents, oldest first, then organs."""
    ordered = sorted(docs, key=lambda d: (d.status == "cited", str(d.date or "9999")))
    return [_document_choice(d) for d in ordered] + [_organ_choice(o) for o in organs]
