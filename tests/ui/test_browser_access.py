"""Binding and sign-in with a real server and browser: ``make run``'s command listens on 127.0.0.1 only; bound
to another address the app asks for sign-in by itself; signed in through Chromium, each role's menu holds its
pages only, and typing the address of another page does not open it."""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page
from playwright.sync_api import expect as pw_expect

from tests.ui.test_browser import TIMEOUT_MS, _free_port, _wait_healthy
from ui.auth.accounts import AccountFile
from ui.auth.roles import ROLES
from ui.navigation import PAGES, pages_for

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "mật khẩu thử nghiệm"


def _make_run_command(port: int, *assignments: str) -> list[str]:
    """The command ``make run`` would run to start the app (``make -n``), on ``port``, through this Python."""
    lines = subprocess.run(
        ["make", "-n", "run", f"PORT={port}", *assignments], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    words = shlex.split(next(line for line in lines if " -m ui " in line))
    return [sys.executable, *words[1:]]


def _listening(port: int) -> list[str]:
    """The local addresses a socket listens on at ``port`` (``ss -ltn``)."""
    out = subprocess.run(["ss", "-Hltn", f"sport = :{port}"], capture_output=True, text=True, check=True).stdout
    return sorted(line.split()[3].rsplit(":", 1)[0] for line in out.splitlines() if line.strip())


def _other_address() -> str | None:
    """This machine's address on its network (not loopback), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.123", 9))  # no packet is sent: this only picks the outgoing interface
            address = str(s.getsockname()[0])
        except OSError:
            return None
    return None if address.startswith("127.") else address


def _start(command: list[str], env: dict[str, str], log: Path, url: str) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    _wait_healthy(url, server, log)
    return server


def _stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


@pytest.fixture(scope="module")
def accounts_env(sample_graph: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("access")
    book = AccountFile(folder / "accounts.json")
    for role in ROLES:
        book.add(role, role, "thuong", PASSWORD)
    return {**os.environ, "KG_STORE": sample_graph.url, "KG_UPLOAD_DIR": str(sample_graph.uploads),
            "KG_ACCOUNTS_FILE": str(book.path), "KG_AUDIT_LOG": str(folder / "audit-log.jsonl")}  # fmt: skip


def test_make_run_listens_on_loopback_only(accounts_env: dict[str, str], tmp_path: Path) -> None:
    port = _free_port()
    command = _make_run_command(port)
    assert command[command.index("--server.address") + 1] == "127.0.0.1"
    server = _start(command, accounts_env, tmp_path / "run.log", f"http://127.0.0.1:{port}")
    try:
        assert _listening(port) == ["127.0.0.1"]
        other = _other_address()
        assert other, "this machine has no address but loopback: the check below would prove nothing"
        with pytest.raises(OSError), socket.create_connection((other, port), timeout=3):
            pass
    finally:
        _stop(server)


def test_bound_to_every_interface_the_app_asks_for_sign_in(
    accounts_env: dict[str, str],
    browser: Browser,
    tmp_path: Path,
) -> None:
    port = _free_port()
    command = _make_run_command(port, "HOST=0.0.0.0")
    env = {k: v for k, v in accounts_env.items() if k != "KG_AUTH"}  # KG_AUTH unset: auto
    server = _start(command, env, tmp_path / "run.log", f"http://127.0.0.1:{port}")
    try:
        assert _listening(port) == ["0.0.0.0"]
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{port}/")
        pw_expect(page.locator("h1", has_text="Đăng nhập")).to_be_visible(timeout=TIMEOUT_MS)
        pw_expect(page.locator("h1", has_text="Tổng quan")).to_have_count(0)
        page.close()
    finally:
        _stop(server)


@pytest.fixture(scope="module")
def signed_url(accounts_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path_factory.mktemp("signed") / "streamlit.log"
    server = _start(_make_run_command(port), {**accounts_env, "KG_AUTH": "always"}, log, url)
    yield url
    _stop(server)


def _sign_in(page: Page, url: str, name: str) -> None:
    page.goto(url)
    pw_expect(page.locator("h1", has_text="Đăng nhập")).to_be_visible(timeout=TIMEOUT_MS)
    page.get_by_label("Tên tài khoản").fill(name)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    pw_expect(page.locator("h1", has_text="Tổng quan")).to_be_visible(timeout=TIMEOUT_MS)


@pytest.mark.parametrize("role", list(ROLES))
def test_each_role_sees_only_its_pages_in_the_browser(
    browser: Browser,
    signed_url: str,
    role: str,
) -> None:
    page = browser.new_page()
    _sign_in(page, signed_url, role)
    nav = page.locator("[data-testid=stSidebarNav] a")
    pw_expect(nav.first).to_be_visible()
    shown = sorted(t.strip().splitlines()[-1] for t in nav.all_inner_texts())  # the icon's name comes first
    assert shown == sorted(p.title for p in pages_for(role).values())
    pw_expect(page.get_by_text(f"Tài khoản: {role}")).to_be_visible()
    page.close()


def test_a_leader_typing_the_upload_address_gets_no_upload(browser: Browser, signed_url: str) -> None:
    page = browser.new_page()
    _sign_in(page, signed_url, "lanh-dao")
    # typing an address opens a new session: sign in again, then the page the role lacks is not registered
    page.goto(f"{signed_url}/{PAGES['document_upload'].url_path}")
    pw_expect(page.locator("h1", has_text="Đăng nhập")).to_be_visible(timeout=TIMEOUT_MS)  # a new session
    page.get_by_label("Tên tài khoản").fill("lanh-dao")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    pw_expect(page.locator("[data-testid=stSidebarNav]")).to_be_visible(timeout=TIMEOUT_MS)
    pw_expect(page.locator("h1", has_text="Nạp văn bản")).to_have_count(0)
    pw_expect(page.locator("[data-testid=stFileUploader]")).to_have_count(0)
    page.close()
