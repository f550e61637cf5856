"""A reviewer's acts on a loaded document, for the app (**Rà soát**) and the CLI (``python -m graph correct``,
``accept``): record the act in the corrections file, then write the document again from its file so the graph
shows it at once (with its marks), and run the link pass.

The *old* value of an act is what the loader reads from the file now (not an earlier correction): that is what
later loads compare with to tell whether the correction still applies (see :mod:`graph.corrections`).

>>> parse_fact("task:III.2:lead"), parse_fact("document:cascade_parent").key
(Fact(part='task', field='lead', path='III.2'), 'document:cascade_parent')
>>> parse_value(Fact("task", "lead", "1"), "Sở Y tế; Sở Tư pháp ;")
('Sở Y tế', 'Sở Tư pháp')
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graph.corrections import (
    ACCEPT,
    CORRECT,
    CorrectionBook,
    CorrectionError,
    Entry,
    Fact,
    Value,
    apply_corrections,
    as_value,
    now,
    read_fact,
    record_entry,
)
from graph.documents import resolve_document
from graph.ingest import LoadResult, load_file
from graph.link import relink
from graph.store import GraphStore
from loaders.organs import load_gazetteer
from loaders.pipeline import parse_file
from loaders.record import DocumentRecord

__all__ = ["Act", "as_read", "parse_fact", "parse_value", "review_act", "unresolved_names"]

_LOADED = "MATCH (d:Document {uid: $uid}) RETURN d.status AS status, d.source_path AS source_path"


def parse_fact(text: str) -> Fact:
    """``document:FIELD``, ``task:PATH:FIELD``, ``subplan:PATH:FIELD`` or ``organ:NAME AS PRINTED``."""
    if text.strip().startswith("organ:"):  # a printed name may hold a colon: all after the first is the name
        name = text.strip().removeprefix("organ:").removesuffix(":identity").strip()
        if name:
            return Fact("organ", "identity", name)
    parts = text.strip().split(":")
    if len(parts) == 2:
        return Fact(parts[0], parts[1])
    if len(parts) == 3:
        return Fact(parts[0], parts[2], parts[1])
    raise CorrectionError(f"dữ kiện «{text}»: viết document:TRƯỜNG, task:MỤC:TRƯỜNG hoặc subplan:MỤC:TRƯỜNG")


def parse_value(fact: Fact, text: str) -> Value:
    """A value typed by a person: organ lists separated by ``;``."""
    return as_value(text.split(";")) if fact.is_list else as_value(text)


def as_read(store: GraphStore, ref: str) -> tuple[str, DocumentRecord]:
    """The uid of the loaded document ``ref`` and its record as the loader reads it (no corrections)."""
    uid = resolve_document(store, ref).uid
    rows = store.read(_LOADED, {"uid": uid})
    path = Path(str(rows[0]["source_path"] or "")) if rows and rows[0]["status"] == "loaded" else None
    if path is None or not path.is_file():
        raise CorrectionError(f"{ref}: không có tệp gốc của văn bản để đối chiếu (chỉ sửa được văn bản đã nạp)")
    return uid, parse_file(path, load_gazetteer())


@dataclass(frozen=True, slots=True)
class Act:
    entry: Entry
    file: Path  # the corrections file
    result: LoadResult  # the document written again


def review_act(
    store: GraphStore, ref: str, fact: Fact, *, by: str, why: str = "", new: Value = None, accept: bool = False
) -> Act:
    """Correct ``fact`` of document ``ref`` to ``new`` (or accept it as read), then write the document again."""
    if not by.strip():
        raise CorrectionError("cần tên người sửa (người rà soát)")
    uid, record = as_read(store, ref)
    if fact.path and read_fact(record, fact) is None and not _has(record, fact):
        raise CorrectionError(f"{ref}: không có {fact.label.lower()}")
    if fact.part == "organ" and not accept:
        _check_organ(record, fact, new)
    old = read_fact(record, fact)
    entry = Entry(
        ACCEPT if accept else CORRECT, by.strip(), now(), why.strip(), fact, old, None if accept else new
    )
    if not accept and new == old:
        raise CorrectionError("giá trị mới giống giá trị đang đọc được: hãy chấp nhận dữ kiện thay vì sửa")
    file = record_entry(entry, source_path=record.source_path, sha256=record.source_sha256, document=uid,
                        symbol=record.number)  # fmt: skip
    result = load_file(record.source_path, store)
    if result.uid and result.uid != uid:  # a corrected number, date or issuer names the document anew
        store.delete_document(uid)
    relink(store)
    return Act(entry, file, result)


def _check_organ(record: DocumentRecord, fact: Fact, new: Value) -> None:
    """An organ name is identified with an organ the gazetteer has, and only when the loader could not."""
    ref = next(r for r in record.organs if r.name == fact.path)
    if ref.resolved:
        raise CorrectionError(
            f"«{fact.path}» đã được xác định trong danh mục cơ quan; hãy sửa dữ kiện dùng tên này"
        )
    if not isinstance(new, str) or new not in load_gazetteer().organs:
        raise CorrectionError(f"«{new or ''}» không phải mã của một cơ quan trong danh mục cơ quan")


def unresolved_names(record: DocumentRecord) -> list[str]:
    """The organ names of a record the gazetteer did not know (not groups nor generic words), as printed, but
    those a reviewer's correction in force already identified."""
    _, outcome = apply_corrections(record, CorrectionBook().find(record.source_path, record.source_sha256))
    done = {e.fact.path for e in outcome.applied if e.fact and e.fact.part == "organ"}
    return [
        r.name
        for r in record.organs
        if not r.resolved and r.kind not in ("generic", "group") and r.name not in done
    ]


def _has(record: DocumentRecord, fact: Fact) -> bool:
    if fact.part == "organ":
        return any(r.name == fact.path for r in record.organs)
    items = record.tasks if fact.part == "task" else record.subplan_requirements
    return any(t.path == fact.path for t in items)
