"""The search box's matching: every word typed, found in an option's folded text (with or without diacritics)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph.model import fold

__all__ = ["Choice", "search"]


@dataclass(frozen=True, slots=True)
class Choice:
    """Something a search box can find: a document or an organ."""

    uid: str
    kind: str  # document | organ
    label: str
    key: str  # folded text the search matches against


def search(text: str, options: Sequence[Choice]) -> list[Choice]:
    """Options whose label, symbol or title hold every word of ``text``, with or without diacritics.

    >>> search("ke hoach 60", [Choice("u", "document", "Kế hoạch 60-KH/TU", "ke hoach 60-kh/tu")])[0].label
    'Kế hoạch 60-KH/TU'
    """
    words = fold(text).split()
    return [c for c in options if all(w in c.key for w in words)]
