"""Provenance in the source view: which line each fact came from, highlighted in safe HTML."""

from __future__ import annotations

from ui.components.source_view import excerpt, render_source
from ui.views.document import (
    DocumentFacts,
    DocumentLink,
    DocumentTask,
    DocumentView,
    Section,
    Signer,
    SubplanOrder,
    facts_by_line,
)
from ui.views.rows import from_row, line_of

VIEW = DocumentView(
    facts=from_row(
        DocumentFacts,
        {"uid": "binh-dinh:dang-uy-khoi-cac-co-quan:80-KH/ĐUK:2023"},
        signers=(
            from_row(
                Signer, {"name": "Nguyễn Hữu Lộc", "src": "binh-dinh:dang-uy-khoi-cac-co-quan:80-KH/ĐUK:2023:85"}
            ),
        ),
    ),
    links=(
        from_row(
            DocumentLink,
            {
                "direction": "up",
                "symbol": "60-KH/TU",
                "src": "binh-dinh:dang-uy-khoi-cac-co-quan:80-KH/ĐUK:2023:17",
            },
        ),
    ),
    sections=(from_row(Section, {"path": "III", "src": "binh-dinh:dang-uy-khoi-cac-co-quan:80-KH/ĐUK:2023:67"}),),
    tasks=(
        from_row(DocumentTask, {"path": "III.2", "line": 71}),
        from_row(
            DocumentTask, {"path": "III.2.p1", "src": "binh-dinh:dang-uy-khoi-cac-co-quan:80-KH/ĐUK:2023:71"}
        ),
    ),
    subplans=(
        from_row(SubplanOrder, {"unit": "Chi bộ", "src": "binh-dinh:dang-uy-khoi-cac-co-quan:80-KH/ĐUK:2023:71"}),
    ),
)


def test_the_line_is_what_follows_the_last_colon_of_a_uid() -> None:
    assert line_of("binh-dinh:tinh-uy:60-KH/TU:2023:12") == 12
    assert (
        line_of("binh-dinh:tinh-uy:60-KH/TU:2023") == 2023
    )  # a bare uid has no line; callers pass src values only
    assert line_of(None) is None and line_of("no-line") is None and line_of(7) == 7


def test_facts_are_grouped_by_line() -> None:
    facts = facts_by_line(VIEW)
    assert facts[17] == ["Thực hiện/dẫn chiếu 60-KH/TU"]
    assert facts[71] == ["Nhiệm vụ III.2", "Nhiệm vụ III.2.p1", "Yêu cầu kế hoạch: Chi bộ"]
    assert facts[85] == ["Người ký: Nguyễn Hữu Lộc"]


def test_source_is_escaped_numbered_and_marked() -> None:
    html = render_source(["<b>KẾ HOẠCH</b>", "Thực hiện Kế hoạch số 60-KH/TU"], {2: ["Thực hiện 60-KH/TU"]}, 2)
    assert "&lt;b&gt;KẾ HOẠCH&lt;/b&gt;" in html and "<b>" not in html
    assert html.count("<mark") == 1 and 'id="L2"' in html and "#ffd54f" in html


def test_excerpt_keeps_the_lines_around_the_fact() -> None:
    lines = [f"dòng {n}" for n in range(1, 21)]
    html = excerpt(lines, {10: ["Nhiệm vụ"]}, 10, around=2)
    assert "dòng 8<" in html and "dòng 12<" in html and "dòng 7<" not in html and "dòng 13<" not in html
