"""Command line: ``python -m loaders parse FILE [--json | --text]`` (into a store: ``python -m graph load``).

``parse`` prints a readable summary of the record, or the record as JSON with ``--json``, or with ``--text`` the
clean stream the extractor reads, one line each with its number and where it came from (page, file line, box,
OCR confidence). A missing fact that another document in the same folder states (a date lost in scanning, cited
elsewhere) is filled from it unless ``--no-context`` is given. An unreadable file prints one line
``error: FILE: reason`` on stderr and exits 1 (:mod:`common.cli`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from common.cli import run_cli
from loaders.reading import SUFFIXES, Source, read
from loaders.record import DocumentRecord, to_json

__all__ = ["main", "stream_text", "summary"]


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


def stream_text(source: Source) -> str:
    """The clean stream of a read file: ``number  origin  text`` per line (numbers as the record's lines)."""
    width = max((len(line.where()) for line in source.lines), default=0)
    return "\n".join(
        f"{no:5d}  {line.where():<{width}}  {line.text}".rstrip() for no, line in enumerate(source.lines, 1)
    )


def _parse(args: argparse.Namespace) -> int:
    from loaders.organs import load_gazetteer
    from loaders.pipeline import complete_from_context, parse_file

    path = Path(args.file)
    if args.text:
        print(stream_text(read(path)))
        return 0
    record = parse_file(path, load_gazetteer())
    if not args.no_context and path.parent.is_dir():
        record = complete_from_context(record, _siblings(path))
    print(to_json(record) if args.json else summary(record))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m loaders", description="Read directive documents.")
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="parse one file and print its record")
    parse.add_argument("file")
    output = parse.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the record as JSON")
    output.add_argument(
        "--text", action="store_true", help="print the clean text the extractor reads, with origins"
    )
    parse.add_argument("--no-context", action="store_true", help="do not use other documents in the folder")
    parse.set_defaults(run=_parse)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    return run(args)


if __name__ == "__main__":
    sys.exit(run_cli(main))
