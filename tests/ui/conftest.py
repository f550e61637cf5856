"""The sample graph for the app's tests: the two seeds (``data/documents``) loaded once per session into a fresh
embedded store in a temporary folder, named by URL so the app (in-process or ``streamlit run``) opens it the
way a user's ``KG_STORE`` would. ``KG_UI_TEST_STORE=arcadedb`` runs the same tests on ArcadeDB over Bolt."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from graph.ingest import load_paths
from graph.store import GraphStore, open_store
from ui.navigation import PAGES

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "data" / "documents"


@dataclass(frozen=True)
class SampleGraph:
    url: str  # KG_STORE value, e.g. embedded:/tmp/pytest-…/store
    store: GraphStore
    uploads: Path  # KG_UPLOAD_DIR for the app under test

    def uid(self, symbol: str) -> str:
        rows = self.store.read(
            "MATCH (d:Document {symbol: $s}) RETURN d.uid AS uid ORDER BY d.status DESC", {"s": symbol}
        )
        assert rows, f"{symbol} is not in the sample graph"
        return str(rows[0]["uid"])

    def organ_uid(self, name: str) -> str:
        rows = self.store.read("MATCH (o:Organ {name: $n}) RETURN o.uid AS uid", {"n": name})
        assert rows, f"organ {name!r} is not in the sample graph"
        return str(rows[0]["uid"])


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium through Playwright, one per session: every browser test module shares it (a second
    Playwright in the same process is refused)."""
    from playwright.sync_api import sync_playwright

    from tests.ui.test_browser import CHROMIUM, _launch

    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make chromium` (Debian's chromium package) before these tests")
    with sync_playwright() as playwright:
        yield _launch(playwright)


@pytest.fixture(scope="session", autouse=True)
def private_records(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The accounts file, the record of actions, the saved queries and the console's history of every app under
    test (in-process or ``streamlit run``, which inherits the environment) live in a temporary folder: tests
    never read or write the user's."""
    folder = tmp_path_factory.mktemp("records")
    saved = {name: os.environ.get(name) for name in ("KG_ACCOUNTS_FILE", "KG_AUDIT_LOG", "KG_QUERIES_DIR")}
    os.environ["KG_ACCOUNTS_FILE"] = str(folder / "accounts.json")
    os.environ["KG_AUDIT_LOG"] = str(folder / "audit-log.jsonl")
    os.environ["KG_QUERIES_DIR"] = str(folder / "queries")
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="session")
def sample_graph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SampleGraph]:
    base = tmp_path_factory.mktemp("ui")  # short: the store's unix socket lives in it
    url = f"{os.environ.get('KG_UI_TEST_STORE', 'embedded')}:{base / 'store'}"  # or arcadedb
    store = open_store(url)
    results = load_paths([SEEDS], store)
    assert [r.error for r in results if not r.ok] == []
    yield SampleGraph(url, store, base / "uploads")
    store.close()


@pytest.fixture
def app_env(sample_graph: SampleGraph, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> SampleGraph:
    """The environment ``app.py`` reads: the sample store, a temporary upload folder, and a fresh folder for the
    user's saved queries and the console's history (each test starts with none)."""
    monkeypatch.setenv("KG_STORE", sample_graph.url)
    monkeypatch.setenv("KG_UPLOAD_DIR", str(sample_graph.uploads))
    monkeypatch.setenv("KG_QUERIES_DIR", str(tmp_path / "queries"))
    return sample_graph


@pytest.fixture
def open_page(app_env: SampleGraph) -> Callable[..., AppTest]:
    """``open_page("gaps", selected_doc=uid)``: the app run on one page, with session state set first."""

    def run(page: str, **state: object) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
        at.run()
        for key, value in state.items():
            at.session_state[key] = value
        if page != "overview":
            at.switch_page(PAGES[page].file).run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return run
