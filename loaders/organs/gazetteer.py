"""The organ gazetteer: the Party and State bodies a document can name, over time (``data/organs/*.yaml``).

The gazetteer is data the user edits; this module loads and checks it once (:func:`load_gazetteer`) and answers
three questions: which entry a name means in a given context (:meth:`Gazetteer.find`), which organs a group
stood for on a date (:func:`expand_group`, :func:`group_members`), and what became of an organ
(:meth:`Gazetteer.successors_on`). ``python -m loaders.organs [DIR]`` checks a gazetteer directory.

>>> g = load_gazetteer()
>>> g.find("Ban Tuyên giáo Tỉnh ủy", Context(scope="binh-dinh")).uid
'binh-dinh/ban-tuyen-giao-tinh-uy'
>>> [o.name for o in expand_group(g, "binh-dinh/nhom/huyen-thi-thanh-uy", date(2023, 5, 24))][:2]
['Thành ủy Quy Nhơn', 'Thị ủy An Nhơn']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from common.settings import settings
from loaders.organs.entries import (
    Context,
    GazetteerError,
    GroupEntry,
    Match,
    OrganEntry,
    Rules,
    Scope,
    Succession,
)
from loaders.organs.files import GazetteerData, read_files
from loaders.organs.index import Hit, NameIndex, is_abbreviation

__all__ = [
    "Context",
    "Gazetteer",
    "GazetteerError",
    "GroupEntry",
    "Match",
    "Membership",
    "OrganEntry",
    "Rules",
    "Scope",
    "Succession",
    "clear_cache",
    "default_path",
    "expand_abbreviations",
    "expand_group",
    "group_members",
    "load_gazetteer",
    "read_gazetteer",
]

_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)\s*$")
_INNER_NOTE = re.compile(r"\s*\(([^()]*)\)")
_EDGE_PUNCT = ",;:.()[]"
_FUZZY_MARGIN = 2.0


def default_path() -> Path:
    """``$KG_ORGANS_DIR``, else ``data/organs`` under the project root."""
    return settings().organs_dir


def expand_abbreviations(text: str, rules: Rules) -> str:
    """Replace the abbreviations of ``rules`` word by word: ``UBND tỉnh`` → ``Ủy ban nhân dân tỉnh``.

    Case matters (``TU`` is not ``tu``), except for compounds such as ``KH&CN``, never ordinary words.
    """
    compounds = _compounds(rules)
    out = []
    for word in text.split():
        core = word.strip(_EDGE_PUNCT)
        full = rules.abbreviations.get(core) or compounds.get(core.casefold())
        out.append(word.replace(core, full, 1) if full and core else word)
    return " ".join(out)


_COMPOUNDS: dict[int, tuple[Rules, dict[str, str]]] = {}


def _compounds(rules: Rules) -> dict[str, str]:
    """The compound abbreviations (``KH&CN``) of ``rules`` by case-folded form, made once per rules object (a
    gazetteer's rules do not change; the object is kept with them so that its id cannot be reused)."""
    kept = _COMPOUNDS.get(id(rules))
    if kept is None or kept[0] is not rules:
        kept = (rules, {k.casefold(): v for k, v in rules.abbreviations.items() if not k.isalpha()})
        if len(_COMPOUNDS) >= 64:
            _COMPOUNDS.clear()  # gazetteers read again and again (tests): keep only the recent ones
        _COMPOUNDS[id(rules)] = kept
    return kept[1]


def _drop_abbreviation(m: re.Match[str]) -> str:
    return "" if is_abbreviation(m.group(1)) else m.group(0)


class Gazetteer:
    """Organs, groups and scopes by uid, with the name index. Build it with :func:`load_gazetteer`."""

    def __init__(self, data: GazetteerData) -> None:
        self.organs = MappingProxyType(dict(data.organs))
        self.groups = MappingProxyType(dict(data.groups))
        self.scopes = MappingProxyType(dict(data.scopes))
        self.rules = data.rules
        self.files = data.files
        self._members = self._collect_members()
        self._index = NameIndex({**self.organs, **self.groups}, self.scopes, self.rules)

    def __contains__(self, uid: object) -> bool:
        return uid in self.organs or uid in self.groups

    def __repr__(self) -> str:
        return f"<Gazetteer {len(self.organs)} organs, {len(self.groups)} groups, {len(self.scopes)} scopes>"

    def organ(self, uid: str) -> OrganEntry:
        """The organ with this uid (``KeyError`` if there is none)."""
        return self.organs[uid]

    def group(self, uid: str) -> GroupEntry:
        return self.groups[uid]

    def entry(self, uid: str) -> OrganEntry | GroupEntry:
        return self.organs[uid] if uid in self.organs else self.groups[uid]

    def members(self, group_uid: str) -> tuple[OrganEntry, ...]:
        """Every organ ever listed in the group (its included groups' too), whatever the date."""
        return tuple(self.organs[uid] for uid in self._members.get(group_uid, ()))

    def chain(self, uid: str) -> tuple[str, ...]:
        """The entry and the organs above it (``of`` and ``parent``), nearest first: a :class:`Context` chain."""
        out, queue = [uid], [uid]
        while queue:
            e = self.entry(queue.pop(0))
            for up in (e.of, e.parent):
                if up and up not in out and up in self:
                    out.append(up)
                    queue.append(up)
        return tuple(out)

    def successors_on(self, uid: str, on: date | None) -> tuple[OrganEntry, ...]:
        """The organs that carry on ``uid`` on that date, following successor links through later changes."""
        found: list[OrganEntry] = []
        seen, queue = {uid}, [s.uid for s in self.organs[uid].successors]
        while queue:
            current = self.organs[queue.pop(0)]
            if current.uid in seen:
                continue
            seen.add(current.uid)
            if current.valid_on(on):
                found.append(current)
            else:
                queue.extend(s.uid for s in current.successors)
        return tuple(found)

    def forms(self, uid: str) -> list[str]:
        """Every spelling the index accepts for an entry (for review)."""
        return sorted({f.text for f in self._index.forms(uid)})

    def lookup(self, name: str, context: Context | None = None, *, fuzzy: bool = False) -> tuple[Match, ...]:
        """The best readings of ``name``: one, several when it is ambiguous in this context, or none."""
        ctx = context or Context()
        variants = list(self._variants(name))
        for text, method in variants:
            if hits := self._index.exact(text, ctx):
                return self._matches([h for h in hits if h.rank == hits[0].rank], ctx, method)
        if fuzzy:
            for text, _ in variants:
                if hits := self._index.fuzzy(text, ctx):
                    near = [h for h in hits if h.score >= hits[0].score - _FUZZY_MARGIN]
                    return self._matches(near, ctx, "fuzzy")
        return ()

    def find(self, name: str, context: Context | None = None, *, fuzzy: bool = True) -> Match | None:
        """The one entry ``name`` means in ``context``; None when unknown or ambiguous."""
        matches = self.lookup(name, context, fuzzy=fuzzy)
        return matches[0] if len(matches) == 1 else None

    def _variants(self, name: str) -> Iterator[tuple[str, str]]:
        """The name as written; without a trailing note in brackets (``(để b/c)``) or an abbreviation the text
        defines inside it (``Ủy ban nhân dân (UBND) tỉnh``); then each with abbreviations expanded."""
        text = " ".join(name.split()).strip(" -–•*,;:.")
        forms = [text]
        for bare in (_TRAILING_NOTE.sub("", text), _INNER_NOTE.sub(_drop_abbreviation, text)):
            if bare and bare not in forms:
                forms.append(bare)
        yield from ((f, "exact") for f in forms)
        for f in forms:
            if (expanded := expand_abbreviations(f, self.rules)) != f:
                yield expanded, "expanded"

    def _matches(self, hits: list[Hit], ctx: Context, method: str) -> tuple[Match, ...]:
        best: dict[str, Match] = {}
        for h in hits:
            e = self.entry(h.entry.uid)
            name = e.name_on(ctx.on) + (f" {h.form.term}" if h.form.term else "")
            best.setdefault(e.uid, Match(e, name, h.form.text, method, h.score, e.valid_on(ctx.on)))
        return tuple(best.values())

    def _collect_members(self) -> dict[str, tuple[str, ...]]:
        direct: dict[str, list[str]] = {g: list(self.groups[g].members) for g in self.groups}
        for o in self.organs.values():
            for g in o.groups:
                if o.uid not in direct[g]:
                    direct[g].append(o.uid)

        def flat(g: str, seen: frozenset[str]) -> list[str]:
            out = list(direct[g])
            for inc in self.groups[g].includes:
                if inc not in seen:
                    out += [m for m in flat(inc, seen | {inc}) if m not in out]
            return out

        return {g: tuple(flat(g, frozenset({g}))) for g in self.groups}


@dataclass(frozen=True, slots=True)
class Membership:
    """One organ listed in a group, seen on a date: whether it existed then, and who carries it on if not."""

    organ: OrganEntry
    valid: bool
    successors: tuple[OrganEntry, ...] = ()

    @property
    def unconfirmed(self) -> bool:
        return self.organ.existence_unconfirmed


def group_members(gazetteer: Gazetteer, group_uid: str, on_date: date | None) -> list[Membership]:
    """Every organ listed in the group, with its status on ``on_date`` (for an audit that explains gaps)."""
    return [
        Membership(o, o.valid_on(on_date), () if o.valid_on(on_date) else gazetteer.successors_on(o.uid, on_date))
        for o in gazetteer.members(group_uid)
    ]


def expand_group(
    gazetteer: Gazetteer, group_uid: str, on_date: date | None, *, include_unconfirmed: bool = False
) -> list[OrganEntry]:
    """The organs a group stood for on ``on_date`` (all dates when None), in gazetteer order.

    Organs whose existence nobody checked are left out unless ``include_unconfirmed``. A collective (units
    not listed) gives an empty list; so does a group none of whose members existed on that date. An organ
    uid gives that organ.
    """
    if group_uid in gazetteer.organs:
        organ = gazetteer.organ(group_uid)
        return [organ] if organ.valid_on(on_date) else []
    return [
        o
        for o in gazetteer.members(group_uid)
        if o.valid_on(on_date) and (include_unconfirmed or not o.existence_unconfirmed)
    ]


def read_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """Load and check a gazetteer directory (no cache); raises :class:`GazetteerError`."""
    return Gazetteer(read_files(Path(path) if path is not None else default_path()))


@lru_cache(maxsize=8)
def _cached(path: Path) -> Gazetteer:
    return read_gazetteer(path)


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """The gazetteer of ``path`` (default :func:`default_path`), loaded once per process."""
    return _cached(Path(path).resolve() if path is not None else default_path().resolve())


def clear_cache() -> None:
    """Forget the loaded gazetteers (after the files changed, or in tests)."""
    _cached.cache_clear()
