"""Sign-in in the Streamlit app: when it is needed, the form, the signed-in identity, and :func:`require`, the
server-side check every page and every action makes.

Sign-in is needed whenever the server is bound to an address other than loopback (``server.address``; an
empty one means every interface) or ``KG_AUTH=always``. Otherwise the app is reachable from this machine only
and its one user is the operator (:data:`OPERATOR`: every role, every clearance). A signed-in session ends
after ``KG_SESSION_MINUTES`` without activity, and at sign-out; a new browser tab signs in again.
"""

from __future__ import annotations

import ipaddress
import time

import streamlit as st

from common.settings import settings
from loaders.extract.marks import CONFIDENTIALITY, CONFIDENTIALITY_NAMES
from ui.auth import audit
from ui.auth.accounts import AccountFile, LocalAccounts
from ui.auth.identity import Identity, IdentityProvider
from ui.auth.roles import ROLE_NAMES, Permission, allowed
from ui.auth.throttle import Throttle

__all__ = [
    "OPERATOR",
    "AccessDenied",
    "current",
    "is_loopback",
    "provider",
    "record",
    "require",
    "sign_in_form",
    "sign_in_required",
    "sign_out",
    "who_box",
]

OPERATOR = Identity("người vận hành", "quan-tri", CONFIDENTIALITY[-1])
_KEY = "auth_identity"
_SEEN = "auth_last_seen"
DENIED = "Tài khoản của bạn không được dùng chức năng này."


class AccessDenied(PermissionError):
    """An action the signed-in account's role does not allow (raised where ``st.stop`` cannot reach)."""


def is_loopback(address: str | None) -> bool:
    """True when a server bound to ``address`` answers this machine only.

    >>> [is_loopback(a) for a in ("127.0.0.1", "::1", "localhost", "", None, "0.0.0.0", "192.168.1.5")]
    [True, True, True, False, False, False, False]
    """
    if not address:
        return False  # Streamlit's default: every interface
    if address.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip().strip("[]")).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve to anything


def sign_in_required() -> bool:
    return settings().auth == "always" or not is_loopback(str(st.get_option("server.address") or ""))


def provider() -> IdentityProvider:
    """Where identities come from: the accounts file (replace here to use another provider)."""
    return LocalAccounts(AccountFile(settings().accounts_file))


@st.cache_resource
def _throttle() -> Throttle:
    return Throttle()


def _client() -> str:
    try:
        return str(st.context.ip_address or "không rõ")
    except (AttributeError, RuntimeError):
        return "không rõ"


def current() -> Identity | None:
    """Who uses this session: the signed-in identity, the operator when no sign-in is needed, or ``None``."""
    if not sign_in_required():
        return OPERATOR
    identity = st.session_state.get(_KEY)
    if not isinstance(identity, Identity):
        return None
    now = time.monotonic()
    if now - float(st.session_state.get(_SEEN, 0)) > settings().session_minutes * 60:
        _forget()
        st.session_state["auth_expired"] = True
        return None
    st.session_state[_SEEN] = now
    return identity


def _forget() -> None:
    for key in (_KEY, _SEEN):
        st.session_state.pop(key, None)


def record(action: str, target: str = "", *, document: str | None = None,
           confidentiality: str | None = None, detail: str = "", who: str | None = None) -> None:  # fmt: skip
    """Append an action of this session's user to the record of actions."""
    identity = current()
    name = who or (identity.name if identity else "chưa đăng nhập")
    entry = audit.Entry(name, action, target, document, confidentiality, detail)
    audit.append(settings().audit_log, entry)


def require(permission: Permission, *, stop: bool = True) -> Identity:
    """The session's identity if its role allows ``permission``; otherwise the refusal is recorded and the
    script stops (``stop``) or :class:`AccessDenied` is raised. Every page calls it first, every action again."""
    identity = current()
    if identity is not None and allowed(identity.role, permission):
        return identity
    record("tu-choi", permission.value)
    if stop:
        st.error(DENIED if identity else "Phiên làm việc đã hết hạn hoặc chưa đăng nhập.", icon=":material/block:")
        st.stop()
    raise AccessDenied(DENIED)


def sign_in_form() -> None:
    """The sign-in page (drawn instead of the app when no one is signed in)."""
    st.title("Đăng nhập")
    if st.session_state.pop("auth_expired", False):
        st.info("Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.")
    with st.form("sign_in"):
        name = st.text_input("Tên tài khoản", key="sign_in_name")
        password = st.text_input("Mật khẩu", type="password", key="sign_in_password")
        submitted = st.form_submit_button("Đăng nhập", type="primary")
    if not submitted:
        return
    name, client, now = name.strip().lower(), _client(), time.time()
    wait = _throttle().locked_for(name, client, now)
    if wait:
        st.error(f"Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {(wait + 59) // 60} phút.")
        return
    identity = provider().authenticate(name, password)
    if identity is None:
        _throttle().failed(name, client, now)
        record("dang-nhap-sai", name, who=name or "không tên", detail=f"máy {client}")
        st.error("Tên tài khoản hoặc mật khẩu không đúng.")
        return
    _throttle().succeeded(name)
    st.session_state[_KEY], st.session_state[_SEEN] = identity, time.monotonic()
    record("dang-nhap", name, detail=f"máy {client}")
    st.rerun()


def sign_out() -> None:
    record("dang-xuat")
    _forget()
    st.rerun()


def who_box(identity: Identity) -> None:
    """The sidebar's line about who is signed in, and the sign-out button."""
    if not sign_in_required():
        st.caption("Chỉ mở trên máy này (không cần đăng nhập).")
        return
    level = CONFIDENTIALITY_NAMES.get(identity.clearance, identity.clearance)
    st.caption(f"Tài khoản: {identity.name} — {ROLE_NAMES.get(identity.role, identity.role)}; được xem: {level}")
    if st.button("Đăng xuất", key="sign_out"):
        sign_out()
