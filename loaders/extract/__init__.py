"""Stages 3 and 4, segmentation and extraction: logical lines → the parts of a document → its facts.

``segment`` splits the lines into header, title, preamble, body, Nơi nhận, signature and stamp; it uses the same
recognisers as extraction (symbols, dates, signature lines, stamps), which is why both live here. Then
``header`` (number, type, date, place, issuer, scope), ``citations`` (with ``mentions``), ``signature`` and
``titles``, ``recipients``, ``stamp``, and ``body`` (sections, tasks, assignees, deadlines, sub-plan orders).
"""

from __future__ import annotations

from loaders.extract.body import Body, parse_body
from loaders.extract.citations import Citations, extract_citations
from loaders.extract.header import Header, extract_header
from loaders.extract.recipients import addressee_names, parse_recipients
from loaders.extract.segment import Segments, segment
from loaders.extract.signature import lead_signer, parse_signature
from loaders.extract.stamp import parse_stamp

__all__ = [
    "Body",
    "Citations",
    "Header",
    "Segments",
    "addressee_names",
    "extract_citations",
    "extract_header",
    "lead_signer",
    "parse_body",
    "parse_recipients",
    "parse_signature",
    "parse_stamp",
    "segment",
]
