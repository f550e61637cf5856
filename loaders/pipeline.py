"""The loader pipeline: ``read`` → ``normalize`` → ``segment`` → extract → body → ``resolve`` → record.

>>> record = parse_text("Số 80-KH/ĐUK\\n\\nKẾ HOẠCH\\n\\nthực hiện Nghị quyết số 27-NQ/TW\\n", resolve=False)
>>> record.number, record.type, record.cascade_parent
('80-KH/ĐUK', 'KH', '27-NQ/TW')

The body parser (``loaders.body.parse_body``) and the organ resolver (``loaders.resolve.resolve_record``) are
called through :func:`parse_body` and :func:`resolve` below; until a module exists, its stage is skipped and
the record keeps the organ names as the text writes them.

A fact a copy lacks may be stated by another document (60-KH/TU's lost date is cited in 80-KH/ĐUK):
:func:`complete_from_context` fills the date from documents loaded alongside and says where it came from.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import importlib
import importlib.util
import inspect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.model import fold
from loaders.citations import Citations, extract_citations
from loaders.errors import LoadError
from loaders.header import Header, extract_header
from loaders.normalize import normalize
from loaders.read import TEXT_SUFFIXES, Source, decode, read
from loaders.recipients import addressee_names, parse_recipients
from loaders.record import DocumentRecord, Received, SectionRecord, Signer, SubplanRequirement, TaskRecord
from loaders.segment import Segments, segment
from loaders.signature import lead_signer, parse_signature
from loaders.stamp import parse_stamp
from loaders.text import Line

__all__ = [
    "BodyContext",
    "complete_from_context",
    "document_citations",
    "parse_body",
    "parse_file",
    "parse_source",
    "parse_text",
    "resolve",
]


@dataclass(frozen=True, slots=True)
class BodyContext:
    """What the body parser may need to know about the document whose body it reads."""

    number: str | None
    type: str | None
    date: str | None
    scope: str | None
    province: str | None
    issuer: str | None
    party_unit: str | None
    aliases: dict[str, str]


@dataclass(frozen=True, slots=True)
class _Body:
    sections: tuple[SectionRecord, ...] = ()
    tasks: tuple[TaskRecord, ...] = ()
    subplan_requirements: tuple[SubplanRequirement, ...] = ()
    warnings: tuple[str, ...] = ()


def _module(name: str) -> Any | None:
    return importlib.import_module(name) if importlib.util.find_spec(name) else None


def _body_arguments(fn: Any, context: BodyContext) -> tuple[list[Any], dict[str, Any]]:
    """The arguments ``fn`` takes after the lines: a positional context and/or known keywords."""
    params = list(inspect.signature(fn).parameters.values())[1:]
    known = {"context": context, "document_date": dt.date.fromisoformat(context.date) if context.date else None}
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for p in params:
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and not args and p.name not in known:
            args.append(context)
        elif p.name in known:
            kwargs[p.name] = known[p.name]
    return args, kwargs


def parse_body(lines: list[Line], context: BodyContext) -> _Body:
    """Adapter to ``loaders.body.parse_body``; empty until that module exists."""
    module = _module("loaders.body")
    if module is None:
        return _Body()
    args, kwargs = _body_arguments(module.parse_body, context)
    body = module.parse_body(lines, *args, **kwargs)
    return _Body(
        tuple(getattr(body, "sections", ())),
        tuple(getattr(body, "tasks", ())),
        tuple(getattr(body, "subplan_requirements", ())),
        tuple(getattr(body, "warnings", ())),
    )


def resolve(record: DocumentRecord) -> DocumentRecord:
    """Adapter to ``loaders.resolve.resolve_record``; the record unchanged until that module exists."""
    module = _module("loaders.resolve")
    return module.resolve_record(record) if module is not None else record


def parse_file(path: str | Path, *, resolve_organs: bool = True, body: bool = True) -> DocumentRecord:
    """The record of one file (raises :class:`LoadError` when the file cannot be read).

    ``body=False`` skips the body parser and ``resolve_organs=False`` the resolver (header facts only).
    """
    return parse_source(read(path), resolve_organs=resolve_organs, body=body)


def parse_text(
    text: str, path: str = "<text>", *, sha256: str | None = None, resolve: bool = True, body: bool = True
) -> DocumentRecord:
    """The record of a text already in memory (``path`` only labels it)."""
    digest = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    return parse_source(Source(path, text, digest, "text"), resolve_organs=resolve, body=body)


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
    lines = normalize(source.text)
    if not lines:
        raise LoadError(source.path, "empty file (no text)")
    seg = segment(lines)
    signer = (parse_signature(seg.signature) if seg.signature else None) or lead_signer(seg.preface)
    received = parse_stamp(seg.stamp)
    header = extract_header(seg, source.text.splitlines(), signer, received)
    citations = extract_citations(seg, header.number, header.province)
    return _Analysis(lines, seg, header, citations, signer, received)


def parse_source(source: Source, *, resolve_organs: bool = True, body: bool = True) -> DocumentRecord:
    """The record of a :class:`~loaders.read.Source` (see :func:`parse_file`)."""
    a = _analyse(source)
    h, seg = a.header, a.seg
    context = BodyContext(
        h.number, h.type, h.date, h.scope, h.province, h.issuer, h.party_unit, a.citations.aliases
    )
    # the addressees go first: a letter's requests (``đề nghị Đồng chí …``) are addressed to them
    parsed = parse_body(seg.addressees + seg.body, context) if body else _Body()
    recipients = parse_recipients(seg.recipients, addressee_names(seg.addressees)) if seg.recipients else []
    warnings = list(h.warnings) + list(parsed.warnings)
    if not seg.body:
        warnings.append("no body found after the title and preamble")
    record = DocumentRecord(
        source_path=source.path,
        source_sha256=source.sha256,
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
    return resolve(record) if resolve_organs else record


def document_citations(source: Source) -> tuple[Header, Citations]:
    """Header and citations only (no body, no resolution): what another document says about others."""
    a = _analyse(source)
    return a.header, a.citations


# --- facts from other documents ----------------------------------------------------------------------


def _same_issuer(cited: str | None, issuer: str | None) -> bool:
    if not cited or not issuer:
        return True  # nothing says otherwise; the symbol and the scope already match
    a, b = fold(cited), fold(issuer)
    return a == b or a in b or b in a


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
            text = decode(p.read_bytes(), p)
        except LoadError:
            continue
        if not probe.search(text):
            continue
        header, citations = document_citations(Source(str(p), text, "", "text"))
        for c in citations.implements + citations.cites:
            if c.number == record.number and c.date and _same_issuer(c.issuer, record.issuer):
                source = f"cited in {header.number or p.name} ({p.name}, line {c.line})"
                note = f"date {c.date} not printed in this copy; taken from its citation in {p.name}"
                return dataclasses.replace(
                    record, date=c.date, date_source=source, warnings=(*record.warnings, note)
                )
    return record
