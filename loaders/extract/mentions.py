"""Mentions of documents in a line: ``Nghị quyết số 27-NQ/TW``, ``Luật Tổ chức Chính phủ``, ``Nghị quyết 27``.

Each :class:`Mention` carries what follows it in the text — the date (``ngày 09/11/2022``, ``, ngày 28/11/2022``,
or ``Ngày 31/3/2025, X đã ban hành …`` before it), the issuer (``của Ban Chấp hành Trung ương Đảng (khóa
XIII)``, or ``X có văn bản số …``) and the description (``về …``) up to where it stops (``tail_end``). A
parenthesis there may define a short name (``(sau đây viết tắt là Nghị quyết 27)``, ``(Chỉ thị số 13/CT-TTg)``);
it is recorded in ``aliases`` and its text is not a second mention. ``loaders.extract.citations`` decides which
mentions are implemented and which are only cited.

>>> from loaders.text.line import Line
>>> line = Line(1, "Thực hiện Kế hoạch số 60-KH/TU ngày 24/5/2023 của Ban Thường vụ Tỉnh ủy về X")
>>> found = find_mentions(line, None, {})
>>> [(m.number, m.date, m.issuer, m.title) for m in found]
[('60-KH/TU', '2023-05-24', 'Ban Thường vụ Tỉnh ủy', 'X')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.extract.dates import parse_date
from loaders.extract.symbols import Symbol, find_symbols, type_code
from loaders.record import Citation
from loaders.text.casing import organ_case
from loaders.text.doc_types import TYPE_WORDS
from loaders.text.folding import fold, modern_tones
from loaders.text.line import Line

__all__ = ["LAW_RE", "TAIL_MAX", "Mention", "clean_issuer", "find_mentions", "known_short_names"]

# ``Kế hoạch số 1105/KH-ĐKT`` and, with up to three words saying what kind, ``Kế hoạch kiểm tra số …``
_TYPE_BEFORE = re.compile(
    r"(?P<tw>(?<!\w)(?:" + "|".join(TYPE_WORDS) + r"|NQ|NĐ|QĐ|KL|CT|KH))"
    r"\s+(?:số\s*:?\s*|(?:[^\W\d]+\s+){1,3}số\s*:?\s*)?$",
    re.IGNORECASE,
)
LAW_RE = re.compile(r"(?<!\w)(?:Bộ luật|Luật|Hiến pháp|Pháp lệnh)(?:\s+[A-ZĐÀ-Ỹ]\w*|\s+sửa đổi|\s+năm\s+\d{4})")
_LAW_WORDS = ("uật", "Hiến pháp", "Pháp lệnh")  # what a line needs for ``LAW_RE`` (``Luật``, ``Bộ luật``)
_DIGIT = re.compile(r"\d")
_SHORT = re.compile(
    r"(?<!\w)(?P<tw>Nghị quyết|Kế hoạch|Chỉ thị|Kết luận|Quyết định|Đề án|Chương trình|Nghị định|NQ|KL|CT|NĐ)"
    r"\s+(?:số\s+)?(?P<n>\d{1,5})(?![\d/\-–\w])"
)
_ABBREVIATED = {"NQ": "NQ", "KL": "KL", "CT": "CT", "NĐ": "NĐ"}
_ALIAS = re.compile(
    r"\(\s*(?:sau đây\s+)?(?:gọi|viết)(?:\s+tắt)?\s+là\s+(?P<a>[^()]{2,80})\)"
    r"|\((?P<b>(?:" + "|".join(TYPE_WORDS) + r")\s+(?:số\s+)?[^()\s]{1,20}[^()]{0,20})\)",
    re.IGNORECASE,
)
_ISSUER_STOP = re.compile(
    r"\s+(?:về|thực hiện|triển khai|ban hành|quy định|hướng dẫn|đã|tại|trong|theo|gửi|đến|sửa đổi|nhằm|để|là"
    r"|đề nghị)(?!\w)|\s*[,;:.(“\"”]|\s+và\s+(?=(?:" + "|".join(TYPE_WORDS) + r")\b)|$",
    re.IGNORECASE,
)
_KHOA = re.compile(r"\(\s*(khóa|khoá)\s+([IVXLC]+)\s*\)", re.IGNORECASE)
_CONFERENCE = re.compile(r"^Hội nghị\s+(?:Trung ương\s+)?(?:lần thứ\s+\S+\s+)?", re.IGNORECASE)
_PRE_ISSUER = re.compile(  # "Ngày 22/12/2024, Bộ Chính trị đã ban hành <mention>", "X có văn bản số <mention>"
    r"(?:^|[,;.]\s+|^Ngày\s+\S+,?\s+)(?P<body>[A-ZĐ][^,;.]{2,70}?)\s+(?:đã\s+(?:[^,;.]{0,40}?\s+)?)?"
    r"(?:có|ban hành)\s+(?:văn bản\s+|\w+\s+\w+\s+)?$"
)
# "Ngày 31/3/2025, Bộ X đã ban hành <mention>": the date printed before the mention
_DATE_BEFORE = re.compile(r"(?<!\w)Ngày\s+(?P<d>\d{1,2}/\d{1,2}/\d{4}),\s*[^,;.|]{0,120}$")
TAIL_MAX = 600  # a description longer than this is not one mention's


@dataclass
class Mention:
    start: int
    end: int
    line: Line
    number: str | None
    type: str | None
    law: bool = False
    tail_end: int = 0
    date: str | None = None
    issuer: str | None = None
    title: str | None = None
    role: str = "cite"  # implement | cite | self
    parent: Mention | None = None  # the mention whose description names this one
    basis: bool = False  # implemented only as a legal basis (``Căn cứ …``), not carried out (``Thực hiện …``)
    symbol: Symbol | None = None

    @property
    def key(self) -> str:
        return self.number or fold(re.sub(r"\s+năm\s+\d{4}$", "", self.title or ""))

    def citation(self) -> Citation:
        text = self.line.text[self.start : max(self.tail_end, self.end)].strip(" ,;")
        return Citation(self.number, self.type, self.date, self.issuer, self.title, text, self.line.no)


def find_mentions(line: Line, own: str | None, aliases: dict[str, str], *, laws: bool = False) -> list[Mention]:
    """Mentions in one line, in order (laws named without a number too when ``laws``); short names defined
    there are added to ``aliases``; a mention of ``own`` is marked ``self``."""
    # each pattern is tried only on a line with what it needs (a bracket, a digit, a law's name)
    aliases_in = _ALIAS.finditer(line.text) if "(" in line.text else ()
    alias_spans = [(a.start(), a.end(), a.group("a") or a.group("b")) for a in aliases_in]
    found = _symbol_mentions(line)
    taken = [(m.start, m.end) for m in found]
    skip = [(s, e) for s, e, _ in alias_spans] + taken
    found += _short_mentions(line, skip)
    if laws:
        found += [x for x in _laws(line) if not any(a <= x.start < b for a, b in skip)]
    found.sort(key=lambda x: x.start)
    for start, end, alias in alias_spans:
        owner = next((m for m in reversed(found) if m.start < start), None)
        if owner and owner.number:
            aliases[fold(alias)] = owner.number
            found = [m for m in found if not (start <= m.start < end and m.number == owner.number)]
    for k, m in enumerate(found):
        _tail(m, found[k + 1 :])
        if own and m.number == own:
            m.role = "self"
    return found


def _symbol_mentions(line: Line) -> list[Mention]:
    out = []
    for s in find_symbols(line.text):
        lo = max(0, s.start - 40)
        before = _TYPE_BEFORE.search(line.text, lo, s.start)
        word = before["tw"] if before else None
        code = s.symbol.type or (_ABBREVIATED.get(word.upper()) or type_code(word) if word else None)
        out.append(Mention(before.start() if before else s.start, s.end, line, s.symbol.canonical, code,
                            symbol=s.symbol))  # fmt: skip
    return out


def _short_mentions(line: Line, skip: list[tuple[int, int]]) -> list[Mention]:
    out: list[Mention] = []
    if not _DIGIT.search(line.text):
        return out
    for m in _SHORT.finditer(line.text):
        if any(a <= m.start() < b for a, b in skip) or _is_year(m["n"], m.group(0)):
            continue
        word = m["tw"]
        code = _ABBREVIATED.get(word) or type_code(word)
        out.append(Mention(m.start(), m.end(), line, None, code, title=f"{word} {m['n']}"))
    return out


def _is_year(n: str, matched: str) -> bool:
    return 1900 <= int(n) <= 2100 and "số" not in matched


def _laws(line: Line) -> list[Mention]:
    out: list[Mention] = []
    text = line.text
    if not any(word in text for word in _LAW_WORDS):
        return out
    pos = 0
    while m := LAW_RE.search(text, pos):
        end = _law_end(text, m.start())
        title = text[m.start() : end].strip(" ,")
        date = None
        if d := re.match(r"\s*,?\s*ngày\s+", text[end:]):
            date = parse_date(text[end : end + d.end() + 25])
        out.append(Mention(m.start(), end, line, None, "Luật", law=True, title=title, date=date))
        pos = end
    return out


def _law_end(text: str, start: int) -> int:
    stop = re.compile(r";|\.(?!\d)|\(|\s+ngày\s+\d|\s+(?:có hiệu lực|và các|theo|để|nhằm)\b|$")
    m = stop.search(text, start + 4)
    end = m.start() if m else len(text)
    return min(end, start + 160)


_DATE_AFTER = re.compile(
    r"\s*,?\s*(?P<d>ngày\s+(?:\d{1,2}\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*\d{2,4}"
    r"|\d{1,2}\s+tháng\s+\d{1,2}\s*,?\s+năm\s+\d{4}))",
    re.IGNORECASE,
)


def _tail(m: Mention, later: list[Mention]) -> None:
    """Date, issuer and description after a mention; ``tail_end`` is where its description stops."""
    text = m.line.text
    pos = m.end
    if d := _DATE_AFTER.match(text, pos):
        m.date = m.date or parse_date(d["d"])
        pos = d.end()
    if c := re.compile(r"\s*,?\s*của\s+", re.IGNORECASE).match(text, pos):
        body = _KHOA.sub(r"\1 \2", text[c.end() : c.end() + 160])
        stop = _ISSUER_STOP.search(body)
        issuer = body[: stop.start()] if stop else body
        m.issuer = clean_issuer(issuer) or None
        pos = c.end() + len(issuer)
    elif pre := _PRE_ISSUER.search(text, max(0, m.start - 120), m.start):
        m.issuer = clean_issuer(pre["body"])
    if not m.date and (d := _DATE_BEFORE.search(text, max(0, m.start - 160), m.start)):
        m.date = parse_date(d["d"])
    m.tail_end = _tail_end(text, pos, later)
    if desc := re.compile(r"\s*,?\s*(?:về|V/v)\s+", re.IGNORECASE).match(text, pos, m.tail_end):
        title = text[desc.end() : m.tail_end]
        m.title = m.title or " ".join(re.split(r"\s*\(", title)[0].split()) or None


def clean_issuer(text: str) -> str:
    """An issuer phrase as the record keeps it: cased if printed in capitals, ``Hội nghị lần thứ …`` dropped,
    modern tone marks (``khoá`` → ``khóa``)."""
    text = " ".join(text.split()).strip(" ,")
    if text.isupper():
        text = organ_case(text)
    return modern_tones(_CONFERENCE.sub("", text))


def _tail_end(text: str, pos: int, later: list[Mention]) -> int:
    """End of a mention's description: a clause end, a new subject, or a following listed document."""
    next_start = later[0].start if later else len(text) + 99
    depth = 0
    for i in range(pos, min(len(text), pos + TAIL_MAX)):
        ch = text[i]
        depth += (ch == "(") - (ch == ")")
        if depth > 0:
            continue
        if ch == ";" or (ch in ".," and re.match(r"[.,]\s+[A-ZĐ]", text[i : i + 4])):
            return i
        if ch == " " and i < next_start <= i + 8 and text.startswith(" và ", i):
            return i
    return min(len(text), pos + TAIL_MAX)


def known_short_names(mentions: list[Mention]) -> dict[tuple[str | None, str | None], str]:
    """Short references (``NQ 57``) → a full symbol of the same type and number named in the text."""
    known: dict[tuple[str | None, str | None], str] = {}
    for m in mentions:
        if m.number and m.type and (n := re.match(r"\d+", m.number)):
            for word, code in list(TYPE_WORDS.items()) + list(_ABBREVIATED.items()):
                if code == m.type:
                    known.setdefault((code, f"{word[:1].upper() + word[1:]} {n.group()}"), m.number)
                    known.setdefault((code, f"{word} {n.group()}"), m.number)
    return known
