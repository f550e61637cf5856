"""Command line: ``python -m loaders parse FILE [--json]``, ``load PATH…``, ``relink``, ``conflicts``.

``parse`` prints a readable summary of the record, or the record as JSON with ``--json``. A missing fact that
another document in the same folder states (a date lost in scanning, cited elsewhere) is filled from it unless
``--no-context`` is given. An unreadable file prints one line ``FILE: reason`` on stderr and exits 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from loaders.errors import LoadError
from loaders.read import SUFFIXES
from loaders.record import DocumentRecord, to_json

__all__ = ["main", "summary"]


def summary(record: DocumentRecord) -> str:
    """A few lines a person reads: identity, issuer, signer, counts, cascade parent, warnings."""
    r = record
    signer = r.signer
    lines = [
        r.source_path,
        f"  symbol:    {r.number or '(not printed)'}  type: {r.type or '?'} ({r.type_name or '?'})",
        f"  date:      {r.date or '(unknown)'}"
        + (f"  [{r.date_source}]" if r.date_source else "")
        + (f"  place: {r.place}" if r.place else ""),
        f"  issuer:    {r.issuer or '(unknown)'}  scope: {r.scope or '?'}",
        f"  title:     {(r.title or '')[:100]}",
    ]
    if signer:
        lines.append(f"  signer:    {signer.name or '?'}, {signer.title or '?'} ({signer.capacity or '-'})")
    if r.received:
        lines.append(f"  received:  {r.received.by} no. {r.received.number} on {r.received.date}")
    lines.append(
        f"  counts:    {len(r.sections)} sections, {len(r.tasks)} tasks, {len(r.subplan_requirements)} sub-plan "
        f"orders, {len(r.implements)} implemented + {len(r.cites)} cited documents, {len(r.recipients)} recipients"
    )
    lines.append(f"  implements: {', '.join(c.number or c.title or '?' for c in r.implements) or '-'}"
                 f"  cascade parent: {r.cascade_parent or '-'}")  # fmt: skip
    lines += [f"  warning:   {w}" for w in r.warnings]
    return "\n".join(lines)


def _siblings(path: Path) -> list[Path]:
    folder = path.parent
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES and p != path)


def _parse(args: argparse.Namespace) -> int:
    from loaders.pipeline import complete_from_context, parse_file

    path = Path(args.file)
    try:
        record = parse_file(path)
    except LoadError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    if not args.no_context and path.parent.is_dir():
        record = complete_from_context(record, _siblings(path))
    print(to_json(record) if args.json else summary(record))
    return 0


def _load(args: argparse.Namespace) -> int:
    """Load every file; one line per file, a summary, exit 1 when any file failed (the others still load)."""
    from graph.link import relink
    from graph.store import open_store
    from loaders.load import load_paths

    store = open_store(args.store)
    try:
        results = load_paths(args.paths, store, link=False)
        report = relink(store)
    finally:
        store.close()
    for result in results:
        print(result.line(), file=sys.stdout if result.ok else sys.stderr)
    failed = sum(not r.ok for r in results)
    print(f"{len(results) - failed} loaded, {failed} failed; link pass: {report.summary()}")
    return 1 if failed else 0


def _relink(args: argparse.Namespace) -> int:
    from graph.link import relink
    from graph.store import open_store

    store = open_store(args.store)
    try:
        report = relink(store)
    finally:
        store.close()
    print("\n".join(report.lines()) if args.verbose else report.summary())
    return 0


def _conflicts(args: argparse.Namespace) -> int:
    import dataclasses
    import json

    from graph.conflicts import list_conflicts
    from graph.store import open_store

    store = open_store(args.store)
    try:
        conflicts = list_conflicts(store)
    finally:
        store.close()
    if args.json:
        print(json.dumps([dataclasses.asdict(c) for c in conflicts], ensure_ascii=False, indent=1))
    else:
        print("\n".join(c.line() for c in conflicts) or "no conflicting facts")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m loaders", description="Read directive documents.")
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="parse one file and print its record")
    parse.add_argument("file")
    parse.add_argument("--json", action="store_true", help="print the record as JSON")
    parse.add_argument("--no-context", action="store_true", help="do not use other documents in the folder")
    parse.set_defaults(run=_parse)
    store = argparse.ArgumentParser(add_help=False)
    store.add_argument(
        "--store",
        metavar="URL",
        default=None,
        help="embedded[:PATH], arcadedb[:PATH], neo4j://…, bolt://…, falkordb://host:port "
        "(default: KG_STORE, else embedded)",
    )
    load = commands.add_parser("load", parents=[store], help="load files or folders into the graph store")
    load.add_argument("paths", nargs="+", metavar="PATH")
    load.set_defaults(run=_load)
    relink = commands.add_parser("relink", parents=[store], help="run the link pass again (idempotent)")
    relink.add_argument("-v", "--verbose", action="store_true", help="list each merge, fact, conflict and link")
    relink.set_defaults(run=_relink)
    conflicts = commands.add_parser("conflicts", parents=[store], help="list documents whose facts disagree")
    conflicts.add_argument("--json", action="store_true", help="print JSON")
    conflicts.set_defaults(run=_conflicts)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
