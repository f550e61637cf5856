"""Free Cypher as an analyst types it (``python -m graph cypher``; the app's console through
:func:`graph.console.run_console`): Neo4j 5 idioms rewritten for FalkorDB (:mod:`graph.dialect`), then the
store's read with the console's guard (:mod:`graph.readonly`), time limit and row cap, and a hint when a store's
error has a portable form.

>>> parameter_names("MATCH (d {uid: $plan}) WHERE d.date < $as_of RETURN '$not_me', $plan")
['plan', 'as_of']
>>> parse_value("12"), parse_value("2.5"), parse_value("true"), parse_value("60-KH/TU"), parse_value('"12"')
(12, 2.5, True, '60-KH/TU', '12')
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graph.dialect import for_store, hint_for, tokenize
from graph.readonly import check_read_only
from graph.store import GraphStore, ReadOnlyError, StoreError

__all__ = [
    "FORMATS",
    "ROW_CAP",
    "TIMEOUT_MS",
    "CypherResult",
    "cell_text",
    "format_rows",
    "parameter_names",
    "parse_value",
    "run_cypher",
]

TIMEOUT_MS = 10_000  # the CLI's default time limit, the console's (ui.store.TIMEOUT_MS)
ROW_CAP = 1000  # rows kept from one free query, as in the console


@dataclass(frozen=True, slots=True)
class CypherResult:
    rows: tuple[dict[str, Any], ...]
    truncated: bool  # the query gave more rows than the cap; only the first ``row_cap`` are kept
    sent: str  # the text the store ran (the FalkorDB form on a FalkorDB store)


def parameter_names(cypher: str) -> list[str]:
    """The ``$names`` a query uses, in order of first use (strings and comments do not count)."""
    names: list[str] = []
    for token in tokenize(cypher):
        name = token.text[1:].strip("`")
        if token.kind == "param" and name not in names:
            names.append(name)
    return names


def parse_value(text: str) -> Any:
    """A ``--param`` value: a JSON number, boolean, null, list or quoted string; anything else is text.

    A date is passed as text (``2026-11-23``) and compared as ``date($as_of)`` in the query."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def run_cypher(
    store: GraphStore,
    cypher: str,
    params: Mapping[str, Any] | None = None,
    *,
    timeout_ms: int = TIMEOUT_MS,
    row_cap: int = ROW_CAP,
) -> CypherResult:
    """Run ``cypher`` read-only; raises ``ReadOnlyError`` for a write, ``StoreError`` (with a hint where a
    portable form exists) for a failure, :class:`~graph.dialect.DialectError` for what cannot be rewritten."""
    if not cypher.strip():
        raise StoreError("the query is empty")
    check_read_only(cypher)  # the guard sees what the analyst wrote, before any rewriting
    sent = for_store(store, cypher)
    missing = [name for name in parameter_names(sent) if name not in (params or {})]
    if missing:
        raise StoreError(f"the query uses ${', $'.join(missing)}: give a value with --param NAME=VALUE")
    try:
        rows = store.read(sent, dict(params or {}), timeout_ms=timeout_ms, row_cap=row_cap)
    except ReadOnlyError:
        raise
    except StoreError as error:
        hint = hint_for(str(error))
        raise StoreError(f"{error} (gợi ý: {hint})" if hint else str(error)) from error
    return CypherResult(tuple(rows[:row_cap]), len(rows) > row_cap, sent)


FORMATS = ("table", "csv", "json")
_CELL_WIDTH = 60  # longest cell a terminal table shows


def cell_text(value: Any) -> str:
    """A value as one table cell: a node as ``(Label) symbol-or-name``, an edge as ``[:TYPE]``, lists joined."""
    if value is None:
        return ""
    if isinstance(value, Mapping) and "_labels" in value:
        name = value.get("symbol") or value.get("name") or value.get("path") or value.get("uid") or value["_id"]
        return f"({':'.join(value['_labels'])}) {name}"
    if isinstance(value, Mapping) and "_type" in value:
        return f"[:{value['_type']}]"
    if isinstance(value, Mapping) and "_nodes" in value:
        return " → ".join(cell_text(n) for n in value["_nodes"])
    if isinstance(value, list | tuple):
        return ", ".join(cell_text(v) for v in value)
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {cell_text(v)}" for k, v in value.items())
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _columns(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    columns: list[str] = []
    for row in rows:
        columns += [c for c in row if c not in columns]
    return columns


def format_rows(rows: Sequence[Mapping[str, Any]], fmt: str) -> str:
    """Rows as a terminal table, CSV (no byte-order mark) or JSON (nodes and paths kept whole)."""
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=1) + "\n"
    columns = _columns(rows)
    cells = [[cell_text(row.get(c)) for c in columns] for row in rows]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(cells)
        return out.getvalue()
    cells = [[" ".join(v.split())[:_CELL_WIDTH] for v in row] for row in cells]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    return "\n".join([*lines, f"({len(rows)} dòng)"]) + "\n"
