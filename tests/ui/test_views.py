"""The views without Streamlit: each ``read_…`` function answers with typed, frozen view models on the sample
graph, the same answers the pages show."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from reports.subplans import SubplanStatus
from ui.views.cascade_map import MapRequest, read_cascade_map
from ui.views.document import DocumentView, facts_by_line, read_document_view
from ui.views.gaps import Gap, read_gap_report, read_implements_pairs, read_plans
from ui.views.organ import OrganView, read_organ_view
from ui.views.overview import read_overview
from ui.views.search import read_documents, read_organs

ROOT = Path(__file__).resolve().parents[2]

SampleGraph = Any  # conftest.SampleGraph
BLOC = "Đảng ủy Khối các cơ quan tỉnh Bình Định"
AS_OF = date(2024, 1, 1)


def test_a_document_view_is_frozen_and_holds_its_tasks_in_line_order(sample_graph: SampleGraph) -> None:
    view = read_document_view(sample_graph.store, sample_graph.uid("80-KH/ĐUK"))
    assert isinstance(view, DocumentView) and view.facts.heading == "Kế hoạch 80-KH/ĐUK"
    lines = [t.line or 0 for t in view.tasks]
    assert lines == sorted(lines) and "III.2" in {t.path for t in view.tasks}
    assert any(link.symbol == "60-KH/TU" and link.direction == "up" for link in view.links)
    assert "Nhiệm vụ III.2" in {f for facts in facts_by_line(view).values() for f in facts}
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.facts.symbol = "x"  # type: ignore[misc]


def test_an_unknown_uid_has_no_view(sample_graph: SampleGraph) -> None:
    assert read_document_view(sample_graph.store, "no-such-document") is None
    assert read_organ_view(sample_graph.store, "no-such-organ", AS_OF) is None


def test_the_bloc_owes_60_kh_tu_a_plan_and_issued_80_kh_duk(sample_graph: SampleGraph) -> None:
    view = read_organ_view(sample_graph.store, sample_graph.organ_uid(BLOC), AS_OF)
    assert isinstance(view, OrganView)
    owed = {o.plan: o for o in view.owed}
    assert owed["60-KH/TU"].status == SubplanStatus.ON_TIME.label_vi
    assert owed["60-KH/TU"].subplan_uid == sample_graph.uid("80-KH/ĐUK")
    assert "80-KH/ĐUK" in {d.symbol for d in view.issued}


def test_the_overview_counts_what_the_gaps_page_lists(sample_graph: SampleGraph) -> None:
    summary = read_overview(sample_graph.store, AS_OF)
    assert (summary.counts.loaded, summary.counts.cited) == (2, 2)
    root = next(r for r in summary.roots if r.symbol == "27-NQ/TW")
    assert (root.depth, root.below, root.state) == (3, 3, "chỉ được dẫn chiếu")
    assert {"60-KH/TU", "80-KH/ĐUK"} <= {p.symbol for p in read_plans(sample_graph.store)}
    assert [p.label for p in read_implements_pairs(sample_graph.store)] == ["60-KH/TU → 80-KH/ĐUK"]
    overdue = read_gap_report(sample_graph.store, Gap.OVERDUE, AS_OF)
    assert summary.overdue == len(overdue.tables[0].rows) > 0


def test_the_cascade_map_draws_the_chain_above_a_plan(sample_graph: SampleGraph) -> None:
    picture = read_cascade_map(sample_graph.store, MapRequest(sample_graph.uid("80-KH/ĐUK"), as_of=AS_OF))
    labels = " ".join(n.label for n in picture.drawn)
    for symbol in ("27-NQ/TW", "11-KH/TW", "60-KH/TU", "80-KH/ĐUK"):
        assert symbol in labels
    assert "vis.Network" in picture.html


def test_search_lists_every_document_and_organ(sample_graph: SampleGraph) -> None:
    symbols = {d.symbol for d in read_documents(sample_graph.store)}
    assert {"27-NQ/TW", "11-KH/TW", "60-KH/TU", "80-KH/ĐUK"} <= symbols
    assert BLOC in {o.name for o in read_organs(sample_graph.store)}


def test_the_organ_page_the_map_and_the_saved_query_give_the_same_documents_for_each_organ(
    sample_graph: SampleGraph,
) -> None:
    """One rule for "the documents an organ issued, its parts included" (graph.organ_parts), seen four ways."""
    from graph.organ_parts import documents_issued_by
    from queries.catalog import get_query

    store = sample_graph.store
    by_organ = get_query("documents_by_organ")
    param = by_organ.params[0].name
    organs = [
        r["uid"] for r in store.read("MATCH (o:Organ)<-[:ISSUED_BY]-(:Document) RETURN DISTINCT o.uid AS uid")
    ]
    organs += [r["uid"] for r in store.read("MATCH (o:Organ)<-[:PART_OF]-(:Organ) RETURN DISTINCT o.uid AS uid")]
    assert len(set(organs)) >= 3
    for organ in set(organs):
        expected = documents_issued_by(store, organ)
        view = read_organ_view(store, organ, AS_OF)
        assert view is not None
        assert sorted({d.uid for d in view.issued}) == expected, organ
        assert sorted({r["uid"] for r in by_organ.run(store, {param: organ})}) == expected, organ
        on_map = read_cascade_map(store, MapRequest(focus=organ))
        assert set(expected) <= {n.uid for n in on_map.drawn}, organ


def test_the_app_started_as_make_run_does_has_its_pages_modules_loaded_before_the_first_visit() -> None:
    code = (
        "import sys; from ui.__main__ import preload; names = preload()\n"
        "wanted = ('pandas', 'networkx', 'altair', 'pyvis', 'ui.views.overview')\n"
        "print(len(names), all(m in sys.modules for m in wanted))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    count, loaded = result.stdout.split()
    assert int(count) >= 20 and loaded == "True", result.stderr


def test_the_warm_up_computes_the_first_pages_reads_under_the_keys_the_pages_ask_for(
    app_env: SampleGraph, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After ``warm_now`` the pages' reads are cache hits: their readers would fail if they ran again."""
    import ui.views.cascade_map as cascade_views
    import ui.views.overview as overview_views
    import ui.views.search as search_views
    from ui import warm
    from ui.store import generation

    for cached in (overview_views._overview, search_views._choices, cascade_views._cascade_map):
        cached.clear()  # nothing left over from other tests
    warm.warm_now(["thuong"])

    def not_again(*_: object) -> None:
        raise AssertionError("computed again: the warm-up did not fill this key")

    monkeypatch.setattr(overview_views, "read_overview", not_again)
    monkeypatch.setattr(search_views, "build_choices", not_again)
    monkeypatch.setattr(cascade_views, "read_cascade_map", not_again)
    key = generation("thuong")
    summary = overview_views.overview(date.today(), key)
    assert summary.roots and search_views.choices(("organ",), key)
    for root in summary.roots[: overview_views.ROOTS_WITH_A_BUTTON]:
        request = MapRequest(root.uid, cascade_views.DEFAULT_DEPTH, cascade_views.DEFAULT_LAYERS)
        assert cascade_views.cascade_map(request, key).drawn


def test_the_warm_up_reads_for_the_operator_or_for_each_accounts_clearance(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.auth.accounts import AccountFile
    from ui.auth.session import OPERATOR
    from ui.warm import clearances

    book = AccountFile(tmp_path / "accounts.json")
    monkeypatch.setenv("KG_ACCOUNTS_FILE", str(book.path))
    monkeypatch.setenv("KG_AUTH", "always")
    assert clearances() == []
    book.add("lanh-dao", "lanh-dao", "mat", "mật khẩu thử nghiệm")
    book.add("kiem-tra", "kiem-tra", "thuong", "mật khẩu thử nghiệm")
    assert clearances() == ["mat", "thuong"]
    monkeypatch.setenv("KG_AUTH", "auto")
    monkeypatch.setattr("ui.warm.sign_in_required", lambda: False)  # served on loopback: no sign-in
    assert clearances() == [OPERATOR.clearance]
