"""Ingest: files → records → the store. Parse each file, build its graph, write it atomically, then link.

One broken file never stops the batch and never leaves half a document in the store: a file is parsed and
built completely before anything is written, and the store writes a document all or nothing. The organ
gazetteer is loaded once per batch and given to the parser, the group expander and the store.

The command line (``python -m graph load PATH…``, ``relink``, ``conflicts``) is in :mod:`graph.__main__`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graph.build import build_document_graph
from graph.corrections import CorrectionBook, Stale, apply_corrections, mark_graph
from graph.failures import record_failures
from graph.link import relink
from graph.model import DocumentGraph
from graph.organs import write_gazetteer
from graph.store import GraphStore, StoreError
from loaders.errors import LoadError
from loaders.organs import Gazetteer, group_expander, load_gazetteer
from loaders.pipeline import complete_from_context, parse_file
from loaders.reading import SUFFIXES
from loaders.record import DocumentRecord

__all__ = ["LoadResult", "iter_documents", "load_file", "load_paths", "prepare_file"]


@dataclass(frozen=True, slots=True)
class LoadResult:
    path: str
    uid: str | None = None
    symbol: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    error: str | None = None
    skipped: str | None = None  # not loaded on purpose (the document was removed by a reviewer)
    corrected: int = 0  # corrections applied
    stale: tuple[Stale, ...] = ()  # corrections the text no longer matches: listed, not applied

    @property
    def ok(self) -> bool:
        return self.error is None

    def line(self) -> str:
        """One line for the terminal: ``file: symbol, 2 sections, 14 tasks (1 warning)`` or the error."""
        if self.error:
            return f"{self.path}: ERROR {self.error}"
        if self.skipped:
            return f"{self.path}: skipped: {self.skipped}"
        counts = ", ".join(f"{n} {k}" for k, n in self.counts.items())
        warn = f" ({len(self.warnings)} warning{'s' * (len(self.warnings) != 1)})" if self.warnings else ""
        fixed = f", {self.corrected} corrected" if self.corrected else ""
        stale = f", {len(self.stale)} STALE correction(s)" if self.stale else ""
        return f"{self.path}: {self.symbol or '(no number)'}, {counts}{warn}{fixed}{stale}"


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and documents in folders named (recursively, sorted); other files in folders are skipped.

    In a folder, only regular files count (a folder named ``x.txt`` is not a document) and a symbolic link is
    followed only when it stays inside the folder (``notes.txt -> /etc/passwd`` is skipped).
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            root = path.resolve()
            yield from sorted(p for p in path.rglob("*") if _document_in(p, root))
        else:
            yield path


def _document_in(path: Path, root: Path) -> bool:
    if path.suffix.lower() not in SUFFIXES or not path.is_file():
        return False
    return not path.is_symlink() or path.resolve().is_relative_to(root)


def _folder_documents(path: Path) -> list[Path]:
    """The documents beside ``path`` (itself included): where a citation of it is most likely."""
    folder = path.parent
    if not folder.is_dir():
        return []
    root = folder.resolve()
    return sorted(p for p in folder.iterdir() if _document_in(p, root))


def _counts(record: DocumentRecord) -> dict[str, int]:
    return {
        "sections": len(record.sections),
        "tasks": len(record.tasks),
        "citations": len(record.implements) + len(record.cites),
        "sub-plan orders": len(record.subplan_requirements),
    }


def load_file(
    path: str | Path,
    store: GraphStore,
    gazetteer: Gazetteer | None = None,
    corrections: CorrectionBook | None = None,
    context: Iterable[Path] | None = None,
) -> LoadResult:
    """Parse, correct, build and write one file; a ``LoadError`` becomes the result's error, never an exception.

    ``gazetteer`` defaults to the one in ``data/organs`` (``KG_ORGANS_DIR``), loaded once per process;
    ``corrections`` to the folder ``KG_CORRECTIONS_DIR``: the reviewers' corrections are applied after parsing
    (:mod:`graph.corrections`), and a document a reviewer removed is skipped. ``context`` are the other
    documents that may cite this one (default: the documents in its folder): a number or date this copy does
    not show is completed from them as ``python -m loaders parse`` does
    (:func:`loaders.pipeline.complete_from_context`), so a load and a parse give the same record.
    """
    result, graph = prepare_file(path, gazetteer, corrections, context)
    if graph is not None:
        store.write_document(graph)
    return result


def prepare_file(
    path: str | Path,
    gazetteer: Gazetteer | None = None,
    corrections: CorrectionBook | None = None,
    context: Iterable[Path] | None = None,
) -> tuple[LoadResult, DocumentGraph | None]:
    """What :func:`load_file` does but the write: the result, and the graph to write (``None`` when the file
    failed or was removed by a reviewer)."""
    gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
    book = corrections if corrections is not None else CorrectionBook()
    try:
        parsed = parse_file(path, gazetteer)
        others = context if context is not None else _folder_documents(Path(path))
        parsed = complete_from_context(parsed, (p for p in others if p != Path(path)))
        found = book.find(parsed.source_path, parsed.source_sha256)
        record, outcome = apply_corrections(parsed, found, gazetteer.organs)
        if outcome.removal is not None:
            removal = outcome.removal
            return LoadResult(str(path), skipped=f"removed by {removal.by} at {removal.at}: {removal.why}"), None
        graph = mark_graph(
            build_document_graph(record, expand_group=group_expander(gazetteer)), outcome, gazetteer
        )
    except LoadError as exc:
        return LoadResult(str(path), error=exc.reason), None
    except (RecursionError, MemoryError, ValueError) as exc:  # a hostile file must not end the batch
        return LoadResult(str(path), error=f"cannot parse: {type(exc).__name__}: {exc}"), None
    result = LoadResult(
        str(path), graph.document_uid, record.number, _counts(record), record.warnings,
        corrected=len(outcome.applied), stale=outcome.stale,
    )  # fmt: skip
    return result, graph


def load_paths(
    paths: Iterable[str | Path], store: GraphStore, *, link: bool = True, gazetteer: Gazetteer | None = None
) -> list[LoadResult]:
    """Load every document under ``paths``; then write the organ gazetteer and run the link pass once.

    Documents are written in batches of about ``cypher.BATCH_ELEMENTS`` nodes + edges
    (``GraphStore.write_documents``: each batch all or nothing, so a document is still whole or absent), far fewer
    queries than one per file. The files are read as the batches are written (a large folder is never held
    whole; the embedded store writes a batch while the next one's files are parsed)."""
    gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
    write_gazetteer(store, gazetteer)
    book = CorrectionBook()
    folders: dict[Path, list[Path]] = {}  # each folder listed once per batch, not once per file
    results = []

    def graphs() -> Iterator[DocumentGraph]:
        for path in iter_documents(paths):
            others = folders.setdefault(path.parent, _folder_documents(path))
            result, graph = prepare_file(path, gazetteer, book, context=others)
            results.append(result)
            if graph is not None:
                yield graph

    store.write_documents(graphs())
    record_failures(store, results)
    if link:
        try:
            relink(store)
        except StoreError:
            # the server went away mid-pass (a new one is started on the next query); the pass recomputes
            # everything from the graph, so running it again completes it
            relink(store)
    return results
