"""The read-only guard: a Cypher text is let through only when it is ONE read query, before it reaches any store.

Stores have their own read modes, but they differ (ArcadeDB ran ``LOAD CSV FROM 'file:///etc/passwd'`` and
``CREATE INDEX`` inside a "read" transaction, and a rolled-back transaction does not undo schema changes), so the
text is checked here, the same way for every store. The check works on tokens, aware of strings, comments and
backticks, so a keyword inside ``'…'`` or ``/* … */`` is harmless and a keyword in disguise (odd case, full-width
letters, a zero-width space inside it) is still seen:

* the query starts with ``MATCH``, ``OPTIONAL MATCH``, ``WITH``, ``UNWIND``, ``RETURN`` or ``CALL``;
* no writing or administrative word anywhere (``CREATE``, ``MERGE``, ``SET``, ``DELETE``, ``REMOVE``,
  ``DETACH``, ``DROP``, ``LOAD``, ``FOREACH``, ``INSERT``, ``USING PERIODIC COMMIT``, ``IN TRANSACTIONS``,
  ``ALTER``, ``GRANT``, ``REVOKE``, ``DENY``, ``TERMINATE``, ``USE``) outside a string, a comment, a backticked
  name or a property access (``n.set`` is a property);
* ``CALL`` opens a subquery (``CALL { … }``, checked like the rest) or calls a read procedure of
  :data:`READ_PROCEDURES`; a namespaced function (``apoc.…(``) is allowed only for the temporal, spatial and
  string namespaces;
* one statement: a ``;`` may only end the text.

:func:`capped` then puts the console's row cap inside the query (a ``LIMIT`` the store applies), so a huge
result is never produced, let alone fetched.

>>> check_read_only("MATCH (d:Document) WHERE d.title CONTAINS 'CREATE' RETURN d // DELETE")
>>> try:
...     check_read_only("MATCH (n) DETACH DELETE n")
... except RefusedQueryError as error:
...     print(error.reason)
truy vấn có từ khóa ghi «DETACH»
>>> capped("MATCH (n) RETURN n // all", 1000)
'MATCH (n) RETURN n LIMIT 1001 // all'
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from graph.store import ReadOnlyError

__all__ = ["READ_PROCEDURES", "RefusedQueryError", "Token", "capped", "check_read_only", "tokens"]

_START = frozenset({"MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL"})
_FORBIDDEN = frozenset(
    {
        *("CREATE", "MERGE", "SET", "DELETE", "REMOVE", "DETACH", "DROP", "LOAD", "FOREACH", "INSERT"),
        *("PERIODIC", "TRANSACTIONS", "ALTER", "GRANT", "REVOKE", "DENY", "TERMINATE", "USE"),
    }
)
#: Procedures the console may call (compared without regard to case): schema, full-text and path reads.
READ_PROCEDURES = frozenset(
    {
        *("db.labels", "db.relationshiptypes", "db.propertykeys", "db.indexes", "db.constraints"),
        *("db.schema.visualization", "db.schema.nodetypeproperties", "db.schema.reltypeproperties"),
        *("db.idx.fulltext.querynodes", "db.idx.fulltext.queryrelationships"),
        *(
            "algo.sppaths",
            "algo.sspaths",
        ),  # FalkorDB's shortest paths: graph.dialect rewrites shortestPath to them
    }
)
_FUNCTION_NAMESPACES = frozenset({"date", "datetime", "localdatetime", "localtime", "time", "duration", "point"})
_FUNCTION_NAMESPACES |= {"string"}
_OPEN, _CLOSE = "([{", ")]}"
_PREFIX = "Truy vấn tự do chỉ được đọc: "
_SUFFIX = " nên bị từ chối trước khi gửi tới kho dữ liệu."


class RefusedQueryError(ReadOnlyError):
    """The text is not one read query; the message says why, in Vietnamese. The store never saw it."""

    def __init__(self, reason: str) -> None:
        super().__init__(_PREFIX + reason + _SUFFIX)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Token:
    """One token: ``kind`` is ``word``, ``name`` (backticked), ``string``, ``number``, ``param`` or ``punct``."""

    kind: str
    text: str
    start: int
    end: int

    @property
    def keyword(self) -> str:
        """A word as the parser would compare it: compatibility-folded, invisible characters dropped, upper."""
        if self.kind != "word":
            return ""
        text = unicodedata.normalize("NFKC", self.text)
        return "".join(c for c in text if unicodedata.category(c) != "Cf").upper()


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_" or unicodedata.category(c) in {"Cf", "Mn", "Mc", "Pc"}


def _skip_quoted(text: str, i: int, quote: str) -> int:
    """Index after the closing ``quote`` of the literal opening at ``i``.

    Strings take backslash escapes; a backticked name takes a doubled backtick.
    """
    j = i + 1
    while j < len(text):
        c = text[j]
        if c == "\\" and quote != "`":
            j += 2
            continue
        if c == quote:
            if quote == "`" and text.startswith("``", j):
                j += 2
                continue
            return j + 1
        j += 1
    what = "tên trong dấu `" if quote == "`" else "chuỗi"
    raise RefusedQueryError(f"truy vấn có {what} không đóng")


def _end_of(text: str, i: int, accept: str) -> int:
    """Index after the run of characters from ``i`` that ``accept`` allows (``word`` or ``number``)."""
    j = i + 1
    while j < len(text):
        c = text[j]
        if _is_word_char(c) or (accept == "number" and c == "." and text[j + 1 : j + 2].isdigit()):
            j += 1
        else:
            break
    return j


def _skip_comment(text: str, i: int) -> int:
    """Index after the comment starting at ``i``, or ``i`` if none starts there."""
    if text.startswith("//", i):
        ends = [p for p in (text.find("\n", i), text.find("\r", i)) if p >= 0]
        return min(ends) if ends else len(text)
    if text.startswith("/*", i):
        close = text.find("*/", i + 2)
        if close < 0:
            raise RefusedQueryError("truy vấn có chú thích /* không đóng")
        return close + 2
    return i


def _token_at(text: str, i: int) -> Token:
    c = text[i]
    if c in "'\"`":
        j = _skip_quoted(text, i, c)
        return Token("name" if c == "`" else "string", text[i:j], i, j)
    if c == "$":
        if text[i + 1 : i + 2] == "`":
            j = _skip_quoted(text, i + 1, "`")
        else:
            j = _end_of(text, i, "word") if text[i + 1 : i + 2] and _is_word_char(text[i + 1]) else i + 1
        return Token("param", text[i:j], i, j)
    if c.isdigit():
        j = _end_of(text, i, "number")
        return Token("number", text[i:j], i, j)
    if _is_word_char(c):
        j = _end_of(text, i, "word")
        return Token("word", text[i:j], i, j)
    return Token("punct", c, i, i + 1)


def tokens(text: str) -> list[Token]:
    """The tokens of ``text``; comments and whitespace dropped. Unclosed strings or comments are refused."""
    out: list[Token] = []
    i = 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        after = _skip_comment(text, i)
        if after != i:
            i = after
            continue
        token = _token_at(text, i)
        out.append(token)
        i = token.end
    return out


def _dotted_name(toks: list[Token], i: int) -> tuple[str, int]:
    """The name ``a.b.c`` starting at ``toks[i]`` (backticked parts unquoted) and the index after it."""
    parts: list[str] = []
    while i < len(toks) and toks[i].kind in {"word", "name"}:
        part = toks[i].text
        parts.append(part[1:-1].replace("``", "`") if toks[i].kind == "name" else part)
        if i + 2 < len(toks) and toks[i + 1].text == "." and toks[i + 2].kind in {"word", "name"}:
            i += 2
            continue
        i += 1
        break
    return ".".join(parts), i


def _check_call(toks: list[Token], i: int) -> None:
    """``toks[i]`` is CALL: a subquery, or an allowed read procedure."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.text in "{(" and nxt.kind == "punct":
        return  # CALL { … } or CALL (x) { … }: the body is checked with the rest of the text
    name, _ = _dotted_name(toks, i + 1)
    if not name:
        raise RefusedQueryError("truy vấn có CALL không rõ thủ tục")
    if unicodedata.normalize("NFKC", name).casefold() not in READ_PROCEDURES:
        raise RefusedQueryError(f"thủ tục «{name}» không nằm trong danh sách thủ tục chỉ đọc")


def _check_function(toks: list[Token], i: int) -> None:
    """``toks[i]`` starts a dotted name; if it is called, its namespace must be an allowed one."""
    name, after = _dotted_name(toks, i)
    if "." not in name or after >= len(toks) or toks[after].text != "(":
        return
    namespace = unicodedata.normalize("NFKC", name.rsplit(".", 1)[0]).casefold()
    if namespace not in _FUNCTION_NAMESPACES:
        raise RefusedQueryError(f"hàm «{name}» không được phép trong bảng điều khiển")


def check_read_only(query: str) -> None:
    """Return if ``query`` is one read query; else raise :class:`RefusedQueryError` saying why."""
    toks = tokens(query)
    if toks and toks[-1].text == ";":
        toks = toks[:-1]
    if not toks:
        raise RefusedQueryError("truy vấn trống")
    if any(t.kind == "punct" and t.text == ";" for t in toks):
        raise RefusedQueryError("truy vấn có nhiều câu lệnh (dấu ;)")
    first = toks[0].keyword
    if first not in _START:
        raise RefusedQueryError(
            f"truy vấn bắt đầu bằng «{toks[0].text}», không phải MATCH, OPTIONAL MATCH, WITH, UNWIND, "
            "RETURN hay CALL"
        )
    for i, tok in enumerate(toks):
        if tok.kind != "word":
            continue
        after_dot = i > 0 and toks[i - 1].text == "." and toks[i - 1].kind == "punct"
        if after_dot:
            continue  # a property (n.set) or the rest of a dotted name, checked from its start
        word = tok.keyword
        if word in _FORBIDDEN:
            raise RefusedQueryError(f"truy vấn có từ khóa ghi «{tok.text}»")
        if word == "CALL":
            _check_call(toks, i)
        elif i == 0 or toks[i - 1].keyword != "CALL":
            _check_function(toks, i)


def _branches(toks: list[Token]) -> list[list[Token]]:
    """The top-level ``UNION`` branches of a token list (nested brackets stay inside their branch)."""
    branches: list[list[Token]] = [[]]
    depth = 0
    for i, tok in enumerate(toks):
        if tok.kind == "punct" and tok.text in _OPEN:
            depth += 1
        elif tok.kind == "punct" and tok.text in _CLOSE:
            depth -= 1
        if depth == 0 and tok.keyword == "UNION":
            branches.append([])
            continue
        if depth == 0 and tok.keyword == "ALL" and i > 0 and toks[i - 1].keyword == "UNION":
            continue
        branches[-1].append(tok)
    return branches


def _top_level(branch: list[Token]) -> list[tuple[int, Token]]:
    out, depth = [], 0
    for i, tok in enumerate(branch):
        if tok.kind == "punct" and tok.text in _OPEN:
            depth += 1
        elif tok.kind == "punct" and tok.text in _CLOSE:
            depth -= 1
        elif depth == 0:
            out.append((i, tok))
    return out


def capped(query: str, cap: int) -> str:
    """``query`` with every top-level ``RETURN`` limited to ``cap + 1`` rows (one more, to tell a cut result).

    A ``LIMIT`` already there stays when it is a number no larger; a larger number is lowered; a ``LIMIT`` that
    is not a plain number is refused. A query without a top-level ``RETURN`` (a bare ``CALL db.labels()``) is
    returned as it is: the allowed procedures answer with a few rows. Call :func:`check_read_only` first.
    """
    toks = tokens(query)
    if toks and toks[-1].text == ";":
        toks = toks[:-1]
    limit = cap + 1
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in the text
    for branch in _branches(toks):
        top = _top_level(branch)
        returns = [i for i, tok in top if tok.keyword == "RETURN"]
        if not returns or not branch:
            continue
        limits = [i for i, tok in top if tok.keyword == "LIMIT" and i > returns[-1]]
        if not limits:
            edits.append((branch[-1].end, branch[-1].end, f" LIMIT {limit}"))
            continue
        value = branch[limits[-1] + 1 : limits[-1] + 2]
        if limits[-1] + 2 != len(branch) or not value or not value[0].text.isdigit():
            raise RefusedQueryError("LIMIT của truy vấn phải là một số nguyên ở cuối câu lệnh")
        if int(value[0].text) > limit:
            edits.append((value[0].start, value[0].end, str(limit)))
    for start, end, text in sorted(edits, reverse=True):
        query = query[:start] + text + query[end:]
    return query
