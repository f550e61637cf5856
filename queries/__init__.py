"""Saved Cypher queries (``queries/*.cypher``) and their catalog.

:mod:`queries.catalog` reads the header of each file (title, description, typed parameters with defaults),
binds parameter values and checks a query is portable (FalkorDB and Neo4j/ArcadeDB over Bolt) and read-only;
``python -m queries`` lists and runs them.

Parameter convention: a parameter of type ``symbol`` (``plan``, ``document``, ``parent``, ``child``…) names a
document. Whoever runs a saved query passes what the person typed (``60-KH/TU``, ``80-kh/duk`` or a uid);
:meth:`~queries.catalog.SavedQuery.prepare` turns it into the uid of the one document it names
(:func:`graph.documents.resolve_document`: unknown or ambiguous is an error listing the candidates), and the
statement compares uids only, ``MATCH (p:Document {uid: $plan})``. :func:`~queries.catalog.validate` refuses a
``.cypher`` file that uses such a parameter any other way.

>>> from queries.catalog import get_query
>>> [(p.name, p.type) for p in get_query("subplan_audit").params]
[('plan', 'symbol'), ('as_of', 'date')]
"""
