"""The confidentiality and urgency marks stamped on a document (dấu mật, dấu khẩn), and their order.

36-HD/VPTW puts the marks (position 10a–b) in the header, under the number and symbol: ``MẬT``, ``TỐI MẬT``,
``TUYỆT MẬT``; ``KHẨN``, ``THƯỢNG KHẨN``, ``HỎA TỐC``. A mark is a stamp, so it is read only as a whole cell
of a header line printed in capitals (a line of its own, a cell of a header table, or a column of a
fixed-width header) or as ``Độ mật: …`` / ``Độ khẩn: …``; the words in a title or a sentence ("bảo vệ bí mật
nhà nước", "khẩn trương") are never a mark.

>>> read_marks(["Số: 1050 /QĐ-SCT      Lào Cai, ngày 06 tháng 3 năm 2026", "   MẬT", "QUYẾT ĐỊNH"])
Marks(confidentiality='mat', urgency=None, line=2)
>>> read_marks(["| Số: 13/CT-TTg | TỐI MẬT - HỎA TỐC |"])
Marks(confidentiality='toi-mat', urgency='hoa-toc', line=1)
>>> read_marks(["CÔNG TÁC BẢO VỆ BÍ MẬT NHÀ NƯỚC"])
Marks(confidentiality=None, urgency=None, line=None)
>>> rank("toi-mat") > rank("mat") > rank(None)
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from loaders.text.folding import modern_tones

__all__ = [
    "CONFIDENTIALITY",
    "CONFIDENTIALITY_NAMES",
    "URGENCY",
    "URGENCY_NAMES",
    "Marks",
    "rank",
    "read_marks",
]

#: Confidentiality levels, lowest first; "thuong" is a document without a mark (and a clearance for only those).
CONFIDENTIALITY: tuple[str, ...] = ("thuong", "mat", "toi-mat", "tuyet-mat")
CONFIDENTIALITY_NAMES: dict[str, str] = {
    "thuong": "Thường",
    "mat": "Mật",
    "toi-mat": "Tối mật",
    "tuyet-mat": "Tuyệt mật",
}
URGENCY: tuple[str, ...] = ("khan", "thuong-khan", "hoa-toc")
URGENCY_NAMES: dict[str, str] = {"khan": "Khẩn", "thuong-khan": "Thượng khẩn", "hoa-toc": "Hỏa tốc"}

# The stamp as printed (modern tone placement) → (field, value); longest first so TỐI MẬT is not read as MẬT.
_STAMPS: dict[str, tuple[str, str]] = {
    "TUYỆT MẬT": ("confidentiality", "tuyet-mat"),
    "TỐI MẬT": ("confidentiality", "toi-mat"),
    "MẬT": ("confidentiality", "mat"),
    "THƯỢNG KHẨN": ("urgency", "thuong-khan"),
    "HỎA TỐC": ("urgency", "hoa-toc"),
    "KHẨN": ("urgency", "khan"),
}
_MARK = "|".join(re.escape(s) for s in _STAMPS)
_ONLY_MARKS = re.compile(rf"^(?:{_MARK})(?:\s*[-–,;/+]?\s*(?:{_MARK}))*$")
_ONE_MARK = re.compile(_MARK)
_LABELLED = re.compile(r"^Độ\s+(?:mật|khẩn)\s*:\s*(?P<value>.+)$", re.IGNORECASE)
_CELL_SPLIT = re.compile(r"\s*\|\s*|\s{3,}")  # table cells, or the columns of a fixed-width header
_MARKUP = re.compile(r"[*_#`\\>]+")


@dataclass(frozen=True, slots=True)
class Marks:
    confidentiality: str | None = None  # mat | toi-mat | tuyet-mat
    urgency: str | None = None  # khan | thuong-khan | hoa-toc
    line: int | None = None  # 1-based line of the first mark in the lines given


def rank(confidentiality: str | None) -> int:
    """Order of a confidentiality level (or a clearance): 0 for none, 3 for tuyệt mật; unknown values rank
    highest, so a mark this code does not know hides the document rather than showing it."""
    if not confidentiality:
        return 0
    return CONFIDENTIALITY.index(confidentiality) if confidentiality in CONFIDENTIALITY else len(CONFIDENTIALITY)


def _cells(line: str) -> list[str]:
    text = modern_tones(unicodedata.normalize("NFC", _MARKUP.sub(" ", line)))
    return [c.strip(" .:-–") for c in _CELL_SPLIT.split(text.strip()) if c.strip(" .:-–")]


def _stamps(cell: str) -> list[str]:
    labelled = _LABELLED.match(cell)
    if labelled:
        cell = labelled.group("value").strip().upper()
    return _ONE_MARK.findall(cell) if _ONLY_MARKS.match(cell) else []


def read_marks(header: Sequence[str]) -> Marks:
    """The marks stamped in ``header`` (a document's raw lines before its title); the highest of each kind."""
    found: dict[str, str] = {}
    first: int | None = None
    for no, line in enumerate(header, 1):
        for cell in _cells(line):
            for stamp in _stamps(cell):
                field, value = _STAMPS[stamp]
                order = CONFIDENTIALITY if field == "confidentiality" else URGENCY
                if field not in found or order.index(value) > order.index(found[field]):
                    found[field] = value
                first = first or no
    return Marks(found.get("confidentiality"), found.get("urgency"), first)
