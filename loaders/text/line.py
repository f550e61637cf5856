"""The unit every stage after ``normalize`` works on: a logical line with the file line it started on."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Line"]


@dataclass(frozen=True, slots=True)
class Line:
    """One logical line of normalised text.

    ``text`` is NFC, without markdown markup, whitespace collapsed; a paragraph that the source wrapped or a
    page break split is one ``Line``. ``no`` is the 1-based line of the source file where it starts, so every
    extracted fact can point back at the file. Table rows keep their cells separated by `` | `` and start
    with ``|``.
    """

    no: int
    text: str
