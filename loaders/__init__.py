"""Loaders: a document file → a :class:`~loaders.record.DocumentRecord`, in stages a reader can follow.

``reading`` (bytes → text) → ``text`` (normalised lines, folding, the vocabularies) → ``extract`` (segments,
header, citations, body) → ``organs`` (names → gazetteer identities) → ``record``. ``pipeline`` runs the stages;
``python -m loaders parse FILE`` prints a record. Nothing here imports ``graph``, ``queries``, ``reports`` or
``ui``: data flows from here to them.
"""

from __future__ import annotations

__all__ = ["errors", "extract", "organs", "pipeline", "reading", "record", "text"]
