"""``python -m reports``: the audit reports, printed or written as ``.xlsx``, ``.docx`` or ``.csv``.

python -m reports subplans --plan 60-KH/TU [--as-of 2026-11-23] [--out audit.xlsx] [--store URL]
python -m reports subplans --resolution 27-NQ/TW [--as-of …] [--out …]
python -m reports coverage --parent 60-KH/TU --child 80-KH/ĐUK [--out coverage.docx]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date

from common.cli import run_cli
from graph.documents import describe, resolve_document
from graph.store import GraphStore, open_store
from reports.coverage import coverage_document, coverage_report
from reports.model import Report
from reports.subplans import audit_resolution, audit_subplans, subplan_report
from reports.writers import FORMATS, to_text, write_report

__all__ = ["main"]


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-23") from exc


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m reports", description="Audit reports on the directive graph.")
    sub = parser.add_subparsers(dest="command", required=True)
    subplans = sub.add_parser("subplans", help="which units issued the sub-plans a plan ordered")
    which = subplans.add_mutually_exclusive_group(required=True)
    which.add_argument("--plan", help="the ordering plan's symbol or uid, e.g. 60-KH/TU")
    which.add_argument("--resolution", help="audit every plan in the cascade under this document, e.g. 27-NQ/TW")
    subplans.add_argument("--as-of", type=_iso_date, default=None, help="audit date (default today)")
    coverage = sub.add_parser("coverage", help="which parent tasks a child plan carries down")
    coverage.add_argument("--parent", required=True, help="e.g. 60-KH/TU")
    coverage.add_argument("--child", required=True, help="e.g. 80-KH/ĐUK")
    for p in (subplans, coverage):
        p.add_argument("--out", help=f"write the report to a file ({', '.join(FORMATS)})")
        p.add_argument("--store", help="store URL (default: KG_STORE or embedded)")
    return parser


def _report(store: GraphStore, args: argparse.Namespace) -> Report:
    if args.command == "coverage":
        return coverage_document(coverage_report(store, args.parent, args.child))
    as_of = args.as_of or date.today()
    if args.plan:
        return subplan_report(store, audit_subplans(store, args.plan, as_of), as_of)
    root = resolve_document(store, args.resolution)
    rows = audit_resolution(store, root.uid, as_of)
    return subplan_report(store, rows, as_of, scope=f"Các kế hoạch thực hiện {describe(root)}")


def main(argv: Sequence[str] | None = None) -> int:
    """Make one report; a user's mistake raises a :class:`~common.errors.DirectiveGraphError`, which
    :func:`common.cli.run_cli` prints as one line."""
    args = _parser().parse_args(argv)
    store = open_store(args.store)
    try:
        report = _report(store, args)
    finally:
        store.close()
    if args.out:
        for path in write_report(report, args.out):
            print(f"wrote {path}", file=sys.stderr)
    else:
        print(to_text(report))
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(main))
