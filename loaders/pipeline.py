"""The loader pipeline: reading → text (normalize) → extract (segment, header, citations, body) → organs → record.

>>> record = parse_text("Số 80-KH/ĐUK\\n\\nKẾ HOẠCH\\n\\nthực hiện Nghị quyết số 27-NQ/TW\\n", None)
>>> record.number, record.type, record.cascade_parent
('80-KH/ĐUK', 'KH', '27-NQ/TW')

Each stage is called directly. The organ gazetteer is an argument: the caller loads it once
(:func:`loaders.organs.load_gazetteer`) and passes it; ``None`` keeps the organ names as the text writes them.

A fact a copy lacks may be stated by another document (60-KH/TU's lost date is cited in 80-KH/ĐUK):
:func:`complete_from_context` fills the date from documents loaded alongside and says where it came from.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from loaders.errors import LoadError
from loaders.extract.body import Body, parse_body
from loaders.extract.citations import Citations, extract_citations
from loaders.extract.header import Header, extract_header
from loaders.extract.recipients import addressee_names, parse_recipients
from loaders.extract.segment import Segments, segment
from loaders.extract.signature import lead_signer, parse_signature
from loaders.extract.stamp import parse_stamp
from loaders.organs.gazetteer import Gazetteer
from loaders.organs.issuers import same_issuer
from loaders.organs.resolve import resolve_record
from loaders.reading import TEXT_SUFFIXES, Source, read, text_source
from loaders.record import DocumentRecord, Received, Signer
from loaders.review import review_record
from loaders.text.line import Line
from loaders.text.normalize import normalize

__all__ = ["complete_from_context", "document_citations", "parse_file", "parse_source", "parse_text"]


def parse_file(path: str | Path, gazetteer: Gazetteer | None, *, body: bool = True) -> DocumentRecord:
    """The record of one file (raises :class:`LoadError` when the file cannot be read).

    ``gazetteer=None`` skips organ resolution and ``body=False`` the body parser (header facts only).
    """
    return parse_source(read(path), gazetteer, body=body)


def parse_text(
    text: str, gazetteer: Gazetteer | None, path: str = "<text>", *, sha256: str | None = None, body: bool = True
) -> DocumentRecord:
    """The record of a text already in memory (``path`` only labels it)."""
    digest = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    return parse_source(text_source(path, text, digest), gazetteer, body=body)


@dataclass(frozen=True, slots=True)
class _Analysis:
    """What the stages before the body parser find in one source."""

    lines: list[Line]
    seg: Segments
    header: Header
    citations: Citations
    signer: Signer | None
    received: Received | None


def _analyse(source: Source) -> _Analysis:
    lines, raw = _file_lines(source, normalize(source.text))
    if not lines:
        raise LoadError(source.path, "empty file (no text)")
    seg = segment(lines)
    signer = (parse_signature(seg.signature) if seg.signature else None) or lead_signer(seg.preface)
    received = parse_stamp(seg.stamp)
    header = extract_header(seg, raw, signer, received)
    citations = extract_citations(seg, header.number, header.province)
    return _Analysis(lines, seg, header, citations, signer, received)


def _file_lines(source: Source, lines: list[Line]) -> tuple[list[Line], list[str]]:
    """Lines numbered by the file line they came from, when the reading stage knows it (text files), and the
    text of each file line as read; otherwise the lines of the stream, as numbered by ``normalize``."""
    stream = source.text.splitlines()
    origins = [line.origin.line for line in source.lines]
    if len(origins) != len(stream) or None in origins:
        return lines, stream
    raw = [""] * max(o or 0 for o in origins)
    for text, origin in zip(stream, origins, strict=True):
        if origin and text:
            raw[origin - 1] = f"{raw[origin - 1]} {text}".strip()
    return [Line(origins[line.no - 1] or line.no, line.text) for line in lines], raw


def parse_source(source: Source, gazetteer: Gazetteer | None, *, body: bool = True) -> DocumentRecord:
    """The record of a :class:`~loaders.reading.Source` (see :func:`parse_file`)."""
    a = _analyse(source)
    h, seg = a.header, a.seg
    document_date = dt.date.fromisoformat(h.date) if h.date else None
    # the addressees go first: a letter's requests (``đề nghị Đồng chí …``) are addressed to them
    # the preamble's last paragraph may charge organs with the items (``… yêu cầu các sở … như sau:``)
    lead_in = seg.preamble[-1].text if seg.preamble else None
    parsed = (
        parse_body(seg.addressees + seg.body, document_date=document_date, lead_in=lead_in) if body else Body()
    )
    recipients = parse_recipients(seg.recipients, addressee_names(seg.addressees)) if seg.recipients else []
    warnings = list(source.warnings) + list(h.warnings) + list(parsed.warnings)
    if not seg.body:
        warnings.append("no body found after the title and preamble")
    record = DocumentRecord(
        source_path=source.path,
        source_sha256=source.sha256,
        ocr=source.ocr,
        number=h.number,
        number_as_printed=h.number_as_printed,
        type=h.type,
        type_name=h.type_name,
        date=h.date,
        date_source=h.date_source,
        place=h.place,
        upper_body=h.upper_body,
        party_unit=h.party_unit,
        issuer=h.issuer,
        scope=h.scope,
        title=h.title,
        signer=a.signer,
        received=a.received,
        implements=a.citations.implements,
        cites=a.citations.cites,
        cascade_parent=a.citations.cascade_parent,
        sections=parsed.sections,
        tasks=parsed.tasks,
        subplan_requirements=parsed.subplan_requirements,
        recipients=tuple(recipients),
        warnings=tuple(warnings),
        source_line=tuple(line.no for line in a.lines),
    )
    return review_record(resolve_record(record, gazetteer) if gazetteer is not None else record)


def document_citations(source: Source) -> tuple[Header, Citations]:
    """Header and citations only (no body, no resolution): what another document says about others."""
    a = _analyse(source)
    return a.header, a.citations


# --- facts from other documents ----------------------------------------------------------------------


def complete_from_context(
    record: DocumentRecord, others: Iterable[str | Path], limit: int = 200
) -> DocumentRecord:
    """Fill a missing date from another plain-text document that cites this one by symbol and issuer.

    ``others`` are candidate files (typically the documents in the same folder); at most ``limit`` are read,
    only plain-text ones, and only those whose text contains the number are analysed.
    """
    if record.date or not record.number:
        return record
    digits = re.match(r"\d+", record.number)
    probe = re.compile(rf"(?<!\d){digits.group() if digits else ''}\s*\\?[-–/]")
    for path in list(others)[:limit]:
        p = Path(path)
        if p.suffix.lower() not in TEXT_SUFFIXES or str(p) == record.source_path or not p.is_file():
            continue
        try:
            source = read(p)
        except LoadError:
            continue
        if not probe.search(source.text):
            continue
        header, citations = document_citations(source)
        for c in citations.implements + citations.cites:
            if c.number == record.number and c.date and same_issuer(c.issuer, record.issuer):
                cited_at = f"cited in {header.number or p.name} ({p.name}, line {c.line})"
                note = f"date {c.date} not printed in this copy; taken from its citation in {p.name}"
                return dataclasses.replace(
                    record, date=c.date, date_source=cited_at, warnings=(*record.warnings, note)
                )
    return record
