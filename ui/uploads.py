"""Uploaded files, without Streamlit: parse one for a preview, then save and load a batch into the store.

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

from common.settings import settings
from graph.ingest import LoadResult, load_file
from graph.link import relink
from graph.store import GraphStore
from loaders.organs import load_gazetteer
from loaders.pipeline import parse_file
from loaders.reading import SUFFIXES
from loaders.record import to_dict

__all__ = ["Preview", "load", "preview", "safe_name", "save_upload", "upload_dir"]


@dataclass(frozen=True, slots=True)
class Preview:
    name: str
    record: dict[str, Any] | None = None
    warnings: tuple[str, ...] = ()
    error: str | None = None


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
    return str(reason or exc) or type(exc).__name__


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
