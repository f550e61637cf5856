"""Fixtures of the saved-query tests: the shared sample graph (see ``tests/queries/sample_graph.py``)."""

from tests.queries.sample_graph import sample_store, sample_store_url

__all__ = ["sample_store", "sample_store_url"]
