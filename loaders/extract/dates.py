"""Dates as printed in headers, citations and stamps → ISO strings.

``ngày 27 tháng 6 năm 2023``, ``24/5/2023``, ``9-8-2019``, ``15.8.2020``; a received stamp may print a
two-digit year (``09/6/23``). A header whose day was left blank (``ngày  tháng 5 năm 2025``, a draft) gives no
date rather than a guess.

>>> parse_date("Bình Định, ngày 27 tháng 6 năm 2023")
'2023-06-27'
>>> parse_date("Kế hoạch số 60-KH/TU ngày 24/5/2023 của ...")
'2023-05-24'
>>> place_and_date("Hà Nội, ngày 02 tháng 5 năm 2024")
('Hà Nội', '2024-05-02')
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = [
    "HEADER_DATE",
    "LONG_DATE",
    "NUMERIC_DATE",
    "DateMatch",
    "find_dates",
    "iso_date",
    "parse_date",
    "place_and_date",
]

_DAY = r"ng[àa]y"
_MONTH = r"th[áa]ng"
_YEAR = r"n[ăa]m"
LONG_DATE = re.compile(
    rf"(?<!\w){_DAY}\s+(?P<d>\d{{1,2}})\s*[,]?\s+{_MONTH}\s+(?P<m>\d{{1,2}})\s*[,]?\s+{_YEAR}\s+(?P<y>\d{{4}})",
    re.IGNORECASE,
)
NUMERIC_DATE = re.compile(
    r"(?<![\d/.\-])(?P<d>[0-3]?\d)\s*(?P<sep>[/\-.])\s*(?P<m>[01]?\d)\s*(?P=sep)\s*(?P<y>(?:19|20)\d{2}|\d{2})"
    r"(?![\d/]|\.\d)"
)
HEADER_DATE = re.compile(
    rf"^(?P<place>[^\W\d_][^,\n]{{0,40}}?)\s*,\s*{_DAY}\b(?P<rest>.*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int
    end: int
    iso: str


def iso_date(year: int, month: int, day: int) -> str | None:
    """``YYYY-MM-DD``, or None when the date does not exist."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _year(text: str, two_digit: bool) -> int | None:
    if len(text) == 4:
        return int(text)
    return 2000 + int(text) if two_digit else None


def find_dates(text: str, *, two_digit_years: bool = False) -> list[DateMatch]:
    """Every full date in ``text`` (long or numeric form), in order."""
    found: list[DateMatch] = []
    for m in LONG_DATE.finditer(text):
        if value := iso_date(int(m["y"]), int(m["m"]), int(m["d"])):
            found.append(DateMatch(m.start(), m.end(), value))
    for m in NUMERIC_DATE.finditer(text):
        year = _year(m["y"], two_digit_years)
        if year is None or any(f.start <= m.start() < f.end for f in found):
            continue
        if value := iso_date(year, int(m["m"]), int(m["d"])):
            found.append(DateMatch(m.start(), m.end(), value))
    return sorted(found, key=lambda f: f.start)


def parse_date(text: str, *, two_digit_years: bool = False) -> str | None:
    """The first full date in ``text`` as ISO, or None."""
    found = find_dates(text, two_digit_years=two_digit_years)
    return found[0].iso if found else None


def place_and_date(text: str) -> tuple[str, str | None] | None:
    """A header's ``<place>, ngày … tháng … năm …`` → (place, ISO date or None when a part is blank).

    None when ``text`` is not a place-and-date line at all.
    """
    m = HEADER_DATE.match(text.strip())
    if not m or not re.search(_MONTH, m["rest"], re.IGNORECASE):
        return None
    return " ".join(m["place"].split()), parse_date("ngày" + m["rest"])
