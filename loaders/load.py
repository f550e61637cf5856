"""Load files into a store: parse each, build its graph, write it atomically, then run the link pass.

One broken file never stops the batch and never leaves half a document in the store: a file is parsed and
built completely before anything is written, and the store writes a document all or nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graph.build import build_document_graph
from graph.store import GraphStore
from loaders.errors import LoadError
from loaders.record import DocumentRecord

__all__ = ["SUPPORTED_SUFFIXES", "LoadResult", "iter_documents", "load_file", "load_paths"]

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


@dataclass(frozen=True, slots=True)
class LoadResult:
    path: str
    uid: str | None = None
    symbol: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def line(self) -> str:
        """One line for the terminal: ``file: symbol, 2 sections, 14 tasks (1 warning)`` or the error."""
        if self.error:
            return f"{self.path}: ERROR {self.error}"
        counts = ", ".join(f"{n} {k}" for k, n in self.counts.items())
        warn = f" ({len(self.warnings)} warning{'s' * (len(self.warnings) != 1)})" if self.warnings else ""
        return f"{self.path}: {self.symbol or '(no number)'}, {counts}{warn}"


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and documents in folders named (recursively, sorted); other files in folders are skipped."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            yield path


def _counts(record: DocumentRecord) -> dict[str, int]:
    return {
        "sections": len(record.sections),
        "tasks": len(record.tasks),
        "citations": len(record.implements) + len(record.cites),
        "sub-plan orders": len(record.subplan_requirements),
    }


def load_file(path: str | Path, store: GraphStore) -> LoadResult:
    """Parse, build and write one file; a ``LoadError`` becomes the result's error, never an exception."""
    from loaders.pipeline import parse_file
    from loaders.resolve import group_expander

    try:
        record = parse_file(path)
        graph = build_document_graph(record, expand_group=group_expander())
    except LoadError as exc:
        return LoadResult(str(path), error=exc.reason)
    store.write_document(graph)
    return LoadResult(str(path), graph.document_uid, record.number, _counts(record), record.warnings)


def load_paths(paths: Iterable[str | Path], store: GraphStore, *, link: bool = True) -> list[LoadResult]:
    """Load every document under ``paths``; then write the organ gazetteer and run the link pass once."""
    from graph.link import relink
    from graph.organs import write_gazetteer

    write_gazetteer(store)
    results = [load_file(path, store) for path in iter_documents(paths)]
    if link:
        relink(store)
    return results
