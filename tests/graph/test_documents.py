"""Document references: one rule turns a uid or a symbol into one document, and ambiguity is an error."""

from __future__ import annotations

import pytest

from graph.documents import (
    AmbiguousDocument,
    DocumentRef,
    UnknownDocument,
    describe,
    find_documents,
    resolve_document,
    symbol_key,
    symbol_type,
)
from graph.store import GraphStore
from graph.stores import wipe
from tests.graph.link_samples import BD60, BD80, NQ27, R60, R80, load, record

QN60 = "quang-nam:?:60-KH/TU:2023"


@pytest.fixture(scope="module")
def two_provinces(store: GraphStore) -> GraphStore:
    """80-KH/ĐUK and 60-KH/TU of Bình Định (citing 27-NQ/TW, a stub), and a 60-KH/TU of Quảng Nam."""
    wipe(store)
    load(store, R80, R60, record("60-KH/TU", "quang-nam", "2023-03-01"))
    return store


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("80-KH/ĐUK", BD80),  # the symbol as printed
        ("80-kh/duk", BD80),  # without accents or case
        (" 80 - KH/ĐUK ", BD80),  # with spaces
        (BD60, BD60),  # a uid settles a symbol of two provinces
        (QN60, QN60),
        ("27-NQ/TW", NQ27),  # a cited stub is a document too
    ],
)
def test_a_reference_naming_one_document_resolves_to_it(
    two_provinces: GraphStore, ref: str, expected: str
) -> None:
    assert resolve_document(two_provinces, ref).uid == expected


@pytest.mark.parametrize("ref", ["61-KH/TU", "", "binh-dinh:?:61-KH/TU:2023"])
def test_a_reference_naming_no_document_is_an_error(two_provinces: GraphStore, ref: str) -> None:
    with pytest.raises(UnknownDocument, match="không có văn bản"):
        resolve_document(two_provinces, ref)
    assert find_documents(two_provinces, ref) == []


def test_a_symbol_of_two_provinces_is_an_error_listing_both(two_provinces: GraphStore) -> None:
    with pytest.raises(AmbiguousDocument) as caught:
        resolve_document(two_provinces, "60-kh/tu")
    assert [(c.uid, c.date) for c in caught.value.candidates] == [(QN60, "2023-03-01"), (BD60, "2023-05-24")]
    message = str(caught.value).splitlines()
    assert message[0].startswith("«60-kh/tu» ứng với 2 văn bản")
    assert message[2] == f"  2. Kế hoạch số 60-KH/TU ngày 24/05/2023 của Ban Thường vụ Tỉnh ủy Bình Định ({BD60})"


def test_a_stub_is_named_by_the_issuer_its_citers_give(two_provinces: GraphStore) -> None:
    (stub,) = find_documents(two_provinces, "27-NQ/TW")
    assert stub.status == "cited" and not stub.loaded and stub.issuer and "Trung ương" in stub.issuer


@pytest.mark.parametrize(
    ("doc", "text"),
    [
        (DocumentRef("u", "60-KH/TU", "2023-05-24", "Tỉnh ủy", type_name="Kế hoạch"),
         "Kế hoạch số 60-KH/TU ngày 24/05/2023 của Tỉnh ủy"),
        (DocumentRef("u", "60-KH/TU", None, None), "60-KH/TU"),
        (DocumentRef("u", None, "2023-05-24", None), "u ngày 24/05/2023"),
    ],
)  # fmt: skip
def test_describe_names_a_document_as_documents_cite_it(doc: DocumentRef, text: str) -> None:
    assert describe(doc) == text


@pytest.mark.parametrize(
    ("symbol", "code"),
    [
        ("60-KH/TU", "KH"),
        ("03/NQ-CP", "NQ"),
        ("25/2021/QĐ-TTg", "QĐ"),
        ("3260-KH/ĐĐQH15", "KH"),
        ("Kế hoạch", None),
    ],
)
def test_symbol_type(symbol: str, code: str | None) -> None:
    assert symbol_type(symbol) == code


def test_symbol_key_ignores_accents_case_and_spaces() -> None:
    assert symbol_key("80 - KH/ĐUK") == symbol_key("80-kh/duk") == "80-kh/duk"
