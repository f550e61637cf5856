"""Issuer identity: whether two names, as documents print them, can be the same issuing body.

One rule for the whole project (the date a citation gives a document, the citation the link pass merges into a
loaded document): a name missing on either side says nothing against; names of different places never match
(the places each name gives — the words after ``huyện ủy``, ``xã``, ``tỉnh`` … — compared exactly after
folding: one name's places must all be the other's, so ``Huyện ủy Tân Hiệp`` ≠ ``Huyện ủy An Hiệp``);
otherwise one name is the other shortened (its words a subset: ``Ban Thường vụ Tỉnh ủy`` ⊂ ``Ban Thường vụ
Tỉnh ủy Bình Định``) or misspelt (a typo or an OCR error: token-sort similarity of the folded names at least
90).

>>> same_issuer("Ban Thường vụ Tỉnh ủy", "BAN THƯỜNG VỤ TỈNH ỦY BÌNH ĐỊNH")
True
>>> same_issuer("Ban Thường vụ Tỉnh ủy", "Ủy ban nhân dân tỉnh")
False
>>> same_issuer(None, "Bộ Chính trị")
True
>>> same_issuer("Huyện ủy Tân Hiệp", "Huyện ủy An Hiệp")
False
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from loaders.text.folding import fold
from loaders.text.organ_words import TERRITORIAL_COMMITTEES, TERRITORIES

__all__ = ["ISSUER_AGREES", "places", "same_issuer"]

ISSUER_AGREES = 90  # token_sort_ratio of folded names that differ by a typo or an OCR error

_PLACE_WORDS = sorted({fold(w) for w in (*TERRITORIAL_COMMITTEES, *TERRITORIES)}, key=len, reverse=True)
_MARK = "|".join(re.escape(w) for w in _PLACE_WORDS)
# A place word followed by the place's name, up to the next place word: ``huyen uy tan hiep``.
# (``tinh`` in ``tinh uy`` is the committee's word, not a territory followed by a place called ``uy``.)
_PLACE = re.compile(rf"\b(?:{_MARK})\b(?!\s+uy\b)\s+(.+?)(?=\s+\b(?:{_MARK})\b|$)")


@lru_cache(maxsize=65_536)
def places(name: str) -> frozenset[str]:
    """The place names a folded organ name gives: ``huyen uy tan hiep tinh binh dinh`` → ``{tan hiep, binh
    dinh}``."""
    return frozenset(m.group(1) for m in _PLACE.finditer(name))


@lru_cache(maxsize=65_536)
def _same_folded(x: str, y: str) -> bool:
    px, py = places(x), places(y)
    if not (px <= py or py <= px):
        return False
    words_x, words_y = set(x.split()), set(y.split())
    return words_x <= words_y or words_y <= words_x or fuzz.token_sort_ratio(x, y) >= ISSUER_AGREES


def same_issuer(a: str | None, b: str | None) -> bool:
    """Whether ``a`` and ``b`` can name the same issuer (see the module docstring)."""
    if not a or not b:
        return True
    return _same_folded(fold(a), fold(b))
