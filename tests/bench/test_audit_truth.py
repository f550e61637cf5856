"""A generated national cascade loaded into the real embedded store: the audit gives every unit the status the
generator's truth says (what ``make bench`` checks from 1,000 to 50,000 documents, here at 300 on every run), and a
branch is the document and what directly carries it out."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bench.generate import generate
from graph.ingest import load_paths
from graph.store import GraphStore
from graph.stores import wipe
from graph.stores.embedded import EmbeddedStore
from loaders.organs import load_gazetteer
from loaders.organs.gazetteer import clear_cache
from reports.subplans import SubplanRow, SubplanStatus, audit_every_plan, audit_resolution, plans_under
from ui.views.compliance import read_compliance_matrix

Cascade = tuple[dict[str, Any], dict[str, str]]  # the truth, and each file's document uid in the store


@pytest.fixture(scope="module")
def cascade(tmp_path_factory: pytest.TempPathFactory, embedded_store: EmbeddedStore) -> Iterator[Cascade]:
    out = tmp_path_factory.mktemp("national")
    generate(300, out, seed=11)
    wipe(embedded_store)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("KG_ORGANS_DIR", str(out / "organs"))
        clear_cache()
        results = load_paths([out / "documents"], embedded_store, gazetteer=load_gazetteer(out / "organs"))
        assert all(r.ok for r in results)
        rows = embedded_store.read("MATCH (d:Document) WHERE d.source_path IS NOT NULL RETURN d.uid AS uid, "
                                   "d.source_path AS path")  # fmt: skip
        yield json.loads((out / "truth.json").read_text("utf-8")), {Path(r["path"]).name: r["uid"] for r in rows}
    clear_cache()
    wipe(embedded_store)


def _expected(truth: dict[str, Any], uids: dict[str, str]) -> dict[tuple[str, str], str]:
    return {(uids[p["file"]], u["uid"]): u["status"] for p in truth["plans"] for u in p["units"]}


def _statuses(rows: list[SubplanRow]) -> dict[tuple[str, str], str]:
    """Each listed unit's status; a group the small cascade's gazetteer lists no member of (no đảng đoàn in a
    province) is one row the truth leaves out, and says so."""
    assert all(r.status is SubplanStatus.UNITS_NOT_LISTED for r in rows if r.unit_kind == "collective")
    return {(r.plan_uid, r.unit_uid): r.status.value for r in rows if r.unit_kind != "collective"}


def test_every_unit_of_every_resolution_has_the_truths_status(
    cascade: Cascade, embedded_store: GraphStore
) -> None:
    truth, uids = cascade
    as_of = date.fromisoformat(truth["as_of"])
    found: dict[tuple[str, str], str] = {}
    for resolution in (d for d in truth["documents"] if d["parent"] is None):
        found.update(_statuses(audit_resolution(embedded_store, uids[resolution["file"]], as_of)))
    expected = _expected(truth, uids)
    assert len(expected) > 300 and {"on_time", "late", "missing"} <= set(expected.values())
    assert found == expected


def test_the_audit_of_every_plan_at_once_is_the_truth_too(cascade: Cascade, embedded_store: GraphStore) -> None:
    truth, uids = cascade
    rows = audit_every_plan(embedded_store, date.fromisoformat(truth["as_of"]))
    assert _statuses(rows) == _expected(truth, uids)


def test_a_branch_is_the_document_and_what_directly_carries_it_out(
    cascade: Cascade, embedded_store: GraphStore
) -> None:
    truth, uids = cascade
    province = next(d for d in truth["documents"] if d["symbol"].endswith("-KH/TU"))
    children = {uids[d["file"]] for d in truth["documents"] if d["parent"] == province["file"]}
    branch = plans_under(embedded_store, uids[province["file"]], levels=1)
    assert children and branch[0] == uids[province["file"]] and set(branch[1:]) == children
    below = plans_under(embedded_store, uids[province["file"]])
    assert set(below) > set(branch)  # the whole cascade under it goes further down
    matrix = read_compliance_matrix(embedded_store, uids[province["file"]], date.fromisoformat(truth["as_of"]))
    assert {uid for uid, _ in matrix.columns} <= set(branch)
    ordered = {u["uid"] for p in truth["plans"] if uids[p["file"]] in branch for u in p["units"]}
    assert {row.unit_uid for row in matrix.rows if "/nhom/" not in row.unit_uid} == ordered
