"""The link pass: run after every load (and on demand) to join what separately loaded documents say.

1. **Citations → documents.** Each citation edge points at the uid its citer guessed
   (``scope:issuer:symbol:year``, :func:`graph.model.document_uid`; a ``cited`` stub until that document is
   loaded, and the loaded document itself when the citation named its issuer as the header does).
   :func:`resolve_citations` decides, from the whole graph, which node every guessed uid means: the loaded
   document with the same symbol (accent/space-insensitive) whose scope, issuer and year agree (an unknown one
   agrees with anything; issuers agree when their keys are equal or :func:`~loaders.organs.same_issuer` says
   their names can be one body), when exactly one does — the exact date breaking ties; otherwise the one most
   specific stub of that symbol it agrees with (``cited:?:27-NQ/TW:?`` →
   ``tw:ban-chap-hanh-trung-uong-dang:27-NQ/TW:2022``); otherwise itself. Edges are re-created on the chosen
   node with the same type, properties, ``owner`` and ``key``, plus ``cited_as`` (the guessed uid: provenance,
   and what lets a later load re-decide); merged stubs are deleted; an edge that would link a document to
   itself is dropped. Decisions are recomputed from the guessed uids each time, so the result does not depend
   on load order and a second run changes nothing.
2. **Facts** (:func:`graph.conflicts.reconcile_facts`): dates filled from citations with provenance, conflicts
   listed on the document.
3. **Cascade parent** (:mod:`graph.parents`): what cited-only documents carry out, from the words citing
   them; then exactly one ``cascade_parent`` per document.
4. **Coverage** (:func:`graph.coverage.write_coverage`): ``DERIVED_FROM`` edges to the loaded cascade parent.

``relink(store)`` returns a :class:`LinkReport`; ``report.summary()`` is the line ``load`` prints::

    link: 1 citation(s) merged, 0 ambiguous, 1 fact(s) filled, 0 conflict(s), 0 cascade parent(s) chosen,
    12 coverage link(s)

>>> uid_parts("cited:?:27-NQ/TW:?")
(None, None, '27-NQ/TW', None)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graph.conflicts import Conflict, reconcile_facts
from graph.coverage import CoverageResult, write_all_coverage
from graph.documents import symbol_key, symbol_type
from graph.model import DOC_TYPES, DocStatus, Rel
from graph.parents import infer_stub_parents, mark_cascade_parents
from graph.store import GraphStore
from graph.stores.cypher import set_properties
from loaders.organs.issuers import same_issuer

__all__ = ["CitationTargets", "DocEdge", "DocInfo", "LinkReport", "relink", "resolve_citations", "uid_parts"]

_DOCUMENTS = """
MATCH (d:Document)
OPTIONAL MATCH (d)-[:ISSUED_BY]->(o)
RETURN d.uid AS uid, d.status AS status, d.symbol AS symbol, d.scope AS scope, d.date AS date, d.type AS type,
       collect(o.name) AS issuers
"""
_EDGES = """
MATCH (a:Document)-[r]->(b:Document)
RETURN a.uid AS source, b.uid AS target, type(r) AS rel, properties(r) AS props
"""
_DELETE_EDGE = """
UNWIND $rows AS row
MATCH (a:Document {{uid: row.source}})-[r:{rel}]->(b:Document {{uid: row.target}})
WHERE coalesce(r.owner, '') = row.owner AND coalesce(r.key, '') = row.key
  AND coalesce(r.cited_as, '') = row.cited_as
DELETE r
"""
_CREATE_EDGE = """
UNWIND $rows AS row
MATCH (a:Document {{uid: row.source}}) MATCH (b:Document {{uid: row.target}})
CREATE (a)-[r:{rel}]->(b) SET """ + set_properties("r", "row.props")
_CREATE_STUB = """
UNWIND $rows AS row
MERGE (d:{labels} {{uid: row.uid}}) ON CREATE SET """ + set_properties("d", "row.props")
_DELETE_STUBS = """
UNWIND $uids AS uid
MATCH (d:Document {uid: uid}) WHERE d.status = 'cited'
DETACH DELETE d
"""
_DELETE_ORPHAN_STUBS = "MATCH (d:Document) WHERE d.status = 'cited' AND NOT (d)--() DELETE d"
_CITATION_RELS = ("IMPLEMENTS", "CITES")


def uid_parts(uid: str) -> tuple[str | None, str | None, str, str | None]:
    """``binh-dinh:tinh-uy:60-KH/TU:2023`` → ``('binh-dinh', 'tinh-uy', '60-KH/TU', '2023')``; ``cited`` and
    ``?`` → ``None``."""
    scope, _, rest = uid.partition(":")
    issuer, _, rest = rest.partition(":")
    symbol, _, year = rest.rpartition(":")
    year_or_none = year if re.fullmatch(r"\d{4}", year) else None
    return (None if scope == "cited" else scope), (None if issuer == "?" else issuer), symbol, year_or_none


@dataclass(frozen=True, slots=True)
class DocInfo:
    """What identity matching needs about a document node (or a guessed uid no node holds any more)."""

    uid: str
    status: str
    symbol: str
    scope: str | None
    year: str | None
    date: str | None = None
    issuers: tuple[str, ...] = ()
    issuer_key: str | None = None

    @property
    def key(self) -> str:
        return symbol_key(self.symbol)


@dataclass(frozen=True, slots=True)
class DocEdge:
    """A relationship between two documents, with all its properties (``owner``, ``key``, ``cited_as`` …)."""

    rel: str
    source: str
    target: str
    props: Mapping[str, Any]

    @property
    def original(self) -> str:
        """The uid the citing document guessed (where the edge was first written)."""
        return str(self.props.get("cited_as") or self.target)


@dataclass(frozen=True, slots=True)
class CitationTargets:
    """Where each citation lands after identity matching: the node a guessed uid means, or the candidates."""

    targets: dict[str, str]  # guessed uid → the node it means (itself when unresolved)
    ambiguous: dict[str, tuple[str, ...]]  # guessed uid → the loaded documents it could equally mean


# --- deciding (pure) ----------------------------------------------------------------------------------------


def _agrees(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _names_agree(a: Sequence[str], b: Sequence[str]) -> bool:
    return not a or not b or any(same_issuer(x, y) for x in a for y in b)


def _issuers_agree(a: DocInfo, b: DocInfo) -> bool:
    """Two documents' issuers can be one body: equal keys, or names :func:`same_issuer` accepts (an unknown
    issuer agrees with anything)."""
    if a.issuer_key and b.issuer_key and a.issuer_key == b.issuer_key:
        return True
    if (a.issuer_key is None and not a.issuers) or (b.issuer_key is None and not b.issuers):
        return True
    names_a = a.issuers or ((a.issuer_key.replace("-", " "),) if a.issuer_key else ())
    names_b = b.issuers or ((b.issuer_key.replace("-", " "),) if b.issuer_key else ())
    return _names_agree(names_a, names_b)


def _narrow(stub: DocInfo, candidates: list[DocInfo]) -> list[DocInfo]:
    """Several documents fit: prefer those whose exact date agrees with the citation."""
    narrowed = [d for d in candidates if stub.date is not None and stub.date == d.date]
    return narrowed if len(candidates) > 1 and narrowed else candidates


def _more_specific(a: DocInfo, b: DocInfo) -> bool:
    """``b`` says everything ``a`` says and more (``tw:X:2022`` is more specific than ``cited:X:?``)."""
    fits = (a.scope in (None, b.scope)) and (a.year in (None, b.year)) and (a.issuer_key in (None, b.issuer_key))
    return fits and (a.scope, a.year, a.issuer_key) != (b.scope, b.year, b.issuer_key)


def _resolve_stub(stub: DocInfo, loaded: list[DocInfo], stubs: list[DocInfo]) -> tuple[str, tuple[str, ...]]:
    fitting = [
        d
        for d in loaded
        if d.uid != stub.uid
        and _agrees(stub.scope, d.scope)
        and _agrees(stub.year, d.year)
        and _issuers_agree(stub, d)
    ]
    fitting = _narrow(stub, fitting)
    if len(fitting) == 1:
        return fitting[0].uid, ()
    if fitting:
        return stub.uid, tuple(sorted(d.uid for d in fitting))
    wider = [s for s in stubs if _more_specific(stub, s) and _names_agree(stub.issuers, s.issuers)]
    maximal = [s for s in wider if not any(_more_specific(s, t) for t in wider)]
    return (maximal[0].uid if len(maximal) == 1 else stub.uid), ()


def resolve_citations(docs: Sequence[DocInfo], edges: Sequence[DocEdge]) -> CitationTargets:
    """Which node every guessed uid on a document edge means (see the module docstring for the rule)."""
    by_uid = {d.uid: d for d in docs}
    issuers: dict[str, set[str]] = {}
    dates: dict[str, set[str]] = {}
    for e in edges:
        issuers.setdefault(e.original, set())
        dates.setdefault(e.original, set())
        if e.rel in _CITATION_RELS:
            issuers[e.original].update([str(e.props["issuer"])] if e.props.get("issuer") else [])
            dates[e.original].update([str(e.props["date"])] if e.props.get("date") else [])
    loaded: dict[str, list[DocInfo]] = {}
    for d in docs:
        if not _is_stub(d) and d.symbol:
            loaded.setdefault(d.key, []).append(d)
    guessed = [_guessed(by_uid.get(u), u, issuers[u], dates[u]) for u in issuers if _is_stub(by_uid.get(u))]
    stubs: dict[str, list[DocInfo]] = {}
    for info in guessed:
        stubs.setdefault(info.key, []).append(info)
    targets, ambiguous = {}, {}
    for info in guessed:
        targets[info.uid], candidates = _resolve_stub(info, loaded.get(info.key, []), stubs[info.key])
        if candidates:
            ambiguous[info.uid] = candidates
    return CitationTargets(targets, ambiguous)


def _is_stub(d: DocInfo | None) -> bool:
    """A stub, or a guessed uid no node holds (its stub was merged away earlier)."""
    return d is None or d.status != DocStatus.LOADED.value


def _guessed(node: DocInfo | None, uid: str, issuers: set[str], dates: set[str]) -> DocInfo:
    scope, issuer, symbol, year = uid_parts(uid)
    only_date = next(iter(dates)) if len(dates) == 1 else None
    status = node.status if node else DocStatus.CITED.value
    symbol = (node.symbol if node else None) or symbol
    return DocInfo(uid, status, symbol, scope, year, only_date, tuple(sorted(issuers)), issuer)


@dataclass(frozen=True, slots=True)
class Move:
    """An edge to re-create between other endpoints (``None``: drop it, it would link a document to itself)."""

    edge: DocEdge
    source: str
    target: str | None


def plan_moves(edges: Sequence[DocEdge], resolution: CitationTargets) -> list[Move]:
    """Edges whose endpoints are not the nodes their guessed uids now resolve to."""
    moves = []
    for e in edges:
        source = resolution.targets.get(e.source, e.source)
        target = resolution.targets.get(e.original, e.original)
        if source == target:
            moves.append(Move(e, source, None))
        elif (source, target) != (e.source, e.target):
            moves.append(Move(e, source, target))
    return moves


# --- reading and writing ------------------------------------------------------------------------------------


def _read_documents(store: GraphStore) -> list[DocInfo]:
    out = []
    for r in store.read(_DOCUMENTS):
        scope, issuer, symbol, year = uid_parts(r["uid"])
        out.append(
            DocInfo(
                r["uid"], r["status"] or DocStatus.CITED.value, r["symbol"] or symbol, r["scope"] or scope,
                year or (r["date"] or "")[:4] or None, r["date"], tuple(n for n in r["issuers"] if n), issuer,
            )
        )  # fmt: skip
    return out


def _read_edges(store: GraphStore) -> list[DocEdge]:
    """Every relationship between documents whose type is in the schema (only those are spliced into Cypher)."""
    known = {rel.value for rel in Rel}
    rows = store.read(_EDGES)
    return [DocEdge(r["rel"], r["source"], r["target"], dict(r["props"] or {})) for r in rows if r["rel"] in known]


def _edge_id(e: DocEdge) -> dict[str, str]:
    p = e.props
    return {
        "source": e.source, "target": e.target, "owner": str(p.get("owner") or ""), "key": str(p.get("key") or ""),
        "cited_as": str(p.get("cited_as") or ""),
    }  # fmt: skip


def _new_props(m: Move) -> dict[str, Any]:
    props = {k: v for k, v in m.edge.props.items() if k != "cited_as" and v is not None}
    if m.target != m.edge.original:
        props["cited_as"] = m.edge.original
    return props


def _stub_rows(moves: Sequence[Move], existing: set[str]) -> dict[str, list[dict[str, Any]]]:
    """Stubs to bring back: a guessed uid that resolves to itself again after its stub was merged away."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for uid in sorted({m.target for m in moves if m.target and m.target not in existing}):
        scope, _, symbol, _ = uid_parts(uid)
        doc_type = DOC_TYPES.get(symbol_type(symbol) or "")
        props = {"symbol": symbol, "status": DocStatus.CITED.value, "scope": scope}
        if doc_type:
            props |= {"type": doc_type.code, "type_name": doc_type.name_vi}
        label = f"Document:{doc_type.label}" if doc_type else "Document"
        rows.setdefault(label, []).append({"uid": uid, "props": {k: v for k, v in props.items() if v}})
    return rows


def _apply(store: GraphStore, moves: Sequence[Move], merged_stubs: Sequence[str], existing: set[str]) -> None:
    """All the edge moves and stub deletions in one transaction."""
    statements: list[tuple[str, Mapping[str, Any]]] = []
    for label, rows in _stub_rows(moves, existing).items():
        statements.append((_CREATE_STUB.format(labels=label), {"rows": rows}))
    for rel in sorted({m.edge.rel for m in moves}):
        mine = [m for m in moves if m.edge.rel == rel]
        ids = {tuple(sorted(_edge_id(m.edge).items())) for m in mine}
        statements.append((_DELETE_EDGE.format(rel=rel), {"rows": [dict(i) for i in sorted(ids)]}))
        creates = [{"source": m.source, "target": m.target, "props": _new_props(m)} for m in mine if m.target]
        statements.append((_CREATE_EDGE.format(rel=rel), {"rows": creates}))
    statements.append((_DELETE_STUBS, {"uids": list(merged_stubs)}))
    statements.append((_DELETE_ORPHAN_STUBS, {}))
    store.write_many(statements)


def merge_citations(store: GraphStore) -> tuple[CitationTargets, list[Move]]:
    """Step 1 of the pass: point every citation at the document it means; delete the stubs merged away."""
    docs = _read_documents(store)
    edges = _read_edges(store)
    resolution = resolve_citations(docs, edges)
    moves = plan_moves(edges, resolution)
    existing = {d.uid for d in docs}
    merged = sorted(u for u, t in resolution.targets.items() if t != u and u in existing)
    if moves or merged:
        _apply(store, moves, merged, existing)
    else:
        store.write(_DELETE_ORPHAN_STUBS)
    return resolution, moves


# --- the pass -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LinkReport:
    """What one link pass did; ``summary()`` is one line for ``load``, ``lines()`` the details."""

    merged: tuple[tuple[str, str], ...] = ()  # (guessed uid, the document it was merged into)
    ambiguous: tuple[tuple[str, tuple[str, ...]], ...] = ()
    self_links_dropped: int = 0
    facts_filled: tuple[tuple[str, str, str, str], ...] = ()  # (uid, fact, value, source)
    conflicts: tuple[Conflict, ...] = ()
    cascade_parents: tuple[tuple[str, str], ...] = ()  # (document, parent) chosen by the rule this time
    coverage: tuple[CoverageResult, ...] = ()

    @property
    def coverage_links(self) -> int:
        return sum(len(c.links) for c in self.coverage)

    def summary(self) -> str:
        n = len
        return (
            f"link: {n(self.merged)} citation(s) merged, {n(self.ambiguous)} ambiguous, "
            f"{n(self.facts_filled)} fact(s) filled, {n(self.conflicts)} conflict(s), "
            f"{n(self.cascade_parents)} cascade parent(s) chosen, {self.coverage_links} coverage link(s)"
        )

    def lines(self) -> list[str]:
        out = [self.summary()]
        out += [f"  merged {a} → {b}" for a, b in self.merged]
        out += [f"  ambiguous {a}: could be {', '.join(c)} (left as a stub)" for a, c in self.ambiguous]
        out += [f"  filled {uid} {fact} = {value} ({source})" for uid, fact, value, source in self.facts_filled]
        out += [f"  conflict {c.line()}" for c in self.conflicts]
        out += [f"  cascade parent of {a}: {b} (by rule)" for a, b in self.cascade_parents]
        out += [f"  coverage {c.line()}" for c in self.coverage]
        return out


def relink(store: GraphStore) -> LinkReport:
    """Run the whole link pass (idempotent; the order documents were loaded in does not matter)."""
    resolution, moves = merge_citations(store)
    infer_stub_parents(store)
    filled, conflicts = reconcile_facts(store)
    chosen = mark_cascade_parents(store)
    results = write_all_coverage(store)
    merged = sorted({(m.edge.original, m.target) for m in moves if m.target and m.target != m.edge.original})
    return LinkReport(
        merged=tuple(merged),
        ambiguous=tuple(sorted(resolution.ambiguous.items())),
        self_links_dropped=sum(1 for m in moves if m.target is None),
        facts_filled=tuple(filled),
        conflicts=tuple(conflicts),
        cascade_parents=tuple(chosen),
        coverage=tuple(results),
    )
