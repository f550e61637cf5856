"""Store rows → view models, and the Vietnamese formatting the views share.

>>> from dataclasses import dataclass
>>> @dataclass(frozen=True)
... class Link:
...     symbol: str | None
...     issuers: tuple[str, ...] = ()
>>> from_row(Link, {"symbol": "60-KH/TU", "issuers": ["Tỉnh ủy"], "extra": 1})
Link(symbol='60-KH/TU', issuers=('Tỉnh ủy',))
>>> from_row(Link, {})
Link(symbol=None, issuers=())
>>> vi_date("2023-06-27"), vi_date(None), vi_date("hằng năm")
('27/06/2023', '', 'hằng năm')
>>> line_of("binh-dinh:60-KH/TU:2023:12")
12
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any, TypeVar

from reports.model import format_date_vi, parse_iso_date

__all__ = ["from_row", "line_of", "source_words", "uid_words", "vi_date"]

T = TypeVar("T")


def from_row(cls: type[T], row: Mapping[str, Any], **values: Any) -> T:
    """A ``cls`` from the row's columns of the same names; ``values`` are set as given.

    A missing column takes the field's default, or ``None``; lists become tuples, so the model stays immutable.
    """
    taken = {}
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        if field.name in values:
            continue
        if field.name in row:
            taken[field.name] = _frozen(row[field.name])
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            taken[field.name] = None
    return cls(**taken, **values)


def _frozen(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def vi_date(value: Any) -> str:
    """ISO date → ``dd/mm/yyyy``; empty for nothing, unchanged when it is not a date."""
    parsed = parse_iso_date(value)
    return format_date_vi(parsed) if parsed else ("" if value is None else str(value))


_UID = re.compile(r"(?P<scope>[a-z0-9-]+):(?P<symbol>[^\s:,;()]+):(?P<year>\d{4})(?::(?P<line>\d+))?")


def uid_words(text: str) -> str:
    """Every document uid in ``text`` as its number (and line): ``binh-dinh:60-KH/TU:2023:137`` →
    ``60-KH/TU (2023), dòng 137``. Users read numbers and dates, never internal ids.

    >>> uid_words("binh-dinh:60-KH/TU:2023:137; tw:27-NQ/TW:2022")
    '60-KH/TU (2023), dòng 137; 27-NQ/TW (2022)'
    """

    def words(m: re.Match[str]) -> str:
        out = f"{m['symbol']} ({m['year']})"
        return out + (f", dòng {m['line']}" if m["line"] else "")

    return _UID.sub(words, text)


def source_words(source: str) -> str:
    """Where a fact came from, in words: ``cited in binh-dinh:80-KH/ĐUK:2023`` → ``theo trích dẫn trong 80-KH/ĐUK
    (2023)``."""
    return uid_words(source.replace("cited in ", "theo trích dẫn trong "))


def line_of(src: object) -> int | None:
    """The source line a fact was read from, at the end of its ``src`` value (``None`` when there is none).

    Nodes and edges carry ``src = '<document uid>:<line>'``; the uid itself contains colons
    (``binh-dinh:60-KH/TU:2023``), so the line is what follows the last one.
    """
    if isinstance(src, int):
        return src
    if not isinstance(src, str) or ":" not in src:
        return None
    tail = src.rsplit(":", 1)[1]
    return int(tail) if tail.isdigit() else None
