"""What the Cypher page runs: saved queries (shipped and the user's) and free read-only Cypher, with a time limit
and a row cap; the console's parameters (the ``$names`` in its text), its history (``queries.history``, kept across
restarts) and saving a query beside the shipped ones (``queries.catalog.save_query``); why a query was refused or
failed, said clearly; the nodes and edges in a result, found so it can be drawn.

>>> [parse_parameter(t) for t in ("12", "2026-11-23", "", "[1, 2]")], parameter_text([1, 2])
([12, '2026-11-23', None, [1, 2]], '[1, 2]')

>>> graph_from_rows([{"n": {"_labels": ["Organ"], "uid": "o1", "name": "Tỉnh ủy"}}])[0][0].label
'Tỉnh ủy'
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from common.errors import DirectiveGraphError
from common.glossary import COLUMNS, LABELS, term, value_term
from graph.analyst import parameter_names, parse_value
from graph.console import ConsoleAnswer, run_console
from graph.dialect import DialectError
from graph.store import GraphStore
from loaders.text import slug
from queries.catalog import (
    QueryError,
    QueryExistsError,
    QueryNameError,
    SavedQuery,
    all_queries,
    save_query,
    user_dir,
)
from queries.history import HistoryEntry, history, remember
from ui.auth.session import OPERATOR, current
from ui.components.graph_picture import GEdge, GNode, render_html
from ui.store import TIMEOUT_MS, store
from ui.views.graph_nodes import node_from_row
from ui.views.rows import vi_date
from ui.views.search import documents

__all__ = [
    "ROW_CAP",
    "TIMEOUT_MS",
    "HistoryEntry",
    "QueryResult",
    "console_history",
    "document_symbols",
    "flat_rows",
    "graph_from_rows",
    "history_label",
    "is_edge",
    "is_node",
    "parameter_text",
    "parse_parameter",
    "query_parameters",
    "result_graph_html",
    "run_console_query",
    "run_query",
    "run_read",
    "run_saved",
    "save_console_query",
    "saved_queries",
]

ROW_CAP = 1000

#: A console answer: rows, or one Vietnamese line saying why not (see ``graph.console``).
QueryResult = ConsoleAnswer
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def run_read(
    store: GraphStore,
    cypher: str,
    params: Mapping[str, Any] | None = None,
    *,
    timeout_ms: int,
    row_cap: int,
) -> QueryResult:
    """Run ``cypher`` as a console query (guarded, capped, timed, schema checked); never raises."""
    return run_console(store, cypher, params, timeout_ms=timeout_ms, row_cap=row_cap)


def is_node(value: object) -> bool:
    return isinstance(value, Mapping) and "_labels" in value


def is_edge(value: object) -> bool:
    return isinstance(value, Mapping) and "_type" in value and "_start" in value and "_end" in value


def _walk(value: object) -> Iterable[Mapping[str, Any]]:
    """Every node and edge inside a value (paths and lists included)."""
    if is_node(value) or is_edge(value):
        yield value  # type: ignore[misc]
        return
    if isinstance(value, Mapping):
        for v in value.values():
            yield from _walk(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _walk(v)


def _node_key(node: Mapping[str, Any]) -> str:
    return str(node.get("uid") if node.get("uid") is not None else node.get("_id"))


def graph_from_rows(rows: Iterable[Mapping[str, Any]]) -> tuple[list[GNode], list[GEdge]]:
    """The nodes and edges a result holds; edges whose ends are not in the result are left out."""
    nodes: dict[str, GNode] = {}
    by_id: dict[str, str] = {}  # a store's internal id → the key used in the picture
    edges: list[Mapping[str, Any]] = []
    for row in rows:
        for item in _walk(row):
            if is_edge(item):
                edges.append(item)
                continue
            key = _node_key(item)
            nodes.setdefault(key, node_from_row({**item, "uid": key, "labels": item["_labels"]}))
            if item.get("_id") is not None:
                by_id[str(item["_id"])] = key
    drawn = []
    for e in edges:
        start, end = by_id.get(str(e["_start"]), str(e["_start"])), by_id.get(str(e["_end"]), str(e["_end"]))
        if start in nodes and end in nodes:
            drawn.append(GEdge(start, end, str(e["_type"])))
    return list(nodes.values()), drawn


def flat_rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Rows a table can show, in Vietnamese: columns named by the glossary (internal ids left out), a node as its
    name or symbol, an edge as its relationship, codes (``lead``, ``missing``) and ISO dates in words."""
    return [{COLUMNS.get(k, k): _flat(v) for k, v in row.items() if not _internal(k)} for row in rows]


def _internal(column: str) -> bool:
    """Internal ids and provenance keys: the document's number and date say the same to a reader."""
    return column == "uid" or column.endswith("_uid") or column in {"src", "_id"}


def _flat(value: Any) -> Any:
    if is_node(value):
        name = value.get("symbol") or value.get("name") or value.get("path") or ""
        kinds = [LABELS.get(x, x) for x in value["_labels"]]
        return f"{kinds[-1] if kinds else 'Nút'}: {name}".strip()
    if is_edge(value):
        return term(str(value["_type"]))
    if isinstance(value, str):
        return vi_date(value) if _ISO_DATE.match(value) else value_term(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(_flat(v)) for v in value)
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {_flat(v)}" for k, v in value.items())
    return value


def saved_queries() -> list[SavedQuery]:
    """The shipped queries, then the user's own (``KG_QUERIES_DIR``)."""
    return all_queries()


def query_parameters(cypher: str) -> list[str]:
    """The ``$names`` the console's text uses, in order; none while the text cannot be read (an open string)."""
    try:
        return parameter_names(cypher)
    except DialectError:
        return []


def parse_parameter(text: str) -> Any:
    """A parameter as typed in the console's form: a number, true/false, a JSON list or quoted text, else the
    text itself (a date as ``2026-11-23``, compared in the query as ``date($name)``); empty is null."""
    return None if not text.strip() else parse_value(text.strip())


def parameter_text(value: Any) -> str:
    """The text that :func:`parse_parameter` reads back as ``value`` (to refill the form from the history)."""
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def history_label(entry: HistoryEntry) -> str:
    """One line for a history entry: when it last ran (``19:05 03/12/2026``), then the start of its text.

    >>> history_label(HistoryEntry("MATCH (n)\\n  RETURN n", {}, "2026-12-03T19:05:42"))
    '19:05 03/12/2026 — MATCH (n) RETURN n'
    """
    day, _, clock = entry.at.partition("T")
    when = f"{clock[:5]} {vi_date(day)}".strip()
    text = " ".join(entry.cypher.split())
    return f"{when} — {text[:100]}{'…' if len(text) > 100 else ''}" if when else text[:100]


def _history_dir() -> Path:
    """Each account's own history (queries and the values they ran with may name documents its clearance
    covers and another's does not); the local operator's is the folder itself."""
    identity = current()
    if identity is None or identity is OPERATOR:
        return user_dir()
    return user_dir() / "lich-su" / slug(identity.name)


def console_history() -> list[HistoryEntry]:
    """The queries this account ran in the console, newest first, across restarts."""
    return history(_history_dir())


def run_console_query(
    cypher: str, params: Mapping[str, Any], *, timeout_ms: int = TIMEOUT_MS, row_cap: int = ROW_CAP
) -> QueryResult:
    """A console run: the query is kept in the history (with its values) whatever the answer, then run."""
    remember(cypher, params, _history_dir())
    return run_query(cypher, params, timeout_ms=timeout_ms, row_cap=row_cap)


def save_console_query(
    name: str, title: str, description: str, cypher: str, params: Mapping[str, Any]
) -> SavedQuery | str:
    """Save the console's query beside the shipped ones; the saved query, or why not in one Vietnamese line."""
    if not cypher.strip():
        return "Chưa nhập truy vấn."
    if not title.strip():
        return "Hãy đặt tiêu đề cho truy vấn."
    try:
        return save_query(name.strip(), title, description, cypher, params)
    except QueryNameError:
        return (
            "Tên truy vấn chỉ gồm chữ thường không dấu, chữ số và dấu _, bắt đầu bằng một chữ (tối đa 60 ký tự)."
        )
    except QueryExistsError:
        return f"Đã có một truy vấn tên “{name.strip()}”: hãy chọn tên khác."
    except QueryError:
        return "Không lưu được: truy vấn phải chỉ đọc và không dùng câu lệnh ghi (CREATE, MERGE, SET, DELETE…)."


def document_symbols() -> list[str]:
    """Every document symbol in the store, for a saved query's ``symbol`` parameter."""
    return sorted({d.symbol for d in documents() if d.symbol})


def run_query(
    cypher: str, params: Mapping[str, Any] | None = None, *, timeout_ms: int = TIMEOUT_MS, row_cap: int = ROW_CAP
) -> QueryResult:
    """Read-only on the app's store, never cached (the analyst asks for a fresh answer)."""
    return run_read(store(), cypher, params, timeout_ms=timeout_ms, row_cap=row_cap)


def run_saved(query: SavedQuery, values: Mapping[str, Any]) -> QueryResult:
    """A saved query with the form's values; a document parameter is resolved to the one document it names
    (an unknown or ambiguous reference is shown as the error, in Vietnamese)."""
    try:
        params = query.prepare(store(), values)
    except DirectiveGraphError as exc:
        return QueryResult(error=f"Tham số không hợp lệ: {exc}")
    return run_query(query.cypher, params)


def result_graph_html(rows: Sequence[Mapping[str, Any]]) -> str | None:
    """The result's nodes and edges as a picture; ``None`` when it holds none."""
    nodes, edges = graph_from_rows(rows)
    return render_html(nodes, edges, height=520, hierarchical=False) if nodes else None
