"""Saved queries: ``queries/*.cypher`` files with a header the app and the CLI read.

A saved query is data (datasette's idea): one portable Cypher statement under a comment header ::

    // title: Đơn vị chưa ban hành kế hoạch thực hiện
    // description: Units a plan ordered to issue a sub-plan, with status as of a date.
    // params: plan (symbol, plan symbol or uid, e.g. 60-KH/TU), as_of (date, default today)

Each parameter is ``name (type, description…, default VALUE)``; types are ``symbol`` (a document, named by its
symbol or uid: see below), ``string``, ``date`` (ISO; ``default today``), ``int``, ``float``, ``bool``. A
parameter without a default is required. A header line that starts with ``//`` and no ``key:`` continues the
previous key.

A ``symbol`` parameter names a document, and :meth:`SavedQuery.prepare` (which :meth:`SavedQuery.run`, the CLI
and the app use) replaces what the person typed by that document's uid with
:func:`graph.documents.resolve_document` before the query runs: an unknown or ambiguous reference is an error,
never a silent pick. So the statement only ever compares uids, ``(d:Document {uid: $plan})`` or
``d.uid = $plan`` (an index lookup, where ``d.uid = $plan OR d.symbol = $plan`` scans every document), and
:func:`validate` refuses any other use of such a parameter.

The user's own saved queries (the console's "Lưu thành truy vấn") live in ``KG_QUERIES_DIR`` (default
``data/queries``) in the same format; :func:`all_queries` lists them after the shipped ones, :func:`find_query`
finds either, and :func:`save_query` writes one, refusing a name either folder already has. They may use the
Neo4j 5 idioms the console takes: :meth:`SavedQuery.run` (and the CLI) rewrite them for FalkorDB, so
:func:`validate` asks portability as written only of the shipped ones.

>>> q = parse_query("x", "// title: T\\n// description: D\\n// params: n (int, default 3)\\nRETURN $n AS n")
>>> q.bind({})
{'n': 3}
>>> [(p.name, p.type, p.default) for p in (infer_param("n", 3), infer_param("as_of", "2026-11-23"))]
[('n', 'int', '3'), ('as_of', 'date', '2026-11-23')]
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from common.errors import DirectiveGraphError
from common.settings import settings
from graph.dialect import for_store
from graph.documents import resolve_document
from graph.store import GraphStore

__all__ = [
    "DOCUMENT_TYPE",
    "QUERY_DIR",
    "Param",
    "QueryError",
    "QueryExistsError",
    "QueryNameError",
    "SavedQuery",
    "all_queries",
    "find_query",
    "get_query",
    "infer_param",
    "list_queries",
    "load_query",
    "parse_query",
    "save_query",
    "used_params",
    "user_dir",
    "validate",
]

QUERY_DIR = Path(__file__).resolve().parent
PARAM_TYPES = ("symbol", "string", "date", "int", "float", "bool")
DOCUMENT_TYPE = "symbol"  # a parameter of this type names a document and reaches the query as its uid

_HEADER_LINE = re.compile(r"^//\s*(?:(?P<key>[a-z_]+)\s*:)?\s*(?P<value>.*)$")
_PARAM_ITEM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*(?:\((?P<spec>.*)\))?$", re.DOTALL)
_STRING_OR_COMMENT = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*")
_PARAM_USE = re.compile(r"\$([A-Za-z_]\w*)")
_NOT_PORTABLE = {
    r"\bEXISTS\s*\{": "EXISTS { } subqueries do not run on FalkorDB",
    r"\bCOUNT\s*\{": "COUNT { } subqueries do not run on FalkorDB",
    r"\bapoc\.": "APOC procedures are Neo4j-only",
    r"\bshortestPath\s*\(": "shortestPath inside MATCH is not portable (use it in WITH/RETURN)",
    r"\b(?:CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|FOREACH)\b": "a saved query must only read",
    r"\bLOAD\s+CSV\b": "a saved query must only read",
}
_REWRITTEN = (r"\bEXISTS\s*\{", r"\bCOUNT\s*\{", r"\bshortestPath\s*\(")


class QueryError(DirectiveGraphError, ValueError):
    """An unknown query, a malformed header, or a parameter value that does not fit its type."""


class QueryNameError(QueryError):
    """A name a saved query's file cannot have."""


class QueryExistsError(QueryError):
    """A saved query (shipped or the user's) already has this name."""


@dataclass(frozen=True, slots=True)
class Param:
    """A declared ``$parameter``: its type, what it means, and its default (``None``: required)."""

    name: str
    type: str
    description: str = ""
    default: str | None = None

    @property
    def required(self) -> bool:
        return self.default is None

    def coerce(self, value: Any) -> Any:
        """A CLI or form value (usually text) as the typed value the query expects."""
        if value is None or not isinstance(value, str):
            return value
        text = value.strip()
        try:
            if self.type == "date":
                return (date.today() if text.lower() == "today" else date.fromisoformat(text)).isoformat()
            if self.type == "int":
                return int(text)
            if self.type == "float":
                return float(text)
        except ValueError as exc:
            raise QueryError(f"parameter {self.name}: {value!r} is not a valid {self.type}") from exc
        if self.type == "bool":
            if text.lower() not in {"true", "false", "1", "0", "yes", "no"}:
                raise QueryError(f"parameter {self.name}: {value!r} is not true or false")
            return text.lower() in {"true", "1", "yes"}
        return text

    def default_value(self) -> Any:
        """The default as a typed value (``today`` → today's ISO date; ``none`` → null)."""
        if self.default is None or self.default.lower() in {"none", "null"}:
            return None
        return self.coerce(self.default.strip("'\""))


@dataclass(frozen=True, slots=True)
class SavedQuery:
    """One ``.cypher`` file: its name (the file stem), header fields and the statement."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    cypher: str  # the whole file, header included (comments are valid Cypher)
    path: Path | None = None
    shipped: bool = True  # in queries/ (portable as written); False: the user's, in KG_QUERIES_DIR

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise QueryError(f"query {self.name} has no parameter {name!r}; it takes: {self.param_names() or 'none'}")

    def param_names(self) -> str:
        return ", ".join(p.name for p in self.params)

    def bind(self, values: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Every declared parameter with a typed value: given ones coerced, the others from their default."""
        values = dict(values or {})
        for name in values:
            self.param(name)  # unknown names are an error, not silently ignored
        bound: dict[str, Any] = {}
        for p in self.params:
            if p.name in values:
                bound[p.name] = p.coerce(values[p.name])
            elif p.required:
                raise QueryError(f"query {self.name} needs --param {p.name}=… ({p.type}: {p.description})")
            else:
                bound[p.name] = p.default_value()
        return bound

    def prepare(self, store: GraphStore, values: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """:meth:`bind`, then each document parameter (type ``symbol``) replaced by the uid of the one document
        it names in ``store``; raises :class:`~graph.documents.DocumentLookupError` when it names none or
        several."""
        bound = self.bind(values)
        for p in self.params:
            if p.type == DOCUMENT_TYPE and bound[p.name] is not None:
                bound[p.name] = resolve_document(store, str(bound[p.name])).uid
        return bound

    def run(
        self, store: GraphStore, values: Mapping[str, Any] | None = None, *, timeout_ms: int | None = None
    ) -> list[dict[str, Any]]:
        """Run read-only on ``store`` with the prepared parameters (:meth:`prepare`); rows as dicts."""
        return store.read(for_store(store, self.cypher), self.prepare(store, values), timeout_ms=timeout_ms)


def _split_top(text: str) -> list[str]:
    """Split on commas outside parentheses."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return [p for p in parts if p]


def _parse_param(item: str, query: str) -> Param:
    match = _PARAM_ITEM.match(item)
    if not match:
        raise QueryError(f"query {query}: cannot read parameter {item!r} (expected: name (type, description))")
    spec = _split_top(match["spec"] or "string")
    kind, rest = spec[0].lower(), spec[1:]
    if kind not in PARAM_TYPES:
        raise QueryError(f"query {query}: parameter {match['name']} has type {kind!r}; use one of {PARAM_TYPES}")
    defaults = [p[len("default") :].strip() for p in rest if p.lower().startswith("default ")]
    description = ", ".join(p for p in rest if not p.lower().startswith("default "))
    return Param(match["name"], kind, description, defaults[0] if defaults else None)


def _header(text: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    key = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        match = _HEADER_LINE.match(stripped)
        if not match:
            break
        if match["key"]:
            key = match["key"]
            fields[key] = match["value"].strip()
        elif key:
            fields[key] = f"{fields[key]} {match['value'].strip()}".strip()
    return fields


def parse_query(name: str, text: str, path: Path | None = None, *, shipped: bool = True) -> SavedQuery:
    """Read the header of a saved query; raise :class:`QueryError` when it lacks a title or a description."""
    fields = _header(text)
    for required in ("title", "description"):
        if not fields.get(required):
            raise QueryError(f"query {name}: the header has no '// {required}:' line")
    raw = fields.get("params", "").strip()
    items = [] if raw.lower() in {"", "none", "-"} else _split_top(raw)
    params = tuple(_parse_param(item, name) for item in items)
    return SavedQuery(name, fields["title"], fields["description"], params, text, path, shipped)


def load_query(path: str | Path, *, shipped: bool = True) -> SavedQuery:
    path = Path(path)
    return parse_query(path.stem, path.read_text(encoding="utf-8"), path, shipped=shipped)


def list_queries(directory: str | Path = QUERY_DIR) -> list[SavedQuery]:
    """Every saved query in ``directory``, by name."""
    shipped = Path(directory).resolve() == QUERY_DIR
    return [load_query(p, shipped=shipped) for p in sorted(Path(directory).glob("*.cypher"))]


def user_dir() -> Path:
    """The user's folder of saved queries (``KG_QUERIES_DIR``)."""
    return settings().queries_dir


def all_queries(directory: str | Path | None = None) -> list[SavedQuery]:
    """The shipped queries, then the user's (``directory``, default ``KG_QUERIES_DIR``) whose names are free."""
    shipped = list_queries()
    taken = {q.name for q in shipped}
    folder = Path(directory) if directory is not None else user_dir()
    mine = list_queries(folder) if folder.is_dir() else []
    return shipped + [q for q in mine if q.name not in taken]


def find_query(name: str, directory: str | Path | None = None) -> SavedQuery:
    """A shipped query or the user's, by name."""
    name = name.removesuffix(".cypher")
    for query in all_queries(directory):
        if query.name == name:
            return query
    known = ", ".join(q.name for q in all_queries(directory))
    raise QueryError(f"no saved query {name!r}; known: {known}")


def get_query(name: str, directory: str | Path = QUERY_DIR) -> SavedQuery:
    """The saved query called ``name`` (the file stem; ``.cypher`` may be given)."""
    path = Path(directory) / f"{name.removesuffix('.cypher')}.cypher"
    if not path.is_file():
        known = ", ".join(q.name for q in list_queries(directory))
        raise QueryError(f"no saved query {name!r}; known: {known}")
    return load_query(path, shipped=Path(directory).resolve() == QUERY_DIR)


_NAME = re.compile(r"^[a-z][a-z0-9_]{0,59}$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HEADER_UNSAFE = re.compile(r"[,()]")  # a default with these cannot be written in a `// params:` line


def infer_param(name: str, value: Any) -> Param:
    """A parameter declared from the value the console ran it with: its type, and that value as its default
    (left out when the header cannot hold it; the parameter is then required)."""
    if isinstance(value, bool):
        kind = "bool"
    elif isinstance(value, int):
        kind = "int"
    elif isinstance(value, float):
        kind = "float"
    elif isinstance(value, str) and _ISO_DAY.match(value.strip()):
        kind = "date"
    else:
        kind = "string"
    text = None if value is None or isinstance(value, list | dict) else str(value).strip()
    if kind == "bool":
        text = "true" if value else "false"
    if text is not None and (not text or _HEADER_UNSAFE.search(text) or "\n" in text):
        text = None
    return Param(name, kind, "", text)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def save_query(
    name: str,
    title: str,
    description: str,
    cypher: str,
    values: Mapping[str, Any] | None = None,
    directory: str | Path | None = None,
) -> SavedQuery:
    """Write the console's query as the user's saved query ``name`` (header in the shipped format, each
    ``$parameter`` declared from the value it ran with); refuse a bad name, a name already taken, a query that
    writes or one with a parameter it does not declare."""
    if not _NAME.match(name):
        raise QueryNameError(f"query name {name!r}: use lower-case letters, digits and _ (start with a letter)")
    folder = Path(directory) if directory is not None else user_dir()
    if any(q.name == name for q in all_queries(folder)):
        raise QueryExistsError(f"a saved query is already called {name!r}")
    statement = _strip_header(cypher).strip()
    used = dict.fromkeys(_PARAM_USE.findall(_code(statement)))  # in order of first use
    params = [infer_param(n, (values or {}).get(n)) for n in used]
    declared = ", ".join(
        f"{p.name} ({p.type}{f', default {p.default}' if p.default is not None else ''})" for p in params
    )
    header = [f"// title: {_one_line(title)}", f"// description: {_one_line(description) or _one_line(title)}"]
    text = "\n".join([*header, f"// params: {declared or 'none'}", "", statement, ""])
    query = parse_query(name, text, folder / f"{name}.cypher", shipped=False)
    if problems := validate(query):
        raise QueryError(f"query {name}: {'; '.join(problems)}")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with (folder / f"{name}.cypher").open("x", encoding="utf-8") as out:  # never over another's file
            out.write(text)
    except FileExistsError as exc:
        raise QueryExistsError(f"a saved query is already called {name!r}") from exc
    return query


def _strip_header(cypher: str) -> str:
    """The statement without a saved query's header (a saved query opened in the console and saved again)."""
    lines = cypher.strip().splitlines()
    if lines and re.match(r"^//\s*title\s*:", lines[0].strip()):
        while lines and (lines[0].strip().startswith("//") or not lines[0].strip()):
            lines.pop(0)
    return "\n".join(lines)


def _code(cypher: str) -> str:
    """The statement without comments and string literals (so words inside them are not mistaken for code)."""
    return _STRING_OR_COMMENT.sub(lambda m: "" if m.group().startswith("//") else "''", cypher)


def used_params(cypher: str) -> set[str]:
    """Names of the ``$parameters`` the statement uses."""
    return set(_PARAM_USE.findall(_code(cypher)))


def _by_uid_only(name: str, code: str) -> bool:
    """Whether every use of ``$name`` compares it with a document uid: ``{uid: $name}``, ``x.uid = $name``, or
    the same with ``owner`` (a task's document)."""
    uses = re.findall(rf"\${name}\b", code)
    by_uid = re.findall(rf"(?:\b(?:uid|owner)\s*:\s*|\.(?:uid|owner)\s*=\s*)\${name}\b", code)
    return len(uses) == len(by_uid)


def validate(query: SavedQuery) -> list[str]:
    """Problems with a saved query's header or portability; empty when it is fine."""
    problems = []
    declared = {p.name for p in query.params}
    used = used_params(query.cypher)
    code = _code(query.cypher)
    for p in query.params:
        if p.type == DOCUMENT_TYPE and not _by_uid_only(p.name, code):
            problems.append(f"document parameter ${p.name} must be compared with a uid only ({{uid: ${p.name}}})")
    if undeclared := used - declared:
        problems.append(f"uses undeclared parameters: {', '.join(sorted(undeclared))}")
    if unused := declared - used:
        problems.append(f"declares unused parameters: {', '.join(sorted(unused))}")
    for pattern, why in _NOT_PORTABLE.items():
        if not query.shipped and pattern in _REWRITTEN:
            continue  # the user's queries run through the Neo4j → FalkorDB rewrite
        if re.search(pattern, code, re.IGNORECASE):
            problems.append(why)
    if not code.strip():
        problems.append("has no statement under the header")
    return problems
