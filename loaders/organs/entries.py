"""The gazetteer's plain data: scopes, organs, groups, and the context a name is read in.

These are what ``data/organs/*.yaml`` holds once loaded and checked (see :mod:`loaders.organs.gazetteer`). An organ
(``OrganEntry``) is one body over one validity period; a group (``GroupEntry``) names a set of organs, or, when
``collective`` is set, stands for units the gazetteer does not list (``Chi bộ, đảng bộ cơ sở trực thuộc …``).

>>> o = OrganEntry("x/a", "Ban A", former_names=(FormerName("Ban B", date(2025, 2, 2)),))
>>> o.name_on(date(2024, 1, 1)), o.name_on(date(2025, 3, 1)), o.name_on(None)
('Ban B', 'Ban A', 'Ban A')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import ClassVar

from common.errors import DirectiveGraphError

__all__ = [
    "EXISTENCE",
    "Context",
    "Entry",
    "FormerName",
    "GazetteerError",
    "GroupEntry",
    "Match",
    "OrganEntry",
    "Rules",
    "Scope",
    "Succession",
    "Term",
]

# ``unconfirmed`` holds the names of the fields nobody checked; this marker means the organ's very existence.
EXISTENCE = "*"


class GazetteerError(DirectiveGraphError, ValueError):
    """A gazetteer file that cannot be used, with the file, the organ and the reason."""

    def __init__(self, path: str | Path, organ: str | None, reason: str) -> None:
        self.path = str(path)
        self.organ = organ
        self.reason = reason
        where = f"{self.path}: {organ}" if organ else self.path
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True, slots=True)
class Scope:
    """A territory documents belong to: ``binh-dinh`` (``tỉnh Bình Định``, place ``Bình Định``), ``tw``."""

    slug: str
    name: str
    level: str
    place: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    successor: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Rules:
    """Words the resolver needs besides the organs (``rules:`` in ``data/organs/rules.yaml``)."""

    abbreviations: Mapping[str, str] = field(default_factory=dict)
    generic: tuple[str, ...] = ()
    province_suffixes: tuple[str, ...] = ()
    province_prefixes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Succession:
    """What became of an organ: ``relation`` is renamed, merged_into, split_into, replaced_by, absorbed_by or
    abolished (the successor is then the body that took over its territory or duties)."""

    uid: str
    date: date | None
    relation: str
    unconfirmed: bool = False
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Term:
    """A term of office named with the organ: ``khóa XIII``."""

    label: str
    valid_from: date | None = None
    valid_to: date | None = None


@dataclass(frozen=True, slots=True)
class FormerName:
    """A name the organ bore up to and including ``until`` (a rename keeps the uid)."""

    name: str
    until: date


@dataclass(frozen=True, slots=True)
class Entry:
    """What organs and groups share: identity, names and validity.

    Name fields: ``name`` and ``aliases`` are read anywhere; ``local`` only in documents of ``scope``; ``short``
    inside documents of ``of`` (else ``parent``) and the bodies under it, and composed with the names of ``of``;
    ``own`` inside documents of the entry itself and the bodies under it.
    """

    IS_GROUP: ClassVar[bool] = False

    uid: str
    name: str
    scope: str | None = None
    level: str | None = None
    of: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    local: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    own: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None
    unconfirmed: tuple[str, ...] = ()
    note: str | None = None
    source: str | None = None
    file: str = ""

    def valid_on(self, day: date | None) -> bool:
        """Whether the entry existed on ``day`` (any day when ``day`` is None)."""
        if day is None:
            return True
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    @property
    def existence_unconfirmed(self) -> bool:
        return EXISTENCE in self.unconfirmed

    def name_on(self, day: date | None) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class OrganEntry(Entry):
    """One organ of the gazetteer."""

    kind: str = "state_body"
    former_names: tuple[FormerName, ...] = ()
    terms: tuple[Term, ...] = ()
    groups: tuple[str, ...] = ()
    successors: tuple[Succession, ...] = ()

    def name_on(self, day: date | None) -> str:
        """The name the organ bore on ``day`` (its current name when ``day`` is None)."""
        if day is not None:
            for former in sorted(self.former_names, key=lambda f: f.until):
                if day <= former.until:
                    return former.name
        return self.name


@dataclass(frozen=True, slots=True)
class GroupEntry(Entry):
    """A named set of organs (``members`` declared here or through the organs' ``groups``, plus the members of
    the ``includes`` groups); ``collective`` groups list no members and stand for their units as one."""

    IS_GROUP: ClassVar[bool] = True

    members: tuple[str, ...] = ()
    includes: tuple[str, ...] = ()
    collective: bool = False

    @property
    def kind(self) -> str:
        return "group"


@dataclass(frozen=True, slots=True)
class Context:
    """Where a name is read: the document's scope, its date, and the issuing organ's chain.

    ``chain`` holds the uids of the issuing organ and of the organs above it, nearest first (an organ's ``of``
    and ``parent`` both count): inside 80-KH/ĐUK it is the Bloc's Ban Thường vụ, the Đảng ủy Khối, the Tỉnh ủy
    and the Central Committee, so ``Ban Tuyên giáo`` there is the Bloc's commission.
    """

    scope: str | None = None
    on: date | None = None
    chain: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Match:
    """A name found in the gazetteer.

    ``name`` is what the record should print: the name the entry bore on the context's date, followed by the
    term of office when the text named one (``Ban Chấp hành Trung ương Đảng khóa XIII``). ``valid`` is False
    when the entry did not exist on that date (a name can still refer to a body that has since ended).
    """

    entry: OrganEntry | GroupEntry
    name: str
    form: str
    method: str  # exact | expanded | fuzzy
    score: float = 100.0
    valid: bool = True

    @property
    def uid(self) -> str:
        return self.entry.uid
