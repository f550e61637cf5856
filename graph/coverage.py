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
from typing import Any

from graph.organ_parts import organs_above_each
from graph.similarity import Space, Vectors, clean, containment
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
class _Side:
    """Tasks with their cleaned texts and their vectors in the pair's space."""

    tasks: Sequence[TaskText]
    texts: list[str]
    vectors: Vectors


def _side(space: Space, tasks: Sequence[TaskText]) -> _Side:
    texts = [clean(t.text) for t in tasks]
    return _Side(tasks, texts, space.vectors(texts))


def _score_matrix(space: Space, parents: _Side, children: _Side) -> list[list[float]]:
    """``scores[child][parent]``: the cosine, raised to the containment where the cosine says "related" and
    the parent is short enough to sit inside the child paragraph."""
    matrix = space.cosines(children.vectors, parents.vectors).tolist()
    for j, c in enumerate(children.texts):
        row = matrix[j]
        for i, p in enumerate(parents.texts):
            if row[i] >= _PREFILTER and 2 * len(p) <= len(c):
                row[i] = max(row[i], containment(p, c))
    return matrix


def _paragraph_stage(space: Space, parents: _Side, children: _Side) -> list[Link]:
    links = []
    for c, row in zip(children.tasks, _score_matrix(space, parents, children), strict=True):
        scored = sorted(((score, i) for i, score in enumerate(row)), reverse=True)
        best, index = scored[0]
        second = scored[1][0] if len(scored) > 1 else 0.0
        if best >= NEAR_VERBATIM and best - second >= MARGIN:
            links.append(_link(parents.tasks[index], c, best, "paragraph"))
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


def _section_stage(space: Space, parents: _Side, children: Sequence[TaskText], taken: set[str]) -> list[Link]:
    sections = _sections(children, taken)
    if not parents.tasks:
        return []
    vectors = space.vectors([clean(text) for _, text in sections])
    by_parent = space.cosines(parents.vectors, vectors).tolist()
    links = []
    for p, row in zip(parents.tasks, by_parent, strict=True):
        scored = [(score, anchor) for score, (anchor, _) in zip(row, sections, strict=True)]
        links += [_link(p, anchor, score, "section") for score, anchor in _standouts(scored)]
    return links


def _link(parent: TaskText, child: TaskText, score: float, method: str) -> Link:
    return Link(parent.uid, child.uid, parent.path, child.path, round(score, 3), method)


def _match(parents: Sequence[TaskText], children: Sequence[TaskText]) -> list[Link]:
    headings = {c.heading or "" for c in children}
    space = Space(clean(t) for t in [*(p.text for p in parents), *(c.text for c in children), *headings])
    psides, csides = _side(space, parents), _side(space, children)
    links = _paragraph_stage(space, psides, csides)
    covered = {link.parent for link in links}
    taken = {link.child for link in links}
    rows = [i for i, p in enumerate(parents) if p.uid not in covered]
    uncovered = _Side([parents[i] for i in rows], [psides.texts[i] for i in rows], psides.vectors.take(rows))
    return links + _section_stage(space, uncovered, children, taken)


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
# Only top-level sections' headings are used (a task's ``top_heading``): their paths have no ``.`` or ``/``. A
# task's rows are not made DISTINCT on the server (long texts); the first row of each task is kept here. (A
# WHERE straight after the variable-length MATCH makes FalkorDB filter every path: 60 times slower.)
# Only top-level sections' headings are used (a task's ``top_heading``): their paths have no ``.`` or ``/``. A
# task's rows are not made DISTINCT on the server (long texts); the first row of each task is kept here. (A
# WHERE straight after the variable-length MATCH makes FalkorDB filter every path: 60 times slower.)
_TASKS = """
UNWIND $uids AS owner
MATCH (t:Task {owner: owner})
OPTIONAL MATCH (s:Section)-[:HAS_TASK]->(t)
RETURN owner, t.uid AS uid, t.path AS path, t.text AS text, t.kind AS kind, t.line AS line,
       s.path AS section, s.heading AS heading
"""
_SECTIONS = """
UNWIND $uids AS owner
MATCH (d:Document {uid: owner})-[:HAS_SECTION*1..8]->(s:Section)
WITH DISTINCT owner, s WHERE NOT s.path CONTAINS '.' AND NOT s.path CONTAINS '/'
RETURN owner, s.path AS path, s.heading AS heading
"""
_LEADS = """
UNWIND $uids AS owner
MATCH (t:Task {owner: owner})-[a:ASSIGNED_TO]->(o)
WHERE a.role = 'lead'
RETURN DISTINCT owner, t.uid AS task, o.uid AS uid, o.name AS name,
       ('Organ' IN labels(o) AND coalesce(o.resolved, true)) AS specific
"""
_SUBPLAN_PATHS = """
UNWIND $uids AS owner
MATCH (d:Document {uid: owner})-[r:REQUIRES_SUBPLAN]->()
RETURN DISTINCT owner, r.task_path AS path
"""
# found from the child's tasks: DERIVED_FROM has no index on ``owner`` (graph.stores.cypher.TREE_RELS)
_DELETE = "UNWIND $owners AS owner MATCH (:Task {owner: owner})-[r:DERIVED_FROM]->() DELETE r"
_CREATE = """
UNWIND $rows AS row
MATCH (c:Task {uid: row.child}) MATCH (p:Task {uid: row.parent})
CREATE (c)-[r:DERIVED_FROM]->(p)
SET r.score = row.score, r.method = row.method, r.owner = row.owner, r.key = ''
"""
_SET_COUNTS = """
UNWIND $rows AS row
MATCH (d:Document {uid: row.owner})
SET d.coverage_parent = row.parent, d.coverage_covered = row.covered, d.coverage_total = row.total,
    d.coverage_links = row.links, d.coverage_key = row.key
"""
# The parent duties expected of a child (the denominator of its coverage) carry the child's uid in ``key_for``
# (kept sorted, so the graph does not depend on load order) and ``key: true``, so a query can count them
# (``WHERE $child IN p.key_for``) without redoing the rule. The new lists are worked out here (:func:`_key_rows`)
# from the ones read, and written in one statement per batch.
_ALL_KEYS = "MATCH (t:Task) WHERE t.key_for IS NOT NULL RETURN t.uid AS uid, t.key_for AS key_for"
_KEYS_OF_OWNER = """
MATCH (t:Task) WHERE t.key_for IS NOT NULL AND $owner IN t.key_for
RETURN t.uid AS uid, t.key_for AS key_for
"""
_KEYS_OF_TASKS = """
UNWIND $uids AS uid
MATCH (t:Task {uid: uid}) WHERE t.key_for IS NOT NULL
RETURN t.uid AS uid, t.key_for AS key_for
"""
_SET_KEYS = """
UNWIND $rows AS row
MATCH (t:Task {uid: row.uid})
SET t.key_for = row.key_for, t.key = row.key
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
    return read_tasks_each(store, [uid])[uid]


def read_tasks_each(store: GraphStore, uids: Sequence[str]) -> dict[str, list[TaskText]]:
    """:func:`read_tasks` of many documents, in four queries whatever their number."""
    params = {"uids": list(dict.fromkeys(uids))}
    headings: dict[str, dict[str, str]] = {uid: {} for uid in params["uids"]}
    for r in store.read(_SECTIONS, params):
        headings[r["owner"]][r["path"]] = r["heading"]
    leads: dict[str, list[Lead]] = {}
    for r in store.read(_LEADS, params):
        leads.setdefault(r["task"], []).append(Lead(r["uid"], r["name"] or "", bool(r["specific"])))
    subplans = {(r["owner"], r["path"]) for r in store.read(_SUBPLAN_PATHS, params)}
    tasks: dict[str, dict[str, TaskText]] = {uid: {} for uid in params["uids"]}
    for r in store.read(_TASKS, params):
        mine = tasks[r["owner"]]
        if (r["owner"], r["path"]) in subplans or r["uid"] in mine:
            continue
        mine[r["uid"]] = TaskText(
            r["uid"], r["path"] or "", r["text"] or "", r["kind"] or "task", r["section"], r["heading"],
            headings[r["owner"]].get(_top(r["path"])), tuple(leads.get(r["uid"], ())), r["line"],
        )  # fmt: skip
    return {uid: sorted(mine.values(), key=lambda t: (t.line or 0, t.path)) for uid, mine in tasks.items()}


def _counts(parents: Sequence[TaskText], links: Sequence[Link]) -> tuple[int, int]:
    duties = {t.uid for t in participants(parents)}
    return len(duties & {link.parent for link in links}), len(duties)


@dataclass(frozen=True, slots=True)
class _Pair:
    """A child's coverage to write: its parent (``None``: it has none any more), the rule's key, the parent
    tasks addressed to it and the links found."""

    child: str
    parent: str | None
    key: str | None = None
    parents: tuple[TaskText, ...] = ()
    links: tuple[Link, ...] = ()

    def result(self) -> CoverageResult:
        if self.parent is None:
            return CoverageResult(self.child, None, (), 0, 0)
        return CoverageResult(self.child, self.parent, self.links, *_counts(self.parents, self.links))


class _KeyMarks:
    """The ``key_for`` lists of the tasks a round of writes touches, and which tasks hold each child: enough to
    work out the new lists here and write them in one statement."""

    def __init__(self, lists: Iterable[tuple[str, Sequence[str]]]) -> None:
        self.lists: dict[str, list[str] | None] = {}
        self.holders: dict[str, set[str]] = {}
        for uid, owners in lists:
            self.lists[uid] = list(owners)
            for owner in owners:
                self.holders.setdefault(owner, set()).add(uid)

    def rows(self, pairs: Sequence[_Pair]) -> list[dict[str, object]]:
        """What the old per-child statements did, child by child: take the child out of every list, then put it
        in the lists of its parent's duties (sorted); a list left empty goes, with its ``key`` mark."""
        changed: set[str] = set()
        for pair in pairs:
            for uid in sorted(self.holders.pop(pair.child, ())):
                rest = [x for x in self.lists.get(uid) or [] if x != pair.child]
                self.lists[uid] = rest or None
                changed.add(uid)
            for uid in sorted(t.uid for t in participants(pair.parents)):
                rest = [x for x in self.lists.get(uid) or [] if x != pair.child]
                below, above = [x for x in rest if x < pair.child], [x for x in rest if x > pair.child]
                self.lists[uid] = [*below, pair.child, *above]
                self.holders.setdefault(pair.child, set()).add(uid)
                changed.add(uid)
        return [{"uid": u, "key_for": self.lists[u], "key": bool(self.lists[u]) or None} for u in sorted(changed)]


def _write(store: GraphStore, pairs: Sequence[_Pair], marks: _KeyMarks) -> None:
    """Replace the pairs' ``DERIVED_FROM`` edges, key marks and figures, in one transaction."""
    rows, counts = [], []
    for pair in pairs:
        rows += [
            {"child": k.child, "parent": k.parent, "score": k.score, "method": k.method, "owner": pair.child}
            for k in pair.links
        ]
        result = pair.result()
        figures = (result.covered, result.total, len(pair.links)) if pair.parent else (None, None, None)
        covered, total, links = figures
        counts.append(
            {"owner": pair.child, "parent": pair.parent, "covered": covered, "total": total, "links": links,
             "key": pair.key if pair.parent else None}
        )  # fmt: skip
    store.write_many(
        [
            (_DELETE, {"owners": [pair.child for pair in pairs]}),
            (_CREATE, {"rows": rows}),
            (_SET_KEYS, {"rows": marks.rows(pairs)}),
            (_SET_COUNTS, {"rows": counts}),
        ]
    )


def _keys_read(store: GraphStore, owner: str, uids: Sequence[str]) -> _KeyMarks:
    """The ``key_for`` lists one child's write touches: those holding it and those of ``uids``."""
    rows = [*store.read(_KEYS_OF_OWNER, {"owner": owner}), *store.read(_KEYS_OF_TASKS, {"uids": list(uids)})]
    return _KeyMarks((r["uid"], r["key_for"]) for r in rows)


def write_coverage(store: GraphStore, child_uid: str, parent_uid: str | None = None) -> CoverageResult:
    """Recompute the child's ``DERIVED_FROM`` edges to its loaded cascade parent (or ``parent_uid``) and its
    ``coverage_covered`` / ``coverage_total`` on the child document (one document; :func:`write_all_coverage`
    does every document in batches)."""
    if parent_uid is None:
        parent_uid = next((r["parent"] for r in store.read(_PAIRS) if r["child"] == child_uid), None)
    if parent_uid is None:
        pair = _Pair(child_uid, None)
    else:
        tasks = read_tasks_each(store, [parent_uid, child_uid])
        above = organs_above_each(store, [child_uid])[child_uid]
        parents = _addressed(tasks[parent_uid], above)
        pair = _Pair(child_uid, parent_uid, None, tuple(parents), tuple(coverage(parents, tasks[child_uid])))
    _write(store, [pair], _keys_read(store, child_uid, [t.uid for t in participants(pair.parents)]))
    return pair.result()


def _addressed(parent_tasks: Sequence[TaskText], above: Sequence[tuple[str, str]]) -> list[TaskText]:
    """The parent's tasks addressed to the child, given the organs above it (its issuer and the bodies it is
    part of, :func:`graph.organ_parts.organs_above`)."""
    issuer = [v for organ in above for v in organ if v]
    return [t for t in parent_tasks if addressed_to(t, issuer)]


BATCH = 500  # children per round: their tasks and their parents' are held, and written in one transaction


def _rounds(todo: Sequence[tuple[dict[str, Any], str]]) -> Iterable[list[tuple[dict[str, Any], str]]]:
    """``todo`` (sorted by parent) in rounds of about :data:`BATCH` children, a parent's children together
    unless it alone has more."""
    batch: list[tuple[dict[str, Any], str]] = []
    for item in todo:
        if len(batch) >= BATCH and item[0]["parent"] != batch[-1][0]["parent"]:
            yield batch
            batch = []
        if len(batch) >= 4 * BATCH:
            yield batch
            batch = []
        batch.append(item)
    if batch:
        yield batch


def _links_of(jobs: Sequence[tuple[Sequence[TaskText], Sequence[TaskText]]]) -> list[list[Link]]:
    return [coverage(parents, children) for parents, children in jobs]


PARALLEL_FROM = 200  # pairs to recompute before the work is spread over every core (a bulk load, not one file)


class _Workers:
    """Where a round's pairs are scored: here, or on every core (``spawn``: the caller may be a threaded app,
    which must not be forked). A round is cut in a few slices, so each worker gets a parent's tasks once per
    slice (pickling shares the task objects the slice's pairs have in common)."""

    def __init__(self, pairs: int) -> None:
        self.cores = os.cpu_count() or 1
        parallel = pairs >= PARALLEL_FROM and self.cores > 1
        self.pool = multiprocessing.get_context("spawn").Pool(self.cores) if parallel else None

    def submit(self, jobs: list[tuple[list[TaskText], list[TaskText]]]) -> Callable[[], list[list[Link]]]:
        """Start scoring ``jobs``; the function returned waits for their links (in order)."""
        if self.pool is None:
            return lambda: _links_of(jobs)
        size = max(1, -(-len(jobs) // (2 * self.cores)))
        parts = [self.pool.apply_async(_links_of, (jobs[i : i + size],)) for i in range(0, len(jobs), size)]
        return lambda: [links for part in parts for links in part.get()]

    def close(self, failed: bool = False) -> None:
        if self.pool is not None:
            if failed:  # nobody will wait for what is still running
                self.pool.terminate()
            else:
                self.pool.close()
            self.pool.join()


def write_all_coverage(store: GraphStore) -> list[CoverageResult]:
    """Coverage of every loaded document with a loaded cascade parent, recomputed where either text (or the
    rule) changed or edges went missing (a reloaded parent's tasks are new nodes); stale coverage removed.

    Batched: tasks, organs and key marks are read and coverage written for hundreds of children per query, a
    round at a time; the next round is read while the workers score this one (memory stays bounded by two
    rounds' documents)."""
    pairs = sorted(store.read(_PAIRS), key=lambda r: r["child"])
    children = {r["child"] for r in pairs}
    stale = sorted({r["owner"] for r in store.read(_STALE) if r["owner"] and r["owner"] not in children})
    counts = {r["owner"]: r["n"] for r in store.read(_LINK_COUNTS)}
    todo = []
    for r in sorted(pairs, key=lambda r: (r["parent"], r["child"])):  # a parent's children one after another
        key = f"{_RULE}|{r['parent']}|{r['parent_sha']}|{r['child_sha']}"
        if r["key"] != key or r["links"] != counts.get(r["child"], 0):
            todo.append((r, key))
    if not stale and not todo:
        return []
    marks = _KeyMarks((r["uid"], r["key_for"]) for r in store.read(_ALL_KEYS))
    for start in range(0, len(stale), BATCH):
        _write(store, [_Pair(owner, None) for owner in stale[start : start + BATCH]], marks)
    results: list[CoverageResult] = []
    workers = _Workers(len(todo))

    def finish(
        round_: tuple[list[tuple[dict[str, Any], str, list[TaskText]]], Callable[[], list[list[Link]]]],
    ) -> None:
        batch, links = round_
        done = [
            _Pair(r["child"], r["parent"], key, tuple(parents), tuple(found))
            for (r, key, parents), found in zip(batch, links(), strict=True)
        ]
        _write(store, done, marks)
        results.extend(pair.result() for pair in done)

    try:
        pending = None
        for batch in _rounds(todo):
            tasks = read_tasks_each(store, [str(r[k]) for r, _ in batch for k in ("parent", "child")])
            above = organs_above_each(store, [str(r["child"]) for r, _ in batch])
            scored = [(r, key, _addressed(tasks[r["parent"]], above[r["child"]])) for r, key in batch]
            started = workers.submit([(parents, tasks[r["child"]]) for r, _, parents in scored])
            if pending is not None:
                finish(pending)
            pending = (scored, started)
        if pending is not None:
            finish(pending)
    except BaseException:
        workers.close(failed=True)
        raise
    workers.close()
    return results
