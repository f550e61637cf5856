"""Parse time against document size: one plan of N numbered tasks (each naming a lead organ and a deadline) at
1×, 2×, 4× and 8× of a base size, parsed with the organ gazetteer. Prints a table and each step's ratio; linear
parsing doubles the time when the size doubles.

    .venv/bin/python bench/parse_scaling.py [BASE_TASKS]    # default 500
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from loaders.organs import load_gazetteer
from loaders.pipeline import parse_text

HEAD = "ĐẢNG BỘ TỈNH BÌNH ĐỊNH\nTỈNH ỦY\nSố 60-KH/TU\nQuy Nhơn, ngày 24 tháng 5 năm 2023\nKẾ HOẠCH\nI. NHIỆM VỤ\n"


def plan(tasks: int) -> str:
    """A plan of ``tasks`` numbered tasks, ~140 characters each."""
    return HEAD + "".join(
        f"{i}. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Sở Giáo dục và Đào tạo tổ chức quán triệt nội dung "
        f"{i}; hoàn thành trước ngày 30/6/2023.\n"
        for i in range(1, tasks + 1)
    )


def main(base: int) -> None:
    gazetteer = load_gazetteer()
    previous = None
    print(f"{'size':>5} {'tasks':>6} {'characters':>11} {'seconds':>8} {'ratio':>6}")
    for factor in (1, 2, 4, 8):
        text = plan(base * factor)
        started = time.perf_counter()
        record = parse_text(text, gazetteer, "bench.txt")
        seconds = time.perf_counter() - started
        ratio = f"{seconds / previous:.2f}" if previous else "-"
        print(f"{factor:>4}× {len(record.tasks):>6} {len(text):>11} {seconds:>8.2f} {ratio:>6}", flush=True)
        previous = seconds


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
