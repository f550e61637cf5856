"""The reads the first pages need, computed in the background before anyone asks: when the app starts
(``python -m ui``) and after each refresh (a load, "Làm mới dữ liệu").

**Tổng quan** (the audit counts, the cascades and their reach), the search boxes' list of every document and
organ, and the map of a national cascade each take a second or more at 10,000 documents, and every cached read
is computed afresh for a new generation of the store. Computed here, in the app's own process and under the same
cache keys, the first visitor finds them ready, or waits only for the rest of a computation already under way
(Streamlit lets one caller compute a key while the others wait for it). They are computed for each clearance a
reader may have: the operator's when no sign-in is needed, else those of the local accounts.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import date

from common.settings import settings
from ui.auth.accounts import AccountFile
from ui.auth.session import OPERATOR, sign_in_required
from ui.store import generation
from ui.views.cascade_map import DEFAULT_DEPTH, DEFAULT_LAYERS, MapRequest, cascade_map
from ui.views.overview import ROOTS_WITH_A_BUTTON, overview
from ui.views.search import PICKER_KINDS, choices

__all__ = ["READY_LINE", "clearances", "warm", "warm_now"]

_LOG = logging.getLogger(__name__)
READY_LINE = "Đã đọc trước Tổng quan, danh sách tìm kiếm và sơ đồ các chuỗi văn bản lớn nhất"


def clearances() -> list[str]:
    """The clearances the app's readers have."""
    if not sign_in_required():
        return [OPERATOR.clearance]
    accounts = AccountFile(settings().accounts_file).all().values()
    return sorted({a.clearance for a in accounts if not a.disabled})


def warm_now(levels: list[str] | None = None) -> None:
    """Compute the first pages' reads for each of ``levels`` (default: :func:`clearances`): **Tổng quan**, the
    search boxes' list, and the maps of the cascades **Tổng quan** has a button for, as the page first draws
    them."""
    today = date.today()
    for level in clearances() if levels is None else levels:
        key = generation(level)
        summary = overview(today, key)
        choices(PICKER_KINDS, key)
        for root in summary.roots[:ROOTS_WITH_A_BUTTON]:
            cascade_map(MapRequest(root.uid, DEFAULT_DEPTH, DEFAULT_LAYERS, as_of=today), key)


class _NoContextWarning(logging.Filter):
    """Streamlit warns that a thread outside a page run has no "ScriptRunContext"; this one needs none."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.threadName == _THREAD and "missing ScriptRunContext" in record.getMessage())


_THREAD = "kg-warm"
_ONE_AT_A_TIME = threading.Lock()
logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(_NoContextWarning())


def warm() -> threading.Thread:
    """:func:`warm_now` in a background thread; a failure is logged, never raised (the page then computes its
    reads itself, and shows the error if there is one)."""

    def run() -> None:
        with _ONE_AT_A_TIME:  # refreshes in a row: each waits, then finds the newest generation mostly done
            start = time.perf_counter()
            try:
                warm_now()
            except Exception:  # the store went away, a query failed: the visitor's own read will say so
                _LOG.warning("Không đọc trước được các trang đầu", exc_info=True)
                return
        seconds = f"{time.perf_counter() - start:.1f}".replace(".", ",")
        print(f"{READY_LINE} ({seconds} giây)", flush=True)  # the terminal of `make run`; the bench waits for it

    thread = threading.Thread(target=run, name=_THREAD, daemon=True)
    thread.start()
    return thread
