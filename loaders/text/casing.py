"""Organ names printed in capitals → their usual Vietnamese casing.

Headers print organ names in capitals (``ĐẢNG ỦY KHỐI CÁC CƠ QUAN``); the record keeps them in the usual
Vietnamese casing (``Đảng ủy Khối các cơ quan``): the organ kind in lower case after its first letter, the
word naming its function capitalised (``Ban Tuyên giáo``, ``Bộ Tài nguyên và Môi trường``), proper nouns
(``Trung ương``, ``Chính phủ``) and place names capitalised.

>>> organ_case("ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ")
'Ủy ban nhân dân tỉnh Phú Thọ'
"""

from __future__ import annotations

import re

from loaders.text.folding import fold, modern_tones
from loaders.text.organ_words import (
    ORGAN_ABBREVIATIONS,
    ORGAN_KINDS,
    PROPER_NAMES,
    TERRITORIAL_COMMITTEES,
    TERRITORIES,
)

__all__ = ["organ_case"]

_PROPER = PROPER_NAMES
_KINDS = ORGAN_KINDS
_WEAK_KINDS = {"hội", "đoàn", "khối", "vụ"}  # also ordinary words: capitalised only where a name is expected
# After these kinds the next words stay lower case (``Ủy ban nhân dân``, ``Đảng ủy Khối các cơ quan``).
_LOWER_AFTER = ("nhân dân", "các", "chi bộ")
# Committees named after their territory are capitalised anywhere; territorial units stay lower case inside a
# name; both are followed by a place name.
_COMMITTEES = TERRITORIAL_COMMITTEES
_TERRITORIES = TERRITORIES
_STOP = {"và", "của", "về", "tại", "các", "thuộc", "trực", "ở", "trên", "cơ", "quan"}
# Abbreviations kept as printed: organ abbreviations and the city prefix ``TP``.
_ABBREVIATIONS = ORGAN_ABBREVIATIONS | {"TP", "TP."}


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"\s+", text.strip()) if w]


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _match(words: list[str], i: int, phrases: tuple[str, ...] | list[str]) -> int:
    """Length in words of the longest phrase of ``phrases`` starting at word ``i`` (0 when none)."""
    best = 0
    for phrase in phrases:
        parts = phrase.split()
        if words[i : i + len(parts)] == parts and len(parts) > best:
            best = len(parts)
    return best


def _kept_as_printed(word: str) -> bool:
    """Abbreviations (``UBND``, ``KHCN`` — no vowel) and roman numerals (``XIII``) keep their capitals."""
    bare = fold(word)
    return word in _ABBREVIATIONS or (
        len(word) > 1 and (bool(re.fullmatch(r"[IVXLC]+", word)) or not re.search(r"[aeiouy]", bare))
    )


def _place(words: list[str], out: list[str], i: int) -> int:
    """Capitalise a place name after a territorial kind (``tỉnh Bình Định``, ``Tỉnh ủy Bình Định``) ending at
    ``i``; the index after it."""
    start = i
    while (
        i < len(words)
        and words[i] not in _STOP
        and not (_match(words, i, _KINDS) and not _second(words, start, i))
    ):
        out[i] = _cap(words[i])
        i += 1
    return i


def _second(words: list[str], start: int, i: int) -> bool:
    """A weak kind as the second syllable of a place name is part of it (``phường Thuận Hội``, ``xã Cẩm
    Khối``): Vietnamese place names are mostly two syllables, an organ starts after them."""
    return i == start + 1 and words[i] in _WEAK_KINDS


def organ_case(text: str) -> str:
    """An organ name printed in capitals → the name in ordinary casing (see the module docstring)."""
    printed = _words(modern_tones(text))
    words = [w.lower() for w in printed]
    out = list(words)
    i, capitalise_next, in_name = 0, True, False
    while i < len(words):
        if _kept_as_printed(printed[i]):
            out[i], i, capitalise_next = printed[i], i + 1, False
            continue
        if n := _match(words, i, list(_PROPER)):
            out[i : i + n] = _PROPER[" ".join(words[i : i + n])].split()
            i, capitalise_next, in_name = i + n, False, True
            continue
        committee = _match(words, i, _COMMITTEES)
        if committee or (n := _match(words, i, _TERRITORIES)):
            out[i] = _cap(out[i]) if committee or i == 0 else out[i]
            i, capitalise_next, in_name = _place(words, out, i + (committee or n)), False, False
            continue
        kind = _match(words, i, _KINDS)
        if words[i] == "đảng" and not kind:
            out[i], i, capitalise_next = "Đảng", i + 1, False
            continue
        if (capitalise_next or (kind and words[i] not in _WEAK_KINDS)) and words[i] not in _STOP:
            out[i] = _cap(words[i])
            in_name = in_name or capitalise_next
        step = max(kind, 1)
        if words[i] == "và":
            capitalise_next = in_name
        else:
            capitalise_next = bool(kind) and not _match(words, i + step, _LOWER_AFTER)
            in_name = in_name and not kind
        i += step
    return " ".join([_cap(out[0]), *out[1:]]) if out else ""
