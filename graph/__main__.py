"""``python -m graph``: look after the graph store.

    python -m graph stats [--store URL] [--json]
    python -m graph export --format graphml|json FILE [--store URL]
    python -m graph wipe --yes [--store URL]
    python -m graph cascade SYMBOL_OR_UID [--json] [--store URL]
    python -m graph load PATH… [--store URL]
    python -m graph relink [-v] [--store URL]
    python -m graph conflicts [--json] [--store URL]
    python -m graph schema [--markdown] [--store URL]
    python -m graph serve [--host 127.0.0.1] [--port N] [--password P] [--allow-remote] [--store URL]
    python -m graph cypher "QUERY" | -f FILE | - [--param NAME=VALUE …] [--format table|csv|json] [--out FILE]
        [--raw]
    python -m graph correct REF FACT VALUE --by NAME [--why TEXT] [--store URL]
    python -m graph correct REF "organ:PRINTED NAME" --organ UID --by NAME [--why TEXT] [--store URL]
    python -m graph accept REF FACT --by NAME [--why TEXT] [--store URL]
    python -m graph corrections [--stale] [--store URL]
    python -m graph remove REF --by NAME --yes [--why TEXT] [--store URL]

``--store`` takes the forms of ``KG_STORE`` (default ``embedded``). To add a command: write a
``cmd_NAME(args) -> int`` function and register it in :func:`build_parser` with ``_command(...)``; it gets
``--store`` for free, and :func:`open_from_args` opens the store.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from common.cli import run_cli
from common.glossary import vi_rows
from graph.export import FORMATS, count_graph, to_networkx, write_graphml, write_node_link_json
from graph.store import GraphStore, StoreError, open_store
from graph.stores import wipe

__all__ = ["build_parser", "main", "open_from_args"]

Command = Callable[[argparse.Namespace], int]


def open_from_args(args: argparse.Namespace) -> GraphStore:
    """The store named by ``--store`` (or ``KG_STORE``)."""
    return open_store(args.store)


def cmd_stats(args: argparse.Namespace) -> int:
    """Print node counts by label and relationship counts by type."""
    store = open_from_args(args)
    try:
        counts = count_graph(store)
        name = store.name
    finally:
        store.close()
    if args.json:
        print(
            json.dumps(
                {
                    "store": name,
                    "nodes": counts.nodes,
                    "relationships": counts.relationships,
                    "by_label": counts.by_label,
                    "by_type": counts.by_type,
                    "documents": counts.documents,
                },
                ensure_ascii=False,
                indent=1,
            )
        )
        return 0
    print(f"Store: {name}")
    print(f"Nodes: {counts.nodes}")
    for label, n in counts.by_label.items():
        print(f"  {label:<20} {n:>9}")
    print(f"Relationships: {counts.relationships}")
    for rel, n in counts.by_type.items():
        print(f"  {rel:<20} {n:>9}")
    print(f"Documents: {sum(d['status'] == 'loaded' for d in counts.documents)} loaded, "
          f"{sum(d['status'] == 'cited' for d in counts.documents)} cited only")  # fmt: skip
    for d in counts.documents:
        detail = f"{d['tasks']} tasks, {d['lead_organs']} lead organs" if d["status"] == "loaded" else "cited only"
        print(f"  {d['symbol'] or d['uid']:<20} {d['date'] or '?':<11} {detail}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the whole graph to FILE as GraphML or node-link JSON."""
    store = open_from_args(args)
    try:
        graph = to_networkx(store)
    finally:
        store.close()
    writer = write_graphml if args.format == "graphml" else write_node_link_json
    writer(graph, args.file)
    print(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} relationships → {args.file}")
    return 0


def cmd_wipe(args: argparse.Namespace) -> int:
    """Delete every node and relationship; refuses without ``--yes``."""
    if not args.yes:
        print(
            "refusing to wipe the store without --yes (this deletes every node and relationship)", file=sys.stderr
        )
        return 2
    store = open_from_args(args)
    try:
        wipe(store)
        print(f"wiped {store.name}")
    finally:
        store.close()
    return 0


def cmd_cascade(args: argparse.Namespace) -> int:
    """Print the cascade through one document: its ancestors to the top and every document below it."""
    from graph.cascade import cascade_tree, format_cascade

    store = open_from_args(args)
    try:
        tree = cascade_tree(store, args.document)  # unknown or ambiguous: an error listing the candidates
    finally:
        store.close()
    print(json.dumps(tree.to_dict(), ensure_ascii=False, indent=1) if args.json else format_cascade(tree))
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    """Load files and folders; one line per file, a summary, exit 1 when any file failed (the others load)."""
    from common.settings import settings
    from graph.ingest import load_paths
    from graph.link import relink

    paths = list(args.paths)
    if args.uploads and settings().upload_dir.is_dir():
        paths.append(settings().upload_dir)
    store = open_from_args(args)
    try:
        results = load_paths(paths, store, link=False)
        report = relink(store)
        store.compact()  # so that the next process to open the store does not replay every write
    finally:
        store.close()
    for result in results:
        print(result.line(), file=sys.stdout if result.ok else sys.stderr)
    failed = sum(not r.ok for r in results)
    print(f"{len(results) - failed} loaded, {failed} failed; link pass: {report.summary()}")
    return 1 if failed else 0


def cmd_relink(args: argparse.Namespace) -> int:
    """Run the link pass again (idempotent)."""
    from graph.link import relink

    store = open_from_args(args)
    try:
        report = relink(store)
        store.compact()
    finally:
        store.close()
    print("\n".join(report.lines()) if args.verbose else report.summary())
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    """List the documents whose facts disagree (a date printed one way and cited another)."""
    import dataclasses

    from graph.conflicts import list_conflicts

    store = open_from_args(args)
    try:
        conflicts = list_conflicts(store)
    finally:
        store.close()
    if args.json:
        print(json.dumps([dataclasses.asdict(c) for c in conflicts], ensure_ascii=False, indent=1))
    else:
        print("\n".join(c.line() for c in conflicts) or "no conflicting facts")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the labels with their properties and types, and the relationship patterns the store holds."""
    from graph.schema import format_schema, relationship_patterns, schema_markdown

    store = open_from_args(args)
    try:
        patterns = relationship_patterns(store)
    finally:
        store.close()
    sys.stdout.write(schema_markdown(patterns) if args.markdown else format_schema(patterns))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Keep the store running on a loopback TCP port with a password until Ctrl-C, printing how to attach."""
    from graph.serve import check_host, serve

    check_host(args.host, allow_remote=args.allow_remote)  # before anything starts
    store = open_from_args(args)
    try:
        serve(store, host=args.host, port=args.port, password=args.password, allow_remote=args.allow_remote)
    finally:
        store.close()
    return 0


def _read_query(args: argparse.Namespace) -> str:
    if args.file:
        return Path(args.file).read_text(encoding="utf-8")
    if args.query in (None, "-"):
        return sys.stdin.read()
    return str(args.query)


def _params(items: Sequence[str]) -> dict[str, Any]:
    from graph.analyst import parse_value

    values: dict[str, Any] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise StoreError(f"--param {item!r}: write it as NAME=VALUE")
        values[name.strip().lstrip("$")] = parse_value(value)
    return values


def cmd_cypher(args: argparse.Namespace) -> int:
    """Run one read-only query (Neo4j 5 Cypher; rewritten for FalkorDB) with the console's guard, time limit and
    row cap; print or write its rows."""
    from graph.analyst import format_rows, run_cypher

    cypher, params = _read_query(args), _params(args.param)
    store = open_from_args(args)
    try:
        result = run_cypher(store, cypher, params, timeout_ms=args.timeout_ms, row_cap=args.row_cap)
    finally:
        store.close()
    rows = list(result.rows) if args.raw else vi_rows(result.rows)
    fmt = args.format
    if args.out and fmt == "table":
        fmt = {".csv": "csv", ".json": "json"}.get(Path(args.out).suffix.lower(), "table")
    text = format_rows(rows, fmt)
    if args.out:
        Path(args.out).write_text(("\ufeff" if fmt == "csv" else "") + text, encoding="utf-8")
        print(f"{len(result.rows)} rows → {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    if result.truncated:
        print(f"only the first {args.row_cap} rows are kept (--row-cap)", file=sys.stderr)
    return 0


def cmd_correct(args: argparse.Namespace) -> int:
    """Correct one fact of a loaded document (or accept it as read); the document is written again."""
    from graph.corrections import CorrectionError
    from graph.reviewing import parse_fact, parse_value, review_act

    fact = parse_fact(args.fact)
    store = open_from_args(args)
    try:
        if not args.accept and (args.value or args.organ) is None:
            raise CorrectionError("cần giá trị đúng (VALUE, hoặc --organ UID với dữ kiện organ:TÊN)")
        value = None if args.accept else parse_value(fact, args.organ or args.value)
        act = review_act(store, args.document, fact, by=args.by, why=args.why, new=value, accept=args.accept)
    finally:
        store.close()
    verb = "accepted" if args.accept else f"corrected {act.entry.old!r} -> {act.entry.new!r}"
    print(f"{fact.key}: {verb} by {act.entry.by} ({act.file})")
    print(act.result.line())
    return 0 if act.result.ok and not act.result.stale else 1


def cmd_corrections(args: argparse.Namespace) -> int:
    """List the corrections in force on every loaded document, or only the stale ones (with both values)."""
    from graph.review_list import read_corrected, read_stale

    store = open_from_args(args)
    try:
        stale = read_stale(store)
        corrected = [] if args.stale else read_corrected(store)
    finally:
        store.close()
    for c in corrected:
        print(f"{c.document}  {c.where}  {', '.join(c.fields)}  by {c.by} at {c.at}")
    for st in stale:
        print(f"STALE {st.document}  {st.fact}: recorded {st.recorded!r}, the file now reads {st.now_read!r}, "
              f"correction {st.new!r} ({st.by}, {st.at})")  # fmt: skip
    return 1 if stale else 0


def cmd_remove(args: argparse.Namespace) -> int:
    """Remove a loaded document as if it had never been loaded (refuses without ``--yes``)."""
    from graph.removal import remove_document

    if not args.yes:
        print("refusing to remove a document without --yes", file=sys.stderr)
        return 2
    store = open_from_args(args)
    try:
        removal = remove_document(store, args.document, by=args.by, why=args.why)
    finally:
        store.close()
    print(f"removed {removal.symbol or removal.uid} ({removal.uid}); "
          f"{len(removal.rewritten)} citing document(s) written again; recorded in {removal.record}")  # fmt: skip
    return 0


def _command(
    sub: argparse._SubParsersAction, name: str, func: Command, common: argparse.ArgumentParser, help_text: str
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(name, parents=[common], help=help_text, description=help_text)
    parser.set_defaults(func=func)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The ``python -m graph`` parser: one subparser per command, each with ``--store``."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--store",
        metavar="URL",
        default=None,
        help="embedded[:PATH], arcadedb[:PATH], neo4j://…, bolt://…, falkordb://host:port "
        "(default: KG_STORE, else embedded)",
    )
    parser = argparse.ArgumentParser(prog="python -m graph", description="Look after the graph store.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    stats = _command(sub, "stats", cmd_stats, common, "node counts by label, relationship counts by type")
    stats.add_argument("--json", action="store_true", help="print JSON instead of a table")

    export = _command(sub, "export", cmd_export, common, "write the whole graph to a file")
    export.add_argument("--format", choices=FORMATS, required=True, help="graphml or node-link json")
    export.add_argument("file", metavar="FILE")

    wipe_parser = _command(sub, "wipe", cmd_wipe, common, "delete every node and relationship")
    wipe_parser.add_argument("--yes", action="store_true", help="really do it")

    cascade = _command(sub, "cascade", cmd_cascade, common, "the cascade above and below one document")
    cascade.add_argument(
        "document", metavar="SYMBOL_OR_UID", help="e.g. 60-KH/TU; a uid when the symbol is ambiguous"
    )
    cascade.add_argument("--json", action="store_true", help="print the tree as JSON")

    load = _command(sub, "load", cmd_load, common, "load files or folders into the graph store")
    load.add_argument("paths", nargs="+", metavar="PATH")
    load.add_argument("--uploads", action="store_true", help="also load the app's uploads (KG_UPLOAD_DIR)")

    for name, accept in (("correct", False), ("accept", True)):
        text = "accept a fact as read" if accept else "correct a fact of a loaded document"
        act = _command(sub, name, cmd_correct, common, text)
        act.add_argument("document", metavar="REF", help="symbol or uid")
        act.add_argument(
            "fact",
            metavar="FACT",
            help="document:FIELD, task:PATH:FIELD, subplan:PATH:FIELD or organ:PRINTED NAME",
        )
        if not accept:
            act.add_argument(
                "value", metavar="VALUE", nargs="?", help="the right value; organ lists separated by ';'"
            )
            act.add_argument(
                "--organ", metavar="UID", help="for organ:NAME, the gazetteer organ the name stands for"
            )
        act.add_argument("--by", required=True, metavar="NAME", help="who corrects")
        act.add_argument("--why", default="", metavar="TEXT")
        act.set_defaults(accept=accept, value=None, organ=None)

    corrections = _command(sub, "corrections", cmd_corrections, common, "list corrections (exit 1 on stale)")
    corrections.add_argument("--stale", action="store_true", help="only those the text no longer matches")

    remove = _command(sub, "remove", cmd_remove, common, "remove a loaded document as if never loaded")
    remove.add_argument("document", metavar="REF", help="symbol or uid")
    remove.add_argument("--by", required=True, metavar="NAME", help="who removes it")
    remove.add_argument("--why", default="", metavar="TEXT")
    remove.add_argument("--yes", action="store_true", help="really do it")

    relink = _command(sub, "relink", cmd_relink, common, "run the link pass again (idempotent)")
    relink.add_argument("-v", "--verbose", action="store_true", help="list each merge, fact, conflict and link")

    conflicts = _command(sub, "conflicts", cmd_conflicts, common, "list documents whose facts disagree")
    conflicts.add_argument("--json", action="store_true", help="print JSON")

    schema = _command(sub, "schema", cmd_schema, common, "labels, properties and relationship patterns")
    schema.add_argument("--markdown", action="store_true", help="print docs/schema.md's Markdown")

    serve = _command(sub, "serve", cmd_serve, common, "open the store to standard tools until Ctrl-C")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (loopback unless --allow-remote)")
    serve.add_argument("--port", type=int, default=None, help="TCP port (default: a free one)")
    serve.add_argument("--password", default=None, help="the password (default: a new random one)")
    serve.add_argument("--allow-remote", action="store_true", help="allow a --host that is not loopback")

    from graph.analyst import FORMATS as CYPHER_FORMATS
    from graph.analyst import ROW_CAP, TIMEOUT_MS

    cypher = _command(sub, "cypher", cmd_cypher, common, "run one read-only Cypher query (Neo4j 5 Cypher)")
    cypher.add_argument("query", nargs="?", metavar="QUERY", help="the query; - (or nothing) reads standard input")
    cypher.add_argument("-f", "--file", metavar="FILE", help="read the query from FILE")
    cypher.add_argument(
        "--param", "-p", action="append", default=[], metavar="NAME=VALUE",
        help="a $parameter (JSON numbers, true/false, null, lists; anything else is text)",
    )  # fmt: skip
    cypher.add_argument("--format", choices=CYPHER_FORMATS, default="table")
    cypher.add_argument("--out", metavar="FILE", help="write the rows to FILE (.csv with a BOM for Excel, .json)")
    cypher.add_argument("--timeout-ms", type=int, default=TIMEOUT_MS, help=f"time limit (default {TIMEOUT_MS})")
    cypher.add_argument("--raw", action="store_true", help="keep the column names and codes the query returns")
    cypher.add_argument("--row-cap", type=int, default=ROW_CAP, help=f"rows kept (default {ROW_CAP})")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; a user's mistake raises a :class:`~common.errors.DirectiveGraphError`, which
    :func:`common.cli.run_cli` prints as one line ``error: …`` with exit status 1."""
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(run_cli(main))
