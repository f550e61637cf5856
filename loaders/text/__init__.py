"""Stage 2, text: the words every later stage compares and the lines it reads.

``line`` (the unit of text), ``folding`` (accent-free forms, slugs, modern tone placement), ``doc_types`` (the
document types and the words that name them), ``scopes`` (provinces and the central scope), ``organ_words``
(the vocabulary of organ names), ``casing`` (organ names out of capitals) and ``normalize`` (raw text →
logical lines). Nothing here knows the parts of a document.
"""

from __future__ import annotations

from loaders.text.casing import organ_case
from loaders.text.doc_types import DOC_TYPES, TYPE_WORDS, DocType
from loaders.text.folding import fold, modern_tones, slug
from loaders.text.line import Line
from loaders.text.normalize import normalize
from loaders.text.organ_words import (
    ISSUER_CODE_KINDS,
    ORGAN_ABBREVIATIONS,
    ORGAN_KINDS,
    TERRITORIAL_COMMITTEES,
    TERRITORIES,
)
from loaders.text.scopes import CENTRAL_SCOPE, PROVINCES, find_province, province_scope

__all__ = [
    "CENTRAL_SCOPE",
    "DOC_TYPES",
    "ISSUER_CODE_KINDS",
    "ORGAN_ABBREVIATIONS",
    "ORGAN_KINDS",
    "PROVINCES",
    "TERRITORIAL_COMMITTEES",
    "TERRITORIES",
    "TYPE_WORDS",
    "DocType",
    "Line",
    "find_province",
    "fold",
    "modern_tones",
    "normalize",
    "organ_case",
    "province_scope",
    "slug",
]
