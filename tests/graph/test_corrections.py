"""Corrections kept as data survive reloads, are marked in the graph, turn stale (with both values) when the
text changes underneath; accepting clears the queue; removing a document leaves the store as if never loaded.

Real files (copies of the seeds) and a real embedded FalkorDB store; no mocks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from graph.corrections import CorrectionError, Fact
from graph.export import count_graph
from graph.ingest import load_paths
from graph.removal import remove_document
from graph.review_list import read_corrected, read_queue, read_stale
from graph.reviewing import review_act
from graph.store import GraphStore
from graph.stores import wipe
from graph.stores.embedded import EmbeddedStore
from tests.conftest import short_tmpdir

ROOT = Path(__file__).resolve().parents[2]
SEED_80 = ROOT / "data" / "documents" / "000_a85277af82c186c2.txt"
SEED_60 = ROOT / "data" / "documents" / "001_0da2381aa2498f94.txt"
LEAD = "Ban Tuyên giáo Tỉnh ủy Bình Định"
AS_READ = "Cấp ủy cơ sở đảng trực thuộc Đảng ủy Khối các cơ quan tỉnh Bình Định"
LEADS = """
MATCH (t:Task {owner: $doc, path: $path})-[a:ASSIGNED_TO {role: 'lead'}]->(o)
RETURN o.name AS name, t.corrected AS corrected, t.corrected_by AS by, t.corrected_at AS at
"""
PARENT = """
MATCH (d:Document {symbol: '80-KH/ĐUK', status: 'loaded'})-[r:IMPLEMENTS|CITES]->(p:Document)
WHERE r.cascade_parent = true RETURN p.symbol AS parent, d.corrected AS corrected
"""


@pytest.fixture(scope="module")
def store() -> Iterator[GraphStore]:
    path = short_tmpdir("kg-cor-")
    store = EmbeddedStore(path)
    _URLS[id(store)] = f"embedded:{path}"
    yield store
    store.close()
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store: GraphStore) -> Path:
    """Copies of the two seeds in a folder of their own, an empty corrections folder, an empty store."""
    monkeypatch.setenv("KG_CORRECTIONS_DIR", str(tmp_path / "corrections"))
    monkeypatch.setenv("KG_UPLOAD_DIR", str(tmp_path / "uploads"))
    folder = tmp_path / "documents"
    folder.mkdir()
    for seed in (SEED_80, SEED_60):
        shutil.copy(seed, folder / seed.name)
    wipe(store)
    return folder


def _uid(store: GraphStore, symbol: str) -> str:
    return str(
        store.read("MATCH (d:Document {symbol: $s, status: 'loaded'}) RETURN d.uid AS u", {"s": symbol})[0]["u"]
    )


def test_corrections_of_a_lead_and_a_parent_survive_reloading_everything(seeds: Path, store: GraphStore) -> None:
    load_paths([seeds], store)
    review_act(store, "80-KH/ĐUK", Fact("task", "lead", "II.1.p1"), by="Nguyễn Văn A", why="đọc sai", new=(LEAD,))
    review_act(store, "80-KH/ĐUK", Fact("document", "cascade_parent"), by="Nguyễn Văn A", new="11-KH/TW")
    for _ in range(2):  # the corrections stand after each full reload from the files
        load_paths([seeds], store)
        doc = _uid(store, "80-KH/ĐUK")
        [lead] = store.read(LEADS, {"doc": doc, "path": "II.1.p1"})
        assert (lead["name"], lead["corrected"], lead["by"]) == (LEAD, ["lead"], "Nguyễn Văn A")
        assert lead["at"]
        assert store.read(PARENT) == [{"parent": "11-KH/TW", "corrected": ["cascade_parent"]}]
    listed = {(c.document, c.where, c.fields) for c in read_corrected(store)}
    assert listed == {("80-KH/ĐUK", "nhiệm vụ II.1.p1", ("lead",)), ("80-KH/ĐUK", "văn bản", ("cascade_parent",))}
    [file] = (seeds.parent / "corrections").glob("*.yaml")
    entries = yaml.safe_load(file.read_text(encoding="utf-8"))["entries"]
    assert [(e["fact"]["field"], e["old"], e["new"], e["why"]) for e in entries] == [
        ("lead", [AS_READ], [LEAD], "đọc sai"),
        ("cascade_parent", "60-KH/TU", "11-KH/TW", ""),
    ]
    assert oct(file.stat().st_mode & 0o777) == "0o600" and oct(file.parent.stat().st_mode & 0o777) == "0o700"


def test_a_correction_whose_fact_changed_underneath_is_stale_with_both_values(
    seeds: Path, store: GraphStore
) -> None:
    load_paths([seeds], store)
    review_act(store, "80-KH/ĐUK", Fact("task", "lead", "II.1.p1"), by="Trần Thị B", new=(LEAD,))
    copy = seeds / SEED_80.name
    text = copy.read_text(encoding="utf-8")
    subject = "Các cấp ủy cơ sở đảng trong Đảng bộ Khối tiếp tục tổ chức"
    assert subject in text
    new_version = text.replace(subject, "Ban Dân vận Tỉnh ủy tiếp tục tổ chức", 1)
    copy.write_text(new_version, encoding="utf-8")  # the same file, a new version: its lead is now another organ
    [result] = [r for r in load_paths([seeds], store) if r.symbol == "80-KH/ĐUK"]
    assert len(result.stale) == 1
    [stale] = read_stale(store)
    assert (stale.document, stale.fact, stale.by) == ("80-KH/ĐUK", "task:II.1.p1:lead", "Trần Thị B")
    assert stale.recorded == [AS_READ] and stale.new == [LEAD]
    assert stale.now_read and stale.now_read != stale.recorded  # both values shown
    [lead] = store.read(LEADS, {"doc": _uid(store, "80-KH/ĐUK"), "path": "II.1.p1"})
    assert lead["name"] != LEAD and lead["corrected"] is None  # never applied silently
    cli = subprocess.run([sys.executable, "-m", "graph", "corrections", "--stale", "--store", store_url(store)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert cli.returncode == 1 and "STALE 80-KH/ĐUK  task:II.1.p1:lead" in cli.stdout


_URLS: dict[int, str] = {}


def store_url(store: GraphStore) -> str:
    return _URLS[id(store)]


def test_accepting_a_fact_takes_it_out_of_the_queue(seeds: Path, store: GraphStore) -> None:
    load_paths([seeds], store)
    queue = read_queue(store)
    item = next(i for i in queue if i.part == "task" and i.field == "lead")
    assert item.reason == "nhiệm vụ không có cơ quan chủ trì" or item.reason
    review_act(store, item.document, Fact("task", "lead", item.path), by="Lê C", accept=True)
    after = read_queue(store)
    assert (item.document, item.path, "lead") not in {(i.document, i.path, i.field) for i in after}
    assert len(after) == len(queue) - 1


def _snapshot(store: GraphStore) -> tuple[object, ...]:
    counts = count_graph(store)
    docs = sorted((d["uid"], d["status"]) for d in counts.documents)
    return counts.by_label, counts.by_type, docs


def test_removing_a_document_leaves_the_store_as_if_it_had_never_been_loaded(
    seeds: Path, store: GraphStore
) -> None:
    (seeds / SEED_60.name).rename(seeds.parent / SEED_60.name)
    load_paths([seeds], store)  # 80-KH/ĐUK alone: 60-KH/TU a cited stub
    before = _snapshot(store)
    load_paths([seeds.parent / SEED_60.name], store)
    assert _snapshot(store) != before
    removal = remove_document(store, "60-KH/TU", by="Phạm D", why="nạp nhầm")
    assert _snapshot(store) == before
    assert removal.rewritten == (_uid(store, "80-KH/ĐUK"),)
    entries = yaml.safe_load(removal.record.read_text(encoding="utf-8"))["entries"]
    assert [(e["action"], e["by"], e["why"]) for e in entries] == [("remove", "Phạm D", "nạp nhầm")]
    [again] = load_paths([seeds.parent / SEED_60.name], store)  # a removed document stays removed
    assert again.skipped and "Phạm D" in again.skipped
    assert _snapshot(store) == before


FRONT = (
    "Mặt trận Tổ quốc Việt Nam"  # printed in 60-KH/TU's heading of part II; the gazetteer does not know it alone
)
FRONT_UID = "binh-dinh/mttq"
TO_FRONT = """
MATCH (d:Document {symbol: '60-KH/TU', status: 'loaded'}) MATCH (t:Task {owner: d.uid})-[a:ASSIGNED_TO]->(o)
WHERE a.corrected_organ = $name
RETURN t.path AS path, o.uid AS organ, o.name AS name, o.resolved AS resolved, a.corrected_by AS by,
       a.corrected_at AS at, t.corrected AS corrected, t.corrected_by AS task_by, t.review AS review
ORDER BY path
"""
UNRESOLVED_FRONT = """
MATCH (d:Document {symbol: '60-KH/TU', status: 'loaded'}) MATCH (t:Task {owner: d.uid})-[:ASSIGNED_TO]->(o:Organ)
WHERE o.name = $name AND o.resolved = false RETURN count(DISTINCT t) AS tasks
"""


def test_an_unresolved_organ_name_corrected_to_a_gazetteer_organ_moves_every_task_of_the_document_there(
    seeds: Path, store: GraphStore
) -> None:
    load_paths([seeds], store)
    [before] = store.read(UNRESOLVED_FRONT, {"name": FRONT})
    assert before["tasks"] == 9  # II.1 … II.9 name the front as printed
    assert any(i.reason == f"cơ quan chưa xác định: {FRONT}" for i in read_queue(store))
    cli = subprocess.run(
        [sys.executable, "-m", "graph", "correct", "60-KH/TU", f"organ:{FRONT}", "--organ", FRONT_UID,
         "--by", "Võ E", "--why", "cấp tỉnh", "--store", store_url(store)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env={**os.environ},
    )  # fmt: skip
    assert cli.returncode == 0, cli.stderr
    for _ in range(2):  # the identity stands after each full reload from the files
        load_paths([seeds], store)
        rows = store.read(TO_FRONT, {"name": FRONT})
        assert [r["path"] for r in rows] == [f"II.{n}" for n in range(1, 10)]
        assert {(r["organ"], r["name"], r["resolved"], r["by"], r["task_by"]) for r in rows} == {
            (FRONT_UID, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bình Định", True, "Võ E", "Võ E")
        }
        assert all(r["at"] and "identity" in r["corrected"] for r in rows)
        assert all(f"cơ quan chưa xác định: {FRONT}" not in (r["review"] or ()) for r in rows)
        assert store.read(UNRESOLVED_FRONT, {"name": FRONT}) == [{"tasks": 0}]
        assert not any(i.reason == f"cơ quan chưa xác định: {FRONT}" for i in read_queue(store))
    assert ("60-KH/TU", "văn bản", ("identity",)) in {
        (c.document, c.where, c.fields) for c in read_corrected(store)
    }
    [file] = (seeds.parent / "corrections").glob("*.yaml")
    [entry] = yaml.safe_load(file.read_text(encoding="utf-8"))["entries"]
    assert (entry["fact"], entry["new"], entry["by"], entry["why"]) == (
        {"part": "organ", "path": FRONT, "field": "identity"},
        FRONT_UID,
        "Võ E",
        "cấp tỉnh",
    )
    assert entry["old"].startswith("unresolved:binh-dinh:")

    copy = seeds / SEED_60.name  # a new version that no longer prints the name alone
    text = copy.read_text(encoding="utf-8")
    heading = f"các cơ quan nhà nước, {FRONT} và các tổ chức"
    assert heading in text
    copy.write_text(text.replace(heading, "các cơ quan nhà nước và các tổ chức", 1), encoding="utf-8")
    [result] = [r for r in load_paths([seeds], store) if r.symbol == "60-KH/TU"]
    assert [s.fact.key for s in result.stale] == [f"organ:{FRONT}:identity"]
    [stale] = read_stale(store)
    assert (stale.document, stale.new, stale.now_read) == ("60-KH/TU", FRONT_UID, None)
    assert stale.recorded == entry["old"]
    assert store.read(TO_FRONT, {"name": FRONT}) == []  # never applied silently


def test_an_organ_name_is_only_corrected_to_an_organ_of_the_gazetteer(seeds: Path, store: GraphStore) -> None:
    load_paths([seeds], store)
    for new, error in (("binh-dinh/khong-co", "không phải mã của một cơ quan"), (None, "không phải mã")):
        with pytest.raises(CorrectionError, match=error):
            review_act(store, "60-KH/TU", Fact("organ", "identity", FRONT), by="Võ E", new=new)
    with pytest.raises(CorrectionError, match="không có"):
        review_act(store, "60-KH/TU", Fact("organ", "identity", "Sở Không Có"), by="Võ E", new=FRONT_UID)
    assert not (seeds.parent / "corrections").exists() or not list((seeds.parent / "corrections").glob("*.yaml"))
