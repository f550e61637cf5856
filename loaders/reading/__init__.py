"""Stage 1, reading: a file's bytes → the clean stream of lines extraction reads (plain text with encoding
detection, layout text read column by column, saved web pages without the site, Word, PDF text layers word by
word, scans and images through OCR; see :mod:`loaders.reading.copies`).

``SUFFIXES`` is the one list of file types the project reads; the loader, the store's ``load`` command and the
upload page all take it from here.
"""

from __future__ import annotations

from loaders.reading.files import SUFFIXES, TEXT_SUFFIXES, Source, decode, read, text_source

__all__ = ["SUFFIXES", "TEXT_SUFFIXES", "Source", "decode", "read", "text_source"]
