"""Facts from citations: dates filled with provenance, disagreements kept and listed."""

from __future__ import annotations

import pytest

from graph.conflicts import CITED_IN, CitedDate, list_conflicts, reconcile_date
from graph.store import GraphStore
from loaders.record import Citation
from tests.graph.link_samples import BD60, BD80, BTV_TU, NQ27, R60, R80, doc_props, load, record

A, B = "phu-tho:?:1902/KH-UBND:2023", BD80


def test_missing_date_is_filled_from_the_citation_with_its_source() -> None:
    decision = reconcile_date(None, None, [CitedDate("2023-05-24", f"{B}:17", B)])
    assert (decision.date, decision.date_source, decision.date_src) == ("2023-05-24", f"{CITED_IN}{B}", f"{B}:17")
    assert decision.conflict is None


def test_own_date_wins_and_a_different_citation_is_a_conflict() -> None:
    decision = reconcile_date("2023-05-25", None, [CitedDate("2023-05-24", f"{B}:17", B)], uid="x")
    assert decision.date == "2023-05-25" and decision.date_source is None
    assert decision.conflict is not None
    assert decision.conflict.text() == f"date: 2023-05-25 (own) ≠ 2023-05-24 (cited in {B}:17)"


def test_two_dates_in_citations_keep_the_majority_and_flag_both() -> None:
    cited = [
        CitedDate("2022-12-09", f"{A}:17", A),
        CitedDate("2022-11-09", f"{A}:22", A),
        CitedDate("2022-11-09", f"{B}:19", B),
    ]
    decision = reconcile_date(
        None, None, cited, uid="tw:ban-chap-hanh-trung-uong-dang:27-NQ/TW:2022", symbol="27-NQ/TW"
    )
    assert decision.date == "2022-11-09"
    assert decision.date_source == f"{CITED_IN}{B}, {A}"  # sorted
    assert decision.conflict is not None
    assert [v.value for v in decision.conflict.values] == ["2022-11-09", "2022-12-09"]
    assert decision.conflict.values[1].sources == (f"cited in {A}:17",)


@pytest.mark.parametrize("order", [0, 1])
def test_a_tie_is_broken_the_same_way_whatever_the_order(order: int) -> None:
    cited = [CitedDate("2022-12-09", "a:1", "a"), CitedDate("2022-11-09", "b:1", "b")]
    assert reconcile_date(None, None, cited[order:] + cited[:order]).date == "2022-11-09"


def test_a_date_filled_earlier_is_recomputed_not_taken_for_the_documents_own() -> None:
    decision = reconcile_date("2023-05-24", f"{CITED_IN}{B}", [])
    assert (decision.date, decision.date_source) == (None, None)


def test_the_loaders_note_on_a_missing_date_stays_until_a_citation_gives_one() -> None:
    note = "not printed in this copy"
    assert reconcile_date(None, note, []).date_source == note


# --- on real stores ---------------------------------------------------------------------------------------


def test_conflicting_dates_are_kept_flagged_and_listed(empty_store: GraphStore) -> None:
    phutho = record(
        "1902/KH-UBND", "phu-tho", "2023-05-25", Citation("27-NQ/TW", "NQ", "2022-12-09", None, line=17)
    )
    load(empty_store, R80, R60, phutho)
    (conflict,) = list_conflicts(empty_store)
    assert conflict.uid == NQ27 and [v.value for v in conflict.values] == ["2022-11-09", "2022-12-09"]
    stub = doc_props(empty_store, NQ27)
    assert stub["date"] == "2022-11-09" and stub["conflicts"] == [conflict.text()]
    assert "cited in phu-tho:?:1902/KH-UBND:2023:17" in conflict.text()


def test_a_citation_date_that_differs_from_the_documents_own_is_a_conflict(empty_store: GraphStore) -> None:
    load(empty_store, R80, record("60-KH/TU", "binh-dinh", "2023-05-25", issuer=BTV_TU))
    (conflict,) = list_conflicts(empty_store)
    assert conflict.text() == f"date: 2023-05-25 (own) ≠ 2023-05-24 (cited in {BD80}:17)"
    assert doc_props(empty_store, BD60)["date"] == "2023-05-25"


def test_the_phu_tho_plan_citing_27_nq_tw_with_two_dates_is_listed(empty_store: GraphStore) -> None:
    """1902/KH-UBND prints 27-NQ/TW as of 09/12/2022 in its title and 09/11/2022 in its preamble."""
    from graph.ingest import load_paths
    from tests.shared import CORPUS

    load_paths(CORPUS.glob("ubnd-phutho_1902-*.txt"), empty_store)
    (conflict,) = list_conflicts(empty_store)
    assert conflict.symbol == "27-NQ/TW"
    assert [v.value for v in conflict.values] == ["2022-11-09", "2022-12-09"]
    assert [v.sources for v in conflict.values] == [
        ("cited in phu-tho:uy-ban-nhan-dan:1902/KH-UBND:2023:20",),
        ("cited in phu-tho:uy-ban-nhan-dan:1902/KH-UBND:2023:16",),
    ]
