"""List markers at the start of a line: which kind, which number, and the text after them.

Vietnamese plans number their parts ``I -``/``II-``/``III.`` (roman), ``A.``/``B-`` (parts of Party
resolutions), ``1.``/``1-``/``1)`` and ``2.1``/``2.1-`` (arabic, several levels), ``a)``/``đ)`` (Vietnamese
letters), ``(1)``/``(i)`` (in parentheses), and ``-``/``*``/``+``/``•`` (bullets); a decision's articles
(``Điều 3. Nhiệm vụ …``) are the top level of its body. Structure comes from these
markers, never from markdown. OCR damage in roman numerals (``HI-`` for ``III-``, ``I I -``) is repaired only
when the caller knows which number comes next (``expect_roman``), so a real letter ``H.`` stays a letter.

>>> parse_marker("II- NỘI DUNG TRIỂN KHAI THỰC HIỆN")
Marker(kind='roman', label='II', value=2, text='NỘI DUNG TRIỂN KHAI THỰC HIỆN', bullet=False, repaired=False)
>>> parse_marker("HI - NHIỆM VỤ CỤ THỂ", expect_roman=3).label
'III'
>>> parse_marker("2.1- Đổi mới mạnh mẽ cơ chế quản lý").label
'2.1'
>>> parse_marker("- Chủ trì, phối hợp với các cơ quan liên quan").kind
'bullet'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "ARABIC",
    "ARTICLE",
    "BULLET",
    "LOWER",
    "PAREN",
    "ROMAN",
    "UPPER",
    "Marker",
    "level_key",
    "parse_marker",
    "roman_value",
    "to_roman",
]  # fmt: skip

ROMAN, UPPER, ARABIC, LOWER, PAREN, BULLET = "roman", "upper", "arabic", "lower", "paren", "bullet"
ARTICLE = "article"

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
_SEP = r"\s*(?:[.\-–—:)]|\\\.|\\-)+"
_ROMAN_RE = re.compile(r"^(?P<tok>[IVXLHl](?: ?[IVXLHl]){0,5})" + _SEP + r"(?=\s|$)")
_UPPER_RE = re.compile(r"^(?P<tok>[A-ZĐ])\s*(?:[.\-–—)]|\\\.|\\-)(?=\s|$)")
_ARABIC_RE = re.compile(
    r"^(?P<tok>\d{1,3}(?:\s?\.\s?[1-9]\d?)+)\s*(?:[.\-–—)]|\\\.|\\-)*(?=\s|$)"
    r"|^(?P<one>\d{1,3})\s*(?:[.\-–—)/]|\\\.|\\-)+(?=\s|$)"
)
_LOWER_RE = re.compile(r"^(?P<tok>[a-zđ])\s*(?:[).]|-(?=\s))(?=\s|$)")
_PAREN_RE = re.compile(r"^\((?P<tok>\d{1,2}|[ivx]{1,4}|[a-zđ])\)(?=\s|$)")
_ARTICLE_RE = re.compile(r"^Điều\s+(?P<tok>\d{1,3})\s*[.:]\s*(?=\S|$)")
_BULLET_RE = re.compile(r"^(?:\\)?(?P<tok>[-–—*+•·▪◦○])(?:\s+|$|(?=[^\s\d\-–—*+]))")


@dataclass(frozen=True, slots=True)
class Marker:
    """A list marker: ``kind`` (roman, upper, arabic, lower, paren, bullet), its canonical ``label``
    (``III``, ``B``, ``2.1``, ``đ``, ``(i)``; bullets ``-``, or ``+`` for the second level), its number where it
    has one, and the text after it."""

    kind: str
    label: str
    value: int | None
    text: str
    bullet: bool = False  # a bullet stood before the number (``* (i) …``, ``- a) …``)
    repaired: bool = False  # an OCR-damaged roman numeral read by its place in the sequence

    @property
    def depth(self) -> int:
        """Arabic levels: ``2`` → 1, ``2.1`` → 2."""
        return self.label.count(".") + 1 if self.kind == ARABIC else 1


def roman_value(token: str) -> int | None:
    """The value of a well-formed roman numeral (``XIV`` → 14); ``None`` otherwise."""
    if not token or any(c not in _ROMAN_VALUES for c in token):
        return None
    total = 0
    for i, c in enumerate(token):
        v = _ROMAN_VALUES[c]
        total += -v if i + 1 < len(token) and _ROMAN_VALUES[token[i + 1]] > v else v
    return total if to_roman(total) == token else None


def to_roman(n: int) -> str:
    """``14`` → ``XIV`` (1 ≤ n < 90)."""
    out = ""
    for value, sym in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


def _read_roman(token: str, expect: int | None) -> tuple[int, bool] | None:
    """A roman numeral as printed → (value, repaired). ``H`` and ``l`` are OCR misreads of ``II`` and ``I``."""
    plain = token.replace(" ", "")
    if (value := roman_value(plain)) is not None and (" " not in token or value == expect):
        return value, False
    fixed = plain.replace("H", "II").replace("l", "I")
    value = roman_value(fixed)
    if value is not None and value == expect:
        return value, True
    return None


def _numbered(text: str, expect_roman: int | None) -> Marker | None:
    if m := _ARTICLE_RE.match(text):
        return Marker(ARTICLE, f"Điều {m.group('tok')}", int(m.group("tok")), text[m.end() :].strip())
    if m := _ROMAN_RE.match(text):
        read = _read_roman(m.group("tok"), expect_roman)
        if read is not None and (len(m.group("tok")) > 1 or m.group("tok") in "IVX" or read[1]):
            return Marker(ROMAN, to_roman(read[0]), read[0], text[m.end() :].strip(), repaired=read[1])
    if (m := _UPPER_RE.match(text)) and m.group("tok") not in "IVX":
        letter = m.group("tok")
        return Marker(UPPER, letter, None, text[m.end() :].strip())
    if m := _ARABIC_RE.match(text):
        label = re.sub(r"\s", "", m.group("tok") or m.group("one"))
        return Marker(ARABIC, label, int(label.split(".")[-1]), text[m.end() :].strip())
    if m := _LOWER_RE.match(text):
        return Marker(LOWER, m.group("tok"), None, text[m.end() :].strip())
    if m := _PAREN_RE.match(text):
        tok = m.group("tok")
        value = int(tok) if tok.isdigit() else roman_value(tok.upper())
        return Marker(PAREN, f"({tok})", value, text[m.end() :].strip())
    return None


def parse_marker(text: str, *, expect_roman: int | None = None) -> Marker | None:
    """The list marker ``text`` starts with, or ``None`` for a plain paragraph.

    ``expect_roman`` is the roman number that would come next at the top level; with it, OCR-damaged
    numerals (``HI``, ``I I``, ``Il``) are read as that number when they can only mean it.
    """
    text = text.strip()
    if found := _numbered(text, expect_roman):
        return found
    if m := _BULLET_RE.match(text):
        rest = text[m.end() :].strip()
        inner = _numbered(rest, expect_roman=None)
        if inner is not None and inner.kind in (PAREN, LOWER, ARABIC):
            return Marker(inner.kind, inner.label, inner.value, inner.text, bullet=True)
        return Marker(BULLET, "+" if m.group("tok") == "+" else "-", None, rest)
    return None


def level_key(marker: Marker) -> str:
    """The nesting key of a marker: items with the same key are siblings (``arabic2`` for ``2.1``)."""
    return f"{ARABIC}{marker.depth}" if marker.kind == ARABIC else marker.kind
