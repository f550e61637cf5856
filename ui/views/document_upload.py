"""What the upload page (Nạp văn bản) does: parse an uploaded file for a preview, then save and load a batch
into the store.

A file is parsed before anything is written, and a file that does not load is never kept; one bad file becomes
an error on its own row and the others still load; a file with no sign of being a directive waits for the
user's confirmation. The link pass runs once, after the batch. Files are kept owner-only under
``KG_UPLOAD_DIR`` (default ``data/uploads``, apart from the sample documents the tests load) so the Document's
``source_path`` keeps pointing at the original.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import tempfile
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st

from common.glossary import vi_message
from common.private import private_dir, write_private
from common.settings import settings
from graph.ingest import LoadResult, load_file
from graph.link import relink
from graph.store import GraphStore
from loaders.organs import load_gazetteer
from loaders.pipeline import parse_file
from loaders.reading import SUFFIXES
from loaders.record import to_dict
from ui.store import refresh, source_store
from ui.views.load_failures import vietnamese_reason
from ui.views.rows import vi_date

__all__ = [
    "ACCEPTED_TEXT",
    "ACCEPTED_TYPES",
    "NAME_BYTES",
    "NOT_CONFIRMED",
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
        """Plain text (the page shows it as text, never as markdown)."""
        record = self.record or {}
        number = record.get("number") or "(không đọc được số, ký hiệu)"
        issuer = record.get("issuer") or "chưa rõ cơ quan ban hành"
        day = vi_date(record.get("date")) or "chưa rõ ngày"
        return f"{record.get('type_name') or 'Văn bản'} {number} · {issuer} · {day}"

    @property
    def looks_like_directive(self) -> bool:
        """A number, a date, a section or a task with an organ or a deadline: some sign of a directive. A note
        with none of them is loaded only once the user confirms it."""
        record = self.record or {}
        tasks = record.get("tasks") or ()
        return bool(
            record.get("number")
            or record.get("date")
            or record.get("sections")
            or any(t.get("lead") or t.get("deadline") for t in tasks)
        )

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


NAME_BYTES = 255  # the longest file name Linux and macOS take, in bytes of UTF-8
PATH_BYTES = 4095  # the longest path Linux takes (PATH_MAX less the final NUL)
_UNIQUE = len("-12345678")  # kept free in every name for the hash that tells two files of one name apart
_LONGEST_SUFFIX = max(len(s) for s in SUFFIXES)


def safe_name(name: str, folder: Path | None = None) -> str:
    r"""The file name without any folder part (an upload never writes outside the upload folder), printable,
    NFC, and short enough to save: at most ``NAME_BYTES`` bytes of UTF-8 and, in ``folder``, a path under
    ``PATH_BYTES``, with room left for the hash :func:`save_upload` may add. The extension is kept and the
    name is cut between characters (a 206-character Vietnamese name is ~480 bytes).

    >>> safe_name("../../etc/passwd.txt"), safe_name("a\tb\x00.md"), safe_name("..")
    ('passwd.txt', 'a b .md', 'van-ban.txt')
    >>> name = safe_name("Kế hoạch " * 30 + ".docx")
    >>> len(name.encode()) <= 255 - 9, name.endswith(".docx"), name.startswith("Kế hoạch")
    (True, True, True)
    """
    base = unicodedata.normalize("NFC", name.replace("\\", "/")).rsplit("/", 1)[-1]
    base = " ".join("".join(c if c.isprintable() else " " for c in base).split()).lstrip(".")
    if not base or (base.startswith(tuple(SUFFIXES)) and base.lower() in SUFFIXES):
        base = "van-ban.txt" if not base else f"van-ban{base}"
    limit = NAME_BYTES - _UNIQUE
    if folder is not None:
        limit = min(limit, PATH_BYTES - len(os.fsencode(folder.resolve())) - 1 - _UNIQUE)
    return _fit(base, limit)


def _fit(name: str, limit: int) -> str:
    """``name`` cut to ``limit`` bytes of UTF-8, its extension kept, never inside a character."""
    if len(name.encode()) <= limit:
        return name
    suffix = Path(name).suffix if len(Path(name).suffix) <= _LONGEST_SUFFIX else ""
    stem = name[: len(name) - len(suffix)] if suffix else name
    room = max(limit - len(suffix.encode()), 1)
    cut = stem.encode()[:room].decode("utf-8", errors="ignore").rstrip(" .")
    return f"{cut or 'van-ban'}{suffix}"


def _check_suffix(name: str) -> str | None:
    if Path(name).suffix.lower() not in SUFFIXES:
        return f"Định dạng không được hỗ trợ: chỉ nhận {', '.join(SUFFIXES)}."
    return None


def preview(name: str, data: bytes) -> Preview:
    """The record the loader makes of ``data`` (parsed from a temporary copy; nothing is kept)."""
    name = safe_name(name)
    if problem := _check_suffix(name):
        return Preview(name, error=problem)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            record = parse_file(path, load_gazetteer())
        except Exception as exc:  # any failure of one file is shown on its row, never stops the page
            return Preview(name, error=vietnamese_reason(_message(exc)))
    return Preview(name, to_dict(record), tuple(record.warnings))


def _message(exc: Exception) -> str:
    reason = getattr(exc, "reason", None)
    return vi_message(str(reason or exc)) or "lỗi không rõ nguyên nhân"


def save_upload(name: str, data: bytes, folder: Path) -> tuple[Path, bool]:
    """Keep the upload under its own name, owner-only; a different file of the same name gets its hash
    appended. Returns the path and whether the file is new (a failed load removes only a new file)."""
    private_dir(folder)
    name = safe_name(name, folder)
    target = folder / name
    if target.exists():
        if target.is_file() and target.read_bytes() == data:
            return target, False
        digest = hashlib.sha256(data).hexdigest()[:8]
        target = folder / f"{Path(name).stem}-{digest}{Path(name).suffix}"
        if target.is_file() and target.read_bytes() == data:
            return target, False
    return write_private(target, data), True


def _load_one(
    name: str, data: bytes, store: GraphStore, folder: Path, confirmed: Collection[str] = ()
) -> LoadResult:
    """The loader's result for one upload, named by the uploaded file's name (not the saved path). A file
    that does not load is not kept; one with no sign of a directive loads only when ``confirmed``."""
    shown = safe_name(name)
    if problem := _check_suffix(shown):
        return LoadResult(shown, error=problem)
    first = preview(name, data)
    if first.error:
        return LoadResult(shown, error=first.error)  # refused before anything is written
    if not first.looks_like_directive and name not in confirmed:
        return LoadResult(shown, error=NOT_CONFIRMED)
    path, new = save_upload(name, data, folder)
    try:
        result = load_file(path, store)
    except Exception as exc:  # a store or reader failure on one file must not stop the batch
        result = LoadResult(str(path), error=_message(exc))
    if not result.ok and new:
        path.unlink(missing_ok=True)
    return dataclasses.replace(result, path=shown, error=vietnamese_reason(result.error))


NOT_CONFIRMED = "Tệp không có dấu hiệu của văn bản chỉ đạo; chưa được xác nhận nên không nạp."


def load(
    files: Sequence[tuple[str, bytes]], store: GraphStore, folder: Path, confirmed: Collection[str] = ()
) -> list[LoadResult]:
    """Save and load each file, then run the link pass once (when anything loaded)."""
    outcomes = [_load_one(name, data, store, folder, confirmed) for name, data in files]
    if any(o.ok for o in outcomes):
        relink(store)
    return outcomes


@st.cache_data(show_spinner="Đang đọc tệp…", max_entries=64)
def preview_upload(name: str, data: bytes) -> Preview:
    """:func:`preview`, cached by the file's name and bytes: reruns of the page do not parse it again."""
    return preview(name, data)


def load_uploads(files: Sequence[tuple[str, bytes]], confirmed: Collection[str] = ()) -> list[LoadedFile]:
    """Save, parse and write each file into the app's store, relink, then refresh every cached read."""
    outcomes = load(files, source_store(), upload_dir(), confirmed)
    if any(o.ok for o in outcomes):
        refresh()
    return [LoadedFile.of(o) for o in outcomes]
