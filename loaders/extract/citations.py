"""Documents a text names: which it implements, which it only cites, and its cascade parent.

Mentions (``Nghị quyết số 27-NQ/TW``, ``Luật Tổ chức Chính phủ``, ``Nghị quyết 27``) and what follows them come
from ``loaders.extract.mentions``; short names a text defines resolve later short references.

**Implements** — in the title, the preamble and a ``Mục đích/Mục tiêu/Yêu cầu`` section only — is a mention
that follows ``thực hiện``/``triển khai``/``căn cứ``/``cụ thể hóa`` in the same clause, and the mentions listed
after it (``… và Kế hoạch số 11-KH/TW``, ``…; Luật Hòa giải ở cơ sở``). Not implemented: a mention inside another
mention's description (``Kế hoạch số 60-KH/TU … về thực hiện Nghị quyết số 27-NQ/TW``: 60 implements 27, a
*chain*), mentions after a relation such as ``gắn với``, and a trigger that reports rather than carries out
(``kết quả thực hiện``, ``tình hình triển khai``, ``báo cáo … về việc triển khai``). Every other mention is cited.

**Cascade parent** (per ``gold/corpus.json``): the lowest-level numbered document among those the title or
preamble says the document implements; a document that implements another candidate is lower; ``None`` when
the lowest candidates are parallel.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from loaders.extract.mentions import LAW_RE, TAIL_MAX, Mention, find_mentions, known_short_names
from loaders.extract.segment import Segments
from loaders.extract.symbols import TYPE_WORD_RE, central_issuer, parse_symbol
from loaders.record import Citation, PrintedDate
from loaders.text.folding import fold
from loaders.text.line import Line
from loaders.text.normalize import is_type_line

__all__ = ["Citations", "cascade_parent", "extract_citations"]

_TRIGGER = re.compile(r"(?<!\w)(?:thực hiện|triển khai|căn cứ|cụ thể ho[áa])(?!\w)", re.IGNORECASE)
_LETTER_TRIGGER = re.compile(r"(?<!\w)(?:ban hành|nhận được)(?!\w)", re.IGNORECASE)
_REPORTING = re.compile(
    r"(?:tình hình|kết quả|báo cáo|đánh giá|sơ kết|tổng kết|kiểm tra|giám sát|đôn đốc|theo dõi)(?!\w)",
    re.IGNORECASE,
)
_RELATION = re.compile(r"(?<!\w)(?:gắn với|cùng với|kết hợp với|đồng thời)(?!\w)", re.IGNORECASE)
_AMENDED_BY = re.compile(r"sửa đổi,?\s*(?:và\s+)?bổ sung\s*(?:tại|bởi|theo)?\s*(?:các\s+)?$", re.IGNORECASE)
_PURPOSE_HEADING = re.compile(r"^[IVX]+\s*[.\-–]\s*(?=.*(?:MỤC ĐÍCH|MỤC TIÊU|YÊU CẦU))")
_TOP_HEADING = re.compile(r"^[IVX]+\s*[.\-–]\s+\S")
_RELATIVE = re.compile(r"(?:Tỉnh ủy|tỉnh|UBND tỉnh|Ủy ban nhân dân tỉnh|Hội đồng nhân dân tỉnh)$")


@dataclass(frozen=True, slots=True)
class Citations:
    implements: tuple[Citation, ...] = ()
    cites: tuple[Citation, ...] = ()
    aliases: dict[str, str] = field(default_factory=dict)  # folded short name → symbol
    chains: tuple[tuple[str, str], ...] = ()  # (cited symbol, symbol it implements)
    cascade_parent: str | None = None


def extract_citations(
    seg: Segments, own: str | None, province: str | None, own_issuer: str | None = None
) -> Citations:
    """Citations of a segmented document whose own symbol is ``own`` (``province`` completes local issuers). A
    mention of ``own`` that names another issuer than ``own_issuer`` is another document with the same number
    (a Thị ủy's ``120-KH/TU`` carrying out its Tỉnh ủy's ``120-KH/TU``), not the document itself."""
    head, purpose = _region(seg)
    region = {id(line) for line in head + purpose}
    aliases: dict[str, str] = {}
    mentions = [m for line in head + purpose for m in find_mentions(line, own, aliases, laws=True)]
    rest = [line for line in seg.preface + seg.body if id(line) not in region]
    mentions += [m for line in rest for m in find_mentions(line, own, aliases, laws=False)]
    _complete(mentions, aliases, own, province)
    for m in mentions:
        if m.role == "self" and _other_issuer(m.issuer, own_issuer):
            m.role = "cite"
    letter = _acting_letter(seg)
    for line in head + purpose:
        _roles([m for m in mentions if m.line is line], letter=letter and any(line is h for h in head))
    _unify(mentions)
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.key and m.role != "self":
            groups.setdefault(m.key, []).append(m)
    chosen = {k for k, g in groups.items() if any(m.role == "implement" and id(m.line) in region for m in g)}
    implements = tuple(_merge(g) for k, g in groups.items() if k in chosen)
    cites = tuple(_merge(g) for k, g in groups.items() if k not in chosen)
    pairs = ((m.parent.number, m.number) for m in mentions if m.parent and m.parent.number and m.number)
    chains = tuple(dict.fromkeys((a, b) for a, b in pairs if a != b))
    heads = [m for m in mentions if m.role == "implement" and any(m.line is h for h in head)]
    carried = {m.number for m in heads if not m.basis}
    # ``Thực hiện`` / ``Triển khai`` in the title or preamble win over ``Căn cứ``; a legal basis alone gives a
    # parent only when it is not a legal instrument (a law, a decree, a numbered-by-year normative act).
    in_head = carried or {m.number for m in heads if not _legal_instrument(m)}
    parents = [c for c in implements if c.number in in_head]
    return Citations(implements, cites, aliases, chains, cascade_parent(parents, chains))


_STANDING = re.compile(r"^ban thuong vu ")


def _other_issuer(named: str | None, own: str | None) -> bool:
    """Both printed, and neither name's words within the other's (a standing committee as its committee)."""
    if not named or not own:
        return False
    a, b = (set(re.findall(r"\w+", _STANDING.sub("", fold(x)))) for x in (named, own))
    return not (a <= b or b <= a)


def _complete(mentions: list[Mention], aliases: dict[str, str], own: str | None, province: str | None) -> None:
    """Short references resolved to symbols; a provincial issuer (``Ban Thường vụ Tỉnh ủy``) given its
    province."""
    known = known_short_names(mentions)
    for m in mentions:
        if m.number is None and not m.law:
            m.number = aliases.get(fold(m.title or "")) or known.get((m.type, m.title))
            m.role = "self" if own and m.number == own else m.role
        if m.issuer and province and _RELATIVE.search(m.issuer) and not _central(m.number):
            m.issuer = f"{m.issuer} {province}"


def _region(seg: Segments) -> tuple[list[Line], list[Line]]:
    """(title as one line + preamble, the purpose section): where implemented documents are named."""
    title = [t for t in seg.title if not is_type_line(t.text)]
    joined = [Line(title[0].no, " ".join(t.text for t in title))] if title else []
    purpose: list[Line] = []
    inside = False
    for line in seg.body:
        if _TOP_HEADING.match(line.text):
            inside = bool(_PURPOSE_HEADING.match(line.text))
        elif inside:
            purpose.append(line)
    return joined + _paragraphs(seg.preamble), purpose


def _paragraphs(lines: list[Line]) -> list[Line]:
    """Preamble lines joined where a line stops mid-clause (``… của Giám đốc Sở`` / ``Công Thương …``): a copy
    whose wrapped lines were not rejoined must not cut a mention from its description and the next one."""
    out: list[Line] = []
    for line in lines:
        if out and not re.search(r"[.;:!?]\W*$", out[-1].text) and line.text[:1].isalpha():
            out[-1] = Line(out[-1].no, f"{out[-1].text} {line.text}")
        else:
            out.append(line)
    return out


# --- roles -------------------------------------------------------------------------------------------


def _clauses(text: str) -> list[tuple[int, int]]:
    """Spans of clauses: split at ``;`` (unless a listed document follows) and at sentence ends."""
    cuts = [0]
    for m in re.finditer(r";|\.\s+(?=[A-ZĐ])", text):
        after = text[m.end() :].lstrip()
        if m.group(0) == ";" and (TYPE_WORD_RE.match(after) or LAW_RE.match(after)):
            continue
        cuts.append(m.end())
    cuts.append(len(text))
    return list(itertools.pairwise(cuts))


def _acting_letter(seg: Segments) -> bool:
    """A letter whose subject is to carry something out (``V/v triển khai thực hiện …``, OCR ``triên`` too)."""
    subject = fold(" ".join(t.text for t in seg.title))
    return subject.startswith("v/v") and bool(re.search(r"\b(?:trien khai|thuc hien)\b", subject))


def _roles(mentions: list[Mention], *, letter: bool = False) -> None:
    """``letter``: in such a letter the document it says was issued or received (``Ngày 25/3/2026, Bộ Công
    Thương ban hành Thông tư số …``; ``Ủy ban nhân dân tỉnh nhận được Văn bản số …``) is the one it acts on."""
    if not mentions:
        return
    text = mentions[0].line.text
    for lo, hi in _clauses(text):
        inside = [m for m in mentions if lo <= m.start < hi]
        found = [*_TRIGGER.finditer(text, lo, hi), *(_LETTER_TRIGGER.finditer(text, lo, hi) if letter else ())]
        found.sort(key=lambda t: t.start())
        triggers = [t for t in found if not _reporting(text, t.start(), lo)]
        ends = [t.end() for t in triggers]
        for k, m in enumerate(inside):
            if m.role != "self":
                at = bisect.bisect_right(ends, m.start) - 1
                _role(text, m, triggers[at].start() if at >= 0 else None, inside, k)


def _role(text: str, m: Mention, trigger: int | None, inside: list[Mention], k: int) -> None:
    """Whether ``inside[k]`` is implemented, nested in an earlier mention's description, or listed after one."""
    if trigger is not None:
        for e in reversed(inside[:k]):
            if e.start < trigger < e.tail_end:
                m.parent = e
                m.role = "implement" if e.role == "self" else "cite"
                return
            if e.start < trigger - TAIL_MAX:
                break
        if k == 0 or inside[k - 1].start < trigger:
            m.role = "implement"
            m.basis = fold(text[trigger : trigger + 6]) == "can cu"
            return
    if k and _listed_after(text, inside[k - 1], m):
        prev = inside[k - 1].role
        m.role = prev if prev != "self" else "cite"
        m.basis = inside[k - 1].basis


def _reporting(text: str, at: int, lo: int) -> bool:
    window = text[max(lo, at - 60) : at]
    return bool(_REPORTING.search(" ".join(window.split()[-6:])))


def _listed_after(text: str, prev: Mention, m: Mention) -> bool:
    if m.start < prev.end:
        return True  # the number of the law just named (``Luật Phòng cháy, chữa cháy … số 55/2024/QH15``)
    if prev.tail_end > m.start:
        # Named inside the previous mention's description: the act that amends it shares its role (``… được
        # sửa đổi, bổ sung tại Nghị định số …``); any other (``… phê duyệt tại Quyết định số …``) is only cited.
        return bool(_AMENDED_BY.search(text, max(prev.end, m.start - 40), m.start))
    between = text[max(prev.tail_end, prev.end) : m.start]
    described = text[prev.end : prev.tail_end]
    return bool(re.fullmatch(r"[\s,;)]*(?:và|cùng)?\s*", between)) and not _RELATION.search(described)


# --- merging and the cascade parent ------------------------------------------------------------------


def _unify(mentions: list[Mention]) -> None:
    """One key for one State document printed two ways: ``88/NĐ-CP`` and ``88/2025/NĐ-CP``; ``193/2025/QH15``
    and ``193/2025/NQ-QH15``."""
    full: dict[tuple[str | None, ...], str] = {}
    for m in mentions:
        s = m.symbol
        if s and s.form == "state" and s.year:
            full.setdefault((s.number, s.type, s.issuer), m.number or "")
            full.setdefault((s.number, s.year, s.issuer), m.number or "")
    for m in mentions:
        s = m.symbol
        if s is None or s.form != "state":
            continue
        if s.year:
            found = full.get((s.number, s.year, s.issuer)) if s.type is None and s.unit is None else None
        else:
            found = full.get((s.number, s.type, s.issuer))
        m.number = found or m.number


def _merge(group: list[Mention]) -> Citation:
    """One citation for the mentions of one document: the most frequent date and issuer among them."""
    first = group[0]
    date = _vote(m.date for m in group)
    issuer = _vote(m.issuer for m in group)
    title = next((m.title for m in group if m.title), None)
    c = first.citation()
    # A disagreeing date is kept, not voted away: the link pass lists it as a conflict.
    others: dict[str, int] = {}
    for m in group:
        if m.date and m.date != date:
            others.setdefault(m.date, m.line.no)
    other_dates = tuple(PrintedDate(d, line) for d, line in others.items())
    line = next((m.line.no for m in group if m.date == date), c.line)  # where the kept date is printed
    return Citation(first.number, c.type, date, issuer, title, c.text, line, other_dates)


def _legal_instrument(m: Mention) -> bool:
    """A law, an ordinance, a decree, a circular or any act numbered by year (``05/2025/QĐ-UBND``)."""
    return m.law or bool(m.number and re.search(r"/(?:19|20)\d{2}/|/QH\d*$|NĐ-CP|/TT-", m.number))


def _vote(values: Iterable[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def _central(number: str | None) -> bool:
    symbol = parse_symbol(number) if number else None
    return bool(symbol and central_issuer(symbol.issuer))


def _level(c: Citation) -> float:
    """Rank of the issuing level: 0 the Party Central Committee … 6 a district (higher is lower)."""
    issuer = fold(c.issuer or "")
    code = re.split(r"[/-]", c.number or "")[-1]
    if "ban chap hanh trung uong" in issuer:
        return 0
    if code.endswith("TW") or "bo chinh tri" in issuer or "ban bi thu" in issuer:
        return 1 if not code.startswith(("VP", "B")) or code == "TW" else 2
    if re.match(r"QH\d*$", code) or "quoc hoi" in issuer:
        return 1.5
    if code in ("CP", "TTg") or "chinh phu" in issuer:
        return 2
    if code in ("TU", "UBND", "HĐND") or "tinh uy" in issuer or "tinh" in issuer.split():
        return 4
    if code in ("HU", "QU") or "huyen" in issuer:
        return 6
    return 3 if code.startswith("B") else 5


def cascade_parent(candidates: list[Citation], chains: Iterable[tuple[str, str]] = ()) -> str | None:
    """The lowest-level candidate (see the module docstring); ``None`` for parallel bases or none."""
    numbered = [c for c in candidates if c.number]
    if not numbered:
        return None
    links = set(chains)
    lowest = max(_level(c) for c in numbered)
    bottom = [c for c in numbered if _level(c) == lowest]
    if len(bottom) == 1:
        return bottom[0].number
    implementers = [c for c in bottom if any((c.number, o.number) in links for o in bottom if o is not c)]
    if len(implementers) == 1:
        return implementers[0].number
    kinds = [c for c in bottom if c.type in ("KH", "CTr", "CTHĐ")]
    return kinds[0].number if len(kinds) == 1 else None
