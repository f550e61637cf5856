"""The schema in view: ``docs/schema.md`` is what ``python -m graph schema --markdown`` prints for the sample
graph, every property either store holds is documented, and both stores hold the same patterns."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from graph.model import Rel
from graph.schema import EDGE_PROPERTIES, NODE_PROPERTIES, relationship_patterns, schema_markdown, store_properties
from graph.store import GraphStore

SCHEMA_MD = Path(__file__).resolve().parents[2] / "docs" / "schema.md"


def test_docs_schema_md_is_the_generated_schema_of_the_sample_graph(sample_store: GraphStore) -> None:
    expected = schema_markdown(relationship_patterns(sample_store))
    assert SCHEMA_MD.read_text(encoding="utf-8") == expected, (
        "docs/schema.md is out of date: python -m graph schema --markdown --store <sample graph> > docs/schema.md"
    )


def test_every_property_in_the_store_is_documented(sample_store: GraphStore) -> None:
    documented = {label: {p.name for p in props} for label, props in NODE_PROPERTIES.items()}
    common = {p.name for p in EDGE_PROPERTIES["*"]}
    for rel in Rel:
        documented[rel.value] = common | {p.name for p in EDGE_PROPERTIES.get(rel.value, ())}
    missing = {
        name: sorted(keys - documented.get(name, set()))
        for name, keys in store_properties(sample_store).items()
        if keys - documented.get(name, set())
    }
    assert missing == {}


def test_the_schema_command_prints_labels_types_and_patterns(sample_store_url: str) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "graph", "schema", "--store", sample_store_url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for expected in (
        "deadline: date",
        "coverage_total: integer",
        "key_for: list of text",
        "(Section)-[:HAS_TASK]->(Task)",
    ):
        assert expected in " ".join(out.split())  # long property lines are wrapped
