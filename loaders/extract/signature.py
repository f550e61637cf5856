"""The signature block: authority (``T/M Ban Thường vụ``, ``KT. Bộ trưởng``), the signer's title and name.

Blocks come as separate lines (``T/M BAN THƯỜNG VỤ`` / ``PHÓ BÍ THƯ`` / ``Nguyễn Hữu Lộc``), packed into one
table cell (``KT. BỘ TRƯỞNG THỨ TRƯỞNG Lê Công Thành``, ``T/M BỘ CHÍNH TRỊ (Đã ký) Trương Thị Mai``), with
``[đã ký]``/``(Đã ký)`` placeholders and a ``(Dấu của …)`` note. Party forms ``T/M K/T T/L T/U`` and State
forms ``TM. KT. TL. TUQ. Q.`` are both read; several authorities chain (``TM. Chính phủ; KT. Thủ tướng``).
A press article has no block: :func:`lead_signer` reads ``Bí thư Tỉnh ủy X <Name> vừa ký ban hành``.

>>> from loaders.text.line import Line
>>> parse_signature([Line(41, "KT. BỘ TRƯỞNG THỨ TRƯỞNG Lê Công Thành")])
Signer(name='Lê Công Thành', title='Thứ trưởng', capacity='KT. Bộ trưởng', line=41)
"""

from __future__ import annotations

import re

from loaders.extract.titles import is_title, title_case
from loaders.record import Signer
from loaders.text.casing import organ_case
from loaders.text.folding import fold
from loaders.text.line import Line
from loaders.text.scopes import find_province

__all__ = [
    "CAPACITY_RE",
    "SEAL_NOTE_RE",
    "SIGNED_RE",
    "capacity_body",
    "is_name",
    "is_signature_line",
    "lead_signer",
    "mostly_upper",
    "parse_signature",
]

CAPACITY_RE = re.compile(r"^(?P<cap>T/M|K/T|T/L|T/U|TM\.|KT\.|TL\.|TUQ\.|Q\.)\s*(?P<rest>\S.*)$", re.IGNORECASE)
SIGNED_RE = re.compile(r"[\[(]\s*đã\s+ký\s*[\])]", re.IGNORECASE)  # [đã ký], (Đã ký)
SEAL_NOTE_RE = re.compile(r"\(\s*dấu\b[^)]*\)?", re.IGNORECASE)  # (Dấu của …)
_LEAD = re.compile(
    r"(?P<title>(?:Phó\s+)?(?:Bí thư|Chủ tịch|Giám đốc|Bộ trưởng|Thủ tướng|Trưởng ban)"
    r"(?:\s+(?:Tỉnh ủy|Thành ủy|Huyện ủy|Đảng ủy|UBND|Ủy ban nhân dân))?)\s+"
    r"(?P<rest>[^,.;()]{3,80}?)\s+(?:vừa|đã)\s+(?:ký|ban hành)"
)


def is_name(text: str) -> bool:
    """``Nguyễn Hữu Lộc``: two to five capitalised words of letters only."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(_name_word(w) for w in words)


def mostly_upper(text: str) -> bool:
    """Capitals, allowing an OCR slip or two (``PHÓ Bí THƯ``)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


def _is_title(text: str) -> bool:
    return len(text) <= 60 and mostly_upper(text) and is_title(text)


def is_signature_line(text: str) -> bool:
    """Whether ``text`` opens a signature block (authority, title in capitals, or a ``đã ký`` mark)."""
    if len(text) > 300:
        return False
    return bool(CAPACITY_RE.match(text) or SIGNED_RE.fullmatch(text.strip()) or _is_title(_split_name(text)[0]))


def _name_word(word: str) -> bool:
    return word.isalpha() and word[0].isupper() and (len(word) == 1 or word[1:].islower())


def _split_name(text: str) -> tuple[str, str | None]:
    """``THỦ TƯỚNG Phạm Minh Chính`` → (``THỦ TƯỚNG``, ``Phạm Minh Chính``); (text, None) without a name."""
    words = text.split()
    k = len(words)
    while k > 0 and _name_word(words[k - 1]):
        k -= 1
    if 2 <= len(words) - k <= 5:
        return " ".join(words[:k]), " ".join(words[k:])
    return text, None


def _split_title(obj: str) -> tuple[str, str | None]:
    """``BAN THƯỜNG VỤ PHÓ BÍ THƯ`` → (``BAN THƯỜNG VỤ``, ``PHÓ BÍ THƯ``); the title must leave an authority."""
    words = obj.split()
    for k in range(1, len(words)):
        tail = " ".join(words[k:])
        if _is_title(tail):
            return " ".join(words[:k]), tail
    return obj, None


def _authority(marker: str, obj: str) -> str:
    cased = title_case(obj) if _is_title(obj) else organ_case(obj)
    return f"{marker.upper()} {cased}"


def capacity_body(capacity: str | None) -> str | None:
    """The body an authority speaks for: ``T/M Ban Thường vụ`` → ``Ban Thường vụ`` (None for K/T, TL. …)."""
    for part in (capacity or "").split(";"):
        m = CAPACITY_RE.match(part.strip())
        if m and m["cap"].upper() in ("T/M", "TM."):
            return m["rest"]
    return None


def parse_signature(lines: list[Line]) -> Signer | None:
    """Authority, title and name from the lines of a signature block (None when it names nobody)."""
    capacities: list[str] = []
    title = name = None
    for line in lines:
        text = SEAL_NOTE_RE.sub(" ", SIGNED_RE.sub(" ", line.text))
        text = " ".join(text.replace("|", " ").split())
        text, found_name = _split_name(text)
        name = found_name or name
        if m := CAPACITY_RE.match(text):
            obj, found_title = _split_title(m["rest"])
            capacities.append(_authority(m["cap"], obj))
            title = title_case(found_title) if found_title else title
        elif text and _is_title(text):
            title = title_case(text)
    if not (name or title or capacities):
        return None
    return Signer(name=name, title=title, capacity="; ".join(capacities) or None, line=lines[0].no)


def lead_signer(lines: list[Line]) -> Signer | None:
    """The signer named by a press article's lead: ``Bí thư Tỉnh ủy Lâm Đồng Trần Đức Quận vừa ký ban hành``."""
    for line in lines:
        for m in _LEAD.finditer(line.text):
            rest = m["rest"]
            province = find_province(rest)
            if province and fold(rest).startswith(fold(province)):
                rest = rest[len(province) :].strip()
            if is_name(rest):
                return Signer(name=rest, title=m["title"], capacity=None, line=line.no)
    return None
