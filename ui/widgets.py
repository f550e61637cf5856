"""Streamlit pieces more than one page uses: the search picker, report tables with downloads, the graph frame,
and moving to another page with something selected."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from reports.model import Report
from ui import data

__all__ = [
    "MAX_OPTIONS",
    "PAGES",
    "as_of_input",
    "frame",
    "goto",
    "graph_frame",
    "pick",
    "show_report",
    "show_table",
]


@dataclass(frozen=True, slots=True)
class PageInfo:
    file: str  # relative to app.py
    title: str
    icon: str  # Material icon (drawn from the font Streamlit ships; never used as a favicon)
    url_path: str  # the page's address under the app's root


PAGES = {
    "overview": PageInfo("ui/overview.py", "Tổng quan", ":material/dashboard:", ""),  # the default page: /
    "cascade": PageInfo("ui/cascade.py", "Sơ đồ chỉ đạo", ":material/account_tree:", "so-do-chi-dao"),
    "document": PageInfo("ui/document.py", "Văn bản", ":material/description:", "van-ban"),
    "organ": PageInfo("ui/organ.py", "Cơ quan", ":material/account_balance:", "co-quan"),
    "gaps": PageInfo("ui/gaps.py", "Khoảng trống", ":material/report:", "khoang-trong"),
    "cypher": PageInfo("ui/cypher.py", "Truy vấn Cypher", ":material/terminal:", "truy-van"),
    "upload": PageInfo("ui/upload.py", "Nạp văn bản", ":material/upload_file:", "nap-van-ban"),
}
MAX_OPTIONS = 200
FULL_TABLE_ROWS = 30  # a table this short is shown without a scroll bar


def goto(page: str, **state: Any) -> None:
    """Open another page with ``state`` (e.g. ``doc=uid``) already chosen there."""
    for key, value in state.items():
        st.session_state[f"selected_{key}"] = value
    st.switch_page(PAGES[page].file)


def _preselected(name: str) -> str | None:
    """What another page (or the address bar, ``?uid=…``) asked this page to show."""
    chosen = st.session_state.pop(f"selected_{name}", None)
    if chosen:
        return str(chosen)
    from_url = st.query_params.get("uid")
    if from_url and st.session_state.get(f"{name}_from_url") != from_url:
        st.session_state[f"{name}_from_url"] = from_url  # once: later choices on the page win
        return from_url
    return None


def pick(label: str, kinds: Sequence[str], key: str, *, placeholder: str = "") -> data.Choice | None:
    """A search box (with or without diacritics) and the list of what it finds; returns the choice."""
    options = data.choices(kinds)
    wanted = _preselected(key)
    if wanted and any(c.uid == wanted for c in options):
        st.session_state[f"{key}_query"] = ""
        st.session_state[f"{key}_uid"] = wanted
    query = st.text_input(label, key=f"{key}_query", placeholder=placeholder)
    found = data.search(query, options) if query.strip() else options
    if not found:
        st.info(f"Không tìm thấy kết quả cho “{query}”.")
        return None
    by_uid = {c.uid: c for c in found[:MAX_OPTIONS]}
    current = st.session_state.get(f"{key}_uid")
    if current not in by_uid:
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


def frame(rows: Sequence[dict[str, Any]], columns: dict[str, str]) -> pd.DataFrame:
    """A table of ``rows`` with ``columns`` (key → Vietnamese heading) in that order; lists joined."""
    table = pd.DataFrame([{heading: _cell(r.get(k)) for k, heading in columns.items()} for r in rows])
    return table if len(table) else pd.DataFrame(columns=list(columns.values()))


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value if v not in (None, ""))
    return value


def show_report(report: Report, stem: str, key: str, first: Sequence[str] = ()) -> None:
    """The report's summary and tables, with its .xlsx, .docx and .csv downloads.

    ``first`` names columns to show leftmost (the files keep the report's own order).
    """
    if report.subtitle:
        st.caption(report.subtitle)
    if report.summary:
        cols = st.columns(min(len(report.summary), 4))
        for i, (name, value) in enumerate(report.summary.items()):
            cols[i % len(cols)].metric(name, "" if value is None else str(value))
    for part in report.tables:
        if len(report.tables) > 1:
            st.markdown(f"**{part.name}**")
        shown = data.table_frame(part)
        show_table(
            shown, column_order=[c for c in first if c in shown.columns] + [c for c in shown if c not in first]
        )
        if part.note:
            st.caption(part.note)
    buttons = st.columns(3)
    for col, (ext, payload, name, mime) in zip(buttons, data.report_files(report, stem), strict=True):
        col.download_button(f"Tải .{ext}", payload, file_name=name, mime=mime, key=f"{key}_{ext}")


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
