"""The clean stream the reading stage hands to ``normalize``: one line of text per item, each with its origin.

Whatever the copy (a layout text, a PDF text layer, an OCR'd scan, a saved web page), extraction sees the same
thing: single-column lines in reading order. The origin says where each line came from, so anyone can check
what the extractor saw (``python -m loaders parse FILE --text``).

>>> StreamLine("Số: 2496/UBND-KT", Origin(page=1, box=(104.0, 102.0, 216.0, 117.0))).where()
'p.1 (104,102)-(216,117)'
>>> StreamLine("KẾ HOẠCH", Origin(line=7)).where()
'l.7'
>>> StreamLine("BỘ CÔNG THƯƠNG", Origin(page=1, line=3, confidence=91.2)).where()
'p.1 l.3 ocr 91%'
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Origin", "StreamLine"]


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a line came from: ``page`` (1-based) of a PDF or image, ``line`` (1-based) of a text file or of the
    page's text, ``box`` (x0, top, x1, bottom: PDF points, or pixels of the OCR'd image) and the OCR
    ``confidence`` (0-100, the mean of its words) when the line was read from an image."""

    page: int | None = None
    line: int | None = None
    box: tuple[float, float, float, float] | None = None
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class StreamLine:
    """One line of the clean stream."""

    text: str
    origin: Origin

    def where(self) -> str:
        """The origin in a few characters: ``p.2 l.14``, ``p.1 (72,104)-(216,118)``, ``… ocr 87%``."""
        o = self.origin
        parts = []
        if o.page is not None:
            parts.append(f"p.{o.page}")
        if o.line is not None:
            parts.append(f"l.{o.line}")
        if o.box is not None:
            x0, top, x1, bottom = o.box
            parts.append(f"({x0:.0f},{top:.0f})-({x1:.0f},{bottom:.0f})")
        if o.confidence is not None:
            parts.append(f"ocr {o.confidence:.0f}%")
        return " ".join(parts)
