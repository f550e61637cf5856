"""Per-clearance read views on a real embedded FalkorDB: the seeds and a corpus document stamped MẬT; a view
below MẬT holds no trace of it (node, property, stub or organ name from its text), a view at MẬT is the store."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.clearance import ViewUnavailable, clearance_view, drop_view, hidden_documents, highest_mark
from graph.ingest import load_paths
from graph.store import GraphStore
from graph.stores.embedded import EmbeddedStore
from tests.graph.store_samples import short_tmpdir
from tests.marked import MARKED_TITLE, marked_copy

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def marked_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[GraphStore, str]]:
    folder = tmp_path_factory.mktemp("marked")
    path = marked_copy(folder, "MẬT")
    shutil.copytree(ROOT / "data" / "documents", folder / "seeds")
    path_store = short_tmpdir("kg-clr-")
    store = EmbeddedStore(path_store)
    results = load_paths([folder], store)
    assert [r.error for r in results if not r.ok] == []
    uid = next(r.uid for r in results if r.path == str(path))
    assert uid
    yield store, uid
    drop_view(store, "thuong")
    store.close()
    shutil.rmtree(path_store, ignore_errors=True)


def _everything(store: GraphStore) -> str:
    nodes = store.read("MATCH (n) RETURN n")
    edges = store.read("MATCH ()-[r]->() RETURN r")
    return json.dumps(nodes + edges, ensure_ascii=False, default=str)


def test_the_marked_document_is_hidden_below_mat_only(marked_store: tuple[GraphStore, str]) -> None:
    store, uid = marked_store
    assert highest_mark(store) == "mat"
    assert [h.uid for h in hidden_documents(store, "thuong")] == [uid]
    assert hidden_documents(store, "mat") == hidden_documents(store, "tuyet-mat") == []


def test_a_view_below_mat_holds_no_trace_of_the_marked_document(marked_store: tuple[GraphStore, str]) -> None:
    store, uid = marked_store
    full = _everything(store)
    assert MARKED_TITLE in full and uid in full  # the test would catch a leak
    view = clearance_view(store, "thuong")
    seen = _everything(view)
    assert MARKED_TITLE not in seen
    assert uid not in seen
    assert "Vật liệu nổ" not in seen and "vật liệu nổ" not in seen
    stubs = view.read("MATCH (d:Document) WHERE d.src STARTS WITH $u RETURN d.uid AS uid", {"u": uid})
    assert stubs == []


def test_the_view_keeps_every_other_document(marked_store: tuple[GraphStore, str]) -> None:
    store, uid = marked_store
    view = clearance_view(store, "thuong")
    query = "MATCH (d:Document {status: 'loaded'}) RETURN d.uid AS uid ORDER BY uid"
    visible = [r["uid"] for r in view.read(query)]
    assert visible == [r["uid"] for r in store.read(query) if r["uid"] != uid]
    assert len(visible) == 2
    tasks = "MATCH (d:Document)-[:HAS_SECTION|HAS_TASK*1..8]->(t:Task) WHERE d.uid IN $u RETURN count(t) AS n"
    assert view.read(tasks, {"u": visible}) == store.read(tasks, {"u": visible})


def test_a_cleared_reader_reads_the_store_itself(marked_store: tuple[GraphStore, str]) -> None:
    store, _ = marked_store
    assert clearance_view(store, "mat") is store
    assert clearance_view(store, "tuyet-mat") is store


def test_a_store_without_a_second_graph_refuses_a_view(marked_store: tuple[GraphStore, str]) -> None:
    class Other:  # any GraphStore that is not FalkorDB: the reads of the real store, no copy
        name = "another store"

        def __init__(self, inner: GraphStore) -> None:
            self.read = inner.read

    with pytest.raises(ViewUnavailable):
        clearance_view(Other(marked_store[0]), "thuong")  # type: ignore[arg-type]
