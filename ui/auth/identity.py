"""The seam for where identities come from. The app asks an :class:`IdentityProvider` to check a name and a
password; :class:`~ui.auth.accounts.LocalAccounts` (the accounts file) is the only one today. A directory
(LDAP) or single sign-on provider would be another class with the same method, chosen in
:func:`ui.auth.session.provider`; everything after sign-in (roles, clearance, the record of actions) only sees
the :class:`Identity` it returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

__all__ = ["Identity", "IdentityProvider"]


@dataclass(frozen=True, slots=True)
class Identity:
    """Who signed in, and what they may do and see."""

    name: str
    role: str  # a key of ui.auth.roles.ROLES
    clearance: str  # a level of loaders.extract.marks.CONFIDENTIALITY


class IdentityProvider(Protocol):
    def authenticate(self, name: str, password: str) -> Identity | None:
        """The identity of ``name`` if ``password`` is right and the account may sign in, else ``None``."""
        ...
