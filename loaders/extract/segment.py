"""Stage 3: logical lines → the parts of a document, tolerant of missing parts and unusual order.

``preface`` (a press wrapper before ``… giới thiệu toàn văn``) | ``stamp`` (an incoming-registry stamp, wherever
it sits among the first lines) | ``header`` (organ lines, number, place and date, motto) | ``addressees``
(``Kính gửi`` list) | ``title`` (type line such as ``KẾ HOẠCH`` and the trích yếu; a công văn's ``V/v`` line) |
``preamble`` (the paragraphs before the numbered body) | ``body`` | ``recipients`` (Nơi nhận) | ``signature``.

What follows the signature — the programme a resolution issues, appendices and their task tables, an
attached draft — is appended to ``body`` (from ``attachments_start``) so the body parser sees it; a second
Nơi nhận or signature inside an attachment goes to ``extra`` instead. When a table row packs the recipients
and the signature side by side (``| Nơi nhận: … | THỦ TƯỚNG Phạm Minh Chính |``), its cells are split.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from loaders.extract.dates import place_and_date
from loaders.extract.recipients import KINH_GUI_RE, is_recipients_start
from loaders.extract.signature import (
    CAPACITY_RE,
    SEAL_NOTE_RE,
    SIGNED_RE,
    is_name,
    is_signature_line,
    mostly_upper,
)
from loaders.extract.stamp import find_stamp
from loaders.extract.symbols import TYPE_WORD_RE, find_symbols
from loaders.text.folding import fold
from loaders.text.line import Line
from loaders.text.normalize import MARKER_RE, is_type_line

__all__ = ["MOTTOS", "NUMBER_LINE_RE", "Segments", "segment", "table_cells", "without_motto"]

MOTTOS = ("ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
_PREFACE_END = re.compile(r"(?:giới thiệu|đăng tải|đăng|công bố|trích)\s+toàn\s+văn", re.IGNORECASE)
_SECTION = re.compile(
    r"^(?:[IVXLC]+\s*[.\-–)]\s*\S|[A-ZĐ]\s*[.\-–]\s+[A-ZĐ]|\d+(?:\.\d+)*\s*[.\-–)](?:\s|$)|[a-zđ]\)\s"
    r"|[-*+•]\s|Điều\s+\d+|QUYẾT NGHỊ|CHƯƠNG\s+[IVXLC\d]+\b)"
)
_OPENER = re.compile(
    r"^(?:Thực hiện|Căn cứ|Ngày\s+\d|Để\s|Theo\s|Trên cơ sở|Xét\s|Nhằm\s|Sau\s|Thời gian qua|Triển khai|Qua\s)",
)
_SUBJECT = re.compile(r"^V/v\b", re.IGNORECASE)
NUMBER_LINE_RE = re.compile(r"^S[ốo]\s*[:.]?\s*(?!và\b)", re.IGNORECASE)  # "Số 80-KH/ĐUK", not "Số và ký hiệu"


@dataclass(frozen=True, slots=True)
class Segments:
    preface: list[Line] = field(default_factory=list)
    header: list[Line] = field(default_factory=list)
    addressees: list[Line] = field(default_factory=list)
    title: list[Line] = field(default_factory=list)
    preamble: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    recipients: list[Line] = field(default_factory=list)
    signature: list[Line] = field(default_factory=list)
    stamp: list[Line] = field(default_factory=list)
    extra: list[Line] = field(default_factory=list)  # second Nơi nhận / signature inside an attachment
    attachments_start: int | None = None  # index in ``body`` where the parts after the signature begin


def table_cells(line: Line) -> list[Line]:
    """The non-empty cells of a table row as lines (same line number); a plain line is returned as is."""
    if not line.text.startswith("|"):
        return [line]
    cells = [c.strip() for c in line.text.strip("|").split(" | ")]
    return [Line(line.no, c) for c in cells if c]


def _is_header_like(text: str) -> bool:
    """Lines that belong to a document's header block (organ names, number, place-date, motto, subject)."""
    if len(text) > 400:
        return False
    if text.startswith("|") or text == "*" or NUMBER_LINE_RE.match(text) or _SUBJECT.match(text):
        return True
    if place_and_date(text) or any(fold(m) in fold(text) for m in MOTTOS):
        return True
    words = text.split()
    short = len(words) <= 9 and text[-1] not in ".:;"
    return (text.isupper() and len(words) <= 14) or (short and not MARKER_RE.match(text))


def _split_preface(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    for i, line in enumerate(lines[:15]):
        if _PREFACE_END.search(line.text):
            return lines[: i + 1], lines[i + 1 :]
    return [], lines


def _head(lines: list[Line]) -> tuple[list[Line], list[Line], int | None, int]:
    """Header lines, addressee lines, index of the type line (or None), index where the title starts."""
    header: list[Line] = []
    addressees: list[Line] = []
    i = 0
    while i < len(lines) and i < 40:
        text = lines[i].text
        if is_type_line(text):
            return header, addressees, i, i + 1
        if KINH_GUI_RE.match(text):
            addressees.append(lines[i])
            i += 1
            while i < len(lines) and lines[i].text.startswith(("- ", "* ", "+ ")):
                addressees.append(lines[i])
                i += 1
            continue
        if not _is_header_like(text) or _SECTION.match(text):
            date_at = _subject_then_date(lines, i, header)
            if date_at is None:
                break
            k = max(n for n, h in enumerate(header) if _SUBJECT.match(h.text))
            header[k] = Line(header[k].no, " ".join([header[k].text] + [x.text for x in lines[i:date_at]]))
            i = date_at
            continue
        header.append(lines[i])
        i += 1
    return header, addressees, None, i


def _subject_then_date(lines: list[Line], i: int, header: list[Line]) -> int | None:
    """Where the place-and-date line is when a công văn's ``V/v`` subject runs on before it: read column by
    column, the date cell beside the number and subject comes after the subject's last line."""
    if not any(_SUBJECT.match(h.text) for h in header) or any(place_and_date(h.text) for h in header):
        return None
    for j in range(i, min(i + 6, len(lines))):
        text = lines[j].text
        if place_and_date(text) and len(text) < 80:
            return j if j > i else None
        if _SECTION.match(text) or KINH_GUI_RE.match(text) or is_type_line(text) or len(text) > 300:
            return None
    return None


def _title_end(lines: list[Line], start: int, authority: set[str]) -> int:
    """Index after the last title line; the first line after the type line always belongs to the title."""
    i = start
    while i < len(lines):
        text = lines[i].text
        if _SECTION.match(text) or is_recipients_start(text) or text.startswith("|"):
            break
        if i > start:
            caps = text.isupper()
            if caps and fold(text) in authority:
                break
            continues = (
                caps
                or text[0].islower()
                or (text[-1] not in ".:;" and len(text) <= 250 and not _OPENER.match(text))
            )
            if not continues:
                break
        i += 1
    return i


def _self_title(lines: list[Line], start: int) -> int:
    """Without a type line, a first line ``Kết luận số 69-KL/TW ngày … của … về …`` is the title."""
    if start < len(lines):
        text = lines[start].text
        m = TYPE_WORD_RE.match(text)
        if m and re.match(r"\s+số\s+", text[m.end() :], re.IGNORECASE) and find_symbols(text[:80]):
            return start + 1
    return start


def _main_end(lines: list[Line], start: int) -> int:
    for i in range(start, len(lines)):
        text = lines[i].text
        cells = [c.text for c in table_cells(lines[i])]
        if is_recipients_start(text) or any(is_recipients_start(c) for c in cells):
            return i
        if any(CAPACITY_RE.match(c) for c in cells) or _signature_here(lines, i):
            return i
    return len(lines)


def _signature_here(lines: list[Line], i: int) -> bool:
    """A title or ``đã ký`` line followed, within three lines, by a personal name."""
    if not is_signature_line(lines[i].text):
        return False
    return any(is_name(x.text) for x in lines[i + 1 : i + 4])


def _closing(lines: list[Line], start: int) -> tuple[list[Line], list[Line], int]:
    """Recipients and signature lines starting at ``start`` (either order); index after them."""
    recipients: list[Line] = []
    signature: list[Line] = []
    i = start
    while i < len(lines):
        line = lines[i]
        if line.text.startswith("|"):
            cells = table_cells(line)
            if not any(is_recipients_start(c.text) or is_signature_line(c.text) for c in cells):
                break
            for cell in cells:
                (recipients if is_recipients_start(cell.text) else signature).append(cell)
            i += 1
        elif is_recipients_start(line.text) and not recipients:
            head, authority = _beside(line)
            recipients.append(head)
            signature.extend(authority)
            i += 1
            while i < len(lines) and _recipient_continues(lines[i].text):
                recipients.append(lines[i])
                i += 1
        elif is_signature_line(line.text) and not any(is_name(s.text) for s in signature):
            j = _signature_end(lines, i)
            signature.extend(lines[i:j])
            i = j
        elif recipients and is_name(line.text) and not any(is_name(s.text) for s in signature):
            signature.append(line)  # the name under a seal whose title OCR lost, or set apart from its title
            i += 1
        else:
            break
    return recipients, signature, i


_BESIDE = re.compile(r"^(?P<head>\S+\s+\S+\s*:)\s*(?P<cap>(?:T/M|K/T|T/L|TM\.|KT\.|TL\.)\s*\S.*)$", re.IGNORECASE)


def _beside(line: Line) -> tuple[Line, list[Line]]:
    """``Nơi nhận: T/M BAN THƯỜNG VỤ`` (two cells flattened onto one line) → the recipients' head and the
    signature's authority."""
    m = _BESIDE.match(line.text)
    if not m:
        return line, []
    return Line(line.no, m["head"]), [Line(line.no, m["cap"])]


def _recipient_continues(text: str) -> bool:
    if text.startswith(("- ", "* ", "+ ", "• ")):
        return True
    return not (is_signature_line(text) or text.startswith("|") or is_name(text) or mostly_upper(text))


def _signature_end(lines: list[Line], i: int) -> int:
    j = i
    while j < len(lines) and j - i < 8:
        text = lines[j].text
        if is_name(text):
            j += 1
            while j < len(lines) and SEAL_NOTE_RE.match(lines[j].text):
                j += 1
            return j
        if not (
            is_signature_line(text) or SIGNED_RE.fullmatch(text) or mostly_upper(text) or SEAL_NOTE_RE.match(text)
        ):
            return j
        j += 1
    return j


def _attachments(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """Lines after the signature; a second Nơi nhận or signature among them goes to ``extra``."""
    kept: list[Line] = []
    extra: list[Line] = []
    i = 0
    while i < len(lines):
        if is_recipients_start(lines[i].text) or _signature_here(lines, i) or CAPACITY_RE.match(lines[i].text):
            recipients, signature, j = _closing(lines, i)
            if j > i:
                extra.extend(recipients + signature)
                i = j
                continue
        kept.append(lines[i])
        i += 1
    return kept, extra


def segment(lines: list[Line]) -> Segments:
    """Split a document's logical lines into its parts (see the module docstring)."""
    preface, rest = _split_preface(lines)
    stamp_at = set(find_stamp(rest))
    stamp = [rest[i] for i in sorted(stamp_at)]
    rest = [line for i, line in enumerate(rest) if i not in stamp_at]
    header, addressees, type_at, start = _head(rest)
    authority = {fold(without_motto(h.text)) for h in header}
    if type_at is not None:
        title_end = _title_end(rest, start, authority)
        title = rest[type_at:title_end]
    else:
        title_end = _self_title(rest, start)
        subject = [h for h in header if _SUBJECT.match(h.text)]
        title = subject + rest[start:title_end]
        header = [h for h in header if h not in subject]
    end = _main_end(rest, title_end)
    structural = next((i for i in range(title_end, end) if _SECTION.match(rest[i].text)), None)
    body_at = structural if structural is not None else min(title_end + 1, end)
    recipients, signature, after = _closing(rest, end)
    attached, extra = _attachments(rest[after:])
    body = rest[body_at:end] + attached
    return Segments(
        preface=preface,
        header=header,
        addressees=addressees,
        title=title,
        preamble=rest[title_end:body_at],
        body=body,
        recipients=recipients,
        signature=signature,
        stamp=stamp,
        extra=extra,
        attachments_start=(end - body_at) if attached else None,
    )


def without_motto(text: str) -> str:
    """``CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`` → ``CHÍNH PHỦ``: the header's motto phrases taken out,
    whatever the accents (``HOÀ``, ``HÕA`` from a font or OCR).

    >>> without_motto("UBND TỈNH LÀO CAI CỘNG HÕA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    'UBND TỈNH LÀO CAI'
    """
    folded = "".join(_fold_char(c) for c in text)  # one character for one: spans map back onto ``text``
    for pattern in _MOTTO_PATTERNS:
        for m in reversed(list(pattern.finditer(folded))):
            text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
            folded = folded[: m.start()] + " " * (m.end() - m.start()) + folded[m.end() :]
    return " ".join(text.split())


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    base = unicodedata.normalize("NFD", c)[:1] or c
    return "d" if c in "đĐ" else base.lower()


_MOTTO_PATTERNS = [
    re.compile(r"\s*[-–]\s*".join(r"\s+".join(map(re.escape, part.split())) for part in fold(m).split(" - ")))
    for m in MOTTOS
]
