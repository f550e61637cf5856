"""The search box: what was typed first — the exact symbol, then symbols starting with it, then a document's
type and number, then any option holding every word — with or without diacritics."""

from __future__ import annotations

import pytest

from tests.ui.conftest import SampleGraph
from ui.views.search import Choice, build_choices, read_documents, read_organs, search


def test_search_matches_with_and_without_diacritics() -> None:
    options = [
        Choice("a", "document", "Kế hoạch 60-KH/TU", "ke hoach 60-kh/tu", "60-kh/tu"),
        Choice("b", "document", "Kế hoạch 80-KH/ĐUK", "ke hoach 80-kh/duk", "80-kh/duk"),
        Choice("c", "organ", "Cơ quan: Đảng ủy Khối", "dang uy khoi"),
    ]
    assert [c.uid for c in search("ke hoach 60", options)] == ["a"]
    assert [c.uid for c in search("Kế hoạch 80-KH/ĐUK", options)] == ["b"]
    assert [c.uid for c in search("ĐẢNG ỦY", options)] == ["c"]
    assert search("nghi quyet", options) == []


def test_a_symbol_that_starts_another_ranks_before_it() -> None:
    options = [
        Choice("127", "document", "Kế hoạch 127-KH/TU", "ke hoach 127-kh/tu nghi quyet 27", "127-kh/tu"),
        Choice("27", "document", "Nghị quyết 27-NQ/TW", "nghi quyet 27-nq/tw", "27-nq/tw"),
    ]
    assert [c.uid for c in search("27", options)] == ["27", "127"]
    assert [c.uid for c in search("nghi quyet 27", options)] == ["27", "127"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("27-NQ/TW", "27-NQ/TW"),
        ("27", "27-NQ/TW"),
        ("nghi quyet 27", "27-NQ/TW"),
        ("ke hoach 60", "60-KH/TU"),
        ("80-KH/DUK", "80-KH/ĐUK"),
        ("80-kh/đuk", "80-KH/ĐUK"),
        ("11-KH/TW", "11-KH/TW"),
    ],
)
def test_the_first_result_is_the_document_typed(sample_graph: SampleGraph, typed: str, expected: str) -> None:
    options = build_choices(read_documents(sample_graph.store), read_organs(sample_graph.store))
    found = search(typed, options)
    assert found, f"nothing found for {typed!r}"
    assert found[0].uid == sample_graph.uid(expected), [c.label for c in found]
