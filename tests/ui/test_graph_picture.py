"""The graph picture as a pure function: layout rows, colours, legend, and an HTML page that needs no network."""

from __future__ import annotations

import json
import re

import pytest

from ui.components.graph_picture import (
    KIND_STYLE,
    STATUS_STYLE,
    GEdge,
    GNode,
    hierarchy_levels,
    legend_items,
    render_html,
    strip_remote_tags,
)

CASCADE = [
    GNode("27", "resolution", "27-NQ/TW", status="cited"),
    GNode("11", "document", "11-KH/TW", status="cited"),
    GNode("60", "document", "60-KH/TU"),
    GNode("80", "document", "80-KH/ĐUK"),
    GNode("bloc", "organ", "Đảng ủy Khối", status="on_time"),
    GNode("police", "organ", "Đảng ủy Công an tỉnh", status="missing"),
    GNode("80#tasks", "tasks", "20 nhiệm vụ"),
]
EDGES = [
    GEdge("80", "60", "IMPLEMENTS"),
    GEdge("80", "27", "IMPLEMENTS", dashed=True),
    GEdge("60", "11", "IMPLEMENTS"),
    GEdge("60", "27", "IMPLEMENTS", dashed=True),
    GEdge("11", "27", "IMPLEMENTS"),
    GEdge("60", "bloc", "REQUIRES_SUBPLAN"),
    GEdge("60", "police", "REQUIRES_SUBPLAN"),
    GEdge("80", "80#tasks", "HAS_TASK"),
]


def test_the_resolution_is_on_top_and_each_plan_below_what_it_implements() -> None:
    levels = hierarchy_levels(CASCADE, EDGES)
    assert [levels[u] for u in ("27", "11", "60", "80")] == [0, 1, 2, 4]  # the longest chain decides
    assert levels["bloc"] == levels["police"] == 3  # under the plan that ordered them
    assert levels["80#tasks"] == 5


def test_a_cycle_in_bad_data_does_not_hang_the_layout() -> None:
    nodes = [GNode("a", "document", "A"), GNode("b", "document", "B")]
    levels = hierarchy_levels(nodes, [GEdge("a", "b", "IMPLEMENTS"), GEdge("b", "a", "IMPLEMENTS")])
    assert set(levels) == {"a", "b"}


def _vis_data(html: str, name: str) -> list[dict]:
    match = re.search(rf"{name} = new vis\.DataSet\((\[.*?\])\);", html, re.DOTALL)
    assert match, f"no {name} in the page"
    return json.loads(match.group(1))


def test_html_is_offline_and_holds_every_node_with_its_colour() -> None:
    html = render_html(CASCADE, EDGES)
    assert not re.search(r"<(script|link)[^>]+(src|href)=[\"']https?:", html)
    assert "vis-network" in html and "Chú giải" in html
    nodes = {n["id"]: n for n in _vis_data(html, "nodes")}
    assert set(nodes) == {n.uid for n in CASCADE}
    assert nodes["police"]["color"]["background"] == STATUS_STYLE["missing"][1]
    assert nodes["60"]["color"]["background"] == KIND_STYLE["document"][1]
    assert nodes["27"]["shapeProperties"] == {"borderDashes": [5, 4]}  # cited only
    assert "group" not in nodes["60"]  # a group would override the colour in vis-network
    assert len(_vis_data(html, "edges")) == len(EDGES)


def test_edges_to_nodes_not_drawn_are_dropped() -> None:
    html = render_html(CASCADE[:2], [GEdge("11", "27", "IMPLEMENTS"), GEdge("11", "nowhere", "CITES")])
    assert len(_vis_data(html, "edges")) == 1


def test_legend_names_the_kinds_and_warnings_present() -> None:
    names = [name for name, _ in legend_items(CASCADE)]
    assert STATUS_STYLE["missing"][0] in names and STATUS_STYLE["cited"][0] in names
    assert "Người ký" not in names


@pytest.mark.parametrize(
    "tag",
    [
        '<script src="https://cdn.jsdelivr.net/npm/bootstrap.js"></script>',
        "<link href='http://example.org/a.css' rel='stylesheet'>",
        '<SCRIPT SRC="https://x.org/y.js" integrity="sha"></SCRIPT>',
    ],
)
def test_remote_tags_are_stripped_and_inline_ones_kept(tag: str) -> None:
    assert strip_remote_tags(f"<head>{tag}<script>var a = 1;</script></head>") == (
        "<head><script>var a = 1;</script></head>"
    )
