"""A document's tasks, one way: the tasks it owns (``Task.owner`` is the document's uid)."""

from __future__ import annotations

import re

from common.settings import PROJECT_ROOT
from graph.store import GraphStore
from graph.stores.bolt import schema_statements

_BY_OWNER = "MATCH (t:Task {owner: $uid}) RETURN t.uid AS uid"
_BY_PATH = "MATCH (:Document {uid: $uid})-[:HAS_SECTION|HAS_TASK*1..8]->(t:Task) RETURN DISTINCT t.uid AS uid"
_OLD_WALK = re.compile(r"HAS_SECTION\|HAS_TASK\*|HAS_TASK\|HAS_SECTION\*")


def test_no_cypher_walks_the_sections_to_find_a_documents_tasks() -> None:
    files = [p for package in ("graph", "queries", "reports") for p in (PROJECT_ROOT / package).rglob("*")]
    walking = [p.name for p in files if p.suffix in {".py", ".cypher"} and _OLD_WALK.search(p.read_text("utf-8"))]
    assert walking == []


def test_the_tasks_a_document_owns_are_the_tasks_under_its_sections(sample_store: GraphStore) -> None:
    loaded = [r["uid"] for r in sample_store.read("MATCH (d:Document {status: 'loaded'}) RETURN d.uid AS uid")]
    assert len(loaded) == 2
    for uid in loaded:
        owned = sorted(r["uid"] for r in sample_store.read(_BY_OWNER, {"uid": uid}))
        assert owned and owned == sorted(r["uid"] for r in sample_store.read(_BY_PATH, {"uid": uid}))


def test_task_owner_is_indexed_on_bolt_stores() -> None:
    """The lookup by owner is an index lookup (FalkorDB's index: tests/graph/test_store_embedded.py)."""
    assert "CREATE INDEX IF NOT EXISTS FOR (n:Task) ON (n.owner)" in schema_statements()
