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
        runs = run.finditer(line.expandtabs(8))
        rows.append(tuple(Segment(m.start(), m.end(), m.group(), no, no) for m in runs))
    return rows


def box_rows(boxes: Sequence[Segment], join_gap: float) -> list[Row]:
    """Boxes (words or OCR lines) → rows: boxes that overlap vertically by half the smaller height share a row;
    within a row, boxes closer than ``join_gap`` merge into one segment. A vertical gap taller than a row
    becomes a blank row, so that blocks end where a reader sees space."""
    ordered = sorted(boxes, key=lambda b: (b.top, b.x0))
    groups: list[list[Segment]] = []
    for box in ordered:
        for group in reversed(groups[-3:]):
            if _same_row(group, box):
                group.append(box)
                break
        else:
            groups.append([box])
    groups.sort(key=lambda g: min(b.top for b in g))
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


def _same_row(group: list[Segment], box: Segment) -> bool:
    """The box's middle lies within the row's first box (a row grown by a tall glyph must not swallow the
    next line)."""
    first = group[0]
    middle = (box.top + box.bottom) / 2
    return first.top <= middle <= first.bottom or box.top <= (first.top + first.bottom) / 2 <= box.bottom


def _merge(boxes: list[Segment], join_gap: float) -> Row:
    merged: list[list[Segment]] = []
    for box in boxes:
        if merged and box.x0 - merged[-1][-1].x1 < join_gap:
            merged[-1].append(box)
        else:
            merged.append([box])
    return tuple(_joined(run) for run in merged)


def _joined(run: list[Segment]) -> Segment:
    confidences = [(b.confidence, len(b.text)) for b in run if b.confidence is not None]
    weight = sum(n for _, n in confidences)
    confidence = sum(c * n for c, n in confidences) / weight if weight else None
    return Segment(
        min(b.x0 for b in run),
        max(b.x1 for b in run),
        " ".join(b.text for b in run),
        min(b.top for b in run),
        max(b.bottom for b in run),
        confidence,
    )


def reading_order(rows: Sequence[Row], min_gutter: float = 2) -> list[tuple[int, Segment | None]]:
    """Every segment as ``(row index, segment)`` in reading order (see the module docstring). A row outside a
    two-column block comes out as one segment, its runs joined by a space. ``(row index, None)`` marks a break
    a reader sees: a blank row, the turn from a block's left column to its right one, and a block's end."""
    out: list[tuple[int, Segment | None]] = []
    i = 0
    while i < len(rows):
        row = rows[i]
        if len(row) == 2:
            end = _block_end(rows, i, min_gutter)
            out.extend(_columns(rows, i, end, min_gutter))
            out.append((end - 1, None))
            i = end
            continue
        out.append((i, _joined(list(row)) if row else None))
        i += 1
    return out


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


def _columns(rows: Sequence[Row], start: int, end: int, min_gutter: float) -> list[tuple[int, Segment | None]]:
    gutter = (rows[start][0].x1, rows[start][1].x0)
    for k in range(start + 1, end):
        gutter = _fit(rows[k], gutter, min_gutter) or gutter
    placed = [(k, s) for k in range(start, end) for s in rows[k]]
    left: list[tuple[int, Segment | None]] = [(k, s) for k, s in placed if s.x1 <= gutter[0]]
    right: list[tuple[int, Segment | None]] = [(k, s) for k, s in placed if s.x1 > gutter[0]]
    return [*left, (start, None), *right] if left and right else left + right
