"""The attack run against the console, on FalkorDB and on ArcadeDB: every disguised write refused with the graph
and its schema unchanged, huge results cut inside the query, the time limit held, and every failure one Vietnamese
line."""

from __future__ import annotations

import time

import pytest

from graph.console import run_console
from graph.store import GraphStore
from tests.graph.store_samples import plan_graph, snapshot
from tests.graph.test_readonly import ATTACKS, READS

TIMEOUT_MS = 10_000


@pytest.fixture
def planned(empty_store: GraphStore) -> GraphStore:
    empty_store.write_document(plan_graph())
    return empty_store


def test_every_disguised_write_is_refused_and_nothing_changes(planned: GraphStore) -> None:
    before, schema = snapshot(planned), planned.schema()
    for query in ATTACKS:
        answer = run_console(planned, query, timeout_ms=TIMEOUT_MS, row_cap=100)
        assert not answer.ok and answer.rows == (), query
        assert answer.error is not None and "\n" not in answer.error
        assert answer.error == "Chưa nhập truy vấn." if not query.strip() else answer.refused, query
    assert snapshot(planned) == before
    assert planned.schema() == schema
    assert not any("Pwn" in item or "PWN" in item for item in planned.schema())


def test_reads_that_mention_keywords_run(planned: GraphStore) -> None:
    for query in READS:
        answer = run_console(planned, query, timeout_ms=TIMEOUT_MS, row_cap=100)
        assert answer.ok, (query, answer.error)
    [row] = run_console(planned, READS[1], timeout_ms=TIMEOUT_MS, row_cap=100).rows
    assert row == {"n": 0}


def test_a_result_of_1_8_million_rows_is_cut_inside_the_store(store: GraphStore) -> None:
    started = time.monotonic()
    answer = run_console(store, "UNWIND range(1, 1800000) AS i RETURN i", timeout_ms=TIMEOUT_MS, row_cap=1000)
    assert answer.ok and answer.truncated and len(answer.rows) == 1000
    assert answer.rows[-1] == {"i": 1000}
    assert time.monotonic() - started < 5  # measured 0.1 s on FalkorDB; all 1.8 M rows took 29 s before


def test_a_cross_product_of_every_node_is_cut_inside_the_store(empty_store: GraphStore) -> None:
    empty_store.write("UNWIND range(1, 2000) AS i CREATE (:Probe {uid: toString(i)})")
    started = time.monotonic()
    answer = run_console(empty_store, "MATCH (a), (b) RETURN a, b", timeout_ms=TIMEOUT_MS, row_cap=1000)
    assert answer.ok and answer.truncated and len(answer.rows) == 1000
    assert time.monotonic() - started < 10  # 4 million pairs; 172 s and a MemoryError before


def test_the_time_limit_holds_on_every_store(store: GraphStore) -> None:
    slow = "UNWIND range(1, 20000000) AS i UNWIND range(1, 20) AS j WITH i WHERE i < 0 RETURN count(*) AS n"
    started = time.monotonic()
    answer = run_console(store, slow, timeout_ms=1000, row_cap=10)
    elapsed = time.monotonic() - started
    assert answer.error is not None and answer.error.startswith("Truy vấn chạy quá thời gian cho phép (1 giây)")
    assert elapsed < 8, elapsed  # ArcadeDB ran a 10 s limit for 69.7 s before
    assert run_console(store, "RETURN 1 AS one", timeout_ms=TIMEOUT_MS, row_cap=10).rows == ({"one": 1},)


def test_a_store_error_is_one_vietnamese_line(store: GraphStore) -> None:
    answer = run_console(store, "MATCH (n RETURN n", timeout_ms=TIMEOUT_MS, row_cap=10)
    assert answer.error is not None and answer.error.startswith("Truy vấn lỗi: ")
    assert "\n" not in answer.error and "Traceback" not in answer.error
