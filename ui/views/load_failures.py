"""Files the last load could not read, for the app to list in Vietnamese (``make run`` starts the app even
when some files fail), and the one translation of a loader's reason into Vietnamese.

>>> vietnamese_reason("empty file")
'tệp rỗng'
>>> vietnamese_reason("binary file (NUL bytes), not text")
'tệp nhị phân, không phải văn bản'
>>> vietnamese_reason("too many tasks: 20,001 (limit 20,000)")
'quá nhiều nhiệm vụ (20,001 (limit 20,000))'
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from graph.failures import read_failures
from graph.store import GraphStore
from ui.store import Generation, generation, store

__all__ = ["FailedFile", "failed_files", "read_failed_files", "vietnamese_reason"]

# the loader's reason (its opening words) → Vietnamese; what follows a colon is kept as detail
_REASONS = (
    ("empty file", "tệp rỗng"),
    ("binary file", "tệp nhị phân, không phải văn bản"),
    ("cannot decode", "không giải mã được nội dung (không phải UTF-8, UTF-16 hay Windows-1258)"),
    ("unsupported file type", "định dạng không được hỗ trợ"),
    ("file too large", "tệp quá lớn"),
    ("too much text", "quá nhiều chữ"),
    ("too many lines", "quá nhiều dòng"),
    ("too many tasks", "quá nhiều nhiệm vụ"),
    ("too many pages", "quá nhiều trang"),
    ("no text layer", "PDF không có lớp chữ (bản quét, cần nhận dạng ký tự)"),
    ("encrypted PDF", "PDF có mật khẩu"),
    ("cannot read .docx", "không đọc được tệp .docx"),
    ("cannot read .pdf", "không đọc được tệp .pdf"),
    ("cannot parse", "không phân tích được tệp"),
    ("no such file", "không có tệp"),
    ("not a file", "không phải là tệp"),
)


def vietnamese_reason(reason: str | None) -> str | None:
    """The loader's reason in Vietnamese (its detail, numbers and names, kept); unknown ones are kept as read."""
    if not reason:
        return reason
    for start, vi in _REASONS:
        if reason.startswith(start):
            detail = reason[len(start) :].strip(" :")
            return f"{vi} ({detail})" if detail and not detail.startswith("(") and start.startswith("too") else vi
    return reason


@dataclass(frozen=True, slots=True)
class FailedFile:
    name: str
    path: str
    reason: str
    at: str


def read_failed_files(store: GraphStore) -> list[FailedFile]:
    return [FailedFile(f.name, f.path, vietnamese_reason(f.reason) or "", f.at) for f in read_failures(store)]


@st.cache_data(show_spinner=False)
def _failed_files(gen: Generation) -> list[FailedFile]:
    return read_failed_files(store())


def failed_files() -> list[FailedFile]:
    """:func:`read_failed_files` on the app's store, cached under its generation."""
    return _failed_files(generation())
