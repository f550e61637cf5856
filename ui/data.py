"""The pages' one door to the rest of the project: the store, cached reads, and thin adapters to the modules
other packages own (saved queries, reports, loaders, the link pass). When one of their APIs changes, only this
file changes.

The store is opened once per process (``st.cache_resource``). Every read is cached (``st.cache_data``) under
the store's URL and a *generation* number; loading documents bumps the generation, so the next read of any
page sees the new graph while nothing else is recomputed needlessly.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from common.settings import settings
from graph.ingest import LoadResult
from graph.model import fold
from graph.store import GraphStore, open_store
from loaders.errors import LoadError
from loaders.reading import read as read_source
from queries.catalog import SavedQuery, get_query, list_queries
from reports.coverage import coverage_document
from reports.coverage import coverage_report as make_coverage
from reports.model import Report, Table
from reports.subplans import SubplanRow, SubplanStatus, audit_subplans, subplan_report, subplan_statuses
from reports.writers import to_csv_bytes, to_docx_bytes, to_xlsx_bytes
from ui import console, explorer, reads, uploads
from ui.explorer import vi_date
from ui.graphview import render_html
from ui.search import Choice, search

__all__ = [
    "Choice",
    "audit_report",
    "cascade_html",
    "choices",
    "coverage_report",
    "document_view",
    "documents",
    "gap_report",
    "implements_pairs",
    "load_uploads",
    "organ_view",
    "organs",
    "overview",
    "plans",
    "preview_upload",
    "refresh",
    "report_files",
    "result_graph_html",
    "run_query",
    "saved_queries",
    "search",
    "source_file",
    "source_lines",
    "store",
    "store_name",
    "table_frame",
]

ROW_CAP = 1000
TIMEOUT_MS = 10_000

_Reader = Callable[..., Any]


# --- the store and the generation that keys every cached read ----------------------------------------


def _store_url() -> str:
    return settings().store


@st.cache_resource(show_spinner="Đang mở kho dữ liệu…")
def _open_store(url: str) -> GraphStore:
    return open_store(url)


def store() -> GraphStore:
    return _open_store(_store_url())


def store_name() -> str:
    return getattr(store(), "name", _store_url())


@st.cache_resource
def _generations() -> dict[str, int]:
    return {}


def _generation() -> tuple[str, int]:
    url = _store_url()
    return url, _generations().get(url, 0)


def refresh() -> None:
    """Forget every cached read of this store (after a load, or when another process changed it)."""
    gens, url = _generations(), _store_url()
    gens[url] = gens.get(url, 0) + 1


@st.cache_data(show_spinner=False, max_entries=128)  # a cascade page is ~0.7 MB of HTML
def _cached(name: str, generation: tuple[str, int], args: tuple[Any, ...]) -> Any:
    return _READERS[name](store(), *args)


def _read(name: str, *args: Any) -> Any:
    return _cached(name, _generation(), args)


# --- adapters to the saved queries and reports ---------------------------------------------------------


def _saved(store_: GraphStore, name: str, values: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    return get_query(name).run(store_, values or {}, timeout_ms=TIMEOUT_MS)


def _audit_rows(store_: GraphStore, plan: str, as_of: str) -> list[SubplanRow]:
    return audit_subplans(store_, plan, date.fromisoformat(as_of))


def _statuses(store_: GraphStore, as_of: str) -> explorer.Statuses:
    """Per plan, each ordered unit's audit status (``on_time``, ``late``, ``missing``…), read when first asked."""
    memo: dict[str, Mapping[str, tuple[str, str | None, str | None]]] = {}

    def lookup(plan: str) -> Mapping[str, tuple[str, str | None, str | None]]:
        if plan not in memo:
            memo[plan] = subplan_statuses(_audit_rows(store_, plan, as_of)).get(plan, {})
        return memo[plan]

    return lookup


def _audit(store_: GraphStore, plan: str, as_of: date) -> Report:
    return subplan_report(store_, audit_subplans(store_, plan, as_of), as_of)


def _coverage(store_: GraphStore, parent: str, child: str) -> Report:
    return coverage_document(make_coverage(store_, parent, child))


# kind → (saved query, table title, column → Vietnamese heading)
_GAP_QUERIES: dict[str, tuple[str, str, dict[str, str]]] = {
    "cited": (
        "cited_not_loaded",
        "Văn bản chỉ được dẫn chiếu",
        {"symbol": "Số, ký hiệu", "type": "Loại", "date": "Ngày",
         "issuer_as_cited": "Cơ quan ban hành (theo trích dẫn)", "title": "Trích yếu",
         "times_cited": "Số lần được dẫn", "cited_by": "Được dẫn trong"},
    ),
    "overdue": (
        "overdue_tasks",
        "Nhiệm vụ quá hạn",
        {"document": "Văn bản", "path": "Mục", "deadline": "Thời hạn", "deadline_text": "Thời hạn (nguyên văn)",
         "lead": "Chủ trì", "text": "Nội dung", "src": "Nguồn"},
    ),
    "unresolved": (
        "unresolved_organs",
        "Cơ quan chưa xác định",
        {"name": "Tên cơ quan (như trong văn bản)", "scope": "Phạm vi", "mentions": "Số lần nhắc",
         "relations": "Quan hệ", "seen_at": "Gặp ở"},
    ),
}  # fmt: skip


def _gap(store_: GraphStore, kind: str, as_of: str | None) -> Report:
    name, title, labels = _GAP_QUERIES[kind]
    rows = _saved(store_, name, {"as_of": as_of} if as_of else None)
    day = date.fromisoformat(as_of) if as_of else None
    return Report.of_table(Table.from_records(title, rows, list(labels), labels), as_of=day)


# --- reads the pages cache ------------------------------------------------------------------------------


def _overview(store_: GraphStore, as_of: str) -> dict[str, Any]:
    audits = [r for p in reads.plans_with_orders(store_) for r in _audit_rows(store_, p["uid"], as_of)]
    pairs = [p for p in reads.implements_pairs(store_) if p.get("cascade_parent")]
    return {
        "counts": reads.counts(store_),
        "roots": reads.cascade_roots(store_),
        "missing": sum(r.status == SubplanStatus.MISSING for r in audits),
        "late": sum(r.status == SubplanStatus.LATE for r in audits),
        "ordered": sum(r.unit_kind != "collective" for r in audits),
        "uncovered": sum(len(make_coverage(store_, p["parent_uid"], p["child_uid"]).dropped) for p in pairs),
        "pairs": len(pairs),
        "overdue": len(_saved(store_, "overdue_tasks", {"as_of": as_of})),
    }


def _cascade_html(store_: GraphStore, request: explorer.ViewRequest) -> tuple[str, list[tuple[str, str, str]]]:
    nodes, edges = explorer.build_view(store_, request, _statuses(store_, request.as_of))
    drawn = [(n.uid, n.label.replace("\n", " "), n.kind) for n in nodes]
    return render_html(nodes, edges, height=660), drawn


def _document_view(store_: GraphStore, uid: str) -> dict[str, Any] | None:
    facts = reads.document_facts(store_, uid)
    if facts is None:
        return None
    return {
        "facts": facts,
        "links": reads.document_links(store_, uid),
        "sections": reads.document_structure(store_, uid),
        "tasks": reads.document_tasks(store_, uid),
        "subplans": reads.document_subplans(store_, uid),
        "recipients": reads.document_recipients(store_, uid),
    }


def _organ_view(store_: GraphStore, uid: str, as_of: str) -> dict[str, Any] | None:
    facts = reads.organ_facts(store_, uid)
    if facts is None:
        return None
    owed = reads.organ_subplans_owed(store_, uid)
    statuses = _statuses(store_, as_of)
    for row in owed:
        status, subplan, _ = statuses(row["plan_uid"]).get(uid, (None, None, None))
        row["status"] = SubplanStatus(status).label_vi if status else ""
        row["subplan_uid"] = subplan
    return {
        "facts": facts,
        "tasks": reads.organ_tasks(store_, uid),
        "owed": owed,
        "issued": reads.organ_documents(store_, uid),
        "tree": reads.organ_tree(store_, uid),
    }


_READERS: dict[str, _Reader] = {
    "overview": _overview,
    "documents": reads.documents,
    "organs": reads.organs,
    "document": _document_view,
    "organ": _organ_view,
    "cascade": _cascade_html,
    "plans": reads.plans_with_orders,
    "pairs": reads.implements_pairs,
    "audit": _audit,
    "coverage": _coverage,
    "gap": _gap,
}


def overview(as_of: date) -> dict[str, Any]:
    return _read("overview", as_of.isoformat())


def documents() -> list[dict[str, Any]]:
    return _read("documents")


def organs() -> list[dict[str, Any]]:
    return _read("organs")


def document_view(uid: str) -> dict[str, Any] | None:
    return _read("document", uid)


def organ_view(uid: str, as_of: date) -> dict[str, Any] | None:
    return _read("organ", uid, as_of.isoformat())


def cascade_html(request: explorer.ViewRequest) -> tuple[str, list[tuple[str, str, str]]]:
    """The explorer's HTML page and the (uid, label, kind) of each node drawn (for the unfold/expand controls)."""
    return _read("cascade", request)


def plans() -> list[dict[str, Any]]:
    return _read("plans")


def implements_pairs() -> list[dict[str, Any]]:
    return _read("pairs")


def audit_report(plan_uid: str, as_of: date) -> Report:
    return _read("audit", plan_uid, as_of)


def coverage_report(parent_uid: str, child_uid: str) -> Report:
    return _read("coverage", parent_uid, child_uid)


def gap_report(kind: str, as_of: date | None = None) -> Report:
    """``cited`` (cited-only documents), ``overdue`` (tasks, as of a date) or ``unresolved`` (organ names)."""
    return _read("gap", kind, as_of.isoformat() if as_of else None)


# --- search ----------------------------------------------------------------------------------------------


def choices(kinds: Sequence[str] = ("document", "organ")) -> list[Choice]:
    """Documents (loaded ones first, oldest first: the top of a cascade comes first) then organs."""
    out = []
    if "document" in kinds:
        ordered = sorted(documents(), key=lambda d: (d.get("status") == "cited", str(d.get("date") or "9999")))
        for d in ordered:
            label = f"{d.get('type_name') or 'Văn bản'} {d.get('symbol') or d['uid']}"
            extra = f" — {', '.join(d['issuers'])}" if d.get("issuers") else ""
            cited = " (chỉ được dẫn chiếu)" if d.get("status") == "cited" else ""
            out.append(
                Choice(d["uid"], "document", label + extra + cited, fold(f"{label} {d['uid']} {d.get('title')}"))
            )
    if "organ" in kinds:
        for o in organs():
            aliases = " ".join(o.get("aliases") or ())
            out.append(
                Choice(o["uid"], "organ", f"Cơ quan: {o['name']}", fold(f"{o['name']} {aliases} {o['uid']}"))
            )
    return out


# --- files, tables, downloads ---------------------------------------------------------------------------


def source_file(path: str | None) -> Path | None:
    """The document's original file, looked up as stored, then relative to the app's folder."""
    if not path:
        return None
    candidates = [Path(path), Path(__file__).resolve().parent.parent / path]
    return next((p for p in candidates if p.is_file()), None)


@st.cache_data(show_spinner=False, max_entries=32)
def source_lines(path: Path) -> list[str] | None:
    """The file's text as the loader read it (a .docx or .pdf through its text layer), line by line, in NFC
    (scanned text often arrives decomposed, and a decomposed ``ố`` draws its marks apart)."""
    try:
        return unicodedata.normalize("NFC", read_source(path).text).splitlines()
    except LoadError:
        return None


def table_frame(table: Table) -> pd.DataFrame:
    """The table for ``st.dataframe``, dates as ``dd/mm/yyyy``."""
    rows = [[vi_date(c) if isinstance(c, date) else c for c in r] for r in table.rows]
    return pd.DataFrame(rows, columns=list(table.columns))


_MIME = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": "text/csv",
}


def report_files(report: Report, stem: str) -> list[tuple[str, Callable[[], bytes], str, str]]:
    """(extension, maker of the bytes, file name, MIME type) of the report as .xlsx, .docx and .csv.

    The bytes are made when a download is asked for, not on every rerun of the page.
    """
    writers: dict[str, Callable[[Report], bytes]] = {
        "xlsx": to_xlsx_bytes,
        "docx": to_docx_bytes,
        "csv": to_csv_bytes,
    }
    return [(ext, partial(write, report), f"{stem}.{ext}", _MIME[ext]) for ext, write in writers.items()]


# --- the Cypher console ------------------------------------------------------------------------------------


def saved_queries() -> list[SavedQuery]:
    return list_queries()


def run_query(
    cypher: str, params: Mapping[str, Any] | None = None, *, timeout_ms: int = TIMEOUT_MS, row_cap: int = ROW_CAP
) -> console.QueryResult:
    """Read-only, never cached (the analyst asks for a fresh answer)."""
    return console.run_read(store(), cypher, params, timeout_ms=timeout_ms, row_cap=row_cap)


def result_graph_html(rows: Sequence[Mapping[str, Any]]) -> str | None:
    nodes, edges = console.graph_from_rows(rows)
    return render_html(nodes, edges, height=520, hierarchical=False) if nodes else None


# --- uploads ------------------------------------------------------------------------------------------------


@st.cache_data(show_spinner="Đang đọc tệp…", max_entries=64)
def preview_upload(name: str, data: bytes) -> uploads.Preview:
    """What the loader reads from an uploaded file (cached by its name and bytes: reruns do not parse again)."""
    return uploads.preview(name, data)


def load_uploads(files: Sequence[tuple[str, bytes]]) -> list[LoadResult]:
    """Save, parse and write each file (one failure does not stop the others), relink, then refresh the reads."""
    outcomes = uploads.load(files, store(), uploads.upload_dir())
    if any(o.ok for o in outcomes):
        refresh()
    return outcomes
