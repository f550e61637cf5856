"""Files the last load could not read, for the app to list in Vietnamese (``make run`` starts the app even
when some files fail), and the one translation of a loader's reason into Vietnamese.

>>> vietnamese_reason("binary file (NUL bytes), not text")
'tệp nhị phân, không phải văn bản'
>>> vietnamese_reason("too many tasks: 20,001 (limit 20,000)")
'quá nhiều nhiệm vụ: 20,001 (tối đa 20,000)'
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from common.glossary import vi_message
from graph.failures import read_failures
from graph.store import GraphStore
from ui.store import Generation, generation, store_for

__all__ = ["FailedFile", "failed_files", "read_failed_files", "vietnamese_reason"]


def vietnamese_reason(reason: str | None) -> str | None:
    """The loader's reason in Vietnamese, through the one glossary (:func:`common.glossary.vi_message`)."""
    return vi_message(reason) if reason else reason


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
    return read_failed_files(store_for(gen))


def failed_files() -> list[FailedFile]:
    """:func:`read_failed_files` on the app's store, cached under its generation."""
    return _failed_files(generation())
