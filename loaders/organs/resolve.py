"""The ``resolve`` stage: organ names as the text writes them → gazetteer identities, read in context.

Inside 80-KH/ĐUK ``Ban Tuyên giáo`` is the Bloc committee's commission and ``Ban Thường vụ Tỉnh ủy`` is Bình
Định's; inside 60-KH/TU ``các huyện ủy, thị ủy, thành ủy`` is the group of Bình Định's eleven district
committees. The context comes from the record itself (scope, date, issuer, party unit); the words it needs come
from the gazetteer (``data/organs/``). Nothing here knows a particular document.

For each name, in this order: an exact reading (case, accents and punctuation ignored; abbreviations expanded
on a second try); a generic phrase (``các cơ quan liên quan``), kept as text; a fuzzy reading for OCR damage,
accepted only when clear; a list of known names (``Ban Thường vụ Tỉnh ủy và Ban Tuyên giáo Tỉnh ủy``); else the
text's own words, completed with the province where the rules say so (``Sở Tư pháp`` → ``Sở Tư pháp tỉnh Bình
Định``), unresolved. A wrong organ is worse than an unresolved one, so ambiguity leaves a name unresolved.

>>> from loaders.organs.gazetteer import load_gazetteer
>>> g = load_gazetteer()
>>> ctx = Context(scope="binh-dinh", chain=g.chain("binh-dinh/duk-cac-co-quan/ban-thuong-vu"))
>>> [r.name for r in resolve_name("Ban Tuyên giáo", ctx, g)]
['Ban Tuyên giáo Đảng ủy Khối các cơ quan tỉnh Bình Định']
>>> r = resolve_name("Sở Tư pháp", ctx, g)[0]
>>> r.name, r.resolved, r.uid
('Sở Tư pháp tỉnh Bình Định', False, 'unresolved:binh-dinh:so-tu-phap-tinh-binh-dinh')
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from loaders.organs.gazetteer import Context, Gazetteer, GroupEntry, OrganEntry, expand_group
from loaders.organs.index import name_key, strip_words
from loaders.organs.uids import unresolved_organ_uid
from loaders.record import Citation, DocumentRecord, OrganRef, Received, SubplanRequirement, TaskRecord
from loaders.text.folding import fold

__all__ = [
    "GENERIC",
    "UNKNOWN",
    "ResolvedName",
    "document_context",
    "expand_group",
    "group_expander",
    "resolve_name",
    "resolve_record",
]

GENERIC = "generic"  # OrganRef.kind of a phrase that names no particular organ
UNKNOWN = "organ"  # OrganRef.kind of a name the gazetteer does not know
_LIST_SEPARATORS = re.compile(r"\s*[,;]\s*|\s+(?:và|cùng)\s+", re.IGNORECASE)
_CLEAN_EDGES = " \t-–•*+,;:.\"'“”"


@dataclass(frozen=True, slots=True)
class ResolvedName:
    """What one name, as written, resolved to.

    ``kind`` is the gazetteer kind of the organ (``commission``, ``party_committee`` …), ``group`` for a group
    (a collective included), ``generic`` for a phrase that names no particular organ, and ``organ`` for a name
    the gazetteer does not know. ``warning`` says what a reviewer should check.
    """

    text: str
    name: str
    uid: str
    resolved: bool
    kind: str
    scope: str | None
    method: str  # exact | expanded | fuzzy | list | generic | unknown | ambiguous
    warning: str | None = None

    def ref(self) -> OrganRef:
        return OrganRef(self.name, self.uid, self.resolved, self.kind, self.scope)


def _as_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def document_context(record: DocumentRecord, gazetteer: Gazetteer) -> Context:
    """The context the record's names are read in: its scope, date and the issuing organ's chain.

    The header's upper body, party unit and issuer are read in turn, each in the context the previous one gave,
    so ``Ban Thường vụ Đảng ủy Khối`` under ``ĐẢNG ỦY KHỐI CÁC CƠ QUAN`` of ``ĐẢNG BỘ TỈNH BÌNH ĐỊNH`` is found.
    """
    ctx = Context(scope=record.scope, on=_as_date(record.date))
    for text in (record.upper_body, record.party_unit, record.issuer):
        match = gazetteer.find(text, ctx, fuzzy=False) if text else None
        if match is not None and isinstance(match.entry, OrganEntry):
            scope = ctx.scope or match.entry.scope
            ctx = Context(scope=scope, on=ctx.on, chain=gazetteer.chain(match.entry.uid))
    return ctx


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(_CLEAN_EDGES)


def _is_generic(text: str, gazetteer: Gazetteer) -> bool:
    key = name_key(text)
    return any(key == p or key.startswith(p + " ") for p in _generic_keys(tuple(gazetteer.rules.generic)))


@lru_cache(maxsize=64)
def _generic_keys(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The keys of the rules' generic phrases, computed once per set of phrases (not on every name)."""
    return tuple(name_key(g) for g in phrases)


def _complete(text: str, ctx: Context, gazetteer: Gazetteer) -> str:
    """An unknown name completed with the document's province where the rules say so."""
    scope = gazetteer.scopes.get(ctx.scope or "")
    if scope is None or scope.level != "province" or not scope.place:
        return text
    if f" {name_key(scope.place)} " in f" {name_key(text)} ":
        return text
    rules = gazetteer.rules
    if any(strip_words(text, suffix) is not None for suffix in rules.province_suffixes):
        return f"{text} {scope.place}"
    first = fold(text.split()[0]) if text.split() else ""
    if any(fold(prefix) == first for prefix in rules.province_prefixes):
        return f"{text} {scope.name}"
    return text


def _unresolved(
    text: str, name: str, ctx: Context, kind: str, method: str, warning: str | None = None
) -> ResolvedName:
    return ResolvedName(text, name, unresolved_organ_uid(ctx.scope, name), False, kind, ctx.scope, method, warning)


def _known(text: str, ctx: Context, gazetteer: Gazetteer, *, fuzzy: bool) -> ResolvedName | None:
    matches = gazetteer.lookup(text, ctx, fuzzy=fuzzy)
    if len(matches) > 1:
        names = " | ".join(m.entry.name for m in matches)
        return _unresolved(text, _complete(text, ctx, gazetteer), ctx, UNKNOWN, "ambiguous", f"ambiguous: {names}")
    if not matches:
        return None
    m = matches[0]
    warnings = []
    if m.method == "fuzzy":
        warnings.append(f"read as {m.entry.name!r} (fuzzy {m.score:.0f})")
    if not m.valid and ctx.on is not None:
        warnings.append(f"{m.entry.name!r} did not exist on {ctx.on.isoformat()}")
    if isinstance(m.entry, GroupEntry) and not m.entry.collective and not expand_group(gazetteer, m.uid, ctx.on):
        warnings.append(f"no member of {m.entry.name!r} existed on {ctx.on}")
    kind = m.entry.kind
    return ResolvedName(text, m.name, m.uid, True, kind, m.entry.scope, m.method, "; ".join(warnings) or None)


def _exact_or_generic(text: str, ctx: Context, gazetteer: Gazetteer) -> ResolvedName | None:
    found = _known(text, ctx, gazetteer, fuzzy=False)
    if found is not None and found.resolved:
        return found
    if _is_generic(text, gazetteer):
        return _unresolved(text, text, ctx, GENERIC, "generic")
    return None


def _as_list(text: str, ctx: Context, gazetteer: Gazetteer) -> tuple[ResolvedName, ...] | None:
    """A list of names each known or generic (longest runs first), or None if any part is unknown."""
    parts = [p for p in _LIST_SEPARATORS.split(text) if p.strip(_CLEAN_EDGES)]
    if len(parts) < 2:
        return None
    out: list[ResolvedName] = []
    i = 0
    while i < len(parts):
        for j in range(len(parts), i, -1):
            piece = _clean(", ".join(parts[i:j]))
            if (found := _exact_or_generic(piece, ctx, gazetteer)) is not None:
                out.append(dataclasses.replace(found, text=piece, method=f"list/{found.method}"))
                i = j
                break
        else:
            return None
    return tuple(out)


def resolve_name(
    text: str, ctx: Context, gazetteer: Gazetteer, *, as_list: bool = True
) -> tuple[ResolvedName, ...]:
    """The identities one name stands for: one, several for a list of names, none for blank text."""
    clean = _clean(text)
    if not clean:
        return ()
    found = _known(clean, ctx, gazetteer, fuzzy=False)
    if found is not None and found.resolved:
        return (found,)
    if _is_generic(clean, gazetteer):
        return (_unresolved(clean, clean, ctx, GENERIC, "generic"),)
    fuzzy = _known(clean, ctx, gazetteer, fuzzy=True)
    if fuzzy is not None and fuzzy.resolved:
        return (fuzzy,)
    if as_list and (listed := _as_list(clean, ctx, gazetteer)) is not None:
        return listed
    return (found or fuzzy or _unresolved(clean, _complete(clean, ctx, gazetteer), ctx, UNKNOWN, "unknown"),)


class _RecordResolver:
    """Resolves the names of one record, once each, and remembers what it used (for ``record.organs``)."""

    def __init__(self, gazetteer: Gazetteer, ctx: Context) -> None:
        self.gazetteer = gazetteer
        self.ctx = ctx
        self._memo: dict[tuple[str, bool], tuple[ResolvedName, ...]] = {}
        self.used: dict[str, ResolvedName] = {}
        self.warnings: list[str] = []

    def _resolve(self, text: str, as_list: bool) -> tuple[ResolvedName, ...]:
        key = (text, as_list)
        if key not in self._memo:
            self._memo[key] = resolve_name(text, self.ctx, self.gazetteer, as_list=as_list)
        for r in self._memo[key]:
            self.used.setdefault(r.name, r)
            if r.warning and (note := f"organ {r.text!r}: {r.warning}") not in self.warnings:
                self.warnings.append(note)
        return self._memo[key]

    def many(self, names: Iterable[str]) -> tuple[str, ...]:
        """Canonical names of a list of names, in order, without repeats.

        A list inside one name is split out; names a splitter cut at a comma inside a name are joined again
        (``Các huyện ủy`` + ``thị ủy`` + ``thành ủy`` → the group), longest run first.
        """
        items = [text for text in names if _clean(text)]
        out: dict[str, None] = {}
        i = 0
        while i < len(items):
            j, found = self._run(items, i)
            out.update((r.name, None) for r in found)
            i = j
        return tuple(out)

    def _run(self, items: list[str], i: int) -> tuple[int, tuple[ResolvedName, ...]]:
        """The longest run of names from ``i`` that reads as one name, else the name at ``i`` alone.

        A run read as a generic phrase is taken only when the names after the first are fragments of a cut
        (``Các sở`` + ``ban`` + ``ngành``), never names that stand on their own.
        """
        for j in range(len(items), i + 1, -1):
            joined = _clean(", ".join(items[i:j]))
            found = _exact_or_generic(joined, self.ctx, self.gazetteer)
            if found is None or (not found.resolved and not all(self._fragment(t) for t in items[i + 1 : j])):
                continue
            self.used.setdefault(found.name, found)
            return j, (found,)
        return i + 1, self._resolve(items[i], True)

    def _fragment(self, text: str) -> bool:
        """A piece of a name cut at a comma: lower case, and neither known nor generic on its own."""
        first = _clean(text)[:1]
        return first.islower() and all(not r.resolved and r.kind == UNKNOWN for r in self._peek(text))

    def _peek(self, text: str) -> tuple[ResolvedName, ...]:
        key = (text, True)
        if key not in self._memo:
            self._memo[key] = resolve_name(text, self.ctx, self.gazetteer)
        return self._memo[key]

    def one(self, text: str | None) -> str | None:
        """The canonical name of a single-valued field (never split into a list)."""
        if not text:
            return text
        found = self._resolve(text, False)
        return found[0].name if found else text

    def refs(self) -> tuple[OrganRef, ...]:
        return tuple(r.ref() for r in self.used.values())


def _task(t: TaskRecord, r: _RecordResolver) -> TaskRecord:
    return dataclasses.replace(
        t, lead=r.many(t.lead), coordinate=r.many(t.coordinate), reports_to=r.many(t.reports_to)
    )


def _subplan(s: SubplanRequirement, r: _RecordResolver) -> SubplanRequirement:
    return dataclasses.replace(s, units=r.many(s.units), submit_to=r.one(s.submit_to), via=r.one(s.via))


def _citation(c: Citation, r: _RecordResolver) -> Citation:
    return dataclasses.replace(c, issuer=r.one(c.issuer)) if c.issuer else c


def _received(x: Received | None, r: _RecordResolver) -> Received | None:
    return dataclasses.replace(x, by=r.one(x.by)) if x is not None and x.by else x


def resolve_record(record: DocumentRecord, gazetteer: Gazetteer) -> DocumentRecord:
    """The record with every organ name replaced by its canonical name and ``organs`` filled in.

    A pure function of the record and the gazetteer.
    Fields: issuer, party unit, task lead/coordinate/reports_to, sub-plan units/submit_to/via, recipients'
    organs, the received stamp and the issuers of cited documents. The upper body is read for context only.
    """
    ctx = document_context(record, gazetteer)
    r = _RecordResolver(gazetteer, ctx)
    resolved = dataclasses.replace(
        record,
        scope=record.scope or ctx.scope,
        party_unit=r.one(record.party_unit),
        issuer=r.one(record.issuer),
        tasks=tuple(_task(t, r) for t in record.tasks),
        subplan_requirements=tuple(_subplan(s, r) for s in record.subplan_requirements),
        recipients=tuple(dataclasses.replace(x, organs=r.many(x.organs)) for x in record.recipients),
        received=_received(record.received, r),
        implements=tuple(_citation(c, r) for c in record.implements),
        cites=tuple(_citation(c, r) for c in record.cites),
    )
    warnings = tuple(dict.fromkeys([*record.warnings, *r.warnings]))
    return dataclasses.replace(resolved, organs=r.refs(), warnings=warnings)


def group_expander(gazetteer: Gazetteer) -> Callable[[str, str | None], list[OrganRef]]:
    """``graph.build``'s ``GroupExpander``: (group uid, ISO date) → the member organs valid that day.

    A collective, or a group with no member valid that day, gives ``[]``: the builder then points at the group
    itself, which the sub-plan audit shows as one labelled row.
    """

    def expand(group_uid: str, iso_date: str | None) -> list[OrganRef]:
        if group_uid not in gazetteer.groups:
            return []
        day = _as_date(iso_date)
        return [
            OrganRef(o.name_on(day), o.uid, True, o.kind, o.scope) for o in expand_group(gazetteer, group_uid, day)
        ]

    return expand
