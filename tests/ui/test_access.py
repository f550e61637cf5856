"""Who may see and do what, through Streamlit's ``AppTest`` on real stores: sign-in when asked for, a role sees
only its pages and a refused page or action stops on the server, failed sign-ins lock out, sessions expire,
and a document stamped MẬT never reaches a reader without the clearance — not a page, a search, the console,
a report file or the record of actions — while a cleared reader sees it."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from google.protobuf.json_format import MessageToJson
from streamlit.testing.v1 import AppTest

from graph.clearance import clearance_view, drop_view
from graph.ingest import load_paths
from graph.store import GraphStore
from graph.stores.embedded import EmbeddedStore
from tests.marked import MARKED_TITLE, marked_copy
from ui.auth import audit
from ui.auth.accounts import AccountFile
from ui.auth.identity import Identity
from ui.auth.roles import ROLES, Permission
from ui.components.report_view import report_files
from ui.navigation import PAGES, pages_for
from ui.views.gaps import Gap, read_gap_report

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "mật khẩu thử nghiệm"
MARKED_SYMBOL = "1050/QĐ-SCT"
ACCOUNTS = [(role, role, "thuong") for role in ROLES] + [("lanh-dao-mat", "lanh-dao", "mat"),
                                                        ("phan-tich-mat", "phan-tich", "mat"),
                                                        ("bi-khoa", "kiem-tra", "thuong")]  # fmt: skip


@dataclass(frozen=True)
class Marked:
    url: str
    store: GraphStore
    uid: str


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Marked]:
    """The seeds and a corpus document stamped MẬT, in a store of their own."""
    folder = tmp_path_factory.mktemp("marked")
    path = marked_copy(folder, "MẬT")
    shutil.copytree(ROOT / "data" / "documents", folder / "seeds")
    where = tmp_path_factory.mktemp("acc") / "store"  # kept to the end: the app under test opened it too
    store = EmbeddedStore(where)
    results = load_paths([folder], store)
    assert [r.error for r in results if not r.ok] == []
    yield Marked(f"embedded:{where}", store, next(r.uid for r in results if r.path == str(path) and r.uid))
    drop_view(store, "thuong")
    store.close()


@pytest.fixture
def accounts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    book = AccountFile(tmp_path / "accounts.json")
    for name, role, clearance in ACCOUNTS:
        book.add(name, role, clearance, PASSWORD)
    monkeypatch.setenv("KG_AUTH", "always")
    monkeypatch.setenv("KG_ACCOUNTS_FILE", str(book.path))
    monkeypatch.setenv("KG_AUDIT_LOG", str(tmp_path / "audit-log.jsonl"))
    monkeypatch.setenv("KG_UPLOAD_DIR", str(tmp_path / "uploads"))
    return tmp_path / "audit-log.jsonl"


SignIn = Callable[..., AppTest]


@pytest.fixture
def sign_in(accounts: Path, monkeypatch: pytest.MonkeyPatch) -> SignIn:
    def run(name: str, store_url: str, password: str = PASSWORD) -> AppTest:
        monkeypatch.setenv("KG_STORE", store_url)
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
        at.run()
        assert at.title[0].value == "Đăng nhập"
        at.text_input(key="sign_in_name").input(name)
        at.text_input(key="sign_in_password").input(password)
        at.button[0].click().run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return run


def _text(at: AppTest) -> str:
    """Everything the page sent to the browser: every element's message, and every table's cells."""
    parts = [MessageToJson(node.proto, ensure_ascii=False) for node in _walk(at) if getattr(node, "proto", None)]
    parts += [" ".join(str(v) for v in df.value.to_numpy().ravel()) for df in at.dataframe]
    return "\n".join(parts)


def _walk(at: AppTest) -> Iterator[Any]:
    stack: list[Any] = [at._tree]
    while stack:
        node = stack.pop()
        yield node
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            stack.extend(children.values())


def test_the_app_asks_for_sign_in_and_refuses_a_wrong_password(sign_in: SignIn, marked: Marked) -> None:
    at = sign_in("lanh-dao", marked.url, password="không đúng mật khẩu")
    assert at.title[0].value == "Đăng nhập"
    assert "không đúng" in at.error[0].value


def test_five_failed_sign_ins_lock_the_account_even_with_the_right_password(
    sign_in: SignIn, marked: Marked, accounts: Path
) -> None:
    at = sign_in("bi-khoa", marked.url, password="sai 1")
    for attempt in range(2, 6):
        at.text_input(key="sign_in_password").input(f"sai {attempt}")
        at.button[0].click().run()
    at.text_input(key="sign_in_password").input(PASSWORD)
    at.button[0].click().run()
    assert at.title[0].value == "Đăng nhập"
    assert "quá nhiều lần" in at.error[0].value
    assert [e.action for e in audit.read(accounts)].count("dang-nhap-sai") == 5


@pytest.mark.parametrize(("name", "role"), [(n, r) for n, r, _ in ACCOUNTS[:4]])
def test_each_role_opens_its_own_pages_and_no_other(sign_in: SignIn, marked: Marked, name: str, role: str) -> None:
    at = sign_in(name, marked.url)
    assert at.title[0].value == "Tổng quan"
    for key, page in PAGES.items():
        if key not in pages_for(role):
            continue
        at.switch_page(page.file).run()
        assert not at.exception, (key, [e.value for e in at.exception])
        assert not [e.value for e in at.error if "không được dùng" in e.value], key


EXPECTED_PAGES = {
    "lanh-dao": {"overview", "cascade_map", "document", "organ", "gaps"},
    "phan-tich": {"overview", "cascade_map", "document", "organ", "gaps", "cypher_query", "schema"},
    "kiem-tra": {"overview", "cascade_map", "document", "organ", "gaps", "cypher_query", "schema", "review"},
    "quan-tri": set(PAGES),
}


@pytest.mark.parametrize("role", list(EXPECTED_PAGES))
def test_the_pages_of_each_role_are_those_the_issue_lists(role: str) -> None:
    assert set(pages_for(role)) == EXPECTED_PAGES[role]


REFUSED = [("document_upload", Permission.UPLOAD), ("cypher_query", Permission.QUERY), ("admin", Permission.ADMIN)]


@pytest.mark.parametrize(("page", "permission"), REFUSED)
def test_a_page_the_role_may_not_use_is_not_served(
    sign_in: SignIn, marked: Marked, page: str, permission: str
) -> None:
    at = sign_in("lanh-dao", marked.url)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGES[page].file)


@pytest.mark.parametrize(("page", "permission"), REFUSED)
def test_a_page_script_run_for_a_role_that_may_not_use_it_refuses_on_the_server(
    sign_in: SignIn, marked: Marked, accounts: Path, page: str, permission: Permission
) -> None:
    """The page script itself is run in a leader's session, as a forged request would: it stops first."""
    at = AppTest.from_file(str(ROOT / PAGES[page].file), default_timeout=90)
    at.session_state["auth_identity"] = Identity("lanh-dao", "lanh-dao", "thuong")
    at.session_state["auth_last_seen"] = time.monotonic()
    at.run()
    assert [e.value for e in at.error] == ["Tài khoản của bạn không được dùng chức năng này."]
    assert not at.get("file_uploader") and not at.text_area and not at.dataframe and not at.title
    refused = [e for e in audit.read(accounts) if e.action == "tu-choi"]
    assert [(e.who, e.target) for e in refused] == [("lanh-dao", permission.value)]


def test_an_action_checks_the_role_again(sign_in: SignIn, marked: Marked) -> None:
    """``require(…, stop=False)`` in a leader's session raises: an action cannot run on a stale page."""
    at = AppTest.from_string(
        "from ui.auth.roles import Permission\n"
        "from ui.auth.session import AccessDenied, require\n"
        "import streamlit as st\n"
        "try:\n"
        "    require(Permission.UPLOAD, stop=False)\n"
        "    st.write('allowed')\n"
        "except AccessDenied as exc:\n"
        "    st.write(f'refused: {exc}')\n",
        default_timeout=30,
    )
    at.session_state["auth_identity"] = Identity("lanh-dao", "lanh-dao", "thuong")
    at.session_state["auth_last_seen"] = time.monotonic()
    at.run()
    assert [m.value for m in at.markdown] == ["refused: Tài khoản của bạn không được dùng chức năng này."]


def test_a_session_ends_after_the_idle_time(sign_in: SignIn, marked: Marked) -> None:
    at = sign_in("lanh-dao", marked.url)
    assert at.title[0].value == "Tổng quan"
    at.session_state["auth_last_seen"] = time.monotonic() - 31 * 60
    at.run()
    assert at.title[0].value == "Đăng nhập"
    assert "hết hạn" in at.info[0].value


# --- the document stamped MẬT ------------------------------------------------------------------------

VIEW_PAGES = ["overview", "cascade_map", "document", "organ", "gaps"]


@pytest.mark.parametrize("page", VIEW_PAGES)
def test_a_marked_document_is_on_no_page_for_a_leader_without_clearance(
    sign_in: SignIn, marked: Marked, page: str
) -> None:
    at = sign_in("lanh-dao", marked.url)
    if page != "overview":
        at.switch_page(PAGES[page].file).run()
    assert not at.exception
    seen = _text(at)
    assert len(seen) > 1000
    assert MARKED_TITLE not in seen and MARKED_SYMBOL not in seen and marked.uid not in seen


@pytest.mark.parametrize("page", ["document", "cascade_map"])
def test_the_search_finds_the_marked_document_only_for_a_cleared_leader(
    sign_in: SignIn, marked: Marked, page: str
) -> None:
    key = {"document": "doc", "cascade_map": "cascade"}[page]
    for name, found in (("lanh-dao", False), ("lanh-dao-mat", True)):
        at = sign_in(name, marked.url)
        at.switch_page(PAGES[page].file).run()
        at.text_input(key=f"{key}_query").input("vat lieu no").run()
        options = at.selectbox(key=f"{key}_uid").options if at.selectbox else []
        assert any(MARKED_SYMBOL in o for o in options) is found, name
        at.text_input(key=f"{key}_query").input("1050").run()
        options = at.selectbox(key=f"{key}_uid").options if at.selectbox else []
        assert any(MARKED_SYMBOL in o for o in options) is found, name


def test_the_cleared_leader_opens_the_marked_document(sign_in: SignIn, marked: Marked) -> None:
    at = sign_in("lanh-dao-mat", marked.url)
    at.switch_page(PAGES["document"].file).run()
    at.text_input(key="doc_query").input("1050").run()
    assert MARKED_TITLE in _text(at).lower()


CONSOLE = "MATCH (n) RETURN n, labels(n) AS l, properties(n) AS p"


@pytest.mark.parametrize(("name", "visible"), [("phan-tich", False), ("phan-tich-mat", True)])
def test_the_console_returns_the_marked_document_only_to_a_cleared_analyst(
    sign_in: SignIn, marked: Marked, name: str, visible: bool
) -> None:
    at = sign_in(name, marked.url)
    at.switch_page(PAGES["cypher_query"].file).run()
    at.text_area(key="console_text").input(CONSOLE)
    at.number_input(key="console_cap").set_value(10_000)
    at.button(key="console_run").click().run()
    assert not at.exception
    seen = _text(at)
    assert "dòng" in seen
    assert (MARKED_TITLE in seen.lower()) is visible
    assert (marked.uid in seen) is visible


def _as_of(gap: Gap) -> date | None:
    return date.today() if gap == Gap.OVERDUE else None


@pytest.mark.parametrize("gap", list(Gap))
def test_no_gap_report_file_of_a_lower_view_holds_the_marked_document(marked: Marked, gap: Gap) -> None:
    view = clearance_view(marked.store, "thuong")
    report = read_gap_report(view, gap, _as_of(gap))
    for ext, make, _, _ in report_files(report, "thu"):
        if ext == "csv":
            text = make().decode("utf-8-sig")
            assert MARKED_TITLE not in text.lower() and MARKED_SYMBOL not in text
    assert view is not marked.store


def test_the_gap_reports_of_the_full_store_do_name_the_marked_document(marked: Marked) -> None:
    """The check above could catch a leak: unresolved organ names of the marked text are in the full report."""
    texts = [
        make().decode("utf-8-sig")
        for gap in Gap
        for ext, make, _, _ in report_files(read_gap_report(marked.store, gap, _as_of(gap)), "thu")
        if ext == "csv"
    ]
    assert any(MARKED_SYMBOL in t for t in texts)


def test_the_record_of_actions_hides_lines_about_a_marked_document_from_a_lower_clearance() -> None:
    from ui.views.admin import read_log_rows

    entries = [
        audit.Entry("quan-tri", "nap", "80-KH/ĐUK"),
        audit.Entry("quan-tri", "nap", MARKED_SYMBOL, document="x", confidentiality="mat"),
    ]
    assert [r.target for r in read_log_rows(entries, "thuong")] == ["80-KH/ĐUK"]
    assert [r.target for r in read_log_rows(entries, "mat")] == [MARKED_SYMBOL, "80-KH/ĐUK"]
