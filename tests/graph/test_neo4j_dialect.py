"""Fifteen analyst queries written in plain Neo4j 5 Cypher (existential and COUNT subqueries, shortestPath in
MATCH and undirected, date comparison and arithmetic, rounding, elementId) run through what ``python -m graph
cypher`` runs (:func:`graph.analyst.run_cypher`) on the sample graph: the same rows on FalkorDB, where they are
rewritten by :mod:`graph.dialect`, and on ArcadeDB over Bolt, where they run as written; and the expected
answers of the sample graph, so both stores agreeing on a wrong answer fails too."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from graph.analyst import run_cypher
from graph.dialect import DialectError, to_falkordb
from graph.store import GraphStore, ReadOnlyError

PLAN_80, PLAN_60 = "binh-dinh:dang-uy-khoi-cac-co-quan:80-KH/ĐUK:2023", "binh-dinh:tinh-uy:60-KH/TU:2023"

# (name, Neo4j 5 Cypher, parameters, the sample graph's answer)
ANALYST_QUERIES: list[tuple[str, str, dict[str, Any], list[dict[str, Any]]]] = [
    (
        "documents nothing implements (NOT EXISTS)",
        "MATCH (d:Document) WHERE NOT EXISTS { (d)<-[:IMPLEMENTS]-(:Document) } RETURN d.symbol AS symbol",
        {},
        [{"symbol": "80-KH/ĐUK"}],
    ),
    (
        "tasks led by a 'Ban …' (EXISTS with MATCH and WHERE)",
        "MATCH (t:Task) WHERE EXISTS { MATCH (t)-[a:ASSIGNED_TO]->(o:Organ) "
        "WHERE a.role = 'lead' AND o.name STARTS WITH 'Ban' } RETURN count(t) AS tasks",
        {},
        [{"tasks": 21}],
    ),
    (
        "sections and tasks per loaded document (COUNT)",
        "MATCH (d:Document {status: 'loaded'}) RETURN d.symbol AS symbol, "
        "COUNT { (d)-[:HAS_SECTION*]->(:Section) } AS sections, "
        "COUNT { (d)-[:HAS_SECTION*]->(:Section)-[:HAS_TASK]->(:Task) } AS tasks ORDER BY symbol",
        {},
        [
            {"symbol": "60-KH/TU", "sections": 29, "tasks": 44},
            {"symbol": "80-KH/ĐUK", "sections": 11, "tasks": 18},
        ],
    ),
    (
        "organs leading five tasks or more (COUNT in WHERE)",
        "MATCH (o:Organ) WHERE COUNT { (o)<-[:ASSIGNED_TO {role: 'lead'}]-(:Task) } >= 5 "
        "RETURN o.name AS organ, COUNT { (o)<-[:ASSIGNED_TO {role: 'lead'}]-(:Task) } AS led "
        "ORDER BY led DESC, organ",
        {},
        [
            {"organ": "Các cấp ủy", "led": 10},
            {"organ": "các tổ chức đảng", "led": 10},
            {"organ": "Mặt trận Tổ quốc Việt Nam", "led": 9},
            {"organ": "các cơ quan nhà nước", "led": 9},
            {"organ": "Ban cán sự đảng Ủy ban nhân dân tỉnh Bình Định", "led": 5},
        ],
    ),
    (
        "shortest chain of IMPLEMENTS up to the resolution (shortestPath in MATCH)",
        "MATCH p = shortestPath((a:Document {uid: $child})-[:IMPLEMENTS*]->(b:Document {symbol: '27-NQ/TW'})) "
        "RETURN length(p) AS hops, [n IN nodes(p) | n.symbol] AS via",
        {"child": PLAN_80},
        [{"hops": 1, "via": ["80-KH/ĐUK", "27-NQ/TW"]}],
    ),
    (
        "distance between two plans in either direction (undirected shortestPath)",
        "MATCH (a:Document {uid: $a}), (b:Document {symbol: '11-KH/TW'}) "
        "MATCH p = shortestPath((a)-[:IMPLEMENTS*..6]-(b)) RETURN length(p) AS hops",
        {"a": PLAN_80},
        [{"hops": 2}],
    ),
    (
        "every shortest route between two plans (allShortestPaths)",
        "MATCH p = allShortestPaths((a:Document {uid: $a})-[:IMPLEMENTS*]-(b:Document {symbol: '11-KH/TW'})) "
        "RETURN count(p) AS routes, min(length(p)) AS hops",
        {"a": PLAN_80},
        [{"routes": 2, "hops": 2}],
    ),
    (
        "tasks due before a date (a date compared with date())",
        "MATCH (t:Task) WHERE t.deadline < date('2026-11-23') RETURN t.owner AS document, t.path AS path, "
        "t.deadline AS deadline ORDER BY deadline",
        {},
        [
            {"document": PLAN_60, "path": "IV.1", "deadline": "2023-06-30"},
            {"document": PLAN_80, "path": "III.2", "deadline": "2023-07-30"},
        ],
    ),
    (
        "days between a plan and its cascade parent (duration.inDays)",
        "MATCH (c:Document)-[r:IMPLEMENTS]->(p:Document) WHERE r.cascade_parent "
        "RETURN c.symbol AS child, p.symbol AS parent, duration.inDays(p.date, c.date).days AS days "
        "ORDER BY child",
        {},
        [
            {"child": "11-KH/TW", "parent": "27-NQ/TW", "days": 19},
            {"child": "60-KH/TU", "parent": "11-KH/TW", "days": 177},
            {"child": "80-KH/ĐUK", "parent": "60-KH/TU", "days": 34},
        ],
    ),
    (
        "sub-plan orders overdue, with days late as of a date parameter",
        "MATCH (d:Document)-[r:REQUIRES_SUBPLAN]->(u) WHERE r.deadline < date($as_of) "
        "RETURN d.symbol AS plan, count(u) AS units, duration.inDays(r.deadline, date($as_of)).days AS days_late "
        "ORDER BY plan",
        {"as_of": "2026-11-23"},
        [
            {"plan": "60-KH/TU", "units": 18, "days_late": 1242},
            {"plan": "80-KH/ĐUK", "units": 1, "days_late": 1212},
        ],
    ),
    (
        "share of lead assignments per document (round to 3 places)",
        "MATCH (t:Task)-[a:ASSIGNED_TO]->() WITH t.owner AS document, count(*) AS all, "
        "sum(CASE WHEN a.role = 'lead' THEN 1 ELSE 0 END) AS leads "
        "RETURN document, round(toFloat(leads) / all, 3) AS share ORDER BY document",
        {},
        [{"document": PLAN_80, "share": 0.9}, {"document": PLAN_60, "share": 0.865}],
    ),
    (
        "documents that implement another (elementId compared)",
        "MATCH (a:Document)-[:IMPLEMENTS]->(b:Document) WHERE elementId(a) <> elementId(b) "
        "RETURN count(DISTINCT elementId(a)) AS implementing",
        {},
        [{"implementing": 3}],
    ),
    (
        "a node found again by its elementId",
        "MATCH (d:Document {uid: $plan}) WITH elementId(d) AS id MATCH (x:Document) WHERE elementId(x) = id "
        "RETURN x.symbol AS symbol",
        {"plan": PLAN_60},
        [{"symbol": "60-KH/TU"}],
    ),
    (
        "deadlines with a 30-day grace and their year (date + duration, date fields)",
        "MATCH (t:Task) WHERE t.deadline IS NOT NULL "
        "RETURN t.path AS path, t.deadline + duration({days: 30}) AS grace, t.deadline.year AS year ORDER BY path",
        {},
        [
            {"path": "III.2", "grace": "2023-08-29", "year": 2023},
            {"path": "IV.1", "grace": "2023-07-30", "year": 2023},
        ],
    ),
    (
        "loaded plans: orders, children, age in days (COUNT, EXISTS and inDays in one RETURN)",
        "MATCH (d:Document {status: 'loaded'}) RETURN d.symbol AS symbol, "
        "COUNT { (d)-[:REQUIRES_SUBPLAN]->() } AS orders, EXISTS { (d)<-[:IMPLEMENTS]-(:Document) } AS children, "
        "duration.inDays(d.date, date('2026-11-23')).days AS age ORDER BY symbol",
        {},
        [
            {"symbol": "60-KH/TU", "orders": 18, "children": True, "age": 1279},
            {"symbol": "80-KH/ĐUK", "orders": 1, "children": False, "age": 1245},
        ],
    ),
]


def _rows(rows: tuple[dict[str, Any], ...]) -> list[dict[str, Any]]:
    """Rows comparable across engines: floats to 9 places (FalkorDB prints 15 significant digits)."""
    return [{k: round(v, 9) if isinstance(v, float) else v for k, v in row.items()} for row in rows]


@pytest.mark.parametrize(
    ("name", "cypher", "params", "expected"), ANALYST_QUERIES, ids=[q[0] for q in ANALYST_QUERIES]
)
def test_a_neo4j_query_gives_the_sample_graphs_answer_on_every_store(
    sample_store: GraphStore, name: str, cypher: str, params: dict[str, Any], expected: list[dict[str, Any]]
) -> None:
    result = run_cypher(sample_store, cypher, params)
    assert _rows(result.rows) == expected, (name, result.sent)


def test_there_are_fifteen_analyst_queries() -> None:
    assert len(ANALYST_QUERIES) == 15


def test_the_cli_runs_a_neo4j_query_on_the_embedded_store(sample_store_url: str) -> None:
    name, cypher, _, expected = ANALYST_QUERIES[8]
    out = subprocess.run(
        [sys.executable, "-m", "graph", "cypher", "-", "--format", "json", "--raw", "--store", sample_store_url],
        input=cypher,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout) == expected, name


def test_the_cli_names_columns_and_codes_in_vietnamese_by_default(sample_store_url: str) -> None:
    cypher = (
        "MATCH (t:Task)-[a:ASSIGNED_TO]->(o:Organ) WHERE t.owner = $plan "
        "RETURN o.name AS organ, a.role AS role, t.deadline_text AS deadline_text ORDER BY organ, role LIMIT 50"
    )
    args = [sys.executable, "-m", "graph", "cypher", cypher, "--param", f"plan={PLAN_60}", "--format", "csv"]
    out = subprocess.run([*args, "--store", sample_store_url], capture_output=True, text=True, check=True)
    header, *lines = out.stdout.splitlines()
    assert header == "Cơ quan,Vai trò,Thời hạn (nguyên văn)"
    assert any(",chủ trì," in line for line in lines) and any(",phối hợp," in line for line in lines)
    assert not any(",lead," in line or ",coordinate," in line for line in lines)


@pytest.mark.parametrize(
    "write",
    [
        "CREATE (:Document {uid: 'x'})",
        "MATCH (d:Document) SET d.title = 'x'",
        "MATCH (d:Document) DETACH DELETE d",
        "MERGE (o:Organ {uid: 'o'}) RETURN o",
    ],
)
def test_graph_cypher_refuses_writes_and_the_graph_stays_as_it_was(sample_store: GraphStore, write: str) -> None:
    before = sample_store.read("MATCH (n) RETURN count(n) AS n, sum(size(keys(n))) AS props")
    with pytest.raises(ReadOnlyError):
        run_cypher(sample_store, write)
    assert sample_store.read("MATCH (n) RETURN count(n) AS n, sum(size(keys(n))) AS props") == before


def test_the_cli_refuses_a_write_with_one_error_line(sample_store_url: str) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "graph", "cypher", "CREATE (:Organ {uid: 'x'})", "--store", sample_store_url],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 1
    assert out.stderr.startswith("error: ") and "từ chối" in out.stderr and out.stderr.count("\n") == 1


REWRITES = [
    ("MATCH (n) RETURN n", "MATCH (n) RETURN n"),
    ("RETURN 'EXISTS { (a)-->(b) }' AS s", "RETURN 'EXISTS { (a)-->(b) }' AS s"),
    ("RETURN elementId(n) // elementId(n)", "RETURN toString(id(n)) // elementId(n)"),
    ("RETURN round(x, 1), round(y)", "RETURN (round((x) * 10.0^(1)) / 10.0^(1)), round(y)"),
    ("RETURN COUNT { MATCH (a)-[:R]->(b) WHERE b.x > 1 }", "RETURN size([(a)-[:R]->(b) WHERE b.x > 1 | 1])"),
    (
        "WHERE EXISTS { (a)-->(b) WHERE NOT EXISTS { (b)-->(c) } }",
        "WHERE (size([(a)-->(b) WHERE NOT (size([(b)-->(c) | 1]) > 0) | 1]) > 0)",
    ),
    (
        "MATCH p = shortestPath((a)<-[:R|S*..3]-(b)) RETURN p",
        "MATCH (a), (b) CALL algo.SPpaths({sourceNode: a, targetNode: b, relTypes: ['R', 'S'], "
        "relDirection: 'incoming', maxLen: 3, pathCount: 1}) YIELD path AS p RETURN p",
    ),
]


@pytest.mark.parametrize(("neo4j", "falkordb"), REWRITES)
def test_the_rewrite_changes_only_the_neo4j_idioms(neo4j: str, falkordb: str) -> None:
    assert to_falkordb(neo4j) == falkordb


@pytest.mark.parametrize(
    ("cypher", "hint"),
    [
        ("RETURN COUNT { MATCH (a)-->(b) RETURN b }", "pattern comprehension"),
        ("MATCH (a) RETURN EXISTS { (a)-->(b), (a)-->(c) }", "AND"),
        ("RETURN duration.between(a, b)", "duration.inDays(a, b).days"),
        ("OPTIONAL MATCH p = shortestPath((a)-->(b)) RETURN p", "use MATCH"),
        ("RETURN 'unterminated", "unterminated"),
    ],
)
def test_what_cannot_be_rewritten_is_an_error_naming_the_portable_form(cypher: str, hint: str) -> None:
    with pytest.raises(DialectError, match=hint.replace("(", r"\(").replace(")", r"\)")):
        to_falkordb(cypher)


def test_the_cli_gives_the_portable_form_of_a_store_error_in_vietnamese(sample_store_url: str) -> None:
    regex = "MATCH (d:Document) WHERE d.symbol =~ '60.*' RETURN d.symbol AS s"
    command = [sys.executable, "-m", "graph", "cypher", regex, "--store", sample_store_url]
    out = subprocess.run(command, capture_output=True, text=True)
    assert out.returncode == 1 and out.stderr.count("\n") == 1
    assert "(gợi ý: FalkorDB không có biểu thức chính quy: dùng STARTS WITH" in out.stderr
