"""Find the document a user means by a symbol (``60-KH/TU``, ``80-kh/duk``) or a uid.

Symbols repeat across provinces and terms, so a symbol may name several documents: :func:`find_documents`
returns them all, :func:`resolve_document` insists on one (a loaded one wins over a cited stub) and says how to
pick when it cannot.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from graph import cascade
from graph.store import GraphStore
from reports.model import ReportError

__all__ = ["DocRef", "describe", "find_documents", "resolve_document"]

_INFO = """
MATCH (d:Document)
WHERE d.uid IN $uids
OPTIONAL MATCH (d)-[:ISSUED_BY]->(o:Organ)
RETURN d.uid AS uid, d.symbol AS symbol, d.date AS date, d.status AS status, d.title AS title,
       d.type_name AS type_name, d.source_path AS source_path, head(collect(o.name)) AS issuer
ORDER BY date, uid
"""


@dataclass(frozen=True, slots=True)
class DocRef:
    """Enough of a document to name it in a report."""

    uid: str
    symbol: str | None
    date: str | None
    status: str | None
    title: str | None = None
    type_name: str | None = None
    issuer: str | None = None
    source_path: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> DocRef:
        values = {f.name: row.get(f.name) for f in fields(cls) if f.name != "uid"}
        return cls(str(row["uid"]), **values)

    @property
    def loaded(self) -> bool:
        return self.status == "loaded"


def describe(doc: DocRef) -> str:
    """``Kế hoạch số 60-KH/TU ngày 24/05/2023 của Ban Thường vụ Tỉnh ủy Bình Định``."""
    parts = [f"{doc.type_name} số {doc.symbol}" if doc.type_name else (doc.symbol or doc.uid)]
    if doc.date:
        y, m, d = doc.date.split("-")
        parts.append(f"ngày {d}/{m}/{y}")
    if doc.issuer:
        parts.append(f"của {doc.issuer}")
    return " ".join(parts)


def find_documents(store: GraphStore, ref: str) -> list[DocRef]:
    """Documents whose uid or symbol is ``ref`` (the symbol compared without case, accents or spaces)."""
    uids = cascade.find_documents(store, ref)
    return [DocRef.from_row(r) for r in store.read(_INFO, {"uids": uids})] if uids else []


def resolve_document(store: GraphStore, ref: str, *, among: list[DocRef] | None = None) -> DocRef:
    """The one document ``ref`` names (a loaded one before a cited stub); ``among`` narrows the candidates."""
    found = find_documents(store, ref)
    if among is not None:
        found = [d for d in found if d.uid in {a.uid for a in among}] or found
    if not found:
        raise ReportError(f"no document {ref!r} in the store: give its symbol (e.g. 60-KH/TU) or uid")
    loaded = [d for d in found if d.loaded] or found
    if len(loaded) > 1:
        uids = ", ".join(d.uid for d in loaded)
        raise ReportError(f"{ref!r} names {len(loaded)} documents ({uids}): give the uid of the one you mean")
    return loaded[0]
