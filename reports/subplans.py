"""The sub-plan audit: which units a plan ordered to issue their own plan did so, on time, late, or not at all.

One row per unit (the loader already expanded ``các huyện ủy, thị ủy, thành ủy`` into one REQUIRES_SUBPLAN edge
per unit). The rows come from the saved query ``queries/subplan_audit.cypher`` — the one definition of "a
sub-plan was found" — and this module adds the status with the days late, and the sentence that gave the order.

Nobody is left out silently:

* a collective the gazetteer cannot list (``chi bộ, đảng bộ cơ sở trực thuộc Đảng ủy Khối``) stays one row with
  ``unit_kind == "collective"`` and status ``units_not_listed``: the audit cannot say which of its units are
  missing until someone lists them in ``data/organs/``;
* a member of an ordered group whose existence the gazetteer has not confirmed (``unconfirmed: true``: the
  Đảng ủy Khối Doanh nghiệp, Quân sự and Bộ đội Biên phòng tỉnh Bình Định among "các đảng ủy trực thuộc Tỉnh ủy")
  is not one of the units the order expanded to, but :func:`unconfirmed_units` gives it a row with status
  ``unconfirmed`` and the reason, counted apart.

Rows come in the organs' own order (:func:`reports.evidence.organ_order`): level, kind, then Vietnamese order.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from graph.documents import resolve_document
from graph.organ_parts import PART_OF_WALK
from graph.store import GraphStore
from queries.catalog import get_query
from reports.evidence import organ_order
from reports.model import Report, ReportError, parse_iso_date
from reports.subplan_rows import SubplanRow, SubplanStatus, days_overdue, subplan_status
from reports.subplan_tables import subplan_document

__all__ = [
    "SubplanRow",
    "SubplanStatus",
    "audit_counts",
    "audit_every_plan",
    "audit_plans",
    "audit_resolution",
    "audit_subplans",
    "plans_under",
    "subplan_report",
    "subplan_status",
    "subplan_statuses",
    "unconfirmed_units",
]


_UNLISTED = (
    "Danh mục cơ quan chưa liệt kê từng đơn vị thuộc «{unit}»: chưa kiểm tra được đơn vị nào đã hay chưa ban "
    "hành kế hoạch."
)
_UNCONFIRMED_REASON = (
    "Danh mục cơ quan ({file}) ghi đơn vị là một trong «{group}» nhưng chưa xác minh đơn vị có tồn tại khi kế "
    "hoạch được ban hành; không tính vào số đơn vị phải xây dựng kế hoạch cho đến khi được xác minh."
)
_KINDS = "MATCH (o:Organ) WHERE o.uid IN $uids RETURN o.uid AS uid, o.kind AS kind, o.level AS level"
# Members of the groups a plan's order named (through a unit's via_group, or the group itself when it could not
# be expanded), which the gazetteer has not confirmed and which existed while the order ran (the saved query's
# rule); the sub-plans they issued, if any were loaded.
_UNCONFIRMED = f"""
MATCH (p:Document {{uid: $plan}})-[r:REQUIRES_SUBPLAN]->(x)
WITH p, r, CASE WHEN 'OrganGroup' IN labels(x) THEN x.name ELSE r.via_group END AS group_name
WHERE group_name IS NOT NULL
MATCH (u:Organ)-[m:MEMBER_OF]->(g:OrganGroup)
WHERE g.name = group_name AND m.unconfirmed = true
  AND (u.valid_from IS NULL OR u.valid_from <= coalesce(r.deadline, p.date, u.valid_from))
  AND (u.valid_to IS NULL OR p.date IS NULL OR u.valid_to >= p.date)
OPTIONAL MATCH (c:Document)-[:IMPLEMENTS]->(p), (c)-[:ISSUED_BY]->(:Organ){PART_OF_WALK}(u)
WHERE c.status = 'loaded' AND (c.date IS NULL OR c.date <= $as_of)
RETURN p.symbol AS plan, p.uid AS plan_uid, r.task_path AS paragraph, group_name, u.uid AS unit_uid,
       u.name AS unit, u.kind AS kind, u.level AS level, u.src AS file, r.deadline AS deadline,
       r.deadline_text AS deadline_text, r.src AS src, c.uid AS subplan_uid, c.symbol AS subplan,
       c.date AS subplan_date
ORDER BY subplan_date
"""


def _kinds(store: GraphStore, uids: Iterable[str]) -> tuple[dict[str, str], dict[str, str]]:
    rows = store.read(_KINDS, {"uids": sorted(set(uids))})
    return {r["uid"]: r["kind"] for r in rows}, {r["uid"]: r["level"] for r in rows}


def _row(
    raw: dict[str, Any],
    as_of: date,
    sources: dict[tuple[str, str], str | None],
    kinds: dict[str, str],
    levels: dict[str, str],
) -> SubplanRow:
    deadline, issued = parse_iso_date(raw["deadline"]), parse_iso_date(raw["subplan_date"])
    found = raw["subplan_uid"] is not None
    status, days = subplan_status(
        deadline, issued, as_of, found=found, collective=raw["unit_kind"] == "collective"
    )
    return SubplanRow(
        plan=raw["plan"] or raw["plan_uid"],
        plan_uid=raw["plan_uid"],
        paragraph=raw["paragraph"],
        unit=raw["unit"] or raw["unit_uid"],
        unit_uid=raw["unit_uid"],
        unit_kind=raw["unit_kind"],
        via_group=raw["via_group"],
        deadline=deadline,
        deadline_text=raw["deadline_text"],
        subplan=raw["subplan"],
        subplan_uid=raw["subplan_uid"],
        subplan_date=issued,
        subplans_found=int(raw["subplans_found"] or 0),
        status=status,
        days_late=days,
        source_text=sources.get((raw["plan_uid"], raw["paragraph"] or "")),
        src=raw["src"],
        days_overdue=days_overdue(deadline, as_of) if status is SubplanStatus.MISSING else None,
        reason=_UNLISTED.format(unit=raw["unit"]) if status is SubplanStatus.UNITS_NOT_LISTED else None,
        order=organ_order(raw["unit"] or "", kinds.get(raw["unit_uid"]), levels.get(raw["unit_uid"])),
    )


_ORDER_TASKS = """
UNWIND $orders AS o
MATCH (t:Task {owner: o.plan})
WHERE t.src = o.src OR t.path = o.path OR t.path STARTS WITH o.prefix
RETURN DISTINCT o.plan AS owner, t.path AS path, t.text AS text, t.src AS src
"""


def _sentences(store: GraphStore, orders: dict[tuple[str, str], str | None]) -> dict[tuple[str, str], str | None]:
    """Each order's sentence (``(plan uid, paragraph) → src``), from the few tasks that can hold it: one query
    for every order."""
    keys = [
        {"plan": plan, "path": path, "prefix": f"{path}.", "src": src or ""}
        for (plan, path), src in orders.items()
    ]
    tasks: dict[str, list[dict[str, Any]]] = {}
    for t in sorted(store.read(_ORDER_TASKS, {"orders": keys}), key=lambda t: t["path"] or ""):
        tasks.setdefault(t["owner"], []).append(t)
    return {key: _sentence(tasks.get(key[0], []), key[1], src) for key, src in orders.items()}


def _sentence(tasks: list[dict[str, Any]], path: str, src: str | None) -> str | None:
    """Of a plan's tasks (by path), the one on the order's line, else the paragraph ``path``, else its first
    part."""
    tasks = [
        t
        for t in tasks
        if t["path"] == path or (t["path"] or "").startswith(f"{path}.") or t["src"] == (src or "")
    ]
    for wanted in (lambda t: src and t["src"] == src, lambda t: t["path"] == path, lambda t: True):
        for task in tasks:
            if wanted(task):
                return task["text"]
    return None


def _unconfirmed_row(raw: dict[str, Any], source_text: str | None) -> SubplanRow:
    issued = parse_iso_date(raw["subplan_date"])
    reason = _UNCONFIRMED_REASON.format(file=Path(raw["file"] or "data/organs").name, group=raw["group_name"])
    return SubplanRow(
        plan=raw["plan"] or raw["plan_uid"], plan_uid=raw["plan_uid"], paragraph=raw["paragraph"],
        unit=raw["unit"], unit_uid=raw["unit_uid"], unit_kind="organ", via_group=raw["group_name"],
        deadline=parse_iso_date(raw["deadline"]), deadline_text=raw["deadline_text"], subplan=raw["subplan"],
        subplan_uid=raw["subplan_uid"], subplan_date=issued, subplans_found=int(raw["subplan_uid"] is not None),
        status=SubplanStatus.UNCONFIRMED, days_late=None, source_text=source_text, src=raw["src"], reason=reason,
        order=organ_order(raw["unit"], raw["kind"], raw["level"]),
    )  # fmt: skip


def unconfirmed_units(store: GraphStore, rows: list[SubplanRow], as_of: date) -> list[SubplanRow]:
    """A row for each unconfirmed member of a group the audited plans ordered (status ``unconfirmed``), with the
    reason; units that already have a row are left out."""
    have = {(r.plan_uid, r.unit_uid) for r in rows}
    sentences = {(r.plan_uid, r.paragraph): r.source_text for r in rows}
    out: dict[tuple[str, str], SubplanRow] = {}
    for plan_uid in dict.fromkeys(r.plan_uid for r in rows):
        for raw in store.read(_UNCONFIRMED, {"plan": plan_uid, "as_of": as_of.isoformat()}):
            key = (raw["plan_uid"], raw["unit_uid"])
            if key not in have and key not in out:  # the earliest sub-plan found comes first
                out[key] = _unconfirmed_row(raw, sentences.get((raw["plan_uid"], raw["paragraph"])))
    return sorted(out.values(), key=lambda r: (r.plan_uid, r.paragraph or "", r.order))


def audit_subplans(store: GraphStore, plan: str, as_of: date | None = None) -> list[SubplanRow]:
    """Audit the plan named by ``plan`` (a symbol or uid naming one document,
    :func:`~graph.documents.resolve_document`) on ``as_of`` (default today)."""
    return audit_plans(store, [resolve_document(store, plan).uid], as_of or date.today())


_ONE_PLAN = "MATCH (p:Document {uid: $plan})"
_SOME_PLANS = "MATCH (p:Document) WHERE p.uid IN $plans"
_MAX_LEVELS = 8  # as deep as the saved query ``cascade`` looks
_EVERY_PLAN = "MATCH (p:Document)"  # the saved query keeps the plans that order something
_ORDERING_PLANS = "MATCH (p:Document)-[:REQUIRES_SUBPLAN]->() RETURN DISTINCT p.uid AS uid"
_IMPLEMENTED_BY = """
MATCH (c:Document)-[:IMPLEMENTS]->(p:Document) WHERE p.uid IN $uids
RETURN DISTINCT c.uid AS uid, c.status AS status
"""


def _saved_audit(first_line: str) -> str:
    """The saved query with its first line, which names one plan, replaced by ``first_line``."""
    cypher = get_query("subplan_audit").cypher
    if _ONE_PLAN not in cypher:
        raise ReportError("truy vấn subplan_audit không còn bắt đầu bằng một kế hoạch: không kiểm tra gộp được")
    return cypher.replace(_ONE_PLAN, first_line, 1)


def audit_every_plan(store: GraphStore, as_of: date | None = None) -> list[SubplanRow]:
    """Every ordering plan's audit, without the ordering sentences."""
    plans = sorted(r["uid"] for r in store.read(_ORDERING_PLANS))
    return audit_plans(store, plans, as_of or date.today(), sentences=False)


def audit_counts(store: GraphStore, as_of: date | None = None) -> dict[str, int]:
    """How many ordered units (collectives apart) each status counts over every ordering plan, counted by the
    server (the overview's figures, without reading a row per unit): ``{"missing": 3, …, "collective": 1}``."""
    body = _saved_audit(_EVERY_PLAN)
    status = "CASE WHEN unit_kind = 'collective' THEN 'collective' ELSE status END"
    rows = store.read(
        f"CALL {{\n{body}\n}}\nRETURN {status} AS status, count(*) AS n",
        {"as_of": (as_of or date.today()).isoformat()},
    )
    return {str(r["status"]): int(r["n"]) for r in rows}


def plans_under(store: GraphStore, root: str, levels: int = _MAX_LEVELS) -> list[str]:
    """``root`` and every loaded document that carries it out, directly or through others, down to ``levels``
    levels of loaded documents below it (a document only cited is passed through: 60-KH/TU is one level below
    27-NQ/TW when 11-KH/TW between them is not loaded). One query a step: what the saved query ``cascade`` lists,
    without walking each chain."""
    seen, found, level = {root}, [root], [root]
    for _ in range(levels):
        below, through = [], level
        for _ in range(_MAX_LEVELS):
            if not through:
                break
            rows = [r for r in store.read(_IMPLEMENTED_BY, {"uids": through}) if r["uid"] not in seen]
            seen.update(r["uid"] for r in rows)
            below += [r["uid"] for r in rows if r["status"] == "loaded"]
            through = [r["uid"] for r in rows if r["status"] != "loaded"]
        found += below
        level = below
    return found


def audit_resolution(store: GraphStore, resolution: str, as_of: date | None = None) -> list[SubplanRow]:
    """Audit every plan in the cascade under ``resolution`` and the resolution itself, top of the cascade first."""
    return audit_plans(store, plans_under(store, resolve_document(store, resolution).uid), as_of or date.today())


def audit_plans(store: GraphStore, plans: list[str], as_of: date, *, sentences: bool = True) -> list[SubplanRow]:
    """The audit of each plan (uids), in that order, by the saved query with its first line widened from one plan
    to the list; with ``sentences``, each order's sentence (one more query for all of them)."""
    raw = store.read(_saved_audit(_SOME_PLANS), {"plans": plans, "as_of": as_of.isoformat()})
    orders = {(r["plan_uid"], r["paragraph"] or ""): r["src"] for r in raw}
    sources = _sentences(store, orders) if sentences and orders else {}
    kinds, levels = _kinds(store, [r["unit_uid"] for r in raw])
    by_plan: dict[str, list[SubplanRow]] = {}
    for r in raw:
        by_plan.setdefault(r["plan_uid"], []).append(_row(r, as_of, sources, kinds, levels))
    return [
        row for uid in plans for row in sorted(by_plan.get(uid, []), key=lambda r: (r.paragraph or "", r.order))
    ]


def subplan_statuses(rows: list[SubplanRow]) -> dict[str, dict[str, tuple[str, str | None, str | None]]]:
    """``plan uid → unit uid → (status, sub-plan uid, deadline ISO)``: what the cascade explorer colours by."""
    out: dict[str, dict[str, tuple[str, str | None, str | None]]] = {}
    for r in rows:
        deadline = r.deadline.isoformat() if r.deadline else None
        out.setdefault(r.plan_uid, {})[r.unit_uid] = (r.status.value, r.subplan_uid, deadline)
    return out


def subplan_report(
    store: GraphStore, rows: list[SubplanRow], as_of: date, *, scope: str = "", raw: bool = False
) -> Report:
    """The audit as a :class:`Report` for the writers: the rows, the unconfirmed units of the groups the plans
    ordered, the scope searched and the evidence (:func:`reports.subplan_tables.subplan_document`)."""
    return subplan_document(store, rows, unconfirmed_units(store, rows, as_of), as_of, scope=scope, raw=raw)
