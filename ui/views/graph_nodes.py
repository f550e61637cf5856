"""Store rows → the nodes a graph picture draws, with Vietnamese labels and tooltips (number, date, issuer,
title). The cascade map and the Cypher console's result graph draw a node the same way.

>>> node_from_row({"uid": "bd:80", "labels": ["Document"], "symbol": "80-KH/ĐUK", "date": "2023-06-27"}).label
'80-KH/ĐUK\\n27/06/2023'
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any

from ui.components.graph_picture import GNode
from ui.views.rows import vi_date

__all__ = ["node_from_row"]


def node_from_row(row: Mapping[str, Any], status: str | None = None) -> GNode:
    """A picture node from a store row with ``uid``, ``labels`` and whatever properties it has."""
    labels = set(row.get("labels") or ())
    if "Document" in labels:
        return _document_node(row, status)
    if "Organ" in labels or "OrganGroup" in labels:
        kind = "group" if "OrganGroup" in labels else "organ"
        unresolved = "unresolved" if row.get("resolved") is False else None
        return GNode(row["uid"], kind, row.get("name") or row["uid"], _organ_tip(row), status or unresolved)
    if "Task" in labels:
        return _task_node(row, status)
    if "Person" in labels:
        return GNode(row["uid"], "person", row.get("name") or row["uid"], row.get("name") or "")
    if "Section" in labels:
        tip = f"Mục {row.get('path') or ''}: {row.get('heading') or ''}"
        return GNode(row["uid"], "section", row.get("path") or row["uid"], tip)
    name = row.get("name") or row.get("symbol") or row.get("title") or row["uid"]
    return GNode(row["uid"], "other", textwrap.shorten(str(name), 80), str(name))


def _document_node(row: Mapping[str, Any], status: str | None) -> GNode:
    symbol = row.get("symbol") or row["uid"]
    kind = "resolution" if "Resolution" in (row.get("labels") or ()) else "document"
    cited = row.get("status") == "cited"
    tip = [f"{row.get('type_name') or 'Văn bản'} {symbol}"]
    if row.get("date"):
        tip.append(f"Ngày: {vi_date(row['date'])}")
    if row.get("issuers"):
        tip.append("Cơ quan ban hành: " + ", ".join(row["issuers"]))
    if row.get("title"):
        tip.append(textwrap.shorten(str(row["title"]), 300))
    if cited:
        tip.append("(chỉ được dẫn chiếu, chưa có văn bản trong kho)")
    label = f"{symbol}\n{vi_date(row.get('date'))}".strip()
    return GNode(row["uid"], kind, label, "\n".join(tip), "cited" if cited else status)


def _organ_tip(row: Mapping[str, Any]) -> str:
    tip = [str(row.get("name") or row["uid"])]
    if row.get("resolved") is False:
        tip.append("(tên chưa có trong danh mục cơ quan)")
    if row.get("note"):
        tip.append(str(row["note"]))
    return "\n".join(tip)


def _task_node(row: Mapping[str, Any], status: str | None) -> GNode:
    tip = [f"Nhiệm vụ {row.get('path') or ''}", textwrap.shorten(str(row.get("text") or ""), 400)]
    if row.get("deadline") or row.get("deadline_text"):
        tip.append(f"Thời hạn: {vi_date(row.get('deadline'))} {row.get('deadline_text') or ''}".strip())
    if row.get("lead"):
        tip.append("Chủ trì: " + ", ".join(row["lead"]))
    return GNode(row["uid"], "task", str(row.get("path") or "nhiệm vụ"), "\n".join(tip), status)
