"""The user's own saved queries (``KG_QUERIES_DIR``) beside the shipped ones, and the console's history: real
files in a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from graph.store import GraphStore
from queries.__main__ import main
from queries.catalog import (
    QueryError,
    QueryExistsError,
    QueryNameError,
    all_queries,
    find_query,
    infer_param,
    list_queries,
    save_query,
    validate,
)
from queries.history import KEEP, history, remember

OVERDUE = "MATCH (t:Task) WHERE t.deadline < date($as_of) RETURN t.path AS path, t.deadline AS deadline"


@pytest.fixture
def mine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "queries"
    monkeypatch.setenv("KG_QUERIES_DIR", str(folder))
    return folder


@pytest.mark.parametrize(
    ("value", "type_", "default"),
    [
        (3, "int", "3"),
        (2.5, "float", "2.5"),
        (True, "bool", "true"),
        ("2026-11-23", "date", "2026-11-23"),
        ("lead", "string", "lead"),
        ("a, b", "string", None),  # a comma cannot be written in a `// params:` line: required instead
        ("", "string", None),
        (None, "string", None),
        ([1, 2], "string", None),
    ],
)
def test_a_parameter_is_declared_from_the_value_it_ran_with(value: Any, type_: str, default: str | None) -> None:
    param = infer_param("p", value)
    assert (param.type, param.default) == (type_, default)


def test_a_saved_query_has_the_shipped_header_and_lists_after_the_shipped_ones(mine: Path) -> None:
    saved = save_query("han_truoc_ngay", "Nhiệm vụ trước  một ngày", "", OVERDUE, {"as_of": "2026-11-23"})
    text = (mine / "han_truoc_ngay.cypher").read_text(encoding="utf-8")
    assert text.splitlines()[:3] == [
        "// title: Nhiệm vụ trước một ngày",
        "// description: Nhiệm vụ trước một ngày",
        "// params: as_of (date, default 2026-11-23)",
    ]
    assert validate(saved) == [] and not saved.shipped
    names = [q.name for q in all_queries()]
    assert names[: len(list_queries())] == [q.name for q in list_queries()] and names[-1] == "han_truoc_ngay"
    assert find_query("han_truoc_ngay").bind({}) == {"as_of": "2026-11-23"}


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("subplan_audit", QueryExistsError),  # a shipped query's name
        ("mine", QueryExistsError),  # one saved before
        ("Hạn_chót", QueryNameError),
        ("../escape", QueryNameError),
        ("1st", QueryNameError),
        ("", QueryNameError),
    ],
)
def test_a_taken_or_bad_name_is_refused_and_nothing_is_overwritten(
    mine: Path, name: str, error: type[QueryError]
) -> None:
    save_query("mine", "Của tôi", "", "RETURN 1 AS n")
    with pytest.raises(error):
        save_query(name, "Khác", "", "RETURN 2 AS n")
    assert sorted(p.name for p in mine.iterdir()) == ["mine.cypher"]
    assert "RETURN 1 AS n" in (mine / "mine.cypher").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("cypher", "saved"),
    [
        ("MATCH (d:Document) WHERE NOT EXISTS { (d)<-[:IMPLEMENTS]-() } RETURN d.symbol AS s", True),
        ("MATCH (d:Document) SET d.x = 1", False),
        ("MATCH (d:Document) DETACH DELETE d", False),
        ("CALL apoc.meta.schema()", False),
    ],
)
def test_the_user_s_queries_may_use_the_rewritten_neo4j_idioms_but_never_write(
    mine: Path, cypher: str, saved: bool
) -> None:
    if saved:
        assert validate(save_query("q", "Q", "", cypher)) == []
    else:
        with pytest.raises(QueryError):
            save_query("q", "Q", "", cypher)
        assert not (mine / "q.cypher").exists()


def test_a_saved_query_runs_from_the_cli_in_vietnamese_with_neo4j_idioms_rewritten(
    mine: Path, sample_store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    cypher = "MATCH (d:Document) WHERE NOT EXISTS { (d)<-[:IMPLEMENTS]-(:Document) } RETURN d.symbol AS symbol"
    save_query("dau_chuoi", "Văn bản đầu chuỗi", "", cypher)
    assert main(["list"]) == 0
    assert f"dau_chuoi: Văn bản đầu chuỗi  [{mine / 'dau_chuoi.cypher'}]" in capsys.readouterr().out
    assert main(["run", "dau_chuoi", "--store", sample_store_url, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"Số, ký hiệu": "80-KH/ĐUK"}]


def test_the_history_keeps_the_newest_first_once_each_and_survives_a_bad_line(tmp_path: Path) -> None:
    for i in range(KEEP + 5):
        remember(f"RETURN {i} AS n", {}, tmp_path)
    remember("RETURN 3 AS n", {"x": 1}, tmp_path)
    with (tmp_path / "console-history.jsonl").open("a", encoding="utf-8") as out:
        out.write('{"cypher": "half a li\n')  # a crash in the middle of a hand edit
    entries = history(tmp_path)
    assert len(entries) == KEEP
    assert (entries[0].cypher, entries[0].params) == ("RETURN 3 AS n", {"x": 1})
    assert [e.cypher for e in entries].count("RETURN 3 AS n") == 1
    assert entries[1].cypher == f"RETURN {KEEP + 4} AS n"


def test_an_empty_query_is_not_remembered(tmp_path: Path) -> None:
    remember("   ", {}, tmp_path)
    assert history(tmp_path) == []


def test_the_shipped_catalogue_is_unchanged_by_the_user_s_folder(mine: Path, sample_store: GraphStore) -> None:
    save_query("mine", "Của tôi", "", "RETURN 1 AS n")
    assert "mine" not in {q.name for q in list_queries()}
    assert find_query("mine").run(sample_store) == [{"n": 1}]
