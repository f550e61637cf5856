"""A :class:`~reports.model.Report` on a page: its summary as metrics, its tables, and its .xlsx, .docx and .csv
downloads (the same files ``python -m reports`` writes)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from reports.model import Report, Table
from reports.writers import to_csv_bytes, to_docx_bytes, to_xlsx_bytes
from ui.auth.session import record
from ui.components.text import plain
from ui.components.widgets import show_table
from ui.views.rows import vi_date

__all__ = ["report_files", "show_report", "table_frame"]

_MIME = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": "text/csv",
}


def table_frame(table: Table) -> pd.DataFrame:
    """The table for ``st.dataframe``, dates as ``dd/mm/yyyy``."""
    rows = [[vi_date(c) if isinstance(c, date) else c for c in r] for r in table.rows]
    return pd.DataFrame(rows, columns=list(table.columns))


def report_files(report: Report, stem: str) -> list[tuple[str, Callable[[], bytes], str, str]]:
    """(extension, maker of the bytes, file name, MIME type) of the report as .xlsx, .docx and .csv.

    The bytes are made when a download is asked for, not on every rerun of the page.
    """
    writers: dict[str, Callable[[Report], bytes]] = {
        "xlsx": to_xlsx_bytes,
        "docx": to_docx_bytes,
        "csv": to_csv_bytes,
    }
    return [(ext, partial(write, report), f"{stem}.{ext}", _MIME[ext]) for ext, write in writers.items()]


def show_report(report: Report, stem: str, key: str, first: Sequence[str] = ()) -> None:
    """The report's summary and tables, with its .xlsx, .docx and .csv downloads.

    ``first`` names columns to show leftmost (the files keep the report's own order).
    """
    if report.subtitle:
        st.caption(plain(report.subtitle))
    for line in report.scope:  # what was searched: a "not found" means "not found in these"
        st.caption(plain(line))
    if report.summary:
        cols = st.columns(min(len(report.summary), 4))
        for i, (name, value) in enumerate(report.summary.items()):
            cols[i % len(cols)].metric(name, "" if value is None else str(value))
    for part in report.tables:
        if len(report.tables) > 1:
            st.markdown(f"**{plain(part.name)}**")
        shown = table_frame(part)
        show_table(
            shown, column_order=[c for c in first if c in shown.columns] + [c for c in shown if c not in first]
        )
        if part.note:
            st.caption(plain(part.note))
    buttons = st.columns(3)
    for col, (ext, payload, name, mime) in zip(buttons, report_files(report, stem), strict=True):
        col.download_button(
            f"Tải .{ext}", payload, file_name=name, mime=mime, key=f"{key}_{ext}",
            on_click=record, args=("xuat", name), kwargs={"detail": report.title},
        )  # fmt: skip
