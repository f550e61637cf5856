"""The uid of an organ the gazetteer does not know (a known organ's uid is its gazetteer key).

>>> unresolved_organ_uid("binh-dinh", "Ban Tuyên giáo")
'unresolved:binh-dinh:ban-tuyen-giao'
"""

from __future__ import annotations

from loaders.text.folding import slug

__all__ = ["unresolved_organ_uid"]


def unresolved_organ_uid(scope: str | None, name: str) -> str:
    """An organ the gazetteer does not know, kept apart per scope (``Ban Tuyên giáo`` differs by province)."""
    return f"unresolved:{scope or 'unknown'}:{slug(name)}"
