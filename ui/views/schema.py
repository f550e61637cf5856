"""What the schema page (and the panel beside the console) shows: each label with its properties and their types,
each relationship type with its meaning and properties, and the ``(label)-[TYPE]->(label)`` patterns the store
holds with counts — from :mod:`graph.schema`, the one source of ``python -m graph schema`` and ``docs/schema.md``.

Names an analyst types (labels, property names, relationship types) stay as they are; types, who sets a property
and what a relationship means are in the glossary's words.

>>> [row.name for row in label_properties("Task")][:3]
['uid', 'path', 'text']
>>> next(row.type for row in label_properties("Task") if row.name == "deadline")
'ngày'
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from common.glossary import LABELS, PROPERTY_TYPES, RELATIONS, SET_BY
from graph.model import Rel
from graph.schema import EDGE_PROPERTIES, NODE_PROPERTIES, Property, relationship_patterns
from ui.store import Generation, generation, store_for

__all__ = [
    "PatternRow",
    "PropertyRow",
    "RelationRow",
    "label_properties",
    "labels",
    "patterns",
    "relations",
]


@dataclass(frozen=True, slots=True)
class PropertyRow:
    name: str
    type: str
    set_by: str


@dataclass(frozen=True, slots=True)
class RelationRow:
    type: str
    meaning: str
    properties: str  # ``name (kiểu)``, comma-separated; the properties every relationship has are said once


@dataclass(frozen=True, slots=True)
class PatternRow:
    pattern: str
    count: int


def _row(prop: Property) -> PropertyRow:
    return PropertyRow(prop.name, PROPERTY_TYPES.get(prop.type, prop.type), SET_BY.get(prop.set_by, prop.set_by))


def labels() -> list[tuple[str, str]]:
    """Each node label with its Vietnamese name, in the schema's order."""
    return [(label, LABELS.get(label, label)) for label in NODE_PROPERTIES]


def label_properties(label: str) -> list[PropertyRow]:
    return [_row(p) for p in NODE_PROPERTIES[label]]


def _listed(props: tuple[Property, ...]) -> str:
    return ", ".join(f"{p.name} ({PROPERTY_TYPES.get(p.type, p.type)})" for p in props)


def relations() -> list[RelationRow]:
    """Each relationship type; the first row is what every relationship carries."""
    common = RelationRow("(mọi quan hệ)", "", _listed(EDGE_PROPERTIES["*"]))
    rows = [
        RelationRow(rel.value, RELATIONS.get(rel.value, rel.value), _listed(EDGE_PROPERTIES.get(rel.value, ())))
        for rel in Rel
    ]
    return [common, *rows]


@st.cache_data(show_spinner=False, max_entries=4)
def _patterns(gen: Generation) -> list[PatternRow]:
    return [PatternRow(p.text(), p.count) for p in relationship_patterns(store_for(gen))]


def patterns() -> list[PatternRow]:
    """The patterns the store holds, with counts (cached until the data changes)."""
    return _patterns(generation())
