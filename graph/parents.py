"""Which document each one carries out: exactly one ``IMPLEMENTS`` edge per document has ``cascade_parent: true``.

The loader marks the most specific parent it read; when it marked none, or several,
:func:`choose_cascade_parent` picks the lowest-level one: a provincial (or other local) document over a central
one, a plan or programme over a directive or conclusion over a resolution or law, the latest date, and finally
the smallest uid, so the choice never depends on load order.

A document known only from citations has no edges of its own; what it carries out is often in the citation's
words (``Kế hoạch số 11-KH/TW ngày 28/11/2022 của Bộ Chính trị về thực hiện Nghị quyết 27``).
:func:`infer_stub_parents` turns those words into an ``IMPLEMENTS`` edge (``key: 'inferred'``, owned by the
citing document, with its ``src`` and ``text``) when the citing document cites exactly one document they name.

>>> choose_cascade_parent([ParentEdge("a", "tw:27-NQ/TW:2022", "tw", "NQ", "2022-11-09"),
...                        ParentEdge("a", "tw:11-KH/TW:2022", "tw", "KH", "2022-11-28")]).target
'tw:11-KH/TW:2022'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date as _date
from typing import Any

from graph.documents import symbol_key, symbol_type
from graph.store import GraphStore
from graph.stores.cypher import set_properties
from loaders.text import fold
from loaders.text.scopes import CENTRAL_SCOPE

__all__ = [
    "ParentEdge",
    "carried_out_in_citation",
    "choose_cascade_parent",
    "implemented_in_citation",
    "infer_stub_parents",
    "mark_cascade_parents",
]

_PLAN_TYPES = {"KH", "CTr", "CTHĐ", "ĐA", "HD"}
_RESOLUTION_TYPES = {"NQ", "Luật", "NĐ"}


# --- the cascade parent -----------------------------------------------------------------------------------------

_PARENT_EDGES = """
MATCH (a:Document)-[r:IMPLEMENTS]->(b:Document)
WHERE a.uid <> b.uid
RETURN a.uid AS source, b.uid AS target, b.scope AS scope, b.type AS type, b.symbol AS symbol, b.date AS date,
       r.cascade_parent AS marked, r.key AS key, r.cited_as AS cited_as
"""
_SET_PARENT = """
UNWIND $rows AS row
MATCH (a:Document {uid: row.source})-[r:IMPLEMENTS]->(b:Document {uid: row.target})
WHERE coalesce(r.key, '') = row.key AND coalesce(r.cited_as, '') = row.cited_as
SET r.cascade_parent = row.value
"""


@dataclass(frozen=True, slots=True)
class ParentEdge:
    """An ``IMPLEMENTS`` edge with what the rule needs about its target."""

    source: str
    target: str
    scope: str | None = None
    type: str | None = None
    date: str | None = None
    marked: bool = False
    key: str = ""
    cited_as: str = ""


def _rank(e: ParentEdge) -> tuple[int, int, int, str]:
    level = 2 if e.scope == CENTRAL_SCOPE else 1 if e.scope in (None, "cited") else 0
    kind = 0 if e.type in _PLAN_TYPES else 2 if e.type in _RESOLUTION_TYPES else 1
    try:
        newest = -_date.fromisoformat(e.date or "").toordinal()
    except ValueError:
        newest = 0
    return level, kind, newest, e.target


def choose_cascade_parent(edges: Sequence[ParentEdge]) -> ParentEdge | None:
    """The loader's mark when there is exactly one; otherwise the lowest-level of the marked (or of all) edges."""
    marked = [e for e in edges if e.marked]
    if len(marked) == 1:
        return marked[0]
    return min(marked or edges, key=_rank, default=None)


def _read_parent_edges(store: GraphStore) -> dict[str, list[ParentEdge]]:
    by_source: dict[str, list[ParentEdge]] = {}
    for r in store.read(_PARENT_EDGES):
        scope = r["scope"] or (r["target"].split(":", 1)[0] if ":" in r["target"] else None)
        edge = ParentEdge(
            r["source"], r["target"], scope, r["type"] or symbol_type(r["symbol"]), r["date"],
            r["marked"] is True, str(r["key"] or ""), str(r["cited_as"] or ""),
        )  # fmt: skip
        by_source.setdefault(edge.source, []).append(edge)
    return by_source


def mark_cascade_parents(store: GraphStore) -> list[tuple[str, str]]:
    """Leave exactly one ``cascade_parent: true`` per document; return ``(document, parent)`` where the rule
    (not the loader) chose and the mark changed."""
    rows, chosen_by_rule = [], []
    for source, edges in sorted(_read_parent_edges(store).items()):
        best = choose_cascade_parent(edges)
        for e in edges:
            value = e is best
            if e.marked != value:
                rows.append(
                    {"source": e.source, "target": e.target, "key": e.key, "cited_as": e.cited_as, "value": value}
                )
        if best is not None and sum(e.marked for e in edges) != 1 and not best.marked:
            chosen_by_rule.append((source, best.target))
    if rows:
        store.write(_SET_PARENT, {"rows": rows})
    return chosen_by_rule


# --- what a cited-only document implements -------------------------------------------------------------------

_CITATIONS_OF_STUBS = """
MATCH (d:Document)-[r:IMPLEMENTS|CITES]->(t:Document)
WHERE d.status = 'loaded' AND t.status = 'cited' AND r.text IS NOT NULL
RETURN d.uid AS citer, t.uid AS stub, t.symbol AS symbol, r.text AS text, r.src AS src
"""
_CITED_BY = """
MATCH (d:Document)-[:IMPLEMENTS|CITES]->(x:Document)
WHERE d.uid IN $citers
RETURN d.uid AS citer, x.uid AS uid, x.symbol AS symbol, x.type AS type
"""
_INFERRED = """
MATCH (a:Document)-[r:IMPLEMENTS]->(b:Document) WHERE r.key = 'inferred'
RETURN a.uid AS source, b.uid AS target, properties(r) AS props
"""
_DELETE_INFERRED = "MATCH (:Document)-[r:IMPLEMENTS]->(:Document) WHERE r.key = 'inferred' DELETE r"
_CREATE_INFERRED = """
UNWIND $rows AS row
MATCH (a:Document {uid: row.source}) MATCH (b:Document {uid: row.target})
CREATE (a)-[r:IMPLEMENTS]->(b) SET """ + set_properties("r", "row.props")
_TYPE_WORDS = {
    "nghi quyet": "NQ", "ket luan": "KL", "chi thi": "CT", "ke hoach": "KH", "chuong trinh hanh dong": "CTr",
    "chuong trinh": "CTr", "quyet dinh": "QĐ", "quy dinh": "QĐi", "huong dan": "HD", "thong bao": "TB",
    "de an": "ĐA",
}  # fmt: skip
_CARRIES_OUT = re.compile(
    r"\b(?:thuc hien|trien khai(?: thuc hien)?)\s+(?P<type>" + "|".join(_TYPE_WORDS) + r")"
    r"\s+(?:so\s+)?(?P<symbol>\d+(?:\s*[-/]\s*[\w.]+)*)"
)


# After one carried-out document, its date and issuer, ``và`` (or a comma) and the next one it carries out:
# ``… thực hiện Nghị quyết số 71/NQ-CP ngày 01/5/2025 của Chính phủ và Chương trình hành động số 10-CTr/TU``.
# A description (``về …``) ends the list: what follows it is what the last one carries out.
_AND_ALSO = re.compile(
    r"(?:\s+ngay\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4})?(?:\s*,?\s+cua\s+(?:(?!\b(?:va|ve)\b)[^,;(])*?)?"
    r"\s*(?:,|\bva\b)\s*(?P<type>" + "|".join(_TYPE_WORDS) + r")\s+(?:so\s+)?(?P<symbol>\d+(?:\s*[-/]\s*[\w.]+)*)"
)


def implemented_in_citation(text: str, own_symbol: str | None) -> tuple[str, str] | None:
    """``(type code, number or symbol)`` of the (first) document a citation says the cited one carries out.

    >>> implemented_in_citation("Kế hoạch số 11-KH/TW ngày 28/11/2022 của Bộ Chính trị về thực hiện Nghị quyết 27",
    ...                         "11-KH/TW")
    ('NQ', '27')
    """
    found = carried_out_in_citation(text, own_symbol)
    return found[0] if found else None


def carried_out_in_citation(text: str, own_symbol: str | None) -> tuple[tuple[str, str], ...]:
    """Every document a citation says the cited one carries out, in order: ``Kế hoạch số 283/KH-UBND … về thực
    hiện Nghị quyết số 71/NQ-CP … của Chính phủ và Chương trình hành động số 10-CTr/TU … về thực hiện Nghị
    quyết số 57-NQ/TW`` → 71/NQ-CP and 10-CTr/TU (57-NQ/TW is what 10-CTr/TU carries out)."""
    folded = fold(text)
    own = fold(own_symbol or "")
    tail = folded[folded.index(own) + len(own) :] if own and own in folded else folded
    m = _CARRIES_OUT.search(tail)
    if m is None:
        return ()
    found = [(_TYPE_WORDS[m.group("type")], re.sub(r"\s+", "", m.group("symbol")))]
    pos = m.end()
    while more := _AND_ALSO.match(tail, pos):
        found.append((_TYPE_WORDS[more.group("type")], re.sub(r"\s+", "", more.group("symbol"))))
        pos = more.end()
    return tuple(found)


def _number(symbol: str | None) -> str | None:
    m = re.match(r"\s*(\d+)", symbol or "")
    return m.group(1) if m else None


def _names(candidate: dict[str, Any], code: str, symbol: str) -> bool:
    """Whether a cited document is the one ``Nghị quyết 27`` / ``Nghị quyết số 27-NQ/TW`` means."""
    if (candidate["type"] or symbol_type(candidate["symbol"])) != code:
        return False
    if "/" in symbol or "-" in symbol:
        return symbol_key(candidate["symbol"]) == symbol_key(symbol)
    return _number(candidate["symbol"]) == symbol


def _target(ref: tuple[str, str], cited: Sequence[dict[str, Any]], stub: str) -> str | None:
    """The one document the citer cites that the reference names (``Nghị quyết 27`` → ``27-NQ/TW``)."""
    hits = {c["uid"] for c in cited if c["uid"] != stub and _names(c, *ref)}
    return hits.pop() if len(hits) == 1 else None


def infer_stub_parents(store: GraphStore) -> list[tuple[str, str]]:
    """``IMPLEMENTS`` edges (``key: 'inferred'``) from cited-only documents to what their citations say they
    carry out (``11-KH/TW … về thực hiện Nghị quyết 27`` → ``27-NQ/TW``), owned by the first citing document.
    Recomputed each time; returns the ``(stub, target)`` pairs."""
    rows = store.read(_CITATIONS_OF_STUBS)
    cited: dict[str, list[dict[str, Any]]] = {}
    for r in store.read(_CITED_BY, {"citers": sorted({r["citer"] for r in rows})}):
        cited.setdefault(r["citer"], []).append(r)
    wanted: dict[tuple[str, str], dict[str, Any]] = {}
    for r in sorted(rows, key=lambda r: (r["citer"], r["src"] or "")):
        for ref in carried_out_in_citation(r["text"], r["symbol"]):
            target = _target(ref, cited.get(r["citer"], []), r["stub"])
            if target and (r["stub"], target) not in wanted:
                props = {"owner": r["citer"], "key": "inferred", "src": r["src"], "text": r["text"]}
                props["inferred"] = True
                wanted[(r["stub"], target)] = {k: v for k, v in props.items() if v is not None}
    have = {(r["source"], r["target"]): _without_mark(r["props"]) for r in store.read(_INFERRED)}
    if have != {k: _without_mark(v) for k, v in wanted.items()}:
        rows_out = [{"source": a, "target": b, "props": p} for (a, b), p in sorted(wanted.items())]
        store.write_many([(_DELETE_INFERRED, {}), (_CREATE_INFERRED, {"rows": rows_out})])
    return sorted(wanted)


def _without_mark(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if k != "cascade_parent"}
