"""``make bench``: generate each size, run every step in its own process, write ``bench/results.json`` and the
table in ``bench/README.md`` and in the project's ``README.md``.

    python -m bench.run [--sizes 1000,10000,50000] [--work /tmp/kg-bench] [--store embedded|neo4j://…]

Each step's peak memory is its own process's (``VmHWM``; the load step's parse workers not included); the
embedded FalkorDB server's is read from ``/proc`` (``VmHWM``) before it stops. With ``--store neo4j://…`` (or
``KG_STORE``) the same steps run against that server, without the cold-start step, which only means something
for the embedded store.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.generate import generate

__all__ = ["main"]

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results.json"
READMES = (ROOT / "bench" / "README.md", ROOT / "README.md")  # each holds the table between the markers
_OPEN, _CLOSE = "<!-- bench table -->", "<!-- /bench table -->"
DEFAULT_SIZES = (1000, 10000, 50000)
TIMINGS = (
    "parse_docs_per_s_per_core", "parse_docs_per_s_all_cores", "regex_floor_docs_per_s", "load_elements_per_s",
    "link_s", "reopen_s", "audit_plan_s", "audit_s", "cascade_s", "warm_up_s", "overview_first_render_s",
    "cascade_page_first_render_s",
)  # fmt: skip


def machine() -> dict[str, Any]:
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as info:
        memory = int(info.readline().split()[1]) // 1024
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_mb": memory, "python": platform.python_version(),
            "os": f"{platform.system()} {platform.release()}"}  # fmt: skip


def _step(name: str, work: Path, env: dict[str, str]) -> tuple[dict[str, Any], float]:
    """Run one step in a child process: its JSON answer and its peak RSS in MB, as the step read it itself
    (``ru_maxrss`` from ``wait4`` would carry this process's own peak across the fork)."""
    log = work / f"{name}.log"
    with log.open("w") as err:
        child = subprocess.Popen(
            [sys.executable, "-m", "bench.steps", name, str(work)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
            stderr=err, text=True,
        )  # fmt: skip
        assert child.stdout is not None
        out = child.stdout.read()
        child.wait()
    if child.returncode != 0:
        raise SystemExit(f"bench step {name} failed ({child.returncode}); see {log}:\n{log.read_text()[-3000:]}")
    answer = json.loads(out.strip().splitlines()[-1])
    return answer, float(answer.pop("peak_rss_mb"))


def _peak_mb(pid: int | None) -> float | None:
    """The high-water mark of a running process's resident memory."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def run_size(size: int, work: Path, store: str | None) -> dict[str, Any]:
    """Generate ``size`` documents and run every step on them; the embedded server is started here, so that the
    steps (but the cold start) find it running, as the app and the CLI do on a working machine."""
    from graph.stores.embedded import EmbeddedServer

    folder = work / str(size)
    start = time.perf_counter()
    facts = generate(size, folder)
    generated = time.perf_counter() - start
    data_dir = folder / "store"
    shutil.rmtree(data_dir, ignore_errors=True)
    env = {**os.environ, "KG_ORGANS_DIR": str(folder / "organs"), "PYTHONPATH": str(ROOT)}
    env["KG_STORE"] = store or f"embedded:{data_dir}"
    result: dict[str, Any] = {"documents": len(facts["documents"]), "generate_s": round(generated, 1)}
    peaks: dict[str, float] = {}
    server = None if store else EmbeddedServer(data_dir)
    for name in ("parse", "load", "reopen", "audit", "cascade", "render"):
        if server is not None and name == "load":
            server.ensure_running()
        if server is not None and name == "reopen":  # a cold start: nothing running, a new process opens it
            peaks["store_server_load"] = _peak_mb(server.pid) or 0.0
            server.stop()
        if name == "reopen" and server is None:
            continue
        answer, peaks[name] = _step(name, folder, env)
        result.update(answer)
        print(f"  {size}: {name} {answer}", flush=True)
        if server is not None and name == "reopen":
            server.ensure_running()
    if server is not None:
        peaks["store_server_read"] = _peak_mb(server.pid) or 0.0
        server.stop()
    result["peak_rss_mb"] = peaks
    return result


def _table(results: dict[str, Any]) -> str:
    sizes = list(results["by_size"])
    head = "| figure | " + " | ".join(f"{int(s):,} docs" for s in sizes) + " |"
    lines = [head, "|---|" + "---|" * len(sizes)]
    for key in (*TIMINGS, "units_checked", "units_wrong"):
        lines.append(f"| `{key}` | " + " | ".join(str(results["by_size"][s].get(key, "—")) for s in sizes) + " |")
    steps = sorted({k for s in sizes for k in results["by_size"][s]["peak_rss_mb"]})
    for step in steps:
        cells = " | ".join(str(results["by_size"][s]["peak_rss_mb"].get(step, "—")) for s in sizes)
        lines.append(f"| peak RSS MB, {step} | {cells} |")
    return "\n".join(lines)


def replace_table(readme: Path, table: str) -> None:
    """Put ``table`` between the markers of ``readme`` (a file without them is left alone)."""
    text = readme.read_text("utf-8") if readme.exists() else ""
    if _OPEN not in text or _CLOSE not in text:
        return
    head, rest = text.split(_OPEN, 1)
    readme.write_text(f"{head}{_OPEN}\n{table}\n{_CLOSE}{rest.split(_CLOSE, 1)[1]}", "utf-8")


def write_results(by_size: dict[str, dict[str, Any]], store: str | None) -> dict[str, Any]:
    results: dict[str, Any] = {"machine": machine(), "store": store or "embedded", "by_size": by_size}
    for key in TIMINGS:
        results[key] = {s: r.get(key) for s, r in by_size.items()}
    results["peak_rss_mb"] = {s: r["peak_rss_mb"] for s, r in by_size.items()}
    results["audit_matches_truth"] = all(r.get("audit_matches_truth") for r in by_size.values())
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", "utf-8")
    m = results["machine"]
    table = (
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_mb']:,} MB, Python {m['python']}, {m['os']}; "
        f"store: {results['store']}. `audit_matches_truth`: **{str(results['audit_matches_truth']).lower()}**.\n\n"
        + _table(results)
    )
    for readme in READMES:
        replace_table(readme, table)
    return results


def compile_project() -> None:
    """Byte-compile the project, as a running installation has it: where ``PYTHONDONTWRITEBYTECODE`` is set
    (some sandboxes set it), every fresh process would compile its sources again, half a second of the app's
    first render."""
    import compileall

    compileall.compile_dir(ROOT, quiet=2, rx=re.compile(r"/(\.venv|\.git|tests|data|docs)/"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-bench"))
    parser.add_argument("--store", default=None, help="a KG_STORE URL other than the embedded store")
    args = parser.parse_args(argv)
    store = args.store or (
        os.environ.get("KG_STORE") if os.environ.get("KG_STORE", "embedded") != "embedded" else None
    )
    compile_project()
    # 50,000 documents take 2.5 GB in the embedded server (plus what a rewrite of its file forks), past the 4 GB
    # of address space its default allows it (KG_SERVER_MEMORY_MB, a guard for a desk machine): three quarters
    # of this machine's memory instead, unless the caller set it
    os.environ.setdefault("KG_SERVER_MEMORY_MB", str(machine()["memory_mb"] * 3 // 4))
    by_size: dict[str, dict[str, Any]] = {}
    for size in (int(s) for s in re.split(r"[,\s]+", args.sizes) if s.strip()):  # "1000,10000" or "1000 10000"
        by_size[str(size)] = run_size(size, args.work, store)
        write_results(by_size, store)  # after each size: a long run leaves what it measured so far
    results = write_results(by_size, store)
    print(f"audit_matches_truth: {results['audit_matches_truth']} → {RESULTS}")
    return 0 if results["audit_matches_truth"] else 1


if __name__ == "__main__":
    sys.exit(main())
