"""Streamlit pieces more than one page uses: the search picker, the date picker, read-only tables and the frame a
graph picture is drawn in."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from ui.components.text import plain
from ui.navigation import preselected
from ui.views.search import Choice, choices, search

__all__ = ["FULL_TABLE_ROWS", "MAX_OPTIONS", "as_of_input", "frame", "graph_frame", "pick", "show_table"]

MAX_OPTIONS = 200
FULL_TABLE_ROWS = 30  # a table this short is shown without a scroll bar


def pick(label: str, kinds: Sequence[str], key: str, *, placeholder: str = "") -> Choice | None:
    """A search box (with or without diacritics) and the list of what it finds, the best first; returns the
    choice. A new search chooses its best result (a choice made before does not stick to a new search)."""
    options = choices(kinds)
    wanted = preselected(key)
    if wanted and any(c.uid == wanted for c in options):
        st.session_state[f"{key}_query"] = ""
        st.session_state[f"{key}_uid"] = wanted
        st.session_state[f"{key}_searched"] = ""
    query = st.text_input(label, key=f"{key}_query", placeholder=placeholder)
    found = search(query, options) if query.strip() else options
    if not found:
        st.info(f"Không tìm thấy kết quả cho “{plain(query)}”.")
        return None
    by_uid = {c.uid: c for c in found[:MAX_OPTIONS]}
    new_search = st.session_state.get(f"{key}_searched") != query
    st.session_state[f"{key}_searched"] = query
    if st.session_state.get(f"{key}_uid") not in by_uid or (new_search and query.strip()):
        st.session_state[f"{key}_uid"] = next(iter(by_uid))
    uid = st.selectbox(
        f"Kết quả ({len(found)})",
        list(by_uid),
        key=f"{key}_uid",
        format_func=lambda u: by_uid[u].label,
        placeholder="Chọn một kết quả",
    )
    return by_uid.get(uid)


def as_of_input(label: str, key: str, default: date | None = None) -> date:
    value = st.date_input(label, value=default or date.today(), key=key, format="DD/MM/YYYY")
    return value if isinstance(value, date) else date.today()


def frame(rows: Sequence[object], columns: dict[str, str]) -> pd.DataFrame:
    """A table of ``rows`` (view models, or dicts) with ``columns`` (attribute → Vietnamese heading) in that
    order; lists joined."""
    table = pd.DataFrame([{heading: _cell(_value(r, k)) for k, heading in columns.items()} for r in rows])
    return table if len(table) else pd.DataFrame(columns=list(columns.values()))


def _value(row: object, name: str) -> Any:
    return row.get(name) if isinstance(row, dict) else getattr(row, name, None)


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value if v not in (None, ""))
    return value


def show_table(frame_: pd.DataFrame, **options: Any) -> None:
    """A read-only table the width of the page, empty cells blank; short tables shown whole, long ones scroll."""
    if frame_.empty:
        st.caption("(không có)")
        return
    options.setdefault("height", "content" if len(frame_) <= FULL_TABLE_ROWS else 720)
    st.dataframe(frame_, hide_index=True, width="stretch", placeholder="", **options)


def graph_frame(html: str, height: int) -> None:
    """An offline vis-network page in an iframe (its scripts are inline)."""
    st.iframe(html, height=height)
