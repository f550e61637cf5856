"""Parsing stays linear, and a text that is not one document ends in one clear error.

Budgets are generous (5–10× what was measured here, on 2 cores shared by several test runs at a load average
near 18), so they fail on a return to quadratic time, not on a busy machine:

================================================  ==========  ==========================
input                                             measured    budget
================================================  ==========  ==========================
plan of 2,000 numbered tasks                      4.7–7.6 s   45 s
pipe table of 10,000 tasks                        10–24 s     150 s (stopped at 999 before)
one 5 MB line (a paragraph naming many organs)    20–41 s     240 s (over 300 s before)
one 98 KB line (the same paragraph)               0.5–1.4 s   15 s (58 s before)
================================================  ==========  ==========================
"""

from __future__ import annotations

import time

import pytest

from bench.parse_scaling import HEAD, plan
from loaders import pipeline
from loaders.errors import LoadError
from loaders.organs import load_gazetteer
from loaders.pipeline import MAX_CHARACTERS, parse_text
from loaders.record import DocumentRecord

# one sentence after another, each coordinating with organs, reporting and recurring: every one of these words
# used to start a scan of the rest of the paragraph
SENTENCES = (
    "Tổ chức quán triệt nội dung, phối hợp với Sở Y tế, Sở Tư pháp và định kỳ báo cáo Ban Thường vụ Tỉnh ủy "
    "trước ngày 30/6/2023. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các huyện ủy, thị ủy, thành ủy thực "
    "hiện hằng năm. "
)
TABLE_HEAD = (
    "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n|---|---|---|---|---|\n"
)
NUMBERED_LINES = HEAD + "".join(f"{i}. Dòng {i}.\n" for i in range(60))


def one_line(size_bytes: int) -> str:
    return HEAD + "1. " + SENTENCES * (size_bytes // len(SENTENCES.encode())) + "\n"


def task_table(tasks: int) -> str:
    return (
        HEAD
        + TABLE_HEAD
        + "".join(
            f"| {i} | Tổ chức quán triệt nội dung {i} | Ban Tuyên giáo Tỉnh ủy | Sở Y tế | Quý II/2023 |\n"
            for i in range(1, tasks + 1)
        )
    )


def _timed(text: str) -> tuple[DocumentRecord, float]:
    gazetteer = load_gazetteer()
    started = time.perf_counter()
    record = parse_text(text, gazetteer, "plan.txt")
    return record, time.perf_counter() - started


@pytest.mark.slow
def test_two_thousand_tasks_parse_within_the_budget() -> None:
    record, seconds = _timed(plan(2000))
    assert len(record.tasks) == 2000
    assert seconds < 45


@pytest.mark.slow
def test_a_table_of_ten_thousand_tasks_parses_whole_within_the_budget() -> None:
    record, seconds = _timed(task_table(10_000))
    assert len(record.tasks) == 10_000  # rows past 999 were dropped with a warning each
    assert record.tasks[-1].lead == ("Ban Tuyên giáo Tỉnh ủy Bình Định",)
    assert seconds < 150


def test_a_98_kb_line_naming_many_organs_parses_in_seconds() -> None:
    record, seconds = _timed(one_line(98_000))
    assert record.tasks[0].coordinate == ("Sở Y tế tỉnh Bình Định", "Sở Tư pháp tỉnh Bình Định")
    assert record.tasks[0].reports_to == ("Ban Thường vụ Tỉnh ủy Bình Định",)
    assert seconds < 15


@pytest.mark.slow
def test_a_5_mb_line_parses_within_the_budget() -> None:
    text = one_line(5_000_000)
    assert len(text.encode()) > 4_900_000
    record, seconds = _timed(text)
    assert len(record.tasks) == 1
    assert seconds < 240


def test_more_characters_than_the_cap_is_one_load_error() -> None:
    with pytest.raises(LoadError, match="too much text"):
        parse_text("a" * (MAX_CHARACTERS + 1), None, "big.txt")


@pytest.mark.parametrize(
    ("cap", "value", "text", "reason"),
    [
        ("MAX_LINES", 50, NUMBERED_LINES, "too many lines: 66 \\(limit 50\\)"),
        ("MAX_TASKS", 100, plan(101), "too many tasks: 101 \\(limit 100\\)"),
    ],
)
def test_more_lines_or_tasks_than_the_cap_is_one_load_error(
    monkeypatch: pytest.MonkeyPatch, cap: str, value: int, text: str, reason: str
) -> None:
    monkeypatch.setattr(pipeline, cap, value)  # the real caps (200,000 lines, 20,000 tasks) take minutes to reach
    with pytest.raises(LoadError, match=reason) as caught:
        parse_text(text, None, "big.txt")
    assert caught.value.path == "big.txt"
