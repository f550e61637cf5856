"""Facts about a document that its citations give, reconciled: missing dates filled, disagreements listed.

Nothing is stored twice: the dates live on the citing edges (``IMPLEMENTS``/``CITES`` ``date``, with ``src``
= ``<citing uid>:<line>``) and on the document itself (its own date, or one filled from a citation with
``date_source = 'cited in <citing uid>'``). Conflicts are recomputed from those on demand
(:func:`list_conflicts`); the link pass also copies them onto the document as a ``conflicts`` list of strings so
a Cypher user sees them (``MATCH (d:Document) WHERE d.conflicts IS NOT NULL``).

>>> cites = [CitedDate("2022-11-09", "a:1", "a"), CitedDate("2022-12-09", "a:2", "a")]
>>> decision = reconcile_date(None, None, cites)
>>> decision.date, decision.conflict.values[0].value
('2022-11-09', '2022-11-09')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from graph.store import GraphStore

__all__ = [
    "CITED_IN",
    "CitedDate",
    "Conflict",
    "ConflictValue",
    "DateDecision",
    "list_conflicts",
    "own_date",
    "reconcile_date",
    "reconcile_facts",
]

CITED_IN = "cited in "

_DOCUMENTS = """
MATCH (d:Document)
RETURN d.uid AS uid, d.symbol AS symbol, d.status AS status, d.date AS date, d.date_source AS date_source,
       d.date_src AS date_src, d.conflicts AS conflicts, d.src AS src, d.title AS title
"""
_SET_FACTS = """
UNWIND $rows AS row
MATCH (d:Document {uid: row.uid})
SET d.date = date(row.date), d.date_source = row.date_source, d.date_src = row.date_src,
    d.conflicts = row.conflicts,
    d.src = row.src, d.title = row.title
"""
_STUB_CITATIONS = """
MATCH (c:Document)-[r:IMPLEMENTS|CITES]->(d:Document)
WHERE d.status = 'cited'
RETURN d.uid AS uid, r.src AS src, r.title AS title
"""
_CITED_DATES = """
MATCH (c:Document)-[r:IMPLEMENTS|CITES]->(d:Document)
WHERE r.date IS NOT NULL
RETURN d.uid AS uid, d.symbol AS symbol, d.status AS status, d.date AS date, d.date_source AS date_source,
       r.date AS cited, r.src AS src, c.uid AS citer
"""


@dataclass(frozen=True, slots=True)
class CitedDate:
    """One citation's date for a document: the value, the citing line and the citing document."""

    value: str
    src: str | None
    citer: str


@dataclass(frozen=True, slots=True)
class ConflictValue:
    value: str
    sources: tuple[str, ...]  # "own" for the document's own text, else "cited in <src>"

    def text(self) -> str:
        return f"{self.value} ({'; '.join(self.sources)})"


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two or more values of one fact about a document, each with where it came from."""

    uid: str
    symbol: str | None
    status: str | None
    fact: str
    values: tuple[ConflictValue, ...]

    def text(self) -> str:
        """``date: 2022-11-09 (cited in a:22) ≠ 2022-12-09 (cited in a:17)``"""
        return f"{self.fact}: " + " ≠ ".join(v.text() for v in self.values)

    def line(self) -> str:
        return f"{self.symbol or self.uid} [{self.uid}] {self.text()}"


@dataclass(frozen=True, slots=True)
class DateDecision:
    """What the document's date should be after reconciliation, and the disagreement if any."""

    date: str | None
    date_source: str | None
    date_src: str | None
    conflict: Conflict | None


def own_date(date: str | None, date_source: str | None) -> str | None:
    """The date the document's own text gives (not one a previous link pass copied from a citation)."""
    if date is None or (date_source or "").startswith(CITED_IN):
        return None
    return date


def _conflict(uid: str, own: str | None, cited: Sequence[CitedDate], symbol: str | None, status: str | None):
    values: dict[str, list[str]] = {}
    if own:
        values[own] = ["own"]
    for c in sorted(cited, key=lambda c: (c.value, c.src or c.citer)):
        values.setdefault(c.value, []).append(f"cited in {c.src or c.citer}")
    if len(values) < 2:
        return None
    ordered = sorted(values.items(), key=lambda kv: (kv[1][0] != "own", -len(kv[1]), kv[0]))
    return Conflict(uid, symbol, status, "date", tuple(ConflictValue(v, tuple(s)) for v, s in ordered))


def reconcile_date(
    date: str | None,
    date_source: str | None,
    cited: Sequence[CitedDate],
    *,
    uid: str = "",
    symbol: str | None = None,
    status: str | None = None,
) -> DateDecision:
    """The document's own date wins; without one, the date most citations give (ties: the earliest), with
    ``date_source = 'cited in <citing uids>'`` and ``date_src`` the first citing line. Any disagreement, among
    citations or with the own date, is returned as a :class:`Conflict` (both values kept, with provenance)."""
    own = own_date(date, date_source)
    conflict = _conflict(uid, own, cited, symbol, status)
    if own is not None or not cited:
        keep = None if (date_source or "").startswith(CITED_IN) else date_source  # e.g. "not printed in this copy"
        return DateDecision(own, keep, None, conflict)
    counts: dict[str, list[CitedDate]] = {}
    for c in cited:
        counts.setdefault(c.value, []).append(c)
    chosen = min(counts, key=lambda v: (-len(counts[v]), v))
    citers = sorted({c.citer for c in counts[chosen]})
    first_src = min((c.src for c in counts[chosen] if c.src), default=None)
    return DateDecision(chosen, CITED_IN + ", ".join(citers), first_src, conflict)


def _rows_by_document(rows: Sequence[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(row["uid"], []).append(row)
    return grouped


def _cited_dates(store: GraphStore) -> dict[str, list[CitedDate]]:
    grouped: dict[str, list[CitedDate]] = {}
    for r in store.read(_CITED_DATES):
        grouped.setdefault(r["uid"], []).append(CitedDate(str(r["cited"]), r["src"], r["citer"]))
    return grouped


def _stub_facts(store: GraphStore) -> dict[str, dict[str, str]]:
    """What a stub's citers say beyond the date: its ``src`` is the first line citing it and its ``title`` the
    one most citations give (ties: the longest), whichever citer happened to create the node."""
    srcs: dict[str, list[str]] = {}
    titles: dict[str, list[str]] = {}
    for r in store.read(_STUB_CITATIONS):
        srcs.setdefault(r["uid"], []).extend([r["src"]] if r["src"] else [])
        titles.setdefault(r["uid"], []).extend([r["title"]] if r["title"] else [])
    out: dict[str, dict[str, str]] = {}
    for uid in srcs:
        facts = {"src": min(srcs[uid])} if srcs[uid] else {}
        if titles[uid]:
            facts["title"] = min(set(titles[uid]), key=lambda t: (-titles[uid].count(t), -len(t), t))
        out[uid] = facts
    return out


def _stored(row: dict[str, Any], key: str) -> Any:
    value = row[key]
    return list(value) if isinstance(value, tuple) else value


def reconcile_facts(store: GraphStore) -> tuple[list[tuple[str, str, str, str]], list[Conflict]]:
    """Fill each document's missing date from its citations and record conflicts on it (idempotent); a stub's
    ``src`` and ``title`` are taken from all its citations, not from whichever citer created it.

    Returns the facts filled or changed this time, as ``(uid, 'date', value, source)``, and every conflict.
    """
    cited = _cited_dates(store)
    stub_facts = _stub_facts(store)
    rows, filled, conflicts = [], [], []
    for row in store.read(_DOCUMENTS):
        stub = row["status"] == "cited"  # a stub's facts all come from its citations (even a deleted document's)
        d = reconcile_date(
            None if stub else row["date"], row["date_source"], cited.get(row["uid"], []),
            uid=row["uid"], symbol=row["symbol"], status=row["status"],
        )  # fmt: skip
        new = {
            "date": d.date, "date_source": d.date_source, "date_src": d.date_src,
            "conflicts": [d.conflict.text()] if d.conflict else None, "src": row["src"], "title": row["title"],
        }  # fmt: skip
        if stub:
            new |= stub_facts.get(row["uid"], {})
        if any(new[k] != _stored(row, k) for k in new):
            rows.append({"uid": row["uid"], **new})
            if d.date and d.date != row["date"] and d.date_source:
                filled.append((row["uid"], "date", d.date, d.date_source))
        if d.conflict:
            conflicts.append(d.conflict)
    if rows:
        store.write(_SET_FACTS, {"rows": rows})
    return filled, sorted(conflicts, key=lambda c: c.uid)


def list_conflicts(store: GraphStore) -> list[Conflict]:
    """Every document whose date is given differently by its citations, or differs from its own date.

    >>> # for c in list_conflicts(store): print(c.line())
    >>> # 27-NQ/TW [tw:27-NQ/TW:2022] date: 2022-11-09 (cited in …:22; …) ≠ 2022-12-09 (cited in …:17)
    """
    out = []
    for uid, rows in sorted(_rows_by_document(store.read(_CITED_DATES)).items()):
        first = rows[0]
        cited = [CitedDate(str(r["cited"]), r["src"], r["citer"]) for r in rows]
        decision = reconcile_date(
            first["date"],
            first["date_source"],
            cited,
            uid=uid,
            symbol=first["symbol"],
            status=first["status"],
        )
        if decision.conflict:
            out.append(decision.conflict)
    return out
