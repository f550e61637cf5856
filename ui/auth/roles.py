"""The app's roles and what each may do. Each role can do what the one before it can, and more:
``lanh-dao`` (leaders: read the cascade, overview, gaps) → ``phan-tich`` (plus the Cypher console and saved
queries) → ``kiem-tra`` (plus reports, review and corrections) → ``quan-tri`` (plus upload, removal, accounts
and the record of actions).

>>> allowed("lanh-dao", Permission.QUERY), allowed("phan-tich", Permission.QUERY)
(False, True)
>>> allowed("khach", Permission.VIEW)
False
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["ROLES", "ROLE_NAMES", "Permission", "allowed", "permissions"]


class Permission(StrEnum):
    VIEW = "xem"  # overview, cascade map, document, organ, gaps and their downloads
    QUERY = "truy-van"  # saved queries and the Cypher console
    REVIEW = "kiem-tra"  # reports, the review queue, corrections
    UPLOAD = "nap"  # upload and load documents
    REMOVE = "go"  # remove a document from the store
    ADMIN = "quan-tri"  # accounts and the record of actions


ROLES: dict[str, frozenset[Permission]] = {}
_ladder: list[tuple[str, set[Permission]]] = [
    ("lanh-dao", {Permission.VIEW}),
    ("phan-tich", {Permission.QUERY}),
    ("kiem-tra", {Permission.REVIEW}),
    ("quan-tri", {Permission.UPLOAD, Permission.REMOVE, Permission.ADMIN}),
]
_held: set[Permission] = set()
for _role, _more in _ladder:
    _held |= _more
    ROLES[_role] = frozenset(_held)

ROLE_NAMES: dict[str, str] = {
    "lanh-dao": "Lãnh đạo",
    "phan-tich": "Phân tích",
    "kiem-tra": "Kiểm tra",
    "quan-tri": "Quản trị",
}


def permissions(role: str) -> frozenset[Permission]:
    """What ``role`` may do (nothing for a role this code does not know)."""
    return ROLES.get(role, frozenset())


def allowed(role: str, permission: Permission) -> bool:
    return permission in permissions(role)
