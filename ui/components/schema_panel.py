"""The schema as tables (labels and their properties, relationship types, patterns with counts): the whole of it
on the schema page, folded beside the console's editor."""

from __future__ import annotations

import streamlit as st

from ui.components.widgets import frame, show_table
from ui.views.schema import label_properties, labels, patterns, relations

__all__ = ["show_schema"]

_PROPERTY = {"name": "Thuộc tính", "type": "Kiểu", "set_by": "Do ai ghi"}
_RELATION = {"type": "Loại quan hệ", "meaning": "Nghĩa", "properties": "Thuộc tính (kiểu)"}
_PATTERN = {"pattern": "Mẫu", "count": "Số lượng"}


def show_schema(key: str, *, compact: bool = False) -> None:
    """Every label's properties, the relationship types and the store's patterns; ``compact`` for a narrow
    column (one table of labels, no "set by")."""
    if compact:
        rows = [{"label": f"{name} ({words})", "props": ", ".join(p.name for p in label_properties(name))}
                for name, words in labels()]  # fmt: skip
        show_table(frame(rows, {"label": "Nhãn", "props": "Thuộc tính"}), key=f"{key}_labels")
    else:
        for name, words in labels():
            st.markdown(f"**{words}** — nhãn `{name}`")
            show_table(frame(label_properties(name), _PROPERTY), key=f"{key}_label_{name}")
    st.markdown("**Quan hệ**")
    show_table(frame(relations(), _RELATION), key=f"{key}_relations")
    st.markdown("**Các mẫu trong kho**")
    show_table(frame(patterns(), _PATTERN), key=f"{key}_patterns")
