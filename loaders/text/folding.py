"""Folding and slugs: the forms of Vietnamese text that comparisons and uids use.

>>> fold("Ban Tuyên giáo Đảng ủy Khối")
'ban tuyen giao dang uy khoi'
>>> slug("Bình Định")
'binh-dinh'
>>> modern_tones("Uỷ ban nhân dân tỉnh Khánh Hoà")
'Ủy ban nhân dân tỉnh Khánh Hòa'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "modern_tones", "slug"]


# Every combining mark of the Basic Multilingual Plane dropped, ``đ``/``Đ`` → ``d``/``D``: one ``str.translate``
# instead of a category lookup per character (fold runs on every name and task text, many times each).
_BARE = {cp: None for cp in range(0x10000) if unicodedata.category(chr(cp)) == "Mn"} | {
    ord("đ"): "d",
    ord("Đ"): "D",
}


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case, accent-free, NFC-independent form of Vietnamese text (``Đ`` → ``d``).

    >>> fold("Ban Tuyên giáo Đảng ủy Khối")
    'ban tuyen giao dang uy khoi'
    """
    bare = unicodedata.normalize("NFD", text).translate(_BARE)
    if not bare.isascii() and any(ord(c) > 0xFFFF for c in bare):  # marks beyond the BMP: the general rule
        bare = "".join(c for c in bare if unicodedata.category(c) != "Mn")
    return " ".join(bare.lower().split())


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """ASCII slug of a name, for uids: ``Bình Định`` → ``binh-dinh``."""
    return _NOT_SLUG.sub("-", fold(text)).strip("-")


_OLD_TONE_PAIRS = {
    "oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oé": "óe", "oè": "òe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_OLD_TONE_RE = re.compile(r"(?<![qQ])(" + "|".join(_OLD_TONE_PAIRS) + r")(?![^\W\d_])", re.IGNORECASE)
# What an old placement needs (``o``/``u``, a toned vowel, no letter after) as one character class per position:
# a search many times cheaper than the alternation, which only the texts that pass it run.
_OLD_TONE_HINT = re.compile(r"[ou][áàảãạéèẻẽẹýỳỷỹỵ](?![^\W\d_])", re.IGNORECASE)


@lru_cache(maxsize=1 << 14)
def modern_tones(text: str) -> str:
    """Old tone placement at the end of a syllable → the modern one (``khoá`` → ``khóa``, ``uỷ`` → ``ủy``)."""

    def swap(m: re.Match[str]) -> str:
        old = m.group(1)
        new = _OLD_TONE_PAIRS[old.lower()]
        return new.upper() if old.isupper() else (new[:1].upper() + new[1:] if old[0].isupper() else new)

    return _OLD_TONE_RE.sub(swap, text) if _OLD_TONE_HINT.search(text) else text
