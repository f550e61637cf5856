"""One console query, start to end, the same on every store: the read-only guard, the row cap inside the query,
the time limit, the schema compared before and after, and every failure as one Vietnamese line.

The app's console (and anything else that runs a text a person typed) goes through :func:`run_console`; it never
raises for what the query or the store did.

The line is the glossary's words, with the portable form to use where one exists
(:func:`common.glossary.cypher_hint`); the store's own message, when there is one, is kept apart as
:attr:`ConsoleAnswer.detail` (the app folds it under "Chi tiết kỹ thuật"), never the line itself.

>>> console_error(QueryTimeoutError("x"), timeout_ms=10_000)
'Truy vấn chạy quá thời gian cho phép (10 giây) nên đã bị dừng.'
>>> console_error(StoreError("FalkorDB: Unknown function 'datetime'"), timeout_ms=10_000).split(". ")[1]
'Gợi ý: FalkorDB có localdatetime() và date(), không có datetime().'
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graph.analyst import parameter_names
from graph.dialect import DialectError, DialectSyntaxError, for_store, hint_for
from graph.readonly import RefusedQueryError, check_read_only
from graph.store import GraphStore, ReadOnlyError, StoreError
from graph.stores.errors import QueryMemoryError, QueryTimeoutError, ServerStoppedError, StoreDecodeError

__all__ = ["ConsoleAnswer", "console_error", "run_console"]

_LINE = 300  # longest store message quoted on the page


@dataclass(frozen=True, slots=True)
class ConsoleAnswer:
    rows: tuple[dict[str, Any], ...] = ()
    truncated: bool = False  # the store had more rows than the cap; only the first ``cap`` are kept
    error: str | None = None
    refused: bool = False  # the query was not a read
    elapsed_ms: int = 0
    detail: str | None = None  # the store's or the rewrite's own message (English), for "Chi tiết kỹ thuật"

    @property
    def ok(self) -> bool:
        return self.error is None


def _store_line(error: StoreError) -> str:
    """The store's own words, on one line: without the store's name and never longer than ``_LINE``."""
    text = " ".join(str(error).split())
    _, sep, rest = text.partition(": ")
    text = rest if sep and rest else text
    return text if len(text) <= _LINE else text[: _LINE - 1] + "…"


def console_error(error: StoreError, *, timeout_ms: int) -> str:
    """What to tell the person who ran the query, in one Vietnamese line."""
    if isinstance(error, RefusedQueryError):
        return str(error)
    if isinstance(error, ReadOnlyError):
        return "Truy vấn tự do chỉ được đọc: truy vấn này tìm cách ghi dữ liệu nên đã bị từ chối và hoàn tác."
    if isinstance(error, QueryTimeoutError):
        return f"Truy vấn chạy quá thời gian cho phép ({timeout_ms / 1000:g} giây) nên đã bị dừng."
    if isinstance(error, QueryMemoryError):
        return "Truy vấn cần quá nhiều bộ nhớ nên đã bị dừng; hãy thu hẹp truy vấn (thêm điều kiện, LIMIT)."
    if isinstance(error, ServerStoppedError):
        return (
            "Máy chủ cơ sở dữ liệu đã dừng khi chạy truy vấn này (có thể do truy vấn dùng quá nhiều bộ nhớ); "
            "truy vấn không được chạy lại, máy chủ đã được khởi động lại."
        )
    if isinstance(error, StoreDecodeError):
        return (
            "Kho dữ liệu trả về văn bản không đọc được (không phải UTF-8); các truy vấn sau vẫn chạy bình thường."
        )
    hint = hint_for(str(error))
    return "Truy vấn lỗi: kho dữ liệu không chạy được câu lệnh này." + (f" Gợi ý: {hint}." if hint else "")


def _has_detail(error: StoreError) -> bool:
    """Whether the line leaves out what the store said (so the page offers it, folded)."""
    return not isinstance(error, RefusedQueryError | ReadOnlyError | QueryTimeoutError | QueryMemoryError)


def _schema(store: GraphStore) -> frozenset[str] | None:
    try:
        return store.schema()
    except StoreError:
        return None


def run_console(
    store: GraphStore,
    cypher: str,
    params: Mapping[str, Any] | None = None,
    *,
    timeout_ms: int,
    row_cap: int,
) -> ConsoleAnswer:
    """Run ``cypher`` as a console query; a refusal, a timeout or any store error becomes the answer's line."""
    if not cypher.strip():
        return ConsoleAnswer(error="Chưa nhập truy vấn.")
    try:
        check_read_only(cypher)  # the guard sees what the analyst wrote, before any rewriting
        cypher = for_store(store, cypher)  # Neo4j 5 idioms in FalkorDB's dialect
    except RefusedQueryError as error:
        return ConsoleAnswer(error=str(error), refused=True)
    except DialectError as error:
        hint = hint_for(str(error))
        line = (
            "Truy vấn lỗi: câu lệnh sai cú pháp Cypher."
            if isinstance(error, DialectSyntaxError)
            else "Truy vấn lỗi: câu lệnh dùng cú pháp Neo4j chưa chuyển được sang kho dữ liệu này."
        )
        return ConsoleAnswer(error=line + (f" Gợi ý: {hint}." if hint else ""), detail=str(error))
    if missing := [name for name in parameter_names(cypher) if name not in (params or {})]:
        return ConsoleAnswer(error=f"Truy vấn lỗi: chưa có giá trị cho tham số ${', $'.join(missing)}.")
    before = _schema(store)
    started = time.monotonic()
    try:
        rows = store.read(cypher, params or {}, timeout_ms=timeout_ms, row_cap=row_cap)
    except RefusedQueryError as error:
        return ConsoleAnswer(error=str(error), refused=True)  # never sent: nothing to compare
    except StoreError as error:
        line = console_error(error, timeout_ms=timeout_ms)
        return ConsoleAnswer(
            error=f"{line} {_schema_note(before, _schema(store))}".strip(),
            refused=_wrote(error),
            detail=_store_line(error) if _has_detail(error) else None,
        )
    elapsed = int((time.monotonic() - started) * 1000)
    after = _schema(store)
    if before is not None and after is not None and before != after:
        return ConsoleAnswer(error=f"Truy vấn đã chạy nhưng {_schema_note(before, after)}", elapsed_ms=elapsed)
    return ConsoleAnswer(tuple(rows[:row_cap]), len(rows) > row_cap, elapsed_ms=elapsed)


def _wrote(error: StoreError) -> bool:
    return isinstance(error, ReadOnlyError)


def _schema_note(before: frozenset[str] | None, after: frozenset[str] | None) -> str:
    """A sentence on the schema, only from a comparison; empty when either side could not be read."""
    if before is None or after is None:
        return ""
    if before == after:
        return "Đã kiểm tra: lược đồ (nhãn, loại quan hệ, chỉ mục, ràng buộc) không thay đổi."
    return f"lược đồ đã thay đổi: {', '.join(sorted(before ^ after))[:_LINE]}."
