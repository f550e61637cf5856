"""A layered layout computed by Graphviz ``dot`` (Debian's ``graphviz``), and the same picture as SVG, PDF or PNG.

The cascade is a tree of levels: ``dot`` puts each level on its own row, orders siblings to avoid crossings and
keeps every box apart, in one pass (no simulation, so the same graph always gives the same picture). Each node
is given the size of its label's box before the layout, so the boxes the browser draws at the computed centres
cannot overlap. Everything runs offline, in a subprocess with a time limit.

>>> boxes = layered_boxes([("a", "27-NQ/TW", 0), ("b", "60-KH/TU", 1)], [("a", "b")])
>>> boxes["a"].y < boxes["b"].y
True
"""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from common.errors import DirectiveGraphError

__all__ = [
    "CHAR_PX",
    "LINE_PX",
    "Box",
    "LayoutError",
    "box_size",
    "dot_source",
    "layered_boxes",
    "render_dot",
    "wrap_label",
]

CHAR_PX = 8.0  # widest average advance of a 13 px sans-serif Vietnamese label (capitals and diacritics)
LINE_PX = 17.0  # one line of a 13 px label
_PAD_X, _PAD_Y = 18.0, 12.0
# What the browser adds around a box's constraint (vis-network's margins, border, line spacing): dot keeps this
# much more room around each box than it is told the box needs, so the drawn boxes cannot touch.
ROOM_X, ROOM_Y = 34.0, 40.0
WRAP = 24  # characters per label line
_TIMEOUT_S = 20


class LayoutError(DirectiveGraphError, RuntimeError):
    """Graphviz is missing or failed: the picture cannot be laid out."""


@dataclass(frozen=True, slots=True)
class Box:
    """A node's box in screen pixels: centre ``x``, ``y`` (y grows downwards), ``width``, ``height``."""

    x: float
    y: float
    width: float
    height: float

    def overlaps(self, other: Box) -> bool:
        return (
            abs(self.x - other.x) * 2 < self.width + other.width
            and abs(self.y - other.y) * 2 < self.height + other.height
        )


# (uid, label, row) and (upper uid, lower uid)
NodeSpec = tuple[str, str, int]
EdgeSpec = tuple[str, str]


def wrap_label(label: str, width: int = WRAP) -> str:
    """Each line of ``label`` wrapped at ``width`` characters (a long title never makes a box wider)."""
    lines = [part for line in label.split("\n") for part in (textwrap.wrap(line, width) or [""])]
    return "\n".join(lines)


def box_size(label: str) -> tuple[float, float]:
    """The box (width, height) in pixels a wrapped label needs."""
    lines = label.split("\n")
    return max(len(line) for line in lines) * CHAR_PX + _PAD_X, len(lines) * LINE_PX + _PAD_Y


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def dot_source(
    nodes: Sequence[NodeSpec],
    edges: Sequence[EdgeSpec],
    *,
    styles: dict[str, str] | None = None,
    title: str = "",
    room: bool = False,
) -> str:
    """A DOT graph: one row per level (``rank=same``), boxes of fixed size, edges from upper to lower rows.

    ``styles`` adds attributes per node (colours for an image); ``room`` keeps space for the browser's margins
    around each box (for the layout the browser draws).
    """
    styles = styles or {}
    out = [
        "digraph cascade {",
        'graph [rankdir=TB, nodesep=0.3, ranksep=0.55, splines=line, fontname="DejaVu Sans", fontsize=12'
        + (f", label={_quote(title)}, labelloc=t" if title else "")
        + "];",
        'node [shape=box, fixedsize=true, fontname="DejaVu Sans", fontsize=10, style="rounded,filled", '
        'fillcolor="#ffffff"];',
        'edge [arrowsize=0.6, color="#888888"];',
    ]
    rows: dict[int, list[str]] = {}
    known = set()
    for uid, label, row in nodes:
        width, height = box_size(label)
        if room:
            width, height = width + ROOM_X, height + ROOM_Y
        extra = styles.get(uid, "")
        out.append(
            f"{_quote(uid)} [label={_quote(label)}, width={width / 72:.3f}, height={height / 72:.3f}"
            + (f", {extra}" if extra else "")
            + "];"
        )
        rows.setdefault(row, []).append(_quote(uid))
        known.add(uid)
    # An invisible spine, one point per row, keeps every row on its own rank: without it dot would lift a
    # node onto a row above its level when no edge holds it down.
    order = sorted(rows)
    for row in order:
        anchor = _quote(f"__row{row}")
        out.append(f'{anchor} [style=invis, label="", width=0.01, height=0.01];')
        out.append("{rank=same; " + "; ".join([anchor, *rows[row]]) + ";}")
    for above, below in itertools.pairwise(order):
        out.append(f"{_quote(f'__row{above}')} -> {_quote(f'__row{below}')} [style=invis];")
    row_of = {uid: row for uid, _, row in nodes}
    for upper, lower in edges:
        if upper in known and lower in known and upper != lower:
            same = row_of[upper] == row_of[lower]
            out.append(f"{_quote(upper)} -> {_quote(lower)}" + (" [constraint=false];" if same else ";"))
    out.append("}")
    return "\n".join(out)


def render_dot(source: str, fmt: str) -> bytes:
    """Run ``dot -T<fmt>`` on ``source`` (``json``, ``svg``, ``pdf``, ``png``)."""
    dot = shutil.which("dot")
    if dot is None:
        raise LayoutError("chưa cài Graphviz (lệnh dot): chạy `make graphviz`")
    try:
        done = subprocess.run(
            [dot, f"-T{fmt}"], input=source.encode(), capture_output=True, timeout=_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise LayoutError(f"Graphviz không vẽ xong trong {_TIMEOUT_S} giây") from exc
    if done.returncode != 0:
        raise LayoutError(f"Graphviz báo lỗi: {done.stderr.decode(errors='replace').strip()[:300]}")
    return done.stdout


def layered_boxes(nodes: Sequence[NodeSpec], edges: Sequence[EdgeSpec]) -> dict[str, Box]:
    """Each node's box on screen, laid out by ``dot`` (rows top-down, no two boxes overlapping)."""
    if not nodes:
        return {}
    wrapped = [(uid, wrap_label(label), row) for uid, label, row in nodes]
    answer = json.loads(render_dot(dot_source(wrapped, edges, room=True), "json"))
    _, _, _, top = (float(v) for v in answer["bb"].split(","))
    boxes = {}
    for obj in answer.get("objects", []):
        if "pos" not in obj or obj["name"].startswith("__row"):
            continue  # a rank=same subgraph or the spine
        x, y = (float(v) for v in obj["pos"].split(","))
        width, height = float(obj["width"]) * 72 - ROOM_X, float(obj["height"]) * 72 - ROOM_Y
        boxes[obj["name"]] = Box(x, top - y, width, height)
    return boxes
