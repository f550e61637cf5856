"""Stage 1: a file on disk → its text. Plain text (with encoding detection), Word (.docx) and PDF text layers.

Every way a file can fail to be a text document ends in one :class:`~loaders.errors.LoadError` with a reason
a user can act on: empty, binary, too large, undecodable, unsupported type, corrupt Office file, PDF without a
text layer. Nothing here interprets the text; ``normalize`` does that.

Encoding of ``.txt``/``.md``: strict UTF-8 (a BOM is dropped), then UTF-16 when the file starts with a UTF-16
BOM, then Windows-1258 only when the result reads as Vietnamese; anything else is refused rather than guessed.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loaders.errors import LoadError
from loaders.reading.copies import IMAGE_SUFFIXES, Copy, image_copy, pdf_copy, text_copy
from loaders.reading.stream import StreamLine

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_PDF_PAGES",
    "MAX_TEXT_BYTES",
    "MAX_UNZIPPED_BYTES",
    "SUFFIXES",
    "TEXT_SUFFIXES",
    "Source",
    "decode",
    "read",
    "text_source",
]

MAX_TEXT_BYTES = 10 * 1024 * 1024  # a plain-text document larger than this is not one document
MAX_FILE_BYTES = 100 * 1024 * 1024  # a .docx/.pdf larger than this is refused before it is opened
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # what a .docx holds once unzipped: beyond it, a compression bomb
MAX_PDF_PAGES = 2000  # more pages than any directive; each page is decompressed and parsed
TEXT_SUFFIXES = (".txt", ".md")
SUFFIXES = (*TEXT_SUFFIXES, ".docx", ".pdf", *IMAGE_SUFFIXES)

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
_VOWELS = "aăâeêioôơuưy"
VIETNAMESE_LETTERS = frozenset(
    unicodedata.normalize("NFC", v + t) for base in (_VOWELS, _VOWELS.upper()) for v in base for t in _TONES
) | frozenset("đĐ")
_DISTINCTIVE = VIETNAMESE_LETTERS - frozenset("aeiouyAEIOUY")


@dataclass(frozen=True, slots=True)
class Source:
    """The text of one file and what identifies the file itself.

    ``text`` is the clean stream extraction reads (``lines`` joined); ``lines`` keep each line's origin; ``ocr``
    says some of it was read from an image, and ``warnings`` name what the reader was unsure of."""

    path: str
    text: str
    sha256: str
    kind: str  # "text" | "docx" | "pdf" | "image"
    lines: tuple[StreamLine, ...] = ()
    ocr: bool = False
    warnings: tuple[str, ...] = ()
    signed_at: str | None = None  # ISO date of the copy's digital signature


def read(path: str | Path, *, ocr: bool = True) -> Source:
    """Read ``path`` into a :class:`Source`; raises :class:`LoadError` when it is not a readable document.
    ``ocr=False`` reads only the text layer of a PDF (its scanned pages are left out) and refuses images."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise LoadError(p, f"unsupported file type '{suffix or p.name}' (expected {', '.join(SUFFIXES)})")
    if not p.is_file():
        raise LoadError(p, "no such file" if not p.exists() else "not a file")
    size = p.stat().st_size
    if size == 0:
        raise LoadError(p, "empty file")
    limit = MAX_TEXT_BYTES if suffix in TEXT_SUFFIXES else MAX_FILE_BYTES
    if size > limit:
        raise LoadError(p, f"file too large: {size / 2**20:.1f} MB (limit {limit // 2**20} MB)")
    data = p.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if suffix in TEXT_SUFFIXES:
        layout = suffix == ".txt"  # markdown has no layout columns; its tables are marked
        return _source(p, text_copy(_checked(decode(data, p), p), layout), digest, "text")
    if suffix == ".docx":
        return _source(p, text_copy(_checked(_read_docx(p), p), layout=False), digest, "docx")
    if suffix == ".pdf":
        return _source(p, pdf_copy(p, ocr=ocr, max_pages=MAX_PDF_PAGES), digest, "pdf")
    if not ocr:
        raise LoadError(p, "an image: read only with OCR")
    return _source(p, image_copy(p), digest, "image")


def text_source(path: str, text: str, digest: str) -> Source:
    """A text already in memory, read as a text file would be (``path`` only labels it)."""
    return _source(Path(path), text_copy(text), digest, "text")


def _source(path: Path, copy: Copy, digest: str, kind: str) -> Source:
    text = _checked("\n".join(line.text for line in copy.lines), path)
    return Source(str(path), text, digest, kind, copy.lines, copy.ocr, copy.warnings, copy.signed_at)


def _checked(text: str, path: Path) -> str:
    if not text.strip():
        raise LoadError(path, "empty file (no text)")
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise LoadError(path, f"too much text: more than {MAX_TEXT_BYTES // 2**20} MB")
    return text


def decode(data: bytes, path: str | Path = "<bytes>") -> str:
    """Bytes of a plain-text file → str (see the module docstring for the order of encodings tried)."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise LoadError(path, f"cannot decode: broken UTF-16 ({exc.reason})") from None
    if b"\x00" in data:
        raise LoadError(path, "binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _windows_1258(data, path)
    if _control_share(text) > 0.01:
        raise LoadError(path, "binary file (control characters), not text")
    return text


def _windows_1258(data: bytes, path: str | Path) -> str:
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        text = ""
    if text and looks_vietnamese(text):
        return text
    raise LoadError(path, "cannot decode: not UTF-8, UTF-16 or Windows-1258")


def looks_vietnamese(text: str) -> bool:
    """True when the letters are Latin/Vietnamese and some are distinctively Vietnamese (ư, ơ, đ, tones)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    known = sum(1 for c in letters if c.isascii() or c in VIETNAMESE_LETTERS)
    return known / len(letters) >= 0.97 and any(c in _DISTINCTIVE for c in letters)


# The control characters (Unicode category Cc: U+0000–U+001F and U+007F–U+009F) but the layout ones (tab, line
# and page breaks): counted by one regex instead of a category lookup per character.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)


# --- Office files ----------------------------------------------------------------------------------


def _read_docx(path: Path) -> str:
    """Paragraphs and tables in document order. Small two-column tables (the header and signature layout of
    Vietnamese documents) give one line per cell paragraph; other tables give ``| a | b |`` rows."""
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from lxml.etree import XMLSyntaxError

    _check_unzipped_size(path)
    try:
        document = docx.Document(str(path))
    except PackageNotFoundError:
        raise LoadError(path, "cannot read .docx: not a Word document (no .docx package inside)") from None
    except (zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as exc:
        raise LoadError(path, f"cannot read .docx: {exc}") from None
    out: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(child, document).text)
        elif tag == "tbl":
            out.extend(_table_lines(Table(child, document)))
            out.append("")
    return "\n".join(out)


def _check_unzipped_size(path: Path) -> None:
    """Refuse a .docx whose parts would unzip to more than ``MAX_UNZIPPED_BYTES`` (python-docx reads them whole:
    a 2 MB file of 20 million paragraphs took 5.9 GB)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            size = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        return  # python-docx says what is wrong with it
    if size > MAX_UNZIPPED_BYTES:
        raise LoadError(
            path, f"cannot read .docx: it unzips to {size / 2**20:.0f} MB (limit {MAX_UNZIPPED_BYTES // 2**20} MB)"
        )


def _table_lines(table: Any) -> list[str]:
    rows = [_unique_cells(row) for row in table.rows]
    if rows and max(len(r) for r in rows) <= 2 and len(rows) <= 3:
        lines: list[str] = []
        for row in rows:
            for cell in row:
                lines.extend(p.text for p in cell.paragraphs)
                lines.append("")
        return lines
    return ["| " + " | ".join(_cell_text(c) for c in row) + " |" for row in rows]


def _unique_cells(row: Any) -> list[Any]:
    """Cells of a row without the repeats python-docx returns for merged cells."""
    seen: list[Any] = []
    for cell in row.cells:
        if not seen or cell._tc is not seen[-1]._tc:
            seen.append(cell)
    return seen


def _cell_text(cell: Any) -> str:
    text = " ".join(p.text.strip() for p in cell.paragraphs)
    return " ".join(text.replace("|", "/").split())
