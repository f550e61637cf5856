"""What a reviewer has to look at, and what reviewers did: the review queue, the corrected facts, the stale
corrections. Read from the graph, so the app, the CLI and the reports see the same lists.

**The queue**: every loaded document and task with a reason to review, most important first. The reasons are
the loader's own (``review`` on the node, in Vietnamese) where it gives them; otherwise they are derived from
missing values (no number, no date, no issuer, no signer, no parent though the text implements something, a
task without a lead). A reason whose field a reviewer corrected or accepted leaves the queue.

>>> field_of("nhiệm vụ không có cơ quan chủ trì"), field_of("ngày mâu thuẫn: 27-NQ/TW"), field_of("?")
('lead', 'date', '')
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from graph.store import GraphStore

__all__ = ["Corrected", "QueueItem", "StaleCorrection", "field_of", "read_corrected", "read_queue", "read_stale"]

# reason (its opening words) → the field a correction of it changes, in order of importance
_REASONS: tuple[tuple[str, str], ...] = (
    ("không có số", "number"),
    ("không có ngày", "date"),
    ("ngày mâu thuẫn", "date"),
    ("cơ quan ban hành chưa xác định", "issuer"),
    ("không xác định được văn bản cấp trên", "cascade_parent"),
    ("nhiệm vụ không có cơ quan chủ trì", "lead"),
    ("cơ quan chủ trì suy ra từ tiêu đề mục", "lead"),
    ("cơ quan chưa xác định", "lead"),
    ("tên cơ quan đọc gần đúng", "lead"),
    ("không có người ký", "signer"),
    ("thời hạn trước ngày ban hành", "deadline"),
    ("dòng OCR độ tin cậy thấp", ""),
)
_RANK = {"number": 0, "date": 1, "issuer": 2, "cascade_parent": 3, "lead": 4, "signer": 5, "deadline": 6, "": 7}


def field_of(reason: str) -> str:
    return next((f for start, f in _REASONS if reason.startswith(start)), "")


@dataclass(frozen=True, slots=True)
class QueueItem:
    document: str  # uid
    symbol: str | None
    part: str  # document | task
    path: str
    field: str
    reason: str
    value: str
    line: int | None
    source_path: str | None
    confidence: float | None

    @property
    def rank(self) -> tuple[int, float, str, str]:
        return (
            _RANK.get(self.field, 7),
            self.confidence if self.confidence is not None else 1.0,
            self.symbol or self.document,
            self.path,
        )


_DOCUMENTS = """
MATCH (d:Document {status: 'loaded'})
OPTIONAL MATCH (d)-[:ISSUED_BY]->(o)
OPTIONAL MATCH (d)-[:SIGNED_BY]->(p)
OPTIONAL MATCH (d)-[r:IMPLEMENTS]->(x:Document)
RETURN d.uid AS uid, d.symbol AS symbol, d.date AS date, d.review AS review, d.confidence AS confidence,
       d.corrected AS corrected, d.accepted AS accepted, d.source_path AS source_path,
       collect(DISTINCT o.name) AS issuers, collect(DISTINCT p.name) AS signers, count(r) AS implements,
       collect(DISTINCT CASE WHEN r.cascade_parent = true THEN x.symbol END) AS parents
"""
_TASKS = """
MATCH (d:Document {status: 'loaded'}) MATCH (t:Task {owner: d.uid})
OPTIONAL MATCH (t)-[a:ASSIGNED_TO {role: 'lead'}]->(o)
RETURN d.uid AS uid, d.symbol AS symbol, d.source_path AS source_path, t.path AS path, t.kind AS kind,
       t.line AS line, t.review AS review, t.confidence AS confidence, t.corrected AS corrected,
       t.accepted AS accepted, t.text AS text, collect(o.name) AS leads
"""


def _document_reasons(r: dict[str, Any]) -> list[str]:
    if r["review"] is not None:
        return list(r["review"])
    missing = [
        ("không có số", not r["symbol"]),
        ("không có ngày", not r["date"]),
        ("cơ quan ban hành chưa xác định", not r["issuers"]),
        ("không xác định được văn bản cấp trên", r["implements"] > 0 and not [p for p in r["parents"] if p]),
        ("không có người ký", not r["signers"]),
    ]
    return [reason for reason, yes in missing if yes]


def _task_reasons(r: dict[str, Any]) -> list[str]:
    if r["review"] is not None:
        return list(r["review"])
    return ["nhiệm vụ không có cơ quan chủ trì"] if r["kind"] != "purpose" and not r["leads"] else []


def _done(r: dict[str, Any]) -> set[str]:
    return set(r["corrected"] or ()) | set(r["accepted"] or ())


def read_queue(store: GraphStore) -> list[QueueItem]:
    """Every reason to review, most important first (identity of the document, then leads, then the rest;
    lower confidence first)."""
    items: list[QueueItem] = []
    for r in store.read(_DOCUMENTS):
        values = {
            "number": r["symbol"],
            "date": r["date"],
            "issuer": "; ".join(r["issuers"]),
            "signer": "; ".join(r["signers"]),
            "cascade_parent": "; ".join(p for p in r["parents"] if p),
        }
        for reason in _document_reasons(r):
            field = field_of(reason)
            if field not in _done(r):
                items.append(
                    QueueItem(
                        r["uid"],
                        r["symbol"],
                        "document",
                        "",
                        field,
                        reason,
                        str(values.get(field) or ""),
                        None,
                        r["source_path"],
                        r["confidence"],
                    )
                )
    for r in store.read(_TASKS):
        for reason in _task_reasons(r):
            field = field_of(reason)
            if field not in _done(r):
                items.append(
                    QueueItem(
                        r["uid"],
                        r["symbol"],
                        "task",
                        r["path"],
                        field,
                        reason,
                        "; ".join(r["leads"]),
                        r["line"],
                        r["source_path"],
                        r["confidence"],
                    )
                )
    return sorted(items, key=lambda i: i.rank)


@dataclass(frozen=True, slots=True)
class Corrected:
    document: str
    where: str
    fields: tuple[str, ...]
    accepted: tuple[str, ...]
    by: str | None
    at: str | None


_CORRECTED = """
MATCH (n) WHERE (n:Document OR n:Task) AND (n.corrected IS NOT NULL OR n.accepted IS NOT NULL)
OPTIONAL MATCH (d:Document {uid: n.owner})
RETURN coalesce(d.symbol, n.owner) AS document, CASE WHEN n:Task THEN n.path ELSE '' END AS task,
       n.corrected AS corrected, n.accepted AS accepted, n.corrected_by AS by, n.corrected_at AS at
ORDER BY document, task
"""


def read_corrected(store: GraphStore) -> list[Corrected]:
    return [
        Corrected(
            str(r["document"]),
            f"nhiệm vụ {r['task']}" if r["task"] else "văn bản",
            tuple(r["corrected"] or ()),
            tuple(r["accepted"] or ()),
            r["by"],
            r["at"],
        )
        for r in store.read(_CORRECTED)
    ]


@dataclass(frozen=True, slots=True)
class StaleCorrection:
    document: str  # symbol or uid
    uid: str
    fact: str  # "task:III.2:lead"
    recorded: Any  # the value the reviewer saw
    now_read: Any  # what the loader reads now
    new: Any  # the correction
    action: str
    by: str
    at: str


_STALE = """
MATCH (d:Document) WHERE d.stale_corrections IS NOT NULL
RETURN d.uid AS uid, d.symbol AS symbol, d.stale_corrections AS stale ORDER BY symbol
"""


def read_stale(store: GraphStore) -> list[StaleCorrection]:
    out: list[StaleCorrection] = []
    for r in store.read(_STALE):
        for text in r["stale"]:
            s = json.loads(text)
            fact = s["fact"]
            key = ":".join(p for p in (fact.get("part"), fact.get("path"), fact.get("field")) if p)
            out.append(
                StaleCorrection(
                    r["symbol"] or r["uid"],
                    r["uid"],
                    key,
                    s["recorded"],
                    s["now_read"],
                    s["new"],
                    s["action"],
                    s["by"],
                    s["at"],
                )
            )
    return out
