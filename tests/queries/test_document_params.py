"""The saved queries' parameter convention: a ``symbol`` parameter names a document, and the runner passes the
query that document's uid (:meth:`SavedQuery.prepare`), or fails as :func:`graph.documents.resolve_document`
does."""

from __future__ import annotations

import pytest

from graph.documents import AmbiguousDocument, DocumentLookupError, UnknownDocument
from graph.store import GraphStore
from graph.stores import wipe
from queries.catalog import DOCUMENT_TYPE, get_query, list_queries
from tests.graph.link_samples import BD60, BD80, KH11, R60, R80, load, record


@pytest.fixture(scope="module")
def two_provinces(store: GraphStore) -> GraphStore:
    """The Bình Định 80-KH/ĐUK and 60-KH/TU, and a 60-KH/TU of Quảng Nam: one symbol, two documents."""
    wipe(store)
    load(store, R80, R60, record("60-KH/TU", "quang-nam", "2023-03-01"))
    return store


@pytest.mark.parametrize(
    ("given", "outcome"),
    [
        ("80-KH/ĐUK", BD80),  # exact symbol
        ("80-kh/duk", BD80),  # the symbol without accents or case
        (BD60, BD60),  # uid
        ("61-KH/TU", UnknownDocument),  # unknown
        ("60-KH/TU", AmbiguousDocument),  # two provinces
    ],
)
def test_a_document_parameter_reaches_the_query_as_a_uid(
    two_provinces: GraphStore, given: str, outcome: str | type[DocumentLookupError]
) -> None:
    query = get_query("cascade")
    if isinstance(outcome, str):
        assert query.prepare(two_provinces, {"document": given}) == {"document": outcome}
        assert query.run(two_provinces, {"document": given}) == query.run(two_provinces, {"document": outcome})
    else:
        with pytest.raises(outcome):
            query.run(two_provinces, {"document": given})


def test_a_stub_named_by_its_symbol_finds_the_documents_under_it(two_provinces: GraphStore) -> None:
    rows = get_query("cascade").run(two_provinces, {"document": "27-nq/tw"})
    assert {r["uid"] for r in rows} == {BD80, BD60, KH11}


def test_every_document_parameter_of_the_shipped_queries_is_named_so() -> None:
    """The names that mean a document are ``symbol`` parameters everywhere (and nothing else is)."""
    names = {(p.name, p.type == DOCUMENT_TYPE) for q in list_queries() for p in q.params}
    assert {name for name, document in names if document} == {"document", "plan", "parent", "child"}
    assert not {name for name, document in names if not document} & {"document", "plan", "parent", "child"}
