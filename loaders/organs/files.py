"""Read and check the gazetteer files (``data/organs/*.yaml``): JSON Schema first, then references and dates.

Every problem is a :class:`~loaders.organs.entries.GazetteerError` naming the file, the organ and the reason, so
the person editing the YAML knows what to fix. Dates stay strings while the schema checks them (YAML would turn
``2025-06-30`` into a date object the schema cannot check), then become :class:`datetime.date`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import yaml
from jsonschema import Draft202012Validator

from loaders.organs.entries import (
    EXISTENCE,
    Entry,
    FormerName,
    GazetteerError,
    GroupEntry,
    OrganEntry,
    Rules,
    Scope,
    Succession,
    Term,
)

__all__ = ["SCHEMA_FILE", "GazetteerData", "read_files"]

SCHEMA_FILE = "schema.json"


class _Loader(yaml.SafeLoader):
    """YAML without timestamp conversion: dates stay ISO strings."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class GazetteerData:
    """Everything the files hold, checked: entries by uid (in file order), scopes by slug, the rules."""

    organs: dict[str, OrganEntry] = field(default_factory=dict)
    groups: dict[str, GroupEntry] = field(default_factory=dict)
    scopes: dict[str, Scope] = field(default_factory=dict)
    rules: Rules = field(default_factory=Rules)
    files: tuple[str, ...] = ()


def read_files(directory: Path) -> GazetteerData:
    """Load every ``*.yaml`` file of ``directory`` and check them together."""
    if not directory.is_dir():
        raise GazetteerError(directory, None, "no such directory")
    schema_path = directory / SCHEMA_FILE
    if not schema_path.is_file():
        raise GazetteerError(schema_path, None, "the JSON Schema of the gazetteer files is missing")
    validator = Draft202012Validator(json.loads(schema_path.read_text(encoding="utf-8")))
    data = GazetteerData()
    paths = sorted(directory.glob("*.yaml"))
    if not paths:
        raise GazetteerError(directory, None, "no *.yaml file")
    for path in paths:
        _add_file(data, path, _parse(path, validator))
    data.files = tuple(str(p) for p in paths)
    _check(data)
    return data


def _parse(path: Path, validator: Draft202012Validator) -> dict[str, Any]:
    try:
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise GazetteerError(path, None, f"not valid YAML: {where}{getattr(e, 'problem', None) or e}") from e
    if doc is None:
        return {}
    error = next(iter(sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))), None)
    if error is not None:
        raise GazetteerError(path, _organ_at(doc, list(error.absolute_path)), _schema_reason(error))
    return dict(doc)


def _organ_at(doc: Any, where: list[Any]) -> str | None:
    """``organs[3]`` → the uid written there, if any."""
    if len(where) >= 2 and where[0] in ("organs", "groups", "scopes") and isinstance(where[1], int):
        item = doc[where[0]][where[1]]
        ident = item.get("uid") or item.get("slug") if isinstance(item, dict) else None
        return str(ident) if ident else f"{where[0]}[{where[1]}]"
    return None


def _schema_reason(error: Any) -> str:
    """``kind: 'x' is not one of …``: the field inside the organ (or the file) and the schema's message."""
    where = list(error.absolute_path)
    inside = where[2:] if len(where) >= 2 and isinstance(where[1], int) else where
    field_path = ".".join(str(p) for p in inside)
    return f"{field_path}: {error.message}" if field_path else str(error.message)


def _day(path: Path, organ: str | None, value: str | None, what: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise GazetteerError(path, organ, f"{what}: {value!r} is not a real date") from None


def _add_file(data: GazetteerData, path: Path, doc: Mapping[str, Any]) -> None:
    for raw in doc.get("scopes", ()):
        _put(data.scopes, raw["slug"], _scope(path, raw), path, "scope")
    if "rules" in doc:
        _set_rules(data, path, doc["rules"])
    defaults = doc.get("defaults", {})
    for raw in doc.get("organs", ()):
        _put_entry(data, _organ(path, {**defaults, **raw}), path)
    for raw in doc.get("groups", ()):
        _put_entry(data, _group(path, {**defaults, **raw}), path)


def _put(table: dict[str, Any], key: str, value: Any, path: Path, what: str) -> None:
    if key in table:
        raise GazetteerError(path, key, f"{what} defined twice")
    table[key] = value


def _put_entry(data: GazetteerData, entry: Entry, path: Path) -> None:
    other = data.organs.get(entry.uid) or data.groups.get(entry.uid)
    if other is not None:
        raise GazetteerError(path, entry.uid, f"uid already used in {other.file}")
    if isinstance(entry, OrganEntry):
        data.organs[entry.uid] = entry
    elif isinstance(entry, GroupEntry):
        data.groups[entry.uid] = entry


def _set_rules(data: GazetteerData, path: Path, raw: Mapping[str, Any]) -> None:
    if data.rules != Rules():
        raise GazetteerError(path, None, "rules defined in more than one file")
    province = raw.get("province", {})
    data.rules = Rules(
        abbreviations=dict(raw.get("abbreviations", {})),
        generic=tuple(raw.get("generic", ())),
        province_suffixes=tuple(province.get("suffixes", ())),
        province_prefixes=tuple(province.get("prefixes", ())),
    )


def _scope(path: Path, raw: Mapping[str, Any]) -> Scope:
    slug = raw["slug"]
    return Scope(
        slug=slug,
        name=raw["name"],
        level=raw["level"],
        place=raw.get("place"),
        valid_from=_day(path, slug, raw.get("valid_from"), "valid_from"),
        valid_to=_day(path, slug, raw.get("valid_to"), "valid_to"),
        successor=raw.get("successor"),
        note=raw.get("note"),
    )


def _common(path: Path, raw: Mapping[str, Any]) -> dict[str, Any]:
    uid = raw["uid"]
    unconfirmed = raw.get("unconfirmed", False)
    return {
        "uid": uid,
        "name": " ".join(raw["name"].split()),
        "scope": raw.get("scope"),
        "level": raw.get("level"),
        "of": raw.get("of"),
        "aliases": tuple(raw.get("aliases", ())),
        "local": tuple(raw.get("local", ())),
        "short": tuple(raw.get("short", ())),
        "own": tuple(raw.get("own", ())),
        "valid_from": _day(path, uid, raw.get("valid_from"), "valid_from"),
        "valid_to": _day(path, uid, raw.get("valid_to"), "valid_to"),
        "unconfirmed": (EXISTENCE,) if unconfirmed is True else tuple(unconfirmed or ()),
        "note": raw.get("note"),
        "source": raw.get("source"),
        "file": path.name,
    }


def _organ(path: Path, raw: Mapping[str, Any]) -> OrganEntry:
    uid = raw["uid"]
    return OrganEntry(
        **_common(path, raw),
        parent=raw.get("parent"),
        kind=raw["kind"],
        former_names=tuple(
            FormerName(f["name"], _day(path, uid, f["until"], "former_names.until") or date.max)
            for f in raw.get("former_names", ())
        ),
        terms=tuple(
            Term(
                t["label"],
                _day(path, uid, t.get("valid_from"), "terms.valid_from"),
                _day(path, uid, t.get("valid_to"), "terms.valid_to"),
            )
            for t in raw.get("terms", ())
        ),
        groups=tuple(raw.get("groups", ())),
        successors=tuple(
            Succession(
                s["uid"],
                _day(path, uid, s.get("date"), "successors.date"),
                s["relation"],
                bool(s.get("unconfirmed", False)),
                s.get("note"),
            )
            for s in raw.get("successors", ())
        ),
    )


def _group(path: Path, raw: Mapping[str, Any]) -> GroupEntry:
    return GroupEntry(
        **_common(path, raw),
        members=tuple(raw.get("members", ())),
        includes=tuple(raw.get("includes", ())),
        collective=bool(raw.get("collective", False)),
    )


# --- checks across files ------------------------------------------------------------------------------------


def _check(data: GazetteerData) -> None:
    entries: dict[str, Entry] = {**data.organs, **data.groups}
    for e in entries.values():
        _check_entry(data, entries, e)
    for g in data.groups.values():
        _check_group(data, g)
    for uid in entries:
        _check_no_cycle(entries, uid)
    _check_names(entries.values())


def _check_entry(data: GazetteerData, entries: Mapping[str, Entry], e: Entry) -> None:
    def fail(reason: str) -> NoReturn:
        raise GazetteerError(e.file, e.uid, reason)

    if e.scope is None:
        fail("no scope (set `scope`, or `defaults: {scope: …}` in the file)")
    if e.scope not in data.scopes:
        fail(f"scope {e.scope!r} is not defined in any `scopes:` list")
    if e.valid_from and e.valid_to and e.valid_to < e.valid_from:
        fail(f"valid_to {e.valid_to} is before valid_from {e.valid_from}")
    for what, ref in (("parent", e.parent), ("of", e.of)):
        if ref is not None and ref not in data.organs:
            fail(f"{what} {ref!r} is not an organ of the gazetteer")
    if isinstance(e, OrganEntry):
        _check_organ_refs(data, e, fail)


def _check_organ_refs(data: GazetteerData, o: OrganEntry, fail: Callable[[str], NoReturn]) -> None:
    for g in o.groups:
        if g not in data.groups:
            fail(f"group {g!r} does not exist")
        elif data.groups[g].collective:
            fail(f"group {g!r} is a collective: it lists no members")
    for s in o.successors:
        if s.uid not in data.organs:
            fail(f"successor {s.uid!r} is not an organ of the gazetteer")
        if s.uid == o.uid:
            fail("an organ cannot succeed itself")
        if o.valid_to and s.date and s.date <= o.valid_to:
            fail(f"successor date {s.date} is not after valid_to {o.valid_to}")
    if o.successors and o.valid_to is None:
        fail("has successors but no valid_to")


def _check_group(data: GazetteerData, g: GroupEntry) -> None:
    for m in g.members:
        if m not in data.organs:
            raise GazetteerError(g.file, g.uid, f"member {m!r} is not an organ of the gazetteer")
    for i in g.includes:
        if i not in data.groups or i == g.uid:
            raise GazetteerError(g.file, g.uid, f"included group {i!r} does not exist")
    if g.collective and (g.members or g.includes):
        raise GazetteerError(g.file, g.uid, "a collective lists no members or included groups")


def _check_no_cycle(entries: Mapping[str, Entry], start: str) -> None:
    for link in ("parent", "of"):
        seen, uid = [start], getattr(entries[start], link)
        while uid is not None and uid in entries:
            if uid in seen:
                raise GazetteerError(entries[start].file, start, f"{link} chain loops: {' → '.join([*seen, uid])}")
            seen.append(uid)
            uid = getattr(entries[uid], link)


def _overlap(a: Entry, b: Entry) -> bool:
    return (a.valid_to is None or b.valid_from is None or b.valid_from <= a.valid_to) and (
        b.valid_to is None or a.valid_from is None or a.valid_from <= b.valid_to
    )


def _check_names(entries: Iterable[Entry]) -> None:
    """Two entries of one scope may not bear the same canonical name at the same time."""
    seen: dict[tuple[str | None, str], list[Entry]] = {}
    for e in entries:
        key = (e.scope, " ".join(e.name.casefold().split()))
        for other in seen.get(key, []):
            if _overlap(e, other):
                raise GazetteerError(e.file, e.uid, f"name {e.name!r} is already used by {other.uid}")
        seen.setdefault(key, []).append(e)
