"""``python -m graph load``: a batch survives bad files, loading twice changes nothing, the seeds' graph."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfWriter

from graph.export import count_graph, to_networkx
from graph.ingest import iter_documents, load_paths
from graph.store import GraphStore
from graph.stores.embedded import EmbeddedStore
from loaders.reading import SUFFIXES
from tests.conftest import short_tmpdir
from tests.shared import CORPUS2

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "data" / "documents"
SECTION_III = """
MATCH (:Document {symbol: '60-KH/TU'})-[:HAS_SECTION]->(:Section {path: 'III'})-[:HAS_SECTION]->(s:Section)
MATCH (s)-[:HAS_TASK]->(t:Task)-[a:ASSIGNED_TO]->(o)
WHERE a.role = 'lead'
RETURN count(DISTINCT o) AS organs, count(DISTINCT t) AS tasks
"""


def _bad_files(folder: Path) -> dict[str, str]:
    """Each kind of unreadable file, with the words its error must contain."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "broken.txt").write_bytes("Kế hoạch số 1".encode() + b"\xff\xfe\x81\x8d\x8f" * 50)
    (folder / "huge.txt").write_bytes(b"Ke hoach so 1-KH/TU\n" * 1_100_000)
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    with (folder / "scan.pdf").open("wb") as out:
        writer.write(out)
    return {
        "empty.txt": "empty",
        "binary.txt": "binary",
        "broken.txt": "decode",
        "huge.txt": "too large",
        "scan.pdf": "neither a text layer nor anything ocr can read",
    }


def test_bad_files_fail_one_line_each_and_the_rest_of_the_batch_loads(tmp_path: Path) -> None:
    expected = _bad_files(tmp_path)
    data = short_tmpdir("kg-load-")
    env = {**os.environ, "KG_STORE": f"embedded:{data}"}
    run = subprocess.run(
        [sys.executable, "-m", "graph", "load", str(tmp_path), str(SEEDS)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert run.returncode == 1
    errors = run.stderr.strip().splitlines()
    assert len(errors) == len(expected)
    for name, words in expected.items():
        (line,) = [e for e in errors if e.startswith(str(tmp_path / name))]
        assert words in line.lower() or words in line
    assert "2 loaded, 5 failed" in run.stdout
    store = EmbeddedStore(data)
    try:
        assert sum(d["status"] == "loaded" for d in count_graph(store).documents) == 2
    finally:
        store.close()


def test_the_seeds_give_the_documented_graph_and_loading_twice_changes_nothing(empty_store: GraphStore) -> None:
    load_paths([SEEDS], empty_store)
    first = to_networkx(empty_store)
    counts = count_graph(empty_store)
    status = {d["symbol"]: d["status"] for d in counts.documents}
    assert status == {"80-KH/ĐUK": "loaded", "60-KH/TU": "loaded", "27-NQ/TW": "cited", "11-KH/TW": "cited"}
    assert empty_store.read(SECTION_III) == [{"organs": 12, "tasks": 31}]

    load_paths([SEEDS], empty_store)
    again = to_networkx(empty_store)
    assert sorted(again.nodes(data=True), key=str) == sorted(first.nodes(data=True), key=str)
    assert sorted(again.edges(keys=True, data=True), key=str) == sorted(first.edges(keys=True, data=True), key=str)


@pytest.mark.parametrize("order", [1, -1], ids=["80-then-60", "60-then-80"])
def test_either_order_dates_60_kh_tu_from_80_kh_duk(empty_store: GraphStore, order: int) -> None:
    load_paths(sorted(SEEDS.glob("*.txt"))[::order], empty_store)
    (row,) = empty_store.read(
        "MATCH (d:Document {symbol: '60-KH/TU'}) "
        "RETURN d.date AS date, d.date_source AS source, d.status AS status"
    )
    assert row == {
        "date": "2023-05-24",
        "source": "cited in binh-dinh:dang-uy-khoi-cac-co-quan:80-KH/ĐUK:2023",
        "status": "loaded",
    }


@pytest.mark.parametrize(
    ("name", "loaded"),
    [("a.txt", True), ("b.MD", True), ("c.docx", True), ("d.pdf", True), ("e.doc", False), ("f.csv", False),
     ("g.rtf", False), ("h", False)],
)  # fmt: skip
def test_a_folder_yields_exactly_the_file_types_the_reader_reads(tmp_path: Path, name: str, loaded: bool) -> None:
    (tmp_path / name).write_bytes(b"x")
    assert (list(iter_documents([tmp_path])) == [tmp_path / name]) is loaded
    assert (Path(name).suffix.lower() in SUFFIXES) is loaded


@pytest.mark.parametrize(
    ("with_sibling", "symbol"), [(True, "8388/BTC-QLCS"), (False, None)], ids=["cited-beside", "alone"]
)
def test_a_load_completes_an_unreadable_number_from_a_document_beside_it_as_parse_does(
    tmp_path: Path, empty_store: GraphStore, with_sibling: bool, symbol: str | None
) -> None:
    scan = tmp_path / "btc_8388-BTC-QLCS_2026_trien-khai-ND-178_ocr.txt"  # printed ``Z32Ø/BTC-QLCS``
    scan.write_bytes((CORPUS2 / scan.name).read_bytes())
    letter = "ubnd-laocai_7103-UBND-TH_2026_trien-khai-ND-178.txt"  # cites ``Công văn số 8388/BTC-QLCS``
    if with_sibling:
        (tmp_path / letter).write_bytes((CORPUS2 / letter).read_bytes())
    (result,) = load_paths([scan], empty_store)
    assert result.symbol == symbol


def test_a_folder_loaded_in_batches_makes_the_same_graph_as_file_by_file(
    empty_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graph.stores.cypher
    from graph.failures import record_failures
    from graph.ingest import load_file
    from graph.organs import write_gazetteer
    from graph.stores import wipe
    from loaders.organs import load_gazetteer
    from tests.graph.link_samples import dump

    files = sorted(SEEDS.glob("*.txt"))
    gazetteer = load_gazetteer()
    write_gazetteer(empty_store, gazetteer)
    results = [load_file(path, empty_store, gazetteer) for path in files]
    record_failures(empty_store, results)
    one_by_one = dump(empty_store)
    wipe(empty_store)
    monkeypatch.setattr(graph.stores.cypher, "BATCH_ELEMENTS", 150)  # several batches, one of them at the end
    batched = load_paths([SEEDS], empty_store, link=False, gazetteer=gazetteer)
    assert [r.line() for r in batched] == [r.line() for r in results]
    assert dump(empty_store) == one_by_one
