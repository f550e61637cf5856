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
from loaders.extract.header import UNREAD_NUMBER_RE, Header, extract_header
from loaders.extract.marks import read_marks
from loaders.extract.recipients import addressee_names, parse_recipients
from loaders.extract.segment import Segments, segment
from loaders.extract.signature import lead_signer, parse_signature
from loaders.extract.stamp import parse_stamp
from loaders.extract.symbols import find_symbols, type_name
from loaders.organs.gazetteer import Gazetteer
from loaders.organs.issuers import same_issuer
from loaders.organs.resolve import resolve_record
from loaders.reading import TEXT_SUFFIXES, Source, read, text_source
from loaders.record import Citation, DocumentRecord, Received, Signer
from loaders.review import review_record
from loaders.text.line import Line
from loaders.text.normalize import normalize

__all__ = [
    "MAX_CHARACTERS",
    "MAX_LINES",
    "MAX_TASKS",
    "complete_from_context",
    "document_citations",
    "parse_file",
    "parse_source",
    "parse_text",
    "signed_date",
]

# Per-document caps, far above any directive (the longest real plan has a few hundred tasks on a few thousand
# lines), so that a file that is not one document ends in one clear error instead of minutes of parsing.
# Every stage is linear; these bound the constant. A text read from a file is already bounded by
# ``loaders.reading.MAX_TEXT_BYTES``; a text given directly is bounded here.
MAX_CHARACTERS = 10 * 1024 * 1024
MAX_LINES = 200_000
MAX_TASKS = 20_000


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


_HEADER_LIMIT = 40  # lines read for the marks when the title is not found


@dataclass(frozen=True, slots=True)
class _Analysis:
    """What the stages before the body parser find in one source."""

    lines: list[Line]
    seg: Segments
    header: Header
    citations: Citations
    signer: Signer | None
    received: Received | None
    header_lines: list[str]  # the file's lines before the title, where the marks are stamped


def _analyse(source: Source) -> _Analysis:
    if len(source.text) > MAX_CHARACTERS:
        raise LoadError(source.path, f"too much text: {len(source.text):,} characters (limit {MAX_CHARACTERS:,})")
    lines, raw = _file_lines(source, normalize(source.text))
    if not lines:
        raise LoadError(source.path, "empty file (no text)")
    if len(lines) > MAX_LINES:
        raise LoadError(source.path, f"too many lines: {len(lines):,} (limit {MAX_LINES:,})")
    seg = segment(lines)
    signer = (parse_signature(seg.signature) if seg.signature else None) or lead_signer(seg.preface)
    received = parse_stamp(seg.stamp)
    header = extract_header(seg, raw, signer, received)
    citations = extract_citations(seg, header.number, header.province, header.issuer)
    top = seg.title or seg.preamble or seg.body
    header_lines = raw[: top[0].no - 1 if top else _HEADER_LIMIT][:_HEADER_LIMIT]  # ``no`` is the file line
    return _Analysis(lines, seg, header, citations, signer, received, header_lines)


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
    if len(parsed.tasks) > MAX_TASKS:
        raise LoadError(source.path, f"too many tasks: {len(parsed.tasks):,} (limit {MAX_TASKS:,})")
    recipients = parse_recipients(seg.recipients, addressee_names(seg.addressees)) if seg.recipients else []
    warnings = list(source.warnings) + list(h.warnings) + list(parsed.warnings)
    signed = None if h.date else signed_date(seg.header, source.signed_at)
    if signed:
        warnings.append(f"date {signed} not readable in this copy; taken from its digital signature")
    marks = read_marks(a.header_lines)
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
        date=h.date or signed,
        date_source=h.date_source if h.date or not signed else "digital signature time (Thời gian ký)",
        place=h.place,
        upper_body=h.upper_body,
        party_unit=h.party_unit,
        issuer=h.issuer,
        scope=h.scope,
        title=h.title,
        confidentiality=marks.confidentiality,
        urgency=marks.urgency,
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
    """Fill a missing number or date from another document that cites this one.

    * a date: from a citation with the same symbol and issuer;
    * a number this copy prints with its code but spoiled digits (``Z32Ø/BTC-QLCS``: stamped, or OCR'd): from
      the one number with that code that other documents cite from the same issuer (and on the same date,
      when this copy's date is known).

    ``others`` are candidate files (typically the documents in the same folder); at most ``limit`` are read:
    text, Word and the text layer of PDFs (a scan is not OCR'd for this), and only those whose text contains
    the number or the code are analysed.
    """
    tail = _unread_code(record)
    if record.date and (record.number or not tail):
        return record
    if not record.number and not (tail and record.issuer):
        return record
    for path in list(others)[:limit]:
        p = Path(path)
        if str(p) == record.source_path or not p.is_file():
            continue
        source = _sibling(p, record, tail)
        if source is None:
            continue
        header, citations = document_citations(source)
        cited = citations.implements + citations.cites
        if not record.number and tail:
            record = _number_from(record, tail, cited, header.number or p.name, p.name)
        if record.number and not record.date:
            record = _date_from(record, cited, header.number or p.name, p.name)
        if record.number and record.date:
            break
    return record


def _unread_code(record: DocumentRecord) -> str | None:
    m = UNREAD_NUMBER_RE.search(record.number_as_printed or "") if not record.number else None
    return m["tail"] if m else None


def _sibling(path: Path, record: DocumentRecord, tail: str | None) -> Source | None:
    suffix = path.suffix.lower()
    if suffix not in (*TEXT_SUFFIXES, ".docx", ".pdf"):
        return None
    try:
        source = read(path, ocr=False)
    except LoadError:
        return None
    digits = re.match(r"\d+", record.number or "")
    probe = (
        re.escape(tail) if not record.number and tail else rf"(?<!\d){digits.group() if digits else ''}\s*\\?[-–/]"
    )
    return source if re.search(probe, source.text) else None


def _number_from(
    record: DocumentRecord, tail: str, cited: Iterable[Citation], by: str, name: str
) -> DocumentRecord:
    found = {
        c.number: c
        for c in cited
        if c.number and c.number.endswith(f"/{tail}") and c.issuer and same_issuer(c.issuer, record.issuer)
        and (not record.date or not c.date or c.date == record.date)
    }  # fmt: skip
    if len(found) != 1:
        return record
    number, c = next(iter(found.items()))
    code, type_label = record.type, record.type_name
    if code is None:
        symbol = find_symbols(number)[0].symbol
        letter = symbol.form == "state" and not symbol.type and (record.title or "").lower().startswith("v/v")
        code = symbol.type or ("CV" if letter else None)
        type_label = type_name(code, state=symbol.form == "state") if code else None
    note = f"number {number} not readable in this copy; taken from its citation in {by} ({name}, line {c.line})"
    return dataclasses.replace(
        record, number=number, type=code, type_name=type_label, warnings=(*record.warnings, note)
    )


def _date_from(record: DocumentRecord, cited: Iterable[Citation], by: str, name: str) -> DocumentRecord:
    for c in cited:
        if c.number == record.number and c.date and same_issuer(c.issuer, record.issuer):
            cited_at = f"cited in {by} ({name}, line {c.line})"
            note = f"date {c.date} not printed in this copy; taken from its citation in {name}"
            return dataclasses.replace(
                record, date=c.date, date_source=cited_at, warnings=(*record.warnings, note)
            )
    return record


def signed_date(header_lines: Iterable[Line], signed_at: str | None) -> str | None:
    """The digital signature's date, when the printed date cannot be read and what can be read agrees with
    it (the year, and the month when printed): ``ngày / tháng 6 năm 2026`` signed on 2026-06-19 → 2026-06-19.

    >>> signed_date([Line(3, "Hà Nội, ngày / tháng 6 năm 2026")], "2026-06-19")
    '2026-06-19'
    >>> signed_date([Line(3, "Hà Nội, ngày / tháng 7 năm 2026")], "2026-06-19") is None
    True
    """
    if not signed_at:
        return None
    year, month = signed_at[:4], int(signed_at[5:7])
    for line in header_lines:
        if not re.search(r"ngày", line.text, re.IGNORECASE):
            continue
        y = re.search(r"n[ăa]m\s*(\d{4})", line.text)
        m = re.search(r"tháng\s*(\d{1,2})\b", line.text)
        if (y and y.group(1) != year) or (m and int(m.group(1)) != month):
            return None
    return signed_at
