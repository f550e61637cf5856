"""The review page (Rà soát) through Streamlit's ``AppTest``: identifying an organ name the gazetteer did not know
with one of its organs, and correcting a sub-plan order's units and deadline. On a store of its own (the session's
sample graph stays untouched), with copies of the seeds and a temporary corrections folder; the corrections then
survive a reload from the files."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from graph.ingest import load_paths
from graph.store import GraphStore, open_store
from ui.navigation import PAGES

ROOT = Path(__file__).resolve().parents[2]
SEEDS = (
    ROOT / "data" / "documents" / "000_a85277af82c186c2.txt",
    ROOT / "data" / "documents" / "001_0da2381aa2498f94.txt",
)
FRONT = "Mặt trận Tổ quốc Việt Nam"  # printed alone in 60-KH/TU; the gazetteer knows only the province's committee
FRONT_ORGAN = "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bình Định"
UNIT = "Ban Tuyên giáo Đảng ủy Khối các cơ quan tỉnh Bình Định"
TO_FRONT = """
MATCH (d:Document {symbol: '60-KH/TU', status: 'loaded'}) MATCH (t:Task {owner: d.uid})-[a:ASSIGNED_TO]->(o)
WHERE a.corrected_organ = $name
RETURN DISTINCT o.name AS organ, a.corrected_by AS by, t.corrected AS corrected
"""
ORDERS = """
MATCH (d:Document {symbol: '80-KH/ĐUK', status: 'loaded'})-[r:REQUIRES_SUBPLAN {task_path: 'III.2'}]->(o)
RETURN o.name AS unit, r.deadline AS deadline, r.corrected AS corrected, r.corrected_by AS by
"""


@dataclass(frozen=True)
class Graph:
    url: str
    store: GraphStore
    documents: Path


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Graph]:
    base = tmp_path_factory.mktemp("rev")  # short: the store's unix socket lives in it
    documents = base / "documents"
    documents.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, documents / seed.name)
    url = f"embedded:{base / 'store'}"
    store = open_store(url)
    saved = os.environ.get("KG_CORRECTIONS_DIR")
    os.environ["KG_CORRECTIONS_DIR"] = str(base / "corrections")
    assert all(r.ok for r in load_paths([documents], store))
    yield Graph(url, store, documents)
    store.close()
    if saved is not None:
        os.environ["KG_CORRECTIONS_DIR"] = saved


@pytest.fixture
def corrections(graph: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's corrections folder (empty), the page's store and upload folder."""
    folder = tmp_path / "corrections"
    monkeypatch.setenv("KG_CORRECTIONS_DIR", str(folder))
    monkeypatch.setenv("KG_STORE", graph.url)
    monkeypatch.setenv("KG_UPLOAD_DIR", str(tmp_path / "uploads"))
    return folder


@pytest.fixture
def review_page(corrections: Path) -> Callable[..., AppTest]:
    def run(**state: object) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.run()
        at.session_state["reviewer_name"] = "Võ E"
        for key, value in state.items():
            at.session_state[key] = value
        at.switch_page(PAGES["review"].file).run()
        assert not at.exception, [e.value for e in at.exception]
        assert at.title[0].value == "Rà soát"
        return at

    return run


def _uid(store: GraphStore, symbol: str) -> str:
    rows = store.read("MATCH (d:Document {symbol: $s, status: 'loaded'}) RETURN d.uid AS u", {"s": symbol})
    return str(rows[0]["u"])


def _entries(folder: Path) -> list[dict[str, object]]:
    return [
        e for f in sorted(folder.glob("*.yaml")) for e in yaml.safe_load(f.read_text(encoding="utf-8"))["entries"]
    ]


def _audit() -> set[tuple[str, str, str]]:
    """(action, who, document) of every line of the record of actions."""
    lines = Path(os.environ["KG_AUDIT_LOG"]).read_text(encoding="utf-8").splitlines()
    return {(e["action"], e["who"], e["document"]) for e in map(json.loads, lines)}


def test_an_unresolved_organ_name_is_identified_with_a_gazetteer_organ_on_the_page(
    graph: Graph, corrections: Path, review_page: Callable[..., AppTest]
) -> None:
    at = review_page()
    assert at.selectbox(key="organ_doc").value == _uid(graph.store, "60-KH/TU")
    assert FRONT in at.selectbox(key="organ_name").options
    at.selectbox(key="organ_name").select(FRONT).run()
    at.text_input(key="organ_organ_query").input("mat tran to quoc binh dinh").run()
    found = at.selectbox(key="organ_organ_uid")
    assert FRONT_ORGAN in found.options and "Đảng đoàn Mặt trận Tổ quốc Việt Nam tỉnh Bình Định" in found.options
    assert all("Gia Lai" not in o for o in found.options)  # the search narrows the gazetteer
    found.select("binh-dinh/mttq").run()
    at.text_input(key="organ_organ_why").input("Mặt trận cấp tỉnh").run()
    at.button(key="organ_organ_fix").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any(FRONT_ORGAN in s.value for s in at.success)

    [entry] = _entries(corrections)
    assert (entry["fact"], entry["new"], entry["by"], entry["why"]) == (
        {"part": "organ", "path": FRONT, "field": "identity"}, "binh-dinh/mttq", "Võ E", "Mặt trận cấp tỉnh"
    )  # fmt: skip
    assert ("sua", "Võ E", _uid(graph.store, "60-KH/TU")) in _audit()
    load_paths([graph.documents], graph.store)  # everything again from the files
    [row] = graph.store.read(TO_FRONT, {"name": FRONT})
    assert (row["organ"], row["by"], "identity" in row["corrected"]) == (FRONT_ORGAN, "Võ E", True)
    again = review_page()  # the name is no longer among those to identify, nor in the queue
    assert FRONT not in again.selectbox(key="organ_name").options
    assert f"cơ quan chưa xác định: {FRONT}" not in json.dumps(
        [str(df.value.to_numpy().tolist()) for df in again.dataframe], ensure_ascii=False
    )


def test_a_sub_plan_orders_units_and_deadline_are_corrected_on_the_page(
    graph: Graph, corrections: Path, review_page: Callable[..., AppTest]
) -> None:
    at = review_page(selected_order_doc=_uid(graph.store, "80-KH/ĐUK"))
    assert "III.2" in at.selectbox(key="order_item").format_func(0)
    at.text_input(key="order_deadline").input("30/8/2023").run()
    at.button(key="order_fix").click().run()
    assert any("năm-tháng-ngày" in e.value for e in at.error)  # a day not written as a date is refused
    assert _entries(corrections) == []
    at.text_input(key="order_units").input(UNIT).run()
    at.text_input(key="order_deadline").input("2023-08-30").run()
    at.text_input(key="order_why").input("đọc lại văn bản").run()
    at.button(key="order_fix").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.success

    assert [(e["fact"], e["new"], e["by"]) for e in _entries(corrections)] == [
        ({"part": "subplan", "path": "III.2", "field": "units"}, [UNIT], "Võ E"),
        ({"part": "subplan", "path": "III.2", "field": "deadline"}, "2023-08-30", "Võ E"),
    ]
    load_paths([graph.documents], graph.store)
    rows = graph.store.read(ORDERS)
    assert [(r["unit"], r["deadline"], r["by"]) for r in rows] == [(UNIT, "2023-08-30", "Võ E")]
    assert sorted(rows[0]["corrected"]) == ["deadline", "units"]
