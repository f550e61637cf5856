"""The search box: words typed with or without diacritics, in any case, find documents and organs."""

from __future__ import annotations

from ui.views.search import Choice, search


def test_search_matches_with_and_without_diacritics() -> None:
    options = [
        Choice("a", "document", "Kế hoạch 60-KH/TU", "ke hoach 60-kh/tu"),
        Choice("b", "document", "Kế hoạch 80-KH/ĐUK", "ke hoach 80-kh/duk"),
        Choice("c", "organ", "Cơ quan: Đảng ủy Khối", "dang uy khoi"),
    ]
    assert [c.uid for c in search("ke hoach 60", options)] == ["a"]
    assert [c.uid for c in search("Kế hoạch 80-KH/ĐUK", options)] == ["b"]
    assert [c.uid for c in search("ĐẢNG ỦY", options)] == ["c"]
    assert search("nghi quyet", options) == []
