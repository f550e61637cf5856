"""What bounds the embedded server: a memory bomb ends in one clear line and is never run twice (FalkorDB's
per-query accounting misses ``range()`` and a growing ``collect()``, so the process limit is what stops them);
a text the store cannot decode is one ``StoreError`` that leaves later reads working, also while a load writes."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator

import pytest

from graph.console import run_console
from graph.stores.embedded import EmbeddedStore
from graph.stores.errors import StoreDecodeError
from tests.graph.store_samples import big_graph, short_tmpdir

BROKEN_TEXT = "RETURN replace($t, '', ' ') AS x"  # FalkorDB splits the text inside its UTF-8 sequences
VIETNAMESE = {"t": "Đảng ủy tỉnh Bình Định"}


@pytest.fixture(scope="module")
def small_server() -> Iterator[EmbeddedStore]:
    """A store of its own with a small limit (1 GB for the process): a bomb here is cheap."""
    path = short_tmpdir("kg-lim-")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("KG_SERVER_MEMORY_MB", "1024")
        store = EmbeddedStore(path)
    yield store
    store.close()
    shutil.rmtree(path, ignore_errors=True)


def starts(store: EmbeddedStore) -> int:
    return store.server.log_path.read_text(errors="replace").count("Ready to accept connections")


def test_a_memory_bomb_that_stops_the_server_is_one_line_and_never_run_twice(small_server: EmbeddedStore) -> None:
    before = starts(small_server)
    answer = run_console(small_server, "RETURN size(range(1, 400000000)) AS n", timeout_ms=10_000, row_cap=10)
    assert answer.error is not None and answer.error.startswith("Máy chủ cơ sở dữ liệu đã dừng")
    assert "\n" not in answer.error
    assert starts(small_server) == before + 1  # one crash, one restart: the query was not sent again
    assert small_server.read("RETURN 1 AS one") == [{"one": 1}]


def test_text_the_store_cannot_decode_is_one_store_error(small_server: EmbeddedStore) -> None:
    with pytest.raises(StoreDecodeError):
        small_server.read(BROKEN_TEXT, VIETNAMESE)
    answer = run_console(small_server, BROKEN_TEXT, VIETNAMESE, timeout_ms=10_000, row_cap=10)
    assert answer.error is not None and answer.error.startswith("Kho dữ liệu trả về văn bản không đọc được")
    assert small_server.read("RETURN $t AS t", VIETNAMESE) == [{"t": VIETNAMESE["t"]}]


def test_reads_during_a_load_never_break_later_reads(small_server: EmbeddedStore) -> None:
    failures: list[BaseException] = []

    def load() -> None:
        try:
            for version in range(1, 16):
                small_server.write_document(big_graph("bd:load", 400, version=version, spread=8))
        except BaseException as error:
            failures.append(error)

    def read(n: int) -> None:
        for i in range(60):
            query, params = (
                (BROKEN_TEXT, VIETNAMESE) if (i + n) % 3 == 0 else ("MATCH (t:Task) RETURN t.text AS x", {})
            )
            try:
                rows = small_server.read(query, params)
            except StoreDecodeError:
                continue
            except BaseException as error:  # anything else, in a thread, must fail the test
                failures.append(error)
                return
            assert all(isinstance(row["x"], str) for row in rows)

    threads = [threading.Thread(target=load), *(threading.Thread(target=read, args=(n,)) for n in range(3))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    assert small_server.read("MATCH (t:Task) RETURN count(t) AS n") == [{"n": 400}]
