"""The app in a real browser: ``streamlit run app.py`` on the sample graph, driven by Debian's Chromium through
Playwright. Every page renders, the cascade map draws its graph, a seed uploads and loads, a saved query
runs, a write is refused — and no request leaves the machine.

These tests fail (never skip) without ``/usr/bin/chromium``: ``make test`` installs it (``make chromium``).
Screenshots go to ``tests/artifacts/``; with ``UPDATE_SCREENSHOTS=1`` the README's two are refreshed in
``docs/screenshots/``.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Browser, BrowserContext, Download, Locator, Page, Playwright
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect as pw_expect

from ui.navigation import PAGES
from ui.warm import READY_LINE

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = ROOT / "tests" / "artifacts"
README_SHOTS = {"cascade_map": "so-do-chi-dao.png", "gaps": "khoang-trong.png"}
LOCAL = ("http://127.0.0.1", "http://localhost", "ws://127.0.0.1", "ws://localhost", "data:", "blob:", "about:")
BLOC = "Đảng ủy Khối các cơ quan tỉnh Bình Định"
SEED_80 = ROOT / "data" / "documents" / "000_a85277af82c186c2.txt"
TIMEOUT_MS = 30_000
pw_expect.set_options(timeout=TIMEOUT_MS)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_healthy(url: str, server: subprocess.Popen[bytes], log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"streamlit exited with {server.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"streamlit did not answer {url}/_stcore/health in {seconds:.0f} s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def app_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What the app of :func:`app_url` prints."""
    return tmp_path_factory.mktemp("streamlit") / "streamlit.log"


@pytest.fixture(scope="session")
def app_url(sample_graph: Any, app_log: Path) -> Iterator[str]:
    """The app as ``make run`` starts it (``python -m ui``, its modules preloaded) on a free local port, on the
    sample graph; stopped after the session."""
    port = _free_port()
    log = app_log
    env = {**os.environ, "KG_STORE": sample_graph.url, "KG_UPLOAD_DIR": str(sample_graph.uploads)}
    command = [sys.executable, "-m", "ui", "--server.address", "127.0.0.1",
               "--server.port", str(port), "--server.headless", "true",
               "--browser.gatherUsageStats", "false"]  # fmt: skip
    with log.open("wb") as out:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, server, log)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def test_the_app_reads_ahead_what_its_first_pages_need_once_it_runs(app_url: str, app_log: Path) -> None:
    """``ui.warm``: Tổng quan, the search list and the widest cascades' maps, computed before anyone asks;
    Streamlit's warning about a thread outside a page run is not shown for it."""
    deadline = time.monotonic() + 120
    while READY_LINE not in app_log.read_text("utf-8") and time.monotonic() < deadline:
        time.sleep(0.2)
    text = app_log.read_text("utf-8")
    assert READY_LINE in text, text
    assert "Không đọc trước được" not in text and "missing ScriptRunContext" not in text


def _launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


class Traffic:
    """Every URL the page asked for; anything off the machine is recorded and refused."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.offsite: list[str] = []

    def watch(self, context: BrowserContext) -> None:
        context.route("**/*", self._route)
        context.on("request", lambda request: self.seen.append(request.url))
        context.on("page", lambda page: page.on("websocket", lambda socket: self._check(socket.url)))

    def _check(self, url: str) -> bool:
        if url.startswith(LOCAL):
            return True
        self.offsite.append(url)
        return False

    def _route(self, route: Any) -> None:
        if self._check(route.request.url):
            route.continue_()
        else:
            route.abort()


@pytest.fixture
def page(browser: Browser, app_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1440, "height": 2200}, locale="vi-VN")
    traffic = Traffic()
    traffic.watch(context)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()
    assert traffic.seen, "the page made no request at all"
    assert traffic.offsite == [], f"requests left the machine: {traffic.offsite}"


def _open(page: Page, app_url: str, key: str) -> None:
    page.goto(f"{app_url}/{PAGES[key].url_path}")
    pw_expect(page.locator("h1", has_text=PAGES[key].title)).to_be_visible()
    _settle(page)


_BUSY = "[data-testid=stStatusWidget], [data-testid=stSkeleton]"


def _settle(page: Page) -> None:
    """Wait until the script run is over and every element is drawn (no status widget, no skeleton)."""
    page.wait_for_timeout(300)
    page.wait_for_function(f"() => !document.querySelector({_BUSY!r})", timeout=TIMEOUT_MS)
    page.wait_for_timeout(300)


def _shot(page: Page, name: str) -> Path:
    """The whole page to ``tests/artifacts/``; with ``UPDATE_SCREENSHOTS=1`` the README's copy (the page's
    content, without the empty space under it) to ``docs/screenshots/``."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    if os.environ.get("UPDATE_SCREENSHOTS") == "1" and name in README_SHOTS:
        target = ROOT / "docs" / "screenshots" / README_SHOTS[name]
        target.parent.mkdir(parents=True, exist_ok=True)
        page.locator("[data-testid=stMainBlockContainer]").screenshot(path=str(target))
    return path


def _in_grid(page: Page, text: str) -> None:
    pw_expect(page.locator("[role=gridcell]", has_text=text).first).to_be_attached()


# page key → texts it must show (headings, labels, tabs)
EXPECTED_TEXT = {
    "overview": ["Các chuỗi văn bản chỉ đạo", "Khoảng trống nổi bật", "Văn bản đã nạp"],
    "document": ["Vị trí trong chuỗi văn bản", "Số, ký hiệu"],
    "organ": ["Nhiệm vụ được giao", "Vị trí trong tổ chức"],
    "cypher_query": ["Truy vấn có sẵn", "Truy vấn tự do (chỉ đọc)"],
    "schema": ["Lược đồ dữ liệu", "Các mẫu trong kho"],
    "document_upload": ["Chọn tệp văn bản"],
}


@pytest.mark.parametrize("key", list(EXPECTED_TEXT))
def test_page_renders_in_vietnamese(page: Page, app_url: str, key: str) -> None:
    _open(page, app_url, key)
    for text in EXPECTED_TEXT[key]:
        pw_expect(page.get_by_text(text, exact=False).first).to_be_visible()
    pw_expect(page.locator("[data-testid=stException]")).to_have_count(0)
    pw_expect(page.get_by_text("Page not found")).to_have_count(0)
    _shot(page, key)


def test_cascade_map_draws_the_chosen_document(page: Page, app_url: str) -> None:
    _open(page, app_url, "cascade_map")
    search = page.get_by_label("Tìm nghị quyết, văn bản hoặc cơ quan", exact=False)
    search.fill("ke hoach 60")
    search.press("Enter")
    _settle(page)
    pw_expect(page.get_by_role("combobox", name="Kết quả")).to_have_value(re.compile("Kế hoạch 60-KH/TU"))
    frame = page.frame_locator("iframe").first
    pw_expect(frame.locator("#mynetwork canvas")).to_be_visible()
    graph = next(f for f in page.frames if f.evaluate("() => typeof network !== 'undefined'"))
    labels = graph.evaluate("() => network.body.data.nodes.get().map(n => n.label)")
    assert any("60-KH/TU" in label for label in labels)
    assert any("27-NQ/TW" in label for label in labels)
    pw_expect(frame.get_by_text("Chú giải")).to_be_visible()
    page.wait_for_timeout(800)  # the first frame of the canvas
    _shot(page, "cascade_map")


def _download(page: Page, button: Locator) -> Download:
    """The file a download button serves. The file is made on click; a click that lands while the page is still
    rerunning (seen once under load) is lost, so a second click is allowed, never more."""
    for attempt in (1, 2):
        pw_expect(button).to_be_enabled(timeout=90_000)  # disabled while the page reruns (the click records it)
        try:
            with page.expect_download(timeout=30_000) as download:
                button.click()
            return download.value
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def test_the_cascade_picture_downloads_as_png_svg_and_pdf(page: Page, app_url: str, tmp_path: Path) -> None:
    """Graphviz draws each file when its button is clicked (not at every run of the page)."""
    _open(page, app_url, "cascade_map")
    pw_expect(page.frame_locator("iframe").first.locator("#mynetwork canvas")).to_be_visible()
    for label, start in (("PNG", b"\x89PNG"), ("SVG", b"<?xml"), ("PDF", b"%PDF")):
        file = _download(page, page.get_by_role("button", name=label, exact=True))
        path = tmp_path / file.suggested_filename
        file.save_as(path)
        assert path.name == f"so-do-chi-dao.{label.lower()}" and path.read_bytes().startswith(start)


def test_gaps_page_shows_the_audit_and_downloads_it(page: Page, app_url: str, tmp_path: Path) -> None:
    _open(page, app_url, "gaps")
    pw_expect(page.get_by_text("Kết quả kiểm tra việc ban hành kế hoạch", exact=False)).to_be_visible()
    _in_grid(page, BLOC)
    _in_grid(page, "80-KH/ĐUK")
    _in_grid(page, "Đúng hạn")
    _shot(page, "gaps")
    button = page.get_by_role("button", name="Tải .xlsx").first
    pw_expect(button).to_be_enabled()
    download = _download(page, button)
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.suffix == ".xlsx"
    workbook = load_workbook(saved)
    cells = {str(c.value) for sheet in workbook for row in sheet.iter_rows() for c in row}
    assert "80-KH/ĐUK" in cells and BLOC in cells


def test_document_source_shows_where_each_fact_came_from(page: Page, app_url: str) -> None:
    _open(page, app_url, "document")
    page.get_by_role("tab", name="Văn bản gốc").click()
    pw_expect(page.get_by_role("button", name="Tải tệp gốc")).to_be_visible()
    marked = page.locator("mark")
    pw_expect(marked.first).to_be_visible()
    assert marked.count() > 10  # sections, tasks, citations, the signature…
    _shot(page, "document-source")


def test_upload_previews_and_loads_a_seed(page: Page, app_url: str) -> None:
    _open(page, app_url, "document_upload")
    page.locator("input[type=file]").set_input_files(str(SEED_80))
    pw_expect(page.get_by_text("80-KH/ĐUK", exact=False).first).to_be_visible()
    _settle(page)
    page.get_by_role("button", name="Nạp 1 tệp vào kho").click()
    pw_expect(page.get_by_text("Đã nạp 1/1 tệp", exact=False)).to_be_visible()
    _shot(page, "document_upload")


def test_saved_query_runs_and_the_console_refuses_a_write(page: Page, app_url: str, sample_graph: Any) -> None:
    _open(page, app_url, "cypher_query")
    page.get_by_role("button", name="Chạy truy vấn").click()
    pw_expect(page.get_by_text("dòng,", exact=False).first).to_be_visible()
    _in_grid(page, "80-KH/ĐUK")  # the cascade under the first symbol (11-KH/TW): 60-KH/TU, 80-KH/ĐUK
    page.get_by_role("tab", name="Truy vấn tự do (chỉ đọc)").click()
    console = page.get_by_label("Câu lệnh Cypher")
    console.fill("CREATE (n:Intruder {name: 'x'}) RETURN n")
    page.get_by_role("button", name="Chạy (chỉ đọc)").click()
    pw_expect(page.get_by_text("chỉ được đọc", exact=False)).to_be_visible()
    assert sample_graph.store.read("MATCH (n:Intruder) RETURN count(n) AS n")[0]["n"] == 0
    _shot(page, "cypher_query")


# --- leaders: a laptop screen, the picture first, labels apart, every word Vietnamese ---------------------------

LAPTOP = {"width": 1366, "height": 768}
# words of the code and of Streamlit that must never reach the screen
ENGLISH = (
    "organ", "role", "deadline_text", "lead", "coordinate", "missing", "on_time", "not_yet_due",
    "units_not_listed",
    "empty file", "binary file", "errMsg", "ASSIGNED_TO", "SENT_TO", "IMPLEMENTS", "REQUIRES_SUBPLAN", "Upload",
    "Browse files", "Drag and drop", "per file", "Mã trong kho", "embedded", "FalkorDB", "cited in", "status",
    "symbol", "issuer", "Every document", "Documents", "Tasks", "Units", "default today",
)  # fmt: skip
UID = re.compile(r"\b[a-z0-9-]+:[^\s:,;()]+:\d{4}\b")


@pytest.fixture
def laptop(browser: Browser, app_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport=LAPTOP, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()


def _network(page: Page) -> Any:
    return next(f for f in page.frames if f.evaluate("() => typeof network !== 'undefined'"))


def _click_node(page: Page, uid: str) -> None:
    """Click a node of the picture and wait until the page has drawn the picture again without it."""
    graph = _network(page)
    at = graph.evaluate(f"() => network.canvasToDOM(network.getPositions([{uid!r}])[{uid!r}])")
    page.frame_locator("iframe").first.locator("#mynetwork canvas").click(position={"x": at["x"], "y": at["y"]})
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        page.wait_for_timeout(500)
        try:
            if uid not in _network(page).evaluate("() => network.body.data.nodes.getIds()"):
                break
        except (StopIteration, PlaywrightError):
            continue  # the picture is being replaced
    _settle(page)


def test_the_cascade_of_27_with_60s_tasks_open_has_no_overlapping_label_and_starts_above_the_fold(
    laptop: Page, app_url: str, sample_graph: Any
) -> None:
    _open(laptop, app_url, "cascade_map")
    search = laptop.get_by_label("Tìm nghị quyết, văn bản hoặc cơ quan", exact=False)
    search.fill("27-NQ/TW")
    search.press("Enter")
    _settle(laptop)
    pw_expect(laptop.get_by_role("combobox", name="Kết quả")).to_have_value(re.compile("27-NQ/TW"))
    _click_node(laptop, f"{sample_graph.uid('60-KH/TU')}#tasks")  # one click shows 60-KH/TU's tasks
    graph = _network(laptop)
    ids = graph.evaluate("() => network.body.data.nodes.getIds()")
    assert any("#t:" in i or "#g:tasks" in i for i in ids), ids  # the tasks are drawn, grouped by section
    assert len(ids) <= 60
    boxes = graph.evaluate("() => network.body.data.nodes.getIds().map(id => [id, network.getBoundingBox(id)])")
    overlapping = [
        (a, b)
        for i, (a, p) in enumerate(boxes)
        for b, q in boxes[i + 1 :]
        if p["left"] < q["right"] and q["left"] < p["right"] and p["top"] < q["bottom"] and q["top"] < p["bottom"]
    ]
    assert overlapping == [], [(a, b, dict(boxes)[a], dict(boxes)[b]) for a, b in overlapping[:2]]
    picture = laptop.locator("iframe").first.bounding_box()
    assert picture is not None and picture["y"] < LAPTOP["height"] / 2  # the picture starts in the first screen
    top = graph.evaluate(f"() => network.canvasToDOM(network.getPositions([{sample_graph.uid('27-NQ/TW')!r}])"
                         f"[{sample_graph.uid('27-NQ/TW')!r}])")  # fmt: skip
    assert picture["y"] + top["y"] < LAPTOP["height"]  # the top of the cascade is on screen, not below the fold
    laptop.wait_for_timeout(500)
    _shot(laptop, "cascade_laptop")


def _visible_text(page: Page) -> str:
    """The page's text and that of every picture shown (a picture in a hidden tab is not rendered, and its
    ``innerText`` would be its script)."""
    texts = [page.locator("body").inner_text()]
    for frame in page.frames[1:]:
        try:
            if frame.frame_element().is_visible():
                texts.append(frame.locator("body").inner_text(timeout=2000))
        except (PlaywrightTimeoutError, PlaywrightError):
            continue
    return "\n".join(texts)


@pytest.mark.parametrize("key", list(PAGES))
def test_every_page_shows_no_english_word_and_no_internal_id(laptop: Page, app_url: str, key: str) -> None:
    _open(laptop, app_url, key)
    texts = [_visible_text(laptop)]
    for tab in laptop.get_by_role("tab").all():
        tab.click()
        _settle(laptop)
        texts.append(_visible_text(laptop))
    text = "\n".join(texts)
    english = [w for w in ENGLISH if re.search(rf"(?<![\w/]){re.escape(w)}(?![\w/])", text)]
    assert english == [], english
    assert UID.findall(text) == []
