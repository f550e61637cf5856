"""Side-by-side columns → one column: each column of a block read on its own, left before right.

Vietnamese documents put two cells side by side twice: the header (issuer and number on the left; the national
motto, place and date on the right) and the foot (``Nơi nhận`` on the left, the signature on the right). A
layout text (``pdftotext -layout``) or a PDF read word by word gives both cells on the same rows, so the right
cell leaks into the issuer and the signature into the recipients. This module finds such blocks from the
whitespace between the cells and reads each column on its own.

Rows are tuples of :class:`Segment` (text runs separated by a wide gap) with x positions: character columns
for layout text (:func:`text_rows`), points or pixels for boxes (:func:`box_rows`). A **block** starts at a row
with exactly two segments; the gap between them is the gutter. Following rows join the block while every
segment lies wholly on one side of the gutter (the gutter may narrow, never below ``min_gutter``); a blank row,
a row crossing the gutter or a row of three or more segments (a table) ends it. The block is then read as its
left parts, top to bottom, followed by its right parts. Rows outside blocks are read as they are.

>>> rows = text_rows(["  UBND TỈNH LÀO CAI        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
...                   "  SỞ CÔNG THƯƠNG                Độc lập - Tự do - Hạnh phúc",
...                   "",
...                   "               QUYẾT ĐỊNH"])
>>> for _, seg in reading_order(rows):
...     print(seg.text if seg else "")
UBND TỈNH LÀO CAI
SỞ CÔNG THƯƠNG
<BLANKLINE>
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
<BLANKLINE>
<BLANKLINE>
QUYẾT ĐỊNH
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Segment", "box_rows", "reading_order", "text_rows"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text on one row: its horizontal extent, its text, and (for boxes) its vertical extent and
    mean OCR confidence."""

    x0: float
    x1: float
    text: str
    top: float = 0.0
    bottom: float = 0.0
    confidence: float | None = None
    baseline: float | None = None  # where the letters sit, when known (PDF words): a steadier row key


Row = tuple[Segment, ...]


def text_rows(lines: Sequence[str], min_gap: int = 3) -> list[Row]:
    """Rows of a layout text: each line cut where ``min_gap`` or more spaces separate two runs of words."""
    run = re.compile(rf"\S+(?: {{1,{min_gap - 1}}}\S+)*")  # words separated by fewer than min_gap spaces
    rows: list[Row] = []
    for no, line in enumerate(lines):
        if line.lstrip().startswith("|"):  # a markdown table row: its cells are separated already
            stripped = line.strip()
            start = len(line) - len(line.lstrip())
            rows.append((Segment(start, start + len(stripped), stripped, no, no),))
            continue
        runs = [Segment(m.start(), m.end(), m.group(), no, no) for m in run.finditer(line.expandtabs(8))]
        if len(runs) > 1 and _MARKER.fullmatch(runs[0].text):  # ``*   Ban Bí thư``: a list item, not a cell
            runs[:2] = [Segment(runs[0].x0, runs[1].x1, f"{runs[0].text} {runs[1].text}", no, no)]
        rows.append(tuple(runs))
    return rows


_MARKER = re.compile(r"[-*+•–]|\d{1,2}[.)]|[a-zđ]\)|[IVX]{1,4}\.")


def box_rows(boxes: Sequence[Segment], join_gap: float) -> list[Row]:
    """Boxes (words or OCR lines) → rows: sorted by their vertical middle, a box joins the row whose middle is
    within 0.4 of its height (a stamped number sits a little off its line; the next line does not);
    within a row, boxes closer than ``join_gap`` merge into one segment. A vertical gap taller than a row
    becomes a blank row, so that blocks end where a reader sees space."""
    groups: list[list[Segment]] = []
    for box in sorted(boxes, key=_middle):
        if groups and abs(_middle(box) - _row_middle(groups[-1])) <= _height(box, groups[-1]) * 0.4:
            groups[-1].append(box)
        else:
            groups.append([box])
    rows: list[Row] = []
    last_bottom: float | None = None
    for group in groups:
        top = min(b.top for b in group)
        height = max(b.bottom for b in group) - top
        if last_bottom is not None and top - last_bottom > max(height, 1.0) * 1.2:
            rows.append(())
        rows.append(_merge(sorted(group, key=lambda b: b.x0), join_gap))
        last_bottom = max(b.bottom for b in group)
    return rows


def _middle(box: Segment) -> float:
    return box.baseline if box.baseline is not None else (box.top + box.bottom) / 2


def _row_middle(group: list[Segment]) -> float:
    return sum(_middle(b) for b in group) / len(group)


def _height(box: Segment, group: list[Segment]) -> float:
    heights = sorted(b.bottom - b.top for b in group)  # the larger: a dash's box is one point high
    return max(box.bottom - box.top, heights[len(heights) // 2], 1.0)


def _merge(boxes: list[Segment], join_gap: float) -> Row:
    merged: list[list[Segment]] = []
    for box in boxes:
        if merged and box.x0 - merged[-1][-1].x1 < join_gap:
            merged[-1].append(box)
        else:
            merged.append([box])
    return tuple(_joined(run) for run in merged)


def _joined(run: list[Segment]) -> Segment:
    if len(run) == 1 and run[0].confidence is None and run[0].baseline is None:
        return run[0]  # what the general case would build, field for field (most rows of a text file)
    confidences = [(b.confidence, len(b.text)) for b in run if b.confidence is not None]
    weight = sum(n for _, n in confidences)
    confidence = sum(c * n for c, n in confidences) / weight if weight else None
    baselines = [b.baseline for b in run if b.baseline is not None]
    return Segment(
        min(b.x0 for b in run),
        max(b.x1 for b in run),
        " ".join(b.text for b in run),
        min(b.top for b in run),
        max(b.bottom for b in run),
        confidence,
        sum(baselines) / len(baselines) if baselines else None,
    )


def reading_order(rows: Sequence[Row], min_gutter: float = 2) -> list[tuple[int, Segment | None]]:
    """Every segment as ``(row index, segment)`` in reading order (see the module docstring). A row outside a
    two-column block comes out as one segment, its runs joined by a space. ``(row index, None)`` marks a break
    a reader sees: a blank row, the turn from a block's left column to its right one, and a block's end.
    A block also takes in the one-segment rows just above its first two-cell row that keep to one side of its
    gutter (a signature's first line set a little higher than ``Nơi nhận``)."""
    out: list[tuple[int, Segment | None]] = []
    i = 0
    while i < len(rows):
        start = _next_block(rows, i)
        if start is None:
            out.extend((k, _joined(list(rows[k])) if rows[k] else None) for k in range(i, len(rows)))
            break
        first = _block_top(rows, i, start, min_gutter)
        out.extend((k, _joined(list(rows[k])) if rows[k] else None) for k in range(i, first))
        end = _block_end(rows, start, min_gutter)
        out.extend(_columns(rows, first, start, end, min_gutter))
        out.append((end - 1, None))
        i = end
    return out


def _next_block(rows: Sequence[Row], i: int) -> int | None:
    return next((k for k in range(i, len(rows)) if len(rows[k]) == 2), None)


def _block_top(rows: Sequence[Row], floor: int, start: int, min_gutter: float) -> int:
    gutter = (rows[start][0].x1, rows[start][1].x0)
    first = start
    while first - 1 >= floor and len(rows[first - 1]) == 1:
        narrowed = _fit(rows[first - 1], gutter, min_gutter)
        if narrowed is None:
            break
        gutter, first = narrowed, first - 1
    return first


def _block_end(rows: Sequence[Row], start: int, min_gutter: float) -> int:
    """One past the last row of the two-column block starting at ``start``."""
    gutter = (rows[start][0].x1, rows[start][1].x0)
    end = start + 1
    while end < len(rows) and 0 < len(rows[end]) <= 2:
        narrowed = _fit(rows[end], gutter, min_gutter)
        if narrowed is None:
            break
        gutter = narrowed
        end += 1
    return end


def _fit(row: Row, gutter: tuple[float, float], min_gutter: float) -> tuple[float, float] | None:
    """The gutter narrowed so that every segment of ``row`` lies on one side of it, or None."""
    g0, g1 = gutter
    if len(row) == 2:
        g0, g1 = max(g0, row[0].x1), min(g1, row[1].x0)
    else:
        seg = row[0]
        if seg.x0 < g0:  # starts in the left column: may only push the gutter's left edge
            g0 = max(g0, seg.x1)
        else:
            g1 = min(g1, seg.x0)
    return (g0, g1) if g1 - g0 >= min_gutter else None


def _columns(
    rows: Sequence[Row], first: int, start: int, end: int, min_gutter: float
) -> list[tuple[int, Segment | None]]:
    gutter = (rows[start][0].x1, rows[start][1].x0)
    for k in [*range(start + 1, end), *range(first, start)]:
        gutter = _fit(rows[k], gutter, min_gutter) or gutter
    placed = [(k, s) for k in range(first, end) for s in rows[k]]
    left = _spaced([(k, s) for k, s in placed if s.x1 <= gutter[0]])
    right = _spaced([(k, s) for k, s in placed if s.x1 > gutter[0]])
    return [*left, (start, None), *right] if left and right else left + right


def _spaced(column: list[tuple[int, Segment]]) -> list[tuple[int, Segment | None]]:
    """A column's segments with a break where a reader sees space above one (a row of the block it skips)."""
    out: list[tuple[int, Segment | None]] = []
    for n, (k, seg) in enumerate(column):
        if n and seg.top - column[n - 1][1].bottom > max(1.0, 0.6 * (seg.bottom - seg.top)):
            out.append((k, None))
        out.append((k, seg))
    return out
