"""Values crossing the store boundary: what may be stored or sent as a parameter, and what comes back.

Going in, every value is checked and normalised the same way for every adapter (dates become ISO strings;
maps, NaN, NUL characters and unknown objects are refused), so a query behaves alike on FalkorDB and Bolt and
nothing is ever spliced into Cypher text. Coming out, driver objects become plain Python: nodes
``{"_id", "_labels", ...props}``, relationships ``{"_type", "_id", "_start", "_end", ...props}``, paths
``{"_nodes": [...], "_edges": [...]}``, dates and times ISO strings, durations ISO 8601 durations.

>>> plain(datetime.date(2023, 5, 24))
'2023-05-24'
>>> parameter({"as_of": datetime.date(2023, 5, 24), "units": ("a", "b")})
{'as_of': '2023-05-24', 'units': ['a', 'b']}
"""

from __future__ import annotations

import datetime
import json
import math
import re
import sys
from collections.abc import Mapping
from typing import Any

import falkordb
from dateutil.relativedelta import relativedelta

from graph.model import DOC_TYPES
from graph.store import StoreError

__all__ = ["INT64", "Rows", "iso_duration", "parameter", "params_header", "plain", "property_value", "sort_labels"]

_PRIMARY_FIRST = ("Document", "Section", "Task", "Organ", "OrganGroup", "Person")
_DOC_TYPE_LABELS = frozenset(t.label for t in DOC_TYPES.values())
INT64 = range(-(2**63), 2**63)  # the integers every engine stores as they are (FalkorDB clamps the others)


def _scalar(value: Any, where: str) -> Any:
    """A scalar that every engine stores the same way, or ``StoreError``."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        if value not in INT64:
            raise StoreError(f"{where}: {value} is outside the 64-bit integers a store can hold")
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise StoreError(f"{where}: {value!r} cannot be stored (only finite numbers)")
        return value
    if isinstance(value, str):
        if "\x00" in value:
            raise StoreError(f"{where}: text contains a NUL character, which FalkorDB cannot take")
        return str(value)  # StrEnum members become plain strings
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    raise StoreError(f"{where}: values of type {type(value).__name__} are not supported")


def property_value(value: Any, where: str) -> Any:
    """A node or edge property: a scalar or a homogeneous list of scalars (what Neo4j and FalkorDB share)."""
    if isinstance(value, list | tuple):
        items = [_scalar(v, where) for v in value]
        if any(v is None for v in items):
            raise StoreError(f"{where}: lists stored as properties cannot hold null")
        if len({type(v) for v in items}) > 1:
            raise StoreError(f"{where}: lists stored as properties must hold one type ({items!r})")
        return items
    if isinstance(value, Mapping):
        raise StoreError(f"{where}: maps cannot be stored as properties; flatten them into several keys")
    return _scalar(value, where)


def parameter(value: Any, where: str = "parameter") -> Any:
    """A query parameter: scalars, lists and string-keyed maps of them, recursively."""
    if isinstance(value, Mapping):
        out = {}
        for key, item in value.items():
            if not isinstance(key, str) or not key or "`" in key:
                raise StoreError(f"{where}: map keys must be non-empty strings without backticks ({key!r})")
            out[key] = parameter(item, f"{where}.{key}")
        return out
    if isinstance(value, list | tuple):
        return [parameter(v, f"{where}[]") for v in value]
    return _scalar(value, where)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class Rows(list[list[Any]]):
    """A parameter made of rows of checked scalars and lists of scalars, never maps (``graph.stores.cypher``
    writes documents so): FalkorDB gets it as JSON text, which is a Cypher literal as long as no string needed a
    ``\\uXXXX`` escape (FalkorDB does not read those), made in one C call instead of one call per value."""


def _rows_literal(rows: Rows) -> str:
    text = json.dumps(rows, ensure_ascii=False)
    if "\\u" in text:  # a control character was escaped (or the text holds a backslash before u): value by value
        return "[" + ",".join(map(_literal, rows)) + "]"
    return text


def _literal(value: Any) -> str:
    """A normalised value as a Cypher literal (FalkorDB reads ``\\n \\r \\t \\" \\\\``, not ``\\uXXXX``)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        if _CONTROL.search(value):  # json.dumps would write \uXXXX: keep the characters raw instead
            return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Rows):
        return _rows_literal(value)
    if isinstance(value, list):
        return "[" + ",".join(map(_literal, value)) + "]"
    if isinstance(value, dict):
        if any("`" in key for key in value):
            raise StoreError(f"map keys cannot contain backticks: {sorted(value)!r}")
        return "{" + ",".join(f"`{key}`:{_literal(item)}" for key, item in value.items()) + "}"
    raise StoreError(f"cannot send a {type(value).__name__} as a parameter")


def params_header(params: Mapping[str, Any]) -> str:
    """FalkorDB's ``CYPHER name=value …`` prefix for values already checked by :func:`parameter` (or built
    from checked properties): the only way values reach a FalkorDB query, always as literals of the header.

    >>> params_header({"uid": 'a"b', "n": [1, True]})
    'CYPHER `uid`="a\\\\"b" `n`=[1,true] '
    """
    if not params:
        return ""
    return "CYPHER " + "".join(f"`{name}`={_literal(value)} " for name, value in params.items())


def sort_labels(labels: Any) -> list[str]:
    """Labels in a stable order: the schema's primary label first, then the document type, then the rest."""

    def rank(label: str) -> tuple[int, str]:
        if label in _PRIMARY_FIRST:
            return (0, f"{_PRIMARY_FIRST.index(label):02d}")
        return (1 if label in _DOC_TYPE_LABELS else 2, label)

    return sorted((str(label) for label in labels), key=rank)


def iso_duration(delta: relativedelta) -> str:
    """ISO 8601 form of a FalkorDB duration, as Neo4j prints one (``P1Y2M3DT4H5M6S``)."""
    date_part = "".join(
        f"{n}{unit}" for n, unit in ((delta.years, "Y"), (delta.months, "M"), (delta.days, "D")) if n
    )
    seconds = delta.seconds + delta.microseconds / 1_000_000
    secs = f"{seconds:g}" if seconds else ""
    time_part = "".join(f"{n}{unit}" for n, unit in ((delta.hours, "H"), (delta.minutes, "M"), (secs, "S")) if n)
    text = "P" + date_part + ("T" + time_part if time_part else "")
    return text if text != "P" else "PT0S"


def _node(node_id: Any, labels: Any, props: Mapping[str, Any]) -> dict[str, Any]:
    return {"_id": str(node_id), "_labels": sort_labels(labels or ()), **{k: plain(v) for k, v in props.items()}}


def _edge(edge_id: Any, rel_type: str, start: Any, end: Any, props: Mapping[str, Any]) -> dict[str, Any]:
    out = {"_type": rel_type, "_id": str(edge_id), "_start": str(start), "_end": str(end)}
    return out | {k: plain(v) for k, v in props.items()}


def _falkor_endpoint(end: Any) -> Any:
    return end.id if isinstance(end, falkordb.Node) else end


def plain(value: Any) -> Any:
    """Convert a value returned by either driver into plain Python (see the module docstring)."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, datetime.date | datetime.time):  # datetime is a date
        return value.isoformat()
    if "neo4j" in sys.modules:  # before Mapping: the driver's nodes are mappings too
        converted = _plain_neo4j(value)
        if converted is not _NOT_NEO4J:
            return converted
    if isinstance(value, relativedelta):
        return iso_duration(value)
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    return _plain_falkordb(value)


_NOT_NEO4J = object()


def _plain_neo4j(value: Any) -> Any:
    """A value of the Neo4j driver, or ``_NOT_NEO4J``. Imported here, not at the top: a value of its can only
    exist once the Bolt store imported it, and importing it (it pulls in pandas and numpy) was 1.3 of the 1.4 s
    that opening the embedded store spent in imports."""
    import neo4j.graph
    import neo4j.time

    if isinstance(value, neo4j.time.Date | neo4j.time.DateTime | neo4j.time.Time | neo4j.time.Duration):
        return value.iso_format()
    if isinstance(value, neo4j.graph.Node):
        return _node(value.element_id, value.labels, dict(value))
    if isinstance(value, neo4j.graph.Relationship):
        start, end = value.start_node, value.end_node
        return _edge(value.element_id, value.type, start and start.element_id, end and end.element_id, dict(value))
    if isinstance(value, neo4j.graph.Path):
        return {"_nodes": [plain(n) for n in value.nodes], "_edges": [plain(r) for r in value.relationships]}
    return _NOT_NEO4J


def _plain_falkordb(value: Any) -> Any:
    if isinstance(value, falkordb.Node):
        return _node(value.id, value.labels, value.properties)
    if isinstance(value, falkordb.Edge):
        start, end = _falkor_endpoint(value.src_node), _falkor_endpoint(value.dest_node)
        return _edge(value.id, value.relation, start, end, value.properties)
    if isinstance(value, falkordb.Path):
        return {"_nodes": [plain(n) for n in value.nodes()], "_edges": [plain(e) for e in value.edges()]}
    return str(value)  # points and other exotic values: readable, never a driver object
