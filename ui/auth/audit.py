"""The record of actions: one JSON line per action (who, what, on which document, when), appended to
``KG_AUDIT_LOG`` (``data/audit-log.jsonl``, mode 0600). The app only ever appends (``O_APPEND``: concurrent
sessions cannot interleave within a line); nothing here rewrites or deletes a line.

>>> import tempfile, pathlib
>>> log = pathlib.Path(tempfile.mkdtemp()) / "audit.jsonl"
>>> append(log, Entry("an", "nap", "1050/QĐ-SCT", document="lao-cai:1050/QĐ-SCT:2026", confidentiality="mat"))
>>> [(e.who, e.action, e.target) for e in read(log)]
[('an', 'nap', '1050/QĐ-SCT')]
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

__all__ = ["ACTION_NAMES", "Entry", "append", "read"]

ACTION_NAMES: dict[str, str] = {
    "dang-nhap": "Đăng nhập",
    "dang-nhap-sai": "Đăng nhập sai",
    "dang-xuat": "Đăng xuất",
    "nap": "Nạp văn bản",
    "go": "Gỡ văn bản",
    "sua": "Sửa dữ kiện",
    "chap-nhan": "Chấp nhận",
    "xuat": "Tải xuống",
    "tu-choi": "Bị từ chối",
}


@dataclass(frozen=True, slots=True)
class Entry:
    who: str
    action: str  # a key of ACTION_NAMES
    target: str = ""  # what it was done to, as a person reads it (a document number, a file name)
    document: str | None = None  # the document's uid, when the action concerns one
    confidentiality: str | None = None  # that document's mark: a reader below it does not see the line
    detail: str = ""
    at: str = field(default_factory=lambda: datetime.now().astimezone().isoformat(timespec="seconds"))


def append(path: Path, entry: Entry) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(asdict(entry), ensure_ascii=False) + "\n"
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, line.encode("utf-8"))
    finally:
        os.close(fd)


def read(path: Path) -> list[Entry]:
    """Every entry, oldest first (a line that is not an entry is skipped: the file is append-only, not ours
    alone to repair)."""
    if not path.is_file():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entries.append(Entry(**json.loads(line)))
        except (ValueError, TypeError):
            continue
    return entries
