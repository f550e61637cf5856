"""Which document a user means: the one rule that turns ``60-KH/TU``, ``80-kh/duk`` or a uid into a document.

A reference names a document by its uid or by its symbol; the symbol is compared exactly first, then without
accents, case or spaces (``80 - KH/ĐUK`` = ``80-kh/duk``). Symbols repeat across provinces and terms, so a
symbol may name several documents: :func:`find_documents` returns them all, :func:`resolve_document` insists on
exactly one and raises :class:`AmbiguousDocument` (listing each candidate's number, date and issuer, and the uid
to type instead) or :class:`UnknownDocument`. No caller picks one of several on its own: the CLIs, the reports,
the analyses, the cascade and the saved queries (through :mod:`queries.catalog`) all come here.

>>> doc = DocumentRef("binh-dinh:60-KH/TU:2023", "60-KH/TU", "2023-05-24", "Ban Thường vụ Tỉnh ủy Bình Định",
...                   type_name="Kế hoạch")
>>> describe(doc)
'Kế hoạch số 60-KH/TU ngày 24/05/2023 của Ban Thường vụ Tỉnh ủy Bình Định'
>>> print(AmbiguousDocument("60-KH/TU", [doc, DocumentRef("quang-nam:60-KH/TU:2023", "60-KH/TU", None, None)]))
«60-KH/TU» ứng với 2 văn bản; hãy chọn một và ghi mã của nó (trong ngoặc):
  1. Kế hoạch số 60-KH/TU ngày 24/05/2023 của Ban Thường vụ Tỉnh ủy Bình Định (binh-dinh:60-KH/TU:2023)
  2. 60-KH/TU (quang-nam:60-KH/TU:2023)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from common.errors import DirectiveGraphError
from graph.store import GraphStore
from loaders.text import fold

__all__ = [
    "DOCUMENT_TASKS",
    "AmbiguousDocument",
    "DocumentLookupError",
    "DocumentRef",
    "UnknownDocument",
    "describe",
    "document_refs",
    "find_documents",
    "issuer_of",
    "resolve_document",
    "symbol_key",
    "symbol_type",
]

#: A document's tasks, one way: the tasks it owns (``Task.owner`` is its uid; indexed). Written after ``d`` is
#: bound: ``MATCH (d:Document {uid: $uid}) MATCH {DOCUMENT_TASKS}``.
DOCUMENT_TASKS = "(t:Task {owner: d.uid})"

_BY_UID = "MATCH (d:Document {uid: $ref}) RETURN d.uid AS uid"
_BY_SYMBOL = "MATCH (d:Document {symbol: $ref}) RETURN d.uid AS uid"
_ALL_SYMBOLS = "MATCH (d:Document) WHERE d.symbol IS NOT NULL RETURN d.uid AS uid, d.symbol AS symbol"
_REFS = """
MATCH (d:Document) WHERE d.uid IN $uids
OPTIONAL MATCH (d)-[:ISSUED_BY]->(o:Organ)
WITH d, collect(o.name) AS issuers
OPTIONAL MATCH (:Document)-[r:IMPLEMENTS|CITES]->(d) WHERE size(issuers) = 0  // a stub: named by its citers
RETURN d.uid AS uid, d.symbol AS symbol, d.date AS date, d.status AS status, d.title AS title,
       d.type_name AS type_name, d.source_path AS source_path, issuers, collect(r.issuer) AS cited_issuers
"""


def symbol_key(symbol: str | None) -> str:
    """A symbol compared without accents, case, spaces or dash variants.

    >>> symbol_key("80 - KH/ĐUK") == symbol_key("80–kh/duk")
    True
    """
    return re.sub(r"\s+", "", fold((symbol or "").replace("–", "-").replace("—", "-")))


def symbol_type(symbol: str | None) -> str | None:
    """Type code in a symbol: ``60-KH/TU`` → ``KH``, ``03/NQ-CP`` → ``NQ``, ``25/2021/QĐ-TTg`` → ``QĐ``.

    >>> symbol_type("60-KH/TU"), symbol_type("03/NQ-CP"), symbol_type("25/2021/QĐ-TTg")
    ('KH', 'NQ', 'QĐ')
    """
    m = re.match(r"^\s*\d+\s*(?:/\s*(?:19|20)\d{2}\s*)?[-/]\s*([^-/\s]+)", symbol or "")
    return m.group(1) if m else None


def issuer_of(issuers: Iterable[str | None], cited_issuers: Iterable[str | None]) -> str | None:
    """A document's issuer: its own ``ISSUED_BY`` organ, else (a cited stub) the one its citers name most.

    >>> issuer_of([], ["Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", "Tỉnh ủy"])
    'Tỉnh ủy'
    """
    own = [i for i in issuers if i]
    if own:
        return own[0]
    cited = Counter(i for i in cited_issuers if i)
    return max(sorted(cited), key=cited.__getitem__) if cited else None


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """Enough of a document to name it to a person: uid, symbol, ISO date, issuer, and what the store knows."""

    uid: str
    symbol: str | None
    date: str | None
    issuer: str | None
    status: str | None = None
    title: str | None = None
    type_name: str | None = None
    source_path: str | None = None

    @property
    def loaded(self) -> bool:
        return self.status == "loaded"


def describe(doc: DocumentRef) -> str:
    """``Kế hoạch số 60-KH/TU ngày 24/05/2023 của Ban Thường vụ Tỉnh ủy Bình Định``: as documents cite one
    another."""
    parts = [f"{doc.type_name} số {doc.symbol}" if doc.type_name else (doc.symbol or doc.uid)]
    if doc.date:
        y, m, d = doc.date[:10].split("-")
        parts.append(f"ngày {d}/{m}/{y}")
    if doc.issuer:
        parts.append(f"của {doc.issuer}")
    return " ".join(parts)


class DocumentLookupError(DirectiveGraphError, LookupError):
    """A reference that does not name exactly one document."""


class UnknownDocument(DocumentLookupError):
    """No document has that uid or symbol."""

    def __init__(self, ref: str) -> None:
        self.ref = ref
        super().__init__(
            f"không có văn bản «{ref}» trong kho: hãy ghi số, ký hiệu (ví dụ 60-KH/TU) hoặc mã của văn bản"
        )


class AmbiguousDocument(DocumentLookupError):
    """A symbol names several documents (``60-KH/TU`` of two provinces): the person picks one by its uid."""

    def __init__(self, ref: str, candidates: Sequence[DocumentRef]) -> None:
        self.ref = ref
        self.candidates = tuple(candidates)
        listing = "\n".join(f"  {n}. {describe(c)} ({c.uid})" for n, c in enumerate(self.candidates, start=1))
        ask = "hãy chọn một và ghi mã của nó (trong ngoặc)"
        super().__init__(f"«{ref}» ứng với {len(self.candidates)} văn bản; {ask}:\n{listing}")


def document_refs(store: GraphStore, uids: Iterable[str]) -> list[DocumentRef]:
    """The documents with these uids, by date then uid (unknown uids are left out)."""
    rows = store.read(_REFS, {"uids": sorted(set(uids))})
    refs = [
        DocumentRef(
            uid=str(r["uid"]),
            symbol=r["symbol"],
            date=r["date"],
            issuer=issuer_of(r["issuers"], r["cited_issuers"]),
            status=r["status"],
            title=r["title"],
            type_name=r["type_name"],
            source_path=r["source_path"],
        )
        for r in rows
    ]
    return sorted(refs, key=lambda d: (d.date or "", d.uid))


def _uids(store: GraphStore, ref: str) -> list[str]:
    for query in (_BY_UID, _BY_SYMBOL):
        if rows := store.read(query, {"ref": ref}):
            return [str(r["uid"]) for r in rows]
    key = symbol_key(ref)
    return [str(r["uid"]) for r in store.read(_ALL_SYMBOLS) if symbol_key(r["symbol"]) == key]


def find_documents(store: GraphStore, ref: str) -> list[DocumentRef]:
    """Every document ``ref`` names: the one with that uid, else those with that symbol (exactly, then
    compared by :func:`symbol_key`); empty when none does."""
    ref = ref.strip()
    return document_refs(store, _uids(store, ref)) if ref else []


def resolve_document(store: GraphStore, ref: str) -> DocumentRef:
    """The one document ``ref`` (a uid or a symbol) names.

    Raises :class:`UnknownDocument` when none does and :class:`AmbiguousDocument` when several do: a symbol of
    two provinces is never settled by picking one.
    """
    found = find_documents(store, ref)
    if not found:
        raise UnknownDocument(ref.strip())
    if len(found) > 1:
        raise AmbiguousDocument(ref.strip(), found)
    return found[0]
