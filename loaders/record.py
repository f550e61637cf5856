"""The record a loader produces for one document: plain frozen data, printed by ``parse --json``.

Field names follow ``../shared/gold/seeds.json`` (see the record section of ARCHITECTURE.md). Organ names are
canonical gazetteer names, or the text's own words completed with the document's scope; ``organs`` maps every
name used anywhere in the record to its identity. Every extracted item keeps the 1-based ``line`` of the
normalised text it came from (``source_line`` maps it back to the file's own line when they differ).
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Citation",
    "DocumentRecord",
    "OrganRef",
    "PrintedDate",
    "Received",
    "Recipient",
    "SectionRecord",
    "Signer",
    "SubplanRequirement",
    "TaskRecord",
    "to_dict",
    "to_json",
]


@dataclass(frozen=True, slots=True)
class PrintedDate:
    """A date the text prints for a cited document in one place, when other places print another."""

    date: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Citation:
    """A document named in the text (implemented or cited)."""

    number: str | None  # canonical symbol, e.g. "60-KH/TU"; None when the text names no number
    type: str | None = None  # type code, e.g. "KH"
    date: str | None = None  # ISO
    issuer: str | None = None
    title: str | None = None
    text: str = ""  # the words of the citation as printed
    line: int | None = None
    other_dates: tuple[PrintedDate, ...] = ()  # dates printed elsewhere in the text that disagree with `date`


@dataclass(frozen=True, slots=True)
class Signer:
    name: str | None
    title: str | None = None  # "Phó Bí thư"
    capacity: str | None = None  # "T/M Ban Thường vụ"
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Received:
    """An incoming-registry stamp (``ĐẾN Số: 6825 Ngày: 09/6/23``) on a copy: never the document's own number."""

    by: str | None
    number: str | None = None
    date: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class SectionRecord:
    path: str  # "III.2"
    heading: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class TaskRecord:
    path: str  # "III.2.p1"
    text: str
    kind: str = "task"  # task | purpose | organisation
    lead: tuple[str, ...] = ()
    coordinate: tuple[str, ...] = ()
    reports_to: tuple[str, ...] = ()
    inherited: bool = False  # the lead comes from an assignee heading, not the sentence itself
    deadline: str | None = None  # ISO date
    deadline_text: str | None = None
    recurrence: str | None = None  # "thường xuyên", "hằng năm", "năm 2023 và các năm tiếp theo", ...
    line: int | None = None
    confidence: float | None = None  # 1.0 with nothing to review; lowered by each reason (loaders.review)
    review: tuple[str, ...] = ()  # reasons a reviewer should look, in Vietnamese


@dataclass(frozen=True, slots=True)
class SubplanRequirement:
    """An order to the units below to issue their own plan by a date."""

    path: str
    units: tuple[str, ...] = ()  # organ or group names as resolved
    group_text: str | None = None  # the words naming the units, as printed
    deadline: str | None = None
    deadline_text: str | None = None
    submit_to: str | None = None
    via: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Recipient:
    text: str
    organs: tuple[str, ...] = ()
    purpose: str | None = None  # "báo cáo" | "thực hiện" | "lưu" | "biết" | "phối hợp" | None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class OrganRef:
    """The identity a name resolved to."""

    name: str  # canonical name used in the record
    uid: str
    resolved: bool  # False when the gazetteer does not know it
    kind: str | None = None  # organ | group
    scope: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    source_path: str
    source_sha256: str
    ocr: bool = False  # some of the text was read from an image (a scan)
    number: str | None = None
    number_as_printed: str | None = None
    type: str | None = None
    type_name: str | None = None
    date: str | None = None
    date_source: str | None = None
    place: str | None = None
    upper_body: str | None = None
    party_unit: str | None = None
    issuer: str | None = None
    scope: str | None = None  # slug of the issuer's territory: "binh-dinh", "tw" (central)
    title: str | None = None
    confidentiality: str | None = None  # the dấu mật stamped in the header: mat | toi-mat | tuyet-mat
    urgency: str | None = None  # the dấu khẩn: khan | thuong-khan | hoa-toc
    signer: Signer | None = None
    received: Received | None = None
    implements: tuple[Citation, ...] = ()
    cites: tuple[Citation, ...] = ()
    cascade_parent: str | None = None
    sections: tuple[SectionRecord, ...] = ()
    tasks: tuple[TaskRecord, ...] = ()
    subplan_requirements: tuple[SubplanRequirement, ...] = ()
    recipients: tuple[Recipient, ...] = ()
    organs: tuple[OrganRef, ...] = ()
    warnings: tuple[str, ...] = ()
    confidence: float | None = None  # 1.0 with nothing to review; lowered by each reason (loaders.review)
    review: tuple[str, ...] = ()  # reasons a reviewer should look, in Vietnamese: "không có số", …
    source_line: tuple[int, ...] = field(default=(), repr=False)  # normalised line i+1 → file line


def to_dict(record: DocumentRecord) -> dict[str, Any]:
    """The record as JSON-ready data (tuples become lists; the line map is left out)."""
    data = dataclasses.asdict(record)
    data.pop("source_line", None)
    return data


def to_json(record: DocumentRecord) -> str:
    return json.dumps(to_dict(record), ensure_ascii=False, indent=2)
