"""The one exception the loaders raise: a file that cannot be turned into a document, with a reason to act on.

>>> str(LoadError("a.pdf", "no text layer: needs OCR"))
'a.pdf: no text layer: needs OCR'
>>> str(LoadError("a.txt", "blank number", line=4))
'a.txt:4: blank number'
"""

from __future__ import annotations

from pathlib import Path

from common.errors import DirectiveGraphError

__all__ = ["LoadError"]


class LoadError(DirectiveGraphError):
    """A file could not be read or parsed. ``reason`` is written for the user; ``line`` is 1-based when known."""

    def __init__(self, path: str | Path, reason: str, line: int | None = None) -> None:
        self.path = str(path)
        self.reason = reason
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"
