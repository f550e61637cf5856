"""Who is acting (correcting, accepting, removing): asked once per session.

:func:`person` is the one place the app learns the name: the signed-in account's where the app asks for sign-in
(then :func:`ask_person` has nothing to ask), else the name typed once per session.
"""

from __future__ import annotations

import streamlit as st

from ui.auth.session import current, sign_in_required
from ui.components.text import plain

__all__ = ["ask_person", "person"]

_KEY = "reviewer_name"


def person() -> str | None:
    """The signed-in account's name where the app asks for sign-in; else the name given once (``None`` until
    then)."""
    if sign_in_required() and (identity := current()) is not None:
        return identity.name
    name = st.session_state.get(_KEY)
    return str(name).strip() or None if name else None


def ask_person() -> str | None:
    """The person's name, asked on the first act of the session and remembered for the rest of it."""
    if name := person():
        st.caption(f"Người rà soát: {plain(name)}")
        return name
    typed = st.text_input("Họ và tên người rà soát (hỏi một lần trong phiên làm việc)", key="reviewer_name_input")
    if st.button("Xác nhận tên", key="reviewer_name_ok") and typed.strip():
        st.session_state[_KEY] = " ".join(typed.split())
        st.rerun()
    return None
