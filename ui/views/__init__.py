"""What each page reads: typed, frozen view models. A module per page, named as the page's script in
``ui/pages/``, plus the pieces several share (``search``, ``subplan_status``, ``graph_nodes``, ``rows``).

In each module ``read_…(store, …)`` is a plain function of a :class:`~graph.store.GraphStore` (no Streamlit),
and the function of the same name without ``read_`` serves it to the page, cached under
:func:`ui.store.generation`.
"""
