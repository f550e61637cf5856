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

import functools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from jinja2 import Environment, FileSystemLoader
from pyvis.network import Network

from common.glossary import RELATIONS
from ui.components.layered_layout import Box, dot_source, layered_boxes, wrap_label

__all__ = [
    "EDGE_LABELS",
    "EDGE_STYLE",
    "KIND_STYLE",
    "STATUS_STYLE",
    "GEdge",
    "GNode",
    "edge_legend_items",
    "hierarchy_levels",
    "image_source",
    "layout_boxes",
    "legend_items",
    "render_html",
    "strip_remote_tags",
]


@dataclass(frozen=True, slots=True)
class GNode:
    """A node to draw. ``kind`` picks the shape and base colour, ``status`` (when set) a warning colour."""

    uid: str
    kind: str  # resolution | document | organ | group | task | section | person | other
    # (folded groups: documents | tasks | units)
    label: str
    tooltip: str = ""
    status: str | None = None  # a key of STATUS_STYLE (cited, missing, late, overdue, on_time…)
    region: str = ""  # what a group of such nodes is told apart by: a kind or level of organ, a section


@dataclass(frozen=True, slots=True)
class GEdge:
    source: str
    target: str
    type: str
    label: str | None = None  # defaults to the Vietnamese name of ``type``
    dashed: bool = False


# (Vietnamese legend name, fill colour, vis shape). Every colour is distinct, so the legend names it alone.
KIND_STYLE: dict[str, tuple[str, str, str]] = {
    "resolution": ("Nghị quyết", "#1f4e79", "box"),
    "document": ("Văn bản (kế hoạch, chương trình…)", "#2e75b6", "box"),
    "organ": ("Cơ quan", "#70ad47", "box"),
    "group": ("Nhóm cơ quan", "#c5e0b4", "box"),
    "documents": ("Nhóm văn bản (bấm để mở)", "#9dc3e6", "box"),
    "tasks": ("Nhóm nhiệm vụ (bấm để mở)", "#d9d2e9", "box"),
    "units": ("Nhóm đơn vị (bấm để mở)", "#e0e0e0", "box"),
    "task": ("Nhiệm vụ", "#b4a7d6", "box"),
    "section": ("Mục", "#eeeeee", "box"),
    "person": ("Người ký", "#f6e0b5", "box"),
    "other": ("Khác", "#cfd8dc", "box"),
}

# Warning colours override the kind's colour (the legend lists them apart); the audit's words (common.glossary).
STATUS_STYLE: dict[str, tuple[str, str]] = {
    "cited": ("Chỉ được dẫn chiếu (chưa có văn bản trong kho)", "#bdbdbd"),
    "missing": ("Chưa ban hành kế hoạch (đã quá hạn)", "#e63946"),
    "not_found": ("Chưa thấy kế hoạch (không quy định thời hạn)", "#f28482"),
    "not_yet_due": ("Chưa đến hạn ban hành kế hoạch", "#8ecae6"),
    "late": ("Ban hành kế hoạch chậm", "#f4a261"),
    "on_time": ("Ban hành kế hoạch đúng hạn", "#2a9d8f"),
    "issued": ("Đã ban hành (không có thời hạn để đối chiếu)", "#57cc99"),
    "units_not_listed": ("Chưa xác minh (chưa có danh sách đơn vị)", "#fff3b0"),
    "unresolved": ("Cơ quan chưa xác định", "#ffd166"),
    "overdue": ("Nhiệm vụ quá hạn", "#c1121f"),
}

EDGE_LABELS: dict[str, str] = RELATIONS

# (colour, dashed) of an edge; the legend names each one present.
EDGE_STYLE: dict[str, tuple[str, bool]] = {
    "IMPLEMENTS": ("#1f4e79", False),
    "CITES": ("#9e9e9e", True),
    "REQUIRES_SUBPLAN": ("#e76f51", True),
    "ISSUED_BY": ("#70ad47", False),
    "HAS_TASK": ("#8e7cc3", False),
    "ASSIGNED_TO": ("#6a994e", True),
    "SIGNED_BY": ("#c9a227", False),
}
_OTHER_EDGE = ("#888888", False)

_LIGHT_TEXT = {"resolution", "document"}
_FONT_PX = 13
_REMOTE_TAG = re.compile(
    r"<(?:link|script)\b[^>]*\b(?:href|src)\s*=\s*[\"']https?://[^>]*>(?:\s*</script>)?", re.IGNORECASE
)
_LEGEND_PX = 58  # the legend's strip above the picture
_EXTRA_CSS = (
    "<style>.vis-tooltip{white-space:pre-wrap!important;max-width:460px;font-family:sans-serif!important;"
    "font-size:13px!important}body{margin:0}#mynetwork{border:none!important}.card{border:none!important}"
    f"#kg-legend{{height:{_LEGEND_PX - 8}px;overflow-y:auto;background:#fafafa;border-bottom:1px solid #ddd;"
    "padding:3px 8px;font:12px sans-serif;line-height:1.5}"
    "#kg-legend b{margin-right:8px}#kg-legend div{display:inline-block;margin-right:12px;white-space:nowrap}"
    "#kg-legend span{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:4px;"
    "vertical-align:-1px;border:1px solid #888}#kg-legend i{display:inline-block;width:18px;height:0;"
    "margin-right:4px;vertical-align:3px;border-top-width:2px}</style>"
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
    """(name, colour) for each kind and status present, kinds first: every colour drawn is named."""
    nodes = list(nodes)
    kinds = [k for k in KIND_STYLE if any(n.kind == k and n.status not in STATUS_STYLE for n in nodes)]
    statuses = [s for s in STATUS_STYLE if any(n.status == s for n in nodes)]
    return [(KIND_STYLE[k][0], KIND_STYLE[k][1]) for k in kinds] + [STATUS_STYLE[s] for s in statuses]


def edge_legend_items(edges: Iterable[GEdge]) -> list[tuple[str, str, bool]]:
    """(name, colour, dashed) for each kind of edge present."""
    types = sorted({e.type for e in edges}, key=lambda t: (t not in EDGE_STYLE, list(EDGE_STYLE).index(t)
                                                            if t in EDGE_STYLE else 0, t))  # fmt: skip
    return [(EDGE_LABELS.get(t, t), *EDGE_STYLE.get(t, _OTHER_EDGE)) for t in types]


def _colour(node: GNode) -> str:
    fill = KIND_STYLE.get(node.kind, KIND_STYLE["other"])[1]
    return STATUS_STYLE[node.status][1] if node.status in STATUS_STYLE else fill


def _node_options(node: GNode, box: Box | None) -> dict[str, Any]:
    light_text = node.kind in _LIGHT_TEXT and node.status not in STATUS_STYLE
    label = wrap_label(node.label)
    options: dict[str, Any] = {
        "label": label,
        "title": node.tooltip or node.label,
        "shape": "box",
        "color": {"background": _colour(node), "border": "#555555"},
        "font": {"color": "#ffffff" if light_text else "#222222", "face": "sans-serif", "size": _FONT_PX},
        "margin": 6,
    }
    if box is None:
        options["widthConstraint"] = {"maximum": 200}
    else:  # the box dot reserved: the label wraps inside it, so boxes cannot grow into each other
        options.update(x=round(box.x), y=round(box.y), fixed=True, physics=False)
        options["widthConstraint"] = {"minimum": round(box.width), "maximum": round(box.width)}
        options["heightConstraint"] = {"minimum": round(box.height), "valign": "middle"}
    if node.status in {"cited", "unresolved", "units_not_listed"}:
        options["shapeProperties"] = {"borderDashes": [5, 4]}
        options["borderWidth"] = 2
    if node.kind in {"documents", "tasks", "units"}:
        options["borderWidth"] = 2
        options["shapeProperties"] = {"borderDashes": [2, 3]}
    return options


def _options(layered: bool) -> dict[str, Any]:
    interaction = {"hover": True, "navigationButtons": False, "tooltipDelay": 120, "dragNodes": not layered}
    edges: dict[str, Any] = {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "font": {"size": 10}}
    if not layered:
        physics = {"solver": "forceAtlas2Based", "stabilization": {"iterations": 150}}
        return {"interaction": interaction, "edges": edges, "physics": physics}
    edges["smooth"] = False
    return {"interaction": interaction, "edges": edges, "physics": {"enabled": False}}


def _legend_html(nodes: Sequence[GNode], edges: Sequence[GEdge]) -> str:
    rows = "".join(
        f'<div><span style="background:{colour}"></span>{escape(name)}</div>'
        for name, colour in legend_items(nodes)
    )
    rows += "".join(
        f'<div><i style="border-top-style:{"dashed" if dashed else "solid"};border-color:{colour}"></i>'
        f"{escape(name)}</div>"
        for name, colour, dashed in edge_legend_items(edges)
    )
    return f'<div id="kg-legend"><b>Chú giải</b>{rows}</div>'


def _click_script(clickable: Iterable[str], target: str) -> str:
    """On a click on a group, write its id into the page's hidden box labelled ``target`` (the page opens it).

    The picture is an iframe of the same origin (Streamlit's ``st.iframe``), so it can reach the page's input;
    React only sees a value set through the native setter, and commits a text input on Enter.
    """
    ids = json.dumps(sorted(clickable))
    return f"""<script>
(function () {{
  var clickable = new Set({ids});
  network.on("click", function (p) {{
    if (!p.nodes.length || !clickable.has(p.nodes[0])) return;
    try {{
      var page = window.parent, input = page.document.querySelector('input[aria-label={json.dumps(target)}]');
      if (!input) return;
      var setter = Object.getOwnPropertyDescriptor(page.HTMLInputElement.prototype, "value").set;
      setter.call(input, p.nodes[0]);
      input.dispatchEvent(new Event("input", {{bubbles: true}}));
      var enter = {{key: "Enter", code: "Enter", keyCode: 13, bubbles: true}};
      input.dispatchEvent(new KeyboardEvent("keydown", enter));
    }} catch (e) {{}}
  }});
  network.on("hoverNode", function (p) {{
    document.body.style.cursor = clickable.has(p.node) ? "pointer" : "default";
  }});
  network.on("blurNode", function () {{ document.body.style.cursor = "default"; }});
}})();
</script>"""


def render_html(
    nodes: Sequence[GNode],
    edges: Sequence[GEdge],
    *,
    height: int = 640,
    hierarchical: bool = True,
    clickable: Iterable[str] = (),
    click_target: str | None = None,
) -> str:
    """A complete offline HTML page drawing ``nodes`` and ``edges`` (edges to unknown nodes are dropped).

    ``hierarchical``: rows from :func:`hierarchy_levels`, positions from Graphviz ``dot`` (fixed, no physics);
    else a force layout. A click on a node of ``clickable`` is sent to the page's input labelled ``click_target``.
    """
    known = {n.uid for n in nodes}
    drawn = [e for e in edges if e.source in known and e.target in known]
    boxes = layout_boxes(nodes, drawn) if hierarchical else {}
    net = Network(height=f"{height - _LEGEND_PX}px", width="100%", directed=True, cdn_resources="in_line")
    net.templateEnv = _templates(net.template_dir)
    for node in nodes:
        net.add_node(node.uid, **_node_options(node, boxes.get(node.uid)))
    for e in drawn:
        colour, dashed = EDGE_STYLE.get(e.type, _OTHER_EDGE)
        name = e.label or EDGE_LABELS.get(e.type, e.type)
        net.add_edge(e.source, e.target, title=name, dashes=dashed or e.dashed, color=colour, width=1.4)
    net.set_options(json.dumps(_options(hierarchical)))
    html = strip_remote_tags(net.generate_html())
    html = html.replace("</head>", _EXTRA_CSS + "</head>", 1)
    html = html.replace("<body>", "<body>" + _legend_html(nodes, drawn), 1)
    if click_target:
        html = html.replace("</body>", _click_script(clickable, click_target) + "</body>", 1)
    return html


@functools.cache
def _templates(directory: str) -> Environment:
    """One jinja environment for every picture: pyvis makes one per ``Network``, which compiled its page template
    again for each picture drawn (0.1 s)."""
    return Environment(loader=FileSystemLoader(directory))


def layout_boxes(nodes: Sequence[GNode], edges: Sequence[GEdge]) -> dict[str, Box]:
    """Each node's box: rows from :func:`hierarchy_levels`, places within a row from Graphviz ``dot``."""
    levels = hierarchy_levels(nodes, edges)
    specs = [(n.uid, n.label, levels[n.uid]) for n in nodes]
    return layered_boxes(specs, [_downward(e, levels) for e in edges])


def _downward(edge: GEdge, levels: Mapping[str, int]) -> tuple[str, str]:
    """The edge from the upper node to the lower one (an implementing plan points up at its parent)."""
    a, b = edge.source, edge.target
    return (a, b) if levels.get(a, 0) <= levels.get(b, 0) else (b, a)


def image_source(nodes: Sequence[GNode], edges: Sequence[GEdge], title: str = "") -> str:
    """The same picture for Graphviz (SVG, PDF, PNG): the screen's rows and colours, the legend under the title."""
    known = {n.uid for n in nodes}
    drawn = [e for e in edges if e.source in known and e.target in known]
    levels = hierarchy_levels(nodes, drawn)
    styles = {}
    for n in nodes:
        light = n.kind in _LIGHT_TEXT and n.status not in STATUS_STYLE
        styles[n.uid] = f'fillcolor="{_colour(n)}", fontcolor="{"#ffffff" if light else "#222222"}"'
    legend = "Chú giải: " + "; ".join(name for name, _ in legend_items(nodes))
    specs = [(n.uid, wrap_label(n.label), levels[n.uid]) for n in nodes]
    return dot_source(specs, [_downward(e, levels) for e in drawn], styles=styles, title=f"{title}\n{legend}")
