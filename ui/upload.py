"""Nạp văn bản: upload documents, see what the loader reads from each before committing, then load them into
the store (write, then relink). Each file's error is shown on its own; one bad file does not stop the others."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ui import data
from ui.explorer import vi_date
from ui.uploads import Preview
from ui.widgets import frame, show_table

_TYPES = ["txt", "md", "docx", "pdf"]
_COUNTS_VI = {
    "sections": "mục",
    "tasks": "nhiệm vụ",
    "citations": "trích dẫn",
    "sub-plan orders": "yêu cầu kế hoạch",
}


def _summary(record: dict[str, Any]) -> list[dict[str, Any]]:
    signer = record.get("signer") or {}
    rows = [
        ("Số, ký hiệu", record.get("number")),
        ("Loại", record.get("type_name")),
        ("Ngày", vi_date(record.get("date"))),
        ("Nguồn của ngày", record.get("date_source")),
        ("Cơ quan ban hành", record.get("issuer")),
        ("Trích yếu", record.get("title")),
        ("Người ký", signer.get("name")),
        ("Thực hiện", ", ".join(c.get("number") or "?" for c in record.get("implements") or ())),
        ("Số mục / nhiệm vụ", f"{len(record.get('sections') or ())} / {len(record.get('tasks') or ())}"),
        ("Yêu cầu xây dựng kế hoạch", len(record.get("subplan_requirements") or ())),
    ]
    return [{"field": k, "value": str(v)} for k, v in rows if v not in (None, "")]


def _show_preview(preview: Preview) -> None:
    with st.expander(f"{preview.name}", expanded=True):
        if preview.error:
            st.error(f"{preview.name}: không đọc được tệp — {preview.error}")
            return
        record = preview.record or {}
        number = record.get("number") or "(không đọc được số, ký hiệu)"
        issuer = record.get("issuer") or "chưa rõ cơ quan ban hành"
        day = vi_date(record.get("date")) or "chưa rõ ngày"
        st.markdown(f"**{record.get('type_name') or 'Văn bản'} {number}** · {issuer} · {day}")
        show_table(frame(_summary(record), {"field": "Thông tin", "value": "Giá trị"}))
        for warning in preview.warnings:
            st.warning(warning)
        st.caption("Bản ghi đầy đủ (JSON)")
        st.json(record, expanded=False)


def _load(files: list[tuple[str, bytes]]) -> None:
    with st.spinner("Đang nạp vào kho và liên kết lại…"):
        outcomes = data.load_uploads(files)
    rows = [
        {
            "name": o.path,
            "symbol": o.symbol,
            "uid": o.uid,
            "counts": ", ".join(f"{n} {_COUNTS_VI.get(k, k)}" for k, n in o.counts.items()),
            "warnings": len(o.warnings),
            "result": "Đã nạp" if o.ok else f"Lỗi: {o.error}",
        }
        for o in outcomes
    ]
    columns = {
        "name": "Tệp",
        "symbol": "Số, ký hiệu",
        "uid": "Mã trong kho",
        "counts": "Nội dung",
        "warnings": "Cảnh báo",
        "result": "Kết quả",
    }
    show_table(frame(rows, columns))
    loaded = sum(o.ok for o in outcomes)
    if loaded:
        st.success(f"Đã nạp {loaded}/{len(outcomes)} tệp vào kho và chạy lại bước liên kết.")
    for o in outcomes:
        if not o.ok:
            st.error(f"{o.path}: {o.error}")


def render() -> None:
    st.title("Nạp văn bản")
    st.caption("Tải lên tệp .txt, .md, .docx hoặc .pdf; kiểm tra nội dung đọc được trước khi nạp vào kho.")
    uploaded = st.file_uploader("Chọn tệp văn bản", type=_TYPES, accept_multiple_files=True, key="upload_files")
    if not uploaded:
        return
    files = [(f.name, f.getvalue()) for f in uploaded]
    for name, payload in files:
        _show_preview(data.preview_upload(name, payload))
    if st.button(f"Nạp {len(files)} tệp vào kho", type="primary", key="upload_commit"):
        _load(files)


render()
