"""Graph pictures for the app: plain nodes and edges in, a self-contained HTML page (pyvis, vis-network) out.

A pure function of its input, so it is tested without Streamlit or a browser. The page works offline:
vis-network is inlined (``cdn_resources='in_line'``) and every ``<link>``/``<script>`` tag that points at
``http(s)`` (pyvis's bootstrap) is removed, so rendering it makes no request off the machine. (The inlined
library still *mentions* ``https://`` addresses in its licence comments; it never fetches them.)

>>> html = render_html([GNode("a", "document", "80-KH/ĐUK")], [])
>>> "new vis.Network" in html and strip_remote_tags(html) == html
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from pyvis.network import Network

__all__ = [
    "EDGE_LABELS",
    "KIND_STYLE",
    "STATUS_STYLE",
    "GEdge",
    "GNode",
    "hierarchy_levels",
    "legend_items",
    "render_html",
    "strip_remote_tags",
]


@dataclass(frozen=True, slots=True)
class GNode:
    """A node to draw. ``kind`` picks the shape and base colour, ``status`` (when set) a warning colour."""

    uid: str
    kind: str  # resolution | document | organ | group | task | section | person | other; folded: tasks | units
    label: str
    tooltip: str = ""
    status: str | None = None  # cited | missing | late | overdue | unresolved | on_time


@dataclass(frozen=True, slots=True)
class GEdge:
    source: str
    target: str
    type: str
    label: str | None = None  # defaults to the Vietnamese name of ``type``
    dashed: bool = False


# (Vietnamese legend name, fill colour, vis shape)
KIND_STYLE: dict[str, tuple[str, str, str]] = {
    "resolution": ("Nghị quyết", "#1f4e79", "box"),
    "document": ("Văn bản (kế hoạch, chương trình…)", "#2e75b6", "box"),
    "organ": ("Cơ quan", "#70ad47", "ellipse"),
    "group": ("Nhóm cơ quan", "#a9d18e", "ellipse"),
    "tasks": ("Nhiệm vụ (thu gọn)", "#d9d2e9", "box"),
    "units": ("Nhóm đơn vị (thu gọn)", "#e0e0e0", "box"),
    "task": ("Nhiệm vụ", "#b4a7d6", "dot"),
    "section": ("Mục", "#eeeeee", "box"),
    "person": ("Người ký", "#f6e0b5", "ellipse"),
    "other": ("Khác", "#cfd8dc", "dot"),
}

# Warning colours override the kind's colour (the legend lists them apart).
STATUS_STYLE: dict[str, tuple[str, str]] = {
    "cited": ("Chỉ được dẫn chiếu (chưa có văn bản)", "#bdbdbd"),
    "missing": ("Chưa ban hành kế hoạch", "#e63946"),
    "late": ("Ban hành muộn", "#f4a261"),
    "overdue": ("Nhiệm vụ quá hạn", "#c1121f"),
    "unresolved": ("Cơ quan chưa xác định", "#ffd166"),
    "on_time": ("Đã ban hành đúng hạn", "#2a9d8f"),
}

EDGE_LABELS: dict[str, str] = {
    "IMPLEMENTS": "thực hiện",
    "CITES": "dẫn chiếu",
    "ISSUED_BY": "ban hành bởi",
    "REQUIRES_SUBPLAN": "yêu cầu kế hoạch",
    "ASSIGNED_TO": "giao cho",
    "REPORTS_TO": "báo cáo",
    "SENT_TO": "gửi",
    "SIGNED_BY": "ký",
    "RECEIVED_BY": "đến",
    "HAS_SECTION": "mục",
    "HAS_TASK": "nhiệm vụ",
    "DERIVED_FROM": "cụ thể hóa",
    "PART_OF": "thuộc",
    "MEMBER_OF": "thành viên",
    "SUCCEEDED_BY": "kế thừa bởi",
}

_LIGHT_TEXT = {"resolution", "document"}
_REMOTE_TAG = re.compile(
    r"<(?:link|script)\b[^>]*\b(?:href|src)\s*=\s*[\"']https?://[^>]*>(?:\s*</script>)?", re.IGNORECASE
)
_EXTRA_CSS = (
    "<style>.vis-tooltip{white-space:pre-wrap!important;max-width:460px;font-family:sans-serif!important;"
    "font-size:13px!important}body{margin:0}#mynetwork{border:none!important}.card{border:none!important}"
    "#kg-legend{position:absolute;top:6px;left:6px;background:rgba(255,255,255,.92);border:1px solid #ddd;"
    "border-radius:6px;padding:6px 9px;font:12px sans-serif;z-index:10;line-height:1.55}"
    "#kg-legend span{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;"
    "vertical-align:-1px;border:1px solid #888}</style>"
)


def strip_remote_tags(html: str) -> str:
    """Remove every ``<link>``/``<script>`` that would fetch from ``http(s)``; inline content stays."""
    return _REMOTE_TAG.sub("", html)


def hierarchy_levels(nodes: Sequence[GNode], edges: Sequence[GEdge]) -> dict[str, int]:
    """Rows for the hierarchical layout: the top of the cascade on row 0, each plan below what it implements.

    Documents are placed by their depth in the IMPLEMENTS chain, everything else on the row below the nearest
    document it touches (a plan's organs and tasks hang under it); rows nothing sits on are dropped.
    """
    uids = {n.uid for n in nodes}
    docs = {n.uid for n in nodes if n.kind in {"resolution", "document"} or n.status == "cited"}
    parents: dict[str, set[str]] = {}
    for e in edges:
        if e.type == "IMPLEMENTS" and e.source in docs and e.target in docs and e.source != e.target:
            parents.setdefault(e.source, set()).add(e.target)
    depth: dict[str, int] = {}
    for uid in sorted(docs):
        _depth(uid, parents, depth, set())
    levels = {uid: 2 * d for uid, d in depth.items()}
    _spread(levels, [e for e in edges if e.source in uids and e.target in uids])
    rows = {level: n for n, level in enumerate(sorted(set(levels.values())))}  # no empty row between plans
    return {n.uid: rows[levels[n.uid]] if n.uid in levels else 0 for n in nodes}


def _depth(uid: str, parents: Mapping[str, set[str]], memo: dict[str, int], seen: set[str]) -> int:
    if uid in memo:
        return memo[uid]
    seen = seen | {uid}
    above = [_depth(p, parents, memo, seen) for p in parents.get(uid, ()) if p not in seen]
    memo[uid] = max(above) + 1 if above else 0
    return memo[uid]


def _spread(levels: dict[str, int], edges: Sequence[GEdge]) -> None:
    """Place every other node one row under its highest placed neighbour (documents stay where they are)."""
    fixed = set(levels)
    changed = True
    while changed:
        changed = False
        for e in edges:
            for a, b in ((e.source, e.target), (e.target, e.source)):
                if a in levels and b not in fixed and levels.get(b, 1 << 30) > levels[a] + 1:
                    levels[b] = levels[a] + 1
                    changed = True


def legend_items(nodes: Iterable[GNode]) -> list[tuple[str, str]]:
    """(name, colour) for each kind and status present, kinds first."""
    nodes = list(nodes)
    kinds = [k for k in KIND_STYLE if any(n.kind == k and not n.status for n in nodes)]
    statuses = [s for s in STATUS_STYLE if any(n.status == s for n in nodes)]
    return [(KIND_STYLE[k][0], KIND_STYLE[k][1]) for k in kinds] + [STATUS_STYLE[s] for s in statuses]


def _node_options(node: GNode) -> dict[str, Any]:
    _, fill, shape = KIND_STYLE.get(node.kind, KIND_STYLE["other"])
    colour = STATUS_STYLE[node.status][1] if node.status in STATUS_STYLE else fill
    light_text = node.kind in _LIGHT_TEXT and node.status not in {"cited", "late", "unresolved"}
    options: dict[str, Any] = {
        "label": node.label,
        "title": node.tooltip or node.label,
        "shape": shape,
        "color": {"background": colour, "border": "#555555"},
        "font": {"color": "#ffffff" if light_text and shape == "box" else "#222222", "face": "sans-serif"},
        "size": 10 if shape == "dot" else 25,
    }
    if shape != "dot":
        options["widthConstraint"] = {"maximum": 170}
    if node.status in {"cited", "unresolved"}:
        options["shapeProperties"] = {"borderDashes": [5, 4]}
        options["borderWidth"] = 2
    return options


def _options(hierarchical: bool) -> dict[str, Any]:
    interaction = {"hover": True, "navigationButtons": False, "tooltipDelay": 120}
    edges = {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}, "font": {"size": 10, "align": "middle"}}
    if not hierarchical:
        physics = {"solver": "forceAtlas2Based", "stabilization": {"iterations": 150}}
        return {"interaction": interaction, "edges": edges, "physics": physics}
    layout = {
        "hierarchical": {
            "enabled": True,
            "direction": "UD",
            "sortMethod": "directed",
            "levelSeparation": 110,
            "nodeSpacing": 215,
            "treeSpacing": 190,
        }
    }
    edges["smooth"] = {"type": "cubicBezier", "forceDirection": "vertical"}
    return {"interaction": interaction, "edges": edges, "layout": layout, "physics": {"enabled": False}}


def _legend_html(nodes: Sequence[GNode]) -> str:
    rows = "".join(
        f'<div><span style="background:{colour}"></span>{escape(name)}</div>'
        for name, colour in legend_items(nodes)
    )
    return f'<div id="kg-legend"><b>Chú giải</b>{rows}</div>'


def render_html(
    nodes: Sequence[GNode], edges: Sequence[GEdge], *, height: int = 640, hierarchical: bool = True
) -> str:
    """A complete offline HTML page drawing ``nodes`` and ``edges`` (edges to unknown nodes are dropped)."""
    net = Network(height=f"{height}px", width="100%", directed=True, cdn_resources="in_line")
    levels = hierarchy_levels(nodes, edges) if hierarchical else {}
    for node in nodes:
        extra = {"level": levels[node.uid]} if hierarchical else {}
        net.add_node(node.uid, **_node_options(node), **extra)
    known = {n.uid for n in nodes}
    for e in edges:
        if e.source in known and e.target in known:
            dashes = e.dashed or e.type in {"CITES", "REQUIRES_SUBPLAN"}
            net.add_edge(
                e.source,
                e.target,
                label=e.label or EDGE_LABELS.get(e.type, e.type),
                dashes=dashes,
                color="#888888",
            )
    net.set_options(json.dumps(_options(hierarchical)))
    html = strip_remote_tags(net.generate_html())
    html = html.replace("</head>", _EXTRA_CSS + "</head>", 1)
    return html.replace("<body>", "<body>" + _legend_html(nodes), 1)
