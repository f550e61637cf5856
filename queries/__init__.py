"""Saved Cypher queries (``queries/*.cypher``) and their catalog.

:mod:`queries.catalog` reads the header of each file (title, description, typed parameters with defaults),
binds parameter values and checks a query is portable (FalkorDB and Neo4j/ArcadeDB over Bolt) and read-only;
``python -m queries`` lists and runs them.
"""
