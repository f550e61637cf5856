"""A PDF's text layer read as words with coordinates, rebuilt into lines, columns apart, stamps in their blanks.

Read with pypdfium2 (PDFium, the engine of Chromium; Apache-2.0/BSD wheels, no network). Each page is
flattened first: a signed PDF often carries the number and the day in signature widgets stamped over the blanks
of ``Số:      /UBND-KT`` and ``ngày   tháng   năm 2026``; flattened, they are page text at their own
coordinates, and rebuilding lines from coordinates puts them back into the blank they fill. A text extractor
that follows the content stream (pypdf) reads them at the end of the page, or not at all (pdfplumber).

Lines are rebuilt from word boxes (:func:`page_lines`, a pure function): words that overlap vertically share a
row; a gap wider than twice the font size separates two cells; the header and ``Nơi nhận`` / signature cells
are then read one column at a time (:mod:`loaders.reading.columns`).

>>> words = [Word(104, 104, 121, 117, "Số:", 13), Word(153, 104, 216, 117, "/UBND-KT", 13),
...          Word(127, 101, 150, 115, "2496", 14), Word(326, 104, 406, 118, "Lào Cai, ngày", 14)]
>>> [line.text for line in page_lines(words, 1)]
['Số: 2496 /UBND-KT', '', 'Lào Cai, ngày', '']
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loaders.reading.columns import Segment, box_rows, reading_order
from loaders.reading.stream import Origin, StreamLine

__all__ = ["PdfPage", "TooManyPages", "Word", "page_lines", "read_pdf_pages"]

_WORD_GAP = 0.25  # of the font size: a wider gap between two glyphs starts a new word


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a PDF page: its box in points from the top-left corner, its text and font size."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    size: float
    baseline: float | None = None  # from the top, like ``top``; glyph boxes vary with accents, baselines not


@dataclass(frozen=True, slots=True)
class PdfPage:
    """One page: its number (1-based), its words (annotations included), how many letters its own text layer
    holds (a scan has none, though a signature stamped on it may carry a caption) and how many images it shows."""

    number: int
    words: tuple[Word, ...]
    letters: int
    images: int = 0


def page_lines(words: Sequence[Word], page: int) -> list[StreamLine]:
    """The words of one page → lines in reading order, ``""`` where a reader sees a break."""
    if not words:
        return []
    size = statistics.median(w.size for w in words) or 10.0
    boxes = [Segment(w.x0, w.x1, w.text, w.top, w.bottom, baseline=w.baseline) for w in words]
    lines: list[StreamLine] = []
    for _, seg in reading_order(box_rows(boxes, join_gap=2 * size), min_gutter=size):
        if seg is None:
            if lines and lines[-1].text:
                lines.append(StreamLine("", Origin(page=page)))
            continue
        lines.append(StreamLine(seg.text, Origin(page=page, box=(seg.x0, seg.top, seg.x1, seg.bottom))))
    return lines


class TooManyPages(ValueError):
    """More pages than a directive has: each would be decompressed and parsed."""

    def __init__(self, count: int) -> None:
        super().__init__(f"{count} pages")
        self.count = count


def read_pdf_pages(path: str | Path, max_pages: int = 2000) -> list[PdfPage]:
    """Every page's words (after flattening its annotations). Raises ``pypdfium2.PdfiumError`` for a file
    PDFium cannot open (damaged, encrypted with a password) and :class:`TooManyPages` beyond ``max_pages``;
    the caller turns them into a ``LoadError``."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(str(path))
    try:
        if len(pdf) > max_pages:
            raise TooManyPages(len(pdf))
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            letters = sum(ch.isalpha() for ch in textpage.get_text_range())
            textpage.close()
            if raw.FPDFPage_Flatten(page.raw, raw.FLAT_PRINT) == raw.FLATTEN_SUCCESS:
                page.close()
                page = pdf[index]  # reload: the flattened content is only seen by a fresh page object
            images = sum(1 for obj in page.get_objects(max_depth=2) if obj.type == raw.FPDF_PAGEOBJ_IMAGE)
            pages.append(PdfPage(index + 1, tuple(_words(page)), letters, images))
            page.close()
        return pages
    finally:
        pdf.close()


def _words(page: Any) -> list[Word]:
    import ctypes

    import pypdfium2.raw as raw

    height = page.get_height()
    textpage = page.get_textpage()
    left, right, bottom, top, x, y = (ctypes.c_double() for _ in range(6))
    words: list[Word] = []
    chars: list[tuple[float, float, float, float, str, float, float]] = []
    for i in range(textpage.count_chars()):
        code = raw.FPDFText_GetUnicode(textpage.raw, i)
        ch = chr(code) if code else " "
        if ch.isspace() or not raw.FPDFText_GetCharBox(textpage.raw, i, left, right, bottom, top):
            _flush(chars, words)
            continue
        size = raw.FPDFText_GetFontSize(textpage.raw, i) or (top.value - bottom.value)
        raw.FPDFText_GetCharOrigin(textpage.raw, i, x, y)
        box = (left.value, height - top.value, right.value, height - bottom.value, ch, size, height - y.value)
        if chars and (box[0] - chars[-1][2] > _WORD_GAP * size or box[0] < chars[-1][0] - size
                      or abs(box[6] - chars[-1][6]) > size / 2):  # fmt: skip
            _flush(chars, words)
        chars.append(box)
    _flush(chars, words)
    textpage.close()
    return words


def _flush(chars: list[tuple[float, float, float, float, str, float, float]], words: list[Word]) -> None:
    if chars:
        text = "".join(c[4] for c in chars)
        baseline = statistics.median(c[6] for c in chars)
        words.append(Word(min(c[0] for c in chars), min(c[1] for c in chars), max(c[2] for c in chars),
                          max(c[3] for c in chars), text, max(c[5] for c in chars), baseline))  # fmt: skip
        chars.clear()
