"""Stage 1, reading: a file's bytes → its text (plain text with encoding detection, Word, PDF text layers).

``SUFFIXES`` is the one list of file types the project reads; the loader, the store's ``load`` command and the
upload page all take it from here.
"""

from __future__ import annotations

from loaders.reading.files import SUFFIXES, TEXT_SUFFIXES, Source, decode, read

__all__ = ["SUFFIXES", "TEXT_SUFFIXES", "Source", "decode", "read"]
