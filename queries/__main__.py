"""``python -m queries``: list the saved queries, or run one on a store.

    python -m queries list
    python -m queries show subplan_audit
    python -m queries run subplan_audit --param plan=60-KH/TU --param as_of=2026-11-23 [--format table|csv|json]
        [--out FILE.xlsx|.docx|.csv] [--store URL] [--timeout-ms 30000] [--raw]

Columns and codes come out in Vietnamese (``organ`` → "Cơ quan", ``on_time`` → "Đúng hạn", through
:func:`common.glossary.vi_rows`); ``--raw`` keeps the names and codes the query returns, for scripts.
The user's own saved queries (``KG_QUERIES_DIR``, written by the app's "Lưu thành truy vấn có sẵn") are listed
after the shipped ones and run the same way.

``--store`` defaults to ``KG_STORE`` or the embedded store. ``--format csv`` prints CSV without a byte-order
mark (for pipes); ``--out FILE.csv`` writes one with it (for Excel).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date

from common.cli import run_cli
from common.glossary import vi_rows
from graph.store import open_store
from queries.catalog import QueryError, SavedQuery, all_queries, find_query, validate
from reports.model import Report, Table
from reports.tabular import to_csv_text, to_text
from reports.writers import write_report

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m queries", description="Saved Cypher queries.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="the saved queries with their parameters")
    show = sub.add_parser("show", help="a saved query's header and Cypher")
    show.add_argument("name")
    run = sub.add_parser("run", help="run a saved query (read-only)")
    run.add_argument("name")
    run.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE")
    run.add_argument("--format", choices=("table", "csv", "json"), default="table")
    run.add_argument("--out", help="write the result to a .xlsx, .docx or .csv file")
    run.add_argument("--store", help="store URL (default: KG_STORE or embedded)")
    run.add_argument("--timeout-ms", type=int, default=30_000)
    run.add_argument("--raw", action="store_true", help="keep the query's column names and codes (on_time, lead)")
    return parser


def _describe(query: SavedQuery) -> str:
    mine = "" if query.shipped else f"  [{query.path}]"  # the user's own, in KG_QUERIES_DIR
    lines = [f"{query.name}: {query.title}{mine}", f"    {query.description}"]
    for p in query.params:
        default = "required" if p.required else f"default {p.default}"
        lines.append(
            f"    --param {p.name}=…  ({p.type}; {p.description}{'; ' if p.description else ''}{default})"
        )
    if problems := validate(query):
        lines.append(f"    PROBLEMS: {'; '.join(problems)}")
    return "\n".join(lines)


def _pairs(items: Sequence[str]) -> dict[str, str]:
    values = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param {item!r}: write it as NAME=VALUE")
        values[name.strip()] = value
    return values


def _run(args: argparse.Namespace) -> int:
    query = find_query(args.name)
    given = _pairs(args.param)
    bound = query.bind(given)  # checked before a store is opened
    store = open_store(args.store)
    try:
        rows = query.run(store, given, timeout_ms=args.timeout_ms)
    finally:
        store.close()
    if not args.raw:
        rows = vi_rows(rows)
    table = Table.from_records(query.title, rows, note=query.description)
    if args.out:
        as_of = date.fromisoformat(bound["as_of"]) if bound.get("as_of") else date.today()
        subtitle = ", ".join(f"{k} = {v}" for k, v in bound.items() if v is not None)
        report = Report(query.title, subtitle, as_of, {"Số dòng": len(rows)}, (table,))
        for path in write_report(report, args.out):
            print(f"wrote {path}", file=sys.stderr)
    elif args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))  # the store gives plain values, dates as ISO text
    elif args.format == "csv":
        sys.stdout.write(to_csv_text(table))
    else:
        print(to_text(table))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; a user's mistake raises a :class:`~common.errors.DirectiveGraphError`, which
    :func:`common.cli.run_cli` prints as one line."""
    args = _parser().parse_args(argv)
    if args.command == "list":
        print("\n\n".join(_describe(q) for q in all_queries()))
    elif args.command == "show":
        print(find_query(args.name).cypher)
    else:
        return _run(args)
    return 0


if __name__ == "__main__":
    sys.exit(run_cli(main))
