"""Number-symbols (số và ký hiệu) of Party and State documents: find them in text, parse, canonicalise.

Party form ``<số>-<TYPE>/<ISSUER>`` (``60-KH/TU``, ``80-KH/ĐUK``, ``3260-KH/ĐĐQH15``); State form
``<số>[/<year>]/<TYPE>-<ISSUER>`` (``03/NQ-CP``, ``25/2021/QĐ-TTg``) or, for a công văn, ``<số>/<ISSUER>-<UNIT>``
(``9387/UBND-KT``). Printing accidents are tolerated: spaces around the hyphen (``104 -CTr/TU``,
``11- KH/TW``), markdown escapes (``57\\-NQ/TW``), upper-cased symbols in titles (``13/CT-TTG``), OCR ``Ư`` for
``U`` (``ƯBND``) and ``TƯ`` (Trung ương) for ``TW`` — or ``TU`` in a provincial document.

>>> parse_symbol("Số 104 -CTr/TU").canonical
'104-CTr/TU'
>>> parse_symbol("13/CT-TTG").canonical
'13/CT-TTg'
>>> parse_symbol("445-KL/TƯ", provincial=True).canonical
'445-KL/TU'
>>> parse_symbol("giai đoạn 2021-2025") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.text.doc_types import DOC_TYPES, TYPE_WORDS
from loaders.text.folding import fold

__all__ = [
    "TYPE_WORD_RE",
    "Symbol",
    "SymbolMatch",
    "canonical",
    "central_issuer",
    "find_symbols",
    "parse_symbol",
    "type_code",
    "type_name",
]

_CAP = "A-ZĐƯƠÂĂÊÔ"
PARTY_RE = re.compile(
    rf"(?<![\w/])(?P<number>\d{{1,5}})\s*\\?[-–]\s*(?P<type>[A-ZĐ][A-Za-zĐđƯư]{{0,4}})\s*/\s*"
    rf"(?P<issuer>[{_CAP}][{_CAP}0-9]{{0,14}})(?P<suffix>/[a-zđ]{{1,4}})?(?![\w])"
)
STATE_RE = re.compile(
    r"(?<![\w/\-])(?P<number>\d{1,6})(?:/(?P<year>(?:19|20)\d{2}))? ?/ ?"
    rf"(?P<g1>[{_CAP}][A-Za-zĐđƯư]{{0,6}}\d{{0,2}})"
    rf"(?:-(?P<rest>[{_CAP}][A-Za-zĐđƯư0-9]{{0,14}}(?:-[{_CAP}][A-Za-zĐđƯư0-9]{{0,14}})*))?(?![\w])"
)
_TYPE_CANON = {"CTR": "CTr", "QĐI": "QĐi", "QYĐ": "QyĐ", "TTR": "TTr", "TRS": "TrS"}
_STATE_TYPES = {
    "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTr", "HĐ",
    "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", "SY", "TrS", "SL", "NĐ", "TT", "TTLT",
    "NQLT", "VBHN", "KL",
}  # fmt: skip
_MIXED_CASE_CODES = {"TTG": "TTg"}
# Central issuer codes: Party bodies ending in TW, the Government and Prime Minister, the National Assembly,
# and ministries (BTNMT, BNV, BGDĐT…); a ``B…`` code of a local Party commission (BTGTU, BNCTU, BTCHU…) or a
# ban cán sự đảng / ban chỉ đạo (BCSĐ, BCĐ: central or provincial alike) is not central.
_CENTRAL_CODE = re.compile(
    r"^(?:[A-ZĐ]*TW|CP|TTg|VPCP|QH\d*|UBTVQH\d*|ĐĐQH\d*"
    r"|B(?!CSĐ$|CĐ$|[A-ZĐ]*(?:TU|HU|QU|ĐU|ĐUK)$)[A-ZĐ]{1,7})$"
)

TYPE_WORD_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(sorted(TYPE_WORDS, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE
)
_STATE_TYPE_NAMES = {"TT": "Thông tư", "PL": "Pháp lệnh", "CĐ": "Công điện"}


@dataclass(frozen=True, slots=True)
class Symbol:
    """A parsed number-symbol. ``type`` is None for State công văn and for ``202/2025/QH15``-style symbols."""

    number: str
    type: str | None
    issuer: str
    form: str  # "party" | "state"
    year: str | None = None
    unit: str | None = None  # drafting unit of a State công văn, e.g. KT in 9387/UBND-KT
    suffix: str | None = None

    @property
    def canonical(self) -> str:
        if self.form == "party":
            return f"{self.number}-{self.type}/{self.issuer}{self.suffix or ''}"
        year = f"/{self.year}" if self.year else ""
        head = self.type or self.issuer
        tail = self.issuer if self.type else self.unit
        return f"{self.number}{year}/{head}" + (f"-{tail}" if tail else "")


@dataclass(frozen=True, slots=True)
class SymbolMatch:
    start: int
    end: int
    text: str  # as printed
    symbol: Symbol


def _type(code: str) -> str:
    up = code.upper()
    return _TYPE_CANON.get(up, up)


def _code(part: str) -> str:
    up = part.upper().replace("ƯBND", "UBND")
    return _MIXED_CASE_CODES.get(up, up)


def _party(m: re.Match[str], provincial: bool | None) -> Symbol:
    issuer = _code(m["issuer"])
    if issuer == "TƯ":
        issuer = "TU" if provincial else "TW"
    return Symbol(m["number"], _type(m["type"]), issuer, "party", suffix=m["suffix"])


def _state(m: re.Match[str]) -> Symbol:
    g1, rest = m["g1"], m["rest"]
    if _type(g1) in _STATE_TYPES and rest:
        parts = [_code(p) for p in rest.split("-")]
        return Symbol(m["number"], _type(g1), "-".join(parts), "state", m["year"])
    unit = "-".join(_code(p) for p in rest.split("-")) if rest else None
    return Symbol(m["number"], None, _code(g1), "state", m["year"], unit)


def find_symbols(text: str, *, provincial: bool | None = None) -> list[SymbolMatch]:
    """Every number-symbol in ``text``, in order (Party form first where both would match)."""
    if "/" not in text:
        return []  # both forms have a slash; most lines of a document have none
    found = [SymbolMatch(m.start(), m.end(), m.group(0), _party(m, provincial)) for m in PARTY_RE.finditer(text)]
    taken = [(f.start, f.end) for f in found]
    for m in STATE_RE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        found.append(SymbolMatch(m.start(), m.end(), m.group(0), _state(m)))
    return sorted(found, key=lambda f: f.start)


def parse_symbol(text: str, *, provincial: bool | None = None) -> Symbol | None:
    """The first number-symbol in ``text``, or None."""
    found = find_symbols(text, provincial=provincial)
    return found[0].symbol if found else None


def canonical(text: str, *, provincial: bool | None = None) -> str | None:
    """The canonical form of the first symbol in ``text``: ``Số 57\\-NQ/TW`` → ``57-NQ/TW``."""
    symbol = parse_symbol(text, provincial=provincial)
    return symbol.canonical if symbol else None


def type_code(name: str) -> str | None:
    """Type code of a printed type name: ``KẾ HOẠCH`` → ``KH``; ``Chương trình hành động`` → ``CTr``."""
    return TYPE_WORDS.get(" ".join(name.lower().split()))


def type_name(code: str | None, *, state: bool = False) -> str | None:
    """Vietnamese name of a type code (``KH`` → ``Kế hoạch``); State ``TT`` is a Thông tư."""
    if code is None:
        return None
    if state and code in _STATE_TYPE_NAMES:
        return _STATE_TYPE_NAMES[code]
    if code in DOC_TYPES:
        return DOC_TYPES[code].name_vi
    return _STATE_TYPE_NAMES.get(code)


def central_issuer(code: str | None) -> bool:
    """Whether an issuer code is a central body's (``TW``, ``VPTW``, ``CP``, ``TTg``, ``QH15``): no province."""
    return bool(code and _CENTRAL_CODE.match(code))


def same_symbol(a: str | None, b: str | None) -> bool:
    """Whether two printed symbols name the same number-symbol (case, spacing and diacritics aside)."""
    if not a or not b:
        return False
    return fold(a).replace(" ", "") == fold(b).replace(" ", "")
