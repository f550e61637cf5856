"""Lược đồ dữ liệu: what an analyst can query — labels with their properties and types, relationship types with
their meaning, and the patterns the store holds with counts (``python -m graph schema`` on the page)."""

from __future__ import annotations

import streamlit as st

from common.glossary import TERMS
from ui.auth.roles import Permission
from ui.auth.session import require
from ui.components.schema_panel import show_schema


def render() -> None:
    st.title(TERMS["schema"])
    st.caption(
        "Các nhãn nút với thuộc tính và kiểu của chúng, các loại quan hệ và các mẫu (nhãn)-[quan hệ]->(nhãn) "
        "có trong kho, kèm số lượng. Ngày là giá trị ngày: so sánh bằng date('2026-11-23'). "
        "Tên nhãn, thuộc tính và quan hệ được giữ nguyên để gõ vào câu lệnh Cypher."
    )
    show_schema("schema")


if __name__ == "__main__":
    require(Permission.QUERY)  # on the server, before anything is read or drawn (the console's permission)
    render()
