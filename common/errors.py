"""The one error base. Every error a user can cause or act on derives from :class:`DirectiveGraphError`.

Each package raises its own kind (``LoadError`` in ``loaders``, ``StoreError`` in ``graph``, ``QueryError`` in
``queries``, ``ReportError`` in ``reports``); each command-line entry point catches the base once and prints one
line, ``error: …``, with exit status 1 (see :func:`common.cli.run_cli`).

>>> issubclass(DirectiveGraphError, Exception)
True
>>> str(DirectiveGraphError("kho dữ liệu không mở được"))
'kho dữ liệu không mở được'
"""

from __future__ import annotations

__all__ = ["DirectiveGraphError"]


class DirectiveGraphError(Exception):
    """Base of every error whose message is written for the person who ran the command or used the app."""
