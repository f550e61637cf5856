"""Corrections of what the loaders read, kept as data and applied after parsing on every load and relink.

A reviewer corrects an extracted fact (a document's number, type, date, issuer, signer, title or cascade parent;
a task's lead, coordinating organs or deadline; a sub-plan order's units or deadline; an organ name the
gazetteer did not know → a gazetteer organ, ``organ:<name as printed>``) or accepts it as read.
Each act is an :class:`Entry` (the fact, the old and the new value, who, when, why) appended to the document's
file in ``KG_CORRECTIONS_DIR`` (``data/corrections/<symbol>-<hash>.yaml``); nothing is overwritten, so the
file is the history, and the latest entry for a fact is the one in force.

On every load (:func:`graph.ingest.load_file`) the record is parsed as usual, then :func:`apply_corrections`
compares each entry's *old* value with what the loader reads now: the same → the new value replaces it; already
the new value → nothing to do; anything else → the entry is **stale** (the document or the loader changed
underneath): it is neither applied nor dropped but listed with both values (:class:`Stale`) on the document
(``stale_corrections``) and in the review queue. An organ name's identity is set on the document's graph (the
record keeps the printed name): every edge of the document to the unresolved name moves to the gazetteer organ,
marked ``corrected_by``/``corrected_at``; it is stale once the document no longer prints the name. The graph
marks what was corrected or accepted on the document or task node (``corrected``, ``corrected_by``,
``corrected_at``, ``accepted``).

A document's file is found by the source file's path (a new version of the same file keeps its corrections,
compared value by value) or by its content hash (the same file moved).

>>> fact = Fact("task", "lead", "III.2")
>>> fact.key, fact.label
('task:III.2:lead', 'Nhiệm vụ III.2 · cơ quan chủ trì')
>>> as_value(["Sở Y tế", " "]), as_value(""), as_value("2025-06-30")
(('Sở Y tế',), None, '2025-06-30')
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from common.errors import DirectiveGraphError
from common.private import write_private
from common.settings import PROJECT_ROOT, settings
from graph.model import Document, DocumentGraph, Edge, NodeValue, Rel, Task, slug
from graph.organs import organ_node
from loaders.extract.symbols import parse_symbol
from loaders.organs import Gazetteer
from loaders.record import Citation, DocumentRecord, Signer
from loaders.review import UNRESOLVED

__all__ = [
    "ACCEPT",
    "CORRECT",
    "FIELDS",
    "REMOVE",
    "CorrectionBook",
    "CorrectionError",
    "DocumentCorrections",
    "Entry",
    "Fact",
    "Outcome",
    "Stale",
    "Value",
    "apply_corrections",
    "as_value",
    "field_label",
    "mark_graph",
    "now",
    "read_fact",
    "record_entry",
]

Value = str | tuple[str, ...] | None
CORRECT, ACCEPT, REMOVE = "correct", "accept", "remove"

#: What can be corrected, per part of a document, with its Vietnamese name; list-valued fields hold organ names.
FIELDS: dict[str, dict[str, str]] = {
    "document": {
        "number": "số, ký hiệu",
        "type": "loại văn bản (mã: KH, NQ, CT…)",
        "date": "ngày ban hành",
        "issuer": "cơ quan ban hành",
        "signer": "người ký",
        "title": "trích yếu",
        "cascade_parent": "văn bản cấp trên",
    },
    "task": {"lead": "cơ quan chủ trì", "coordinate": "cơ quan phối hợp", "deadline": "thời hạn"},
    "subplan": {"units": "đơn vị phải xây dựng kế hoạch", "deadline": "hạn xây dựng kế hoạch"},
    # an organ name as printed (the fact's path) → the uid of a gazetteer organ
    "organ": {"identity": "cơ quan trong danh mục"},
}
_LISTS = {"lead", "coordinate", "units"}


def field_label(field: str) -> str:
    """A field's Vietnamese name (``lead`` → ``cơ quan chủ trì``)."""
    return next((names[field] for names in FIELDS.values() if field in names), field)


_PART_VI = {
    "document": "Văn bản", "task": "Nhiệm vụ", "subplan": "Yêu cầu xây dựng kế hoạch", "organ": "Tên cơ quan",
}  # fmt: skip


class CorrectionError(DirectiveGraphError):
    """A correction that cannot be stored or read (an unknown fact, a broken file)."""


def as_value(raw: object) -> Value:
    """A value as stored and compared: a list of names (blank ones dropped) or a string; empty is ``None``."""
    if raw is None:
        return None
    if isinstance(raw, list | tuple):
        names = tuple(str(v).strip() for v in raw if str(v).strip())
        return names or None
    text = str(raw).strip()
    return text or None


def now() -> str:
    """The time of an act, to the second, with the machine's offset."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class Fact:
    """One correctable fact: ``part`` (document, task, subplan), ``field``, and the task's or order's path."""

    part: str
    field: str
    path: str = ""

    def __post_init__(self) -> None:
        if self.field not in FIELDS.get(self.part, {}):
            raise CorrectionError(f"không sửa được dữ kiện «{self.part}.{self.field}»")

    @property
    def key(self) -> str:
        return ":".join(p for p in (self.part, self.path, self.field) if p)

    @property
    def label(self) -> str:
        where = f"{_PART_VI[self.part]} {self.path}".strip()
        return f"{where} · {FIELDS[self.part][self.field]}"

    @property
    def is_list(self) -> bool:
        return self.field in _LISTS

    def to_dict(self) -> dict[str, str]:
        return {k: v for k, v in (("part", self.part), ("path", self.path), ("field", self.field)) if v}


@dataclass(frozen=True, slots=True)
class Entry:
    """One act of a reviewer, as stored: correct a fact, accept it as read, or remove the whole document."""

    action: str
    by: str
    at: str
    why: str = ""
    fact: Fact | None = None
    old: Value = None
    new: Value = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"action": self.action}
        if self.fact is not None:
            out["fact"] = self.fact.to_dict()
            out["old"] = list(self.old) if isinstance(self.old, tuple) else self.old
            if self.action == CORRECT:
                out["new"] = list(self.new) if isinstance(self.new, tuple) else self.new
        out.update(by=self.by, at=self.at, why=self.why)
        return out

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Entry:
        fact = data.get("fact")
        return cls(
            action=str(data["action"]),
            by=str(data.get("by") or ""),
            at=str(data.get("at") or ""),
            why=str(data.get("why") or ""),
            fact=Fact(str(fact["part"]), str(fact["field"]), str(fact.get("path") or "")) if fact else None,
            old=as_value(data.get("old")),
            new=as_value(data.get("new")),
        )


@dataclass(frozen=True, slots=True)
class DocumentCorrections:
    """Every act on one document, oldest first, and how its source file is recognised."""

    file: Path
    source: str
    source_sha256: str
    document: str = ""
    symbol: str | None = None
    entries: tuple[Entry, ...] = ()

    def in_force(self) -> list[Entry]:
        """The latest entry for each fact (earlier ones are history)."""
        latest: dict[str, Entry] = {}
        for e in self.entries:
            if e.fact is not None:
                latest[e.fact.key] = e
        return list(latest.values())

    @property
    def removal(self) -> Entry | None:
        return next((e for e in reversed(self.entries) if e.action == REMOVE), None)


def _source_key(path: str | Path) -> str:
    """A source path as stored: relative to the project when inside it (the project may move)."""
    p = Path(path).resolve()
    return str(p.relative_to(PROJECT_ROOT)) if p.is_relative_to(PROJECT_ROOT) else str(p)


class CorrectionBook:
    """The corrections folder, read once: find a document's corrections by its source path or hash."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else settings().corrections_dir
        self.documents: list[DocumentCorrections] = [_read(p) for p in sorted(self.folder.glob("*.yaml"))]

    def find(self, source_path: str, sha256: str) -> DocumentCorrections | None:
        key = _source_key(source_path)
        return next((d for d in self.documents if d.source == key), None) or next(
            (d for d in self.documents if d.source_sha256 == sha256), None
        )


def _read(path: Path) -> DocumentCorrections:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return DocumentCorrections(
            path,
            str(data["source"]),
            str(data.get("source_sha256") or ""),
            str(data.get("document") or ""),
            data.get("symbol"),
            tuple(Entry.of(e) for e in data.get("entries") or ()),
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise CorrectionError(f"tệp sửa lỗi {path} không đọc được: {exc}") from None


def record_entry(
    entry: Entry, *, source_path: str, sha256: str, document: str, symbol: str | None, folder: Path | None = None
) -> Path:
    """Append ``entry`` to the document's file (created on the first act); returns the file."""
    book = CorrectionBook(folder)
    found = book.find(source_path, sha256)
    if found is None:
        name = f"{slug(symbol or Path(source_path).stem)[:60] or 'van-ban'}-{sha256[:8]}.yaml"
        found = DocumentCorrections(book.folder / name, _source_key(source_path), sha256, document, symbol)
    data = {
        "document": document or found.document,
        "symbol": symbol or found.symbol,
        "source": found.source,
        "source_sha256": sha256 or found.source_sha256,
        "entries": [e.to_dict() for e in (*found.entries, entry)],
    }
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)
    return write_private(found.file, text.encode("utf-8"))


# --- reading and writing a fact of a record ---------------------------------------------------------------------


def _task_index(record: DocumentRecord, part: str, path: str) -> int | None:
    paths = [t.path for t in record.tasks] if part == "task" else [s.path for s in record.subplan_requirements]
    return paths.index(path) if path in paths else None


def read_fact(record: DocumentRecord, fact: Fact) -> Value:
    """What the record says for ``fact`` (``None`` when the task or order is not there, or the document no
    longer prints the organ name)."""
    if fact.part == "organ":
        return next((as_value(ref.uid) for ref in record.organs if ref.name == fact.path), None)
    if fact.part == "document":
        if fact.field == "signer":
            return as_value(record.signer.name if record.signer else None)
        return as_value(getattr(record, fact.field))
    i = _task_index(record, fact.part, fact.path)
    if i is None:
        return None
    item = record.tasks[i] if fact.part == "task" else record.subplan_requirements[i]
    return as_value(getattr(item, fact.field))


def _write_fact(record: DocumentRecord, fact: Fact, value: Value) -> DocumentRecord:
    if fact.part == "organ":  # the builder names organ nodes after the record; the identity is set on the graph
        return record
    if fact.part == "document":
        if fact.field == "signer":
            signer = record.signer or Signer(None)
            return dataclasses.replace(record, signer=dataclasses.replace(signer, name=_text(value)))
        if fact.field == "cascade_parent":
            return _with_parent(record, _text(value))
        changes: dict[str, Any] = {fact.field: _text(value)}
        return dataclasses.replace(record, **changes)
    i = _task_index(record, fact.part, fact.path)
    if i is None:
        return record
    stored: Any = (value or ()) if fact.is_list else _text(value)
    if fact.part == "task":
        tasks = list(record.tasks)
        tasks[i] = dataclasses.replace(tasks[i], **{fact.field: stored}, inherited=False)
        return dataclasses.replace(record, tasks=tuple(tasks))
    orders = list(record.subplan_requirements)
    orders[i] = dataclasses.replace(orders[i], **{fact.field: stored})
    return dataclasses.replace(record, subplan_requirements=tuple(orders))


def _text(value: Value) -> str | None:
    return "; ".join(value) if isinstance(value, tuple) else value


def _with_parent(record: DocumentRecord, parent: str | None) -> DocumentRecord:
    """The cascade parent, cited as implemented when the text does not cite it at all."""
    if parent and all(c.number != parent for c in (*record.implements, *record.cites)):
        symbol = parse_symbol(parent)
        citation = Citation(parent, type=symbol.type if symbol else None, text="(văn bản cấp trên do người sửa)")
        record = dataclasses.replace(record, implements=(*record.implements, citation))
    return dataclasses.replace(record, cascade_parent=parent)


# --- applying ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Stale:
    """A correction or acceptance whose old value is no longer what the loader reads: shown, never applied."""

    fact: Fact
    recorded: Value  # the old value when the reviewer acted
    now_read: Value  # what the loader reads today
    entry: Entry

    def to_json(self) -> str:
        return json.dumps(
            {"fact": self.fact.to_dict(), "recorded": self.recorded, "now_read": self.now_read,
             "new": self.entry.new, "action": self.entry.action, "by": self.entry.by, "at": self.entry.at},
            ensure_ascii=False,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Outcome:
    applied: tuple[Entry, ...] = ()
    accepted: tuple[Entry, ...] = ()
    stale: tuple[Stale, ...] = ()
    removal: Entry | None = None


def apply_corrections(
    record: DocumentRecord, corrections: DocumentCorrections | None, organs: Container[str] | None = None
) -> tuple[DocumentRecord, Outcome]:
    """``record`` with every correction in force whose old value is what the loader read; the rest stale.

    ``organs`` are the gazetteer's uids: an organ name corrected to an organ the gazetteer no longer has is
    stale too."""
    if corrections is None:
        return record, Outcome()
    read = record
    applied, accepted, stale = [], [], []
    for entry in corrections.in_force():
        assert entry.fact is not None
        current = read_fact(read, entry.fact)
        gone = entry.fact.part == "organ" and organs is not None and entry.new not in organs
        if entry.action == CORRECT and gone:
            stale.append(Stale(entry.fact, entry.old, current, entry))
        elif entry.action == ACCEPT and current == entry.old:
            accepted.append(entry)
        elif entry.action == CORRECT and current in (entry.old, entry.new):
            record = _write_fact(record, entry.fact, entry.new)
            applied.append(entry)
        else:
            stale.append(Stale(entry.fact, entry.old, current, entry))
    return record, Outcome(tuple(applied), tuple(accepted), tuple(stale), corrections.removal)


def _marks(entries: Iterable[Entry], accepted: Iterable[Entry]) -> dict[str, Any]:
    done = list(entries)
    marks: dict[str, Any] = {}
    if done:
        last = max(done, key=lambda e: e.at)
        marks.update(corrected=tuple(sorted({e.fact.field for e in done if e.fact})), corrected_by=last.by,
                     corrected_at=last.at)  # fmt: skip
    if fields := tuple(sorted({e.fact.field for e in accepted if e.fact})):
        marks["accepted"] = fields
    return marks


def mark_graph(graph: DocumentGraph, outcome: Outcome, gazetteer: Gazetteer | None = None) -> DocumentGraph:
    """The document's graph with its corrected, accepted and stale facts marked on the nodes (and the edges of
    a corrected sub-plan order), and every edge to a corrected organ name moved to its gazetteer organ."""
    graph = _reidentify(graph, [e for e in outcome.applied if e.fact and e.fact.part == "organ"], gazetteer)
    by_path: dict[tuple[str, str], list[Entry]] = {}
    for e in outcome.applied + outcome.accepted:
        assert e.fact is not None
        by_path.setdefault((e.fact.part, e.fact.path), []).append(e)

    def marks(part: str, path: str) -> dict[str, Any]:
        entries = by_path.get((part, path), [])
        return _marks([e for e in entries if e.action == CORRECT], [e for e in entries if e.action == ACCEPT])

    nodes: list[NodeValue] = []
    for node in graph.nodes:
        if isinstance(node, Document) and node.uid == graph.document_uid:
            stale = tuple(s.to_json() for s in outcome.stale) or None
            node = dataclasses.replace(node, **_merged(node, marks("document", "")), stale_corrections=stale)
        elif isinstance(node, Task) and node.owner == graph.document_uid:
            node = dataclasses.replace(node, **_merged(node, marks("task", node.path)))
        nodes.append(node)
    edges = [_mark_order(e, marks) for e in graph.edges]
    return DocumentGraph(graph.document_uid, tuple(nodes), tuple(edges))


def _reidentify(graph: DocumentGraph, entries: list[Entry], gazetteer: Gazetteer | None) -> DocumentGraph:
    """Edges of the document to an unresolved organ a reviewer identified now point at the gazetteer organ,
    marked with who and when; the tasks and the document holding them are marked corrected (``identity``) and
    lose the "organ not resolved" reason for that name."""
    moves = {
        str(e.old): e for e in entries if isinstance(e.old, str) and isinstance(e.new, str) and e.old != e.new
    }
    if not moves:
        return graph
    edges: list[Edge] = []
    touched: dict[str, list[Entry]] = {}
    for edge in graph.edges:
        entry = moves.get(edge.target)
        if entry is not None and edge.owner == graph.document_uid:
            assert entry.fact is not None and isinstance(entry.new, str)
            props = {**edge.props, "corrected_by": entry.by, "corrected_at": entry.at,
                     "corrected_organ": entry.fact.path}  # fmt: skip
            edge = dataclasses.replace(edge, target=entry.new, props=props)
            touched.setdefault(edge.source, []).append(entry)
        edges.append(edge)
    touched.setdefault(graph.document_uid, []).extend(moves.values())
    pointed = {e.target for e in edges} | {e.source for e in edges}
    nodes: list[NodeValue] = []
    for node in graph.nodes:
        if node.uid in moves and node.uid not in pointed:
            continue  # the unresolved name's node: nothing of this document points at it any more
        if isinstance(node, Document | Task) and node.uid in touched:
            done = touched[node.uid]
            last = max(done, key=lambda e: e.at)
            cleared = {UNRESOLVED.format(e.fact.path) for e in done if e.fact}
            review = tuple(r for r in node.review or () if r not in cleared) if node.review is not None else None
            node = dataclasses.replace(node, corrected=tuple(sorted({*(node.corrected or ()), "identity"})),
                                       corrected_by=last.by, corrected_at=last.at, review=review)  # fmt: skip
        nodes.append(node)
    known = {n.uid for n in nodes}
    for entry in moves.values():
        assert isinstance(entry.new, str)
        if gazetteer is not None and entry.new in gazetteer.organs and entry.new not in known:
            nodes.append(organ_node(gazetteer.organ(entry.new)))
            known.add(entry.new)
    return DocumentGraph(graph.document_uid, tuple(nodes), tuple(edges))


def _merged(node: Document | Task, marks: dict[str, Any]) -> dict[str, Any]:
    """``marks`` kept with the fields already marked on the node (an organ name identified on it)."""
    if node.corrected and "corrected" in marks:
        marks["corrected"] = tuple(sorted({*node.corrected, *marks["corrected"]}))
        if (node.corrected_at or "") > marks["corrected_at"]:
            marks.update(corrected_by=node.corrected_by, corrected_at=node.corrected_at)
    return marks


def _mark_order(edge: Edge, marks: Any) -> Edge:
    if edge.type != Rel.REQUIRES_SUBPLAN or not (found := marks("subplan", str(edge.props.get("task_path")))):
        return edge
    extra = {k: list(v) if isinstance(v, tuple) else v for k, v in found.items()}
    return dataclasses.replace(edge, props={**edge.props, **extra})
