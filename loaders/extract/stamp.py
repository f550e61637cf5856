"""The incoming-registry stamp (dấu đến) on a received copy: who received it, its registry number and date.

A scanned copy can carry ``SỞ NỘI VỤ TỈNH BÌNH ĐỊNH`` / ``ĐẾN Số: 6825`` / ``Ngày: 09/6/23`` / ``Chuyển: …``
at the top, mixed with the document's own header. The stamp's number and organ are never the document's
number or issuer; :func:`find_stamp` tells ``segment`` which lines to take out of the header.

>>> from loaders.text.line import Line
>>> lines = [Line(3, "SỞ NỘI VỤ TỈNH BÌNH ĐỊNH"), Line(4, "Số 60-KH/TU"), Line(6, "ĐẾN Số: 6825"),
...          Line(7, "Ngày: 09/6/23")]
>>> find_stamp(lines)
[0, 2, 3]
>>> parse_stamp([lines[i] for i in find_stamp(lines)])
Received(by='Sở Nội vụ tỉnh Bình Định', number='6825', date='2023-06-09', line=6)
"""

from __future__ import annotations

import re

from loaders.extract.dates import parse_date
from loaders.extract.symbols import find_symbols
from loaders.record import Received
from loaders.text.casing import organ_case
from loaders.text.line import Line

__all__ = ["find_stamp", "parse_stamp"]

_ARRIVED = re.compile(r"(?<!\w)ĐẾN(?!\w)")
_NUMBER = re.compile(r"S[ốo]\s*[:.]?\s*(?P<n>\d{1,7})\b")
_FOLLOWING = re.compile(r"^(?:Ngày|Chuy[ểêe]n|Số và ký hiệu|Lưu hồ sơ|Người nhận)", re.IGNORECASE)


def _is_organ_line(text: str) -> bool:
    return text.isupper() and not find_symbols(text) and not text.startswith(("SỐ", "ĐẾN")) and len(text) > 4


def find_stamp(lines: list[Line], limit: int = 30) -> list[int]:
    """Indices of the stamp's lines among the first ``limit`` lines (empty when there is no stamp)."""
    for i, line in enumerate(lines[:limit]):
        text = line.text
        if not _ARRIVED.search(text) or not (_NUMBER.search(text) or _next_has_number(lines, i)):
            continue
        found = [i]
        for back in range(i - 1, max(i - 4, -1), -1):
            if _is_organ_line(lines[back].text):
                found.insert(0, back)
                break
        j = i + 1
        while j < len(lines) and j <= i + 5 and (_FOLLOWING.match(lines[j].text) or _NUMBER.match(lines[j].text)):
            found.append(j)
            j += 1
        return found
    return []


def _next_has_number(lines: list[Line], i: int) -> bool:
    return i + 1 < len(lines) and bool(_NUMBER.match(lines[i + 1].text))


def parse_stamp(lines: list[Line]) -> Received | None:
    """The stamp's facts from its lines (as chosen by :func:`find_stamp`)."""
    if not lines:
        return None
    by = organ_case(lines[0].text) if _is_organ_line(lines[0].text) else None
    number = date = None
    at = next((line.no for line in lines if _ARRIVED.search(line.text)), lines[0].no)
    for line in lines:
        if number is None and (m := _NUMBER.search(line.text)) and not find_symbols(line.text):
            number = m["n"]
        if date is None and re.match(r"^(?:ĐẾN\s+)?Ngày", line.text, re.IGNORECASE):
            date = parse_date(line.text, two_digit_years=True)
    return Received(by=by, number=number, date=date, line=at)
