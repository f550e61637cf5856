"""Neo4j 5 Cypher → FalkorDB's dialect: the idioms an analyst types that FalkorDB 4.16 does not parse, rewritten
on the token stream before the query runs on a FalkorDB store (a Bolt store gets the text unchanged).

Rewrites (Neo4j 5 → FalkorDB):

* ``EXISTS { [MATCH] pattern [WHERE c] }`` → ``(size([pattern WHERE c | 1]) > 0)``
* ``COUNT { [MATCH] pattern [WHERE c] }`` → ``size([pattern WHERE c | 1])``; in a clause's ``WHERE`` both are
  computed first (``WITH *, size([…]) AS _q0 WHERE …``): FalkorDB refuses a pattern comprehension there
* ``elementId(x)`` → ``toString(id(x))``
* ``round(x, n)`` → ``(round((x) * 10.0^(n)) / 10.0^(n))``
* ``duration.inDays(a, b).days`` → the difference of the two dates' day numbers (civil calendar, integers);
  ``duration.inDays(a, b)`` alone → ``duration({days: …})``
* ``MATCH …, p = shortestPath((a)-[:R*..k]-(b)) WHERE c`` (any direction; ``allShortestPaths`` too) →
  ``MATCH …, (a), (b) CALL algo.SPpaths({…}) YIELD path AS p WITH * WHERE c``

What it cannot rewrite (a ``COUNT { }`` with ``RETURN``, ``shortestPath`` in ``OPTIONAL MATCH``…) raises
:class:`DialectError` with the portable form to use; :func:`hint_for` gives it in Vietnamese for those and
FalkorDB's own errors (``common.glossary.CYPHER_HINTS``).

>>> q = to_falkordb("MATCH (d:Document) WHERE NOT EXISTS { (d)<-[:IMPLEMENTS]-() } RETURN elementId(d) AS id")
>>> print(q.replace(" WHERE", "\\nWHERE").replace(" RETURN", "\\nRETURN"))
MATCH (d:Document) WITH *, size([(d)<-[:IMPLEMENTS]-() | 1]) AS _q0
WHERE NOT (_q0 > 0)
RETURN toString(id(d)) AS id
>>> to_falkordb("RETURN round(2.345, 2) AS r // round(x, n) in a comment stays")
'RETURN (round((2.345) * 10.0^(2)) / 10.0^(2)) AS r // round(x, n) in a comment stays'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from common.errors import DirectiveGraphError
from common.glossary import cypher_hint

__all__ = ["DialectError", "DialectSyntaxError", "Token", "for_store", "hint_for", "to_falkordb", "tokenize"]


class DialectError(DirectiveGraphError, ValueError):
    """A Neo4j construct the FalkorDB rewrite does not cover; the message names the portable form."""


class DialectSyntaxError(DialectError):
    """A text that is not Cypher at all (an open string, an unclosed bracket): no dialect would run it."""


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # space, comment, string, name, quoted, number, param, punct
    text: str

    def is_word(self, *words: str) -> bool:
        return self.kind == "name" and self.text.upper() in words


_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<comment>//[^\n]*|/\*.*?\*/)
      | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
      | (?P<quoted>`(?:[^`]|``)*`)
      | (?P<number>\d+\.\d+(?:[eE][-+]?\d+)?|\d+(?:[eE][-+]?\d+)?)
      | (?P<param>\$(?:\w+|`[^`]*`))
      | (?P<name>[^\W\d]\w*)
      | (?P<punct>\.\.|<-|->|<=|>=|<>|=~|\+=|.)""",
    re.VERBOSE | re.DOTALL,
)
_SKIP = ("space", "comment")
_CLAUSES = frozenset(
    {"MATCH", "OPTIONAL", "WITH", "RETURN", "UNWIND", "CALL", "ORDER", "UNION", "CREATE", "MERGE", "SET"}
    | {"DELETE", "DETACH", "REMOVE", "FOREACH", "LIMIT", "SKIP", "LOAD"}
)
_OPEN, _CLOSE = "([{", ")]}"


def tokenize(text: str) -> list[Token]:
    """Cypher text as tokens; joining their texts gives the text back exactly.

    >>> [t.text for t in tokenize("RETURN 'a // b' AS x") if t.kind != "space"]
    ['RETURN', "'a // b'", 'AS', 'x']
    """
    tokens = [Token(match.lastgroup or "punct", match.group()) for match in _TOKEN.finditer(text)]
    if any(t.kind == "punct" and t.text in "'\"`" for t in tokens) or text.count("/*") > text.count("*/"):
        raise DialectSyntaxError("the query has an unterminated string, name or comment")
    return tokens


def _text(tokens: list[Token]) -> str:
    return "".join(t.text for t in tokens)


def _sig(tokens: list[Token], i: int) -> int:
    """Index of the first significant token at or after ``i`` (``len`` when none)."""
    while i < len(tokens) and tokens[i].kind in _SKIP:
        i += 1
    return i


def _close(tokens: list[Token], i: int) -> int:
    """Index of the bracket closing the one at ``i``."""
    depth = 0
    for j in range(i, len(tokens)):
        if tokens[j].kind != "punct":
            continue
        if tokens[j].text in _OPEN:
            depth += 1
        elif tokens[j].text in _CLOSE:
            depth -= 1
            if depth == 0:
                return j
    raise DialectSyntaxError("the query has an unclosed bracket")


def _split_top(tokens: list[Token], is_separator: Callable[[Token], bool]) -> list[list[Token]]:
    """``tokens`` cut at separators that are outside every bracket."""
    parts: list[list[Token]] = [[]]
    depth = 0
    for token in tokens:
        if token.kind == "punct" and token.text in _OPEN:
            depth += 1
        elif token.kind == "punct" and token.text in _CLOSE:
            depth -= 1
        if depth == 0 and is_separator(token):
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _raw(text: str) -> list[Token]:
    return [Token("raw", text)]


# --- EXISTS { } and COUNT { } --------------------------------------------------------------------------------


def _subquery_parts(body: list[Token], word: str) -> tuple[str, str]:
    """The pattern and the condition of an ``EXISTS``/``COUNT`` body (``[MATCH] pattern [WHERE c]``)."""
    sig = [t for t in body if t.kind not in _SKIP]
    if sig and sig[0].is_word("MATCH"):
        body = body[body.index(sig[0]) + 1 :]
    top = _split_top(body, lambda t: False)[0]
    for index, token in enumerate(top):
        if _is_clause(top, index):
            raise DialectError(
                f"{word} {{ … {token.text} … }} (a full subquery) does not run on FalkorDB; write "
                f"{word} {{ (a)-[:R]->(b) WHERE … }} with one pattern, or a pattern comprehension "
                "size([(a)-[:R]->(b) WHERE … | b])"
            )
    pieces = _split_top(body, lambda t: t.is_word("WHERE"))
    pattern = pieces[0]
    if len(_split_top(pattern, lambda t: t.kind == "punct" and t.text == ",")) > 1:
        raise DialectError(
            f"{word} {{ }} with several comma-separated patterns does not run on FalkorDB; join them into "
            "one path, or combine several EXISTS { } with AND"
        )
    condition = ""
    if len(pieces) > 1:
        where = next(i for i, t in enumerate(body) if t.is_word("WHERE") and _is_top(body, i))
        condition = " WHERE " + _text(body[where + 1 :]).strip()
    return _text(pattern).strip(), condition


def _is_top(tokens: list[Token], index: int) -> bool:
    depth = 0
    for token in tokens[:index]:
        if token.kind == "punct" and token.text in _OPEN:
            depth += 1
        elif token.kind == "punct" and token.text in _CLOSE:
            depth -= 1
    return depth == 0


@dataclass(slots=True)
class _Level:
    """What the walk knows about one bracket depth: its last clause keyword and the clause ``WHERE`` it is in."""

    clause: str | None = None
    where: int | None = None  # index in the output of the clause's WHERE token


def _is_clause(tokens: list[Token], i: int) -> bool:
    """Whether ``tokens[i]`` starts a clause (``WITH`` after ``STARTS``/``ENDS`` is an operator's word)."""
    if not tokens[i].is_word(*_CLAUSES):
        return False
    before = next((t for t in reversed(tokens[:i]) if t.kind not in _SKIP), None)
    return not (tokens[i].is_word("WITH") and before is not None and before.is_word("STARTS", "ENDS"))


def _subqueries(tokens: list[Token], *, hoist: bool = True) -> list[Token]:
    """``EXISTS { }``/``COUNT { }`` as pattern comprehensions. FalkorDB refuses a pattern comprehension in a
    clause's ``WHERE``, so there it is computed first: ``WHERE c`` → ``WITH *, size([…]) AS _q0 WHERE c'``."""
    out: list[Token] = []
    levels: list[_Level] = [_Level()]
    hoisted: dict[int, list[str]] = {}  # hoisted: output index of a WHERE → the items computed before it
    i = 0
    while i < len(tokens):
        token, level = tokens[i], levels[-1]
        brace = _sig(tokens, i + 1)
        if token.is_word("EXISTS", "COUNT") and brace < len(tokens) and tokens[brace].text == "{":
            end = _close(tokens, brace)
            pattern, condition = _subquery_parts(
                _subqueries(tokens[brace + 1 : end], hoist=False), token.text.upper()
            )
            listed = f"size([{pattern}{condition} | 1])"
            where = next((lv for lv in reversed(levels) if lv.where is not None), None) if hoist else None
            if where is not None and where.where is not None:
                if where.clause == "OPTIONAL":
                    raise DialectError(f"{token.text} {{ }} in the WHERE of an OPTIONAL MATCH does not run on "
                                       "FalkorDB; compute it in a WITH after the OPTIONAL MATCH")  # fmt: skip
                name = f"_q{sum(len(items) for items in hoisted.values())}"
                hoisted.setdefault(where.where, []).append(f"{listed} AS {name}")
                listed = name
            out += tokenize(f"({listed} > 0)" if token.is_word("EXISTS") else listed)  # later passes see it
            i = end + 1
            continue
        if token.kind == "punct" and token.text in _OPEN:
            levels.append(_Level())
        elif token.kind == "punct" and token.text in _CLOSE and len(levels) > 1:
            levels.pop()
        elif _is_clause(tokens, i):
            level.clause, level.where = token.text.upper(), None
        elif token.is_word("WHERE") and level.clause in ("MATCH", "OPTIONAL", "WITH"):
            level.where = len(out)
        out.append(token)
        i += 1
    if not hoisted:
        return out
    return [
        piece
        for index, token in enumerate(out)
        for piece in (tokenize(f"WITH *, {', '.join(hoisted[index])} WHERE") if index in hoisted else [token])
    ]


# --- functions: elementId, round(x, n), duration.inDays ------------------------------------------------------


def _arguments(tokens: list[Token], open_index: int) -> tuple[list[str], int]:
    end = _close(tokens, open_index)
    inner = tokens[open_index + 1 : end]
    args = [_text(part).strip() for part in _split_top(inner, lambda t: t.kind == "punct" and t.text == ",")]
    return [a for a in args if a], end


def _epoch_day(date: str) -> str:
    """Days since 0000-03-01 of a date expression, in integer arithmetic both engines share (the civil-calendar
    formula: years start in March so the leap day comes last)."""
    d = f"({date})"
    year = f"({d}.year - CASE WHEN {d}.month <= 2 THEN 1 ELSE 0 END)"
    month_days = f"((({d}.month + 9) % 12) * 306 + 5) / 10"
    return f"(365 * {year} + {year} / 4 - {year} / 100 + {year} / 400 + {month_days} + {d}.day - 1)"


def _after_call(tokens: list[Token], end: int, member: str) -> int | None:
    """Index of ``member`` in ``… ) . member`` right after a call, else ``None``."""
    dot = _sig(tokens, end + 1)
    if dot < len(tokens) and tokens[dot].text == ".":
        name = _sig(tokens, dot + 1)
        if name < len(tokens) and tokens[name].kind == "name" and tokens[name].text == member:
            return name
    return None


def _functions(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        paren = _sig(tokens, i + 1)
        is_call = paren < len(tokens) and tokens[paren].text == "("
        previous = next((t for t in reversed(out) if t.kind not in _SKIP), None)
        after_dot = previous is not None and previous.text == "."
        if is_call and not after_dot and token.kind == "name" and token.text.lower() == "elementid":
            args, end = _arguments(tokens, paren)
            out += _raw(f"toString(id({_text(rewrite(tokenize(args[0])))}))")
            i = end + 1
            continue
        if is_call and not after_dot and token.kind == "name" and token.text.lower() == "round":
            args, end = _arguments(tokens, paren)
            args = [_text(rewrite(tokenize(a))) for a in args]
            if len(args) == 3:
                raise DialectError("round(x, n, mode) does not run on FalkorDB; use round(x, n)")
            if len(args) == 2:
                out += _raw(f"(round(({args[0]}) * 10.0^({args[1]})) / 10.0^({args[1]}))")
                i = end + 1
                continue
        if token.kind == "name" and token.text.lower() == "duration" and not after_dot:
            rewritten = _duration(tokens, i)
            if rewritten is not None:
                text, i = rewritten
                out += _raw(text)
                continue
        out.append(token)
        i += 1
    return out


def _duration(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """``duration.inDays(a, b)[.days]`` as day arithmetic; ``None`` for any other ``duration…``."""
    dot = _sig(tokens, i + 1)
    name = _sig(tokens, dot + 1)
    paren = _sig(tokens, name + 1)
    if paren >= len(tokens) or tokens[dot].text != "." or tokens[paren].text != "(":
        return None
    function = tokens[name].text.lower()
    if function == "between":
        raise DialectError(
            "duration.between does not run on FalkorDB; for days between two dates use duration.inDays(a, b).days"
        )
    if function != "indays":
        return None
    args, end = _arguments(tokens, paren)
    if len(args) != 2:
        raise DialectError("duration.inDays takes two dates")
    start, stop = (_text(rewrite(tokenize(a))) for a in args)
    days = f"({_epoch_day(stop)} - {_epoch_day(start)})"
    member = _after_call(tokens, end, "days")
    if member is not None:
        return days, member + 1
    return f"duration({{days: {days}}})", end + 1


# --- shortestPath in MATCH -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Path:
    variable: str
    start: str  # the node pattern text, with a variable
    end: str
    start_var: str
    end_var: str
    types: tuple[str, ...]
    direction: str  # outgoing, incoming, both
    max_len: str | None
    all_paths: bool


def _node(tokens: list[Token], fresh: str) -> tuple[str, str]:
    """A node pattern's text with a variable (``fresh`` when it had none) and that variable."""
    inner = tokens[1:-1]
    first = _sig(inner, 0)
    if first < len(inner) and inner[first].kind in ("name", "quoted"):
        return _text(tokens), inner[first].text
    return f"({fresh}{_text(inner)})", fresh


def _relationship(tokens: list[Token]) -> tuple[tuple[str, ...], str | None]:
    sig = [t for t in tokens if t.kind not in _SKIP]
    if any(t.text == "{" for t in sig):
        raise DialectError("shortestPath with relationship properties does not run on FalkorDB; filter in WHERE")
    if sig and sig[0].kind in ("name", "quoted") and (len(sig) == 1 or sig[1].text in (":", "*")):
        raise DialectError(
            "name the path (p = shortestPath(…)) rather than its relationships, then relationships(p)"
        )
    types = tuple(t.text for t in sig if t.kind in ("name", "quoted"))
    numbers = [t.text for t in sig if t.kind == "number"]
    has_range = any(t.text == ".." for t in sig)
    max_len = numbers[-1] if numbers and (has_range or len(numbers) == 1) else None
    return types, max_len


def _shortest(tokens: list[Token], count: int) -> _Path | None:
    """The path a ``[p =] shortestPath((a)-[…]-(b))`` pattern asks for, else ``None``."""
    sig = [i for i, t in enumerate(tokens) if t.kind not in _SKIP]
    if not sig:
        return None
    variable, k = f"_sp{count}", 0
    if len(sig) > 2 and tokens[sig[1]].text == "=":
        variable, k = tokens[sig[0]].text, 2
    if len(sig) <= k or not tokens[sig[k]].is_word("SHORTESTPATH", "ALLSHORTESTPATHS"):
        return None
    all_paths = tokens[sig[k]].is_word("ALLSHORTESTPATHS")
    body = tokens[sig[k + 1] + 1 : _close(tokens, sig[k + 1])]
    a_open = _sig(body, 0)
    a_close = _close(body, a_open)
    arrow = [t for t in body[a_close + 1 :] if t.kind not in _SKIP]
    b_open = next(i for i in range(a_close + 1, len(body)) if body[i].text == "(")
    b_close = _close(body, b_open)
    link = body[a_close + 1 : b_open]
    rel_open = next((i for i, t in enumerate(link) if t.text == "["), None)
    types: tuple[str, ...] = ()
    max_len: str | None = None
    if rel_open is not None:
        types, max_len = _relationship(link[rel_open + 1 : _close(link, rel_open)])
    left, right = arrow[0].text == "<-", any(t.text == "->" for t in link)
    direction = "both" if left == right else ("incoming" if left else "outgoing")
    start, start_var = _node(body[a_open : a_close + 1], f"_sp{count}_a")
    end, end_var = _node(body[b_open : b_close + 1], f"_sp{count}_b")
    return _Path(variable, start, end, start_var, end_var, types, direction, max_len, all_paths)


def _call(path: _Path) -> str:
    options = [f"sourceNode: {path.start_var}", f"targetNode: {path.end_var}"]
    if path.types:
        options.append("relTypes: [" + ", ".join(repr(t.strip("`")) for t in path.types) + "]")
    options.append(f"relDirection: '{path.direction}'")
    if path.max_len is not None:
        options.append(f"maxLen: {path.max_len}")
    options.append(f"pathCount: {0 if path.all_paths else 1}")
    return f"CALL algo.SPpaths({{{', '.join(options)}}}) YIELD path AS {path.variable}"


def _match_clause(clause: list[Token], count: int) -> tuple[str, int] | None:
    """A ``MATCH …`` clause (keyword included) rewritten when it holds shortest paths."""
    body = clause[1:]
    pieces = _split_top(body, lambda t: t.is_word("WHERE"))
    patterns = _split_top(pieces[0], lambda t: t.kind == "punct" and t.text == ",")
    paths: list[_Path] = []
    kept: list[str] = []
    for pattern in patterns:
        path = _shortest(pattern, count + len(paths))
        if path is None:
            kept.append(_text(pattern).strip())
        else:
            paths.append(path)
    if not paths:
        return None
    kept += [node for p in paths for node in (p.start, p.end)]
    text = "MATCH " + ", ".join(kept) + " " + " ".join(_call(p) for p in paths)
    if len(pieces) > 1:
        where = next(i for i, t in enumerate(body) if t.is_word("WHERE") and _is_top(body, i))
        text += " WITH * WHERE " + _text(body[where + 1 :]).strip()
    return text + " ", count + len(paths)


def _clauses(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    i, count = 0, 0
    while i < len(tokens):
        token = tokens[i]
        if token.kind == "punct" and token.text in _OPEN:
            end = _close(tokens, i)
            before = next((t for t in reversed(out) if t.kind not in _SKIP), None)
            inner = tokens[i + 1 : end]
            if token.text == "{" and before is not None and before.is_word("CALL"):
                inner = _clauses(inner)
            out += [token, *inner, tokens[end]]
            i = end + 1
            continue
        if token.is_word("MATCH"):
            end = i + 1
            while end < len(tokens):
                if _is_clause(tokens, end):
                    break
                end = _close(tokens, end) + 1 if tokens[end].text in _OPEN else end + 1
            optional = next((t for t in reversed(out) if t.kind not in _SKIP), None)
            done = _match_clause(tokens[i:end], count)
            if done is not None:
                if optional is not None and optional.is_word("OPTIONAL"):
                    raise DialectError("shortestPath in OPTIONAL MATCH does not run on FalkorDB; use MATCH")
                text, count = done
                out += _raw(text)
                i = end
                continue
        out.append(token)
        i += 1
    return out


def rewrite(tokens: list[Token]) -> list[Token]:
    """The FalkorDB form of a token stream (see the module's table)."""
    return _clauses(_functions(_subqueries(tokens)))


def for_store(store: object, cypher: str) -> str:
    """``cypher`` in the dialect of ``store``: rewritten on FalkorDB, unchanged over Bolt."""
    return to_falkordb(cypher) if getattr(store, "dialect", "neo4j") == "falkordb" else cypher


def to_falkordb(cypher: str) -> str:
    """``cypher`` (Neo4j 5) as FalkorDB runs it; text without those idioms comes back unchanged."""
    return _text(rewrite(tokenize(cypher)))


def hint_for(message: str) -> str | None:
    """A portable form for a rewrite's or a store's error message, when one is known (in the glossary's words)."""
    return cypher_hint(message)
