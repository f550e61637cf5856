"""Header facts: number-symbol, type, date and place, the two-column organ block, issuer, scope and title.

The issuer is the body that speaks, which the header alone often does not say: ``BAN CHẤP HÀNH TRUNG ƯƠNG``
heads documents of the Bộ Chính trị and the Ban Bí thư too, and a standing committee signs ``T/M BAN THƯỜNG
VỤ`` under its committee's header. In order of precedence:

1. the document's own words about itself: a type line qualified ``CỦA BỘ CHÍNH TRỊ`` or ``HỘI NGHỊ LẦN THỨ
   SÁU BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHOÁ XI``, or a title ``Kết luận số 69-KL/TW ngày … của Bộ Chính trị``;
2. the signature's ``T/M`` authority, completed with the header unit (``T/M BAN THƯỜNG VỤ`` + ``Đảng ủy Khối
   các cơ quan tỉnh Bình Định``);
3. the header's issuing unit, completed with its territory or its parent (``VĂN PHÒNG`` under ``ĐẢNG ỦY CHÍNH
   PHỦ`` → ``Văn phòng Đảng ủy Chính phủ``);
4. when the header is lost: the body the preamble says issues the document (``Ban Thường vụ Tỉnh ủy ban hành
   Kế hoạch``), the symbol's issuer code and the province of the stamp or of the text, with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.extract.dates import parse_date, place_and_date
from loaders.extract.mentions import clean_issuer
from loaders.extract.segment import NUMBER_LINE_RE, Segments, table_cells, without_motto
from loaders.extract.signature import capacity_body, mostly_upper
from loaders.extract.symbols import TYPE_WORD_RE, Symbol, central_issuer, find_symbols, type_code, type_name
from loaders.record import Received, Signer
from loaders.text.casing import organ_case
from loaders.text.doc_types import TYPE_WORDS
from loaders.text.folding import fold
from loaders.text.line import Line
from loaders.text.normalize import is_type_line
from loaders.text.organ_words import ISSUER_CODE_KINDS, TERRITORIAL_COMMITTEES, TERRITORIES
from loaders.text.scopes import CENTRAL_SCOPE, find_province, province_scope

__all__ = ["UNREAD_NUMBER_RE", "Header", "extract_header"]

_BLANK_NUMBER = re.compile(r"^S[ốo]\s*[:.]?\s*[-–]?\s*[-–]\s*(?P<type>[A-ZĐ][A-Za-zĐ]{0,4})\s*/\s*(?P<issuer>\S+)")
# A symbol's code whose number a stamp or OCR spoiled (``Z32Ø/BTC-QLCS``, ``ŸBCT-ATMT``): the code glued to
# a slash after something that is not a blank, or to a character no code starts with.
UNREAD_NUMBER_RE = re.compile(r"(?:(?<=[^\s:/]/)|(?<=[^\sA-Za-zĐđ/:]))(?P<tail>[A-ZĐ]{2,}(?:-[A-ZĐ]{2,})+)\b")
_PRINTED_START = re.compile(r"(?:(?:" + "|".join(TYPE_WORDS) + r")\s+)?S[ốo]\s*:?\s*$", re.IGNORECASE)
_QUALIFIER = re.compile(r"^(?:CỦA\s+|HỘI NGHỊ\s+(?:LẦN THỨ\s+\S+\s+)?)(?P<body>.+)$", re.IGNORECASE)
_OF_ISSUER = re.compile(r"\bcủa\s+(?P<body>.+?)\s+(?:về|thực hiện|triển khai|ban hành)\b", re.IGNORECASE)
_ISSUES = re.compile(
    r"(?:^|[,;.]\s*)(?P<body>[^,;.]{3,80}?)\s+(?:ban hành|xây dựng|triển khai xây dựng)\s+"
    r"(?P<type>Kế hoạch|Chương trình hành động|Chương trình|Nghị quyết|Chỉ thị|Kết luận|Quyết định|Hướng dẫn)\b"
)
_BCH_TW = "ban chap hanh trung uong"
_STANDING = ("ban thuong vu", "thuong truc")
# A standing body as a signature names it, with its canonical name: ``T/M THƯỜNG VỤ ĐẢNG ỦY`` is the committee's
# Ban Thường vụ as much as ``T/M BAN THƯỜNG VỤ`` is (both seen on Party plans); the words after it name the unit.
_STANDING_BODY = re.compile(r"^(?P<body>(?:ban )?thuong vu|thuong truc)\b\s*(?P<tail>.*)$")
_STANDING_NAMES = {"thuong vu": "Ban Thường vụ", "ban thuong vu": "Ban Thường vụ", "thuong truc": "Thường trực"}
_GENERIC_AUTHORITIES = (
    "uy ban nhan dan", "tinh uy", "thanh uy", "huyen uy", "dang uy", "hoi dong nhan dan", "chi bo", "dang bo",
)  # fmt: skip
_TERRITORIAL_UNIT = re.compile(
    r"^(?:"
    + "|".join(c[:1].upper() + c[1:] for c in TERRITORIAL_COMMITTEES)
    + r")\s+\S|^Đảng ủy (?:xã|phường|thị trấn)\b"
)
_CENTRAL_WORDS = re.compile(r"trung uong|chinh phu|quoc hoi|^bo |bo chinh tri|ban bi thu|thu tuong")
_PARTY_ORGAN = re.compile(
    r"\b(?:dang (?:uy|bo|doan)|"
    + "|".join(fold(c) for c in TERRITORIAL_COMMITTEES)
    + r"|ban chap hanh trung uong)\b"
)
_TERRITORY_LINE = re.compile(  # a territory alone, not a committee named after one (HUYỆN ỦY …)
    r"^(?:" + "|".join(t.upper() for t in TERRITORIES) + r")\s+(?!(?:ỦY|UỶ)\b)\S", re.IGNORECASE
)
_CODE_KINDS = ISSUER_CODE_KINDS
# A unit whose name ends in its territory's word with the place left to the line above (ĐẢNG ỦY CÔNG AN TỈNH),
# and the place that line gives (ĐẢNG BỘ TỈNH X, TỈNH ỦY X).
_BARE_TERRITORY = re.compile(r"\b(?:tỉnh|thành phố|huyện|quận|thị xã)$")
_PLACE_OF = re.compile(
    r"\b(?:"
    + "|".join(sorted((*TERRITORIAL_COMMITTEES, *TERRITORIES), key=len, reverse=True))
    + r")\s+(?P<place>\S.*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Header:
    number: str | None = None
    number_as_printed: str | None = None
    type: str | None = None
    type_name: str | None = None
    date: str | None = None
    date_source: str | None = None
    place: str | None = None
    upper_body: str | None = None
    party_unit: str | None = None
    issuer: str | None = None
    scope: str | None = None
    province: str | None = None
    title: str | None = None
    warnings: tuple[str, ...] = field(default=())


@dataclass
class _Draft:
    """Facts gathered so far, and why; turned into a frozen :class:`Header` at the end."""

    seg: Segments
    raw: list[str]
    signer: Signer | None
    received: Received | None
    symbol: Symbol | None = None
    organs: list[str] = field(default_factory=list)
    party: bool = False
    province: str | None = None
    warnings: list[str] = field(default_factory=list)


def extract_header(
    seg: Segments, raw_lines: list[str], signer: Signer | None, received: Received | None
) -> Header:
    """The header facts of a segmented document (``raw_lines`` give numbers as printed)."""
    d = _Draft(seg, raw_lines, signer, received)
    cells = _cells(seg.header)
    d.organs = _organ_lines([c.text for c in cells if _is_organ(c.text)])
    d.party = any("ĐẢNG CỘNG SẢN" in h.text.upper() for h in seg.header)
    d.province = _province(d)
    number, printed = _number(d, cells)
    place, date, date_source = _place_date(d, cells)
    code, name = _type(d)
    upper, unit = _organ_block(d)
    issuer = _issuer(d, upper, unit)
    return Header(
        number=number,
        number_as_printed=printed,
        type=code,
        type_name=name,
        date=date,
        date_source=date_source,
        place=place,
        upper_body=upper,
        party_unit=unit if _is_party(d) else None,
        issuer=issuer,
        scope=_scope(d, issuer, upper),
        province=d.province,
        title=_title(d),
        warnings=tuple(d.warnings),
    )


def _is_party(d: _Draft) -> bool:
    """A Party document: its motto, a Party symbol, a Party organ in the header, or a ``T/M``-style signature."""
    if d.party or (d.symbol and d.symbol.form == "party"):
        return True
    organs = fold(" ".join(d.organs))
    if _PARTY_ORGAN.search(organs):
        return True
    capacity = d.signer.capacity if d.signer else None
    return bool(capacity and re.match(r"[TK]/[MLTU]\b", capacity))


# --- header cells ------------------------------------------------------------------------------------


def _cells(header: list[Line]) -> list[Line]:
    cells = [Line(c.no, without_motto(c.text)) for h in header for c in table_cells(h)]
    return [c for c in cells if c.text]


def _is_organ(text: str) -> bool:
    return (
        mostly_upper(text)
        and text != "*"
        and not NUMBER_LINE_RE.match(text)
        and not find_symbols(text)
        and not UNREAD_NUMBER_RE.search(text)
        and place_and_date(text) is None
        and not is_type_line(text)
    )


def _organ_lines(texts: list[str]) -> list[str]:
    """The first two organ names; a line that is only a territory (``TỈNH BÌNH ĐỊNH``) ends the name above it
    (``ỦY BAN NHÂN DÂN`` / ``TỈNH BÌNH ĐỊNH``)."""
    organs: list[str] = []
    for text in texts:
        if organs and _TERRITORY_LINE.match(text):
            organs[-1] = f"{organs[-1]} {text}"
        else:
            organs.append(text)
    return organs[:2]


def _province(d: _Draft) -> str | None:
    for text in d.organs:
        if province := find_province(text, cue_required=True):
            return province
    sources = [d.received.by] if d.received and d.received.by else []
    sources += [line.text for line in d.seg.preface + d.seg.title + d.seg.preamble]
    for text in sources:
        if province := find_province(text, cue_required=True):
            return province
    return None


# --- number, date, type ------------------------------------------------------------------------------


def _number(d: _Draft, cells: list[Line]) -> tuple[str | None, str | None]:
    provincial = d.province is not None and not any(fold(o).startswith(_BCH_TW) for o in d.organs)
    candidates = [c for c in cells if NUMBER_LINE_RE.match(c.text)]
    candidates += [c for c in cells if not NUMBER_LINE_RE.match(c.text) and TYPE_WORD_RE.match(c.text)]
    candidates += [t for t in d.seg.title if TYPE_WORD_RE.match(t.text) and not is_type_line(t.text)]
    for cell in _own_type_first(d, candidates, provincial):
        found = find_symbols(cell.text[:120], provincial=provincial)
        if found and (cell.text.lower().startswith("số") or found[0].start < 40):
            d.symbol = found[0].symbol
            return found[0].symbol.canonical, _printed(d.raw, cell.no, found[0].symbol.number)
        if _BLANK_NUMBER.match(cell.text):
            d.warnings.append(f"number not printed (blank in '{cell.text}'); left empty")
            return None, cell.text
    for cell in cells[:12]:
        if m := UNREAD_NUMBER_RE.search(cell.text):
            printed = cell.text[: m.end()].strip()
            d.warnings.append(f"number not readable in this copy ('{printed}'); its code is /{m['tail']}")
            return None, printed
    d.warnings.append("no number-symbol found in the header")
    return None, None


def _own_type_first(d: _Draft, candidates: list[Line], provincial: bool) -> list[Line]:
    """Candidates with the number whose type is the document's own type line first: an issuer named after the
    decision that set it up (``ĐOÀN KIỂM TRA / THEO QUYẾT ĐỊNH / SỐ 1050/QĐ-SCT``) prints a number line too,
    above the document's own (``Số: 1105/KH-ĐKT`` under ``KẾ HOẠCH``)."""
    line = next((t.text for t in d.seg.title if is_type_line(t.text)), None)
    own = type_code(" ".join(line.strip(" .:").split()).lower()) if line else None
    if own is None or len(candidates) < 2:
        return candidates

    def mismatch(cell: Line) -> bool:
        found = find_symbols(cell.text[:120], provincial=provincial)
        return bool(found) and found[0].symbol.type not in (None, own)

    return sorted(candidates, key=mismatch)


def _printed(raw: list[str], no: int, number: str) -> str | None:
    """The words ``Số …`` (or ``Kết luận số …``) as they stand in the source line, markdown escapes kept."""
    line = raw[no - 1] if 0 < no <= len(raw) else ""
    for m in re.finditer(rf"(?<!\d){re.escape(number)}(?!\d)", line):
        head = line[: m.start()]
        start = _PRINTED_START.search(head)
        tail = re.match(r"[^\s|*]+(?:\s*-?\s*[^\s|*]+)?", line[m.start() :])
        if start and tail:
            text = line[start.start() : m.start() + tail.end()]
            return " ".join(text.split()).lstrip("#* ")
    return None


def _self_line(d: _Draft) -> tuple[Line, int] | None:
    """A title line describing the document itself (``Kết luận số 69-KL/TW ngày … của …``), and where its
    symbol ends."""
    if d.symbol is None:
        return None
    for line in d.seg.title:
        if is_type_line(line.text) or not TYPE_WORD_RE.match(line.text):
            continue
        for found in find_symbols(line.text[:120]):
            if found.symbol.canonical == d.symbol.canonical:
                return line, found.end
    return None


def _after_number(text: str) -> str:
    """A PDF text layer may put the number and the place-date on one line: the text after the number."""
    found = find_symbols(text[:80]) if NUMBER_LINE_RE.match(text) else []
    return text[found[0].end :].strip() if found else text


def _place_date(d: _Draft, cells: list[Line]) -> tuple[str | None, str | None, str | None]:
    for cell in cells:
        if found := place_and_date(_after_number(cell.text)):
            place, date = found
            if date is None:
                d.warnings.append(f"date not printed in full ('{cell.text}'); left empty")
            return place, date, None
    if own := _self_line(d):
        line, end = own
        m = re.match(r"\s*,?\s*ngày\s+", line.text[end:])
        date = parse_date(line.text[end : end + 40]) if m else None
        if date:
            return None, date, f"the document's own title line (line {line.no}); no place-and-date line"
    d.warnings.append("no place-and-date line: the issue date is not printed in this copy")
    return None, None, None


def _type(d: _Draft) -> tuple[str | None, str | None]:
    line = next((t.text for t in d.seg.title if is_type_line(t.text)), None)
    printed = " ".join(line.strip(" .:").split()).lower() if line else None
    letter = d.symbol is not None and d.symbol.form == "state" and not d.symbol.type
    if printed is None and letter and any(re.match(r"V/v\b", t.text, re.IGNORECASE) for t in d.seg.title):
        return "CV", type_name(
            "CV", state=True
        )  # a công văn: no type line, a V/v subject; what it cites is not it
    if printed is None:
        printed = _issued_type(d)
    code = d.symbol.type if d.symbol and d.symbol.type else (type_code(printed) if printed else None)
    if code is None and d.symbol and d.symbol.form == "state":
        code = "CV"  # a State công văn carries no type in its symbol
    if printed and type_code(printed) == code:
        return code, printed[:1].upper() + printed[1:]
    return code, type_name(code, state=bool(d.symbol and d.symbol.form == "state"))


def _issued_type(d: _Draft) -> str | None:
    """Type named where the document says what is issued (``Tỉnh ủy ban hành Chương trình hành động``)."""
    for line in d.seg.preamble + d.seg.preface:
        if m := _ISSUES.search(line.text):
            return m["type"].lower()
    for line in d.seg.preface[:1]:
        if m := TYPE_WORD_RE.match(line.text):
            return m.group(0).lower()
    return None


# --- organs and issuer -------------------------------------------------------------------------------


def _territory(upper_cased: str) -> str | None:
    m = re.search(r"\b(?:tỉnh|thành phố)\s+\S.*$", upper_cased)
    return m.group(0) if m else None


def _organ_block(d: _Draft) -> tuple[str | None, str | None]:
    """(upper body, issuing unit completed with its territory or parent), both cased."""
    organs = [organ_case(o) for o in d.organs]
    if not organs:
        return None, _lost_header_unit(d)
    if len(organs) == 1:
        if fold(organs[0]).startswith(_BCH_TW):
            return "Ban Chấp hành Trung ương Đảng", None
        return None, organs[0]
    upper, unit = organs
    if fold(upper).startswith(_BCH_TW):
        return "Ban Chấp hành Trung ương Đảng", unit
    if _TERRITORIAL_UNIT.match(unit) or find_province(unit):
        return upper, unit
    if _BARE_TERRITORY.search(unit) and (place := _PLACE_OF.search(upper)):
        return upper, f"{unit} {place['place']}"  # ĐẢNG ỦY CÔNG AN TỈNH under TỈNH ỦY X: the territory is X
    if territory := _territory(upper):
        return upper, f"{unit} {territory}"
    return upper, f"{unit} {upper}"


def _lost_header_unit(d: _Draft) -> str | None:
    """The committee a Party document without a header belongs to: symbol code or preamble, and province."""
    phrase = _issuing_phrase(d)
    kind = _CODE_KINDS.get(d.symbol.issuer) if d.symbol else None
    if phrase:
        for k in _CODE_KINDS.values():
            if fold(k) in fold(phrase):
                kind = k
    if kind and d.province and kind in ("Tỉnh ủy", "Ủy ban nhân dân"):
        return f"{kind} {d.province}" if kind == "Tỉnh ủy" else f"{kind} tỉnh {d.province}"
    return None


def _issuing_phrase(d: _Draft) -> str | None:
    for line in d.seg.preamble + d.seg.title:
        if m := _ISSUES.search(line.text):
            return clean_issuer(m["body"])
    return None


def _self_issuer(d: _Draft) -> str | None:
    """The body the document names as its own author (type-line qualifier or self-describing title)."""
    for line in d.seg.title:
        if (m := _QUALIFIER.match(line.text)) and mostly_upper(line.text):
            return clean_issuer(m["body"])
    if own := _self_line(d):
        line, end = own
        if m := _OF_ISSUER.match(line.text, end) or _OF_ISSUER.search(line.text[end : end + 120]):
            return clean_issuer(m["body"])
    return None


def _by_authority(d: _Draft, unit: str | None) -> str | None:
    """The body a ``T/M`` signature speaks for, completed with the header unit where it is a part of it."""
    authority = capacity_body(d.signer.capacity if d.signer else None)
    folded = fold(authority or "")
    if authority and unit and fold(unit).startswith(folded):
        return unit  # T/M ỦY BAN KIỂM TRA under TỈNH ỦY X / ỦY BAN KIỂM TRA
    if authority and (standing := _STANDING_BODY.match(folded)):
        body = _STANDING_NAMES[standing["body"]]
        tail = standing["tail"]
        if unit and (not tail or fold(unit).startswith(tail)):
            return f"{body} {unit}"  # T/M (BAN) THƯỜNG VỤ (ĐẢNG ỦY) under ĐẢNG ỦY QUÂN SỰ TỈNH X
        named = authority.split()[len(standing["body"].split()) :]  # the words after the standing body, as printed
        return " ".join([body, *named]) if tail else None
    if authority and not folded.startswith(_GENERIC_AUTHORITIES):
        return authority
    return None


def _issuer(d: _Draft, upper: str | None, unit: str | None) -> str | None:
    if own := _self_issuer(d):
        return own
    issuer = _by_authority(d, unit) or unit or upper
    if not d.organs and issuer and unit:  # the header block is lost
        phrase = _issuing_phrase(d)
        if issuer == unit and phrase and fold(phrase).startswith(_STANDING):
            issuer = f"Ban Thường vụ {unit}"
        d.warnings.append(_inferred_note(d, issuer))
    return issuer


def _inferred_note(d: _Draft, unit: str) -> str:
    how = []
    if d.symbol:
        how.append(f"the symbol's issuer code '/{d.symbol.issuer}'")
    if phrase := _issuing_phrase(d):
        how.append(f"the text '{phrase} ban hành'")
    if d.signer and d.signer.capacity:
        how.append(f"the signature '{d.signer.capacity}'")
    if d.received and d.received.by and d.province and fold(d.province) in fold(d.received.by):
        how.append(f"the province of the received stamp ({d.received.by})")
    elif d.province:
        how.append(f"the province named in the text ({d.province})")
    return f"issuer inferred from {', '.join(how)}: the header naming the issuing body is missing ({unit})"


def _scope(d: _Draft, issuer: str | None, upper: str | None) -> str | None:
    own = " ".join(x for x in (upper, issuer, *d.organs) if x)
    if province := find_province(own, cue_required=False):
        return province_scope(province)
    if _CENTRAL_WORDS.search(fold(own)) or (d.symbol and central_issuer(d.symbol.issuer)):
        return CENTRAL_SCOPE
    return province_scope(d.province)


# --- title -------------------------------------------------------------------------------------------


def _title(d: _Draft) -> str | None:
    parts: list[str] = []
    own = _self_line(d)
    for line in d.seg.title:
        text = line.text
        if is_type_line(text) or (_QUALIFIER.match(text) and mostly_upper(text)):
            continue
        if own and line is own[0] and (m := re.search(r"\bvề\b", text[own[1] :])):
            text = text[own[1] + m.start() :]
        parts.append(text)
    return " ".join(parts) or None
