"""Issuer identity: whether two names, as documents print them, can be the same issuing body.

One rule for the whole project (the date a citation gives a document, the citation the link pass merges into a
loaded document): a name missing on either side says nothing against; otherwise one name is the other shortened
(its words a subset: ``Ban Thường vụ Tỉnh ủy`` ⊂ ``Ban Thường vụ Tỉnh ủy Bình Định``) or misspelt (a typo
or an OCR error: token-sort similarity of the folded names at least 90).

>>> same_issuer("Ban Thường vụ Tỉnh ủy", "BAN THƯỜNG VỤ TỈNH ỦY BÌNH ĐỊNH")
True
>>> same_issuer("Ban Thường vụ Tỉnh ủy", "Ủy ban nhân dân tỉnh")
False
>>> same_issuer(None, "Bộ Chính trị")
True
"""

from __future__ import annotations

from rapidfuzz import fuzz

from loaders.text.folding import fold

__all__ = ["ISSUER_AGREES", "same_issuer"]

ISSUER_AGREES = 90  # token_sort_ratio of folded names that differ by a typo or an OCR error


def same_issuer(a: str | None, b: str | None) -> bool:
    """Whether ``a`` and ``b`` can name the same issuer (see the module docstring)."""
    if not a or not b:
        return True
    x, y = fold(a), fold(b)
    words_x, words_y = set(x.split()), set(y.split())
    return words_x <= words_y or words_y <= words_x or fuzz.token_sort_ratio(x, y) >= ISSUER_AGREES
