"""An organ and its parts: the one rule for "the documents an organ issued, its parts included".

An organ's parts are the organs ``PART_OF`` it, at any depth the gazetteer has: a plan of the Ban Thường vụ
Đảng ủy Khối counts for the Đảng ủy Khối and for the Tỉnh ủy above it. The gazetteer's deepest ``PART_OF``
chain is three hops (``…/duk-cac-co-quan/ban-thuong-vu`` → Đảng ủy Khối → Tỉnh ủy → Ban Chấp hành Trung ương),
so :data:`PART_DEPTH` is 3 and a test keeps the data within it. Every Cypher text that walks ``PART_OF`` — the
saved queries, :mod:`graph.coverage`, :mod:`reports.coverage` — spells the walk as :data:`PART_OF_WALK`, and a
test checks that they do; Python callers (the app's organ page and explorer included) call
:func:`documents_issued_by` or :func:`organs_above`.

>>> PART_OF_WALK
'-[:PART_OF*0..3]->'
>>> ISSUED_UNDER
'(d:Document)-[:ISSUED_BY]->(issuer:Organ)-[:PART_OF*0..3]->(o:Organ)'
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.store import GraphStore

__all__ = [
    "ISSUED_UNDER",
    "PART_DEPTH",
    "PART_OF_WALK",
    "documents_issued_by",
    "organs_above",
    "organs_above_each",
]

PART_DEPTH = 3
#: From a part up to the organ it belongs to, the organ itself included (zero hops).
PART_OF_WALK = f"-[:PART_OF*0..{PART_DEPTH}]->"
#: ``d`` issued by ``issuer``, which is ``o`` or one of its parts.
ISSUED_UNDER = f"(d:Document)-[:ISSUED_BY]->(issuer:Organ){PART_OF_WALK}(o:Organ)"

_DOCUMENTS = f"""
MATCH {ISSUED_UNDER}
WHERE o.uid = $organ
RETURN DISTINCT d.uid AS uid
"""
_ABOVE = f"""
MATCH (d:Document {{uid: $document}})-[:ISSUED_BY]->(:Organ){PART_OF_WALK}(o:Organ)
RETURN DISTINCT o.uid AS uid, o.name AS name
"""
_ABOVE_EACH = f"""
UNWIND $documents AS document
MATCH (d:Document {{uid: document}})-[:ISSUED_BY]->(:Organ){PART_OF_WALK}(o:Organ)
RETURN DISTINCT document, o.uid AS uid, o.name AS name
"""


def documents_issued_by(store: GraphStore, organ_uid: str) -> list[str]:
    """Uids of the documents ``organ_uid`` or one of its parts issued, sorted."""
    return sorted(str(r["uid"]) for r in store.read(_DOCUMENTS, {"organ": organ_uid}))


def organs_above(store: GraphStore, document_uid: str) -> list[tuple[str, str]]:
    """``(uid, name)`` of the document's issuers and of every organ they are part of: who a task addressed to
    one of these organs concerns."""
    rows = store.read(_ABOVE, {"document": document_uid})
    return sorted((str(r["uid"]), str(r["name"] or "")) for r in rows)


def organs_above_each(store: GraphStore, document_uids: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
    """:func:`organs_above` of many documents in one query (every uid is a key, with ``[]`` when it has none)."""
    found: dict[str, set[tuple[str, str]]] = {uid: set() for uid in document_uids}
    for r in store.read(_ABOVE_EACH, {"documents": list(found)}):
        found[str(r["document"])].add((str(r["uid"]), str(r["name"] or "")))
    return {uid: sorted(organs) for uid, organs in found.items()}
