"""One error habit for the command-line entry points, as a user meets them (subprocesses): a mistake prints one
line ``error: …`` and exits 1, never a traceback; output closed early (``… | head``) ends quietly.

The store is the session's embedded sample graph (a second process reuses its running server)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from common.settings import PROJECT_ROOT

BAD_STORE = "nosuch://x"
# Per CLI: a command that reads the store (given a store URL), and one that names a document that does not exist.
COMMANDS: dict[str, tuple[list[str], list[str]]] = {
    "graph": (["stats"], ["cascade", "99-KH/TU"]),
    "queries": (["run", "cited_not_loaded"], ["run", "cascade", "--param", "document=99-KH/TU"]),
    "reports": (["subplans", "--plan", "60-KH/TU"], ["subplans", "--plan", "99-KH/TU"]),
}


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}


def cli(package: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", package, *args]
    return subprocess.run(command, capture_output=True, text=True, env=_env(), cwd=PROJECT_ROOT, timeout=300)


def _one_error_line(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    (line,) = done.stderr.strip().splitlines()[:1]
    assert line.startswith("error: ") and all(w in done.stderr for w in words), done.stderr


@pytest.mark.parametrize("package", sorted(COMMANDS))
def test_a_bad_store_url_is_one_error_line(package: str) -> None:
    reads, _ = COMMANDS[package]
    done = cli(package, *reads, "--store", BAD_STORE)
    _one_error_line(done, "unknown store 'nosuch://x'")
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("package", sorted(COMMANDS))
def test_a_document_that_does_not_exist_is_one_error_line(package: str, sample_store_url: str) -> None:
    _, bad_reference = COMMANDS[package]
    done = cli(package, *bad_reference, "--store", sample_store_url)
    _one_error_line(done, "không có văn bản «99-KH/TU»")
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("package", sorted(COMMANDS))
def test_output_closed_early_ends_quietly(package: str, sample_store_url: str) -> None:
    reads, _ = COMMANDS[package]
    command = [sys.executable, "-m", package, *reads, "--store", sample_store_url]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(), cwd=PROJECT_ROOT
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # the reader goes away before a line is written, as `| head -0` would
        stderr = process.stderr.read().decode()
        status = process.wait(timeout=300)
    assert stderr == "" and status in (0, -13)  # -13: ended by SIGPIPE, as `cat` is


def test_a_file_the_loaders_cannot_read_is_one_error_line() -> None:
    done = cli("loaders", "parse", "/no/such/file.txt")
    _one_error_line(done, "/no/such/file.txt", "no such file")
    assert len(done.stderr.strip().splitlines()) == 1
