"""The organ gazetteer as graph nodes and edges: the organ tree over time, shared by every document.

Organs become ``Organ`` nodes, groups ``OrganGroup`` nodes; ``PART_OF`` links an organ to its parent,
``MEMBER_OF`` an organ to each group that lists it (directly or through an included group, ``via``), and
``SUCCEEDED_BY`` an organ to what carried it on (``date``, ``relation``). Nothing here is owned by a document.

:func:`write_gazetteer` puts it in a store: the gazetteer's edges are replaced as a whole (an edge removed from
the YAML goes), and its values win over what a document wrote first for the same organ (a document only knows
an organ's name and kind).

>>> from loaders.organs.gazetteer import load_gazetteer
>>> g = organ_graph(load_gazetteer())
>>> sum(e.type == Rel.MEMBER_OF for e in g.edges) > 11
True
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from typing import Any

from graph.model import DocumentGraph, Edge, NodeValue, Organ, OrganGroup, Rel, issuer_key
from graph.store import GraphStore
from graph.stores.cypher import set_properties
from loaders.organs.gazetteer import Gazetteer, GroupEntry, OrganEntry, load_gazetteer

__all__ = ["GAZETTEER_UID", "group_node", "organ_graph", "organ_node", "write_gazetteer"]

GAZETTEER_UID = "gazetteer"  # the DocumentGraph's document_uid: the gazetteer is no document and owns nothing


def _aliases(o: OrganEntry | GroupEntry) -> tuple[str, ...]:
    formers = [f.name for f in o.former_names] if isinstance(o, OrganEntry) else []
    names = [*o.aliases, *formers, *o.local, *o.short, *o.own]
    return tuple(dict.fromkeys(n for n in names if n != o.name))


def organ_node(o: OrganEntry) -> Organ:
    """The ``Organ`` node of a gazetteer organ (``resolved`` is True: the gazetteer knows it)."""
    return Organ(
        o.uid,
        name=o.name,
        aliases=_aliases(o),
        kind=o.kind,
        level=o.level,
        scope=o.scope,
        issuer_key=issuer_key(o.name, o.scope),
        valid_from=o.valid_from.isoformat() if o.valid_from else None,
        valid_to=o.valid_to.isoformat() if o.valid_to else None,
        resolved=True,
        src=f"data/organs/{o.file}" if o.file else None,
    )


def group_node(g: GroupEntry) -> OrganGroup:
    return OrganGroup(g.uid, name=g.name, scope=g.scope)


def _flag(unconfirmed: bool) -> dict[str, Any]:
    return {"unconfirmed": True} if unconfirmed else {}


def _part_of(gazetteer: Gazetteer) -> Iterator[Edge]:
    for o in gazetteer.organs.values():
        if o.parent:
            yield Edge(Rel.PART_OF, o.uid, o.parent, _flag("parent" in o.unconfirmed))


def _member_of(gazetteer: Gazetteer) -> Iterator[Edge]:
    for g in gazetteer.groups.values():
        direct = {m.uid for m in gazetteer.members(g.uid) if g.uid in m.groups or m.uid in g.members}
        for m in gazetteer.members(g.uid):
            props = _flag(m.existence_unconfirmed)
            if m.uid not in direct:
                props["via"] = next(i for i in g.includes if m in gazetteer.members(i))
            yield Edge(Rel.MEMBER_OF, m.uid, g.uid, props)


def _succeeded_by(gazetteer: Gazetteer) -> Iterator[Edge]:
    for o in gazetteer.organs.values():
        for s in o.successors:
            props: dict[str, Any] = {"date": s.date.isoformat() if s.date else None, "relation": s.relation}
            props.update(_flag(s.unconfirmed))
            yield Edge(Rel.SUCCEEDED_BY, o.uid, s.uid, {k: v for k, v in props.items() if v is not None})


def organ_graph(gazetteer: Gazetteer) -> DocumentGraph:
    """Every organ and group of the gazetteer with the edges between them (no owner: shared nodes)."""
    nodes: list[NodeValue] = [organ_node(o) for o in gazetteer.organs.values()]
    nodes += [group_node(g) for g in gazetteer.groups.values()]
    edges = [*_part_of(gazetteer), *_member_of(gazetteer), *_succeeded_by(gazetteer)]
    return DocumentGraph(GAZETTEER_UID, tuple(nodes), tuple(edges))


_REFRESH = "UNWIND $rows AS row MATCH (n:{label} {{uid: row.uid}}) SET " + set_properties("n", "row.props")


def _refresh_rows(nodes: tuple[NodeValue, ...], kind: type[NodeValue]) -> list[Mapping[str, Any]]:
    from graph.stores.values import property_value

    rows: list[Mapping[str, Any]] = []
    for node in nodes:
        if isinstance(node, kind):
            props = {
                f.name: property_value(list(v) if isinstance(v := getattr(node, f.name), tuple) else v, node.uid)
                for f in dataclasses.fields(node)
                if f.name != "uid"
            }
            rows.append({"uid": node.uid, "props": props})
    return rows


def write_gazetteer(store: GraphStore, gazetteer: Gazetteer | None = None) -> DocumentGraph:
    """Write the gazetteer's organs, groups and edges to ``store`` (default gazetteer: ``data/organs/``).

    The edges are written as owned by :data:`GAZETTEER_UID`, so writing again replaces them; then every
    gazetteer organ and group gets the gazetteer's properties, also where a document created the node first.
    Returns the graph written.
    """
    graph = organ_graph(gazetteer if gazetteer is not None else load_gazetteer())
    owned = tuple(dataclasses.replace(e, owner=GAZETTEER_UID) for e in graph.edges)
    store.write_document(DocumentGraph(GAZETTEER_UID, graph.nodes, owned))
    statements = [
        (_REFRESH.format(label=kind.LABELS[0]), {"rows": rows})
        for kind in (Organ, OrganGroup)
        if (rows := _refresh_rows(graph.nodes, kind))
    ]
    store.write_many(statements)
    return graph
