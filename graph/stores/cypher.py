"""Portable Cypher that writes a :class:`~graph.model.DocumentGraph`, shared by every adapter.

A document is written as a list of :class:`Statement` fragments, each an ``UNWIND $rN AS row …`` batch of at
most :data:`BATCH_SIZE` rows (or a delete), none with a ``RETURN``: Bolt runs them one after another in one
transaction, FalkorDB chains them into one query (``… WITH count(*) AS _cN …``), which it applies all or nothing.

Labels and relationship types cannot be parameters, so they are formatted into the text, and only from the
schema (:data:`SCHEMA_LABELS`, :class:`~graph.model.Rel`): anything else is refused.

Write semantics, for a graph owned by document ``D``:

1. delete ``D``'s owned nodes other than the Document (:data:`OWNED_LABELS`, detached, which takes ``D``'s
   edges of the :data:`TREE_RELS` with them; sections found from the Document, tasks by ``owner``) and every
   other relationship whose ``owner`` is ``D``;
2. merge every node but ``D``'s sections and tasks by ``uid`` under all its labels, after adding the labels it
   lacks to a node already there (a cited stub known only as ``Document``; labels follow from the uid, so shared
   nodes get them too): the Document gets every model field (``None`` removing a value its new version
   dropped), shared nodes (organs, people, cited stubs) their fields only ``ON CREATE``, and the smallest
   spelling of their name;
3. create ``D``'s sections and tasks (step 1 removed them) each with the edge from its parent, level by level,
   the parent found by walking down from the Document: a section is never looked up by ``uid`` or ``owner``,
   so it needs no index, which FalkorDB would rebuild at every start (:data:`TRAVERSED_LABELS`);
4. create the other owned relationships (``owner`` and ``key`` stored on them; step 1 removed the previous
   version, and ArcadeDB's relationship ``MERGE`` is quadratic on hub nodes), merge shared ones on ``key``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graph.model import (
    DATE_PROPERTIES,
    DOC_TYPES,
    DocumentGraph,
    Edge,
    NodeValue,
    Organ,
    OrganGroup,
    Person,
    Rel,
    Section,
    Task,
)
from graph.store import StoreError
from graph.stores.values import INT64, Rows, property_value

__all__ = [
    "BATCH_ELEMENTS",
    "BATCH_SIZE",
    "DOCUMENT_TYPE_LABELS",
    "LOOKUP_INDEXES",
    "OWNED_LABELS",
    "OWNER_INDEXED_RELS",
    "PRIMARY_LABELS",
    "REL_TYPES",
    "SCHEMA_LABELS",
    "TRAVERSED_LABELS",
    "TREE_RELS",
    "Statement",
    "chain",
    "delete_document_statements",
    "delete_statements",
    "document_batches",
    "document_statements",
    "documents_statements",
    "endpoint_statements",
    "rename_parameters",
    "set_properties",
    "unknown_endpoints",
]

BATCH_SIZE = 5000
BATCH_ELEMENTS = 20_000  # nodes + edges of the documents written in one query or transaction
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_OTHER_KINDS = (Section, Task, Organ, OrganGroup, Person)
PRIMARY_LABELS: tuple[str, ...] = ("Document", *(kind.LABELS[0] for kind in _OTHER_KINDS))
DOCUMENT_TYPE_LABELS: tuple[str, ...] = tuple(sorted({t.label for t in DOC_TYPES.values()}))
SCHEMA_LABELS: tuple[str, ...] = PRIMARY_LABELS + DOCUMENT_TYPE_LABELS
OWNED_LABELS: tuple[str, ...] = tuple(
    kind.LABELS[0] for kind in _OTHER_KINDS if "owner" in {f.name for f in dataclasses.fields(kind)}
)
REL_TYPES: tuple[str, ...] = tuple(rel.value for rel in Rel)
# A document's own edges of these types always touch a section or task it owns (or run from its Document to
# one): deleting its owned nodes (DETACH) removes them, so they need no index on ``owner``, which FalkorDB
# rebuilds at every start (the 42,000 tree edges of 1,000 documents are 80 % of the edges; at 10,000 documents
# the relationship indexes were half of reopening). ``documents_statements`` refuses one that does not; the
# link pass's DERIVED_FROM edges run from a task of the document that owns them (graph/coverage.py).
_TREE = (Rel.HAS_SECTION, Rel.HAS_TASK, Rel.ASSIGNED_TO, Rel.REPORTS_TO, Rel.DERIVED_FROM)
TREE_RELS: tuple[str, ...] = tuple(rel.value for rel in _TREE)
OWNER_INDEXED_RELS: tuple[str, ...] = tuple(rel for rel in REL_TYPES if rel not in TREE_RELS)
# Owned nodes reached only by walking down from their Document (HAS_SECTION), never looked up by a property:
# no index. (Sections were 226,000 of 450,000 nodes at 10,000 documents, and their two indexes a third of the
# time a cold start takes.) Tasks keep theirs: reads find a document's tasks by ``owner`` and the link pass a
# task by ``uid``.
TRAVERSED_LABELS: tuple[str, ...] = ("Section",)
# The edge that hangs each owned node of these labels under its parent (its document or one of its sections).
_TREE_EDGE: dict[str, Rel] = {"Section": Rel.HAS_SECTION, "Task": Rel.HAS_TASK}
_MAX_DEPTH = 16
# Properties the reads look nodes up by besides ``uid`` and ``owner`` (a document by its symbol; the audit
# matches a sub-plan's issuer key to its unit's), indexed on every store so that each is a lookup, not a scan.
LOOKUP_INDEXES: tuple[tuple[str, str], ...] = (("Document", "symbol"), ("Document", "issuer_key"))


@dataclass(frozen=True, slots=True)
class Statement:
    """One Cypher fragment without ``RETURN`` and its parameters (names unique within a plan)."""

    query: str
    params: dict[str, Any]


def _label(label: str) -> str:
    if label not in SCHEMA_LABELS:
        raise StoreError(f"label {label!r} is not in the graph schema (graph/model.py)")
    return label


def _rel(rel: Any) -> str:
    try:
        return Rel(rel).value
    except ValueError:
        raise StoreError(f"relationship type {rel!r} is not in the graph schema (graph.model.Rel)") from None


def _batches(rows: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(rows), BATCH_SIZE):
        yield rows[start : start + BATCH_SIZE]


def set_properties(target: str, source: str) -> str:
    """The ``SET`` items that copy the map ``source`` onto ``target``, the :data:`~graph.model.DATE_PROPERTIES`
    turned from ISO text into date values (``date(null)`` is null: an absent date stays absent). Every write of a
    property map goes through here, so no date reaches a store as text.

    >>> set_properties("r", "row.props")[:60]
    'r += row.props, r.date = date(row.props.date), r.deadline = '
    """
    dates = "".join(f", {target}.{name} = date({source}.{name})" for name in DATE_PROPERTIES)
    return f"{target} += {source}{dates}"


class _Plan:
    """Accumulates statements, giving each batch its own parameter name."""

    def __init__(self, owner: str) -> None:
        self.owner = owner
        self.statements: list[Statement] = []

    def add(self, query: str, **params: Any) -> None:
        self.statements.append(Statement(query, {"owner": self.owner, **params}))

    def add_rows(self, template: str, rows: Sequence[list[Any]]) -> None:
        for batch in _batches(rows):
            name = f"r{len(self.statements)}"
            self.add(template.replace("$rows", f"${name}"), **{name: Rows(batch)})


# --- nodes -----------------------------------------------------------------------------------------
#
# Rows travel as lists, not maps: ``[uid, field1, field2, …]`` in the node class's field order, ``[a, b, key?,
# prop1, …]`` for edges. FalkorDB reads its parameters as Cypher literals in the query text, where a map needs
# a backquoted key per value; a list of scalars is plain JSON, which ``values.Rows`` writes in one C call and
# the server parses faster (measured in bench/README.md).


_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(kind: type) -> tuple[str, ...]:
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(kind) if f.name != "uid")
    return names


def _checked(value: Any, where: Callable[[], str]) -> Any:
    """``property_value`` with a fast path for the common scalars (``where`` built only for an error)."""
    kind = type(value)
    if kind is str:
        if "\x00" in value:
            raise StoreError(f"{where()}: text contains a NUL character, which FalkorDB cannot take")
        return value
    if value is None or kind is bool or (kind is int and value in INT64):
        return value
    return property_value(value, where())


def _node_row(node: NodeValue) -> list[Any]:
    """``[uid, value of each field]``; ``None`` is null: a shared node created without it, an owned one (the
    Document survives a rewrite) losing a value its new version dropped."""

    def where(name: str) -> Callable[[], str]:
        return lambda: f"node {node.uid!r}.{name}"

    row = [_checked(node.uid, where("uid"))]
    for name in _fields(type(node)):
        row.append(_checked(getattr(node, name), where(name)))
    return row


def _nodes_by_uid(graph: DocumentGraph) -> dict[str, NodeValue]:
    nodes: dict[str, NodeValue] = {}
    for node in graph.nodes:
        owner = getattr(node, "owner", None)
        if owner not in (None, graph.document_uid):
            raise StoreError(f"node {node.uid!r} is owned by {owner!r}, not by {graph.document_uid!r}")
        seen = nodes.get(node.uid)
        if seen is not None and seen.labels != node.labels:
            raise StoreError(f"node {node.uid!r} appears twice with labels {seen.labels} and {node.labels}")
        if seen is None or not node.shared:  # owned values win; the first shared value is kept
            nodes[node.uid] = node
    return nodes


def _value(name: str, item: str) -> str:
    """``item`` as stored: a date property turned from ISO text into a date (``date(null)`` is null)."""
    return f"date({item})" if name in DATE_PROPERTIES else item


# Two documents may spell a shared node differently ("Các bộ, ngành" / "các Bộ, ngành"): the smallest spelling
# is kept, so the graph does not depend on which document was loaded first.
def _smallest_name(item: str) -> str:
    return (
        f"ON MATCH SET n.name = CASE WHEN {item} IS NOT NULL AND (n.name IS NULL OR {item} < n.name) "
        f"THEN {item} ELSE n.name END"
    )


def _smallest_spelling(first: NodeValue, other: NodeValue) -> NodeValue:
    """Two documents of one batch name a shared node: the first one's values with the smaller name, what writing
    them one after the other leaves (``_smallest_name``), so a batch does not depend on its order either."""
    name, again = getattr(first, "name", None), getattr(other, "name", None)
    if isinstance(again, str) and (not isinstance(name, str) or again < name):
        return dataclasses.replace(first, name=again)  # type: ignore[call-arg]
    return first


def _add_nodes(plan: _Plan, nodes: Iterable[NodeValue]) -> None:
    groups: dict[tuple[tuple[str, ...], bool, type], list[list[Any]]] = {}
    for node in nodes:
        labels = tuple(_label(label) for label in node.labels)
        if not labels:
            raise StoreError(f"node {node.uid!r} has no label")
        groups.setdefault((labels, not node.shared, type(node)), []).append(_node_row(node))
    for (labels, owned, kind), rows in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        primary, extra = labels[0], labels[1:]
        names = _fields(kind)
        items = [(name, _value(name, f"row[{i}]")) for i, name in enumerate(names, start=1)]
        if extra:  # a node created under fewer labels (a cited stub) gets the rest first, so MERGE finds it
            missing = " OR ".join(f"NOT n:{label}" for label in extra)
            match = f"UNWIND $rows AS row MATCH (n:{primary} {{uid: row[0]}})"
            plan.add_rows(f"{match} WHERE {missing} SET n:{':'.join(extra)}", [[row[0]] for row in rows])
        props = ", ".join(f"n.{name} = {item}" for name, item in items)
        if owned:
            setter = f"SET {props}"
        else:
            setter = f"ON CREATE SET {props}"
            if "name" in names:
                setter += " " + _smallest_name(f"row[{names.index('name') + 1}]")
        plan.add_rows(f"UNWIND $rows AS row MERGE (n:{':'.join(labels)} {{uid: row[0]}}) {setter}", rows)


# --- sections and tasks ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Hung:
    """An owned section or task, its parent (its Document or one of its sections) and how deep that parent is
    (0: the Document), and the properties of the edge between them."""

    node: NodeValue
    owner: str
    parent: str
    depth: int
    edge_props: dict[str, Any]


def _tree(graph: DocumentGraph, nodes: Mapping[str, NodeValue]) -> dict[str, _Hung]:
    """Each owned section and task of ``graph``, hung under the document by the ``HAS_SECTION`` or ``HAS_TASK``
    it owns from the Document or one of its sections (repeated edges: later properties win, as
    :func:`_edge_rows`). One hanging under nothing, under two parents or in a loop would be out of reach of
    the Document: refused."""
    owner = graph.document_uid
    owned = {uid: node for uid, node in nodes.items() if node.labels[0] in _TREE_EDGE and not node.shared}
    parents: dict[str, tuple[str, dict[str, Any]]] = {}
    for edge in _tree_edges(graph, owned):
        source, props = parents.setdefault(edge.target, (edge.source, {}))
        if source != edge.source:
            raise StoreError(
                f"document {owner!r}: {edge.target!r} hangs under both {source!r} and {edge.source!r}"
            )
        props.update(_edge_props(edge))
    depths: dict[str, int] = {owner: 0}

    def depth(uid: str, chain: tuple[str, ...] = ()) -> int:
        if uid in depths:
            return depths[uid]
        source = parents[uid][0] if uid in parents else None
        above = owned.get(source) if source is not None else None
        if source is None or (source != owner and (above is None or above.labels[0] != "Section")):
            raise StoreError(
                f"document {owner!r}: {uid!r} hangs under neither the document nor one of its sections"
            )
        if uid in chain or len(chain) > _MAX_DEPTH:
            raise StoreError(f"document {owner!r}: sections nested in a loop or deeper than {_MAX_DEPTH}: {uid!r}")
        depths[uid] = depth(source, (*chain, uid)) + 1
        return depths[uid]

    hung = {}
    for uid, node in owned.items():
        level = depth(uid) - 1
        hung[uid] = _Hung(node, owner, parents[uid][0], level, parents[uid][1])
    return hung


def _tree_edges(graph: DocumentGraph, owned: Mapping[str, NodeValue]) -> Iterable[Edge]:
    """The edges of ``graph`` that hang one of the ``owned`` sections and tasks under its parent."""
    for edge in graph.edges:
        node = owned.get(edge.target)
        if node is not None and _hangs(edge, node, graph.document_uid):
            yield edge


def _hangs(edge: Edge, node: NodeValue, owner: str) -> bool:
    """Whether ``edge`` (into ``node``, a section or task ``owner`` owns) is the one that hangs it under its
    parent: created with the node (:func:`_add_tree`), not with the other edges."""
    return edge.owner == owner and edge.type == _TREE_EDGE[node.labels[0]]


def _parent_pattern(depth: int) -> str:
    """The parent of a node hung at ``depth`` (0: the Document), walked down from the Document ``row[0]``.

    >>> _parent_pattern(2)
    'MATCH (:Document {uid: row[0]})-[:HAS_SECTION]->(:Section)-[:HAS_SECTION]->(p:Section {uid: row[1]})'
    """
    if depth == 0:
        return "MATCH (p:Document {uid: row[0]})"
    steps = "-[:HAS_SECTION]->(:Section)" * (depth - 1)
    return f"MATCH (:Document {{uid: row[0]}}){steps}-[:HAS_SECTION]->(p:Section {{uid: row[1]}})"


def _add_tree(plan: _Plan, hung: Iterable[_Hung]) -> None:
    """Create the sections and tasks with the edges from their parents, shallowest first: rows ``[owner,
    parent, uid, field…, edge property…]``, one statement per (depth, labels)."""
    groups: dict[tuple[int, tuple[str, ...], type], list[_Hung]] = {}
    for item in hung:
        labels = tuple(_label(label) for label in item.node.labels)
        groups.setdefault((item.depth, labels, type(item.node)), []).append(item)
    for (depth, labels, kind), items in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        names = _fields(kind)
        edge_names = sorted({name for item in items for name in item.edge_props})
        values = [(name, _value(name, f"row[{i}]")) for i, name in enumerate(names, start=3)]
        first = 3 + len(names)
        edge_values = [(name, _value(name, f"row[{i}]")) for i, name in enumerate(edge_names, start=first)]
        node_props = ", ".join(f"{name}: {item}" for name, item in values)
        rel_props = ", ".join(f"{name}: {item}" for name, item in [("owner", "row[0]"), *edge_values])
        rel = _TREE_EDGE[labels[0]].value
        query = (
            f"UNWIND $rows AS row {_parent_pattern(depth)} "
            f"CREATE (p)-[:{rel} {{{rel_props}}}]->(n:{':'.join(labels)} {{uid: row[2], {node_props}}})"
        )
        rows = [
            [item.owner, item.parent, *_node_row(item.node), *map(item.edge_props.get, edge_names)]
            for item in items
        ]
        plan.add_rows(query, rows)


# --- edges -----------------------------------------------------------------------------------------


_EdgeGroups = dict[tuple[str, bool], dict[tuple[str, str, str, str], dict[str, Any]]]


def _edge_rows(
    graph: DocumentGraph, groups: _EdgeGroups | None = None, hung: Mapping[str, _Hung] | None = None
) -> _EdgeGroups:
    """Edges grouped by (type, owned), de-duplicated on (owner, source, target, key); later props win. The edges
    that hang a node of ``hung`` under its parent are left out: they are created with it (:func:`_add_tree`)."""
    groups = {} if groups is None else groups
    hung = hung or {}
    for edge in graph.edges:
        tree = hung.get(edge.target)
        if tree is not None and _hangs(edge, tree.node, graph.document_uid):
            continue
        if edge.owner not in (None, graph.document_uid):
            raise StoreError(
                f"{edge.type} edge {edge.source!r}→{edge.target!r} is owned by {edge.owner!r}, "
                f"not by {graph.document_uid!r}"
            )
        rel, owned = _rel(edge.type), edge.owner is not None
        fresh: dict[str, Any] = {
            "a": _checked(edge.source, lambda: "uid"),
            "b": _checked(edge.target, lambda: "uid"),
            "props": {},
        }
        if not owned:
            fresh["key"] = edge.key  # what MERGE matches on
        owner = graph.document_uid if owned else ""
        row = groups.setdefault((rel, owned), {}).setdefault((owner, edge.source, edge.target, edge.key), fresh)
        row["props"].update(_edge_props(edge))
        if owned:
            row["props"]["owner"] = owner
    return groups


def _edge_props(edge: Edge) -> dict[str, Any]:
    def where(key: str) -> Callable[[], str]:
        return lambda: f"{edge.type} edge {edge.source!r}→{edge.target!r}.{key}"

    props = {}
    for key, value in edge.props.items():
        if value is None:
            continue
        if not _NAME.fullmatch(key):
            raise StoreError(f"{where(key)()[: -len(key) - 1]}: property name {key!r} is not snake_case")
        props[key] = _checked(value, where(key))
    props["key"] = _checked(edge.key, where("key"))
    return props  # an owned edge gets `owner` from its row (several documents share a statement)


def _add_edges(plan: _Plan, groups: _EdgeGroups, label_of: Mapping[str, str]) -> None:
    for (rel, owned), by_key in sorted(groups.items()):
        by_labels: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for row in by_key.values():
            by_labels.setdefault((label_of[row["a"]], label_of[row["b"]]), []).append(row)
        for (source, target), found in sorted(by_labels.items()):
            names = sorted({name for row in found for name in row["props"]})
            first = 2 if owned else 3
            match = (
                f"UNWIND $rows AS row MATCH (a:{_label(source)} {{uid: row[0]}}) "
                f"MATCH (b:{_label(target)} {{uid: row[1]}})"
            )
            items = [(name, _value(name, f"row[{i}]")) for i, name in enumerate(names, start=first)]
            if owned:
                # an owned edge takes ``owner`` from its row: documents of one batch share the statement
                props = ", ".join(f"{name}: {item}" for name, item in items)
                query = f"{match} CREATE (a)-[r:{rel} {{{props}}}]->(b)"
                rows = [[row["a"], row["b"], *(row["props"].get(name) for name in names)] for row in found]
            else:  # a value this document does not give is kept, as ``SET r += props`` keeps it
                props = ", ".join(f"r.{name} = coalesce({item}, r.{name})" for name, item in items)
                query = f"{match} MERGE (a)-[r:{rel} {{key: row[2]}}]->(b) SET {props}"
                rows = [[row["a"], row["b"], row["key"], *(row["props"].get(n) for n in names)] for row in found]
            plan.add_rows(query, rows)


# --- public builders -------------------------------------------------------------------------------


def delete_statements(owner: str | Sequence[str]) -> list[Statement]:
    """Remove what ``owner`` (one document or several) owns except its Document node: owned nodes (detached,
    which removes the owned edges of the :data:`TREE_RELS`), then the other owned edges."""
    owners = [owner] if isinstance(owner, str) else list(owner)
    plan = _Plan(owners[0] if len(owners) == 1 else "")
    for label in OWNED_LABELS:
        if label in TRAVERSED_LABELS:
            found = f"(:Document {{uid: o}})-[:{_TREE_EDGE[label].value}*]->(n:{label}) WHERE n.owner = o"
        else:
            found = f"(n:{label} {{owner: o}})"
        plan.add(f"UNWIND $owners AS o MATCH {found} DETACH DELETE n", owners=owners)
    for rel in OWNER_INDEXED_RELS:
        plan.add(f"UNWIND $owners AS o MATCH ()-[r:{rel} {{owner: o}}]->() DELETE r", owners=owners)
    return plan.statements


def delete_document_statements(document_uid: str) -> list[Statement]:
    """Delete a document's own facts; its Document node goes too unless other documents' edges reach it,
    in which case it stays as a ``cited`` stub (what it was before it was loaded)."""
    plan = _Plan(document_uid)
    plan.statements = delete_statements(document_uid)
    plan.add("MATCH (d:Document {uid: $owner, owner: $owner}) WHERE NOT (d)--() DELETE d")
    plan.add(
        "MATCH (d:Document {uid: $owner, owner: $owner}) SET d.status = 'cited', d.owner = null, "
        "d.source_path = null, d.source_sha256 = null"
    )
    return plan.statements


def unknown_endpoints(graph: DocumentGraph | Sequence[DocumentGraph]) -> set[str]:
    """Edge endpoints that are not nodes of ``graph`` (or of any of the graphs): the store must already hold
    them."""
    graphs = [graph] if isinstance(graph, DocumentGraph) else graph
    own = {node.uid for g in graphs for node in g.nodes}
    return {uid for g in graphs for edge in g.edges for uid in (edge.source, edge.target) if uid not in own}


def endpoint_statements(uids: Iterable[str]) -> list[tuple[str, Statement]]:
    """For each primary label, a query returning (``uid``) those of ``uids`` that carry it."""
    rows = sorted(uids)
    return [
        (label, Statement(f"UNWIND $uids AS u MATCH (n:{label} {{uid: u}}) RETURN u AS uid", {"uids": rows}))
        for label in PRIMARY_LABELS
    ]


def document_statements(graph: DocumentGraph, external: Mapping[str, str]) -> list[Statement]:
    """The statements that replace ``graph.document_uid``'s facts with ``graph``.

    ``external`` gives the primary label of edge endpoints that are not in the graph (found with
    :func:`endpoint_statements`); a missing one is an error, not a silently dropped edge.
    """
    return documents_statements([graph], external)


def documents_statements(graphs: Sequence[DocumentGraph], external: Mapping[str, str]) -> list[Statement]:
    """The statements that replace each graph's document with it, several documents sharing each ``UNWIND``
    (a batch is written as one unit: every document in it whole, or none). Each document uid at most once.
    Shared nodes keep the first value met, an owned value wins over a shared one (a stub loaded in the batch)."""
    owners = [g.document_uid for g in graphs]
    if len(set(owners)) != len(owners):
        raise StoreError("a batch names one document twice: write its versions one after the other")
    nodes: dict[str, NodeValue] = {}
    groups: _EdgeGroups = {}
    hung: dict[str, _Hung] = {}
    for graph in graphs:
        own = _nodes_by_uid(graph)
        for uid, node in own.items():
            seen = nodes.get(uid)
            if seen is None or (seen.shared and not node.shared):
                nodes[uid] = node
            elif seen.shared and node.shared:
                nodes[uid] = _smallest_spelling(seen, node)
        tree = _tree(graph, own)
        _edge_rows(graph, groups, tree)
        hung.update(tree)
    label_of = {uid: node.labels[0] for uid, node in nodes.items()} | dict(external)
    for graph in graphs:
        _check_tree_edges(graph)
    for graph in graphs:
        missing = sorted(unknown_endpoints(graph) - set(label_of))
        if missing:
            raise StoreError(
                f"document {graph.document_uid!r}: edges point to nodes that are neither in its graph nor in "
                f"the store: {', '.join(missing[:5])}{' …' if len(missing) > 5 else ''}"
            )
    plan = _Plan(owners[0] if len(owners) == 1 else "")
    plan.statements = delete_statements(owners)
    _add_nodes(plan, (node for uid, node in nodes.items() if uid not in hung))
    _add_tree(plan, hung.values())
    _add_edges(plan, groups, label_of)
    return plan.statements


def _check_tree_edges(graph: DocumentGraph) -> None:
    """Each owned edge of a :data:`TREE_RELS` type touches a section or task the document owns: deleting those
    nodes is what removes the edge when the document is written again or deleted."""
    owned = {n.uid for n in graph.nodes if n.labels[0] in OWNED_LABELS and not n.shared}
    for edge in graph.edges:
        if edge.owner and edge.type in TREE_RELS and edge.source not in owned and edge.target not in owned:
            raise StoreError(
                f"{edge.type} edge {edge.source!r}→{edge.target!r} of {graph.document_uid!r} touches none of the "
                "sections or tasks the document owns: it would outlive the document"
            )


def document_batches(
    graphs: Iterable[DocumentGraph], elements: int | None = None
) -> Iterable[list[DocumentGraph]]:
    """Consecutive documents grouped into batches of about ``elements`` (:data:`BATCH_ELEMENTS`) nodes + edges;
    a document met a second time starts a new batch (its versions are written in order)."""
    elements = BATCH_ELEMENTS if elements is None else elements
    batch: list[DocumentGraph] = []
    size, seen = 0, set[str]()
    for graph in graphs:
        if batch and (graph.document_uid in seen or size >= elements):
            yield batch
            batch, size, seen = [], 0, set()
        batch.append(graph)
        seen.add(graph.document_uid)
        size += len(graph.nodes) + len(graph.edges)
    if batch:
        yield batch


def chain(statements: Sequence[Statement]) -> Statement:
    """One query running ``statements`` in order (FalkorDB: one atomic query).

    ``WITH count(*)`` between fragments both isolates their variables and makes each fragment see what the
    previous ones wrote (FalkorDB does not otherwise show a MATCH what an earlier clause created).
    """
    parts: list[str] = []
    params: dict[str, Any] = {}
    for i, statement in enumerate(statements):
        parts.append(f"{statement.query} WITH count(*) AS _c{i}")
        params.update(statement.params)
    return Statement(" ".join(parts) + " RETURN 0 AS done", params)


# --- renaming parameters (write_many on FalkorDB) --------------------------------------------------

_TOKENS = re.compile(
    r"""(?P<skip>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|//[^\n]*|/\*.*?\*/)"""
    r"""|\$(?P<name>[A-Za-z_][A-Za-z0-9_]*)|\$`(?P<quoted>[^`]+)`""",
    re.DOTALL,
)


def rename_parameters(query: str, prefix: str) -> tuple[str, dict[str, str]]:
    """Prefix every ``$parameter`` outside strings, comments and quoted names; returns the old → new map.

    >>> rename_parameters("MATCH (n {uid: $uid}) SET n.x = '$uid' // $uid", "s0_")
    ("MATCH (n {uid: $s0_uid}) SET n.x = '$uid' // $uid", {'uid': 's0_uid'})
    """
    renamed: dict[str, str] = {}

    def replace(match: re.Match[str]) -> str:
        if match.group("skip"):
            return match.group("skip")
        name = match.group("name") or match.group("quoted")
        renamed[name] = prefix + name
        return f"${prefix}{name}" if match.group("name") else f"$`{prefix}{name}`"

    return _TOKENS.sub(replace, query), renamed
