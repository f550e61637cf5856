"""Issue 14 in a real browser: on a store of its own (the session's sample graph stays untouched), the review
page corrects a task's lead organ and a document's parent; everything is reloaded from the files with
``python -m graph load``; the corrections stand and are shown as corrected. A document uploaded and then removed
leaves the overview's counts as they were. And the app started with ``streamlit run`` exits cleanly on SIGTERM,
leaving no server process behind."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from playwright.sync_api import expect as pw_expect

from graph.ingest import load_paths
from graph.store import GraphStore, open_store
from tests.conftest import short_tmpdir
from tests.ui.test_browser import TIMEOUT_MS, _free_port, _settle, _shot, _wait_healthy
from ui.navigation import PAGES

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SEED_80 = ROOT / "data" / "documents" / "000_a85277af82c186c2.txt"
SEED_60 = ROOT / "data" / "documents" / "001_0da2381aa2498f94.txt"
LEAD = "Ban Tuyên giáo Tỉnh ủy Bình Định"


@dataclass(frozen=True)
class App:
    url: str
    store_url: str
    store: GraphStore
    documents: Path
    env: dict[str, str]


def _start(env: dict[str, str], log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
               "--server.port", str(port), "--server.headless", "true",
               "--browser.gatherUsageStats", "false"]  # fmt: skip
    with log.open("wb") as out:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    _wait_healthy(url, server, log)
    return server, url


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    base = tmp_path_factory.mktemp("review")
    documents = base / "documents"
    documents.mkdir()
    shutil.copy(SEED_80, documents / SEED_80.name)  # 80-KH/ĐUK alone; 60-KH/TU is uploaded and removed
    store_dir = short_tmpdir("kg-rev-")
    store_url = f"embedded:{store_dir}"
    env = {**os.environ, "KG_STORE": store_url, "KG_UPLOAD_DIR": str(base / "uploads"),
           "KG_CORRECTIONS_DIR": str(base / "corrections")}  # fmt: skip
    with pytest.MonkeyPatch.context() as patch:  # this process loads with them too; later tests do not
        for name in ("KG_UPLOAD_DIR", "KG_CORRECTIONS_DIR"):
            patch.setenv(name, env[name])
        store = open_store(store_url)
        assert all(r.ok for r in load_paths([documents], store))
        server, url = _start(env, base / "streamlit.log")
        try:
            yield App(url, store_url, store, documents, env)
        finally:
            server.terminate()
            server.wait(timeout=30)
            store.close()
            shutil.rmtree(store_dir, ignore_errors=True)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1440, "height": 4000}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()


def _open(page: Page, app: App, key: str) -> None:
    page.goto(f"{app.url}/{PAGES[key].url_path}")
    pw_expect(page.locator("h1", has_text=PAGES[key].title)).to_be_visible()
    _settle(page)


def _loaded_count(page: Page, app: App) -> str:
    _open(page, app, "overview")
    metric = page.locator("[data-testid=stMetric]", has_text="Văn bản đã nạp").first
    return metric.locator("[data-testid=stMetricValue]").inner_text()


def _choose(page: Page, label: str, text: str) -> None:
    box = page.get_by_label(label).first
    box.click()
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    _settle(page)


def _correct(page: Page, fact: str, value: str) -> None:
    _choose(page, "Dữ kiện cần sửa", fact)
    page.get_by_label("Giá trị đúng", exact=False).last.fill(value)
    page.get_by_label("Lý do").last.fill("đọc sai khi quét")
    page.get_by_role("button", name="Lưu sửa").last.click()
    pw_expect(page.get_by_text("Đã sửa:", exact=False).first).to_be_visible()
    _settle(page)


def test_corrections_made_on_the_review_page_survive_a_reload_and_show_as_corrected(page: Page, app: App) -> None:
    _open(page, app, "review")
    pw_expect(page.get_by_text("Hàng đợi rà soát")).to_be_visible()
    page.get_by_label("Họ và tên người rà soát", exact=False).fill("Nguyễn Văn A")
    page.get_by_role("button", name="Xác nhận tên").click()
    pw_expect(page.get_by_text("Người rà soát: Nguyễn Văn A")).to_be_visible()
    page.get_by_label("Văn bản cần sửa").fill("80-KH")
    page.keyboard.press("Enter")
    _settle(page)
    _correct(page, "Nhiệm vụ II.1.p1 · cơ quan chủ trì", LEAD)
    _correct(page, "Văn bản · văn bản cấp trên", "11-KH/TW")
    reload = subprocess.run([sys.executable, "-m", "graph", "load", str(app.documents), "--store", app.store_url],
                            cwd=ROOT, env=app.env, capture_output=True, text=True, timeout=600)  # fmt: skip
    assert reload.returncode == 0, reload.stderr
    assert "2 corrected" in reload.stdout
    lead = app.store.read("MATCH (t:Task {path: 'II.1.p1'})-[:ASSIGNED_TO {role: 'lead'}]->(o) "
                          "RETURN o.name AS name, t.corrected_by AS by")  # fmt: skip
    assert lead == [{"name": LEAD, "by": "Nguyễn Văn A"}]
    _open(page, app, "review")
    page.get_by_role("button", name="Làm mới dữ liệu").click()
    _settle(page)
    pw_expect(page.locator("[role=gridcell]", has_text="nhiệm vụ II.1.p1").first).to_be_attached()
    _shot(page, "review")
    uid = app.store.read("MATCH (d:Document {symbol: '80-KH/ĐUK'}) RETURN d.uid AS u")[0]["u"]
    page.goto(f"{app.url}/{PAGES['document'].url_path}?uid={uid}")
    pw_expect(page.get_by_text("Rà soát — nhiệm vụ II.1.p1: đã sửa cơ quan chủ trì", exact=False)).to_be_visible()
    pw_expect(page.get_by_text("Rà soát — văn bản: đã sửa văn bản cấp trên", exact=False)).to_be_visible()


def test_a_document_uploaded_then_removed_leaves_the_counts_as_they_were(page: Page, app: App) -> None:
    before = _loaded_count(page, app)
    _open(page, app, "document_upload")
    page.locator("input[type=file]").set_input_files(str(SEED_60))
    _settle(page)
    page.get_by_role("button", name="Nạp 1 tệp vào kho").click()
    pw_expect(page.get_by_text("Đã nạp 1/1 tệp", exact=False)).to_be_visible()
    assert _loaded_count(page, app) != before
    _open(page, app, "review")
    if page.get_by_label("Họ và tên người rà soát", exact=False).count():
        page.get_by_label("Họ và tên người rà soát", exact=False).fill("Trần Thị B")
        page.get_by_role("button", name="Xác nhận tên").click()
        _settle(page)
    page.get_by_label("Văn bản cần gỡ bỏ").fill("60-KH/TU")
    page.keyboard.press("Enter")
    _settle(page)
    page.get_by_label("Lý do gỡ bỏ").fill("nạp nhầm")
    page.get_by_text("Tôi chắc chắn muốn gỡ bỏ", exact=False).click()
    _settle(page)
    page.get_by_role("button", name="Gỡ bỏ văn bản").click()
    pw_expect(page.get_by_text("Đã gỡ bỏ 60-KH/TU", exact=False)).to_be_visible()
    assert _loaded_count(page, app) == before
    assert list((Path(app.env["KG_UPLOAD_DIR"])).glob("*.txt")) == []  # the upload went with it


def _server_processes(data_dir: str) -> list[int]:
    """redis-server / java processes whose command line names ``data_dir``."""
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if data_dir in cmd and ("redis" in cmd or "java" in cmd or "leases" in cmd):
                found.append(int(proc.name))
    return found


@pytest.mark.parametrize("kind", ["embedded", "arcadedb"])
def test_the_app_exits_on_sigterm_and_leaves_no_server(kind: str, tmp_path: Path, browser: Browser) -> None:
    data_dir = str(short_tmpdir(f"kg-term-{kind[:3]}-"))
    env = {**os.environ, "KG_STORE": f"{kind}:{data_dir}", "KG_UPLOAD_DIR": str(tmp_path / "u")}
    server, url = _start(env, tmp_path / "streamlit.log")
    context = browser.new_context()
    view = context.new_page()
    view.goto(url)  # a page view opens the store
    pw_expect(view.locator("h1", has_text="Tổng quan")).to_be_visible(timeout=120_000)
    context.close()
    # FalkorDB runs as a child process; ArcadeDB's JVM runs inside the app (jpype): its files show it opened
    opened = _server_processes(data_dir) if kind == "embedded" else list(Path(data_dir).iterdir())
    assert opened, "the app never opened its store"
    started = time.monotonic()
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=60)  # the bound: ~1–15 s measured; a hanging JVM took 95 s before
    took = time.monotonic() - started
    deadline = time.monotonic() + 15
    while _server_processes(data_dir) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _server_processes(data_dir) == [], (tmp_path / "streamlit.log").read_text(errors="replace")
    assert took < 60
    shutil.rmtree(data_dir, ignore_errors=True)
