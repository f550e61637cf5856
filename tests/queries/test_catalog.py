"""The saved-query catalog on its own: header parsing, parameter binding, portability checks, the CLI's listing."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from common.cli import run_cli
from queries.__main__ import main
from queries.catalog import (
    QUERY_DIR,
    Param,
    QueryError,
    SavedQuery,
    get_query,
    list_queries,
    parse_query,
    used_params,
    validate,
)

EXPECTED = {
    "corrected_facts",
    "cascade",
    "cited_not_loaded",
    "conflicting_facts",
    "documents_by_organ",
    "dropped_tasks",
    "organ_tasks",
    "overdue_tasks",
    "subplan_audit",
    "unresolved_organs",
}
SAMPLE = """// title: Đơn vị chưa ban hành kế hoạch thực hiện
// description: Units a plan ordered to issue a sub-plan,
//   with status as of a date.
// params: plan (symbol, plan symbol or uid, e.g. 60-KH/TU), as_of (date, default today),
//   limit (int, rows at most, default 50)
MATCH (p:Document) WHERE p.symbol = $plan AND p.date <= $as_of RETURN p LIMIT $limit
"""


def test_header_fields_and_params_are_read() -> None:
    q = parse_query("sample", SAMPLE)
    assert q.title == "Đơn vị chưa ban hành kế hoạch thực hiện"
    assert q.description == "Units a plan ordered to issue a sub-plan, with status as of a date."
    assert q.params == (
        Param("plan", "symbol", "plan symbol or uid, e.g. 60-KH/TU"),
        Param("as_of", "date", "", "today"),
        Param("limit", "int", "rows at most", "50"),
    )


def test_bind_fills_defaults_and_coerces_text() -> None:
    q = parse_query("sample", SAMPLE)
    assert q.bind({"plan": "60-KH/TU"}) == {"plan": "60-KH/TU", "as_of": date.today().isoformat(), "limit": 50}
    bound = q.bind({"plan": "x", "as_of": "2026-11-23", "limit": "7"})
    assert bound == {"plan": "x", "as_of": "2026-11-23", "limit": 7}


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({}, r"needs --param plan=…"),
        ({"plan": "x", "as_of": "23/11/2026"}, r"as_of: '23/11/2026' is not a valid date"),
        ({"plan": "x", "limit": "many"}, r"limit: 'many' is not a valid int"),
        ({"plan": "x", "organ": "Tỉnh ủy"}, r"has no parameter 'organ'; it takes: plan, as_of, limit"),
    ],
)
def test_bind_errors_say_what_to_change(values: dict[str, str], message: str) -> None:
    with pytest.raises(QueryError, match=message):
        parse_query("sample", SAMPLE).bind(values)


def test_bool_and_none_defaults() -> None:
    q = parse_query(
        "b",
        "// title: T\n// description: D\n// params: flag (bool, default false), x (string, default none)\n"
        "RETURN $flag, $x",
    )
    assert q.bind({}) == {"flag": False, "x": None}
    assert q.bind({"flag": "yes"})["flag"] is True


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("// description: D\nRETURN 1", "no '// title:' line"),
        ("// title: T\nRETURN 1", "no '// description:' line"),
        ("// title: T\n// description: D\n// params: x (number)\nRETURN $x", "has type 'number'"),
        ("// title: T\n// description: D\n// params: 1x\nRETURN 1", "cannot read parameter '1x'"),
    ],
)
def test_malformed_headers_are_refused(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        parse_query("bad", text)


def test_used_params_ignore_comments_and_strings() -> None:
    cypher = "// it's $not_this\nMATCH (d) WHERE d.s = 'a $nor_this' AND d.t = $this RETURN d // $nor_that"
    assert used_params(cypher) == {"this"}


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("MATCH (d) WHERE EXISTS { MATCH (d)-->() } AND d.x = $x RETURN d", "EXISTS { }"),
        ("MATCH (d) WHERE d.x = $x RETURN COUNT { (d)-->() }", "COUNT { }"),
        ("CALL apoc.meta.stats() YIELD x RETURN $x", "APOC"),
        ("MATCH (d) SET d.x = $x", "must only read"),
        ("MATCH (d) WHERE d.x = $x DETACH DELETE d", "must only read"),
        ("MATCH (d) WHERE d.x = $x RETURN $other", "undeclared parameters: other"),
        ("MATCH (d) RETURN d", "unused parameters: x"),
    ],
)
def test_validate_finds_unportable_or_unsafe_statements(body: str, problem: str) -> None:
    q = parse_query("q", f"// title: T\n// description: D\n// params: x (string, a value)\n{body}")
    problems = validate(q)
    assert len(problems) == 1 and problem in problems[0], problems


@pytest.mark.parametrize(
    ("body", "ok"),
    [
        ("MATCH (d:Document {uid: $doc}) RETURN d", True),
        ("MATCH (d:Document) WHERE d.uid = $doc RETURN d", True),
        ("MATCH (t:Task {owner: $doc}) RETURN t", True),
        ("MATCH (d:Document) WHERE d.uid = $doc OR d.symbol = $doc RETURN d", False),  # a full scan
        ("MATCH (d:Document {symbol: $doc}) RETURN d", False),
        ("MATCH (d:Document) WHERE d.uid CONTAINS $doc RETURN d", False),
    ],
)
def test_a_document_parameter_is_compared_with_a_uid_only(body: str, ok: bool) -> None:
    q = parse_query("q", f"// title: T\n// description: D\n// params: doc (symbol, a document)\n{body}")
    problems = validate(q)
    assert (problems == []) is ok, problems
    assert ok or "must be compared with a uid only" in problems[0]


def test_words_in_comments_and_strings_are_not_code() -> None:
    q = parse_query(
        "q",
        "// title: T\n// description: SET, CREATE and DELETE are refused\nMATCH (d) WHERE d.x = 'SET' RETURN d",
    )
    assert validate(q) == []


# --- the shipped queries ------------------------------------------------------------------------------------


def test_every_expected_query_is_shipped() -> None:
    assert {q.name for q in list_queries()} == EXPECTED


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_shipped_query_header_is_complete_and_matches_its_body(query: SavedQuery) -> None:
    assert validate(query) == []
    assert re.search(r"[^\x00-\x7f]", query.title), "the title is the Vietnamese name the app shows"
    assert len(query.description) > 40
    assert {p.name for p in query.params} == used_params(query.cypher)
    for p in query.params:
        assert p.description, f"parameter {p.name} needs a description"
        if p.name == "as_of":
            assert (p.type, p.default) == ("date", "today")


def test_get_query_names_the_known_ones_when_unknown() -> None:
    assert get_query("cascade.cypher").name == "cascade"
    with pytest.raises(QueryError, match="known: cascade, cited_not_loaded"):
        get_query("nope")


def test_list_queries_of_another_directory(tmp_path: Path) -> None:
    (tmp_path / "a.cypher").write_text("// title: A\n// description: D\nRETURN 1", encoding="utf-8")
    assert [q.name for q in list_queries(tmp_path)] == ["a"]
    assert QUERY_DIR.name == "queries"


def test_cli_lists_the_queries_with_their_parameters(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "subplan_audit: Kiểm tra việc ban hành kế hoạch của đơn vị cấp dưới" in out
    assert "--param as_of=…  (date; ngày xét; default today)" in out
    assert "PROBLEMS" not in out


def test_cli_shows_a_query_and_explains_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "cascade"]) == 0
    assert "MATCH chain = (d:Document)-[:IMPLEMENTS*1..8]->(root)" in capsys.readouterr().out
    assert run_cli(main, ["run", "nope"]) == 1
    assert "error: no saved query 'nope'" in capsys.readouterr().err
    assert run_cli(main, ["run", "cascade", "--param", "document"]) == 1
    assert "write it as NAME=VALUE" in capsys.readouterr().err
