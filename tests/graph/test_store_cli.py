"""``python -m graph stats | export | wipe`` as a user runs them (subprocesses reusing the session's embedded
server), the networkx export on every store, and ``open_store_url``'s refusals."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from graph.__main__ import main
from graph.export import count_graph, to_networkx, write_graphml, write_node_link_json
from graph.store import GraphStore, StoreError
from graph.stores import open_store_url, wipe
from graph.stores.embedded import EmbeddedStore
from tests.graph.store_samples import BTG, PLAN, child_graph, plan_graph

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "graph", *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )


@pytest.fixture
def url(embedded_store: EmbeddedStore) -> str:
    wipe(embedded_store)
    return f"embedded:{embedded_store.server.data_dir}"


def test_stats_on_an_empty_store(url: str) -> None:
    done = cli("stats", "--store", url)
    assert done.returncode == 0, done.stderr
    assert "Nodes: 0" in done.stdout and "Relationships: 0" in done.stdout


def test_stats_export_and_wipe_on_a_loaded_store(url: str, embedded_store: EmbeddedStore, tmp_path: Path) -> None:
    embedded_store.write_document(plan_graph())
    embedded_store.write_document(child_graph())
    done = cli("stats", "--store", url, "--json")
    assert done.returncode == 0, done.stderr
    stats = json.loads(done.stdout)
    assert (stats["nodes"], stats["by_label"]["Task"], stats["by_type"]["ASSIGNED_TO"]) == (17, 7, 13)

    graphml, node_link = tmp_path / "g.graphml", tmp_path / "g.json"
    assert cli("export", "--format", "graphml", str(graphml), "--store", url).returncode == 0
    assert cli("export", "--format", "json", str(node_link), "--store", url).returncode == 0
    read = nx.read_graphml(graphml)
    assert (read.number_of_nodes(), read.number_of_edges()) == (17, stats["relationships"])
    assert json.loads(read.nodes[BTG]["aliases"]) == ["BTGTU"]
    assert json.loads(read.nodes[PLAN]["labels"]) == ["Document", "Plan"]
    data = json.loads(node_link.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 17 and len(data["edges"]) == stats["relationships"]
    plan = next(node for node in data["nodes"] if node["id"] == PLAN)
    assert plan["labels"] == ["Document", "Plan"] and plan["title"].startswith("Kế hoạch")

    refused = cli("wipe", "--store", url)
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert count_graph(embedded_store).nodes == 17
    assert cli("wipe", "--yes", "--store", url).returncode == 0
    assert count_graph(embedded_store).nodes == 0


def test_a_bad_store_is_an_error_not_a_traceback() -> None:
    done = cli("stats", "--store", "sqlite:///tmp/x.db")
    assert done.returncode == 1
    assert done.stderr.startswith("error: unknown store") and "Traceback" not in done.stderr


def test_the_cli_on_arcadedb_in_process(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "arcadedb"
    assert main(["stats", "--store", f"arcadedb:{path}"]) == 0
    out = capsys.readouterr().out
    assert f"Store: ArcadeDB at {path}" in out and "Nodes: 0" in out


def test_to_networkx_on_every_store(empty_store: GraphStore, tmp_path: Path) -> None:
    empty_store.write_document(plan_graph())
    graph = to_networkx(empty_store)
    counts = count_graph(empty_store)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (counts.nodes, counts.relationships)
    assert graph.nodes[PLAN]["labels"] == ["Document", "Plan"]
    assigned = graph.get_edge_data(f"{PLAN}#t:I.1", BTG)
    task = f"{PLAN}#t:I.1"
    assert sorted(assigned) == [f"{task}|ASSIGNED_TO|{PLAN}|coord|{BTG}", f"{task}|ASSIGNED_TO|{PLAN}|lead|{BTG}"]
    write_graphml(graph, tmp_path / "g.graphml")
    write_node_link_json(graph, tmp_path / "g.json")
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_edges() == counts.relationships


def test_the_graphml_export_reads_back_with_a_label_on_every_node_and_one_edge_per_fact(
    empty_store: GraphStore, tmp_path: Path
) -> None:
    empty_store.write_document(plan_graph())
    write_graphml(to_networkx(empty_store), tmp_path / "g.graphml")
    read = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    labels = dict(read.nodes(data="label"))
    assert all(labels.values()), [node for node, label in labels.items() if not label]
    assert labels[PLAN].startswith("60-KH/TU ngày ") and labels[BTG] == read.nodes[BTG]["name"]
    assert labels[f"{PLAN}#t:I.1"].startswith("I.1. ")
    # the lead and the coordinate facts between one task and one organ stay two edges, each with its own key
    parallel = read.get_edge_data(f"{PLAN}#t:I.1", BTG)
    assert sorted(data["key"] for data in parallel.values()) == ["coord", "lead"]
    ids = [key for _, _, key in read.edges(keys=True)]
    assert len(ids) == len(set(ids)) == read.number_of_edges()
    text = (tmp_path / "g.graphml").read_text(encoding="utf-8")
    assert 'attr.name="date"' in text and "<desc>ISO 8601 date (YYYY-MM-DD)</desc>" in text


def test_the_json_export_keeps_each_edge_s_own_key(empty_store: GraphStore, tmp_path: Path) -> None:
    empty_store.write_document(plan_graph())
    write_node_link_json(to_networkx(empty_store), tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    task = f"{PLAN}#t:I.1"
    parallel = [e for e in data["edges"] if e["source"] == task and e["target"] == BTG]
    assert sorted(e["key"] for e in parallel) == ["coord", "lead"]
    assert len({e["id"] for e in data["edges"]}) == len(data["edges"])
    assert all(node["label"] for node in data["nodes"]) and data["graph"]["date_attributes"][0] == "date"
    plan = next(node for node in data["nodes"] if node["id"] == PLAN)
    year, month, day = plan["date"].split("-")  # ISO in the data, as a Vietnamese reader writes it in the label
    assert plan["label"] == f"60-KH/TU ngày {day}/{month}/{year}"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("sqlite:///tmp/x.db", "unknown store"),
        ("redis://localhost", "unknown store"),
        ("falkordb://", "not a FalkorDB URL"),
        ("falkordb://localhost:notaport", "bad port"),
        ("falkordb://127.0.0.1:1", "cannot reach"),
        ("bolt://127.0.0.1:1", "cannot connect"),
        ("neo4j://[bad", "bad Bolt URL"),
    ],
)
def test_open_store_url_refuses_clearly(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store_url(url)
