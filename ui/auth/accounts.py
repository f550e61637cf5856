"""The app's accounts, in one local JSON file (``KG_ACCOUNTS_FILE``, ``data/accounts.json``), mode 0600:
a name, a role, a clearance and an argon2id hash of the password (``argon2-cffi``). Passwords are never stored
or logged; ``python -m ui.accounts`` reads them from a prompt or standard input, never from an argument.

>>> import tempfile, pathlib
>>> book = AccountFile(pathlib.Path(tempfile.mkdtemp()) / "accounts.json")
>>> book.add("an", "lanh-dao", "thuong", "một mật khẩu dài")
>>> LocalAccounts(book).authenticate("an", "một mật khẩu dài")
Identity(name='an', role='lanh-dao', clearance='thuong')
>>> LocalAccounts(book).authenticate("an", "sai") is None
True
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, replace
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from common.errors import DirectiveGraphError
from loaders.extract.marks import CONFIDENTIALITY
from ui.auth.identity import Identity
from ui.auth.roles import ROLES

__all__ = ["MIN_PASSWORD", "Account", "AccountError", "AccountFile", "LocalAccounts"]

MIN_PASSWORD = 10
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
_HASHER = PasswordHasher()  # argon2id with the library's current parameters


@cache
def _dummy() -> str:
    """A hash to check an unknown name against, so that it costs the same time as a wrong password (made on the
    first sign-in, not when the app starts: a hash takes a tenth of a second by design)."""
    return _HASHER.hash("không phải mật khẩu của ai")


class AccountError(DirectiveGraphError, ValueError):
    """An account that cannot be created or changed as asked; the message says why."""


@dataclass(frozen=True, slots=True)
class Account:
    name: str
    role: str
    clearance: str
    hash: str
    disabled: bool = False


class AccountFile:
    """The accounts file: read on every call (another process may have changed it), written atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def all(self) -> dict[str, Account]:
        if not self.path.is_file():
            return {}
        data = json.loads(self.path.read_text(encoding="utf-8"))
        return {name: Account(name=name, **fields) for name, fields in data.get("accounts", {}).items()}

    def get(self, name: str) -> Account | None:
        return self.all().get(name)

    def add(self, name: str, role: str, clearance: str, password: str) -> None:
        if not _NAME.match(name):
            raise AccountError(f"tên tài khoản {name!r} không hợp lệ: 2–40 ký tự a-z, 0-9, dấu chấm, gạch")
        if name in self.all():
            raise AccountError(f"tài khoản {name!r} đã có")
        self._check(role, clearance)
        if len(password) < MIN_PASSWORD:
            raise AccountError(f"mật khẩu phải dài ít nhất {MIN_PASSWORD} ký tự")
        self._save({**self.all(), name: Account(name, role, clearance, _HASHER.hash(password))})

    def change(self, name: str, *, role: str | None = None, clearance: str | None = None,
               password: str | None = None, disabled: bool | None = None) -> None:  # fmt: skip
        accounts = self.all()
        if name not in accounts:
            raise AccountError(f"không có tài khoản {name!r}")
        old = accounts[name]
        new = replace(old, role=role or old.role, clearance=clearance or old.clearance,
                      disabled=old.disabled if disabled is None else disabled)  # fmt: skip
        self._check(new.role, new.clearance)
        if password is not None:
            if len(password) < MIN_PASSWORD:
                raise AccountError(f"mật khẩu phải dài ít nhất {MIN_PASSWORD} ký tự")
            new = replace(new, hash=_HASHER.hash(password))
        self._save({**accounts, name: new})

    def remove(self, name: str) -> None:
        accounts = self.all()
        if accounts.pop(name, None) is None:
            raise AccountError(f"không có tài khoản {name!r}")
        self._save(accounts)

    @staticmethod
    def _check(role: str, clearance: str) -> None:
        if role not in ROLES:
            raise AccountError(f"vai trò {role!r} không có; chọn một trong: {', '.join(ROLES)}")
        if clearance not in CONFIDENTIALITY:
            raise AccountError(
                f"mức được xem {clearance!r} không có; chọn một trong: {', '.join(CONFIDENTIALITY)}"
            )

    def _save(self, accounts: dict[str, Account]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"accounts": {n: {k: v for k, v in asdict(a).items() if k != "name"} for n, a in accounts.items()}}
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".accounts-")  # created 0600
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False, indent=1)
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


class LocalAccounts:
    """The :class:`~ui.auth.identity.IdentityProvider` of the accounts file."""

    def __init__(self, book: AccountFile) -> None:
        self.book = book

    def authenticate(self, name: str, password: str) -> Identity | None:
        account = self.book.get(name)
        try:
            _HASHER.verify(account.hash if account else _dummy(), password)
        except (VerificationError, InvalidHashError):
            return None
        if account is None or account.disabled:
            return None
        if _HASHER.check_needs_rehash(account.hash):
            self.book.change(name, password=password)
        return Identity(account.name, account.role, account.clearance)
