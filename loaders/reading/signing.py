"""The digital signature of a signed copy: its caption taken out of the text, its time kept as a fact.

Signing software stamps ``Ký bởi: BỘ TÀI CHÍNH`` / ``Cơ quan: …`` / ``Thời gian ký: 19/06/2026 14:18:57 +07:00``
on the page; an OCR or text copy then starts with it, and the header reads ``Ký bởi: Bộ Tài chính`` as the
issuer. The caption is not the document's text: :func:`take_caption` removes it and returns the signing date,
which the pipeline uses only when the printed date cannot be read (a day stamped over its blank, a date line
lost in a scan). A signed PDF carries the same time in its signature dictionary (:func:`pdf_signing_date`).

>>> from loaders.reading.stream import Origin, StreamLine
>>> lines = [StreamLine(t, Origin(line=n)) for n, t in enumerate(
...     ["Ký bởi: BỘ TÀI CHÍNH", "Cơ quan: 28 Trần Hưng Đạo.", "Thời gian ký: 19/06/2026 14:18:57 +07:00", "",
...      "BỘ TÀI CHÍNH"], 1)]
>>> kept, signed = take_caption(lines)
>>> [line.text for line in kept], signed
(['', 'BỘ TÀI CHÍNH'], '2026-06-19')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from loaders.reading.stream import StreamLine

__all__ = ["pdf_signing_date", "take_caption"]

_SIGNED_BY = re.compile(r"^\s*Ký bởi\s*:", re.IGNORECASE)
_SIGNED_AT = re.compile(r"^\s*Thời gian ký\s*:\s*(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>\d{4})", re.I)
_CAPTION = re.compile(r"^\s*(?:Ký bởi|Cơ quan|Email|Thời gian ký)\s*:", re.IGNORECASE)


def take_caption(lines: Sequence[StreamLine]) -> tuple[list[StreamLine], str | None]:
    """``lines`` without signature captions (a ``Ký bởi:`` line and the caption lines right around it), and the
    first signing date found (ISO), or None."""
    drop: set[int] = set()
    signed: str | None = None
    for i, line in enumerate(lines):
        if not _SIGNED_BY.match(line.text):
            continue
        j = i
        while j < len(lines) and j - i < 5 and _CAPTION.match(lines[j].text):
            drop.add(j)
            if (m := _SIGNED_AT.match(lines[j].text)) and signed is None:
                signed = f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}"
            j += 1
    return [line for i, line in enumerate(lines) if i not in drop], signed


def pdf_signing_date(path: str | Path) -> str | None:
    """The earliest signing date (ISO) among a PDF's digital signatures, or None."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(str(path))
    try:
        dates = []
        for k in range(raw.FPDF_GetSignatureCount(pdf.raw)):
            sig = raw.FPDF_GetSignatureObject(pdf.raw, k)
            size = raw.FPDFSignatureObj_GetTime(sig, None, 0)
            if size <= 1:
                continue
            buffer = ctypes.create_string_buffer(size)
            raw.FPDFSignatureObj_GetTime(sig, buffer, size)
            if m := re.match(r"D:(\d{4})(\d{2})(\d{2})", buffer.value.decode("ascii", "replace")):
                dates.append(f"{m[1]}-{m[2]}-{m[3]}")
        return min(dates) if dates else None
    finally:
        pdf.close()
