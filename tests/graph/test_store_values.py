"""Values at the store boundary: parameter checks, FalkorDB literals, parameter renaming, plain results."""

from __future__ import annotations

import datetime
import math
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta

from graph.store import StoreError
from graph.stores.cypher import rename_parameters
from graph.stores.values import iso_duration, parameter, params_header, plain, property_value, sort_labels


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.date(2023, 5, 24), "2023-05-24"),
        (("a", "b"), ["a", "b"]),
        ({"as_of": datetime.date(2024, 1, 1), "n": [1, 2]}, {"as_of": "2024-01-01", "n": [1, 2]}),
        (True, True),
        (None, None),
    ],
)
def test_parameters_are_normalised(value: Any, expected: Any) -> None:
    assert parameter(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [(math.inf, "finite"), ("a\x00b", "NUL"), (object(), "not supported"), ({"a`b": 1}, "backticks")],
)
def test_parameters_that_cannot_travel(value: Any, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        parameter(value)


@pytest.mark.parametrize(("value", "message"), [({"a": 1}, "maps"), ([1, "a"], "one type"), (["a", None], "null")])
def test_properties_neo4j_would_refuse(value: Any, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        property_value(value, "x")


@pytest.mark.parametrize(
    ("params", "header"),
    [
        ({}, ""),
        ({"s": 'a"b\\c'}, 'CYPHER `s`="a\\"b\\\\c" '),
        ({"s": "dòng\nhai"}, 'CYPHER `s`="dòng\\nhai" '),
        ({"s": "ctl\x01"}, 'CYPHER `s`="ctl\x01" '),  # FalkorDB reads no \\uXXXX: the character stays raw
        ({"m": {"a b": [1, 2.5, False, None]}}, "CYPHER `m`={`a b`:[1,2.5,false,null]} "),
    ],
)
def test_falkordb_literals(params: dict[str, Any], header: str) -> None:
    assert params_header(params) == header


@pytest.mark.parametrize(
    ("query", "renamed", "names"),
    [
        ("MATCH (n {uid: $uid}) RETURN n", "MATCH (n {uid: $s0_uid}) RETURN n", {"uid": "s0_uid"}),
        ("RETURN '$uid', \"$x\", `$y` // $z\n, $w", "RETURN '$uid', \"$x\", `$y` // $z\n, $s0_w", {"w": "s0_w"}),
        ("RETURN /* $a */ $`b c`", "RETURN /* $a */ $`s0_b c`", {"b c": "s0_b c"}),
        ("RETURN 'it\\'s $a' + $a", "RETURN 'it\\'s $a' + $s0_a", {"a": "s0_a"}),
    ],
)
def test_parameters_are_renamed_outside_strings_and_comments(
    query: str, renamed: str, names: dict[str, str]
) -> None:
    assert rename_parameters(query, "s0_") == (renamed, names)


def test_plain_values() -> None:
    assert iso_duration(relativedelta(days=1, hours=2)) == "P1DT2H"
    assert iso_duration(relativedelta(years=1, months=2, minutes=5, seconds=30)) == "P1Y2MT5M30S"
    assert iso_duration(relativedelta()) == "PT0S"
    assert plain(datetime.datetime(2023, 5, 24, 10, 30)) == "2023-05-24T10:30:00"
    assert plain([relativedelta(days=3), {"d": datetime.date(2023, 1, 2)}]) == ["P3D", {"d": "2023-01-02"}]
    assert sort_labels({"Plan", "Document"}) == ["Document", "Plan"]
    assert sort_labels(["Zeta", "Resolution", "Task"]) == ["Task", "Resolution", "Zeta"]
