"""What the upload page (Nạp văn bản) does: parse an uploaded file for a preview, then save and load a batch
into the store.

A file is parsed before anything is written; one bad file becomes an error on its own row and the others still
load. The link pass runs once, after the batch. Files are kept under ``KG_UPLOAD_DIR`` (default
``data/documents/uploads``) so the Document's ``source_path`` keeps pointing at the original.
"""

from __future__ import annotations

import dataclasses
import hashlib
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st

from common.glossary import vi_message
from common.settings import settings
from graph.ingest import LoadResult, load_file
from graph.link import relink
from graph.store import GraphStore
from loaders.organs import load_gazetteer
from loaders.pipeline import parse_file
from loaders.reading import SUFFIXES
from loaders.record import to_dict
from ui.store import refresh, source_store
from ui.views.rows import vi_date

__all__ = [
    "ACCEPTED_TEXT",
    "ACCEPTED_TYPES",
    "LoadedFile",
    "Preview",
    "load",
    "load_uploads",
    "preview",
    "preview_upload",
    "safe_name",
    "save_upload",
    "upload_dir",
]

ACCEPTED_TYPES = [suffix.lstrip(".") for suffix in SUFFIXES]  # what the file picker offers
ACCEPTED_TEXT = f"{', '.join(SUFFIXES[:-1])} hoặc {SUFFIXES[-1]}"  # ".txt, .md, .docx hoặc .pdf"


_COUNTS_VI = {
    "sections": "mục",
    "tasks": "nhiệm vụ",
    "citations": "trích dẫn",
    "sub-plan orders": "yêu cầu kế hoạch",
}


@dataclass(frozen=True, slots=True)
class Preview:
    """What the loader reads from one uploaded file, before anything is written."""

    name: str
    record: dict[str, Any] | None = None  # the record as ``python -m loaders parse --json`` prints it
    warnings: tuple[str, ...] = ()
    error: str | None = None

    @property
    def heading(self) -> str:
        record = self.record or {}
        number = record.get("number") or "(không đọc được số, ký hiệu)"
        issuer = record.get("issuer") or "chưa rõ cơ quan ban hành"
        day = vi_date(record.get("date")) or "chưa rõ ngày"
        return f"**{record.get('type_name') or 'Văn bản'} {number}** · {issuer} · {day}"

    @property
    def summary(self) -> list[tuple[str, str]]:
        """(Vietnamese field name, value) of what was read, the empty ones left out."""
        record = self.record or {}
        signer = record.get("signer") or {}
        rows = [
            ("Số, ký hiệu", record.get("number")),
            ("Loại", record.get("type_name")),
            ("Ngày", vi_date(record.get("date"))),
            ("Nguồn của ngày", record.get("date_source")),
            ("Cơ quan ban hành", record.get("issuer")),
            ("Trích yếu", record.get("title")),
            ("Người ký", signer.get("name")),
            ("Thực hiện", ", ".join(c.get("number") or "?" for c in record.get("implements") or ())),
            ("Số mục / nhiệm vụ", f"{len(record.get('sections') or ())} / {len(record.get('tasks') or ())}"),
            ("Giao xây dựng kế hoạch", len(record.get("subplan_requirements") or ())),
        ]
        return [(k, str(v)) for k, v in rows if v not in (None, "")]


@dataclass(frozen=True, slots=True)
class LoadedFile:
    """What became of one uploaded file once loaded."""

    name: str  # as uploaded
    symbol: str | None
    uid: str | None
    contents: str  # e.g. "12 mục, 20 nhiệm vụ"
    warnings: int
    error: str | None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def result(self) -> str:
        return "Đã nạp" if self.ok else f"Lỗi: {self.error}"

    @classmethod
    def of(cls, result: LoadResult) -> LoadedFile:
        contents = ", ".join(f"{n} {_COUNTS_VI.get(k, k)}" for k, n in result.counts.items())
        error = vi_message(result.error) if result.error else None
        return cls(result.path, result.symbol, result.uid, contents, len(result.warnings), error)


def upload_dir() -> Path:
    return settings().upload_dir


def safe_name(name: str) -> str:
    """The file name without any folder part (an upload never writes outside the upload folder)."""
    base = Path(name.replace("\\", "/")).name.strip() or "van-ban.txt"
    return base.lstrip(".") or "van-ban.txt"


def _check_suffix(name: str) -> str | None:
    if Path(name).suffix.lower() not in SUFFIXES:
        return f"Định dạng không được hỗ trợ: chỉ nhận {', '.join(SUFFIXES)}."
    return None


def preview(name: str, data: bytes) -> Preview:
    """The record the loader makes of ``data`` (parsed from a temporary copy; nothing is written)."""
    name = safe_name(name)
    if problem := _check_suffix(name):
        return Preview(name, error=problem)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            record = parse_file(path, load_gazetteer())
        except Exception as exc:  # any failure of one file is shown on its row, never stops the page
            return Preview(name, error=_message(exc))
    return Preview(name, to_dict(record), tuple(record.warnings))


def _message(exc: Exception) -> str:
    reason = getattr(exc, "reason", None)
    return vi_message(str(reason or exc)) or "lỗi không rõ nguyên nhân"


def save_upload(name: str, data: bytes, folder: Path) -> Path:
    """Keep the upload under its own name; a different file of the same name gets its hash appended."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    if target.exists() and target.read_bytes() != data:
        digest = hashlib.sha256(data).hexdigest()[:8]
        target = folder / f"{target.stem}-{digest}{target.suffix}"
    target.write_bytes(data)
    return target


def _load_one(name: str, data: bytes, store: GraphStore, folder: Path) -> LoadResult:
    """The loader's result for one upload, named by the uploaded file's name (not the saved path)."""
    name = safe_name(name)
    if problem := _check_suffix(name):
        return LoadResult(name, error=problem)
    try:
        result = load_file(save_upload(name, data, folder), store)
    except Exception as exc:  # a store or reader failure on one file must not stop the batch
        return LoadResult(name, error=_message(exc))
    return dataclasses.replace(result, path=name)


def load(files: Sequence[tuple[str, bytes]], store: GraphStore, folder: Path) -> list[LoadResult]:
    """Save and load each file, then run the link pass once (when anything loaded)."""
    outcomes = [_load_one(name, data, store, folder) for name, data in files]
    if any(o.ok for o in outcomes):
        relink(store)
    return outcomes


@st.cache_data(show_spinner="Đang đọc tệp…", max_entries=64)
def preview_upload(name: str, data: bytes) -> Preview:
    """:func:`preview`, cached by the file's name and bytes: reruns of the page do not parse it again."""
    return preview(name, data)


def load_uploads(files: Sequence[tuple[str, bytes]]) -> list[LoadedFile]:
    """Save, parse and write each file into the app's store, relink, then refresh every cached read."""
    outcomes = load(files, source_store(), upload_dir())
    if any(o.ok for o in outcomes):
        refresh()
    return [LoadedFile.of(o) for o in outcomes]
