"""Who issues a report and how its heading reads: the official form of Hướng dẫn 36-HD/VPTW (Party documents) and
of Nghị định 30/2020/NĐ-CP (State documents).

The values an office fills once — its name, the code in its symbols (``TU`` in ``Số …-BC/TU``), the place, the
signature block and the recipients — sit in a small settings file (``data/report-signature.yaml``); each can be
given on the command line instead. What nobody gave (the number, the signer's name) is printed as ``…`` for the
office to fill by hand, never made up.

>>> form = OfficialForm(organ=("TỈNH ỦY BÌNH ĐỊNH",), code="TU", place="Bình Định")
>>> form.number_line(System.PARTY), form.number_line(System.STATE)
('Số …-BC/TU', 'Số: …/BC-TU')
>>> form.date_line(None, 2026), form.date_line(date(2026, 11, 23), 2026)
('Bình Định, ngày … tháng … năm 2026', 'Bình Định, ngày 23 tháng 11 năm 2026')
>>> system_of("60-KH/TU"), system_of("123/KH-UBND"), system_of("25/2021/QĐ-TTg")
(<System.PARTY: 'party'>, <System.STATE: 'state'>, <System.STATE: 'state'>)
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

from reports.model import ReportError

__all__ = ["BLANK", "DEFAULT_FORM", "OfficialForm", "System", "load_form", "system_of"]

DEFAULT_FORM = Path(__file__).resolve().parents[1] / "data" / "report-signature.yaml"
BLANK = "…"  # what the office fills by hand


class System(StrEnum):
    """Whose rules the heading follows: the Party's (36-HD/VPTW) or the State's (Nghị định 30/2020)."""

    PARTY = "party"
    STATE = "state"

    @property
    def national_lines(self) -> tuple[str, ...]:
        """The right-hand heading: ``ĐẢNG CỘNG SẢN VIỆT NAM``, or the State's name and motto."""
        if self is System.PARTY:
            return ("ĐẢNG CỘNG SẢN VIỆT NAM",)
        return ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


# A State symbol puts the number before a slash (``123/KH-UBND``, ``25/2021/QĐ-TTg``); a Party symbol puts a dash
# after the number and the issuer after the slash (``60-KH/TU``).
_STATE_SYMBOL = re.compile(r"^\s*\d+\s*/")


def system_of(symbol: str | None) -> System:
    """The system a document's symbol belongs to (Party when there is no symbol to tell)."""
    return System.STATE if symbol and _STATE_SYMBOL.match(symbol) else System.PARTY


@dataclass(frozen=True, slots=True)
class OfficialForm:
    """The issuing office's part of a report: heading, number, place, recipients and signature."""

    organ: tuple[str, ...] = ()  # the heading's left lines, superior organ first, issuing organ last
    code: str = BLANK  # the issuer code in the report's symbol: TU in "Số …-BC/TU"
    number: str = BLANK
    place: str = BLANK
    on_behalf: str = ""  # "T/M BAN THƯỜNG VỤ", "TL. BAN THƯỜNG VỤ", "K/T CHỦ TỊCH"…
    title: str = BLANK  # the signer's title: "PHÓ BÍ THƯ THƯỜNG TRỰC"
    signer: str = BLANK  # the signer's name
    recipients: tuple[str, ...] = ()

    def number_line(self, system: System) -> str:
        """``Số …-BC/TU`` (Party) or ``Số: …/BC-UBND`` (State)."""
        if system is System.PARTY:
            return f"Số {self.number}-BC/{self.code}"
        return f"Số: {self.number}/BC-{self.code}"

    def date_line(self, day: date | None, year: int) -> str:
        """``Bình Định, ngày 23 tháng 11 năm 2026``; without a day, the day and month are left to fill."""
        if day is None:
            return f"{self.place}, ngày {BLANK} tháng {BLANK} năm {year}"
        return f"{self.place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"

    @property
    def author(self) -> str:
        """The issuing organ as one line, for the file's properties."""
        return " ".join(self.organ) if self.organ else ""

    def with_options(self, *, organ: str | None = None, **options: str | None) -> OfficialForm:
        """The form with the options given on the command line (``None`` keeps the file's value); ``organ`` is
        one string, its lines separated by ``|`` (``TỈNH ỦY BÌNH ĐỊNH|VĂN PHÒNG``)."""
        changes: dict[str, Any] = {k: v for k, v in options.items() if v is not None}
        if organ is not None:
            changes["organ"] = tuple(line.strip() for line in organ.split("|") if line.strip())
        return dataclasses.replace(self, **changes)


_FIELDS = {f.name for f in dataclasses.fields(OfficialForm)}


def _form(raw: dict[str, Any], where: str) -> OfficialForm:
    unknown = set(raw) - _FIELDS
    if unknown:
        known = ", ".join(sorted(_FIELDS))
        raise ReportError(f"{where}: không có mục {', '.join(sorted(unknown))} (các mục: {known})")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key in ("organ", "recipients"):
            items = [value] if isinstance(value, str) else list(value or ())
            values[key] = tuple(str(v) for v in items)
        elif value not in (None, ""):
            values[key] = str(value)
    return OfficialForm(**values)


def load_form(path: str | Path | None, system: System) -> OfficialForm:
    """The form of ``system`` in the settings file (its ``party:`` or ``state:`` part); no file, a blank form."""
    path = Path(path) if path is not None else DEFAULT_FORM
    if not path.is_file():
        if path == DEFAULT_FORM:
            return OfficialForm()
        raise ReportError(f"không có tệp {path}")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ReportError(f"{path}: không đọc được ({exc})") from exc
    part = raw.get(system.value) if isinstance(raw, dict) else None
    if part is None:
        return OfficialForm()
    if not isinstance(part, dict):
        raise ReportError(f"{path}: mục {system.value} phải là một bảng tên: giá trị")
    return _form(part, f"{path} ({system.value})")
