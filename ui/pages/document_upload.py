"""Nạp văn bản: upload documents, see what the loader reads from each before committing, then load them into
the store (write, then relink). Each file's error is shown on its own; one bad file does not stop the others."""

from __future__ import annotations

import streamlit as st

from ui.auth.roles import Permission
from ui.auth.session import require
from ui.components.text import plain
from ui.components.widgets import frame, show_table
from ui.views.admin import record_document
from ui.views.document_upload import ACCEPTED_TEXT, ACCEPTED_TYPES, Preview, load_uploads, preview_upload

_FIELDS = {"field": "Thông tin", "value": "Giá trị"}

# Streamlit's uploader has no option for its own words ("Upload", "200MB per file"): CSS hides them and writes
# Vietnamese in their place. What CSS cannot reach: the hidden file input's aria-label ("file upload", read by
# screen readers) and the words of the browser's own file dialog (the system's language).
_UPLOADER_CSS = """<style>
[data-testid=stFileUploaderDropzoneInstructions] span {display:none !important}
[data-testid=stFileUploaderDropzoneInstructions] > div::before
  {content:"Kéo thả tệp vào đây hoặc bấm “Chọn tệp”"; font-size:14px; display:block}
[data-testid=stFileUploaderDropzoneInstructions] > div::after
  {content:"Mỗi tệp tối đa 200 MB · TXT, MD, DOCX, PDF"; font-size:12px; color:#808495; display:block}
[data-testid=stFileUploaderDropzone] button [data-testid=stMarkdownContainer] p {display:none !important}
[data-testid=stFileUploaderDropzone] button [data-testid=stMarkdownContainer]::after {content:"Chọn tệp"}
</style>"""


def _show_preview(preview: Preview) -> bool:
    """Shows what was read; returns whether the file may be loaded (a non-directive once confirmed)."""
    with st.expander(plain(preview.name), expanded=True):
        if preview.error:
            st.error(f"{plain(preview.name)}: không đọc được tệp — {plain(preview.error)}. Tệp không được lưu.")
            return False
        st.markdown(f"**{plain(preview.heading)}**")
        confirmed = True
        if not preview.looks_like_directive:
            st.warning("Tệp này không có dấu hiệu của văn bản chỉ đạo (không số, không ngày, không mục, không "
                       "nhiệm vụ có cơ quan chủ trì hay thời hạn).")  # fmt: skip
            confirmed = st.checkbox(f"Vẫn nạp tệp {plain(preview.name)}", key=f"confirm_{preview.name}")
        show_table(frame([{"field": k, "value": v} for k, v in preview.summary], _FIELDS))
        for warning in preview.warnings:
            st.warning(plain(warning))
        st.caption("Bản ghi đầy đủ (JSON)")
        st.json(preview.record or {}, expanded=False)
        return confirmed


def _load(files: list[tuple[str, bytes]], confirmed: list[str]) -> None:
    require(Permission.UPLOAD)  # again at the action: the session may have ended since the page was drawn
    with st.spinner("Đang nạp vào kho và liên kết lại…"):
        outcomes = load_uploads(files, confirmed)
    for o in outcomes:
        if o.ok and o.uid:
            record_document("nap", o.uid, o.symbol or o.name, detail=o.name)
    columns = {
        "name": "Tệp",
        "symbol": "Số, ký hiệu",
        "contents": "Nội dung",
        "warnings": "Cảnh báo",
        "result": "Kết quả",
    }
    show_table(frame(outcomes, columns))
    loaded = sum(o.ok for o in outcomes)
    if loaded:
        st.success(f"Đã nạp {loaded}/{len(outcomes)} tệp vào kho và chạy lại bước liên kết.")
    for o in outcomes:
        if not o.ok:
            st.error(f"{plain(o.name)}: {plain(o.error)}")


def render() -> None:
    st.title("Nạp văn bản")
    st.caption(f"Tải lên tệp {ACCEPTED_TEXT}; kiểm tra nội dung đọc được trước khi nạp vào kho.")
    st.html(_UPLOADER_CSS)
    uploaded = st.file_uploader(
        "Chọn tệp văn bản",
        type=ACCEPTED_TYPES,
        accept_multiple_files=True,
        key="upload_files",
        help="Kéo thả tệp vào ô dưới đây hoặc bấm “Chọn tệp”; mỗi tệp tối đa 200 MB.",
    )
    if not uploaded:
        return
    files = [(f.name, f.getvalue()) for f in uploaded]
    confirmed = [name for name, payload in files if _show_preview(preview_upload(name, payload))]
    if st.button(f"Nạp {len(files)} tệp vào kho", type="primary", key="upload_commit"):
        _load(files, confirmed)


if __name__ == "__main__":
    require(Permission.UPLOAD)  # on the server, before anything is read or drawn
    render()
