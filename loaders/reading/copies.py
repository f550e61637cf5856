"""One copy of a document, whatever its form → the clean stream of lines extraction reads.

* a PDF page with a text layer: its words (:mod:`~loaders.reading.pdf_words`), columns apart, stamps in place;
* a PDF page without one (a scan), and ``.png`` / ``.jpg`` / ``.tif`` images: OCR (:mod:`~loaders.reading.ocr`);
* a web page saved as text or markdown: the document without the site (:mod:`~loaders.reading.webpage`);
* a layout text (``pdftotext -layout``): side-by-side cells read one column at a time
  (:mod:`~loaders.reading.columns`);
* every stream: symbols cut at a line end joined, spaced numbers closed up (:mod:`~loaders.reading.rejoin`);
  a digital signature's caption taken out, its date kept (:mod:`~loaders.reading.signing`).

Every way a copy cannot be read ends in one :class:`~loaders.errors.LoadError` naming the reason.

>>> [line.text for line in text_lines("  Số:   4390     /UBND-NLN        Lào Cai, ngày 02 tháng 5 năm 2025")]
['Số: 4390/UBND-NLN', '', 'Lào Cai, ngày 02 tháng 5 năm 2025', '']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loaders.errors import LoadError
from loaders.reading.columns import reading_order, text_rows
from loaders.reading.ocr import LOW_CONFIDENCE, OcrUnavailable, ocr_images, render_pdf_pages
from loaders.reading.pdf_words import TooManyPages, page_lines, read_pdf_pages
from loaders.reading.rejoin import join_numbers, rejoin
from loaders.reading.signing import pdf_signing_date, take_caption
from loaders.reading.stream import Origin, StreamLine
from loaders.reading.webpage import clean_webpage, is_webpage

__all__ = ["IMAGE_SUFFIXES", "Copy", "image_copy", "pdf_copy", "text_copy", "text_lines"]

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
_MIN_LETTERS = 20  # a page with fewer letters in its own text layer, and an image, is read from the image
_MIN_MEAN_CONFIDENCE = 30.0  # below this, what OCR found on a page is noise, not text


@dataclass(frozen=True, slots=True)
class Copy:
    """The clean stream of a copy, whether any of it was OCR'd, and what the reader was unsure of."""

    lines: tuple[StreamLine, ...]
    ocr: bool = False
    warnings: tuple[str, ...] = ()
    signed_at: str | None = None  # ISO date of the copy's digital signature, when it has one


def text_copy(text: str, layout: bool = True) -> Copy:
    """A text file's :class:`Copy` (see :func:`text_lines`), a signing software's caption taken out."""
    lines, signed = take_caption(text_lines(text, layout))
    return Copy(tuple(lines), signed_at=signed)


def text_lines(text: str, layout: bool = True) -> list[StreamLine]:
    """A plain, markdown or layout text → its clean stream (each line keeps its file line number).
    ``layout=False`` (markdown, the paragraphs of a Word file) reads no columns: spaces there are no gutter."""
    texts = text.splitlines()
    webpage = is_webpage(texts)
    if webpage or not layout:
        lines = [StreamLine(t, Origin(line=no)) for no, t in enumerate(texts, 1)]
        return rejoin(clean_webpage(lines) if webpage else lines)
    rows = text_rows([join_numbers(t, keep_width=True) for t in texts])
    out: list[StreamLine] = []
    for k, seg in reading_order(rows):
        if seg is None:
            if out and out[-1].text:
                out.append(StreamLine("", Origin(line=k + 1)))
        else:
            out.append(StreamLine(seg.text, Origin(line=k + 1)))
    return rejoin(out)


def pdf_copy(path: Path, ocr: bool = True, max_pages: int = 2000) -> Copy:
    """A PDF → its stream: text-layer pages read word by word, the others OCR'd (left out when ``ocr`` is
    False: a quick look at what a PDF says, as when another document is searched for a citation)."""
    pages = _pdf_pages(path, max_pages)
    if not pages:
        raise LoadError(path, "PDF without pages")
    scanned = [p.number for p in pages if p.letters < _MIN_LETTERS and p.images]
    read = {p.number: page_lines(p.words, p.number) for p in pages if p.number not in scanned}
    warnings: list[str] = []
    if scanned and not ocr:
        read.update({number: [] for number in scanned})
    elif scanned:
        images = render_pdf_pages(path, scanned)
        for number, lines in zip(scanned, _ocr(path, images, scanned), strict=True):
            read[number] = lines
        warnings = _unsure(line for number in scanned for line in read[number])  # noise lines already gone
    stream, signed = take_caption([line for number in sorted(read) for line in read[number]])
    if not any(line.text.strip() for line in stream):
        raise LoadError(path, "no text: neither a text layer nor anything OCR can read")
    signed = pdf_signing_date(path) or signed
    return Copy(tuple(rejoin(stream)), bool(scanned), tuple(warnings), signed)


def image_copy(path: Path) -> Copy:
    """A scanned page saved as an image → its OCR'd stream (every frame of a multi-page TIFF)."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            frames = [frame.convert("L") for frame in ImageSequence.Iterator(image)]
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise LoadError(path, f"cannot read image: {exc}") from None
    pages = list(range(1, len(frames) + 1))
    stream, signed = take_caption([line for lines in _ocr(path, frames, pages) for line in lines])
    if not any(line.text.strip() for line in stream):
        raise LoadError(path, "no text: OCR found none in the image")
    return Copy(tuple(rejoin(stream)), True, tuple(_unsure(stream)), signed)


def _pdf_pages(path: Path, max_pages: int) -> list[Any]:
    import pypdfium2 as pdfium

    try:
        return read_pdf_pages(path, max_pages)
    except TooManyPages as exc:
        raise LoadError(path, f"too many pages: {exc.count} (limit {max_pages})") from None
    except pdfium.PdfiumError as exc:
        data = path.read_bytes()  # PDFium's last-error code outlives a failure, so the file itself is asked
        if b"/Encrypt" in data:
            raise LoadError(path, "encrypted PDF: cannot read without the password") from None
        if re.search(rb"/Count\s+0\b", data) and not re.search(rb"/Count\s+[1-9]", data):
            raise LoadError(path, "PDF without pages") from None
        raise LoadError(path, f"cannot read .pdf: {str(exc).removesuffix('.')}") from None


def _ocr(path: Path, images: Sequence[Any], pages: Sequence[int]) -> list[list[StreamLine]]:
    try:
        read = ocr_images(images)
    except OcrUnavailable as exc:
        raise LoadError(path, f"needs OCR: {exc}") from None
    out = []
    for number, lines in zip(pages, read, strict=True):
        renumbered = [StreamLine(line.text, _on_page(line.origin, number)) for line in lines]
        out.append([] if _noise(renumbered) else [line for line in renumbered if not _noise_line(line)])
    return out


def _noise_line(line: StreamLine) -> bool:
    """A rule, a seal or a smudge read as characters (``=.— =..=<Ắ``): OCR itself is not sure of it at all."""
    confidence = line.origin.confidence
    return confidence is not None and confidence < _MIN_MEAN_CONFIDENCE and bool(line.text)


def _on_page(origin: Origin, page: int) -> Origin:
    return Origin(page=page, line=origin.line, box=origin.box, confidence=origin.confidence)


def _noise(lines: Sequence[StreamLine]) -> bool:
    """What OCR reads on a blank or a picture: few letters, or words it is not sure of at all."""
    scored = [(line.origin.confidence, len(line.text)) for line in lines if line.origin.confidence is not None]
    letters = sum(ch.isalpha() for line in lines for ch in line.text)
    weight = sum(n for _, n in scored)
    mean = sum(float(c or 0) * n for c, n in scored) / weight if weight else 0.0
    return letters < _MIN_LETTERS or mean < _MIN_MEAN_CONFIDENCE


def _unsure(lines: Any) -> list[str]:
    return [
        f"OCR unsure ({line.origin.confidence:.0f}%) {line.where().rsplit(' ocr', 1)[0]}: {line.text[:60]}"
        for line in lines
        if line.origin.confidence is not None and line.origin.confidence < LOW_CONFIDENCE and line.text.strip()
    ]
