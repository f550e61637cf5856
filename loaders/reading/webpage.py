"""A legal-library web page saved as text or markdown → the document it shows, without the site around it.

Pages scraped from thuvienphapluat.vn and similar sites carry a copyright banner, a metadata table (``Số hiệu``,
``Loại văn bản``, ``Người ký`` …), navigation, related documents, visitor counters and notices whose dates and
decree numbers (``Thực hiện Nghị định 13/2023/NĐ-CP``) would become facts of the document. A page is recognised
by its site text (:func:`is_webpage`); the document is taken from its header (the cell before the national
motto) to the first line of the site's footer (:func:`clean_webpage`). Header cells that the scraper glued
together (``BAN CHẤP HÀNH TRUNG ƯƠNG-------``, ``…VIỆT NAMĐộc lập - Tự do - Hạnh phúc``) are split in any text.

>>> split_glued("BAN CHẤP HÀNH TRUNG ƯƠNG-------ĐẢNG CỘNG SẢN VIỆT NAM")
['BAN CHẤP HÀNH TRUNG ƯƠNG', 'ĐẢNG CỘNG SẢN VIỆT NAM']
>>> split_glued("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc")
['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from loaders.reading.stream import StreamLine

__all__ = ["clean_webpage", "fold_lines", "is_webpage", "split_glued"]

# Site text, folded (no accents, lower case): what a legal document never says about itself.
_SITE = (
    "thu vien phap luat",
    "thuvienphapluat",
    "luatvietnam",
    "dang tai van ban",
    "ban dich nay thuoc quyen so huu",
    "click vao phan boi vang",
    "van ban nay chua cap nhat noi dung tieng anh",
    "cam on da dung",
    "bi dang xuat",
    "dang nhap",
    "luot xem",
)
_METADATA = ("so hieu:", "loai van ban:", "noi ban hanh:", "nguoi ky:", "ngay ban hanh:", "ngay hieu luc:")
_FOOTER = re.compile(
    r"^(?:#+\s*)?(?:van ban lien quan|van ban nay chua cap nhat|luoc do|noi dung sua doi, huong dan"
    r"|cam on da dung|thua quy khach|tai van ban|ban dich nay thuoc quyen|dang tai van ban|ip:)"
)
_SUMMARY = re.compile(r"\d+[-/]\S+ (?:nam \d{4}|ngay \d{1,2}/\d{1,2}/\d{4}) .* do .+ ban hanh$")
_MOTTO = re.compile(r"^(?:cong hoa xa hoi chu nghia viet nam|dang cong san viet nam)")
_COUNTER = re.compile(r"^(?:luot xem|so luot|truy cap|dang truc tuyen)\b.*\d|^\d{2,7}$")
_GLUED_RULE = re.compile(r"(?<=\S)[-–—_=]{3,}")
_GLUED_MOTTO = re.compile(r"(?<=VIỆT NAM)(?=Độc lập)|(?<=VIỆT NAM)[-–—_=]*(?=Độc lập)")


# Every combining mark of the Basic Multilingual Plane dropped, ``đ`` → ``d``, markup characters → spaces: one
# ``str.translate`` per line instead of a category lookup per character (every line of every file is folded).
_PLAIN = {cp: None for cp in range(0x10000) if unicodedata.category(chr(cp)) == "Mn"} | {
    ord("đ"): "d", ord("Đ"): "D", ord("*"): " ", ord("_"): " ",
}  # fmt: skip


# Anything but ASCII and the combining diacritics (U+0300–U+036F, every one a mark): where a decomposed line holds
# nothing else, dropping its non-ASCII characters drops exactly its marks.
_NOT_ASCII_OR_MARK = re.compile("[^\x00-\x7f\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower case without accents (``đ`` → ``d``), markup characters dropped, spaces collapsed."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    if not _NOT_ASCII_OR_MARK.search(decomposed):  # most Vietnamese lines: no per-character map needed
        plain = decomposed.encode("ascii", "ignore").decode("ascii").lower()
        return " ".join(plain.replace("*", " ").replace("_", " ").split())
    plain = decomposed.translate(_PLAIN)
    if not plain.isascii() and any(ord(c) > 0xFFFF for c in plain):  # marks beyond the BMP: the general rule
        plain = "".join(c for c in plain if unicodedata.category(c) != "Mn")
    return " ".join(plain.lower().split())


_COMBINING = re.compile("[\u0300-\u036f]")
_NOT_ASCII = re.compile("[^\x00-\x7f]")


def fold_lines(texts: Sequence[str]) -> list[str]:
    """``[fold(t) for t in texts]``, made over the lines joined: a few passes over the whole text instead of
    several calls per line (every file is checked for a web page)."""
    decomposed = unicodedata.normalize("NFD", "\n".join(texts).replace("đ", "d").replace("Đ", "D"))
    bare = _COMBINING.sub("", decomposed)
    marks = {c for c in _NOT_ASCII.findall(bare) if unicodedata.category(c) == "Mn"}  # outside the block
    if marks:
        bare = bare.translate({ord(c): None for c in marks})
    lines = bare.lower().replace("*", " ").replace("_", " ").split("\n")
    if len(lines) != len(texts):  # a text held a line break of its own
        return [fold(t) for t in texts]
    return [" ".join(line.split()) for line in lines]


def is_webpage(texts: Sequence[str]) -> bool:
    """True when the text carries a legal-library site's own text (two markers or more)."""
    folded = fold_lines(texts)
    hits = sum(1 for f in folded if any(m in f for m in _SITE) or f.startswith(_METADATA))
    return hits >= 2


def split_glued(text: str) -> list[str]:
    """One line → the header cells a scraper glued together, each on its own line."""
    parts = [p.strip() for p in _GLUED_MOTTO.split(_GLUED_RULE.sub("\n", text)) for p in p.split("\n")]
    return [p for p in parts if p] or [text]


def clean_webpage(lines: Sequence[StreamLine]) -> list[StreamLine]:
    """The document's own lines of a saved web page; ``lines`` unchanged when it is not one."""
    split = [StreamLine(part, line.origin) for line in lines for part in _split_or_blank(line.text)]
    texts = [line.text for line in split]
    if not is_webpage(texts):
        return split
    folded = fold_lines(texts)
    start = _start(texts, folded)
    end = next((k for k in range(start + 1, len(folded)) if _is_footer(folded[k])), len(folded))
    return [line for line, f in zip(split[start:end], folded[start:end], strict=True) if not _is_chrome(f)]


def _split_or_blank(text: str) -> list[str]:
    return split_glued(text) if text.strip() else [text]


def _start(texts: list[str], folded: list[str]) -> int:
    """The first line of the header: the cell before the first national motto (bold runs may split it)."""
    for k, f in enumerate(folded):
        joined = f if k + 1 == len(folded) else f"{f} {folded[k + 1]}"
        if _MOTTO.match(joined) and not any(m in f for m in _SITE):
            return _cell_start(texts, k)
    return 0


def _cell_start(texts: list[str], motto: int) -> int:
    k = motto - 1
    while k >= 0 and texts[k].strip() in ("|", "") and motto - k <= 3:
        k -= 1
    first = k + 1
    while k >= 0 and texts[k].strip() not in ("|", "") and first - k <= 4:
        first, k = k, k - 1
    return first


def _is_footer(folded: str) -> bool:
    return bool(_FOOTER.match(folded) or _SUMMARY.search(folded))


def _is_chrome(folded: str) -> bool:
    return any(m in folded for m in _SITE) or bool(_COUNTER.match(folded))
