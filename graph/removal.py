"""Removing a document (withdrawn, or loaded by mistake): the store is left as if it had never been loaded.

1. Its own facts go (:meth:`GraphStore.delete_document`: owned nodes and edges).
2. Other documents that cite it are written again from their files, so the stub that stands for it is the one
   their citations make, with what they say about it (its own title, date and type are forgotten). Where such a
   file is missing, the node stays as a ``cited`` stub.
3. Shared nodes it alone created go: organs the gazetteer does not know, people, and cited stubs no longer
   reached by anything (the link pass deletes those).
4. The link pass runs again.
5. The removal is recorded in the document's corrections file (who, when, why), so later loads of the same file
   skip it; an upload (under ``KG_UPLOAD_DIR``) is deleted as well.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from common.settings import settings
from graph.corrections import REMOVE, CorrectionBook, CorrectionError, Entry, now, record_entry
from graph.documents import resolve_document
from graph.ingest import load_file
from graph.link import relink
from graph.store import GraphStore, StoreError

__all__ = ["Removal", "remove_document"]

_DOCUMENT = """
MATCH (d:Document {uid: $uid})
RETURN d.status AS status, d.symbol AS symbol, d.source_path AS source_path, d.source_sha256 AS sha256
"""
_CITERS = """
MATCH (c:Document)-[r]->(d:Document {uid: $uid}) WHERE r.owner IS NOT NULL AND r.owner <> $uid
MATCH (o:Document {uid: r.owner})
RETURN DISTINCT o.uid AS uid, o.source_path AS source_path
"""
_DROP_NODE = "MATCH (d:Document {uid: $uid}) DETACH DELETE d"
_ORPHANS = (
    "MATCH (o:Organ) WHERE o.resolved = false AND NOT (o)--() DELETE o",
    "MATCH (p:Person) WHERE NOT (p)--() DELETE p",
    "MATCH (d:Document) WHERE d.status = 'cited' AND NOT (d)--() DELETE d",
)


@dataclass(frozen=True, slots=True)
class Removal:
    uid: str
    symbol: str | None
    rewritten: tuple[str, ...]  # citing documents written again from their files
    record: Path  # the corrections file holding the record of the removal
    file_deleted: bool


def remove_document(store: GraphStore, ref: str, *, by: str, why: str = "") -> Removal:
    """Remove the loaded document ``ref`` (a symbol or uid); see the module's steps."""
    if not by.strip():
        raise CorrectionError("cần tên người gỡ bỏ văn bản")
    uid = resolve_document(store, ref).uid
    rows = store.read(_DOCUMENT, {"uid": uid})
    if not rows or rows[0]["status"] != "loaded":
        raise StoreError(f"{ref}: văn bản chưa được nạp (chỉ được dẫn chiếu), không có gì để gỡ bỏ")
    doc = rows[0]
    citers = store.read(_CITERS, {"uid": uid})
    store.delete_document(uid)
    rewritten: list[str] = []
    files = [Path(c["source_path"]) for c in citers if c["source_path"]]
    if citers and len(files) == len(citers) and all(f.is_file() for f in files):
        store.write(_DROP_NODE, {"uid": uid})
        book = CorrectionBook()
        for c, f in zip(citers, files, strict=True):
            if load_file(f, store, corrections=book).ok:
                rewritten.append(str(c["uid"]))
    for query in _ORPHANS:
        store.write(query)
    relink(store)
    source = str(doc["source_path"] or "")
    record = record_entry(
        Entry(REMOVE, by=by.strip(), at=now(), why=why.strip()),
        source_path=source, sha256=str(doc["sha256"] or ""), document=uid, symbol=doc["symbol"],
    )  # fmt: skip
    deleted = _delete_upload(Path(source)) if source else False
    return Removal(uid, doc["symbol"], tuple(rewritten), record, deleted)


def _delete_upload(path: Path) -> bool:
    """An uploaded file goes with its document; the project's own documents stay (their removal is recorded)."""
    if path.is_file() and path.resolve().is_relative_to(settings().upload_dir.resolve()):
        path.unlink()
        return True
    return False
