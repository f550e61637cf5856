"""The benchmark's steps, each run in its own process so that its peak memory is its own:

    python -m bench.steps STEP WORKDIR

``WORKDIR`` holds what ``bench.generate`` wrote (``documents/``, ``organs/``, ``truth.json``) and the store
(``store/``); ``KG_ORGANS_DIR`` and ``KG_STORE`` are set by the caller. Each step prints one JSON object.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

__all__ = ["STEPS"]

PARSE_SAMPLE = 300  # documents timed on one core (the whole set is parsed on all cores by the load step)
_FLOOR_PATTERNS = [  # what a reader that only finds the header facts and the task lines would run
    re.compile(r"^S[ốo]\s*:?\s*(\d+)[-–]([A-ZĐ]+)/(\S+)", re.M),
    re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"),
    re.compile(r"(?:Kế hoạch|Nghị quyết) số\s+(\d+[-–][A-ZĐ]+/[A-ZĐ]+)"),
    re.compile(r"^(?:[IVX]+\s*[-–.]|\d+\.|-)\s*(.+)$", re.M),
    re.compile(r"trước ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})"),
    re.compile(r"\b(chủ trì|phối hợp)\b"),
]


def _files(work: Path) -> list[Path]:
    return sorted((work / "documents").iterdir())


def _parse_one(path: Path) -> Any:
    from loaders.organs import load_gazetteer
    from loaders.pipeline import parse_file

    return parse_file(path, load_gazetteer())


def _build_one(path: Path) -> Any:
    from graph.build import build_document_graph
    from loaders.organs import group_expander, load_gazetteer

    return build_document_graph(_parse_one(path), expand_group=group_expander(load_gazetteer()))


def _floor(path: Path) -> int:
    text = path.read_bytes().decode("utf-8")
    return sum(len(p.findall(text)) for p in _FLOOR_PATTERNS)


def _rate(count: int, seconds: float) -> float:
    return round(count / seconds, 1) if seconds else 0.0


def step_parse(work: Path) -> dict[str, Any]:
    """Documents per second on one core (a sample), and the read-and-regex floor over the same bytes."""
    sample = _files(work)[:PARSE_SAMPLE]
    _parse_one(sample[0])  # imports and the gazetteer, once, as a long-running loader has them
    start = time.perf_counter()
    for path in sample:
        _parse_one(path)
    one_core = time.perf_counter() - start
    start = time.perf_counter()
    for path in sample:
        _floor(path)
    floor = time.perf_counter() - start
    size = sum(p.stat().st_size for p in sample) / len(sample)
    return {
        "parse_docs_per_s_per_core": _rate(len(sample), one_core),
        "regex_floor_docs_per_s": _rate(len(sample), floor),
        "sample_documents": len(sample),
        "mean_document_bytes": round(size),
    }


LOOKAHEAD = 256  # documents parsed ahead of the writes: what the load holds at most besides one write batch
_WORKER: dict[str, Any] = {}


def _init_worker() -> None:
    """Once per parse process: the gazetteer (already loaded by the parent before the fork, so shared) and the
    group expander built on it."""
    from loaders.organs import group_expander, load_gazetteer

    _WORKER["gazetteer"] = load_gazetteer()
    _WORKER["expand"] = group_expander(_WORKER["gazetteer"])


def _build_in_worker(path: Path) -> Any:
    from graph.build import build_document_graph
    from loaders.pipeline import parse_file

    return build_document_graph(parse_file(path, _WORKER["gazetteer"]), expand_group=_WORKER["expand"])


def _streamed(pool: Any, func: Callable[[Path], Any], items: list[Path], ahead: int) -> Any:
    """``pool.imap`` in order with at most ``ahead`` results waiting (``imap`` itself would queue every result in
    this process when the consumer is slower than the workers)."""
    from collections import deque

    pending: deque[Any] = deque()
    feed = iter(items)
    for item in feed:
        pending.append(pool.apply_async(func, (item,)))
        if len(pending) >= ahead:
            break
    while pending:
        result = pending.popleft().get()
        following = next(feed, None)
        if following is not None:
            pending.append(pool.apply_async(func, (following,)))
        yield result


def step_load(work: Path) -> dict[str, Any]:
    """Parse and build every document on all cores, streamed into the batched writes (never every graph at once),
    then the link pass and the compaction of the store.

    The parent only writes: ``write_s`` is the time it spent writing (building the queries, and waiting for the
    server's answer when the next batch was ready before it), ``parse_docs_per_s_all_cores`` documents over the
    rest of the streamed phase, when the parent waited for parsed documents."""
    from graph.link import relink
    from graph.organs import write_gazetteer
    from graph.store import open_store
    from loaders.organs import load_gazetteer

    files = _files(work)
    cores = os.cpu_count() or 1
    gazetteer = load_gazetteer()  # before the fork: the workers share it
    store = open_store()
    counted = {"elements": 0, "waited": 0.0}

    def counting(graphs: Iterator[Any]) -> Iterator[Any]:
        while True:
            begin = time.perf_counter()
            graph = next(graphs, None)
            counted["waited"] += time.perf_counter() - begin
            if graph is None:
                return
            counted["elements"] += len(graph.nodes) + len(graph.edges)
            yield graph

    try:
        write_gazetteer(store, gazetteer)
        start = time.perf_counter()
        with multiprocessing.get_context("fork").Pool(cores, initializer=_init_worker) as pool:
            store.write_documents(counting(iter(_streamed(pool, _build_in_worker, files, LOOKAHEAD))))
        streamed = time.perf_counter() - start
        start = time.perf_counter()
        relink(store)
        link = time.perf_counter() - start
        start = time.perf_counter()
        store.compact()
        compact = time.perf_counter() - start
    finally:
        store.close()
    write = streamed - counted["waited"]
    return {
        "parse_docs_per_s_all_cores": _rate(len(files), streamed - write),
        "cores": cores,
        "elements": int(counted["elements"]),
        "load_s": round(streamed, 2),
        "write_s": round(write, 2),
        "load_elements_per_s": _rate(int(counted["elements"]), write),
        "link_s": round(link, 2),
        "compact_s": round(compact, 2),
    }


def step_reopen(work: Path) -> dict[str, Any]:
    """A cold start: no server running, a new process opens the store and answers a first query."""
    from graph.store import open_store

    start = time.perf_counter()
    store = open_store()
    count = store.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"]
    reopen = time.perf_counter() - start
    store.close()
    return {"reopen_s": round(reopen, 2), "documents_in_store": count}


def _truth(work: Path) -> dict[str, Any]:
    return dict(json.loads((work / "truth.json").read_text("utf-8")))


def _uids_by_file(store: Any) -> dict[str, str]:
    rows = store.read("MATCH (d:Document) WHERE d.source_path IS NOT NULL RETURN d.uid AS uid, d.source_path AS p")
    return {Path(r["p"]).name: r["uid"] for r in rows}


def step_audit(work: Path) -> dict[str, Any]:
    """The audit of one provincial plan and of each whole resolution, and every unit's status against the truth."""
    from graph.store import open_store
    from reports.subplans import audit_resolution, audit_subplans

    truth = _truth(work)
    as_of = date.fromisoformat(truth["as_of"])
    store = open_store()
    try:
        uids = _uids_by_file(store)
        plan = next(
            p for p in truth["plans"] if p["symbol"].endswith("-KH/TU") and p["issuer"].endswith("/tinh-uy")
        )
        start = time.perf_counter()
        audit_subplans(store, uids[plan["file"]], as_of)
        one_plan = time.perf_counter() - start
        found: dict[tuple[str, str], str] = {}
        times = []
        resolutions = [d for d in truth["documents"] if d["symbol"].endswith("-NQ/TW")]
        for r in resolutions:
            start = time.perf_counter()
            rows = audit_resolution(store, uids[r["file"]], as_of)
            times.append(time.perf_counter() - start)
            found.update({(row.plan_uid, row.unit_uid): row.status.value for row in rows})
    finally:
        store.close()
    expected = {
        (uids.get(p["file"], p["file"]), u["uid"]): u["status"] for p in truth["plans"] for u in p["units"]
    }
    wrong = {k: (v, found.get(k)) for k, v in expected.items() if found.get(k) != v}
    extra = [k for k in found if k not in expected]
    by_kind: dict[str, int] = {}
    for (_, unit), (want, got) in wrong.items():
        key = f"{unit.split('/')[-1].split('-')[0]}:{want}->{got}"
        by_kind[key] = by_kind.get(key, 0) + 1
    return {
        "audit_plan_s": round(one_plan, 3),
        "audit_s": round(max(times), 3),
        "units_checked": len(expected),
        "units_wrong": len(wrong),
        "rows_not_in_truth": len(extra),
        "wrong_by_kind": dict(sorted(by_kind.items(), key=lambda kv: -kv[1])[:12]),
        "audit_matches_truth": not wrong and not extra,
    }


def step_cascade(work: Path) -> dict[str, Any]:
    """The cascade tree under each resolution (what ``python -m graph cascade`` prints)."""
    from graph.cascade import cascade_tree
    from graph.store import open_store

    truth = _truth(work)
    store = open_store()
    try:
        uids = _uids_by_file(store)
        times, sizes = [], []
        for r in (d for d in truth["documents"] if d["symbol"].endswith("-NQ/TW")):
            start = time.perf_counter()
            tree = cascade_tree(store, uids[r["file"]])
            times.append(time.perf_counter() - start)
            sizes.append(_count(tree))
    finally:
        store.close()
    return {"cascade_s": round(max(times), 3), "cascade_nodes": max(sizes)}


def _count(node: Any) -> int:
    return 1 + sum(_count(c) for c in node.children)


_BUSY = "[data-testid=stStatusWidget], [data-testid=stSkeleton]"
_RUN_DONE = "[data-testid=stApp][data-test-script-state=notRunning]"  # a script run has finished
CHROMIUM = "/usr/bin/chromium"


def _first_render(page: Any, url: str, title: str, content: str, timeout_ms: int) -> float:
    """Seconds from asking for ``url`` to the page drawn: the first script run finished, its title and ``content``
    (a selector of what the page draws last) shown, and nothing still running."""
    start = time.perf_counter()
    page.goto(url, timeout=timeout_ms)
    page.locator(_RUN_DONE).wait_for(state="attached", timeout=timeout_ms)
    page.locator("h1", has_text=title).first.wait_for(timeout=timeout_ms)
    page.locator(content).first.wait_for(state="visible", timeout=timeout_ms)
    page.wait_for_function(f"() => !document.querySelector({_BUSY!r})", timeout=timeout_ms)
    return time.perf_counter() - start


def _app(port: int, log: Path) -> Any:
    import subprocess

    command = [sys.executable, "-m", "ui", "--server.address", "127.0.0.1"]  # as ``make run`` starts it
    command += ["--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    root = Path(__file__).resolve().parents[1]
    with log.open("wb") as out:
        return subprocess.Popen(command, cwd=root, stdout=out, stderr=subprocess.STDOUT)


def step_render(work: Path) -> dict[str, Any]:
    """First render of Tổng quan and of the cascade page (the first resolution) in Chromium, in an app just
    started: once it says it has read ahead what the first pages need (``warm_up_s`` after it answers; a visitor
    in that time waits for the rest of it)."""
    import socket
    import urllib.request

    from playwright.sync_api import sync_playwright

    from graph.store import open_store

    truth = _truth(work)
    store = open_store()
    try:
        uids = _uids_by_file(store)
    finally:
        store.close()
    resolution = uids[next(d["file"] for d in truth["documents"] if d["symbol"].endswith("-NQ/TW"))]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = _app(port, work / "streamlit.log")
    url = f"http://127.0.0.1:{port}"
    timeout_ms = 600_000
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.3)
        started = time.perf_counter()
        warm_up = _warmed_up(work / "streamlit.log", timeout_ms / 1000) - started
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
            )
            page = browser.new_page(viewport={"width": 1400, "height": 2400})
            overview = _first_render(page, f"{url}/", "Tổng quan", "text=Nhiệm vụ quá hạn", timeout_ms)
            page = browser.new_page(viewport={"width": 1400, "height": 2400})
            cascade_url = f"{url}/so-do-chi-dao?uid={resolution}"
            cascade = _first_render(page, cascade_url, "Sơ đồ chỉ đạo", "iframe", timeout_ms)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
    return {
        "warm_up_s": round(warm_up, 2),
        "overview_first_render_s": round(overview, 2),
        "cascade_page_first_render_s": round(cascade, 2),
    }


def _warmed_up(log: Path, timeout: float) -> float:
    """When the app said it has computed the first pages' reads (``ui.warm``): ``perf_counter`` time."""
    from ui.warm import READY_LINE

    deadline = time.monotonic() + timeout
    while READY_LINE not in log.read_text("utf-8", errors="replace"):
        if time.monotonic() > deadline:
            raise TimeoutError(f"the app did not finish its warm-up within {timeout:g} s: see {log}")
        time.sleep(0.05)
    return time.perf_counter()


STEPS: dict[str, Callable[[Path], dict[str, Any]]] = {
    "parse": step_parse,
    "load": step_load,
    "reopen": step_reopen,
    "audit": step_audit,
    "cascade": step_cascade,
    "render": step_render,
}


def _own_peak_mb() -> float:
    """This process's resident-memory high-water mark: ``VmHWM`` starts afresh at exec, whereas the
    ``ru_maxrss`` a parent reads carries the parent's own peak across the fork."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def main(argv: list[str]) -> int:
    step, work = argv[0], Path(argv[1])
    answer = STEPS[step](work)
    answer["peak_rss_mb"] = _own_peak_mb()
    print(json.dumps(answer, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
