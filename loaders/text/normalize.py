"""Stage 2: raw text → logical lines (:class:`~loaders.text.line.Line`), a pure function of the text.

Guarantees the later stages rely on:

* Text is NFC; ``Ð`` (Icelandic eth, an OCR/font confusion) is ``Đ``; NBSP, tabs and zero-width characters are
  plain spaces or gone; whitespace inside a line is collapsed; no line is empty.
* Markdown is gone and its text kept: ``#`` headings, ``**``/``*``/``__`` emphasis (also when a bold run is
  split mid-phrase), ``\\-`` ``1\\.`` escapes, ``>`` quotes, code fences, rules (``---``), separator dashes.
* A paragraph is one line: hard-wrapped lines are joined, and a paragraph cut by a page break (it does not end
  with ``. : ; ! ?`` and the text after the blank lines starts in lower case) is rejoined. Stray page numbers
  between the halves are dropped.
* Structure is never joined away: lines starting with a list or section marker (``I -``, ``II-``, ``A-``,
  ``1.``, ``1-``, ``2.1``, ``a)``, ``(1)``, ``-``, ``*``, ``+``, ``Điều 1.``), capitalised header lines and
  type lines (``KẾ HOẠCH``) stay separate lines. A bullet standing alone on the line before its paragraph is
  put in front of it (``- Các cấp ủy …``).
* Tables are rows starting with ``|`` whose cells are separated by `` | ``: markdown tables (also rows that the
  converter wrapped over several lines; separator rows dropped) and flattened one-cell-per-line tables with lone
  ``|`` lines (thuvienphapluat pages; each cell becomes a one-cell row).
* Small, certain OCR repairs only: ``ƯBND`` → ``UBND``, ``KÉT LUẬN`` → ``KẾT LUẬN``, roman ``HI`` → ``III``
  when it follows ``II``. Other damage (``Bí THƯ``, ``tổ tụng``) is left for tolerant matching.
* Every line keeps the 1-based number of the source line where it starts (``Line.no``), lines counted as
  ``str.splitlines`` counts them (``\\r\\n``, ``\\r``, form feeds and U+2028 end a line).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from loaders.text.doc_types import TYPE_WORDS
from loaders.text.folding import fold
from loaders.text.line import Line
from loaders.text.runon import ends_unfinished

__all__ = ["MARKER_RE", "clean_inline", "is_type_line", "normalize"]

_SPACES = (("\u00a0", " "), ("\t", " "), ("\u2007", " "), ("\u202f", " "), ("\u3000", " "), ("Ð", "Đ"))
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_PLACEHOLDER = 0xE000  # private-use characters stand in for escaped markup characters while it is stripped
_RESTORE = {_PLACEHOLDER + c: c for c in range(128)}
_PLACEHELD = re.compile(f"[{chr(_PLACEHOLDER)}-{chr(_PLACEHOLDER + 127)}]")
_RULE = re.compile(r"^(?:\\?[-*_=–—]\s*){3,}$")
# A converter's separator: only rule marks and spaces, two or more marks (``* *``, ``- -``, ``**``); never content.
_SPARSE_RULE = re.compile(r"^(?:[-*_]\s*){2,}$")
_FENCE = re.compile(r"^(?:`{3,}|~{3,})")
_HEADING = re.compile(r"^#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?$")
_BULLET = re.compile(r"^\\?([-*+•–])\s+(.*)$")
_QUOTE = re.compile(r"^(?:>\s?)+")
_LONE_BULLET = re.compile(r"^\\?[-+•–]$")
_EMPHASIS = re.compile(r"\*+(?=\S)|(?<=\S)\*+|(?<!\w)__(?=\S)|(?<=\S)__(?!\w)")
_LINK = re.compile(r"!\[[^\]]*\]\([^)]*\)|\[([^\]]+)\]\((?:https?:|/|#)[^)]*\)")
_HTML = re.compile(r"<br\s*/?>|</?(?:b|i|u|em|strong|sup|sub|span|p|div)\b[^>]*>", re.IGNORECASE)
_DASH_RUN = re.compile(r"(?:(?<=\s)|^)[-–—_=]{3,}(?=\s|$)")
_DASHES = re.compile(r"[-–—_=]{3}")  # what a dash run needs: a quick scan before the slower pattern
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")

MARKER_RE = re.compile(
    r"^(?:[-*+•]\s|(?:[IVXLC]+|[A-ZĐ])\s*[.\-–)]\s|\d+(?:\.\d+)*\s*[.\-–)](?:\s|$)|[a-zđ]\)\s|\(\d+\)\s"
    r"|\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)\s|Điều\s+\d+)"
)
_NUMBERED = re.compile(r"^(?:[IVXLC]+|[A-ZĐ]|\d+(?:\.\d+)*|[a-zđ]|\(\d+\))\s*[.\-–)]")
_STRUCTURE = re.compile(
    r"^(?:nơi nhận|kính gửi|t/m|k/t|t/l|t/u|tm\.|kt\.|tl\.|tuq\.|q\.\s|quyết nghị|phụ lục|điều\s+\d)",
    re.IGNORECASE,
)
_TERMINAL = ".:;!?…]"
_LAST_WORD_LOWER = re.compile(r"(?:^|\s)[a-zà-ỹđ]+$")
_OCR_WORDS = tuple(
    (word, re.compile(rf"\b{word}\b"), repl)
    for word, repl in (("ƯBND", "UBND"), ("KÉT LUẬN", "KẾT LUẬN"), ("KÊ HOẠCH", "KẾ HOẠCH"))
)
_ROMAN = re.compile(r"^(?P<r>[IVXLC]+|HI)(?P<rest>\s*[.\-–]\s.*)$")
_TYPE_NAMES = {fold(t) for t in TYPE_WORDS}


@dataclass(slots=True)
class _Item:
    no: int
    text: str
    kind: str  # "text" | "heading" | "table" | "blank"


def normalize(text: str) -> list[Line]:
    """Logical lines of ``text`` (see the module docstring for what they guarantee)."""
    raw = _chars(text).splitlines()  # the same lines, and numbers, as any viewer
    if _INVISIBLE.search(text):  # after the split: a zero-width character may stand between ``\r`` and ``\n``
        raw = [_INVISIBLE.sub("", line) for line in raw]
    items = _drop_page_numbers(_items(raw))
    lines = _join(items)
    return _fix_ocr(lines)


def _chars(text: str) -> str:
    """NFC, odd spaces plain, ``Ð`` → ``Đ``, over the whole text at once: neither changes where lines end."""
    text = unicodedata.normalize("NFC", text)
    for odd, plain in _SPACES:
        text = text.replace(odd, plain)  # a few ``str.replace`` passes: far cheaper than a per-character map
    return text


def is_type_line(text: str) -> bool:
    """``KẾ HOẠCH``, ``NGHỊ QUYẾT``, ``CHƯƠNG TRÌNH HÀNH ĐỘNG``: a type name alone, in capitals."""
    bare = text.strip(" .:")
    return bare.isupper() and fold(bare) in _TYPE_NAMES


# --- markup ------------------------------------------------------------------------------------------


def clean_inline(text: str) -> str:
    """Strip inline markdown from one line or cell and collapse its whitespace (no structural changes)."""
    # Each pattern is tried only when the character it needs is there: most lines hold no markup at all.
    protected = _ESCAPE.sub(_protect, text) if "\\" in text else text
    protected = _LINK.sub(lambda m: m.group(1) or "", protected) if "](" in protected else protected
    protected = _HTML.sub(" ", protected) if "<" in protected else protected
    protected = _EMPHASIS.sub("", protected) if "*" in protected or "__" in protected else protected
    restored = protected.translate(_RESTORE) if _PLACEHELD.search(protected) else protected
    restored = _DASH_RUN.sub(" ", restored) if _DASHES.search(restored) else restored
    return " ".join(restored.split())


def _protect(m: re.Match[str]) -> str:
    return chr(_PLACEHOLDER + ord(m.group(1)))


def _clean_line(no: int, line: str) -> _Item:
    s = line.strip()
    if not s or _FENCE.match(s) or _RULE.match(s) or _SPARSE_RULE.match(s):
        return _Item(no, "", "blank")
    kind = "text"
    if m := _HEADING.match(s):
        s, kind = m.group(1), "heading"
    s = _QUOTE.sub("", s) if s.startswith(">") else s
    if _LONE_BULLET.match(s):
        return _Item(no, "-", "text")
    bullet = ""
    if m := _BULLET.match(s):
        bullet = "-" if m.group(1) in "-–" else m.group(1)
        s = m.group(2)
    s = clean_inline(s)
    if not s:
        return _Item(no, "", "blank")
    if bullet:
        return _Item(no, f"{bullet} {s}", "text")
    return _Item(no, s, kind if not MARKER_RE.match(s) else "text")


# --- tables ------------------------------------------------------------------------------------------


def _cells(row: str) -> list[str]:
    body = row.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return [clean_inline(c) for c in re.split(r"(?<!\\)\|", body)]


def _table_row(no: int, row: str) -> _Item:
    cells = _cells(row)
    if all(re.fullmatch(r":?-*:?", c.replace(" ", "")) for c in cells):
        return _Item(no, "", "blank")  # a separator row, or a row of empty cells
    return _Item(no, "| " + " | ".join(cells) + " |", "table")


def _lone_pipe_blocks(raw: list[str]) -> dict[int, tuple[int, list[int]]]:
    """Flattened tables: {first line index: (last line index, indices of the lone ``|`` lines)}."""
    pipes = [i for i, line in enumerate(raw) if line.strip() == "|"]
    blocks: dict[int, tuple[int, list[int]]] = {}
    group: list[int] = []
    for i in [*pipes, len(raw) + 99]:
        if group and i - group[-1] > 8 and not _one_cell(raw, group[-1], i):
            start = group[0]
            while start > 0 and raw[start - 1].strip() and group[0] - start < 8:
                start -= 1
            blocks[start] = (group[-1], group)
            group = []
        group.append(i)
    return blocks


def _items(raw: list[str]) -> list[_Item]:
    items: list[_Item] = []
    blocks = _lone_pipe_blocks(raw)
    i = 0
    while i < len(raw):
        if i in blocks:
            end, pipes = blocks[i]
            items.extend(_flattened_cells(raw, i, pipes))
            i = end + 1
            continue
        stripped = raw[i].strip()
        if stripped.startswith("|") and stripped != "|":
            j, row = i, stripped
            while not row.endswith("|") and j + 1 < len(raw) and raw[j + 1].strip() and j - i < 40:
                j += 1
                row += " " + raw[j].strip()
            items.append(_table_row(i + 1, row))
            i = j + 1
            continue
        items.append(_clean_line(i + 1, raw[i]))
        i += 1
    return items


def _one_cell(raw: list[str], pipe: int, next_pipe: int) -> bool:
    """Lines between two lone ``|`` that read as one long cell (a ``Nơi nhận`` list): no blank line, at most 30."""
    return next_pipe - pipe <= 30 and all(raw[k].strip() for k in range(pipe + 1, min(next_pipe, len(raw))))


def _flattened_cells(raw: list[str], start: int, pipes: list[int]) -> list[_Item]:
    out: list[_Item] = []
    begin = start
    for pipe in pipes:
        parts = [(k, _clean_line(k + 1, raw[k]).text) for k in range(begin, pipe)]
        parts = [(k, t) for k, t in parts if t]
        if parts:
            out.append(_Item(parts[0][0] + 1, "| " + " ".join(t for _, t in parts) + " |", "table"))
        begin = pipe + 1
    out.append(_Item(pipes[-1] + 1, "", "blank"))
    return out


# --- joining -----------------------------------------------------------------------------------------


def _drop_page_numbers(items: list[_Item]) -> list[_Item]:
    """A lone 1–3 digit line between two text lines is a page number left by the PDF conversion."""
    kinds = [x.kind for x in items]
    before: list[str | None] = []
    last: str | None = None
    for kind in kinds:
        before.append(last)
        last = kind if kind != "blank" else last
    after: list[str | None] = [None] * len(items)
    last = None
    for k in range(len(items) - 1, -1, -1):
        after[k] = last
        last = kinds[k] if kinds[k] != "blank" else last
    return [
        _Item(x.no, "", "blank")
        if x.kind == "text" and _PAGE_NUMBER.match(x.text) and before[k] == after[k] == "text"
        else x
        for k, x in enumerate(items)
    ]


def _starts_lower(text: str) -> bool:
    return bool(text) and text[0].islower()


def _has_lower(text: str) -> bool:
    return any(c.islower() for c in text)


def _can_join(a: _Item, b: _Item, across_blank: bool) -> bool:
    """Whether ``b`` continues the paragraph ``a`` (a hard wrap, or a page break when ``across_blank``)."""
    if a.kind != "text" or b.kind != "text":
        return False
    if a.text == "-":
        return not MARKER_RE.match(b.text) and b.text != "-"
    if MARKER_RE.match(b.text) or _STRUCTURE.match(b.text) or b.text == "-":
        return False
    if not across_blank and a.text[-1] in ";," and _starts_lower(b.text):
        return True  # a hard wrap after a clause: "… Luật Hòa giải ở cơ sở;" / "các quy định …"
    if a.text[-1] in _TERMINAL or is_type_line(a.text):
        return False
    if a.text.endswith(","):
        return _starts_lower(b.text) or not across_blank
    if not _has_lower(a.text):
        return False
    if _starts_lower(b.text):
        return True
    if across_blank or not _has_lower(b.text):
        return False
    if _NUMBERED.match(a.text):  # a numbered heading is not run on by a capital line, unless cut mid-clause
        return ends_unfinished(a.text)
    return bool(_LAST_WORD_LOWER.search(a.text))


def _join(items: list[_Item]) -> list[Line]:
    out: list[_Item] = []
    blank_before = False
    for item in items:
        if item.kind == "blank":
            blank_before = True
            continue
        if out and _can_join(out[-1], item, blank_before):
            prev = out[-1]
            prev.text = f"- {item.text}" if prev.text == "-" else f"{prev.text} {item.text}"
        else:
            out.append(_Item(item.no, item.text, item.kind))
        blank_before = False
    return [Line(x.no, x.text) for x in out if x.text]


def _fix_ocr(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    last_roman = ""
    for line in lines:
        text = line.text
        for word, pattern, repl in _OCR_WORDS:
            text = pattern.sub(repl, text) if word in text else text
        if m := _ROMAN.match(text):
            roman = m["r"]
            if roman == "HI" and last_roman == "II":
                roman, text = "III", "III" + m["rest"]
            last_roman = roman if roman != "HI" else last_roman
        out.append(Line(line.no, text) if text != line.text else line)
    return out
