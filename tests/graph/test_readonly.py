"""The read-only guard: disguised writes refused before any store sees them, reads that merely mention a keyword
let through, and the row cap put inside the query."""

from __future__ import annotations

import pytest

from graph.readonly import RefusedQueryError, capped, check_read_only

ZWSP, NBSP = "\u200b", "\u00a0"

#: Each disguise of a write, a file read, a schema change, an admin command or a second statement.
ATTACKS = [
    "CREATE (:Pwn {x: 1})",
    "create (:Pwn)",
    "CrEaTe (:Pwn)",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n) DELETE n",
    "MATCH (d:Document) SET d.title = 'x'",
    "MATCH (d:Document) set d:Pwn",
    "MATCH (d:Document) REMOVE d.title",
    "MERGE (:Pwn {x: 1})",
    "MATCH (d) WITH d MERGE (d)-[:PWN]->(d)",
    "MATCH (d) FOREACH (x IN [1] | CREATE (:Pwn))",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "load csv from 'file:///etc/shadow' as row return row",
    "WITH 1 AS x LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "USING PERIODIC COMMIT LOAD CSV FROM 'file:///x' AS r CREATE (:Pwn)",
    "CREATE INDEX FOR (n:Document) ON (n.pwn)",
    "CREATE INDEX pwn IF NOT EXISTS FOR (n:Pwn) ON (n.x)",
    "CREATE CONSTRAINT FOR (n:Pwn) REQUIRE n.x IS UNIQUE",
    "DROP CONSTRAINT `Document[uid]`",
    "DROP INDEX pwn",
    "DROP INDEX ON :Document(uid)",
    "SHOW INDEXES",
    "SHOW USERS",
    "CREATE DATABASE pwn",
    "STOP DATABASE kg",
    "ALTER USER root SET PASSWORD 'x'",
    "GRANT ALL ON DATABASE * TO pwn",
    "EXPLAIN MATCH (n) DELETE n",
    "PROFILE MATCH (n) RETURN n",
    "CYPHER runtime=slotted MATCH (n) DELETE n",
    "MATCH (n) RETURN n; CREATE (:Pwn)",
    "MATCH (n) RETURN n ;; ",
    "RETURN 1 AS x; MATCH (n) DETACH DELETE n",
    "MATCH (n) RETURN n /* ; */ ; DELETE n",
    "MATCH (n) /* harmless */ DETACH /* still */ DELETE n",
    "MATCH (n) // comment\nDETACH DELETE n",
    "MATCH (n) WHERE n.x = 'it''s' DELETE n",
    "MATCH (n) WHERE n.x = 'a\\\\' DELETE n",  # an escaped backslash, then the quote closes
    "CALL db.idx.fulltext.createNodeIndex('Pwn', 'x')",
    "CALL dbms.killQueries(['1'])",
    "CALL apoc.cypher.runWrite('CREATE (:Pwn)', {})",
    "CALL `db`.`idx`.`fulltext`.`drop`('Document')",
    "RETURN apoc.cypher.runFirstColumnSingle('CREATE (:Pwn) RETURN 1', {}) AS x",
    "CALL { CREATE (:Pwn) } RETURN 1 AS x",
    "MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS RETURN 1 AS x",
    "UNWIND [1] AS x CALL { MATCH (n) SET n.x = 1 } RETURN x",
    "ＣＲＥＡＴＥ (:Pwn)",
    "MATCH (n) ＤＥＬＥＴＥ n",
    f"MATCH (n) DE{ZWSP}LETE n",
    f"MATCH (n){NBSP}DETACH{NBSP}DELETE n",
    "INSERT (:Pwn {x: 1})",
    "MATCH (n) WHERE n.x = 'unclosed RETURN n",
    "MATCH (n) /* unclosed RETURN n",
    "",
    "   // only a comment",
]

#: Reads that mention a keyword where it cannot act (strings, comments, properties, backticks) run.
READS = [
    "MATCH (d:Document) RETURN count(d) AS n",
    "MATCH (d:Document) WHERE d.title CONTAINS 'CREATE' RETURN count(d) AS n",
    "MATCH (d:Document) WHERE d.title <> 'DETACH DELETE; DROP INDEX' RETURN count(d) AS n",
    "RETURN \"LOAD CSV FROM 'file:///etc/passwd'\" AS text",
    "RETURN 'it\\'s; DELETE' AS text",
    "MATCH (d:Document) // DELETE d\nRETURN count(d) AS n",
    "/* CREATE (:Pwn) */ MATCH (d:Document) RETURN count(d) AS n",
    "MATCH (d:Document) RETURN d.set AS `set`, d.delete AS `CREATE` LIMIT 3",
    "OPTIONAL MATCH (d:Document) RETURN count(d) AS n;",
    "WITH 1 AS x RETURN x",
    "UNWIND [1, 2, 3] AS x RETURN x ORDER BY x DESC SKIP 1 LIMIT 1",
    "CALL db.labels() YIELD label RETURN label",
    "CALL db.relationshipTypes()",
    "CALL { MATCH (d:Document) RETURN d.uid AS uid } RETURN uid LIMIT 2",
    "MATCH (d:Document) RETURN d.uid AS x UNION MATCH (o:Organ) RETURN o.uid AS x",
    "RETURN date('2023-05-24') AS day, toUpper('đảng ủy') AS name",
]


@pytest.mark.parametrize("query", ATTACKS)
def test_a_disguised_write_is_refused_with_a_vietnamese_reason(query: str) -> None:
    with pytest.raises(RefusedQueryError) as refused:
        check_read_only(query)
    assert str(refused.value).startswith("Truy vấn tự do chỉ được đọc")
    assert "trước khi gửi tới kho dữ liệu" in str(refused.value)


@pytest.mark.parametrize("query", READS)
def test_a_read_that_only_mentions_a_keyword_is_let_through(query: str) -> None:
    check_read_only(query)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("MATCH (n) RETURN n", "MATCH (n) RETURN n LIMIT 11"),
        ("MATCH (n) RETURN n // all of them", "MATCH (n) RETURN n LIMIT 11 // all of them"),
        ("MATCH (n) RETURN n LIMIT 5", "MATCH (n) RETURN n LIMIT 5"),
        ("MATCH (n) RETURN n LIMIT 500;", "MATCH (n) RETURN n LIMIT 11;"),
        ("MATCH (n) RETURN n ORDER BY n.uid SKIP 3", "MATCH (n) RETURN n ORDER BY n.uid SKIP 3 LIMIT 11"),
        ("WITH 1 AS x LIMIT 1 RETURN x", "WITH 1 AS x LIMIT 1 RETURN x LIMIT 11"),
        (
            "MATCH (a) RETURN a.x AS x UNION ALL MATCH (b) RETURN b.x AS x",
            "MATCH (a) RETURN a.x AS x LIMIT 11 UNION ALL MATCH (b) RETURN b.x AS x LIMIT 11",
        ),
        (
            "CALL { MATCH (n) RETURN n LIMIT 100 } RETURN n",
            "CALL { MATCH (n) RETURN n LIMIT 100 } RETURN n LIMIT 11",
        ),
        ("CALL db.labels()", "CALL db.labels()"),
    ],
)
def test_the_row_cap_is_a_limit_inside_the_query(query: str, expected: str) -> None:
    assert capped(query, 10) == expected


@pytest.mark.parametrize("query", ["MATCH (n) RETURN n LIMIT $n", "MATCH (n) RETURN n LIMIT 5 + 5"])
def test_a_limit_that_is_not_a_plain_number_is_refused(query: str) -> None:
    with pytest.raises(RefusedQueryError):
        capped(query, 10)
