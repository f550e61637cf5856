"""python -m loaders: the parse command's JSON and summary, and one line per error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from common.cli import run_cli
from loaders.__main__ import main

SEEDS = Path(__file__).resolve().parents[2] / "data" / "documents"


def test_parse_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEEDS / "000_a85277af82c186c2.txt"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["number"] == "80-KH/ĐUK" and data["cascade_parent"] == "60-KH/TU"
    assert "source_line" not in data


def test_parse_summary_uses_the_folder_as_context(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEEDS / "001_0da2381aa2498f94.txt")]) == 0
    out = capsys.readouterr().out
    assert "symbol:    60-KH/TU" in out and "2023-05-24" in out and "cited in 80-KH/ĐUK" in out
    assert "received:  Sở Nội vụ tỉnh Bình Định no. 6825 on 2023-06-09" in out


def test_no_context(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, tmp_path / seed.name)
    assert main(["parse", str(tmp_path / "001_0da2381aa2498f94.txt"), "--json", "--no-context"]) == 0
    assert json.loads(capsys.readouterr().out)["date"] is None


def test_error_is_one_line_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert run_cli(main, ["parse", str(empty)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == f"error: {empty}: empty file\n"
