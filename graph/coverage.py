"""Task coverage: which paragraphs of a child plan carry down which duties of its cascade parent.

:func:`coverage` is a pure function of two lists of tasks; :func:`write_coverage` reads a loaded document and its
loaded cascade parent and writes ``(child Task)-[:DERIVED_FROM {score, method}]->(parent Task)`` edges owned by
the child (they go when the child is written again). Texts are compared NFC, accent-folded (``đ`` → ``d``),
without punctuation, in two stages:

1. **Paragraph (near-verbatim).** Each child paragraph is scored against each parent duty: the tf-idf cosine of
   character 3-5-grams, raised to the *containment* (rapidfuzz ``partial_ratio`` rescaled so chance agreement,
   ≈ 50, is 0) where a duty at most half the paragraph's length may sit inside it and the cosine is ≥ 0.3. The
   paragraph carries its best duty when that scores ≥ :data:`NEAR_VERBATIM` and beats the second best by
   :data:`MARGIN` (a paragraph resembling two duties equally carries neither for sure).
2. **Section (reworded).** A duty no paragraph carried is looked for in the child's *sections* — a heading with
   its paragraphs that carry no other duty — because a reworded duty is usually spread over a section. The
   sections carrying it must stand apart: ranked by cosine, the best ones down to the first drop of at least
   :data:`SECTION_MARGIN`, each ≥ :data:`SECTION_MIN`, and no more than half the sections (a duty every section
   resembles equally is their shared topic, carried nowhere in particular). The link goes on the section's first
   such paragraph, ``method='section'``. Duties carried verbatim are not looked for again: a partial echo of a
   covered duty elsewhere more likely carries an uncovered one.

Only like is compared with like: duties (``kind='task'``) with duties, purposes with purposes; implementation
arrangements (``organisation``, sub-plan orders) are the plan's own machinery, checked by the sub-plan audit. A
parent duty under a heading naming specific organs other than the child's issuer (``III. 1. Đảng đoàn HĐND
tỉnh``) is not addressed to the child (:func:`addressed_to`); nor is a lead-in ending with ``:``.

>>> parent = [TaskText("p1", "II.1", "Đẩy mạnh cải cách hành chính, trọng tâm là thủ tục hành chính")]
>>> child = [TaskText("c1", "II.1.p1", "Đẩy mạnh cải cách hành chính, trọng tâm là cải cách thủ tục hành chính")]
>>> [(link.parent_path, link.child_path, link.method) for link in coverage(parent, child)]
[('II.1', 'II.1.p1', 'paragraph')]
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from graph.organ_parts import organs_above
from graph.similarity import Space, clean, containment, cosine, cosines, inverted
from graph.store import GraphStore
from loaders.text import fold

__all__ = [
    "MARGIN",
    "NEAR_VERBATIM",
    "SECTION_MARGIN",
    "SECTION_MIN",
    "CoverageResult",
    "Lead",
    "Link",
    "TaskText",
    "addressed_to",
    "coverage",
    "effective_kind",
    "evaluate",
    "participants",
    "read_tasks",
    "write_all_coverage",
    "write_coverage",
]

NEAR_VERBATIM = 0.6  # re-issued duties score ≥ 0.75 on the seeds; unrelated paragraphs of one topic ≤ 0.45
MARGIN = 0.15  # the best duty must stand out from the second best
SECTION_MIN = 0.22  # a section sharing only the topic's boilerplate scores ≈ 0.1-0.15 against a duty
SECTION_MARGIN = 0.1  # … and stand apart from the sections that do not carry it
_PREFILTER = 0.3  # containment is computed only where the cosine already says "related"
_COLLECTIVE = ("cac ", "moi ", "toan ", "nhung ")


@dataclass(frozen=True, slots=True)
class Lead:
    """An organ a task is addressed to (its lead, from an assignee heading or from the sentence).

    ``specific`` is false for a group, or an organ the gazetteer does not know (it may be a collective phrase).
    """

    uid: str
    name: str = ""
    specific: bool = True


@dataclass(frozen=True, slots=True)
class TaskText:
    """A task as the matcher sees it: its text and where it sits.

    ``section`` / ``heading`` are the path and heading of the section holding the task; ``top_heading`` is the
    heading of its top-level section (``I - MỤC ĐÍCH, YÊU CẦU``), used when the loader gave no ``kind``.
    """

    uid: str
    path: str
    text: str
    kind: str = "task"
    section: str | None = None
    heading: str | None = None
    top_heading: str | None = None
    leads: tuple[Lead, ...] = ()
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """``child`` carries down ``parent`` (task uids, with their paths for people)."""

    parent: str
    child: str
    parent_path: str
    child_path: str
    score: float
    method: str  # "paragraph" | "section"


# --- which tasks take part ------------------------------------------------------------------------------


def effective_kind(task: TaskText) -> str:
    """The loader's ``kind``, or the one the top-level heading implies (``MỤC ĐÍCH`` → purpose)."""
    if task.kind != "task":
        return task.kind
    top = fold(task.top_heading or "")
    if "muc dich" in top:
        return "purpose"
    if "to chuc thuc hien" in top:
        return "organisation"
    return "task"


def _collective(lead: Lead) -> bool:
    return not lead.specific or fold(lead.name).startswith(_COLLECTIVE)


def addressed_to(task: TaskText, issuer: Iterable[str]) -> bool:
    """Whether a parent task concerns a child issued by ``issuer`` (organ uids or names: the issuer and the
    organs it is part of). It does unless it sits under a heading naming specific organs, none of them the
    issuer: ``III. 1. Đảng đoàn HĐND tỉnh`` → not the Đảng ủy Khối's; a list with a collective in it (``Các
    cấp ủy, tổ chức đảng, … của tỉnh``) addresses everyone."""
    if not task.leads or any(_collective(lead) for lead in task.leads):
        return True
    identities = {fold(i) for i in issuer}
    return any(fold(lead.uid) in identities or fold(lead.name) in identities for lead in task.leads)


def _is_lead_in(task: TaskText) -> bool:
    """``… thực hiện các nhiệm vụ trọng tâm sau:`` introduces the duties below; it is not one itself."""
    return task.text.rstrip().endswith(":")


# --- the two stages ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Unit:
    task: TaskText
    text: str
    vec: dict[str, float]


def _score_matrix(parents: Sequence[_Unit], children: Sequence[_Unit]) -> list[list[float]]:
    """``scores[child][parent]``: the cosine, raised to the containment where the cosine says "related" and
    the parent is short enough to sit inside the child paragraph."""
    index = inverted([c.vec for c in children])
    by_parent = [cosines(p.vec, index, len(children)) for p in parents]
    matrix = [[by_parent[i][j] for i in range(len(parents))] for j in range(len(children))]
    for j, c in enumerate(children):
        for i, p in enumerate(parents):
            if matrix[j][i] >= _PREFILTER and 2 * len(p.text) <= len(c.text):
                matrix[j][i] = max(matrix[j][i], containment(p.text, c.text))
    return matrix


def _paragraph_stage(parents: Sequence[_Unit], children: Sequence[_Unit]) -> list[Link]:
    links = []
    for c, row in zip(children, _score_matrix(parents, children), strict=True):
        scored = sorted(((score, i) for i, score in enumerate(row)), reverse=True)
        best, index = scored[0]
        second = scored[1][0] if len(scored) > 1 else 0.0
        if best >= NEAR_VERBATIM and best - second >= MARGIN:
            links.append(_link(parents[index].task, c.task, best, "paragraph"))
    return links


def _sections(children: Sequence[TaskText], taken: set[str]) -> list[tuple[TaskText, str]]:
    """Per child section, its first paragraph that carries nothing yet and the section's remaining text."""
    grouped: dict[str, list[TaskText]] = {}
    for c in children:
        if c.uid not in taken:
            grouped.setdefault(c.section or "", []).append(c)
    out = []
    for tasks in grouped.values():
        heading = tasks[0].heading if tasks[0].section and tasks[0].heading != tasks[0].text else ""
        out.append((tasks[0], " ".join([heading or "", *(t.text for t in tasks)])))
    return out


def _standouts(scored: Sequence[tuple[float, TaskText]]) -> list[tuple[float, TaskText]]:
    """The sections that stand apart from the rest: the best ones down to the first drop of at least
    :data:`SECTION_MARGIN`, all scoring :data:`SECTION_MIN` or more, and no more than half of the sections."""
    ranked = sorted(scored, key=lambda s: -s[0])
    if not ranked:  # every child paragraph was already taken word for word: no section left to stand out
        return []
    for k in range(1, max(1, len(ranked) // 2) + 1):
        below = ranked[k][0] if k < len(ranked) else 0.0
        if ranked[k - 1][0] < SECTION_MIN:
            return []
        if ranked[k - 1][0] - below >= SECTION_MARGIN:
            return ranked[:k]
    return []


def _section_stage(
    parents: Sequence[_Unit], children: Sequence[TaskText], space: Space, taken: set[str]
) -> list[Link]:
    sections = [(anchor, space.vector(clean(text))) for anchor, text in _sections(children, taken)]
    links = []
    for p in parents:
        scored = [(cosine(p.vec, vec), anchor) for anchor, vec in sections]
        links += [_link(p.task, anchor, score, "section") for score, anchor in _standouts(scored)]
    return links


def _link(parent: TaskText, child: TaskText, score: float, method: str) -> Link:
    return Link(parent.uid, child.uid, parent.path, child.path, round(score, 3), method)


def _match(parents: Sequence[TaskText], children: Sequence[TaskText]) -> list[Link]:
    headings = {c.heading or "" for c in children}
    space = Space(clean(t) for t in [*(p.text for p in parents), *(c.text for c in children), *headings])
    punits = [_Unit(p, clean(p.text), space.vector(clean(p.text))) for p in parents]
    cunits = [_Unit(c, clean(c.text), space.vector(clean(c.text))) for c in children]
    links = _paragraph_stage(punits, cunits)
    covered = {link.parent for link in links}
    taken = {link.child for link in links}
    uncovered = [u for u in punits if u.task.uid not in covered]
    return links + _section_stage(uncovered, children, space, taken)


def participants(tasks: Iterable[TaskText], kind: str = "task") -> list[TaskText]:
    """The tasks of ``kind`` that take part in matching: not lead-ins, not empty."""
    return [t for t in tasks if effective_kind(t) == kind and t.text.strip() and not _is_lead_in(t)]


def coverage(parent_tasks: Sequence[TaskText], child_tasks: Sequence[TaskText]) -> list[Link]:
    """Links from child tasks to the parent tasks they carry down (see the module docstring for the rule).

    ``parent_tasks`` should already be the ones addressed to the child (:func:`addressed_to`). Duties are
    matched with duties and purposes with purposes; organisation tasks and lead-ins take no part.
    """
    links: list[Link] = []
    for kind in ("task", "purpose"):
        parents, children = participants(parent_tasks, kind), participants(child_tasks, kind)
        if parents and children:
            links.extend(_match(parents, children))
    order = {t.uid: i for i, t in enumerate([*parent_tasks, *child_tasks])}
    return sorted(links, key=lambda link: (order[link.parent], order[link.child]))


def evaluate(links: Iterable[Link], gold: Iterable[Mapping[str, object]]) -> dict[str, float | int]:
    """Precision and recall of ``links`` against gold entries ``{"parent": path, "child": [paths]}``."""
    found = {(link.parent_path, link.child_path) for link in links}
    expected = set()
    for entry in gold:
        children = entry["child"]
        assert isinstance(children, list)
        expected |= {(str(entry["parent"]), str(child)) for child in children}
    hits = len(found & expected)
    return {
        "links": len(found),
        "gold": len(expected),
        "true_positives": hits,
        "precision": round(hits / len(found), 3) if found else 1.0,
        "recall": round(hits / len(expected), 3) if expected else 1.0,
    }


# --- in the store -------------------------------------------------------------------------------------------

_PAIRS = """
MATCH (c:Document)-[r:IMPLEMENTS]->(p:Document)
WHERE r.cascade_parent = true AND c.status = 'loaded' AND p.status = 'loaded' AND c.uid <> p.uid
RETURN c.uid AS child, p.uid AS parent, c.coverage_key AS key, c.coverage_links AS links,
       c.source_sha256 AS child_sha, p.source_sha256 AS parent_sha
"""
_LINK_COUNTS = "MATCH (:Task)-[r:DERIVED_FROM]->(:Task) RETURN r.owner AS owner, count(r) AS n"
_STALE = """
MATCH ()-[r:DERIVED_FROM]->() RETURN DISTINCT r.owner AS owner
UNION
MATCH (d:Document) WHERE d.coverage_parent IS NOT NULL RETURN d.uid AS owner
"""
_TASKS = """
MATCH (t:Task {owner: $uid})
OPTIONAL MATCH (s:Section)-[:HAS_TASK]->(t)
RETURN DISTINCT t.uid AS uid, t.path AS path, t.text AS text, t.kind AS kind, t.line AS line,
       s.path AS section, s.heading AS heading
"""
_SECTIONS = """
MATCH (d:Document {uid: $uid})-[:HAS_SECTION*1..8]->(s:Section)
RETURN DISTINCT s.path AS path, s.heading AS heading
"""
_LEADS = """
MATCH (t:Task {owner: $uid})-[a:ASSIGNED_TO]->(o)
WHERE a.role = 'lead'
RETURN DISTINCT t.uid AS task, o.uid AS uid, o.name AS name,
       ('Organ' IN labels(o) AND coalesce(o.resolved, true)) AS specific
"""
_SUBPLAN_PATHS = """
MATCH (d:Document {uid: $uid})-[r:REQUIRES_SUBPLAN]->()
RETURN DISTINCT r.task_path AS path
"""
_DELETE = "MATCH ()-[r:DERIVED_FROM]->() WHERE r.owner = $owner DELETE r"
_CREATE = """
UNWIND $rows AS row
MATCH (c:Task {uid: row.child}) MATCH (p:Task {uid: row.parent})
CREATE (c)-[r:DERIVED_FROM]->(p)
SET r.score = row.score, r.method = row.method, r.owner = $owner, r.key = ''
"""
_SET_COUNTS = """
MATCH (d:Document {uid: $owner})
SET d.coverage_parent = $parent, d.coverage_covered = $covered, d.coverage_total = $total,
    d.coverage_links = $links, d.coverage_key = $key
"""
# The parent duties expected of a child (the denominator of its coverage) carry the child's uid in ``key_for``
# (kept sorted, so the graph does not depend on load order) and ``key: true``, so a query can count them
# (``WHERE $child IN p.key_for``) without redoing the rule.
_UNSET_KEYS = """
MATCH (t:Task) WHERE t.key_for IS NOT NULL AND $owner IN t.key_for
WITH t, [x IN t.key_for WHERE x <> $owner] AS rest
SET t.key_for = CASE WHEN size(rest) = 0 THEN null ELSE rest END,
    t.key = CASE WHEN size(rest) = 0 THEN null ELSE true END
"""
_SET_KEYS = """
UNWIND $keys AS uid
MATCH (t:Task {uid: uid})
WITH t, [x IN coalesce(t.key_for, []) WHERE x <> $owner] AS rest
SET t.key_for = [x IN rest WHERE x < $owner] + $owner + [x IN rest WHERE x > $owner], t.key = true
"""
# What a pair's coverage depends on: both texts and the rule. Equal key and edge count → nothing to redo.
_RULE = f"{NEAR_VERBATIM}/{MARGIN}/{SECTION_MIN}/{SECTION_MARGIN}/key_for"  # key_for: coverage marks key tasks


@dataclass(frozen=True, slots=True)
class CoverageResult:
    """How a child document covers its cascade parent's key tasks."""

    child: str
    parent: str | None
    links: tuple[Link, ...]
    covered: int
    total: int

    def line(self) -> str:
        return f"{self.child} ← {self.parent}: {self.covered}/{self.total} key tasks, {len(self.links)} links"


def _top(path: str | None) -> str:
    return re.split(r"[./]", path or "")[0]


def read_tasks(store: GraphStore, uid: str) -> list[TaskText]:
    """A document's tasks with their section, top-level heading and leads; sub-plan orders left out (the
    sub-plan audit measures those)."""
    headings = {r["path"]: r["heading"] for r in store.read(_SECTIONS, {"uid": uid})}
    leads: dict[str, list[Lead]] = {}
    for r in store.read(_LEADS, {"uid": uid}):
        leads.setdefault(r["task"], []).append(Lead(r["uid"], r["name"] or "", bool(r["specific"])))
    subplans = {r["path"] for r in store.read(_SUBPLAN_PATHS, {"uid": uid})}
    tasks = {}
    for r in store.read(_TASKS, {"uid": uid}):
        if r["path"] in subplans or r["uid"] in tasks:
            continue
        tasks[r["uid"]] = TaskText(
            r["uid"], r["path"] or "", r["text"] or "", r["kind"] or "task", r["section"], r["heading"],
            headings.get(_top(r["path"])), tuple(leads.get(r["uid"], ())), r["line"],
        )  # fmt: skip
    return sorted(tasks.values(), key=lambda t: (t.line or 0, t.path))


def _counts(parents: Sequence[TaskText], links: Sequence[Link]) -> tuple[int, int]:
    duties = {t.uid for t in participants(parents)}
    return len(duties & {link.parent for link in links}), len(duties)


def write_coverage(
    store: GraphStore,
    child_uid: str,
    parent_uid: str | None = None,
    *,
    key: str | None = None,
    tasks: dict[str, list[TaskText]] | None = None,
    computed: tuple[list[TaskText], list[Link]] | None = None,
) -> CoverageResult:
    """Recompute the child's ``DERIVED_FROM`` edges to its loaded cascade parent (or ``parent_uid``) and its
    ``coverage_covered`` / ``coverage_total`` on the child document. ``tasks``: documents' tasks already read
    in this pass (a parent's are read once for all its children); ``computed``: the parent tasks addressed to
    the child and the links, already worked out (:func:`write_all_coverage` does it on every core)."""
    cache = {} if tasks is None else tasks

    def tasks_of(uid: str) -> list[TaskText]:
        if uid not in cache:
            cache[uid] = read_tasks(store, uid)
        return cache[uid]

    if parent_uid is None:
        parent_uid = next((r["parent"] for r in store.read(_PAIRS) if r["child"] == child_uid), None)
    if parent_uid is None:
        store.write_many(
            [
                (_DELETE, {"owner": child_uid}),
                (_UNSET_KEYS, {"owner": child_uid}),
                (_SET_COUNTS, _params(child_uid, None, (0, 0, 0), None)),
            ]
        )
        return CoverageResult(child_uid, None, (), 0, 0)
    if computed is None:
        parents = _addressed(store, parent_uid, child_uid, tasks_of)
        links = coverage(parents, tasks_of(child_uid))
    else:
        parents, links = computed
    covered, total = _counts(parents, links)
    rows = [{"child": k.child, "parent": k.parent, "score": k.score, "method": k.method} for k in links]
    store.write_many(
        [
            (_DELETE, {"owner": child_uid}),
            (_CREATE, {"rows": rows, "owner": child_uid}),
            (_UNSET_KEYS, {"owner": child_uid}),
            (_SET_KEYS, {"keys": sorted(t.uid for t in participants(parents)), "owner": child_uid}),
            (_SET_COUNTS, _params(child_uid, parent_uid, (covered, total, len(links)), key)),
        ]
    )
    return CoverageResult(child_uid, parent_uid, tuple(links), covered, total)


def _params(owner: str, parent: str | None, counts: tuple[int, int, int], key: str | None) -> dict[str, object]:
    covered, total, links = counts if parent else (None, None, None)
    return {"owner": owner, "parent": parent, "covered": covered, "total": total, "links": links, "key": key}


def _addressed(
    store: GraphStore, parent_uid: str, child_uid: str, tasks_of: Callable[[str], list[TaskText]]
) -> list[TaskText]:
    """The parent's tasks addressed to the child (to its issuer or a body it is part of)."""
    issuer = [v for organ in organs_above(store, child_uid) for v in organ if v]
    return [t for t in tasks_of(parent_uid) if addressed_to(t, issuer)]


def _coverage_job(job: tuple[list[TaskText], list[TaskText]]) -> list[Link]:
    return coverage(*job)


PARALLEL_FROM = 200  # pairs to recompute before the work is spread over every core (a bulk load, not one file)


def _compute(jobs: list[tuple[list[TaskText], list[TaskText]]]) -> list[list[Link]]:
    """Each pair's links: pure work, spread over every core when there are many pairs. ``spawn``: the caller may
    be a threaded app, which must not be forked."""
    cores = os.cpu_count() or 1
    if len(jobs) < PARALLEL_FROM or cores < 2:
        return [_coverage_job(j) for j in jobs]
    with multiprocessing.get_context("spawn").Pool(cores) as pool:
        return pool.map(_coverage_job, jobs, chunksize=max(1, len(jobs) // (cores * 8)))


def write_all_coverage(store: GraphStore) -> list[CoverageResult]:
    """Coverage of every loaded document with a loaded cascade parent, recomputed where either text (or the
    rule) changed or edges went missing (a reloaded parent's tasks are new nodes); stale coverage removed."""
    pairs = sorted(store.read(_PAIRS), key=lambda r: r["child"])
    children = {r["child"] for r in pairs}
    for r in store.read(_STALE):
        if r["owner"] and r["owner"] not in children:
            write_coverage(store, r["owner"], None)
    counts = {r["owner"]: r["n"] for r in store.read(_LINK_COUNTS)}
    tasks: dict[str, list[TaskText]] = {}

    def tasks_of(uid: str) -> list[TaskText]:
        if uid not in tasks:
            tasks[uid] = read_tasks(store, uid)
        return tasks[uid]

    todo = []
    for r in sorted(pairs, key=lambda r: (r["parent"], r["child"])):  # a parent's children one after another
        key = f"{_RULE}|{r['parent']}|{r['parent_sha']}|{r['child_sha']}"
        if r["key"] != key or r["links"] != counts.get(r["child"], 0):
            todo.append((r, key, _addressed(store, r["parent"], r["child"], tasks_of)))
    links = _compute([(parents, tasks_of(r["child"])) for r, _, parents in todo])
    return [
        write_coverage(store, r["child"], r["parent"], key=key, tasks=tasks, computed=(parents, found))
        for (r, key, parents), found in zip(todo, links, strict=True)
    ]
