"""The glossary's two new jobs: result rows in Vietnamese (the CLIs' default) and a hint for a Cypher error."""

from __future__ import annotations

from typing import Any

import pytest

from common.glossary import cypher_hint, vi_rows


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"organ": "Sở Nội vụ", "role": "coordinate"}, {"Cơ quan": "Sở Nội vụ", "Vai trò": "phối hợp"}),
        ({"status": "on_time"}, {"Tình trạng": "Đúng hạn"}),
        ({"status": "missing"}, {"Tình trạng": "Chưa ban hành (đã quá hạn)"}),
        ({"deadline_text": "trước 30/6", "deadline": "2023-06-30"}, {"Thời hạn (nguyên văn)": "trước 30/6",
                                                                      "Thời hạn": "2023-06-30"}),
        ({"roles": ["lead", "coordinate"]}, {"roles": ["chủ trì", "phối hợp"]}),
        ({"plan": "60-KH/TU", "plan_uid": "x"}, {"Văn bản giao": "60-KH/TU", "Văn bản giao (plan_uid)": "x"}),
        ({"n": 3, "ok": True, "none": None}, {"n": 3, "ok": True, "none": None}),
        ({"name": "Ban Tuyên giáo lead"}, {"Tên": "Ban Tuyên giáo lead"}),  # only a whole value is a code
    ],
)  # fmt: skip
def test_rows_get_vietnamese_columns_and_words_for_codes(row: dict[str, Any], expected: dict[str, Any]) -> None:
    assert vi_rows([row]) == [expected]


@pytest.mark.parametrize(
    ("message", "hint"),
    [
        ("errMsg: Invalid input '~': expected ... line: 1, column: 40", "STARTS WITH"),
        ("Unknown function 'duration.between'", "duration.inDays(a, b).days"),
        ("Unknown function 'datetime'", "localdatetime()"),
        ("Unknown function 'apoc.meta.schema'", "APOC"),
        ("Unknown function 'foo'", "không có trên kho"),
        ("Type mismatch: expected Date but was String", "date('YYYY-MM-DD')"),
        ("shortestPath in OPTIONAL MATCH does not run on FalkorDB; use MATCH", "trong MATCH"),
        ("the query has an unclosed bracket", "dấu ngoặc"),
        ("Missing parameters: plan", "tham số"),
        ("'x' not defined", "biến chưa được đặt"),
        ("errMsg: Invalid input 'R': expected", "sai cú pháp"),
        ("connection reset by peer", None),
    ],
)
def test_a_cypher_error_gets_the_portable_form_in_vietnamese(message: str, hint: str | None) -> None:
    found = cypher_hint(message)
    assert (found is None) if hint is None else (found is not None and hint in found), found
