"""What the Quản trị page shows and does: the record of actions a reader may see, the accounts, and removing a
document from the store (with the link pass and a refresh after it). Every action is recorded."""

from __future__ import annotations

from dataclasses import dataclass

from common.settings import settings
from graph.link import relink
from graph.store import GraphStore
from loaders.extract.marks import CONFIDENTIALITY_NAMES, rank
from ui.auth import audit
from ui.auth.accounts import AccountFile
from ui.auth.roles import ROLE_NAMES
from ui.auth.session import record
from ui.store import refresh, source_store

__all__ = ["AccountRow", "LogRow", "account_rows", "log_rows", "record_document", "remove_document"]


@dataclass(frozen=True, slots=True)
class LogRow:
    at: str
    who: str
    action: str
    target: str
    detail: str


@dataclass(frozen=True, slots=True)
class AccountRow:
    name: str
    role: str
    clearance: str
    state: str


def _mark_of(store: GraphStore, uid: str) -> str | None:
    rows = store.read("MATCH (d:Document {uid: $u}) RETURN d.confidentiality AS c", {"u": uid})
    return str(rows[0]["c"]) if rows and rows[0]["c"] else None


def record_document(action: str, uid: str, label: str, *, detail: str = "", who: str | None = None) -> None:
    """Record an action on one document, with its mark (so readers below the mark do not see the line)."""
    record(action, label, document=uid, confidentiality=_mark_of(source_store(), uid), detail=detail, who=who)


def read_log_rows(entries: list[audit.Entry], clearance: str) -> list[LogRow]:
    """The entries a reader cleared to ``clearance`` may see, newest first, in Vietnamese."""
    shown = [e for e in entries if rank(e.confidentiality) <= rank(clearance)]
    return [
        LogRow(e.at.replace("T", " ")[:19], e.who, audit.ACTION_NAMES.get(e.action, e.action), e.target, e.detail)
        for e in reversed(shown)
    ]


def log_rows(clearance: str) -> list[LogRow]:
    return read_log_rows(audit.read(settings().audit_log), clearance)


def account_rows() -> list[AccountRow]:
    return [
        AccountRow(
            a.name,
            ROLE_NAMES.get(a.role, a.role),
            CONFIDENTIALITY_NAMES.get(a.clearance, a.clearance),
            "đã khóa" if a.disabled else "đang dùng",
        )
        for a in AccountFile(settings().accounts_file).all().values()
    ]


def remove_document(uid: str, label: str) -> None:
    """Remove a loaded document's facts from the store (a stub stays where others cite it), relink, refresh."""
    store = source_store()
    mark = _mark_of(store, uid)
    store.delete_document(uid)
    relink(store)
    refresh()
    record("go", label, document=uid, confidentiality=mark)
