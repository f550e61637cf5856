"""Scans → text lines with a confidence each: Tesseract (Debian's ``tesseract-ocr`` + ``tesseract-ocr-vie``).

The Python side is ``pytesseract`` (maintained; it runs the ``tesseract`` program, so nothing needs compiling).
PDF pages are rendered by pypdfium2 (no network, no downloaded binary). Tesseract's own lines (its layout
analysis follows a skewed scan better than boxes would) are placed by their boxes, and side-by-side cells are
read one column at a time exactly as for a PDF text layer (:mod:`loaders.reading.columns`). Each line keeps the
mean confidence of its words, so the record can warn about the lines OCR was unsure of.

Speed on a 2-core machine: pages are OCR'd in parallel, one Tesseract process per core, each limited to one
thread (``OMP_THREAD_LIMIT=1``: Tesseract's own threads only fight each other). 200 dpi reads the header, small
print and stamped digits as well as 300 dpi here, for about a fifth less CPU. See the README for pages per second.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loaders.reading.columns import Segment, box_rows, reading_order
from loaders.reading.stream import Origin, StreamLine

__all__ = [
    "DPI",
    "LOW_CONFIDENCE",
    "OcrUnavailable",
    "TextBox",
    "boxes_from_data",
    "ocr_images",
    "ocr_lines",
    "render_pdf_pages",
]

DPI = 200
LANGUAGE = "vie"
LOW_CONFIDENCE = 60.0  # a line below this mean word confidence is named in the record's warnings


class OcrUnavailable(RuntimeError):
    """Tesseract or its Vietnamese model is not installed (``make ocr`` installs them)."""


@dataclass(frozen=True, slots=True)
class TextBox:
    """One line as Tesseract read it: its box in pixels, text and mean word confidence (0-100)."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    confidence: float


def boxes_from_data(data: dict[str, Sequence[Any]]) -> list[TextBox]:
    """Tesseract's word table (``image_to_data`` as a dict) → one box per run of words: a line of Tesseract's
    cut where two words are further apart than twice the line's height (Tesseract joins a header's two cells
    into one line when they are level)."""
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, word in enumerate(data["text"]):
        if str(word).strip() and float(data["conf"][i]) >= 0:
            key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
            lines.setdefault(key, []).append(i)
    boxes = []
    for idx in lines.values():
        idx.sort(key=lambda i: int(data["left"][i]))
        height = max(int(data["height"][i]) for i in idx)
        run = [idx[0]]
        for i in idx[1:]:
            if int(data["left"][i]) - _right(data, run[-1]) > 2 * height:
                boxes.append(_box(data, run))
                run = []
            run.append(i)
        boxes.append(_box(data, run))
    return boxes


def _right(data: dict[str, Sequence[Any]], i: int) -> int:
    return int(data["left"][i]) + int(data["width"][i])


def _box(data: dict[str, Sequence[Any]], idx: list[int]) -> TextBox:
    confidence = sum(float(data["conf"][i]) for i in idx) / len(idx)
    return TextBox(
        min(int(data["left"][i]) for i in idx),
        min(int(data["top"][i]) for i in idx),
        max(_right(data, i) for i in idx),
        max(int(data["top"][i]) + int(data["height"][i]) for i in idx),
        " ".join(str(data["text"][i]).strip() for i in idx),
        confidence,
    )


def ocr_lines(boxes: Sequence[TextBox], page: int) -> list[StreamLine]:
    """One page's line boxes → lines in reading order (columns apart), ``""`` at breaks; a pure function."""
    if not boxes:
        return []
    heights = sorted(b.bottom - b.top for b in boxes)
    height = heights[len(heights) // 2] or 10.0
    segments = [Segment(b.x0, b.x1, b.text, b.top, b.bottom, b.confidence) for b in boxes]
    lines: list[StreamLine] = []
    for _, seg in reading_order(box_rows(segments, join_gap=1.5 * height), min_gutter=height):
        if seg is None:
            if lines and lines[-1].text:
                lines.append(StreamLine("", Origin(page=page)))
            continue
        box = (seg.x0, seg.top, seg.x1, seg.bottom)
        lines.append(StreamLine(seg.text, Origin(page=page, box=box, confidence=seg.confidence)))
    return lines


def render_pdf_pages(path: str | Path, pages: Iterable[int], dpi: int = DPI) -> list[Any]:
    """PDF pages (1-based numbers) → greyscale PIL images at ``dpi``, annotations drawn (stamps, signatures)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        images = []
        for number in pages:
            page = pdf[number - 1]
            images.append(page.render(scale=dpi / 72, grayscale=True, may_draw_forms=True).to_pil())
            page.close()
        return images
    finally:
        pdf.close()


def ocr_images(images: Sequence[Any], first_page: int = 1) -> list[list[StreamLine]]:
    """OCR every image (one per page, in parallel), each → its lines; raises :class:`OcrUnavailable`."""
    _check_installed()
    workers = max(1, min(len(images), os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        tables = list(pool.map(_image_data, images))
    return [ocr_lines(boxes_from_data(t), first_page + k) for k, t in enumerate(tables)]


def _image_data(image: Any) -> dict[str, Sequence[Any]]:
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # inherited by the tesseract process; see the docstring
    data: dict[str, Sequence[Any]] = pytesseract.image_to_data(
        image, lang=LANGUAGE, config="--psm 3", output_type=pytesseract.Output.DICT
    )
    return data


def _check_installed() -> None:
    if shutil.which("tesseract") is None:
        raise OcrUnavailable("Tesseract is not installed (run `make ocr`)")
    import pytesseract

    if LANGUAGE not in pytesseract.get_languages(config=""):
        raise OcrUnavailable("Tesseract's Vietnamese model is missing (run `make ocr`)")
