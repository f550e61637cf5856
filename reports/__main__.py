"""``python -m reports``: the audit reports, printed or written as ``.xlsx``, ``.docx``, ``.pdf``, ``.csv`` or
``.zip`` — in Vietnamese; ``--raw`` keeps column and status codes for machines.

python -m reports subplans --plan 60-KH/TU [--as-of 2026-11-23] [--out audit.xlsx] [--store URL]
python -m reports subplans --resolution 27-NQ/TW [--as-of …] [--out …]
python -m reports coverage --parent 60-KH/TU --child 80-KH/ĐUK [--out coverage.docx]

The heading and signature of a ``.docx`` come from ``data/report-signature.yaml`` (``--form`` another file); each
value can be given here: ``--number 12 --date 2026-11-25 --signer "Nguyễn Văn A"``.
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
from reports.form import OfficialForm, System, load_form
from reports.model import Report
from reports.subplans import audit_resolution, audit_subplans, subplan_report
from reports.writers import FORMATS, to_text, write_report

__all__ = ["main"]


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"«{text}» không phải ngày dạng 2026-11-23") from exc


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
        p.add_argument("--raw", action="store_true", help="column and status codes instead of Vietnamese words")
        _form_options(p)
    return parser


def _form_options(p: argparse.ArgumentParser) -> None:
    form = p.add_argument_group("official form of the .docx/.pdf (default: data/report-signature.yaml)")
    form.add_argument("--form", help="settings file of the issuing office (YAML, parts party: and state:)")
    form.add_argument("--number", help="the report's number (default: … for the office to fill)")
    form.add_argument("--date", type=_iso_date, help="the date in the heading (default: left to fill)")
    form.add_argument("--organ", help="issuing organ, lines separated by |, e.g. 'TỈNH ỦY BÌNH ĐỊNH'")
    form.add_argument("--code", help="issuer code in the number, e.g. TU in Số …-BC/TU")
    form.add_argument("--place", help="place in the date line, e.g. Bình Định")
    form.add_argument("--on-behalf", help="e.g. 'T/M BAN THƯỜNG VỤ'")
    form.add_argument("--title", help="the signer's title, e.g. 'PHÓ BÍ THƯ THƯỜNG TRỰC'")
    form.add_argument("--signer", help="the signer's name")


def _form(report: Report, args: argparse.Namespace) -> OfficialForm:
    form = load_form(args.form, System(report.system))
    return form.with_options(
        organ=args.organ, number=args.number, code=args.code, place=args.place, on_behalf=args.on_behalf,
        title=args.title, signer=args.signer,
    )  # fmt: skip


def _report(store: GraphStore, args: argparse.Namespace) -> Report:
    if args.command == "coverage":
        return coverage_document(coverage_report(store, args.parent, args.child), raw=args.raw)
    as_of = args.as_of or date.today()
    if args.plan:
        return subplan_report(store, audit_subplans(store, args.plan, as_of), as_of, raw=args.raw)
    root = resolve_document(store, args.resolution)
    rows = audit_resolution(store, root.uid, as_of)
    return subplan_report(store, rows, as_of, scope=f"Các kế hoạch thực hiện {describe(root)}", raw=args.raw)


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
        for path in write_report(report, args.out, form=_form(report, args), day=args.date):
            print(f"đã ghi {path}", file=sys.stderr)
    else:
        print(to_text(report))
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(main))
