"""How sure a record is: per document and per task, the reasons a reviewer should look (in Vietnamese) and a
confidence in [0, 1] derived from them.

A pure function of a resolved record. Each reason lowers the confidence by its weight, so the figure says how
many and how serious the doubts are, and the list says which; a record with no reason has confidence 1.0.

>>> from loaders.record import DocumentRecord, TaskRecord
>>> r = review_record(DocumentRecord("x.txt", "0", tasks=(TaskRecord("1", "Tổ chức tuyên truyền"),)))
>>> r.review[:2], r.confidence
(('không có số', 'không có ngày'), 0.2)
>>> r.tasks[0].review, r.tasks[0].confidence
(('nhiệm vụ không có cơ quan chủ trì',), 0.6)
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from loaders.record import DocumentRecord, OrganRef, TaskRecord

__all__ = ["review_record"]

NO_NUMBER = "không có số"
NO_DATE = "không có ngày"
NO_SIGNER = "không có người ký"
NO_ISSUER = "cơ quan ban hành chưa xác định"
NO_PARENT = "không xác định được văn bản cấp trên"
NO_LEAD = "nhiệm vụ không có cơ quan chủ trì"
INHERITED = "cơ quan chủ trì suy ra từ tiêu đề mục"
UNRESOLVED = "cơ quan chưa xác định: {}"
FUZZY = "tên cơ quan đọc gần đúng: {}"
OCR = "dòng OCR độ tin cậy thấp"
DATE_CONFLICT = "ngày mâu thuẫn: {}"
EARLY_DEADLINE = "thời hạn trước ngày ban hành"

_WEIGHTS = {
    NO_NUMBER: 0.2, NO_DATE: 0.2, NO_SIGNER: 0.15, NO_ISSUER: 0.25, NO_PARENT: 0.2, NO_LEAD: 0.4, INHERITED: 0.1,
    UNRESOLVED: 0.15, FUZZY: 0.1, OCR: 0.1, DATE_CONFLICT: 0.15, EARLY_DEADLINE: 0.2,
}  # fmt: skip


# what the reader writes for a line OCR was not sure of: ``OCR unsure (44%) p.1 (364,245)-(734,320): <text>``
_UNSURE = re.compile(r"^OCR unsure \((?P<pct>\d+)%\)\s+p\.(?P<page>\d+)[^:]*:\s*(?P<text>.*)$")


def _unsure_lines(warnings: tuple[str, ...]) -> str | None:
    """One reason for the lines the reader's OCR was unsure of: how many, and the least sure with its page and
    words, so a reviewer knows where to look in the scan."""
    found = [(int(m["pct"]), m["page"], m["text"]) for w in warnings if (m := _UNSURE.match(w))]
    if not found:
        return None
    pct, page, text = min(found)
    more = f"{len(found)} dòng, " if len(found) > 1 else ""
    return f"{OCR}: {more}thấp nhất {pct}% ở trang {page} «{text.strip()[:40]}»"


def _confidence(reasons: tuple[str, ...]) -> float:
    lost = sum(
        next((w for k, w in _WEIGHTS.items() if r == k or r.startswith(k.split("{")[0])), 0.1) for r in reasons
    )
    return round(max(0.0, 1.0 - lost), 2)


def _task(t: TaskRecord, refs: dict[str, OrganRef], issued: date | None) -> TaskRecord:
    reasons: list[str] = []
    if t.kind != "purpose" and not t.lead:
        reasons.append(NO_LEAD)
    if t.lead and t.inherited:
        reasons.append(INHERITED)
    for name in t.lead:
        ref = refs.get(name)
        if ref is not None and not ref.resolved and ref.kind not in ("generic", "group"):
            reasons.append(UNRESOLVED.format(name))
    if t.deadline and issued and t.deadline < issued.isoformat():
        reasons.append(EARLY_DEADLINE)
    found = tuple(dict.fromkeys(reasons))
    return dataclasses.replace(t, review=found, confidence=_confidence(found))


def review_record(record: DocumentRecord) -> DocumentRecord:
    """The record with ``review`` and ``confidence`` filled in, for itself and for each task."""
    refs = {r.name: r for r in record.organs}
    reasons: list[str] = []
    if not record.number:
        reasons.append(NO_NUMBER)
    if not record.date:
        reasons.append(NO_DATE)
    if record.signer is None or not record.signer.name:
        reasons.append(NO_SIGNER)
    issuer = refs.get(record.issuer or "")
    if not record.issuer or (issuer is not None and not issuer.resolved):
        reasons.append(NO_ISSUER)
    if record.implements and not record.cascade_parent and any(c.number for c in record.implements):
        reasons.append(NO_PARENT)
    for w in record.warnings:
        if "fuzzy" in w and w.startswith("organ "):
            reasons.append(FUZZY.format(w.split("'")[1] if "'" in w else w))
        elif "read as" in w and "roman numeral" in w:
            reasons.append(OCR)
    if unsure := _unsure_lines(record.warnings):
        reasons.append(unsure)
    for c in (*record.implements, *record.cites):
        if c.other_dates and c.number:
            reasons.append(DATE_CONFLICT.format(c.number))
    try:
        issued = date.fromisoformat(record.date) if record.date else None
    except ValueError:
        issued = None
    found = tuple(dict.fromkeys(reasons))
    return dataclasses.replace(
        record,
        tasks=tuple(_task(t, refs, issued) for t in record.tasks),
        review=found,
        confidence=_confidence(found),
    )
