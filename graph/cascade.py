"""The cascade tree above and below one document, as data (:func:`cascade_tree`) and as text
(:func:`format_cascade`), following the ``IMPLEMENTS {cascade_parent: true}`` edges that
:mod:`graph.parents` keeps at exactly one per document.

A document that carries out several others (a province's plan for a Government resolution and for the Party
committee's programme on the same subject) has one cascade parent, the lowest level, which the tree follows;
its other ``IMPLEMENTS`` parents, above the focus, are listed beside it (``other_parents``, each with the chain
above it), so every chain through the document can be walked (:func:`links`) while the audit keeps one.

Each level shows its coverage of its parent (parent key tasks carried / addressed to it, from
:mod:`graph.coverage`). The document is found by :func:`graph.documents.resolve_document`: a symbol that names
several documents raises :class:`~graph.documents.AmbiguousDocument` listing them.

    27-NQ/TW → 11-KH/TW → 60-KH/TU → 80-KH/ĐUK

    27-NQ/TW  Nghị quyết · 2022-11-09 · cited
    └─ 11-KH/TW  Kế hoạch · 2022-11-28 · cited
       └─ 60-KH/TU  Kế hoạch · 2023-05-24 (cited in binh-dinh:80-KH/ĐUK:2023) · loaded
          └─ 80-KH/ĐUK  Kế hoạch · 2023-06-27 · loaded · coverage 9/9  ◀
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from common.glossary import DOCUMENT_STATUS
from graph.documents import issuer_of, resolve_document
from graph.store import GraphStore

__all__ = [
    "CascadeNode",
    "cascade_tree",
    "format_cascade",
    "links",
]

_MAX_DEPTH = 12  # no real cascade is deeper; a guard against cycles in bad data


# --- the tree ----------------------------------------------------------------------------------------------------

_UP = """
MATCH (d:Document {uid: $uid})-[r:IMPLEMENTS]->(p:Document)
WHERE r.cascade_parent = true
RETURN p.uid AS uid
"""
_OTHER_UP = """
MATCH (d:Document)-[r:IMPLEMENTS]->(p:Document)
WHERE d.uid IN $uids AND coalesce(r.cascade_parent, false) = false AND p.uid <> d.uid
RETURN DISTINCT d.uid AS uid, p.uid AS parent
"""
_DOWN = """
MATCH (c:Document)-[r:IMPLEMENTS]->(p:Document)
WHERE p.uid IN $uids AND r.cascade_parent = true AND c.uid <> p.uid
RETURN c.uid AS child, p.uid AS parent
"""
_INFO = """
MATCH (d:Document) WHERE d.uid IN $uids
OPTIONAL MATCH (d)-[:ISSUED_BY]->(o)
WITH d, collect(o.name) AS issuers
OPTIONAL MATCH (:Document)-[r:IMPLEMENTS|CITES]->(d) WHERE size(issuers) = 0  // a stub: named by its citers
RETURN d.uid AS uid, d.symbol AS symbol, d.type_name AS type_name, d.title AS title, d.date AS date,
       d.date_source AS date_source, d.status AS status, d.coverage_covered AS covered,
       d.coverage_total AS total, issuers, collect(r.issuer) AS cited_issuers
"""


@dataclass(frozen=True, slots=True)
class CascadeNode:
    """One document in a cascade tree; ``coverage`` is ``(covered, total)`` of its parent's key tasks."""

    uid: str
    symbol: str | None
    type_name: str | None = None
    title: str | None = None
    date: str | None = None
    date_source: str | None = None
    status: str | None = None
    issuer: str | None = None
    coverage: tuple[int, int] | None = None
    focus: bool = False
    children: tuple[CascadeNode, ...] = field(default=())
    # the document's other IMPLEMENTS parents: each the top of its own chain, which ends at that parent
    other_parents: tuple[CascadeNode, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def walk(self) -> Iterable[CascadeNode]:
        yield self
        for child in self.children:
            yield from child.walk()


def _leaf(node: CascadeNode) -> CascadeNode:
    while node.children:
        node = node.children[0]
    return node


def links(tree: CascadeNode) -> Iterable[tuple[CascadeNode, CascadeNode, bool]]:
    """Every ``(parent, child, is_cascade_parent)`` the tree shows: its own edges, the chains of other parents
    and the link from each other parent to the document that carries it out."""
    for child in tree.children:
        yield tree, child, True
        yield from links(child)
    for top in tree.other_parents:
        yield from links(top)
        yield _leaf(top), tree, False


def _ancestors(store: GraphStore, uid: str) -> list[str]:
    chain = [uid]
    while len(chain) < _MAX_DEPTH and (rows := store.read(_UP, {"uid": chain[-1]})):
        parent = sorted(r["uid"] for r in rows)[0]
        if parent in chain:
            break
        chain.append(parent)
    return chain[::-1]


def _descendants(store: GraphStore, uid: str, seen: set[str]) -> dict[str, list[str]]:
    children: dict[str, list[str]] = {}
    frontier = [uid]
    for _ in range(_MAX_DEPTH):
        rows = [r for r in store.read(_DOWN, {"uids": frontier}) if r["child"] not in seen]
        if not rows:
            break
        for r in sorted(rows, key=lambda r: r["child"]):
            if r["child"] not in seen:
                seen.add(r["child"])
                children.setdefault(r["parent"], []).append(r["child"])
        frontier = sorted({r["child"] for r in rows})
    return children


def _info(store: GraphStore, uids: Iterable[str]) -> dict[str, dict[str, Any]]:
    out = {}
    for r in store.read(_INFO, {"uids": sorted(set(uids))}):
        r["issuer"] = issuer_of(r["issuers"], r["cited_issuers"])
        out[r["uid"]] = r
    return out


def _node(
    uid: str,
    info: dict[str, dict[str, Any]],
    children: tuple[CascadeNode, ...],
    focus: str,
    others: tuple[CascadeNode, ...] = (),
) -> CascadeNode:
    r = info.get(uid, {})
    covered, total = r.get("covered"), r.get("total")
    ratio = (int(covered or 0), int(total)) if total is not None else None
    return CascadeNode(
        uid, r.get("symbol"), r.get("type_name"), r.get("title"), r.get("date"), r.get("date_source"),
        r.get("status"), r.get("issuer"), ratio, uid == focus, children, others,
    )  # fmt: skip


def _other_chains(store: GraphStore, chain: list[str]) -> dict[str, list[list[str]]]:
    """For each document from the top down to the focus, the chains (top first) above its other parents."""
    out: dict[str, list[list[str]]] = {}
    for r in sorted(store.read(_OTHER_UP, {"uids": chain}), key=lambda r: (r["uid"], r["parent"])):
        if r["parent"] not in chain:
            out.setdefault(r["uid"], []).append(_ancestors(store, r["parent"]))
    return out


def cascade_tree(store: GraphStore, symbol_or_uid: str) -> CascadeNode:
    """The cascade through one document: its ancestors up to the top, and everything below it.

    Raises :class:`~graph.documents.AmbiguousDocument` when a symbol names several documents,
    :class:`~graph.documents.UnknownDocument` when none.
    """
    focus = resolve_document(store, symbol_or_uid).uid
    chain = _ancestors(store, focus)
    below = _descendants(store, focus, set(chain))
    others = _other_chains(store, chain)
    above = [uid for chains in others.values() for c in chains for uid in c]
    info = _info(store, [*chain, *above, *(c for kids in below.values() for c in kids)])

    def line(uids: list[str]) -> CascadeNode:
        node = _node(uids[-1], info, (), focus)
        for uid in reversed(uids[:-1]):
            node = _node(uid, info, (node,), focus)
        return node

    def beside(uid: str) -> tuple[CascadeNode, ...]:
        return tuple(line(c) for c in others.get(uid, []))

    def build(uid: str) -> CascadeNode:
        return _node(uid, info, tuple(build(c) for c in below.get(uid, [])), focus, beside(uid))

    node = build(focus)
    for uid in reversed(chain[:-1]):
        node = _node(uid, info, (node,), focus, beside(uid))
    return node


# --- as text ------------------------------------------------------------------------------------------------


def _chain(tree: CascadeNode) -> list[str]:
    """Symbols from the top down through the focus, then on while the line does not branch."""
    names, node, past_focus = [], tree, False
    while True:
        names.append(node.symbol or node.uid)
        past_focus = past_focus or node.focus
        if len(node.children) != 1 and (past_focus or not node.children):
            return names
        node = node.children[0] if len(node.children) == 1 else next(c for c in node.children if _has_focus(c))


def _has_focus(node: CascadeNode) -> bool:
    return any(n.focus for n in node.walk())


def _vi_date(iso: str) -> str:
    """``2023-05-24`` → ``24/05/2023`` (anything else as it is)."""
    parts = iso.split("-")
    return "/".join(reversed(parts)) if len(parts) == 3 else iso


def _citer(date_source: str) -> str:
    """The citing document's number in ``cited in <uid>[:<line>]``: the part of the uid that is a symbol."""
    uid = date_source.removeprefix("cited in ")
    return next((part for part in uid.split(":") if "/" in part), uid)


def _describe(n: CascadeNode) -> str:
    date = _vi_date(n.date) if n.date else "chưa rõ ngày"
    if n.date and n.date_source and n.date_source.startswith("cited in"):
        date += f" (theo trích dẫn trong {_citer(n.date_source)})"
    parts = [n.type_name, date, n.issuer, DOCUMENT_STATUS.get(n.status or "", n.status)]
    if n.coverage is not None:
        parts.append(f"bao quát {n.coverage[0]}/{n.coverage[1]} nhiệm vụ chính")
    line = f"{n.symbol or n.uid}  " + " · ".join(p for p in parts if p)
    return line + ("  ◀" if n.focus else "")


def _lines(node: CascadeNode, prefix: str, last: bool, top: bool) -> list[str]:
    branch = "" if top else ("└─ " if last else "├─ ")
    out = [prefix + branch + _describe(node)]
    inner = prefix if top else prefix + ("   " if last else "│  ")
    for other in node.other_parents:
        names = [n.symbol or n.uid for n in other.walk()]
        out.append(
            f"{inner}   cũng thực hiện {names[-1]} (không phải văn bản cấp trên trực tiếp): {' → '.join(names)}"
        )
    for i, child in enumerate(node.children):
        out += _lines(child, inner, i == len(node.children) - 1, False)
    return out


def format_cascade(tree: CascadeNode) -> str:
    """The chain on one line, then the indented tree with dates, issuers, status and coverage."""
    return " → ".join(_chain(tree)) + "\n\n" + "\n".join(_lines(tree, "", True, True))
