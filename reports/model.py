"""What every report writer takes: a :class:`Report` made of summary counts and :class:`Table` values.

The writers (``.xlsx``, ``.docx``, ``.csv``, text) know nothing about audits or coverage, so the app can hand them
any table it shows — a saved query's result included (:meth:`Table.from_records`).

>>> t = Table.from_records("Văn bản", [{"symbol": "80-KH/ĐUK", "date": "2023-06-27"}])
>>> t.columns
('symbol', 'date')
>>> t.rows
(('80-KH/ĐUK', datetime.date(2023, 6, 27)),)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from common.errors import DirectiveGraphError

__all__ = ["Cell", "Percent", "Report", "ReportError", "Table", "format_date_vi", "parse_iso_date", "to_cell"]


class Percent(float):
    """A share (``1.0`` is 100 %): a number in a workbook (shown ``0%``), ``100%`` as text.

    >>> str(Percent(0.5)), Percent(2 / 3) * 100 > 66
    ('50%', True)
    """

    def __str__(self) -> str:
        return f"{self * 100:.0f}%"


Cell = str | int | float | bool | date | None

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ReportError(DirectiveGraphError, ValueError):
    """A report could not be made (unknown document, ambiguous symbol, …); the message says what to change."""


def parse_iso_date(value: object) -> date | None:
    """An ISO date as the store gives it (``'2023-06-27'``; the store port turns every engine's dates into such
    text, see :mod:`graph.stores.values`) → ``date``; a ``date`` stays; anything else → ``None``.

    >>> parse_iso_date("2023-06-27"), parse_iso_date("27/06/2023")
    (datetime.date(2023, 6, 27), None)
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def to_cell(value: Any) -> Cell:
    """A store value as a table cell: ISO dates become dates, lists are joined with ``; ``, maps shown as text."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if (as_date := parse_iso_date(value)) is not None:
        return as_date
    if isinstance(value, list | tuple | set):
        return "; ".join(str(to_cell(v)) for v in value if v is not None)
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {v}" for k, v in value.items() if v is not None)
    return str(value)


def format_date_vi(value: date) -> str:
    """``date(2023, 6, 27)`` → ``'27/06/2023'``, the way Vietnamese documents print dates."""
    return value.strftime("%d/%m/%Y")


@dataclass(frozen=True, slots=True)
class Table:
    """A named table: column headings and rows of cells (same length as ``columns``)."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...] = ()
    note: str | None = None  # printed under the table (e.g. how a status is decided)

    def __post_init__(self) -> None:
        for i, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise ValueError(
                    f"table {self.name!r}: row {i + 1} has {len(row)} cells for {len(self.columns)} columns"
                )

    @classmethod
    def from_records(
        cls,
        name: str,
        records: Sequence[Mapping[str, Any]],
        columns: Sequence[str] | None = None,
        labels: Mapping[str, str] | None = None,
        note: str | None = None,
    ) -> Table:
        """A table from query rows (dicts); ``columns`` picks and orders keys, ``labels`` renames headings."""
        keys = list(columns) if columns is not None else _keys(records)
        headings = tuple((labels or {}).get(k, k) for k in keys)
        rows = tuple(tuple(to_cell(r.get(k)) for k in keys) for r in records)
        return cls(name, headings, rows, note)


def _keys(records: Iterable[Mapping[str, Any]]) -> list[str]:
    keys: dict[str, None] = {}
    for r in records:
        keys.update(dict.fromkeys(r))
    return list(keys)


@dataclass(frozen=True, slots=True)
class Report:
    """A document an auditor can hand on: title, scope, as-of date, summary counts, tables, source references."""

    title: str
    subtitle: str = ""
    as_of: date | None = None
    summary: dict[str, Cell] = field(default_factory=dict)
    tables: tuple[Table, ...] = ()
    sources: tuple[str, ...] = ()  # where the facts come from: documents and lines
    scope: tuple[str, ...] = ()  # what was searched, and what a "not found" therefore means
    system: str = "party"  # the heading's rules: "party" (36-HD/VPTW) or "state" (Nghị định 30/2020)

    @classmethod
    def of_table(cls, table: Table, *, title: str | None = None, as_of: date | None = None) -> Report:
        """A report holding one table, e.g. a saved query's result the app offers for download."""
        return cls(title or table.name, as_of=as_of, summary={"Số dòng": len(table.rows)}, tables=(table,))
